import { Decimal } from "../../src/rules";
import {
  estStatutApprenti,
  lectureStatut,
  lireAnneeFormation,
  lireEntier,
  lireMontant,
  motifStatut,
} from "../../src/sheet";
import { lireOuiNon } from "../../src/rules";

describe("Lecture d'un effectif", () => {
  test.each([
    [24, 24],
    ["24", 24],
    [" 24 ", 24],
    ["1 234", 1234],
    ["1\u00a0234", 1234],
    ["1\u202f234", 1234],
    ["12,0", 12],
    [0, 0],
  ])("%p se lit %p élèves", (cell, attendu) => {
    expect(lireEntier(cell)).toBe(attendu);
  });

  // Décision (regles.md#lecture.effectif-bruit-formule): =0,1*240 gives 24,000000000000004 in binary.
  test.each([
    [24.000000000000004, 24],
    [23.999999999999996, 24],
    [21.000000000000004, 21],
    ["24.000000000000004", 24],
    ["24,000000000000004", 24],
    [-5.551115123125783e-17, 0],
    [9999.999999999998, 10000],
    [10000.000000000002, 10000],
  ])("%p, bruit binaire d'une formule, se lit %p élèves", (cell, attendu) => {
    expect(lireEntier(cell)).toBe(attendu);
  });

  test.each([
    [24.5, "effectif-decimal"],
    [24.001, "effectif-decimal"],
    [24.0000001, "effectif-decimal"],
    ["24,0000001", "effectif-decimal"],
    [-24.000000000000004, "effectif-negatif"],
  ])("%p reste refusé (%s) : pas un bruit de formule", (cell, probleme) => {
    expect(lireEntier(cell)).toMatchObject({ probleme });
  });

  test("10 000 élèves est encore lu (plafond de vraisemblance inclus)", () => {
    expect(lireEntier(10000)).toBe(10000);
    expect(lireEntier("10 000")).toBe(10000);
  });

  test.each([
    [null, "effectif-vide"],
    ["  ", "effectif-vide"],
    [-3, "effectif-negatif"],
    ["-3", "effectif-negatif"],
    [12.5, "effectif-decimal"],
    ["12,5", "effectif-decimal"],
    ["douze", "effectif-texte"],
    [true, "effectif-texte"],
    [{ error: "#N/A" }, "erreur-excel"],
    [78467169400015, "effectif-invraisemblable"],
    ["10 001", "effectif-invraisemblable"],
    ["10001,0", "effectif-invraisemblable"],
  ])("%p est refusé (%s) avec un message en français", (cell, probleme) => {
    const lu = lireEntier(cell);
    expect(lu).toMatchObject({ probleme });
    expect(typeof lu === "object" && lu.message.length).toBeGreaterThan(20);
  });
});

describe("Lecture d'un montant (reliquats), exacte au centime", () => {
  test.each([
    [1200.5, "1200.5"],
    ["1 200,50 €", "1200.5"],
    ["1\u00a0200,50\u00a0€", "1200.5"],
    ["1200.50", "1200.5"],
    ["1.200,50", "1200.5"],
    ["1,200.50", "1200.5"],
    ["1 200 EUR", "1200"],
    ["-", "0"],
    ["néant", "0"],
    [0.1 + 0.2, "0.3"],
  ])("%p vaut %s €", (cell, attendu) => {
    const lu = lireMontant(cell, "Reliquat pré-bac");
    expect(lu.ok && lu.valeur.equals(new Decimal(attendu))).toBe(true);
    expect(lu.ok && lu.arrondi).toBe(false);
  });

  test("plus de deux décimales saisies : arrondi au centime, et la lecture le dit", () => {
    const lu = lireMontant("10,5555", "Reliquat pré-bac");
    expect(lu).toMatchObject({ ok: true, arrondi: true });
    expect(lu.ok && lu.valeur.toString()).toBe("10.56");
  });

  test("« 1.200 » ou « 1,200 » seuls sont ambigus (1 200 € ou 1,20 €) : refusés plutôt que devinés", () => {
    for (const texte of ["1.200", "1,200"]) {
      const lu = lireMontant(texte, "Reliquat pré-bac");
      expect(lu).toMatchObject({ ok: false, negatif: false });
      expect(!lu.ok && lu.message).toContain("ambigu");
    }
    expect(lireMontant("1.200.000", "Reliquat pré-bac")).toMatchObject({ ok: true });
  });

  test("un montant de plus d'un milliard d'euros est invraisemblable : refusé, message court", () => {
    const lu = lireMontant("9".repeat(1500), "Reliquat pré-bac");
    expect(lu).toMatchObject({ ok: false, negatif: false });
    expect(!lu.ok && lu.message).toContain("invraisemblable");
    expect(!lu.ok && lu.message.length).toBeLessThan(300);
    expect(lireMontant(1_000_000_000, "Reliquat pré-bac")).toMatchObject({ ok: true });
  });

  test("négatif, texte ou erreur Excel : refusé avec le motif", () => {
    expect(lireMontant(-5, "Reliquat pré-bac")).toMatchObject({ ok: false, negatif: true });
    expect(lireMontant("beaucoup", "Reliquat pré-bac")).toMatchObject({ ok: false, negatif: false });
    expect(lireMontant({ error: "#REF!" }, "Reliquat pré-bac")).toMatchObject({ ok: false });
  });
});

describe("Réponse à l'enquête, entrée directe : oui/non", () => {
  test.each([
    ["oui", true],
    ["Oui", true],
    ["VRAI", true],
    ["x", true],
    [1, true],
    [true, true],
    ["non", false],
    ["Faux", false],
    [0, false],
    [false, false],
    ["peut-être", null],
    [2, null],
  ])("%p → %p", (cell, attendu) => {
    expect(lireOuiNon(cell)).toBe(attendu);
  });
});

describe("Année de formation (R5)", () => {
  test.each([
    [1, 1],
    ["1", 1],
    ["1ère année", 1],
    ["1re année", 1],
    ["Première année", 1],
    ["2e année", 2],
    ["2ème année", 2],
    [3, 3],
    ["1ère", 1],
    ["3ème", 3],
    ["1er", 1],
    ["2nde année", 2],
    ["Seconde année", 2],
    ["Année 2", 2],
    // Class names: the same class is another year from one formation to another (regles.md).
    ["seconde", null],
    ["2nde", null],
    ["2nd", null],
    ["2de", null],
    ["2NDE PRO", null],
    ["1ère pro", null],
    ["1re STMG", null],
    ["1ère bac pro", null],
    ["Terminale", null],
    ["2 pro", null],
    [0, null],
    ["?", null],
  ])("%p → %p", (cell, attendu) => {
    expect(lireAnneeFormation(cell)).toBe(attendu);
  });
});

describe("Statut apprenti (R5)", () => {
  test.each([
    ["Apprenti", true],
    ["apprentie", true],
    ["APPRENTISSAGE", true],
    ["Contrat de professionnalisation", true],
    ["contrat pro", true],
    ["Scolaire", false],
    ["Non apprenti", false],
    ["non-apprentie", false],
    ["Hors apprentissage", false],
    ["Pas en apprentissage", false],
    ["Sans contrat", false],
    ["ST", false],
    // Work-study is one of the two contracts; the short codes of an extraction (ST scolaire, AP apprenti).
    ["Alternance", true],
    ["En alternance", true],
    ["Alternante", true],
    ["Contrat de pro", true],
    ["en contrat pro", true],
    ["AP", true],
    ["App.", true],
    ["Apprenti sans contrat", true],
    ["Contrat d'apprentissage", true],
    ["Hors alternance", false],
    ["Non alternant", false],
    ["Scolaire (non apprenti)", false],
    ["Scolaire, hors contrat de professionnalisation", false],
    ["Contrat provisoire", false],
    ["Formation continue", false],
  ])("%p → %p", (cell, attendu) => {
    expect(estStatutApprenti(cell)).toBe(attendu);
  });
});

// R5 (regles.md#beneficiaires.hors-statut-scolaire): who is not a pupil under school status.
describe("motifStatut", () => {
  test.each([
    ["Scolaire", null],
    ["ST", null],
    ["Élève", null],
    ["Scolaire (non apprenti)", null],
    ["Public", null],
    ["Privé sous contrat", null],
    ["Formation continue", "hors-statut-scolaire"],
    ["FORMATION CONTINUE (GRETA)", "hors-statut-scolaire"],
    ["FC", "hors-statut-scolaire"],
    ["GRETA", "hors-statut-scolaire"],
    ["Stagiaire", "hors-statut-scolaire"],
    ["Stagiaire de la formation professionnelle", "hors-statut-scolaire"],
    ["Non scolaire", "hors-statut-scolaire"],
    ["Hors statut scolaire", "hors-statut-scolaire"],
    ["Auditeur libre", "hors-statut-scolaire"],
    // An apprentice stays an apprentice, whatever else the status says.
    ["Apprenti hors statut scolaire", "apprentissage"],
    ["Apprenti", "apprentissage"],
    // Pupils and others on one row: the effectif cannot be split.
    ["Scolaires et apprentis", "statut-mixte"],
    ["Scolaires et formation continue", "statut-mixte"],
    ["Statut scolaire + GRETA", "statut-mixte"],
  ])("%p → %p", (cell, attendu) => {
    expect(motifStatut(cell)).toBe(attendu);
  });

  // regles.md#beneficiaires.apprentis-comptes: a number of apprentices on the row mixes them with pupils.
  test("une colonne qui compte les apprentis : 0 est une ligne d'élèves, plus est mêlé", () => {
    expect(lectureStatut("Statut")).toBe(0);
    expect(lectureStatut("Apprentis")).toBe(1);
    expect(lectureStatut("Dont apprentis")).toBe(2);
    expect(lectureStatut("Nombre d'apprentis")).toBe(2);
    expect(lectureStatut("Effectif apprentis")).toBe(2);
    expect([0, "0", "0,0", 1, " 1 ", 8, "8,0", -3, 0.5].map((n) => motifStatut(n, 2))).toEqual([
      null,
      null,
      null,
      "statut-mixte",
      "statut-mixte",
      "statut-mixte",
      "statut-mixte",
      "statut-mixte",
      "statut-mixte",
    ]);
    // Under « Apprenti », 1 says oui: the row is of apprentices; 2 and more are a count.
    expect([0, 1, "1", "1,0", 2, "8"].map((n) => motifStatut(n, 1))).toEqual([
      null,
      "apprentissage",
      "apprentissage",
      "apprentissage",
      "statut-mixte",
      "statut-mixte",
    ]);
    expect(motifStatut(8)).toBeNull();
    expect(motifStatut("oui", 2)).toBe("apprentissage");
  });

  test("une colonne qui pose la question « Apprenti ? » : « non » est un élève", () => {
    expect(motifStatut("non", 1)).toBeNull();
    expect(motifStatut("oui", 1)).toBe("apprentissage");
    expect(motifStatut("Formation continue", 1)).toBe("hors-statut-scolaire");
  });
});
