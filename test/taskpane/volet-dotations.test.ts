/**
 * Issue 12 (points 2, 5, 6): what the Dotations screen says needs an action, when a new result must not
 * replace the « Dotations ARE » sheet in place without confirmation, and when the establishments sheet
 * misses establishments of the effectif sheets. Amounts by hand from the 2024-2025 forfaits (pré-bac
 * 157 €, 3e prépa-métiers 56 €, post-bac 157 € per boursier).
 */
import { Decimal, Parametres } from "../../src/rules";
import { MemoryWorkbook } from "../../src/workbook/memory";
import { calculerDotations, ecrireDotations } from "../../src/workflows";
import { suggererFeuilles } from "../../src/workflows/suggestions";
import { compterEtablissements } from "../../src/taskpane/components/feuilles";
import { etablissementsLabel, etablissementsSuggeres } from "../../src/taskpane/dotations/choice";
import { couvertureEtablissements, etablissementsATraiter } from "../../src/taskpane/dotations/aTraiter";
import {
  raisonsDeConfirmer,
  resumerFeuilleDotations,
  resumerResultat,
} from "../../src/taskpane/dotations/remplacement";

const EFFECTIFS = [
  ["UAI", "Nom de l'établissement", "Code formation diplôme", "Effectif"],
  ["0750655E", "Lycée A", "50022137", 20], // CAP, pré-bac: 20 × 157 = 3 140 €
  ["0750655E", "Lycée A", "32020009", 40], // BTS, post-bac: 40 × 35 % = 14 boursiers × 157 = 2 198 €
  ["0751234J", "Lycée B", "50022137", 10], // 10 × 157 = 1 570 €, reliquat 2 000 € above it
  ["0931234L", "Lycée C", "32020009", 20], // post-bac without taux: not computed
  ["0781234T", "Lycée D", "50022137", 5], // did not answer: 0 €
];
const ETABLISSEMENTS = [
  ["UAI", "Taux de boursiers", "Reliquat pré-bac", "Reliquat post-bac", "Réponse à l'enquête"],
  ["0750655E", "35 %", 1000, 100, "oui"],
  ["0751234J", "0 %", 2000, 0, "oui"],
  ["0931234L", null, 0, 0, "oui"],
  ["0781234T", "10 %", 0, 0, "non"],
];

async function calcul(etablissements: unknown[][] = ETABLISSEMENTS) {
  const classeur = new MemoryWorkbook({
    Effectifs: EFFECTIFS,
    Établissements: etablissements,
  } as never);
  const resultat = await calculerDotations(classeur, {
    feuillesEffectifs: ["Effectifs"],
    feuilleEtablissements: "Établissements",
    annee: 2024,
    parametres: Parametres.embarques(),
  });
  return { classeur, resultat };
}

describe("« À traiter » (issue 12, point 2)", () => {
  test("non-répondant, enveloppe écrêtée à 0, post-bac sans taux ; l'établissement sans souci n'y est pas", async () => {
    const { classeur, resultat } = await calcul();
    const ecrites = await ecrireDotations(classeur, resultat);
    const liste = etablissementsATraiter(resultat, ecrites.constats);
    const parUai = Object.fromEntries(liste.map((a) => [a.dotation.uai, a]));
    expect(Object.keys(parUai).sort()).toEqual(["0751234J", "0781234T", "0931234L"]);
    expect(parUai["0751234J"].raisons).toEqual([
      "reliquat pré-bac supérieur à la dotation : enveloppe ramenée à 0",
    ]);
    expect(parUai["0751234J"].enveloppeAZero).toBe(true);
    expect(parUai["0781234T"].raisons).toEqual(["pas de réponse à l'enquête : aucune dotation"]);
    expect(parUai["0781234T"].enveloppeAZero).toBe(true);
    expect(parUai["0931234L"].raisons[0]).toBe(
      "élèves post-bac sans taux de boursiers : post-bac non calculé",
    );
    // Its row in the sheet as written: the UAI is in column A of that row.
    const feuille = classeur.sheet(ecrites.dotations)!;
    for (const a of liste) expect(feuille.values[a.ligne - 1][0]).toBe(a.dotation.uai);
  });

  test("la feuille des établissements qui ne couvre pas les feuilles d'effectifs est signalée", async () => {
    const { resultat } = await calcul(ETABLISSEMENTS.slice(0, 2));
    expect(couvertureEtablissements(resultat)).toEqual({ absents: 3, total: 4 });
    const complet = await calcul();
    expect(couvertureEtablissements(complet.resultat)).toBeNull();
  });
});

describe("Remplacer la feuille « Dotations ARE » (issue 12, point 5)", () => {
  const ancien = { etablissements: 62, postBac: new Decimal("84673.05") };

  test("un résultat comparable remplace sans demander", () => {
    expect(raisonsDeConfirmer(ancien, { etablissements: 60, postBac: new Decimal("80000") })).toEqual([]);
    expect(raisonsDeConfirmer(null, { etablissements: 0, postBac: new Decimal(0) })).toEqual([]);
  });

  test("bien moins d'établissements, ou aucun, demande confirmation en disant pourquoi", () => {
    expect(raisonsDeConfirmer(ancien, { etablissements: 3, postBac: new Decimal("500") })).toEqual([
      "le nouveau calcul ne donne que 3 établissements (62 dans la feuille actuelle)",
    ]);
    expect(raisonsDeConfirmer(ancien, { etablissements: 0, postBac: new Decimal(0) })).toEqual([
      "le nouveau calcul ne donne aucun établissement (62 dans la feuille actuelle)",
    ]);
    // Exactly half is not « far fewer »; one less is.
    expect(raisonsDeConfirmer(ancien, { etablissements: 31, postBac: new Decimal(1) })).toEqual([]);
    expect(raisonsDeConfirmer(ancien, { etablissements: 30, postBac: new Decimal(1) })).toHaveLength(1);
  });

  test("un total post-bac qui tombe à 0 demande confirmation", () => {
    expect(raisonsDeConfirmer(ancien, { etablissements: 62, postBac: new Decimal(0) })).toEqual([
      expect.stringMatching(
        /^la dotation post-bac totale tombe à 0,00\s€ \(84\s673,05\s€ dans la feuille actuelle\)/,
      ),
    ]);
  });

  test("la feuille écrite se relit : ses établissements et son total post-bac net", async () => {
    const { classeur, resultat } = await calcul();
    const ecrites = await ecrireDotations(classeur, resultat);
    const relu = resumerFeuilleDotations(await classeur.readSheet(ecrites.dotations));
    // Post-bac net: 0750655E 2 198 − 100 = 2 098 € ; the others 0 € (taux 0 %, no taux, no answer).
    expect(relu).toEqual({ etablissements: 4, postBac: new Decimal(2098) });
    expect(resumerResultat(resultat)).toEqual(relu);
  });
});

describe("Feuille des établissements suggérée (issue 12, point 6)", () => {
  const entete = ["UAI", "Taux de boursiers", "Reliquat pré-bac", "Reliquat post-bac"];
  // 62 establishments typed by the user, no year in the name; 3 carried from the bilans by the add-in.
  const uais = ["0750655E", "0751234J", "0931234L", "0781234T"];
  const grandes = [entete, ...Array.from({ length: 62 }, (_, i) => [uais[i % 4], "30 %", 0, 0])];
  const sheets = [
    { name: "Paris", owned: false },
    { name: "Établissements", owned: false },
    { name: "Établissements ARE 2024-2025", owned: true },
    { name: "Établissements 2023-2024", owned: false },
  ];
  const heads = {
    Paris: EFFECTIFS,
    Établissements: grandes.slice(0, 30),
    "Établissements ARE 2024-2025": [entete, ["0751234J", null, 10, 0]],
    "Établissements 2023-2024": [entete, ["0751234J", "20 %", 0, 0]],
  } as never;
  const suggestion = suggererFeuilles(sheets, heads);

  test("celle de l'année qui couvre le plus d'établissements, pas la feuille de 3 lignes écrite par le complément", () => {
    const couverts = { Établissements: 4, "Établissements ARE 2024-2025": 1, "Établissements 2023-2024": 1 };
    expect(etablissementsSuggeres(suggestion, sheets, 2024, couverts)).toBe("Établissements");
    // A user sheet naming the year wins, however small; never a sheet naming another year.
    expect(etablissementsSuggeres(suggestion, sheets, 2023, couverts)).toBe("Établissements 2023-2024");
    expect(etablissementsSuggeres(suggestion, sheets, 2022, couverts)).toBe("Établissements");
    // At equal coverage, the add-in's sheet of the year (it carries the bilans' reliquats).
    expect(etablissementsSuggeres(suggestion, sheets, 2024, { ...couverts, Établissements: 1 })).toBe(
      "Établissements ARE 2024-2025",
    );
  });

  test("chaque feuille proposée avec son nombre d'établissements et son année", () => {
    const couverts = { Établissements: 62, "Établissements ARE 2024-2025": 3 };
    expect(etablissementsLabel("Établissements", couverts)).toBe("Établissements — 62 établissements");
    expect(etablissementsLabel("Établissements ARE 2024-2025", couverts)).toBe(
      "Établissements ARE 2024-2025 — 3 établissements, 2024-2025",
    );
  });

  test("une feuille compte ses UAI valides, une fois chacun", () => {
    expect(compterEtablissements({ name: "É", values: grandes, rowOffset: 0, columnOffset: 0 })).toBe(4);
  });
});
