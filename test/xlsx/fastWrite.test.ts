/**
 * The project's own .xlsx writer (src/xlsx/fastWrite.ts) against the ExcelJS writer it replaced
 * (referenceExcelJS.ts): the same outputs — every workbook the commands write on examples/, plus
 * edge cases — written by both, read back by ExcelJS and compared cell by cell; our file also read by
 * the project's fast reader, its parts checked as XML in the schema's order, its archive re-read
 * with CRC checks.
 */
import ExcelJS from "exceljs";
import { SaxesParser } from "saxes";
import type { OutputSheet } from "../../src/workbook/port";
import { outputWorkbookBytes, readXlsxWithExcelJS, usedRange } from "../../src/xlsx";
import { xlsxBytes } from "../../src/xlsx/fastWrite";
import { readXlsxValues } from "../../src/xlsx/fastXlsx";
import { resumeClasseur } from "./comparaison";
import { removeDir, tempDir } from "./helpers";
import { referenceWorkbookBytes } from "./referenceExcelJS";
import { CAS_LIMITES, CLASSEURS_LIMITES, COMMANDES, classeursDesCommandes, type Classeur } from "./sorties";

const NOW = new Date(Date.UTC(2024, 9, 15, 8, 30, 0));

let dir: string;
const classeurs = new Map<string, Classeur>();
beforeAll(async () => {
  dir = tempDir();
  for (const [nom, classeur] of await classeursDesCommandes(dir)) classeurs.set(nom, classeur);
  for (const classeur of CLASSEURS_LIMITES) classeurs.set(classeur.nom, classeur);
}, 120_000);
afterAll(() => removeDir(dir));

const NOMS = [...COMMANDES.map((c) => c.nom), ...CLASSEURS_LIMITES.map((c) => c.nom)];

/** The parts of an archive as text, read with JSZip checking every CRC-32. */
async function parties(bytes: Buffer): Promise<Map<string, string>> {
  // ExcelJS depends on JSZip (as test/xlsx/write.test.ts uses it): a second, independent ZIP reader.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const JSZip = require("jszip");
  const zip = await JSZip.loadAsync(bytes, { checkCRC32: true });
  const textes = new Map<string, string>();
  for (const nom of Object.keys(zip.files).sort()) textes.set(nom, await zip.file(nom).async("string"));
  return textes;
}

interface Element {
  readonly nom: string;
  readonly attributs: Record<string, string>;
  readonly enfants: Element[];
  texte: string;
}

/** Parses a part with saxes (throws if the XML is not well-formed) into a small tree. */
function xml(texte: string): Element {
  const parser = new SaxesParser();
  const racine: Element = { nom: "", attributs: {}, enfants: [], texte: "" };
  const pile: Element[] = [racine];
  parser.on("opentag", (tag) => {
    const element: Element = {
      nom: tag.name,
      attributs: tag.attributes as Record<string, string>,
      enfants: [],
      texte: "",
    };
    pile[pile.length - 1].enfants.push(element);
    pile.push(element);
  });
  parser.on("text", (t) => void (pile[pile.length - 1].texte += t));
  parser.on("closetag", () => void pile.pop());
  parser.write(texte).close();
  expect(racine.enfants).toHaveLength(1);
  return racine.enfants[0];
}

/** The children of CT_Worksheet, CT_Stylesheet and CT_Workbook in the order of their schema (ECMA-376 part 1). */
const ORDRE: Readonly<Record<string, readonly string[]>> = {
  worksheet: [
    "sheetPr",
    "dimension",
    "sheetViews",
    "sheetFormatPr",
    "cols",
    "sheetData",
    "sheetCalcPr",
    "sheetProtection",
    "protectedRanges",
    "scenarios",
    "autoFilter",
    "sortState",
    "dataConsolidate",
    "customSheetViews",
    "mergeCells",
    "phoneticPr",
    "conditionalFormatting",
    "dataValidations",
    "hyperlinks",
    "printOptions",
    "pageMargins",
    "pageSetup",
    "headerFooter",
    "rowBreaks",
    "colBreaks",
    "customProperties",
    "cellWatches",
    "ignoredErrors",
    "smartTags",
    "drawing",
    "legacyDrawing",
    "legacyDrawingHF",
    "picture",
    "oleObjects",
    "controls",
    "webPublishItems",
    "tableParts",
    "extLst",
  ],
  styleSheet: [
    "numFmts",
    "fonts",
    "fills",
    "borders",
    "cellStyleXfs",
    "cellXfs",
    "cellStyles",
    "dxfs",
    "tableStyles",
    "colors",
    "extLst",
  ],
  workbook: [
    "fileVersion",
    "fileSharing",
    "workbookPr",
    "workbookProtection",
    "bookViews",
    "sheets",
    "functionGroups",
    "externalReferences",
    "definedNames",
    "calcPr",
    "oleSize",
    "customWorkbookViews",
    "pivotCaches",
    "smartTagPr",
    "smartTagTypes",
    "webPublishing",
    "fileRecoveryPr",
    "webPublishObjects",
    "extLst",
  ],
  table: ["autoFilter", "sortState", "tableColumns", "tableStyleInfo", "extLst"],
};

function dansLOrdreDuSchema(element: Element): void {
  const ordre = ORDRE[element.nom];
  const rangs = element.enfants.map((e) => ordre.indexOf(e.nom));
  expect(rangs).not.toContain(-1);
  expect(rangs).toEqual([...rangs].sort((a, b) => a - b));
  expect(new Set(rangs).size).toBe(rangs.length);
}

function classeur(nom: string): Classeur {
  const trouve = classeurs.get(nom);
  if (!trouve) throw new Error(`classeur « ${nom} » absent`);
  return trouve;
}

describe("Écrivain .xlsx du projet : le classeur qu'écrivait ExcelJS", () => {
  test.each(NOMS)(
    "« %s » : relu par ExcelJS, mêmes valeurs et types, formats, polices, bordures, volets, largeurs, colonnes cachées, listes, tableaux, onglet actif et propriétés",
    async (nom) => {
      const { sorties } = classeur(nom);
      const nous = await resumeClasseur(await outputWorkbookBytes(sorties, NOW));
      const reference = await resumeClasseur(await referenceWorkbookBytes(sorties, NOW));
      expect(nous.feuilles.map((f) => f.nom)).toEqual(sorties.map((s) => s.name));
      expect(nous).toEqual(reference);
    },
  );

  test.each(NOMS)(
    "« %s » : le lecteur rapide du projet relit les valeurs qu'ExcelJS lit dans le classeur de référence",
    async (nom) => {
      const { sorties } = classeur(nom);
      const nous = readXlsxValues(xlsxBytes(sorties, NOW));
      const reference = await readXlsxWithExcelJS(
        await referenceWorkbookBytes(sorties, NOW),
        "reference.xlsx",
        "reference.xlsx",
      );
      expect(nous.map((s) => ({ name: s.name, ...usedRange(s.grid) }))).toEqual(
        reference.sheets.map(({ name, values, rowOffset, columnOffset }) => ({
          name,
          values,
          rowOffset,
          columnOffset,
        })),
      );
    },
  );

  test.each(NOMS)(
    "« %s » : parties en XML bien formé, éléments dans l'ordre du schéma, archive relue avec ses CRC",
    async (nom) => {
      const { sorties } = classeur(nom);
      const textes = await parties(xlsxBytes(sorties, NOW));
      const n = sorties.length;
      const feuilles = Array.from({ length: n }, (_, i) => `xl/worksheets/sheet${i + 1}.xml`);
      const tableaux = Array.from({ length: n }, (_, i) => `xl/tables/table${i + 1}.xml`);
      expect([...textes.keys()]).toEqual(
        [
          "[Content_Types].xml",
          "_rels/.rels",
          "docProps/app.xml",
          "docProps/core.xml",
          "xl/_rels/workbook.xml.rels",
          "xl/sharedStrings.xml",
          "xl/styles.xml",
          "xl/theme/theme1.xml",
          "xl/workbook.xml",
          ...feuilles,
          ...feuilles.map((f) => f.replace("worksheets/", "worksheets/_rels/") + ".rels"),
          ...tableaux,
        ].sort(),
      );
      const arbres = new Map([...textes].map(([partie, texte]) => [partie, xml(texte)]));
      for (const partie of [...feuilles, ...tableaux, "xl/styles.xml", "xl/workbook.xml"]) {
        dansLOrdreDuSchema(arbres.get(partie)!);
      }

      // Every part of the package has its content type (the .rels parts by their extension).
      const types = arbres.get("[Content_Types].xml")!.enfants;
      for (const partie of textes.keys()) {
        const declare =
          partie === "[Content_Types].xml" ||
          partie.endsWith(".rels") ||
          types.some((t) => t.nom === "Override" && t.attributs.PartName === `/${partie}`);
        expect(declare).toBe(true);
      }
      // Tables: ids and names unique in the workbook, column names equal to the header cells.
      const ids = tableaux.map((t) => arbres.get(t)!.attributs.id);
      expect(new Set(ids).size).toBe(n);
      const noms = tableaux.map((t) => arbres.get(t)!.attributs.name);
      expect(new Set(noms.map((x) => x.toLowerCase())).size).toBe(n);
      for (const nomTable of noms) expect(nomTable).toMatch(/^[A-Za-z_][A-Za-z0-9_]{0,254}$/);
      // Shared strings: as many as the count says.
      const sst = arbres.get("xl/sharedStrings.xml")!;
      expect(sst.enfants).toHaveLength(Number(sst.attributs.uniqueCount));
      // Cell formats: as many as each count says.
      for (const liste of arbres.get("xl/styles.xml")!.enfants) {
        if (liste.attributs.count !== undefined)
          expect(liste.enfants).toHaveLength(Number(liste.attributs.count));
      }
      // The workbook opens on the last sheet, the only one selected.
      const classeurXml = arbres.get("xl/workbook.xml")!;
      expect(classeurXml.enfants[0].enfants[0].attributs.activeTab).toBe(String(n - 1));
      expect(classeurXml.enfants[1].enfants.map((s) => s.attributs.name)).toEqual(sorties.map((s) => s.name));
      feuilles.forEach((f, i) => {
        const vue = arbres.get(f)!.enfants.find((e) => e.nom === "sheetViews")!.enfants[0];
        expect(vue.attributs.tabSelected).toBe(i === n - 1 ? "1" : undefined);
      });
    },
  );
});

describe("Écrivain .xlsx du projet : valeurs écrites", () => {
  async function cas(): Promise<ExcelJS.Worksheet> {
    const workbook = new ExcelJS.Workbook();
    const bytes = await outputWorkbookBytes([{ name: CAS_LIMITES.name, sheet: CAS_LIMITES }], NOW);
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    return workbook.worksheets[0];
  }

  test("un texte qui ressemble à une formule reste une chaîne inerte ; aucune formule dans le fichier", async () => {
    const ws = await cas();
    // En-tête en ligne 5 (trois lignes de titre, une ligne vide) : données dès la ligne 6.
    for (const [adresse, texte] of [
      ["A6", '=HYPERLINK("http://exemple.invalid","clic")'],
      ["A7", "+cmd|' /C calc'!A0"],
      ["A8", "@SOMME(A1:A3)"],
      ["A9", "-2+3"],
    ]) {
      expect(ws.getCell(adresse).type).toBe(ExcelJS.ValueType.String);
      expect(ws.getCell(adresse).value).toBe(texte);
    }
    const textes = await parties(xlsxBytes([{ name: "F", sheet: CAS_LIMITES }], NOW));
    for (const [partie, texte] of textes)
      if (partie.includes("worksheets/sheet")) expect(texte).not.toMatch(/<f[ >]/);
  });

  test("caractères de contrôle retirés, texte de 40 000 caractères coupé à 32 767 avec « … »", async () => {
    const ws = await cas();
    expect(ws.getCell("A10").value).toBe("contrôle supprimés");
    const long = ws.getCell("A11").value as string;
    expect(long).toHaveLength(32767);
    expect(long.endsWith("…")).toBe(true);
    expect(long.startsWith("Explication très longue. Explication")).toBe(true);
  });

  test("nombres : exacts, en texte dans une colonne texte ; chaîne décimale exacte en nombre ; NaN et infinis en #NUM!", async () => {
    const ws = await cas();
    expect(ws.getCell("F6").value).toBe("50022137");
    expect(ws.getCell("F8").value).toBe("1e+21");
    expect(ws.getCell("B7").value).toBe(157);
    expect(ws.getCell("C7").value).toBe(-0.5);
    // « 12,5 » n'est pas une écriture décimale exacte : il reste du texte.
    expect(ws.getCell("D7").value).toBe("12,5");
    expect([ws.getCell("B8").value, ws.getCell("C8").value, ws.getCell("D8").value]).toEqual([
      1e308, -1.5e300, 123456789012345680,
    ]);
    expect(ws.getCell("E8").value).toBe(5e-324);
    expect(ws.getCell("B9").value).toBe(0);
    for (const adresse of ["C9", "D9", "E9"]) expect(ws.getCell(adresse).value).toEqual({ error: "#NUM!" });
  });

  test("erreurs Excel en valeurs d'erreur ; une erreur inconnue d'Excel 2007 (#SPILL!) en texte ; booléens", async () => {
    const ws = await cas();
    expect(ws.getCell("B10").value).toEqual({ error: "#N/A" });
    expect(ws.getCell("C10").value).toEqual({ error: "#DIV/0!" });
    expect(ws.getCell("D10").value).toEqual({ error: "#NAME?" });
    expect(ws.getCell("E10").value).toBe("#SPILL!");
    expect(ws.getCell("B11").value).toBe(true);
    expect(ws.getCell("C11").value).toBe(false);
    expect(ws.getCell("F15").value).toEqual({ error: "#VALUE!" });
    expect(ws.getCell("F15").border?.bottom?.style).toBe("double");
  });

  test("en-têtes uniques et non vides, noms de feuille et de tableau avec accents et & < > \" '", async () => {
    const ws = await cas();
    expect(ws.name).toBe(`Élèves & "tests" <1> l'été`);
    expect(ws.getRow(5).values).toEqual([
      undefined,
      "Texte & <balises> \"guillemets\" 'apostrophes'",
      "Montant",
      "montant (2)",
      "Colonne 4",
      "Taux",
      "Code",
    ]);
    const table = (ws.getTables()[0] as unknown as { table: { name: string; tableRef: string } }).table;
    expect(table.name).toBe("ARE_1_Eleves_tests_1_l_ete");
    expect(table.tableRef).toBe("A5:F14");
  });
});

describe("Écrivain .xlsx du projet : ce qu'ExcelJS écrivait mal, et les limites d'Excel", () => {
  const sortie = (sheet: OutputSheet) => [{ name: sheet.name, sheet }];
  const simple = (rows: OutputSheet["rows"], header = "Texte"): OutputSheet => ({
    name: "F",
    heading: [],
    columns: [{ header, format: "text" }],
    rows,
    totals: null,
  });

  test("« _x0041_ » écrit tel quel et un retour chariot conservé : relus à l'identique par ExcelJS et le lecteur rapide", async () => {
    const feuille = simple([["_x0041_ et _x000D_"], ["_x005F_x0041_"], ["avant\r\naprès"], ["\rseul"]]);
    const bytes = xlsxBytes(sortie(feuille), NOW);
    const attendu = ["_x0041_ et _x000D_", "_x005F_x0041_", "avant\r\naprès", "\rseul"];
    expect(
      readXlsxValues(bytes)[0]
        .grid.slice(1)
        .map((row) => row[0]),
    ).toEqual(attendu);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    expect([2, 3, 4, 5].map((r) => workbook.worksheets[0].getCell(r, 1).value)).toEqual(attendu);
  });

  test("un en-tête sur deux lignes : cellule « a\\nb », nom de colonne du tableau « a_x000A_b » (l'échappement d'Excel)", async () => {
    const textes = await parties(xlsxBytes(sortie(simple([["x"]], "Montant\nnet")), NOW));
    expect(xml(textes.get("xl/tables/table1.xml")!).enfants[1].enfants[0].attributs.name).toBe(
      "Montant_x000A_net",
    );
    expect(readXlsxValues(xlsxBytes(sortie(simple([["x"]], "Montant\nnet")), NOW))[0].grid[0][0]).toBe(
      "Montant\nnet",
    );
  });

  test("limites d'Excel : largeur ≤ 255, nom de colonne ≤ 255 caractères, message d'une liste ≤ 225 et son titre ≤ 32", async () => {
    const enTete = "Type d'équipement acheté ".repeat(20);
    const feuille: OutputSheet = {
      name: "Limites",
      heading: ["Limites"],
      columns: [
        { header: enTete, format: "text", width: 400, choices: ["a", "b"] },
        { header: enTete, format: "text" },
      ],
      rows: [["a", "b"]],
      totals: null,
    };
    const textes = await parties(xlsxBytes(sortie(feuille), NOW));
    const colonnes = xml(textes.get("xl/tables/table1.xml")!).enfants[1].enfants.map((c) => c.attributs.name);
    for (const nom of colonnes) expect(nom.length).toBeLessThanOrEqual(255);
    expect(colonnes[1]).toBe(`${colonnes[0]} (2)`);
    const feuilleXml = xml(textes.get("xl/worksheets/sheet1.xml")!);
    const largeurs = feuilleXml.enfants
      .find((e) => e.nom === "cols")!
      .enfants.map((c) => Number(c.attributs.width));
    expect(Math.max(...largeurs)).toBe(255);
    const validation = feuilleXml.enfants.find((e) => e.nom === "dataValidations")!.enfants[0];
    expect(validation.attributs.error.length).toBeLessThanOrEqual(225);
    expect(validation.attributs.error.endsWith("…")).toBe(true);
    expect(validation.attributs.errorTitle).toHaveLength(32);
    // Header cells hold the column names.
    const lu = readXlsxValues(xlsxBytes(sortie(feuille), NOW))[0].grid[2];
    expect(lu.slice(0, 2)).toEqual(colonnes);
  });

  test("mêmes sorties et même date : mêmes octets ; dates des propriétés du document prises de la date donnée", async () => {
    const sorties = classeur("dotations 2024-2025 des trois académies").sorties;
    expect(xlsxBytes(sorties, NOW).equals(xlsxBytes(sorties, NOW))).toBe(true);
    const core = xml((await parties(xlsxBytes(sorties, NOW))).get("docProps/core.xml")!);
    const valeur = (nom: string) => core.enfants.find((e) => e.nom === nom)!.texte;
    expect(valeur("dcterms:created")).toBe("2024-10-15T08:30:00Z");
    expect(valeur("dcterms:modified")).toBe("2024-10-15T08:30:00Z");
    expect(valeur("dc:creator")).toBe("ARE — aide régionale à l'équipement des élèves");
  });

  test("un nom de feuille refusé par Excel, deux feuilles du même nom, aucune feuille : erreur en français, aucun fichier", () => {
    const feuille = simple([["x"]]);
    for (const nom of ["a:b", "a/b", "[x]", "'cité'", "", "   ", "tab\there"]) {
      expect(() => xlsxBytes([{ name: nom, sheet: feuille }], NOW)).toThrow(
        /Nom de feuille .* refusé par Excel/,
      );
    }
    expect(() =>
      xlsxBytes(
        [
          { name: "Dotations", sheet: feuille },
          { name: "DOTATIONS", sheet: feuille },
        ],
        NOW,
      ),
    ).toThrow("Deux feuilles de résultats s'appellent « DOTATIONS ».");
    expect(() => xlsxBytes([], NOW)).toThrow("Aucune feuille de résultats à écrire.");
  });

  test("un nom de feuille de plus de 31 caractères est coupé, comme le faisait ExcelJS", () => {
    const nom = "Dotations ARE 2024-2025 — établissements";
    const [lu] = readXlsxValues(xlsxBytes([{ name: nom, sheet: simple([["x"]]) }], NOW));
    expect(lu.name).toBe(nom.slice(0, 31));
  });
});

describe("Écrivain .xlsx du projet : prêt à imprimer", () => {
  const sortie = (colonnes: number): OutputSheet => ({
    name: `Sortie ${colonnes}`,
    heading: ["Titre", "Année 2024-2025"],
    columns: Array.from({ length: colonnes }, (_, j) => ({
      header: `Colonne ${j + 1}`,
      format: "text" as const,
    })),
    rows: [Array.from({ length: colonnes }, (_, j) => `v${j}`)],
    totals: null,
  });

  test("A4, toutes les colonnes sur la largeur d'une page, la ligne d'en-tête répétée ; paysage au-delà de 6 colonnes", async () => {
    const bytes = await outputWorkbookBytes(
      [
        { name: "Étroite", sheet: sortie(6) },
        { name: "L'large", sheet: sortie(7) },
      ],
      NOW,
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    const [etroite, large] = workbook.worksheets;
    for (const ws of [etroite, large]) {
      expect(ws.pageSetup).toMatchObject({ paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
      // Two heading lines and a blank one: the header is row 4.
      expect(ws.pageSetup.printTitlesRow).toBe("4:4");
    }
    expect(etroite.pageSetup.orientation).toBe("portrait");
    expect(large.pageSetup.orientation).toBe("landscape");
    const textes = await parties(bytes);
    expect(textes.get("xl/workbook.xml")).toContain(
      `<definedName name="_xlnm.Print_Titles" localSheetId="1">'L''large'!$4:$4</definedName>`,
    );
  });
});
