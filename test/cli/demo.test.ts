/**
 * `npm run demo` (README's quick start) runs scripts/demo-args.js's command with the compiled CLI:
 * the same command, run here through src/, must find the bundled examples, print the summary and write
 * the workbook.
 */
import * as fs from "fs";
import * as path from "path";
import { lettreCleUai } from "../../src/rules";
import { removeDir, tempDir } from "../xlsx/helpers";
import { run } from "./run";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { demoArgs } = require("../../scripts/demo-args") as { demoArgs(out?: string): string[] };

describe("npm run demo", () => {
  let dossier: string;
  beforeAll(() => {
    dossier = tempDir("are-demo-");
  });
  afterAll(() => removeDir(dossier));

  test("les dotations 2024-2025 des trois rectorats d'exemple : résumé imprimé, classeur écrit", async () => {
    const out = path.join(dossier, "dotations-demo.xlsx");
    const r = await run(demoArgs(out));
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/62 établissements/);
    expect(r.stdout).toContain("Lignes lues : 382 non vides — 356 comptées, 26 écartées");
    expect(r.stdout).toContain(`Classeur écrit : ${path.relative(process.cwd(), out)}`);
    expect(fs.statSync(out).size).toBeGreaterThan(0);
  });

  test("les exemples : des UAI d'Île-de-France à la lettre clé juste, 62 établissements des trois académies", async () => {
    const args = demoArgs(path.join(dossier, "x.xlsx"));
    const r = await run([...args.slice(0, args.indexOf("--out")), "--json"]);
    const json = JSON.parse(r.stdout) as { etablissements: { uai: string }[]; constats: { code: string }[] };
    expect(json.etablissements).toHaveLength(62);
    for (const { uai } of json.etablissements) {
      expect(uai).toMatch(/^0(75|77|78|91|92|93|94|95)\d{4}[A-Z]$/);
      expect(uai[7]).toBe(lettreCleUai(uai.slice(0, 7)));
    }
    expect(
      json.constats.filter((c) => c.code.startsWith("uai-lettre") || c.code === "uai-hors-ile-de-france"),
    ).toEqual([]);
  });

  test("par défaut, le classeur est dotations-demo.xlsx à la racine du projet", () => {
    const args = demoArgs();
    expect(path.resolve(args[args.indexOf("--out") + 1])).toBe(
      path.resolve(__dirname, "../../dotations-demo.xlsx"),
    );
  });
});
