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
  /** The fields of the record being read, and how many. */
  protected readonly fields: string[] = [];
  protected count = 0;
  private field = "";
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

  /** A whole record: this.fields[0 … count). */
  protected abstract record(): void;

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
        this.field += '"';
        i = 1;
      } else {
        this.quoted = false;
      }
    }
    let field = this.field;
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
        this.fields[this.count++] = field;
        field = "";
        i++;
        continue;
      }
      if (c === LF || c === CR) {
        this.fields[this.count++] = field;
        field = "";
        this.endRecord();
        if (c === CR) {
          if (i + 1 === n) this.crCut = true;
          else if (text.charCodeAt(i + 1) === LF) i++;
        }
        i++;
        continue;
      }
      // Plain characters up to the next separator, quote or line end.
      let j = i + 1;
      while (j < n) {
        const d = text.charCodeAt(j);
        if (d === sep || d === LF || d === CR || d === QUOTE) break;
        j++;
      }
      field += text.slice(i, j);
      i = j;
    }
    this.field = field;
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
    if (this.field !== "" || this.count > 0) {
      this.fields[this.count++] = this.field;
      this.field = "";
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

  protected record(): void {
    this.rows.push(this.fields.slice(0, this.count));
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
