import {
  Decimal,
  ErreurParametreManquant,
  Parametres,
  forfaitsDeLAnnee,
  texteDecimal,
} from "../../src/rules";
import { MemoryWorkbook } from "../../src/workbook/memory";
import { AbortedError, type CellValue } from "../../src/workbook/port";
import { calculerDotations, type ResultatDotations } from "../../src/workflows";
import { CRETEIL, ETABLISSEMENTS, PARIS } from "./classeur";

const parametres = Parametres.embarques();
const euros = (d: Decimal | undefined) => (d === undefined ? undefined : texteDecimal(d));

function classeur(): MemoryWorkbook {
  return new MemoryWorkbook({ Paris: PARIS, Créteil: CRETEIL, Établissements: ETABLISSEMENTS });
}

async function dotations2024(): Promise<ResultatDotations> {
  return calculerDotations(classeur(), {
    feuillesEffectifs: ["Paris", "Créteil"],
    feuilleEtablissements: "Établissements",
    annee: 2024,
    parametres,
  });
}

const parUai = (r: ResultatDotations, uai: string) => r.etablissements.find((d) => d.uai === uai)!;

describe("Calculer les dotations 2024-2025 (forfaits publiés 157 € et 56 €)", () => {
  test("établissements triés par UAI, y compris celui qui ne figure que dans la feuille Établissements", async () => {
    const r = await dotations2024();
    expect(r.etablissements.map((d) => d.uai)).toEqual([
      "0750654D",
      "0750655E",
      "0771234Y",
      "0930122C",
      "0941234F",
    ]);
    expect(r.sources).toEqual(["Établissements", "Paris", "Créteil"]);
    expect(euros(r.forfaits.preBac.valeur)).toBe("157.00");
    expect(euros(r.forfaits.prepaMetiers.valeur)).toBe("56.00");
  });

  test("0750655E : 12 × 56 + 54 × 157 − reliquat 1 200,50 ; 40 × 35 % = 14 boursiers × 157", async () => {
    const d = parUai(await dotations2024(), "0750655E");
    expect(d.nom).toBe("Lycée Arago");
    expect(d.effectifs).toEqual({ prepaMetiers: 12, preBac: 54, postBac: 40 });
    expect(euros(d.brute.prepaMetiers.valeur)).toBe("672.00"); // 12 × 56
    expect(euros(d.brute.preBac.valeur)).toBe("8478.00"); // (24 + 30) × 157
    expect(d.boursiersRetenus?.nombre).toBe(14);
    expect(euros(d.brute.postBac?.valeur)).toBe("2198.00"); // 14 × 157
    expect(euros(d.nette.preBac.valeur)).toBe("7949.50"); // 672 + 8 478 − 1 200,50
    expect(euros(d.nette.postBac.valeur)).toBe("2198.00");
    expect(euros(d.nette.total.valeur)).toBe("10147.50");
    expect(d.motifs).toEqual([]);
  });

  test("0750654D : taux par les deux effectifs (120 / 400), reliquat pré-bac au-dessus de l'enveloppe → 0", async () => {
    const d = parUai(await dotations2024(), "0750654D");
    expect(d.effectifs).toEqual({ prepaMetiers: 0, preBac: 28, postBac: 25 }); // ST2S and apprentices excluded
    expect(euros(d.brute.preBac.valeur)).toBe("4396.00"); // 28 × 157
    expect(euros(d.nette.preBac.valeur)).toBe("0.00"); // 20 000 > 4 396
    expect(d.boursiersRetenus?.nombre).toBe(8); // 25 × 30 % = 7,5 → 8
    expect(euros(d.brute.postBac?.valeur)).toBe("1256.00"); // 8 × 157
    expect(euros(d.nette.postBac.valeur)).toBe("1155.50"); // 1 256 − 100,50
    expect(euros(d.nette.total.valeur)).toBe("1155.50");
    expect(d.motifs.join(" ")).toContain("supérieur à la dotation calculée");
  });

  test("0941234F n'a pas répondu à l'enquête : dotation brute calculée, nette nulle, avec le motif", async () => {
    const d = parUai(await dotations2024(), "0941234F");
    expect(d.aRepondu).toBe(false);
    expect(euros(d.brute.preBac.valeur)).toBe("2826.00"); // 18 × 157
    expect(euros(d.brute.postBac?.valeur)).toBe("785.00"); // 20 × 25 % = 5 × 157
    expect(euros(d.nette.total.valeur)).toBe("0.00");
    expect(d.motifs.join(" ")).toContain("N'a pas répondu aux enquêtes régionales");
  });

  test("0771234Y absent de la feuille Établissements : réputé répondant sans reliquat ; sans taux, pas de ligne post-bac", async () => {
    const r = await dotations2024();
    const d = parUai(r, "0771234Y");
    expect(d.aRepondu).toBe(true);
    expect(euros(d.nette.preBac.valeur)).toBe("2355.00"); // 15 × 157
    expect(d.brute.postBac).toBeNull();
    expect(euros(d.nette.total.valeur)).toBe("2355.00");
    expect(d.erreurs[0]).toContain("Taux de boursiers manquant");
    expect(d.motifs.join(" ")).toContain("Absent de la feuille « Établissements »");
    const codes = r.constats
      .filter((c) => c.message.includes("0771234Y"))
      .map((c) => [c.code, c.gravite, c.feuille, c.ligne]);
    expect(codes).toEqual([
      ["etablissement-absent", "alerte", "Créteil", 4],
      ["taux-boursiers-manquant", "erreur", "Créteil", 4],
    ]);
  });

  test("0930122C, seulement dans la feuille Établissements : effectifs nuls, reliquat visible, info", async () => {
    const r = await dotations2024();
    const d = parUai(r, "0930122C");
    expect(d.effectifs).toEqual({ prepaMetiers: 0, preBac: 0, postBac: 0 });
    expect(euros(d.reliquats.preBac)).toBe("500.00");
    expect(euros(d.nette.total.valeur)).toBe("0.00");
    expect(r.constats.filter((c) => c.code === "etablissement-sans-effectifs")).toEqual([
      expect.objectContaining({ gravite: "info", feuille: "Établissements", ligne: 4 }),
    ]);
  });

  test("totaux : la somme des établissements, calculée à la main", async () => {
    const r = await dotations2024();
    // Nette pré-bac : 7 949,50 + 0 + 2 355,00 + 0 + 0 ; post-bac : 2 198,00 + 1 155,50 + 0 + 0 + 0.
    expect(euros(r.totaux.nette.preBac)).toBe("10304.50");
    expect(euros(r.totaux.nette.postBac)).toBe("3353.50");
    expect(euros(r.totaux.nette.total)).toBe("13658.00");
    expect(r.totaux.effectifs).toEqual({
      prepaMetiers: 12,
      preBac: 54 + 28 + 18 + 15,
      postBac: 40 + 25 + 20 + 10,
    });
    expect(r.totaux.boursiersRetenus).toBe(14 + 8 + 5);
    expect(euros(r.totaux.brute.postBac)).toBe("4239.00"); // (14 + 8 + 5) × 157, 0771234Y not computed
    expect(euros(r.totaux.reliquats.preBac)).toBe("21700.50"); // 1 200,50 + 20 000 + 500
    const somme = (f: (d: ResultatDotations["etablissements"][number]) => Decimal) =>
      r.etablissements.reduce((s, d) => s.plus(f(d)), new Decimal(0));
    expect(somme((d) => d.nette.total.valeur).equals(r.totaux.nette.total)).toBe(true);
    expect(somme((d) => d.nette.preBac.valeur).equals(r.totaux.nette.preBac)).toBe(true);
  });

  test("comptage : chaque ligne non vide des trois feuilles est comptée ou dans les constats", async () => {
    const r = await dotations2024();
    // Paris: 9 rows below the header (4-12), 6 counted; Créteil: 5 rows, 4 counted; Établissements: 4 rows, all used.
    expect(r.lignes.nonVides).toBe(9 + 5 + 4);
    expect(r.lignes.comptees).toBe(6 + 4 + 4);
    expect(r.lignes.ecartees).toBe(3 + 1);
    expect(r.lignes.nonVides).toBe(r.lignes.comptees + r.lignes.ecartees);
    expect(r.lignes.ecarteesParMotif).toEqual({
      "formation-non-eligible": 1,
      apprentissage: 1,
      "ligne-total": 1,
      "code-mef": 1,
    });
    const ecartees = r.constats
      .filter((c) => ["formation-non-eligible", "apprentissage", "ligne-total", "code-mef"].includes(c.code))
      .map((c) => `${c.feuille}!${c.ligne}`);
    expect(ecartees).toEqual(["Paris!10", "Paris!11", "Paris!12", "Créteil!6"]);
  });

  test("chaque ligne de dotation s'explique (traces rendues)", async () => {
    const d = parUai(await dotations2024(), "0750655E");
    expect(d.brute.preBac.trace).toMatchObject({
      calcul: "54 élèves × 157\u00a0€",
      resultat: "8\u202f478,00\u00a0€",
    });
  });
});

describe("Valeurs illisibles de la feuille Établissements : jamais payé comme si le reliquat était nul ou la réponse « oui »", () => {
  /** ETABLISSEMENTS with one cell of 0750655E (row 2) replaced. */
  async function avec(colonne: number, valeur: CellValue): Promise<ResultatDotations> {
    const etablissements = ETABLISSEMENTS.map((row) => [...row]);
    etablissements[1][colonne] = valeur;
    return calculerDotations(
      new MemoryWorkbook({ Paris: PARIS, Créteil: CRETEIL, Établissements: etablissements }),
      {
        feuillesEffectifs: ["Paris", "Créteil"],
        feuilleEtablissements: "Établissements",
        annee: 2024,
        parametres,
      },
    );
  }

  test("reliquat pré-bac #N/A : l'enveloppe pré-bac est « non calculée » (pas de nette, erreur) ; le post-bac l'est (14 × 157 = 2 198,00 €)", async () => {
    const r = await avec(4, { error: "#N/A" });
    const d = parUai(r, "0750655E");
    expect(euros(d.brute.preBac.valeur)).toBe("8478.00"); // the line is computed: 54 × 157
    expect(d.parts.preBac.nette).toBeNull(); // not 672 + 8 478 = 9 150 paid without its reliquat, nor 0
    expect(d.parts.preBac.cas).toBe("non-calculee");
    expect(euros(d.parts.postBac.nette ?? undefined)).toBe("2198.00");
    expect(euros(d.nette.postBac.valeur)).toBe("2198.00");
    expect(d.erreurs).toEqual([
      "Reliquat pré-bac illisible (feuille « Établissements », cellule E2) : enveloppe pré-bac non calculée. Corrigez le montant (0 s'il n'y en a pas), puis relancez le calcul.",
    ]);
    expect(d.nette.preBac.trace.calcul).toMatch(/^non calculée : reliquat pré-bac illisible/);
    expect(r.constats).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: "reliquat-illisible", ligne: 2, colonne: "E" }),
      ]),
    );
    // The totals hold what is computed, nothing else.
    const sansArago = r.etablissements.filter((e) => e.uai !== "0750655E");
    const attendu = sansArago.reduce((t, e) => t.plus(e.nette.total.valeur), new Decimal(2198));
    expect(euros(r.totaux.nette.total)).toBe(texteDecimal(attendu));
    // … and say which envelope is missing: its dotation calculée (672 + 8 478 = 9 150) in « non calculées ».
    expect(r.totaux.enveloppes.preBac.nonCalculees.etablissements).toBe(1);
    expect(euros(r.totaux.enveloppes.preBac.nonCalculees.montant)).toBe("9150.00");
    expect(parUai(r, "0750655E").parts.postBac.cas).toBe("versee");
  });

  test("réponse à l'enquête « peut-être » : aucune enveloppe calculée, une erreur qui dit quoi corriger", async () => {
    const r = await avec(6, "peut-être");
    const d = parUai(r, "0750655E");
    expect([d.parts.preBac.nette, d.parts.postBac.nette]).toEqual([null, null]);
    expect(r.totaux.enveloppes.preBac.nonCalculees.etablissements).toBe(1);
    // Post-bac: this one and those without a taux (computed before from the same fixture).
    const sansTaux = r.etablissements.filter((e) => e.uai !== "0750655E" && e.brute.postBac === null);
    expect(r.totaux.enveloppes.postBac.nonCalculees.etablissements).toBe(1 + sansTaux.length);
    expect(d.erreurs).toEqual([
      "Réponse à l'enquête illisible (feuille « Établissements », cellule G2) : dotation non calculée. Saisissez oui ou non, puis relancez le calcul.",
    ]);
    expect(d.motifs).toEqual([]);
  });

  test("reliquat post-bac négatif : l'enveloppe post-bac n'est pas calculée, le pré-bac l'est (672 + 8 478 − 1 200,50 = 7 949,50 €)", async () => {
    const d = parUai(await avec(5, -300), "0750655E");
    expect(euros(d.nette.preBac.valeur)).toBe("7949.50");
    expect(d.parts.postBac.nette).toBeNull();
    expect(d.erreurs).toEqual([
      expect.stringMatching(/^Reliquat post-bac illisible \(feuille « Établissements », cellule F2\)/),
    ]);
  });

  test("cellule de réponse vide : réputé avoir répondu (dotation calculée, 10 147,50 €), avec une alerte qui le dit", async () => {
    const r = await avec(6, null);
    const d = parUai(r, "0750655E");
    expect(euros(d.nette.total.valeur)).toBe("10147.50");
    expect(d.erreurs).toEqual([]);
    expect(d.motifs).toEqual([
      "Réponse à l'enquête non renseignée : réputé avoir répondu, dotation calculée.",
    ]);
    expect(r.constats.filter((c) => c.code === "reponse-vide")).toEqual([
      expect.objectContaining({ gravite: "alerte", feuille: "Établissements", ligne: 2, colonne: "G" }),
    ]);
  });
});

describe("Une même extraction donnée deux fois : comptée une fois", () => {
  test("Paris collée dans deux onglets : 0750655E garde 10 147,50 € (pas le double), chaque ligne du second onglet est un doublon qui cite la première", async () => {
    const r = await calculerDotations(
      new MemoryWorkbook({
        Paris: PARIS,
        "Paris (2)": PARIS.map((row) => [...row]),
        Créteil: CRETEIL,
        Établissements: ETABLISSEMENTS,
      }),
      {
        feuillesEffectifs: ["Paris", "Paris (2)", "Créteil"],
        feuilleEtablissements: "Établissements",
        annee: 2024,
        parametres,
      },
    );
    const d = parUai(r, "0750655E");
    expect(d.effectifs).toEqual({ prepaMetiers: 12, preBac: 54, postBac: 40 });
    expect(euros(d.nette.total.valeur)).toBe("10147.50"); // as with Paris once: 7 949,50 + 2 198
    const seule = await dotations2024();
    expect(euros(r.totaux.nette.total)).toBe(euros(seule.totaux.nette.total));
    const doublons = r.constats.filter((c) => c.code === "doublon");
    const parisSeule = await calculerDotations(new MemoryWorkbook({ Paris: PARIS }), {
      feuillesEffectifs: ["Paris"],
      annee: 2024,
      parametres,
    });
    expect(doublons.length).toBe(parisSeule.lignes.comptees); // every counted row of Paris, once more
    expect(
      doublons.every((c) => c.feuille === "Paris (2)" && c.message.includes("de la feuille « Paris »")),
    ).toBe(true);
    expect(r.lignes.comptees + r.lignes.ecartees).toBe(r.lignes.nonVides);
    // Nothing was counted from the second tab: no establishment is in two sheets.
    expect(r.constats.filter((c) => c.code === "etablissement-plusieurs-feuilles")).toEqual([]);
    expect(d.motifs).toEqual([]);
  });

  test("la même formation dans deux feuilles (autre présentation) : erreur, enveloppe pré-bac non calculée, jamais payée deux fois", async () => {
    // Arago's CAP again, in Créteil's layout: not the same cells, so not a duplicate row. A lycée is in
    // one rectorat, which lists a formation once: added up, its 24 pupils would be paid twice
    // (24 × 157 = 3 768 € too much). Décision regles.md#lecture.formation-plusieurs-feuilles.
    const creteil = [...CRETEIL, ["0750655E", "Lycée Arago", "50022137", "BOULANGER (CAP)", 24]];
    const r = await calculerDotations(
      new MemoryWorkbook({ Paris: PARIS, Créteil: creteil, Établissements: ETABLISSEMENTS }),
      {
        feuillesEffectifs: ["Paris", "Créteil"],
        feuilleEtablissements: "Établissements",
        annee: 2024,
        parametres,
      },
    );
    const d = parUai(r, "0750655E");
    expect(d.effectifs.preBac).toBe(54 + 24); // counted, and shown: the envelope says why it is not paid
    expect(d.parts.preBac.nette).toBeNull();
    expect(euros(d.parts.postBac.nette!)).toBe("2198.00"); // 40 × 35 % = 14 boursiers × 157
    expect(r.constats.filter((c) => c.code === "formation-plusieurs-feuilles")).toEqual([
      expect.objectContaining({
        gravite: "erreur",
        feuille: "Créteil",
        ligne: 7,
        colonne: "C",
        message: expect.stringMatching(
          /^Établissement 0750655E : Formation 50022137 \(« Paris » ligne 4, « Créteil » ligne 7\) comptée dans deux feuilles d'effectifs : enveloppe pré-bac non calculée\. Un lycée relève d'un seul rectorat/,
        ),
      }),
    ]);
    expect(d.erreurs).toEqual([
      "Formation 50022137 (« Paris » ligne 4, « Créteil » ligne 7) comptée dans deux feuilles d'effectifs : enveloppe pré-bac non calculée. Un lycée relève d'un seul rectorat : l'une des feuilles est sans doute une copie, et ses élèves seraient payés deux fois. Gardez une seule feuille, ou réunissez les lignes en une feuille s'il s'agit de classes différentes, puis relancez.",
    ]);
    // The establishment in two sheets is still said as before.
    expect(r.constats.filter((c) => c.code === "etablissement-plusieurs-feuilles")).toEqual([
      expect.objectContaining({ gravite: "alerte", feuille: "Créteil", ligne: 7, colonne: "A" }),
    ]);
    // Totals: Arago's pré-bac is out (one envelope non calculée), the other nets unchanged.
    expect(r.totaux.enveloppes.preBac.nonCalculees.etablissements).toBe(1);
  });

  test("un établissement dans deux feuilles sans formation commune (pré-bac dans l'une, post-bac dans l'autre) : additionné, avec une alerte", async () => {
    const parisSansBts = PARIS.filter((row) => row[2] !== "32025520");
    const creteil = [...CRETEIL, ["0750655E", "Lycée Arago", "32025520", "ELECTROTECHNIQUE (BTS)", 40]];
    const r = await calculerDotations(
      new MemoryWorkbook({ Paris: parisSansBts, Créteil: creteil, Établissements: ETABLISSEMENTS }),
      {
        feuillesEffectifs: ["Paris", "Créteil"],
        feuilleEtablissements: "Établissements",
        annee: 2024,
        parametres,
      },
    );
    const d = parUai(r, "0750655E");
    expect(d.effectifs).toEqual({ prepaMetiers: 12, preBac: 54, postBac: 40 });
    expect(euros(d.nette.total.valeur)).toBe("10147.50"); // as with Paris once: 7 949,50 + 2 198
    expect(r.constats.filter((c) => c.code === "formation-plusieurs-feuilles")).toEqual([]);
    expect(r.constats.filter((c) => c.code === "etablissement-plusieurs-feuilles")).toEqual([
      expect.objectContaining({
        gravite: "alerte",
        feuille: "Créteil",
        ligne: 7,
        colonne: "A",
        message: expect.stringMatching(
          /^Établissement 0750655E présent dans plusieurs feuilles d'effectifs \(« Paris » ligne 4, « Créteil » ligne 7\) : ses lignes sont additionnées\./,
        ),
      }),
    ]);
    expect(d.motifs).toEqual([
      "Présent dans plusieurs feuilles d'effectifs (« Paris » ligne 4, « Créteil » ligne 7) : ses lignes sont additionnées. À vérifier.",
    ]);
  });
});

describe("Calculer les dotations 2023-2024 (forfaits 151 € et 54 €, arrêté n° 2023-087)", () => {
  test("une seule feuille portant aussi les colonnes d'établissement, taux en pourcentage", async () => {
    const feuille: CellValue[][] = [
      ["UAI", "Code diplôme", "Effectif", "Taux de boursiers", "Reliquat pré-bac"],
      ["0750655E", 67010031, 10, "35 %", "60,25"],
      ["0750655E", "50022137", 20, "35 %", "60,25"],
      ["0750655E", "32025520", 30, "35 %", "60,25"],
    ];
    const r = await calculerDotations(new MemoryWorkbook({ Lycée: feuille }), {
      feuillesEffectifs: ["Lycée"],
      annee: 2023,
      parametres,
    });
    const [d] = r.etablissements;
    expect(euros(d.brute.prepaMetiers.valeur)).toBe("540.00"); // 10 × 54
    expect(euros(d.brute.preBac.valeur)).toBe("3020.00"); // 20 × 151
    expect(d.boursiersRetenus?.nombre).toBe(11); // 30 × 35 % = 10,5 → 11
    expect(euros(d.brute.postBac?.valeur)).toBe("1661.00"); // 11 × 151
    expect(euros(d.nette.preBac.valeur)).toBe("3499.75"); // 540 + 3 020 − 60,25
    expect(euros(d.nette.total.valeur)).toBe("5160.75");
    expect(r.constats).toEqual([]);
  });

  test("reliquat inférieur à l'enveloppe déduit ; une feuille Établissements sert aussi de feuille d'effectifs sans double lecture", async () => {
    const feuille: CellValue[][] = [
      ["UAI", "Code diplôme", "Effectif", "Reliquat pré-bac"],
      ["0750655E", "50022137", 2, 100],
    ];
    const r = await calculerDotations(new MemoryWorkbook({ F: feuille }), {
      feuillesEffectifs: ["F"],
      feuilleEtablissements: "F",
      annee: 2023,
      parametres,
    });
    expect(euros(r.etablissements[0].nette.preBac.valeur)).toBe("202.00"); // 2 × 151 − 100
    expect(r.lignes).toMatchObject({ nonVides: 1, comptees: 1 });
    expect(r.constats).toEqual([]);
  });
});

describe("Années, colonnes, progression", () => {
  test("2025-2026 sans l'indice de décembre 2024 : rejet par l'ErreurParametreManquant elle-même, intacte", async () => {
    let attendue: unknown;
    try {
      forfaitsDeLAnnee(2025, parametres);
    } catch (error) {
      attendue = error;
    }
    const promesse = calculerDotations(classeur(), { feuillesEffectifs: ["Paris"], annee: 2025, parametres });
    await expect(promesse).rejects.toBeInstanceOf(ErreurParametreManquant);
    await expect(promesse).rejects.toMatchObject({
      code: "ipc-manquant",
      message: (attendue as Error).message,
    });
  });

  test("une correction de colonnes par feuille", async () => {
    const feuille: CellValue[][] = [
      ["UAI", "Code diplôme", "Effectif", "Effectif corrigé"],
      ["0750655E", "50022137", 99, 3],
    ];
    const r = await calculerDotations(new MemoryWorkbook({ F: feuille }), {
      feuillesEffectifs: ["F"],
      annee: 2024,
      parametres,
      colonnes: { F: { effectif: 3 } },
    });
    expect(r.etablissements[0].effectifs.preBac).toBe(3);
  });

  test("la progression est annoncée jusqu'au total, et un signal levé annule avec AbortedError", async () => {
    const rows: CellValue[][] = [["UAI", "Code diplôme", "Effectif"]];
    for (let i = 0; i < 12000; i++) rows.push(["0750655E", "50022137", i % 7]);
    const appels: [number, number][] = [];
    const r = await calculerDotations(new MemoryWorkbook({ F: rows }), {
      feuillesEffectifs: ["F"],
      annee: 2024,
      parametres,
      progress: { onProgress: (fait, total) => appels.push([fait, total]) },
    });
    expect(appels.length).toBeGreaterThanOrEqual(3);
    expect(appels[appels.length - 1]).toEqual([12000, 12000]);
    // Only 7 distinct rows (effectif 0 to 6): the other 11 993 are duplicates, counted once.
    expect(r.lignes).toMatchObject({ nonVides: 12000, comptees: 7, ecarteesParMotif: { doublon: 11993 } });
    expect(r.etablissements[0].effectifs.preBac).toBe(21);
    const signal = { aborted: false };
    const annulee = calculerDotations(new MemoryWorkbook({ F: rows }), {
      feuillesEffectifs: ["F"],
      annee: 2024,
      parametres,
      progress: {
        signal,
        onProgress: (fait) => {
          if (fait >= 5000) signal.aborted = true;
        },
      },
    });
    await expect(annulee).rejects.toBeInstanceOf(AbortedError);
  });
});
