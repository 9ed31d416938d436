/**
 * End to end in the command line (design.md §8: 100 000 rows in under 2 s): a generated rectorat
 * extraction written as a real .xlsx (shared strings, as Excel writes them) and as a .csv, then
 * `are dotations` spawned on it (bin/are.js over build/, what a user runs), wall time from spawn to
 * exit. The same run in-process, step by step, says where the time goes.
 *
 *   node build/bench/bench/cli.js 100000
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { Parametres } from "../src/rules";
import type { CellValue } from "../src/workbook/port";
import { calculerDotations, ecrireDotations } from "../src/workflows";
import { FileWorkbook, chooseSheet, outputWorkbookBytes, readSpreadsheetFile } from "../src/xlsx";
import { feuillesBench } from "./generate";
import { mesurer, publier } from "./mesure";

const RACINE = path.resolve(__dirname, "..", "..", "..");
const ARE = path.join(RACINE, "bin", "are.js");

async function ecrireXlsx(fichier: string, feuille: string, grille: readonly (readonly CellValue[])[]) {
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: fichier, useSharedStrings: true });
  const ws = writer.addWorksheet(feuille);
  for (const row of grille) ws.addRow(row.map((c) => (c === null ? undefined : c))).commit();
  ws.commit();
  await writer.commit();
}

function ecrireCsv(fichier: string, grille: readonly (readonly CellValue[])[]): void {
  const champ = (c: CellValue) =>
    c === null
      ? ""
      : typeof c === "object"
        ? c.error
        : typeof c === "string" && /[;"\n]/.test(c)
          ? `"${c.replace(/"/g, '""')}"`
          : String(c);
  fs.writeFileSync(fichier, "\ufeff" + grille.map((row) => row.map(champ).join(";")).join("\r\n") + "\r\n");
}

function mediane(valeurs: number[]): number {
  const tri = [...valeurs].sort((a, b) => a - b);
  return tri[Math.floor(tri.length / 2)];
}

/** Wall time of a spawned command, median of `fois` runs; the exit code of the last. */
function lancer(
  args: readonly string[],
  fois: number,
): { murMs: number; minMs: number; code: number | null } {
  const temps: number[] = [];
  let code: number | null = null;
  for (let i = 0; i < fois; i++) {
    const debut = process.hrtime.bigint();
    const r = spawnSync(process.execPath, args, {
      cwd: RACINE,
      encoding: "utf8",
      maxBuffer: 256 * 1024 * 1024,
    });
    temps.push(Number(process.hrtime.bigint() - debut) / 1e6);
    code = r.status;
    if (r.status !== 0) process.stderr.write(r.stderr);
  }
  return { murMs: mediane(temps), minMs: Math.min(...temps), code };
}

async function principal(): Promise<void> {
  const lignes = Number(process.argv[2] ?? 100_000);
  const fois = Number(process.argv[3] ?? 3);
  const dossier = fs.mkdtempSync(path.join(os.tmpdir(), "are-bench-"));
  try {
    const feuilles = feuillesBench(lignes);
    const effectifsXlsx = path.join(dossier, "effectifs.xlsx");
    const effectifsCsv = path.join(dossier, "effectifs.csv");
    const etablissements = path.join(dossier, "etablissements.xlsx");
    await ecrireXlsx(effectifsXlsx, "Effectifs", feuilles.effectifs);
    await ecrireXlsx(etablissements, "Établissements", feuilles.etablissements);
    ecrireCsv(effectifsCsv, feuilles.effectifs);
    const sortie = path.join(dossier, "dotations.xlsx");
    const commun = ["--etablissements", etablissements, "--annee", "2024"];

    const demarrageNode = lancer(["-e", ""], fois);
    const forfait = lancer([ARE, "forfait", "2024"], fois);
    const resume = lancer([ARE, "dotations", effectifsXlsx, ...commun], fois);
    const json = lancer([ARE, "dotations", effectifsXlsx, ...commun, "--json"], fois);
    const classeur = lancer([ARE, "dotations", effectifsXlsx, ...commun, "--out", sortie], fois);
    const csv = lancer([ARE, "dotations", effectifsCsv, ...commun], fois);

    // In-process, step by step (the same compiled code as build/cli).
    let fichier: Awaited<ReturnType<typeof readSpreadsheetFile>> | null = null;
    const lecture = await mesurer(async () => void (fichier = await readSpreadsheetFile(effectifsXlsx)));
    const lu = fichier as unknown as Awaited<ReturnType<typeof readSpreadsheetFile>>;
    const workbook = new FileWorkbook();
    const nomEffectifs = workbook.addInput(lu, chooseSheet(lu));
    const etab = await readSpreadsheetFile(etablissements);
    const nomEtab = workbook.addInput(etab, chooseSheet(etab));
    let resultat: Awaited<ReturnType<typeof calculerDotations>> | null = null;
    const calcul = await mesurer(
      async () =>
        void (resultat = await calculerDotations(workbook, {
          feuillesEffectifs: [nomEffectifs],
          feuilleEtablissements: nomEtab,
          annee: 2024,
          parametres: Parametres.embarques(),
        })),
    );
    const fini = resultat as unknown as Awaited<ReturnType<typeof calculerDotations>>;
    const ecriture = await mesurer(async () => {
      await ecrireDotations(workbook, fini);
      await outputWorkbookBytes(workbook.writtenSheets(), new Date(Date.UTC(2024, 9, 15)));
    });

    publier({
      lignes,
      fois,
      xlsxOctets: fs.statSync(effectifsXlsx).size,
      csvOctets: fs.statSync(effectifsCsv).size,
      demarrageNode,
      forfait,
      resume,
      json,
      classeur,
      csv,
      etapes: {
        lectureXlsxMs: lecture.murMs,
        calculMs: calcul.murMs,
        ecritureMs: ecriture.murMs,
        constats: fini.constats.length,
        etablissements: fini.etablissements.length,
      },
    });
  } finally {
    fs.rmSync(dossier, { recursive: true, force: true });
  }
}

principal().catch((error) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
