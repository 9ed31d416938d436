/**
 * The catalogue rules that may change (issue 14 §1) are data with their reference, not constants:
 * eligible NSF groups, kinds of diploma and their line, the ST2S exclusion (src/rules/catalogue/regles/).
 * Each file holds versions keyed by the rentrée they apply from, each citing its text; the values of
 * the first are those of the seed (modalités 2023-2024). A later version: regles-datees.test.ts.
 */
import * as fs from "fs";
import * as path from "path";
import {
  PREMIERE_ANNEE_SCOLAIRE,
  catalogueDeLAnnee,
  eligibiliteDe,
  libelleAnnee,
  lireCodeFormation,
  reglesCatalogue,
} from "../../src/rules";

const REGLES_2023 = reglesCatalogue(2023);
const DIPLOMA_KINDS = REGLES_2023.typesDiplome;
const ST2S = REGLES_2023.st2s;

const DOSSIER = path.join(__dirname, "../../src/rules/catalogue/regles");
const donnees = fs
  .readdirSync(DOSSIER)
  .filter((f) => f.endsWith(".json"))
  .map((f) => [f, JSON.parse(fs.readFileSync(path.join(DOSSIER, f), "utf8"))] as const);

describe("Règles du catalogue en données, chacune avec sa référence", () => {
  test("trois fichiers : spécialités NSF, types de diplôme, exclusions", () => {
    expect(donnees.map(([f]) => f).sort()).toEqual([
      "exclusions.json",
      "specialites-nsf.json",
      "types-diplome.json",
    ]);
  });

  test.each(donnees)(
    "%s : chaque version cite son texte (titre, document, adresse, date) et dit quand elle a été vérifiée",
    (_f, d) => {
      expect(d.description).toEqual(expect.any(String));
      expect(d.versions.length).toBeGreaterThan(0);
      for (const version of d.versions) {
        for (const champ of ["titre", "document", "url", "date"])
          expect(version.reference[champ]).toMatch(/\S/);
        expect(version.reference.url).toMatch(/^https:\/\//);
        expect(version.reference.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(version.derniereVerification).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }
    },
  );

  test.each(donnees)(
    "%s : versions datées par rentrée (« 2023-2024 »), croissantes, la première depuis la première année encodée",
    (_f, d) => {
      const depuis: string[] = d.versions.map((v: { depuis: string }) => v.depuis);
      for (const rentree of depuis) {
        expect(rentree).toMatch(/^\d{4}-\d{4}$/);
        expect(Number(rentree.slice(5))).toBe(Number(rentree.slice(0, 4)) + 1);
      }
      expect(depuis[0]).toBe(libelleAnnee(PREMIERE_ANNEE_SCOLAIRE));
      const annees = depuis.map((r) => Number(r.slice(0, 4)));
      expect(annees).toEqual([...new Set(annees)].sort((a, b) => a - b));
    },
  );

  test("une seule version par fichier : 2023-2024 et toutes les années suivantes sont jugées par les mêmes règles, résolues une fois", () => {
    expect(REGLES_2023.depuis).toEqual({ specialites: 2023, typesDiplome: 2023, exclusions: 2023 });
    for (const annee of [2024, 2025, 2026, 2030]) expect(reglesCatalogue(annee)).toBe(REGLES_2023);
    // The catalogue in force for a year carries them, the list carried over too.
    expect(catalogueDeLAnnee(2023).regles).toBe(REGLES_2023);
    expect(catalogueDeLAnnee(2026).regles).toBe(reglesCatalogue(2026));
  });

  test("groupes NSF éligibles : 134, les domaines 20 à 25 et les onze services nommés par les modalités", () => {
    expect(REGLES_2023.texteNsfEligibles).toBe(
      "134, 200 à 259 (domaines de la production), 311, 312, 321, 322, 323, 330, 331, 334, 336, 343, 344 (services listés par l'annexe, 331 hors ST2S)",
    );
    for (const nsf of [134, 200, 221, 259, 311, 331, 344])
      expect([nsf, REGLES_2023.nsfEligible(nsf)]).toEqual([nsf, true]);
    for (const nsf of [100, 133, 260, 313, 324, 326, 332])
      expect([nsf, REGLES_2023.nsfEligible(nsf)]).toEqual([nsf, false]);
  });

  test("types de diplôme : 17 dans le dispositif (9 pré-bac, 7 post-bac, le collège), 8 hors dispositif", () => {
    const par = (c: string | null) => [...DIPLOMA_KINDS.values()].filter((k) => k.categorie === c).length;
    expect([par("PRE_BAC"), par("POST_BAC"), par("PREPA_METIERS"), par(null)]).toEqual([9, 7, 1, 8]);
    expect(DIPLOMA_KINDS.get("241")).toEqual({ prefix: "241", libelle: "DN MADE", categorie: "POST_BAC" });
  });

  test("ST2S : deux codes bien formés, bac technologique (430) de la spécialité 331, non éligibles", () => {
    expect([...ST2S.keys()]).toEqual(["43033104", "43033103"]);
    for (const code of ST2S.keys()) {
      expect(lireCodeFormation(code)).toMatchObject({ ok: true, code });
      expect(code.slice(0, 6)).toBe("430331");
      expect(eligibiliteDe(code, 2023)).toMatchObject({ eligible: false });
    }
  });
});
