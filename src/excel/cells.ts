/**
 * Cell values across the Office.js boundary, both ways. Pure: no Office global is touched, so the
 * mapping is tested on its own.
 */
import {
  NUMBER_FORMATS,
  cellText,
  isCellError,
  type CellValue,
  type ColumnFormat,
  type Row,
} from "../workbook/port";

/**
 * Excel.RangeValueType as the strings Office.js returns ("Error", "Empty"…). The string forms are used
 * so this module works without the `Excel` global (tests, the browser preview).
 */
export type ExcelValueType = `${Excel.RangeValueType}`;

/**
 * One cell as Office.js gives it back (`values` + `valueTypes`) → the port's CellValue.
 * An Excel error (#N/A, #REF!…) arrives in `values` as its text: only `valueTypes` tells it apart
 * from a cell that holds the text "#N/A", hence both are loaded.
 */
export function cellFromExcel(value: unknown, valueType: ExcelValueType | undefined): CellValue {
  if (valueType === "Error") return { error: String(value) };
  if (valueType === "Empty") return null;
  switch (typeof value) {
    case "number":
      return Number.isFinite(value) ? value : null;
    case "boolean":
      return value;
    case "string":
      return value === "" ? null : value;
    default:
      // Rich values (linked data types, images in cells) have no plain value: the port treats them as blank.
      return null;
  }
}

/** A block of rows read with `values` and `valueTypes`, appended to `into` (no spread: chunks are large). */
export function appendRowsFromExcel(
  into: CellValue[][],
  values: readonly (readonly unknown[])[],
  valueTypes: readonly (readonly string[])[],
): void {
  for (let r = 0; r < values.length; r++) {
    const rowValues = values[r];
    const rowTypes = valueTypes[r] ?? [];
    const row: CellValue[] = new Array(rowValues.length);
    for (let c = 0; c < rowValues.length; c++)
      row[c] = cellFromExcel(rowValues[c], rowTypes[c] as ExcelValueType);
    into.push(row);
  }
}

export { NUMBER_FORMATS };

/** The value Office.js is given for a port cell: blanks become "", an error is written as its text. */
export function cellToExcel(value: CellValue): string | number | boolean {
  if (value === null || value === undefined) return "";
  if (isCellError(value)) return value.error;
  if (typeof value === "number" && !Number.isFinite(value)) return String(value);
  // Excel refuses a whole write holding a cell above 32 767 characters: cut it as the .xlsx writer does.
  if (typeof value === "string") return cellText(value);
  return value;
}

/**
 * The number format of one written cell. Office.js reads a written string that starts with `=`, `+`
 * or `-` as a formula (documented on Range.values), and Excel also turns `@…` into one; a cell
 * formatted as text (`@`) keeps what it is given as text. So the text format goes on every cell of a
 * text column and on every string cell of any column (a "—" or a "-" in a euros column included),
 * and it is always set before the values, in the same batch. This also keeps leading zeros of codes
 * such as "01022101".
 */
export function cellNumberFormat(value: CellValue, format: ColumnFormat): string {
  if (format === "text") return NUMBER_FORMATS.text;
  const written = cellToExcel(value);
  if (typeof written === "string" && written !== "") return NUMBER_FORMATS.text;
  return NUMBER_FORMATS[format];
}

/** A block of output rows as the two matrices Office.js takes: numberFormat (set first) and values. */
export function rowsToExcel(
  rows: readonly Row[],
  formats: readonly ColumnFormat[],
): { numberFormat: string[][]; values: (string | number | boolean)[][] } {
  const numberFormat: string[][] = new Array(rows.length);
  const values: (string | number | boolean)[][] = new Array(rows.length);
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    const rowFormats: string[] = new Array(formats.length);
    const rowValues: (string | number | boolean)[] = new Array(formats.length);
    for (let c = 0; c < formats.length; c++) {
      const cell = row[c] ?? null;
      rowFormats[c] = cellNumberFormat(cell, formats[c]);
      rowValues[c] = cellToExcel(cell);
    }
    numberFormat[r] = rowFormats;
    values[r] = rowValues;
  }
  return { numberFormat, values };
}
