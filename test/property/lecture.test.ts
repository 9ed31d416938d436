/**
 * Propriétés de la lecture des feuilles collées (design.md §4), sur des grilles tirées au hasard
 * (arbitraires.ts) : aucune ne fait échouer les lecteurs, et rien ne se perd — chaque ligne non vide
 * sous l'en-tête est comptée ou écartée avec son constat, de même qu'une ligne de données (un UAI ou un
 * code formation) collée au-dessus de l'en-tête ; au-dessus, seuls les titres ne sont pas des lignes. Complète test/sheet/invariants.test.ts, qui
 * tire ses cellules parmi des valeurs choisies ; ici, n'importe quelle cellule.
 */
import fc from "fast-check";
import {
  CONSTATS,
  LecteurEffectifs,
  LecteurEtablissements,
  SessionLecture,
  type Constat,
  type LigneComptee,
} from "../../src/sheet";
import type { SheetData } from "../../src/workbook/port";
import { grilleCollee, nonVide } from "./arbitraires";

const RUNS = 200;

const uai = (cell: unknown) => typeof cell === "string" && /^\d{7}[A-Za-z]$/.test(cell.trim());
const code = (cell: unknown) =>
  typeof cell === "number"
    ? Number.isInteger(cell) && cell >= 10_000_000 && cell <= 99_999_999
    : typeof cell === "string" && /^\d{8}$/.test(cell.trim());
const effectif = (cell: unknown) =>
  typeof cell === "number" && Number.isInteger(cell) && cell >= 0 && cell <= 10_000;

/**
 * Above the header, a row is data (and must be reported) when it looks like one: for an effectif sheet,
 * a code formation with a UAI or an effectif beside it; for an establishments sheet, a UAI with a
 * number beside it. A form line (« UAI | 0750655E ») or a title is not a row of the table.
 */
const donneeEffectifs = (row: readonly unknown[]) => row.some(code) && row.some((c) => uai(c) || effectif(c));
const donneeEtablissements = (row: readonly unknown[]) =>
  row.some(uai) && row.some((c) => typeof c === "number" && Number.isFinite(c));

/** The non-blank rows the reader must account for: below the header, and data rows above it. */
function lignesAttendues<T extends { row: readonly unknown[] }>(
  lignes: readonly T[],
  indexEntete: number | null,
  estUneDonnee: (row: readonly unknown[]) => boolean,
): T[] {
  if (indexEntete === null) return lignes.filter(({ row }) => nonVide(row as never));
  return lignes.filter(
    ({ row }, i) => nonVide(row as never) && (i > indexEntete || (i < indexEntete && estUneDonnee(row))),
  );
}

/**
 * A message stays readable whatever was pasted: a long cell is quoted by its start and length
 * (citation, src/rules/texte.ts). Far below Excel's 32 767 characters per cell, which the Constats
 * sheet could not exceed anyway.
 */
const MESSAGE_MAX = 2_000;

function verifierConstats(constats: readonly Constat[], sheet: SheetData): void {
  for (const c of constats) {
    expect(CONSTATS[c.code as keyof typeof CONSTATS][0]).toBe(c.gravite);
    expect(typeof c.message).toBe("string");
    expect(c.message.trim()).not.toBe("");
    expect(c.message.length).toBeLessThanOrEqual(MESSAGE_MAX);
    if (c.ligne !== null) {
      expect(c.ligne).toBeGreaterThanOrEqual(sheet.rowOffset + 1);
      expect(c.ligne).toBeLessThanOrEqual(sheet.rowOffset + sheet.values.length);
    }
    if (c.colonne !== null) expect(c.colonne).toMatch(/^[A-Z]{1,3}$/);
  }
}

describe("Lecture de grilles collées quelconques", () => {
  test("feuille d'effectifs : aucune exception ; non vides = comptées + écartées ; chaque ligne non vide comptée ou avec un constat à son numéro", () => {
    fc.assert(
      fc.property(grilleCollee, fc.nat(40), fc.nat(5), ({ grille }, rowOffset, columnOffset) => {
        const sheet: SheetData = { name: "Collée", values: grille, rowOffset, columnOffset };
        const session = new SessionLecture(2024);
        const comptees: LigneComptee[] = [];
        const lecteur = new LecteurEffectifs(sheet, session, { onLigneComptee: (l) => comptees.push(l) });
        while (!lecteur.fini) lecteur.lireTranche(7);
        const bilan = lecteur.bilan();
        verifierConstats(session.constats, sheet);
        expect(Object.values(bilan.ecarteesParMotif).reduce((a, b) => a + b, 0)).toBe(bilan.ecartees);

        // Rows below the header and data rows above it (all rows when there is no header).
        const indexEntete = lecteur.entete ? lecteur.entete.ligne - rowOffset - 1 : null;
        const lignes = grille.map((row, i) => ({ row, numero: rowOffset + i + 1 }));
        const nonVides = lignesAttendues(lignes, indexEntete, donneeEffectifs);
        expect(bilan.nonVides).toBe(nonVides.length);
        expect(bilan.comptees + bilan.ecartees).toBe(nonVides.length);
        expect(comptees).toHaveLength(bilan.comptees);

        if (!lecteur.lisible) {
          // The sheet is not read: one constat says why, every row is set aside under it.
          expect(bilan.comptees).toBe(0);
          const globaux = session.constats.filter((c) =>
            ["feuille-vide", "entete-introuvable", "colonne-manquante"].includes(c.code),
          );
          expect(globaux).toHaveLength(1);
          return;
        }
        const lignesComptees = new Set(comptees.map((l) => l.ligne));
        const lignesAvecConstat = new Set(session.constats.map((c) => c.ligne));
        for (const { numero } of nonVides) {
          expect(lignesComptees.has(numero) || lignesAvecConstat.has(numero)).toBe(true);
        }
        // Counted effectifs are whole numbers of students, and they are what the sheet adds up.
        for (const l of comptees) expect(Number.isInteger(l.effectif) && l.effectif >= 0).toBe(true);
        const somme = comptees.reduce((s, l) => s + l.effectif, 0);
        const { prepaMetiers, preBac, postBac } = lecteur.effectifs;
        expect(prepaMetiers + preBac + postBac).toBe(somme);
      }),
      { numRuns: RUNS },
    );
  });

  test("la même grille lue comme feuille des établissements : aucune exception, rien de perdu", () => {
    fc.assert(
      fc.property(grilleCollee, ({ grille }) => {
        const sheet: SheetData = { name: "Établissements", values: grille, rowOffset: 0, columnOffset: 0 };
        const session = new SessionLecture(2024);
        const lecteur = new LecteurEtablissements(sheet, session);
        while (!lecteur.fini) lecteur.lireTranche(5);
        const bilan = lecteur.bilan();
        verifierConstats(session.constats, sheet);
        const indexEntete = lecteur.entete ? lecteur.entete.ligne - 1 : null;
        const nonVides = lignesAttendues(
          grille.map((row) => ({ row })),
          indexEntete,
          donneeEtablissements,
        ).length;
        expect(bilan.comptees + bilan.ecartees).toBe(nonVides);
        // Every establishment counted has a well-formed UAI.
        for (const e of session.registre.liste()) expect(e.uai).toMatch(/^\d{7}[A-Z]$/);
      }),
      { numRuns: RUNS },
    );
  });
});
