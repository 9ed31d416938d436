/**
 * Cells and grids as a paste can bring them, for the property tests: good values (UAIs, codes of the
 * annex, effectifs, taux, reliquats), and everything else — blanks of every kind, Excel errors,
 * booleans, numbers of any size (NaN and infinities included, although no reader produces them),
 * unicode, text that looks like a formula, strings up to 40 000 characters, header names in the
 * middle of the data.
 */
import fc from "fast-check";
import { CATALOGUES, lettreCleUai } from "../../src/rules";
import { SYNONYMES, type Champ } from "../../src/sheet";
import type { CellValue } from "../../src/workbook/port";

const CODES_ANNEXE = CATALOGUES[0].formations.map((f) => f.code);

/** Valid Île-de-France UAIs (right check letter). */
export const UAIS = ["0750655", "0750654", "0771234", "0921234", "0930122", "0941234", "0951111"].map(
  (seven) => seven + lettreCleUai(seven),
);

export const blanc = fc.constantFrom<CellValue>(null, "", "   ", "\u00a0", "\t", "\u202f\u00a0");

export const erreurExcel = fc
  .constantFrom("#N/A", "#VALUE!", "#REF!", "#DIV/0!", "#NUM!", "#NAME?", "#NULL!", "#SPILL!", "#CALC!")
  .map((error): CellValue => ({ error }));

/** Text a spreadsheet would take for a formula if it were written as is (design.md §5: it never is). */
export const FORMULES = [
  '=HYPERLINK("http://exemple.invalid";"clic")',
  "+cmd|' /C calc'!A0",
  "@SOMME(A1:A9)",
  "-2+3+cmd|' /C calc'!A0",
  "=1+1",
  "=RECHERCHEV(A2;Feuil2!A:B;2;FAUX)",
  "\t=1+1",
];
export const formule = fc.constantFrom<CellValue>(...FORMULES);

export const nombre = fc.oneof(
  fc.integer({ min: -1000, max: 100_000 }),
  fc.double(),
  fc.constantFrom(0, -0, 12.5, 1e21, -1e-7, Number.MAX_SAFE_INTEGER, 2 ** 31, 1022201, 50022137),
);

export const texte = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.string({ unit: "grapheme", maxLength: 12 }),
  fc.string({ unit: "binary", maxLength: 12 }),
);

/** Up to 40 000 characters: more than an Excel cell holds (32 767). */
export const texteEnorme = fc
  .tuple(fc.integer({ min: 500, max: 40_000 }), fc.constantFrom("x", "9", "é", "😀", " ", "0750655E"))
  .map(([n, motif]) => motif.repeat(Math.ceil(n / motif.length)).slice(0, n));

export const nomDeColonne = fc.constantFrom<CellValue>(...Object.values(SYNONYMES).flat());

/** Any cell at all. */
export const cellule: fc.Arbitrary<CellValue> = fc.oneof(
  { arbitrary: blanc, weight: 4 },
  { arbitrary: erreurExcel, weight: 1 },
  { arbitrary: fc.boolean(), weight: 1 },
  { arbitrary: nombre, weight: 3 },
  { arbitrary: texte, weight: 3 },
  { arbitrary: formule, weight: 1 },
  { arbitrary: texteEnorme, weight: 1 },
  { arbitrary: nomDeColonne, weight: 1 },
  { arbitrary: fc.constant("Total"), weight: 1 },
);

const uai = fc.oneof(
  { arbitrary: fc.constantFrom<CellValue>(...UAIS), weight: 6 },
  {
    arbitrary: fc.constantFrom<CellValue>("0750655F", "0601234R", "075065", " 0750655e ", "'0750654D"),
    weight: 1,
  },
  { arbitrary: cellule, weight: 1 },
);
const code = fc.oneof(
  { arbitrary: fc.constantFrom<CellValue>(...CODES_ANNEXE), weight: 6 },
  { arbitrary: fc.constantFrom(...CODES_ANNEXE).map((c): CellValue => Number(c)), weight: 2 },
  {
    arbitrary: fc.constantFrom<CellValue>(
      "43033104",
      "40032411",
      "40025214",
      "24722106210",
      "5002213",
      1022201,
    ),
    weight: 2,
  },
  { arbitrary: cellule, weight: 1 },
);
const effectif = fc.oneof(
  { arbitrary: fc.integer({ min: 0, max: 60 }), weight: 6 },
  { arbitrary: fc.constantFrom<CellValue>("1 234", "1\u00a0234", "12,0", -3, 12.5, "douze"), weight: 1 },
  { arbitrary: cellule, weight: 1 },
);
const statut = fc.oneof(
  {
    arbitrary: fc.constantFrom<CellValue>(null, "Scolaire", "Apprenti", "Contrat de professionnalisation"),
    weight: 4,
  },
  { arbitrary: cellule, weight: 1 },
);

/** The columns of the generated sheets, with the name the header gives them. */
export const COLONNES: readonly { champ: Champ; entete: string; valeur: fc.Arbitrary<CellValue> }[] = [
  { champ: "uai", entete: "UAI", valeur: uai },
  {
    champ: "nomEtablissement",
    entete: "Établissement",
    valeur: fc.oneof(fc.constantFrom("Lycée Arago"), cellule),
  },
  { champ: "codeFormation", entete: "Code diplôme", valeur: code },
  { champ: "libelleFormation", entete: "Libellé", valeur: cellule },
  { champ: "effectif", entete: "Effectif", valeur: effectif },
  { champ: "statut", entete: "Statut", valeur: statut },
  {
    champ: "anneeFormation",
    entete: "Année de formation",
    valeur: fc.oneof(fc.constantFrom<CellValue>(null, 1, 2, "1ère année", "seconde"), cellule),
  },
  {
    champ: "tauxBoursiers",
    entete: "Taux de boursiers",
    valeur: fc.oneof(fc.constantFrom<CellValue>(null, "35 %", 0.2, 120, "abc"), cellule),
  },
  {
    champ: "reliquatPreBac",
    entete: "Reliquat pré-bac",
    valeur: fc.oneof(fc.constantFrom<CellValue>(null, 0, "1 200,50 €", -5, "1.200"), cellule),
  },
];

export interface GrilleGeneree {
  /** The rows, header included when there is one. */
  readonly grille: CellValue[][];
  /** Index in `grille` of the header row, or -1. */
  readonly indexEntete: number;
}

/**
 * A sheet: a few rows of anything above (title, date…), perhaps a header naming some of the columns
 * in any order, then rows whose cells are mostly plausible, sometimes anything; rows of varying
 * length, blank rows, rows pasted twice.
 */
export const grilleCollee: fc.Arbitrary<GrilleGeneree> = fc
  .record({
    avant: fc.array(fc.array(fc.oneof(blanc, texte, nombre), { maxLength: 4 }), { maxLength: 3 }),
    colonnes: fc.shuffledSubarray([...COLONNES], { minLength: 0, maxLength: COLONNES.length }),
    avecEntete: fc.oneof(
      { arbitrary: fc.constant(true), weight: 4 },
      { arbitrary: fc.constant(false), weight: 1 },
    ),
    lignes: fc.integer({ min: 0, max: 40 }),
  })
  .chain(({ avant, colonnes, avecEntete, lignes }) => {
    const ligne = fc.oneof(
      { arbitrary: fc.tuple(...colonnes.map((c) => c.valeur)).map((cells): CellValue[] => cells), weight: 8 },
      { arbitrary: fc.array(cellule, { maxLength: colonnes.length + 2 }), weight: 1 },
      { arbitrary: fc.array(blanc, { maxLength: 4 }), weight: 1 },
    );
    return fc
      .array(ligne, { minLength: lignes, maxLength: lignes })
      .chain((rows) =>
        fc
          .shuffledSubarray(rows, { maxLength: Math.min(5, rows.length) })
          .map((encore) => [...rows, ...encore]),
      )
      .map((rows): GrilleGeneree => {
        const entete = colonnes.map((c) => c.entete);
        if (!avecEntete || entete.length < 2) return { grille: [...avant, ...rows], indexEntete: -1 };
        return { grille: [...avant, entete, ...rows], indexEntete: avant.length };
      });
  });

/** Not blank for the readers: something else than nothing or spaces. */
export function nonVide(row: readonly CellValue[] | undefined): boolean {
  return (row ?? []).some(
    (c) => !(c === null || c === undefined || (typeof c === "string" && c.trim() === "")),
  );
}

/** Deep copy, to compare the user's sheets before and after a run (an Excel error stays an object). */
export function copie<T>(value: T): T {
  return structuredClone(value);
}
