/**
 * CSV files as rectorats export them: `;` (French Excel) or `,` or tab separated, quoted fields,
 * UTF-8 with or without BOM, UTF-16 with BOM (Excel's « Texte Unicode »), and Windows-1252 — the
 * encoding of most extractions made on a French Windows machine.
 */
import { isUtf8 } from "buffer";
import { lireNombreFrancais } from "../rules/nombres";
import { CLASSIC_EXCEL_ERRORS, EXCEL_ERRORS } from "../rules";
import type { CellValue } from "../workbook/port";
import { CsvScanner, type CsvSeparator } from "./csvRecords";
import { SpreadsheetFileError } from "./errors";
import { exactRow } from "./rows";
import { SharedTexts, sameText } from "./texts";
import { enSource, type SourceZip } from "./zip";

export { parseCsvRecords, type CsvSeparator } from "./csvRecords";

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
  const { encoding, start } = encodingOf(enSource(bytes), fichier, Math.max(1, bytes.length));
  return { text: blockDecoder(encoding)(bytes.subarray(start), true), encoding };
}

/**
 * The refusal of a file that mixes UTF-8 and another encoding (see decodeCsvBytes), with the line of
 * its first byte that is not UTF-8.
 */
function melangeRefuse(bytes: Uint8Array, fichier: string): SpreadsheetFileError {
  const { invalide } = melangeUtf8(bytes);
  const octet = bytes[invalide].toString(16).toUpperCase().padStart(2, "0");
  const caractere = decodeWindows1252(bytes.subarray(invalide, invalide + 1));
  return new SpreadsheetFileError(
    "csv-invalide",
    `${fichier} mélange deux encodages : il est en UTF-8, mais la ligne ${ligneDeLOctet(bytes, invalide)} contient un caractère d'un autre encodage (octet 0x${octet}, « ${caractere} » en Windows-1252). Corrigez ce caractère ou réenregistrez le fichier en UTF-8 (dans Excel : Enregistrer sous › « CSV UTF-8 (délimité par des virgules) »), puis relancez.`,
  );
}

/**
 * Decodes the bytes of an encoding block after block: a character that a block cuts is completed
 * by the next (`last` says the block is the file's last).
 */
function blockDecoder(encoding: CsvEncoding): (block: Uint8Array, last: boolean) => string {
  if (encoding === "windows-1252") return (block) => decodeWindows1252(block);
  const decoder = new TextDecoder(encoding);
  return (block, last) => decoder.decode(block, { stream: !last });
}

const SEPARATORS: readonly CsvSeparator[] = [";", ",", "\t"];

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

/**
 * A text formula with a constant, `="0750655E"`: the convention many exports use so that Excel keeps
 * a leading zero (Excel opens the .csv and shows the text). Nothing else that starts with « = » is
 * evaluated: « =A1+1 » or « =HYPERLINK(…) » stay the text they are.
 */
const TEXT_FORMULA = /^="([^"]*)"$/;

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
  const integer = integerAt(field, 0, field.length);
  if (integer !== null) return integer;
  const text = field.trim();
  if (text === "") return null;
  // Décision (regles.md#lecture.csv-formule-texte): `="0750655E"` is read as Excel shows it, the
  // text 0750655E — not refused as an invalid UAI, and never a number (Excel keeps it as text).
  if (text.charCodeAt(0) === 61 /* = */) {
    const formula = TEXT_FORMULA.exec(text);
    if (formula) return formula[1].trim() === "" ? null : formula[1];
  }
  if (text.charCodeAt(0) === 35 /* # */) {
    const error = ERROR_VALUES.get(text.toUpperCase());
    if (error) return { error };
  }
  const plain = PLAIN_NUMBER_DOT.test(text) || (separator !== "," && PLAIN_NUMBER_COMMA.test(text));
  // « 1.234 » or « 1,234 » stays text: the one number reader refuses it as ambiguous
  // (src/rules/nombres.ts), as in any other cell, instead of the CSV deciding it is 1,234.
  if (plain && text.replace(/[^0-9]/g, "").length <= 15 && lireNombreFrancais(text).ok) {
    return Number(text.replace(",", "."));
  }
  return field;
}

/**
 * A field that is exactly a plain integer — an optional minus, at most 15 digits, no leading zero —
 * read at once: effectifs and codes written as numbers, most fields of an extraction. The one
 * number reader would read it the same (it has no separator, so nothing is ambiguous). Null for
 * anything else, which csvCellValue reads in full.
 */
function integerAt(text: string, start: number, end: number): number | null {
  const negative = text.charCodeAt(start) === 45; /* - */
  let i = negative ? start + 1 : start;
  if (end - i < 1 || end - i > 15 || (text.charCodeAt(i) === 48 && end - i > 1)) return null;
  let value = 0;
  for (; i < end; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return null;
    value = value * 10 + digit;
  }
  return negative ? -value : value;
}

/**
 * Bytes decoded and scanned at a time: the file's text is never built whole.
 *
 * Décision (regles.md#technique.performance; issue 13 §5): 64 Ko rather than 1 Mo. A block of
 * 1 Mo is decoded through a 2 Mo UTF-16 buffer into a 1 Mo string, both new memory for every block
 * (a large object for V8, a mapping of its own for malloc); blocks of 64 Ko use memory already
 * there. Full sheet (93 Mo of .csv): ~62 000 page faults instead of ~83 000, 250 instead of 269 Mo,
 * 2,3 instead of 2,5 s; 100 000 rows unchanged (docs/performance.md).
 */
const BLOCK_BYTES = 64 * 1024;

/** The records of a CSV file as rows of cells, each of exactly its width up to its last non-blank cell. */
class CsvGrid extends CsvScanner {
  /** Rows from A1; blank records are left out (holes), as the used range skips them anyway. */
  readonly grid: CellValue[][] = [];
  private readonly values: CellValue[] = [];
  private row = 0;
  private readonly texts = new SharedTexts();
  /**
   * The last text of each column: an extraction sorted by establishment repeats its UAI, name and
   * statut row after row, found here by one comparison instead of a look-up.
   */
  private readonly previous: string[] = [];

  constructor(
    private readonly separator: CsvSeparator,
    fichier: string,
  ) {
    super(separator, fichier);
  }

  /**
   * The cell of text[start, end), as csvCellValue reads it: plain integers and fields that can only
   * be text (an ASCII letter in them, not starting with a space, « # » or « = ») are read where they lie,
   * without a string cut out; any other field is cut out and read by csvCellValue.
   */
  protected field(text: string, start: number, end: number): void {
    let value: CellValue;
    if (start === end) {
      value = null;
    } else {
      value = integerAt(text, start, end);
      if (value === null) {
        if (plainlyText(text, start, end)) {
          const previous = this.previous[this.count];
          if (previous !== undefined && sameText(previous, text, start, end)) {
            value = previous;
          } else {
            value = this.texts.get(text, start, end);
            this.previous[this.count] = value;
          }
        } else {
          value = csvCellValue(text.slice(start, end), this.separator);
          if (typeof value === "string") value = this.texts.get(value, 0, value.length);
        }
      }
    }
    this.values[this.count] = value;
  }

  protected record(): void {
    let width = this.count;
    while (width > 0 && this.values[width - 1] === null) width--;
    if (width > 0) this.grid[this.row] = exactRow(this.values, width);
    this.row++;
  }
}

/**
 * Can csvCellValue only keep text[start, end) as it is? When it holds an ASCII letter (no number
 * has one) and starts with a printable ASCII character other than « # » and « = »: nothing to trim,
 * no error value, no text formula.
 */
function plainlyText(text: string, start: number, end: number): boolean {
  const first = text.charCodeAt(start);
  if (first <= 32 || first > 126 || first === 35 /* # */ || first === 61 /* = */) return false;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i) | 0x20;
    if (c >= 97 && c <= 122) return true;
  }
  return false;
}

/** The separator, from the text of the file's first lines (at least 60 of them, or the whole file). */
function separatorOf(source: SourceZip, start: number, encoding: CsvEncoding): CsvSeparator {
  for (let size = 64 * 1024; ; size *= 4) {
    const end = Math.min(source.length, start + size);
    const text = blockDecoder(encoding)(source.lire(start, end - start), true);
    if (end === source.length || text.split(/\r\n|\n|\r/, 62).length > 61) return detectSeparator(text);
  }
}

/**
 * Where a window of `total` bytes may end without cutting a UTF-8 sequence: before the lead byte of
 * a sequence that runs past it, else at its end. A lead byte always starts a sequence (valid or not),
 * so the windows are read exactly as the whole file would be.
 */
function finSansCouper(octets: Uint8Array, total: number): number {
  let i = total - 1;
  while (i > total - 4 && i >= 0 && (octets[i] & 0xc0) === 0x80) i--;
  if (i < 0) return total;
  const b = octets[i];
  const longueur = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
  return i + longueur > total ? i : total;
}

/**
 * The bytes of a source from `debut`, about `taille` at a time, each window ending on a UTF-8
 * sequence boundary (the bytes cut are carried to the next): views of one buffer used again.
 */
function* fenetresUtf8(source: SourceZip, debut: number, taille: number): Generator<Buffer, void, undefined> {
  const tampon = Buffer.allocUnsafe(taille + 3);
  let report = 0;
  for (let position = debut; position < source.length;) {
    const n = Math.min(taille, source.length - position);
    const lus = source.lire(position, n, tampon.subarray(report));
    // A source in memory gives a view of its bytes rather than a copy.
    if (lus.buffer !== tampon.buffer || lus.byteOffset !== tampon.byteOffset + report)
      lus.copy(tampon, report);
    position += n;
    const total = report + n;
    const fin = position === source.length ? total : finSansCouper(tampon, total);
    yield tampon.subarray(0, fin);
    tampon.copyWithin(0, fin, total);
    report = total - fin;
  }
}

/**
 * The encoding of a CSV file (see decodeCsvBytes) and where its text starts, after any BOM; the file
 * read `fenetre` bytes at a time, never whole: valid UTF-8 window after window, else Windows-1252 —
 * unless UTF-8 and other bytes are mixed, refused (melangeRefuse reads the file whole for the line).
 */
function encodingOf(
  source: SourceZip,
  fichier: string,
  fenetre: number,
): { encoding: CsvEncoding; start: number } {
  const tete = source.lire(0, Math.min(3, source.length));
  if (tete.length === 3 && tete[0] === 0xef && tete[1] === 0xbb && tete[2] === 0xbf) {
    return { encoding: "utf-8", start: 3 };
  }
  if (tete[0] === 0xff && tete[1] === 0xfe) return { encoding: "utf-16le", start: 2 };
  if (tete[0] === 0xfe && tete[1] === 0xff) return { encoding: "utf-16be", start: 2 };
  let utf8 = true;
  for (const octets of fenetresUtf8(source, 0, fenetre)) {
    if (!isUtf8(octets)) {
      utf8 = false;
      break;
    }
  }
  if (utf8) return { encoding: "utf-8", start: 0 };
  let invalide = false;
  let multioctet = false;
  for (const octets of fenetresUtf8(source, 0, fenetre)) {
    const melange = melangeUtf8(octets);
    invalide ||= melange.invalide !== -1;
    multioctet ||= melange.multioctet;
    if (invalide && multioctet) throw melangeRefuse(source.lire(0, source.length), fichier);
  }
  return { encoding: "windows-1252", start: 0 };
}

/**
 * The cells of a CSV file, from A1, with the encoding and separator found: bytes in memory, or a file
 * read `blocOctets` at a time (sourceFichier). The text is decoded and scanned block by block.
 * `onProgress` gets the bytes read so far and the file's size.
 *
 * Décision (regles.md#technique.performance; issue 13 §5): a file is never read whole — twice in
 * blocks instead, once to find its encoding (valid UTF-8 from end to end, or not), once to decode and
 * scan it, into one buffer used again. Read whole, the 8,4 Mo of a 100 000-row .csv were as many
 * pages of fresh memory; a full sheet's 90 Mo, as much of its peak (docs/performance.md).
 */
export function readCsvGrid(
  entree: Uint8Array | SourceZip,
  fichier = "le fichier",
  onProgress?: (done: number, total: number) => void,
  blocOctets = BLOCK_BYTES,
): { values: CellValue[][]; encoding: CsvEncoding; separator: CsvSeparator } {
  const source = enSource(entree);
  const { encoding, start } = encodingOf(source, fichier, blocOctets);
  const separator = separatorOf(source, start, encoding);
  const grid = new CsvGrid(separator, fichier);
  const decode = blockDecoder(encoding);
  const tampon = Buffer.allocUnsafe(Math.min(blocOctets, source.length));
  for (let at = start; at < source.length; at += blocOctets) {
    const end = Math.min(source.length, at + blocOctets);
    grid.push(decode(source.lire(at, end - at, tampon), end === source.length));
    onProgress?.(end, source.length);
  }
  grid.end();
  return { values: grid.grid, encoding, separator };
}
