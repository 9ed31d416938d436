/**
 * The example files and an independent reading of them (ExcelJS for .xlsx, a plain split for the
 * Créteil CSV), to check the command line's accounting against the inputs without going through
 * our own reader.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { removeDir, tempDir } from "../xlsx/helpers";

export const ROOT = path.join(__dirname, "..", "..");
export const EXAMPLES = path.join(ROOT, "examples");
export const PARIS = path.join(EXAMPLES, "effectifs-paris.xlsx");
export const CRETEIL = path.join(EXAMPLES, "effectifs-creteil.csv");
export const VERSAILLES = path.join(EXAMPLES, "effectifs-versailles.xlsx");
export const ETABLISSEMENTS = path.join(EXAMPLES, "etablissements.xlsx");

/** `npm run demo`'s own command (scripts/demo-args.js), without its --out, the paths made absolute. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { demoArgs } = require("../../scripts/demo-args") as { demoArgs(): string[] };
const demo = demoArgs();
export const DEMO_ARGS: readonly string[] = demo
  .slice(0, demo.indexOf("--out"))
  .map((arg) => (/\.(xlsx|csv)$/.test(arg) ? path.resolve(arg) : arg));

/** One non-blank row of an input file, as plain values (1-based Excel row number). */
export interface InputRow {
  readonly fichier: string;
  readonly ligne: number;
  readonly cells: readonly unknown[];
}

function plain(value: ExcelJS.CellValue): unknown {
  if (value && typeof value === "object" && !(value instanceof Date)) {
    if ("result" in value) return (value as { result?: unknown }).result ?? null;
    if ("richText" in value) return value.richText.map((r) => r.text).join("");
  }
  return value ?? null;
}

const isBlank = (v: unknown) => v === null || v === undefined || (typeof v === "string" && v.trim() === "");

/** The non-blank rows of the first sheet of an .xlsx file, merged cells counted once. */
export async function xlsxRows(file: string): Promise<InputRow[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const rows: InputRow[] = [];
  workbook.worksheets[0].eachRow((row, ligne) => {
    const cells: unknown[] = [];
    row.eachCell((cell, col) => {
      cells[col - 1] = cell.isMerged && cell.master !== cell ? null : plain(cell.value);
    });
    if (cells.some((v) => !isBlank(v))) rows.push({ fichier: path.basename(file), ligne, cells });
  });
  return rows;
}

/** The non-blank rows of the Créteil CSV (Windows-1252, « ; », no quoted separators in it). */
export function csvRows(file: string): InputRow[] {
  // The names of the example use only Latin-1 letters, where Windows-1252 and Latin-1 agree.
  const text = fs.readFileSync(file).toString("latin1");
  return text
    .split(/\r\n/)
    .map((line, i) => ({ fichier: path.basename(file), ligne: i + 1, cells: line.split(";") }))
    .filter((row) => row.cells.some((v) => !isBlank(v)));
}

/** The latest modification time of the files below a folder. */
function derniereModification(dossier: string): number {
  let derniere = 0;
  for (const entree of fs.readdirSync(dossier, { withFileTypes: true })) {
    const chemin = path.join(dossier, entree.name);
    derniere = Math.max(
      derniere,
      entree.isDirectory() ? derniereModification(chemin) : fs.statSync(chemin).mtimeMs,
    );
  }
  return derniere;
}

const dateDe = (fichier: string) => (fs.existsSync(fichier) ? fs.statSync(fichier).mtimeMs : -1);

/** Whether build/ is newer than src/: the compiled modules, then the bundle made from them. */
function ligneDeCommandeAJour(): boolean {
  const main = dateDe(path.join(ROOT, "build", "cli", "main.js"));
  const bundle = dateDe(path.join(ROOT, "build", "are.js"));
  return main >= derniereModification(path.join(ROOT, "src")) && bundle >= main;
}

/**
 * Held while one test process builds: jest runs test files in several processes, and two of them
 * compiling build/ together — or one running `are` while another rewrites it — failed at random
 * after a change to src/. A folder, as its creation is atomic.
 */
const VERROU = path.join(ROOT, "build", ".construction-en-cours");
/** A lock older than this was left by a killed process: taken over. */
const VERROU_ABANDONNE_MS = 5 * 60_000;

function attendre(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Runs `travail` holding the build lock (waiting for another process that holds it). */
function sousVerrou(travail: () => void): void {
  fs.mkdirSync(path.dirname(VERROU), { recursive: true });
  for (;;) {
    try {
      fs.mkdirSync(VERROU);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      if (Date.now() - dateDe(VERROU) > VERROU_ABANDONNE_MS)
        fs.rmSync(VERROU, { recursive: true, force: true });
      else attendre(200);
    }
  }
  try {
    travail();
  } finally {
    fs.rmSync(VERROU, { recursive: true, force: true });
  }
}

/**
 * npm run build:core for the tests that run the real `are` (bin/are.js over build/): tsc, then the
 * bundle build/are.js — both, so that a test never leaves the bundle older than build/cli, which
 * would make every later `are` load the ~100 modules instead. Skipped when build/ is newer than src/
 * (after `npm ci`, or a first test file that built it); one test process at a time (sousVerrou), the
 * others then finding it done.
 */
export function construireLigneDeCommande(): void {
  if (ligneDeCommandeAJour()) return;
  sousVerrou(() => {
    if (ligneDeCommandeAJour()) return;
    const node = (args: string[]) => execFileSync(process.execPath, args, { cwd: ROOT, stdio: "pipe" });
    node([path.join(ROOT, "node_modules", "typescript", "bin", "tsc"), "-p", "tsconfig.node.json"]);
    node([path.join(ROOT, "scripts", "cli-bundle.js")]);
  });
}

/**
 * For a test file that runs the real `are`: build/ made first (construireLigneDeCommande), and a
 * temporary folder of its own, removed at the end. Returns the folder (known once the file starts).
 */
export function avecLigneDeCommande(): () => string {
  let dossier = "";
  beforeAll(() => {
    construireLigneDeCommande();
    dossier = tempDir();
  }, 180_000);
  afterAll(() => removeDir(dossier));
  return () => dossier;
}
