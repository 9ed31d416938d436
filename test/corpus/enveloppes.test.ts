/**
 * Corpus des enveloppes (issue 11.7, issue 12.1) : une enveloppe « non calculée » n'est jamais
 * 0,00 € — cellule vide et motif dans la feuille « Dotations ARE », null dans le JSON, « non
 * calculée » dans la ligne de commande et le volet — et les totaux disent combien d'enveloppes leur
 * manquent ; les réponses à l'enquête lues comme la Région les écrit ; les totaux de la démonstration
 * (npm run demo) se rapprochent au centime, calculés à la main. Chaque cas figure dans
 * docs/security.md (vérifié en fin de fichier).
 *
 * Montants à la main, forfaits 2024-2025 : pré-bac 157 €, 3ème prépa-métiers 56 €, post-bac 157 €.
 * L'établissement type a 20 élèves de CAP (20 × 157 = 3 140 €) et 10 de 3ème prépa-métiers
 * (10 × 56 = 560 €) : enveloppe pré-bac 3 700,00 € ; 40 élèves de BTS à 35 % = 14 boursiers × 157 € =
 * 2 198,00 € en post-bac.
 */
import * as fs from "fs";
import * as path from "path";
import Decimal from "decimal.js";
import { Parametres } from "../../src/rules";
import { MemoryWorkbook } from "../../src/workbook/memory";
import type { CellValue } from "../../src/workbook/port";
import { lireDotationsEtablissement } from "../../src/sheet/feuilleDotations";
import type { Constat } from "../../src/sheet/constats";
import { calculerDotations, ecrireDotations, type ResultatDotations } from "../../src/workflows";
import { dotationsJson, type DotationsJson } from "../../src/cli/json";
import { feuilleDotations } from "../../src/workflows/outputs";
import { formatEurosOuNonCalculee, reconciliationRows } from "../../src/taskpane/dotations/summary";
import { netteTotaleConnue } from "../../src/rules";
import { DEMO_ARGS } from "../cli/examples";
import { run } from "../cli/run";
import { removeDir, tempDir } from "../xlsx/helpers";

const EFFECTIFS: CellValue[][] = [
  ["UAI", "Nom de l'établissement", "Code formation diplôme", "Effectif"],
  ["0750655E", "Lycée Louis-le-Grand", "50022137", 20], // CAP BOULANGER, pré-bac
  ["0750655E", "Lycée Louis-le-Grand", "67010031", 10], // 3ème prépa-métiers
  ["0750655E", "Lycée Louis-le-Grand", "32020009", 40], // BTS, post-bac
];
const ENTETE_ETABLISSEMENTS = [
  "UAI",
  "Taux de boursiers",
  "Reliquat pré-bac",
  "Reliquat post-bac",
  "Réponse à l'enquête",
];

async function calculer(etablissement: CellValue[]): Promise<ResultatDotations> {
  const classeur = new MemoryWorkbook({
    Effectifs: EFFECTIFS,
    Établissements: [ENTETE_ETABLISSEMENTS, etablissement],
  });
  return calculerDotations(classeur, {
    feuillesEffectifs: ["Effectifs"],
    feuilleEtablissements: "Établissements",
    annee: 2024,
    parametres: Parametres.embarques(),
  });
}

/** The « Dotations ARE » sheet's row of the establishment, by column header. */
function ligneFeuille(r: ResultatDotations): Record<string, CellValue> {
  const feuille = feuilleDotations(r, "Constats ARE 2024-2025");
  return Object.fromEntries(feuille.columns.map((c, i) => [c.header, feuille.rows[0][i]]));
}

/** Cases named as in docs/security.md. */
const CAS: string[] = [];
function cas(nom: string, corps: () => Promise<void>): void {
  CAS.push(nom);
  test(nom, corps, 30_000);
}

describe("Réponses à l'enquête", () => {
  for (const reponse of ["Non répondu", "NR", "non", "N", "n'a pas répondu"]) {
    cas(`réponse à l'enquête « ${reponse} » : non-répondant, aucune dotation`, async () => {
      const r = await calculer(["0750655E", "35 %", 0, 0, reponse]);
      const [d] = r.etablissements;
      expect(d.aRepondu).toBe(false);
      expect([d.parts.preBac.cas, d.parts.postBac.cas]).toEqual(["non-repondant", "non-repondant"]);
      expect(r.constats.filter((c) => c.gravite !== "info")).toEqual([]);
      // 3 700 + 2 198 = 5 898,00 € de dotation calculée, toute en « non-répondants ».
      const json = dotationsJson(r);
      expect(json.totaux.preBac.nonRepondants).toEqual({ montant: "3700.00", etablissements: 1 });
      expect(json.totaux.postBac.nonRepondants).toEqual({ montant: "2198.00", etablissements: 1 });
      expect(json.totaux.dotationNette.total).toBe("0.00");
    });
  }

  for (const reponse of ["oui", "O", "X", "répondu", "Répondu"]) {
    cas(`réponse à l'enquête « ${reponse} » : a répondu`, async () => {
      const r = await calculer(["0750655E", "35 %", 0, 0, reponse]);
      expect(r.etablissements[0].aRepondu).toBe(true);
      expect(r.constats.filter((c) => c.gravite !== "info")).toEqual([]);
      expect(dotationsJson(r).totaux.dotationNette.total).toBe("5898.00"); // 3 700 + 2 198
    });
  }

  cas("réponse à l'enquête vide : réputé avoir répondu, avec une alerte", async () => {
    const r = await calculer(["0750655E", "35 %", 0, 0, null]);
    expect(r.etablissements[0].aRepondu).toBe(true);
    expect(r.constats).toContainEqual(
      expect.objectContaining({ code: "reponse-vide", gravite: "alerte", ligne: 2, colonne: "E" }),
    );
    expect(dotationsJson(r).totaux.dotationNette.total).toBe("5898.00");
  });

  cas(
    "réponse à l'enquête « à relancer » : erreur, les deux enveloppes non calculées (jamais 0,00 €)",
    async () => {
      const r = await calculer(["0750655E", "35 %", 0, 0, "à relancer"]);
      expect(r.constats).toContainEqual(
        expect.objectContaining({ code: "reponse-illisible", gravite: "erreur", ligne: 2, colonne: "E" }),
      );
      const json = dotationsJson(r);
      expect(json.etablissements[0].dotationNette).toEqual({ preBac: null, postBac: null, total: null });
      expect(json.etablissements[0].motifs[0]).toMatch(
        /^Réponse à l'enquête illisible .* dotation non calculée/,
      );
      expect(json.totaux.enveloppesNonCalculees).toBe(2);
      expect(json.totaux.dotationNette).toEqual({ preBac: "0.00", postBac: "0.00", total: "0.00" });
      // Both dotations calculées are known (3 700 and 2 198): they go to « non calculées ».
      expect(json.totaux.preBac.nonCalculees).toEqual({ montant: "3700.00", etablissements: 1 });
      expect(json.totaux.postBac.nonCalculees).toEqual({ montant: "2198.00", etablissements: 1 });
      const ligne = ligneFeuille(r);
      expect([
        ligne["Dotation nette pré-bac"],
        ligne["Dotation nette post-bac"],
        ligne["Dotation nette totale"],
      ]).toEqual([null, null, null]);
      expect(ligne["Motifs"]).toMatch(/dotation non calculée/);
      const feuille = feuilleDotations(r, "Constats ARE 2024-2025");
      expect(feuille.totals![1]).toBe(
        "1 établissement ; 2 enveloppes non calculées, absentes des dotations nettes (à compléter puis relancer)",
      );
    },
  );
});

describe("Reliquat illisible : l'enveloppe est « non calculée » partout", () => {
  cas("reliquat pré-bac « 1.200 » ambigu : enveloppe pré-bac non calculée, post-bac versée", async () => {
    const r = await calculer(["0750655E", "35 %", "1.200", 98, "oui"]);
    const [d] = r.etablissements;
    const json = dotationsJson(r);
    // Post-bac : 2 198 − 98 = 2 100,00 €.
    expect(json.etablissements[0].dotationNette).toEqual({ preBac: null, postBac: "2100.00", total: null });
    expect(json.etablissements[0].enveloppes).toEqual({ preBac: "non-calculee", postBac: "versee" });
    expect(json.totaux.dotationNette).toEqual({ preBac: "0.00", postBac: "2100.00", total: "2100.00" });
    expect(json.totaux.enveloppesNonCalculees).toBe(1);
    const ligne = ligneFeuille(r);
    expect(ligne["Dotation nette pré-bac"]).toBeNull();
    expect(ligne["Dotation nette post-bac"]).toBe(2100);
    expect(ligne["Dotation nette totale"]).toBeNull();
    expect(ligne["Motifs"]).toMatch(/^Reliquat pré-bac illisible .*enveloppe pré-bac non calculée/);
    // The totals row says why its 2 100,00 € is not the sum of the column above (an empty cell).
    const feuille = feuilleDotations(r, "Constats ARE 2024-2025");
    const totaux = Object.fromEntries(feuille.columns.map((c, i) => [c.header, feuille.totals![i]]));
    expect(totaux["Dotation nette totale"]).toBe(2100);
    expect(totaux["Explication"]).toBe(
      "Dotation nette totale 2\u202f100,00\u00a0€ = nette pré-bac 0,00\u00a0€ + nette post-bac 2\u202f100,00\u00a0€ : elle compte les enveloppes calculées de l'établissement dont le total n'est pas calculé (2\u202f100,00\u00a0€), sa ligne laissant le total vide ; la somme des totaux par établissement est 0,00\u00a0€.",
    );
    // The task pane: « non calculée » for the establishment, the totals table counts it.
    expect(formatEurosOuNonCalculee(netteTotaleConnue(d))).toBe("non calculée");
    const nonCalculees = reconciliationRows(r.totaux).find((l) => l.libelle === "Enveloppes non calculées")!;
    expect(nonCalculees.preBac).toEqual({ montant: "3\u202f700,00", nombre: 1 });
    expect(nonCalculees.postBac).toEqual({ montant: "0,00", nombre: 0 });
  });
});

describe("Relue pour le bilan, une enveloppe non calculée n'est pas une dotation reçue de 0 €", () => {
  cas("feuille « Dotations ARE » relue : dotation pré-bac vide → à saisir, avec une alerte", async () => {
    const classeur = new MemoryWorkbook({
      Effectifs: EFFECTIFS,
      Établissements: [ENTETE_ETABLISSEMENTS, ["0750655E", "35 %", "1.200", 98, "oui"]],
    });
    const r = await calculerDotations(classeur, {
      feuillesEffectifs: ["Effectifs"],
      feuilleEtablissements: "Établissements",
      annee: 2024,
      parametres: Parametres.embarques(),
    });
    const { dotations } = await ecrireDotations(classeur, r);
    const constats: Constat[] = [];
    const lues = lireDotationsEtablissement(await classeur.readSheet(dotations), "0750655E", constats);
    expect(lues.dotations.preBac).toBeNull();
    expect(lues.dotations.postBac?.toFixed(2)).toBe("2100.00"); // 2 198 − 98
    expect(constats).toEqual([
      expect.objectContaining({ code: "dotation-vide", gravite: "alerte", colonne: expect.any(String) }),
    ]);
    expect(constats[0].message).toMatch(
      /^Dotation nette pré-bac de 0750655E vide .* n'est pas reprise comme 0/,
    );
  });
});

describe("La démonstration (npm run demo) : les totaux se rapprochent au centime", () => {
  let dir: string;
  let json: DotationsJson;
  let stdout: string;
  beforeAll(async () => {
    dir = tempDir();
    const out = path.join(dir, "demo.xlsx");
    const args = DEMO_ARGS.filter((a, i, all) => a !== "--out" && all[i - 1] !== "--out");
    const texte = await run([...args, "--out", out]);
    const doc = await run([...args, "--json"]);
    expect([texte.code, doc.code]).toEqual([0, 0]);
    stdout = texte.stdout;
    json = JSON.parse(doc.stdout);
  }, 60_000);
  afterAll(() => removeDir(dir));

  cas(
    "démonstration : pré-bac calculée − reliquats déduits − non-répondants = nette, à la main",
    async () => {
      const t = json.totaux.preBac;
      // Before: 855 147,00 − 84 673,05 read against a net of 762 081,72: 8 392,23 € unexplained.
      expect(t.dotationCalculee.montant).toBe("855147.00");
      expect(t.reliquatsDeclares.montant).toBe("84673.05");
      expect(t.dotationNette.montant).toBe("762081.72");
      // Non-respondents, by hand: 0754467Y 39 × 157 = 6 123,00 ; 0928510A 34 × 157 + 9 × 56 =
      // 5 338,00 + 504,00 = 5 842,00 ; together 11 965,00 €.
      expect(t.nonRepondants).toEqual({ montant: "11965.00", etablissements: 2 });
      // Écrêtement, by hand: 0750729K 13 405,30 − 80 × 157 (12 560,00) = 845,30 ; 0771405J 9 951,30 −
      // 58 × 157 (9 106,00) = 845,30 ; 0920447L 12 306,30 − 73 × 157 (11 461,00) = 845,30 ; 2 535,90 €.
      expect(t.ecretement).toEqual({ montant: "2535.90", etablissements: 3 });
      // The reliquat of 0754467Y (1 036,87 €) is not deducted: it did not answer.
      expect(t.reliquatsNonPrisEnCompte).toEqual({ montant: "1036.87", etablissements: 1 });
      // Deducted: 84 673,05 − 2 535,90 − 1 036,87 = 81 100,28 €.
      expect(t.reliquatsDeduits.montant).toBe("81100.28");
      // 855 147,00 − 81 100,28 − 11 965,00 − 0 = 762 081,72 ; the 8 392,23 € were
      // 11 965,00 − 1 036,87 − 2 535,90.
      expect(t.nonCalculees).toEqual({ montant: "0.00", etablissements: 0 });
      expect(new Decimal("11965.00").minus("1036.87").minus("2535.90").toFixed(2)).toBe("8392.23");
      expect(new Decimal("855147.00").minus("84673.05").minus("762081.72").toFixed(2)).toBe("8392.23");
    },
  );

  cas("démonstration : post-bac, l'enveloppe sans taux est non calculée et comptée à part", async () => {
    const t = json.totaux.postBac;
    // Non-respondent 0754467Y: 11 boursiers retenus × 157 = 1 727,00 €; 0928510A has no post-bac.
    expect(t.nonRepondants).toEqual({ montant: "1727.00", etablissements: 2 });
    // 0930986S: 64 post-bac students and no taux: not computed (its 82,67 € of reliquat unused, as
    // 0754467Y's 424,91 €: 507,58 €).
    expect(t.nonCalculees).toEqual({ montant: "0.00", etablissements: 1 });
    expect(t.reliquatsNonPrisEnCompte.montant).toBe("507.58");
    expect(json.totaux.enveloppesNonCalculees).toBe(1);
    const m = (x: { montant: string }) => new Decimal(x.montant);
    expect(m(t.dotationCalculee).minus(m(t.reliquatsDeduits)).minus(m(t.nonRepondants)).toFixed(2)).toBe(
      t.dotationNette.montant,
    );
  });

  cas("démonstration : le résumé de la ligne de commande affiche les mêmes lignes", async () => {
    expect(stdout).toContain(
      "  Pré-bac : dotation calculée 855\u202f147,00\u00a0€ (62 établissements) − reliquats déduits 81\u202f100,28\u00a0€ (35 établissements) − non-répondants 11\u202f965,00\u00a0€ (2 établissements) − non calculées 0,00\u00a0€ (0 enveloppe) = dotation nette 762\u202f081,72\u00a0€ (62 établissements)",
    );
    expect(stdout).toContain(
      "écrêtement (au-delà de la dotation, non déduit) 2\u202f535,90\u00a0€ (3 établissements)",
    );
    expect(stdout).toMatch(/0930986S .* non calculée {2}non calculée {2}!/);
    expect(stdout).toContain("1 enveloppe non calculée, absente des dotations nettes");
  });

  cas(
    "démonstration : le total de la dotation nette dit pourquoi il n'est pas la somme de sa colonne",
    async () => {
      // 0930986S, total « non calculée » (no taux), pré-bac by hand: STD2A 38 + STI2D 66 + STHR 24 = 128
      // élèves × 157 = 20 096,00 − reliquat 2 868,13 = 17 227,87 € (its MC 01025101 is not eligible).
      // 826 135,59 − 17 227,87 = 808 907,72 €, the sum of the rows' totals.
      expect(json.totaux.dotationNette.total).toBe("826135.59");
      expect(stdout).toContain(
        "elle compte les enveloppes calculées de l'établissement dont le total n'est pas calculé (17\u202f227,87\u00a0€), sa ligne laissant le total vide ; la somme des totaux par établissement est 808\u202f907,72\u00a0€.",
      );
      const sommeDesLignes = json.etablissements
        .map((e) => e.dotationNette.total)
        .filter((t): t is string => t !== null)
        .reduce((a, t) => a.plus(t), new Decimal(0));
      expect(sommeDesLignes.toFixed(2)).toBe("808907.72");
    },
  );
});

test("chaque cas figure dans le tableau de docs/security.md", () => {
  const doc = fs.readFileSync(path.join(__dirname, "..", "..", "docs", "security.md"), "utf8");
  expect(CAS.filter((nom) => !doc.includes(nom))).toEqual([]);
});
