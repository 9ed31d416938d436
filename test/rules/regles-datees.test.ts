/**
 * Issue 14 §1: the catalogue rules « may change » at a rentrée (regles.md#eligibilite.regles-datees).
 * A version added to each rule file — what a newcomer does for a rentrée whose rules change, a dated
 * record in src/rules/catalogue/regles/*.json, no code — judges the years from its rentrée on, and
 * the years before it keep the old one. The three files are replaced, for this test only, by copies
 * with a version added (a test-only arrêté); every module is then loaded afresh, as a new build would.
 */
import type { Run } from "../cli/run";
import type * as Fonctions from "../../src/functions/functions";
import * as Regles from "../../src/rules";
import { ENTETE_LISTE } from "./liste2025";

const SPECIALITES = "../../src/rules/catalogue/regles/specialites-nsf.json";
const TYPES = "../../src/rules/catalogue/regles/types-diplome.json";
const EXCLUSIONS = "../../src/rules/catalogue/regles/exclusions.json";

const REFERENCE = {
  titre: "Modalités d'application 2026-2027 de l'ARE (document d'essai)",
  document: "Arrêté n° 2026-999 du 12 mars 2026 (document d'essai)",
  url: "https://are.test.invalid/arrete-2026-999.pdf",
  date: "2026-03-12",
};
const EN_2026 = { depuis: "2026-2027", reference: REFERENCE, derniereVerification: "2026-12-06", note: null };

/** A BTS of the specialty 326 « Informatique », outside the 2023-2024 list and its successors. */
const BTS_INFORMATIQUE = "32032699";
/** A mention complémentaire of level 3, specialty 221 (domain 22): a kind outside the scheme in 2023. */
const MC_CUISINE = "01022101";
const ST2S = "43033104";

let regles: typeof Regles;
let run: (argv: readonly string[]) => Promise<Run>;
let eligible: typeof Fonctions.eligible;
let motif: typeof Fonctions.motif;

// eslint-disable-next-line @typescript-eslint/no-require-imports
const charger = (chemin: string) => require(chemin);

/** A version of a file, the first one with `changes` applied, from 2026-2027. */
function ajouter(fichier: string, changes: (premiere: Record<string, unknown>) => Record<string, unknown>) {
  const donnees = jest.requireActual(fichier);
  const premiere = donnees.versions[0];
  jest.doMock(fichier, () => ({
    ...donnees,
    versions: [...donnees.versions, { ...premiere, ...EN_2026, ...changes(premiere) }],
  }));
}

// Not jest.isolateModules: the CLI loads a command's module when it runs (src/cli/main.ts), after
// an isolated registry would be gone. The copies stay mocked until every test of this file has run.
beforeAll(() => {
  jest.resetModules();
  // 326 « Informatique » becomes eligible; the mentions complémentaires of level 3 pré-bac; the ST2S
  // is no longer excluded by name (its specialty 331 is eligible, so it is judged by the rule).
  ajouter(SPECIALITES, (v) => ({ groupes: [...(v.groupes as number[]), 326].sort() }));
  ajouter(TYPES, (v) => ({
    dispositif: `${v.dispositif}, mention complémentaire`,
    types: (v.types as { prefixe: string }[]).map((t) =>
      t.prefixe === "010" ? { ...t, categorie: "PRE BAC" } : t,
    ),
  }));
  ajouter(EXCLUSIONS, () => ({ st2s: [] }));
  charger("../functions/customFunctionsStandIn").installCustomFunctionsGlobal();
  regles = charger("../../src/rules");
  ({ run } = charger("../cli/run"));
  ({ eligible, motif } = charger("../../src/functions/functions"));
});

afterAll(() => {
  for (const fichier of [SPECIALITES, TYPES, EXCLUSIONS]) jest.dontMock(fichier);
  jest.resetModules();
});

describe("Règles du catalogue datées : une version ajoutée depuis 2026-2027 (arrêté d'essai n° 2026-999)", () => {
  test("2023-2024 et 2025-2026 gardent l'ancienne version ; 2026-2027 et la suite prennent la nouvelle", () => {
    const ancienne = regles.reglesCatalogue(2023);
    expect(ancienne.depuis).toEqual({ specialites: 2023, typesDiplome: 2023, exclusions: 2023 });
    // A version stays in force until replaced: 2025-2026 is judged by the 2023-2024 one.
    expect(regles.reglesCatalogue(2025)).toBe(ancienne);
    const nouvelle = regles.reglesCatalogue(2026);
    expect(nouvelle.depuis).toEqual({ specialites: 2026, typesDiplome: 2026, exclusions: 2026 });
    expect(regles.reglesCatalogue(2030)).toBe(nouvelle);
    expect([ancienne.nsfEligible(326), nouvelle.nsfEligible(326)]).toEqual([false, true]);
  });

  test("BTS de spécialité 326 : non éligible en 2023-2024, éligible post-bac par la règle en 2026-2027", () => {
    expect(regles.eligibiliteDe(BTS_INFORMATIQUE, 2023)).toMatchObject({
      eligible: false,
      motif:
        "Non éligible : BTS, la spécialité NSF 326 – Informatique, traitement de l'information, réseaux de transmission n'est pas éligible.",
    });
    expect(regles.eligibiliteDe(BTS_INFORMATIQUE, 2025)).toMatchObject({ eligible: false });
    expect(regles.eligibiliteDe(BTS_INFORMATIQUE, 2026)).toMatchObject({
      eligible: true,
      categorie: "POST_BAC",
      source: "regle",
      alerte: "hors liste indicative 2023-2024 utilisée pour 2026-2027 : à vérifier",
    });
  });

  test("mention complémentaire : hors dispositif en 2023-2024, pré-bac en 2026-2027 ; le motif nomme les types de chaque année", () => {
    expect(regles.eligibiliteDe(MC_CUISINE, 2023)).toMatchObject({
      eligible: false,
      motif:
        "Non éligible : mention complémentaire (niveau 3) (préfixe 010), hors du dispositif ARE (CAP, bac pro, bac techno, BMA, BT, BTS et assimilés, DN MADE, DSAA, 3e prépa-métiers).",
    });
    expect(regles.eligibiliteDe(MC_CUISINE, 2026)).toMatchObject({ eligible: true, categorie: "PRE_BAC" });
    expect(regles.eligibiliteDe("47010001", 2026).motif).toContain(
      "DSAA, 3e prépa-métiers, mention complémentaire).",
    );
  });

  test("ST2S : exclu en 2023-2024, jugé par la règle en 2026-2027 ; une liste est vérifiée avec les règles de sa rentrée", () => {
    expect(regles.eligibiliteDe(ST2S, 2023).motif).toContain("bac technologique ST2S");
    expect(regles.eligibiliteDe(ST2S, 2026)).toMatchObject({ eligible: true, categorie: "PRE_BAC" });
    const grille = [ENTETE_LISTE, ["PRE BAC", 4, 331, ST2S, "BAC TECHNO", "ST2S"]];
    const verifier = (annee: number) =>
      regles
        .verifierListe(grille, { annee, reference: { titre: "Essai", url: "", date: "" }, precedente: null })
        .constats.map((c) => c.code);
    expect(verifier(2023)).toEqual(["liste-st2s"]);
    expect(verifier(2026)).toEqual([]);
  });

  test("le Catalogue du volet : les exclusions connues sont celles de l'année", () => {
    const codes = (annee: number) =>
      regles.exclusionsConnues(regles.catalogueDeLAnnee(annee)).map((e) => e.code);
    expect(codes(2023)).toEqual(expect.arrayContaining([ST2S, "010"]));
    expect(codes(2026)).not.toEqual(expect.arrayContaining([ST2S]));
    expect(codes(2026)).not.toContain("010");
  });

  test("are eligible et =ARE.ELIGIBLE : l'ancienne version pour 2023, la nouvelle pour 2026", async () => {
    const r2023 = await run(["eligible", BTS_INFORMATIQUE, "--annee", "2023"]);
    expect(r2023.stdout).toMatch(/32032699\s+non\s+—\s+Non éligible : BTS, la spécialité NSF 326/);
    const r2026 = await run(["eligible", BTS_INFORMATIQUE, "--annee", "2026"]);
    expect(r2026.code).toBe(0);
    expect(r2026.stdout).toMatch(/32032699\s+oui\s+POST BAC\s+Éligible POST BAC par la règle/);
    expect(eligible([[BTS_INFORMATIQUE], [MC_CUISINE]], 2023)).toEqual([[false], [false]]);
    expect(eligible([[BTS_INFORMATIQUE], [MC_CUISINE]], 2026)).toEqual([[true], [true]]);
    expect(motif([[ST2S]], "2026-2027")[0][0]).toMatch(/^Éligible PRE BAC par la règle \(bac technologique/);
  });

  test("sans les versions ajoutées (les modules de la suite, chargés avant), 2026-2027 garde les règles de 2023-2024", () => {
    expect(regles.reglesCatalogue).not.toBe(Regles.reglesCatalogue);
    expect(Regles.reglesCatalogue(2026)).toBe(Regles.reglesCatalogue(2023));
    expect(Regles.eligibiliteDe(BTS_INFORMATIQUE, 2026)).toMatchObject({ eligible: false });
  });
});
