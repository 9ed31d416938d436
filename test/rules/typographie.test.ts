/**
 * Issue 12, point 13: French typography of what users read — nothing breaks across a line inside a
 * number, a date or a school year, nor before « : ; ! ? € % » (regles.md#technique.typographie). The
 * expected texts are written by hand with their characters escaped: U+202F narrow no-break space,
 * U+00A0 no-break space, U+2011 non-breaking hyphen.
 */
import {
  lireNombreFrancais,
  lireAnneeScolaire,
  sansCoupure,
  libelleAnnee,
  texteSaisi,
  typographier,
  typographierHtml,
  Decimal,
} from "../../src/rules";

describe("typographier : les espaces et traits d'union où une ligne ne doit pas se couper", () => {
  test.each([
    ["nombres groupés", "Alertes (188 931)", "Alertes (188\u202f931)"],
    ["plusieurs groupes", "1 234 567 lignes", "1\u202f234\u202f567 lignes"],
    ["montant et euro", "Total : 1 600,00 €", "Total\u00a0: 1\u202f600,00\u00a0€"],
    ["pourcentage", "taux 6,31 %", "taux 6,31\u00a0%"],
    ["; ! ?", "Confirmer 1199,2 ? oui ; non !", "Confirmer 1199,2\u00a0? oui\u00a0; non\u00a0!"],
    ["guillemets", "Feuille « Paris » écrite", "Feuille «\u00a0Paris\u00a0» écrite"],
    ["n°", "arrêté n° 2023-087", "arrêté n°\u00a02023\u2011087"],
    ["ligne et colonne", "Paris, ligne 12, colonne C", "Paris, ligne\u00a012, colonne\u00a0C"],
    ["ligne d'un grand nombre", "ligne 12 000", "ligne\u00a012\u202f000"],
    ["année scolaire", "Dotations 2024-2025", "Dotations 2024\u20112025"],
    ["mois", "IPC 2024-12", "IPC 2024\u201112"],
    ["date", "arrêté du 17 mars 2023", "arrêté du 17\u00a0mars\u00a02023"],
    ["premier du mois", "le 1er janvier 1980", "le 1er\u00a0janvier\u00a01980"],
    ["mois et année", "IPC décembre 2024 (base 2015)", "IPC décembre\u00a02024 (base 2015)"],
    ["n° en fin de texte, son numéro dans le suivant", "Demande n° ", "Demande n°\u00a0"],
  ])("%s : « %s »", (_, texte, attendu) => {
    expect(typographier(texte)).toBe(attendu);
  });

  test.each([
    ["deux années à la suite ne sont pas un nombre groupé", "2024 2025"],
    ["un mot contenant un trait d'union", "Pré-bac, post-bac"],
    ["le moins d'un nombre négatif", "-12"],
    ["une colonne nommée par un mot", "la colonne Effectif"],
    ["une formule", '=ARE.FORFAIT(2024;"3EME PREPA-METIERS")'],
  ])("inchangé : %s", (_, texte) => {
    expect(typographier(texte)).toBe(texte);
  });

  test("idempotent : un texte déjà typographié ne change plus", () => {
    const texte = "Feuille « Dotations ARE 2024-2025 » : 1 234,56 € ; ligne 5, colonne C ?";
    const une = typographier(texte);
    expect(typographier(une)).toBe(une);
    // Every plain space that stays is between two words.
    expect(une).toBe(
      "Feuille «\u00a0Dotations ARE 2024\u20112025\u00a0»\u00a0: 1\u202f234,56\u00a0€\u00a0; ligne\u00a05, colonne\u00a0C\u00a0?",
    );
  });

  test("une page HTML : ses textes typographiés, ses balises, attributs et formules tels quels", () => {
    expect(
      typographierHtml(
        '<p title="a : b">Forfait 2024-2025 : <strong>1 600 €</strong> ; <code>=ARE.FORFAIT(2024;"PRE BAC") </code> !</p>',
      ),
    ).toBe(
      '<p title="a : b">Forfait 2024\u20112025\u00a0: <strong>1\u202f600\u00a0€</strong>\u00a0; <code>=ARE.FORFAIT(2024;"PRE BAC") </code>\u00a0!</p>',
    );
    expect(typographierHtml("<pre>1 234 :</pre> 1 234 :")).toBe("<pre>1 234 :</pre> 1\u202f234\u00a0:");
  });

  test("un en-tête se coupe à ses espaces, jamais à un trait d'union", () => {
    expect(sansCoupure("Pré-bac (€)")).toBe("Pré\u2011bac (€)");
  });
});

describe("Années et nombres saisis : les formes affichées se relisent", () => {
  test("l'année affichée a un trait d'union insécable ; l'identifiant, un trait d'union simple", () => {
    expect(typographier(libelleAnnee(2024))).toBe("2024\u20112025");
    expect(libelleAnnee(2024)).toBe("2024-2025");
  });

  test.each([
    "2024-2025",
    "2024\u20112025", // copied from the pane
    "2024\u20132025", // a word processor's en dash
    "2024\u2010 2025",
    "2024\u00a0-\u00a02025",
    "2024/2025",
    "2024",
  ])("« %s » est l'année 2024-2025", (saisie) => {
    expect(lireAnneeScolaire(saisie)).toBe(2024);
  });

  test("texteSaisi : traits d'union insécables et tirets redeviennent des traits d'union", () => {
    expect(texteSaisi("2024\u201112 2024\u20142025 2024\u20132025")).toBe("2024-12 2024-2025 2024-2025");
  });

  test.each([
    ["1\u202f234,56\u00a0€", "1234.56", "euro"],
    ["1\u00a0234,56", "1234.56", null],
    ["12\u202f345\u202f678", "12345678", null],
    ["6,31\u00a0%", "6.31", "pourcent"],
    ["-1\u202f200,50\u00a0€", "-1200.5", "euro"],
  ])("le lecteur des nombres lit « %s » (espaces insécables des milliers)", (texte, valeur, unite) => {
    expect(lireNombreFrancais(texte)).toEqual({ ok: true, valeur: new Decimal(valeur), unite });
  });
});
