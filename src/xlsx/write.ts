/**
 * Writing the add-in's output sheets to a new .xlsx file (Node only). The layout is the one every
 * implementation of the port uses (renderOutputGrid in src/workbook/memory.ts): heading lines, a
 * blank line, then an Excel table (bold frozen header, euro / percent / integer formats) and the
 * totals row in bold just below it; the SpreadsheetML itself is written by fastWrite.ts.
 *
 * The file is written atomically — to a temporary file next to the target, then renamed — so a
 * failure never leaves a partial output file, and an input file is never touched.
 */
import { promises as fs, rmSync } from "fs";
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

/** The temporary files being written now, removed if the process is interrupted meanwhile. */
const temporaries = new Set<string>();
/** Ctrl-C, `kill`, the terminal closed. (SIGKILL cannot be caught: nothing can clean up after it.) */
const INTERRUPTIONS: readonly NodeJS.Signals[] = ["SIGINT", "SIGTERM", "SIGHUP"];

/**
 * An interruption during a write (issue 11 item 16): the temporary files are removed, synchronously,
 * then the signal is raised again with the handlers gone, so that the process ends as it would have
 * (a shell sees « interrompu », status 130 or 143) — and the target was never touched.
 */
function onInterruption(signal: NodeJS.Signals): void {
  for (const temporary of temporaries) {
    try {
      rmSync(temporary, { force: true });
    } catch {
      // Nothing more can be done while the process ends.
    }
  }
  temporaries.clear();
  for (const s of INTERRUPTIONS) process.removeListener(s, onInterruption);
  process.kill(process.pid, signal);
}

function track(temporary: string): void {
  if (temporaries.size === 0) for (const s of INTERRUPTIONS) process.on(s, onInterruption);
  temporaries.add(temporary);
}

function untrack(temporary: string): void {
  temporaries.delete(temporary);
  if (temporaries.size === 0) for (const s of INTERRUPTIONS) process.removeListener(s, onInterruption);
}

/**
 * Writes `bytes` to `target` atomically: a temporary file in the same folder, then a rename (atomic
 * on one file system). On any failure, or an interruption (Ctrl-C, SIGTERM) meanwhile, the temporary
 * file is removed and the target is untouched.
 */
export async function writeFileAtomically(target: string, bytes: Uint8Array): Promise<void> {
  const directory = path.dirname(path.resolve(target));
  const temporary = path.join(
    directory,
    `.${path.basename(target)}.${process.pid}.${Date.now().toString(36)}.tmp`,
  );
  track(temporary);
  try {
    await fs.writeFile(temporary, bytes, { flag: "wx" });
    await fs.rename(temporary, target);
  } catch (error) {
    await fs.rm(temporary, { force: true }).catch(() => undefined);
    throw writeError(target, error);
  } finally {
    untrack(temporary);
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
