/**
 * The real `are` binary: bin/are.js over the compiled build/ (npm run build:core), run as a child
 * process — exit codes, stdout and stderr as a user or a script sees them.
 */
import { spawn, spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { fileSize, runFlags } from "../../src/cli/heap";
import { CACHE_FOLDER, codeCacheFile } from "../../src/cli/startup";
import { DEMO_ARGS, ROOT, avecLigneDeCommande } from "./examples";

const BIN = path.join(ROOT, "bin", "are.js");
const dossier = avecLigneDeCommande();

function are(args: readonly string[], cwd = ROOT) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: "utf8", timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/**
 * A .csv of `n` rows of formations outside the scheme, written in the test folder: one constat each,
 * so a long `are controle --json` document. Returns its path.
 */
function csvHorsDispositif(nom: string, n: number): string {
  const fichier = path.join(dossier(), nom);
  const lignes = ["UAI;Code formation;Effectif"];
  for (let i = 0; i < n; i++) lignes.push(`0750655E;${10_000_000 + i};12`);
  fs.writeFileSync(fichier, lignes.join("\r\n") + "\r\n");
  return fichier;
}

/** The files of the project that `are <args>` loads (a preloaded hook lists them at exit). */
function modulesLoaded(args: readonly string[]): string[] {
  const hook = path.join(dossier(), "modules-charges.js");
  fs.writeFileSync(
    hook,
    `const Module = require("module"); const seen = new Set(); const load = Module._load;
Module._load = function (request, parent, isMain) {
  try { seen.add(Module._resolveFilename(request, parent, isMain)); } catch {}
  return load.apply(this, arguments);
};
process.on("exit", () => process.stderr.write(JSON.stringify([...seen])));`,
  );
  const r = spawnSync(process.execPath, ["--require", hook, BIN, ...args], { cwd: ROOT, encoding: "utf8" });
  expect(r.status).toBe(0);
  return JSON.parse(r.stderr) as string[];
}

describe("bin/are.js lancé comme une commande", () => {
  test("are forfait 2024 : code 0, forfaits publiés", () => {
    const r = are(["forfait", "2024"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Pré-bac : 157\u00a0€");
    expect(r.stderr).toBe("");
  });

  test("are dotations sur les exemples avec --json et --out : JSON valide, classeur écrit, code 0", () => {
    const out = path.join(dossier(), "dotations.xlsx");
    const r = are([...DEMO_ARGS, "--json", "--out", out]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.annee).toBe("2024-2025");
    expect(json.etablissements).toHaveLength(62);
    expect(fs.statSync(out).size).toBeGreaterThan(0);
  });

  test("fichier introuvable : code 2, message français, pas de trace de pile", () => {
    const r = are(["controle", path.join(dossier(), "absent.csv")]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/^Fichier « .*absent\.csv » introuvable/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  test("contrôle avec erreurs : code 1", () => {
    expect(are(["controle", path.join(ROOT, "examples", "effectifs-paris.xlsx")]).code).toBe(1);
  });

  test("bin/are.js charge la ligne de commande d'un seul fichier, build/are.js, avec le code gardé par V8", () => {
    const loaded = modulesLoaded(["forfait", "2024"]);
    // Only the start-up modules (src/cli/startup.ts, heap.ts) are loaded apart; build/are.js itself
    // is compiled through vm.Script, with the code kept by the build's first run.
    expect(loaded.filter((f) => f.startsWith(path.join(ROOT, "build")))).toEqual([
      path.join(ROOT, "build", "cli", "startup.js"),
      path.join(ROOT, "build", "cli", "heap.js"),
    ]);
    const bundle = fs.statSync(path.join(ROOT, "build", "are.js"));
    const cache = codeCacheFile(
      path.join(ROOT, "build", CACHE_FOLDER),
      bundle,
      // The flags of the build's first run, the demo (scripts/cli-bundle.js).
      runFlags(DEMO_ARGS, fileSize),
      "dotations",
    );
    expect(fs.statSync(cache).size).toBeGreaterThan(100_000);
  });

  test("build/are.js est écrit en ASCII seul (scripts/cli-bundle.js), les messages restent accentués", () => {
    const bundle = fs.readFileSync(path.join(ROOT, "build", "are.js"));
    expect(bundle.findIndex((octet) => octet > 0x7f)).toBe(-1);
    expect(are(["forfait", "2024"]).stdout).toContain("Pré-bac");
  });

  test("après un tsc seul (build/are.js plus ancien), bin/are.js charge les modules compilés", () => {
    // build/cli/main.js made newer, as tsc would: the bundle's own date, part of its code cache's
    // name (src/cli/startup.ts), stays untouched.
    const main = path.join(ROOT, "build", "cli", "main.js");
    const { atime, mtime } = fs.statSync(main);
    const newer = new Date(fs.statSync(path.join(ROOT, "build", "are.js")).mtimeMs + 60_000);
    fs.utimesSync(main, newer, newer);
    try {
      const loaded = modulesLoaded(["forfait", "2024"]);
      expect(loaded).toContain(main);
    } finally {
      fs.utimesSync(main, atime, mtime);
    }
  });

  test("bin/are.js règle la jeune génération du tas et le compilateur de V8 avant la commande (src/cli/heap.ts)", () => {
    const hook = path.join(dossier(), "options-v8.js");
    fs.writeFileSync(
      hook,
      `const v8 = require("v8"); const set = v8.setFlagsFromString; const vues = [];
v8.setFlagsFromString = function (option) { vues.push(option); return set.apply(this, arguments); };
process.on("exit", () => process.stderr.write(JSON.stringify(vues)));`,
    );
    const r = spawnSync(process.execPath, ["--require", hook, BIN, ...DEMO_ARGS], {
      cwd: ROOT,
      encoding: "utf8",
    });
    expect(r.status).toBe(0);
    // The demo's small files: the young generation kept, and V8 optimising later where it can.
    expect(JSON.parse(r.stderr)).toEqual(runFlags(DEMO_ARGS, fileSize));
  });

  test("--json lu lentement par un tube : les morceaux attendent le lecteur au lieu de s'entasser en mémoire", async () => {
    // 60 000 rows: a 22 Mo document.
    const entree = csvHorsDispositif("hors-dispositif.csv", 60_000);
    // The peak memory of the run, written at its exit.
    const hook = path.join(dossier(), "memoire-max.js");
    fs.writeFileSync(
      hook,
      `process.on("exit", () => require("fs").writeFileSync(process.env.ARE_MEMOIRE_MAX, String(process.resourceUsage().maxRSS)));`,
    );
    const args = ["--require", hook, BIN, "controle", entree, "--annee", "2024", "--json"];
    const memoire = (nom: string) => Number(fs.readFileSync(path.join(dossier(), nom), "utf8")) / 1024;

    // Into a file: written as it comes.
    const fichier = path.join(dossier(), "controle.json");
    const fd = fs.openSync(fichier, "w");
    const direct = spawnSync(process.execPath, args, {
      cwd: ROOT,
      stdio: ["ignore", fd, "pipe"],
      env: { ...process.env, ARE_MEMOIRE_MAX: path.join(dossier(), "memoire-fichier") },
    });
    fs.closeSync(fd);
    expect(direct.status).toBe(0);

    // Into a pipe read 64 Ko at a time, with a pause after each: the way a slower program reads.
    const lu = await new Promise<{ code: number | null; texte: Buffer }>((resolve, reject) => {
      const enfant = spawn(process.execPath, args, {
        cwd: ROOT,
        stdio: ["ignore", "pipe", "inherit"],
        env: { ...process.env, ARE_MEMOIRE_MAX: path.join(dossier(), "memoire-tube") },
      });
      const morceaux: Buffer[] = [];
      enfant.stdout.on("data", (morceau: Buffer) => {
        morceaux.push(morceau);
        enfant.stdout.pause();
        setTimeout(() => enfant.stdout.resume(), 2);
      });
      enfant.on("error", reject);
      enfant.on("close", (code) => resolve({ code, texte: Buffer.concat(morceaux) }));
    });
    expect(lu.code).toBe(0);
    const texte = lu.texte.toString("utf8");
    expect(texte).toBe(fs.readFileSync(fichier, "utf8"));
    expect(texte.length).toBeGreaterThan(20_000_000);
    expect(JSON.parse(texte).constats).toHaveLength(60_000);
    // Pieces piled up while the pipe is full would add the document's size (and more) to the peak.
    expect(memoire("memoire-tube")).toBeLessThan(memoire("memoire-fichier") + 12);
  }, 60_000);

  test("--json dans un tube que le lecteur ferme tôt (`are … --json | head`) : code 0, ni attente sans fin ni trace", async () => {
    const entree = csvHorsDispositif("ferme-tot.csv", 20_000);
    const fin = await new Promise<{ code: number | null; stderr: string }>((resolve, reject) => {
      const enfant = spawn(process.execPath, [BIN, "controle", entree, "--annee", "2024", "--json"], {
        cwd: ROOT,
        stdio: ["ignore", "pipe", "pipe"],
      });
      let stderr = "";
      enfant.stderr.on("data", (morceau: Buffer) => (stderr += morceau.toString("utf8")));
      // The first piece read, then the pipe closed, as `head` does once it has its lines.
      enfant.stdout.once("data", () => enfant.stdout.destroy());
      enfant.on("error", reject);
      enfant.on("close", (code) => resolve({ code, stderr }));
    });
    expect(fin).toEqual({ code: 0, stderr: "" });
  }, 30_000);

  test("sans build/, bin/are.js explique comment compiler (code 2)", () => {
    const copy = path.join(dossier(), "projet", "bin");
    fs.mkdirSync(copy, { recursive: true });
    fs.copyFileSync(BIN, path.join(copy, "are.js"));
    const r = spawnSync(process.execPath, [path.join(copy, "are.js"), "forfait"], { encoding: "utf8" });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("la ligne de commande n'est pas compilée (dossier build/ absent)");
    expect(r.stderr).toContain("npm run build:core");
  });
});
