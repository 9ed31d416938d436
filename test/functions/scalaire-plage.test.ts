/**
 * The same hostile inputs through the scalar form (one cell: a 1 × 1 range) and the range forms of
 * ARE.DOTATION, ARE.BOURSIERS and ARE.NETTE (regles.md#fonctions.plages-combinaison): every cell of a
 * range must be exactly what the formula gives for that cell alone — the same amount, or the same
 * error with the same message. The one documented difference: a cell whose range arguments are all
 * blank is blank (regles.md#fonctions.plages-lignes-vides). Amounts by hand from the forfaits
 * 2024-2025 (157 € pré-bac and post-bac, 56 € 3e prépa-métiers) and 2023-2024 (151 €, 54 €).
 */
import { StandInError, installCustomFunctionsGlobal } from "./customFunctionsStandIn";
import { boursiers, dotation, nette } from "../../src/functions/functions";
import { estVide } from "../../src/functions/arguments";

installCustomFunctionsGlobal();

/** A cell's result as a comparable value: the amount, or « #VALUE! Message » for an error value. */
function lu(valeur: unknown): unknown {
  return valeur instanceof StandInError ? `${valeur.code} ${valeur.message}` : valeur;
}

/** What a formula over 1 × 1 ranges shows: its one value, or the error it throws. */
function seule(calcul: () => unknown[][]): unknown {
  try {
    const resultat = calcul();
    expect(resultat).toHaveLength(1);
    expect(resultat[0]).toHaveLength(1);
    return lu(resultat[0][0]);
  } catch (error) {
    if (error instanceof StandInError) return lu(error);
    throw error;
  }
}

/** A whole range form's cells, or the one error of the formula. */
function plage(calcul: () => unknown[][]): unknown[] | { erreur: unknown } {
  try {
    return calcul().map((ligne) => {
      expect(ligne).toHaveLength(1);
      return lu(ligne[0]);
    });
  } catch (error) {
    if (error instanceof StandInError) return { erreur: lu(error) };
    throw error;
  }
}

const colonne = (...valeurs: unknown[]) => valeurs.map((v) => [v]);

/**
 * The cells where the range forms of `fonction` differ from its scalar form over `arguments_`: each
 * argument in turn a column repeating its value (the other arguments given once: the path that
 * computes each distinct value once), then every argument a column (cell by cell).
 */
function ecarts(arguments_: readonly unknown[], fonction: (...args: unknown[][][]) => unknown[][]): string[] {
  const attendu = seule(() => fonction(...arguments_.map((a) => [[a]])));
  const formes = [
    ...arguments_.map((_, p) => arguments_.map((a, i) => (i === p ? colonne(a, a, a) : [[a]]))),
    arguments_.map((a) => colonne(a, a, a)),
  ];
  const trouves: string[] = [];
  for (const forme of formes) {
    const resultat = plage(() => fonction(...forme));
    // A value given once that cannot be read is one error for the formula: the scalar form errs too.
    const ok =
      "erreur" in resultat
        ? String(attendu).startsWith("#")
        : resultat.every(
            (cellule) => cellule === (forme.every((a) => a.length === 1 || estVide(a[0][0])) ? "" : attendu),
          );
    if (!ok) {
      const plages = forme.map((a) => (a.length > 1 ? "plage" : "seule")).join(",");
      trouves.push(
        `${JSON.stringify(arguments_)} [${plages}] : ${JSON.stringify(resultat)} ≠ ${JSON.stringify(attendu)}`,
      );
    }
  }
  return trouves;
}

const EFFECTIFS: readonly unknown[] = [
  24,
  "24",
  "24,0",
  " 24 ",
  "1 234",
  "1\u202f234",
  -0,
  0,
  "-0",
  -1,
  24.5,
  0.1 * 240,
  1e308,
  45292,
  true,
  false,
  "douze",
  "24.000",
  "35 %",
  "#N/A",
  { code: "#N/A" },
  { code: "#DIV/0!" },
  "",
  null,
];
const CATEGORIES: readonly unknown[] = [
  "PRE BAC",
  "pré-bac",
  "PREBAC",
  "Post bac",
  "3e prépa-métiers",
  "CPGE",
  "BAC GENERAL",
  1,
  "",
  null,
];
const ANNEES: readonly unknown[] = [2024, "2024-2025", " 2023 ", 2024.5, 45292, 24, 2025, true, "#N/A"];
const TAUX: readonly unknown[] = [0.35, 35, "35 %", "0,35", 1, 0, -0, 101, -0.1, "x", true, "", null];

describe("Forme scalaire et formes en plage : le même résultat cellule par cellule", () => {
  test("quelques valeurs de référence, calculées à la main", () => {
    // 24 × 157 = 3 768,00 € ; 24 × 151 = 3 624,00 € (2023-2024) ; 24 × 56 = 1 344,00 € ;
    // post-bac 24 × 0,35 = 8,4 → 8 boursiers × 157 = 1 256,00 €.
    expect(seule(() => dotation([["24,0"]], [["pré-bac"]], [["2024-2025"]]))).toBe(3768);
    expect(seule(() => dotation([[24]], [["PREBAC"]], [[" 2023 "]]))).toBe(3624);
    expect(seule(() => dotation([[" 24 "]], [["3e prépa-métiers"]], [[2024]]))).toBe(1344);
    expect(seule(() => dotation([[24]], [["Post bac"]], [[2024]], [["35 %"]]))).toBe(1256);
    // 1 234 × 157 = 193 738,00 €.
    expect(seule(() => dotation([["1\u202f234"]], [["PRE BAC"]], [[2024]]))).toBe(193738);
  });

  test("ARE.DOTATION : effectifs, catégories, années et taux hostiles", () => {
    const trouves: string[] = [];
    // Every effectif with every catégorie, under a few years and taux…
    for (const effectif of EFFECTIFS)
      for (const categorie of CATEGORIES)
        for (const annee of [2024, 2025, "#N/A"])
          for (const taux of [0.35, "35 %", "x", null])
            trouves.push(...ecarts([effectif, categorie, annee, taux], dotation));
    // …and every year with every taux, for a few effectifs and catégories.
    for (const effectif of [24, "", "douze"])
      for (const categorie of ["Post bac", "PRE BAC", ""])
        for (const annee of ANNEES)
          for (const taux of TAUX) trouves.push(...ecarts([effectif, categorie, annee, taux], dotation));
    expect(trouves).toEqual([]);
  });

  test("ARE.BOURSIERS : effectifs et taux hostiles", () => {
    const trouves: string[] = [];
    for (const effectif of EFFECTIFS)
      for (const taux of TAUX) trouves.push(...ecarts([effectif, taux], boursiers));
    expect(trouves).toEqual([]);
  });

  test("ARE.NETTE : dotations, reliquats et réponses hostiles", () => {
    const montants: readonly unknown[] = [
      8478,
      "8 478,00 €",
      1200.5,
      "1 200,50",
      -0,
      -5,
      1000.005,
      1e308,
      "2.669,00",
      true,
      "x",
      "#N/A",
      "",
      null,
    ];
    const reponses: readonly unknown[] = [true, false, 1, 0, "oui", "non", "X", "NR", 2, "", null];
    const trouves: string[] = [];
    for (const brute of montants)
      for (const reliquat of montants)
        for (const repondu of reponses) trouves.push(...ecarts([brute, reliquat, repondu], nette));
    expect(trouves).toEqual([]);
  });
});
