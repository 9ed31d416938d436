/**
 * V8's settings for a run of `are` (src/cli/heap.ts): which runs keep the young generation of its
 * heap at its first size and optimise later, and that the flags are ones this Node.js knows and
 * obeys when set while running. That bin/are.js sets it:
 * test/cli/spawn.test.ts, which builds build/ first.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import {
  ESTIMATED_ROWS_MAX,
  KEEP_YOUNG_GENERATION,
  LATER_OPTIMIZATION,
  estimatedRows,
  fileSize,
  laterOptimizationFlag,
  runFlags,
  youngGenerationFlag,
} from "../../src/cli/heap";
import { removeDir, tempDir } from "../xlsx/helpers";

/** Sizes of the bench's generated files (npm run bench, docs/performance.md). */
const TAILLES: Readonly<Record<string, number>> = {
  "effectifs-100k.xlsx": 3_451_796,
  "effectifs-100k.csv": 8_400_000,
  "effectifs-600k.xlsx": 21_004_672,
  "effectifs-pleine.xlsx": 36_827_961,
  "effectifs-pleine.csv": 89_000_000,
  "etablissements.xlsx": 21_400,
};
const tailleDe = (fichier: string): number | null => TAILLES[fichier] ?? null;

describe("Jeune génération du tas de V8 selon les fichiers donnés", () => {
  test("les lignes estimées : chaque fichier existant compte, selon son format ; options et valeurs non", () => {
    expect(estimatedRows(["dotations", "effectifs-100k.xlsx", "--annee", "2024"], tailleDe)).toBeCloseTo(
      3_451_796 / 33,
    );
    expect(estimatedRows(["dotations", "effectifs-100k.csv"], tailleDe)).toBeCloseTo(100_000);
    expect(estimatedRows(["effectifs-100k.XLSX"], (f) => tailleDe(f.toLowerCase()))).toBeCloseTo(
      3_451_796 / 33,
    );
    expect(estimatedRows(["forfait", "2024", "--json"], tailleDe)).toBe(0);
  });

  test.each([
    [["dotations", "effectifs-100k.xlsx", "--etablissements", "etablissements.xlsx"], KEEP_YOUNG_GENERATION],
    [["dotations", "effectifs-100k.csv", "--etablissements", "etablissements.xlsx"], KEEP_YOUNG_GENERATION],
    [["forfait", "2024"], KEEP_YOUNG_GENERATION],
    [["dotations", "effectifs-600k.xlsx"], null],
    [["dotations", "effectifs-pleine.xlsx", "--etablissements", "etablissements.xlsx"], null],
    [["dotations", "effectifs-pleine.csv"], null],
    // Three files of 100 000 rows: 300 000 and more, V8's own sizing.
    [["dotations", "effectifs-100k.csv", "effectifs-100k.csv", "effectifs-100k.xlsx"], null],
  ])("%j : %s", (argv, attendu) => {
    expect(youngGenerationFlag(argv, tailleDe)).toBe(attendu);
  });

  test("les options d'un lancement : les deux pour les fichiers usuels, aucune au-delà du seuil", () => {
    const node20 = "11.3.244.8-node.38";
    expect(
      runFlags(
        ["dotations", "effectifs-100k.xlsx", "--etablissements", "etablissements.xlsx"],
        tailleDe,
        node20,
      ),
    ).toEqual([KEEP_YOUNG_GENERATION, LATER_OPTIMIZATION]);
    expect(runFlags(["forfait", "2024"], tailleDe, node20)).toEqual([
      KEEP_YOUNG_GENERATION,
      LATER_OPTIMIZATION,
    ]);
    expect(runFlags(["dotations", "effectifs-pleine.xlsx"], tailleDe, node20)).toEqual([]);
  });

  test("le budget d'optimisation seulement pour un V8 qui l'a (Node 20) : ni Node 22 ni Node 24, qui le refusent", () => {
    expect(laterOptimizationFlag("11.3.244.8-node.38")).toBe(LATER_OPTIMIZATION);
    expect(laterOptimizationFlag("12.4.254.21-node.33")).toBeNull();
    expect(laterOptimizationFlag("13.6.233.10-node.28")).toBeNull();
    expect(laterOptimizationFlag("")).toBeNull();
    expect(runFlags(["forfait", "2024"], tailleDe, "12.4.254.21-node.33")).toEqual([KEEP_YOUNG_GENERATION]);
  });

  test(`le seuil est de ${ESTIMATED_ROWS_MAX} lignes estimées, bornes comprises`, () => {
    expect(youngGenerationFlag(["a.csv"], () => ESTIMATED_ROWS_MAX * 84)).toBe(KEEP_YOUNG_GENERATION);
    expect(youngGenerationFlag(["a.csv"], () => ESTIMATED_ROWS_MAX * 84 + 84)).toBeNull();
  });

  test("la taille d'un fichier ; rien pour un dossier, un fichier absent, un nom illisible", () => {
    const dir = tempDir();
    try {
      fs.writeFileSync(path.join(dir, "a.csv"), "UAI;Code\n");
      expect(fileSize(path.join(dir, "a.csv"))).toBe(9);
      expect(fileSize(dir)).toBeNull();
      expect(fileSize(path.join(dir, "absent.xlsx"))).toBeNull();
      expect(fileSize("nul\u0000.xlsx")).toBeNull();
    } finally {
      removeDir(dir);
    }
  });

  test("ce Node.js connaît l'option et la suit : la jeune génération reste à sa première taille", () => {
    // 400 000 small arrays kept alive: V8 would double its young generation several times.
    const script = (option: string) => `const v8 = require("v8");
${option ? `v8.setFlagsFromString(${JSON.stringify(option)});` : ""}
const gardes = [];
for (let i = 0; i < 400000; i++) gardes.push([i, i + 1, "x" + i]);
const nouvel = v8.getHeapSpaceStatistics().find((s) => s.space_name === "new_space");
process.stdout.write(String(nouvel ? nouvel.space_size : -1));`;
    const lancer = (option: string) =>
      spawnSync(process.execPath, ["-e", script(option)], { encoding: "utf8" });
    const avec = lancer(KEEP_YOUNG_GENERATION);
    const sans = lancer("");
    // An unknown flag is said on stderr (« Error: unrecognized flag »).
    expect(avec.stderr).toBe("");
    expect(Number(avec.stdout)).toBeGreaterThan(0);
    expect(Number(avec.stdout)).toBeLessThanOrEqual(4 * 1024 * 1024);
    expect(Number(sans.stdout)).toBeGreaterThan(Number(avec.stdout));
  });

  test("ce Node.js connaît l'option du compilateur et la suit, donnée en cours de route : une fonction optimisée plus tard", () => {
    // Compiled on the main thread (no concurrent recompilation): the call that makes a function
    // optimised is then the same at every run.
    const script = (option: string) => `const v8 = require("v8");
${option ? `v8.setFlagsFromString(${JSON.stringify(option)});` : ""}
function f(a) { let s = 0; for (let i = 0; i < 10; i++) s += (a * i) % 7; return s; }
let appels = 0;
for (; appels < 100000 && !(%GetOptimizationStatus(f) & 16); appels++) f(appels);
process.stdout.write(String(appels));`;
    const lancer = (option: string) =>
      spawnSync(
        process.execPath,
        ["--allow-natives-syntax", "--no-concurrent-recompilation", "-e", script(option)],
        { encoding: "utf8" },
      );
    const option = laterOptimizationFlag(process.versions.v8);
    if (option === null) {
      // A V8 without the budget (Node 22 and later): are never gives it, so it never complains.
      expect(runFlags(["forfait", "2024"], () => null)).toEqual([KEEP_YOUNG_GENERATION]);
      return;
    }
    const avec = lancer(option);
    const sans = lancer("");
    expect(avec.stderr).toBe("");
    expect(Number(sans.stdout)).toBeGreaterThan(0);
    expect(Number(sans.stdout)).toBeLessThan(100000);
    // ~4,4 times V8's budget: optimised after about as many more calls (210 and 927 on Node 20).
    expect(Number(avec.stdout)).toBeGreaterThan(3 * Number(sans.stdout));
  });
});
