/**
 * The bilan and request readers on random messy grids: never an exception, every non-blank row kept
 * or set aside with a constat at its row number, and the envelope totals are the sums of the rows
 * retained.
 */
import fc from "fast-check";
import { Decimal, TYPES_EQUIPEMENT, ZERO } from "../../src/rules";
import { LecteurBilan, LecteurDemande, SessionLecture } from "../../src/sheet";
import type { CellValue } from "../../src/workbook/port";
import { feuille } from "./grille";

const code = fc.constantFrom<CellValue>(
  "50022137",
  67010031,
  "32025520",
  "43033104",
  "5002213",
  "24722106210",
  null,
  { error: "#N/A" },
  "Total",
);
const enveloppe = fc.constantFrom<CellValue>(null, "pré-bac", "post-bac", "PRE BAC", "fonds social", {
  error: "#REF!",
});
const nombre = fc.constantFrom<CellValue>(null, 0, 12, 40, -2, 3.5, "dix", "1 234", { error: "#DIV/0!" });
const montant = fc.constantFrom<CellValue>(
  null,
  0,
  1200.5,
  "1 200,50 €",
  "-15",
  "beaucoup",
  "1.200",
  12.345,
  { error: "#VALUE!" },
);
const type = fc.constantFrom<CellValue>(null, ...TYPES_EQUIPEMENT, "EPI ; outillage", "voyage", {
  error: "#N/A",
});

const estVide = (row: CellValue[]) => row.every((c) => c === null || c === "");

describe("Invariants du bilan et de la demande, sur des grilles tirées au hasard", () => {
  test("bilan : aucune exception, chaque ligne non vide retenue ou écartée avec un constat, totaux = somme des lignes retenues", () => {
    const ligne = fc.tuple(code, enveloppe, nombre, nombre, montant, type).map((c): CellValue[] => c);
    fc.assert(
      fc.property(fc.array(ligne, { maxLength: 40 }), fc.nat(3), (rows, rowOffset) => {
        const session = new SessionLecture(2024);
        const entete = [
          "Code formation",
          "Enveloppe",
          "Effectif",
          "Élèves aidés",
          "Montant des achats",
          "Type d'équipement",
        ];
        const lecteur = new LecteurBilan(feuille([entete, ...rows], { rowOffset }), session);
        while (!lecteur.fini) lecteur.lireTranche(7);
        const bilan = lecteur.bilan();
        const nonVides = rows.filter((r) => !estVide(r)).length;
        expect(bilan.nonVides).toBe(nonVides);
        expect(bilan.comptees + bilan.ecartees).toBe(nonVides);
        expect(lecteur.achats).toHaveLength(bilan.comptees);
        const retenues = new Set(lecteur.achats.map((a) => a.ligne));
        const signalees = new Set(session.constats.map((c) => c.ligne));
        rows.forEach((row, i) => {
          if (estVide(row)) return;
          const numero = rowOffset + i + 2;
          expect(retenues.has(numero) || signalees.has(numero)).toBe(true);
        });
        for (const achat of lecteur.achats) {
          expect(achat.montant.isNegative()).toBe(false);
          expect(achat.enveloppe).toBe(achat.categorie === "POST_BAC" ? "postBac" : "preBac");
        }
        const total = lecteur.achats.reduce((s: Decimal, a) => s.plus(a.montant), ZERO);
        expect(total.isFinite()).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  test("demande : aucune exception, chaque ligne non vide demandée ou écartée avec un constat", () => {
    const ligne = fc.tuple(code, nombre, nombre).map((c): CellValue[] => c);
    fc.assert(
      fc.property(fc.array(ligne, { maxLength: 40 }), (rows) => {
        const session = new SessionLecture(2024);
        const entete = ["Code formation", "Élèves supplémentaires", "Boursiers supplémentaires"];
        const lecteur = new LecteurDemande(feuille([entete, ...rows]), session);
        while (!lecteur.fini) lecteur.lireTranche(5);
        const bilan = lecteur.bilan();
        const nonVides = rows.filter((r) => !estVide(r)).length;
        expect(bilan.comptees + bilan.ecartees).toBe(nonVides);
        expect(lecteur.lignesDemandees).toHaveLength(bilan.comptees);
        for (const l of lecteur.lignesDemandees)
          expect(Number.isInteger(l.supplementaires) && l.supplementaires > 0).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
