import {
  ErreurExcelRecue,
  lireEffectif,
  lireIndice,
  lireMontantArgument,
  enMatrice,
  erreurExcel,
  estOmis,
  estVide,
  lireAnnee,
  lireBooleen,
  lireDecimal,
  lireTauxBoursiersArgument,
  lireTauxIndexation,
} from "../../src/functions/arguments";
import { ErreurArgument, ErreurParametreManquant } from "../../src/rules";

/** What Excel passes where a new optional parameter sits when its cached metadata is stale. */
const invocation = { address: "Feuil1!B2", functionName: "ARE.ELIGIBLE", parameterAddresses: [] };
const octobre2024 = new Date(2024, 9, 1);

describe("Cellules vides, omises et en erreur", () => {
  test.each([null, undefined, "", "   ", "\u00a0", "\u202f"])("%p est une cellule vide", (value) => {
    expect(estVide(value)).toBe(true);
  });

  test.each([0, "0", false, "50022137"])("%p n'est pas une cellule vide", (value) => {
    expect(estVide(value)).toBe(false);
  });

  test("un objet d'invocation reçu à la place d'un argument optionnel compte comme omis", () => {
    expect(estOmis(invocation)).toBe(true);
    expect(lireAnnee(invocation, octobre2024)).toBe(2024);
  });

  test("une valeur d'erreur n'est jamais prise pour un argument omis", () => {
    expect(estOmis({ code: "#N/A" })).toBe(false);
    expect(estOmis([["a"]])).toBe(false);
  });

  test.each([
    ["#N/A", "#N/A"],
    [" #DIV/0! ", "#DIV/0!"],
    [{ code: "#REF!", message: "" }, "#REF!"],
    [{ type: "Error", errorType: "NotAvailable", basicValue: "#N/A" }, "#N/A"],
    ["N/A", null],
    ["50022137", null],
    [{ address: "A1" }, null],
  ])("erreurExcel(%p) = %p", (value, expected) => {
    expect(erreurExcel(value)).toBe(expected);
  });

  test("une erreur reçue dans un argument est signalée comme telle, avec un message en français", () => {
    expect(() => lireDecimal("#N/A", { nom: "Effectif", videVautZero: true })).toThrow(ErreurExcelRecue);
    expect(() => lireAnnee({ code: "#VALUE!" }, octobre2024)).toThrow(
      "La cellule contient l'erreur #VALEUR! : corrigez-la avant de l'utiliser.",
    );
  });
});

describe("Nombres saisis à la française", () => {
  const montant = { nom: "Montant", videVautZero: true };
  const indice = { nom: "Indice", videVautZero: false };

  test.each([
    [114.18, "114.18"],
    ["114,18", "114.18"],
    ["1 234,5", "1234.5"],
    ["1\u00a0234,50", "1234.5"],
    ["-0.5", "-0.5"],
    [" 151 ", "151"],
    ["1.234,5", "1234.5"],
    ["1\u202f234,56 €", "1234.56"],
    ["1'234.56", "1234.56"],
  ])("%p se lit %s, comme dans une feuille (lecteur unique)", (value, expected) => {
    expect(lireDecimal(value, indice).toString()).toBe(expected);
  });

  test("un montant vide vaut 0, un indice vide est une erreur qui le dit", () => {
    expect(lireDecimal(null, montant).toString()).toBe("0");
    expect(lireDecimal("", montant).toString()).toBe("0");
    expect(() => lireDecimal(null, indice)).toThrow("Indice manquant : saisissez un nombre.");
  });

  test.each([
    ["abc", "Indice « abc » illisible : un nombre est attendu (par exemple 114,18)."],
    [true, "Indice « VRAI » illisible : un nombre est attendu (par exemple 114,18)."],
    ["12 élèves", "Indice « 12 élèves » illisible : un nombre est attendu (par exemple 114,18)."],
    ["35 %", "Indice « 35 % » illisible : un nombre est attendu (par exemple 114,18)."],
    [Infinity, "Indice : nombre invalide."],
  ])("%p est refusé : %s", (value, message) => {
    expect(() => lireDecimal(value, indice)).toThrow(new ErreurArgument("nombre-invalide", message));
  });
});

describe("Mêmes bornes que la lecture des feuilles (issue 11 point 18)", () => {
  test("« 1.234 » est refusé comme ambigu, avec les deux lectures", () => {
    expect(() => lireDecimal("1.234", { nom: "Indice", videVautZero: false })).toThrow(
      /Indice « 1\.234 » ambigu .* 1\u202f234 .* 1,2340/,
    );
  });

  test.each([
    [24, 24],
    ["24", 24],
    ["1 234", 1234],
    ["12,0", 12],
    [null, 0],
    // =ARE.DOTATION(0,1*240;…): the binary noise of a formula (regles.md#lecture.effectif-bruit-formule).
    [24.000000000000004, 24],
  ])("l'effectif %p vaut %p", (value, expected) => {
    expect(lireEffectif(value, "Effectif")).toBe(expected);
  });

  test.each([
    [
      10_001,
      "effectif-invraisemblable",
      /Effectif « 10001 » invraisemblable \(plus de 10 000 élèves\) : une date/,
    ],
    [45292, "effectif-invraisemblable", /invraisemblable .* une date/],
    [1e308, "effectif-invraisemblable", /invraisemblable/],
    ["12,5", "effectif-decimal", /Effectif « 12,5 » non entier/],
    [12.5, "effectif-decimal", /non entier/],
    [-3, "effectif-negatif", /négatif/],
    ["1.234", "effectif-texte", /ambigu/],
    [true, "effectif-texte", /Effectif « VRAI » illisible/],
  ])("l'effectif %p est refusé (%s) : jamais tronqué ni infini", (value, code, message) => {
    expect(() => lireEffectif(value, "Effectif")).toThrow(message);
    try {
      lireEffectif(value, "Effectif");
    } catch (error) {
      expect((error as ErreurArgument).code).toBe(code);
    }
  });

  test("un montant au-delà d'un milliard d'euros est refusé (1E+308 ne devient jamais l'infini)", () => {
    expect(() => lireMontantArgument(1e308, "Dotation")).toThrow(
      /Dotation « 1e\+308 » invraisemblable \(plus d'un milliard d'euros\)/,
    );
    expect(lireMontantArgument("1 000 000 000", "Dotation").toString()).toBe("1000000000");
    expect(lireMontantArgument(null, "Dotation").toString()).toBe("0");
    expect(() => lireMontantArgument(null, "Quotient familial", false)).toThrow(/manquant/);
  });

  test("un indice hors de 50 à 500 est refusé", () => {
    expect(lireIndice("118,38", "Indice").toString()).toBe("118.38");
    expect(() => lireIndice(1e308, "Indice")).toThrow(
      /invraisemblable : un indice des prix est compris entre 50 et 500/,
    );
    expect(() => lireIndice(0, "Indice")).toThrow(/invraisemblable/);
  });

  test("un message cite au plus 60 caractères d'un argument", () => {
    const long = "x".repeat(5000);
    for (const lire of [
      () => lireDecimal(long, { nom: "Indice", videVautZero: false }),
      () => lireEffectif(long, "Effectif"),
      () => lireTauxBoursiersArgument(long),
      () => lireBooleen(long, "A répondu", true),
    ]) {
      try {
        lire();
        throw new Error("pas d'erreur");
      } catch (error) {
        const message = (error as Error).message;
        expect(message).toContain("x".repeat(60) + "… (5\u202f000 caractères)");
        expect(message).not.toContain("x".repeat(61));
      }
    }
  });

  test("une erreur reçue est nommée comme dans Excel en français", () => {
    expect(() => lireDecimal({ code: "#VALUE!" }, { nom: "Indice", videVautZero: false })).toThrow(
      "La cellule contient l'erreur #VALEUR! : corrigez-la avant de l'utiliser.",
    );
  });
});

describe("Année scolaire (design.md §3)", () => {
  test.each([
    [2024, 2024],
    ["2024", 2024],
    ["2024-2025", 2024],
    ["2024/2025", 2024],
    [" 2023 - 2024 ", 2023],
  ])("%p désigne la rentrée %i", (value, expected) => {
    expect(lireAnnee(value, octobre2024)).toBe(expected);
  });

  test.each([
    [new Date(2024, 8, 1), 2024],
    [new Date(2025, 7, 31), 2024],
    [new Date(2025, 8, 1), 2025],
  ])("omise, c'est l'année scolaire en cours le %p : rentrée %i", (aujourdhui, expected) => {
    expect(lireAnnee(null, aujourdhui)).toBe(expected);
    expect(lireAnnee("", aujourdhui)).toBe(expected);
  });

  test("une année incohérente est #VALUE!, une année non encodée est #N/A", () => {
    expect(() => lireAnnee("2024-2026", octobre2024)).toThrow(ErreurArgument);
    expect(() => lireAnnee(45566, octobre2024)).toThrow(ErreurArgument);
    expect(() => lireAnnee(2022, octobre2024)).toThrow(ErreurParametreManquant);
  });
});

describe("VRAI / FAUX", () => {
  test.each([
    [true, true],
    [false, false],
    [1, true],
    [0, false],
    ["oui", true],
    ["Non", false],
    ["VRAI", true],
    ["faux", false],
    // The words a « Réponse à l'enquête » column holds, read alike by the pane (lireOuiNon): « X »
    // ticked was #VALEUR! in =ARE.NETTE while Dotations counted the answer.
    ["X", true],
    ["Yes", true],
    ["no", false],
  ])("%p se lit %p", (value, expected) => {
    expect(lireBooleen(value, "A répondu", true)).toBe(expected);
  });

  test("omis, c'est la valeur par défaut ; un autre mot est refusé", () => {
    expect(lireBooleen(null, "A répondu", true)).toBe(true);
    expect(lireBooleen(invocation, "A répondu", false)).toBe(false);
    expect(() => lireBooleen("peut-être", "A répondu", true)).toThrow(
      "A répondu « peut-être » illisible : indiquez VRAI ou FAUX.",
    );
  });
});

describe("Taux", () => {
  test.each([0.35, "35 %", "35%", "35,0 %", "0,35", 35, "35"])(
    "le taux de boursiers %p vaut 35 %",
    (value) => {
      expect(lireTauxBoursiersArgument(value).ratio.toString()).toBe("0.35");
    },
  );

  test("un taux de boursiers de 1 compte pour 100 % et dit son ambiguïté ; -0 vaut 0 ; 150 est refusé", () => {
    expect(lireTauxBoursiersArgument(1)).toMatchObject({
      description: "100 % (valeur 1 ambiguë, comptée pour 100 %)",
    });
    expect(lireTauxBoursiersArgument(1).ambiguite).toMatch(/100 % .* ou 1 %/);
    expect(lireTauxBoursiersArgument(-0).ratio.isNegative()).toBe(false);
    expect(() => lireTauxBoursiersArgument(150)).toThrow(/150 % invalide/);
  });

  test("un taux de boursiers manquant est signalé", () => {
    expect(() => lireTauxBoursiersArgument(null)).toThrow(/Taux de boursiers manquant/);
  });

  test.each([
    [0.0368, "0.0368"],
    ["3,68 %", "0.0368"],
    ["0,0368", "0.0368"],
    ["-1 %", "-0.01"],
    [-0.004, "-0.004"],
  ])("le taux d'indexation %p vaut %s", (value, expected) => {
    expect(lireTauxIndexation(value).toString()).toBe(expected);
  });

  test("un taux d'indexation de 1 ou plus est refusé plutôt que deviné (3,68 ou 368 % ?)", () => {
    expect(() => lireTauxIndexation(3.68)).toThrow(
      "Taux 3,68 invalide : saisissez un taux (0,0368) ou un pourcentage (3,68 %).",
    );
    expect(() => lireTauxIndexation(null)).toThrow("Taux manquant : saisissez un nombre.");
  });
});

describe("Plages", () => {
  test("une valeur seule devient une matrice 1 × 1, une ligne par élément d'une liste, une matrice reste telle", () => {
    expect(enMatrice("50022137")).toEqual([["50022137"]]);
    expect(enMatrice(["a", "b"])).toEqual([["a"], ["b"]]);
    expect(
      enMatrice([
        [1, 2],
        [3, 4],
      ]),
    ).toEqual([
      [1, 2],
      [3, 4],
    ]);
  });
});
