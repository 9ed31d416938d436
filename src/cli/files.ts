/**
 * The files a command reads and writes: each input file is opened (its sheet chosen) into one
 * FileWorkbook; the output path is checked before any work, so that an input file is never
 * overwritten and a wrong --out fails fast.
 */
import { promises as fs } from "fs";
import * as path from "path";
import { formatDecimalFr, Decimal } from "../rules";
import {
  FileWorkbook,
  SpreadsheetFileError,
  chooseSheet,
  readSpreadsheetFile,
  type SpreadsheetFile,
} from "../xlsx";
import { UsageError } from "./args";
import type { CliIo } from "./io";

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

/** Opens one file and adds its sheet (the one named, or the first non-empty one) to the workbook. */
export async function openInput(
  workbook: FileWorkbook,
  filePath: string,
  feuille: string | undefined,
  io: CliIo,
  showProgress: boolean,
): Promise<OpenedInput> {
  if (showProgress) {
    const size = await sizeOf(filePath);
    if (size >= ANNOUNCE_BYTES) {
      const mo = formatDecimalFr(new Decimal(size).dividedBy(1024 * 1024), 1);
      io.stderr(`Lecture de « ${path.basename(filePath)} » (${mo} Mo)…\n`);
    }
  }
  const file = await readSpreadsheetFile(filePath);
  const sheet = chooseSheet(file, feuille);
  return { file, feuille: workbook.addInput(file, sheet) };
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
