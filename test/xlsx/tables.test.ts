/**
 * The tables of the .xlsx files we ship and write are valid for every reader, not only Excel (issue 11,
 * item 20): the bilans of examples/bilans/ had been written through ExcelJS, which writes a table
 * column's format as a `dxfId` attribute that the format does not define (the attribute is
 * `dataDxfId`) and `[object Object]` as its number format — openpyxl refused the files (« TableColumn
 * got an unexpected keyword argument 'dxfId' »). Checked here on the XML itself, without openpyxl or LibreOffice: every
 * table column has only attributes of ECMA-376 (part 1, §18.5.1.3 CT_TableColumn), and every reference
 * to a differential format (`dataDxfId`, a conditional format's `dxfId`…) names a `<dxf>` of styles.xml
 * whose number format is a real format code.
 */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { TYPES_EQUIPEMENT } from "../../src/rules";
import type { OutputSheet } from "../../src/workbook/port";
import { outputWorkbookBytes } from "../../src/xlsx/write";

// JSZip comes with ExcelJS: it opens the archives to read their XML parts.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const JSZip = require("jszip");

const BILANS = path.join(__dirname, "..", "..", "examples", "bilans");

/** ECMA-376 part 1, §18.5.1.3: the attributes of `<tableColumn>` (and the revision uid Excel adds). */
const ATTRIBUTS_COLONNE = new Set([
  "id",
  "uniqueName",
  "name",
  "totalsRowFunction",
  "totalsRowLabel",
  "queryTableFieldId",
  "headerRowDxfId",
  "dataDxfId",
  "totalsRowDxfId",
  "headerRowCellStyle",
  "dataCellStyle",
  "totalsRowCellStyle",
  "xr3:uid",
]);

interface Defaut {
  readonly partie: string;
  readonly defaut: string;
}

/** What is wrong with the tables and differential formats of an .xlsx, as readable lines (none: valid). */
async function defautsDesTables(octets: Buffer): Promise<Defaut[]> {
  const zip = await JSZip.loadAsync(octets);
  const lire = (nom: string): Promise<string> => zip.file(nom)!.async("string");
  const defauts: Defaut[] = [];
  const styles = zip.file("xl/styles.xml") ? await lire("xl/styles.xml") : "";
  const dxfs = [...styles.matchAll(/<dxf>([\s\S]*?)<\/dxf>|<dxf\/>/g)].map((m) => m[1] ?? "");
  dxfs.forEach((dxf, i) => {
    for (const m of dxf.matchAll(/formatCode="([^"]*)"/g)) {
      if (m[1] === "" || m[1].includes("[object")) {
        defauts.push({ partie: "xl/styles.xml", defaut: `dxf ${i} : format « ${m[1]} »` });
      }
    }
  });
  const parties = Object.keys(zip.files).filter((nom: string) => /^xl\/.*\.xml$/.test(nom));
  for (const partie of parties) {
    const xml = await lire(partie);
    for (const m of xml.matchAll(/\b(\w*[dD]xfId)="([^"]*)"/g)) {
      const index = Number(m[2]);
      if (!Number.isInteger(index) || index < 0 || index >= dxfs.length) {
        defauts.push({ partie, defaut: `${m[1]}="${m[2]}" sans <dxf> (${dxfs.length} dans styles.xml)` });
      }
    }
    if (!partie.startsWith("xl/tables/")) continue;
    for (const colonne of xml.matchAll(/<tableColumn\b([^>]*?)\/?>/g)) {
      for (const a of colonne[1].matchAll(/([\w:]+)="/g)) {
        if (!ATTRIBUTS_COLONNE.has(a[1])) defauts.push({ partie, defaut: `tableColumn @${a[1]}` });
      }
    }
  }
  return defauts;
}

/** How many tables an archive has: the check must have something to look at. */
async function nombreDeTables(octets: Buffer): Promise<number> {
  const zip = await JSZip.loadAsync(octets);
  return Object.keys(zip.files).filter((nom: string) => /^xl\/tables\/.+\.xml$/.test(nom)).length;
}

const EXEMPLES = fs.readdirSync(BILANS).filter((f) => f.endsWith(".xlsx"));

describe("Tables et formats différentiels valides pour tout lecteur (openpyxl, LibreOffice)", () => {
  test("les exemples de examples/bilans sont là, dont les quatre bilans remplis", () => {
    expect(EXEMPLES.filter((f) => f.startsWith("bilan-"))).toHaveLength(4);
  });

  test.each(EXEMPLES)("examples/bilans/%s", async (fichier) => {
    const octets = fs.readFileSync(path.join(BILANS, fichier));
    expect(await defautsDesTables(octets)).toEqual([]);
    // A filled bilan keeps the template's table (an Excel table with its formats per column).
    if (fichier.startsWith("bilan-")) expect(await nombreDeTables(octets)).toBe(1);
  });

  test("un classeur écrit par notre écrivain : chaque format de colonne, listes déroulantes, totaux", async () => {
    const sheet: OutputSheet = {
      name: "Bilan ARE 0750655E 2024-2025",
      heading: ["Bilan", "", "", "", ""],
      fields: [{ label: "Dotation reçue pré-bac", value: 7949.5, format: "euros" }],
      columns: [
        { header: "Libellé", format: "text" },
        { header: "Élèves aidés", format: "integer" },
        { header: "Montant des achats", format: "euros" },
        { header: "Taux", format: "percent" },
        { header: "Boursiers", format: "decimal" },
        { header: "Type d'équipement", format: "text", choices: TYPES_EQUIPEMENT },
      ],
      rows: [["BOULANGER (CAP)", 24, 3600, 0.45, 10.8, TYPES_EQUIPEMENT[1]]],
      totals: ["Total", 24, 3600, null, 10.8, null],
    };
    const octets = await outputWorkbookBytes([{ name: sheet.name, sheet }], new Date(Date.UTC(2024, 5, 28)));
    expect(await nombreDeTables(octets)).toBe(1);
    expect(await defautsDesTables(octets)).toEqual([]);
  });

  test("le contrôle voit le défaut des tables écrites par ExcelJS (attribut dxfId)", async () => {
    // How the bilans of examples/bilans/ were first written (the CLI then wrote its workbooks through
    // ExcelJS): a table whose columns have a number format.
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Bilan").addTable({
      name: "Bilan",
      ref: "A1",
      // ExcelJS reads a column's `style` (its typings omit it).
      columns: [
        { name: "Code formation diplôme", style: { numFmt: "@" } },
        { name: "Montant des achats", style: { numFmt: '#,##0.00 "€"' } },
      ] as unknown as ExcelJS.TableColumnProperties[],
      rows: [["50022137", 3600]],
    });
    const octets = Buffer.from(await workbook.xlsx.writeBuffer());
    const defauts = (await defautsDesTables(octets)).map((d) => d.defaut);
    expect(defauts).toEqual(["tableColumn @dxfId", "tableColumn @dxfId"]);
  });
});
