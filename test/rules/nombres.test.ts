/**
 * Le lecteur unique des nombres écrits à la française (design.md §4, issue 11 point 4) : chaque
 * écriture donne sa valeur exacte, ou un refus avec sa raison — jamais un nombre tronqué.
 */
import { lireNombreFrancais, lireNombreValeur, messageNombreIllisible } from "../../src/rules";

const lu = (texte: string) => {
  const r = lireNombreFrancais(texte);
  return r.ok ? { valeur: r.valeur.toString(), unite: r.unite } : { refus: r.probleme };
};

describe("Lecteur unique des nombres : ce qui se lit, exactement", () => {
  test.each([
    ["« 1234 » est un entier", "1234", "1234", null],
    ["« 1 234,56 » (espace) se lit 1234,56", "1 234,56", "1234.56", null],
    ["« 1\u00a0234,56 » (espace insécable) se lit 1234,56", "1\u00a0234,56", "1234.56", null],
    ["« 1\u202f234,56 » (espace fine insécable) se lit 1234,56", "1\u202f234,56", "1234.56", null],
    ["« 1 234,56 € » se lit 1234,56 euros", "1 234,56 €", "1234.56", "euro"],
    ["« 1 234,56 EUR » se lit 1234,56 euros", "1 234,56 EUR", "1234.56", "euro"],
    ["« 1.234,56 » (point des milliers) se lit 1234,56", "1.234,56", "1234.56", null],
    ["« 1,234.56 » (virgule des milliers) se lit 1234,56", "1,234.56", "1234.56", null],
    ["« 1234.56 » (point décimal) se lit 1234,56", "1234.56", "1234.56", null],
    ["« 1'234.56 » (apostrophe des milliers) se lit 1234,56", "1'234.56", "1234.56", null],
    ["« 1’234,56 » (apostrophe typographique) se lit 1234,56", "1’234,56", "1234.56", null],
    ["« 1.234.567 » (plusieurs points) se lit 1234567", "1.234.567", "1234567", null],
    ["« 1 234 567,891 » garde toutes ses décimales", "1 234 567,891", "1234567.891", null],
    ["« 35 % » se lit 35 pour cent", "35 %", "35", "pourcent"],
    ["« 35,0 % » se lit 35 pour cent", "35,0 %", "35", "pourcent"],
    ["« 0,35 » se lit 0,35", "0,35", "0.35", null],
    ["« 0.350 » (zéro en tête) n'est pas ambigu : 0,35", "0.350", "0.35", null],
    ["« 1234.567 » (quatre chiffres en tête) n'est pas ambigu", "1234.567", "1234.567", null],
    ["« 1 234.567 » (espace des milliers) n'est pas ambigu", "1 234.567", "1234.567", null],
    ["« 1,2340 » (quatre décimales) est décimal", "1,2340", "1.234", null],
    ["« 157,0050 » garde son demi-centime", "157,0050", "157.005", null],
    ["« 0,350 » (zéro en tête) n'est pas ambigu", "0,350", "0.35", null],
    ["« 1234,567 » (quatre chiffres en tête) n'est pas ambigu", "1234,567", "1234.567", null],
    ["« -12 » est négatif", "-12", "-12", null],
    ["« −12 » (signe moins) est négatif", "\u221212", "-12", null],
    ["« +12 » est positif", "+12", "12", null],
    ["« -0 » est 0", "-0", "0", null],
    ["« '1234 » (apostrophe d'Excel) se lit 1234", "'1234", "1234", null],
    ["«  12  » (espaces autour) se lit 12", "  12  ", "12", null],
    [
      "« 0,123456789012345678901 » garde chaque chiffre",
      "0,123456789012345678901",
      "0.123456789012345678901",
      null,
    ],
  ])("%s", (_nom, texte, valeur, unite) => {
    expect(lu(texte)).toEqual({ valeur, unite });
  });
});

describe("Lecteur unique des nombres : ce qui est refusé, jamais tronqué", () => {
  test.each([
    ["« 1.234 » est ambigu (mille deux cent trente-quatre ou 1,234 ?)", "1.234", "ambigu"],
    ["« 1,234 » est ambigu (1 234 ou 1,234 ?)", "1,234", "ambigu"],
    ["« 157,005 » est ambigu", "157,005", "ambigu"],
    ["« 12.500 » est ambigu", "12.500", "ambigu"],
    ["« 100.000 € » est ambigu", "100.000 €", "ambigu"],
    ["« 1 23 » (groupe de deux chiffres) est illisible, pas 123", "1 23", "illisible"],
    ["« 12.34.56 » est illisible, pas 123456", "12.34.56", "illisible"],
    ["« 1234 567 » (premier groupe de quatre chiffres) est illisible", "1234 567", "illisible"],
    ["« 1.234 567,8 » (deux séparateurs de milliers) est illisible", "1.234 567,8", "illisible"],
    ["« 1,2,3.4.5 » est illisible", "1,2,3.4.5", "illisible"],
    ["« 12 élèves » est illisible, pas 12", "12 élèves", "illisible"],
    ["« 12abc » est illisible, pas 12", "12abc", "illisible"],
    ["« ,5 » est illisible", ",5", "illisible"],
    ["« 5, » est illisible", "5,", "illisible"],
    ["« 1e3 » (notation scientifique) est illisible", "1e3", "illisible"],
    ["« Infinity » est illisible", "Infinity", "illisible"],
    ["« - » est illisible", "-", "illisible"],
    ["« 1,,5 » est illisible", "1,,5", "illisible"],
    ["une cellule vide est « vide »", "  ", "vide"],
  ])("%s", (_nom, texte, refus) => {
    expect(lu(texte)).toEqual({ refus });
  });

  test("un nombre d'Excel est pris tel quel, -0 vaut 0, l'infini est illisible", () => {
    const v = lireNombreValeur(-0);
    expect(v.ok && Object.is(v.valeur.toNumber(), 0)).toBe(true);
    expect(lireNombreValeur(12.5)).toMatchObject({ ok: true, unite: null });
    expect(lireNombreValeur(Infinity)).toEqual({ ok: false, probleme: "illisible" });
    expect(lireNombreValeur(true)).toEqual({ ok: false, probleme: "illisible" });
  });

  test("le message d'un texte ambigu donne les deux lectures", () => {
    expect(messageNombreIllisible("ambigu", "Montant", "1.234", "un montant")).toBe(
      "Montant « 1.234 » ambigu : séparateur des milliers ou des décimales ? Écrivez 1\u202f234 (avec une espace) pour le nombre entier, ou 1,2340 pour le nombre décimal.",
    );
  });

  test("le message cite au plus 60 caractères de ce qui a été saisi", () => {
    const message = messageNombreIllisible("illisible", "Indice", "9".repeat(5000) + "x", "un nombre");
    expect(message).toContain("… (5\u202f001 caractères)");
    expect(message.length).toBeLessThan(140);
  });
});
