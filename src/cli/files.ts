/**
 * The files a command reads and writes: each input file is opened (its sheet chosen) into one
 * FileWorkbook; the output path is checked before any work, so that an input file is never
 * overwritten and a wrong --out fails fast.
 */
import { promises as fs } from "fs";
import * as path from "path";
import { formaterDecimal, nombreDe, Decimal } from "../rules";
import type { CorrectionColonnes } from "../workflows/types";
import {
  FileWorkbook,
  SpreadsheetFileError,
  chooseSheet,
  readSpreadsheetFile,
  type FileSheet,
  type SpreadsheetFile,
} from "../xlsx";
import type { Progress } from "../workbook/port";
import { UsageError } from "./args";
import { estUneFeuilleEffectifs, feuilleDeNature } from "./classeurs";
import { progressReporter, type CliIo } from "./io";

/** Files above this size take long enough to read for a word on stderr to help. */
const ANNOUNCE_BYTES = 2 * 1024 * 1024;

export interface OpenedInput {
  readonly file: SpreadsheetFile;
  /** The sheet's name in the workbook, to pass to the workflows. */
  readonly feuille: string;
}

async function sizeOf(filePath: string): Promise<number> {
  try {
    return (await fs.stat(filePath)).size;
  } catch {
    return 0; // readSpreadsheetFile reports the real problem.
  }
}

/**
 * Reads a file. When progress is shown, a large one says how far its reading is, on stderr
 * (« Lecture de « effectifs.xlsx » (35,1 Mo) : 45 % »): a full sheet takes a few seconds.
 */
async function readInput(filePath: string, io: CliIo, showProgress: boolean): Promise<SpreadsheetFile> {
  let progress: Progress | undefined;
  if (showProgress) {
    const size = await sizeOf(filePath);
    if (size >= ANNOUNCE_BYTES) {
      const mo = formaterDecimal(new Decimal(size).dividedBy(1024 * 1024), 1);
      progress = progressReporter(io, true)?.(`Lecture de « ${path.basename(filePath)} » (${mo} Mo)`, false);
    }
  }
  return readSpreadsheetFile(filePath, progress?.onProgress);
}

/**
 * Which sheet of a file to read: the one named by --feuille, else the first visible one that holds
 * `nature` (feuilleDeNature: a cover page before it is skipped), else the first non-empty one.
 */
export interface ChoixFeuille {
  readonly feuille?: string;
  readonly nature?: "etablissements" | "demande";
}

/** Opens one file and adds its sheet (ChoixFeuille) to the workbook. */
export async function openInput(
  workbook: FileWorkbook,
  filePath: string,
  { feuille, nature }: ChoixFeuille,
  io: CliIo,
  showProgress: boolean,
): Promise<OpenedInput> {
  const file = await readInput(filePath, io, showProgress);
  const sheet =
    feuille === undefined && nature !== undefined
      ? feuilleDeNature(file, nature)
      : chooseSheet(file, feuille);
  return { file, feuille: workbook.addInput(file, sheet) };
}

export interface OpenedEffectifs {
  readonly file: SpreadsheetFile;
  /** The sheets' names in the workbook, to pass to the workflows. */
  readonly feuilles: readonly string[];
}

/**
 * The effectif sheets of a file: the sheets named by --feuille (each name may be in some files only; a
 * file with none of them is an error), or else every visible sheet that is an effectif sheet as the
 * task pane judges it (estUneFeuilleEffectifs) — a cover sheet, notes or a pivot table before the data
 * are skipped, and named on stderr so that the user knows what was not read. A file with no such sheet
 * gives its first non-empty sheet, whose reading then says what is missing.
 *
 * Décision (regles.md#lecture.feuille-masquee; issue 11 item 15): a hidden sheet is skipped (and named) even when it has effectifs —
 * often a backup copy of a visible one, whose rows would be counted twice; --feuille reads it.
 */
function effectifSheets(
  file: SpreadsheetFile,
  feuilles: readonly string[],
  correction: CorrectionColonnes | undefined,
  io: CliIo,
): FileSheet[] {
  if (feuilles.length > 0) {
    const wanted = new Set(feuilles.map((f) => f.trim().toLowerCase()));
    const named = file.sheets.filter((f) => wanted.has(f.name.toLowerCase()));
    // chooseSheet gives the messages: a name absent from the file, or an empty sheet.
    return named.length > 0 ? named.map((f) => chooseSheet(file, f.name)) : [chooseSheet(file, feuilles[0])];
  }
  const nonVides = file.sheets.filter((f) => f.values.length > 0);
  let choisies = nonVides.filter((f) => !f.hidden && estUneFeuilleEffectifs(f, correction));
  if (choisies.length === 0) choisies = [chooseSheet(file)];
  const ignorees = nonVides.filter((f) => !choisies.includes(f));
  if (ignorees.length > 0) io.stderr(feuillesIgnorees(file, ignorees));
  return choisies;
}

/** Opens an effectif file and adds its effectif sheets (effectifSheets) to the workbook. */
export async function openEffectifs(
  workbook: FileWorkbook,
  filePath: string,
  feuilles: readonly string[],
  correction: CorrectionColonnes | undefined,
  io: CliIo,
  showProgress: boolean,
): Promise<OpenedEffectifs> {
  const file = await readInput(filePath, io, showProgress);
  const choisies = effectifSheets(file, feuilles, correction, io);
  return { file, feuilles: choisies.map((sheet) => workbook.addInput(file, sheet)) };
}

/**
 * Opens an effectif file for `are controle`, which checks one sheet: the one named by --feuille, or the
 * first effectif sheet (effectifSheets); the others are named on stderr with how to check them.
 */
export async function openEffectifSheet(
  workbook: FileWorkbook,
  filePath: string,
  feuille: string | undefined,
  correction: CorrectionColonnes | undefined,
  io: CliIo,
  showProgress: boolean,
): Promise<OpenedInput> {
  const file = await readInput(filePath, io, showProgress);
  const [premiere, ...autres] = effectifSheets(file, feuille === undefined ? [] : [feuille], correction, io);
  if (autres.length > 0) {
    const noms = autres.map((f) => `« ${f.name} »`).join(", ");
    const comment = autres.length === 1 ? "l'autre se contrôle" : "les autres se contrôlent";
    io.stderr(
      `« ${file.fichier} » : ${nombreDe(autres.length + 1, "feuille d'effectifs", "feuilles d'effectifs")} ; « ${premiere.name} » est contrôlée, ${comment} avec --feuille : ${noms}.\n`,
    );
  }
  return { file, feuille: workbook.addInput(file, premiere) };
}

function feuillesIgnorees(file: SpreadsheetFile, ignorees: readonly FileSheet[]): string {
  const liste = ignorees
    .map(
      (f) =>
        `« ${f.name} » (${f.hidden ? "masquée" : "pas d'en-tête UAI, code formation, effectif dans ses 30 premières lignes"})`,
    )
    .join(", ");
  const quoi = ignorees.length > 1 ? "feuilles non lues" : "feuille non lue";
  return `« ${file.fichier} » : ${quoi} ${liste}. Pour en lire une quand même, nommez-la avec --feuille.\n`;
}

/**
 * Checks --out before anything is computed: a .xlsx name, in an existing folder, and never one of
 * the input files (the user's files are never modified).
 */
export async function checkOutputPath(out: string, inputs: readonly string[]): Promise<void> {
  if (path.extname(out).toLowerCase() !== ".xlsx") {
    throw new UsageError(`--out « ${out} » : le classeur de résultats doit avoir l'extension .xlsx.`);
  }
  const target = path.resolve(out);
  for (const input of inputs) {
    if (path.resolve(input) === target) {
      throw new UsageError(
        `--out « ${out} » désigne un fichier lu : les fichiers d'entrée ne sont jamais modifiés, choisissez un autre nom.`,
      );
    }
  }
  const directory = path.dirname(target);
  try {
    if (!(await fs.stat(directory)).isDirectory()) throw new Error("pas un dossier");
  } catch {
    throw new SpreadsheetFileError(
      "ecriture-impossible",
      `Impossible d'écrire « ${out} » : le dossier « ${path.dirname(out)} » n'existe pas.`,
    );
  }
}
