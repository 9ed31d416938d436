import { catalogueFor } from "../../src/rules";
import {
  catalogueRows,
  catalogueSheet,
  diplomaTypes,
  judgeTypedCode,
  searchCatalogue,
} from "../../src/taskpane/catalogue/search";

const catalogue = catalogueFor(2024);
const rows = catalogueRows(catalogue);
const codes = (found: ReturnType<typeof searchCatalogue>) => found.map((r) => r.formation.code);

describe("Catalogue : recherche dans la liste indicative 2023-2024", () => {
  test("par libellé, casse et accents ignorés : « boulanger » trouve BOULANGER (CAP) 50022137, éligible pré-bac", () => {
    const found = searchCatalogue(rows, "Boulanger");
    expect(codes(found)).toEqual(["50022137"]);
    expect(found[0].categorie).toBe("PRE BAC");
    expect(codes(searchCatalogue(rows, "cap pâtissier"))).toContain("50022141");
  });

  test("par code (début du code) ou par groupe NSF : « 221 » trouve les 10 formations de la spécialité 221", () => {
    expect(codes(searchCatalogue(rows, "'50022137"))).toEqual(["50022137"]);
    const nsf221 = searchCatalogue(rows, "221");
    expect(nsf221).toHaveLength(10);
    expect(nsf221.every((r) => r.formation.nsf === 221)).toBe(true);
  });

  test("par type de diplôme : les 4 BTS agricoles ; la 3ème prépa-métiers a sa catégorie", () => {
    expect(diplomaTypes(catalogue)).toContain("BREVET DE TECHNICIEN SUPERIEUR AGRICOLE");
    expect(searchCatalogue(rows, "", "BREVET DE TECHNICIEN SUPERIEUR AGRICOLE")).toHaveLength(4);
    expect(searchCatalogue(rows, "67010031")[0].categorie).toBe("3EME PREPA-METIERS");
    expect(searchCatalogue(rows, "")).toHaveLength(222);
  });
});

describe("Catalogue : un code tapé hors de la liste est jugé par la règle", () => {
  test("40025214, bac pro hors liste : éligible pré-bac par la règle, avec l'alerte « à vérifier »", () => {
    const typed = judgeTypedCode("40025214", 2024, catalogue);
    expect(typed?.kind).toBe("eligibility");
    if (typed?.kind === "eligibility") {
      expect(typed.eligibility.eligible).toBe(true);
      expect(typed.eligibility.categorie).toBe("PRE_BAC");
      expect(typed.eligibility.motif).toContain("hors liste indicative 2023-2024 : à vérifier");
    }
  });

  test("43033104, bac techno ST2S : non éligible, avec le motif du cœur", () => {
    const typed = judgeTypedCode("43033104", 2024, catalogue);
    expect(typed).toMatchObject({
      kind: "eligibility",
      eligibility: {
        eligible: false,
        motif: "Non éligible : bac technologique ST2S, exclu de la spécialité 331 « Santé (hors ST2S) ».",
      },
    });
  });

  test("un code MEF à 11 chiffres ou de longueur fausse : le message qui dit quoi faire", () => {
    expect(judgeTypedCode("24722106210", 2024, catalogue)).toEqual({
      kind: "invalid",
      message: expect.stringContaining("c'est un code MEF (11 caractères)"),
    });
    expect(judgeTypedCode("5002213", 2024, catalogue)).toEqual({
      kind: "invalid",
      message: expect.stringContaining("il compte 7 chiffres au lieu de 8"),
    });
  });

  test("un code de la liste, un mot ou un groupe NSF ne sont pas jugés à part (la liste les montre)", () => {
    expect(judgeTypedCode("50022137", 2024, catalogue)).toBeNull();
    expect(judgeTypedCode("5002 2137", 2024, catalogue)).toBeNull();
    expect(judgeTypedCode("boulanger", 2024, catalogue)).toBeNull();
    expect(judgeTypedCode("221", 2024, catalogue)).toBeNull();
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
