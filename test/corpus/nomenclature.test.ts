/**
 * Corpus « nomenclature réelle » (issue 11, points 9 à 11 ; issue 14 §1, successeurs) : des feuilles
 * d'effectifs telles qu'une cité scolaire ou un lycée les envoient, avec des codes de la BCN tels
 * qu'ils sont — classes de collège, codes à lettres, DMA, codes remplacés depuis la liste 2023-2024.
 * Les montants attendus sont calculés à la main avec les forfaits 2024-2025 (157 € pré-bac et post-bac
 * boursier, 56 € 3ème prépa-métiers, page « Dotation budgétaire » de la Région). Chaque cas figure
 * dans docs/security.md (section « Corpus de la nomenclature réelle »).
 */
import * as fs from "fs";
import * as path from "path";
import { Parametres, texteDecimal, type DotationEtablissement } from "../../src/rules";
import { MemoryWorkbook } from "../../src/workbook/memory";
import type { CellValue } from "../../src/workbook/port";
import { calculerDotations, controlerFeuille, type ResultatDotations } from "../../src/workflows";

const E: CellValue[] = ["UAI", "Établissement", "Code diplôme", "Libellé", "Effectif"];
const ET: CellValue[] = ["UAI", "Taux de boursiers", "Reliquat pré-bac", "Réponse à l'enquête"];
const parametres = Parametres.embarques();

async function dotations2024(
  effectifs: CellValue[][],
  etablissements: CellValue[][],
): Promise<ResultatDotations> {
  const r = await calculerDotations(
    new MemoryWorkbook({ Effectifs: [E, ...effectifs], Établissements: [ET, ...etablissements] }),
    { feuillesEffectifs: ["Effectifs"], feuilleEtablissements: "Établissements", annee: 2024, parametres },
  );
  // Never a lost row: every non-blank row is counted or set aside with a constat.
  expect(r.lignes.comptees + r.lignes.ecartees).toBe(r.lignes.nonVides);
  return r;
}

async function controle(effectifs: CellValue[][]) {
  const r = await controlerFeuille(new MemoryWorkbook({ Collée: [E, ...effectifs] }), "Collée", {
    annee: 2024,
  });
  expect(r.lignes.comptees + r.lignes.ecartees).toBe(r.lignes.nonVides);
  return r;
}

const euros = (d: DotationEtablissement, ligne: "prepaMetiers" | "preBac") =>
  texteDecimal(d.brute[ligne].valeur);

/** The cases, named as docs/security.md lists them. */
const CAS = {
  citeScolaire: "cité scolaire : 6ème, 5ème-4ème et 3ème au milieu des lignes du lycée",
  college670: "code 670 d'une classe de collège, quelle que soit sa spécialité",
  successeurs: "codes remplacés depuis la liste 2023-2024 (CAP CUISINE 50022146, DN MADE espace 24133501)",
  lettres: "codes BCN à lettres (26Z13999, 2602230a)",
  dma: "DMA (321) et autre diplôme assimilé au BTS (322)",
  libellePrepaMetiers: "code 670 hors liste dont le libellé de la ligne est « 3EME PREPA-METIERS »",
} as const;

describe("Corpus de la nomenclature réelle : classes de collège, codes à lettres, successeurs", () => {
  test(CAS.citeScolaire, async () => {
    // Cité scolaire 0750655E, 2024-2025: only the 3ème prépa-métiers and the lycée's CAP count.
    const r = await dotations2024(
      [
        ["0750655E", "Cité scolaire Arago", "67010012", "6EME", 120],
        ["0750655E", "Cité scolaire Arago", "67010001", "5EME-4EME", 240],
        ["0750655E", "Cité scolaire Arago", "67010019", "3EME", 110],
        ["0750655E", "Cité scolaire Arago", "67010031", "3EME PREPA-METIERS", 14],
        ["0750655E", "Cité scolaire Arago", "50022137", "BOULANGER (CAP)", 24],
        ["0750655E", "Cité scolaire Arago", "50022141", "PATISSIER (CAP)", 12],
      ],
      [["0750655E", 0.35, 0, "oui"]],
    );
    const d = r.etablissements.find((e) => e.uai === "0750655E")!;
    expect(d.effectifs).toEqual({ prepaMetiers: 14, preBac: 36, postBac: 0 });
    expect(euros(d, "prepaMetiers")).toBe("784.00"); // 14 × 56 (not 484 × 56 = 27 104)
    expect(euros(d, "preBac")).toBe("5652.00"); // (24 + 12) × 157
    expect(texteDecimal(d.nette.total.valeur)).toBe("6436.00"); // 784 + 5 652
    const college = r.constats.filter((c) => c.code === "formation-non-eligible");
    expect(college.map((c) => c.ligne)).toEqual([2, 3, 4]);
    expect(college[0].message).toContain("Non éligible : classe de collège (6EME, code 67010012)");
  });

  test(CAS.libellePrepaMetiers, async () => {
    // 67010099 is absent from the 2023-2024 list: its row's libellé decides (design.md R3). The same
    // code labelled « 6EME » is a collège class. 0750655E, 2024-2025: 12 × 56 = 672,00 €.
    const r = await dotations2024(
      [
        ["0750655E", "Cité scolaire Arago", "67010099", "3EME PREPA-METIERS", 12],
        ["0750655E", "Cité scolaire Arago", "67010099", "6EME", 90],
      ],
      [["0750655E", 0.35, 0, "oui"]],
    );
    const d = r.etablissements.find((e) => e.uai === "0750655E")!;
    expect(d.effectifs).toEqual({ prepaMetiers: 12, preBac: 0, postBac: 0 });
    expect(euros(d, "prepaMetiers")).toBe("672.00"); // 12 × 56
    expect(r.constats.filter((c) => c.code === "hors-liste").map((c) => c.ligne)).toEqual([2]);
    expect(r.constats.filter((c) => c.code === "formation-non-eligible").map((c) => c.ligne)).toEqual([3]);
  });

  test(CAS.college670, async () => {
    // 67025001: a 670 code with a production NSF group (250), absent from the list.
    const r = await controle([["0750655E", "Collège", "67025001", "", 30]]);
    expect(r.lignes.comptees).toBe(0);
    expect(r.constats).toEqual([
      expect.objectContaining({
        code: "formation-non-eligible",
        ligne: 2,
        message: expect.stringContaining(
          "classe de collège (formation générale du 1er cycle, code 67025001)",
        ),
      }),
    ]);
  });

  test(CAS.successeurs, async () => {
    // Lycée 0750654D: 15 CAP CUISINE under the new code, 20 DN MADE espace (NSF 335, which the NSF rule
    // alone would exclude), taux 30 %.
    const r = await dotations2024(
      [
        ["0750654D", "Lycée Henri-IV", "50022146", "CUISINE (CAP)", 15],
        ["0750654D", "Lycée Henri-IV", "24133501", "DN MADE ESPACE", 20],
      ],
      [["0750654D", 0.3, 0, "oui"]],
    );
    const d = r.etablissements.find((e) => e.uai === "0750654D")!;
    expect(d.effectifs).toEqual({ prepaMetiers: 0, preBac: 15, postBac: 20 });
    expect(euros(d, "preBac")).toBe("2355.00"); // 15 × 157
    expect(d.boursiersRetenus?.nombre).toBe(6); // 20 × 30 %
    expect(texteDecimal(d.brute.postBac!.valeur)).toBe("942.00"); // 6 × 157
    const alertes = r.constats.filter((c) => c.code === "hors-liste");
    expect(alertes.map((c) => c.ligne)).toEqual([2, 3]);
    expect(alertes[0].message).toContain(
      // 2024-2025 has no list of its own: the one carried over is named.
      "successeur de 50022139 CUISINE (CAP), liste 2023-2024 utilisée pour 2024-2025 : à vérifier",
    );
    expect(alertes[1].message).toContain("successeur de 24113401 METIERS D'ART ET DU DESIGN (DN)");
  });

  test(CAS.lettres, async () => {
    const r = await controle([
      ["0750655E", "", "26Z13999", "", 10],
      ["0750655E", "", "2602230a", "", 8],
    ]);
    expect(r.constats.filter((c) => c.code === "code-invalide")).toEqual([]);
    expect(r.constats.find((c) => c.ligne === 2)).toMatchObject({
      code: "formation-non-eligible",
      message: expect.stringContaining("type de diplôme 26Z"),
    });
    // 2602230A: préparation diverse post-bac, NSF 223: counted by the rule, to be checked.
    expect(r.constats.find((c) => c.ligne === 3)).toMatchObject({ code: "hors-liste" });
    expect(r.lignes.comptees).toBe(1);
  });

  test(CAS.dma, async () => {
    const r = await dotations2024(
      [
        ["0750655E", "", "32123401", "DMA", 10],
        ["0750655E", "", "32233401", "", 10],
      ],
      [["0750655E", 0.35, 0, "oui"]],
    );
    const d = r.etablissements.find((e) => e.uai === "0750655E")!;
    expect(d.effectifs.postBac).toBe(20);
    expect(d.boursiersRetenus?.nombre).toBe(7); // 20 × 35 %
    expect(texteDecimal(d.brute.postBac!.valeur)).toBe("1099.00"); // 7 × 157
    expect(r.constats.filter((c) => c.code === "hors-liste").map((c) => c.ligne)).toEqual([2, 3]);
  });

  test("chaque cas figure dans docs/security.md", () => {
    const doc = fs.readFileSync(path.join(__dirname, "..", "..", "docs", "security.md"), "utf8");
    expect(Object.values(CAS).filter((nom) => !doc.includes(nom))).toEqual([]);
  });
});
