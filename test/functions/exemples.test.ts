/**
 * What a message asks the user to type fits the argument (issue 11 item 18): an index is « 114,18 »,
 * an amount « 1 200,50 », a number of concours « 2 », an indexation rate « 0,0368 »; and a function
 * never asks for the two counts of a taux de boursiers, which only a sheet can give (two columns).
 * Runs the TypeScript source.
 */
import { erreurDe, installCustomFunctionsGlobal } from "./customFunctionsStandIn";
import { boursiers, cpge, dotation, indexer, nette, reliquat, taux_ipc } from "../../src/functions/functions";

installCustomFunctionsGlobal();

function messageDe(calcul: () => unknown): string {
  const erreur = erreurDe(calcul);
  if (erreur.code === "#VALUE!") return erreur.message ?? "";
  throw new Error(`#VALUE! était attendue, reçu ${erreur.code}`);
}

describe("L'exemple d'un message est celui de l'argument", () => {
  test.each([
    [
      'ARE.TAUX_IPC("abc";107,4)',
      () => taux_ipc("abc", 107.4),
      /Indice de décembre n-1 .* \(par exemple 114,18\)/,
    ],
    ['ARE.CPGE("deux";9000;2024)', () => cpge("deux", 9000, 2024), /Nombre de concours .* \(par exemple 2\)/],
    ['ARE.CPGE(2;"abc";2024)', () => cpge(2, "abc", 2024), /Quotient familial .* \(par exemple 1 200,50\)/],
    ['ARE.NETTE("abc";0)', () => nette([["abc"]], [[0]]), /Dotation .* \(par exemple 1 200,50\)/],
    ['ARE.NETTE(2567;"12,5 %")', () => nette([[2567]], [["12,5 %"]]), /Reliquat .* \(par exemple 1 200,50\)/],
    ["ARE.RELIQUAT(100;0;VRAI)", () => reliquat(100, 0, true), /Dépense .* \(par exemple 1 200,50\)/],
    ['ARE.INDEXER("abc";0,0368)', () => indexer("abc", 0.0368), /Montant .* \(par exemple 1 200,50\)/],
    ['ARE.INDEXER(151;"abc")', () => indexer(151, "abc"), /Taux .* \(par exemple 0,0368\)/],
  ])("%s", (_formule, calcul, message) => {
    const texte = messageDe(calcul);
    expect(texte).toMatch(message);
    if (!/Indice/.test(texte)) expect(texte).not.toMatch(/114,18/);
  });

  test.each([
    ['ARE.BOURSIERS(48;"abc")', () => boursiers([[48]], [["abc"]])],
    ['ARE.DOTATION(48;"POST BAC";2024;"35 €")', () => dotation([[48]], [["POST BAC"]], [[2024]], [["35 €"]])],
  ])("%s ne demande pas les deux effectifs, qu'une fonction ne prend pas", (_formule, calcul) => {
    const texte = messageDe(calcul);
    expect(texte).toMatch(
      /Taux de boursiers « .* » illisible : saisissez un taux \(0,35\) ou un pourcentage \(35 %\)\./,
    );
    expect(texte).not.toMatch(/deux effectifs/);
  });
});
