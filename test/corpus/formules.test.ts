/**
 * Sécurité de ce que le complément écrit (issue 7, design.md §5) : un texte venu des données collées
 * — nom d'établissement, code, nom de feuille ou de fichier — qui ressemble à une formule reste du
 * texte inerte dans les feuilles de résultats, de bout en bout : feuille collée → calculerDotations →
 * ecrireDotations, dans Excel (faux Excel de test/excel, qui transforme comme Excel en formule un
 * texte commençant par =, +, - ou @ si la cellule n'est pas au format texte) et dans le classeur
 * .xlsx de la ligne de commande (aucune balise <f> dans le fichier écrit).
 */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { ExcelWorkbook } from "../../src/excel";
import { Parametres, lettreCleUai } from "../../src/rules";
import { calculerDotations, ecrireDotations } from "../../src/workflows";
import { run } from "../cli/run";
import { FakeExcel, type Seed } from "../excel/fakeExcel";
import { FORMULES } from "../property/arbitraires";
import { removeDir, tempDir } from "../xlsx/helpers";

// JSZip comes with ExcelJS: it opens the written file to look at the sheets' XML.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const JSZip = require("jszip");

/** One establishment per formula-looking name, each with 10 students of CAP BOULANGER. */
const uai = (i: number) => {
  const sept = String(750600 + i).padStart(7, "0");
  return sept + lettreCleUai(sept);
};
const LIGNES: Seed[][] = [
  ["UAI", "Établissement", "Code diplôme", "Effectif"],
  ...FORMULES.map((nom, i): Seed[] => [uai(i), nom as string, "50022137", 10]),
  // A formula-looking code: refused, and quoted in its constat.
  [uai(99), "Lycée Arago", "=1+1", 10],
];

describe("Un texte collé qui ressemble à une formule reste du texte dans les résultats", () => {
  test("dans Excel : noms d'établissement, code et nom de feuille écrits comme texte, aucune cellule devenue formule", async () => {
    const excel = new FakeExcel();
    excel.addUserSheet("=1+1", LIGNES);
    const classeur = new ExcelWorkbook(excel.run);
    const resultat = await calculerDotations(classeur, {
      feuillesEffectifs: ["=1+1"],
      annee: 2024,
      parametres: Parametres.embarques(),
    });
    const noms = await ecrireDotations(classeur, resultat);

    for (const feuille of [noms.dotations, noms.constats]) {
      const cellules = excel
        .sheet(feuille)!
        .cells.flat()
        .filter((c) => c !== undefined);
      expect(cellules.length).toBeGreaterThan(0);
      expect(cellules.filter((c) => c!.formula !== undefined)).toEqual([]);
    }
    // Each name is in the Dotations sheet as the text pasted (trimmed, as names are read).
    const textes = excel.grid(noms.dotations).flat();
    for (const nom of FORMULES) expect(textes).toContain(nom.trim());
    // The sheet's name and the code are in the Constats sheet as text.
    const constats = excel.grid(noms.constats).flat();
    expect(constats).toContain("=1+1");
    expect(constats.some((c) => typeof c === "string" && c.startsWith("Code formation « =1+1 »"))).toBe(true);
    // The user's sheet is untouched.
    expect(excel.grid("=1+1")).toEqual(LIGNES.map((r) => r));
  });

  test("dans le classeur .xlsx de la ligne de commande (fichier « =1+1.csv ») : du texte, aucune balise <f>", async () => {
    const dossier = tempDir("are-formules-");
    try {
      const csv = path.join(dossier, "=1+1.csv");
      const champ = (v: Seed) => `"${String(v).replace(/"/g, '""')}"`;
      fs.writeFileSync(csv, LIGNES.map((r) => r.map(champ).join(";")).join("\r\n"), "utf8");
      const sortie = path.join(dossier, "dotations.xlsx");
      const r = await run(["dotations", csv, "--annee", "2024", "--out", sortie]);
      expect(r.stderr).toBe("");
      expect(r.code).toBe(0);

      const zip = await JSZip.loadAsync(fs.readFileSync(sortie));
      const parties = Object.keys(zip.files).filter((n: string) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n));
      expect(parties.length).toBe(2);
      for (const partie of parties) expect(await zip.file(partie).async("string")).not.toMatch(/<f[ >]/);

      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(sortie);
      const textes: unknown[] = [];
      workbook.eachSheet((ws) =>
        ws.eachRow((row) =>
          row.eachCell((cell) => {
            expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
            textes.push(cell.value);
          }),
        ),
      );
      for (const nom of FORMULES) expect(textes).toContain(nom.trim());
      expect(textes).toContain("=1+1.csv");
    } finally {
      removeDir(dossier);
    }
  });
});
