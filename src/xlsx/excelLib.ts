/**
 * ExcelJS, loaded on first use: requiring it costs about a quarter of a second, which `are forfait`,
 * `are eligible` and the fast .xlsx reader never need to pay.
 */
import type ExcelJS from "exceljs";

let library: Promise<typeof ExcelJS> | null = null;

export function loadExcelJS(): Promise<typeof ExcelJS> {
  library ??= import("exceljs").then((module) => (module.default ?? module) as typeof ExcelJS);
  return library;
}
