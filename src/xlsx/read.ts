/**
 * Opening the files the user names (Node only): .xlsx through ExcelJS, .csv through csv.ts. The file
 * is recognised by its content, not only its extension, and every failure becomes a
 * SpreadsheetFileError whose French message names the file and says what to do.
 */
import { promises as fs } from "fs";
import * as path from "path";
import type ExcelJS from "exceljs";
import { loadExcelJS } from "./excelLib";
import type { CellValue } from "../workbook/port";
import { COLONNES_PAR_LIGNE } from "../sheet/dates";
import { readCell } from "./cells";
import { readCsvGrid, type CsvEncoding, type CsvSeparator } from "./csv";
import { SpreadsheetFileError, systemErrorCode } from "./errors";
import { XlsxEndommage, readXlsxValues, type RawSheet } from "./fastXlsx";
import { PARTIE_MAX_OCTETS, PartieTropGrande } from "./zip";

/** A sheet's used range: `values[0][0]` is the cell at (rowOffset, columnOffset), 0-based from A1. */
export interface FileSheet {
  readonly name: string;
  readonly values: CellValue[][];
  readonly rowOffset: number;
  readonly columnOffset: number;
  readonly hidden: boolean;
  /** Hidden (or filtered) rows, as indexes into `values`, ascending (see SheetData.hiddenRows). */
  readonly hiddenRows?: readonly number[];
  /** Number cells formatted as dates, as keys into `values` (see SheetData.dateCells). */
  readonly dateCells?: readonly number[];
}

export interface SpreadsheetFile {
  readonly path: string;
  /** The file name as the user sees it, e.g. « effectifs-paris.xlsx ». */
  readonly fichier: string;
  readonly format: "xlsx" | "csv";
  readonly sheets: readonly FileSheet[];
  /** For CSV files: what was detected, to tell the user. */
  readonly csv?: { readonly encoding: CsvEncoding; readonly separator: CsvSeparator };
}

const XLSX_EXTENSIONS = new Set([".xlsx", ".xlsm", ".xltx", ".xltm"]);

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return signature.every((byte, i) => bytes[i] === byte);
}
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const EMPTY_ZIP = [0x50, 0x4b, 0x05, 0x06];
/** Compound File Binary: Excel 97-2003 .xls, and also every password-protected .xlsx. */
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function looksBinary(bytes: Uint8Array): boolean {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return false; // UTF-16 text
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return false;
  const end = Math.min(bytes.length, 4096);
  for (let i = 0; i < end; i++) if (bytes[i] === 0) return true;
  return false;
}

/** Hidden rows (0-based from row 1) as indexes into a used range's values. */
export function hiddenRowsIn(hiddenRows: readonly number[], rowOffset: number, rowCount: number): number[] {
  const within: number[] = [];
  for (const r of hiddenRows) if (r >= rowOffset && r < rowOffset + rowCount) within.push(r - rowOffset);
  return within.sort((a, b) => a - b);
}

/** Date cells given as 0-based pairs (row, column, row, column…) as keys into a used range's values. */
export function dateCellsIn(
  pairs: readonly number[],
  used: { values: readonly unknown[]; rowOffset: number; columnOffset: number },
): number[] {
  const keys: number[] = [];
  for (let k = 0; k + 1 < pairs.length; k += 2) {
    const r = pairs[k] - used.rowOffset;
    const c = pairs[k + 1] - used.columnOffset;
    if (r >= 0 && r < used.values.length && c >= 0 && c < COLONNES_PAR_LIGNE)
      keys.push(r * COLONNES_PAR_LIGNE + c);
  }
  return keys.sort((a, b) => a - b);
}

/** A sheet's used range with its hidden rows and date cells. */
function fileSheet(
  name: string,
  grid: CellValue[][],
  hidden: boolean,
  hiddenRows: readonly number[],
  datePairs: readonly number[],
): FileSheet {
  const used = usedRange(grid);
  return {
    name,
    ...used,
    hidden,
    hiddenRows: hiddenRowsIn(hiddenRows, used.rowOffset, used.values.length),
    dateCells: dateCellsIn(datePairs, used),
  };
}

/** Trims blank rows and columns around the cells: the used range and its offsets. */
export function usedRange(grid: readonly (readonly CellValue[])[]): {
  values: CellValue[][];
  rowOffset: number;
  columnOffset: number;
} {
  let top = -1;
  let bottom = -1;
  let left = Infinity;
  let right = -1;
  grid.forEach((row, r) => {
    for (let c = 0; c < row.length; c++) {
      if (row[c] === null || row[c] === undefined) continue;
      if (top === -1) top = r;
      bottom = r;
      if (c < left) left = c;
      if (c > right) right = c;
    }
  });
  if (top === -1) return { values: [], rowOffset: 0, columnOffset: 0 };
  const width = right - left + 1;
  const values: CellValue[][] = [];
  for (let r = top; r <= bottom; r++) {
    const source = grid[r] ?? [];
    const row = new Array<CellValue>(width);
    for (let c = 0; c < width; c++) row[c] = source[left + c] ?? null;
    values.push(row);
  }
  return { values, rowOffset: top, columnOffset: left };
}

async function readBytes(filePath: string, fichier: string): Promise<Buffer> {
  try {
    return await fs.readFile(filePath);
  } catch (error) {
    const code = systemErrorCode(error);
    if (code === "ENOENT") {
      throw new SpreadsheetFileError(
        "introuvable",
        `Fichier « ${filePath} » introuvable : vérifiez le nom et le dossier.`,
      );
    }
    if (code === "EISDIR") {
      throw new SpreadsheetFileError(
        "illisible",
        `« ${filePath} » est un dossier : indiquez un fichier .xlsx ou .csv.`,
      );
    }
    if (code === "EACCES" || code === "EPERM") {
      throw new SpreadsheetFileError(
        "illisible",
        `Lecture de « ${fichier} » refusée : vérifiez les droits sur le fichier (ou fermez-le s'il est ouvert ailleurs).`,
      );
    }
    throw new SpreadsheetFileError(
      "illisible",
      `Lecture de « ${fichier} » impossible (${code ?? "erreur système"}).`,
    );
  }
}

/**
 * The cells of an .xlsx file: the fast value reader first (fastXlsx.ts), ExcelJS when that reader
 * meets something it does not expect — ExcelJS then reads it, or reports the file as damaged.
 */
async function readXlsx(bytes: Buffer, filePath: string, fichier: string): Promise<SpreadsheetFile> {
  let raw: RawSheet[] | null = null;
  try {
    raw = readXlsxValues(bytes);
  } catch (error) {
    if (error instanceof XlsxEndommage) {
      throw new SpreadsheetFileError(
        "endommage",
        `« ${fichier} » est endommagé : des cellules renvoient à des textes absents du classeur (partie des chaînes partagées manquante ou incomplète). Ouvrez-le dans Excel et enregistrez-le à nouveau, ou demandez un nouvel export.`,
      );
    }
    // A part too large once inflated (zip.ts): ExcelJS would inflate it whole, without limit.
    if (error instanceof PartieTropGrande) {
      throw new SpreadsheetFileError(
        "trop-volumineux",
        `« ${fichier} » n'est pas lu : une fois décompressée, une de ses parties (${error.partie}) dépasse ${PARTIE_MAX_OCTETS / 1024 / 1024} Mo, bien plus qu'une extraction d'effectifs. Ouvrez-le dans Excel pour vérifier son contenu, puis enregistrez ou exportez seulement la feuille utile (.xlsx ou .csv).`,
      );
    }
    raw = null;
  }
  if (raw === null) return readXlsxWithExcelJS(bytes, filePath, fichier);
  const sheets = raw.map(({ name, hidden, grid, hiddenRows, dateCells }) =>
    fileSheet(name, grid, hidden, hiddenRows, dateCells),
  );
  return { path: filePath, fichier, format: "xlsx", sheets };
}

/** The same cells, read through ExcelJS's full workbook model (slower, more tolerant). */
export async function readXlsxWithExcelJS(
  bytes: Buffer,
  filePath: string,
  fichier: string,
): Promise<SpreadsheetFile> {
  const workbook = new (await loadExcelJS()).Workbook();
  try {
    // ExcelJS's typings predate Node's generic Buffer; the bytes are what it expects.
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch {
    throw new SpreadsheetFileError(
      "endommage",
      `« ${fichier} » est endommagé ou incomplet (archive .xlsx tronquée ou illisible) : ouvrez-le dans Excel et enregistrez-le à nouveau, ou demandez un nouvel export.`,
    );
  }
  const date1904 = Boolean((workbook.properties as { date1904?: boolean }).date1904);
  const sheets: FileSheet[] = [];
  for (const worksheet of workbook.worksheets) {
    const grid: CellValue[][] = [];
    const hiddenRows: number[] = [];
    const datePairs: number[] = [];
    worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      if (row.hidden) hiddenRows.push(rowNumber - 1);
      const cells: CellValue[] = [];
      row.eachCell({ includeEmpty: false }, (cell, columnNumber) => {
        const value = readCell(cell, date1904);
        cells[columnNumber - 1] = value;
        // ExcelJS gives a Date for a number whose format is a date (or a formula's date result).
        const raw = cell.value as { result?: unknown } | null;
        if (typeof value === "number" && (raw instanceof Date || raw?.result instanceof Date))
          datePairs.push(rowNumber - 1, columnNumber - 1);
      });
      grid[rowNumber - 1] = cells;
    });
    sheets.push(fileSheet(worksheet.name, grid, worksheet.state !== "visible", hiddenRows, datePairs));
  }
  return { path: filePath, fichier, format: "xlsx", sheets };
}

/** Reads a .xlsx or .csv file entirely; throws a SpreadsheetFileError with a French message. */
export async function readSpreadsheetFile(filePath: string): Promise<SpreadsheetFile> {
  const fichier = path.basename(filePath);
  const extension = path.extname(filePath).toLowerCase();
  const bytes = await readBytes(filePath, fichier);
  if (bytes.length === 0) {
    throw new SpreadsheetFileError(
      "vide",
      `« ${fichier} » est vide (0 octet) : l'export n'a sans doute pas abouti, refaites-le.`,
    );
  }
  if (startsWith(bytes, OLE)) {
    throw new SpreadsheetFileError(
      "format-non-pris-en-charge",
      `« ${fichier} » est un classeur Excel 97-2003 (.xls) ou un classeur protégé par mot de passe : ouvrez-le dans Excel et enregistrez-le au format .xlsx (sans mot de passe) ou .csv.`,
    );
  }
  if (startsWith(bytes, ZIP) || startsWith(bytes, EMPTY_ZIP)) {
    if (bytes.subarray(0, 120).includes("application/vnd.oasis.opendocument")) {
      throw new SpreadsheetFileError(
        "format-non-pris-en-charge",
        `« ${fichier} » est au format OpenDocument (.ods) : enregistrez-le au format .xlsx ou .csv.`,
      );
    }
    return readXlsx(bytes, filePath, fichier);
  }
  if (XLSX_EXTENSIONS.has(extension) || looksBinary(bytes)) {
    throw new SpreadsheetFileError(
      "pas-un-tableur",
      `« ${fichier} » n'est pas un tableur lisible : un classeur .xlsx ou un fichier .csv est attendu.`,
    );
  }
  const { values, encoding, separator } = readCsvGrid(bytes, `« ${fichier} »`);
  const sheet: FileSheet = { name: fichier, ...usedRange(values), hidden: false };
  return { path: filePath, fichier, format: "csv", sheets: [sheet], csv: { encoding, separator } };
}
