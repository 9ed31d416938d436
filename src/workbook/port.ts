/**
 * The Workbook port: the little the workflows need from a spreadsheet. Implemented in memory (tests,
 * browser preview), over Office.js (src/excel, in Excel) and over ExcelJS (src/xlsx, the CLI).
 *
 * Two promises every implementation keeps (design.md §5):
 * - the user's cells are never modified: writes only create or replace sheets the add-in owns;
 * - a user sheet with the name asked for is never overwritten: another name is chosen.
 */

/** The port speaks in the grid's types (src/grid): re-exported, so that an adapter names one module. */
export {
  UNCALCULATED_FORMULA,
  columnLetter,
  isBlank,
  isCellError,
  isUncalculatedFormula,
  type CellError,
  type CellValue,
  type Row,
  type SheetData,
} from "../grid";
import type { CellValue, Row, SheetData } from "../grid";

export interface SheetInfo {
  readonly name: string;
  /** Created by the add-in (marked), so the add-in may replace it. */
  readonly owned: boolean;
}

export type ColumnFormat = "text" | "integer" | "euros" | "percent" | "decimal";

/**
 * The Excel number format of each column format, in the en-US invariant syntax both Office.js and the
 * file format use (`,` thousands, `.` decimals): Excel shows them with the user's separators
 * (« 1 234,50 € » in French Excel).
 */
export const NUMBER_FORMATS: Readonly<Record<ColumnFormat, string>> = {
  text: "@",
  integer: "#,##0",
  euros: '#,##0.00 "€"',
  percent: "0.00 %",
  decimal: "#,##0.00",
};

export interface OutputColumn {
  readonly header: string;
  readonly format: ColumnFormat;
  /** Approximate width in characters. */
  readonly width?: number;
  /**
   * A drop-down list on the column's data cells (a form the user fills in, e.g. the four equipment
   * types of a bilan). The choices are written on the same sheet, in a hidden column to the right of
   * the table (see outputLayout), and the list refers to those cells: a choice may contain commas,
   * which a comma-separated list source could not hold. A value outside the list is allowed after a
   * warning (pasted data bypasses lists anyway): the workflow reading the sheet back checks it.
   */
  readonly choices?: readonly string[];
}

/** One labelled value of a form block (« UAI » 0750655E, « Dotation reçue pré-bac » 7 949,50 €). */
export interface OutputField {
  readonly label: string;
  readonly value: CellValue;
  readonly format: ColumnFormat;
}

/** A sheet the add-in writes: a few lines of heading, then one table with its header and totals. */
export interface OutputSheet {
  /** The name wanted; an implementation picks another if a user sheet already has it. */
  readonly name: string;
  /** Lines written above the table (title, year, source files…), as text. */
  readonly heading: readonly string[];
  /**
   * Labelled values written below the heading, label in column A and value in column B, for the user
   * to read or complete (the establishment and envelopes of a bilan). Optional: most outputs have none.
   */
  readonly fields?: readonly OutputField[];
  readonly columns: readonly OutputColumn[];
  readonly rows: readonly Row[];
  /**
   * The totals row below the rows, computed by the workflow in decimal arithmetic (so every
   * implementation shows the same exact figures), or null.
   */
  readonly totals: Row | null;
}

/** Where a column's list of choices is written (0-based, from A1). */
export interface ChoiceListPlacement {
  /** The table column whose data cells get the drop-down. */
  readonly column: number;
  /** The hidden column holding the choices, from row `firstRow`. */
  readonly listColumn: number;
  readonly firstRow: number;
  readonly count: number;
}

/** Rows and columns of an output sheet, 0-based from A1: the one layout every implementation writes. */
export interface OutputLayout {
  /** Row of the first field (fields follow the heading and a blank line). */
  readonly fieldsRow: number;
  readonly headerRow: number;
  readonly firstDataRow: number;
  /** Row of the totals, just below the data rows. */
  readonly totalsRow: number;
  readonly choiceLists: readonly ChoiceListPlacement[];
  /**
   * Printed in landscape: a table of more than PORTRAIT_COLUMNS columns (a demande to sign and send,
   * the dotations). Every output also prints with the table's header row repeated on each page.
   */
  readonly landscape: boolean;
}

/** The widest table printed in portrait. */
export const PORTRAIT_COLUMNS = 6;

/**
 * heading lines, a blank line, the fields, a blank line, the header, the rows, the totals. Lists of
 * choices go to the right of the table (one blank column between), one column per list, from the top
 * row: a workflow giving choices keeps its heading and fields at least as tall as its longest list, so
 * that the lists stay above the table's header and are never read as data rows.
 */
export function outputLayout(output: OutputSheet): OutputLayout {
  const headingRows = output.heading.length + (output.heading.length > 0 ? 1 : 0);
  const fields = output.fields?.length ?? 0;
  const headerRow = headingRows + fields + (fields > 0 ? 1 : 0);
  const choiceLists: ChoiceListPlacement[] = [];
  output.columns.forEach((column, index) => {
    if (column.choices && column.choices.length > 0) {
      choiceLists.push({
        column: index,
        listColumn: output.columns.length + 1 + choiceLists.length,
        firstRow: 0,
        count: column.choices.length,
      });
    }
  });
  return {
    fieldsRow: headingRows,
    headerRow,
    firstDataRow: headerRow + 1,
    totalsRow: headerRow + 1 + output.rows.length,
    choiceLists,
    landscape: output.columns.length > PORTRAIT_COLUMNS,
  };
}

export interface Progress {
  /**
   * Called as work advances: `done` out of `total` units (rows). A sheet being read counts its rows
   * under the first one, the header (lignesSousEntete).
   */
  readonly onProgress?: (done: number, total: number) => void;
  /** Set `aborted` to stop between chunks; the operation then rejects with an AbortedError. */
  readonly signal?: { readonly aborted: boolean };
}

/**
 * Rows read, as the progress of a reading counts them: without the sheet's first row, its header — the
 * 200 000 rows of a sheet under its titles read « 200 000 lignes », not 200 001 (issue 12, point 17),
 * the count the sheet's readers then report.
 */
export function lignesSousEntete(rows: number): number {
  return Math.max(0, rows - 1);
}

export class AbortedError extends Error {
  constructor() {
    super("Opération annulée.");
    this.name = "AbortedError";
  }
}

export interface Workbook {
  listSheets(): Promise<SheetInfo[]>;
  readSheet(name: string, progress?: Progress): Promise<SheetData>;
  /** Creates the sheet, or replaces the add-in's own sheet of that name. Returns the name used. */
  writeSheet(sheet: OutputSheet, progress?: Progress): Promise<string>;
  /** Values the user added in Paramètres, stored with the workbook (JSON text), or null. */
  readSetting(key: string): Promise<string | null>;
  writeSetting(key: string, value: string): Promise<void>;
}

/**
 * The name to write `wanted` under: itself when free or owned by the add-in, else `wanted (2)`,
 * `wanted (3)`… Excel caps sheet names at 31 characters.
 */
export function ownedSheetName(wanted: string, existing: readonly SheetInfo[]): string {
  const byName = new Map(existing.map((f) => [f.name.toLowerCase(), f]));
  const base = wanted.slice(0, 31);
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? "" : ` (${n})`;
    const candidate = base.slice(0, 31 - suffix.length) + suffix;
    const found = byName.get(candidate.toLowerCase());
    if (!found || found.owned) return candidate;
  }
}

/** Excel's limit on the characters of one cell. */
export const MAX_CELL_TEXT = 32767;

/** A text as a cell can hold it: cut with an ellipsis beyond Excel's 32 767 characters (both writers use it). */
export function cellText(text: string): string {
  return text.length > MAX_CELL_TEXT ? text.slice(0, MAX_CELL_TEXT - 1) + "…" : text;
}
