/**
 * An ExcelJS cell as the Workbook port sees it (src/workbook/port.ts): numbers, text, booleans,
 * blanks and Excel errors; a formula gives its cached result (UNCALCULATED_FORMULA if none), rich
 * text and hyperlinks their plain text, a date its Excel serial number (what Excel itself stores),
 * and a merged range its value in the top-left cell only.
 */
import type { Cell } from "exceljs";
import { UNCALCULATED_FORMULA, type CellValue } from "../workbook/port";

/** Days between Excel's day 0 (1899-12-30, 1900 system) and 1970-01-01; the 1904 system is 1462 days later. */
const EPOCH_1900 = 25569;
const OFFSET_1904 = 1462;
const MS_PER_DAY = 24 * 60 * 60 * 1000;

/**
 * The serial number Excel stores for a date cell. ExcelJS built the Date from that number as UTC
 * (utils.excelToDate), so the reverse is exact.
 */
export function excelSerial(date: Date, date1904: boolean): number {
  return EPOCH_1900 + date.getTime() / MS_PER_DAY - (date1904 ? OFFSET_1904 : 0);
}

type Scalar = number | string | boolean | Date | { error: string } | null | undefined;

function scalar(value: Scalar, date1904: boolean): CellValue {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? { error: "#VALUE!" } : excelSerial(value, date1904);
  }
  if (typeof value === "object") return { error: String(value.error) };
  if (typeof value === "number" && !Number.isFinite(value)) return { error: "#NUM!" };
  return value;
}

/** The value of any ExcelJS cell value (the `cell.value` union). */
export function cellValueOf(raw: unknown, date1904: boolean): CellValue {
  if (raw === null || raw === undefined) return null;
  if (typeof raw !== "object" || raw instanceof Date) return scalar(raw as Scalar, date1904);
  const value = raw as Record<string, unknown>;
  if ("error" in value) return { error: String(value.error) };
  if ("richText" in value && Array.isArray(value.richText)) {
    return value.richText.map((run: { text?: unknown }) => String(run.text ?? "")).join("");
  }
  if ("formula" in value || "sharedFormula" in value) {
    // The result Excel computed and saved with the file; a formula never calculated has none, and its
    // value is unknown (not a blank).
    const result = value.result;
    if (result === undefined || result === null) return UNCALCULATED_FORMULA;
    if (typeof result === "object" && !(result instanceof Date) && !("error" in result)) {
      return cellValueOf(result, date1904);
    }
    return scalar(result as Scalar, date1904);
  }
  if ("text" in value) return cellValueOf(value.text, date1904);
  return null;
}

/** A cell read from a loaded worksheet: the slave cells of a merged range are blank. */
export function readCell(cell: Cell, date1904: boolean): CellValue {
  if (cell.isMerged && cell.master !== cell) return null;
  return cellValueOf(cell.value, date1904);
}
