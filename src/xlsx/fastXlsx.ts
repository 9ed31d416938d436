/**
 * A fast reader of the cell values of an .xlsx file. ExcelJS builds a full model of the workbook
 * (styles, formulas, merges…) and needs about 5 s for a 100 000-row sheet here, when the CLI's budget
 * for the whole run is 2 s (design.md §8). The values alone are simple to read from the sheet XML
 * (ECMA-376 part 1, §18.3.1.4 `c`, §18.4 shared strings), so this module does only that; anything it
 * does not expect throws, and read.ts then falls back to ExcelJS. Tests check that both readers give
 * the same cells on every fixture.
 *
 * What Excel stores is what the port wants: a date is its serial number (the style is not read), a
 * formula cell its cached result (UNCALCULATED_FORMULA when the file has none), a merged range its
 * value in the top-left cell only (the other cells of the range are empty in the file).
 */
import { UNCALCULATED_FORMULA, type CellValue } from "../workbook/port";
import { stylesDeDate } from "./dateStyles";
import { ZipArchive } from "./zip";

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

export interface RawSheet {
  readonly name: string;
  readonly hidden: boolean;
  /** Cells from A1; rows and cells may be missing (sparse). */
  readonly grid: CellValue[][];
  /** 0-based indexes of the rows marked `hidden` (by hand or by a filter), ascending. */
  readonly hiddenRows: number[];
  /** Number cells whose style shows a date, as 0-based pairs: row, column, row, column… */
  readonly dateCells: number[];
}

/** `<row … hidden="1">` (or "true"): the row is hidden, by hand or by a filter (§18.3.1.73). */
const HIDDEN = /(?:^|\s)hidden\s*=\s*["'](?:1|true)["']/;

/** Element names may carry a namespace prefix (`<x:c>` from some generators). */
const P = "(?:[A-Za-z_][\\w.-]*:)?";

const ATTRIBUTE = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

function attributes(text: string): Map<string, string> {
  const map = new Map<string, string>();
  ATTRIBUTE.lastIndex = 0;
  for (let m = ATTRIBUTE.exec(text); m !== null; m = ATTRIBUTE.exec(text)) {
    map.set(m[1], decodeXml(m[2] ?? m[3]));
  }
  return map;
}

/** The value of the attribute `name` (ignoring any namespace prefix), e.g. `r:id` for "id". */
function attribute(attrs: Map<string, string>, name: string): string | undefined {
  const direct = attrs.get(name);
  if (direct !== undefined) return direct;
  for (const [key, value] of attrs) if (key.endsWith(":" + name)) return value;
  return undefined;
}

const ENTITIES: Readonly<Record<string, string>> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

function decodeXml(text: string): string {
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
function decodeExcelText(text: string): string {
  const decoded = decodeXml(text.indexOf("\r") === -1 ? text : text.replace(/\r\n?/g, "\n"));
  if (decoded.indexOf("_x") === -1) return decoded;
  return decoded.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

const TEXT_RUN = new RegExp(`<${P}t(?:\\s[^>]*)?>([\\s\\S]*?)</${P}t>|<${P}t(?:\\s[^>]*)?/>`, "g");
const PHONETIC = new RegExp(`<${P}rPh\\b[\\s\\S]*?</${P}rPh>`, "g");

/** The plain text of a string item (`<si>` or `<is>`): its `<t>` runs, phonetic guides left out. */
function stringItemText(xml: string): string {
  const body = xml.indexOf("rPh") === -1 ? xml : xml.replace(PHONETIC, "");
  let text = "";
  TEXT_RUN.lastIndex = 0;
  for (let m = TEXT_RUN.exec(body); m !== null; m = TEXT_RUN.exec(body)) {
    if (m[1] !== undefined) text += m[1];
  }
  return decodeExcelText(text);
}

function sharedStrings(xml: string | null): string[] {
  if (xml === null) return [];
  const items: string[] = [];
  const SI = new RegExp(`<${P}si>([\\s\\S]*?)</${P}si>|<${P}si/>`, "g");
  for (let m = SI.exec(xml); m !== null; m = SI.exec(xml))
    items.push(m[1] === undefined ? "" : stringItemText(m[1]));
  return items;
}

/** The 0-based column of a cell reference: "BC12" → 54. */
function columnOf(reference: string): number {
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

const EPOCH_1900_MS = Date.UTC(1899, 11, 30);
/** A number as Excel stores one in a `<v>`: anything else in a number cell was written as text. */
const NOMBRE_XML = /^\s*[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?\s*$/;
const INLINE_STRING = new RegExp(`<${P}is>([\\s\\S]*?)</${P}is>`);
const VALUE = new RegExp(`<${P}v>([\\s\\S]*?)</${P}v>`);
const FORMULA = new RegExp(`<${P}f[\\s/>]`);

function cellValue(
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
    case "n": {
      const n = Number(raw);
      if (raw.trim() === "") throw new Error(`nombre ${raw} illisible`);
      // A number cell whose stored value is text (« 12,5 », « 1 234 », written by a script): kept as
      // text for the sheet reader's one number reader to read or report. ExcelJS would parseFloat it
      // to 12 or 1 (issue 11 item 4).
      if (!Number.isFinite(n) || !NOMBRE_XML.test(raw)) {
        return decodeXml(raw);
      }
      return n;
    }
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
function tagAttribute(text: string, name: "r" | "t" | "s"): string | undefined {
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

function isNameEnd(code: number): boolean {
  return code === 32 || code === 62 || code === 47 || code === 9 || code === 10 || code === 13;
}

function isWordCharacter(code: number): boolean {
  return (
    (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95
  );
}

/**
 * Where `<sheetData` (with or without a namespace prefix) ends, or -1: the first match of
 * /<(?:[A-Za-z_][\w.-]*:)?sheetData\b/, found with indexOf rather than a regular expression tried at
 * every position of a sheet of several megabytes.
 */
function sheetDataStart(xml: string): number {
  for (let at = xml.indexOf("sheetData"); at !== -1; at = xml.indexOf("sheetData", at + 9)) {
    const after = at + 9;
    if (after < xml.length && isWordCharacter(xml.charCodeAt(after))) continue;
    // `<sheetData` or `<prefix:sheetData`.
    let k = at - 1;
    if (xml.charCodeAt(k) === 58 /* : */) {
      while (k > 0 && /[\w.-]/.test(xml[k - 1])) k--;
      if (k === at - 1 || !/[A-Za-z_]/.test(xml[k])) continue;
      k--;
    }
    if (xml.charCodeAt(k) === 60 /* < */) return after;
  }
  return -1;
}

/**
 * Does the cell reference name row `ligne` (the text of rowIndex + 1)? As the reference's part from
 * its first digit equal to it (« B12 » in row 12).
 */
function referenceDansLaLigne(reference: string, ligne: string): boolean {
  let k = 0;
  while (k < reference.length) {
    const c = reference.charCodeAt(k);
    if (c >= 48 && c <= 57) break;
    k++;
  }
  if (k === reference.length) return reference.slice(-1) === ligne;
  return reference.length - k === ligne.length && reference.startsWith(ligne, k);
}

/**
 * The cells of a worksheet's `<sheetData>`, scanned tag by tag with indexOf: a regular expression per
 * cell allocates too much for 100 000 rows. Only `row` and `c` start tags matter; a cell's body is
 * read by cellValue.
 *
 * Décision (regles.md#technique.performance; performance, issue 7): the common unprefixed `<c` and `<row` tags are recognised by their
 * characters, without cutting out their name; a cell's attribute text is cut out once for its `r` and
 * `t`; its row is checked without a regular expression (npm run bench: see docs/performance.md).
 */
function parseSheet(
  xml: string,
  strings: readonly string[],
  date1904: boolean,
  hiddenRows: number[],
  /** Which styles show dates (null: none does), and where the number cells of those styles go. */
  dates: { readonly styles: readonly boolean[] | null; readonly cells: number[] },
): CellValue[][] {
  const grid: CellValue[][] = [];
  let pos = sheetDataStart(xml);
  if (pos === -1) return grid;
  let rowIndex = -1;
  let colIndex = -1;
  /** The text of rowIndex + 1, that every cell reference of the row ends with. */
  let ligne = "";
  for (;;) {
    const lt = xml.indexOf("<", pos);
    if (lt === -1) break;
    const first = xml.charCodeAt(lt + 1);
    if (first === 47 /* / */) {
      const gt = xml.indexOf(">", lt);
      // A closing tag cut short (a sheet part ending in « </row »): without this check, pos would go
      // back to 0 and the scan would restart from the document's start, for ever.
      if (gt === -1) throw new Error("balise non fermée");
      // Closing tags of cells and rows, the common case, are skipped at once.
      if (gt - lt > 5) {
        const name = xml.slice(lt + 2, gt);
        if (name === "sheetData" || name.endsWith(":sheetData")) break;
      }
      pos = gt + 1;
      continue;
    }
    let j: number;
    let fullName: string;
    let name: string;
    if (first === 99 /* c */ && isNameEnd(xml.charCodeAt(lt + 2))) {
      j = lt + 2;
      fullName = name = "c";
    } else {
      j = lt + 1;
      while (j < xml.length && !isNameEnd(xml.charCodeAt(j))) j++;
      fullName = xml.slice(lt + 1, j);
      const colon = fullName.indexOf(":");
      name = colon === -1 ? fullName : fullName.slice(colon + 1);
    }
    const gt = xml.indexOf(">", j);
    if (gt === -1) throw new Error("balise non fermée");
    const selfClosing = xml.charCodeAt(gt - 1) === 47;
    if (name === "row") {
      const rowAttributes = xml.slice(j, gt);
      const r = tagAttribute(rowAttributes, "r");
      rowIndex = r !== undefined ? Number(r) - 1 : rowIndex + 1;
      if (!Number.isInteger(rowIndex) || rowIndex < 0) throw new Error(`numéro de ligne ${r} illisible`);
      if (rowAttributes.indexOf("hidden") !== -1 && HIDDEN.test(rowAttributes)) hiddenRows.push(rowIndex);
      ligne = String(rowIndex + 1);
      colIndex = -1;
      pos = gt + 1;
      continue;
    }
    if (name !== "c") {
      pos = gt + 1;
      continue;
    }
    const attributs = xml.slice(j, gt);
    const reference = tagAttribute(attributs, "r");
    if (reference !== undefined) {
      colIndex = columnOf(reference);
      if (!referenceDansLaLigne(reference, ligne)) {
        throw new Error(`cellule ${reference} hors de sa ligne ${rowIndex + 1}`);
      }
    } else {
      colIndex++;
    }
    if (selfClosing) {
      pos = gt + 1;
      continue;
    }
    const close = fullName === "c" ? "</c>" : `</${fullName}>`;
    const end = xml.indexOf(close, gt + 1);
    if (end === -1) throw new Error("cellule non fermée");
    pos = end + close.length;
    if (end === gt + 1) continue;
    const type = tagAttribute(attributs, "t");
    const value = cellValue(type, xml.slice(gt + 1, end), strings, date1904);
    if (value !== null) (grid[rowIndex] ??= [])[colIndex] = value;
    if (
      typeof value === "number" &&
      (type === "d" || (dates.styles !== null && dates.styles[Number(tagAttribute(attributs, "s"))]))
    )
      dates.cells.push(rowIndex, colIndex);
  }
  return grid;
}

/** `Target` of a relationship, resolved from the folder of the part that points to it. */
function resolveTarget(base: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = base.split("/").slice(0, -1);
  for (const piece of target.split("/")) {
    if (piece === "..") parts.pop();
    else if (piece !== ".") parts.push(piece);
  }
  return parts.join("/");
}

function stripBom(text: string | null): string | null {
  return text !== null && text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Every worksheet of the file, in workbook order, with its cells. Throws on anything unexpected. */
/** A workbook's parts as the fast reader and the fallback's number scan both need them. */
interface PartiesClasseur {
  readonly zip: ZipArchive;
  readonly workbookPath: string;
  readonly workbookXml: string;
  readonly relationships: readonly Map<string, string>[];
  /** The worksheets in workbook order: name, sheet element attributes, part path (charts skipped). */
  readonly feuilles: readonly { name: string; attrs: Map<string, string>; path: string }[];
}

function partiesClasseur(bytes: Buffer): PartiesClasseur {
  const zip = new ZipArchive(bytes);
  const rootRels = stripBom(zip.text("_rels/.rels"));
  const officeDocument = rootRels
    ? [...rootRels.matchAll(/<(?:\w+:)?Relationship\b([^>]*)>/g)]
        .map((m) => attributes(m[1]))
        .find((a) => (a.get("Type") ?? "").endsWith("/officeDocument"))
    : undefined;
  const workbookPath = officeDocument
    ? resolveTarget("", officeDocument.get("Target") ?? "")
    : "xl/workbook.xml";
  const workbookXml = stripBom(zip.text(workbookPath));
  if (workbookXml === null) throw new Error("classeur sans partie workbook");
  const relsPath = resolveTarget(workbookPath, "_rels/" + workbookPath.split("/").pop() + ".rels");
  const relsXml = stripBom(zip.text(relsPath)) ?? "";
  const relationships = [...relsXml.matchAll(/<(?:\w+:)?Relationship\b([^>]*)>/g)].map((m) =>
    attributes(m[1]),
  );
  const byId = new Map(relationships.map((a) => [a.get("Id") ?? "", a]));
  const feuilles: { name: string; attrs: Map<string, string>; path: string }[] = [];
  const SHEET = new RegExp(`<${P}sheet\\b([^>]*?)/?>`, "g");
  for (let m = SHEET.exec(workbookXml); m !== null; m = SHEET.exec(workbookXml)) {
    const attrs = attributes(m[1]);
    const relation = byId.get(attribute(attrs, "id") ?? "");
    if (!relation) throw new Error("feuille sans relation");
    // Chart sheets and dialog sheets hold no cells: skipped, as ExcelJS does.
    if (!(relation.get("Type") ?? "").endsWith("/worksheet")) continue;
    feuilles.push({
      name: attrs.get("name") ?? "",
      attrs,
      path: resolveTarget(workbookPath, relation.get("Target") ?? ""),
    });
  }
  return { zip, workbookPath, workbookXml, relationships, feuilles };
}

export function readXlsxValues(bytes: Buffer): RawSheet[] {
  const { zip, workbookPath, workbookXml, relationships, feuilles } = partiesClasseur(bytes);
  const sharedStringsRel = relationships.find((a) => (a.get("Type") ?? "").endsWith("/sharedStrings"));
  const strings = sharedStrings(
    stripBom(
      zip.text(
        sharedStringsRel
          ? resolveTarget(workbookPath, sharedStringsRel.get("Target") ?? "")
          : "xl/sharedStrings.xml",
      ),
    ),
  );
  const stylesRel = relationships.find((a) => (a.get("Type") ?? "").endsWith("/styles"));
  const styles = stylesDeDate(
    stylesRel ? stripBom(zip.text(resolveTarget(workbookPath, stylesRel.get("Target") ?? ""))) : null,
  );
  const properties = new RegExp(`<${P}workbookPr\\b([^>]*)>`).exec(workbookXml);
  const date1904Attr = properties ? attributes(properties[1]).get("date1904") : undefined;
  const date1904 = date1904Attr === "1" || date1904Attr === "true";

  const sheets: RawSheet[] = [];
  for (const { name, attrs, path } of feuilles) {
    const xml = stripBom(zip.text(path));
    if (xml === null) throw new Error("partie de feuille absente");
    const state = attrs.get("state");
    const hiddenRows: number[] = [];
    const dateCells: number[] = [];
    sheets.push({
      name,
      hidden: state === "hidden" || state === "veryHidden",
      grid: parseSheet(xml, strings, date1904, hiddenRows, { styles, cells: dateCells }),
      hiddenRows,
      dateCells,
    });
  }
  return sheets;
}

const CELLULE_NOMBRE = new RegExp(
  `<${P}c\\b([^>]*)>(?:<${P}f\\b[^>]*/>|<${P}f\\b[^>]*>[^<]*</${P}f>)?<${P}v>([^<]*)</${P}v>`,
  "g",
);

/**
 * For the ExcelJS fallback (issue 11 item 4): the number cells whose stored value is text (« 12,5 »,
 * « 1 234 », written by a script), per sheet name, as 0-based [row, column, text]. ExcelJS parseFloats
 * them (12, 1); the reader puts the text back for the sheet layer's one number reader to read or report.
 */
export function nombresEcritsEnTexte(bytes: Buffer): Map<string, [number, number, string][]> {
  const { zip, feuilles } = partiesClasseur(bytes);
  const parFeuille = new Map<string, [number, number, string][]>();
  for (const { name, path } of feuilles) {
    const xml = stripBom(zip.text(path));
    if (xml === null) continue;
    const trouves: [number, number, string][] = [];
    for (const m of xml.matchAll(CELLULE_NOMBRE)) {
      const type = tagAttribute(m[1], "t");
      const reference = tagAttribute(m[1], "r");
      if ((type !== undefined && type !== "n") || reference === undefined || NOMBRE_XML.test(m[2])) continue;
      const ligne = Number(/\d+$/.exec(reference)?.[0] ?? 0) - 1;
      const colonne = /^[A-Z]{1,3}\d+$/.test(reference) ? columnOf(reference) : -1;
      if (ligne >= 0 && colonne >= 0) trouves.push([ligne, colonne, decodeXml(m[2])]);
    }
    if (trouves.length > 0) parFeuille.set(name, trouves);
  }
  return parFeuille;
}
