import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { UNCALCULATED_FORMULA } from "../../src/workbook/port";
import { readSpreadsheetFile, chooseSheet, FileWorkbook, SpreadsheetFileError } from "../../src/xlsx";
import { FEUILLE_XML, lignesXml, xlsxFaitMain } from "../corpus/fabrique";
import { rectangle, removeDir, tempDir } from "./helpers";

let dir: string;
beforeAll(() => {
  dir = tempDir();
});
afterAll(() => removeDir(dir));

async function writeXlsx(name: string, build: (wb: ExcelJS.Workbook) => void): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  build(workbook);
  const file = path.join(dir, name);
  await workbook.xlsx.writeFile(file);
  return file;
}

function writeBytes(name: string, bytes: Uint8Array | string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  return file;
}

async function failure(file: string): Promise<SpreadsheetFileError> {
  try {
    await readSpreadsheetFile(file);
  } catch (error) {
    if (error instanceof SpreadsheetFileError) return error;
    throw error;
  }
  throw new Error("lecture réussie alors qu'un échec était attendu");
}

describe("Lecture d'un classeur .xlsx", () => {
  test("chaque sorte de cellule devient la valeur du port : nombre, texte, booléen, vide, erreur, formule, texte enrichi, lien, date", async () => {
    const file = await writeXlsx("cellules.xlsx", (wb) => {
      const ws = wb.addWorksheet("Effectifs");
      ws.getRow(1).values = ["nombre", "texte", "booléen", "vide", "erreur", "formule"];
      ws.getCell("A2").value = 12;
      ws.getCell("B2").value = "0750655E";
      ws.getCell("C2").value = true;
      ws.getCell("E2").value = { error: "#N/A" };
      ws.getCell("F2").value = { formula: "A2*2", result: 24 };
      ws.getCell("A3").value = {
        richText: [{ text: "Lycée " }, { text: "Jean-Moulin", font: { bold: true } }],
      };
      ws.getCell("B3").value = { text: "site de la Région", hyperlink: "https://www.iledefrance.fr/" };
      ws.getCell("C3").value = new Date(Date.UTC(2024, 8, 2));
      ws.getCell("D3").value = { formula: 'B2&"!"', result: "0750655E!" };
      ws.getCell("E3").value = { formula: "1/0", result: { error: "#DIV/0!" } };
      ws.getCell("F3").value = { formula: "A2>1", result: true };
      ws.getCell("A4").value = { formula: "TODAY()" }; // never calculated: no cached result
      ws.getCell("B4").value = -3.5;
    });
    const [sheet] = (await readSpreadsheetFile(file)).sheets;
    expect(sheet.name).toBe("Effectifs");
    expect(sheet.rowOffset).toBe(0);
    expect(sheet.columnOffset).toBe(0);
    expect(sheet.values[1]).toEqual([12, "0750655E", true, null, { error: "#N/A" }, 24]);
    // 2 septembre 2024 = numéro de série 45537 (1er janvier 2024 = 45292, + 245 jours).
    expect(sheet.values[2]).toEqual([
      "Lycée Jean-Moulin",
      "site de la Région",
      45537,
      "0750655E!",
      { error: "#DIV/0!" },
      true,
    ]);
    // A formula without a cached result is not a blank: its value is unknown. Rows stop at their
    // last cell (usedRange): the blanks after -3.5 are not stored.
    expect(sheet.values[3]).toEqual([UNCALCULATED_FORMULA, -3.5]);
  });

  test("une date d'un classeur au calendrier 1904 garde son numéro de série", async () => {
    const file = await writeXlsx("1904.xlsx", (wb) => {
      wb.properties.date1904 = true;
      wb.addWorksheet("F").getCell("A1").value = new Date(Date.UTC(2024, 8, 2));
    });
    const [sheet] = (await readSpreadsheetFile(file)).sheets;
    expect(sheet.values[0][0]).toBe(45537 - 1462);
  });

  test("cellules fusionnées : la valeur n'est que dans la cellule en haut à gauche", async () => {
    const file = await writeXlsx("fusion.xlsx", (wb) => {
      const ws = wb.addWorksheet("F");
      ws.getCell("A1").value = "Académie de Paris";
      ws.mergeCells("A1:C2");
      ws.getCell("A3").value = "UAI";
      ws.getCell("B3").value = "Code";
      ws.getCell("C3").value = "Effectif";
    });
    const [sheet] = (await readSpreadsheetFile(file)).sheets;
    expect(rectangle(sheet.values)).toEqual([
      ["Académie de Paris", null, null],
      [null, null, null],
      ["UAI", "Code", "Effectif"],
    ]);
  });

  test("la plage utilisée ne commençant pas en A1 est rendue avec ses décalages", async () => {
    const file = await writeXlsx("decale.xlsx", (wb) => {
      const ws = wb.addWorksheet("F");
      ws.getCell("C4").value = "UAI";
      ws.getCell("D4").value = "Effectif";
      ws.getCell("C5").value = "0750655E";
      ws.getCell("E6").value = 7;
      ws.getCell("B9").font = { bold: true }; // mise en forme sans valeur : hors de la plage
    });
    const [sheet] = (await readSpreadsheetFile(file)).sheets;
    expect(sheet.rowOffset).toBe(3);
    expect(sheet.columnOffset).toBe(2);
    expect(rectangle(sheet.values)).toEqual([
      ["UAI", "Effectif", null],
      ["0750655E", null, null],
      [null, null, 7],
    ]);
  });

  test("toutes les feuilles sont lues ; sans --feuille, la première feuille visible non vide est retenue", async () => {
    const file = await writeXlsx("plusieurs.xlsx", (wb) => {
      wb.addWorksheet("Vide");
      const cachee = wb.addWorksheet("Cachée");
      cachee.state = "hidden";
      cachee.getCell("A1").value = "brouillon";
      wb.addWorksheet("Effectifs").getCell("A1").value = "UAI";
    });
    const read = await readSpreadsheetFile(file);
    expect(read.sheets.map((s) => [s.name, s.hidden, s.values.length])).toEqual([
      ["Vide", false, 0],
      ["Cachée", true, 1],
      ["Effectifs", false, 1],
    ]);
    expect(chooseSheet(read).name).toBe("Effectifs");
    expect(chooseSheet(read, "cachée").name).toBe("Cachée");
    expect(() => chooseSheet(read, "Vide")).toThrow(/feuille « Vide » de « plusieurs.xlsx » est vide/);
    expect(() => chooseSheet(read, "Paris")).toThrow(
      /n'a pas de feuille « Paris » : feuilles présentes « Vide », « Cachée », « Effectifs »/,
    );
  });
});

describe("Lecture d'un fichier .csv", () => {
  test("séparateur « ; » avec BOM UTF-8 : nombres reconnus, codes à zéro initial gardés en texte, #N/A en erreur", async () => {
    const file = writeBytes(
      "bom.csv",
      "\ufeffUAI;Code diplôme;Effectif;Taux\r\n0750655E;50022137;12;0,35\r\n0930122Y;01022137;#N/A;35 %\r\n",
    );
    const read = await readSpreadsheetFile(file);
    expect(read.format).toBe("csv");
    expect(read.csv).toEqual({ encoding: "utf-8", separator: ";" });
    expect(read.sheets[0].name).toBe("bom.csv");
    expect(rectangle(read.sheets[0].values)).toEqual([
      ["UAI", "Code diplôme", "Effectif", "Taux"],
      ["0750655E", 50022137, 12, 0.35],
      ["0930122Y", "01022137", { error: "#N/A" }, "35 %"],
    ]);
  });

  test("=\"0750655E\" (l'export qui garde le zéro initial dans Excel) : le texte qu'Excel affiche ; toute autre formule reste du texte inerte", async () => {
    const file = writeBytes(
      "formules.csv",
      [
        "UAI;Code diplôme;Effectif;Nom",
        '="0750655E";="50022137";="24";="Lycée Arago"',
        '"=""0930122Y""";"=""01022137""";=" 12 ";=""',
        '=A1+1;="01"&"022137";=HYPERLINK("http://x");="a""b"',
      ].join("\r\n"),
    );
    const read = await readSpreadsheetFile(file);
    expect(rectangle(read.sheets[0].values)).toEqual([
      ["UAI", "Code diplôme", "Effectif", "Nom"],
      // Text, as in Excel: « 50022137 » and « 24 » are not turned into numbers here (the sheet
      // readers read a number written as text).
      ["0750655E", "50022137", "24", "Lycée Arago"],
      // Written quoted (the doubled quotes of RFC 4180): the same; ="" is a blank cell.
      ["0930122Y", "01022137", " 12 ", null],
      // A quote inside (« ="a""b" », unquoted) is left as written: only a plain constant is read.
      ["=A1+1", '="01"&"022137"', '=HYPERLINK("http://x")', '="a""b"'],
    ]);
  });

  test("séparateur « , » sans BOM, champs entre guillemets contenant le séparateur, un guillemet doublé et un saut de ligne", async () => {
    const file = writeBytes(
      "virgule.csv",
      'UAI,Nom,Effectif\n0750655E,"Lycée Louis-le-Grand, Paris 5e",12\n0750654D,"Henri-IV ""le"" lycée\nsite Clovis",3.5\n',
    );
    const read = await readSpreadsheetFile(file);
    expect(read.csv?.separator).toBe(",");
    expect(rectangle(read.sheets[0].values)).toEqual([
      ["UAI", "Nom", "Effectif"],
      ["0750655E", "Lycée Louis-le-Grand, Paris 5e", 12],
      ["0750654D", 'Henri-IV "le" lycée\nsite Clovis', 3.5],
    ]);
  });

  test("Windows-1252 (export d'un poste Windows français) : accents, €, œ et apostrophe typographique", async () => {
    // « Lycée Cœur d’Île — 12 € » en Windows-1252 : é = E9, œ = 9C, ’ = 92, Î = CE, — = 97, € = 80.
    const bytes = Buffer.concat([
      Buffer.from("UAI;Nom;Reliquat\r\n0770001"),
      Buffer.from([0x48]), // lettre de contrôle quelconque : la lecture ne juge pas
      Buffer.from(";Lyc"),
      Buffer.from([0xe9]),
      Buffer.from("e C"),
      Buffer.from([0x9c]),
      Buffer.from("ur d"),
      Buffer.from([0x92, 0xce]),
      Buffer.from("le "),
      Buffer.from([0x97]),
      Buffer.from(" 12 "),
      Buffer.from([0x80]),
      Buffer.from(";1200,50\r\n"),
    ]);
    const read = await readSpreadsheetFile(writeBytes("cp1252.csv", bytes));
    expect(read.csv).toEqual({ encoding: "windows-1252", separator: ";" });
    expect(read.sheets[0].values[1]).toEqual(["0770001H", "Lycée Cœur d’Île — 12 €", 1200.5]);
  });

  test("UTF-16 avec BOM et tabulations (« Texte Unicode » d'Excel)", async () => {
    const text = "UAI\tEffectif\r\n0750655E\t12\r\n";
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
    const read = await readSpreadsheetFile(writeBytes("unicode.txt", bytes));
    expect(read.csv).toEqual({ encoding: "utf-16le", separator: "\t" });
    expect(rectangle(read.sheets[0].values)).toEqual([
      ["UAI", "Effectif"],
      ["0750655E", 12],
    ]);
  });

  test("un titre au-dessus de l'en-tête ne trompe pas la détection du séparateur ; lignes vides en tête hors de la plage", async () => {
    const file = writeBytes(
      "titre.csv",
      "\n\nEffectifs 2023, académie de Créteil\nUAI;Code;Effectif\n0930122Y;50022137;12\n0940001A;40025214;8\n",
    );
    const read = await readSpreadsheetFile(file);
    expect(read.csv?.separator).toBe(";");
    const [sheet] = read.sheets;
    expect(sheet.rowOffset).toBe(2);
    expect(rectangle(sheet.values)[0]).toEqual(["Effectifs 2023, académie de Créteil", null, null]);
    expect(sheet.values[1]).toEqual(["UAI", "Code", "Effectif"]);
  });

  test("une ligne vide au milieu garde la numérotation des lignes d'Excel", async () => {
    const [sheet] = (await readSpreadsheetFile(writeBytes("trou.csv", "UAI;Effectif\n\n0750655E;12\n")))
      .sheets;
    expect(rectangle(sheet.values)).toEqual([
      ["UAI", "Effectif"],
      [null, null],
      ["0750655E", 12],
    ]);
  });

  test("la feuille d'un .csv porte son séparateur jusqu'aux lecteurs ; celle d'un classeur n'en a pas", async () => {
    // The sheet readers tell a line cut into too many values (« 12,5 » unquoted) from a note right of
    // a workbook's table by it (SheetData.delimited).
    const csv = await readSpreadsheetFile(writeBytes("separateur.csv", "UAI,Effectif\n0750655E,12,5\n"));
    expect(csv.sheets[0].delimiter).toBe(",");
    const workbook = new FileWorkbook();
    const nom = workbook.addInput(csv, csv.sheets[0]);
    expect((await workbook.readSheet(nom)).delimited?.separator).toBe(",");
    const tab = await readSpreadsheetFile(writeBytes("separateur.txt", "UAI\tEffectif\n0750655E\t12\n"));
    expect(tab.sheets[0].delimiter).toBe("\t");
    const xlsx = await readSpreadsheetFile(
      await writeXlsx("sans-separateur.xlsx", (wb) => {
        wb.addWorksheet("F").getCell("A1").value = "UAI";
      }),
    );
    expect(xlsx.sheets[0].delimiter).toBeUndefined();
    const autre = new FileWorkbook();
    expect("delimited" in (await autre.readSheet(autre.addInput(xlsx, xlsx.sheets[0])))).toBe(false);
  });

  test("un guillemet jamais refermé est signalé avec sa ligne", async () => {
    const error = await failure(writeBytes("guillemet.csv", 'UAI;Nom\n0750655E;"Lycée\n0750654D;Henri-IV\n'));
    expect(error.probleme).toBe("csv-invalide");
    expect(error.message).toMatch(/guillemet ouvert à la ligne 2 n'est jamais refermé/);
  });
});

describe("Fichiers inutilisables : un message clair en français", () => {
  test("fichier introuvable", async () => {
    const error = await failure(path.join(dir, "absent.xlsx"));
    expect(error.probleme).toBe("introuvable");
    expect(error.message).toMatch(/introuvable/);
  });

  test("un dossier au lieu d'un fichier", async () => {
    expect((await failure(dir)).message).toMatch(/est un dossier/);
  });

  test("octets aléatoires nommés .xlsx : pas un tableur", async () => {
    const bytes = Buffer.from(Array.from({ length: 2000 }, (_, i) => (i * 7919 + 13) % 256));
    const error = await failure(writeBytes("aleatoire.xlsx", bytes));
    expect(error.probleme).toBe("pas-un-tableur");
    expect(error.message).toBe(
      "« aleatoire.xlsx » n'est pas un tableur lisible : un classeur .xlsx ou un fichier .csv est attendu.",
    );
  });

  test("archive .xlsx tronquée : endommagée", async () => {
    const source = await writeXlsx("entier.xlsx", (wb) => {
      wb.addWorksheet("F").getCell("A1").value = "UAI";
    });
    const bytes = fs.readFileSync(source);
    const error = await failure(writeBytes("tronque.xlsx", bytes.subarray(0, Math.floor(bytes.length / 2))));
    expect(error.probleme).toBe("endommage");
    expect(error.message).toMatch(/« tronque.xlsx » est endommagé ou incomplet/);
  });

  test("CSV de 0 octet", async () => {
    const error = await failure(writeBytes("vide.csv", ""));
    expect(error.probleme).toBe("vide");
    expect(error.message).toBe(
      "« vide.csv » est vide (0 octet) : l'export n'a sans doute pas abouti, refaites-le.",
    );
  });

  test("CSV sans aucune donnée : feuille vide au moment du choix", async () => {
    const read = await readSpreadsheetFile(writeBytes("blancs.csv", ";;\n\n ; \n"));
    expect(() => chooseSheet(read)).toThrow(/« blancs.csv » ne contient aucune donnée/);
  });

  test("classeur Excel 97-2003 (.xls) ou protégé par mot de passe : format non pris en charge", async () => {
    const ole = Buffer.concat([
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      Buffer.alloc(512),
    ]);
    const error = await failure(writeBytes("ancien.xls", ole));
    expect(error.probleme).toBe("format-non-pris-en-charge");
    expect(error.message).toMatch(/enregistrez-le au format .xlsx/);
  });
});

describe("Avancement de la lecture d'un .xlsx", () => {
  test("lu par le lecteur de secours (ExcelJS) après un abandon du lecteur rapide : l'avancement finit à 100 %", async () => {
    // 3 000 rows, then a cell of a type the fast reader does not know (t="z"): it gives up near the end.
    const lignes = [
      ["UAI", "Code", "Effectif"],
      ...Array.from({ length: 3000 }, (_, k) => ["0750655E", "50022137", k]),
    ];
    const xml = FEUILLE_XML(lignesXml(lignes) + '<row r="3002"><c r="A3002" t="z"><v>1</v></c></row>');
    const file = writeBytes("secours-avancement.xlsx", await xlsxFaitMain(xml));
    const vus: number[] = [];
    const lu = await readSpreadsheetFile(file, (fait, total) => vus.push(fait / total));
    expect(chooseSheet(lu).values.length).toBeGreaterThanOrEqual(3001);
    expect(vus.length).toBeGreaterThan(0);
    expect(vus[vus.length - 1]).toBe(1);
  });
});
