/**
 * Propriétés du calcul des dotations (calculerDotations + ecrireDotations sur le classeur en mémoire),
 * sur des feuilles tirées au hasard : aucune exception ; les totaux sont la somme des établissements ;
 * l'ordre des lignes ne change pas les dotations ; relancer redonne le même classeur et ne touche
 * jamais les feuilles de l'utilisateur. Les montants attendus ne sont pas recalculés ici par la
 * formule du code : on vérifie des relations (sommes, planchers, égalités entre deux lectures).
 */
import fc from "fast-check";
import { CATALOGUES, Decimal, Parametres, ZERO } from "../../src/rules";
import { champDeLEntete } from "../../src/sheet";
import { MemoryWorkbook } from "../../src/workbook/memory";
import type { CellValue } from "../../src/workbook/port";
import { calculerDotations, ecrireDotations, type ResultatDotations } from "../../src/workflows";
import { UAIS, cellule, copie, grilleCollee, nonVide } from "./arbitraires";

const parametres = Parametres.embarques();

function calculer(classeur: MemoryWorkbook, effectifs: string[], etablissements: string | null) {
  return calculerDotations(classeur, {
    feuillesEffectifs: effectifs,
    feuilleEtablissements: etablissements,
    annee: 2024,
    parametres,
  });
}

const somme = (valeurs: Decimal[]) => valeurs.reduce((a, b) => a.plus(b), ZERO);

function verifierTotaux(r: ResultatDotations): void {
  const { totaux, etablissements: liste } = r;
  expect(totaux.nette.total.equals(somme(liste.map((d) => d.nette.total.valeur)))).toBe(true);
  expect(totaux.nette.preBac.equals(somme(liste.map((d) => d.nette.preBac.valeur)))).toBe(true);
  expect(totaux.nette.postBac.equals(somme(liste.map((d) => d.nette.postBac.valeur)))).toBe(true);
  expect(totaux.brute.preBac.equals(somme(liste.map((d) => d.brute.preBac.valeur)))).toBe(true);
  expect(totaux.brute.postBac.equals(somme(liste.map((d) => d.brute.postBac?.valeur ?? ZERO)))).toBe(true);
  expect(totaux.reliquats.preBac.equals(somme(liste.map((d) => d.reliquats.preBac)))).toBe(true);
  expect(totaux.effectifs.preBac).toBe(liste.reduce((s, d) => s + d.effectifs.preBac, 0));
  expect(totaux.effectifs.postBac).toBe(liste.reduce((s, d) => s + d.effectifs.postBac, 0));
  expect(totaux.boursiersRetenus).toBe(liste.reduce((s, d) => s + (d.boursiersRetenus?.nombre ?? 0), 0));
  for (const d of liste) {
    // R9: an envelope net of its reliquat is never negative nor above the envelope.
    expect(d.nette.preBac.valeur.isNegative()).toBe(false);
    expect(d.nette.postBac.valeur.isNegative()).toBe(false);
    expect(d.nette.preBac.valeur.lte(d.enveloppes.preBac.valeur)).toBe(true);
    expect(d.nette.total.valeur.equals(d.nette.preBac.valeur.plus(d.nette.postBac.valeur))).toBe(true);
  }
  // Sorted by UAI, each once.
  const uais = liste.map((d) => d.uai);
  expect(uais).toEqual([...new Set(uais)].sort());
  expect(r.lignes.comptees + r.lignes.ecartees).toBe(r.lignes.nonVides);
}

describe("Calcul des dotations sur des feuilles quelconques", () => {
  test("une à trois feuilles d'effectifs et une feuille des établissements quelconques : aucune exception, totaux = somme des établissements, écriture possible", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(grilleCollee, { minLength: 1, maxLength: 3 }),
        fc.option(grilleCollee, { nil: null }),
        async (feuilles, etablissements) => {
          const grilles: Record<string, CellValue[][]> = {};
          feuilles.forEach((f, i) => (grilles[`Rectorat ${i + 1}`] = f.grille));
          if (etablissements) grilles["Établissements"] = etablissements.grille;
          const avant = copie(grilles);
          const classeur = new MemoryWorkbook(grilles);
          const noms = Object.keys(grilles).filter((n) => n !== "Établissements");
          const r = await calculer(classeur, noms, etablissements ? "Établissements" : null);
          verifierTotaux(r);
          const lignesNonVides = feuilles.reduce((s, f) => s + f.grille.filter(nonVide).length, 0);
          expect(r.lignes.nonVides).toBeLessThanOrEqual(
            lignesNonVides + (etablissements ? etablissements.grille.filter(nonVide).length : 0),
          );
          const ecrites = await ecrireDotations(classeur, r);
          const dotations = classeur.sheet(ecrites.dotations)!.output!;
          expect(dotations.rows).toHaveLength(r.etablissements.length);
          expect(classeur.sheet(ecrites.constats)!.output!.rows).toHaveLength(r.constats.length);
          // The user's sheets are as they were.
          for (const [nom, grille] of Object.entries(avant))
            expect(classeur.sheet(nom)!.values).toEqual(grille);
        },
      ),
      { numRuns: 60 },
    );
  });
});

// —— Sheets whose establishment values agree row to row (so that no « first value read » decides) ——

const CODES = [
  ...CATALOGUES[0].formations.slice(0, 40).map((f) => f.code),
  "43033104",
  "40025214",
  "32031408",
];

interface Etablissement {
  readonly uai: string;
  readonly nom: string;
  readonly taux: CellValue;
  readonly reliquat: CellValue;
  readonly reponse: CellValue;
}

const etablissement = (uai: string) =>
  fc.record({
    uai: fc.constant(uai),
    nom: fc.constantFrom("Lycée Arago", "Lycée Bréguet", 'Lycée =HYPERLINK("x")', "Lycée Jean-Moulin"),
    taux: fc.constantFrom<CellValue>(null, "35 %", 0.2, "0,5"),
    reliquat: fc.constantFrom<CellValue>(null, 0, 1200.5, "20 000"),
    reponse: fc.constantFrom<CellValue>(null, "oui", "non"),
  });

const classeurCoherent = fc
  .shuffledSubarray(UAIS, { minLength: 1 })
  .chain((uais) => fc.tuple(...uais.map(etablissement)))
  .chain((etabs: Etablissement[]) => {
    const ligneValide = fc
      .record({
        e: fc.constantFrom(...etabs),
        code: fc.constantFrom(...CODES),
        effectif: fc.oneof(fc.integer({ min: 0, max: 40 }), fc.constantFrom<CellValue>("12", "douze", -1)),
        statut: fc.constantFrom("Scolaire", "Scolaire", "Apprenti"),
      })
      .map(({ e, code, effectif, statut }): CellValue[] => [e.uai, e.nom, code, effectif, statut]);
    const ligne = fc.oneof(
      { arbitrary: ligneValide, weight: 8 },
      // Junk rows: no valid UAI in them, so they never carry an establishment's value. Not a header
      // that moves a column: the rows below such a header are set aside (regles.md#lecture.entete-repetee),
      // the one thing the order of rows changes by design (test/corpus/lignes-total-doublons.test.ts).
      // Nor words under « Effectif » without a code: right under the header, such a row is the second
      // line of a two-line header and the sheet is not read (regles.md#lecture.entete-deux-lignes,
      // test/corpus/entete-deux-lignes.test.ts), which only its place decides.
      {
        arbitrary: fc
          .array(cellule, { maxLength: 5 })
          .map((r) => ["", ...r.slice(1)])
          .filter((r) => !deplaceUneColonne(r) && !secondeLigneDEntete(r)),
        weight: 1,
      },
    );
    return fc.record({
      etabs: fc.constant(etabs),
      lignes: fc
        .array(ligne, { maxLength: 60 })
        .chain((rows) =>
          fc
            .shuffledSubarray(rows, { maxLength: Math.min(5, rows.length) })
            .map((encore) => [...rows, ...encore]),
        ),
      melange: fc.array(fc.nat(), { minLength: 80, maxLength: 80 }),
    });
  });

const ENTETE: CellValue[] = ["UAI", "Établissement", "Code diplôme", "Effectif", "Statut"];

/** Words under « Effectif » (column D), no code (column C): a second header line if right under ENTETE. */
function secondeLigneDEntete(r: readonly CellValue[]): boolean {
  const codeVide = r[2] === null || r[2] === undefined || (typeof r[2] === "string" && r[2].trim() === "");
  return codeVide && typeof r[3] === "string" && /\p{L}/u.test(r[3]);
}

/** A row naming at least two distinct fields, once each, one of them in another column than ENTETE. */
function deplaceUneColonne(row: readonly CellValue[]): boolean {
  const champs = row.map((cell) => champDeLEntete(cell));
  const nommes = champs.filter((c) => c !== null);
  if (nommes.length < 2 || new Set(nommes).size < nommes.length) return false;
  const entete = ENTETE.map((cell) => champDeLEntete(cell));
  return champs.some((c, j) => c !== null && entete[j] !== c);
}

function feuilles(etabs: readonly Etablissement[], lignes: CellValue[][]): Record<string, CellValue[][]> {
  return {
    Effectifs: [["Rectorat — effectifs n-1"], [], ENTETE, ...lignes],
    Établissements: [
      ["UAI", "Taux de boursiers", "Reliquat pré-bac", "Réponse à l'enquête"],
      ...etabs.map((e) => [e.uai, e.taux, e.reliquat, e.reponse]),
    ],
  };
}

/** What a run decides, independent of where rows were: per establishment, and the counts. */
function decisions(r: ResultatDotations) {
  return {
    etablissements: r.etablissements.map((d) => ({
      uai: d.uai,
      nom: d.nom,
      effectifs: d.effectifs,
      boursiers: d.boursiersRetenus?.nombre ?? null,
      nette: [
        d.nette.preBac.valeur.toFixed(2),
        d.nette.postBac.valeur.toFixed(2),
        d.nette.total.valeur.toFixed(2),
      ],
      motifs: d.motifs.length,
      erreurs: d.erreurs,
    })),
    lignes: r.lignes,
    codes: r.constats.map((c) => c.code).sort(),
  };
}

/** A permutation of `rows` driven by the generated numbers (Fisher-Yates). */
function melanger<T>(rows: readonly T[], hasard: readonly number[]): T[] {
  const copie = [...rows];
  for (let i = copie.length - 1; i > 0; i--) {
    const j = hasard[i % hasard.length] % (i + 1);
    [copie[i], copie[j]] = [copie[j], copie[i]];
  }
  return copie;
}

describe("Calcul des dotations : ordre des lignes, relance, feuilles de l'utilisateur", () => {
  test("l'ordre des lignes d'effectifs ne change ni les dotations, ni les comptes, ni les constats", async () => {
    await fc.assert(
      fc.asyncProperty(classeurCoherent, async ({ etabs, lignes, melange }) => {
        const avant = await calculer(
          new MemoryWorkbook(feuilles(etabs, lignes)),
          ["Effectifs"],
          "Établissements",
        );
        const apres = await calculer(
          new MemoryWorkbook(feuilles(etabs, melanger(lignes, melange))),
          ["Effectifs"],
          "Établissements",
        );
        expect(decisions(apres)).toEqual(decisions(avant));
      }),
      { numRuns: 100 },
    );
  });

  test("la même extraction donnée deux fois (deux onglets) : mêmes dotations qu'une fois, aucune ligne du second onglet comptée", async () => {
    await fc.assert(
      fc.asyncProperty(classeurCoherent, async ({ etabs, lignes }) => {
        const une = feuilles(etabs, lignes);
        const seule = await calculer(new MemoryWorkbook(une), ["Effectifs"], "Établissements");
        const deux = await calculer(
          new MemoryWorkbook({ ...une, "Effectifs (2)": copie(une.Effectifs) }),
          ["Effectifs", "Effectifs (2)"],
          "Établissements",
        );
        expect(deux.etablissements.map((d) => [d.uai, d.effectifs, d.nette.total.valeur.toFixed(2)])).toEqual(
          seule.etablissements.map((d) => [d.uai, d.effectifs, d.nette.total.valeur.toFixed(2)]),
        );
        expect(deux.totaux.nette.total.equals(seule.totaux.nette.total)).toBe(true);
        // Every non-blank row of the second tab is read and set aside: nothing more is counted.
        const lignesCopie = une.Effectifs.slice(3).filter(nonVide).length;
        expect(deux.lignes.nonVides).toBe(seule.lignes.nonVides + lignesCopie);
        expect(deux.lignes.comptees).toBe(seule.lignes.comptees);
        expect(deux.constats.some((c) => c.code === "etablissement-plusieurs-feuilles")).toBe(false);
        verifierTotaux(deux);
      }),
      { numRuns: 100 },
    );
  });

  test("relancer redonne le même classeur ; une feuille de l'utilisateur au nom des résultats n'est jamais remplacée", async () => {
    await fc.assert(
      fc.asyncProperty(classeurCoherent, fc.boolean(), async ({ etabs, lignes }, homonyme) => {
        const utilisateur = feuilles(etabs, lignes);
        if (homonyme) utilisateur["Dotations ARE 2024-2025"] = [["Mes notes"], ["=SOMME(A1:A3)"]];
        const avant = copie(utilisateur);
        const classeur = new MemoryWorkbook(utilisateur);
        const une = async () =>
          ecrireDotations(classeur, await calculer(classeur, ["Effectifs"], "Établissements"));
        const premiers = await une();
        const apresUne = copie(classeur.sheets.map(({ name, values, owned }) => ({ name, values, owned })));
        const seconds = await une();
        expect(seconds).toEqual(premiers);
        expect(classeur.sheets.map(({ name, values, owned }) => ({ name, values, owned }))).toEqual(apresUne);
        if (homonyme) expect(premiers.dotations).toBe("Dotations ARE 2024-2025 (2)");
        for (const [nom, grille] of Object.entries(avant)) {
          const feuille = classeur.sheet(nom)!;
          expect(feuille.owned).toBe(false);
          expect(feuille.values).toEqual(grille);
        }
      }),
      { numRuns: 60 },
    );
  });
});
