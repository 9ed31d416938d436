/**
 * A finance officer checks a row of the « Dotations ARE » sheet with the functions, over the very cells
 * the add-in wrote (design.md §3: the functions and the Dotations workflow share src/rules): the
 * boursiers and the post-bac dotation must be those of the row. Amounts by hand from the forfait
 * 2024-2025 (157 € par boursier post-bac).
 */
import { installCustomFunctionsGlobal } from "./customFunctionsStandIn";
import { boursiers, dotation } from "../../src/functions/functions";
import { Parametres } from "../../src/rules";
import { MemoryWorkbook } from "../../src/workbook/memory";
import type { CellValue } from "../../src/workbook/port";
import { calculerDotations, ecrireDotations } from "../../src/workflows";

installCustomFunctionsGlobal();

const UAI = "0750655E";
/** BTS MANAGEMENT COMMERCIAL OPERATIONNEL (32031213), post-bac in the annex. */
const BTS = "32031213";

/** The row the Dotations workflow writes for `effectif` BTS students and `boursiers` / `total`. */
async function ligneEcrite(effectif: number, nombreBoursiers: number, total: number) {
  const classeur = new MemoryWorkbook({
    Effectifs: [
      ["UAI", "Code diplôme", "Effectif"],
      [UAI, BTS, effectif],
    ] as CellValue[][],
    Établissements: [
      ["UAI", "Nombre de boursiers", "Effectif total"],
      [UAI, nombreBoursiers, total],
    ] as CellValue[][],
  });
  const resultat = await calculerDotations(classeur, {
    feuillesEffectifs: ["Effectifs"],
    feuilleEtablissements: "Établissements",
    annee: 2024,
    parametres: Parametres.embarques(),
  });
  const noms = await ecrireDotations(classeur, resultat);
  const sortie = classeur.sheet(noms.dotations)!.output!;
  const ligne = sortie.rows[0];
  const cellule = (nom: string) => ligne[sortie.columns.findIndex((c) => c.header === nom)];
  return {
    effectif: cellule("Effectif post-bac"),
    taux: cellule("Taux de boursiers"),
    boursiers: cellule("Boursiers retenus"),
    dotation: cellule("Dotation post-bac"),
  };
}

describe("ARE.BOURSIERS et ARE.DOTATION sur une ligne de la feuille « Dotations ARE »", () => {
  test.each([
    // 21 × 250 / 300 = 21 × 5/6 = 17,5 → 18 boursiers × 157 € = 2 826,00 €.
    { effectif: 21, nombreBoursiers: 250, total: 300, retenus: 18, montant: 2826 },
    // 30 × 220 / 1 200 = 5,5 → 6 boursiers × 157 € = 942,00 €.
    { effectif: 30, nombreBoursiers: 220, total: 1200, retenus: 6, montant: 942 },
    // 45 × 100 / 600 = 7,5 → 8 boursiers × 157 € = 1 256,00 €.
    { effectif: 45, nombreBoursiers: 100, total: 600, retenus: 8, montant: 1256 },
  ])(
    "$effectif élèves, $nombreBoursiers boursiers sur $total : $retenus boursiers, $montant €",
    async ({ effectif, nombreBoursiers, total, retenus, montant }) => {
      const ligne = await ligneEcrite(effectif, nombreBoursiers, total);
      expect(ligne).toMatchObject({ effectif, boursiers: retenus, dotation: montant });
      // =ARE.BOURSIERS(F2;G2) and =ARE.DOTATION(F2;"POST BAC";2024;G2) over the written cells.
      expect(boursiers([[ligne.effectif]], [[ligne.taux]])).toEqual([[retenus]]);
      expect(dotation([[ligne.effectif]], [["POST BAC"]], [[2024]], [[ligne.taux]])).toEqual([[montant]]);
    },
  );
});
