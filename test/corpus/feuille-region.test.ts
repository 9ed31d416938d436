/**
 * Corpus : la feuille des établissements telle que la Région la tient, avec ses propres colonnes
 * (« Commentaire »), et les classeurs régionaux qui réunissent effectifs et établissements.
 *
 * Montants calculés à la main, forfaits 2024-2025 publiés (157 € pré-bac et post-bac, 56 € 3ème
 * prépa-métiers), feuille de Paris de test/workflows/classeur.ts :
 * - 0750655E (Arago) : 12 × 56 = 672 ; (24 + 30) × 157 = 8 478 ; − reliquat 1 200,50 → 7 949,50
 *   pré-bac ; 40 × 35 % = 14 boursiers × 157 = 2 198 post-bac ; total 10 147,50 € ;
 * - 0750654D (Bréguet) : 28 × 157 = 4 396 − 20 000 → 0 pré-bac ; 120 / 400 = 30 %, 25 × 30 % = 7,5
 *   → 8 boursiers × 157 = 1 256 − 100,50 = 1 155,50 post-bac ; total 1 155,50 €.
 * Sa ligne de la feuille des établissements perdue, Arago recevrait 672 + 8 478 = 9 150,00 € pré-bac
 * (son reliquat de 1 200,50 € versé une seconde fois) et son post-bac ne serait pas calculé (plus de
 * taux) ; Bréguet recevrait 4 396 € pré-bac et aucun post-bac.
 */
import * as fs from "fs";
import * as path from "path";
import type { DotationsJson } from "../../src/cli/json";
import { Parametres, texteDecimal } from "../../src/rules";
import { MemoryWorkbook } from "../../src/workbook/memory";
import type { CellValue } from "../../src/workbook/port";
import { calculerDotations, type ResultatDotations } from "../../src/workflows";
import { ETABLISSEMENTS, PARIS, copie } from "../workflows/classeur";
import { run } from "../cli/run";
import { removeDir, tempDir } from "../xlsx/helpers";
import { feuilleExcelJS, xlsxExcelJS } from "./fabrique";

const parametres = Parametres.embarques();

async function dotations(paris: CellValue[][], etablissements: CellValue[][]): Promise<ResultatDotations> {
  return calculerDotations(new MemoryWorkbook({ Paris: paris, Établissements: etablissements }), {
    feuillesEffectifs: ["Paris"],
    feuilleEtablissements: "Établissements",
    annee: 2024,
    parametres,
  });
}

const nette = (r: ResultatDotations, uai: string) => {
  const d = r.etablissements.find((e) => e.uai === uai)!;
  const texte = (m: { valeur: Parameters<typeof texteDecimal>[0] } | null) =>
    m === null ? null : texteDecimal(m.valeur);
  return { preBac: texte(d.nette.preBac), postBac: texte(d.nette.postBac) };
};

/** ETABLISSEMENTS with a « Commentaire » column (H) right after « Réponse à l'enquête ». */
function avecCommentaires(commentaires: Record<number, string>): CellValue[][] {
  const rows = copie(ETABLISSEMENTS);
  rows[0].push("Commentaire");
  for (const [index, texte] of Object.entries(commentaires)) rows[Number(index)][7] = texte;
  return rows;
}

describe("Corpus : la feuille des établissements de la Région", () => {
  test("une colonne « Commentaire » qui parle de « total » ne fait pas perdre sa ligne : Arago 7 949,50 € et 2 198,00 €, Bréguet 0 € et 1 155,50 €", async () => {
    const etablissements = avecCommentaires({
      1: "Reliquat total reporté du bilan 2023", // Arago
      2: "Sous-total des deux bilans, à confirmer", // Bréguet
    });
    const r = await dotations(PARIS, etablissements);
    // Before: both rows set aside as totals, Arago 9 150,00 € pré-bac (reliquat not deducted), no post-bac.
    expect(nette(r, "0750655E")).toEqual({ preBac: "7949.50", postBac: "2198.00" });
    expect(nette(r, "0750654D")).toEqual({ preBac: "0.00", postBac: "1155.50" });
    expect(r.constats.filter((c) => c.code === "ligne-total").map((c) => [c.feuille, c.ligne])).toEqual([
      ["Paris", 12],
    ]);
    expect(r.constats.filter((c) => c.code === "etablissement-absent")).toEqual([]);
  });

  test("un non-répondant commenté « total » reste non-répondant", async () => {
    const paris = copie(PARIS);
    // Lycée 0941234F (réponse « non ») gets 10 CAP BOULANGER pupils: 10 × 157 = 1 570 € if it were paid.
    paris.splice(11, 0, ["0941234F", "Lycée Créteil", "50022137", "BOULANGER (CAP)", 10, "Scolaire"]);
    const r = await dotations(paris, avecCommentaires({ 4: "Aucune réponse malgré relances : total à 0" }));
    expect(nette(r, "0941234F")).toEqual({ preBac: "0.00", postBac: "0.00" });
    expect(r.etablissements.find((e) => e.uai === "0941234F")!.aRepondu).toBe(false);
  });

  test("une vraie ligne de total, sans UAI, reste écartée ; « Total » dans la colonne UAI aussi", async () => {
    const etablissements = avecCommentaires({});
    etablissements.push([null, null, null, null, "21 200,50", "100,50", null, "Total Paris"]); // 6
    etablissements.push(["0750655E Total", null, null, null, "1 200,50", 0, null, null]); // 7
    const r = await dotations(PARIS, etablissements);
    expect(nette(r, "0750655E")).toEqual({ preBac: "7949.50", postBac: "2198.00" });
    expect(
      r.constats.filter((c) => c.code === "ligne-total").map((c) => [c.feuille, c.ligne, c.colonne]),
    ).toEqual([
      ["Établissements", 6, null],
      ["Établissements", 7, "A"],
      ["Paris", 12, "D"],
    ]);
  });
});

/**
 * An extraction that gives a plain effectif (every year of the formation, or this rentrée's) beside the
 * effectif n-1 of first year: the regulation counts « les élèves de première année (effectifs n-1) »
 * (regles.md#lecture.effectif-n-1). Hand computation, 2024-2025 (157 €), taux 35 %:
 * BOULANGER 24 × 157 = 3 768 € pré-bac ; BTS MCO 20 × 35 % = 7 boursiers × 157 = 1 099 € post-bac.
 * Reading the plain column instead: 30 × 157 = 4 710 € and 40 × 35 % = 14 × 157 = 2 198 €.
 */
describe("Corpus : « Effectif » et « Effectif n-1 » dans la même extraction", () => {
  const ETAB: CellValue[][] = [
    ["UAI", "Taux de boursiers"],
    ["0750655E", "35 %"],
  ];
  const feuille = (entetes: [string, string], ordre: "plain-first" | "n1-first"): CellValue[][] => {
    const lignes: [string, string, number, number][] = [
      ["0750655E", "50022137", 30, 24],
      ["0750655E", "32031213", 40, 20],
    ];
    const rows: CellValue[][] = [["UAI", "Code formation", ...entetes]];
    for (const [uai, code, tous, n1] of lignes)
      rows.push(ordre === "plain-first" ? [uai, code, tous, n1] : [uai, code, n1, tous]);
    return rows;
  };

  test.each([
    [["Effectif", "Effectif n-1"], "plain-first"],
    [["Effectifs", "Effectifs 1ère année"], "plain-first"],
    [["Nb élèves", "Effectif (n-1)"], "plain-first"],
    [["Effectifs 1ère année", "Effectifs"], "n1-first"],
  ] as const)(
    "%j : 3 768,00 € pré-bac et 1 099,00 € post-bac, jamais 4 710 € et 2 198 €",
    async (entetes, ordre) => {
      const r = await dotations(feuille([entetes[0], entetes[1]], ordre), ETAB);
      expect(nette(r, "0750655E")).toEqual({ preBac: "3768.00", postBac: "1099.00" });
      const enDouble = r.constats.filter((c) => c.code === "colonne-en-double");
      expect(enDouble).toHaveLength(1);
      // The plain column is the one named as ignored.
      expect(enDouble[0].colonne).toBe(ordre === "plain-first" ? "C" : "D");
    },
  );
});

/**
 * Two effectif columns of the same kind side by side — « Effectif » twice, one of them last year's
 * figure, or « Nb élèves » beside « Effectif » — say nothing of which one counts
 * (regles.md#lecture.deux-colonnes). Hand computation, 2024-2025 (157 €), taux 35 %: the right
 * column (D) gives BOULANGER 24 × 157 = 3 768 € pré-bac and BTS MCO 20 × 35 % = 7 boursiers × 157 =
 * 1 099 € post-bac; the leftmost (C), read before with only an info, 30 × 157 = 4 710 € and
 * 40 × 35 % = 14 × 157 = 2 198 €.
 */
describe("Corpus : deux colonnes d'effectif de même sorte", () => {
  const ETAB: CellValue[][] = [
    ["UAI", "Taux de boursiers"],
    ["0750655E", "35 %"],
  ];
  const feuille = (c: string, d: string): CellValue[][] => [
    ["UAI", "Code formation", c, d],
    ["0750655E", "50022137", 30, 24],
    ["0750655E", "32031213", 40, 20],
  ];

  test.each([
    ["Effectif", "Effectif"],
    ["Nb élèves", "Effectif"],
    ["Effectif n-1", "Effectifs 1ère année"],
  ])(
    "« %s » et « %s » : feuille refusée, aucune colonne devinée (avant : 4 710,00 € et 2 198,00 €)",
    async (c, d) => {
      const r = await dotations(feuille(c, d), ETAB);
      // The one counted row is the establishments sheet's.
      expect(r.lignes).toMatchObject({ comptees: 1, ecartees: 2 });
      expect(r.lignes.ecarteesParMotif).toEqual({ "deux-colonnes": 2 });
      const refus = r.constats.filter((x) => x.code === "deux-colonnes");
      expect(refus.map((x) => [x.gravite, x.ligne, x.colonne])).toEqual([["erreur", 1, "D"]]);
      expect(refus[0].message).toBe(
        `Deux colonnes « Effectif », « ${c} » (C) et « ${d} » (D) : laquelle compte les élèves de 1re année ? La feuille n'est pas lue : indiquez-la dans la correspondance des colonnes.`,
      );
      expect(r.constats.filter((x) => x.code === "colonne-en-double")).toEqual([]);
      expect(r.etablissements.find((e) => e.uai === "0750655E")?.effectifs).toMatchObject({
        preBac: 0,
        postBac: 0,
      });
    },
  );

  test("la colonne désignée dans la correspondance est lue : 3 768,00 € et 1 099,00 €", async () => {
    const r = await calculerDotations(
      new MemoryWorkbook({ Paris: feuille("Effectif", "Effectif"), Établissements: ETAB }),
      {
        feuillesEffectifs: ["Paris"],
        feuilleEtablissements: "Établissements",
        annee: 2024,
        parametres,
        colonnes: { Paris: { effectif: 3 } },
      },
    );
    expect(nette(r, "0750655E")).toEqual({ preBac: "3768.00", postBac: "1099.00" });
    expect(r.constats).toEqual([]);
  });

  test("« Effectif » d'un récapitulatif au-delà d'une colonne vide n'est pas une seconde colonne d'effectif", async () => {
    const paris = feuille("Effectif", "Filière");
    paris[0].push(null, "Effectif");
    paris[1].push(null, 66);
    const r = await dotations(paris, ETAB);
    expect(r.lignes).toMatchObject({ comptees: 3, ecartees: 0 });
    // 30 × 157 = 4 710 € : la colonne C est la seule du tableau.
    expect(nette(r, "0750655E").preBac).toBe("4710.00");
  });

  test("ligne de commande : `are dotations` sort avec 2 et le message ; avec --colonne effectif=D, 3 768,00 € et 1 099,00 €", async () => {
    const dossier = tempDir("are-deux-effectifs-");
    try {
      const fichier = path.join(dossier, "paris.csv");
      const etab = path.join(dossier, "etablissements.csv");
      fs.writeFileSync(
        fichier,
        "UAI;Code formation;Effectif;Effectif\r\n0750655E;50022137;30;24\r\n0750655E;32031213;40;20\r\n",
      );
      fs.writeFileSync(etab, "UAI;Taux de boursiers\r\n0750655E;35 %\r\n");
      const refus = await run(["dotations", fichier, "--etablissements", etab, "--annee", "2024", "--json"]);
      expect(refus.code).toBe(2);
      expect(refus.stdout).toBe("");
      expect(refus.stderr).toMatch(
        /Deux colonnes « Effectif », « Effectif » \(C\) et « Effectif » \(D\) : laquelle compte les élèves de 1re année \?.* En ligne de commande : --colonne "paris\.csv:Effectif=<lettre de la colonne>"\./,
      );
      const controle = await run(["controle", fichier, "--annee", "2024"]);
      expect(controle.code).toBe(2);
      const lu = await run([
        "dotations",
        fichier,
        "--etablissements",
        etab,
        "--annee",
        "2024",
        "--json",
        "--colonne",
        "effectif=D",
      ]);
      expect(lu.code).toBe(0);
      const json = JSON.parse(lu.stdout) as DotationsJson;
      expect(json.etablissements.find((e) => e.uai === "0750655E")?.dotationNette).toMatchObject({
        preBac: "3768.00",
        postBac: "1099.00",
      });
    } finally {
      removeDir(dossier);
    }
  });
});

/**
 * A regional workbook: the rectorat's sheet and the Région's table of taux, reliquats and answers
 * (regles.md#lecture.feuille-etablissements-du-classeur). Hand computation, 2024-2025 (157 €):
 * - 0750655E : 24 BOULANGER × 157 = 3 768 − reliquat 500 = 3 268,00 € pré-bac ; 20 BTS MCO × 35 % = 7
 *   boursiers × 157 = 1 099,00 € post-bac ; total 4 367,00 € ;
 * - 0750654D, « non » à l'enquête : 0 € (10 × 157 = 1 570 € s'il était payé).
 * With the establishments sheet unread: 3 768 €, post-bac not computed, 0750654D paid 1 570 €.
 */
describe("Corpus : classeur régional, effectifs et établissements dans deux feuilles", () => {
  let dossier: string;
  let fichier: string;
  beforeAll(async () => {
    dossier = tempDir("are-classeur-region-");
    fichier = path.join(dossier, "region.xlsx");
    const octets = await xlsxExcelJS((wb) => {
      feuilleExcelJS("Établissements", [
        ["UAI", "Taux de boursiers", "Reliquat pré-bac", "Réponse à l'enquête"],
        ["0750655E", "35 %", 500, "oui"],
        ["0750654D", "20 %", 0, "non"],
      ])(wb);
      feuilleExcelJS("Paris", [
        ["UAI", "Code formation", "Effectif"],
        ["0750655E", "50022137", 24],
        ["0750655E", "32031213", 20],
        ["0750654D", "50022137", 10],
      ])(wb);
    });
    fs.writeFileSync(fichier, octets);
  });
  afterAll(() => removeDir(dossier));

  const montants = (json: DotationsJson) =>
    json.etablissements.map((e) => [e.uai, e.dotationNette.preBac, e.dotationNette.postBac]);

  test("le même classeur donné avec --etablissements : sa feuille des établissements est lue, 3 268,00 € et 1 099,00 €", async () => {
    const r = await run(["dotations", fichier, "--etablissements", fichier, "--annee", "2024", "--json"]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as DotationsJson;
    // Before: the effectif sheet was taken as the establishments sheet, 3 768 € and 1 570 € paid.
    expect(montants(json)).toEqual([
      ["0750654D", "0.00", "0.00"],
      ["0750655E", "3268.00", "1099.00"],
    ]);
    expect(json.totaux.dotationNette.total).toBe("4367.00");
    expect(json.constats.map((c) => c.code)).toEqual([]);
    expect(r.stderr).not.toContain("non lue");
  });

  test("sans --etablissements : une alerte nomme la feuille des établissements non lue et dit comment la lire", async () => {
    const r = await run(["dotations", fichier, "--annee", "2024", "--json"]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as DotationsJson;
    expect(json.constats.map((c) => c.code)).toEqual([
      "feuille-etablissements-non-lue",
      "taux-boursiers-manquant",
    ]);
    expect(json.constats.filter((c) => c.gravite === "alerte")).toEqual([
      {
        gravite: "alerte",
        code: "feuille-etablissements-non-lue",
        feuille: "region.xlsx › Établissements",
        ligne: null,
        colonne: null,
        message:
          "Feuille « Établissements » de « region.xlsx » non lue : c'est une feuille des établissements (taux de boursiers, reliquats, réponse à l'enquête ; 3 lignes non vides), qui n'est lue que si son fichier est donné avec --etablissements. Ses reliquats ne sont pas déduits et ses taux ni ses réponses pris en compte : relancez avec --etablissements \"region.xlsx\".",
      },
    ]);
    expect(r.stderr).toContain("--etablissements");
  });
  test("avec un autre fichier --etablissements : l'alerte dit lesquelles sont lues, sans redonner l'option", async () => {
    const autre = path.join(dossier, "etablissements-2024.xlsx");
    fs.writeFileSync(
      autre,
      await xlsxExcelJS(
        feuilleExcelJS("Établissements", [
          ["UAI", "Taux de boursiers", "Réponse à l'enquête"],
          ["0750655E", "35 %", "oui"],
          ["0750654D", "20 %", "oui"],
        ]),
      ),
    );
    const r = await run(["dotations", fichier, "--etablissements", autre, "--annee", "2024", "--json"]);
    const json = JSON.parse(r.stdout) as DotationsJson;
    const alerte = json.constats.find((c) => c.code === "feuille-etablissements-non-lue")!;
    expect(alerte.message).toMatch(
      /: les valeurs lues sont celles de « etablissements-2024\.xlsx » ; si ce sont celles de cette feuille qui valent, relancez avec --etablissements "region\.xlsx" à la place\.$/,
    );
  });
});

describe("Corpus : classeur aux deux feuilles d'établissements, sans --etablissements", () => {
  test("sortie 0, une alerte par feuille (jamais un refus : la commande ne les lit pas)", async () => {
    const dossier = tempDir("are-deux-feuilles-etab-");
    try {
      const fichier = path.join(dossier, "region.xlsx");
      const octets = await xlsxExcelJS((wb) => {
        feuilleExcelJS("Taux", [
          ["UAI", "Taux de boursiers"],
          ["0750655E", 0.35],
        ])(wb);
        feuilleExcelJS("Reliquats", [
          ["UAI", "Reliquat pré-bac"],
          ["0750655E", 500],
        ])(wb);
        feuilleExcelJS("Paris", [
          ["UAI", "Code formation", "Effectif"],
          ["0750655E", "50022137", 24],
        ])(wb);
      });
      fs.writeFileSync(fichier, octets);
      const r = await run(["dotations", fichier, "--annee", "2024", "--json"]);
      expect(r.code).toBe(0);
      const json = JSON.parse(r.stdout) as DotationsJson;
      // 24 × 157 = 3 768,00 €, no reliquat read: the alertes say so.
      expect(json.totaux.dotationNette.total).toBe("3768.00");
      expect(json.constats.map((c) => [c.code, c.feuille])).toEqual([
        ["feuille-etablissements-non-lue", "region.xlsx › Taux"],
        ["feuille-etablissements-non-lue", "region.xlsx › Reliquats"],
      ]);
    } finally {
      removeDir(dossier);
    }
  });
});

/**
 * The survey and reliquat columns of a Région table under titles of its own
 * (regles.md#lecture.colonne-non-lue). Hand computation, 2024-2025 (157 €), Paris feuille of
 * test/workflows/classeur.ts: Arago answered « non » → 0 € (paid, it would get 672 + 8 478 − 1 200,50
 * = 7 949,50 € pré-bac and 14 × 157 = 2 198 € post-bac, 10 147,50 €).
 */
describe("Corpus : colonnes de la feuille des établissements aux titres de la Région", () => {
  const avecEntete = (titre: string, colonne: number): CellValue[][] => {
    const rows = copie(ETABLISSEMENTS);
    rows[0][colonne] = titre;
    rows[1][6] = "non"; // Arago did not answer
    return rows;
  };

  test.each(["Réponse aux enquêtes régionales", "Enquête", "Enquête régionale", "Répondu"])(
    "« %s » : Arago, « non », n'est pas payé (jamais 10 147,50 €)",
    async (titre) => {
      const r = await dotations(PARIS, avecEntete(titre, 6));
      expect(nette(r, "0750655E")).toEqual({ preBac: "0.00", postBac: "0.00" });
      expect(r.etablissements.find((e) => e.uai === "0750655E")!.aRepondu).toBe(false);
    },
  );

  /** `are dotations` on the two sheets written as .xlsx files (colonne-non-lue is the command line's). */
  async function dotationsCli(etablissements: CellValue[][]): Promise<DotationsJson> {
    const dossier = tempDir("are-colonne-non-lue-");
    try {
      const paris = path.join(dossier, "paris.xlsx");
      const etab = path.join(dossier, "etablissements.xlsx");
      fs.writeFileSync(paris, await xlsxExcelJS(feuilleExcelJS("Paris", PARIS)));
      fs.writeFileSync(etab, await xlsxExcelJS(feuilleExcelJS("Établissements", etablissements)));
      const r = await run(["dotations", paris, "--etablissements", etab, "--annee", "2024", "--json"]);
      return JSON.parse(r.stdout) as DotationsJson;
    } finally {
      removeDir(dossier);
    }
  }

  test("« Réponse enquête ARE 2024 », titre inconnu : alerte colonne-non-lue qui dit comment la lire", async () => {
    const json = await dotationsCli(avecEntete("Réponse enquête ARE 2024", 6));
    expect(json.constats.filter((c) => c.code === "colonne-non-lue")).toEqual([
      {
        gravite: "alerte",
        code: "colonne-non-lue",
        feuille: "etablissements.xlsx",
        ligne: 1,
        colonne: "G",
        message:
          "La colonne « Réponse enquête ARE 2024 » n'est pas lue : son titre n'est pas reconnu. Si elle donne un reliquat, le taux de boursiers ou la réponse à l'enquête, renommez-la (« Reliquat pré-bac », « Reliquat post-bac », « Taux de boursiers », « Réponse à l'enquête ») ou désignez-la avec --colonne, puis relancez : sinon ses valeurs ne comptent pas (reliquat non déduit, réponse « non » ignorée).",
      },
    ]);
  });

  // A reliquat that names no envelope cannot be deducted (pré-bac and post-bac are not fungible), and
  // was ignored without a word: Arago paid 672 + 8 478 = 9 150,00 € pré-bac, its 1 200,50 € reliquat
  // not deducted, under « 0 alerte ». Still 9 150,00 € (nothing guessed), now with the alerte.
  test.each(["Reliquat", "Reliquats 2023-2024", "Reliquat N-1", "Reliquat total", "Solde ARE"])(
    "« %s » (sans enveloppe) : alerte colonne-non-lue, le reliquat de 1 200,50 € d'Arago n'est pas déduit en silence",
    async (titre) => {
      const rows = copie(ETABLISSEMENTS);
      rows[0][4] = titre;
      const json = await dotationsCli(rows);
      const arago = json.etablissements.find((e) => e.uai === "0750655E")!;
      expect(arago.dotationNette.preBac).toBe("9150.00");
      expect(
        json.constats.filter((c) => c.code === "colonne-non-lue").map((c) => [c.colonne, c.gravite]),
      ).toEqual([["E", "alerte"]]);
    },
  );

  test("« Reliquat pré-bac N-1 » : alerte colonne-non-lue ; « Origine des reliquats » et « Commentaire » : aucune", async () => {
    const rows = avecEntete("Reliquat pré-bac N-1", 4);
    rows[0].push("Origine des reliquats", "Commentaire");
    const json = await dotationsCli(rows);
    expect(
      json.constats.filter((c) => c.code === "colonne-non-lue").map((c) => [c.colonne, c.gravite]),
    ).toEqual([["E", "alerte"]]);
  });
});

/**
 * R5 (regles.md#beneficiaires.statut-mixte): statuses that put pupils and apprentices in one row, and
 * the acronyms of apprentice training (CFA, UFA). Hand computation, 2024-2025 (157 €): only the 24
 * pupils of REPARATION DES CARROSSERIES and the 5 « Scolaire (non apprenti) » count, 29 × 157 =
 * 4 553,00 €. Before: « Mixte » (10), « UFA » (8) and « CFA » (6) counted too, (29 + 24) × 157 =
 * 8 321,00 €, and « Scolaires et apprentis » (12) set aside as an info, its pupils lost without an
 * erreur.
 */
describe("Corpus : statuts mêlant élèves et apprentis, CFA et UFA", () => {
  const PARIS_STATUTS: CellValue[][] = [
    ["UAI", "Code formation", "Libellé", "Effectif", "Statut"],
    ["0750655E", "40025408", "REPARATION DES CARROSSERIES (BAC PRO)", 24, "Scolaire"], // 2
    ["0750655E", "50022137", "BOULANGER (CAP)", 10, "Mixte"], // 3
    ["0750655E", "50022141", "PATISSIER (CAP)", 12, "Scolaires et apprentis"], // 4
    ["0750655E", "50022139", "CUISINE (CAP)", 8, "UFA"], // 5
    ["0750655E", "50022142", "PRODUCTION ET SERVICE EN RESTAURATION (CAP)", 6, "CFA"], // 6
    ["0750655E", "50022133", "CHOCOLATIER CONFISEUR (CAP)", 5, "Scolaire (non apprenti)"], // 7
  ];

  test("« Mixte » et « Scolaires et apprentis » : erreur statut-mixte ; « UFA », « CFA » : apprentis ; 4 553,00 €, jamais 8 321,00 €", async () => {
    const r = await dotations(PARIS_STATUTS, [
      ["UAI", "Réponse à l'enquête"],
      ["0750655E", "oui"],
    ]);
    // 24 + 5 (« Scolaire (non apprenti) » still counts) = 29 × 157 = 4 553,00 €.
    expect(nette(r, "0750655E")).toEqual({ preBac: "4553.00", postBac: "0.00" });
    expect(r.constats.map((c) => [c.code, c.gravite, c.ligne, c.colonne])).toEqual([
      ["statut-mixte", "erreur", 3, "E"],
      ["statut-mixte", "erreur", 4, "E"],
      ["apprentissage", "info", 5, "E"],
      ["apprentissage", "info", 6, "E"],
    ]);
  });
});

/**
 * regles.md#lecture.colonnes-etablissement-extraction: an extraction's per-formation « Effectif total »
 * (every year of the formation) beside « Effectif 1ère année », with the taux in the établissements
 * sheet (35 %). Hand computation, 2024-2025 (157 €): 24 × 157 = 3 768,00 € ; 20 × 35 % = 7 × 157 =
 * 1 099,00 €. Before: the same amounts, but each row an erreur « Nombre de boursiers vide : … supprimez
 * la ligne » and the motif « Taux de boursiers illisible » on an establishment whose taux was read.
 */
describe("Corpus : « Effectif total » d'une formation dans une extraction", () => {
  test("aucune erreur de taux, 3 768,00 € et 1 099,00 €", async () => {
    const extraction: CellValue[][] = [
      ["UAI", "Code formation", "Effectif 1ère année", "Effectif total"],
      ["0750655E", "50022137", 24, 48],
      ["0750655E", "32031213", 20, 38],
    ];
    const r = await dotations(extraction, [
      ["UAI", "Taux de boursiers"],
      ["0750655E", "35 %"],
    ]);
    expect(nette(r, "0750655E")).toEqual({ preBac: "3768.00", postBac: "1099.00" });
    expect(r.constats).toEqual([]);
    expect(r.etablissements.find((e) => e.uai === "0750655E")!.motifs).toEqual([]);
  });
});

/**
 * A reliquat of the établissements sheet in a Date cell, as a taux or a bilan's montant already is
 * (issue 11 item 17): 500 € formatted dd/mm/yyyy shows 14/05/1901; « 15.05 » typed in French Excel is
 * the date 15/05/2024, serial 45 427. Hand computation, 2024-2025 (157 €), 24 BOULANGER and 20 BTS at
 * 35 %: pré-bac 3 768 € and post-bac 7 × 157 = 1 099 € before reliquats. Read as amounts, the
 * reliquats gave 3 768 − 500 = 3 268,00 € and 1 099 − 45 427 → 0,00 € (a whole envelope written off);
 * now both envelopes are non calculées (null), never a guessed amount.
 */
describe("Corpus : reliquat de la feuille des établissements dans une cellule au format Date", () => {
  let dossier: string;
  beforeAll(() => {
    dossier = tempDir("are-reliquat-date-");
  });
  afterAll(() => removeDir(dossier));

  test("montant-date, enveloppes non calculées (jamais 3 268,00 € ni 0,00 €)", async () => {
    const effectifs = path.join(dossier, "effectifs.xlsx");
    const etablissements = path.join(dossier, "etablissements.xlsx");
    fs.writeFileSync(
      effectifs,
      await xlsxExcelJS(
        feuilleExcelJS("Paris", [
          ["UAI", "Code formation", "Effectif"],
          ["0750655E", "50022137", 24],
          ["0750655E", "32031213", 20],
        ]),
      ),
    );
    fs.writeFileSync(
      etablissements,
      await xlsxExcelJS((wb) => {
        const ws = wb.addWorksheet("Établissements");
        ws.addRow(["UAI", "Taux de boursiers", "Reliquat pré-bac", "Reliquat post-bac"]);
        const row = ws.addRow(["0750655E", 0.35, 500, new Date(Date.UTC(2024, 4, 15))]);
        row.getCell(3).numFmt = "dd/mm/yyyy";
        row.getCell(4).numFmt = "dd/mm/yyyy";
      }),
    );
    const r = await run([
      "dotations",
      effectifs,
      "--etablissements",
      etablissements,
      "--annee",
      "2024",
      "--json",
    ]);
    const json = JSON.parse(r.stdout) as DotationsJson;
    expect(json.etablissements.map((e) => [e.uai, e.dotationNette.preBac, e.dotationNette.postBac])).toEqual([
      ["0750655E", null, null],
    ]);
    const dates = json.constats.filter((c) => c.code === "montant-date");
    expect(dates.map((c) => [c.gravite, c.ligne, c.colonne])).toEqual([
      ["erreur", 2, "C"],
      ["erreur", 2, "D"],
    ]);
    expect(dates[0].message).toContain("Reliquat pré-bac « 14/05/1901 » : c'est une date");
    expect(dates[1].message).toContain("« 15/05/2024 »");
  });
});

/**
 * regles.md#lecture.valeurs-divergentes: a taux typed beside the counts it should come from. Arago,
 * 40 BTS: « 35 % » kept, 14 × 157 = 2 198,00 € post-bac (the counts 120 / 400 = 30 % would give
 * 40 × 30 % = 12 × 157 = 1 884 €); the choice is an alerte, not silent.
 */
describe("Corpus : taux saisi et effectifs de boursiers sur la même ligne", () => {
  const etab = (taux: CellValue, boursiers: number, total: number): CellValue[][] => {
    const rows = copie(ETABLISSEMENTS);
    rows[1][1] = taux;
    rows[1][2] = boursiers;
    rows[1][3] = total;
    return rows;
  };

  test("« 35 % » et 120 / 400 (30 %) : alerte valeur-divergente, 2 198,00 € post-bac", async () => {
    const r = await dotations(PARIS, etab("35 %", 120, 400));
    expect(nette(r, "0750655E")).toEqual({ preBac: "7949.50", postBac: "2198.00" });
    const divergents = r.constats
      .filter((c) => c.code === "valeur-divergente")
      .map((c) => ({ ...c, message: c.message.replace(/[\u00a0\u202f]/g, " ") }));
    expect(divergents).toEqual([
      expect.objectContaining({
        gravite: "alerte",
        feuille: "Établissements",
        ligne: 2,
        colonne: "B",
        message:
          "Taux de boursiers de 0750655E : « 35 % » diffère du taux des deux effectifs de la même ligne (« 120 boursiers / 400 élèves (30 %) »). Le taux saisi est retenu : corrigez l'un ou l'autre.",
      }),
    ]);
  });

  test("« 30 % » et 121 / 400 (30,25 %) : un arrondi, aucune alerte", async () => {
    const r = await dotations(PARIS, etab("30 %", 121, 400));
    // 40 × 30 % = 12 × 157 = 1 884,00 €.
    expect(nette(r, "0750655E")).toEqual({ preBac: "7949.50", postBac: "1884.00" });
    expect(r.constats.filter((c) => c.code === "valeur-divergente")).toEqual([]);
  });
});

/**
 * regles.md#lecture.valeurs-divergentes : la feuille des établissements tenue sur plusieurs années, deux
 * lignes pour Arago (reliquat pré-bac 1 200,50 € de cette année, 800 € de l'an passé, même taux 35 %).
 * Avant : la première ligne lue était retenue sous une alerte — selon l'ordre des lignes, 7 949,50 € ou
 * 672 + 8 478 − 800 = 8 350,00 € pré-bac. Maintenant l'enveloppe pré-bac attend une seule valeur (non
 * calculée, erreur `valeurs-contradictoires`) ; le post-bac, 14 × 157 = 2 198,00 €, est calculé.
 */
describe("Corpus : deux lignes d'un établissement dans la feuille des établissements", () => {
  test("deux reliquats pré-bac pour Arago : pré-bac non calculé (avant : le premier retenu, 7 949,50 €), post-bac 2 198,00 €", async () => {
    const rows = copie(ETABLISSEMENTS);
    rows.push(["0750655E", "35 %", null, null, 800, 0, "oui"]);
    const r = await dotations(PARIS, rows);
    const arago = r.etablissements.find((e) => e.uai === "0750655E")!;
    expect([arago.parts.preBac.cas, arago.parts.postBac.cas]).toEqual(["non-calculee", "versee"]);
    expect(arago.parts.preBac.nette).toBeNull();
    expect(nette(r, "0750655E").postBac).toBe("2198.00");
    expect(
      r.constats.filter((c) => c.code === "valeurs-contradictoires").map((c) => [c.gravite, c.colonne]),
    ).toEqual([["erreur", "E"]]);
    // Bréguet, one row, unchanged: 0 pré-bac, 1 155,50 € post-bac.
    expect(nette(r, "0750654D")).toEqual({ preBac: "0.00", postBac: "1155.50" });
  });
});
