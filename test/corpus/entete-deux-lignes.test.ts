/**
 * regles.md#lecture.entete-deux-lignes — a lycée's own sheet with « Effectifs » merged over two
 * sub-columns. Read with the one header row, the effectif column is the first sub-column only: the
 * second-year pupils were counted for the first-year ones (11 instead of 12), or the girls left out.
 * Amounts by hand, 2024-2025, pré-bac forfait 157 € (arrêté, indexation 2024).
 */
import { MemoryWorkbook } from "../../src/workbook/memory";
import type { CellValue } from "../../src/workbook/port";
import { controlerFeuille } from "../../src/workflows";
import { dotationsArago } from "./fabrique";

describe("En-tête sur deux lignes (« Effectifs » fusionné au-dessus de deux sous-colonnes)", () => {
  test("« 2nde année | 1ère année » : la feuille n'est pas lue, rien n'est compté", async () => {
    const feuille: CellValue[][] = [
      ["UAI", "Code formation", "Libellé", "Effectifs", null],
      [null, null, null, "2nde année", "1ère année"],
      ["0750655E", "50022137", "BOULANGER (CAP)", 11, 12],
    ];
    const r = await controlerFeuille(new MemoryWorkbook({ F: feuille }), "F", { annee: 2024 });
    // Before: 11 (the 2nde année pupils) counted, 1 727 € instead of 12 × 157 = 1 884 €.
    expect(r.effectifs).toEqual({ prepaMetiers: 0, preBac: 0, postBac: 0 });
    expect(r.constats.map((c) => [c.code, c.gravite, c.ligne, c.colonne])).toEqual([
      ["entete-deux-lignes", "erreur", 2, "D"],
      ["entete-deux-lignes", "erreur", 3, null],
    ]);
    expect(r.constats[0].message).toBe(
      "« 2nde année » sous « Effectifs » : l'en-tête tient sur deux lignes, la colonne lue ne compterait qu'une partie des élèves. La feuille n'est pas lue : gardez une seule ligne d'en-tête, avec une colonne « Effectif 1re année ».",
    );
    // Every non-blank row is accounted for, each with its constat.
    expect(r.lignes).toMatchObject({ comptees: 0, ecarteesParMotif: { "entete-deux-lignes": 2 } });
  });

  test("« Garçons | Filles » dans la dotation : pas de montant faux, l'établissement sans effectif lu", async () => {
    const r = await dotationsArago([
      ["UAI", "Code diplôme", "Libellé", "Effectif", null],
      [null, null, null, "Garçons", "Filles"],
      ["0750655E", "50022137", "BOULANGER (CAP)", 14, 10],
    ]);
    expect(r.constats.filter((c) => c.code === "entete-deux-lignes").map((c) => c.ligne)).toEqual([2, 3]);
    // Before: 14 boys × 157 = 2 198 € paid for 24 pupils (3 768 €). Now no pupil is counted from the sheet.
    const compte = r.etablissements.find((d) => d.uai === "0750655E");
    expect(compte?.effectifs.preBac ?? 0).toBe(0);
  });

  test("le remède : une seule ligne d'en-tête, « Effectif 1re année » : 12 × 157 = 1 884,00 €", async () => {
    const r = await dotationsArago([
      ["UAI", "Code formation", "Libellé", "Effectif 2nde année", "Effectif 1re année"],
      ["0750655E", "50022137", "BOULANGER (CAP)", 11, 12],
    ]);
    const [d] = r.etablissements;
    expect(d.effectifs.preBac).toBe(12);
    expect(d.nette.preBac.valeur.toFixed(2)).toBe("1884.00");
  });

  test("une ligne de données ordinaire sous l'en-tête n'est pas un second en-tête", async () => {
    const feuille: CellValue[][] = [
      ["UAI", "Code formation", "Libellé", "Effectif"],
      // An effectif typed as words on a data row stays that row's erreur, the sheet is read.
      ["0750655E", "50022141", "PATISSIER (CAP)", "douze"],
      ["0750655E", "50022137", "BOULANGER (CAP)", 12],
    ];
    const r = await controlerFeuille(new MemoryWorkbook({ F: feuille }), "F", { annee: 2024 });
    expect(r.effectifs.preBac).toBe(12);
    expect(r.constats.map((c) => c.code)).not.toContain("entete-deux-lignes");
  });
});
