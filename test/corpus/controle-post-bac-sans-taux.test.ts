/**
 * `are controle` on a lycée's sheet with post-bac (BTS) first-year pupils and no taux de boursiers:
 * the sheet is right, but its post-bac pupils are paid only with the establishment's taux (R8). Before,
 * the check said « Résultat : aucune erreur. » and exit 0 — read as « paid in full » — while
 * `are dotations` would leave the post-bac envelope « non calculée » (0 € paid for 40 pupils). With
 * a taux of 35 %, the same 40 pupils would give round(40 × 0,35) = 14 boursiers × 157 = 2 198,00 €
 * (seed: forfait post-bac 2024-2025 157 €) — that amount depends on a value the sheet does not hold
 * (regles.md#controle.post-bac-sans-taux).
 */
import * as fs from "fs";
import * as path from "path";
import type { CellValue } from "../../src/workbook/port";
import { removeDir, tempDir } from "../xlsx/helpers";
import { run } from "../cli/run";
import { feuilleExcelJS, xlsxExcelJS } from "./fabrique";

const ENTETE: CellValue[] = ["UAI", "Établissement", "Code formation", "Libellé formation", "Effectif"];
const CAP: CellValue[] = ["0750655E", "Lycée Arago", "50022137", "BOULANGER (CAP)", 24];
const BTS: CellValue[] = ["0750655E", "Lycée Arago", "32025520", "ELECTROTECHNIQUE (BTS)", 40];

let dossier: string;
beforeAll(() => {
  dossier = tempDir("are-controle-taux-");
});
afterAll(() => removeDir(dossier));

async function controler(lignes: CellValue[][], json = false) {
  const fichier = path.join(dossier, `effectifs-${lignes.length}-${json}.xlsx`);
  fs.writeFileSync(fichier, await xlsxExcelJS(feuilleExcelJS("Effectifs", lignes)));
  return run(["controle", fichier, "--annee", "2024", ...(json ? ["--json"] : [])]);
}

// Each case writes a real .xlsx and runs the command in-process: slow on a loaded machine.
jest.setTimeout(30_000);

describe("are controle : élèves post-bac sans taux de boursiers", () => {
  test("24 CAP + 40 BTS sans taux : une alerte qui compte les 40 élèves, jamais « aucune erreur » seul", async () => {
    const r = await controler([ENTETE, CAP, BTS]);
    expect(r.code).toBe(0); // an alerte: the sheet itself is right
    expect(r.stdout).not.toContain("Résultat : aucune erreur.");
    expect(r.stdout).toContain(
      "Résultat : aucune erreur dans la feuille.\nAttention : 40 élèves post-bac ne seront payés qu'avec le taux de boursiers de leur établissement",
    );
    expect(r.stdout).toContain("--etablissements");
    const json = JSON.parse((await controler([ENTETE, CAP, BTS], true)).stdout) as {
      constats: { code: string; gravite: string; ligne: number; message: string }[];
    };
    const alertes = json.constats.filter((c) => c.code === "post-bac-sans-taux");
    expect(alertes).toEqual([
      expect.objectContaining({
        gravite: "alerte",
        ligne: 2,
        message: expect.stringContaining(
          "0750655E : 40 élèves post-bac de 1re année : sans le taux de boursiers",
        ),
      }),
    ]);
  });

  test("un taux dans la feuille (35 %) : aucune alerte, « aucune erreur »", async () => {
    const r = await controler([
      [...ENTETE, "Taux de boursiers"],
      [...CAP, "35 %"],
      [...BTS, "35 %"],
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Résultat : aucune erreur.");
    expect(r.stdout).not.toContain("post-bac sans taux");
  });

  test("sans élève post-bac, le taux n'est pas demandé", async () => {
    const r = await controler([ENTETE, CAP]);
    expect(r.stdout).toContain("Résultat : aucune erreur.");
  });

  test("deux lycées, un seul sans taux : l'alerte ne nomme que lui et ses 25 élèves", async () => {
    const r = await controler(
      [
        [...ENTETE, "Taux de boursiers"],
        [...BTS, "35 %"],
        ["0750654D", "Lycée Bréguet", "32031213", "MANAGEMENT COMMERCIAL OPERATIONNEL (BTS)", 25, null],
      ],
      true,
    );
    const json = JSON.parse(r.stdout) as { constats: { code: string; message: string }[] };
    const alertes = json.constats.filter((c) => c.code === "post-bac-sans-taux");
    expect(alertes.map((c) => c.message)).toEqual([
      expect.stringContaining("0750654D : 25 élèves post-bac de 1re année"),
    ]);
  });

  test("une extraction de rectorat sans colonne de taux : une seule alerte pour la feuille, 40 + 25 élèves", async () => {
    const r = await controler(
      [
        ENTETE,
        CAP,
        BTS,
        ["0750654D", "Lycée Bréguet", "32031213", "MANAGEMENT COMMERCIAL OPERATIONNEL (BTS)", 25],
      ],
      true,
    );
    const json = JSON.parse(r.stdout) as {
      constats: { code: string; ligne: number | null; message: string }[];
    };
    const alertes = json.constats.filter((c) => c.code === "post-bac-sans-taux");
    expect(alertes).toEqual([
      expect.objectContaining({
        ligne: null,
        message: expect.stringMatching(/^65 élèves post-bac de 1re année, dans 2 établissements : /),
      }),
    ]);
  });

  test("un taux illisible a déjà son erreur : pas d'alerte en plus", async () => {
    const r = await controler(
      [
        [...ENTETE, "Taux de boursiers"],
        [...BTS, "beaucoup"],
      ],
      true,
    );
    const json = JSON.parse(r.stdout) as { constats: { code: string }[] };
    expect(r.code).toBe(1);
    expect(json.constats.map((c) => c.code)).toContain("taux-illisible");
    expect(json.constats.map((c) => c.code)).not.toContain("post-bac-sans-taux");
  });
});
