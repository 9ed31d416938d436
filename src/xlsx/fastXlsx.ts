/**
 * A fast reader of the cell values of an .xlsx file. ExcelJS builds a full model of the workbook
 * (styles, formulas, merges…) and needs about 5 s for a 100 000-row sheet here, when the CLI's budget
 * for the whole run is 0.5 s (design.md §8). The values alone are simple to read from the sheet XML
 * (ECMA-376 part 1, §18.3.1.4 `c`, §18.4 shared strings), so this module does only that; anything it
 * does not expect throws, and read.ts then falls back to ExcelJS. Tests check that both readers give
 * the same cells on every fixture. The large parts, shared strings and worksheets, are scanned as
 * they are inflated (sheetScanner.ts, stringsScanner.ts); the small ones are read as text.
 *
 * What Excel stores is what the port wants: a date is its serial number (the style is not read), a
 * formula cell its cached result (UNCALCULATED_FORMULA when the file has none), a merged range its
 * value in the top-left cell only (the other cells of the range are empty in the file).
 */
import { stylesDeDate } from "./dateStyles";
import { SheetScanner, type SheetCells } from "./sheetScanner";
import { SharedStringsScanner } from "./stringsScanner";
import {
  NOMBRE_XML,
  P,
  XlsxEndommage,
  attribute,
  attributes,
  columnOf,
  decodeXml,
  tagAttribute,
} from "./xmlText";
import { ZipArchive, type SourceZip } from "./zip";

export { XlsxEndommage };

export interface RawSheet extends SheetCells {
  readonly name: string;
  readonly hidden: boolean;
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

/** A workbook's parts as the fast reader and the fallback's number scan both need them. */
interface PartiesClasseur {
  readonly workbookPath: string;
  readonly workbookXml: string;
  readonly relationships: readonly Map<string, string>[];
  /** The worksheets in workbook order: name, sheet element attributes, part path (charts skipped). */
  readonly feuilles: readonly { name: string; attrs: Map<string, string>; path: string }[];
}

function partiesClasseur(zip: ZipArchive): PartiesClasseur {
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
  return { workbookPath, workbookXml, relationships, feuilles };
}

/** What the reading of a workbook's cells needs from its small parts. */
export interface StructureClasseur {
  /** The worksheets in workbook order (charts skipped). */
  readonly feuilles: readonly { name: string; hidden: boolean; path: string }[];
  /** Where the shared strings are (the part may be missing: no shared string then). */
  readonly stringsPath: string;
  /** Which styles show dates (null: none does). */
  readonly styles: readonly boolean[] | null;
  readonly date1904: boolean;
}

export function structureClasseur(zip: ZipArchive): StructureClasseur {
  const { workbookPath, workbookXml, relationships, feuilles } = partiesClasseur(zip);
  const sharedStringsRel = relationships.find((a) => (a.get("Type") ?? "").endsWith("/sharedStrings"));
  const stylesRel = relationships.find((a) => (a.get("Type") ?? "").endsWith("/styles"));
  const properties = new RegExp(`<${P}workbookPr\\b([^>]*)>`).exec(workbookXml);
  const date1904 = properties ? attributes(properties[1]).get("date1904") : undefined;
  return {
    feuilles: feuilles.map(({ name, attrs, path }) => {
      const state = attrs.get("state");
      return { name, hidden: state === "hidden" || state === "veryHidden", path };
    }),
    stringsPath: sharedStringsRel
      ? resolveTarget(workbookPath, sharedStringsRel.get("Target") ?? "")
      : "xl/sharedStrings.xml",
    styles: stylesDeDate(
      stylesRel ? stripBom(zip.text(resolveTarget(workbookPath, stylesRel.get("Target") ?? ""))) : null,
    ),
    date1904: date1904 === "1" || date1904 === "true",
  };
}

/**
 * Pushes one part whole, chunk by chunk, into its scanner; `total` is the inflated size of all the
 * parts the reading reads (for progress).
 */
type Nourrir = (path: string, scanner: { push(chunk: Buffer): void }, total: number) => void;

/**
 * The reading of a workbook: the shared strings, then each worksheet, each part fed to its scanner by
 * `nourrir` — inflated whole first by readXlsxValues, as zlib inflates it by readXlsxValuesStreamed.
 * One reading, two ways of feeding it.
 */
function lecture(zip: ZipArchive, nourrir: Nourrir): RawSheet[] {
  const { feuilles, stringsPath, styles, date1904 } = structureClasseur(zip);
  for (const { path } of feuilles) if (!zip.has(path)) throw new Error("partie de feuille absente");
  const total = feuilles.reduce((somme, { path }) => somme + zip.size(path), zip.size(stringsPath));

  const stringsScanner = new SharedStringsScanner();
  if (zip.has(stringsPath)) nourrir(stringsPath, stringsScanner, total);
  const strings = stringsScanner.finish();

  const sheets: RawSheet[] = [];
  for (const { name, hidden, path } of feuilles) {
    const scanner = new SheetScanner(strings, date1904, styles, zip.size(path));
    nourrir(path, scanner, total);
    sheets.push({ name, hidden, ...scanner.finish() });
  }
  return sheets;
}

/** Every worksheet of the file, in workbook order, with its cells. Throws on anything unexpected. */
export function readXlsxValues(bytes: Buffer): RawSheet[] {
  const zip = new ZipArchive(bytes);
  return lecture(zip, (path, scanner) => zip.chunksSync(path, (chunk) => scanner.push(chunk)));
}

/**
 * The same cells, each part read as zlib inflates it (the command line's way): no part is ever held
 * whole. `onProgress` gets the inflated bytes read so far and the total the archive announces.
 */
export function readXlsxValuesStreamed(
  archive: Buffer | SourceZip,
  onProgress?: (done: number, total: number) => void,
): RawSheet[] {
  const zip = new ZipArchive(archive);
  let done = 0;
  return lecture(zip, (path, scanner, total) =>
    zip.chunks(path, (chunk) => {
      scanner.push(chunk);
      done += chunk.length;
      onProgress?.(done, total);
    }),
  );
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
  const zip = new ZipArchive(bytes);
  const { feuilles } = partiesClasseur(zip);
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
