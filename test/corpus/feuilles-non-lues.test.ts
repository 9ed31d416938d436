/**
 * Corpus (regles.md#lecture.feuille-masquee) : une feuille d'un fichier d'effectifs que la ligne de
 * commande ne lit pas — une copie masquée des effectifs, une page de garde — n'est pas seulement
 * nommée sur la sortie d'erreur, qui ne reste pas : elle est un constat du calcul, dans le document
 * --json, dans la feuille « Constats ARE <année> » de --out et dans le décompte du récapitulatif, avec
 * le fichier, la feuille, la raison, le nombre de lignes non vides et comment la lire quand même.
 *
 * Montants calculés à la main avec le forfait du règlement (arrêté n° 2023-087) : 151 € par élève de
 * première année de CAP ou bac pro en 2023-2024. La feuille visible « Paris » compte 24 BOULANGER
 * (CAP) + 30 RÉPARATION DES CARROSSERIES (bac pro) = 54 élèves, soit 54 × 151 = 8 154,00 € ; la copie
 * masquée (les mêmes lignes et 12 PÂTISSIER) n'y ajoute rien : lue, elle aurait donné
 * 8 154 + 66 × 151 = 18 120,00 €.
 */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import type { ControleJson, DotationsJson } from "../../src/cli/json";
import type { CellValue } from "../../src/workbook/port";
import { run } from "../cli/run";
import { removeDir, tempDir } from "../xlsx/helpers";
import { feuilleExcelJS, xlsxExcelJS } from "./fabrique";

const ENTETE: CellValue[] = ["UAI", "Établissement", "Code diplôme", "Libellé", "Effectif"];
const BOULANGER: CellValue[] = ["0750655E", "Lycée Arago", "50022137", "BOULANGER (CAP)", 24];
const CARROSSERIE: CellValue[] = [
  "0750655E",
  "Lycée Arago",
  "40025408",
  "REPARATION DES CARROSSERIES (BAC PRO)",
  30,
];
const PATISSIER: CellValue[] = ["0750655E", "Lycée Arago", "50022141", "PATISSIER (CAP)", 12];

/** A page de garde (2 non-blank rows), the effectifs, and their hidden copy (4 non-blank rows). */
function classeur(wb: ExcelJS.Workbook): void {
  feuilleExcelJS("Page de garde", [
    ["Rectorat de Paris — effectifs constatés à la rentrée 2022"],
    [],
    ["Contact : dos@ac-paris.fr"],
  ])(wb);
  feuilleExcelJS("Paris", [ENTETE, BOULANGER, CARROSSERIE])(wb);
  feuilleExcelJS("Copie", [ENTETE, BOULANGER, CARROSSERIE, PATISSIER])(wb);
  wb.getWorksheet("Copie")!.state = "hidden";
}

let dossier: string;
let fichier: string;
beforeAll(async () => {
  dossier = tempDir("are-feuilles-non-lues-");
  fichier = path.join(dossier, "effectifs.xlsx");
  fs.writeFileSync(fichier, await xlsxExcelJS(classeur));
});
afterAll(() => removeDir(dossier));

const espaces = (texte: string) => texte.replace(/[\u00a0\u202f]/g, " ");

/** What the new constats must say, in --json as in the written sheet. */
function verifierConstats(constats: readonly { code: string; gravite: string; feuille: string }[]): void {
  const masquee = constats.filter((c) => c.code === "feuille-masquee");
  expect(masquee).toEqual([
    {
      gravite: "alerte",
      code: "feuille-masquee",
      feuille: "effectifs.xlsx › Copie",
      ligne: null,
      colonne: null,
      message:
        "Feuille « Copie » de « effectifs.xlsx » non lue : elle est masquée (souvent une copie de sauvegarde d'une feuille visible, dont les lignes seraient comptées deux fois). Elle contient 4 lignes non vides, avec un en-tête d'effectifs : aucune n'est comptée. Si elle doit compter, nommez-la avec --feuille \"Copie\" (seules les feuilles nommées sont alors lues) ou affichez-la dans Excel, puis relancez.",
    },
  ]);
  const garde = constats.filter((c) => c.code === "feuille-non-lue");
  expect(garde).toEqual([
    expect.objectContaining({ gravite: "info", feuille: "effectifs.xlsx › Page de garde", ligne: null }),
  ]);
  const message = (garde[0] as unknown as { message: string }).message;
  expect(message).toContain("Feuille « Page de garde » de « effectifs.xlsx » non lue");
  expect(message).toContain("pas d'en-tête UAI, code formation, effectif dans ses 30 premières lignes");
  expect(message).toContain("Elle contient 2 lignes non vides");
  expect(message).toContain('--feuille "Page de garde"');
}

/** The rows of the constats table of a written sheet, keyed by their header. */
async function lignesConstats(out: string, feuille: string): Promise<Record<string, unknown>[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(out);
  const sheet = workbook.getWorksheet(feuille)!;
  let entete = 0;
  sheet.eachRow((row, n) => {
    if (!entete && row.getCell(1).value === "Gravité") entete = n;
  });
  expect(entete).toBeGreaterThan(0);
  const noms = (sheet.getRow(entete).values as unknown[]).map(String);
  const lignes: Record<string, unknown>[] = [];
  sheet.eachRow((row, n) => {
    if (n <= entete) return;
    const valeurs = row.values as unknown[];
    lignes.push(Object.fromEntries(noms.map((nom, i) => [nom, valeurs[i] ?? null]).slice(1)));
  });
  return lignes;
}

describe("Feuilles non lues d'un fichier d'effectifs : des constats du calcul", () => {
  test("are dotations --json --out : la copie masquée (alerte) et la page de garde (info) dans le JSON et dans « Constats ARE 2023-2024 », les montants inchangés", async () => {
    const out = path.join(dossier, "dotations.xlsx");
    const r = await run(["dotations", fichier, "--annee", "2023", "--json", "--out", out]);
    expect(r.code).toBe(0);
    // The stderr line stays.
    expect(r.stderr).toMatch(
      /feuilles non lues « Page de garde » \(pas d'en-tête UAI, code formation, effectif.*\), « Copie » \(masquée\)\. .*--feuille/,
    );
    const json = JSON.parse(r.stdout) as DotationsJson;
    // 54 × 151 € = 8 154,00 €: the hidden copy is not counted.
    expect(json.etablissements.map((e) => [e.uai, e.effectifs.preBac, e.dotationNette.total])).toEqual([
      ["0750655E", 54, "8154.00"],
    ]);
    expect(json.totaux.dotationNette.total).toBe("8154.00");
    verifierConstats(json.constats);

    const ecrits = await lignesConstats(out, "Constats ARE 2023-2024");
    expect(ecrits).toHaveLength(json.constats.length);
    const masquee = json.constats.find((c) => c.code === "feuille-masquee")!;
    expect(ecrits).toContainEqual({
      Gravité: "alerte",
      Code: "feuille-masquee",
      Feuille: "effectifs.xlsx › Copie",
      Ligne: null,
      Colonne: null,
      Message: masquee.message,
    });
    expect(ecrits.filter((l) => l.Code === "feuille-non-lue")).toHaveLength(1);
  });

  test("are dotations sans --json : le récapitulatif compte l'alerte et la montre", async () => {
    const r = await run(["dotations", fichier, "--annee", "2023"]);
    expect(r.code).toBe(0);
    const sortie = espaces(r.stdout);
    expect(sortie).toMatch(/Constats : 0 erreur, 1 alerte, \d+ informations?\./);
    expect(sortie).toContain(
      "effectifs.xlsx › Copie : Feuille « Copie » de « effectifs.xlsx » non lue : elle est masquée",
    );
    expect(sortie).toContain("8 154,00 €");
  });

  test("are controle --json --out : les mêmes constats, la feuille « Paris » contrôlée, 54 élèves", async () => {
    const out = path.join(dossier, "controle.xlsx");
    const r = await run(["controle", fichier, "--annee", "2023", "--json", "--out", out]);
    // An alerte and an info: no erreur, exit 0.
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as ControleJson;
    expect(json.effectifs.preBac).toBe(54);
    verifierConstats(json.constats);
    const ecrits = await lignesConstats(out, "Contrôle ARE");
    expect(ecrits).toHaveLength(json.constats.length);
    expect(ecrits.map((l) => l.Code)).toEqual(expect.arrayContaining(["feuille-masquee", "feuille-non-lue"]));
  });

  test("--feuille nomme la copie : elle est lue, et les feuilles laissées de côté par choix ne sont pas des constats", async () => {
    const r = await run(["dotations", fichier, "--annee", "2023", "--feuille", "Copie", "--json"]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as DotationsJson;
    // 66 × 151 € = 9 966,00 €.
    expect(json.totaux.dotationNette.total).toBe("9966.00");
    expect(json.constats.map((c) => c.code)).not.toContain("feuille-masquee");
    expect(json.constats.map((c) => c.code)).not.toContain("feuille-non-lue");
  });

  test("are bilan modele --effectifs : la copie masquée est un constat du modèle, sans renvoyer à --feuille qu'il n'a pas", async () => {
    const out = path.join(dossier, "modele.xlsx");
    const r = await run(
      ["bilan", "modele", "--uai", "0750655E", "--effectifs", fichier, "--annee", "2023"].concat([
        "--out",
        out,
      ]),
    );
    expect(r.code).toBe(0);
    const sortie = espaces(r.stdout);
    expect(sortie).toMatch(/Constats : 0 erreur, 1 alerte/);
    expect(sortie).toContain("Feuille « Copie » de « effectifs.xlsx » non lue : elle est masquée");
    expect(sortie).toContain("Si elle doit compter, affichez-la dans Excel, puis relancez.");
    expect(r.stdout + r.stderr).not.toContain("--feuille");
  });
});
