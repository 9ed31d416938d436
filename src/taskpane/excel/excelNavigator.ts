/**
 * The navigator over Office.js: the Excel adapter's navigation helpers (src/excel), plus the top rows
 * of several sheets at once, read in one Excel.run with three syncs whatever the number of sheets (the
 * suggestion of the Dotations screen must not read whole rectorat sheets).
 */
import type { ExcelRun, ExcelWorkbook } from "../../excel";
import type { CellValue } from "../../workbook/port";
import type { Navigator } from "../navigator";
import { watchSheets, type ExcelRunOn } from "./sheetEvents";

/** In the add-in: the real Excel.run, looked up when called (the global exists once Office.js is loaded). */
const officeRun: ExcelRun = (batch) => Excel.run(batch);

/** What an Office.js value becomes in a head row: text, number or boolean; an empty cell is null. */
function cell(value: unknown): CellValue {
  if (value === "" || value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  return String(value);
}

/**
 * First `rows` rows from A1 of each sheet named (sheets deleted meanwhile are skipped): 3 syncs, whatever
 * the number of sheets. The header search only needs text, so error values arrive as their text
 * (« #N/A »), which is enough here.
 */
export async function sheetHeads(
  names: readonly string[],
  rows: number,
  run: ExcelRun = officeRun,
): Promise<Record<string, CellValue[][]>> {
  if (names.length === 0 || rows <= 0) return {};
  return run(async (context) => {
    const worksheets = context.workbook.worksheets;
    worksheets.load("items/name");
    await context.sync();
    const present = new Set(worksheets.items.map((sheet) => sheet.name));
    const used = names
      .filter((name) => present.has(name))
      .map((name) => {
        const range = worksheets.getItem(name).getUsedRangeOrNullObject(true);
        range.load("rowIndex,columnIndex,rowCount,columnCount");
        return { name, range };
      });
    await context.sync();
    const heads = used
      .filter(({ range }) => !range.isNullObject && range.rowIndex < rows)
      .map(({ name, range }) => {
        // From A1, so that blank rows and columns before the used range keep row numbers and letters.
        const head = worksheets
          .getItem(name)
          .getRangeByIndexes(
            0,
            0,
            Math.min(rows, range.rowIndex + range.rowCount),
            range.columnIndex + range.columnCount,
          );
        head.load("values");
        return { name, head };
      });
    await context.sync();
    const result: Record<string, CellValue[][]> = {};
    for (const { name, head } of heads) result[name] = head.values.map((row) => row.map(cell));
    return result;
  });
}

/** The Excel navigator of the task pane. */
export function excelNavigator(
  workbook: ExcelWorkbook,
  run: ExcelRun = officeRun,
  runOn?: ExcelRunOn,
): Navigator {
  return {
    activeSheetName: () => workbook.activeSheetName(),
    readSelection: (progress) => workbook.readSelection(progress),
    selectCell: (sheet, row, column) => workbook.selectCell(sheet, row, column),
    sheetHeads: (names, rows) => sheetHeads(names, rows, run),
    onSheetsChanged: (listener) => watchSheets(listener, run, runOn),
  };
}
