import fc from "fast-check";
import type { CellValue } from "../../src/workbook/port";
import { lire } from "./grille";

/** Cells a rectorat paste really contains: good values, and every kind of bad one. */
const uai = fc.constantFrom<CellValue>(
  "0750655E",
  "0750654D",
  "0750655F",
  "0601234R",
  "075065",
  null,
  "",
  { error: "#N/A" },
  "Total",
);
const code = fc.constantFrom<CellValue>(
  "50022137",
  67010031,
  "32025520",
  "50022199",
  "43033104",
  "47010001",
  "24722106210",
  "5002213",
  1022201,
  null,
  { error: "#VALUE!" },
  "Code diplôme",
);
const effectif = fc.constantFrom<CellValue>(
  24,
  0,
  "1 234",
  "1\u00a0234",
  -3,
  12.5,
  "douze",
  null,
  { error: "#DIV/0!" },
  "Effectif",
);
const statut = fc.constantFrom<CellValue>(null, "Scolaire", "Apprenti", "Contrat de professionnalisation", {
  error: "#N/A",
});
const annee = fc.constantFrom<CellValue>(null, 1, 2, 3, "1ère année", "2e année", "seconde");
const entree = fc.constantFrom<CellValue>(null, "oui", "non", "x", "peut-être");
const libelle = fc.constantFrom<CellValue>(null, "BOULANGER (CAP)", "Sous-total", "TOTAL", {
  error: "#REF!",
});

const ligne = fc
  .tuple(uai, libelle, code, effectif, statut, annee, entree)
  .map((cells): CellValue[] => cells);
/** Some rows are pasted twice, some are blank. */
const grille = fc
  .array(
    fc.oneof(
      { arbitrary: ligne, weight: 8 },
      { arbitrary: fc.constant<CellValue[]>([null, null, null]), weight: 1 },
    ),
    { maxLength: 60 },
  )
  .chain((rows) => fc.shuffledSubarray(rows).map((again) => [...rows, ...again]));

const ENTETE = [
  "UAI",
  "Libellé",
  "Code diplôme",
  "Effectif",
  "Statut",
  "Année de formation",
  "Entrée directe",
];

describe("Invariant de comptage, sur des grilles désordonnées tirées au hasard", () => {
  test("chaque ligne non vide est comptée ou écartée avec un constat à son numéro de ligne ; nonVides = comptées + écartées", () => {
    fc.assert(
      fc.property(grille, fc.nat(3), fc.nat(3), (rows, rowOffset, columnOffset) => {
        const { lecteur, comptees, constats } = lire([ENTETE, ...rows], { rowOffset, columnOffset });
        const bilan = lecteur.bilan();
        const nonVides = rows.filter((r) => r.some((c) => c !== null && c !== "")).length;
        expect(bilan.nonVides).toBe(nonVides);
        expect(bilan.comptees + bilan.ecartees).toBe(nonVides);
        expect(comptees).toHaveLength(bilan.comptees);

        const lignesComptees = new Set(comptees.map((l) => l.ligne));
        const lignesAvecConstat = new Set(constats.map((c) => c.ligne));
        rows.forEach((row, i) => {
          const numero = rowOffset + i + 2;
          if (row.every((c) => c === null || c === "")) return;
          expect(lignesComptees.has(numero) || lignesAvecConstat.has(numero)).toBe(true);
        });
        // A row set aside is never also counted, and the sums are those of the counted rows.
        const somme = comptees.reduce((s, l) => s + l.effectif, 0);
        expect(lecteur.effectifs.prepaMetiers + lecteur.effectifs.preBac + lecteur.effectifs.postBac).toBe(
          somme,
        );
        expect(Object.values(bilan.ecarteesParMotif).reduce((a, b) => a + b, 0)).toBe(bilan.ecartees);
      }),
      { numRuns: 300 },
    );
  });
});
