/**
 * La lecture en flux (issue 13 §5) : une feuille .xlsx est lue pendant qu'elle se décompresse, un
 * .csv bloc par bloc. Où que tombe une coupure entre deux morceaux — dans une balise, au milieu d'un
 * caractère de plusieurs octets, d'une entité (&amp;), d'une chaîne partagée, d'un CRLF ou d'un «  "" »
 * —, les cellules lues sont celles d'une lecture d'un seul tenant, et celles du lecteur d'avant
 * (test/xlsx/lecteurPrecedent.ts) sur les exemples, les classeurs que le projet écrit et les fichiers
 * de cas limites. Une dimension annoncée immense avec peu de cellules coûte ses cellules.
 */
import * as fs from "fs";
import * as path from "path";
import fc from "fast-check";
import * as zlib from "zlib";
import type { CellValue } from "../../src/workbook/port";
import {
  csvCellValue,
  decodeCsvBytes,
  detectSeparator,
  outputWorkbookBytes,
  parseCsvRecords,
  readCsvGrid,
  readSpreadsheetFile,
  usedRange,
} from "../../src/xlsx";
import { readXlsxValues, readXlsxValuesStreamed } from "../../src/xlsx/fastXlsx";
import { SheetScanner } from "../../src/xlsx/sheetScanner";
import { SharedStringsScanner } from "../../src/xlsx/stringsScanner";
import { ArchiveRefusee, SORTIE_OCTETS, ZipArchive, zlibNatif } from "../../src/xlsx/zip";
import { EXAMPLES } from "../cli/examples";
import { FEUILLE_XML, lignesXml, xlsxExcelJS, xlsxFaitMain, zipBrut } from "../corpus/fabrique";
import { removeDir, tempDir } from "./helpers";
import {
  chainesPrecedentes,
  champCsvPrecedent,
  feuillePrecedente,
  lecteurPrecedent,
} from "./lecteurPrecedent";
import { CLASSEURS_LIMITES } from "./sorties";

// JSZip comes with ExcelJS.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const JSZip = require("jszip");

let dir: string;
beforeAll(() => {
  dir = tempDir();
});
afterAll(() => removeDir(dir));

const NOW = new Date(Date.UTC(2024, 9, 15));

/** The bytes cut at the given positions. */
function morceaux(bytes: Buffer, coupures: readonly number[]): Buffer[] {
  const bornes = [0, ...coupures, bytes.length];
  return bornes.slice(1).map((fin, k) => bytes.subarray(bornes[k], fin));
}

/** Every way of cutting the bytes in two, and in pieces of 1 to 9 bytes. */
function decoupages(bytes: Buffer): Buffer[][] {
  const enDeux = Array.from({ length: bytes.length - 1 }, (_, k) => morceaux(bytes, [k + 1]));
  const reguliers = Array.from({ length: 9 }, (_, k) =>
    morceaux(
      bytes,
      Array.from({ length: Math.ceil(bytes.length / (k + 1)) - 1 }, (_, j) => (j + 1) * (k + 1)),
    ),
  );
  return [...enDeux, ...reguliers];
}

function lireFeuille(pieces: readonly Buffer[], strings: readonly string[], styles: boolean[] | null = null) {
  const scanner = new SheetScanner(strings, false, styles);
  for (const piece of pieces) scanner.push(piece);
  return scanner.finish();
}

function lireChaines(pieces: readonly Buffer[]): string[] {
  const scanner = new SharedStringsScanner();
  for (const piece of pieces) scanner.push(piece);
  return scanner.finish();
}

const CHAINES = ["UAI", "Lycée « Cœur » & <élèves>", "Effectif"];

/**
 * A sheet with every kind of cell, in the spellings generators use: prefixes, single quotes, tabs
 * between attributes, entities, two-, three- and four-byte characters, a comment, a hidden row, a
 * date style, a formula with and without a result, a cell with no reference.
 */
const FEUILLE = Buffer.from(
  `<?xml version="1.0" encoding="UTF-8"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:F6"/><sheetData>
<row r="1" spans="1:3"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" s="2" t="s"><v>2</v></c></row>
<row r="2" hidden="1"><c r="A2" t="inlineStr"><is><t>Éric &amp; Zoé — 12 €, 😀</t></is></c><c r="B2"><v>-12</v></c><c r="C2" s="1"><v>45537.5</v></c><c r="D2" t="str"><f>A2</f><v>a &lt; b ≤ c</v></c></row>
<!-- une note <c r="A9"><v>9</v></c> -->
<row r='3'><c	r='A3'	t='b'><v>1</v></c><c r="B3" t="e"><v>#N/A</v></c><c r="C3"><f>TODAY()</f></c><c><v>12,5</v></c><c r="F3" s="1"/></row>
<x:row r="5" xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:c r="B5" t="s"><x:v>1</x:v></x:c><x:c r="C5"><x:v>1.5E2</x:v></x:c></x:row>
<row r="6"><c r="A6" t="inlineStr"><is><r><t>Lycée </t></r><r><rPr><b/></rPr><t>Jean-Moulin</t></r></is></c><c r="B6" t="str"><v>ligne_x000D_
suite</v></c><c r="C6"></c><c r="D6"><v>007</v></c></row>
</sheetData><mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells></worksheet>`,
  "utf8",
);
const STYLES_DATE = [false, true, false];

describe("Lecture en flux d'une feuille : les coupures entre morceaux ne changent rien", () => {
  const entiere = lireFeuille([FEUILLE], CHAINES, STYLES_DATE);

  test("d'un seul tenant, les cellules du lecteur d'avant", () => {
    expect(entiere).toStrictEqual(feuillePrecedente(FEUILLE.toString("utf8"), CHAINES, STYLES_DATE));
    expect(entiere.grid[1]).toEqual(["Éric & Zoé — 12 €, 😀", -12, 45537.5, "a < b ≤ c"]);
    expect(entiere.hiddenRows).toEqual([1]);
    expect(entiere.dateCells).toEqual([1, 2]);
  });

  test.each([
    ["dans une balise", FEUILLE.indexOf('<row r="2"') + 5],
    ["dans un attribut", FEUILLE.indexOf('r="B2"') + 3],
    ["au milieu d'un « É » (2 octets)", FEUILLE.indexOf("Éric") + 1],
    ["au milieu d'un « € » (3 octets)", FEUILLE.indexOf("€") + 2],
    ["au milieu d'un emoji (4 octets)", FEUILLE.indexOf("😀") + 3],
    ["dans une entité (&amp;)", FEUILLE.indexOf("&amp;") + 2],
    ["dans une fin de cellule", FEUILLE.indexOf("</c>") + 2],
    ["dans un commentaire", FEUILLE.indexOf("une note") + 3],
    ["dans </sheetData>", FEUILLE.indexOf("</sheetData>") + 4],
  ])("coupure %s", (_, coupure) => {
    expect(lireFeuille(morceaux(FEUILLE, [coupure]), CHAINES, STYLES_DATE)).toStrictEqual(entiere);
  });

  test("toutes les coupures en deux, et des morceaux de 1 à 9 octets", () => {
    for (const pieces of decoupages(FEUILLE)) {
      expect(lireFeuille(pieces, CHAINES, STYLES_DATE)).toStrictEqual(entiere);
    }
  });

  test("une cellule de 3 Mo de texte, en morceaux de 64 Ko : lue entière", () => {
    const long = "é".repeat(1_500_000);
    const xml = Buffer.from(FEUILLE_XML(lignesXml([["UAI", long, 12]])));
    const pieces = morceaux(
      xml,
      Array.from({ length: Math.floor(xml.length / 65536) }, (_, k) => (k + 1) * 65536),
    );
    expect(lireFeuille(pieces, []).grid).toEqual([["UAI", long, 12]]);
  });

  test("une feuille coupée au milieu d'une cellule est refusée (le lecteur de secours prend la main)", () => {
    const coupee = FEUILLE.subarray(0, FEUILLE.indexOf('<c r="B3"') + 6);
    expect(() => lireFeuille([coupee], CHAINES)).toThrow("balise non fermée");
  });
});

const SST = Buffer.from(
  `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="7" uniqueCount="7">
<si><t>UAI</t></si><si><t xml:space="preserve"> Lycée « Cœur » &amp; &lt;élèves&gt; </t></si><si/><si><t>Ligne_x000D_
suite _x005F_x000D_</t></si><si><r><rPr><b/></rPr><t>Lycée </t></r><r><t>Jean-Moulin</t></r><rPh sb="0" eb="1"><t>ふりがな</t></rPh></si><si><t>12 € 😀</t></si><si><t/></si></sst>`,
  "utf8",
);

describe("Lecture en flux des chaînes partagées", () => {
  const entieres = lireChaines([SST]);

  test("d'un seul tenant, les chaînes du lecteur d'avant", () => {
    expect(entieres).toEqual(chainesPrecedentes(SST.toString("utf8")));
    expect(entieres).toEqual([
      "UAI",
      " Lycée « Cœur » & <élèves> ",
      "",
      "Ligne\r\nsuite _x000D_",
      "Lycée Jean-Moulin",
      "12 € 😀",
      "",
    ]);
  });

  test("une chaîne coupée dans son texte, son entité, un caractère de 4 octets : toutes les coupures", () => {
    expect(lireChaines(morceaux(SST, [SST.indexOf("Cœur") + 2]))).toEqual(entieres);
    expect(lireChaines(morceaux(SST, [SST.indexOf("&amp;") + 3]))).toEqual(entieres);
    expect(lireChaines(morceaux(SST, [SST.indexOf("😀") + 1]))).toEqual(entieres);
    for (const pieces of decoupages(SST)) expect(lireChaines(pieces)).toEqual(entieres);
  });
});

describe("Mêmes cellules que le lecteur d'avant, lecture en flux ou d'un seul tenant", () => {
  async function comparer(bytes: Buffer): Promise<void> {
    const avant = lecteurPrecedent(bytes);
    expect(readXlsxValues(bytes)).toStrictEqual(avant);
    expect(readXlsxValuesStreamed(bytes)).toStrictEqual(avant);
  }

  const exemples = [
    ...fs.readdirSync(EXAMPLES).map((f) => path.join(EXAMPLES, f)),
    ...fs.readdirSync(path.join(EXAMPLES, "bilans")).map((f) => path.join(EXAMPLES, "bilans", f)),
  ].filter((f) => f.endsWith(".xlsx"));

  test.each(exemples.map((f) => [path.relative(EXAMPLES, f), f]))("examples/%s", async (_, fichier) => {
    await comparer(fs.readFileSync(fichier));
  });

  test.each(CLASSEURS_LIMITES.map((c) => [c.nom, c]))("classeur écrit par le projet : %s", async (_, c) => {
    await comparer(await outputWorkbookBytes(c.sorties, NOW));
  });

  test("cas limites : nombres écrits en texte, dates, calendrier 1904, formules sans résultat, lignes masquées, feuilles masquées", async () => {
    await comparer(
      await xlsxExcelJS((wb) => {
        wb.properties.date1904 = true;
        const ws = wb.addWorksheet("Effectifs");
        ws.addRow(["UAI", "Code", "Effectif", "Date", "Formule"]);
        ws.addRow([
          "0750655E",
          "50022137",
          24,
          new Date(Date.UTC(2024, 8, 2)),
          { formula: "C2*2", result: 48 },
        ]);
        ws.addRow(["0750654D", 50022137, -0.5, null, { formula: "TODAY()" }]);
        ws.getRow(3).hidden = true;
        ws.getCell("G5").value = { richText: [{ text: "a" }, { text: "b", font: { bold: true } }] };
        const masquee = wb.addWorksheet("Copie");
        masquee.state = "hidden";
        masquee.getCell("B2").value = "brouillon";
      }),
    );
    await comparer(await xlsxFaitMain(FEUILLE.toString("utf8"), SST.toString("utf8")));
  });

  test("classeurs tirés au hasard (texte, nombres, erreurs, booléens, trous)", async () => {
    const cellule = fc.oneof(
      fc.constant(null),
      fc.integer({ min: -1e9, max: 1e9 }),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.string({ unit: "grapheme", maxLength: 12 }),
      fc.boolean(),
      fc.constantFrom({ error: "#N/A" }, { error: "#DIV/0!" }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(cellule, { maxLength: 6 }), { maxLength: 12 }), async (lignes) => {
        await comparer(
          await xlsxExcelJS((wb) => {
            const ws = wb.addWorksheet("F");
            lignes.forEach((ligne, r) =>
              ligne.forEach((v, c) => {
                if (v !== null) ws.getCell(r + 1, c + 1).value = v as never;
              }),
            );
          }),
        );
      }),
      { numRuns: 30 },
    );
  });
});

describe("Une dimension annoncée immense, peu de cellules : la mémoire suit les cellules", () => {
  test("A1:XFD1048576 annoncé, trois cellules : trois lignes lues, la dernière creuse", async () => {
    const xml = FEUILLE_XML(
      '<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c></row><row r="1048576"><c r="XFD1048576"><v>3</v></c></row>',
    ).replace("<sheetData>", '<dimension ref="A1:XFD1048576"/><sheetData>');
    const bytes = await xlsxFaitMain(xml);
    expect(bytes.length).toBeLessThan(2048);
    const [feuille] = readXlsxValues(bytes);
    const lignes: number[] = [];
    feuille.grid.forEach((_, r) => lignes.push(r));
    expect(lignes).toEqual([0, 1048575]);
    expect(Object.keys(feuille.grid[1048575])).toEqual(["16383"]);
    const fichier = path.join(dir, "dimension.xlsx");
    fs.writeFileSync(fichier, bytes);
    const { values } = (await readSpreadsheetFile(fichier)).sheets[0];
    expect(values).toHaveLength(1048576);
    // Every blank row between is one shared row.
    expect(values[1]).toBe(values[500_000]);
    expect(Object.keys(values[1048575])).toEqual(["16383"]);
  });

  test("une partie qui se décompresse au-delà de la taille annoncée est refusée en flux aussi", async () => {
    const feuille = FEUILLE_XML(lignesXml([["UAI", "é".repeat(5000)]]));
    const zip = await JSZip.loadAsync(await xlsxFaitMain(feuille));
    const brut = await Promise.all(
      Object.keys(zip.files)
        .filter((nom: string) => !zip.files[nom].dir)
        .map(async (nom: string) => {
          const texte: Buffer = await zip.file(nom).async("nodebuffer");
          return {
            nom,
            donnees: zlib.deflateRawSync(texte),
            // The sheet says it is 1 KB.
            tailleOriginale: nom.endsWith("sheet1.xml") ? 1024 : texte.length,
          };
        }),
    );
    const bytes = zipBrut(brut);
    expect(() => readXlsxValuesStreamed(bytes)).toThrow(
      new ArchiveRefusee("taille-fausse", "xl/worksheets/sheet1.xml"),
    );
  });
});

describe("Une partie décompressée dans un seul tampon, réécrit à chaque morceau", () => {
  /** An archive of one part, deflated, whose directory gives its true size. */
  function archive(contenu: Buffer, donnees = zlib.deflateRawSync(contenu)): ZipArchive {
    return new ZipArchive(zipBrut([{ nom: "partie", donnees, tailleOriginale: contenu.length }]));
  }

  /** The chunks `chunks` hands over, each copied as it comes (the next one overwrites it). */
  function morceauxLus(zip: ZipArchive): Buffer[] {
    const lus: Buffer[] = [];
    zip.chunks("partie", (morceau) => lus.push(Buffer.from(morceau)));
    return lus;
  }

  test.each([
    0,
    1,
    SORTIE_OCTETS - 1,
    SORTIE_OCTETS,
    SORTIE_OCTETS + 1,
    3 * SORTIE_OCTETS,
    5 * SORTIE_OCTETS + 17,
  ])("%i octets : les morceaux mis bout à bout redonnent la partie, aucun ne dépasse le tampon", (taille) => {
    const contenu = Buffer.from(Array.from({ length: taille }, (_, k) => (k * 7919) % 251));
    const lus = morceauxLus(archive(contenu));
    expect(Buffer.concat(lus).equals(contenu)).toBe(true);
    expect(lus.every((m) => m.length > 0 && m.length <= SORTIE_OCTETS)).toBe(true);
  });

  test("un flux tronqué ou abîmé est une erreur, jamais une partie lue à moitié", () => {
    const contenu = Buffer.from("<row>".repeat(50_000));
    const donnees = zlib.deflateRawSync(contenu);
    expect(() => morceauxLus(archive(contenu, donnees.subarray(0, donnees.length >> 1)))).toThrow(
      /unexpected end of file/,
    );
    const abime = Buffer.from(donnees);
    abime.fill(0xff, 0, 8);
    expect(() => morceauxLus(archive(contenu, abime))).toThrow();
  });

  test("sans la poignée native de zlib (une autre version de Node.js), mêmes morceaux par l'API publique", () => {
    const contenu = Buffer.from(Array.from({ length: 3 * SORTIE_OCTETS + 5 }, (_, k) => k % 253));
    const sansPoignee = jest.spyOn(zlibNatif, "ouvrir").mockReturnValue(null);
    try {
      expect(Buffer.concat(morceauxLus(archive(contenu))).equals(contenu)).toBe(true);
      expect(sansPoignee).toHaveBeenCalled();
    } finally {
      sansPoignee.mockRestore();
    }
  });

  test("une feuille de plusieurs tampons, des cellules à cheval et une cellule plus longue qu'un tampon : mêmes cellules", async () => {
    const lignes: CellValue[][] = [["UAI", "Nom", "Effectif", "Note"]];
    for (let k = 0; k < 4000; k++)
      lignes.push([`0750${String(k).padStart(3, "0")}E`, `Lycée n° ${k} « Cœur » & 😀`, k, k / 7]);
    lignes.push(["0750655E", "é".repeat(3 * SORTIE_OCTETS), 1, null]);
    lignes.push(["0750654D", "dernière", 2, -0.5]);
    const bytes = await xlsxFaitMain(FEUILLE_XML(lignesXml(lignes)));
    const [feuille] = readXlsxValuesStreamed(bytes);
    expect(feuille.grid).toStrictEqual(readXlsxValues(bytes)[0].grid);
    expect(feuille.grid).toHaveLength(lignes.length);
    expect(feuille.grid[4001]).toEqual(["0750655E", "é".repeat(3 * SORTIE_OCTETS), 1]);
    expect(feuille.grid[4002]).toEqual(["0750654D", "dernière", 2, -0.5]);
  });
});

describe("Lecture en flux d'un .csv", () => {
  const TEXTE = 'UAI;Nom;Effectif\r\n0750655E;"Lycée ""Arago"";\r\nParis";24\r0750654D;Henri-IV;-0\n;;\r\n';

  test('toutes les coupures du texte (dans un CRLF, un «  "" », un champ entre guillemets) : mêmes champs', () => {
    const entier = parseCsvRecords(TEXTE, ";");
    expect(entier).toEqual([
      ["UAI", "Nom", "Effectif"],
      ["0750655E", 'Lycée "Arago";\r\nParis', "24"],
      ["0750654D", "Henri-IV", "-0"],
      ["", "", ""],
    ]);
    for (let k = 1; k < TEXTE.length; k++) {
      expect([k, parseCsvRecords([TEXTE.slice(0, k), TEXTE.slice(k)], ";")]).toEqual([k, entier]);
    }
    expect(parseCsvRecords(TEXTE.split(""), ";")).toEqual(entier);
  });

  /**
   * A CSV longer than 1 Mo, the byte `coupe` its last byte before 1 Mo: the end of a block (of the
   * 64 Ko blocks the reader decodes, 1 Mo being 16 of them).
   */
  function csvAutourDuBloc(avant: string, coupe: string, apres: string): Buffer {
    const bloc = 1024 * 1024;
    const debut = Buffer.from(avant, "utf8");
    const bourrage = "x".repeat(bloc - debut.length - 1);
    return Buffer.from(`${avant}${bourrage}${coupe}${apres}`, "utf8");
  }

  test.each([
    ["un « é » (2 octets)", "é", "e;12\r\n"],
    ["un « € » (3 octets)", "€", ";12\r\n"],
    ["un CRLF", "\r", "\n0750654D;13\r\n"],
  ])("une fin de bloc au milieu d'%s : lu comme d'un seul tenant", (_, coupe, apres) => {
    const bytes = csvAutourDuBloc("UAI;Nom\r\n0750655E;", coupe, apres);
    const { text } = decodeCsvBytes(bytes);
    const attendu = parseCsvRecords(text, ";").map((r) => r.map((f) => csvCellValue(f, ";")));
    const lu = readCsvGrid(bytes);
    expect(lu.separator).toBe(detectSeparator(text));
    expect(usedRange(lu.values)).toEqual(usedRange(attendu));
  });

  test("l'avancement va jusqu'à la taille du fichier", () => {
    const vus: [number, number][] = [];
    const bytes = csvAutourDuBloc("UAI;Effectif\r\n", "1", "\r\n0750655E;24\r\n");
    readCsvGrid(bytes, "f.csv", (fait, total) => vus.push([fait, total]));
    // After each block of 64 Ko (16 up to 1 Mo), then the rest: the file's size.
    expect(vus).toEqual([
      ...Array.from({ length: 16 }, (_, k): [number, number] => [(k + 1) * 64 * 1024, bytes.length]),
      [bytes.length, bytes.length],
    ]);
  });

  test("la valeur d'un champ : celle du lecteur d'avant (entiers lus directement, le reste inchangé)", () => {
    const alphabet = fc.constantFrom(..."-+0123456789.,# eE%€'", "#N/A", "#VALEUR!", "1.234");
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 18 }), fc.constantFrom(";", ",", "\t"), (parts, sep) => {
        const champ = parts.join("");
        const nous = csvCellValue(champ, sep);
        const avant = champCsvPrecedent(champ, sep);
        // toEqual, and -0 kept apart from 0.
        expect([champ, nous]).toEqual([champ, avant]);
        if (typeof nous === "number") expect(Object.is(nous, avant)).toBe(true);
      }),
      { numRuns: 3000 },
    );
    for (const champ of ["0", "-0", "007", "123456789012345", "1234567890123456", " 12 ", "-", "12.5"]) {
      const nous: CellValue = csvCellValue(champ, ";");
      expect([champ, nous]).toEqual([champ, champCsvPrecedent(champ, ";")]);
      if (typeof nous === "number") expect(Object.is(nous, champCsvPrecedent(champ, ";"))).toBe(true);
    }
  });

  test("des .csv tirés au hasard (espaces, « # », guillemets, lettres, chiffres) : les cellules d'avant", () => {
    const morceau = fc.constantFrom(
      ...'ab Z9-0.,#\u00a0\u2009"é€',
      ";",
      "\r\n",
      "\n",
      "#N/A",
      "#nom?",
      "0750655E",
      "12",
      "-0",
      "007",
      "1,5",
      "1.234",
    );
    fc.assert(
      fc.property(fc.array(morceau, { maxLength: 40 }), (parties) => {
        const texte = "UAI;Effectif\r\n" + parties.join("");
        const bytes = Buffer.from(texte, "utf8");
        const sep = detectSeparator(texte);
        let attendu: CellValue[][];
        try {
          attendu = parseCsvRecords(texte, sep).map((r) => r.map((f) => champCsvPrecedent(f, sep)));
        } catch (erreur) {
          expect(() => readCsvGrid(bytes)).toThrow((erreur as Error).message);
          return;
        }
        expect(usedRange(readCsvGrid(bytes).values)).toEqual(usedRange(attendu));
      }),
      { numRuns: 2000 },
    );
  });

  test("exemple examples/effectifs-creteil.csv : mêmes cellules qu'une lecture d'un seul tenant", () => {
    const bytes = fs.readFileSync(path.join(EXAMPLES, "effectifs-creteil.csv"));
    const { text } = decodeCsvBytes(bytes);
    const sep = detectSeparator(text);
    const attendu = parseCsvRecords(text, sep).map((r) => r.map((f) => champCsvPrecedent(f, sep)));
    expect(usedRange(readCsvGrid(bytes).values)).toEqual(usedRange(attendu));
  });
});
