import {
  appendRowsFromExcel,
  cellFromExcel,
  cellNumberFormat,
  cellToExcel,
  NUMBER_FORMATS,
  rowsToExcel,
} from "../../src/excel/cells";
import { MAX_BYTES_PER_WRITE_CHUNK, readChunks, writeChunks } from "../../src/excel/chunks";
import { excelSheetName, parseOwnedIds, serializeOwnedIds } from "../../src/excel/ownership";
import { columnWidthPoints } from "../../src/excel/writing";
import type { CellValue, Row } from "../../src/workbook/port";

describe("Lecture des valeurs Office.js (values + valueTypes)", () => {
  test("une erreur Excel #N/A est lue comme erreur, le texte « #N/A » reste du texte", () => {
    expect(cellFromExcel("#N/A", "Error")).toEqual({ error: "#N/A" });
    expect(cellFromExcel("#N/A", "String")).toBe("#N/A");
    expect(cellFromExcel("#REF!", "Error")).toEqual({ error: "#REF!" });
  });

  test("nombres, textes et booléens sont gardés ; les cellules vides deviennent null", () => {
    expect(cellFromExcel(151, "Double")).toBe(151);
    expect(cellFromExcel(24, "Integer")).toBe(24);
    expect(cellFromExcel("0750655E", "String")).toBe("0750655E");
    expect(cellFromExcel(true, "Boolean")).toBe(true);
    expect(cellFromExcel("", "Empty")).toBeNull();
    expect(cellFromExcel("", "String")).toBeNull();
  });

  test("une valeur riche (type de données lié) sans valeur simple est lue comme vide", () => {
    expect(cellFromExcel({ type: "Entity" }, "RichValue")).toBeNull();
  });

  test("un bloc de lignes est converti cellule par cellule", () => {
    const rows: CellValue[][] = [];
    appendRowsFromExcel(
      rows,
      [
        ["0750655E", 24, "#N/A"],
        ["", "#N/A", false],
      ],
      [
        ["String", "Double", "String"],
        ["Empty", "Error", "Boolean"],
      ],
    );
    expect(rows).toEqual([
      ["0750655E", 24, "#N/A"],
      [null, { error: "#N/A" }, false],
    ]);
  });
});

describe("Formats et valeurs écrits", () => {
  test("un texte de plus de 32 767 caractères est coupé (limite d'Excel), comme dans le fichier .xlsx", () => {
    const written = cellToExcel("A".repeat(40000));
    expect(typeof written === "string" && written.length).toBe(32767);
    expect(String(written).endsWith("…")).toBe(true);
    expect(cellToExcel("court")).toBe("court");
  });

  test("formats Excel : euros, pourcentage, entier, texte", () => {
    expect(NUMBER_FORMATS.euros).toBe('#,##0.00 "€"');
    expect(NUMBER_FORMATS.percent).toBe("0.00 %");
    expect(NUMBER_FORMATS.integer).toBe("#,##0");
    expect(NUMBER_FORMATS.text).toBe("@");
  });

  test("toute cellule d'une colonne texte et toute chaîne d'une autre colonne reçoivent le format texte", () => {
    expect(cellNumberFormat(34730, "text")).toBe("@");
    expect(cellNumberFormat("—", "euros")).toBe("@");
    expect(cellNumberFormat("-", "integer")).toBe("@");
    expect(cellNumberFormat(34730, "euros")).toBe('#,##0.00 "€"');
    expect(cellNumberFormat(null, "euros")).toBe('#,##0.00 "€"');
  });

  test("vide → chaîne vide, erreur → son texte, lignes courtes complétées", () => {
    const block = rowsToExcel([["0750655E", 151], [null]], ["text", "euros"]);
    expect(block.values).toEqual([
      ["0750655E", 151],
      ["", ""],
    ]);
    expect(block.numberFormat).toEqual([
      ["@", '#,##0.00 "€"'],
      ["@", '#,##0.00 "€"'],
    ]);
    expect(rowsToExcel([[{ error: "#N/A" }]], ["euros"]).values).toEqual([["#N/A"]]);
  });

  test("largeur de colonne en points : 5,7 points par caractère + 8 ; sans largeur donnée, celle de l'en-tête", () => {
    expect(columnWidthPoints({ header: "Explication", format: "text", width: 60 })).toBe(350);
    // A width given is kept: 12 × 5,7 + 8 = 76,4 → 76 (the header wraps).
    expect(columnWidthPoints({ header: "Effectif 3ème prépa-métiers", format: "integer", width: 12 })).toBe(
      76,
    );
    // "Dotation nette pré-bac" : 22 caractères + 2 → 24 × 5,7 + 8 = 144,8 → 145.
    expect(columnWidthPoints({ header: "Dotation nette pré-bac", format: "euros" })).toBe(145);
  });
});

describe("Découpage en lots (5 Mo par requête sur Excel pour le web)", () => {
  test("12 000 lignes de 8 colonnes se lisent en 3 lots : 5 000, 5 000, 2 000", () => {
    expect(readChunks(12000, 8)).toEqual([
      { start: 0, count: 5000 },
      { start: 5000, count: 5000 },
      { start: 10000, count: 2000 },
    ]);
  });

  test("une feuille très large se lit en lots de 50 000 cellules au plus", () => {
    const chunks = readChunks(1000, 300);
    expect(chunks[0]).toEqual({ start: 0, count: 166 });
    expect(chunks).toHaveLength(7);
    expect(chunks.reduce((n, c) => n + c.count, 0)).toBe(1000);
  });

  test("une feuille vide ne demande aucun lot", () => {
    expect(readChunks(0, 5)).toEqual([]);
  });

  test("à l'écriture, 12 000 lignes courtes font 3 lots ; une sortie vide fait un lot vide", () => {
    const rows: Row[] = Array.from({ length: 12000 }, (_, i) => ["0750655E", i, 151]);
    const lengths = [1, 5, 12];
    expect(writeChunks(rows, lengths).map((c) => c.count)).toEqual([5000, 5000, 2000]);
    expect(writeChunks([], lengths)).toEqual([{ start: 0, count: 0 }]);
  });

  test("à l'écriture, des textes longs font des lots plus petits, chacun sous le budget", () => {
    const explication = "Pré-bac : 230 élèves × 151 € = 34 730,00 € (arrêté n° 2023-087). ".repeat(8);
    const rows: Row[] = Array.from({ length: 6000 }, (_, i) => ["0750655E", i, explication]);
    const chunks = writeChunks(rows, [1, 5, 1]);
    expect(chunks.length).toBeGreaterThan(2);
    expect(chunks.reduce((n, c) => n + c.count, 0)).toBe(6000);
    for (const chunk of chunks) {
      const json = JSON.stringify(rows.slice(chunk.start, chunk.start + chunk.count));
      expect(json.length).toBeLessThan(MAX_BYTES_PER_WRITE_CHUNK);
    }
  });
});

describe("Feuilles créées par le complément", () => {
  test("la liste des identifiants se relit ; un réglage illisible ne marque aucune feuille", () => {
    expect(parseOwnedIds(serializeOwnedIds(["{A}", "{B}", "{A}"]))).toEqual(["{A}", "{B}"]);
    expect(parseOwnedIds("pas du JSON")).toEqual([]);
    expect(parseOwnedIds('{"a": 1}')).toEqual([]);
    expect(parseOwnedIds(["{A}", 3])).toEqual(["{A}"]);
  });

  test("un nom de feuille est rendu acceptable par Excel", () => {
    expect(excelSheetName("Contrôle ARE: Paris/Créteil")).toBe("Contrôle ARE- Paris-Créteil");
    expect(excelSheetName("'Dotations'")).toBe("Dotations");
    expect(excelSheetName("[]")).toBe("--");
    expect(excelSheetName("  ")).toBe("ARE");
  });
});
