/**
 * Corpus : une feuille de lycée avec un second tableau, ou une note, à droite du tableau (« Récapitulatif
 * | Filière | Effectif … Total 66 »). Le mot « total » d'une cellule hors du tableau ne fait pas d'une
 * ligne de données une ligne de total (regles.md#lecture.lignes-total) : ses élèves comptent, et la
 * ligne d'un établissement garde son reliquat.
 *
 * Montants calculés à la main, forfaits 2024-2025 publiés (157 € pré-bac et post-bac, 56 € 3ème
 * prépa-métiers), feuille de Paris de test/workflows/classeur.ts (colonnes A à F) :
 * - 0750655E : 12 × 56 = 672 ; (24 + 30) × 157 = 8 478 ; − reliquat 1 200,50 → 7 949,50 pré-bac ;
 *   40 × 35 % = 14 boursiers × 157 = 2 198 post-bac ; total 10 147,50 € ;
 * - 0750654D : 28 × 157 = 4 396 − 20 000 → 0 pré-bac ; 25 × 30 % = 7,5 → 8 boursiers × 157
 *   = 1 256 − 100,50 = 1 155,50 post-bac ; total 1 155,50 €.
 * Perdre la ligne BOULANGER (24 élèves) retirerait 24 × 157 = 3 768 € à Arago ; perdre sa ligne
 * de la feuille des établissements lui verserait son reliquat de 1 200,50 € une seconde fois.
 */
import { Parametres, texteDecimal } from "../../src/rules";
import { MemoryWorkbook } from "../../src/workbook/memory";
import type { CellValue } from "../../src/workbook/port";
import { calculerDotations, controlerFeuille, type ResultatDotations } from "../../src/workflows";
import { ETABLISSEMENTS, PARIS, copie } from "../workflows/classeur";

const parametres = Parametres.embarques();

async function dotations(paris: CellValue[][], etablissements = ETABLISSEMENTS): Promise<ResultatDotations> {
  return calculerDotations(new MemoryWorkbook({ Paris: paris, Établissements: etablissements }), {
    feuillesEffectifs: ["Paris"],
    feuilleEtablissements: "Établissements",
    annee: 2024,
    parametres,
  });
}

const net = (r: ResultatDotations, uai: string) =>
  texteDecimal(r.etablissements.find((d) => d.uai === uai)!.nette.total.valeur);

/** `rows` with cells put at column `colonne` (0-based) of the given rows (0-based indices). */
function avecCellules(rows: CellValue[][], colonne: number, cellules: Record<number, CellValue[]>) {
  const copieRows = copie(rows);
  for (const [index, valeurs] of Object.entries(cellules)) {
    const row = copieRows[Number(index)];
    while (row.length < colonne) row.push(null);
    row.splice(colonne, valeurs.length, ...valeurs);
  }
  return copieRows;
}

describe("Corpus : un second tableau ou une note à droite du tableau", () => {
  test("contrôle d'une feuille de lycée : le « Total » du récapitulatif à droite n'écarte pas la ligne PATISSIER (24 élèves)", async () => {
    const feuille: CellValue[][] = [
      ["LYCÉE JEAN MOULIN — effectifs de 1re année", null, null, null, null, null, "Récapitulatif"],
      ["UAI", "Code formation", "Libellé", "Effectif", null, null, "Filière", "Effectif"],
      ["0750655E", "50022137", "BOULANGER (CAP)", 12, null, null, "CAP", 36], // 3
      ["0750655E", "50022141", "PATISSIER (CAP)", 24, null, null, "Total", 36], // 4
      [null, null, "Sous-total CAP", 36], // 5
      [null, null, "Total général", 36], // 6
    ];
    const r = await controlerFeuille(new MemoryWorkbook({ F: feuille }), "F", { annee: 2024 });
    expect(r.effectifs).toEqual({ prepaMetiers: 0, preBac: 12 + 24, postBac: 0 });
    expect(r.lignes).toMatchObject({ nonVides: 4, comptees: 2, ecarteesParMotif: { "ligne-total": 2 } });
    expect(r.constats.map((c) => [c.code, c.ligne])).toEqual([
      ["colonne-en-double", 2],
      ["ligne-total", 5],
      ["ligne-total", 6],
    ]);
  });

  test("feuille d'effectifs : une note « total vérifié » à droite de la ligne BOULANGER, après une colonne vide : Arago 10 147,50 €", async () => {
    // Row index 3 is sheet row 4 (BOULANGER, 24 élèves); the table ends at F, the note is in H.
    const paris = avecCellules(PARIS, 7, { 3: ["total vérifié le 12/09"] });
    const r = await dotations(paris);
    expect(net(r, "0750655E")).toBe("10147.50");
    expect(net(r, "0750654D")).toBe("1155.50");
    expect(r.constats.filter((c) => c.code === "ligne-total").map((c) => c.ligne)).toEqual([12]);
  });

  test("feuille des établissements : une note « total » à droite de la ligne d'Arago garde son reliquat de 1 200,50 €", async () => {
    const etablissements = avecCellules(ETABLISSEMENTS, 8, { 1: ["reliquat = total non dépensé"] });
    const r = await dotations(PARIS, etablissements);
    expect(net(r, "0750655E")).toBe("10147.50");
    expect(r.constats.filter((c) => c.code === "etablissement-absent")).toEqual([]);
    expect(r.constats.filter((c) => c.code === "ligne-total").map((c) => [c.feuille, c.ligne])).toEqual([
      ["Paris", 12],
    ]);
  });

  test("une vraie ligne de total reste écartée : mot dans une colonne du tableau sans titre, ou dans une colonne titrée collée au tableau", async () => {
    const feuille: CellValue[][] = [
      [null, "UAI", "Code formation", "Effectif", "Commentaire"],
      [null, "0750655E", "50022137", 12, null], // 2
      ["Total Arago", "0750655E", "50022137", 12, null], // 3: the word left of the table
      [null, "0750655E", "50022141", 24, "sous-total"], // 4: under a titled column next to the table
    ];
    const r = await controlerFeuille(new MemoryWorkbook({ F: feuille }), "F", { annee: 2024 });
    expect(r.effectifs.preBac).toBe(12);
    // The word is in no column a field reads, on rows with a valid UAI and a counted formation: set
    // aside as totals, but as alertes to check (regles.md#lecture.ligne-total-a-verifier).
    expect(r.constats.map((c) => [c.code, c.ligne, c.colonne])).toEqual([
      ["ligne-total-a-verifier", 3, "A"],
      ["ligne-total-a-verifier", 4, "E"],
    ]);
  });
});
