/**
 * Corpus : le cycle de l'année après la première dotation — demande de dotation complémentaire, bilan,
 * reliquats, dotation suivante — abîmé comme un gestionnaire ou un agent de la Région l'abîme. Les
 * montants sont calculés à la main à partir du règlement et des exemples (examples/bilans/README.md) :
 * - bilan 2023-2024 de la Bièvre : reçu 10 776,00 € pré-bac et 1 359,00 € post-bac ; achats pré-bac
 *   4 350,00 + 3 600,00 + 1 500,00 + 600,00 = 10 050,00 €, post-bac 1 200,00 € : reliquats 726,00 € et
 *   159,00 € ;
 * - dotation 2024-2025 de la Bièvre (effectifs-2024.xlsx) : pré-bac 66 × 157 + 15 × 56 = 11 202,00 €,
 *   post-bac 9 boursiers × 157 = 1 413,00 €.
 * Chaque cas figure dans docs/security.md (un test le vérifie).
 */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import type { ReliquatsJson } from "../../src/cli/jsonBilan";
import { run } from "../cli/run";
import { removeDir, tempDir } from "../xlsx/helpers";

const EXEMPLES = path.join(__dirname, "..", "..", "examples", "bilans");
const BIEVRE = path.join(EXEMPLES, "bilan-2023-0751234J.xlsx");
const ETABLISSEMENTS = path.join(EXEMPLES, "etablissements-2023.xlsx");
const EFFECTIFS_2024 = path.join(EXEMPLES, "effectifs-2024.xlsx");

/** The names of the cases, as docs/security.md lists them. */
const CAS = {
  reliquatNonCalculeDotation:
    "are reliquats puis are dotations : reliquat pré-bac non calculé (achat BOULANGER illisible)",
} as const;

let dir: string;
beforeAll(() => {
  dir = tempDir("are-cycle-annuel-");
});
afterAll(() => removeDir(dir));

/** A copy of an example, its cells changed by `cellules` (address → value), written by ExcelJS. */
async function copie(
  source: string,
  nom: string,
  cellules: Record<string, ExcelJS.CellValue>,
): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(source);
  const sheet = workbook.worksheets[0];
  for (const [adresse, valeur] of Object.entries(cellules)) sheet.getCell(adresse).value = valeur;
  const fichier = path.join(dir, nom);
  await workbook.xlsx.writeFile(fichier);
  return fichier;
}

interface DotationsJson {
  readonly etablissements: readonly {
    readonly uai: string;
    readonly dotationNette: { preBac: string | null; postBac: string | null; total: string | null };
  }[];
  readonly constats: readonly { code: string }[];
}

const codes = (json: { constats: readonly { code: string }[] }) => json.constats.map((c) => c.code);

describe("Reliquats reportés puis dotation suivante", () => {
  test(CAS.reliquatNonCalculeDotation, async () => {
    // F17: the BOULANGER purchase (3 600,00 €) typed in words: the pré-bac spending is unknown.
    const bilan = await copie(BIEVRE, "boulanger-illisible.xlsx", { F17: "trois mille six cents" });
    const sortie = path.join(dir, "etablissements-2024.xlsx");
    const r = await run(["reliquats", bilan, "--etablissements", ETABLISSEMENTS, "--out", sortie, "--json"]);
    expect(r.code).toBe(1);
    const reliquats = JSON.parse(r.stdout) as ReliquatsJson;
    expect(reliquats.etablissements[0].reliquats).toEqual({ preBac: null, postBac: "159.00" });

    // The sheet written is given as is to the next dotation: the pré-bac envelope of the Bièvre is not
    // computed — never 11 202,00 € paid as if it had no reliquat (its real reliquat is between 0 and
    // 10 776 − 6 450 = 4 326,00 €). Post-bac: 1 413 − 159 = 1 254,00 €.
    const d = await run([
      "dotations",
      EFFECTIFS_2024,
      "--etablissements",
      sortie,
      "--annee",
      "2024",
      "--json",
    ]);
    const dotations = JSON.parse(d.stdout) as DotationsJson;
    const bievre = dotations.etablissements.find((e) => e.uai === "0751234J")!;
    expect(bievre.dotationNette).toEqual({ preBac: null, postBac: "1254.00", total: null });
    expect(codes(dotations)).toContain("reliquat-illisible");
  });
});

test("chaque cas figure dans docs/security.md", () => {
  const doc = fs.readFileSync(path.join(__dirname, "..", "..", "docs", "security.md"), "utf8");
  expect(Object.values(CAS).filter((nom) => !doc.includes(nom))).toEqual([]);
});
