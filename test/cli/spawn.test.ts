/**
 * The real `are` binary: bin/are.js over the compiled build/ (npm run build:core), run as a child
 * process — exit codes, stdout and stderr as a user or a script sees them.
 */
import { execFileSync, spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { removeDir, tempDir } from "../xlsx/helpers";
import { DEMO_ARGS, ROOT } from "./examples";

const BIN = path.join(ROOT, "bin", "are.js");
let dir: string;

beforeAll(() => {
  execFileSync(
    process.execPath,
    [path.join(ROOT, "node_modules", "typescript", "bin", "tsc"), "-p", "tsconfig.node.json"],
    {
      cwd: ROOT,
      stdio: "pipe",
    },
  );
  dir = tempDir();
}, 180_000);
afterAll(() => removeDir(dir));

function are(args: readonly string[], cwd = ROOT) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: "utf8", timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("bin/are.js lancé comme une commande", () => {
  test("are forfait 2024 : code 0, forfaits publiés", () => {
    const r = are(["forfait", "2024"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Pré-bac : 157\u00a0€");
    expect(r.stderr).toBe("");
  });

  test("are dotations sur les exemples avec --json et --out : JSON valide, classeur écrit, code 0", () => {
    const out = path.join(dir, "dotations.xlsx");
    const r = are([...DEMO_ARGS, "--json", "--out", out]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.annee).toBe("2024-2025");
    expect(json.etablissements).toHaveLength(62);
    expect(fs.statSync(out).size).toBeGreaterThan(0);
  });

  test("fichier introuvable : code 2, message français, pas de trace de pile", () => {
    const r = are(["controle", path.join(dir, "absent.csv")]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/^Fichier « .*absent\.csv » introuvable/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  test("contrôle avec erreurs : code 1", () => {
    expect(are(["controle", path.join(ROOT, "examples", "effectifs-paris.xlsx")]).code).toBe(1);
  });

  test("sans build/, bin/are.js explique comment compiler (code 2)", () => {
    const copy = path.join(dir, "projet", "bin");
    fs.mkdirSync(copy, { recursive: true });
    fs.copyFileSync(BIN, path.join(copy, "are.js"));
    const r = spawnSync(process.execPath, [path.join(copy, "are.js"), "forfait"], { encoding: "utf8" });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("la ligne de commande n'est pas compilée (dossier build/ absent)");
    expect(r.stderr).toContain("npm run build:core");
  });
});
