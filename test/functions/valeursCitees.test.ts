/**
 * How a message quotes the value a user passed (issue 11 item 18: messages in French). Excel passes
 * VRAI/FAUX as JavaScript booleans and 2024,5 as the number 2024.5: a message must say « VRAI » and
 * « 2024,5 », as French Excel shows them, never JavaScript's « true » or « 2024.5 ». Runs the
 * TypeScript source; contract.test.ts checks the built bundle.
 */
import { erreurDe, installCustomFunctionsGlobal } from "./customFunctionsStandIn";
import { boursiers, cpge, dotation, eligible, forfait, libelle, motif } from "../../src/functions/functions";

installCustomFunctionsGlobal();

describe("Valeurs citées à la française dans les messages", () => {
  test.each([
    ["ARE.FORFAIT(VRAI)", () => forfait(true), /Année scolaire « VRAI » illisible/],
    ["ARE.ELIGIBLE(50022137;FAUX)", () => eligible([[50022137]], false), /Année scolaire « FAUX » illisible/],
    [
      'ARE.DOTATION(10;"PRE BAC";VRAI)',
      () => dotation([[10]], [["PRE BAC"]], [[true]]),
      /Année scolaire « VRAI » illisible/,
    ],
    ["ARE.ELIGIBLE(VRAI;2024)", () => eligible([[true]], 2024), /Code formation « VRAI » invalide/],
    ["ARE.MOTIF(FAUX;2024)", () => motif([[false]], 2024), /Code formation « FAUX » invalide/],
    ["ARE.LIBELLE(VRAI)", () => libelle(true), /Code formation « VRAI » invalide/],
    ["ARE.BOURSIERS(48;VRAI)", () => boursiers([[48]], [[true]]), /Taux de boursiers « VRAI » illisible/],
    [
      'ARE.DOTATION(48;"POST BAC";2024;FAUX)',
      () => dotation([[48]], [["POST BAC"]], [[2024]], [[false]]),
      /Taux de boursiers « FAUX » illisible/,
    ],
  ])("%s : VRAI/FAUX, jamais true/false", (_formule, calcul, message) => {
    const erreur = erreurDe(calcul);
    expect(erreur.code).toBe("#VALUE!");
    expect(erreur.message).toMatch(message);
    expect(erreur.message).not.toMatch(/\b(true|false)\b/);
  });

  test.each([
    ["ARE.FORFAIT(2024,5)", () => forfait(2024.5), /Année scolaire « 2024,5 » illisible/],
    ["ARE.ELIGIBLE(5002213,7)", () => eligible([[5002213.7]], 2024), /Code formation « 5002213,7 » invalide/],
    ["ARE.CPGE(2,5;9000;2024)", () => cpge(2.5, 9000, 2024), /Nombre de concours 2,5 invalide/],
  ])("%s : la virgule décimale, jamais le point de JavaScript", (_formule, calcul, message) => {
    const erreur = erreurDe(calcul);
    expect(erreur.code).toBe("#VALUE!");
    expect(erreur.message).toMatch(message);
    expect(erreur.message).not.toMatch(/\d\.\d/);
  });
});

describe("Ce que le message dit d'un code en nombre", () => {
  test("ARE.ELIGIBLE(-50022137) : un nombre entier négatif est dit négatif, pas « non entier »", () => {
    const erreur = erreurDe(() => eligible([[-50022137]], 2024));
    expect(erreur.code).toBe("#VALUE!");
    expect(erreur.message).toMatch(/Code formation « -50022137 » invalide : c'est un nombre négatif/);
    expect(erreur.message).not.toMatch(/pas un nombre entier/);
  });

  test("ARE.ELIGIBLE(5002213,7) : un nombre décimal reste « pas un nombre entier »", () => {
    expect(erreurDe(() => eligible([[5002213.7]], 2024)).message).toMatch(/ce n'est pas un nombre entier/);
  });
});
