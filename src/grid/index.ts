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
   * Present when the sheet was read from delimited text (a .csv): its separator, and how to tell a line
   * cut into more fields than its header has columns (see DelimitedText). Absent for a workbook's sheet.
   */
  readonly delimited?: DelimitedText;
}

/** The field separators of a delimited text file. */
export type Delimiter = ";" | "," | "\t";

/**
 * What a delimited file adds to its sheet. In such a file a decimal comma left unquoted cuts a number
 * in two (« 802,50 » becomes 802 and 50) and puts values right of the header's last column, where a
 * workbook only has notes. The adapter that reads such files gives this (src/xlsx/workbook.ts, with
 * src/sheet/decoupage.ts): the task pane's sheets come from Excel, which has no separator, so the code
 * and messages of these checks stay out of its bundle (design.md §8).
 */
export interface DelimitedText {
  readonly separator: Delimiter;
  /**
   * Values right of a table `width` columns wide, in a row relative to the used range: null when there
   * are none, or when the row is read as usual anyway (a total, a repeated header, a lone note); else
   * the relative column of the first and the constat's French message, which says `consequence`.
   */
  extraValues(
    row: Row,
    width: number,
    headerRow: number,
    consequence?: string,
  ): { readonly column: number; readonly message: string } | null;
  /**
   * A form value followed by what looks like its decimals cut off (« 7949 » then « 50 »): the French
   * explanation and what to do, or null.
   */
  splitAmount(value: CellValue | undefined, next: CellValue | undefined): string | null;
}

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
