/**
 * The yearly cycle through real .xlsx files and the `are` command line: dotations 2023-2024 →
 * `are bilan modele` for each establishment → the templates filled in (ExcelJS, as a gestionnaire in
 * Excel) → `are bilan controle` → `are reliquats` → dotations 2024-2025 with the reliquats deducted.
 * Figures computed by hand from 151 € / 54 € (2023-2024) and 157 € / 56 € (2024-2025).
 */
import * as crypto from "crypto";
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { TYPES_EQUIPEMENT } from "../../src/rules";
import type { DotationsJson } from "../../src/cli/json";
import type { BilanJson, ReliquatsJson } from "../../src/cli/jsonBilan";
import { removeDir, tempDir } from "../xlsx/helpers";
import { EXAMPLES } from "./examples";
import { run } from "./run";

const BILANS = path.join(EXAMPLES, "bilans");
const EFFECTIFS_2023 = path.join(BILANS, "effectifs-2023.xlsx");
const EFFECTIFS_2024 = path.join(BILANS, "effectifs-2024.xlsx");
const ETABLISSEMENTS_2023 = path.join(BILANS, "etablissements-2023.xlsx");
const [VETEMENT, EPI, MATERIEL, CONSOMMABLES] = TYPES_EQUIPEMENT;

/** What each establishment types in its bilan: code → élèves aidés, montant, type. */
const ACHATS: Record<string, Record<string, [number, number | string, string]>> = {
  // Pré-bac 3 600 + 1 500 + 4 350 + 600 = 10 050 ; post-bac 1 200.
  "0751234J": {
    "50022137": [24, 3600, EPI],
    "50022141": [12, "1 500,00", MATERIEL],
    "40033404": [30, 4350, VETEMENT],
    "67010031": [15, 600, EPI],
    "32033422": [9, 1200, VETEMENT],
  },
  // Pré-bac 2 399,99 + 3 150,45 = 5 550,44 ; post-bac 1 700,10.
  "0931234L": {
    "40025408": [16, 2399.99, EPI],
    "43033402": [28, "3150,45", VETEMENT],
    "32025520": [12, 1700.1, CONSOMMABLES],
  },
  // Pré-bac 100 ; post-bac 906.
  "0781234T": { "50321405": [18, 100, EPI], "32321401": [6, 906, MATERIEL] },
};

let dir: string;
const hash = (file: string) => crypto.createHash("sha256").update(fs.readFileSync(file)).digest("hex");
const avant = new Map<string, string>();

beforeAll(() => {
  dir = tempDir();
  for (const file of fs.readdirSync(BILANS)) avant.set(file, hash(path.join(BILANS, file)));
});
afterAll(() => removeDir(dir));

async function remplir(
  modele: string,
  cible: string,
  achats: Record<string, [number, number | string, string]>,
) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(modele);
  const sheet = workbook.worksheets[0];
  let remplies = 0;
  sheet.eachRow((row) => {
    const saisie = achats[String(row.getCell(2).value)];
    if (!saisie) return;
    [row.getCell(5).value, row.getCell(6).value, row.getCell(7).value] = saisie;
    remplies++;
  });
  expect(remplies).toBe(Object.keys(achats).length);
  await workbook.xlsx.writeFile(cible);
}

describe("Cycle 2023-2024 → 2024-2025 par la ligne de commande, sur de vrais fichiers .xlsx", () => {
  test("dotation, modèles, bilans remplis, contrôle, reliquats, dotation suivante", async () => {
    const dotations2023 = path.join(dir, "dotations-2023.xlsx");
    const d2023 = await run([
      "dotations",
      EFFECTIFS_2023,
      "--etablissements",
      ETABLISSEMENTS_2023,
      "--annee",
      "2023",
      "--out",
      dotations2023,
      "--json",
    ]);
    expect(d2023.code).toBe(0);
    const nettes2023 = Object.fromEntries(
      (JSON.parse(d2023.stdout) as DotationsJson).etablissements.map((e) => [e.uai, e.dotationNette]),
    );
    // 0751234J : 66 × 151 + 15 × 54 = 10 776 ; 20 × 45 % = 9 boursiers × 151 = 1 359.
    // 0931234L : 44 × 151 − 1 000 = 5 644 ; 24 × 50 % = 12 × 151 = 1 812.
    // 0781234T : 18 × 151 − 250,40 = 2 467,60 ; 15 × 40 % = 6 × 151 − 100 = 806.
    expect(nettes2023).toEqual({
      "0751234J": { preBac: "10776.00", postBac: "1359.00", total: "12135.00" },
      "0781234T": { preBac: "2467.60", postBac: "806.00", total: "3273.60" },
      "0931234L": { preBac: "5644.00", postBac: "1812.00", total: "7456.00" },
    });

    const bilans: string[] = [];
    for (const [uai, achats] of Object.entries(ACHATS)) {
      const modele = path.join(dir, `modele-${uai}.xlsx`);
      const m = await run([
        "bilan",
        "modele",
        "--uai",
        uai,
        "--effectifs",
        EFFECTIFS_2023,
        "--dotations",
        dotations2023,
        "--annee",
        "2023",
        "--out",
        modele,
      ]);
      expect([m.code, m.stderr]).toEqual([0, ""]);
      expect(m.stdout).toContain(`feuille « Bilan ARE ${uai} 2023-2024 »`);
      const bilan = path.join(dir, `bilan-${uai}.xlsx`);
      await remplir(modele, bilan, achats);
      const c = await run(["bilan", "controle", bilan, "--json"]);
      expect(c.code).toBe(0);
      expect((JSON.parse(c.stdout) as BilanJson).constats).toEqual([]);
      bilans.push(bilan);
    }

    const etablissements2024 = path.join(dir, "etablissements-2024.xlsx");
    const r = await run([
      "reliquats",
      ...bilans,
      "--etablissements",
      ETABLISSEMENTS_2023,
      "--out",
      etablissements2024,
      "--json",
    ]);
    expect(r.code).toBe(0);
    const reliquats = JSON.parse(r.stdout) as ReliquatsJson;
    expect([reliquats.anneeBilans, reliquats.anneeDotations]).toEqual(["2023-2024", "2024-2025"]);
    // 10 776 − 10 050 = 726 ; 1 359 − 1 200 = 159 ; 6 644 − 5 550,44 = 1 093,56 ; 1 812 − 1 700,10 = 111,90 ;
    // 2 718 − 100 = 2 618 ; 906 − 906 = 0.
    expect(reliquats.etablissements.map((e) => [e.uai, e.reliquats.preBac, e.reliquats.postBac])).toEqual([
      ["0751234J", "726.00", "159.00"],
      ["0781234T", "2618.00", "0.00"],
      ["0931234L", "1093.56", "111.90"],
    ]);

    const d2024 = await run([
      "dotations",
      EFFECTIFS_2024,
      "--etablissements",
      etablissements2024,
      "--annee",
      "2024",
      "--json",
    ]);
    expect(d2024.code).toBe(0);
    const json2024 = JSON.parse(d2024.stdout) as DotationsJson;
    const nettes2024 = Object.fromEntries(json2024.etablissements.map((e) => [e.uai, e.dotationNette]));
    // 0751234J : 66 × 157 + 15 × 56 = 11 202 − 726 = 10 476 ; 9 × 157 = 1 413 − 159 = 1 254.
    // 0931234L : 36 × 157 = 5 652 − 1 093,56 = 4 558,44 ; 12 × 157 = 1 884 − 111,90 = 1 772,10.
    // 0781234T : 15 × 157 = 2 355 < 2 618 → 0 ; 6 × 157 = 942 − 0 = 942.
    expect(nettes2024).toEqual({
      "0751234J": { preBac: "10476.00", postBac: "1254.00", total: "11730.00" },
      "0781234T": { preBac: "0.00", postBac: "942.00", total: "942.00" },
      "0931234L": { preBac: "4558.44", postBac: "1772.10", total: "6330.54" },
    });
    const vexin = json2024.etablissements.find((e) => e.uai === "0781234T")!;
    expect(vexin.motifs.join(" ")).toContain(
      "reliquat (2\u202f618,00\u00a0€) supérieur à la dotation calculée (2\u202f355,00\u00a0€)",
    );
    // The taux de boursiers and the answers of 2023-2024 were kept.
    expect(vexin.tauxBoursiers).toBe("0.4");
  });

  test("les bilans d'exemple (examples/bilans) donnent les mêmes reliquats", async () => {
    const r = await run([
      "reliquats",
      ...["0751234J", "0781234T", "0931234L"].map((uai) => path.join(BILANS, `bilan-2023-${uai}.xlsx`)),
      "--out",
      path.join(dir, "reliquats-exemples.xlsx"),
      "--json",
    ]);
    expect(r.code).toBe(0);
    expect(
      (JSON.parse(r.stdout) as ReliquatsJson).etablissements.map((e) => [
        e.uai,
        e.reliquats.preBac,
        e.reliquats.postBac,
      ]),
    ).toEqual([
      ["0751234J", "726.00", "159.00"],
      ["0781234T", "2618.00", "0.00"],
      ["0931234L", "1093.56", "111.90"],
    ]);
  });

  test("les fichiers d'exemple ne sont jamais modifiés", () => {
    for (const [file, empreinte] of avant)
      expect([file, hash(path.join(BILANS, file))]).toEqual([file, empreinte]);
  });
});
