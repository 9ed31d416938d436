/**
 * Propriétés des lecteurs de fichiers (src/xlsx) : un CSV écrit selon la RFC 4180 se relit champ pour
 * champ, quel que soit son contenu (séparateurs, guillemets, retours à la ligne, unicode) ; son
 * encodage (UTF-8 avec ou sans BOM, UTF-16 avec BOM, Windows-1252) est reconnu ; le séparateur d'un
 * tableau est deviné ; et le lecteur rapide des .xlsx rend les mêmes cellules qu'ExcelJS sur des
 * classeurs tirés au hasard.
 */
import ExcelJS from "exceljs";
import fc from "fast-check";
import type { CellValue } from "../../src/workbook/port";
import {
  decodeCsvBytes,
  detectSeparator,
  parseCsvRecords,
  readXlsxWithExcelJS,
  usedRange,
  type CsvSeparator,
} from "../../src/xlsx";
import { readXlsxValues } from "../../src/xlsx/fastXlsx";

const separateur = fc.constantFrom<CsvSeparator>(";", ",", "\t");
const finDeLigne = fc.constantFrom("\r\n", "\n");

/** A field as RFC 4180 writes it: quoted when it holds a separator, a quote, a line end or edge spaces. */
function champ(texte: string): string {
  return /[;,\t"\r\n]|^\s|\s$/.test(texte) ? `"${texte.replace(/"/g, '""')}"` : texte;
}

const champs = fc.oneof(
  fc.string({ maxLength: 10 }),
  fc.string({ unit: "grapheme", maxLength: 10 }),
  fc.constantFrom('"', '""', ";", ",", "\t", "\r\n", "\n", " x ", "=1+1", "1 234,5", "é€œ"),
);

/** Records of at least one field; a record of one empty field is a blank line, not written. */
const enregistrements = fc.array(
  fc.array(champs, { minLength: 1, maxLength: 6 }).filter((r) => !(r.length === 1 && r[0] === "")),
  { maxLength: 12 },
);

describe("CSV : relecture de ce qu'un tableur écrit", () => {
  test("tout enregistrement écrit selon la RFC 4180 se relit champ pour champ (séparateur ; , ou tabulation, CRLF ou LF)", () => {
    fc.assert(
      fc.property(enregistrements, separateur, finDeLigne, fc.boolean(), (records, sep, eol, finale) => {
        const texte =
          records.map((r) => r.map(champ).join(sep)).join(eol) + (finale && records.length > 0 ? eol : "");
        expect(parseCsvRecords(texte, sep)).toEqual(records);
      }),
      { numRuns: 300 },
    );
  });

  test("l'encodage est reconnu : UTF-8 avec ou sans BOM, UTF-16 LE et BE avec BOM, Windows-1252", () => {
    // Letters that Windows-1252 writes as one byte ≥ 0xC0: such a byte followed by ASCII is never
    // valid UTF-8, which is how the reader tells the two apart.
    const lettres = fc.constantFrom(...'abcdeé èàçôÉù;,"\n0123456789');
    const textes = fc.array(lettres, { maxLength: 60 }).map((l) => l.join(""));
    fc.assert(
      fc.property(textes, (texte) => {
        const utf8 = Buffer.from(texte, "utf8");
        expect(decodeCsvBytes(utf8)).toEqual({ text: texte, encoding: "utf-8" });
        expect(decodeCsvBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8])).text).toBe(texte);
        const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(texte, "utf16le")]);
        expect(decodeCsvBytes(le)).toEqual({ text: texte, encoding: "utf-16le" });
        const be = Buffer.from(le);
        be[0] = 0xfe;
        be[1] = 0xff;
        for (let i = 2; i + 1 < be.length; i += 2) [be[i], be[i + 1]] = [be[i + 1], be[i]];
        expect(decodeCsvBytes(be)).toEqual({ text: texte, encoding: "utf-16be" });
        const cp1252 = Buffer.from(texte, "latin1");
        const attendu = [...texte].some((c) => c.charCodeAt(0) > 0x7f) ? "windows-1252" : "utf-8";
        expect(decodeCsvBytes(cp1252)).toEqual({ text: texte, encoding: attendu });
      }),
      { numRuns: 200 },
    );
  });

  test("le séparateur d'un tableau (au moins deux colonnes, deux lignes) est deviné", () => {
    const simple = fc.stringMatching(/^[A-Za-z0-9 éè'.-]{0,8}$/);
    fc.assert(
      fc.property(
        fc
          .integer({ min: 2, max: 8 })
          .chain((n) =>
            fc.array(fc.array(simple, { minLength: n, maxLength: n }), { minLength: 2, maxLength: 10 }),
          ),
        separateur,
        (records, sep) => {
          const texte = records.map((r) => r.join(sep)).join("\r\n");
          expect(detectSeparator(texte)).toBe(sep);
        },
      ),
      { numRuns: 200 },
    );
  });
});

// —— .xlsx: the fast reader against ExcelJS ——

const valeurXlsx: fc.Arbitrary<CellValue> = fc.oneof(
  { arbitrary: fc.constant(null), weight: 3 },
  { arbitrary: fc.string({ maxLength: 12 }).filter((s) => s !== ""), weight: 3 },
  { arbitrary: fc.string({ unit: "grapheme", minLength: 1, maxLength: 8 }), weight: 1 },
  {
    arbitrary: fc.constantFrom<CellValue>(
      "<b>&amp;</b>",
      "  espaces  ",
      "ligne 1\nligne 2",
      "_x000D_",
      '=HYPERLINK("x")',
      "0750655E",
      "01022101",
      "\u00a0",
    ),
    weight: 2,
  },
  { arbitrary: fc.integer({ min: -1_000_000, max: 1_000_000 }), weight: 3 },
  { arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 }), weight: 2 },
  { arbitrary: fc.boolean(), weight: 1 },
  {
    arbitrary: fc.constantFrom("#N/A", "#VALUE!", "#REF!", "#DIV/0!").map((error): CellValue => ({ error })),
    weight: 1,
  },
);

const classeurXlsx = fc.array(
  fc.record({
    nom: fc.stringMatching(/^[A-Za-z0-9 é]{1,20}$/).filter((n) => n.trim() === n && n !== ""),
    lignes: fc.array(fc.array(valeurXlsx, { maxLength: 7 }), { maxLength: 15 }),
    decalage: fc.tuple(fc.nat(3), fc.nat(3)),
  }),
  { minLength: 1, maxLength: 3 },
);

function classeurDe(modele: { nom: string; lignes: CellValue[][]; decalage: [number, number] }[]) {
  const workbook = new ExcelJS.Workbook();
  const vus = new Set<string>();
  for (const { nom, lignes, decalage } of modele) {
    if (vus.has(nom.toLowerCase())) continue;
    vus.add(nom.toLowerCase());
    const ws = workbook.addWorksheet(nom);
    lignes.forEach((row, r) =>
      row.forEach((value, c) => {
        if (value !== null)
          ws.getCell(r + 1 + decalage[0], c + 1 + decalage[1]).value = value as ExcelJS.CellValue;
      }),
    );
  }
  return workbook;
}

describe("Lecteur rapide des .xlsx : mêmes cellules qu'ExcelJS sur des classeurs tirés au hasard", () => {
  test("texte (caractères XML, unicode, retours à la ligne, _xHHHH_), nombres, booléens, erreurs, vides, décalages, plusieurs feuilles", async () => {
    await fc.assert(
      fc.asyncProperty(classeurXlsx, async (modele) => {
        const workbook = classeurDe(modele);
        const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
        const rapide = readXlsxValues(bytes).map(({ name, hidden, grid }) => ({
          name,
          hidden,
          ...usedRange(grid),
        }));
        const excel = (await readXlsxWithExcelJS(bytes, "f.xlsx", "f.xlsx")).sheets.map(
          ({ name, hidden, values, rowOffset, columnOffset }) => ({
            name,
            hidden,
            values,
            rowOffset,
            columnOffset,
          }),
        );
        expect(rapide).toEqual(excel);
      }),
      { numRuns: 40 },
    );
    // Each run writes and reads real workbooks through ExcelJS: seconds on a loaded 2-core machine, not a
    // timing claim (design.md §7: speed is measured by npm run bench).
  }, 60_000);
});
