/**
 * Room made for a sheet's rows once its first chunk is read (src/xlsx/sheetScanner.ts
 * lignesPrevues): an estimate, bounded, that never changes the rows read — too high, too low, or
 * from a size the archive lies about. Expected values computed by hand.
 */
import type { CellValue } from "../../src/workbook/port";
import { EXCEL_LIGNES } from "../../src/xlsx/xmlText";
import { SheetScanner, lignesPrevues } from "../../src/xlsx/sheetScanner";
import { FEUILLE_XML, lignesXml } from "../corpus/fabrique";

/** A part cut into chunks of `taille` bytes, read with the part size the archive gives (`annonce`). */
function lire(xml: string, taille: number, annonce = Buffer.byteLength(xml)) {
  const bytes = Buffer.from(xml);
  const scanner = new SheetScanner([], false, null, annonce);
  for (let at = 0; at < bytes.length; at += taille) scanner.push(bytes.subarray(at, at + taille));
  return scanner.finish().grid;
}

const courtes = (n: number): CellValue[][] => Array.from({ length: n }, (_, i) => [i]);
const longues = (n: number): CellValue[][] => Array.from({ length: n }, (_, i) => ["x".repeat(2000), i]);

describe("Place faite aux lignes d'une feuille d'après son premier morceau", () => {
  test("estimation : les mêmes lignes par octet pour le reste, 5 % de plus", () => {
    // 100 rows in the first 10 000 of 1 000 000 bytes: 10 000 rows, 10 500 with the margin.
    expect(lignesPrevues(100, 10_000, 1_000_000)).toBe(10_500);
    // 1 000 rows in 64 Ko of a 3 Mo part: 3 145 728 / 65 536 × 1 000 × 1,05 = 50 400.
    expect(lignesPrevues(1_000, 65_536, 3 * 1024 * 1024)).toBe(50_400);
  });

  test("bornes : jamais plus que les octets ne peuvent tenir de lignes, ni que la dernière ligne d'Excel", () => {
    // 16 rows in 100 bytes (not a real row) of 2 700 bytes: at most 2 700 / 27 = 100 rows.
    expect(lignesPrevues(16, 100, 2_700)).toBe(100);
    // A directory claiming 500 Mo: Excel's last row, never more.
    expect(lignesPrevues(1_000, 65_536, 500 * 1024 * 1024)).toBe(EXCEL_LIGNES);
  });

  test("rien à prévoir : partie lue d'un coup, ou trop peu de lignes pour juger", () => {
    expect(lignesPrevues(5_000, 200_000, 200_000)).toBe(0);
    expect(lignesPrevues(15, 65_536, 10_000_000)).toBe(0);
    expect(lignesPrevues(0, 65_536, 10_000_000)).toBe(0);
  });

  test("estimation trop haute (lignes courtes puis longues) : les lignes lues, sans place en trop", () => {
    const lignes = [...courtes(300), ...longues(40)];
    const grid = lire(FEUILLE_XML(lignesXml(lignes)), 4096);
    expect(grid).toHaveLength(340);
    expect(grid[0]).toEqual([0]);
    expect(grid[299]).toEqual([299]);
    expect(grid[339]).toEqual(["x".repeat(2000), 39]);
  });

  test("estimation trop basse (lignes longues puis courtes) : toutes les lignes lues", () => {
    const lignes = [...longues(20), ...courtes(5_000)];
    const grid = lire(FEUILLE_XML(lignesXml(lignes)), 65_536);
    expect(grid).toHaveLength(5_020);
    expect(grid[19]).toEqual(["x".repeat(2000), 19]);
    expect(grid[5_019]).toEqual([4_999]);
  });

  test("taille annoncée mensongère (bien plus grande que la partie) : les lignes de la partie, rien de plus", () => {
    const lignes = courtes(200);
    const grid = lire(FEUILLE_XML(lignesXml(lignes)), 1024, 16 * 1024 * 1024);
    expect(grid).toHaveLength(200);
    expect(grid[199]).toEqual([199]);
  });

  test("lignes absentes (numéros sautés) : des trous, comme sans estimation", () => {
    const xml = FEUILLE_XML(
      Array.from(
        { length: 500 },
        (_, i) => `<row r="${2 * i + 1}"><c r="A${2 * i + 1}"><v>${i}</v></c></row>`,
      ).join(""),
    );
    const grid = lire(xml, 2048);
    expect(grid).toHaveLength(999);
    expect(grid[998]).toEqual([499]);
    expect(997 in grid).toBe(false);
    expect(grid.filter(() => true)).toHaveLength(500);
  });
});
