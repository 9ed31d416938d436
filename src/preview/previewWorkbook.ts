/**
 * The workbook of the browser preview: the in-memory port (MemoryWorkbook) plus what Excel would give
 * the task pane — an active sheet, a selection, reads in chunks — and a way for the page to redraw
 * when any of it changes.
 *
 * Reads are chunked like the Excel adapter's (5 000 rows per request) with a small pause per chunk
 * standing for Excel's round trip, so that progress and « Annuler » behave as they do in Excel.
 */
import { MemoryWorkbook } from "../workbook/memory";
import {
  AbortedError,
  columnLetter,
  lignesSousEntete,
  type CellValue,
  type OutputSheet,
  type Progress,
  type SheetData,
} from "../workbook/port";
import type { Navigator } from "../taskpane/navigator";

/** Rows per simulated request, as the Excel adapter reads (docs/excel-adapter.md). */
export const ROWS_PER_CHUNK = 5000;

/** A rectangle of cells, 0-based and inclusive. */
export interface CellRange {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

export interface PreviewState {
  readonly active: string;
  /** The selection on the active sheet, or null (a whole sheet shown, nothing selected). */
  readonly selection: CellRange | null;
  /** Incremented on every change, for the view to redraw. */
  readonly version: number;
}

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function columnIndex(letters: string): number {
  let n = 0;
  for (const c of letters.toUpperCase()) n = n * 26 + (c.charCodeAt(0) - 64);
  return n - 1;
}

export class PreviewWorkbook extends MemoryWorkbook implements Navigator {
  private state: PreviewState;
  private readonly listeners = new Set<() => void>();
  private readonly sheetListeners = new Set<() => void>();
  /** How many times the workbook was asked to recalculate (after a change in Paramètres). */
  recalculations = 0;

  constructor(
    userSheets: Record<string, CellValue[][]>,
    /** Simulated duration of one Excel request, in milliseconds. */
    private readonly latency = 5,
  ) {
    super(userSheets);
    this.state = { active: this.sheets[0]?.name ?? "", selection: null, version: 0 };
  }

  // —— for the view ——

  snapshot = (): PreviewState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  private update(change: Partial<Omit<PreviewState, "version">>): void {
    this.state = { ...this.state, ...change, version: this.state.version + 1 };
    for (const listener of this.listeners) listener();
  }

  activate(name: string): void {
    const sheet = this.sheet(name);
    if (sheet) this.update({ active: sheet.name, selection: null });
  }

  select(range: CellRange | null): void {
    this.update({ selection: range });
  }

  addUserSheet(name: string, values: CellValue[][]): string {
    let unique = name;
    for (let n = 2; this.sheet(unique); n++) unique = `${name} (${n})`;
    this.sheets.push({ name: unique, values, owned: false });
    this.update({ active: unique, selection: null });
    this.sheetsChanged();
    return unique;
  }

  // —— the Workbook port, with Excel's behaviour ——

  override async readSheet(name: string, progress: Progress = {}): Promise<SheetData> {
    const data = await super.readSheet(name);
    const total = data.values.length;
    for (let done = 0; ;) {
      if (progress.signal?.aborted) throw new AbortedError();
      await pause(this.latency);
      done = Math.min(total, done + ROWS_PER_CHUNK);
      progress.onProgress?.(lignesSousEntete(done), lignesSousEntete(total));
      if (done >= total) break;
    }
    return data;
  }

  /** Like Excel: the sheet written becomes the active sheet. */
  override async writeSheet(output: OutputSheet): Promise<string> {
    await pause(this.latency);
    const name = await super.writeSheet(output);
    this.update({ active: name, selection: null });
    // As Excel does when the adapter replaces its sheet (deleted, then added).
    this.sheetsChanged();
    return name;
  }

  // —— the navigator ——

  onSheetsChanged(listener: () => void): () => void {
    this.sheetListeners.add(listener);
    return () => {
      this.sheetListeners.delete(listener);
    };
  }

  private sheetsChanged(): void {
    for (const listener of this.sheetListeners) listener();
  }

  async activeSheetName(): Promise<string> {
    return this.state.active;
  }

  async readSelection(progress: Progress = {}): Promise<SheetData> {
    const sheet = this.sheet(this.state.active);
    if (!sheet) throw new Error("Aucune feuille active.");
    const range = this.state.selection;
    if (!range)
      throw new Error("Aucune cellule sélectionnée : cliquez sur une cellule ou une plage de la feuille.");
    if (progress.signal?.aborted) throw new AbortedError();
    await pause(this.latency);
    const values = sheet.values
      .slice(range.top, range.bottom + 1)
      .map((row) =>
        Array.from({ length: range.right - range.left + 1 }, (_, j) => row[range.left + j] ?? null),
      );
    return { name: sheet.name, values, rowOffset: range.top, columnOffset: range.left };
  }

  async selectCell(name: string, row: number | null, column: string | null): Promise<void> {
    const sheet = this.sheet(name);
    if (!sheet) throw new Error(`Feuille « ${name} » introuvable.`);
    await pause(this.latency);
    const width = Math.max(1, ...sheet.values.slice(0, 50).map((r) => r.length));
    const height = Math.max(1, sheet.values.length);
    const c = column === null ? null : columnIndex(column);
    const r = row === null ? null : row - 1;
    this.update({
      active: sheet.name,
      selection:
        r === null && c === null
          ? null
          : {
              top: r ?? 0,
              bottom: r ?? height - 1,
              left: c ?? 0,
              right: c ?? width - 1,
            },
    });
  }

  async sheetHeads(names: readonly string[], rows: number): Promise<Record<string, CellValue[][]>> {
    await pause(this.latency);
    const heads: Record<string, CellValue[][]> = {};
    for (const name of names) {
      const sheet = this.sheet(name);
      if (sheet) heads[name] = sheet.values.slice(0, rows);
    }
    return heads;
  }
}

/** « C12 », « C12:F40 », « 12:12 »: the address of a range, as Excel's name box shows it. */
export function rangeAddress(range: CellRange): string {
  const a = `${columnLetter(range.left)}${range.top + 1}`;
  const b = `${columnLetter(range.right)}${range.bottom + 1}`;
  return a === b ? a : `${a}:${b}`;
}
