/**
 * Opening the files the user names (Node only): .xlsx through the fast reader (fastXlsx.ts, ExcelJS
 * as a fallback), .csv through csv.ts. The file is recognised by its content, not its extension
 * (formats.ts); an archive's sizes are checked before anything is inflated (zip.ts); every failure
 * becomes a SpreadsheetFileError whose French message names the file and says what to do.
 */
import * as fs from "fs";
import * as path from "path";
import type ExcelJS from "exceljs";
import { loadExcelJS } from "./excelLib";
import type { CellValue } from "../workbook/port";
import { COLONNES_PAR_LIGNE } from "../sheet/dates";
import { readCell } from "./cells";
import { readCsvGrid, type CsvEncoding, type CsvSeparator } from "./csv";
import { SpreadsheetFileError, systemErrorCode } from "./errors";
import { formaterEntier } from "../rules";
import { OCTETS_DE_TETE, estArchiveZip, estFichierOle, natureDeLArchive, natureDuFichier } from "./formats";
import { XlsxEndommage, nombresEcritsEnTexte, readXlsxValuesStreamed, type RawSheet } from "./fastXlsx";
import {
  ARCHIVE_MAX_OCTETS,
  ArchiveRefusee,
  FichierRaccourci,
  PARTIE_MAX_OCTETS,
  RATIO_MAX,
  ZipArchive,
  sourceFichier,
  type SourceZip,
} from "./zip";
import { EXCEL_COLONNES, EXCEL_LIGNES, HorsLimitesExcel } from "./xmlText";

/**
 * A sheet's used range: `values[0][0]` is the cell at (rowOffset, columnOffset), 0-based from A1.
 * Rows are sparse (see usedRange): each stops at its last cell, blank rows are one shared empty row.
 */
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
  /** The separator of a .csv (FileWorkbook gives its sheet SheetData.delimited); absent for a workbook's sheets. */
  readonly delimiter?: CsvSeparator;
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

const MO = 1024 * 1024;

/** Every blank row of a used range: one shared, frozen row, so that blank rows cost no memory. */
const BLANK_ROW: CellValue[] = Object.freeze([]) as unknown as CellValue[];

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

/** What rowExtent found in a row (one object, rewritten for each row: nothing allocated per row). */
const extent = { first: -1, last: -1, cells: 0, packed: false };

/** Rows up to this length are walked index by index; longer ones with forEach, which skips holes. */
const SHORT_ROW = 256;

/**
 * The first and last non-blank cells of a row, its number of non-blank cells, and whether it is
 * packed: no hole nor undefined up to its last cell, nothing after it.
 */
function rowExtent(row: readonly CellValue[]): typeof extent {
  let first = -1;
  let last = -1;
  let cells = 0;
  let packed = true;
  if (row.length <= SHORT_ROW) {
    for (let c = 0; c < row.length; c++) {
      const value = row[c];
      if (value === undefined) packed = false;
      else if (value !== null) {
        if (first === -1) first = c;
        last = c;
        cells++;
      }
    }
    packed = packed && row.length === last + 1;
  } else {
    packed = false;
    row.forEach((value, c) => {
      if (value === null || value === undefined) return;
      if (first === -1) first = c;
      last = c;
      cells++;
    });
  }
  extent.first = first;
  extent.last = last;
  extent.cells = cells;
  extent.packed = packed;
  return extent;
}

/**
 * Trims blank rows and columns around the cells: the used range and its offsets.
 *
 * Décision (regles.md#technique.plage-creuse; security, issue 11 item 12): the range is sparse, never the rectangle of its bounds — a
 * 2 KB file with one value at XFD1048576 next to A1 asked for 16 384 × 1 048 576 cells (4 GB, Node
 * killed). Each row holds its cells from the range's left column to its own last cell (rows are
 * ragged, as a pasted sheet's are: a missing cell reads as undefined, blank to every reader), and
 * every blank row between is BLANK_ROW, its index kept. Memory follows the non-blank cells; the rows
 * of holey source arrays are walked with forEach, which skips the holes.
 *
 * Décision (regles.md#technique.performance; issue 13 §5): a source row that already is what the
 * range needs — from column A, packed, dense — is taken as it is rather than copied: a full sheet
 * of a million rows is not held twice.
 */
export function usedRange(grid: readonly (readonly CellValue[] | undefined)[]): {
  values: CellValue[][];
  rowOffset: number;
  columnOffset: number;
} {
  let top = -1;
  let bottom = -1;
  let left = Infinity;
  grid.forEach((row, r) => {
    if (row === undefined) return;
    const { first } = rowExtent(row);
    if (first === -1) return;
    if (first < left) left = first;
    if (top === -1) top = r;
    bottom = r;
  });
  if (top === -1) return { values: [], rowOffset: 0, columnOffset: 0 };
  const values = new Array<CellValue[]>(bottom - top + 1).fill(BLANK_ROW);
  grid.forEach((row, r) => {
    if (row === undefined) return;
    const { last, cells, packed } = rowExtent(row);
    if (last === -1) return;
    const reuse = left === 0 && packed && isDense(last + 1, cells);
    values[r - top] = reuse ? (row as CellValue[]) : sliceRow(row, left, last, cells);
  });
  return { values, rowOffset: top, columnOffset: left };
}

/** A row of this width and this many non-blank cells is held as a dense array (blanks as null). */
function isDense(width: number, cells: number): boolean {
  return width <= 4 * cells + 64;
}

/**
 * The cells `left`…`last` of a source row. An ordinary row is dense, blanks as null; a row much
 * wider than its cells (« A1 … XFD1 ») keeps its gaps as holes (read as undefined, blank), so that
 * a million such rows do not each cost 16 384 slots.
 */
function sliceRow(source: readonly CellValue[], left: number, last: number, cells: number): CellValue[] {
  const dense = isDense(last - left + 1, cells);
  const row: CellValue[] = dense ? new Array<CellValue>(last - left + 1).fill(null) : [];
  source.forEach((value, c) => {
    if (c >= left && c <= last && value !== undefined && (dense || value !== null)) row[c - left] = value;
  });
  return row;
}

/**
 * Largest input file. Décision (regles.md#technique.taille-fichier; security, issue 11 item 13): the extraction of a whole académie is a
 * few megabytes (a million rows, about 40 Mo in .xlsx); a larger file is refused with a message
 * before it is read into memory, not left to exhaust it.
 */
export const FICHIER_MAX_OCTETS = 200 * 1024 * 1024;

/** An input file, open for reading: its descriptor and its size (within FICHIER_MAX_OCTETS). */
interface FichierOuvert {
  readonly fd: number;
  readonly taille: number;
}

/**
 * Runs `lecture` on the file, opened then closed whatever happens; the system's errors (missing file,
 * a folder, refused rights…) become French messages. The file is read synchronously, by the calls
 * of `lecture`: the command line has nothing else to do meanwhile, and the promise API reads a file
 * in 512 Ko steps, each a round trip to a thread (~10 ms of a 100 000-row run spent waiting,
 * docs/performance.md).
 */
async function avecFichier<T>(
  filePath: string,
  fichier: string,
  lecture: (ouvert: FichierOuvert) => Promise<T>,
): Promise<T> {
  let fd: number | undefined;
  try {
    fd = fs.openSync(filePath, "r");
    const { size } = fs.fstatSync(fd);
    if (size > FICHIER_MAX_OCTETS) {
      const mo = Math.ceil(size / MO).toLocaleString("fr-FR");
      throw new SpreadsheetFileError(
        "trop-volumineux",
        `« ${fichier} » n'est pas lu : il fait ${mo} Mo, au-delà de la limite de ${FICHIER_MAX_OCTETS / MO} Mo, bien plus qu'une extraction d'effectifs. Exportez seulement la feuille utile (.xlsx ou .csv), ou découpez le fichier par académie.`,
      );
    }
    return await lecture({ fd, taille: size });
  } catch (error) {
    const code = systemErrorCode(error);
    // Ours, or a fault of the program: as it is.
    if (error instanceof SpreadsheetFileError || code === undefined) throw error;
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
    throw new SpreadsheetFileError("illisible", `Lecture de « ${fichier} » impossible (${code}).`);
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/** A .csv read from its file in blocks (readCsvGrid); one that shrinks meanwhile is reported. */
function lireCsv(ouvert: FichierOuvert, fichier: string, onProgress?: ReadProgress) {
  try {
    return readCsvGrid(sourceFichier(ouvert.fd, ouvert.taille), `« ${fichier} »`, onProgress);
  } catch (error) {
    if (!(error instanceof FichierRaccourci)) throw error;
    throw new SpreadsheetFileError(
      "illisible",
      `« ${fichier} » a raccourci pendant sa lecture (il est en cours d'enregistrement ou de copie ?) : attendez que le fichier soit complet, puis relancez.`,
    );
  }
}

/** The first bytes of an open file (fewer when it is shorter). */
function premiersOctets({ fd, taille }: FichierOuvert, n: number): Buffer {
  const debut = Buffer.alloc(Math.min(n, taille));
  if (debut.length > 0) fs.readSync(fd, debut, 0, debut.length, 0);
  return debut;
}

function endommage(fichier: string): SpreadsheetFileError {
  return new SpreadsheetFileError(
    "endommage",
    `« ${fichier} » est endommagé ou incomplet (archive .xlsx tronquée ou illisible) : ouvrez-le dans Excel et enregistrez-le à nouveau, ou demandez un nouvel export.`,
  );
}

/** The French message of an archive refused by its sizes (zip.ts), before anything is inflated. */
function archiveRefusee({ motif, partie }: ArchiveRefusee, fichier: string): SpreadsheetFileError {
  const quoi = {
    partie: `une fois décompressée, une de ses parties (${partie}) dépasse ${PARTIE_MAX_OCTETS / MO} Mo, bien plus qu'une extraction d'effectifs`,
    archive: `une fois décompressées, ses parties dépassent ${ARCHIVE_MAX_OCTETS / MO} Mo au total, bien plus qu'une extraction d'effectifs`,
    ratio: `une de ses parties (${partie}) grossit plus de ${RATIO_MAX} fois à la décompression, ce que ne fait aucun tableau réel (signe d'une « bombe zip »)`,
    "taille-fausse": `une de ses parties (${partie}) est plus grande, décompressée, que ce qu'annonce l'archive (fichier endommagé ou piégé)`,
  }[motif];
  return new SpreadsheetFileError(
    "trop-volumineux",
    `« ${fichier} » n'est pas lu : ${quoi}. Ouvrez-le dans Excel pour vérifier son contenu, puis enregistrez ou exportez seulement la feuille utile (.xlsx ou .csv).`,
  );
}

function horsLimites({ ligne, colonne }: HorsLimitesExcel, fichier: string): SpreadsheetFileError {
  const quoi =
    ligne > EXCEL_LIGNES
      ? `une cellule à la ligne ${ligne}, au-delà de la dernière ligne d'Excel (${formaterEntier(EXCEL_LIGNES)})`
      : `une cellule à la colonne ${colonne}, au-delà de la dernière colonne d'Excel (XFD, la ${formaterEntier(EXCEL_COLONNES)}e)`;
  return new SpreadsheetFileError(
    "endommage",
    `« ${fichier} » n'est pas lu : il contient ${quoi}, ce qu'aucun tableur n'écrit (fichier endommagé ou piégé). Ouvrez-le dans Excel pour vérifier son contenu, puis enregistrez ou exportez seulement la feuille utile (.xlsx ou .csv).`,
  );
}

/**
 * The cells of an .xlsx file: the fast value reader first (fastXlsx.ts), ExcelJS when that reader
 * meets something it does not expect — ExcelJS then reads it, or reports the file as damaged.
 */
async function readXlsx(
  archive: Buffer | SourceZip,
  octets: () => Buffer,
  filePath: string,
  fichier: string,
  onProgress?: ReadProgress,
): Promise<SpreadsheetFile> {
  let raw: RawSheet[] | null = null;
  try {
    raw = readXlsxValuesStreamed(archive, onProgress);
  } catch (error) {
    if (error instanceof XlsxEndommage) {
      throw new SpreadsheetFileError(
        "endommage",
        `« ${fichier} » est endommagé : des cellules renvoient à des textes absents du classeur (partie des chaînes partagées manquante ou incomplète). Ouvrez-le dans Excel et enregistrez-le à nouveau, ou demandez un nouvel export.`,
      );
    }
    if (error instanceof ArchiveRefusee) throw archiveRefusee(error, fichier);
    if (error instanceof HorsLimitesExcel) throw horsLimites(error, fichier);
    raw = null;
  }
  if (raw === null) {
    // The fast reader may have said 40 % before it gave up; ExcelJS has no progress of its own.
    const file = await readXlsxWithExcelJS(octets(), filePath, fichier);
    onProgress?.(1, 1);
    return file;
  }
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
  // ExcelJS inflates every part whole, without limit: the archive passes the same size checks first.
  try {
    new ZipArchive(bytes).verifierParties();
  } catch (error) {
    if (error instanceof ArchiveRefusee) throw archiveRefusee(error, fichier);
    throw endommage(fichier);
  }
  const workbook = new (await loadExcelJS()).Workbook();
  try {
    // ExcelJS's typings predate Node's generic Buffer; the bytes are what it expects.
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch {
    throw endommage(fichier);
  }
  const date1904 = Boolean((workbook.properties as { date1904?: boolean }).date1904);
  // Number cells that hold text (« 12,5 »): ExcelJS would give 12; the text goes back to the sheet
  // layer's one number reader (issue 11 item 4). A file too odd to scan keeps ExcelJS's values.
  let nombresEnTexte = new Map<string, [number, number, string][]>();
  try {
    nombresEnTexte = nombresEcritsEnTexte(bytes);
  } catch {
    // ExcelJS read it: its values stand.
  }
  const sheets: FileSheet[] = [];
  for (const worksheet of workbook.worksheets) {
    const grid: CellValue[][] = [];
    const hiddenRows: number[] = [];
    const datePairs: number[] = [];
    // Before eachRow, which visits every index of ExcelJS's row array: row 3 000 000 000 would take
    // minutes to reach.
    if (worksheet.rowCount > EXCEL_LIGNES)
      throw horsLimites(new HorsLimitesExcel(worksheet.rowCount, 0), fichier);
    worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      if (rowNumber > EXCEL_LIGNES || row.cellCount > EXCEL_COLONNES) {
        throw horsLimites(new HorsLimitesExcel(rowNumber, row.cellCount), fichier);
      }
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
    for (const [r, c, texte] of nombresEnTexte.get(worksheet.name) ?? []) (grid[r] ??= [])[c] = texte;
    sheets.push(fileSheet(worksheet.name, grid, worksheet.state !== "visible", hiddenRows, datePairs));
  }
  return { path: filePath, fichier, format: "xlsx", sheets };
}

/**
 * How far the reading of a file is: `done` of `total`, in bytes of the text read (the inflated sheet
 * XML of an .xlsx, the .csv file itself).
 */
export type ReadProgress = (done: number, total: number) => void;

/**
 * Reads a .xlsx or .csv file entirely; throws a SpreadsheetFileError with a French message. An
 * archive is read from the file as its parts are inflated (sourceFichier); it is read whole only
 * if ExcelJS has to take over. A text file is recognised by its first bytes, then read in blocks
 * (readCsvGrid); an Office file of another kind (.xls) is read whole, to tell which it is.
 */
export async function readSpreadsheetFile(
  filePath: string,
  onProgress?: ReadProgress,
): Promise<SpreadsheetFile> {
  const fichier = path.basename(filePath);
  const extension = path.extname(filePath).toLowerCase();
  return avecFichier(filePath, fichier, async (ouvert) => {
    const toutLire = () => fs.readFileSync(ouvert.fd);
    // What the file is, from its first bytes.
    const tete = premiersOctets(ouvert, OCTETS_DE_TETE);
    if (estArchiveZip(tete)) {
      const source = sourceFichier(ouvert.fd, ouvert.taille);
      natureDeLArchive(source, fichier);
      return readXlsx(source, toutLire, filePath, fichier, onProgress);
    }
    // An Office file of another kind is read whole to say which.
    const bytes = estFichierOle(tete) ? toutLire() : tete;
    if (natureDuFichier(bytes, fichier, extension) === "xlsx") {
      // Only if the file became an archive since its first bytes were read: read whole, again.
      const archive = toutLire();
      return readXlsx(archive, () => archive, filePath, fichier, onProgress);
    }
    const { values, encoding, separator } = lireCsv(ouvert, fichier, onProgress);
    const sheet: FileSheet = { name: fichier, ...usedRange(values), hidden: false, delimiter: separator };
    return { path: filePath, fichier, format: "csv", sheets: [sheet], csv: { encoding, separator } };
  });
}
