/**
 * Total and subtotal rows (design.md §4, issue 11 item 1): the word « total » anywhere in a row sets it
 * aside with « ligne-total », even when its UAI, code and effectif are valid — never summed.
 */
import { catalogueDeLAnnee } from "../../src/rules";
import { LibellesTotal, celluleTotal, contientMotTotal, estLibelleTotal } from "../../src/sheet";
import type { CellValue } from "../../src/workbook/port";
import { ENTETE, lire } from "./grille";

const BOULANGER: CellValue[] = ["0750655E", "Lycée A", "50022137", "BOULANGER (CAP)", 24];

describe("Lignes de total", () => {
  test.each([
    "Total",
    "TOTAL",
    "total",
    "Sous-total",
    "SOUS-TOTAL",
    "Sous total",
    "SousTotal",
    "S/Total",
    "Total Lycée B",
    "TOTAL BOULANGER",
    "Grand Total",
    "Total général",
    "0750655E Total",
    "50022137 Total",
    "Totaux",
    "TOTAL:",
    " total ",
  ])("« %s » est un mot « total »", (texte) => {
    expect(contientMotTotal(texte)).toBe(true);
  });

  test.each([
    "totalement",
    "Totalité des élèves",
    "TOTALISATEUR",
    "Prise en charge totale",
    "LYCEE TOTALEMENT RENOVE",
    "BOULANGER (CAP)",
    "ANIMATION-GESTION DE PROJETS DANS LE SECTEUR SPORTIF (BAC PRO)",
    "METIERS DE L'ELECTRICITE ET DE SES ENVIRONNEMENTS CONNECTES (BAC PRO)",
    "Lycée Voltaire",
    "tota",
    "",
  ])("« %s » n'en est pas un", (texte) => {
    expect(contientMotTotal(texte)).toBe(false);
  });

  test("« Ensemble » seul dans une cellule est un total ; « Ensemble scolaire Saint-Jean » non", () => {
    for (const texte of ["Ensemble", "ENSEMBLE", " ensemble ", "Ensemble :", "Ensemble."])
      expect([texte, estLibelleTotal(texte)]).toEqual([texte, true]);
    for (const texte of ["Ensemble scolaire Saint-Jean", "ensembles", "Lycée Ensemble"])
      expect([texte, estLibelleTotal(texte)]).toEqual([texte, false]);
  });

  test("aucun libellé de la liste indicative ni type de diplôme ne contient le mot « total » (aucune formation réelle n'est écartée)", () => {
    const catalogue = catalogueDeLAnnee(2023);
    expect(catalogue.formations.length).toBe(222);
    const touches = catalogue.formations.filter(
      (f) => contientMotTotal(f.libelle) || contientMotTotal(f.typeDiplome),
    );
    expect(touches).toEqual([]);
  });

  test("une ligne de total à l'UAI et au code valides n'est jamais comptée, où que soit le mot (libellé, nom, statut, UAI, code)", () => {
    const { lecteur, de } = lire([
      [...ENTETE, "Statut"],
      [...BOULANGER, "Scolaire"],
      ["0750655E", "Lycée A", "50022137", "TOTAL BOULANGER", 24, "Scolaire"],
      ["0750655E", "Total Lycée A", "50022137", "BOULANGER (CAP)", 24, "Scolaire"],
      ["0750655E", "Lycée A", "50022137", "BOULANGER (CAP)", 24, "Sous-total"],
      ["0750655E Total", null, null, null, 24, null],
      ["0750655E", "Lycée A", "50022137 Total", null, 24, null],
      ["Grand Total", null, null, null, 24, null],
    ]);
    expect(lecteur.effectifs).toEqual({ prepaMetiers: 0, preBac: 24, postBac: 0 });
    expect(lecteur.bilan()).toEqual({
      nonVides: 7,
      comptees: 1,
      ecartees: 6,
      ecarteesParMotif: { "ligne-total": 6 },
    });
    expect(de("ligne-total").map((c) => [c.gravite, c.ligne, c.colonne])).toEqual([
      ["info", 3, "D"],
      ["info", 4, "B"],
      ["info", 5, "F"],
      ["info", 6, "A"],
      ["info", 7, "C"],
      ["info", 8, "A"],
    ]);
    expect(de("ligne-total")[0].message).toContain("« TOTAL BOULANGER »");
    expect(de("ligne-total")[0].message).toContain("retirez le mot « total »");
  });

  test("« totalement » dans un libellé ne met pas la ligne de côté", () => {
    const { lecteur, constats } = lire([
      ENTETE,
      ["0750655E", "Lycée totalement rénové", "50022137", "BOULANGER (CAP)", 24],
    ]);
    expect(constats).toEqual([]);
    expect(lecteur.effectifs.preBac).toBe(24);
  });

  test("une ligne « Total » de la feuille des établissements n'enregistre pas d'établissement", () => {
    const { session } = lire([ENTETE, BOULANGER], {
      etablissements: [
        ["UAI", "Nom", "Taux de boursiers"],
        ["0750655E", "Lycée A", 0.3],
        ["0750654D", "Total Lycée B", 0.5],
      ],
    });
    expect(session.registre.get("0750654D")).toBeUndefined();
    expect(session.constats.filter((c) => c.code === "ligne-total")).toEqual([
      expect.objectContaining({ feuille: "Établissements", ligne: 3, colonne: "B" }),
    ]);
  });
});

describe("Verdicts « total » retenus par texte (LibellesTotal)", () => {
  test("même réponse que celluleTotal, textes répétés d'une ligne à l'autre ou non, au-delà du nombre de textes retenus", () => {
    const libelles = new LibellesTotal();
    const textes = [
      "Lycée Arago",
      "TOTAL BOULANGER",
      "BOULANGER (CAP)",
      "Scolaire",
      "Sous-total",
      "Ensemble",
      "Totalement",
    ];
    const lignes: CellValue[][] = [];
    for (let i = 0; i < 70_000; i++) {
      // Past 65 536 distinct texts, new ones are scanned without being kept: same answers.
      lignes.push([
        "0750655E",
        textes[i % textes.length],
        `Formation ${i}`,
        i % 3 === 0 ? textes[(i >> 2) % 7] : 24,
      ]);
    }
    expect(lignes.map((row) => libelles.celluleTotal(row))).toEqual(lignes.map((row) => celluleTotal(row)));
  });
});
