/**
 * Corpus (regles.md#lecture.correction-perimee) : une correspondance de colonnes corrigée dans Contrôle
 * est gardée pour la session du volet, puis utilisée par Dotations. Entre les deux, l'utilisateur insère
 * une colonne, ou colle une nouvelle extraction autrement rangée, dans la même feuille : le numéro de
 * colonne retenu désigne alors une autre colonne. Avant, Dotations la lisait sans un mot (l'année de
 * formation, 1, lue pour l'effectif).
 *
 * Montants à la main, forfait pré-bac 2024-2025 : 157 € par élève de 1re année de CAP (BOULANGER, 50022137).
 * 0750655E, 28 élèves : 28 × 157 = 4 396,00 € ; lu dans la mauvaise colonne (1) : 1 × 157 = 157,00 € ;
 * lu dans l'« Effectif » de toutes les années (40) : 40 × 157 = 6 280,00 €.
 */
import { Parametres } from "../../src/rules";
import { MemoryWorkbook } from "../../src/workbook/memory";
import type { CellValue } from "../../src/workbook/port";
import { calculerDotations, controlerFeuille } from "../../src/workflows";
import type { CorrectionColonnes, ResultatDotations } from "../../src/workflows/types";
import { chooseColumn } from "../../src/taskpane/check/mapping";

/** « Élèves 1A », a title the reader does not know: the user gives it as the effectif in Contrôle (E). */
const PARIS: CellValue[][] = [
  ["UAI", "Code diplôme", "Libellé", "Nom de l'établissement", "Élèves 1A"],
  ["0750655E", "50022137", "BOULANGER (CAP)", "Lycée Arago", 28],
];

/** Inserts a column before `index` in every row, as Excel does: the columns from `index` move right. */
function insererColonne(values: CellValue[][], index: number, colonne: readonly CellValue[]): void {
  values.forEach((row, r) => row.splice(index, 0, colonne[r] ?? null));
}

/** Contrôle, then the user's choice of a column for a field: the correction the pane keeps for the sheet. */
async function corriger(classeur: MemoryWorkbook, champ: "effectif", index: number) {
  const controle = await controlerFeuille(classeur, "Paris", { annee: 2024 });
  return chooseColumn({}, champ, index, controle.entete!);
}

const dotations = (classeur: MemoryWorkbook, correction: CorrectionColonnes) =>
  calculerDotations(classeur, {
    feuillesEffectifs: ["Paris"],
    annee: 2024,
    parametres: Parametres.embarques(),
    colonnes: { Paris: correction },
  });

const nettes = (r: ResultatDotations) =>
  Object.fromEntries(r.etablissements.map((e) => [e.uai, e.nette.preBac.valeur.toFixed(2)]));

/** The names of the cases, as docs/security.md lists them. */
const CAS = {
  suivie:
    "effectif corrigé en E « Élèves 1A », puis une colonne « Année de formation » insérée avant E : « Élèves 1A » suivie en F",
  perimee:
    "effectif corrigé en E « Élèves 1A », puis une extraction sans « Élèves 1A » collée : feuille refusée, rien de payé",
  doublon:
    "deux colonnes « Effectif », la seconde choisie, puis une colonne insérée avant : la seconde suivie, pas la première",
  ambigu: "deux colonnes « Effectif », la seconde choisie, puis une troisième ajoutée : feuille refusée",
  retrait:
    "statut retiré dans Contrôle (« Statut » : public), puis une extraction avec « Statut élève » collée : feuille refusée, apprentis jamais payés",
  premiere:
    "deux colonnes « Effectif », la première choisie dans Contrôle : lue, la feuille n'est plus refusée comme ambiguë",
  casse:
    "effectif corrigé en E « Élèves 1A », puis une extraction titrée « ÉLÈVES 1A » (casse, espace final) : lue, pas refusée",
  casseDeplacee:
    "effectif corrigé en E « Élèves 1A », puis « eleves 1a » une colonne plus loin : suivie, pas refusée",
  retraitCasse:
    "statut retiré dans Contrôle (« Statut »), puis une extraction titrée « STATUT » : le retrait tient, feuille lue",
  suivieGardee:
    "effectif corrigé en E, suivi en F après une insertion : la correction gardée en F, l'information donnée une fois",
  autreAnnee:
    "effectif corrigé en E « Effectif n-1 », puis une extraction titrée « Effectif n+1 » à sa place : feuille refusée, jamais l'autre année",
  retraitDeux:
    "statut retiré dans Contrôle d'une feuille à deux colonnes « Statut » : lue, sans info « déjà lu dans la colonne undefined »",
} as const;

describe("une correction de colonnes du volet, puis la feuille change", () => {
  test(CAS.suivie, async () => {
    const classeur = new MemoryWorkbook({ Paris: PARIS.map((row) => [...row]) });
    const correction = await corriger(classeur, "effectif", 4);
    const avant = await dotations(classeur, correction);
    expect(nettes(avant)).toEqual({ "0750655E": "4396.00" });
    expect(avant.constats).toEqual([]);

    insererColonne(classeur.sheet("Paris")!.values, 4, ["Année de formation", 1]);
    const apres = await dotations(classeur, correction);
    // Avant la correction : 1 × 157 = 157,00 €, l'année de formation lue pour l'effectif, sans un mot.
    expect(nettes(apres)).toEqual({ "0750655E": "4396.00" });
    expect(apres.totaux.nette.total.toFixed(2)).toBe("4396.00");
    expect(apres.constats).toEqual([
      {
        gravite: "info",
        code: "correction-suivie",
        feuille: "Paris",
        ligne: 1,
        colonne: "F",
        message:
          "« Effectif » corrigé en colonne E (« Élèves 1A ») : ce titre est maintenant en F, colonne lue.",
      },
    ]);
    // Contrôle lit la feuille de la même façon.
    const controle = await controlerFeuille(classeur, "Paris", { annee: 2024, colonnes: correction });
    expect(controle.effectifs.preBac).toBe(28);
    expect(controle.entete?.colonnes.effectif?.lettre).toBe("F");
  });

  test(CAS.perimee, async () => {
    const classeur = new MemoryWorkbook({ Paris: PARIS.map((row) => [...row]) });
    const correction = await corriger(classeur, "effectif", 4);
    // A new extraction pasted over the first: « Année de formation » in E, the effectif in F under a
    // title the reader knows — the automatic mapping the user had corrected is not taken either.
    classeur.sheet("Paris")!.values = [
      ["UAI", "Code diplôme", "Libellé", "Nom de l'établissement", "Année de formation", "Effectif"],
      ["0750655E", "50022137", "BOULANGER (CAP)", "Lycée Arago", 1, 28],
      ["0750655E", "50022141", "PATISSIER (CAP)", "Lycée Arago", 1, 12],
    ];
    const r = await dotations(classeur, correction);
    // Avant : 1 × 157 + 1 × 157 = 314,00 € payés, les années de formation lues pour les effectifs.
    expect(r.etablissements).toEqual([]);
    expect(r.totaux.nette.total.toFixed(2)).toBe("0.00");
    expect(r.lignes).toMatchObject({ nonVides: 2, comptees: 0, ecartees: 2 });
    expect(r.lignes.ecarteesParMotif).toEqual({ "correction-perimee": 2 });
    expect(r.constats).toEqual([
      {
        gravite: "erreur",
        code: "correction-perimee",
        feuille: "Paris",
        ligne: 1,
        colonne: "E",
        message:
          "« Effectif » corrigé en colonne E (« Élèves 1A ») : ce titre est absent, la colonne E porte « Année de formation ». La feuille n'est pas lue : corrigez la correspondance des colonnes dans Contrôle.",
      },
    ]);
    // In Contrôle, the field is shown without a column, to be chosen again.
    const controle = await controlerFeuille(classeur, "Paris", { annee: 2024, colonnes: correction });
    expect(controle.entete?.colonnes.effectif).toBeUndefined();
    expect(controle.constats.map((c) => c.code)).toEqual(["correction-perimee"]);
    // Chosen again (F): read, 28 + 12 = 40 élèves, 40 × 157 = 6 280,00 €.
    const refaite = chooseColumn(correction, "effectif", 5, controle.entete!);
    expect(nettes(await dotations(classeur, refaite))).toEqual({ "0750655E": "6280.00" });
  });

  /** « Effectif » twice: every year of the formation (40), then the first year (28), the one to read. */
  const DEUX_EFFECTIFS: CellValue[][] = [
    ["UAI", "Code diplôme", "Libellé", "Effectif", "Effectif"],
    ["0750655E", "50022137", "BOULANGER (CAP)", 40, 28],
  ];

  test(CAS.doublon, async () => {
    const classeur = new MemoryWorkbook({ Paris: DEUX_EFFECTIFS.map((row) => [...row]) });
    const correction = await corriger(classeur, "effectif", 4);
    expect(correction).toEqual({ effectif: { index: 4, entete: "Effectif", rang: 1, sur: 2 } });
    expect(nettes(await dotations(classeur, correction))).toEqual({ "0750655E": "4396.00" });

    insererColonne(classeur.sheet("Paris")!.values, 3, ["Nom de l'établissement", "Lycée Arago"]);
    const r = await dotations(classeur, correction);
    // Avant : la colonne E, maintenant le premier « Effectif » : 40 × 157 = 6 280,00 €.
    expect(nettes(r)).toEqual({ "0750655E": "4396.00" });
    expect(r.constats.filter((c) => c.code === "correction-suivie").map((c) => c.message)).toEqual([
      "« Effectif » corrigé en colonne E (« Effectif ») : ce titre est maintenant en F, colonne lue.",
    ]);
  });

  test(CAS.ambigu, async () => {
    const classeur = new MemoryWorkbook({ Paris: DEUX_EFFECTIFS.map((row) => [...row]) });
    const correction = await corriger(classeur, "effectif", 4);
    insererColonne(classeur.sheet("Paris")!.values, 3, ["Effectif", 45]);
    const r = await dotations(classeur, correction);
    // Avant : la colonne E, maintenant le premier des anciens : 40 × 157 = 6 280,00 €.
    expect(r.etablissements).toEqual([]);
    expect(r.constats.filter((c) => c.gravite === "erreur").map((c) => c.message)).toEqual([
      "« Effectif » corrigé en colonne E (« Effectif ») : ce titre est maintenant en D, E, F. La feuille n'est pas lue : corrigez la correspondance des colonnes dans Contrôle.",
    ]);
  });

  test(CAS.premiere, async () => {
    const classeur = new MemoryWorkbook({ Paris: DEUX_EFFECTIFS.map((row) => [...row]) });
    // Without a choice, the sheet is refused: which « Effectif » counts is the user's to say
    // (regles.md#lecture.deux-colonnes).
    const sans = await dotations(classeur, {});
    expect(sans.constats.map((c) => c.code)).toContain("deux-colonnes");
    expect(sans.etablissements).toEqual([]);
    // Contrôle shows the effectif without a column: picking D is a change of the dropdown.
    const controle = await controlerFeuille(classeur, "Paris", { annee: 2024 });
    expect(controle.entete?.colonnes.effectif).toBeUndefined();
    expect(controle.entete?.ignorees.map((c) => c.lettre)).toEqual(["D", "E"]);
    const correction = await corriger(classeur, "effectif", 3);
    expect(correction).toEqual({ effectif: { index: 3, entete: "Effectif", rang: 0, sur: 2 } });
    const r = await dotations(classeur, correction);
    // The leftmost chosen is the column read automatically: before, the choice was not seen as one and
    // the sheet stayed refused. 40 × 157 = 6 280,00 €. The other « Effectif » stays named, ignored.
    expect(r.constats.map((c) => [c.code, c.colonne])).toEqual([["colonne-en-double", "E"]]);
    expect(nettes(r)).toEqual({ "0750655E": "6280.00" });
  });

  test(CAS.retrait, async () => {
    // « Statut » here is the establishment's (public, privé): not the pupils' status, the user removes it.
    const classeur = new MemoryWorkbook({
      Paris: [
        ["UAI", "Code diplôme", "Libellé", "Statut", "Effectif"],
        ["0750655E", "50022137", "BOULANGER (CAP)", "Public", 28],
      ],
    });
    const controle = await controlerFeuille(classeur, "Paris", { annee: 2024 });
    const correction = chooseColumn({}, "statut", null, controle.entete!);
    expect(correction).toEqual({ statut: { aucune: ["Statut"] } });
    const avant = await dotations(classeur, correction);
    expect(nettes(avant)).toEqual({ "0750655E": "4396.00" }); // 28 × 157
    // A column inserted elsewhere changes nothing: the removal still names « Statut ».
    insererColonne(classeur.sheet("Paris")!.values, 3, ["Nom de l'établissement", "Lycée Arago"]);
    expect(nettes(await dotations(classeur, correction))).toEqual({ "0750655E": "4396.00" });

    // Another extraction, with the pupils' status this time: 28 pupils and 12 apprentices.
    classeur.sheet("Paris")!.values = [
      ["UAI", "Code diplôme", "Libellé", "Statut élève", "Effectif"],
      ["0750655E", "50022137", "BOULANGER (CAP)", "Scolaire", 28],
      ["0750655E", "50022137", "BOULANGER (CAP)", "Apprenti", 12],
    ];
    const r = await dotations(classeur, correction);
    // Avant : « Statut élève » retiré lui aussi, les apprentis payés : 40 × 157 = 6 280,00 €.
    expect(r.etablissements).toEqual([]);
    expect(r.lignes.ecarteesParMotif).toEqual({ "correction-perimee": 2 });
    expect(r.constats).toEqual([
      {
        gravite: "erreur",
        code: "correction-perimee",
        feuille: "Paris",
        ligne: 1,
        colonne: "D",
        message:
          "« Statut » retiré dans Contrôle : l'en-tête a maintenant « Statut élève » (D). La feuille n'est pas lue : corrigez la correspondance des colonnes dans Contrôle.",
      },
    ]);
  });

  test(CAS.casse, async () => {
    const classeur = new MemoryWorkbook({ Paris: PARIS.map((row) => [...row]) });
    const correction = await corriger(classeur, "effectif", 4);
    classeur.sheet("Paris")!.values[0][4] = "ÉLÈVES 1A  ";
    const r = await dotations(classeur, correction);
    // Avant : feuille refusée (`correction-perimee`, « Élèves 1A » choisi, « ÉLÈVES 1A » trouvé), 0,00 €.
    // 28 × 157 = 4 396,00 €, sans constat : le titre est le même, à la casse et aux espaces près.
    expect(nettes(r)).toEqual({ "0750655E": "4396.00" });
    expect(r.constats).toEqual([]);
  });

  test(CAS.casseDeplacee, async () => {
    const classeur = new MemoryWorkbook({ Paris: PARIS.map((row) => [...row]) });
    const correction = await corriger(classeur, "effectif", 4);
    insererColonne(classeur.sheet("Paris")!.values, 4, ["Année de formation", 1]);
    classeur.sheet("Paris")!.values[0][5] = "eleves 1a";
    const r = await dotations(classeur, correction);
    // Avant : feuille refusée, 0,00 €. Suivie en F : 28 × 157 = 4 396,00 € (l'année, 1, jamais lue : 157,00 €).
    expect(nettes(r)).toEqual({ "0750655E": "4396.00" });
    expect(r.constats.map((c) => [c.code, c.colonne])).toEqual([["correction-suivie", "F"]]);
    // A title that really differs is still refused: « Élèves 2A » is not « Élèves 1A ».
    classeur.sheet("Paris")!.values[0][5] = "Élèves 2A";
    const refusee = await dotations(classeur, correction);
    expect(refusee.etablissements).toEqual([]);
    expect(refusee.constats.map((c) => c.code)).toEqual(["correction-perimee"]);
  });

  test(CAS.autreAnnee, async () => {
    const classeur = new MemoryWorkbook({ Paris: PARIS.map((row) => [...row]) });
    classeur.sheet("Paris")!.values[0][4] = "Effectif n-1";
    const correction = await corriger(classeur, "effectif", 4);
    // The next rentrée's forecast pasted in its place: 40 élèves where 28 were counted.
    classeur.sheet("Paris")!.values[0][4] = "Effectif n+1";
    classeur.sheet("Paris")!.values[1][4] = 40;
    const r = await dotations(classeur, correction);
    // Case, accents and spaces are ignored, never « + » for « - »: with punctuation dropped, the two
    // titles were one and 40 × 157 = 6 280,00 € was paid instead of refusing the sheet.
    expect(r.etablissements).toEqual([]);
    expect(r.constats.map((c) => c.code)).toEqual(["correction-perimee"]);
  });

  test(CAS.retraitDeux, async () => {
    const classeur = new MemoryWorkbook({
      Paris: [
        ["UAI", "Code diplôme", "Statut", "Statut", "Effectif"],
        ["0750655E", "50022137", "Public", "Privé", 28],
      ],
    });
    const controle = await controlerFeuille(classeur, "Paris", { annee: 2024 });
    const correction = chooseColumn({}, "statut", null, controle.entete!);
    const r = await dotations(classeur, correction);
    // 28 × 157 = 4 396,00 €. Before: an info said the second « Statut » was « déjà lu dans la colonne
    // undefined » — no column is read for a field the user removed.
    expect(nettes(r)).toEqual({ "0750655E": "4396.00" });
    expect(r.constats).toEqual([]);
  });

  test(CAS.retraitCasse, async () => {
    const classeur = new MemoryWorkbook({
      Paris: [
        ["UAI", "Code diplôme", "Libellé", "Statut", "Effectif"],
        ["0750655E", "50022137", "BOULANGER (CAP)", "Public", 28],
      ],
    });
    const controle = await controlerFeuille(classeur, "Paris", { annee: 2024 });
    const correction = chooseColumn({}, "statut", null, controle.entete!);
    classeur.sheet("Paris")!.values[0][3] = "STATUT";
    // Avant : « STATUT » pris pour un autre titre, feuille refusée, 0,00 €. 28 × 157 = 4 396,00 €.
    const r = await dotations(classeur, correction);
    expect(nettes(r)).toEqual({ "0750655E": "4396.00" });
    expect(r.constats).toEqual([]);
  });

  test(CAS.suivieGardee, async () => {
    const classeur = new MemoryWorkbook({ Paris: PARIS.map((row) => [...row]) });
    const correction = await corriger(classeur, "effectif", 4);
    insererColonne(classeur.sheet("Paris")!.values, 4, ["Année de formation", 1]);
    const premiere = await dotations(classeur, correction);
    expect(premiere.constats.map((c) => c.code)).toEqual(["correction-suivie"]);
    // The pane keeps what the reading gives back: the header chosen, now at F (index 5).
    expect(premiere.correctionsSuivies).toEqual({
      Paris: { effectif: { index: 5, entete: "Élèves 1A", rang: 0, sur: 1 } },
    });
    // Avant : la correction gardée en E, l'information répétée à chaque calcul. 28 × 157 = 4 396,00 €.
    const seconde = await dotations(classeur, premiere.correctionsSuivies.Paris);
    expect(nettes(seconde)).toEqual({ "0750655E": "4396.00" });
    expect(seconde.constats).toEqual([]);
    expect(seconde.correctionsSuivies).toEqual({});
    // Contrôle gives the same back.
    const controle = await controlerFeuille(classeur, "Paris", { annee: 2024, colonnes: correction });
    expect(controle.correctionSuivie).toEqual(premiere.correctionsSuivies.Paris);
    // A stale correction is not rewritten: the sheet is refused, the user redoes it.
    classeur.sheet("Paris")!.values[0][5] = "Élèves 2A";
    expect((await dotations(classeur, correction)).correctionsSuivies).toEqual({});
  });

  test("la feuille inchangée : la colonne choisie est lue sans constat ; une correction par numéro (ligne de commande) lit toujours ce numéro", async () => {
    const classeur = new MemoryWorkbook({ Paris: PARIS.map((row) => [...row]) });
    const correction = await corriger(classeur, "effectif", 4);
    expect(correction).toEqual({ effectif: { index: 4, entete: "Élèves 1A", rang: 0, sur: 1 } });
    const r = await dotations(classeur, correction);
    expect(r.constats).toEqual([]);
    expect(nettes(r)).toEqual({ "0750655E": "4396.00" });
    // --colonne effectif=E: the file read in the same run, the number is the user's word.
    insererColonne(classeur.sheet("Paris")!.values, 4, ["Élèves 2A", 25]);
    expect(nettes(await dotations(classeur, { effectif: 4 }))).toEqual({ "0750655E": "3925.00" }); // 25 × 157
  });
});
