import * as fs from "fs";
import { catalogueDeLAnnee, eligibiliteDe, nsfDe, reglesCatalogue } from "../../src/rules";
import { SUCCESSEURS, successeursDe } from "../../src/rules/catalogue/successeurs";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { generer, CSV, MODULE } = require("../../scripts/successeurs-bcn.js");

const judge = (code: string, annee = 2023) => eligibiliteDe(code, annee);

describe("Successeurs dans la nomenclature nationale (R4, décision « successeurs »)", () => {
  test("le module embarqué est exactement celui que le script tire du fichier BCN du dépôt", () => {
    expect(fs.readFileSync(MODULE, "utf8")).toBe(generer(fs.readFileSync(CSV, "utf8")));
  });

  test("48 codes de la liste 2023-2024 nomment 63 successeurs, tous absents de la liste", () => {
    const liste = catalogueDeLAnnee(2023);
    const predecesseurs = new Set([...SUCCESSEURS.values()].map((s) => s.predecesseur));
    expect(predecesseurs.size).toBe(48);
    expect(SUCCESSEURS.size).toBe(63);
    for (const s of SUCCESSEURS.values()) {
      expect(liste.get(s.predecesseur)).toBeDefined();
      expect(liste.get(s.code)).toBeUndefined();
    }
  });

  test("50022146 CUISINE (CAP), successeur de 50022139 : éligible PRE BAC, avec l'alerte qui nomme le code remplacé", () => {
    expect(judge("50022146")).toEqual({
      code: "50022146",
      nsf: 221,
      eligible: true,
      categorie: "PRE_BAC",
      source: "successeur",
      formation: null,
      alerte: "successeur de 50022139 CUISINE (CAP), liste 2023-2024 : à vérifier",
      motif:
        "Éligible PRE BAC : CUISINE (CAP), successeur de 50022139 CUISINE (CAP), liste 2023-2024 : à vérifier.",
    });
  });

  test("un BTS remplacé (32033110 PROTHESISTE DENTAIRE → 32033111) : le successeur est POST BAC", () => {
    expect(judge("32033111")).toMatchObject({
      eligible: true,
      categorie: "POST_BAC",
      alerte: "successeur de 32033110 PROTHESISTE DENTAIRE (BTS), liste 2023-2024 : à vérifier",
    });
  });

  test("les 14 mentions du DN MADE 24113401 sont POST BAC avec l'alerte, dont les 6 que la règle NSF seule exclurait", () => {
    const mentions = successeursDe("24113401");
    expect(mentions).toHaveLength(14);
    const exclues = mentions
      .filter((m) => !reglesCatalogue(2023).nsfEligible(nsfDe(m.code)))
      .map((m) => m.code);
    expect(exclues.sort()).toEqual(["24113301", "24132001", "24132601", "24132602", "24133201", "24133501"]);
    for (const m of mentions) {
      expect(judge(m.code)).toMatchObject({
        eligible: true,
        categorie: "POST_BAC",
        source: "successeur",
        alerte: "successeur de 24113401 METIERS D'ART ET DU DESIGN (DN), liste 2023-2024 : à vérifier",
      });
    }
  });

  test("une année sans liste propre (2026-2027) applique aussi les successeurs de la liste 2023-2024, et le dit", () => {
    expect(judge("50022146", 2026)).toMatchObject({
      eligible: true,
      categorie: "PRE_BAC",
      source: "successeur",
      alerte: "successeur de 50022139 CUISINE (CAP), liste 2023-2024 utilisée pour 2026-2027 : à vérifier",
    });
  });

  test("un code de la liste renommé depuis dans la BCN montre ses deux libellés", () => {
    expect(judge("50022142").motif).toBe(
      "Éligible PRE BAC : PRODUCTION ET SERVICE EN RESTAURATION (RAPIDE, COLLECTIVE, CAFETERIA) (CAP) (liste indicative 2023-2024), devenu PRODUCTION ET SERVICE EN RESTAURATIONS (RAPIDE, COLLECTIVE, CAFETERIA) (CAP).",
    );
    // Accents and OCR artefacts repaired in the annex are not renamings.
    expect(judge("50024240").motif).toBe(
      "Éligible PRE BAC : METIERS DE LA MODE-VÊTEMENT FLOU (CAP), liste indicative 2023-2024.",
    );
  });
});
