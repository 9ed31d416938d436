/**
 * The catalogue rules that may change (issue 14 §1) are data with their reference, not constants:
 * eligible NSF groups, kinds of diploma and their line, the ST2S exclusion (src/rules/catalogue/regles/).
 * Each file cites its text, and the values are those of the seed (modalités 2023-2024).
 */
import * as fs from "fs";
import * as path from "path";
import {
  DIPLOMA_KINDS,
  ELIGIBLE_NSF_TEXT,
  ST2S,
  eligibilityOf,
  isEligibleNsf,
  readCodeFormation,
} from "../../src/rules";

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
    "%s cite son texte (titre, document, adresse, date) et dit quand il a été vérifié",
    (_f, d) => {
      expect(d.description).toEqual(expect.any(String));
      for (const champ of ["titre", "document", "url", "date"]) expect(d.reference[champ]).toMatch(/\S/);
      expect(d.reference.url).toMatch(/^https:\/\//);
      expect(d.reference.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(d.derniereVerification).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(d.depuis).toBe("2023-2024");
    },
  );

  test("groupes NSF éligibles : 134, les domaines 20 à 25 et les onze services nommés par les modalités", () => {
    expect(ELIGIBLE_NSF_TEXT).toBe(
      "134, 200 à 259 (domaines de la production), 311, 312, 321, 322, 323, 330, 331, 334, 336, 343, 344 (services listés par l'annexe, 331 hors ST2S)",
    );
    for (const nsf of [134, 200, 221, 259, 311, 331, 344])
      expect([nsf, isEligibleNsf(nsf)]).toEqual([nsf, true]);
    for (const nsf of [100, 133, 260, 313, 324, 326, 332])
      expect([nsf, isEligibleNsf(nsf)]).toEqual([nsf, false]);
  });

  test("types de diplôme : 17 dans le dispositif (9 pré-bac, 7 post-bac, le collège), 8 hors dispositif", () => {
    const par = (c: string | null) => [...DIPLOMA_KINDS.values()].filter((k) => k.categorie === c).length;
    expect([par("PRE_BAC"), par("POST_BAC"), par("PREPA_METIERS"), par(null)]).toEqual([9, 7, 1, 8]);
    expect(DIPLOMA_KINDS.get("241")).toEqual({ prefix: "241", libelle: "DN MADE", categorie: "POST_BAC" });
  });

  test("ST2S : deux codes bien formés, bac technologique (430) de la spécialité 331, non éligibles", () => {
    expect([...ST2S.keys()]).toEqual(["43033104", "43033103"]);
    for (const code of ST2S.keys()) {
      expect(readCodeFormation(code)).toMatchObject({ ok: true, code });
      expect(code.slice(0, 6)).toBe("430331");
      expect(eligibilityOf(code, 2023)).toMatchObject({ eligible: false });
    }
  });
});
