/**
 * Reading alone, in a process of its own (spawned by bench/cli.ts): reads one file as the command
 * line does and prints the reading's time and the rows of the sheet chosen. Only the reader is
 * loaded, so that the process's own figures (bench/rss.ts) are those of the reading.
 *
 *   node build/bench/bench/lire.js <fichier>
 */
import { chooseSheet, readSpreadsheetFile } from "../src/xlsx";
import { mesurer, publier } from "./mesure";

async function lire(fichier: string): Promise<void> {
  let lignes = 0;
  const lecture = await mesurer(async () => {
    lignes = chooseSheet(await readSpreadsheetFile(fichier)).values.length;
  });
  publier({ lectureMs: lecture.murMs, lectureCpuMs: lecture.cpuMs, lignes });
}

lire(process.argv[2]).catch((error) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
