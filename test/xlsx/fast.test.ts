import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { readSpreadsheetFile, readXlsxWithExcelJS, usedRange } from "../../src/xlsx";
import { readXlsxValues } from "../../src/xlsx/fastXlsx";
import { rectangle, removeDir, tempDir } from "./helpers";

// JSZip comes with ExcelJS; here it builds .xlsx parts by hand, as other generators write them.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const JSZip = require("jszip");

let dir: string;
beforeAll(() => {
  dir = tempDir();
});
afterAll(() => removeDir(dir));

const EXAMPLES = path.join(__dirname, "..", "..", "examples");

/** Both readers on the same bytes: the fast one (the default) and ExcelJS's full model. */
async function bothReaders(bytes: Buffer) {
  const fast = readXlsxValues(bytes).map(({ name, hidden, grid }) => ({ name, hidden, ...usedRange(grid) }));
  const excel = (await readXlsxWithExcelJS(bytes, "f.xlsx", "f.xlsx")).sheets.map(
    ({ name, hidden, values, rowOffset, columnOffset }) => ({
      name,
      hidden,
      values,
      rowOffset,
      columnOffset,
    }),
  );
  return { fast, excel };
}

async function xlsxBytes(build: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  build(workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe("Lecteur rapide des valeurs .xlsx : mêmes cellules qu'ExcelJS", () => {
  test.each(["effectifs-paris.xlsx", "effectifs-versailles.xlsx", "etablissements.xlsx"])(
    "exemple %s (en-tête répété, #N/A de formule, titre fusionné, sous-totaux, pourcentages)",
    async (name) => {
      const { fast, excel } = await bothReaders(fs.readFileSync(path.join(EXAMPLES, name)));
      expect(fast).toEqual(excel);
    },
  );

  test("toutes les sortes de cellules, dates (calendriers 1900 et 1904), fusions, décalages, feuille masquée", async () => {
    for (const date1904 of [false, true]) {
      const bytes = await xlsxBytes((wb) => {
        wb.properties.date1904 = date1904;
        const ws = wb.addWorksheet("Effectifs");
        ws.getCell("B3").value = 12;
        ws.getCell("C3").value = "Lycée « Cœur » & <élèves>";
        ws.getCell("D3").value = true;
        ws.getCell("E3").value = { error: "#N/A" };
        ws.getCell("F3").value = { formula: "B3*2", result: 24 };
        ws.getCell("G3").value = { formula: 'C3&"!"', result: "x!" };
        ws.getCell("H3").value = { formula: "1/0", result: { error: "#DIV/0!" } };
        ws.getCell("B4").value = {
          richText: [{ text: "Lycée " }, { text: "Jean-Moulin", font: { bold: true } }],
        };
        ws.getCell("C4").value = { text: "lien", hyperlink: "https://www.iledefrance.fr/" };
        ws.getCell("D4").value = new Date(Date.UTC(2024, 8, 2, 12, 0, 0));
        ws.getCell("E4").value = { formula: "TODAY()" };
        ws.getCell("F4").value = -0.125;
        ws.getCell("B6").value = "Titre fusionné";
        ws.mergeCells("B6:D7");
        ws.getCell("C8").value = "ligne\r\nsuivante\ttab";
        const hidden = wb.addWorksheet("Masquée");
        hidden.state = "hidden";
        hidden.getCell("A1").value = "brouillon";
        wb.addWorksheet("Vide");
      });
      const { fast, excel } = await bothReaders(bytes);
      expect(fast).toEqual(excel);
      expect(fast[0].rowOffset).toBe(2);
      expect(fast[0].columnOffset).toBe(1);
      expect(fast[0].values[1][2]).toBe(date1904 ? 45537.5 - 1462 : 45537.5);
    }
  });
});

/** A minimal .xlsx written by hand, as other generators (OpenXML SDK, LibreOffice, exports) do. */
async function handMade(
  sheetXml: string,
  sharedStringsXml: string | null,
  workbookExtra = "",
): Promise<Buffer> {
  const zip = new JSZip();
  zip.file(
    "[Content_Types].xml",
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
  );
  zip.file(
    "_rels/.rels",
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
  );
  zip.file(
    "xl/workbook.xml",
    `<?xml version="1.0" encoding="UTF-8"?><x:workbook xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">${workbookExtra}<x:sheets><x:sheet name="Rectorat &amp; Co" sheetId="1" r:id="rId7"/></x:sheets></x:workbook>`,
  );
  zip.file(
    "xl/_rels/workbook.xml.rels",
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/feuille.xml"/><Relationship Id="rId8" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="chaines.xml"/></Relationships>',
  );
  zip.file("xl/worksheets/feuille.xml", sheetXml);
  if (sharedStringsXml !== null) zip.file("xl/chaines.xml", sharedStringsXml);
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

describe("Lecteur rapide : fichiers d'autres générateurs", () => {
  test("préfixes d'espace de noms, chaînes en ligne, texte enrichi avec phonétique, échappements _xHHHH_, cellules sans référence, types str, b, e, d", async () => {
    const sheet = `<?xml version="1.0" encoding="UTF-8"?>
<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>
<x:row r="2"><x:c r="B2" t="s"><x:v>0</x:v></x:c><x:c r="C2" t="s"><x:v>1</x:v></x:c><x:c r="D2" t="inlineStr"><x:is><x:t>en ligne</x:t></x:is></x:c></x:row>
<x:row><x:c><x:v>1.5E2</x:v></x:c><x:c t="b"><x:v>0</x:v></x:c><x:c t="e"><x:v>#REF!</x:v></x:c><x:c t="str"><x:f>A3</x:f><x:v>a &lt; b</x:v></x:c><x:c t='d'><x:v>2024-09-02T00:00:00</x:v></x:c></x:row>
</x:sheetData></x:worksheet>`;
    const strings = `<?xml version="1.0" encoding="UTF-8"?><x:sst xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="2" uniqueCount="2">
<x:si><x:t xml:space="preserve">Ligne_x000D_
suite _x005F_x000D_ </x:t></x:si>
<x:si><x:r><x:rPr><x:b/></x:rPr><x:t>Lycée </x:t></x:r><x:r><x:t>Jean-Moulin</x:t></x:r><x:rPh sb="0" eb="1"><x:t>ふりがな</x:t></x:rPh></x:si></x:sst>`;
    const bytes = await handMade(sheet, strings);
    const [read] = readXlsxValues(bytes);
    expect(read.name).toBe("Rectorat & Co");
    const range = usedRange(read.grid);
    expect({ ...range, values: rectangle(range.values) }).toEqual({
      rowOffset: 1,
      columnOffset: 0,
      values: [
        [null, "Ligne\r\nsuite _x000D_ ", "Lycée Jean-Moulin", "en ligne", null],
        [150, false, { error: "#REF!" }, "a < b", 45537],
      ],
    });
  });

  test("ce que le lecteur rapide ne connaît pas passe par ExcelJS (ici un type de cellule inconnu)", async () => {
    const zip = await JSZip.loadAsync(
      await xlsxBytes((wb) => {
        const ws = wb.addWorksheet("F");
        ws.getCell("A1").value = "UAI";
        ws.getCell("B1").value = 12;
      }),
    );
    const sheet: string = await zip.file("xl/worksheets/sheet1.xml").async("string");
    expect(sheet).toContain("<v>12</v>");
    zip.file(
      "xl/worksheets/sheet1.xml",
      sheet.replace(/<c r="B1"([^>]*)><v>12<\/v>/, '<c r="B1"$1 t="z"><v>12</v>'),
    );
    const bytes: Buffer = await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
    expect(() => readXlsxValues(bytes)).toThrow();
    const file = path.join(dir, "type-inconnu.xlsx");
    fs.writeFileSync(file, bytes);
    const read = await readSpreadsheetFile(file);
    expect(read.sheets[0].values).toEqual([["UAI", 12]]);
  });
});
