/**
 * End to end in the command line (design.md §8: 100 000 rows in under 0.5 s, a full Excel sheet of
 * 1 048 576 rows in under 4 s and 600 MB): a generated rectorat extraction written as a real .xlsx
 * (shared strings, as Excel writes them) and as a .csv, then `are dotations` spawned on it
 * (bin/are.js over build/, what a user runs), wall time from spawn to exit, with the CPU time and peak
 * resident memory of the spawned process (bench/rss.ts). The same run in-process, step by step, says
 * where the time goes; reading alone is also measured in a process of its own.
 *
 *   node build/bench/bench/cli.js 100000 [fois]
 *   node build/bench/bench/cli.js pleine [fois]      the full sheet, .xlsx and .csv
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
import { MO, mesurer, publier } from "./mesure";
import { MARQUE } from "./rss";

const RACINE = path.resolve(__dirname, "..", "..", "..");
const ARE = path.join(RACINE, "bin", "are.js");
/** Preloaded into every spawned process: its CPU time and peak memory at exit. */
const RSS = path.join(__dirname, "rss.js");
/**
 * Loads what bin/are.js loads before running a command: the command line as one file, build/are.js
 * (scripts/cli-bundle.js); a command's own modules are evaluated when it runs.
 */
const CHARGER_CLI = `require(${JSON.stringify(path.join(RACINE, "build", "are.js"))});`;
/** A full Excel sheet: 1 048 576 rows, the header and 1 048 575 rows of data. */
const FEUILLE_PLEINE = 1_048_575;

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

export interface Lancement {
  /** Wall time from spawn to exit: median of the runs, and the best. */
  readonly murMs: number;
  readonly minMs: number;
  /** CPU time of the spawned process (user + system, all its threads), median of the runs. */
  readonly cpuMs: number;
  /** CPU time of its main thread, Node's start-up included (Linux; NaN elsewhere), median of the runs. */
  readonly cpuFilPrincipalMs: number;
  /** Peak resident memory of the spawned process, the largest of the runs. */
  readonly rssMaxMo: number;
  /** Minor page faults of the spawned process (fresh pages the system handed over), median of the runs. */
  readonly defautsDePage: number;
  readonly code: number | null;
  /** What the last run printed on stdout (the reading alone prints its figures there). */
  readonly stdout: string;
  /** What the last run printed on stderr, without bench/rss.ts's line (the progress lines). */
  readonly stderr: string;
}

/**
 * A spawned command, `fois` runs: wall time, CPU time and peak memory; the exit code of the last.
 * With `prechauffer`, one run first, not measured: `are` keeps the code V8 compiled for a command
 * (src/cli/startup.ts), under the options of the process — the bench's preloaded script makes them
 * others than a user's, whose cache the build has already written (`npm run build:core`). The runs
 * measured are then a user's every day, not the first after a build.
 *
 * Each run writes its stdout into a file, as `are … --json > dotations.json` does, not into a pipe
 * read by the bench: spawnSync gathers a pipe's output in 64 Ko pieces and decodes it at the end,
 * and the run waits for that reading — ~65 ms more for the 5,4 Mo of `--json` at 100 000 rows
 * (563 instead of 498 ms, medians of 7, 7 December 2026), the bench's work and not the command's.
 */
function lancer(args: readonly string[], fois: number, prechauffer = false): Lancement {
  const commande = ["--require", RSS, ...args];
  if (prechauffer) spawnSync(process.execPath, commande, { cwd: RACINE, stdio: "ignore" });
  const temps: number[] = [];
  const cpu: number[] = [];
  const filPrincipal: number[] = [];
  const defauts: number[] = [];
  let rssMax = 0;
  let code: number | null = null;
  let stdout = "";
  let stderr = "";
  const dossier = fs.mkdtempSync(path.join(os.tmpdir(), "are-bench-sortie-"));
  const fichierSortie = path.join(dossier, "stdout");
  for (let i = 0; i < fois; i++) {
    const sortie = fs.openSync(fichierSortie, "w");
    const debut = process.hrtime.bigint();
    const r = spawnSync(process.execPath, commande, {
      cwd: RACINE,
      encoding: "utf8",
      stdio: ["ignore", sortie, "pipe"],
      maxBuffer: 256 * 1024 * 1024,
    });
    temps.push(Number(process.hrtime.bigint() - debut) / 1e6);
    fs.closeSync(sortie);
    code = r.status;
    const lignes = r.stderr.split("\n");
    const mesure = lignes.find((l) => l.startsWith(MARQUE));
    if (mesure) {
      const { cpuMs, cpuFilPrincipalMs, rssMaxOctets, defautsDePage } = JSON.parse(
        mesure.slice(MARQUE.length),
      );
      cpu.push(cpuMs);
      defauts.push(defautsDePage);
      if (cpuFilPrincipalMs !== null) filPrincipal.push(cpuFilPrincipalMs);
      rssMax = Math.max(rssMax, rssMaxOctets / MO);
    }
    if (i === fois - 1) stdout = fs.readFileSync(fichierSortie, "utf8");
    stderr = lignes
      .filter((l) => !l.startsWith(MARQUE))
      .join("\n")
      .trim();
    if (r.status !== 0) process.stderr.write(stderr + "\n");
  }
  fs.rmSync(dossier, { recursive: true, force: true });
  return {
    murMs: mediane(temps),
    minMs: Math.min(...temps),
    cpuMs: cpu.length > 0 ? mediane(cpu) : NaN,
    cpuFilPrincipalMs: filPrincipal.length > 0 ? mediane(filPrincipal) : NaN,
    rssMaxMo: rssMax,
    defautsDePage: defauts.length > 0 ? mediane(defauts) : NaN,
    code,
    stdout,
    stderr,
  };
}

/** The figures of a run, without what it printed (kept out of resultats.json). */
function chiffres({ stdout, stderr, ...mesure }: Lancement): Omit<Lancement, "stdout" | "stderr"> {
  void stdout;
  void stderr;
  return mesure;
}

/** Reading alone, in a process of its own (bench/lire.ts): the process's figures and the reading's. */
function lectureSeule(fichier: string, fois: number) {
  const r = lancer([path.join(__dirname, "lire.js"), fichier], fois);
  const lu = JSON.parse(r.stdout.trim().split("\n").pop() ?? "{}") as {
    lectureMs?: number;
    lectureCpuMs?: number;
    lignes?: number;
  };
  return {
    ...chiffres(r),
    lectureMs: lu.lectureMs ?? NaN,
    lectureCpuMs: lu.lectureCpuMs ?? NaN,
    lignes: lu.lignes ?? 0,
  };
}

/**
 * The full sheet (design.md §8): 1 048 576 rows as .xlsx and as .csv, `are dotations --progress` end
 * to end and reading alone, each in a process of its own, with its peak memory.
 */
async function feuillePleine(fois: number): Promise<void> {
  const dossier = fs.mkdtempSync(path.join(os.tmpdir(), "are-bench-"));
  try {
    const effectifsXlsx = path.join(dossier, "effectifs.xlsx");
    const effectifsCsv = path.join(dossier, "effectifs.csv");
    const etablissements = path.join(dossier, "etablissements.xlsx");
    {
      const feuilles = feuillesBench(FEUILLE_PLEINE);
      await ecrireXlsx(effectifsXlsx, "Effectifs", feuilles.effectifs);
      await ecrireXlsx(etablissements, "Établissements", feuilles.etablissements);
      ecrireCsv(effectifsCsv, feuilles.effectifs);
    }
    const commun = ["--etablissements", etablissements, "--annee", "2024", "--progress"];
    const xlsx = lancer([ARE, "dotations", effectifsXlsx, ...commun], fois);
    // The --json document of a full sheet (~54 Mo, most of it constats): written in pieces, never
    // whole (src/cli/jsonOutput.ts), so that its peak memory stays that of the summary's order.
    const json = lancer([ARE, "dotations", effectifsXlsx, ...commun, "--json"], fois);
    const csv = lancer([ARE, "dotations", effectifsCsv, ...commun], fois);
    publier({
      lignes: FEUILLE_PLEINE + 1,
      fois,
      xlsxOctets: fs.statSync(effectifsXlsx).size,
      csvOctets: fs.statSync(effectifsCsv).size,
      xlsx: chiffres(xlsx),
      json: { ...chiffres(json), octets: Buffer.byteLength(json.stdout) },
      csv: chiffres(csv),
      // The last progress lines of the .xlsx run: what the user sees.
      avancement: xlsx.stderr.split("\n").slice(-4),
      lectureXlsx: lectureSeule(effectifsXlsx, fois),
      lectureCsv: lectureSeule(effectifsCsv, fois),
    });
  } finally {
    fs.rmSync(dossier, { recursive: true, force: true });
  }
}

async function principal(): Promise<void> {
  if (process.argv[2] === "pleine") return feuillePleine(Number(process.argv[3] ?? 1));
  const lignes = Number(process.argv[2] ?? 100_000);
  const fois = Number(process.argv[3] ?? 5);
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

    const demarrageNode = chiffres(lancer(["-e", ""], fois));
    const forfait = chiffres(lancer([ARE, "forfait", "2024"], fois, true));
    // Loading alone: the command line's file, before it reads anything.
    const chargement = chiffres(lancer(["-e", CHARGER_CLI], fois));
    const resume = chiffres(lancer([ARE, "dotations", effectifsXlsx, ...commun], fois, true));
    const json = chiffres(lancer([ARE, "dotations", effectifsXlsx, ...commun, "--json"], fois, true));
    const classeur = chiffres(
      lancer([ARE, "dotations", effectifsXlsx, ...commun, "--out", sortie], fois, true),
    );
    const csv = chiffres(lancer([ARE, "dotations", effectifsCsv, ...commun], fois, true));
    const lectureXlsx = lectureSeule(effectifsXlsx, fois);
    const lectureCsv = lectureSeule(effectifsCsv, fois);

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
      chargement,
      resume,
      json,
      classeur,
      csv,
      lectureXlsx,
      lectureCsv,
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
