/**
 * The range forms of ARE.DOTATION, ARE.NETTE and ARE.BOURSIERS (issue 13 §5), run on the TypeScript
 * source; the built bundle is checked the same way in contract.test.ts. Expected amounts are computed
 * by hand from the forfaits 2024-2025 (157 € pré-bac and post-bac, 56 € 3ème prépa-métiers).
 */
import { StandInError, installCustomFunctionsGlobal } from "./customFunctionsStandIn";
import { boursiers, dotation, nette } from "../../src/functions/functions";
import { decrireForme } from "../../src/functions/plages";

installCustomFunctionsGlobal();

/** The error value a whole call threw (a single #VALEUR! for the formula). */
function erreurDe(calcul: () => unknown): StandInError {
  try {
    calcul();
  } catch (error) {
    if (error instanceof StandInError) return error;
    throw error;
  }
  throw new Error("une erreur était attendue");
}

/** A column as Excel passes it: one row per value. */
const colonne = (...valeurs: unknown[]) => valeurs.map((v) => [v]);

function expectErreur(cellule: unknown, code: string, message: RegExp): void {
  expect(cellule).toBeInstanceOf(StandInError);
  expect((cellule as StandInError).code).toBe(code);
  expect((cellule as StandInError).message).toMatch(message);
}

describe("Forme scalaire inchangée (une cellule est une plage 1 × 1)", () => {
  test("une cellule donne une matrice 1 × 1, qu'Excel affiche comme une valeur seule", () => {
    // 230 × 157 = 36 110 ; 48 × 0,35 = 16,8 → 17 boursiers ; 2 567 − 1 200,5 = 1 366,5.
    expect(dotation([[230]], [["PRE BAC"]], [[2024]])).toEqual([[36110]]);
    expect(boursiers([[48]], [[0.35]])).toEqual([[17]]);
    expect(nette([[2567]], [[1200.5]])).toEqual([[1366.5]]);
  });

  test("une cellule vide seule vaut toujours 0, comme avant", () => {
    expect(dotation([[""]], [["PRE BAC"]], [[2024]])).toEqual([[0]]);
    expect(boursiers([[null]], [[0.35]])).toEqual([[0]]);
  });

  test("une erreur sur une cellule seule reste l'erreur de la formule", () => {
    expectErreur(
      erreurDe(() => dotation([[-3]], [["PRE BAC"]], [[2024]])),
      "#VALUE!",
      /ne peut pas être négatif/,
    );
    expectErreur(
      erreurDe(() => dotation([[230]], [[null]], [[2024]])),
      "#VALUE!",
      /Catégorie manquante/,
    );
  });
});

describe("Une plage et des valeurs communes", () => {
  test('ARE.DOTATION(B2:B6;"PRE BAC";2024) : catégorie et année s\'appliquent à chaque ligne', () => {
    // 230 × 157 = 36 110 ; 12 × 157 = 1 884 ; 1 × 157 = 157.
    const resultat = dotation(colonne(230, 12, "", "douze", 1), [["PRE BAC"]], [[2024]]);
    expect(resultat).toHaveLength(5);
    expect([resultat[0], resultat[1], resultat[2], resultat[4]]).toEqual([[36110], [1884], [""], [157]]);
    expectErreur(resultat[3][0], "#VALUE!", /Effectif « douze » illisible/);
  });

  test("une plage de catégories et un taux commun : chaque ligne a son forfait", () => {
    // 10 × 157 = 1 570 ; 10 × 56 = 560 ; post-bac 10 × 0,35 = 3,5 → 4 boursiers × 157 = 628.
    expect(dotation(colonne(10, 10, 10), colonne("PRE BAC", "3PM", "POST BAC"), [[2024]], [[0.35]])).toEqual([
      [1570],
      [560],
      [628],
    ]);
  });

  test("une plage de taux de même taille s'apparie cellule par cellule", () => {
    // 25 × 0,3 = 7,5 → 8 ; 23 × 0,35 = 8,05 → 8 ; 48 × 35 % = 16,8 → 17 ; 20 × 1 = 20.
    expect(boursiers(colonne(25, 23, 48, 20), colonne(0.3, 0.35, "35 %", 1))).toEqual([[8], [8], [17], [20]]);
    // 17 × 157 = 2 669 ; 20 × 157 = 3 140.
    expect(dotation(colonne(48, 20), [["POST BAC"]], [[2024]], colonne(0.35, 1))).toEqual([[2669], [3140]]);
  });

  test("ARE.NETTE sur une colonne de dotations et une colonne de reliquats, jamais négative", () => {
    // 2 567 − 3 000 → 0 ; 35 378 − 1 200,5 = 34 177,5 ; 1 000,005 − 0 → 1 000,01 (arrondi au centime).
    expect(nette(colonne(2567, 35378, 1000.005), colonne(3000, 1200.5, ""))).toEqual([
      [0],
      [34177.5],
      [1000.01],
    ]);
    // Not answered: 0 for every line.
    expect(nette(colonne(2567, 35378), [[0]], [[false]])).toEqual([[0], [0]]);
  });

  test("une ligne dont toutes les cellules en plage sont vides reste vide ; une seule vide vaut 0", () => {
    expect(boursiers(colonne(25, "", null, 10), colonne(0.3, "", "", ""))).toEqual([
      [8],
      [""],
      [""],
      [expect.any(StandInError)],
    ]);
    // Effectif blank, taux given: 0 boursiers, as the scalar form says.
    expect(boursiers(colonne(25, ""), colonne(0.3, 0.3))).toEqual([[8], [0]]);
  });

  test("une plage de plusieurs colonnes garde sa forme", () => {
    expect(
      dotation(
        [
          [1, 2],
          [3, ""],
        ],
        [["PRE BAC"]],
        [[2024]],
      ),
    ).toEqual([
      [157, 314],
      [471, ""],
    ]);
  });
});

describe("Erreurs cellule par cellule, erreurs de la formule", () => {
  test("une cellule en erreur donne son erreur à sa place seulement", () => {
    const resultat = boursiers(
      colonne(25, "#N/A", { code: "#DIV/0!" }, 20, 30),
      colonne(0.3, 0.3, 0.3, 150, 0.3),
    );
    expect(resultat[0]).toEqual([8]);
    expectErreur(resultat[1][0], "#N/A", /La cellule contient l'erreur #N\/A/);
    expectErreur(resultat[2][0], "#VALUE!", /La cellule contient l'erreur #DIV\/0!/);
    expectErreur(resultat[3][0], "#VALUE!", /entre 0 % et 100 %/);
    // 30 × 0,3 = 9.
    expect(resultat[4]).toEqual([9]);
  });

  test("une année inconnue dans une plage donne #N/A à sa ligne seulement", () => {
    const resultat = dotation(colonne(10, 10), [["PRE BAC"]], colonne(2024, 2025));
    expect(resultat[0]).toEqual([1570]);
    expectErreur(resultat[1][0], "#N/A", /IPC décembre 2024/);
  });

  test("une valeur commune illisible est une seule #VALEUR! pour la formule", () => {
    expectErreur(
      erreurDe(() => dotation(colonne(1, 2), [["BAC GENERAL"]], [[2024]])),
      "#VALUE!",
      /Catégorie « BAC GENERAL » inconnue/,
    );
    expectErreur(
      erreurDe(() => nette(colonne(1, 2), [[0]], [["peut-être"]])),
      "#VALUE!",
      /VRAI ou FAUX/,
    );
  });

  test("des plages de tailles différentes sont une #VALEUR! qui nomme les deux formes", () => {
    expectErreur(
      erreurDe(() => boursiers(colonne(1, 2, 3), colonne(0.3, 0.3))),
      "#VALUE!",
      /^Plages de tailles différentes : Effectif 3 lignes × 1 colonne, Taux 2 lignes × 1 colonne\. Donnez des plages de même taille, ou une seule cellule/,
    );
    expectErreur(
      erreurDe(() => nette(colonne(1, 2), [[0, 0]])),
      "#VALUE!",
      /Dotation 2 lignes × 1 colonne, Reliquat 1 ligne × 2 colonnes/,
    );
    expectErreur(
      erreurDe(() => dotation(colonne(1, 2), colonne("PRE BAC", "PRE BAC", "PRE BAC"), [[2024]])),
      "#VALUE!",
      /Catégorie 3 lignes × 1 colonne, Effectif 2 lignes × 1 colonne/,
    );
  });

  test("une forme se décrit en français, milliers séparés", () => {
    expect(decrireForme(Array.from({ length: 100_000 }, () => [1]))).toBe("100\u202f000 lignes × 1 colonne");
  });
});

describe("100 000 cellules", () => {
  test("ARE.DOTATION, ARE.BOURSIERS et ARE.NETTE sur 100 000 lignes rendent chaque valeur à sa place", () => {
    const effectifs = colonne(...Array.from({ length: 100_000 }, (_, i) => [230, "", 12, "x"][i % 4]));
    const dotations = dotation(effectifs, [["PRE BAC"]], [[2024]]);
    expect(dotations).toHaveLength(100_000);
    // 230 × 157 = 36 110 ; 12 × 157 = 1 884.
    expect(dotations.slice(0, 3)).toEqual([[36110], [""], [1884]]);
    expect(dotations[99_998]).toEqual([1884]);
    expectErreur(dotations[99_999][0], "#VALUE!", /Effectif « x » illisible/);
    const nombres = dotations.map((r) => r[0]).filter((v): v is number => typeof v === "number");
    expect(nombres).toHaveLength(50_000);
    // 25 000 × (36 110 + 1 884) = 949 850 000.
    expect(nombres.reduce((a, b) => a + b, 0)).toBe(949_850_000);

    // 230 × 0,35 = 80,5 → 81 ; 12 × 0,35 = 4,2 → 4.
    const retenus = boursiers(effectifs, [[0.35]]);
    expect([retenus[0], retenus[2], retenus[99_996]]).toEqual([[81], [4], [81]]);

    // 36 110 − 110 = 36 000 ; 1 884 − 110 = 1 774.
    const nettes = nette(dotations, [[110]]);
    expect([nettes[0], nettes[1], nettes[2]]).toEqual([[36000], [""], [1774]]);
    expectErreur(nettes[3][0], "#VALUE!", /illisible|erreur/);
  });
});
