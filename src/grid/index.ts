/**
 * The grid of cells: what a sheet holds once read, as every layer sees it — the readers of src/sheet,
 * the workflows, the Workbook port (src/workbook/port.ts) and its adapters. No Office, Node or DOM
 * API, and no import: it is the bottom layer with src/rules.
 */

/** An Excel error value in a cell (#N/A, #VALUE!, #REF!, #DIV/0!…), kept apart from text. */
export interface CellError {
  readonly error: string;
}

/** What a cell holds once read: dates arrive as Excel serial numbers, formulas as their value. */
export type CellValue = string | number | boolean | null | CellError;

export type Row = readonly CellValue[];

export function isCellError(value: CellValue | undefined): value is CellError {
  return typeof value === "object" && value !== null && "error" in value;
}

/**
 * A formula saved without its result: a file filled by a program (ExcelJS, openpyxl, a script) and never
 * opened in Excel holds the formula but no value to read. Its value is unknown — neither blank nor 0 —
 * so the file readers give it as this error value: every reader then refuses it as it refuses #N/A, and
 * the readers of amounts and effectifs name it (constat « formule-sans-valeur »: open the file in Excel
 * and save it). The text is no Excel error code; a writer copying it shows it as text.
 */
export const UNCALCULATED_FORMULA: CellError = { error: "formule sans valeur" };

export function isUncalculatedFormula(value: CellValue | undefined): boolean {
  return isCellError(value) && value.error === UNCALCULATED_FORMULA.error;
}

/** A blank cell: nothing, or only spaces. */
export function isBlank(value: CellValue | undefined): boolean {
  return value === null || value === undefined || (typeof value === "string" && value.trim() === "");
}

/** The used range of a sheet. `values[0][0]` is the cell at (rowOffset, columnOffset), 0-based from A1. */
export interface SheetData {
  readonly name: string;
  readonly values: readonly Row[];
  readonly rowOffset: number;
  readonly columnOffset: number;
  /**
   * Rows hidden in the sheet (by hand or by a filter), as indexes into `values`, ascending; absent or
   * empty when none is hidden or the source cannot tell (a .csv). They are read like the others.
   */
  readonly hiddenRows?: readonly number[];
  /**
   * Number cells formatted as a date (Excel stores a date as its serial number: 24/01/1900 is 24), as
   * keys `row index × 16 384 + column index` into `values`, ascending; absent when the source has no
   * formats (a .csv) or none is a date. The readers report a date where a number is expected.
   */
  readonly dateCells?: readonly number[];
  /**
   * The field separator, when the sheet was read from delimited text (a .csv); absent for a workbook.
   * In such a file a line cut into more fields than its header has columns (a decimal comma left
   * unquoted: « 802,50 » becomes 802 and 50) puts values right of the header's last column, where a
   * workbook would only have notes: the readers then set the row aside rather than read it shifted.
   */
  readonly delimiter?: Delimiter;
}

/** The field separators of a delimited text file. */
export type Delimiter = ";" | "," | "\t";

/** Column letters of a 0-based index: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    letters = String.fromCharCode(65 + r) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}
