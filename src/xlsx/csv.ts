/**
 * CSV files as rectorats export them: `;` (French Excel) or `,` or tab separated, quoted fields,
 * UTF-8 with or without BOM, UTF-16 with BOM (Excel's « Texte Unicode »), and Windows-1252 — the
 * encoding of most extractions made on a French Windows machine.
 */
import { lireNombreFrancais } from "../rules/nombres";
import { CLASSIC_EXCEL_ERRORS, EXCEL_ERRORS } from "../grid";
import type { CellValue } from "../workbook/port";
import { SpreadsheetFileError } from "./errors";

export type CsvEncoding = "utf-8" | "utf-16le" | "utf-16be" | "windows-1252";

/**
 * Windows-1252 bytes 0x80-0x9F (€, ‚, ƒ, „, …, ’, œ…). Node 20's TextDecoder("windows-1252") decodes
 * these as Latin-1 control characters, so the table is applied here; 0x81, 0x8D, 0x8F, 0x90 and 0x9D
 * are unassigned and kept as their code point.
 */
const CP1252_HIGH =
  "\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f" +
  "\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178";

export function decodeWindows1252(bytes: Uint8Array): string {
  const chunks: string[] = [];
  const CHUNK = 8192;
  for (let start = 0; start < bytes.length; start += CHUNK) {
    const end = Math.min(bytes.length, start + CHUNK);
    const codes = new Array<number>(end - start);
    for (let i = start; i < end; i++) {
      const byte = bytes[i];
      codes[i - start] = byte >= 0x80 && byte <= 0x9f ? CP1252_HIGH.charCodeAt(byte - 0x80) : byte;
    }
    chunks.push(String.fromCharCode(...codes));
  }
  return chunks.join("");
}

/**
 * Where UTF-8 and something else meet: the index of the first byte that is not valid UTF-8, and
 * whether a valid multi-byte sequence (an « é » written in UTF-8) comes before or after it.
 */
function melangeUtf8(bytes: Uint8Array): { invalide: number; multioctet: boolean } {
  let invalide = -1;
  let multioctet = false;
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    const length = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    let valid = length > 0 && i + length <= bytes.length;
    for (let k = 1; valid && k < length; k++) valid = (bytes[i + k] & 0xc0) === 0x80;
    if (valid) {
      multioctet = true;
      i += length;
    } else {
      if (invalide === -1) invalide = i;
      i++;
    }
    if (invalide !== -1 && multioctet) break;
  }
  return { invalide, multioctet };
}

/** The 1-based line of a byte offset. */
function ligneDeLOctet(bytes: Uint8Array, offset: number): number {
  let ligne = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 10) ligne++;
  return ligne;
}

/**
 * The text of a CSV file. A BOM decides; otherwise UTF-8 when the bytes are valid UTF-8, else
 * Windows-1252 (a single « é » in Windows-1252 is invalid UTF-8, so the fallback is reliable).
 *
 * Décision (regles.md#lecture.csv-encodage; issue 11 item 14): a file that is UTF-8 but for a few bytes (a line typed or pasted in
 * Windows-1252 into a UTF-8 export) is refused with the line: read as Windows-1252, every « é » of
 * the UTF-8 part would silently become « Ã© »; read as UTF-8, the odd byte would become « � ».
 */
export function decodeCsvBytes(
  bytes: Uint8Array,
  fichier = "le fichier",
): { text: string; encoding: CsvEncoding } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder("utf-8").decode(bytes.subarray(3)), encoding: "utf-8" };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder("utf-16le").decode(bytes.subarray(2)), encoding: "utf-16le" };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder("utf-16be").decode(bytes.subarray(2)), encoding: "utf-16be" };
  }
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" };
  } catch {
    const { invalide, multioctet } = melangeUtf8(bytes);
    if (multioctet && invalide !== -1) {
      const octet = bytes[invalide].toString(16).toUpperCase().padStart(2, "0");
      const caractere = decodeWindows1252(bytes.subarray(invalide, invalide + 1));
      throw new SpreadsheetFileError(
        "csv-invalide",
        `${fichier} mélange deux encodages : il est en UTF-8, mais la ligne ${ligneDeLOctet(bytes, invalide)} contient un caractère d'un autre encodage (octet 0x${octet}, « ${caractere} » en Windows-1252). Corrigez ce caractère ou réenregistrez le fichier en UTF-8 (dans Excel : Enregistrer sous › « CSV UTF-8 (délimité par des virgules) »), puis relancez.`,
      );
    }
    return { text: decodeWindows1252(bytes), encoding: "windows-1252" };
  }
}

export type CsvSeparator = ";" | "," | "\t";
const SEPARATORS: readonly CsvSeparator[] = [";", ",", "\t"];

/** Splits CSV text into records of raw fields (RFC 4180, accepting LF, CRLF and CR line ends). */
export function parseCsvRecords(text: string, separator: CsvSeparator, fichier = "le fichier"): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = "";
  let quoted = false;
  let quoteStartRecord = 0;
  const sep = separator.charCodeAt(0);
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (quoted) {
      if (c === 34 /* " */) {
        if (text.charCodeAt(i + 1) === 34) {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
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
    if (c === 34 && field.trim() === "") {
      // A quote opens a quoted field only at its start (spaces before it are dropped).
      field = "";
      quoted = true;
      quoteStartRecord = records.length + 1;
      i++;
      continue;
    }
    if (c === sep) {
      record.push(field);
      field = "";
      i++;
      continue;
    }
    if (c === 10 /* \n */ || c === 13 /* \r */) {
      record.push(field);
      records.push(record);
      record = [];
      field = "";
      i += c === 13 && text.charCodeAt(i + 1) === 10 ? 2 : 1;
      continue;
    }
    // Plain characters up to the next separator, quote or line end.
    let j = i + 1;
    while (j < n) {
      const d = text.charCodeAt(j);
      if (d === sep || d === 10 || d === 13 || d === 34) break;
      j++;
    }
    field += text.slice(i, j);
    i = j;
  }
  if (quoted) {
    throw new SpreadsheetFileError(
      "csv-invalide",
      `${fichier} : un guillemet ouvert à la ligne ${quoteStartRecord} n'est jamais refermé ; corrigez le fichier (ou réexportez-le) puis relancez.`,
    );
  }
  if (field !== "" || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records;
}

/** Counts the separator outside quotes on one line (good enough to guess the separator). */
function countOutsideQuotes(line: string, separator: string): number {
  let count = 0;
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === separator) count++;
  }
  return count;
}

/**
 * The separator of a CSV text: among `;`, `,` and tab, the one that splits the most of the first
 * lines into the same number of fields (a title line above the table does not mislead it); on a
 * tie, the larger number of fields, then `;` (French Excel's separator).
 */
export function detectSeparator(text: string): CsvSeparator {
  const lines = text
    .split(/\r\n|\n|\r/, 60)
    .filter((line) => line.trim() !== "")
    .slice(0, 30);
  let best: CsvSeparator = ";";
  let bestScore = [0, 0];
  for (const separator of SEPARATORS) {
    const frequency = new Map<number, number>();
    for (const line of lines) {
      const count = countOutsideQuotes(line, separator);
      if (count > 0) frequency.set(count, (frequency.get(count) ?? 0) + 1);
    }
    let score = [0, 0];
    for (const [count, lineCount] of frequency) {
      if (lineCount > score[0] || (lineCount === score[0] && count > score[1])) score = [lineCount, count];
    }
    if (score[0] > bestScore[0] || (score[0] === bestScore[0] && score[1] > bestScore[1])) {
      best = separator;
      bestScore = score;
    }
  }
  return best;
}

/** Excel's classic error values, in English and in French Excel (a CSV export writes them as text). */
const ERROR_VALUES = new Map<string, string>(
  [...CLASSIC_EXCEL_ERRORS].flatMap((error) => [
    [error, error],
    [EXCEL_ERRORS.get(error)!, error],
  ]),
);

const PLAIN_NUMBER_DOT = /^-?(?:0|[1-9]\d*)(?:\.\d+)?$/;
const PLAIN_NUMBER_COMMA = /^-?(?:0|[1-9]\d*)(?:,\d+)?$/;

/**
 * A CSV field as a cell. Décision (regles.md#lecture.csv-nombres) : a field becomes a number only when it is a plain number —
 * optional minus, no leading zero, a decimal point (or, with `;` or tab separators, a decimal
 * comma), at most 15 digits; everything else stays text exactly as written, so UAIs and codes with
 * a leading zero (0750655E, 01022137), « 1 234 », « 35 % » reach the sheet reader untouched (it
 * reports or reads them, design.md §4). Excel's error values (#N/A, #VALEUR!…) become errors and an
 * empty field a blank.
 */
export function csvCellValue(field: string, separator: CsvSeparator): CellValue {
  const text = field.trim();
  if (text === "") return null;
  const error = ERROR_VALUES.get(text.toUpperCase());
  if (error) return { error };
  const digits = text.replace(/[^0-9]/g, "").length;
  if (digits <= 15) {
    const plain = PLAIN_NUMBER_DOT.test(text) || (separator !== "," && PLAIN_NUMBER_COMMA.test(text));
    // « 1.234 » or « 1,234 » stays text: the one number reader refuses it as ambiguous
    // (src/rules/nombres.ts), as in any other cell, instead of the CSV deciding it is 1,234.
    if (plain && lireNombreFrancais(text).ok) return Number(text.replace(",", "."));
  }
  return field;
}

/** The cells of a CSV file's bytes, from A1, with the encoding and separator found. */
export function readCsvGrid(
  bytes: Uint8Array,
  fichier = "le fichier",
): { values: CellValue[][]; encoding: CsvEncoding; separator: CsvSeparator } {
  const { text, encoding } = decodeCsvBytes(bytes, fichier);
  const separator = detectSeparator(text);
  const values = parseCsvRecords(text, separator, fichier).map((record) =>
    record.map((field) => csvCellValue(field, separator)),
  );
  return { values, encoding, separator };
}
