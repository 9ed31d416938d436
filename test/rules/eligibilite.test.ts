import { eligibiliteDe, ErreurArgument } from "../../src/rules";

const judge = (code: unknown) => eligibiliteDe(code, 2023);

describe("Éligibilité d'une formation (R2-R5)", () => {
  test("BOULANGER (CAP) 50022137 est éligible pré-bac, d'après la liste indicative 2023-2024", () => {
    expect(judge("50022137")).toMatchObject({
      eligible: true,
      categorie: "PRE_BAC",
      source: "catalogue",
      alerte: null,
      motif: "Éligible PRE BAC : BOULANGER (CAP), liste indicative 2023-2024.",
    });
  });

  test("3ème prépa-métiers 67010031 est éligible en 3EME PREPA-METIERS", () => {
    expect(judge(67010031)).toMatchObject({
      eligible: true,
      categorie: "PREPA_METIERS",
      source: "catalogue",
    });
  });

  test("BTS Électrotechnique 32025520 est éligible post-bac", () => {
    expect(judge("32025520")).toMatchObject({ eligible: true, categorie: "POST_BAC" });
  });

  test("le bac techno ST2S 43033104 est exclu (« 331 – Santé (hors ST2S) »), comme l'ancien code 43033103", () => {
    for (const code of ["43033104", "43033103"]) {
      const result = judge(code);
      expect(result).toMatchObject({ eligible: false, categorie: null, source: "regle" });
      expect(result.motif).toContain("ST2S");
    }
  });

  test("une préparation pré-bac NSF 331 au même suffixe que ST2S reste éligible (46033104 AIDE-SOIGNANT)", () => {
    expect(judge("46033104")).toMatchObject({ eligible: true, categorie: "PRE_BAC", source: "catalogue" });
  });

  test("un code 670 absent de la liste n'est pas éligible, même d'un groupe de production : c'est une classe de collège", () => {
    for (const code of ["67025001", "67012001"]) {
      const result = judge(code);
      expect(result).toMatchObject({ eligible: false, categorie: null, source: "regle", alerte: null });
      expect(result.motif).toMatch(/^Non éligible : classe de collège \(formation générale du 1er cycle/);
    }
  });

  test("le groupe NSF 100 n'est éligible que pour la 3ème prépa-métiers : un CAP 100 ne l'est pas", () => {
    const result = judge("50010001");
    expect(result.eligible).toBe(false);
    expect(result.motif).toContain("Formations générales");
  });

  test.each([
    ["CAP en NSF 313 (finances, banque, assurances)", "50031301", "313"],
    ["CAP en NSF 326 (informatique)", "50032601", "326"],
  ])("%s n'est pas éligible", (_name, code, nsf) => {
    const result = judge(code);
    expect(result).toMatchObject({ eligible: false, categorie: null, source: "regle" });
    expect(result.motif).toContain(`NSF ${nsf}`);
  });

  test("un bac général (préfixe 470) est hors dispositif", () => {
    const result = judge("47020001");
    expect(result).toMatchObject({ eligible: false });
    expect(result.motif).toContain("bac général");
  });

  test("un BTS d'un groupe éligible absent de l'annexe est éligible post-bac, avec l'alerte « hors liste »", () => {
    const result = judge("32025599");
    expect(result).toMatchObject({
      eligible: true,
      categorie: "POST_BAC",
      source: "regle",
      alerte: "hors liste indicative 2023-2024 : à vérifier",
    });
    expect(result.motif).toContain("par la règle");
  });

  test("une mention complémentaire (préfixe 010) est hors dispositif", () => {
    expect(judge("01022201")).toMatchObject({ eligible: false });
    expect(judge("01022201").motif).toContain("mention complémentaire");
  });

  test("un préfixe inconnu est hors dispositif en nommant le préfixe", () => {
    expect(judge("99922101").motif).toContain("préfixe 999");
  });

  test.each([
    ["7 chiffres", "5002213"],
    ["9 caractères", "ABCDEFGHI"],
    ["un code MEF de 11 caractères", "24322137310"],
  ])("un code mal formé (%s) est une erreur d'argument en français", (_name, code) => {
    expect(() => judge(code)).toThrow(ErreurArgument);
    expect(() => judge(code)).toThrow(/Code formation « .* » invalide/);
  });

  test("le code est normalisé avant la recherche (nombre, espaces, apostrophe, .0)", () => {
    for (const raw of [50022137, " 50022137 ", "'50022137", "50022137.0"]) {
      expect(judge(raw)).toMatchObject({ code: "50022137", eligible: true });
    }
  });

  test("une année postérieure utilise la liste 2023-2024 et la nomme", () => {
    expect(eligibiliteDe("50022137", 2026).motif).toContain("liste indicative 2023-2024");
  });
});
