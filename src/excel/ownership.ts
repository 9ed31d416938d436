/**
 * Which sheets the add-in created (design.md §5: re-running replaces only sheets the add-in created,
 * never a user sheet).
 *
 * Décision (regles.md#technique.feuilles-creees) : the ids of the sheets the add-in created are kept as a JSON list in the workbook
 * settings under "ARE.feuillesCreees" (ExcelApi 1.4), rather than in worksheet custom properties
 * (ExcelApi 1.12). A sheet id survives a rename, so a renamed output sheet stays the add-in's; a
 * copy of it made by the user gets a new id, so it is the user's — custom properties would be copied
 * with the sheet and would wrongly mark the copy as replaceable.
 */

export const OWNED_SHEETS_SETTING = "ARE.feuillesCreees";

/**
 * The ids stored in the setting. Anything unreadable counts as "no sheet owned": the safe side,
 * since an unowned sheet is never replaced (another name is chosen).
 */
export function parseOwnedIds(stored: unknown): string[] {
  let list: unknown = stored;
  if (typeof stored === "string") {
    try {
      list = JSON.parse(stored);
    } catch {
      return [];
    }
  }
  return Array.isArray(list) ? list.filter((id): id is string => typeof id === "string") : [];
}

export function serializeOwnedIds(ids: readonly string[]): string {
  return JSON.stringify([...new Set(ids)]);
}

/**
 * A name Excel accepts for a sheet: none of `: \ / ? * [ ]`, no apostrophe at either end, not empty
 * (the 31-character cap is applied by ownedSheetName).
 */
export function excelSheetName(wanted: string): string {
  const cleaned = wanted
    .replace(/[:\\/?*[\]]/g, "-")
    .replace(/^'+|'+$/g, "")
    .trim();
  return cleaned === "" ? "ARE" : cleaned;
}
