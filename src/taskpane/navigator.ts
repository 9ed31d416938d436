/**
 * What the screens need from the host besides the Workbook port: where the user is (active sheet,
 * selection), a way to take them to a cell, and the top rows of sheets (to suggest inputs without
 * reading whole sheets). Implemented over Office.js in Excel (excel/excelNavigator.ts) and over the
 * in-memory workbook in the preview (src/preview).
 */
import type { CellValue, Progress, SheetData, Workbook } from "../workbook/port";

export interface Navigator {
  /** The name of the sheet the user is looking at. */
  activeSheetName(): Promise<string>;
  /** The selected cells (one rectangle) of the active sheet, with their offsets. */
  readSelection(progress?: Progress): Promise<SheetData>;
  /**
   * Activates the sheet and selects a cell (row 1-based as Excel shows it, column letter); the whole
   * row or column when the other is null; only the sheet when both are null.
   */
  selectCell(sheet: string, row: number | null, column: string | null): Promise<void>;
  /** The first `rows` rows of each sheet named, from A1 (blank rows kept, so row numbers hold). */
  sheetHeads(names: readonly string[], rows: number): Promise<Record<string, CellValue[][]>>;
  /**
   * Calls `listener` after a sheet is added, deleted or renamed (by the user or by the add-in), so that
   * lists of sheets follow the workbook; returns the function that stops listening.
   */
  onSheetsChanged(listener: () => void): () => void;
}

/**
 * The workbook seen through a selection: reading the selection's sheet gives the selected cells only,
 * so the « Contrôler » workflow checks a selection exactly as it checks a sheet (row numbers and column
 * letters still those of the sheet, thanks to the offsets).
 */
export class SelectionWorkbook implements Workbook {
  constructor(
    private readonly inner: Workbook,
    private readonly selection: SheetData,
  ) {}

  listSheets = () => this.inner.listSheets();
  writeSheet: Workbook["writeSheet"] = (sheet, progress) => this.inner.writeSheet(sheet, progress);
  readSetting = (key: string) => this.inner.readSetting(key);
  writeSetting = (key: string, value: string) => this.inner.writeSetting(key, value);

  async readSheet(name: string, progress?: Progress): Promise<SheetData> {
    if (name.toLowerCase() === this.selection.name.toLowerCase()) return this.selection;
    return this.inner.readSheet(name, progress);
  }
}
