/**
 * Les lecteurs tels qu'ils étaient avant la lecture en flux (issue 13 §5), gardés comme référence :
 * le lecteur en flux doit rendre exactement les mêmes cellules. Le lecteur .xlsx d'alors décompressait
 * chaque partie entière en une chaîne et la parcourait avec indexOf ; la valeur d'un champ CSV passait
 * toujours par les expressions régulières. Seuls le parcours et le champ CSV sont recopiés ici ; les
 * petites fonctions de texte qu'ils appellent sont celles du lecteur (src/xlsx/xmlText.ts, inchangées).
 */
import { lireNombreFrancais } from "../../src/rules/nombres";
import type { CellValue } from "../../src/workbook/port";
import type { CsvSeparator } from "../../src/xlsx/csv";
import { structureClasseur, type RawSheet } from "../../src/xlsx/fastXlsx";
import {
  P,
  cellValue,
  columnOf,
  referenceDansLaLigne,
  stringItemText,
  tagAttribute,
} from "../../src/xlsx/xmlText";
import { ZipArchive } from "../../src/xlsx/zip";

const HIDDEN = /(?:^|\s)hidden\s*=\s*["'](?:1|true)["']/;

function stripBom(text: string | null): string | null {
  return text !== null && text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function sharedStrings(xml: string | null): string[] {
  if (xml === null) return [];
  const items: string[] = [];
  const SI = new RegExp(`<${P}si>([\\s\\S]*?)</${P}si>|<${P}si/>`, "g");
  for (let m = SI.exec(xml); m !== null; m = SI.exec(xml))
    items.push(m[1] === undefined ? "" : stringItemText(m[1]));
  return items;
}

function isNameEnd(code: number): boolean {
  return code === 32 || code === 62 || code === 47 || code === 9 || code === 10 || code === 13;
}

function isWordCharacter(code: number): boolean {
  return (
    (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95
  );
}

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

/** Toutes les feuilles d'un classeur, lues comme avant la lecture en flux. */
export function lecteurPrecedent(bytes: Buffer): RawSheet[] {
  const zip = new ZipArchive(bytes);
  const { feuilles, stringsPath, styles, date1904 } = structureClasseur(zip);
  const strings = sharedStrings(stripBom(zip.text(stringsPath)));
  return feuilles.map(({ name, hidden, path }) => {
    const xml = stripBom(zip.text(path));
    if (xml === null) throw new Error("partie de feuille absente");
    const hiddenRows: number[] = [];
    const dateCells: number[] = [];
    const grid = parseSheet(xml, strings, date1904, hiddenRows, { styles, cells: dateCells });
    return { name, hidden, grid, hiddenRows, dateCells };
  });
}

/** Les chaînes partagées d'une partie entière, comme avant. */
export const chainesPrecedentes = (xml: string): string[] => sharedStrings(xml);

/** Les cellules d'une feuille entière, comme avant (calendrier 1900, styles de date donnés). */
export function feuillePrecedente(
  xml: string,
  strings: readonly string[],
  styles: readonly boolean[] | null = null,
): { grid: CellValue[][]; hiddenRows: number[]; dateCells: number[] } {
  const hiddenRows: number[] = [];
  const dateCells: number[] = [];
  const grid = parseSheet(xml, strings, false, hiddenRows, { styles, cells: dateCells });
  return { grid, hiddenRows, dateCells };
}

/** La valeur d'un champ CSV, comme avant. */
export const champCsvPrecedent = (field: string, separator: CsvSeparator): CellValue =>
  csvCellValueAncien(field, separator);

const ERROR_VALUES = new Map<string, string>([
  ["#N/A", "#N/A"],
  ["#VALUE!", "#VALUE!"],
  ["#VALEUR!", "#VALUE!"],
  ["#REF!", "#REF!"],
  ["#DIV/0!", "#DIV/0!"],
  ["#NUM!", "#NUM!"],
  ["#NOMBRE!", "#NUM!"],
  ["#NAME?", "#NAME?"],
  ["#NOM?", "#NAME?"],
  ["#NULL!", "#NULL!"],
  ["#NUL!", "#NULL!"],
]);
const PLAIN_NUMBER_DOT = /^-?(?:0|[1-9]\d*)(?:\.\d+)?$/;
const PLAIN_NUMBER_COMMA = /^-?(?:0|[1-9]\d*)(?:,\d+)?$/;

function csvCellValueAncien(field: string, separator: CsvSeparator): CellValue {
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
