/**
 * SpreadsheetML text as the fast reader decodes it (ECMA-376 part 1, §18.3.1.4 `c`, §18.4 shared
 * strings): entities, Excel's `_xHHHH_` escapes, string items, the value of one cell from its type
 * and body, cell references. The byte scanners (sheetScanner.ts, stringsScanner.ts) read the common
 * cells themselves and hand every other one here as text, so that rare forms are read by one code.
 */
import { UNCALCULATED_FORMULA, type CellValue } from "../workbook/port";

/**
 * The file is damaged in a way ExcelJS would not see: it must not be handed over. Décision (regles.md#lecture.chaine-partagee-manquante; issue 7):
 * a cell pointing to a shared string the archive lacks (sharedStrings part missing or cut short) is
 * read by ExcelJS as the string's index — « 24 » would become 21 in an effectif column, silently.
 */
export class XlsxEndommage extends Error {
  constructor(message: string) {
    super(message);
    this.name = "XlsxEndommage";
  }
}

/** Excel's last row and last column (XFD): a worksheet has no cell beyond them. */
export const EXCEL_LIGNES = 1_048_576;
export const EXCEL_COLONNES = 16_384;

/**
 * A cell beyond Excel's last row or column: no spreadsheet writes one, so the file is damaged or
 * built to exhaust memory (a 2 KB file with a value in row 3 000 000 000 would ask for an array of
 * that length). Refused with the file's name, never handed to ExcelJS.
 */
export class HorsLimitesExcel extends Error {
  constructor(
    readonly ligne: number,
    readonly colonne: number,
  ) {
    super(`cellule hors des limites d'Excel (ligne ${ligne}, colonne ${colonne})`);
    this.name = "HorsLimitesExcel";
  }
}

/** Element names may carry a namespace prefix (`<x:c>` from some generators). */
export const P = "(?:[A-Za-z_][\\w.-]*:)?";

const ATTRIBUTE = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

export function attributes(text: string): Map<string, string> {
  const map = new Map<string, string>();
  ATTRIBUTE.lastIndex = 0;
  for (let m = ATTRIBUTE.exec(text); m !== null; m = ATTRIBUTE.exec(text)) {
    map.set(m[1], decodeXml(m[2] ?? m[3]));
  }
  return map;
}

/** The value of the attribute `name` (ignoring any namespace prefix), e.g. `r:id` for "id". */
export function attribute(attrs: Map<string, string>, name: string): string | undefined {
  const direct = attrs.get(name);
  if (direct !== undefined) return direct;
  for (const [key, value] of attrs) if (key.endsWith(":" + name)) return value;
  return undefined;
}

const ENTITIES: Readonly<Record<string, string>> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

export function decodeXml(text: string): string {
  if (text.indexOf("&") === -1) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (whole, name: string) => {
    if (name[0] === "#") {
      const code = name[1] === "x" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return String.fromCodePoint(code);
    }
    const entity = ENTITIES[name];
    if (entity === undefined) throw new Error(`entité XML inconnue ${whole}`);
    return entity;
  });
}

/**
 * Text content as an XML parser gives it — line ends normalised to \n (XML 1.0 §2.11), entities
 * decoded — then Excel's own escapes: characters XML cannot hold are written `_xHHHH_` (a carriage
 * return is `_x000D_`, a literal `_x` is `_x005F_x`).
 */
export function decodeExcelText(text: string): string {
  const decoded = decodeXml(text.indexOf("\r") === -1 ? text : text.replace(/\r\n?/g, "\n"));
  if (decoded.indexOf("_x") === -1) return decoded;
  return decoded.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

const TEXT_RUN = new RegExp(`<${P}t(?:\\s[^>]*)?>([\\s\\S]*?)</${P}t>|<${P}t(?:\\s[^>]*)?/>`, "g");
const PHONETIC = new RegExp(`<${P}rPh\\b[\\s\\S]*?</${P}rPh>`, "g");

/** The plain text of a string item (`<si>` or `<is>`): its `<t>` runs, phonetic guides left out. */
export function stringItemText(xml: string): string {
  const body = xml.indexOf("rPh") === -1 ? xml : xml.replace(PHONETIC, "");
  let text = "";
  TEXT_RUN.lastIndex = 0;
  for (let m = TEXT_RUN.exec(body); m !== null; m = TEXT_RUN.exec(body)) {
    if (m[1] !== undefined) text += m[1];
  }
  return decodeExcelText(text);
}

/** The 0-based column of a cell reference: "BC12" → 54. */
export function columnOf(reference: string): number {
  let col = 0;
  let i = 0;
  for (; i < reference.length; i++) {
    const c = reference.charCodeAt(i);
    if (c < 65 || c > 90) break;
    col = col * 26 + (c - 64);
  }
  if (i === 0 || i === reference.length) throw new Error(`référence de cellule ${reference} illisible`);
  return col - 1;
}

/**
 * Does the cell reference name row `ligne` (the text of rowIndex + 1)? As the reference's part from
 * its first digit equal to it (« B12 » in row 12).
 */
export function referenceDansLaLigne(reference: string, ligne: string): boolean {
  let k = 0;
  while (k < reference.length) {
    const c = reference.charCodeAt(k);
    if (c >= 48 && c <= 57) break;
    k++;
  }
  if (k === reference.length) return reference.slice(-1) === ligne;
  return reference.length - k === ligne.length && reference.startsWith(ligne, k);
}

const EPOCH_1900_MS = Date.UTC(1899, 11, 30);
/** A number as Excel stores one in a `<v>`: anything else in a number cell was written as text. */
export const NOMBRE_XML = /^\s*[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?\s*$/;
const INLINE_STRING = new RegExp(`<${P}is>([\\s\\S]*?)</${P}is>`);
const VALUE = new RegExp(`<${P}v>([\\s\\S]*?)</${P}v>`);
const FORMULA = new RegExp(`<${P}f[\\s/>]`);

/**
 * The value of a number cell's `<v>`. A number cell whose stored value is text (« 12,5 », « 1 234 »,
 * written by a script) is kept as text for the sheet reader's one number reader to read or report.
 * ExcelJS would parseFloat it to 12 or 1 (issue 11 item 4).
 */
export function numberValue(raw: string): CellValue {
  const n = Number(raw);
  if (raw.trim() === "") throw new Error(`nombre ${raw} illisible`);
  if (!Number.isFinite(n) || !NOMBRE_XML.test(raw)) return decodeXml(raw);
  return n;
}

/** A cell's value from its type (`t` attribute) and the text between its start and end tags. */
export function cellValue(
  type: string | undefined,
  body: string,
  strings: readonly string[],
  date1904: boolean,
): CellValue {
  if (type === "inlineStr") {
    const inline = INLINE_STRING.exec(body);
    return inline ? stringItemText(inline[1]) : null;
  }
  // Most cells are exactly `<v>…</v>`: sliced without a regular expression.
  let raw: string;
  if (body.startsWith("<v>") && body.endsWith("</v>") && body.indexOf("<", 3) === body.length - 4) {
    raw = body.slice(3, -4);
  } else {
    const v = VALUE.exec(body);
    // A formula with no stored result (never calculated) is not a blank: its value is unknown.
    if (v === null) return FORMULA.test(body) ? UNCALCULATED_FORMULA : null;
    raw = v[1];
  }
  switch (type) {
    case undefined:
    case "n":
      return numberValue(raw);
    case "s": {
      const text = strings[Number(raw)];
      if (text === undefined) throw new XlsxEndommage(`chaîne partagée ${raw} absente`);
      return text;
    }
    case "str":
      return decodeExcelText(raw);
    case "b":
      return raw.trim() === "1" || raw.trim().toLowerCase() === "true";
    case "e":
      return { error: decodeXml(raw).trim() };
    case "d": {
      const ms = Date.parse(raw.endsWith("Z") || /[+-]\d\d:\d\d$/.test(raw) ? raw : raw + "Z");
      if (!Number.isFinite(ms)) throw new Error(`date ${raw} illisible`);
      return (ms - EPOCH_1900_MS) / 86400000 - (date1904 ? 1462 : 0);
    }
    default:
      throw new Error(`type de cellule ${type} inconnu`);
  }
}

/**
 * An attribute of a start tag's attribute text, read with indexOf for the usual ` name="value"`
 * form; other spellings (single quotes, tabs or line breaks between attributes) go through the
 * general parser.
 */
export function tagAttribute(text: string, name: "r" | "t" | "s"): string | undefined {
  // The searched forms are constants: no string is built per cell.
  const at = text.indexOf(name === "r" ? ' r="' : name === "t" ? ' t="' : ' s="');
  if (at !== -1) {
    const from = at + 4;
    const value = text.slice(from, text.indexOf('"', from));
    return value.indexOf("&") === -1 ? value : decodeXml(value);
  }
  if (!/['\t\r\n]/.test(text)) return undefined;
  return attributes(text).get(name);
}
