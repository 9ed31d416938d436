import type { CellValue } from "../../src/workbook/port";
import { ENTETE, lire } from "./grille";

/** A grid with the usual header on row 1 and these rows below (row 2 onwards). */
const sous = (...rows: CellValue[][]) => [ENTETE, ...rows];

describe("Lignes comptées (R2-R5, R8)", () => {
  test("chaque ligne éligible ajoute son effectif à la ligne de dotation de son établissement", () => {
    const { lecteur, session, constats } = lire(
      sous(
        ["0750655E", "Lycée A", "50022137", "BOULANGER (CAP)", 24],
        ["0750655E", "Lycée A", 67010031, "3EME PREPA-METIERS", 12],
        ["0750655E", "Lycée A", "32025520", "ELECTROTECHNIQUE (BTS)", 30],
        ["0750654D", "Lycée B", "40025408", "REPARATION DES CARROSSERIES (BAC PRO)", 15],
      ),
    );
    expect(constats).toEqual([]);
    expect(lecteur.effectifs).toEqual({ prepaMetiers: 12, preBac: 39, postBac: 30 });
    expect(session.registre.get("0750655E")).toMatchObject({
      nom: "Lycée A",
      prepaMetiers: 12,
      preBac: 24,
      postBac: 30,
      lignesComptees: 3,
    });
    expect(session.registre.get("0750654D")).toMatchObject({ preBac: 15, postBac: 0 });
    expect(lecteur.bilan()).toEqual({ nonVides: 4, comptees: 4, ecartees: 0, ecarteesParMotif: {} });
  });

  test("un code éligible par la règle mais absent de la liste indicative compte, avec une alerte « hors-liste »", () => {
    const { comptees, de } = lire(sous(["0750655E", "", "50022199", "", 10]));
    expect(comptees).toHaveLength(1);
    expect(de("hors-liste")).toEqual([
      expect.objectContaining({ gravite: "alerte", ligne: 2, colonne: "C" }),
    ]);
    expect(de("hors-liste")[0].message).toContain("hors liste indicative 2023-2024");
  });

  test("les cellules vides d'une ligne (fusions) et les lignes entièrement vides ne comptent pas comme lignes", () => {
    const { lecteur } = lire(
      sous([null, null, null, null, null], ["0750655E", null, "50022137", null, 3], [" ", "", null]),
    );
    expect(lecteur.bilan().nonVides).toBe(1);
  });
});

describe("Codes formation (R2)", () => {
  test("un code MEF (11 caractères) est une erreur qui dit de reprendre le code diplôme", () => {
    const { de, comptees } = lire(sous(["0750655E", "", "24722106210", "", 10]));
    expect(comptees).toEqual([]);
    expect(de("code-mef")).toEqual([expect.objectContaining({ gravite: "erreur", ligne: 2, colonne: "C" })]);
    expect(de("code-mef")[0].message).toContain("code MEF");
  });

  test.each([
    ["5002213", "il compte 7 chiffres"],
    ["5002213A9", "il compte 9 caractères"],
    ["500-221", "caractères"],
  ])("un code mal formé (%s) est une erreur « code-invalide »", (code, attendu) => {
    const { de } = lire(sous(["0750655E", "", code, "", 10]));
    expect(de("code-invalide")).toHaveLength(1);
    expect(de("code-invalide")[0].message).toContain(attendu);
  });

  test("un code vide sur une ligne qui a un effectif est une erreur « code-vide »", () => {
    expect(lire(sous(["0750655E", "Lycée A", null, "BOULANGER", 10])).de("code-vide")).toEqual([
      expect.objectContaining({ gravite: "erreur", colonne: "C" }),
    ]);
  });

  test("une formation non éligible (ST2S, bac général) est une info avec le motif, pas une erreur", () => {
    const { de, constats, lecteur } = lire(
      sous(["0750655E", "", "43033104", "ST2S", 30], ["0750655E", "", "47010001", "", 60]),
    );
    expect(constats.every((c) => c.gravite === "info")).toBe(true);
    const [st2s, general] = de("formation-non-eligible");
    expect(st2s.message).toContain("ST2S");
    expect(general.message).toContain("bac général");
    expect(lecteur.bilan().ecarteesParMotif).toEqual({ "formation-non-eligible": 2 });
  });

  test("un code saisi en nombre de 7 chiffres est lu avec son zéro initial, et le motif le dit", () => {
    const { de } = lire(sous(["0750655E", "", 1022201, "", 5]));
    expect(de("formation-non-eligible")[0].message).toContain("01022201");
    expect(de("formation-non-eligible")[0].message).toContain("zéro initial");
  });
});

describe("Effectifs", () => {
  test.each([
    [null, "effectif-vide"],
    [-4, "effectif-negatif"],
    [12.5, "effectif-decimal"],
    ["12,5", "effectif-decimal"],
    ["douze", "effectif-texte"],
    [33142123456, "effectif-invraisemblable"],
  ])("un effectif %p est une erreur « %s » en colonne E, la ligne ne compte pas", (effectif, code) => {
    const { de, comptees } = lire(sous(["0750655E", "", "50022137", "", effectif]));
    expect(comptees).toEqual([]);
    expect(de(code)).toEqual([expect.objectContaining({ gravite: "erreur", ligne: 2, colonne: "E" })]);
  });

  test("les séparateurs de milliers et espaces insécables sont lus : « 1 234 » et « 1 234 »", () => {
    const { comptees, constats } = lire(
      sous(["0750655E", "", "50022137", "", "1 234"], ["0750654D", "", "50022137", "", "1\u00a0234"]),
    );
    expect(constats).toEqual([]);
    expect(comptees.map((l) => l.effectif)).toEqual([1234, 1234]);
  });
});

describe("Structure d'un collage", () => {
  test("les lignes de total et de sous-total sont des infos « ligne-total », non comptées", () => {
    const { de, comptees } = lire(
      sous(
        ["0750655E", "Lycée A", "50022137", "", 24],
        ["0750655E", "Sous-total Lycée A", null, null, 24],
        [null, null, null, "TOTAL GÉNÉRAL", 24],
        ["Total", null, "", null, 24],
      ),
    );
    expect(comptees).toHaveLength(1);
    expect(de("ligne-total").map((c) => [c.gravite, c.ligne])).toEqual([
      ["info", 3],
      ["info", 4],
      ["info", 5],
    ]);
  });

  test("une ligne d'en-tête répétée par un collage est une info « entete-repetee »", () => {
    const { de, comptees } = lire(
      sous(["0750655E", "", "50022137", "", 24], ENTETE, ["0750654D", "", "50022137", "", 5]),
    );
    expect(comptees).toHaveLength(2);
    expect(de("entete-repetee")).toEqual([expect.objectContaining({ gravite: "info", ligne: 3 })]);
  });

  test("une ligne de titre sans code ni effectif (cellules fusionnées) est une info « ligne-sans-donnees »", () => {
    const { de } = lire(
      sous([null, "LYCÉE JEAN-JAURÈS", null, null, null], ["0750655E", "", "50022137", "", 4]),
    );
    expect(de("ligne-sans-donnees")).toEqual([expect.objectContaining({ gravite: "info", ligne: 2 })]);
  });

  test("une ligne de données restée dans une seule cellule (autre séparateur) est une erreur « ligne-mal-decoupee »", () => {
    const { de, comptees } = lire(
      sous(
        ["0750655E,Lycée A,50022137,BOULANGER,4", null, null, null, null],
        ["0750655E", "", "50022137", "", 4],
      ),
    );
    expect(comptees).toHaveLength(1);
    expect(de("ligne-mal-decoupee")).toEqual([expect.objectContaining({ gravite: "erreur", ligne: 2 })]);
    expect(de("ligne-mal-decoupee")[0].message).toContain("« , »");
  });

  test("une note avec des virgules mais sans UAI ni code reste une info « ligne-sans-donnees »", () => {
    const { de } = lire(sous(["Source : rectorat, DEPP, rentrée 2022", null, null, null, null]));
    expect(de("ligne-mal-decoupee")).toEqual([]);
    expect(de("ligne-sans-donnees")).toHaveLength(1);
  });

  test("deux lignes entièrement identiques : comptées une fois, alerte « doublon » sur la seconde", () => {
    const ligne = ["0750655E", "Lycée A", "50022137", "BOULANGER", 24];
    const { de, comptees, lecteur } = lire(
      sous(ligne, [...ligne], ["0750655E", "Lycée A", "50022137", "BOULANGER", 25]),
    );
    expect(comptees.map((l) => l.effectif)).toEqual([24, 25]);
    expect(de("doublon")).toEqual([expect.objectContaining({ gravite: "alerte", ligne: 3, colonne: null })]);
    expect(de("doublon")[0].message).toContain("ligne 2");
    expect(lecteur.bilan()).toMatchObject({
      nonVides: 3,
      comptees: 2,
      ecartees: 1,
      ecarteesParMotif: { doublon: 1 },
    });
  });
});

describe("Doublons", () => {
  test("mêmes UAI, code et effectif mais libellé ou statut différent : pas un doublon ; le doublon exact est trouvé parmi eux", () => {
    const rows: CellValue[][] = [
      ["0750655E", "A", "50022137", "BOULANGER option 1", 12],
      ["0750655E", "A", "50022137", "BOULANGER option 2", 12],
      ["0750655E", "A", "50022137", "BOULANGER option 3", 12],
      ["0750655E", "A", "50022137", "BOULANGER option 2", 12],
      ["0750655E", "A", "50022137", { error: "#N/A" }, 12],
      ["0750655E", "A", "50022137", { error: "#N/A" }, 12],
    ];
    const { de, comptees } = lire(sous(...rows));
    expect(comptees.map((l) => l.ligne)).toEqual([2, 3, 4, 6]);
    expect(de("doublon").map((c) => [c.ligne, c.message.slice(0, 30)])).toEqual([
      [5, "Ligne identique à la ligne 3 :"],
      [7, "Ligne identique à la ligne 6 :"],
    ]);
  });
});

describe("UAI (R1)", () => {
  test("UAI manquant : erreur qui évoque les cellules fusionnées", () => {
    const { de } = lire(sous([null, "Lycée A", "50022137", "", 24]));
    expect(de("uai-manquant")).toEqual([expect.objectContaining({ gravite: "erreur", colonne: "A" })]);
    expect(de("uai-manquant")[0].message).toContain("fusionnées");
  });

  test("UAI mal formé : erreur", () => {
    expect(lire(sous(["075065", "", "50022137", "", 24])).de("uai-invalide")).toHaveLength(1);
  });

  test("mauvaise lettre de contrôle : alerte une fois par établissement, ses lignes comptent", () => {
    const { de, comptees } = lire(
      sous(["0750655F", "", "50022137", "", 24], ["0750655F", "", "50022141", "", 6]),
    );
    expect(comptees).toHaveLength(2);
    expect(de("uai-lettre-cle")).toEqual([
      expect.objectContaining({ gravite: "alerte", ligne: 2, colonne: "A" }),
    ]);
    expect(de("uai-lettre-cle")[0].message).toContain("« E »");
  });

  test("UAI hors Île-de-France : alerte, compté", () => {
    const { de, comptees } = lire(sous(["0601234R", "", "50022137", "", 24]));
    expect(comptees).toHaveLength(1);
    expect(de("uai-hors-ile-de-france")).toHaveLength(1);
  });

  test("l'UAI est normalisé (espaces, minuscule, apostrophe)", () => {
    const { comptees } = lire(
      sous([" 0750655e", "", "50022137", "", 1], ["'0750655E", "", "50022141", "", 2]),
    );
    expect(comptees.map((l) => l.uai)).toEqual(["0750655E", "0750655E"]);
  });
});

describe("Bénéficiaires (R5)", () => {
  const avecStatut = (...rows: CellValue[][]) => [["UAI", "Code diplôme", "Effectif", "Statut"], ...rows];

  test("apprentis et contrats de professionnalisation : info « apprentissage », jamais comptés", () => {
    const { de, comptees } = lire(
      avecStatut(
        ["0750655E", "50022137", 10, "Apprenti"],
        ["0750655E", "50022137", 11, "Contrat de professionnalisation"],
        ["0750655E", "50022137", 12, "apprentissage"],
        ["0750655E", "50022137", 13, "Scolaire"],
      ),
    );
    expect(comptees.map((l) => l.effectif)).toEqual([13]);
    expect(de("apprentissage").map((c) => [c.gravite, c.ligne, c.colonne])).toEqual([
      ["info", 2, "D"],
      ["info", 3, "D"],
      ["info", 4, "D"],
    ]);
  });

  const avecAnnee = (...rows: CellValue[][]) => [
    ["UAI", "Code diplôme", "Effectif", "Année de formation", "Entrée directe"],
    ...rows,
  ];

  test("2e et 3e années : info « hors-premiere-annee », sauf entrée directe après changement de filière", () => {
    const { de, comptees } = lire(
      avecAnnee(
        ["0750655E", "40025408", 20, 1, null],
        ["0750655E", "40025408", 18, "2e année", null],
        ["0750655E", "40025408", 16, 3, "non"],
        ["0750655E", "40025408", 4, 2, "oui"],
        ["0750655E", "40025408", 2, "1ère année", null],
      ),
    );
    expect(comptees.map((l) => l.effectif)).toEqual([20, 4, 2]);
    expect(de("hors-premiere-annee").map((c) => [c.gravite, c.ligne, c.colonne])).toEqual([
      ["info", 3, "D"],
      ["info", 4, "D"],
    ]);
  });

  test("une année de formation ou une entrée directe illisible est une erreur, la ligne ne compte pas", () => {
    const { de, comptees } = lire(
      avecAnnee(["0750655E", "40025408", 20, "seconde", null], ["0750655E", "40025408", 4, 2, "peut-être"]),
    );
    expect(comptees).toEqual([]);
    expect(de("annee-formation-illisible")).toEqual([
      expect.objectContaining({ gravite: "erreur", ligne: 2, colonne: "D" }),
    ]);
    expect(de("entree-directe-illisible")).toEqual([
      expect.objectContaining({ gravite: "erreur", ligne: 3, colonne: "E" }),
    ]);
  });

  test("une feuille de rectorat pleine d'exclusions légitimes ne donne aucune erreur", () => {
    const { constats } = lire([
      ["UAI", "Code diplôme", "Libellé", "Effectif", "Statut", "Année de formation"],
      ["0750655E", "43033104", "ST2S", 35, "Scolaire", 1],
      ["0750655E", "47010001", "Bac général", 300, "Scolaire", 1],
      ["0750655E", "50022137", "BOULANGER", 12, "Apprenti", null],
      ["0750655E", "50022137", "BOULANGER", null, "Apprenti", null],
      ["0750655E", "40025408", "CARROSSERIE", 18, "Scolaire", 2],
      ["0750655E", null, "Total lycée", 365, null, null],
    ]);
    expect(constats.length).toBe(6);
    expect(constats.filter((c) => c.gravite === "erreur")).toEqual([]);
  });
});

describe("Erreurs Excel dans les cellules", () => {
  test.each([
    [2, "A", ["#N/A" as const, "", "50022137", "", 5]],
    [2, "C", ["0750655E", "", "#N/A" as const, "", 5]],
    [2, "E", ["0750655E", "", "50022137", "", "#N/A" as const]],
  ])(
    "#N/A dans une colonne lue (ligne %i, colonne %s) : erreur « erreur-excel »",
    (ligne, colonne, cells) => {
      const row = cells.map((c) => (c === "#N/A" ? { error: "#N/A" } : c));
      const { de, comptees } = lire(sous(row));
      expect(comptees).toEqual([]);
      expect(de("erreur-excel")).toEqual([expect.objectContaining({ gravite: "erreur", ligne, colonne })]);
      expect(de("erreur-excel")[0].message).toContain("#N/A");
    },
  );

  test("une erreur Excel dans une colonne non utilisée (libellé) n'empêche pas de compter", () => {
    const { comptees, constats } = lire(sous(["0750655E", "", "50022137", { error: "#REF!" }, 5]));
    expect(comptees).toHaveLength(1);
    expect(constats).toEqual([]);
  });
});

describe("Rien ne se perd (design.md §4)", () => {
  test("chaque ligne non vide est comptée ou figure dans les constats avec son numéro de ligne", () => {
    const grille = [
      ["Extraction rectorat"],
      ENTETE,
      ["0750655E", "A", "50022137", "", 24], // 3 comptée
      ["0750655E", "A", "50022137", "", 24], // 4 doublon
      ["0750655E", "A", "43033104", "", 30], // 5 non éligible
      [null, null, null, null, null], // 6 vide
      ["0750655F", "B", "50022141", "", 8], // 7 comptée (alerte lettre clé)
      ["0750654D", "C", "24722106210", "", 9], // 8 code MEF
      ["0750654D", "C", "50022137", "", -1], // 9 effectif négatif
      ENTETE, // 10 en-tête répété
      [null, null, null, "Total", 62], // 11 total
      [null, "C", "50022137", "", 4], // 12 UAI manquant
      ["0750654D", "C", "50022199", "", 3], // 13 comptée (hors liste)
    ];
    const { lecteur, comptees, constats } = lire(grille);
    const bilan = lecteur.bilan();
    expect(bilan.nonVides).toBe(10);
    expect(bilan.comptees).toBe(3);
    expect(bilan.ecartees).toBe(7);
    expect(bilan.nonVides).toBe(bilan.comptees + bilan.ecartees);
    expect(comptees.map((l) => l.ligne)).toEqual([3, 7, 13]);
    const ecartees = new Set(
      constats.filter((c) => c.code !== "hors-liste" && c.code !== "uai-lettre-cle").map((c) => c.ligne),
    );
    expect([...ecartees].sort((a, b) => a! - b!)).toEqual([4, 5, 8, 9, 10, 11, 12]);
    expect(Object.values(bilan.ecarteesParMotif).reduce((a, b) => a + b, 0)).toBe(bilan.ecartees);
  });
});
