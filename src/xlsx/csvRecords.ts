/**
 * CSV records (RFC 4180, accepting LF, CRLF and CR line ends) read from text that may come in
 * pieces: a large file is decoded block by block and each block scanned at once (issue 13 §5), so
 * that the file's text is never held whole. What a piece cuts — a field, a doubled quote `""`, a
 * CRLF — is completed by the next piece.
 */
import { SpreadsheetFileError } from "./errors";

export type CsvSeparator = ";" | "," | "\t";

const QUOTE = 34;
const LF = 10;
const CR = 13;

export abstract class CsvScanner {
  private readonly sep: number;
  /** How many fields of the record being read have been handed to `field`. */
  protected count = 0;
  /** The field being read, when it is made of several runs. */
  private pending = "";
  private quoted = false;
  /** A quote ended the last piece inside a quoted field: closing, or the first of a doubled `""`? */
  private quoteCut = false;
  /** A CR ended the last piece: a LF starting the next one belongs to the same line end. */
  private crCut = false;
  private records = 0;
  private quoteStartRecord = 0;

  constructor(
    separator: CsvSeparator,
    private readonly fichier: string,
  ) {
    this.sep = separator.charCodeAt(0);
  }

  /**
   * The next field of the record (the count-th), as it lies in a text: text[start, end). A field
   * read in one run of a piece is handed where it is, without a string cut out of it; one made of
   * several runs (quotes, a piece's end) as a string of its own.
   */
  protected abstract field(text: string, start: number, end: number): void;

  /** A whole record: its `count` fields have been handed. */
  protected abstract record(): void;

  private endField(text: string, start: number, end: number): void {
    this.field(text, start, end);
    this.count++;
  }

  push(text: string): void {
    const n = text.length;
    if (n === 0) return;
    const sep = this.sep;
    let i = 0;
    if (this.crCut) {
      this.crCut = false;
      if (text.charCodeAt(0) === LF) i = 1;
    }
    if (this.quoteCut) {
      this.quoteCut = false;
      if (text.charCodeAt(0) === QUOTE) {
        this.pending += '"';
        i = 1;
      } else {
        this.quoted = false;
      }
    }
    let field = this.pending;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (this.quoted) {
        if (c === QUOTE) {
          if (i + 1 === n) {
            this.quoteCut = true;
            i++;
            break;
          }
          if (text.charCodeAt(i + 1) === QUOTE) {
            field += '"';
            i += 2;
            continue;
          }
          this.quoted = false;
          i++;
          continue;
        }
        // Copy the run of ordinary characters up to the next quote at once.
        const next = text.indexOf('"', i);
        const end = next === -1 ? n : next;
        field += text.slice(i, end);
        i = end;
        continue;
      }
      if (c === QUOTE && field.trim() === "") {
        // A quote opens a quoted field only at its start (spaces before it are dropped).
        field = "";
        this.quoted = true;
        this.quoteStartRecord = this.records + 1;
        i++;
        continue;
      }
      if (c === sep) {
        this.endField(field, 0, field.length);
        field = "";
        i++;
        continue;
      }
      if (c === LF || c === CR) {
        this.endField(field, 0, field.length);
        field = "";
        i = this.lineEnd(text, i);
        continue;
      }
      // Plain characters up to the next separator, quote or line end.
      let j = i + 1;
      let d = 0;
      for (; j < n; j++) {
        d = text.charCodeAt(j);
        if (d === sep || d === LF || d === CR || d === QUOTE) break;
      }
      if (field === "" && j < n && d !== QUOTE) {
        // The whole field, the usual case: handed where it lies; its separator or line end is next.
        this.endField(text, i, j);
        i = d === sep ? j + 1 : this.lineEnd(text, j);
        continue;
      }
      field += text.slice(i, j);
      i = j;
    }
    this.pending = field;
  }

  /** The record ends at the line end text[at] (LF, CR or CRLF): where the next one starts. */
  private lineEnd(text: string, at: number): number {
    this.endRecord();
    if (text.charCodeAt(at) === CR) {
      if (at + 1 === text.length) this.crCut = true;
      else if (text.charCodeAt(at + 1) === LF) return at + 2;
    }
    return at + 1;
  }

  /** After the last piece: the last record, or the message for a quote never closed. */
  end(): void {
    if (this.quoteCut) this.quoted = false;
    if (this.quoted) {
      throw new SpreadsheetFileError(
        "csv-invalide",
        `${this.fichier} : un guillemet ouvert à la ligne ${this.quoteStartRecord} n'est jamais refermé ; corrigez le fichier (ou réexportez-le) puis relancez.`,
      );
    }
    if (this.pending !== "" || this.count > 0) {
      this.endField(this.pending, 0, this.pending.length);
      this.pending = "";
      this.endRecord();
    }
  }

  private endRecord(): void {
    this.record();
    this.records++;
    this.count = 0;
  }
}

class RecordCollector extends CsvScanner {
  readonly rows: string[][] = [];
  private fields: string[] = [];

  protected field(text: string, start: number, end: number): void {
    this.fields.push(start === 0 && end === text.length ? text : text.slice(start, end));
  }

  protected record(): void {
    this.rows.push(this.fields);
    this.fields = [];
  }
}

/** Splits CSV text, whole or in consecutive pieces, into records of raw fields. */
export function parseCsvRecords(
  text: string | readonly string[],
  separator: CsvSeparator,
  fichier = "le fichier",
): string[][] {
  const collector = new RecordCollector(separator, fichier);
  for (const piece of typeof text === "string" ? [text] : text) collector.push(piece);
  collector.end();
  return collector.rows;
}
