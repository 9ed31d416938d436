/**
 * A line of a .csv cut into more values than its header has columns (design.md §4, Décision
 * regles.md#lecture.csv-valeurs-en-trop): « 12,5 » or « 802,50 » left unquoted in a comma-separated
 * file becomes two values, and every value after it sits one column too far right. Such a row is set
 * aside whole with « ligne-mal-decoupee » — never read with its values cut (12 élèves, 802 €, 50 %) —
 * and counted among the rows set aside. The grids are read from CSV text by the real reader.
 */
import { Decimal } from "../../src/rules";
import {
  LecteurBilan,
  LecteurDemande,
  SessionLecture,
  detecterEntete,
  lireDotationsEtablissement,
  lireFormulaireBilan,
  trouverFormulaire,
  type Constat,
  type LecteurFeuille,
} from "../../src/sheet";
import type { Delimiter } from "../../src/grid";
import { valeursEnTrop } from "../../src/sheet/decoupage";
import type { CellValue, SheetData } from "../../src/workbook/port";
import { readCsvGrid } from "../../src/xlsx";
import { feuille, lire } from "./grille";

/** The grid of a CSV text, as the command line reads a .csv (its separator detected). */
function grille(texte: string): { values: CellValue[][]; delimiter: Delimiter } {
  const { values, separator } = readCsvGrid(Buffer.from(texte, "utf8"));
  // Blank lines are holes in the CSV reader's grid (the used range fills them): empty rows here.
  return { values: Array.from(values, (row) => row ?? []), delimiter: separator };
}

/** Reads an effectif CSV text (and an establishments CSV text, with the same separator). */
function lireCsv(effectifs: string, etablissements?: string) {
  const { values, delimiter } = grille(effectifs);
  return lire(values, {
    delimiter,
    ...(etablissements ? { etablissements: grille(etablissements).values } : {}),
  });
}

function toutLire(lecteur: LecteurFeuille): void {
  while (!lecteur.fini) lecteur.lireTranche(2);
}

describe("Ligne d'effectifs de .csv découpée en plus de valeurs que de colonnes", () => {
  test("effectif « 12,5 » sans guillemets dans un CSV à virgules : ligne écartée, jamais comptée 12", () => {
    const { comptees, de, lecteur } = lireCsv(
      "UAI,Code formation diplôme,Libellé formation,Effectif\r\n" +
        "0751001F,50022137,BOULANGER (CAP),12,5\r\n" +
        "0751002G,50022139,CUISINE (CAP),24\r\n",
    );
    expect(comptees.map((l) => [l.ligne, l.effectif])).toEqual([[3, 24]]);
    expect(de("ligne-mal-decoupee")).toEqual([
      expect.objectContaining({ gravite: "erreur", ligne: 2, colonne: "E" }),
    ]);
    const message = de("ligne-mal-decoupee")[0].message;
    expect(message).toContain("Ligne de 5 valeurs pour 4 colonnes dans l'en-tête (ligne 1)");
    expect(message).toContain("séparé par des virgules");
    expect(message).toContain("nombre à virgule décimale écrit sans guillemets");
    expect(message).toContain("La ligne n'est pas comptée");
    // Never lost: counted among the rows set aside.
    expect(lecteur.bilan()).toEqual({
      nonVides: 2,
      comptees: 1,
      ecartees: 1,
      ecarteesParMotif: { "ligne-mal-decoupee": 1 },
    });
  });

  test("la virgule au milieu de la ligne décale les colonnes suivantes : la ligne est écartée aussi", () => {
    // Read as it stands: effectif 12, libellé « 5 », and « CUISINE (CAP) » beyond the header.
    const { comptees, de } = lireCsv(
      "UAI,Code diplôme,Effectif,Libellé\r\n0751002G,50022139,12,5,CUISINE (CAP)\r\n",
    );
    expect(comptees).toEqual([]);
    expect(de("ligne-mal-decoupee")).toEqual([expect.objectContaining({ ligne: 2, colonne: "E" })]);
  });

  test("le même effectif « 12,5 » entre guillemets reste un « effectif-decimal », la ligne est lue exactement", () => {
    const { comptees, de, constats } = lireCsv(
      'UAI,Code diplôme,Effectif\r\n0751001F,50022137,"12,5"\r\n0751001F,50022139,"24"\r\n',
    );
    expect(comptees.map((l) => l.effectif)).toEqual([24]);
    expect(constats.map((c) => c.code)).toEqual(["effectif-decimal"]);
    expect(de("effectif-decimal")[0].message).toContain("« 12,5 » non entier");
  });

  test("des champs vides en fin de ligne (« a,b,c,,, » écrit par Excel) ne sont pas des valeurs en trop", () => {
    const { comptees, constats } = lireCsv(
      "UAI,Code diplôme,Effectif,,,\r\n0751001F,50022137,24,,,\r\n0751001F,50022139,8,, ,\r\n",
    );
    expect(comptees.map((l) => l.effectif)).toEqual([24, 8]);
    expect(constats).toEqual([]);
  });

  test("un CSV à « ; » garde ses virgules décimales dans leur champ : rien n'est écarté", () => {
    const { comptees, constats, session } = lireCsv(
      "UAI;Code diplôme;Effectif\r\n0750655E;32031213;20\r\n",
      "UAI;Réponse à l'enquête;Reliquat pré-bac;Taux de boursiers\r\n0750655E;oui;802,50;0,35\r\n",
    );
    expect(comptees).toHaveLength(1);
    expect(constats).toEqual([]);
    const lycee = session.registre.get("0750655E")!;
    expect(lycee.reliquats().preBac.equals(new Decimal("802.50"))).toBe(true);
    expect(lycee.taux?.valeur.ratio.toString()).toBe("0.35");
  });

  test("un « ; » dans un libellé sans guillemets d'un CSV à « ; » : écartée, le message parle du texte", () => {
    const { comptees, de } = lireCsv(
      "UAI;Code diplôme;Libellé;Effectif\r\n0750655E;50022137;BOULANGER; PATISSIER;24\r\n",
    );
    expect(comptees).toEqual([]);
    expect(de("ligne-mal-decoupee")[0].message).toMatch(
      /séparé par des « ; », c'est sans doute un texte qui en contient un, écrit sans guillemets/,
    );
  });

  test("lignes de structure plus longues que l'en-tête : un total reste « ligne-total », un en-tête répété « entete-repetee »", () => {
    const { comptees, de, constats } = lireCsv(
      "UAI,Code diplôme,Effectif\r\n" +
        "0750655E,50022137,24\r\n" +
        "Total Paris,,24,5\r\n" +
        "UAI,Code diplôme,Effectif,Commentaire\r\n",
    );
    expect(comptees).toHaveLength(1);
    expect(constats.map((c) => [c.code, c.ligne])).toEqual([
      ["ligne-total", 3],
      ["entete-repetee", 4],
    ]);
    expect(de("ligne-mal-decoupee")).toEqual([]);
  });

  test("une note seule à droite du tableau, rien sous l'en-tête : « ligne-sans-donnees » comme avant", () => {
    const { de } = lireCsv("UAI,Code diplôme,Effectif\r\n0750655E,50022137,24\r\n,,,,Source : rectorat\r\n");
    expect(de("ligne-sans-donnees")).toEqual([expect.objectContaining({ ligne: 3 })]);
    expect(de("ligne-mal-decoupee")).toEqual([]);
  });

  test("une colonne sans titre désignée par l'utilisateur fait partie du tableau", () => {
    const { values, delimiter } = grille("UAI,Code diplôme\r\n0750655E,50022137,24\r\n");
    const { comptees, constats } = lire(values, { delimiter, correction: { effectif: 2 } });
    expect(comptees.map((l) => l.effectif)).toEqual([24]);
    expect(constats).toEqual([]);
  });

  test("décision : dans un classeur (.xlsx, Excel), une cellule à droite du tableau est une note, la ligne compte", () => {
    // The same cells without a separator: a workbook's cells are never cut out of their column.
    const { comptees, constats } = lire([
      ["UAI", "Code diplôme", "Effectif"],
      ["0750655E", "50022137", 24, "à vérifier"],
      ["0750655E", "50022139", 12, 5],
    ]);
    expect(comptees.map((l) => l.effectif)).toEqual([24, 12]);
    expect(constats).toEqual([]);
  });

  test("l'en-tête décalé par la plage utilisée (colonne A vide) : la largeur se compte depuis sa première colonne", () => {
    const { values, delimiter } = grille(
      ",UAI,Code diplôme,Effectif\r\n,0750655E,50022137,24\r\n,0750655E,50022139,12,5\r\n",
    );
    // As the used range gives it: column A blank everywhere, cut off (columnOffset 1).
    const { comptees, de } = lire(
      values.map((row) => row.slice(1)),
      { delimiter, columnOffset: 1 },
    );
    expect(comptees.map((l) => l.effectif)).toEqual([24]);
    expect(de("ligne-mal-decoupee")).toEqual([expect.objectContaining({ ligne: 3, colonne: "E" })]);
  });
});

describe("Ligne de la feuille des établissements découpée en plus de valeurs que de colonnes", () => {
  const EFFECTIFS = "UAI,Code diplôme,Effectif\r\n0752101B,32031212,20\r\n0752101B,50022137,10\r\n";

  test("« 802,50 » et « 0,35 » sans guillemets : ligne écartée, jamais 802 € ni 50 % ; enveloppes non calculées", () => {
    const { de, session, lecteur } = lireCsv(
      EFFECTIFS,
      "UAI,Réponse à l'enquête,Reliquat pré-bac,Taux de boursiers\r\n0752101B,oui,802,50,0,35\r\n",
    );
    expect(de("ligne-mal-decoupee")).toEqual([
      expect.objectContaining({ gravite: "erreur", feuille: "Établissements", ligne: 2, colonne: "E" }),
    ]);
    expect(de("ligne-mal-decoupee")[0].message).toContain("Ligne de 6 valeurs pour 4 colonnes");
    expect(lecteur.bilan().comptees).toBe(2);
    const lycee = session.registre.get("0752101B")!;
    // None of the row's values is used…
    expect(lycee.taux).toBeNull();
    expect(lycee.reliquatPreBac).toBeNull();
    expect(lycee.aRepondu).toBeNull();
    // …and the establishment is not taken as absent from the sheet (« sans reliquat »): its envelopes
    // are not computed until the line is corrected.
    expect(lycee.dansFeuilleEtablissements).toBe(true);
    expect(lycee.enveloppesNonCalculables()).toEqual({
      preBac: expect.stringMatching(
        /^Réponse à l'enquête illisible \(feuille « Établissements », ligne 2 mal découpée\) : dotation non calculée\./,
      ),
      postBac: expect.stringMatching(/^Réponse à l'enquête illisible/),
    });
    // The taux is simply missing: no post-bac line (R8), the row's erreur says why.
    expect(lycee.motifsAnomalies()).toEqual([]);
  });

  test("sans colonne de réponse : seul le reliquat de la ligne bloque son enveloppe", () => {
    const { session } = lireCsv(
      EFFECTIFS,
      "UAI,Taux de boursiers,Reliquat pré-bac\r\n0752101B,35 %,802,50\r\n",
    );
    const lycee = session.registre.get("0752101B")!;
    expect(lycee.taux).toBeNull();
    expect(lycee.enveloppesNonCalculables()).toEqual({
      preBac: expect.stringMatching(
        /^Reliquat pré-bac illisible \(feuille « Établissements », ligne 2 mal découpée\) : enveloppe pré-bac non calculée\./,
      ),
    });
  });

  test("une autre ligne lisible du même établissement donne les valeurs : elles sont utilisées", () => {
    const { session, de } = lireCsv(
      EFFECTIFS,
      "UAI,Réponse à l'enquête,Reliquat pré-bac,Taux de boursiers\r\n" +
        "0752101B,oui,802,50,0,35\r\n" +
        '0752101B,oui,"802,50","0,35"\r\n',
    );
    expect(de("ligne-mal-decoupee")).toHaveLength(1);
    const lycee = session.registre.get("0752101B")!;
    expect(lycee.reliquats().preBac.equals(new Decimal("802.50"))).toBe(true);
    expect(lycee.taux?.valeur.ratio.toString()).toBe("0.35");
    expect(lycee.enveloppesNonCalculables()).toEqual({});
  });

  test("UAI illisible à gauche de la coupure : la ligne est écartée, aucun établissement n'est créé", () => {
    const { session, de } = lire([["UAI", "Code diplôme", "Effectif"]], {
      delimiter: ",",
      etablissements: grille("UAI,Reliquat pré-bac\r\nlycée B,802,50\r\n").values,
    });
    expect(de("ligne-mal-decoupee")).toHaveLength(1);
    expect(session.registre.liste()).toEqual([]);
  });
});

describe("Bilan et demande lus d'un .csv", () => {
  const sheet = (texte: string): SheetData => {
    const { values, delimiter } = grille(texte);
    return feuille(values, { name: "bilan.csv", delimiter });
  };

  test("bilan : un achat « 1200,50 » sans guillemets est écarté, et les reliquats des deux enveloppes ne sont pas calculés", () => {
    const session = new SessionLecture(2024);
    const lecteur = new LecteurBilan(
      sheet(
        "Code formation,Élèves aidés,Montant des achats,Type d'équipement\r\n" +
          '50022137,10,1200,50,"Matériel, outillage et instruments"\r\n',
      ),
      session,
    );
    toutLire(lecteur);
    expect(lecteur.achats).toEqual([]);
    expect(lecteur.achatsEnErreur).toEqual([{ ligne: 2, enveloppes: ["preBac", "postBac"] }]);
    expect(session.constats.map((c) => [c.code, c.ligne])).toEqual([["ligne-mal-decoupee", 2]]);
  });

  test("demande : « 2,5 » élèves sans guillemets, ligne écartée plutôt que 2 élèves demandés", () => {
    const session = new SessionLecture(2024);
    const lecteur = new LecteurDemande(
      sheet("Code formation,Élèves supplémentaires,Intitulé\r\n50022137,2,5,BOULANGER\r\n"),
      session,
    );
    toutLire(lecteur);
    expect(lecteur.lignesDemandees).toEqual([]);
    expect(session.constats.map((c) => [c.code, c.ligne])).toEqual([["ligne-mal-decoupee", 2]]);
    expect(lecteur.bilan()).toMatchObject({ nonVides: 1, ecartees: 1 });
  });
});

describe("En-tête d'un bilan lu d'un .csv : un montant coupé par une virgule n'est pas lu", () => {
  /** The form of a bilan as the template lays it out, with the line of the dotation reçue pré-bac. */
  const bilan = (separateur: string, dotation: string) =>
    [
      "Bilan ARE",
      "",
      `UAI${separateur}0751234J`,
      `Année scolaire${separateur}2024-2025`,
      `Dotation reçue pré-bac${separateur}${dotation}`,
      `Reliquat antérieur pré-bac${separateur}"120,50"`,
      `Dotation reçue post-bac${separateur}1099`,
      `Reliquat antérieur post-bac${separateur}0`,
      "",
      ["Code formation diplôme", "Élèves aidés", "Montant des achats", "Type d'équipement"].join(separateur),
      ["50022137", "20", '"1200,50"', "Vêtement de représentation"].join(separateur),
    ].join("\r\n") + "\r\n";

  function formulaire(texte: string) {
    const { values, delimiter } = grille(texte);
    const sheet = feuille(values, { name: "bilan.csv", delimiter });
    const session = new SessionLecture(2024);
    const cellules = trouverFormulaire(sheet, detecterEntete(sheet)?.indexLigne ?? null);
    return { lu: lireFormulaireBilan(sheet, cellules, session), constats: session.constats };
  }

  test("« 7949,50 » sans guillemets dans un CSV à virgules : erreur, dotation non lue (jamais 7 949 €)", () => {
    const { lu, constats } = formulaire(bilan(",", "7949,50"));
    expect(lu.dotations.preBac).toBeNull();
    expect(lu.reliquats.preBac?.toFixed(2)).toBe("120.50");
    expect(lu.dotations.postBac?.toFixed(2)).toBe("1099.00");
    expect(constats.map((c) => [c.code, c.gravite, c.ligne, c.colonne])).toEqual([
      ["ligne-mal-decoupee", "erreur", 5, "B"],
    ]);
    expect(constats[0].message).toMatch(
      /^Dotation reçue pré-bac « 7949 » suivi de « 50 » : un montant à virgule écrit sans guillemets .* Il n'est pas lu et le reliquat de son enveloppe n'est pas calculé\. Écrivez "7949,50" entre guillemets ou 7949\.50/,
    );
  });

  test("« 1 200,05 » sans guillemets : les décimales « 05 » restent du texte, le montant est refusé aussi", () => {
    const { lu, constats } = formulaire(bilan(",", "1 200,05"));
    expect(lu.dotations.preBac).toBeNull();
    expect(constats[0].message).toContain("« 1 200 » suivi de « 05 »");
  });

  test.each([
    ["entre guillemets, dans un CSV à virgules", ",", '"7949,50"'],
    ["avec un point, dans un CSV à virgules", ",", "7949.50"],
    ["dans un CSV à « ; »", ";", "7949,50"],
  ])("le même montant %s : 7 949,50 € lus, aucun constat", (_cas, separateur, dotation) => {
    const { lu, constats } = formulaire(bilan(separateur, dotation));
    expect(lu.dotations.preBac?.toFixed(2)).toBe("7949.50");
    expect(constats).toEqual([]);
  });

  test("une note après le montant (« € ») ou un autre libellé sur la ligne : pas un montant coupé", () => {
    const { lu, constats } = formulaire(
      bilan(",", "7949.50,€").replace(
        "Dotation reçue post-bac,1099",
        "Dotation reçue post-bac,1099,Reliquat antérieur post-bac,0",
      ),
    );
    expect(lu.dotations.preBac?.toFixed(2)).toBe("7949.50");
    expect(lu.dotations.postBac?.toFixed(2)).toBe("1099.00");
    expect(lu.reliquats.postBac?.toFixed(2)).toBe("0.00");
    expect(constats).toEqual([]);
  });
});

describe("Feuille des dotations lue d'un .csv (modèle de bilan)", () => {
  const dotations = (ligne: string) => {
    const { values, delimiter } = grille(
      `UAI,Dotation nette pré-bac,Dotation nette post-bac,Reliquat pré-bac\r\n${ligne}\r\n`,
    );
    const constats: Constat[] = [];
    const lu = lireDotationsEtablissement(
      feuille(values, { name: "dotations.csv", delimiter }),
      "0750655E",
      constats,
    );
    return { lu, constats };
  };

  test("« 7949,50 » sans guillemets : rien n'est repris (jamais 7 949 € ni 50 € post-bac), erreur sur la ligne", () => {
    const { lu, constats } = dotations("0750655E,7949,50,1099,0");
    expect(lu).toMatchObject({
      trouve: true,
      ligne: 2,
      dotations: { preBac: null, postBac: null },
      reliquats: { preBac: null, postBac: null },
    });
    expect(constats.map((c) => [c.code, c.gravite, c.ligne, c.colonne])).toEqual([
      ["ligne-mal-decoupee", "erreur", 2, "E"],
    ]);
    expect(constats[0].message).toContain("ne sont pas repris : saisissez-les dans le bilan");
  });

  test("les mêmes montants entre guillemets : repris exactement", () => {
    const { lu, constats } = dotations('0750655E,"7949,50",1099,0');
    expect(lu.dotations.preBac?.toFixed(2)).toBe("7949.50");
    expect(lu.dotations.postBac?.toFixed(2)).toBe("1099.00");
    expect(constats).toEqual([]);
  });
});

describe("valeursEnTrop", () => {
  test.each([
    [",", /séparé par des virgules, c'est le plus souvent un nombre à virgule décimale/],
    [";", /séparé par des « ; », c'est sans doute un texte qui en contient un, écrit sans guillemets/],
    ["\t", /séparé par des tabulations, c'est sans doute un texte qui en contient un/],
  ] as const)("séparateur %p : le message dit la cause probable et que faire", (separateur, attendu) => {
    const trop = valeursEnTrop(["0750655E", 50022137, 12, 5], 3, separateur, 1);
    expect(trop).toEqual({ colonne: 3, message: expect.stringMatching(attendu) });
    expect(trop!.message).toMatch(/^Ligne de 4 valeurs pour 3 colonnes dans l'en-tête \(ligne 1\)/);
    expect(trop!.message).toMatch(/puis relancez\.$/);
  });

  test("rien au-delà de l'en-tête (cellules vides ou d'espaces) : pas de valeurs en trop", () => {
    expect(valeursEnTrop(["0750655E", 50022137, 12, null, " "], 3, ",", 1)).toBeNull();
  });
});
