/**
 * The cells of a worksheet part (ECMA-376 part 1, §18.3.1.99 sheetData, §18.3.1.73 row, §18.3.1.4 c),
 * scanned from its bytes as they are inflated (chunks.ts): rows are decoded and put in the grid as
 * they arrive, and no text of the whole sheet is ever built.
 *
 * Décision (regles.md#technique.performance; performance, issues 7 and 13): the common cells — a
 * shared string or a plain number in `<v>` — are read from their bytes, without building a string:
 * the shared string's index and an integer's value are computed digit by digit, a reference's column
 * and row too. Every other cell (inline strings, formulas, booleans, errors, dates, escapes) is
 * decoded to text and read by xmlText.ts's cellValue, as before. Each row becomes an array of its
 * exact size: a full sheet of a million rows costs its cells, not the slack of growing arrays.
 */
import type { CellValue } from "../workbook/port";
import {
  AMPERSAND,
  BANG,
  ChunkScanner,
  COLON,
  DOUBLE_QUOTE,
  EQUALS,
  GT,
  LT,
  QUESTION,
  SINGLE_QUOTE,
  SLASH,
  digitsValue,
  endOfMarkup,
  findAscii,
  findByte,
  isAscii,
  localName,
  nameEnd,
  isSpace,
  startsWithAscii,
} from "./chunks";
import { emptyRows, exactRow } from "./rows";
import {
  EXCEL_COLONNES,
  EXCEL_LIGNES,
  HorsLimitesExcel,
  XlsxEndommage,
  cellValue,
  columnOf,
  decodeXml,
  numberValue,
  referenceDansLaLigne,
} from "./xmlText";

export interface SheetCells {
  /** Cells from A1; rows and cells may be missing (sparse). */
  readonly grid: CellValue[][];
  /** 0-based indexes of the rows marked `hidden` (by hand or by a filter), in the file's order. */
  readonly hiddenRows: number[];
  /** Number cells whose style shows a date, as 0-based pairs: row, column, row, column… */
  readonly dateCells: number[];
}

/** The cells a row holds before its arrays grow (SheetScanner's cols and vals). */
const ROW_ROOM = 32;

/** Where the scan is: before `<sheetData>`, inside it, or past its end (the rest is not read). */
const BEFORE = 0;
const INSIDE = 1;
const AFTER = 2;

/** Slots of the attribute ranges (start, end) of the tag being read. */
const R = 0;
const T = 2;
const S = 4;
const HIDDEN = 6;

/** The cell types read from bytes; the others go through cellValue. */
const NUMBER = 0;
const SHARED = 1;
const OTHER = 2;

/**
 * The type of a cell whose `t` is one letter, by the letter's byte: `s` SHARED, `n` NUMBER, any other
 * OTHER. A lookup rather than comparisons: the first `t="e"` (an error) takes no path that the
 * optimised commonCell never ran, which would throw that code away.
 */
const TYPE_LETTERS = new Uint8Array(256).fill(OTHER);
TYPE_LETTERS[115 /* s */] = SHARED;
TYPE_LETTERS[110 /* n */] = NUMBER;

/** What commonCell returns when the bytes end inside the cell, or when the cell is not a common one. */
const CUT = -1;
const UNCOMMON = -2;

/** The fewest bytes of a row holding a cell, in a worksheet part: `<row><c><v>1</v></c></row>`. */
const OCTETS_LIGNE_MIN = 27;

/** Rows below which the first chunk tells too little of the rest. */
const LIGNES_ECHANTILLON = 16;

/**
 * The rows to make room for once `octetsLus` of a part of `partOctets` bytes (its size once
 * inflated, from the archive's directory) have given `lignesLues` rows: the same rows per byte for
 * the rest, and 5 % more. Never more than the part's bytes can hold, nor than Excel's last row. 0
 * when the part has been read whole, or when too few rows were read to tell. Only room: the rows
 * read are the rows the part holds, more or fewer.
 */
export function lignesPrevues(lignesLues: number, octetsLus: number, partOctets: number): number {
  if (lignesLues < LIGNES_ECHANTILLON || octetsLus >= partOctets) return 0;
  const estimees = Math.ceil((partOctets / octetsLus) * lignesLues * 1.05);
  return Math.min(estimees, EXCEL_LIGNES, Math.floor(partOctets / OCTETS_LIGNE_MIN));
}

/** `</sheetData>` or `</x:sheetData>`: the name between `</` and `>`. */
function isSheetDataEnd(buf: Buffer, from: number, to: number): boolean {
  return (
    (to - from === 9 || (to - from > 9 && buf[to - 10] === COLON)) &&
    startsWithAscii(buf, to - 9, to, "sheetData")
  );
}

export class SheetScanner extends ChunkScanner {
  private state = BEFORE;
  private readonly grid: CellValue[][] = emptyRows();
  /** One past the last row put in the grid: its length at the end (finish). */
  private lignes = 0;
  /** Bytes of the part pushed so far. */
  private octetsLus = 0;
  private readonly hiddenRows: number[] = [];
  private readonly dateCells: number[] = [];
  private rowIndex = -1;
  private colIndex = -1;
  /**
   * The cells of the current row, in the file's order: put in the grid when the row ends. Room for
   * ROW_ROOM cells from the start: the optimised commonCell of a first sheet only ever stored into
   * room that was there (the first row's growth happens before V8 watches), and would be thrown
   * away at the next sheet's first cell if that sheet's arrays still had to grow.
   */
  private readonly cols: number[] = Array.from({ length: ROW_ROOM }, () => -1);
  private readonly vals: CellValue[] = Array.from({ length: ROW_ROOM }, () => null);
  private count = 0;
  private readonly attrs = new Int32Array(8);

  constructor(
    private readonly strings: readonly string[],
    private readonly date1904: boolean,
    /** Which styles show dates (null: none does). */
    private readonly dateStyles: readonly boolean[] | null,
    /** The part's size once inflated (the archive's directory): bounds the rows it can hold. */
    private readonly partOctets = 0,
  ) {
    super();
  }

  /**
   * Scans a chunk (ChunkScanner.push). After the first one, the grid gets room for the rows the
   * part will hold (lignesPrevues). Décision (regles.md#technique.performance; issue 13 §5): grown
   * row by row, a grid of 100 000 rows is copied some 25 times into ever larger arrays, each new
   * memory for the system to hand over: 15 ms instead of 5, measured in isolation.
   */
  override push(chunk: Buffer): void {
    super.push(chunk);
    const premier = this.octetsLus === 0;
    this.octetsLus += chunk.length;
    if (premier) {
      const prevues = lignesPrevues(this.lignes, this.octetsLus, this.partOctets);
      if (prevues > this.grid.length) this.grid.length = prevues;
    }
  }

  /** The cells, once every chunk has been pushed. Throws if the part ends inside a tag or a cell. */
  finish(): SheetCells {
    if (this.flush() && this.state === INSIDE) throw new Error("balise non fermée");
    this.endRow();
    // Room made but not used (the estimate was above the rows): no trailing holes.
    this.grid.length = this.lignes;
    return { grid: this.grid, hiddenRows: this.hiddenRows, dateCells: this.dateCells };
  }

  protected scan(buf: Buffer, pos: number, end: number, stopAt: number): number {
    if (this.state === AFTER) return end;
    for (;;) {
      const lt = findByte(buf, LT, pos, end);
      if (lt === -1) return end;
      if (lt >= stopAt || lt + 2 >= end) return lt;
      const second = buf[lt + 1];
      if (second === 99 /* c */ && this.state === INSIDE) {
        const after = this.commonCell(buf, lt, end);
        if (after === CUT) return lt;
        if (after !== UNCOMMON) {
          pos = after;
          continue;
        }
      }
      if (second === BANG || second === QUESTION) {
        pos = endOfMarkup(buf, lt, end);
        if (pos === -1) return lt;
        continue;
      }
      if (second === SLASH) {
        const gt = findByte(buf, GT, lt + 2, end);
        if (gt === -1) return lt;
        if (this.state === INSIDE && isSheetDataEnd(buf, lt + 2, gt)) {
          this.endRow();
          this.state = AFTER;
          return end;
        }
        pos = gt + 1;
        continue;
      }
      const j = nameEnd(buf, lt + 1, end);
      if (j >= end) return lt;
      const gt = findByte(buf, GT, j, end);
      if (gt === -1) return lt;
      /** The name without its namespace prefix. */
      const name = localName(buf, lt + 1, j);
      const length = j - name;
      if (this.state === BEFORE) {
        if (length === 9 && startsWithAscii(buf, name, j, "sheetData")) {
          if (buf[gt - 1] === SLASH) {
            this.state = AFTER;
            return end;
          }
          this.state = INSIDE;
        }
        pos = gt + 1;
        continue;
      }
      if (length === 1 && buf[name] === 99 /* c */) {
        const after = this.cell(buf, lt, name, j, gt, end);
        if (after === -1) return lt;
        pos = after;
        continue;
      }
      if (length === 3 && buf[name] === 114 && buf[name + 1] === 111 && buf[name + 2] === 119 /* row */) {
        this.row(buf, j, gt);
      }
      pos = gt + 1;
    }
  }

  /**
   * The common cell, read in one pass over its bytes: `<c r="B12" s="3" t="s"><v>42</v></c>` —
   * attributes r, s and t written ` x="…"`, a shared string or a number, nothing else (or no value:
   * `<c r="B12" s="3"/>`). Returns where the cell ends; CUT when the bytes end first; UNCOMMON for
   * anything else (another attribute, type or spelling, a formula, an odd reference), which the
   * general path (cell) then reads — and checks — from the start.
   */
  private commonCell(buf: Buffer, lt: number, end: number): number {
    let i = lt + 2;
    let col = -1;
    let type = NUMBER;
    let style = -1;
    let typed = false;
    let b = 0;
    for (;;) {
      if (i + 4 >= end) return CUT;
      b = buf[i];
      if (b === GT || b === SLASH) break;
      if (b !== 32 || buf[i + 2] !== EQUALS || buf[i + 3] !== DOUBLE_QUOTE) return UNCOMMON;
      const name = buf[i + 1];
      let k = i + 4;
      if (name === 114 /* r */ && col === -1) {
        // Letters, then the row's number without a leading zero.
        let letters = 0;
        for (; k < end && (b = buf[k]) >= 65 && b <= 90; k++) letters = letters * 26 + b - 64;
        const digits = k;
        let row = 0;
        for (; k < end && (b = buf[k]) >= 48 && b <= 57; k++) row = row * 10 + b - 48;
        if (k >= end) return CUT;
        if (
          b !== DOUBLE_QUOTE ||
          letters === 0 ||
          k === digits ||
          k - digits > 15 ||
          buf[digits] === 48 ||
          row !== this.rowIndex + 1
        ) {
          return UNCOMMON;
        }
        col = letters - 1;
      } else if (name === 116 /* t */ && !typed) {
        if (k + 1 >= end) return CUT;
        type = TYPE_LETTERS[buf[k]];
        if (buf[k + 1] !== DOUBLE_QUOTE || type === OTHER) return UNCOMMON;
        typed = true;
        k++;
      } else if (name === 115 /* s */ && style === -1) {
        let value = 0;
        const digits = k;
        for (; k < end && (b = buf[k]) >= 48 && b <= 57; k++) value = value * 10 + b - 48;
        if (k >= end) return CUT;
        if (b !== DOUBLE_QUOTE || k === digits || k - digits > 9) return UNCOMMON;
        style = value;
      } else {
        return UNCOMMON;
      }
      i = k + 1;
    }
    if (col === -1) col = this.colIndex + 1;
    if (b === SLASH) {
      if (buf[i + 1] !== GT) return UNCOMMON;
      this.colIndex = col;
      return i + 2;
    }
    // `<v>`, the value's bytes, `</v></c>`.
    const v = i + 4;
    if (v >= end) return CUT;
    if (buf[i + 1] !== LT || buf[i + 2] !== 118 /* v */ || buf[i + 3] !== GT) return UNCOMMON;
    // The minus sign is read without a branch of its own: the first negative number, deep into a
    // sheet, would otherwise run code that the optimised commonCell never ran, and V8 would throw
    // that code away (a deoptimisation, then a second compilation).
    const negative = type === NUMBER && buf[v] === 45; /* - */
    let k = v + (negative ? 1 : 0);
    const digits = k;
    let integer = 0;
    let plain = true;
    let ascii = true;
    for (; k < end && (b = buf[k]) !== LT; k++) {
      if (b >= 48 && b <= 57) integer = integer * 10 + b - 48;
      else {
        plain = false;
        if (b >= 0x80) ascii = false;
      }
    }
    if (k + 8 > end) return CUT;
    // buf[k] is the `<` that ended the value: `</v></c>` follows.
    if (
      buf[k + 1] !== SLASH ||
      buf[k + 2] !== 118 ||
      buf[k + 3] !== GT ||
      buf[k + 4] !== LT ||
      buf[k + 5] !== SLASH ||
      buf[k + 6] !== 99 ||
      buf[k + 7] !== GT
    ) {
      return UNCOMMON;
    }
    if (this.rowIndex < 0) return UNCOMMON;
    plain = plain && k > digits && k - digits <= 15;
    let value: CellValue;
    if (type === SHARED) {
      if (!plain) return UNCOMMON;
      const text = this.strings[integer];
      if (text === undefined) throw new XlsxEndommage(`chaîne partagée ${integer} absente`);
      value = text;
    } else if (plain) {
      value = (negative ? -1 : 1) * integer;
    } else {
      if (!ascii) return UNCOMMON;
      value = numberValue(buf.toString("latin1", v, k));
    }
    this.colIndex = col;
    const n = this.count;
    this.cols[n] = col;
    this.vals[n] = value;
    this.count = n + 1;
    if (
      typeof value === "number" &&
      style !== -1 &&
      this.dateStyles !== null &&
      this.dateStyles[style] === true
    ) {
      this.dateCells.push(this.rowIndex, col);
    }
    return k + 8;
  }

  /**
   * Reads the attributes of buf[from, to) that the scanner uses (r, t, s, hidden) as byte ranges;
   * absent ones are -1. The first of a repeated name counts; a malformed attribute ends the reading.
   */
  private readAttributes(buf: Buffer, from: number, to: number): void {
    const a = this.attrs;
    a[R] = a[T] = a[S] = a[HIDDEN] = -1;
    let i = from;
    while (i < to) {
      const b = buf[i];
      if (isSpace(b) || b === SLASH) {
        i++;
        continue;
      }
      const nameStart = i;
      while (i < to && !isSpace(buf[i]) && buf[i] !== EQUALS) i++;
      const nameEnd = i;
      while (i < to && isSpace(buf[i])) i++;
      if (i >= to || buf[i] !== EQUALS) return;
      i++;
      while (i < to && isSpace(buf[i])) i++;
      const quote = buf[i];
      if (i >= to || (quote !== DOUBLE_QUOTE && quote !== SINGLE_QUOTE)) return;
      const valueEnd = findByte(buf, quote, i + 1, to);
      if (valueEnd === -1) return;
      let slot = -1;
      if (nameEnd - nameStart === 1) {
        const n = buf[nameStart];
        slot = n === 114 /* r */ ? R : n === 116 /* t */ ? T : n === 115 /* s */ ? S : -1;
      } else if (nameEnd - nameStart === 6 && startsWithAscii(buf, nameStart, nameEnd, "hidden")) {
        slot = HIDDEN;
      }
      if (slot !== -1 && a[slot] === -1) {
        a[slot] = i + 1;
        a[slot + 1] = valueEnd;
      }
      i = valueEnd + 1;
    }
  }

  /** An attribute's text, entities decoded; undefined when absent. */
  private attributeText(buf: Buffer, slot: number): string | undefined {
    const from = this.attrs[slot];
    if (from === -1) return undefined;
    return decodeXml(buf.toString("utf8", from, this.attrs[slot + 1]));
  }

  /** `<row …>`: the cells before it make a row of the grid; its number and whether it is hidden. */
  private row(buf: Buffer, from: number, to: number): void {
    this.endRow();
    // The common row tag, ` r="12"` first and no `hidden` anywhere (`<row r="12" spans="1:6">`):
    // only its number is read.
    if (
      buf[from] === 32 &&
      buf[from + 1] === 114 &&
      buf[from + 2] === EQUALS &&
      buf[from + 3] === DOUBLE_QUOTE
    ) {
      const close = findByte(buf, DOUBLE_QUOTE, from + 4, to);
      const n = close === -1 ? -1 : digitsValue(buf, from + 4, close);
      if (n > 0 && findAscii(buf, "hidden", close, to) === -1) {
        this.rowIndex = n - 1;
        this.colIndex = -1;
        return;
      }
    }
    this.readAttributes(buf, from, to);
    const a = this.attrs;
    if (a[R] !== -1) {
      const n = digitsValue(buf, a[R], a[R + 1]);
      this.rowIndex = (n !== -1 ? n : Number(this.attributeText(buf, R))) - 1;
    } else {
      this.rowIndex++;
    }
    if (!Number.isInteger(this.rowIndex) || this.rowIndex < 0) {
      throw new Error(`numéro de ligne ${this.attributeText(buf, R)} illisible`);
    }
    // `hidden="1"` (or "true"): hidden by hand or by a filter (§18.3.1.73).
    if (a[HIDDEN] !== -1) {
      const value = buf.toString("latin1", a[HIDDEN], a[HIDDEN + 1]);
      if (value === "1" || value === "true") this.hiddenRows.push(this.rowIndex);
    }
    this.colIndex = -1;
  }

  /**
   * A cell from its `<` (at lt) to just after its end tag, which is returned; -1 when the bytes end
   * before the cell does (nothing is read then: the cell is scanned again, whole, with more bytes).
   */
  private cell(buf: Buffer, lt: number, name: number, j: number, gt: number, end: number): number {
    const selfClosing = buf[gt - 1] === SLASH;
    let bodyEnd = gt + 1;
    let after = gt + 1;
    if (!selfClosing) {
      // `</c>`, or `</x:c>` with the start tag's prefix.
      const prefix = name - lt - 1;
      bodyEnd = -1;
      for (let k = findByte(buf, LT, gt + 1, end); k !== -1; k = findByte(buf, LT, k + 1, end)) {
        if (k + 4 + prefix > end) return -1;
        if (buf[k + 1] !== SLASH || buf[k + 2 + prefix] !== 99 || buf[k + 3 + prefix] !== GT) continue;
        let same = true;
        for (let p = 0; p < prefix && same; p++) same = buf[k + 2 + p] === buf[lt + 1 + p];
        if (same) {
          bodyEnd = k;
          break;
        }
      }
      if (bodyEnd === -1) return -1;
      after = bodyEnd + 4 + prefix;
    }
    this.readAttributes(buf, j, gt);
    const col = this.attrs[R] !== -1 ? this.column(buf, this.attrs[R], this.attrs[R + 1]) : this.colIndex + 1;
    this.colIndex = col;
    if (bodyEnd === gt + 1) return after;
    const value = this.value(buf, gt + 1, bodyEnd);
    if (value === null) return after;
    if (this.rowIndex < 0) throw new Error("cellule hors d'une ligne");
    const n = this.count;
    this.cols[n] = col;
    this.vals[n] = value;
    this.count = n + 1;
    if (typeof value === "number" && this.isDate(buf)) this.dateCells.push(this.rowIndex, col);
    return after;
  }

  /** The 0-based column of a cell reference, checked to name the current row (« B12 » in row 12). */
  private column(buf: Buffer, from: number, to: number): number {
    if (findByte(buf, AMPERSAND, from, to) !== -1) {
      const reference = decodeXml(buf.toString("utf8", from, to));
      if (!referenceDansLaLigne(reference, String(this.rowIndex + 1))) {
        throw new Error(`cellule ${reference} hors de sa ligne ${this.rowIndex + 1}`);
      }
      return columnOf(reference);
    }
    let col = 0;
    let i = from;
    for (; i < to; i++) {
      const c = buf[i];
      if (c < 65 || c > 90) break;
      col = col * 26 + (c - 64);
    }
    if (i === from || i === to) {
      throw new Error(`référence de cellule ${buf.toString("utf8", from, to)} illisible`);
    }
    // The row part, from the first digit, must write rowIndex + 1 (no leading zero).
    let k = i;
    while (k < to && (buf[k] < 48 || buf[k] > 57)) k++;
    if (k === to || buf[k] === 48 || digitsValue(buf, k, to) !== this.rowIndex + 1) {
      throw new Error(`cellule ${buf.toString("utf8", from, to)} hors de sa ligne ${this.rowIndex + 1}`);
    }
    return col - 1;
  }

  /** The value of the cell whose attributes were just read, from its body buf[from, to). */
  private value(buf: Buffer, from: number, to: number): CellValue {
    const a = this.attrs;
    let type = OTHER;
    if (a[T] === -1) type = NUMBER;
    else if (a[T + 1] - a[T] === 1)
      type = buf[a[T]] === 110 /* n */ ? NUMBER : buf[a[T]] === 115 /* s */ ? SHARED : OTHER;
    // `<v>…</v>` and nothing else: read from the bytes.
    if (
      type !== OTHER &&
      to - from > 7 &&
      buf[from] === LT &&
      buf[from + 1] === 118 /* v */ &&
      buf[from + 2] === GT &&
      startsWithAscii(buf, to - 4, to, "</v>") &&
      findByte(buf, LT, from + 3, to - 4) === -1
    ) {
      const v = from + 3;
      const vEnd = to - 4;
      if (type === SHARED) {
        const index = digitsValue(buf, v, vEnd);
        if (index !== -1) {
          const text = this.strings[index];
          if (text === undefined) throw new XlsxEndommage(`chaîne partagée ${index} absente`);
          return text;
        }
      } else {
        const negative = buf[v] === 45; /* - */
        const integer = digitsValue(buf, negative ? v + 1 : v, vEnd);
        if (integer !== -1) return negative ? -integer : integer;
        if (isAscii(buf, v, vEnd)) return numberValue(buf.toString("latin1", v, vEnd));
      }
    }
    return cellValue(this.attributeText(buf, T), buf.toString("utf8", from, to), this.strings, this.date1904);
  }

  /** Does the cell just read show a date: type `d`, or a style whose number format is a date? */
  private isDate(buf: Buffer): boolean {
    const a = this.attrs;
    if (a[T] !== -1 && a[T + 1] - a[T] === 1 && buf[a[T]] === 100 /* d */) return true;
    if (this.dateStyles === null || a[S] === -1) return false;
    const style = digitsValue(buf, a[S], a[S + 1]);
    return Boolean(this.dateStyles[style !== -1 ? style : Number(this.attributeText(buf, S))]);
  }

  /**
   * Puts the current row's cells in the grid: an array of exactly its width, dense when its cells
   * are A, B, C… in order (the usual case), with holes for missing cells otherwise. A row far wider
   * than its cells (« A1 … XFD1 ») is a sparse array: it costs its cells, not 16 384 slots.
   */
  private endRow(): void {
    const n = this.count;
    if (n === 0) return;
    this.count = 0;
    const { cols, vals } = this;
    let widest = -1;
    for (let k = 0; k < n; k++) if (cols[k] > widest) widest = cols[k];
    if (this.rowIndex >= EXCEL_LIGNES || widest >= EXCEL_COLONNES) {
      throw new HorsLimitesExcel(this.rowIndex + 1, widest + 1);
    }
    const existing = this.grid[this.rowIndex];
    if (existing !== undefined) {
      // The same row number twice in the file: its cells go on the same row.
      for (let k = 0; k < n; k++) existing[cols[k]] = vals[k];
      return;
    }
    let inOrder = true;
    for (let k = 0; k < n && inOrder; k++) if (cols[k] !== k) inOrder = false;
    const last = widest;
    let row: CellValue[];
    if (inOrder) {
      row = exactRow(vals, n);
    } else {
      row = last < 4 * n + 64 ? new Array<CellValue>(last + 1) : [];
      for (let k = 0; k < n; k++) row[cols[k]] = vals[k];
    }
    this.grid[this.rowIndex] = row;
    if (this.rowIndex >= this.lignes) this.lignes = this.rowIndex + 1;
  }
}
