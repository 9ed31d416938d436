/**
 * The Workbook port over Office.js (design.md §5, §6), plus the few navigation helpers the task pane
 * needs. Every method is one `Excel.run` (one user action), with a constant number of
 * `context.sync()` calls, plus one per chunk of rows on large sheets.
 *
 * Requirement sets: ExcelApi 1.8 for the drop-down lists of the bilan template (data validation);
 * reading and writing otherwise need 1.7 (getRangeByIndexes, freezePanes; settings and the
 * *OrNullObject methods are 1.4).
 */
import type { OutputSheet, Progress, SheetData, SheetInfo, Workbook } from "../workbook/port";
import { listSheetsWithIds } from "./listing";
import { OWNED_SHEETS_SETTING } from "./ownership";
import { throwIfAborted } from "./progress";
import { intersectAreas, readArea } from "./reading";
import { pageLayoutSupported, writeOutputSheet } from "./writing";

/** The shape of `Excel.run`: tests pass one that hands the batch a mock context. */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** In the add-in: the real Excel.run, looked up when called (the global exists only once Office.js is loaded). */
const officeRun: ExcelRun = (batch) => Excel.run(batch);

/** Excel's last row and column (1 048 576 rows, XFD = 16 384 columns). */
const MAX_ROW = 1_048_576;
const MAX_COLUMN_LETTERS = "XFD";

function sheetNotFound(name: string): Error {
  return new Error(`Feuille « ${name} » introuvable.`);
}

/** "C" → true; only letters up to XFD. */
function isColumnLetter(letters: string): boolean {
  if (!/^[A-Z]{1,3}$/.test(letters)) return false;
  return letters.length < 3 || letters <= MAX_COLUMN_LETTERS;
}

export class ExcelWorkbook implements Workbook {
  constructor(
    private readonly run: ExcelRun = officeRun,
    /** Output sheets get their print settings (ExcelApi 1.9) — detected once Office is ready. */
    private readonly pageLayout: boolean = pageLayoutSupported(),
  ) {}

  /** 1 sync. */
  listSheets(): Promise<SheetInfo[]> {
    return this.run(async (context) => {
      const sheets = await listSheetsWithIds(context);
      return sheets.map(({ name, owned }) => ({ name, owned }));
    });
  }

  /** The used range (values only, so mere formatting does not widen it): 2 syncs + 1 per chunk. */
  readSheet(name: string, progress: Progress = {}): Promise<SheetData> {
    return this.run(async (context) => {
      throwIfAborted(progress);
      const sheet = context.workbook.worksheets.getItemOrNullObject(name);
      sheet.load("name");
      await context.sync();
      if (sheet.isNullObject) throw sheetNotFound(name);
      const used = sheet.getUsedRangeOrNullObject(true);
      // rowHidden: false when no row is hidden (the usual case: nothing more is loaded), else each
      // row's is loaded with its chunk's values (readArea), to report hidden rows (design.md §4).
      used.load("rowIndex,columnIndex,rowCount,columnCount,rowHidden");
      await context.sync();
      if (used.isNullObject) return { name: sheet.name, values: [], rowOffset: 0, columnOffset: 0 };
      // A loaded range is an Area (rowIndex, columnIndex, rowCount, columnCount).
      return readArea(context, sheet, used, progress, used.rowHidden);
    });
  }

  /** 3 syncs, or 2 + 1 per chunk above 5 000 rows (see writing.ts). */
  writeSheet(output: OutputSheet, progress: Progress = {}): Promise<string> {
    return this.run((context) => writeOutputSheet(context, output, progress, this.pageLayout));
  }

  /** 1 sync. A value stored by something else than this adapter (not text) is returned as JSON. */
  readSetting(key: string): Promise<string | null> {
    return this.run(async (context) => {
      const setting = context.workbook.settings.getItemOrNullObject(key);
      setting.load("value");
      await context.sync();
      if (setting.isNullObject) return null;
      const value: unknown = setting.value;
      return typeof value === "string" ? value : JSON.stringify(value);
    });
  }

  /** 1 sync. The list of the add-in's sheets is not writable from outside: it guards the user's sheets. */
  writeSetting(key: string, value: string): Promise<void> {
    if (key === OWNED_SHEETS_SETTING) {
      return Promise.reject(new Error(`Le réglage « ${OWNED_SHEETS_SETTING} » est réservé au complément.`));
    }
    return this.run(async (context) => {
      context.workbook.settings.add(key, value);
      await context.sync();
    });
  }

  // —— Navigation helpers for the task pane (outside the port) ——

  /** 1 sync. */
  activeSheetName(): Promise<string> {
    return this.run(async (context) => {
      const sheet = context.workbook.worksheets.getActiveWorksheet();
      sheet.load("name");
      await context.sync();
      return sheet.name;
    });
  }

  /**
   * The selected cells, limited to the sheet's used range (selecting whole columns does not read a
   * million blank rows), with their offsets, and its hidden rows and date cells as readSheet gives them
   * (a check of the selection finds what a check of the sheet finds): 1 sync + 1 per chunk. An empty
   * intersection gives no rows, with the selection's own offsets.
   */
  readSelection(progress: Progress = {}): Promise<SheetData> {
    return this.run(async (context) => {
      throwIfAborted(progress);
      const selection = context.workbook.getSelectedRange();
      selection.load("rowIndex,columnIndex,rowCount,columnCount,rowHidden");
      // The selection is always on the active sheet.
      const sheet = context.workbook.worksheets.getActiveWorksheet();
      sheet.load("name");
      const used = sheet.getUsedRangeOrNullObject(true);
      used.load("rowIndex,columnIndex,rowCount,columnCount");
      try {
        await context.sync();
      } catch (error) {
        // getSelectedRange fails when several ranges are selected (Ctrl + clic).
        const detail = error instanceof Error ? ` (${error.message})` : "";
        throw new Error(
          `Impossible de lire la sélection : sélectionnez une seule plage de cellules.${detail}`,
        );
      }
      const area = used.isNullObject ? null : intersectAreas(selection, used);
      if (!area)
        return {
          name: sheet.name,
          values: [],
          rowOffset: selection.rowIndex,
          columnOffset: selection.columnIndex,
        };
      return readArea(context, sheet, area, progress, selection.rowHidden);
    });
  }

  /**
   * Activates the sheet and selects the cell of a finding (row 1-based as Excel shows it, column
   * letter): 2 syncs. A finding about a whole row (no column) selects the row, one about a whole
   * column selects the column, one about the sheet only activates it.
   */
  selectCell(sheetName: string, row1Based: number | null, columnLetter: string | null): Promise<void> {
    const column = columnLetter === null ? null : columnLetter.trim().toUpperCase();
    if (row1Based !== null && !(Number.isInteger(row1Based) && row1Based >= 1 && row1Based <= MAX_ROW)) {
      return Promise.reject(
        new Error(`Ligne ${row1Based} invalide : attendu un numéro entre 1 et ${MAX_ROW}.`),
      );
    }
    if (column !== null && !isColumnLetter(column)) {
      return Promise.reject(
        new Error(`Colonne « ${columnLetter} » invalide : attendu une lettre de A à XFD.`),
      );
    }
    const address =
      row1Based !== null && column !== null
        ? `${column}${row1Based}`
        : row1Based !== null
          ? `${row1Based}:${row1Based}`
          : column !== null
            ? `${column}:${column}`
            : null;
    return this.run(async (context) => {
      const sheet = context.workbook.worksheets.getItemOrNullObject(sheetName);
      await context.sync();
      if (sheet.isNullObject) throw sheetNotFound(sheetName);
      sheet.activate();
      if (address) sheet.getRange(address).select();
      await context.sync();
    });
  }

  /**
   * Full recalculation, after the user changed Paramètres read by the ARE.* functions: 1 sync.
   * "Full" is Excel.CalculationType.full in its string form (no dependency on the Excel global).
   */
  recalculate(): Promise<void> {
    return this.run(async (context) => {
      context.workbook.application.calculate("Full");
      await context.sync();
    });
  }
}
