/**
 * Issue 14, « Done when »: a forfait added as a data record — what a newcomer does for next year, a
 * record in donnees/forfait.pre_bac.json and its document in donnees/sources.json, no code — appears
 * with its reference in `are forfait`, in the task pane's « Forfaits par année » (the screen's data)
 * and in =ARE.FORFAIT. The two data files are replaced, for this test only, by copies with the record
 * added; every module is then loaded afresh, as a new build would.
 */
import type { Run } from "../cli/run";
import type * as Forfaits from "../../src/taskpane/forfaitsEnVigueur";
import type * as Fonctions from "../../src/functions/functions";
import * as Regles from "../../src/rules";
import type { StandInError } from "./customFunctionsStandIn";

const FORFAIT_PRE_BAC = "../../src/rules/parametres/donnees/forfait.pre_bac.json";
const SOURCES = "../../src/rules/parametres/donnees/sources.json";

/** The record and the document, written as in the data files (a test-only arrêté, 2025-2026). */
const DOCUMENT = {
  titre:
    "Arrêté n° 2025-999 du 14 mars 2025 portant fixation des forfaits de l'ARE au titre de l'année scolaire 2025-2026 (document d'essai)",
  court: "arrêté n° 2025-999",
  url: "https://are.test.invalid/arrete-2025-999.pdf",
  note: null,
};
const RECORD = {
  annee: "2025-2026",
  valeur: "161",
  source: "arrete-2025-999",
  article: "annexe I, point 2",
  verifieLe: "2026-12-06",
  note: null,
};

let run: (argv: readonly string[]) => Promise<Run>;
let forfaitsEnVigueur: typeof Forfaits.forfaitsEnVigueur;
let forfait: typeof Fonctions.forfait;
let dotation: typeof Fonctions.dotation;
let regles: typeof Regles;

/** A module loaded afresh, after the data files are replaced. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const charger = (chemin: string) => require(chemin);

// Not jest.isolateModules: the CLI loads a command's module when it runs (src/cli/main.ts), after
// an isolated registry would be gone. The copies stay mocked until every test of this file has run.
beforeAll(() => {
  jest.resetModules();
  const forfaitPreBac = jest.requireActual(FORFAIT_PRE_BAC);
  const sources = jest.requireActual(SOURCES);
  jest.doMock(FORFAIT_PRE_BAC, () => ({ ...forfaitPreBac, valeurs: [...forfaitPreBac.valeurs, RECORD] }));
  jest.doMock(SOURCES, () => ({ ...sources, "arrete-2025-999": DOCUMENT }));
  // The functions associate themselves with Excel's global when loaded: the stand-in comes first.
  charger("./customFunctionsStandIn").installCustomFunctionsGlobal();
  ({ run } = charger("../cli/run"));
  ({ forfaitsEnVigueur } = charger("../../src/taskpane/forfaitsEnVigueur"));
  ({ forfait, dotation } = charger("../../src/functions/functions"));
  regles = charger("../../src/rules");
});

afterAll(() => {
  jest.dontMock(FORFAIT_PRE_BAC);
  jest.dontMock(SOURCES);
  jest.resetModules();
});

describe("Un forfait ajouté comme donnée (pré-bac 2025-2026 : 161 €, arrêté d'essai n° 2025-999)", () => {
  test("are forfait : le montant, son texte, l'article et l'adresse du document", async () => {
    const r = await run(["forfait", "2025", "--categorie", "PRE BAC"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Pré-bac : 161\u00a0€ (arrêté n° 2025-999)");
    expect(r.stdout).toContain(
      `  ${DOCUMENT.titre} (annexe I, point 2) — https://are.test.invalid/arrete-2025-999.pdf`,
    );
    const json = JSON.parse((await run(["forfait", "2025", "--categorie", "PRE BAC", "--json"])).stdout);
    expect(json.forfaits[0]).toMatchObject({
      valeur: "161.00",
      origine: "publie",
      reference: { court: "arrêté n° 2025-999", url: DOCUMENT.url, article: "annexe I, point 2" },
      verifieLe: "2026-12-06",
    });
  });

  test("le volet, Paramètres › Forfaits par année : le montant dans sa colonne, le texte sous le tableau", () => {
    const lignes = forfaitsEnVigueur(regles.Parametres.embarques(), 2025);
    const ligne2025 = lignes.find((l) => l.annee === 2025)!;
    expect(ligne2025.cases.PRE_BAC).toEqual({
      connu: true,
      montant: "161\u00a0€",
      reference: "arrêté n° 2025-999",
      indexe: false,
    });
    expect(ligne2025.sources).toContainEqual({
      court: "arrêté n° 2025-999",
      titre: DOCUMENT.titre,
      url: DOCUMENT.url,
      articles: ["annexe I, point 2"],
    });
    // Only the pré-bac line was published: the post-bac one still waits for the December index.
    expect(ligne2025.cases.POST_BAC.connu).toBe(false);
    expect(ligne2025.manque).toMatch(/il manque IPC décembre 2024 \(base 2015\)/);
  });

  test("=ARE.FORFAIT(2025) vaut 161, et la dotation pré-bac 2025-2026 s'en sert : 10 × 161 € = 1 610 €", () => {
    expect(forfait(2025)).toBe(161);
    expect(forfait("2025-2026", "pré-bac")).toBe(161);
    expect(dotation([[10]], [["PRE BAC"]], [[2025]])).toEqual([[1610]]);
    // An indexed amount is never carried over: 2026-2027 needs its December indices.
    let erreur: StandInError | null = null;
    try {
      forfait(2026);
    } catch (error) {
      erreur = error as StandInError;
    }
    expect(erreur?.code).toBe("#N/A");
  });

  test("sans la donnée ajoutée (les modules de la suite, chargés avant), le pré-bac 2025-2026 reste à calculer", () => {
    expect(regles.Parametres).not.toBe(Regles.Parametres);
    expect(() => Regles.Parametres.embarques().forfait("PRE_BAC", 2025)).toThrow(
      Regles.ErreurParametreManquant,
    );
  });
});
