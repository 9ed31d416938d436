import {
  ErreurArgument,
  catalogueDeLAnnee,
  eligibiliteDe,
  groupeNsf,
  jugerFormation,
  reglesCatalogue,
} from "../../src/rules";

const DIPLOMA_KINDS = reglesCatalogue(2023).typesDiplome;

const judge = (code: unknown) => eligibiliteDe(code, 2023);

describe("Classes de collège (préfixe 670) : seule la 3ème prépa-métiers est éligible (R3)", () => {
  test("67010031, 3ème prépa-métiers de la liste 2023-2024 : éligible 3EME PREPA-METIERS", () => {
    expect(judge("67010031")).toMatchObject({
      eligible: true,
      categorie: "PREPA_METIERS",
      source: "catalogue",
    });
  });

  test.each([
    ["6e", "67010012"],
    ["5e-4e", "67010001"],
    ["3e", "67010019"],
    ["3e de l'enseignement agricole", "67010021"],
  ])("la classe de %s (%s) n'est pas éligible, motif « classe de collège » qui la nomme", (libelle, code) => {
    const result = judge(code);
    expect(result).toMatchObject({ eligible: false, categorie: null, alerte: null });
    expect(result.motif).toBe(
      `Non éligible : classe de collège (${libelle}, code ${code}) ; parmi les classes de collège, seule la 3e prépa-métiers est éligible (67010031 3EME PREPA-METIERS, liste indicative 2023-2024).`,
    );
  });

  test("un code 670 hors liste dont le libellé donné est « 3ème prépa-métiers » est éligible, avec l'alerte « hors liste »", () => {
    const catalogue = catalogueDeLAnnee(2024);
    expect(jugerFormation("67010099", catalogue, "3ème Prépa-Métiers")).toMatchObject({
      eligible: true,
      categorie: "PREPA_METIERS",
      source: "regle",
      // 2024-2025 has no list of its own: the alerte names the list carried over.
      alerte: "hors liste indicative 2023-2024 utilisée pour 2024-2025 : à vérifier",
    });
    expect(jugerFormation("67010099", catalogue, "3EME")).toMatchObject({ eligible: false });
    expect(jugerFormation("67010099", catalogue).motif).toContain("classe de collège");
  });
});

describe("Codes BCN à lettres : jugés par la règle (R2)", () => {
  test("26Z13999 : type « 26Z » inconnu, non éligible, en nommant le préfixe", () => {
    const result = judge("26Z13999");
    expect(result).toMatchObject({ eligible: false, categorie: null });
    expect(result.motif).toContain("type de diplôme 26Z (préfixe 26Z), hors du dispositif ARE");
  });

  test("2602230A : préparation diverse post-bac, spécialité 223 (domaine 22) : éligible POST BAC par la règle, à vérifier", () => {
    expect(judge("2602230a")).toMatchObject({
      code: "2602230A",
      eligible: true,
      categorie: "POST_BAC",
      alerte: "hors liste indicative 2023-2024 : à vérifier",
    });
  });

  test("une lettre dans la spécialité (caractères 4 à 6) : aucun groupe NSF, non éligible", () => {
    const result = judge("5002A137");
    expect(result).toMatchObject({ eligible: false, categorie: null });
    expect(result.motif).toBe(
      "Non éligible : CAP, les caractères 4 à 6 (« 2A1 ») ne sont pas un groupe de spécialités NSF éligible.",
    );
  });
});

describe("BTS et diplômes assimilés (R2) : DMA et autres diplômes assimilés sont POST BAC", () => {
  test.each([
    ["321, DMA", "32123401", "diplôme des métiers d'art (DMA)"],
    ["322, autre diplôme assimilé au BTS", "32233401", "autre diplôme assimilé au BTS"],
  ])("%s : éligible POST BAC par la règle, avec l'alerte « hors liste »", (_nom, code, libelle) => {
    const result = judge(code);
    expect(result).toMatchObject({
      eligible: true,
      categorie: "POST_BAC",
      source: "regle",
      alerte: "hors liste indicative 2023-2024 : à vérifier",
    });
    expect(result.motif).toContain(libelle);
  });

  test("les libellés des types hors dispositif sont ceux de la BCN ; 011 n'est pas un type BCN", () => {
    expect(DIPLOMA_KINDS.get("561")?.libelle).toBe("certificat de spécialisation (niveau 3)");
    expect(DIPLOMA_KINDS.get("461")).toMatchObject({
      libelle: "mention complémentaire (niveau 4)",
      categorie: null,
    });
    expect(DIPLOMA_KINDS.get("010")).toMatchObject({
      libelle: "mention complémentaire (niveau 3)",
      categorie: null,
    });
    expect(DIPLOMA_KINDS.has("011")).toBe(false);
    expect(judge("01122101").motif).toContain("type de diplôme 011 (préfixe 011)");
  });

  test("chaque préfixe de design.md R2 a sa catégorie", () => {
    const attendu: Record<string, string | null> = {
      "500": "PRE_BAC",
      "503": "PRE_BAC",
      "400": "PRE_BAC",
      "403": "PRE_BAC",
      "401": "PRE_BAC",
      "430": "PRE_BAC",
      "433": "PRE_BAC",
      "420": "PRE_BAC",
      "460": "PRE_BAC",
      "670": "PREPA_METIERS",
      "320": "POST_BAC",
      "323": "POST_BAC",
      "321": "POST_BAC",
      "322": "POST_BAC",
      "241": "POST_BAC",
      "260": "POST_BAC",
      "140": "POST_BAC",
      "010": null,
      "450": null,
      "470": null,
      "350": null,
      "370": null,
      "510": null,
      "561": null,
    };
    for (const [prefix, categorie] of Object.entries(attendu)) {
      expect([prefix, DIPLOMA_KINDS.get(prefix)?.categorie]).toEqual([prefix, categorie]);
    }
  });
});

describe("ARE.NSF d'un code à lettres", () => {
  test("caractères 4 à 6 chiffrés : le groupe ; une lettre : une erreur d'argument qui les cite, jamais NaN", () => {
    expect(groupeNsf("2602230A")).toBe(223);
    expect(() => groupeNsf("5002A137")).toThrow(ErreurArgument);
    expect(() => groupeNsf("5002A137")).toThrow(/« 2A1 »\) ne sont pas un groupe de spécialités NSF/);
  });
});
