/**
 * Every finding of a pasted effectif sheet (design.md §4, docs/constats.md), on real files written by
 * the test as the rectorats send them: an .xlsx written by ExcelJS (as Excel saves it, numbers as
 * numbers, #N/A as an error value) and a .csv in Windows-1252 with « ; » (French Excel's export,
 * decimals with a comma). Each bad row gives its code at its row and column; the good rows count.
 */
import * as fs from "fs";
import * as path from "path";
import type ExcelJS from "exceljs";
import type { CellValue } from "../../src/workbook/port";
import { encoder, feuilleExcelJS, xlsxExcelJS } from "../corpus/fabrique";
import { removeDir, tempDir } from "../xlsx/helpers";
import { controlerFichier, run } from "./run";

const ENTETE = [
  "UAI",
  "Nom de l'établissement",
  "Code diplôme",
  "Libellé",
  "Statut",
  "Année de formation",
  "Entrée directe",
  "Effectif",
  "Intitulé", // a second Libellé: colonne-en-double
];

/** A row of Lycée Arago (0750655E): CAP BOULANGER, scolaire, 1st year, 24 students, then the changes. */
function ligne(changes: Partial<Record<number, CellValue>> = {}): CellValue[] {
  const row: CellValue[] = [
    "0750655E",
    "Lycée Arago",
    "50022137",
    "BOULANGER (CAP)",
    "Scolaire",
    1,
    null,
    24,
    null,
  ];
  for (const [i, v] of Object.entries(changes)) row[Number(i)] = v ?? null;
  return row;
}

/** Sheet rows (1-based, header in row 1) and what each must give: [code, column letter or null]. */
const CAS: readonly { ligne: CellValue[]; constat: [string, string | null] | null }[] = [
  { ligne: ligne(), constat: null }, // row 2: counted
  { ligne: ligne({ 2: null }), constat: ["code-vide", "C"] },
  { ligne: ligne({ 2: "24025212210" }), constat: ["code-mef", "C"] },
  { ligne: ligne({ 2: "5002-2137" }), constat: ["code-invalide", "C"] },
  { ligne: ligne({ 7: { error: "#N/A" } }), constat: ["erreur-excel", "H"] },
  { ligne: ligne({ 0: null }), constat: ["uai-manquant", "A"] },
  { ligne: ligne({ 0: "075065" }), constat: ["uai-invalide", "A"] },
  { ligne: ligne({ 0: "0750655A", 1: "Lettre fausse", 7: 11 }), constat: ["uai-lettre-cle", "A"] }, // counted
  {
    ligne: ligne({ 0: "0130001F", 1: "Lycée marseillais", 7: 12 }),
    constat: ["uai-hors-ile-de-france", "A"],
  }, // counted
  { ligne: ligne({ 7: null }), constat: ["effectif-vide", "H"] },
  { ligne: ligne({ 7: -3 }), constat: ["effectif-negatif", "H"] },
  { ligne: ligne({ 7: 12.5 }), constat: ["effectif-decimal", "H"] },
  { ligne: ligne({ 7: "NC" }), constat: ["effectif-texte", "H"] },
  { ligne: ligne({ 7: 75065500 }), constat: ["effectif-invraisemblable", "H"] },
  { ligne: ligne({ 4: "Apprenti" }), constat: ["apprentissage", "E"] },
  { ligne: ligne({ 5: 2, 6: "non" }), constat: ["hors-premiere-annee", "F"] },
  { ligne: ligne({ 5: "seconde" }), constat: ["annee-formation-illisible", "F"] },
  { ligne: ligne({ 5: 2, 6: "peut-être" }), constat: ["entree-directe-illisible", "G"] },
  { ligne: ligne({ 2: "43033104", 3: "ST2S" }), constat: ["formation-non-eligible", "C"] },
  { ligne: ligne({ 2: "40025214", 3: "Bac pro hors liste", 7: 13 }), constat: ["hors-liste", "C"] }, // counted
  {
    ligne: [null, "Lycée Voltaire", null, null, null, null, null, null, null],
    constat: ["ligne-sans-donnees", null],
  },
  { ligne: ["Total", null, null, null, null, null, null, 500, null], constat: ["ligne-total", "A"] },
  { ligne: ligne(), constat: ["doublon", null] }, // same as row 2
  { ligne: ENTETE, constat: ["entete-repetee", null] },
];

const GRILLE: CellValue[][] = [ENTETE, ...CAS.map((c) => c.ligne)];

/** The .csv as French Excel exports it: « ; », decimal comma, #N/A as its text. */
function csv(grille: readonly (readonly CellValue[])[]): Buffer {
  const texte = (v: CellValue) =>
    v === null
      ? ""
      : typeof v === "object"
        ? v.error
        : typeof v === "number"
          ? String(v).replace(".", ",")
          : String(v);
  return encoder(grille.map((row) => row.map(texte).join(";")).join("\r\n") + "\r\n", "windows-1252");
}

interface Constat {
  code: string;
  feuille: string;
  ligne: number | null;
  colonne: string | null;
}

let dossier: string;
beforeAll(() => {
  dossier = tempDir("are-constats-");
});
afterAll(() => removeDir(dossier));

async function controler(nom: string, octets: Buffer) {
  const r = await controlerFichier(dossier, nom, octets);
  expect(r.stderr).not.toMatch(/\n\s+at |Erreur inattendue/);
  return r;
}

describe("Chaque constat d'une feuille d'effectifs, sur un vrai fichier du rectorat", () => {
  const fichiers: [string, () => Promise<Buffer>][] = [
    [
      "effectifs.xlsx",
      () => xlsxExcelJS(feuilleExcelJS("Extraction", GRILLE) as (wb: ExcelJS.Workbook) => void),
    ],
    ["effectifs.csv", async () => csv(GRILLE)],
  ];

  test.each(fichiers)(
    "%s : chaque ligne fautive a son constat, à sa ligne et sa colonne ; les bonnes lignes comptent",
    async (nom, octets) => {
      const r = await controler(nom, await octets());
      expect(r.code).toBe(1); // des erreurs
      const vus = r.constats.map((c) => `${c.code} ${c.ligne ?? ""} ${c.colonne ?? ""}`);
      const attendus = CAS.flatMap((cas, i) =>
        cas.constat ? [`${cas.constat[0]} ${i + 2} ${cas.constat[1] ?? ""}`] : [],
      );
      expect(vus).toEqual(expect.arrayContaining([...attendus, "colonne-en-double 1 I"]));
      // Counted: rows 2, 9 (check letter), 10 (outside Île-de-France), 21 (outside the list).
      expect(r.lignes.comptees).toBe(4);
      expect(r.effectifs.preBac).toBe(24 + 11 + 12 + 13);
      expect(r.lignes.comptees + r.lignes.ecartees).toBe(r.lignes.nonVides);
      expect(r.lignes.nonVides).toBe(CAS.length);
      expect(r.constats).toHaveLength(attendus.length + 1);
    },
  );
});

describe("La même extraction en deux fichiers", () => {
  test("are dotations creteil.csv creteil-bis.csv : les mêmes dotations qu'avec un seul fichier, chaque ligne du second est un doublon", async () => {
    const source = path.join(__dirname, "..", "..", "examples", "effectifs-creteil.csv");
    const bis = path.join(dossier, "creteil-bis.csv");
    fs.copyFileSync(source, bis);
    type Json = {
      totaux: { dotationNette: { total: string } };
      etablissements: { uai: string; dotationNette: { total: string } }[];
      constats: Constat[];
    };
    const une = await run(["dotations", source, "--annee", "2024", "--json"]);
    const deux = await run(["dotations", source, bis, "--annee", "2024", "--json"]);
    expect([une.code, deux.code]).toEqual([0, 0]);
    const a = JSON.parse(une.stdout) as Json;
    const b = JSON.parse(deux.stdout) as Json;
    expect(b.totaux).toEqual(a.totaux);
    expect(b.etablissements.map((e) => e.dotationNette)).toEqual(
      a.etablissements.map((e) => e.dotationNette),
    );
    const doublons = b.constats.filter((c) => c.code === "doublon" && c.feuille.startsWith("creteil-bis"));
    expect(doublons.length).toBeGreaterThan(0);
  });
});
