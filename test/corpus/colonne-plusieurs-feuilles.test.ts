/**
 * Corpus (regles.md#lecture.colonne-plusieurs-feuilles) : un classeur de deux académies dont l'une
 * seulement a besoin d'une correction de colonnes. « Paris » titre ses effectifs « Élèves 1A » (titre
 * inconnu : --colonne effectif=D) ; « Créteil » a « Année de formation » en D et « Effectif » en E.
 * `are controle --feuille Créteil` compte 30 élèves ; `are dotations --colonne effectif=D` lisait
 * l'effectif de Créteil dans sa colonne D, l'année (1), sans un mot.
 *
 * Montants à la main, forfait pré-bac 2024-2025 : 157 € par élève de 1re année de CAP.
 * 0750655E : 24 × 157 = 3 768,00 € ; 0930986S : 30 × 157 = 4 710,00 € (lu dans D : 1 × 157 = 157,00 €).
 * Total : 8 478,00 €.
 */
import * as fs from "fs";
import * as path from "path";
import type { CellValue } from "../../src/workbook/port";
import type { DotationsJson } from "../../src/cli/json";
import { run } from "../cli/run";
import { removeDir, tempDir } from "../xlsx/helpers";
import { feuilleExcelJS, xlsxExcelJS } from "./fabrique";

const PARIS: CellValue[][] = [
  ["UAI", "Code diplôme", "Libellé", "Élèves 1A"],
  ["0750655E", "50022137", "BOULANGER (CAP)", 24],
];
const CRETEIL: CellValue[][] = [
  ["UAI", "Code diplôme", "Libellé", "Année de formation", "Effectif"],
  ["0930986S", "50022137", "BOULANGER (CAP)", 1, 30],
];

let dossier: string;
let fichier: string;
beforeAll(async () => {
  dossier = tempDir("are-colonne-feuilles-");
  fichier = path.join(dossier, "academies.xlsx");
  fs.writeFileSync(
    fichier,
    await xlsxExcelJS((wb) => {
      feuilleExcelJS("Paris", PARIS)(wb);
      feuilleExcelJS("Créteil", CRETEIL)(wb);
    }),
  );
});
afterAll(() => removeDir(dossier));

const nettes = (doc: DotationsJson) =>
  Object.fromEntries(doc.etablissements.map((e) => [e.uai, e.dotationNette.preBac]));

/** The names of the cases, as docs/security.md lists them. */
const CAS = {
  refus: "--colonne effectif=D sur deux feuilles dont la colonne D n'a pas le même titre",
  feuille: '--colonne "Paris:effectif=D" : la correction de la seule feuille qui en a besoin',
  controle: '--colonne "Paris:effectif=D" dans are controle --feuille Créteil : sans effet sur Créteil',
  homonymes:
    '« Paris » dans deux fichiers : --colonne "academies.xlsx › Paris:effectif=D", le nom que donnent les messages',
  designee: "colonne « Reliquat pré-bac N-1 » désignée par --colonne : lue, sans alerte « n'est pas lue »",
} as const;

describe("une correction de colonnes pour une feuille d'un classeur de plusieurs académies", () => {
  test(CAS.refus, async () => {
    const r = await run(["dotations", fichier, "--annee", "2024", "--colonne", "effectif=D", "--json"]);
    // Avant : sortie 0, 0930986S à 157,00 € (l'année de formation lue pour l'effectif).
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain(
      "--colonne « effectif=D » lirait le champ « effectif » dans des colonnes D différentes : « Élèves 1A » dans « academies.xlsx › Paris », « Année de formation » dans « academies.xlsx › Créteil ».",
    );
    expect(r.stderr).toContain('--colonne "Paris:effectif=D"');
  });

  test(CAS.feuille, async () => {
    const r = await run(["dotations", fichier, "--annee", "2024", "--colonne", "Paris:effectif=D", "--json"]);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as DotationsJson;
    expect(nettes(doc)).toEqual({ "0750655E": "3768.00", "0930986S": "4710.00" });
    expect(doc.totaux.dotationNette.total).toBe("8478.00");
  });

  test(CAS.controle, async () => {
    const paris = await run([
      "controle",
      fichier,
      "--annee",
      "2024",
      "--colonne",
      "Paris:effectif=D",
      "--json",
    ]);
    expect(JSON.parse(paris.stdout).effectifs.preBac).toBe(24);
    const creteil = await run([
      "controle",
      fichier,
      "--annee",
      "2024",
      "--colonne",
      "Paris:effectif=D",
      "--feuille",
      "Créteil",
      "--json",
    ]);
    expect(creteil.code).toBe(0);
    expect(JSON.parse(creteil.stdout).effectifs.preBac).toBe(30);
  });

  test(CAS.homonymes, async () => {
    // A second file whose « Paris » is laid out as Créteil: 0750654D, 20 × 157 = 3 140,00 €.
    const autre = path.join(dossier, "autre.xlsx");
    fs.writeFileSync(
      autre,
      await xlsxExcelJS(
        feuilleExcelJS("Paris", [
          ["UAI", "Code diplôme", "Libellé", "Année de formation", "Effectif"],
          ["0750654D", "50022137", "BOULANGER (CAP)", 1, 20],
        ]),
      ),
    );
    const refus = await run([
      "dotations",
      fichier,
      autre,
      "--annee",
      "2024",
      "--colonne",
      "Paris:effectif=D",
    ]);
    expect(refus.code).toBe(2);
    expect(refus.stderr).toContain('par exemple --colonne "academies.xlsx › Paris:effectif=D"');
    const r = await run([
      "dotations",
      fichier,
      autre,
      "--annee",
      "2024",
      "--colonne",
      "academies.xlsx › Paris:effectif=D",
      "--json",
    ]);
    expect(r.code).toBe(0);
    expect(nettes(JSON.parse(r.stdout) as DotationsJson)).toEqual({
      "0750654D": "3140.00",
      "0750655E": "3768.00",
      "0930986S": "4710.00",
    });
  });

  test(CAS.designee, async () => {
    // 24 × 157 = 3 768,00 € − reliquat 1 000,00 € = 2 768,00 €.
    const etab = path.join(dossier, "etablissements.xlsx");
    fs.writeFileSync(
      etab,
      await xlsxExcelJS(
        feuilleExcelJS("Établissements", [
          ["UAI", "Nom", "Taux de boursiers", "Reliquat pré-bac N-1"],
          ["0750655E", "Lycée Arago", "30 %", 1000],
        ]),
      ),
    );
    const r = await run([
      "dotations",
      fichier,
      "--feuille",
      "Paris",
      "--etablissements",
      etab,
      "--annee",
      "2024",
      "--colonne",
      "Paris:effectif=D",
      "--colonne",
      "etablissements.xlsx:reliquatPreBac=D",
      "--json",
    ]);
    const doc = JSON.parse(r.stdout) as DotationsJson;
    expect(nettes(doc)).toEqual({ "0750655E": "2768.00" });
    // Before: an alerte « La colonne « Reliquat pré-bac N-1 » n'est pas lue … désignez-la avec --colonne ».
    expect(doc.constats.filter((c) => c.code === "colonne-non-lue")).toEqual([]);
  });

  test("chaque cas figure dans docs/security.md", () => {
    const doc = fs.readFileSync(path.join(__dirname, "..", "..", "docs", "security.md"), "utf8");
    for (const nom of Object.values(CAS)) expect(doc).toContain(`| ${nom} |`);
  });
});
