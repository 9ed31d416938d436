/**
 * The range forms of the amount functions (ARE.DOTATION, ARE.NETTE, ARE.BOURSIERS; design.md §3 and
 * §8): one formula over a column that spills, Excel calling the function once for the whole range
 * instead of once per filled-down cell.
 *
 * Décision (regles.md#fonctions.plages-combinaison; design.md §3 is silent on how arguments combine): every argument is either a single cell
 * or value, which applies to every cell of the result (`ARE.DOTATION(B2:B100;"PRE BAC";2024)`), or a
 * range; all the ranges must have the same shape and pair cell by cell
 * (`ARE.BOURSIERS(B2:B100;C2:C100)`). Ranges of different shapes are one #VALEUR! naming both shapes,
 * never a silent truncation. A single value that cannot be read is one #VALEUR! for the whole call (it
 * is wrong for every cell alike); a cell of a range that cannot be read is #VALEUR! in its own place.
 */
import { ErreurArgument, nombreDe } from "../rules";
import { enMatrice, estVide } from "./arguments";
import { calculer, versErreurExcel } from "./errors";

/** One argument of a range form: how messages name it, what Excel passed, how one cell is read. */
export interface Lecteur<T> {
  readonly nom: string;
  readonly valeur: unknown;
  readonly lire: (cellule: unknown) => T;
}

type Lus<L extends readonly Lecteur<unknown>[]> = {
  [K in keyof L]: L[K] extends Lecteur<infer T> ? T : never;
};

/** « 100 lignes × 1 colonne », as the mismatch message names a shape. */
export function decrireForme(matrice: readonly (readonly unknown[])[]): string {
  const lignes = matrice.length;
  const colonnes = matrice[0]?.length ?? 0;
  return `${nombreDe(lignes, "ligne")} × ${nombreDe(colonnes, "colonne")}`;
}

const estUnique = (matrice: readonly (readonly unknown[])[]) =>
  matrice.length === 1 && matrice[0].length === 1;

/**
 * The result of `calcul` for every cell, in the shape of the arguments' ranges ([[value]] when every
 * argument is a single value: Excel then shows a single value, and any error is thrown as before).
 * Arguments are read in the order of `lecteurs`, which fixes which message a cell with several
 * problems shows.
 *
 * Décision (regles.md#fonctions.plages-lignes-vides): in a range of more than one cell, a cell whose range arguments are all blank gives an
 * empty result, as ARE.ELIGIBLE does (design.md §3: « A blank cell in a range gives an empty
 * result »), so that a spill over a column with gaps leaves the gaps blank; a single blank cell keeps
 * its scalar meaning (a blank effectif counts as 0).
 */
export function parCellules<L extends readonly Lecteur<unknown>[], R>(
  lecteurs: readonly [...L],
  calcul: (...lus: Lus<L>) => R,
): (R | "" | CustomFunctions.Error)[][] {
  return calculer(() => {
    const matrices = lecteurs.map((lecteur) => enMatrice(lecteur.valeur));
    const plages = lecteurs.map((_, i) => i).filter((i) => !estUnique(matrices[i]));
    for (const i of plages.slice(1)) verifierForme(lecteurs, matrices, plages[0], i);
    // Single values are read once, before any cell: an error there is the whole call's.
    const communs = lecteurs.map((lecteur, i) =>
      plages.includes(i) ? undefined : lecteur.lire(matrices[i][0][0]),
    );
    if (plages.length === 0) return [[calcul(...(communs as Lus<L>))]];

    const forme = matrices[plages[0]];
    const lus = communs.slice();
    const cellule = (r: number, c: number): R | "" | CustomFunctions.Error => {
      if (plages.every((i) => estVide(matrices[i][r][c]))) return "";
      try {
        for (const i of plages) lus[i] = lecteurs[i].lire(matrices[i][r][c]);
        return calcul(...(lus as Lus<L>));
      } catch (error) {
        return versErreurExcel(error);
      }
    };
    if (plages.length > 1) return forme.map((ligne, r) => ligne.map((_, c) => cellule(r, c)));

    // One range, the other arguments common to every cell (a column of effectifs, the catégorie and the
    // year given once): the column repeats its values, and each distinct one is computed once. Only
    // results are kept — a value that cannot be read gives its error in each of its cells.
    const plage = matrices[plages[0]];
    const resultats = new Map<unknown, R | "">();
    return forme.map((ligne, r) =>
      ligne.map((_, c) => {
        const valeur = plage[r][c];
        // An object (an error value) is never the same cell twice, and a Map takes -0 for 0: not kept.
        if (typeof valeur === "object" || Object.is(valeur, -0)) return cellule(r, c);
        const connu = resultats.get(valeur);
        if (connu !== undefined) return connu;
        const resultat = cellule(r, c);
        if (!(resultat instanceof CustomFunctions.Error)) resultats.set(valeur, resultat);
        return resultat;
      }),
    );
  });
}

function verifierForme(
  lecteurs: readonly Lecteur<unknown>[],
  matrices: readonly unknown[][][],
  premiere: number,
  autre: number,
): void {
  const [a, b] = [matrices[premiere], matrices[autre]];
  const memeForme = a.length === b.length && a.every((ligne, r) => ligne.length === b[r].length);
  if (memeForme) return;
  throw new ErreurArgument(
    "plages-de-tailles-differentes",
    `Plages de tailles différentes : ${lecteurs[premiere].nom} ${decrireForme(a)}, ${lecteurs[autre].nom} ${decrireForme(b)}. Donnez des plages de même taille, ou une seule cellule pour une valeur commune à toutes les lignes.`,
  );
}
