import * as crypto from "crypto";
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import Decimal from "decimal.js";
import { CATALOGUES, formaterEuros, lettreCleUai } from "../../src/rules";
import type { DotationsJson, EtablissementJson } from "../../src/cli/json";
import { removeDir, tempDir } from "../xlsx/helpers";
import {
  CRETEIL,
  DEMO_ARGS,
  ETABLISSEMENTS,
  PARIS,
  VERSAILLES,
  csvRows,
  xlsxRows,
  type InputRow,
} from "./examples";
import { run, type Run } from "./run";

let dir: string;
let out: string;
let result: Run;
let json: DotationsJson;
const hashes = new Map<string, string>();
const hash = (file: string) => crypto.createHash("sha256").update(fs.readFileSync(file)).digest("hex");

beforeAll(async () => {
  dir = tempDir();
  out = path.join(dir, "dotations.xlsx");
  for (const file of [PARIS, CRETEIL, VERSAILLES, ETABLISSEMENTS]) hashes.set(file, hash(file));
  result = await run([...DEMO_ARGS, "--out", out, "--json"]);
  json = JSON.parse(result.stdout);
});
afterAll(() => removeDir(dir));

const etablissement = (uai: string): EtablissementJson => {
  const found = json.etablissements.find((e) => e.uai === uai);
  if (!found) throw new Error(`établissement ${uai} absent du JSON`);
  return found;
};

describe("are dotations sur les exemples : contrat --json", () => {
  test("code de sortie 0, le classeur écrit est annoncé sur la sortie d'erreur", () => {
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(
      `Classeur écrit : ${out} (feuilles « Dotations ARE 2024-2025 » et « Constats ARE 2024-2025 »)\n`,
    );
  });

  test("les clés du document sont exactement celles du contrat", () => {
    expect(Object.keys(json)).toEqual(["annee", "liste", "forfaits", "etablissements", "totaux", "constats"]);
    expect(json.annee).toBe("2024-2025");
    // 2024-2025 has no list of its own: the document names the one carried over.
    expect(json.liste).toMatchObject({
      nom: "liste indicative 2023-2024 utilisée pour 2024-2025",
      annee: "2023-2024",
      report: true,
      date: "2023-03-17",
    });
    expect(json.forfaits).toEqual({ preBac: "157.00", postBac: "157.00", prepaMetiers: "56.00" });
    for (const e of json.etablissements) {
      expect(Object.keys(e)).toEqual([
        "uai",
        "nom",
        "aRepondu",
        "effectifs",
        "tauxBoursiers",
        "boursiersRetenus",
        "dotationBrute",
        "reliquats",
        "dotationNette",
        "enveloppes",
        "motifs",
      ]);
      expect(Object.keys(e.effectifs)).toEqual(["prepaMetiers", "preBac", "postBac"]);
      expect(Object.keys(e.dotationBrute)).toEqual(["prepaMetiers", "preBac", "postBac"]);
      expect(Object.keys(e.reliquats)).toEqual(["preBac", "postBac"]);
      expect(Object.keys(e.dotationNette)).toEqual(["preBac", "postBac", "total"]);
    }
    expect(Object.keys(json.totaux)).toEqual([
      "dotationNette",
      "enveloppesNonCalculees",
      "preBac",
      "postBac",
    ]);
    expect(Object.keys(json.totaux.dotationNette)).toEqual(["preBac", "postBac", "total"]);
    for (const t of [json.totaux.preBac, json.totaux.postBac]) {
      expect(Object.keys(t)).toEqual([
        "dotationCalculee",
        "reliquatsDeduits",
        "nonRepondants",
        "nonCalculees",
        "dotationNette",
        "reliquatsDeclares",
        "ecretement",
        "reliquatsNonPrisEnCompte",
      ]);
      for (const ligne of Object.values(t)) expect(Object.keys(ligne)).toEqual(["montant", "etablissements"]);
    }
    for (const c of json.constats) {
      expect(Object.keys(c)).toEqual(["gravite", "code", "feuille", "ligne", "colonne", "message"]);
      expect(["erreur", "alerte", "info"]).toContain(c.gravite);
    }
  });

  test("les montants sont des chaînes à deux décimales, le taux une chaîne décimale ou null", () => {
    const money = /^\d+\.\d{2}$/;
    for (const e of json.etablissements) {
      for (const value of [
        e.dotationBrute.prepaMetiers,
        e.dotationBrute.preBac,
        ...(e.dotationBrute.postBac === null ? [] : [e.dotationBrute.postBac]),
        e.reliquats.preBac,
        e.reliquats.postBac,
      ])
        expect(value).toMatch(money);
      // An envelope « non calculée » is null, never "0.00"; the total then too.
      for (const key of ["preBac", "postBac"] as const) {
        if (e.enveloppes[key] === "non-calculee") expect(e.dotationNette[key]).toBeNull();
        else expect(e.dotationNette[key]).toMatch(money);
      }
      const complet = e.enveloppes.preBac !== "non-calculee" && e.enveloppes.postBac !== "non-calculee";
      if (complet) expect(e.dotationNette.total).toMatch(money);
      else expect(e.dotationNette.total).toBeNull();
      if (e.tauxBoursiers !== null) expect(e.tauxBoursiers).toMatch(/^(0(\.\d{1,4})?|1)$/);
    }
    for (const value of Object.values(json.totaux.dotationNette)) expect(value).toMatch(money);
  });

  test("62 établissements triés par UAI, un par UAI", () => {
    const uais = json.etablissements.map((e) => e.uai);
    expect(uais).toHaveLength(62);
    expect([...uais].sort()).toEqual(uais);
    expect(new Set(uais).size).toBe(62);
  });

  test("les totaux sont la somme des enveloppes calculées, au centime ; les enveloppes non calculées sont comptées à part", () => {
    let manquantes = 0;
    for (const key of ["preBac", "postBac"] as const) {
      let sum = new Decimal(0);
      for (const e of json.etablissements) {
        const nette = e.dotationNette[key];
        if (nette === null) manquantes++;
        else sum = sum.plus(nette);
      }
      expect(sum.toFixed(2)).toBe(json.totaux.dotationNette[key]);
      expect(json.totaux[key].dotationNette.montant).toBe(json.totaux.dotationNette[key]);
    }
    expect(manquantes).toBe(json.totaux.enveloppesNonCalculees);
    expect(
      new Decimal(json.totaux.dotationNette.preBac).plus(json.totaux.dotationNette.postBac).toFixed(2),
    ).toBe(json.totaux.dotationNette.total);
  });

  test("totaux par enveloppe : calculée − reliquats déduits − non-répondants − non calculées = nette ; reliquats déclarés = déduits + écrêtement + non pris en compte", () => {
    for (const key of ["preBac", "postBac"] as const) {
      const t = json.totaux[key];
      const m = (l: { montant: string }) => new Decimal(l.montant);
      expect(
        m(t.dotationCalculee)
          .minus(m(t.reliquatsDeduits))
          .minus(m(t.nonRepondants))
          .minus(m(t.nonCalculees))
          .toFixed(2),
      ).toBe(t.dotationNette.montant);
      expect(m(t.reliquatsDeduits).plus(m(t.ecretement)).plus(m(t.reliquatsNonPrisEnCompte)).toFixed(2)).toBe(
        t.reliquatsDeclares.montant,
      );
      expect(t.dotationCalculee.etablissements).toBe(62);
      expect(t.dotationNette.etablissements + t.nonCalculees.etablissements).toBe(62);
      expect(t.nonRepondants.etablissements).toBe(2);
    }
  });

  test("nette pré-bac = max(0, 3ème prépa-métiers + pré-bac − reliquat) ; post-bac de même ; 0 sans réponse à l'enquête", () => {
    const max0 = (d: Decimal) => (d.isNegative() ? new Decimal(0) : d);
    for (const e of json.etablissements) {
      const preBac = e.aRepondu
        ? max0(
            new Decimal(e.dotationBrute.prepaMetiers).plus(e.dotationBrute.preBac).minus(e.reliquats.preBac),
          )
        : new Decimal(0);
      if (e.aRepondu && e.dotationBrute.postBac === null) {
        // Post-bac effectifs without a taux: the envelope is « non calculée », never 0.
        expect(e.dotationNette).toEqual({ preBac: preBac.toFixed(2), postBac: null, total: null });
        continue;
      }
      const postBac = e.aRepondu
        ? max0(new Decimal(e.dotationBrute.postBac ?? 0).minus(e.reliquats.postBac))
        : new Decimal(0);
      expect(e.dotationNette.preBac).toBe(preBac.toFixed(2));
      expect(e.dotationNette.postBac).toBe(postBac.toFixed(2));
      expect(e.dotationNette.total).toBe(preBac.plus(postBac).toFixed(2));
    }
  });
});

describe("are dotations sur les exemples : chiffres vérifiés à la main (forfaits 2024-2025 : 157 € et 56 €)", () => {
  test("EREA 0771823N (Créteil) : CAP 6 + 7 = 13 × 157 € = 2 041,00 € ; 10 × 56 € = 560,00 € ; les 12 apprentis ne comptent pas", () => {
    const e = etablissement("0771823N");
    expect(e.effectifs).toEqual({ prepaMetiers: 10, preBac: 13, postBac: 0 });
    expect(e.dotationBrute.preBac).toBe("2041.00");
    expect(e.dotationBrute.prepaMetiers).toBe("560.00");
    expect(e.dotationNette.total).toBe("2601.00");
  });

  test("0750039K (Paris) : 32 + 57 + 24 + 16 = 129 × 157 € = 20 253,00 € ; 24 BTS × 247/1 122 = 5,28 → 5 boursiers × 157 € = 785,00 €", () => {
    const e = etablissement("0750039K");
    expect(e.effectifs.preBac).toBe(129);
    expect(e.boursiersRetenus).toBe(5);
    expect(e.dotationNette).toEqual({ preBac: "20253.00", postBac: "785.00", total: "21038.00" });
  });

  test("0750729K (Paris) : 80 × 157 € = 12 560,00 € < reliquat 13 405,30 € → 0 ; 28 × 156/977 = 4,47 → 4 × 157 € = 628,00 − 536,23 = 91,77 €", () => {
    const e = etablissement("0750729K");
    expect(e.dotationBrute.preBac).toBe("12560.00");
    expect(e.reliquats.preBac).toBe("13405.30");
    expect(e.dotationNette).toEqual({ preBac: "0.00", postBac: "91.77", total: "91.77" });
    expect(e.motifs.join(" ")).toMatch(/reliquat .* supérieur à la dotation calculée/);
  });

  test("0786053F (Versailles) : taux saisi « 38 % » ; 20 + 10 BTSA = 30 × 0,38 = 11,4 → 11 × 157 € = 1 727,00 € ; 22 × 157 € = 3 454,00 € ; le contrat de professionnalisation ne compte pas", () => {
    const e = etablissement("0786053F");
    expect(e.tauxBoursiers).toBe("0.38");
    expect(e.effectifs).toEqual({ prepaMetiers: 0, preBac: 22, postBac: 30 });
    expect(e.dotationNette).toEqual({ preBac: "3454.00", postBac: "1727.00", total: "5181.00" });
  });

  test("les deux établissements qui n'ont pas répondu à l'enquête ne reçoivent rien", () => {
    const nonRepondants = json.etablissements.filter((e) => !e.aRepondu);
    expect(nonRepondants.map((e) => e.uai)).toEqual(["0754467Y", "0928510A"]);
    for (const e of nonRepondants) {
      expect(e.dotationNette).toEqual({ preBac: "0.00", postBac: "0.00", total: "0.00" });
      expect(e.motifs.join(" ")).toMatch(/N'a pas répondu aux enquêtes régionales/);
    }
  });

  test("un établissement avec des BTS et sans taux : pas de ligne post-bac (null) et une erreur à compléter", () => {
    const sansTaux = json.etablissements.filter((e) => e.dotationBrute.postBac === null);
    expect(sansTaux).toHaveLength(1);
    expect(sansTaux[0].boursiersRetenus).toBeNull();
    expect(sansTaux[0].motifs[0]).toMatch(/^Taux de boursiers manquant/);
    expect(sansTaux[0].enveloppes).toEqual({ preBac: "versee", postBac: "non-calculee" });
    expect(sansTaux[0].dotationNette.postBac).toBeNull();
    expect(sansTaux[0].dotationNette.total).toBeNull();
    expect(json.totaux.enveloppesNonCalculees).toBe(1);
    expect(json.constats.some((c) => c.code === "taux-boursiers-manquant" && c.gravite === "erreur")).toBe(
      true,
    );
  });
});

describe("are dotations sur les exemples : aucune ligne perdue", () => {
  /** Code column, effectif column (0-based) and header row of each effectif file. */
  const LAYOUT = [
    { file: PARIS, code: 2, effectif: 6, header: 1 },
    { file: CRETEIL, code: 2, effectif: 6, header: 1 },
    { file: VERSAILLES, code: 2, effectif: 7, header: 4 },
  ];
  /** Hand rule for the line of a code (R2): 670 → 3ème prépa-métiers; BTS, BTSA, DN MADE, DSAA… → post-bac. */
  const line = (code: string): "prepaMetiers" | "preBac" | "postBac" =>
    code.startsWith("670") ? "prepaMetiers" : /^(32|24|26|14)/.test(code) ? "postBac" : "preBac";

  test("chaque ligne non vide sous l'en-tête est comptée dans les effectifs de son établissement, ou citée dans les constats", async () => {
    const sums = new Map<string, { prepaMetiers: number; preBac: number; postBac: number }>();
    let counted = 0;
    let setAside = 0;
    for (const layout of LAYOUT) {
      const rows: InputRow[] = layout.file.endsWith(".csv")
        ? csvRows(layout.file)
        : await xlsxRows(layout.file);
      for (const row of rows.filter((r) => r.ligne > layout.header)) {
        const constats = json.constats.filter((c) => c.feuille === row.fichier && c.ligne === row.ligne);
        // A row is set aside when a finding says so: an erreur, an info (non-eligible, apprentice,
        // total…) or the alerte of a duplicate (counted once, at its first occurrence).
        if (constats.some((c) => c.gravite !== "alerte" || c.code === "doublon")) {
          setAside++;
          continue;
        }
        counted++;
        const uai = String(row.cells[0]);
        const sum = sums.get(uai) ?? { prepaMetiers: 0, preBac: 0, postBac: 0 };
        sum[line(String(row.cells[layout.code]))] += Number(row.cells[layout.effectif]);
        sums.set(uai, sum);
      }
    }
    expect(counted).toBeGreaterThan(290);
    expect(setAside).toBeGreaterThanOrEqual(20);
    for (const e of json.etablissements) {
      expect({ uai: e.uai, ...e.effectifs }).toEqual({
        uai: e.uai,
        ...(sums.get(e.uai) ?? { prepaMetiers: 0, preBac: 0, postBac: 0 }),
      });
    }
    // Every UAI of a counted row has its dotation.
    for (const uai of sums.keys()) expect(json.etablissements.some((e) => e.uai === uai)).toBe(true);
  });

  test("chaque ligne du fichier des établissements est un établissement du résultat ou un constat", async () => {
    const rows = (await xlsxRows(ETABLISSEMENTS)).filter((r) => r.ligne > 1);
    expect(rows).toHaveLength(62);
    for (const row of rows) {
      const known = json.etablissements.some((e) => e.uai === row.cells[0]);
      const reported = json.constats.some(
        (c) => c.feuille === "etablissements.xlsx" && c.ligne === row.ligne,
      );
      expect(known || reported).toBe(true);
    }
  });

  test("les lignes parasites des exemples sont toutes signalées avec leur raison", () => {
    const codes = new Set(json.constats.map((c) => c.code));
    for (const code of [
      "code-mef",
      "effectif-decimal",
      "effectif-texte",
      "erreur-excel",
      "uai-manquant",
      "doublon",
      "ligne-total",
      "entete-repetee",
      "formation-non-eligible",
      "apprentissage",
      "hors-premiere-annee",
      "hors-liste",
    ])
      expect(codes).toContain(code);
    // ST2S 43033104 is named as such.
    expect(json.constats.some((c) => c.message.includes("43033104") && c.message.includes("ST2S"))).toBe(
      true,
    );
  });

  test("les fichiers d'entrée ne sont pas modifiés", () => {
    for (const [file, before] of hashes) expect(hash(file)).toBe(before);
  });
});

describe("are dotations sur les exemples : le classeur écrit, relu avec ExcelJS", () => {
  let workbook: ExcelJS.Workbook;
  beforeAll(async () => {
    workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
  });

  function table(sheet: ExcelJS.Worksheet): { header: number; columns: Map<string, number> } {
    let header = 0;
    sheet.eachRow((row, n) => {
      if (!header && row.getCell(1).value === "UAI") header = n;
    });
    const columns = new Map<string, number>();
    sheet.getRow(header).eachCell((cell, col) => columns.set(String(cell.value), col));
    return { header, columns };
  }

  test("deux feuilles : dotations et constats, le classeur s'ouvre sur les dotations", () => {
    expect(workbook.worksheets.map((w) => w.name)).toEqual([
      "Constats ARE 2024-2025",
      "Dotations ARE 2024-2025",
    ]);
    expect(workbook.views[0].activeTab).toBe(1);
  });

  test("une ligne par établissement, dans l'ordre des UAI, avec les montants du JSON au format euros", () => {
    const sheet = workbook.getWorksheet("Dotations ARE 2024-2025")!;
    const { header, columns } = table(sheet);
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: header });
    const total = columns.get("Dotation nette totale")!;
    const preBac = columns.get("Dotation nette pré-bac")!;
    const postBac = columns.get("Dotation nette post-bac")!;
    json.etablissements.forEach((e, i) => {
      const row = sheet.getRow(header + 1 + i);
      expect(row.getCell(1).value).toBe(e.uai);
      // An envelope « non calculée » is an empty cell (its reason in the motifs), never 0,00 €.
      const nombre = (v: string | null) => (v === null ? null : Number(v));
      expect(row.getCell(total).value).toBe(nombre(e.dotationNette.total));
      expect(row.getCell(preBac).value).toBe(nombre(e.dotationNette.preBac));
      expect(row.getCell(postBac).value).toBe(nombre(e.dotationNette.postBac));
      expect(row.getCell(total).numFmt).toBe('#,##0.00 "€"');
    });
    const sansTaux = json.etablissements.findIndex((e) => e.enveloppes.postBac === "non-calculee");
    const row = sheet.getRow(header + 1 + sansTaux);
    expect(row.getCell(postBac).value).toBeNull();
    expect(String(row.getCell(columns.get("Motifs")!).value)).toMatch(/^Taux de boursiers manquant/);
  });

  test("l'en-tête de la feuille rapproche chaque enveloppe : calculée − reliquats déduits − non-répondants − non calculées = nette", () => {
    const sheet = workbook.getWorksheet("Dotations ARE 2024-2025")!;
    const heading: string[] = [];
    sheet.eachRow((row) => {
      const v = row.getCell(1).value;
      if (typeof v === "string" && /^(Pré-bac|Post-bac| {2}reliquats) /.test(v)) heading.push(v);
    });
    const e = (m: string) => formaterEuros(new Decimal(m));
    for (const [i, key] of (["preBac", "postBac"] as const).entries()) {
      const t = json.totaux[key];
      expect(heading[2 * i]).toContain(
        `dotation calculée ${e(t.dotationCalculee.montant)} (62 établissements)`,
      );
      expect(heading[2 * i]).toContain(`− reliquats déduits ${e(t.reliquatsDeduits.montant)} (`);
      expect(heading[2 * i]).toContain(`− non-répondants ${e(t.nonRepondants.montant)} (2 établissements)`);
      expect(heading[2 * i]).toContain(`= dotation nette ${e(t.dotationNette.montant)} (`);
      expect(heading[2 * i + 1]).toContain(
        `écrêtement (au-delà de la dotation, non déduit) ${e(t.ecretement.montant)}`,
      );
    }
    expect(heading).toHaveLength(4);
  });

  test("la ligne de totaux, en gras, porte les totaux du JSON", () => {
    const sheet = workbook.getWorksheet("Dotations ARE 2024-2025")!;
    const { header, columns } = table(sheet);
    const totals = sheet.getRow(header + 1 + json.etablissements.length);
    expect(totals.getCell(1).value).toBe("Total");
    expect(totals.getCell(1).font?.bold).toBe(true);
    const cell = totals.getCell(columns.get("Dotation nette totale")!);
    expect(cell.value).toBe(Number(json.totaux.dotationNette.total));
    expect(cell.numFmt).toBe('#,##0.00 "€"');
    expect(cell.font?.bold).toBe(true);
    expect(totals.getCell(columns.get("Dotation nette post-bac")!).value).toBe(
      Number(json.totaux.dotationNette.postBac),
    );
  });

  test("la feuille des constats a une ligne par constat", () => {
    const sheet = workbook.getWorksheet("Constats ARE 2024-2025")!;
    let header = 0;
    sheet.eachRow((row, n) => {
      if (!header && row.getCell(1).value === "Gravité") header = n;
    });
    expect(header).toBeGreaterThan(0);
    let rows = 0;
    sheet.eachRow((row, n) => {
      if (n > header && ["erreur", "alerte", "info"].includes(String(row.getCell(1).value))) rows++;
    });
    expect(rows).toBe(json.constats.length);
  });
});

describe("are dotations : le récapitulatif lisible", () => {
  test("chercher un montant dans la sortie (issue 12, point 13) : chiffres groupés par l'espace fine insécable, tableau aligné ; --json en chiffres simples", async () => {
    const texte = await run(DEMO_ARGS);
    // EREA 0771823N: 13 × 157 € + 10 × 56 € = 2 041 + 560 = 2 601,00 €.
    expect(texte.stdout).toContain("2\u202f601,00\u00a0€");
    // Décision (regles.md#technique.typographie): `grep "2 601"` (plain space) finds nothing, `grep -P
    // '2\x{202F}601'` or `grep -P '2\s601'` does; the years stay plain (`grep 2024-2025`).
    expect(texte.stdout).not.toContain("2 601,00");
    expect(texte.stdout).toMatch(/2\s601,00\s€/);
    expect(texte.stdout).toContain("Dotations ARE 2024-2025");
    expect(texte.stdout).not.toMatch(/[\u2011]/);
    // U+202F and U+00A0 are one column each: every row of the table ends in the same column.
    const lignes = texte.stdout.split("\n");
    const debut = lignes.findIndex((l) => l.startsWith("UAI "));
    const tableau = lignes.slice(
      debut,
      lignes.findIndex((l, i) => i > debut && l === ""),
    );
    const fins = new Set(
      tableau.filter((l) => /^\d{7}[A-Z] /.test(l)).map((l) => [...l.replace(/ +[*!]$/, "")].length),
    );
    expect(tableau.length).toBeGreaterThan(60);
    expect([...fins]).toEqual([[...tableau[0]].length]);
    const json = await run([...DEMO_ARGS, "--json"]);
    const erea = (JSON.parse(json.stdout) as DotationsJson).etablissements.find((e) => e.uai === "0771823N");
    expect(erea?.dotationNette.total).toBe("2601.00");
  });

  test("tableau par établissement, totaux par enveloppe, lignes écartées par raison", async () => {
    const r = await run(DEMO_ARGS);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    expect(r.stdout).toContain(
      "Dotations ARE 2024-2025 — forfaits : pré-bac 157\u00a0€ par élève, post-bac 157\u00a0€ par boursier, 3e prépa-métiers 56\u00a0€ par élève",
    );
    expect(r.stdout).toMatch(/^UAI\s+Établissement\s+Nette pré-bac\s+Nette post-bac\s+Total$/m);
    expect(r.stdout).toMatch(
      /^0771823N\s+EREA Alexandre-Dumas\s+2\u202f601,00\u00a0€\s+0,00\u00a0€\s+2\u202f601,00\u00a0€$/m,
    );
    expect(r.stdout).toMatch(/^Total\s+62 établissements\s/m);
    expect(r.stdout).toContain("Enveloppes (non fongibles) :");
    expect(r.stdout).toMatch(/^Lignes écartées par raison :$/m);
    // The reason in words, never its code (issue 12 item 14); the code stays in --json.
    expect(r.stdout).toMatch(/^ {2}formation non éligible\s+7$/m);
    expect(r.stdout).not.toContain("formation-non-eligible");
    expect(r.stdout).toContain("Aucun classeur écrit : ajoutez --out");
  });

  test("un seul établissement : « 1 établissement » dans la ligne de totaux, au singulier", async () => {
    const csv = path.join(dir, "un-lycee.csv");
    fs.writeFileSync(csv, "UAI;Code formation;Libellé;Effectif\n0750655E;50022137;CUISINE (CAP);12\n");
    const r = await run(["dotations", csv, "--annee", "2024"]);
    // 12 × 157 = 1 884,00 €.
    expect(r.stdout).toMatch(/^Total\s+1 établissement\s+1\u202f884,00\u00a0€\s/m);
  });

  test("avancement sur la sortie d'erreur avec --progress, rien sans terminal ni --progress", async () => {
    const forced = await run([...DEMO_ARGS, "--progress"]);
    expect(forced.code).toBe(0);
    expect(forced.stderr).toMatch(/Calcul des dotations : 100\u00a0% \(/);
    const quiet = await run(DEMO_ARGS, { tty: false });
    expect(quiet.stderr).toBe("");
  });

  test("sur un terminal, l'avancement d'un grand fichier (12 000 lignes) se réécrit en place, sans --progress", async () => {
    // 600 establishments × 20 pré-bac formations of the list, one student each.
    const codes = CATALOGUES[0].formations
      .filter((f) => f.categorie === "PRE_BAC")
      .slice(0, 20)
      .map((f) => f.code);
    const lines = ["UAI;Code formation;Effectif"];
    for (let u = 0; u < 600; u++) {
      const seven = String(750000 + u).padStart(7, "0");
      for (const code of codes) lines.push(`${seven}${lettreCleUai(seven)};${code};1`);
    }
    const file = path.join(dir, "grand.csv");
    fs.writeFileSync(file, lines.join("\n"));
    const r = await run(["dotations", file, "--annee", "2024", "--json"], { tty: true });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^\rCalcul des dotations : \d+\u00a0%/);
    expect(r.stderr).toMatch(/\rCalcul des dotations : 100\u00a0% \([\d\u202f]+ \/ [\d\u202f]+ lignes\)\n$/);
    // Progress per chunk of rows: several updates of the same line.
    expect(r.stderr.split("\r").length).toBeGreaterThanOrEqual(3);
    // 12 000 × 157 € = 1 884 000,00 €.
    expect(JSON.parse(r.stdout).totaux.dotationNette.total).toBe("1884000.00");
  });

  test("--ipc rend 2025-2026 calculable : 157 × 1,0130 → 159 €, 56 × 1,0130 → 57 € ; EREA 0771823N : 13 × 159 + 10 × 57 = 2 637,00 €", async () => {
    const args = DEMO_ARGS.map((a) => (a === "2024" ? "2025" : a));
    const r = await run([...args, "--ipc", "2024-12=119.92", "--json"]);
    expect(r.code).toBe(0);
    const doc: DotationsJson = JSON.parse(r.stdout);
    expect(doc.annee).toBe("2025-2026");
    expect(doc.forfaits).toEqual({ preBac: "159.00", postBac: "159.00", prepaMetiers: "57.00" });
    expect(doc.etablissements.find((e) => e.uai === "0771823N")!.dotationNette.total).toBe("2637.00");
  });
});
