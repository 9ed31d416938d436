/**
 * Writing the add-in's output sheets to a new .xlsx file (Node only). The layout is the one every
 * implementation of the port uses (renderOutputGrid in src/workbook/memory.ts): heading lines, a
 * blank line, then an Excel table (bold frozen header, euro / percent / integer formats) and the
 * totals row in bold just below it; the SpreadsheetML itself is written by fastWrite.ts.
 *
 * The file is written atomically — to a temporary file next to the target, then renamed — so a
 * failure never leaves a partial output file, and an input file is never touched.
 */
import { promises as fs } from "fs";
import * as path from "path";
import { outputLayout, type OutputSheet } from "../workbook/port";
import { SpreadsheetFileError, systemErrorCode } from "./errors";
import { xlsxBytes, type NamedOutput } from "./fastWrite";

export { NUMBER_FORMATS, type NamedOutput } from "./fastWrite";

/** 0-based row index (from A1) of an output's header row: after the heading lines, the fields and blank lines. */
export function headerRowIndex(output: OutputSheet): number {
  return outputLayout(output).headerRow;
}

/**
 * The .xlsx bytes of the output sheets, in order, from the project's own writer (fastWrite.ts):
 * ExcelJS, used before, took ~1.5 s for the outputs of a 100 000-row extraction (docs/performance.md).
 */
export async function outputWorkbookBytes(outputs: readonly NamedOutput[], now: Date): Promise<Buffer> {
  return xlsxBytes(outputs, now);
}

function writeError(target: string, error: unknown): SpreadsheetFileError {
  const fichier = path.basename(target);
  const code = systemErrorCode(error);
  if (code === "ENOENT") {
    return new SpreadsheetFileError(
      "ecriture-impossible",
      `Impossible d'écrire « ${target} » : le dossier « ${path.dirname(target)} » n'existe pas.`,
    );
  }
  if (code === "EACCES" || code === "EPERM" || code === "EBUSY") {
    return new SpreadsheetFileError(
      "ecriture-impossible",
      `Impossible d'écrire « ${fichier} » : accès refusé (fichier ouvert dans Excel ou dossier protégé ?). Fermez-le ou choisissez un autre nom avec --out.`,
    );
  }
  if (code === "EISDIR") {
    return new SpreadsheetFileError(
      "ecriture-impossible",
      `Impossible d'écrire « ${target} » : c'est un dossier ; indiquez un nom de fichier .xlsx.`,
    );
  }
  return new SpreadsheetFileError(
    "ecriture-impossible",
    `Impossible d'écrire « ${fichier} » (${code ?? (error instanceof Error ? error.message : "erreur inconnue")}).`,
  );
}

/**
 * Writes `bytes` to `target` atomically: a temporary file in the same folder, then a rename (atomic
 * on one file system). On any failure the temporary file is removed and the target is untouched.
 */
export async function writeFileAtomically(target: string, bytes: Uint8Array): Promise<void> {
  const directory = path.dirname(path.resolve(target));
  const temporary = path.join(
    directory,
    `.${path.basename(target)}.${process.pid}.${Date.now().toString(36)}.tmp`,
  );
  try {
    await fs.writeFile(temporary, bytes, { flag: "wx" });
    await fs.rename(temporary, target);
  } catch (error) {
    await fs.rm(temporary, { force: true }).catch(() => undefined);
    throw writeError(target, error);
  }
}

/** Writes the output sheets to a new .xlsx file, atomically. */
export async function writeOutputWorkbook(
  target: string,
  outputs: readonly NamedOutput[],
  now: Date = new Date(),
): Promise<void> {
  const bytes = await outputWorkbookBytes(outputs, now);
  await writeFileAtomically(target, bytes);
}
