import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import type { OutputSheet } from "../../src/workbook/port";
import {
  FileWorkbook,
  SpreadsheetFileError,
  readSpreadsheetFile,
  writeFileAtomically,
  writeOutputWorkbook,
} from "../../src/xlsx";
import { filesIn, removeDir, tempDir } from "./helpers";

let dir: string;
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => removeDir(dir));

const dotations: OutputSheet = {
  name: "Dotations ARE 2024-2025",
  heading: ["Dotations ARE 2024-2025", "Forfaits : 157 € (pré-bac, post-bac), 56 € (3ème prépa-métiers)"],
  columns: [
    { header: "UAI", format: "text", width: 11 },
    { header: "Nom", format: "text" },
    { header: "Effectif pré-bac", format: "integer" },
    { header: "Taux de boursiers", format: "percent" },
    { header: "Dotation nette", format: "euros" },
  ],
  rows: [
    // 230 × 157 € = 36 110,00 € ; 36 110,00 − 1 200,50 = 34 909,50 €.
    ["0750655E", "Lycée A", 230, 0.35, 34909.5],
    // Un code numérique dans une colonne texte reste du texte ; un montant en chaîne décimale exacte est un nombre.
    [50022137, '=HYPERLINK("http://exemple.invalid","clic")', 1, null, "157.00"],
    ["0750654D", "+cmd|' /C calc'!A0", 0, { error: "#N/A" }, 0],
  ],
  totals: ["Total", null, 231, null, 35066.5],
};

async function load(file: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook;
}

describe("Écriture des résultats dans un nouveau classeur .xlsx", () => {
  test("titre, en-tête en gras figé, valeurs, formats euros / pourcentage / entier, ligne de totaux en gras", async () => {
    const file = path.join(dir, "sortie.xlsx");
    await writeOutputWorkbook(file, [{ name: dotations.name, sheet: dotations }]);
    const ws = (await load(file)).getWorksheet("Dotations ARE 2024-2025")!;

    expect(ws.getCell("A1").value).toBe("Dotations ARE 2024-2025");
    expect(ws.getCell("A1").font?.bold).toBe(true);
    expect(ws.getCell("A2").value).toBe("Forfaits : 157 € (pré-bac, post-bac), 56 € (3ème prépa-métiers)");
    expect(ws.getCell("A3").value).toBeNull();
    // En-tête ligne 4, figé.
    expect(ws.getRow(4).values).toEqual([
      undefined,
      "UAI",
      "Nom",
      "Effectif pré-bac",
      "Taux de boursiers",
      "Dotation nette",
    ]);
    for (const col of ["A", "B", "C", "D", "E"]) expect(ws.getCell(`${col}4`).font?.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 4 });

    expect(ws.getCell("A5").value).toBe("0750655E");
    expect(ws.getCell("C5").value).toBe(230);
    expect(ws.getCell("C5").numFmt).toBe("#,##0");
    expect(ws.getCell("D5").value).toBe(0.35);
    expect(ws.getCell("D5").numFmt).toBe("0.00 %");
    expect(ws.getCell("E5").value).toBe(34909.5);
    expect(ws.getCell("E5").numFmt).toBe('#,##0.00 "€"');
    expect(ws.getCell("A6").value).toBe("50022137");
    expect(ws.getCell("A6").numFmt).toBe("@");
    expect(ws.getCell("E6").value).toBe(157);
    expect(ws.getCell("D7").value).toEqual({ error: "#N/A" });

    // Totaux juste sous le tableau, en gras, mêmes formats.
    expect(ws.getCell("A8").value).toBe("Total");
    expect(ws.getCell("C8").value).toBe(231);
    expect(ws.getCell("E8").value).toBe(35066.5);
    expect(ws.getCell("E8").numFmt).toBe('#,##0.00 "€"');
    for (const col of ["A", "C", "E"]) expect(ws.getCell(`${col}8`).font?.bold).toBe(true);

    expect(ws.getColumn(1).width).toBe(11);
    expect(ws.getColumn(2).width).toBeGreaterThanOrEqual(8);
  });

  test("un texte qui ressemble à une formule reste une chaîne inerte, jamais une formule", async () => {
    const file = path.join(dir, "inerte.xlsx");
    await writeOutputWorkbook(file, [{ name: "F", sheet: dotations }]);
    const ws = (await load(file)).getWorksheet("F")!;
    for (const [address, text] of [
      ["B6", '=HYPERLINK("http://exemple.invalid","clic")'],
      ["B7", "+cmd|' /C calc'!A0"],
    ]) {
      const cell = ws.getCell(address);
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.value).toBe(text);
      expect(cell.formula).toBeUndefined();
    }
    // Le XML de la feuille ne contient aucune formule.
    const xml = await sheetXml(file);
    expect(xml).not.toMatch(/<f>/);
  });

  test("les résultats forment un tableau Excel (en-tête, lignes de données) nommé et unique", async () => {
    const file = path.join(dir, "tableau.xlsx");
    await writeOutputWorkbook(file, [
      { name: "Dotations", sheet: dotations },
      { name: "Constats", sheet: { ...dotations, name: "Constats", heading: [], totals: null, rows: [] } },
    ]);
    const xml = await tableXml(file);
    expect(xml).toHaveLength(2);
    expect(xml[0]).toMatch(/ref="A4:E7"/);
    // Sans ligne : une ligne vide garde un tableau valide, en-tête en ligne 1 sans titre.
    expect(xml[1]).toMatch(/ref="A1:E2"/);
    const names = xml.map((x) => /displayName="([^"]+)"/.exec(x)![1]);
    expect(new Set(names).size).toBe(2);
  });

  test("l'écriture est atomique : aucun fichier temporaire ne reste, et un échec ne laisse aucun fichier", async () => {
    const file = path.join(dir, "atomique.xlsx");
    await writeOutputWorkbook(file, [{ name: "F", sheet: dotations }]);
    expect(filesIn(dir)).toEqual(["atomique.xlsx"]);

    const missing = path.join(dir, "absent", "sortie.xlsx");
    await expect(writeOutputWorkbook(missing, [{ name: "F", sheet: dotations }])).rejects.toThrow(
      /le dossier « .*absent » n'existe pas/,
    );
    // Écrire sur un dossier échoue au renommage : le temporaire est supprimé.
    const folder = path.join(dir, "dossier.xlsx");
    fs.mkdirSync(folder);
    await expect(writeFileAtomically(folder, Buffer.from("x"))).rejects.toBeInstanceOf(SpreadsheetFileError);
    expect(filesIn(dir)).toEqual(["atomique.xlsx", "dossier.xlsx"]);
    expect(filesIn(folder)).toEqual([]);
  });
});

describe("Le classeur-fichier (port Workbook) de la ligne de commande", () => {
  test("une feuille d'entrée du même nom n'est jamais remplacée : la sortie prend un autre nom", async () => {
    const input = path.join(dir, "entree.csv");
    fs.writeFileSync(input, "UAI;Effectif\n0750655E;12\n");
    const file = await readSpreadsheetFile(input);
    const workbook = new FileWorkbook();
    const name = workbook.addInput(file, file.sheets[0]);
    expect(name).toBe("entree.csv");

    expect(await workbook.writeSheet({ ...dotations, name: "entree.csv" })).toBe("entree.csv (2)");
    // Réécrire une feuille de résultats la remplace (elle appartient au complément).
    expect(await workbook.writeSheet({ ...dotations, name: "entree.csv", rows: [] })).toBe("entree.csv (2)");
    expect(await workbook.listSheets()).toEqual([
      { name: "entree.csv", owned: false },
      { name: "entree.csv (2)", owned: true },
    ]);
    expect(workbook.writtenSheets()).toHaveLength(1);
    expect(workbook.writtenSheets()[0].sheet.rows).toEqual([]);

    const data = await workbook.readSheet("ENTREE.CSV");
    expect(data.values).toEqual([
      ["UAI", "Effectif"],
      ["0750655E", 12],
    ]);

    const out = path.join(dir, "sortie.xlsx");
    await workbook.save(out);
    expect((await load(out)).worksheets.map((w) => w.name)).toEqual(["entree.csv (2)"]);
    expect(fs.readFileSync(input, "utf8")).toBe("UAI;Effectif\n0750655E;12\n");
  });

  test("deux fichiers de même nom et les feuilles d'un classeur à plusieurs feuilles ont des noms distincts", async () => {
    fs.mkdirSync(path.join(dir, "a"));
    fs.mkdirSync(path.join(dir, "b"));
    for (const sub of ["a", "b"]) fs.writeFileSync(path.join(dir, sub, "effectifs.csv"), "UAI\n0750655E\n");
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Paris").getCell("A1").value = "UAI";
    wb.addWorksheet("Créteil").getCell("A1").value = "UAI";
    await wb.xlsx.writeFile(path.join(dir, "academies.xlsx"));

    const workbook = new FileWorkbook();
    const names: string[] = [];
    for (const file of [
      await readSpreadsheetFile(path.join(dir, "a", "effectifs.csv")),
      await readSpreadsheetFile(path.join(dir, "b", "effectifs.csv")),
    ])
      names.push(workbook.addInput(file, file.sheets[0]));
    const academies = await readSpreadsheetFile(path.join(dir, "academies.xlsx"));
    for (const sheet of academies.sheets) names.push(workbook.addInput(academies, sheet));
    expect(names).toEqual([
      "effectifs.csv",
      "effectifs.csv (2)",
      "academies.xlsx › Paris",
      "academies.xlsx › Créteil",
    ]);
  });
});

/** The raw XML parts of a written file, to check what ExcelJS's reader would hide. */
async function zipParts(file: string, pattern: RegExp): Promise<string[]> {
  // ExcelJS depends on JSZip; reading the parts directly shows formulas and table definitions.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const JSZip = require("jszip");
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const names = Object.keys(zip.files)
    .filter((n) => pattern.test(n))
    .sort();
  return Promise.all(names.map((n) => zip.file(n).async("string")));
}

async function sheetXml(file: string): Promise<string> {
  return (await zipParts(file, /^xl\/worksheets\/sheet\d+\.xml$/))[0];
}

async function tableXml(file: string): Promise<string[]> {
  return zipParts(file, /^xl\/tables\/table\d+\.xml$/);
}
