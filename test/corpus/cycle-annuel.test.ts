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
import type { DemandeJson, ReliquatsJson } from "../../src/cli/jsonBilan";
import { Decimal, texteDecimal } from "../../src/rules";
import { MemoryWorkbook } from "../../src/workbook/memory";
import type { CellValue } from "../../src/workbook/port";
import { ecrireReliquats, reporterReliquats } from "../../src/workflows";
import { FileWorkbook, chooseSheet, readSpreadsheetFile } from "../../src/xlsx";
import { run } from "../cli/run";
import { removeDir, tempDir } from "../xlsx/helpers";

const EXEMPLES = path.join(__dirname, "..", "..", "examples", "bilans");
const BIEVRE = path.join(EXEMPLES, "bilan-2023-0751234J.xlsx");
const ETABLISSEMENTS = path.join(EXEMPLES, "etablissements-2023.xlsx");
/** Lycée Simone-Veil, 2023-2024: reliquats 1 093,56 € and 111,90 € (examples/bilans/README.md). */
const SIMONE_VEIL = path.join(EXEMPLES, "bilan-2023-0931234L.xlsx");
const EFFECTIFS_2024 = path.join(EXEMPLES, "effectifs-2024.xlsx");

/** The names of the cases, as docs/security.md lists them. */
const CAS = {
  reliquatNonCalculeDotation:
    "are reliquats puis are dotations : reliquat pré-bac non calculé (achat BOULANGER illisible)",
  bilansDifferents:
    "are reliquats : deux bilans de la Bièvre, l'achat HOTELLERIE de 4 350,00 € corrigé en 3 350,00 € dans le second",
  reliquatAnterieurDivergent:
    "are reliquats --etablissements : bilan de Simone-Veil dont le reliquat antérieur pré-bac est passé de 1 000 € à 0",
  reliquatAnterieurDivergentVolet:
    "volet, Reporter les reliquats : le même bilan de Simone-Veil, reliquat antérieur pré-bac passé de 1 000 € à 0",
  reliquatSansAnnee:
    "bilan : la ligne « Reliquat pré-bac » donne le reliquat de fin d'année (726 €), pas celui de l'année précédente",
  bilanXlsxEtCsv: "are reliquats : le bilan de la Bièvre en .xlsx et en .csv",
  demandeApprentis:
    "demande : une colonne « Statut » dit apprentis et contrat de professionnalisation, une « Année de formation » 2",
  demandeElevesBts:
    "demande : une seule colonne « Élèves supplémentaires », 10 sur une ligne de BTS dont 3 boursiers",
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

/** The Bièvre's bilan typed as a .csv (the same values as the example .xlsx). */
const BIEVRE_CSV = [
  "UAI;0751234J",
  "Établissement;Lycée des métiers de la Bièvre",
  "Année scolaire;2023-2024",
  "Dotation reçue pré-bac;10776",
  "Reliquat antérieur pré-bac;0",
  "Dotation reçue post-bac;1359",
  "Reliquat antérieur post-bac;0",
  "",
  "Libellé de la formation;Code formation diplôme;Enveloppe;Effectif n-1 (référence);Élèves aidés;Montant des achats;Type d'équipement",
  "HR;40033404;pré-bac;30;30;4350;Vêtement de représentation",
  "BOULANGER;50022137;pré-bac;24;24;3600;Vêtements et équipements de protection individuelle",
  "PATISSIER;50022141;pré-bac;12;12;1500;Matériel, outillage et instruments",
  "3PM;67010031;pré-bac;15;15;600;Vêtements et équipements de protection individuelle",
  "BTS MHR;32033422;post-bac;20;9;1200;Vêtement de représentation",
].join("\n");

describe("Reliquat antérieur du bilan et feuille des établissements", () => {
  test(CAS.reliquatAnterieurDivergent, async () => {
    // etablissements-2023.xlsx deducted 1 000,00 € of reliquat from Simone-Veil's pré-bac dotation
    // 2023-2024 (44 × 151 − 1 000 = 5 644,00 €); its bilan should say so. Typed 0 instead, the reliquat
    // carried is 5 644 − 5 550,44 = 93,56 € instead of 6 644 − 5 550,44 = 1 093,56 €: 1 000,00 € more
    // paid in 2024-2025. Counted as written, with an alerte naming both values.
    const bilan = await copie(SIMONE_VEIL, "simone-veil-sans-reliquat.xlsx", { B11: 0 });
    const sortie = path.join(dir, "etablissements-divergent.xlsx");
    const r = await run(["reliquats", bilan, "--etablissements", ETABLISSEMENTS, "--out", sortie, "--json"]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as ReliquatsJson;
    expect(json.etablissements.find((e) => e.uai === "0931234L")!.reliquats).toEqual({
      preBac: "93.56",
      postBac: "111.90",
    });
    const alerte = json.constats.find((c) => c.code === "valeur-divergente")!;
    expect([alerte.gravite, alerte.ligne, alerte.colonne]).toEqual(["alerte", 11, "B"]);
    expect(alerte.message.replace(/[\u00a0\u202f]/g, " ")).toBe(
      "Reliquat antérieur pré-bac du bilan : 0,00 €, alors que « etablissements-2023.xlsx » donne 1 000,00 € pour 0931234L (ligne 3), le reliquat déduit de sa dotation 2023-2024. Le reliquat reporté en dépend (1 000,00 € d'écart) : vérifiez le bilan.",
    );
    // The bilan as filled: no alerte.
    const ok = await run([
      "reliquats",
      SIMONE_VEIL,
      "--etablissements",
      ETABLISSEMENTS,
      "--out",
      sortie,
      "--json",
    ]);
    expect(codes(JSON.parse(ok.stdout) as ReliquatsJson)).not.toContain("valeur-divergente");
  });

  test(CAS.reliquatAnterieurDivergentVolet, async () => {
    // The sheets as the task pane has them in one workbook, and the call « Reporter les reliquats »
    // makes (src/taskpane/bilan/ReliquatsBilan.tsx): the check is the workflow's, not the CLI's. Same
    // amounts: 5 644 + 0 − 5 550,44 = 93,56 € carried as written, where 5 644 + 1 000 − 5 550,44 =
    // 1 093,56 € was due; the alerte names the 1 000,00 € deducted in 2023-2024.
    const valeurs = async (fichier: string): Promise<CellValue[][]> => {
      const lu = await readSpreadsheetFile(fichier);
      const classeur = new FileWorkbook();
      const nom = classeur.addInput(lu, chooseSheet(lu));
      const feuille = await classeur.readSheet(nom);
      expect([feuille.rowOffset, feuille.columnOffset]).toEqual([0, 0]);
      return feuille.values.map((row) => [...row]);
    };
    const bilan = await valeurs(SIMONE_VEIL);
    expect(bilan[10].slice(0, 2)).toEqual(["Reliquat antérieur pré-bac", 1000]);
    const reporter = async (reliquatAnterieur: number) => {
      bilan[10][1] = reliquatAnterieur;
      const classeur = new MemoryWorkbook({
        "Bilan Simone-Veil": bilan,
        "Établissements 2023": await valeurs(ETABLISSEMENTS),
      });
      const resultat = await reporterReliquats(classeur, {
        feuillesBilans: ["Bilan Simone-Veil"],
        feuilleEtablissements: "Établissements 2023",
        annee: 2023,
      });
      await ecrireReliquats(classeur, resultat);
      return resultat;
    };
    const r = await reporter(0);
    const simoneVeil = r.reliquats.find((x) => x.uai === "0931234L")!;
    expect(texteDecimal(simoneVeil.reliquats.preBac as Decimal)).toBe("93.56");
    expect(texteDecimal(simoneVeil.reliquats.postBac as Decimal)).toBe("111.90");
    const alertes = r.constats.filter((c) => c.code === "valeur-divergente");
    expect(alertes.map((c) => [c.gravite, c.feuille, c.ligne, c.colonne])).toEqual([
      ["alerte", "Bilan Simone-Veil", 11, "B"],
    ]);
    expect(alertes[0].message.replace(/[\u00a0\u202f]/g, " ")).toBe(
      "Reliquat antérieur pré-bac du bilan : 0,00 €, alors que « Établissements 2023 » donne 1 000,00 € pour 0931234L (ligne 3), le reliquat déduit de sa dotation 2023-2024. Le reliquat reporté en dépend (1 000,00 € d'écart) : vérifiez le bilan.",
    );
    // The bilan as filled (1 000,00 €): 1 093,56 € and no alerte.
    const ok = await reporter(1000);
    expect(texteDecimal(ok.reliquats[0].reliquats.preBac as Decimal)).toBe("1093.56");
    expect(ok.constats.map((c) => c.code)).not.toContain("valeur-divergente");
  });
});

describe("Libellés du formulaire du bilan", () => {
  test(CAS.reliquatSansAnnee, async () => {
    // A gestionnaire's own layout: « Reliquat pré-bac | 726 » above the table, the reliquat left at the
    // end of the year. Read as the reliquat antérieur it was carried twice: 10 776 + 726 − 10 050 =
    // 1 452,00 € deducted from 2024-2025 instead of 726,00 €. « Reliquat pré-bac » alone is not a label
    // the bilan reads: an erreur, the pré-bac reliquat not computed; post-bac 159,00 €.
    const bilan = await copie(BIEVRE, "reliquat-ambigu.xlsx", { A11: "Reliquat pré-bac", B11: 726 });
    const sortie = path.join(dir, "etablissements-reliquat-ambigu.xlsx");
    const r = await run(["reliquats", bilan, "--out", sortie, "--json"]);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout) as ReliquatsJson;
    expect(json.etablissements[0].reliquats).toEqual({ preBac: null, postBac: "159.00" });
    expect(codes(json)).toContain("formulaire-libelle-inconnu");
    expect(json.constats.find((c) => c.code === "formulaire-libelle-inconnu")!.message).toContain(
      "un reliquat de l'an passé se nomme « Reliquat antérieur pré-bac » ou « post-bac »",
    );
  });
});

describe("Deux bilans d'un même établissement", () => {
  test(CAS.bilansDifferents, async () => {
    // The first says 726,00 € pré-bac, the second 10 776 − 9 050 = 1 726,00 €: which is the corrected
    // one is not known. Never the first one's 726,00 € as if the second did not exist. Post-bac: 159,00 €
    // in both.
    const second = await copie(BIEVRE, "bievre-corrige.xlsx", { F16: 3350 });
    const sortie = path.join(dir, "etablissements-deux-bilans.xlsx");
    const r = await run(["reliquats", BIEVRE, second, "--out", sortie, "--json"]);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout) as ReliquatsJson;
    expect(json.etablissements.map((e) => [e.uai, e.reliquats])).toEqual([
      ["0751234J", { preBac: null, postBac: "159.00" }],
    ]);
    const double = json.constats.find((c) => c.code === "bilan-en-double")!;
    expect(double.message.replace(/[\u00a0\u202f]/g, " ")).toBe(
      "Deuxième bilan pour 0751234J (le premier est « bilan-2023-0751234J.xlsx ») : il n'est pas repris ; reliquat pré-bac différent, non calculé. Gardez un seul bilan par établissement.",
    );
  });

  test(CAS.bilanXlsxEtCsv, async () => {
    const csv = path.join(dir, "bilan-bievre.csv");
    fs.writeFileSync(csv, BIEVRE_CSV + "\n");
    const sortie = path.join(dir, "etablissements-xlsx-csv.xlsx");
    const r = await run(["reliquats", BIEVRE, csv, "--out", sortie, "--json"]);
    const json = JSON.parse(r.stdout) as ReliquatsJson;
    // The same figures twice: 726,00 € and 159,00 €, the copy named.
    expect(json.etablissements.map((e) => [e.uai, e.reliquats])).toEqual([
      ["0751234J", { preBac: "726.00", postBac: "159.00" }],
    ]);
    expect(codes(json)).toEqual(["bilan-en-double"]);
  });
});

/** A .csv request of 2024-2025, read by `are complementaire --json`. */
async function demande(nom: string, lignes: readonly string[]): Promise<{ code: number; json: DemandeJson }> {
  const fichier = path.join(dir, nom);
  fs.writeFileSync(fichier, lignes.join("\n") + "\n");
  const r = await run(["complementaire", fichier, "--annee", "2024", "--json"]);
  return { code: r.code, json: JSON.parse(r.stdout) as DemandeJson };
}

describe("Demande de dotation complémentaire", () => {
  test(CAS.demandeApprentis, async () => {
    // R5: « Le dispositif n'est pas applicable aux élèves en contrat d'apprentissage ou de
    // professionnalisation » ; first-year students only. Only the 4 scolaires of HR count:
    // 4 × 157 = 628,00 € — never 6 + 4 + 2 + 3 = 15 × 157 = 2 355,00 €.
    const { code, json } = await demande("demande-apprentis.csv", [
      "Code formation diplôme;Intitulé de la formation;Statut;Année de formation;Élèves supplémentaires",
      "50022137;BOULANGER (CAP);Apprenti;1;6",
      "40033404;HOTELLERIE-RESTAURATION (BAC PRO);Scolaire;1;4",
      "50022141;PATISSIER (CAP);Contrat de professionnalisation;1;2",
      "50022139;CUISINE (CAP);Scolaire;2;3",
    ]);
    // Set aside as in an effectif sheet: infos, the lines named in the request's heading.
    expect(code).toBe(0);
    expect(json.constats.map((c) => [c.code, c.ligne, c.colonne])).toEqual([
      ["apprentissage", 2, "C"],
      ["apprentissage", 4, "C"],
      ["hors-premiere-annee", 5, "D"],
    ]);
    expect(json.lignes.map((l) => [l.code, l.montant])).toEqual([["40033404", "628.00"]]);
    expect(json.totaux).toEqual({ preBac: "628.00", postBac: "0.00", total: "628.00" });
  });

  test(CAS.demandeElevesBts, async () => {
    // R10: post-bac, « une augmentation des bénéficiaires boursiers » — 3 × 157 = 471,00 € if 3 of the
    // 10 are boursiers. The decision reads a lone column as boursiers on a post-bac row: 10 × 157 =
    // 1 570,00 € is asked, so the row is flagged for the gestionnaire to check.
    const { code, json } = await demande("demande-eleves-bts.csv", [
      "Code formation diplôme;Élèves supplémentaires",
      "32033422;10",
      "50022137;4",
    ]);
    expect(code).toBe(0);
    expect(json.totaux).toEqual({ preBac: "628.00", postBac: "1570.00", total: "2198.00" });
    expect(json.constats.map((c) => [c.gravite, c.code, c.ligne, c.colonne])).toEqual([
      ["alerte", "demande-eleves-post-bac", 2, "B"],
    ]);
    // « Boursiers supplémentaires » or a neutral « Supplémentaires » alone: no alerte.
    for (const titre of ["Boursiers supplémentaires", "Supplémentaires"]) {
      const r = await demande("demande-titre.csv", [`Code formation diplôme;${titre}`, "32033422;3"]);
      expect(r.json.constats).toEqual([]);
    }
  });
});

test("chaque cas figure dans docs/security.md", () => {
  const doc = fs.readFileSync(path.join(__dirname, "..", "..", "docs", "security.md"), "utf8");
  expect(Object.values(CAS).filter((nom) => !doc.includes(nom))).toEqual([]);
});
