/** The workbook's sheets with their ids and whether the add-in owns them. */
import type { SheetInfo } from "../workbook/port";
import { OWNED_SHEETS_SETTING, parseOwnedIds } from "./ownership";

export interface ListedSheet extends SheetInfo {
  readonly id: string;
}

/** One sync: the sheets' names and ids, and the setting listing the add-in's sheets. */
export async function listSheetsWithIds(context: Excel.RequestContext): Promise<ListedSheet[]> {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name,items/id");
  const ownedSetting = context.workbook.settings.getItemOrNullObject(OWNED_SHEETS_SETTING);
  ownedSetting.load("value");
  await context.sync();
  const ownedIds = new Set(ownedSetting.isNullObject ? [] : parseOwnedIds(ownedSetting.value));
  return worksheets.items.map((sheet) => ({ name: sheet.name, id: sheet.id, owned: ownedIds.has(sheet.id) }));
}
