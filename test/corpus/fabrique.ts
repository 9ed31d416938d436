/**
 * Makers of the bad files of the corpus: .xlsx written by ExcelJS or by hand (parts chosen one by
 * one, as other generators write them), a hand-made ZIP for a « zip bomb », CSV text in a chosen
 * encoding. Everything is generated in memory by the tests: no fixture file to keep.
 */
import * as path from "path";
import { constants, deflateRawSync } from "zlib";
import ExcelJS from "exceljs";
import { Parametres } from "../../src/rules";
import { MemoryWorkbook } from "../../src/workbook/memory";
import type { CellValue } from "../../src/workbook/port";
import { calculerDotations } from "../../src/workflows";
import { run } from "../cli/run";

// JSZip comes with ExcelJS; it assembles the hand-made .xlsx parts.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const JSZip = require("jszip");

/** A workbook written by ExcelJS, as Excel itself would save it (shared strings). */
export async function xlsxExcelJS(construire: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  construire(workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** One sheet of rows from A1, every cell given. */
export function feuilleExcelJS(nom: string, lignes: readonly (readonly CellValue[])[]) {
  return (wb: ExcelJS.Workbook) => {
    const ws = wb.addWorksheet(nom);
    lignes.forEach((row, r) =>
      row.forEach((value, c) => {
        if (value !== null) ws.getCell(r + 1, c + 1).value = value as ExcelJS.CellValue;
      }),
    );
  };
}

const echapper = (texte: string) => texte.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** The `<sheetData>` rows of a grid, text as inline strings (no sharedStrings part needed). */
export function lignesXml(lignes: readonly (readonly CellValue[])[]): string {
  return lignes
    .map((row, r) => {
      const cells = row
        .map((value, c) => {
          const ref = `${String.fromCharCode(65 + c)}${r + 1}`;
          if (value === null) return "";
          if (typeof value === "number") return `<c r="${ref}"><v>${value}</v></c>`;
          if (typeof value === "string")
            return `<c r="${ref}" t="inlineStr"><is><t>${echapper(value)}</t></is></c>`;
          if (typeof value === "boolean") return `<c r="${ref}" t="b"><v>${value ? 1 : 0}</v></c>`;
          return `<c r="${ref}" t="e"><v>${echapper(value.error)}</v></c>`;
        })
        .join("");
      return `<row r="${r + 1}">${cells}</row>`;
    })
    .join("");
}

export const FEUILLE_XML = (sheetData: string) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${sheetData}</sheetData></worksheet>`;

/**
 * A one-sheet .xlsx assembled part by part: `feuille` is the sheet part's XML, `chaines` the
 * sharedStrings part (null: the workbook declares it but the archive lacks it; undefined: not declared).
 */
export async function xlsxFaitMain(feuille: string | Buffer, chaines?: string | null): Promise<Buffer> {
  const zip = new JSZip();
  zip.file(
    "[Content_Types].xml",
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>',
  );
  zip.file(
    "_rels/.rels",
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
  );
  zip.file(
    "xl/workbook.xml",
    '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Effectifs" sheetId="1" r:id="rId1"/></sheets></workbook>',
  );
  const declareChaines =
    chaines === undefined
      ? ""
      : '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>';
  zip.file(
    "xl/_rels/workbook.xml.rels",
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>${declareChaines}</Relationships>`,
  );
  zip.file("xl/worksheets/sheet1.xml", feuille);
  if (typeof chaines === "string") zip.file("xl/sharedStrings.xml", chaines);
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

export interface PartieBrute {
  readonly nom: string;
  /** Already deflated (method 8). */
  readonly donnees: Buffer;
  readonly tailleOriginale: number;
}

/** A ZIP archive of parts deflated beforehand (CRC left at 0: the project's reader does not check it). */
export function zipBrut(parties: readonly PartieBrute[]): Buffer {
  const locaux: Buffer[] = [];
  const centraux: Buffer[] = [];
  let offset = 0;
  for (const p of parties) {
    const nom = Buffer.from(p.nom, "utf8");
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(p.donnees.length, 18);
    local.writeUInt32LE(Math.min(p.tailleOriginale, 0xffffffff), 22);
    local.writeUInt16LE(nom.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(p.donnees.length, 20);
    central.writeUInt32LE(Math.min(p.tailleOriginale, 0xffffffff), 24);
    central.writeUInt16LE(nom.length, 28);
    central.writeUInt32LE(offset, 42);
    locaux.push(local, nom, p.donnees);
    centraux.push(central, nom);
    offset += 30 + nom.length + p.donnees.length;
  }
  const repertoire = Buffer.concat(centraux);
  const fin = Buffer.alloc(22);
  fin.writeUInt32LE(0x06054b50, 0);
  fin.writeUInt16LE(parties.length, 8);
  fin.writeUInt16LE(parties.length, 10);
  fin.writeUInt32LE(repertoire.length, 12);
  fin.writeUInt32LE(offset, 16);
  return Buffer.concat([...locaux, repertoire, fin]);
}

const deflate = (texte: string): PartieBrute => ({
  nom: "",
  donnees: deflateRawSync(Buffer.from(texte, "utf8")),
  tailleOriginale: Buffer.byteLength(texte),
});

/** Where a « zip bomb » hides, and what it says of itself. */
export interface OptionsBombe {
  /** The part that inflates to `mo` megabytes (default: the shared strings). */
  readonly partie?: string;
  /** The size its directory entry gives, in bytes (default: the true one; smaller: it lies). */
  readonly tailleAnnoncee?: number;
  /** The sheet part's `<sheetData>` content (default: one cell pointing to the shared string). */
  readonly lignes?: string;
}

/**
 * A « zip bomb »: an .xlsx of well under a megabyte whose sharedStrings part (or `partie`) inflates
 * to `mo` megabytes (one string of « a »). The deflate stream is built by repeating one compressed
 * megabyte (each copy ends on a full flush, so copies can follow one another), not by compressing
 * `mo` megabytes.
 */
export function xlsxBombe(mo: number, options: OptionsBombe = {}): Buffer {
  const flush = { finishFlush: constants.Z_FULL_FLUSH };
  const debut = deflateRawSync(
    Buffer.from(
      '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>',
    ),
    flush,
  );
  const megaOctet = deflateRawSync(Buffer.alloc(1024 * 1024, 0x61), flush);
  const fin = deflateRawSync(Buffer.from("</t></si></sst>"));
  const bombe: PartieBrute = {
    nom: options.partie ?? "xl/sharedStrings.xml",
    donnees: Buffer.concat([debut, ...new Array<Buffer>(mo).fill(megaOctet), fin]),
    tailleOriginale: options.tailleAnnoncee ?? mo * 1024 * 1024,
  };
  const parties = {
    "[Content_Types].xml":
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    "_rels/.rels":
      '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    "xl/workbook.xml":
      '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Effectifs" sheetId="1" r:id="rId1"/></sheets></workbook>',
    "xl/_rels/workbook.xml.rels":
      '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
    "xl/worksheets/sheet1.xml": FEUILLE_XML(
      options.lignes ?? '<row r="1"><c r="A1" t="s"><v>0</v></c></row>',
    ),
  };
  return zipBrut([...Object.entries(parties).map(([nom, xml]) => ({ ...deflate(xml), nom })), bombe]);
}

/** The first 8 bytes of a Compound File (OLE2): Excel 97-2003 files and password-protected .xlsx alike. */
export function fichierOle(contenu: string): Buffer {
  const entete = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  const reste = Buffer.alloc(504);
  reste.write(contenu, 40, "utf16le");
  return Buffer.concat([entete, reste]);
}

/** Text in a given encoding, with or without its byte order mark. */
export function encoder(
  texte: string,
  encodage: "utf-8" | "utf-8-bom" | "utf-16le" | "windows-1252",
): Buffer {
  switch (encodage) {
    case "utf-8":
      return Buffer.from(texte, "utf8");
    case "utf-8-bom":
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(texte, "utf8")]);
    case "utf-16le":
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(texte, "utf16le")]);
    case "windows-1252":
      // The corpus' texts only use Latin-1 letters, where Windows-1252 and Latin-1 agree.
      return Buffer.from(texte, "latin1");
  }
}

/**
 * The dotations 2024-2025 of one effectif sheet whose rows are for lycée Arago (0750655E), whose
 * establishments sheet gives 35 % de boursiers, no reliquat, and an answer to the surveys.
 */
export function dotationsArago(effectifs: CellValue[][]) {
  const etablissements: CellValue[][] = [
    ["UAI", "Taux de boursiers", "Reliquat pré-bac", "Réponse à l'enquête"],
    ["0750655E", "35 %", 0, "oui"],
  ];
  return calculerDotations(new MemoryWorkbook({ Effectifs: effectifs, Établissements: etablissements }), {
    feuillesEffectifs: ["Effectifs"],
    feuilleEtablissements: "Établissements",
    annee: 2024,
    parametres: Parametres.embarques(),
  });
}

const EXEMPLES_BILANS = path.join(__dirname, "..", "..", "examples", "bilans");

/**
 * The « Dotations ARE » workbook of the bilans' examples (examples/bilans/README.md), written by
 * `are dotations --out` as a user would: 2023-2024 with its establishments sheet (the bilans' year),
 * or 2024-2025 from its effectifs alone (the next year, for the « another year » cases).
 */
export async function dotationsDesExemples(annee: 2023 | 2024, dir: string): Promise<string> {
  const out = path.join(dir, `dotations-${annee}.xlsx`);
  const etablissements =
    annee === 2023 ? ["--etablissements", path.join(EXEMPLES_BILANS, "etablissements-2023.xlsx")] : [];
  const calcul = await run([
    "dotations",
    path.join(EXEMPLES_BILANS, `effectifs-${annee}.xlsx`),
    ...etablissements,
    "--annee",
    String(annee),
    "--out",
    out,
  ]);
  expect(calcul.code).toBe(0);
  return out;
}
