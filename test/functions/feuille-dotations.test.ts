/**
 * A finance officer checks a row of the « Dotations ARE » sheet with the functions, over the very cells
 * the add-in wrote (design.md §3: the functions and the Dotations workflow share src/rules): the
 * boursiers and the post-bac dotation must be those of the row. Amounts by hand from the forfait
 * 2024-2025 (157 € par boursier post-bac).
 */
import { StandInError, installCustomFunctionsGlobal } from "./customFunctionsStandIn";
import { boursiers, dotation, nette } from "../../src/functions/functions";
import { Parametres } from "../../src/rules";
import { MemoryWorkbook } from "../../src/workbook/memory";
import type { CellValue } from "../../src/workbook/port";
import { calculerDotations, ecrireDotations } from "../../src/workflows";
import { CRETEIL, ETABLISSEMENTS, PARIS, copie } from "../workflows/classeur";

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

describe("Une formule par colonne sur toute la feuille « Dotations ARE » : les montants de chaque ligne", () => {
  test("dotations par catégorie, boursiers et dotations nettes des cinq établissements", async () => {
    const classeur = new MemoryWorkbook({
      Paris: copie(PARIS),
      Créteil: copie(CRETEIL),
      Établissements: copie(ETABLISSEMENTS),
    });
    const resultat = await calculerDotations(classeur, {
      feuillesEffectifs: ["Paris", "Créteil"],
      feuilleEtablissements: "Établissements",
      annee: 2024,
      parametres: Parametres.embarques(),
    });
    const sortie = classeur.sheet((await ecrireDotations(classeur, resultat)).dotations)!.output!;
    /** A column of the sheet as Excel passes a range: one row per establishment. */
    const plage = (nom: string) =>
      sortie.rows.map((ligne) => [ligne[sortie.columns.findIndex((c) => c.header === nom)]]);
    /** A spilled result as the sheet holds it: an error value is the blank of « non calculée ». */
    const colonne = (resultat: unknown[][]) => resultat.map(([v]) => (v instanceof StandInError ? null : v));
    const ecrit = (nom: string) => plage(nom).map(([v]) => v);
    expect(ecrit("UAI")).toEqual(["0750654D", "0750655E", "0771234Y", "0930122C", "0941234F"]);

    // =ARE.DOTATION(D2:D6;"3EME PREPA-METIERS";2024) : Arago 12 × 56 = 672,00 €.
    const prepa = colonne(dotation(plage("Effectif 3e prépa-métiers"), [["3EME PREPA-METIERS"]], [[2024]]));
    expect(prepa).toEqual([0, 672, 0, 0, 0]);
    expect(prepa).toEqual(ecrit("Dotation 3e prépa-métiers"));
    // =ARE.DOTATION(E2:E6;"PRE BAC";2024) : Bréguet 28 × 157 = 4 396 ; Arago 54 × 157 = 8 478 ;
    // Melun 15 × 157 = 2 355 ; Cachan 18 × 157 = 2 826.
    const preBac = colonne(dotation(plage("Effectif pré-bac"), [["PRE BAC"]], [[2024]]));
    expect(preBac).toEqual([4396, 8478, 2355, 0, 2826]);
    expect(preBac).toEqual(ecrit("Dotation pré-bac"));
    // =ARE.BOURSIERS(F2:F6;G2:G6) : Bréguet 25 × 120 / 400 = 7,5 → 8 ; Arago 40 × 35 % = 14 ; Melun
    // sans taux ; 0930122C, without post-bac students nor taux, 0 boursiers (it was an error, which made
    // the column's sum an error too) ; Cachan 20 × 0,25 = 5.
    const retenus = colonne(boursiers(plage("Effectif post-bac"), plage("Taux de boursiers")));
    expect(retenus).toEqual([8, 14, null, 0, 5]);
    expect(retenus).toEqual(ecrit("Boursiers retenus"));
    // =ARE.DOTATION(F2:F6;"POST BAC";2024;G2:G6) : 8 × 157 = 1 256 ; 14 × 157 = 2 198 ; Melun non
    // calculée ; 0 ; 5 × 157 = 785.
    const postBac = colonne(
      dotation(plage("Effectif post-bac"), [["POST BAC"]], [[2024]], plage("Taux de boursiers")),
    );
    expect(postBac).toEqual([1256, 2198, null, 0, 785]);
    expect(postBac).toEqual(ecrit("Dotation post-bac"));

    // =ARE.NETTE(J2:J6+K2:K6;M2:M6;C2:C6) : Bréguet 4 396 − 20 000 → 0 ; Arago 672 + 8 478 − 1 200,50 =
    // 7 949,50 ; Melun 2 355 ; 0930122C 0 − 500 → 0 ; Cachan n'a pas répondu : 0.
    const brutePreBac = prepa.map((v, i) => [Number(v) + Number(preBac[i])]);
    const netPreBac = colonne(nette(brutePreBac, plage("Reliquat pré-bac"), plage("A répondu à l'enquête")));
    expect(netPreBac).toEqual([0, 7949.5, 2355, 0, 0]);
    expect(netPreBac).toEqual(ecrit("Dotation nette pré-bac"));
    // Post-bac: Bréguet 1 256 − 100,50 = 1 155,50 ; Arago 2 198 ; Cachan 0 (n'a pas répondu). Melun's
    // envelope is « non calculée » (blank): ARE.NETTE reads a blank dotation as 0, as documented.
    const netPostBac = colonne(
      nette(plage("Dotation post-bac"), plage("Reliquat post-bac"), plage("A répondu à l'enquête")),
    );
    expect(netPostBac).toEqual([1155.5, 2198, 0, 0, 0]);
    expect(ecrit("Dotation nette post-bac")).toEqual([1155.5, 2198, null, 0, 0]);
  });
});
