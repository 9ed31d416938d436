import { catalogueDeLAnnee } from "../../src/rules";
import {
  catalogueRows,
  catalogueSheet,
  diplomaTypes,
  judgeTypedCode,
  searchCatalogue,
} from "../../src/taskpane/catalogue/search";

const catalogue = catalogueDeLAnnee(2024);
const rows = catalogueRows(catalogue);
type Row = ReturnType<typeof searchCatalogue>[number];
const codes = (found: readonly Row[]) => found.map((r) => r.code);
const categorie = (row: Row) => (row.eligible ? row.categorie : "Non éligible");

describe("Catalogue : recherche dans la liste indicative 2023-2024", () => {
  test("par libellé, casse et accents ignorés : « boulanger » trouve BOULANGER (CAP) 50022137, éligible pré-bac", () => {
    const found = searchCatalogue(rows, "Boulanger");
    expect(codes(found)).toEqual(["50022137"]);
    expect(categorie(found[0])).toBe("PRE BAC");
    expect(codes(searchCatalogue(rows, "cap pâtissier"))).toContain("50022141");
  });

  test("par code (début du code) ou par groupe NSF : « 221 » trouve les 10 formations de la spécialité 221", () => {
    expect(codes(searchCatalogue(rows, "'50022137"))).toEqual(["50022137"]);
    const nsf221 = searchCatalogue(rows, "221");
    expect(nsf221).toHaveLength(10);
    expect(nsf221.every((r) => r.eligible && r.formation.nsf === 221)).toBe(true);
  });

  test("par type de diplôme : les 4 BTS agricoles ; la 3ème prépa-métiers a sa catégorie", () => {
    expect(diplomaTypes(catalogue)).toContain("BREVET DE TECHNICIEN SUPERIEUR AGRICOLE");
    expect(searchCatalogue(rows, "", "BREVET DE TECHNICIEN SUPERIEUR AGRICOLE")).toHaveLength(4);
    expect(categorie(searchCatalogue(rows, "67010031")[0])).toBe("3EME PREPA-METIERS");
    expect(searchCatalogue(rows, "")).toHaveLength(222);
  });
});

describe("Catalogue : une recherche répond « est-ce éligible ? », exclusions comprises", () => {
  const exclues = (found: readonly Row[]) => found.filter((r) => !r.eligible);

  test("« ST2S » trouve d'abord le bac ST2S 43033104 (et l'ancien 43033103), non éligible avec le motif, puis les 14 formations « Santé (hors ST2S) »", () => {
    const found = searchCatalogue(rows, "ST2S");
    expect(codes(found).slice(0, 2)).toEqual(["43033104", "43033103"]);
    expect(found[0]).toMatchObject({
      eligible: false,
      motif: "Non éligible : bac technologique ST2S, exclu de la spécialité 331 « Santé (hors ST2S) ».",
    });
    expect(found.filter((r) => r.eligible)).toHaveLength(14);
  });

  test("« 6ème » trouve la classe de 6ème 67010012, non éligible : classe de collège", () => {
    const found = searchCatalogue(rows, "6ème");
    expect(codes(found)).toEqual(["67010012"]);
    // However the ordinal is written (issue 12, point 14: the screens write « 6e »).
    expect(codes(searchCatalogue(rows, "6e"))).toEqual(["67010012"]);
    expect(codes(searchCatalogue(rows, "6EME"))).toEqual(["67010012"]);
    expect(found[0]).toMatchObject({
      eligible: false,
      motif: expect.stringMatching(/^Non éligible : classe de collège \(6e, code 67010012\)/),
    });
  });

  test("« collège » trouve les 4 classes de collège non éligibles, et la 3ème prépa-métiers n'en est pas", () => {
    const found = searchCatalogue(rows, "collège");
    expect(codes(exclues(found))).toEqual(["67010012", "67010001", "67010019", "67010021"]);
    expect(codes(found)).not.toContain("67010031");
  });

  test("« CAP » trouve les CAP éligibles et les CAP d'une autre spécialité, non éligibles, avec les groupes NSF éligibles", () => {
    const found = searchCatalogue(rows, "CAP");
    expect(found.filter((r) => r.eligible).length).toBeGreaterThan(50);
    const autre = exclues(found);
    expect(autre).toHaveLength(1);
    expect(autre[0].eligible === false && autre[0].motif).toMatch(
      /^Non éligible : seules les spécialités NSF 134, 200 à 259/,
    );
  });

  test("« mention complémentaire », « bac général », « 370 » : les types hors dispositif, motif du cœur", () => {
    expect(codes(searchCatalogue(rows, "mention complémentaire"))).toEqual(["010", "461"]);
    const bacGeneral = searchCatalogue(rows, "bac général");
    expect(bacGeneral[0]).toMatchObject({ eligible: false, code: "470" });
    expect(bacGeneral[0].eligible === false && bacGeneral[0].motif).toContain(
      "bac général (préfixe 470), hors du dispositif ARE",
    );
    expect(codes(searchCatalogue(rows, "370"))).toEqual(["370"]);
  });

  test("sans recherche, la liste seule ; un filtre de type n'amène pas d'exclusion", () => {
    expect(exclues(searchCatalogue(rows, ""))).toEqual([]);
    expect(exclues(searchCatalogue(rows, "ST2S", "BACCALAUREAT TECHNOLOGIQUE"))).toEqual([]);
  });
});

describe("Catalogue : un code tapé hors de la liste est jugé par la règle", () => {
  test("40025214, bac pro hors liste : éligible pré-bac par la règle, avec l'alerte « à vérifier »", () => {
    const typed = judgeTypedCode("40025214", catalogue);
    expect(typed?.kind).toBe("eligibility");
    if (typed?.kind === "eligibility") {
      expect(typed.eligibility.eligible).toBe(true);
      expect(typed.eligibility.categorie).toBe("PRE_BAC");
      expect(typed.eligibility.motif).toContain(
        "hors liste indicative 2023-2024 utilisée pour 2024-2025 : à vérifier",
      );
    }
  });

  test("43033104, bac techno ST2S : non éligible, avec le motif du cœur", () => {
    const typed = judgeTypedCode("43033104", catalogue);
    expect(typed).toMatchObject({
      kind: "eligibility",
      eligibility: {
        eligible: false,
        motif: "Non éligible : bac technologique ST2S, exclu de la spécialité 331 « Santé (hors ST2S) ».",
      },
    });
  });

  test("un code MEF à 11 chiffres ou de longueur fausse : le message qui dit quoi faire", () => {
    expect(judgeTypedCode("24722106210", catalogue)).toEqual({
      kind: "invalid",
      message: expect.stringContaining("c'est un code MEF (11 caractères)"),
    });
    expect(judgeTypedCode("5002213", catalogue)).toEqual({
      kind: "invalid",
      message: expect.stringContaining("il compte 7 chiffres au lieu de 8"),
    });
  });

  test("un code réel à lettres (2602230A) est jugé ; un successeur (50022146) a l'alerte qui nomme le code remplacé", () => {
    expect(judgeTypedCode("2602230a", catalogue)).toMatchObject({
      kind: "eligibility",
      eligibility: { code: "2602230A", eligible: true, categorie: "POST_BAC" },
    });
    expect(judgeTypedCode("50022146", catalogue)).toMatchObject({
      kind: "eligibility",
      eligibility: {
        alerte: "successeur de 50022139 CUISINE (CAP), liste 2023-2024 utilisée pour 2024-2025 : à vérifier",
      },
    });
  });

  test("un code de la liste, un mot ou un groupe NSF ne sont pas jugés à part (la liste les montre)", () => {
    expect(judgeTypedCode("50022137", catalogue)).toBeNull();
    expect(judgeTypedCode("5002 2137", catalogue)).toBeNull();
    expect(judgeTypedCode("boulanger", catalogue)).toBeNull();
    expect(judgeTypedCode("221", catalogue)).toBeNull();
    expect(judgeTypedCode("boulangers", catalogue)).toBeNull();
    expect(judgeTypedCode("ST2S", catalogue)).toBeNull();
  });
});

describe("Catalogue inséré comme feuille", () => {
  test("222 formations, la colonne des codes en texte, les valeurs telles que publiées", () => {
    const sheet = catalogueSheet(catalogue);
    expect(sheet.name).toBe("Catalogue ARE 2023-2024");
    expect(sheet.columns[0]).toMatchObject({ header: "Code formation diplôme", format: "text" });
    expect(sheet.rows).toHaveLength(222);
    expect(sheet.rows.every((r) => typeof r[0] === "string" && /^\d{8}$/.test(r[0] as string))).toBe(true);
    expect(sheet.rows.find((r) => r[0] === "40123412")).toEqual([
      "40123412",
      "PRE BAC",
      4,
      234,
      expect.stringMatching(/^234 /),
      "BACCALAUREAT PROFESSIONNEL",
      "EBENISTE (BMA)",
      "PRE BAC",
    ]);
    expect(sheet.totals).toBeNull();
  });
});
