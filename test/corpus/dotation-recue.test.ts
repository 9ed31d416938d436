/**
 * Corpus : la « Dotation reçue » d'un bilan comparée à ce qui a été versé (R11 ; décision
 * regles.md#bilan.dotation-recue-versee). Avant, elle était prise telle que tapée : 107 760 pour
 * 10 776 créait un reliquat de 97 710,00 € déduit de la dotation suivante sans un mot. Chaque cas passe
 * par de vrais fichiers .xlsx et la ligne de commande ; montants calculés à la main
 * (examples/bilans/README.md) :
 * - dotations 2023-2024 versées : Bièvre (0751234J) pré-bac 66 × 151 + 15 × 54 = 10 776,00 €,
 *   post-bac 9 × 151 = 1 359,00 € ; Simone-Veil (0931234L) 44 × 151 − 1 000 = 5 644,00 € et
 *   12 × 151 = 1 812,00 € ;
 * - achats de la Bièvre : pré-bac 10 050,00 €, post-bac 1 200,00 €.
 * Chaque cas figure dans docs/security.md (un test le vérifie).
 */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import type { BilanJson, ReliquatsJson } from "../../src/cli/jsonBilan";
import { readSpreadsheetFile } from "../../src/xlsx";
import { run } from "../cli/run";
import { removeDir, tempDir } from "../xlsx/helpers";
import { dotationsDesExemples } from "./fabrique";

const EXEMPLES = path.join(__dirname, "..", "..", "examples", "bilans");
const BIEVRE = path.join(EXEMPLES, "bilan-2023-0751234J.xlsx");
const SIMONE_VEIL = path.join(EXEMPLES, "bilan-2023-0931234L.xlsx");

/** The names of the cases, as docs/security.md lists them. */
const CAS = {
  dixFois:
    "are bilan controle --dotations : dotation reçue pré-bac 107 760 tapée pour les 10 776,00 € versés",
  sousEstimee: "are bilan controle --dotations : dotation reçue post-bac 1 259 pour les 1 359,00 € versés",
  unCentime: "are bilan controle --dotations : dotation reçue pré-bac 10 776,01 pour 10 776,00 € versés",
  conforme: "are bilan controle : le bilan de la Bièvre tel que rempli, avec et sans --dotations",
  reliquats: "are reliquats --dotations : la Bièvre à 107 760 et Simone-Veil juste",
  absent: "are bilan controle --dotations : établissement absent de la feuille des dotations",
  enveloppeVide:
    "are bilan controle --dotations : dotation post-bac vide dans la feuille des dotations (non calculée)",
  autreAnnee: "are bilan controle et are reliquats : bilan 2023-2024 avec --dotations 2024-2025",
  avantDeduction:
    "are bilan controle --dotations : Simone-Veil tape 6 644, sa dotation avant déduction du reliquat de 1 000 €",
  exemple2024:
    "are bilan controle --dotations : bilan 2024-2025, 15 700 tapés pour 10 × 157 = 1 570,00 € versés",
} as const;

let dir: string;
let dotations2023: string;
beforeAll(async () => {
  dir = tempDir("are-dotation-recue-");
  dotations2023 = await dotationsDesExemples(2023, dir);
});
afterAll(() => removeDir(dir));

/** A copy of an example bilan with its form cells (column B) changed: row → value. */
async function copie(
  source: string,
  nom: string,
  cellules: Record<number, string | number>,
): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(source);
  const sheet = workbook.worksheets[0];
  for (const [ligne, valeur] of Object.entries(cellules)) sheet.getCell(Number(ligne), 2).value = valeur;
  const fichier = path.join(dir, nom);
  await workbook.xlsx.writeFile(fichier);
  return fichier;
}

/** A hand-made dotations workbook: one sheet `nom`, header then rows (UAI, nom, pré-bac, post-bac). */
async function dotationsAMain(fichier: string, nom: string, lignes: (string | number)[][]): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(nom);
  sheet.addRow(["UAI", "Établissement", "Dotation nette pré-bac", "Dotation nette post-bac"]);
  for (const l of lignes) sheet.addRow(l);
  const chemin = path.join(dir, fichier);
  await workbook.xlsx.writeFile(chemin);
  return chemin;
}

async function controle(fichier: string, ...args: string[]): Promise<{ code: number; json: BilanJson }> {
  const r = await run(["bilan", "controle", fichier, "--json", ...args]);
  expect(r.stderr).toBe("");
  return { code: r.code, json: JSON.parse(r.stdout) as BilanJson };
}

/** French typography's non-breaking spaces as plain ones, to compare messages. */
const espaces = (texte: string) => texte.replace(/[\u00a0\u202f]/g, " ");

const codes = (json: {
  constats: readonly { code: string; ligne: number | null; colonne: string | null }[];
}) => json.constats.map((c) => [c.code, c.ligne, c.colonne]);

describe("« Dotation reçue » comparée à la dotation versée", () => {
  test(CAS.dixFois, async () => {
    const fichier = await copie(BIEVRE, "dix-fois.xlsx", { 10: 107760 });
    const { code, json } = await controle(fichier, "--dotations", dotations2023);
    // An alerte: the bilan is taken as written, 107 760 − 10 050 = 97 710,00 € carried.
    expect(code).toBe(0);
    expect(codes(json)).toEqual([["valeur-divergente", 10, "B"]]);
    // 107 760 − 10 776 = 96 984,00 €.
    expect(espaces(json.constats[0].message)).toBe(
      "Dotation reçue pré-bac du bilan : 107 760,00 €, alors que « dotations-2023.xlsx › Dotations ARE 2023-2024 » (ligne 15) donne 10 776,00 € versés à 0751234J : écart de 96 984,00 €. Le reliquat reporté, déduit de la dotation suivante, en dépend : vérifiez le bilan (une dotation complémentaire reçue s'y ajoute-t-elle ?).",
    );
    expect(json.enveloppes.preBac.nouveauReliquat).toBe("97710.00");
  });

  test(CAS.avantDeduction, async () => {
    // 44 × 151 = 6 644 before the 1 000 € reliquat was deducted; 5 644,00 € was paid. With the reliquat
    // antérieur of 1 000 € declared too, 6 644 + 1 000 − 5 550,44 = 2 093,56 € would be carried
    // instead of 1 093,56 €: the reliquat counted twice. The message names that slip.
    const fichier = await copie(SIMONE_VEIL, "avant-deduction.xlsx", { 10: 6644 });
    const { json } = await controle(fichier, "--dotations", dotations2023);
    expect(codes(json)).toEqual([["valeur-divergente", 10, "B"]]);
    expect(espaces(json.constats[0].message)).toMatch(
      /écart de 1 000,00 €\. .* : l'écart est le reliquat déduit de la dotation \(1 000,00 €\) ; la dotation reçue est celle versée, après déduction\.$/,
    );
    expect(json.enveloppes.preBac.nouveauReliquat).toBe("2093.56");
  });

  test(CAS.sousEstimee, async () => {
    const fichier = await copie(BIEVRE, "sous-estimee.xlsx", { 12: 1259 });
    const { code, json } = await controle(fichier, "--dotations", dotations2023);
    expect(code).toBe(0);
    expect(codes(json)).toEqual([["valeur-divergente", 12, "B"]]);
    // 1 359 − 1 259 = 100,00 € hidden: reliquat 1 259 − 1 200 = 59,00 € instead of 159,00 €.
    const message = espaces(json.constats[0].message);
    expect(message).toContain("Dotation reçue post-bac du bilan : 1 259,00 €");
    expect(message).toContain("donne 1 359,00 € versés à 0751234J : écart de 100,00 €.");
    expect(message).not.toContain("complémentaire");
    expect(json.enveloppes.postBac.nouveauReliquat).toBe("59.00");
  });

  test(CAS.unCentime, async () => {
    // Exact to the cent: the Région paid an exact amount.
    const fichier = await copie(BIEVRE, "un-centime.xlsx", { 10: "10 776,01" });
    const { json } = await controle(fichier, "--dotations", dotations2023);
    expect(codes(json)).toEqual([["valeur-divergente", 10, "B"]]);
    expect(espaces(json.constats[0].message)).toContain("écart de 0,01 €.");
  });

  test(CAS.conforme, async () => {
    const avec = await run(["bilan", "controle", BIEVRE, "--dotations", dotations2023]);
    expect(avec.code).toBe(0);
    expect(avec.stdout).not.toContain("non vérifiée");
    expect(avec.stdout).toContain("Constats : 0 erreur, 0 alerte, 0 information.");
    const sans = await run(["bilan", "controle", BIEVRE]);
    expect(sans.code).toBe(0);
    // Said once, with the way to check it.
    expect(sans.stdout.split("« Dotation reçue » non vérifiée").length).toBe(2);
    expect(sans.stdout).toContain("--dotations");
  });

  test(CAS.reliquats, async () => {
    const fichier = await copie(BIEVRE, "reliquats-dix-fois.xlsx", { 10: 107760 });
    const sortie = path.join(dir, "etablissements-2024.xlsx");
    const r = await run([
      "reliquats",
      fichier,
      SIMONE_VEIL,
      "--dotations",
      dotations2023,
      "--out",
      sortie,
      "--json",
    ]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as ReliquatsJson;
    expect(json.constats.filter((c) => c.code === "valeur-divergente")).toHaveLength(1);
    // Taken as written (107 760 − 10 050 = 97 710,00 €), the alerte in the row's observations too.
    const bievre = json.etablissements.find((e) => e.uai === "0751234J")!;
    expect(bievre.reliquats.preBac).toBe("97710.00");
    const file = await readSpreadsheetFile(sortie);
    const lignes = file.sheets[0].values.map((row) => row.map((v) => espaces(String(v ?? ""))).join(" | "));
    expect(lignes.find((l) => l.includes("0751234J"))).toContain("écart de 96 984,00 €");
    expect(lignes.find((l) => l.includes("0931234L"))).not.toContain("écart");

    const texte = await run(["reliquats", fichier, SIMONE_VEIL, "--out", path.join(dir, "sans.xlsx")]);
    expect(texte.stdout).toContain("« Dotation reçue » non vérifiée");
  });

  test(CAS.absent, async () => {
    // Only Simone-Veil: 44 × 151 − 1 000 = 5 644,00 € and 12 × 151 = 1 812,00 €.
    const dotations = await dotationsAMain("sans-bievre.xlsx", "Dotations ARE 2023-2024", [
      ["0931234L", "Lycée Simone-Veil", 5644, 1812],
    ]);
    const { code, json } = await controle(BIEVRE, "--dotations", dotations);
    expect(code).toBe(0);
    expect(codes(json)).toEqual([["dotations-introuvables", 7, "B"]]);
    expect(json.constats[0].message).toContain(
      "0751234J ne figure pas dans « sans-bievre.xlsx » : la dotation reçue du bilan n'est pas vérifiée.",
    );
    const simone = await controle(SIMONE_VEIL, "--dotations", dotations);
    expect(codes(simone.json)).toEqual([]);
  });

  test(CAS.enveloppeVide, async () => {
    // Pré-bac 10 776,00 € as in the bilan; post-bac blank (an envelope « non calculée »): never read as
    // 0 paid, which would call the bilan's 1 359,00 € a difference.
    const dotations = await dotationsAMain("post-bac-vide.xlsx", "Dotations ARE 2023-2024", [
      ["0751234J", "Lycée des métiers de la Bièvre", 10776, ""],
    ]);
    const { code, json } = await controle(BIEVRE, "--dotations", dotations);
    expect(code).toBe(0);
    expect(codes(json)).toEqual([["dotation-vide", 12, "B"]]);
    expect(espaces(json.constats[0].message)).toBe(
      "Dotation post-bac de 0751234J vide ou illisible dans « post-bac-vide.xlsx » (ligne 2) : la dotation reçue du bilan (1 359,00 €) n'est pas vérifiée.",
    );
  });

  test(CAS.autreAnnee, async () => {
    const dotations2024 = await dotationsDesExemples(2024, dir);
    const r = await run(["bilan", "controle", BIEVRE, "--dotations", dotations2024]);
    expect(r.code).toBe(2);
    expect(espaces(r.stderr)).toContain(
      "« dotations-2024.xlsx › Dotations ARE 2024-2025 » donne les dotations 2024-2025, et le bilan est de 2023-2024 : la dotation reçue n'est pas vérifiée.",
    );
    const sortie = path.join(dir, "autre-annee.xlsx");
    const rel = await run(["reliquats", BIEVRE, "--dotations", dotations2024, "--out", sortie]);
    expect(rel.code).toBe(2);
    expect(fs.existsSync(sortie)).toBe(false);
  });

  test(CAS.exemple2024, async () => {
    // 2024-2025 pré-bac forfait 157 €: 10 élèves → 10 × 157 = 1 570,00 € versés ; post-bac 1 359,00 €.
    const dotations = await dotationsAMain("dotations-main-2024.xlsx", "Dotations ARE 2024-2025", [
      ["0751234J", "Lycée des métiers de la Bièvre", 1570, 1359],
    ]);
    const fichier = await copie(BIEVRE, "bilan-2024.xlsx", { 9: "2024-2025", 10: 15700 });
    const { json } = await controle(fichier, "--dotations", dotations, "--annee", "2024");
    const divergentes = json.constats.filter((c) => c.code === "valeur-divergente");
    expect(divergentes.map((c) => [c.ligne, c.colonne])).toEqual([[10, "B"]]);
    // 15 700 − 1 570 = 14 130,00 €.
    expect(espaces(divergentes[0].message)).toContain(
      "15 700,00 €, alors que « dotations-main-2024.xlsx » (ligne 2) donne 1 570,00 € versés à 0751234J : écart de 14 130,00 €.",
    );
  });
});

test("chaque cas figure dans docs/security.md", () => {
  const doc = fs.readFileSync(path.join(__dirname, "..", "..", "docs", "security.md"), "utf8");
  expect(Object.values(CAS).filter((nom) => !doc.includes(nom))).toEqual([]);
});
