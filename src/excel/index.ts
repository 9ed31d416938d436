/** The Excel adapter: the Workbook port over Office.js, for the task pane (docs/excel-adapter.md). */
export { ExcelWorkbook, type ExcelRun } from "./excelWorkbook";
export { OWNED_SHEETS_SETTING } from "./ownership";
export { NUMBER_FORMATS } from "./cells";
export { MAX_ROWS_PER_CHUNK } from "./chunks";
