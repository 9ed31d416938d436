import {
  champDeLEntete,
  detecterEntete,
  LecteurBilan,
  ligneDuTableauAuDessus,
  SessionLecture,
} from "../../src/sheet";
import type { CellValue } from "../../src/workbook/port";
import { ENTETE, feuille, lire } from "./grille";

describe("Ligne d'en-tête et correspondance des colonnes (design.md §4)", () => {
  test("l'en-tête est trouvé sous un titre, une date et une ligne vide", () => {
    const { lecteur, comptees } = lire([
      ["Rectorat de Paris — effectifs de 1ère année, rentrée 2023"],
      ["Extraction du 12/10/2023"],
      [],
      ENTETE,
      ["0750655E", "Lycée A", "50022137", "BOULANGER (CAP)", 24],
    ]);
    expect(lecteur.entete?.ligne).toBe(4);
    expect(comptees).toEqual([
      expect.objectContaining({ ligne: 5, uai: "0750655E", effectif: 24, categorie: "PRE_BAC" }),
    ]);
  });

  test("des lignes de données collées au-dessus de l'en-tête : non lues, mais chacune citée (erreur) ; les titres, non", () => {
    const { lecteur, comptees, session } = lire([
      ["Rectorat de Paris — effectifs de 1ère année"],
      ["0750655E", "Lycée A", "50022137", "BOULANGER (CAP)", 16],
      ["0750655E", "Lycée A", 40025408, "CARROSSERIE (BAC PRO)", 12],
      ENTETE,
      ["0750655E", "Lycée A", "50022137", "BOULANGER (CAP)", 24],
    ]);
    expect(lecteur.entete?.ligne).toBe(4);
    expect(comptees.map((c) => c.ligne)).toEqual([5]);
    expect(session.constats.map((c) => [c.code, c.gravite, c.ligne])).toEqual([
      ["ligne-avant-entete", "erreur", 2],
      ["ligne-avant-entete", "erreur", 3],
    ]);
    expect(session.constats[0].message).toBe(
      "Ligne 2 au-dessus de l'en-tête (ligne 4) : elle n'est pas lue. Si ce sont des données, déplacez-les sous la ligne d'en-tête ; sinon, supprimez-la.",
    );
    expect(lecteur.bilan()).toMatchObject({ nonVides: 3, comptees: 1, ecartees: 2 });
  });

  test("une ligne de formulaire au-dessus de l'en-tête (« UAI | 0750655E », « Année | 2024 ») n'est pas une ligne du tableau", () => {
    const { lecteur, session } = lire([
      ["Effectifs du lycée"],
      ["UAI", "0750655E"],
      ["Année", 2024],
      [],
      ENTETE,
      ["0750655E", "Lycée A", "50022137", "BOULANGER (CAP)", 24],
    ]);
    expect(lecteur.entete?.ligne).toBe(5);
    expect(session.constats).toEqual([]);
    expect(lecteur.bilan()).toMatchObject({ nonVides: 1, comptees: 1, ecartees: 0 });
  });

  test.each([
    ["UAI", "uai"],
    ["RNE", "uai"],
    ["Code UAI", "uai"],
    ["N° UAI", "uai"],
    ["Code diplôme", "codeFormation"],
    ["Code formation", "codeFormation"],
    ["Code formation diplôme", "codeFormation"],
    ["CFD", "codeFormation"],
    ["Code formation diplôme (CFD)", "codeFormation"],
    ["Effectif", "effectif"],
    ["Effectifs", "effectif"],
    ["Effectif n-1", "effectif"],
    ["Effectif (n-1)", "effectif"],
    ["Effectifs 1ère année", "effectif"],
    ["Effectif 1re année", "effectif"],
    ["Effectifs 1re année", "effectif"],
    ["Nb élèves", "effectif"],
    ["Nombre d'élèves", "effectif"],
    ["Taux de boursiers", "tauxBoursiers"],
    ["Reliquat pré-bac", "reliquatPreBac"],
    ["Reliquat post-bac", "reliquatPostBac"],
    ["Réponse à l'enquête", "aRepondu"],
    ["A répondu", "aRepondu"],
    ["Changement de filière", "entreeDirecte"],
    ["Année de formation", "anneeFormation"],
    ["Effectif total", "effectifTotal"],
    ["Boursiers", "boursiers"],
    ["Statut", "statut"],
  ])("« %s » désigne le champ %s", (entete, champ) => {
    expect(champDeLEntete(entete)).toBe(champ);
  });

  test("casse, accents, espaces et ponctuation sont ignorés dans les en-têtes", () => {
    for (const entete of ["code DIPLOME", "CODE-DIPLÔME", " Code  diplôme "])
      expect(champDeLEntete(entete)).toBe("codeFormation");
    for (const entete of ["EFFECTIFS 1ERE ANNEE", "effectifs 1ère année", "Nb. élèves"])
      expect(champDeLEntete(entete)).toBe("effectif");
    expect(champDeLEntete("n°uai")).toBe("uai");
    expect(champDeLEntete("Remarques")).toBeNull();
  });

  test("les colonnes inconnues sont listées comme ignorées", () => {
    const { lecteur } = lire([
      ["RNE", "CFD", "Nb élèves", "Remarques"],
      ["0750655E", "50022137", 24, "ok"],
    ]);
    expect(lecteur.entete?.colonnes).toMatchObject({
      uai: { lettre: "A", entete: "RNE" },
      codeFormation: { lettre: "B", entete: "CFD" },
      effectif: { lettre: "C", entete: "Nb élèves" },
    });
    expect(lecteur.entete?.ignorees).toEqual([{ index: 3, lettre: "D", entete: "Remarques" }]);
  });

  test("la correspondance se corrige : un champ vers une autre colonne, ou retiré (null)", () => {
    const grille = [
      ["UAI", "Code diplôme", "Effectif", "Effectif rentrée 2023", "Statut"],
      ["0750655E", "50022137", 99, 24, "Apprenti"],
    ];
    const { comptees, de } = lire(grille, { correction: { effectif: 3, statut: null } });
    expect(de("apprentissage")).toEqual([]);
    expect(comptees.map((l) => l.effectif)).toEqual([24]);
  });

  test("une seconde colonne du même champ est ignorée, avec une info", () => {
    const { de, comptees } = lire([
      ["UAI", "RNE", "Code diplôme", "Effectif"],
      ["0750655E", "0750654D", "50022137", 5],
    ]);
    expect(comptees[0].uai).toBe("0750655E");
    expect(de("colonne-en-double")).toEqual([
      expect.objectContaining({ gravite: "info", ligne: 1, colonne: "B" }),
    ]);
  });

  test("un en-tête répété plus bas (collage) ne remplace pas le premier", () => {
    const grille = [
      ENTETE,
      ["0750655E", "A", "50022137", "", 3],
      ENTETE,
      ["0750655E", "A", "50022141", "", 4],
    ];
    expect(detecterEntete(feuille(grille))?.entete.ligne).toBe(1);
  });

  test("sans ligne d'en-tête : une erreur, et chaque ligne non vide est écartée sous ce motif", () => {
    const { lecteur, de } = lire([["0750655E", "50022137", 24], [], ["0750654D", "50022141", 12]]);
    expect(lecteur.entete).toBeNull();
    expect(de("entete-introuvable")).toEqual([expect.objectContaining({ gravite: "erreur", ligne: null })]);
    expect(lecteur.bilan()).toEqual({
      nonVides: 2,
      comptees: 0,
      ecartees: 2,
      ecarteesParMotif: { "entete-introuvable": 2 },
    });
  });

  test("une colonne indispensable absente : erreur qui la nomme, la feuille n'est pas lue", () => {
    const { de, lecteur } = lire([
      ["UAI", "Code diplôme", "Libellé"],
      ["0750655E", "50022137", "BOULANGER"],
    ]);
    const [erreur] = de("colonne-manquante");
    expect(erreur).toMatchObject({ gravite: "erreur", ligne: 1 });
    expect(erreur.message).toContain("« Effectif »");
    expect(lecteur.bilan()).toMatchObject({ nonVides: 1, comptees: 0, ecartees: 1 });
  });

  test("une feuille vide est une erreur", () => {
    expect(lire([]).de("feuille-vide")).toHaveLength(1);
    expect(lire([[null, " "], []]).de("feuille-vide")).toHaveLength(1);
  });

  test("plage utilisée commençant en C5 : lignes et lettres de colonnes telles qu'Excel les montre", () => {
    const { lecteur, de, comptees } = lire(
      [
        ["UAI", "Code diplôme", "Effectif"],
        ["0750655E", "50022137", 24],
        ["0750655E", "50022141", "douze"],
      ],
      { rowOffset: 4, columnOffset: 2 },
    );
    expect(lecteur.entete).toMatchObject({
      ligne: 5,
      colonnes: { uai: { index: 2, lettre: "C" }, effectif: { index: 4, lettre: "E" } },
    });
    expect(comptees[0].ligne).toBe(6);
    expect(de("effectif-texte")).toEqual([expect.objectContaining({ ligne: 7, colonne: "E" })]);
  });

  test("une correction désigne la colonne de la feuille (A = 0), quel que soit le début de la plage", () => {
    const { comptees } = lire(
      [
        ["UAI", "Code diplôme", "Effectif", "Nouveaux"],
        ["0750655E", "50022137", 24, 7],
      ],
      { rowOffset: 4, columnOffset: 2, correction: { effectif: 5 } },
    );
    expect(comptees[0].effectif).toBe(7);
  });
});

describe("Bilan et demande : une ligne du tableau au-dessus de l'en-tête, pas une ligne du formulaire", () => {
  // The bilan's table (columns A-G) as the template lays it out: code in B, élèves aidés in E, montant in F.
  const ENTETE_BILAN = [
    "Libellé de la formation",
    "Code formation diplôme",
    "Enveloppe",
    "Effectif n-1 (référence)",
    "Élèves aidés",
    "Montant des achats",
    "Type d'équipement",
  ];

  test.each<[string, CellValue[], boolean]>([
    ["un achat : code et montant", ["BOULANGER (CAP)", "50022137", "pré-bac", 24, 24, 3600, null], true],
    ["un code seul, sans montant", [null, "50022137"], true],
    ["un code en nombre, zéro initial perdu", [null, 1022201, null, null, null, 120], true],
    ["un code à lettres de la BCN", [null, "2602230A", null, null, null, 120], true],
    ["un code MEF avec un montant", [null, "24020003210", null, null, 3, 120], true],
    ["un code à 7 chiffres en texte avec un montant", [null, "5002213", null, null, null, 120], true],
    ["« UAI | 0750655E »", ["UAI", "0750655E"], false],
    [
      "« Dotation reçue pré-bac | 10 776 »",
      ["Dotation reçue pré-bac (initiale et complémentaire)", 10776],
      false,
    ],
    [
      "un libellé inconnu et un montant dans la colonne du code",
      ["Dotation complémentaire pré-bac", 796],
      false,
    ],
    ["un libellé connu dont la valeur a 8 chiffres", ["Dotation reçue pré-bac", 12345678], false],
    ["un titre de 8 lettres dans la colonne du code", [null, "CONTACTS", null, null, null, 12], false],
    ["un code mal formé sans nombre à côté", [null, "5002213"], false],
    ["un titre", ["Bilan ARE 2023-2024 — compte rendu d'utilisation des dotations"], false],
  ])("%s", (_nom, row, attendu) => {
    expect(ligneDuTableauAuDessus(row, 1, [5, 4])).toBe(attendu);
  });

  test("dans un bilan, l'achat au-dessus de l'en-tête est écarté et bloque le reliquat de son enveloppe", () => {
    const session = new SessionLecture(2023);
    const lecteur = new LecteurBilan(
      feuille([
        ["UAI", "0751234J"],
        ["Dotation reçue pré-bac", 10776],
        ["BOULANGER (CAP)", "50022137", "pré-bac", 24, 24, 3600, "Matériel, outillage et instruments"],
        ["PATISSIER (CAP)", "50022141", "pré-bac", 12, 12, 0, "Matériel, outillage et instruments"],
        ENTETE_BILAN,
        ["3EME PREPA-METIERS", "67010031", "pré-bac", 15, 15, 600, "Matériel, outillage et instruments"],
      ]),
      session,
    );
    while (!lecteur.fini) lecteur.lireTranche(100);
    expect(session.constats.map((c) => [c.code, c.gravite, c.ligne])).toEqual([
      ["ligne-avant-entete", "erreur", 3],
      ["ligne-avant-entete", "erreur", 4],
    ]);
    // The row at 0 € is reported but changes no reliquat; the 3 600 € one leaves pré-bac unknown.
    expect(lecteur.achatsEnErreur).toEqual([{ ligne: 3, enveloppes: ["preBac"] }]);
    expect(lecteur.bilan()).toMatchObject({ nonVides: 3, comptees: 1, ecartees: 2 });
  });
});
