/**
 * Writing output sheets through the adapter, over the fake Excel of fakeExcel.ts: what is written
 * where, in which order, how many syncs, and the promises of design.md §5 (the user's cells are never
 * modified, a user sheet is never overwritten).
 */
import { ExcelWorkbook, OWNED_SHEETS_SETTING } from "../../src/excel";
import { INTERRUPTED_MESSAGE } from "../../src/excel/writing";
import { renderOutputGrid } from "../../src/workbook/memory";
import {
  AbortedError,
  type CellValue,
  type OutputColumn,
  type OutputSheet,
  type Row,
} from "../../src/workbook/port";
import { FakeExcel, PAYLOAD_LIMIT, type Operation } from "./fakeExcel";

const COLUMNS: OutputColumn[] = [
  { header: "UAI", format: "text", width: 10 },
  { header: "Établissement", format: "text" },
  { header: "Code formation", format: "text" },
  { header: "Effectif", format: "integer" },
  { header: "Taux de boursiers", format: "percent" },
  { header: "Dotation", format: "euros" },
  { header: "Explication", format: "text", width: 60 },
];

/** Row i: i élèves pré-bac au forfait 2024-2025 de 157 € (the amount is i × 157, an exact integer). */
function row(i: number): Row {
  return ["0750655E", `Lycée n° ${i}`, "50022137", i, 0.35, i * 157, `Pré-bac : ${i} élèves × 157 €`];
}

function output(rows: Row[], name = "Dotations ARE 2024-2025"): OutputSheet {
  return {
    name,
    heading: ["Dotations ARE 2024-2025", "Forfaits : 157 € (pré-bac), 56 € (3e prépa-métiers)"],
    columns: COLUMNS,
    rows,
    totals: ["Total", null, null, rows.length, null, 1234.5, null],
  };
}

const rows = (n: number) => Array.from({ length: n }, (_, i) => row(i + 1));

/** A grid without trailing blanks, to compare with the fake's. */
function trimmed(grid: CellValue[][]): CellValue[][] {
  const out = grid.map((r) => {
    const copy = [...r];
    while (copy.length > 0 && copy[copy.length - 1] === null) copy.pop();
    return copy;
  });
  while (out.length > 0 && out[out.length - 1].length === 0) out.pop();
  return out;
}

const ofKind = (excel: FakeExcel, kind: Operation["kind"], sheet: string) =>
  excel.operations.filter((o) => o.kind === kind && o.sheet === sheet);

describe("Écriture d'une feuille de résultats (writeSheet)", () => {
  const SHEET = "Dotations ARE 2024-2025";

  test("100 lignes : titre, en-tête, lignes et totaux à leur place, en 3 synchronisations", async () => {
    const excel = new FakeExcel();
    excel.addUserSheet("Paris", [["UAI"], ["0750655E"]]);
    const name = await new ExcelWorkbook(excel.run).writeSheet(output(rows(100)));
    expect(name).toBe(SHEET);
    expect(excel.syncs).toBe(3);
    // Rows 1-2: heading; 3: blank; 4: header; 5-104: rows; 105: totals.
    expect(excel.cell(SHEET, "A1")?.value).toBe("Dotations ARE 2024-2025");
    expect(excel.cell(SHEET, "A2")?.value).toBe("Forfaits : 157 € (pré-bac), 56 € (3e prépa-métiers)");
    expect(excel.cell(SHEET, "A3")).toBeUndefined();
    expect(excel.cell(SHEET, "B4")?.value).toBe("Établissement");
    expect(excel.cell(SHEET, "G4")?.value).toBe("Explication");
    expect(excel.cell(SHEET, "B5")?.value).toBe("Lycée n° 1");
    expect(excel.cell(SHEET, "F104")?.value).toBe(15700);
    expect(excel.cell(SHEET, "A105")?.value).toBe("Total");
    expect(excel.cell(SHEET, "D105")?.value).toBe(100);
    expect(excel.cell(SHEET, "F105")?.value).toBe(1234.5);
    expect(excel.cell(SHEET, "A106")).toBeUndefined();
    // The same layout as the in-memory workbook.
    expect(excel.grid(SHEET)).toEqual(trimmed(renderOutputGrid(output(rows(100)))));
    expect(excel.operations.filter((o) => o.kind === "values").map((o) => o.address)).toEqual([
      "A1:A2",
      "A4:G4",
      "A5:G104",
      "A105:G105",
    ]);
  });

  test("formats : euros, pourcentage, entier, texte ; totaux au format de leur colonne", async () => {
    const excel = new FakeExcel();
    await new ExcelWorkbook(excel.run).writeSheet(output(rows(100)));
    expect(excel.cell(SHEET, "A5")?.numberFormat).toBe("@");
    expect(excel.cell(SHEET, "D5")?.numberFormat).toBe("#,##0");
    expect(excel.cell(SHEET, "E5")?.numberFormat).toBe("0.00 %");
    expect(excel.cell(SHEET, "F5")?.numberFormat).toBe('#,##0.00 "€"');
    expect(excel.cell(SHEET, "F105")?.numberFormat).toBe('#,##0.00 "€"');
    expect(excel.cell(SHEET, "D105")?.numberFormat).toBe("#,##0");
  });

  test("le format texte est posé avant les valeurs, pour chaque plage écrite", async () => {
    const excel = new FakeExcel();
    await new ExcelWorkbook(excel.run).writeSheet(output(rows(100)));
    const ops = excel.operations;
    const writes = ops.filter((o) => o.kind === "values");
    expect(writes.length).toBeGreaterThan(0);
    for (const write of writes) {
      const format = ops.findIndex((o) => o.kind === "numberFormat" && o.address === write.address);
      expect(format).toBeGreaterThanOrEqual(0);
      expect(format).toBeLessThan(ops.indexOf(write));
    }
  });

  test("un texte qui ressemble à une formule reste du texte inerte, un code garde son zéro initial", async () => {
    const excel = new FakeExcel();
    const piégées: Row[] = [
      ["0750655E", "=1+1", "01022101", 12, 0.35, 1884, "+33 1 44 32 05 00"],
      ["0750654D", "@SOMME(A1:A9)", "50022137", 3, 0.2, "-", "-5 élèves : effectif négatif corrigé"],
      ["0750654D", '=HYPERLINK("http://exemple.invalid";"clic")', "50022137", 3, 0.2, "—", "=A1"],
    ];
    await new ExcelWorkbook(excel.run).writeSheet(output(piégées));
    const texts: [string, string][] = [
      ["B5", "=1+1"],
      ["G5", "+33 1 44 32 05 00"],
      ["B6", "@SOMME(A1:A9)"],
      ["F6", "-"],
      ["G6", "-5 élèves : effectif négatif corrigé"],
      ["B7", '=HYPERLINK("http://exemple.invalid";"clic")'],
      ["F7", "—"],
      ["G7", "=A1"],
      ["C5", "01022101"],
    ];
    for (const [at, text] of texts) {
      expect({ at, ...excel.cell(SHEET, at) }).toMatchObject({ at, value: text, type: "String" });
      expect(excel.cell(SHEET, at)?.formula).toBeUndefined();
    }
    expect(excel.cell(SHEET, "F5")).toMatchObject({ value: 1884, type: "Double" });
  });

  test("tableau Excel sur l'en-tête et les lignes, en-tête gras et figé, largeurs, feuille activée", async () => {
    const excel = new FakeExcel();
    excel.addUserSheet("Paris", [["UAI"]]);
    await new ExcelWorkbook(excel.run).writeSheet(output(rows(100)));
    const sheet = excel.sheet(SHEET)!;
    expect(sheet.tables.map((t) => t.area)).toEqual([
      { rowIndex: 3, columnIndex: 0, rowCount: 101, columnCount: 7 },
    ]);
    expect(ofKind(excel, "bold", SHEET).map((o) => o.address)).toEqual(
      expect.arrayContaining(["A4:G4", "A105:G105"]),
    );
    expect(excel.cell(SHEET, "C4")?.bold).toBe(true);
    expect(excel.cell(SHEET, "C4")?.wrapText).toBe(true);
    expect(sheet.frozenRows).toBe(4);
    expect([...sheet.columnWidths.keys()].sort()).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(sheet.columnWidths.get(6)).toBe(350);
    expect(excel.activeSheetId).toBe(sheet.id);
  });

  test("prête à imprimer (ExcelApi 1.9) : paysage au-delà de 6 colonnes, ligne d'en-tête répétée, sans synchronisation de plus", async () => {
    const excel = new FakeExcel();
    await new ExcelWorkbook(excel.run, true).writeSheet(output(rows(100)));
    expect(ofKind(excel, "orientation", SHEET).map((o) => [o.batch, o.value])).toEqual([[2, "Landscape"]]);
    expect(ofKind(excel, "printTitleRows", SHEET).map((o) => o.value)).toEqual(["$4:$4"]);
    expect(excel.syncs).toBe(3);
    const etroite = { ...output(rows(3), "Constats"), columns: COLUMNS.slice(0, 6), totals: null };
    await new ExcelWorkbook(excel.run, true).writeSheet({
      ...etroite,
      rows: etroite.rows.map((r) => r.slice(0, 6)),
    });
    expect(ofKind(excel, "orientation", "Constats").map((o) => o.value)).toEqual(["Portrait"]);
  });

  test("sans ExcelApi 1.9, la mise en page est laissée à Excel", async () => {
    const excel = new FakeExcel();
    await new ExcelWorkbook(excel.run, false).writeSheet(output(rows(10)));
    expect(ofKind(excel, "orientation", SHEET)).toEqual([]);
    expect(ofKind(excel, "printTitleRows", SHEET)).toEqual([]);
  });

  test("la feuille créée est marquée comme appartenant au complément (identifiant dans les réglages)", async () => {
    const excel = new FakeExcel();
    excel.addUserSheet("Paris", [["UAI"]]);
    const workbook = new ExcelWorkbook(excel.run);
    await workbook.writeSheet(output(rows(3)));
    expect(JSON.parse(String(excel.settings.get(OWNED_SHEETS_SETTING)))).toEqual([excel.sheet(SHEET)!.id]);
    expect(await workbook.listSheets()).toEqual([
      { name: "Paris", owned: false },
      { name: SHEET, owned: true },
    ]);
  });

  test("les cellules de l'utilisateur ne sont jamais modifiées", async () => {
    const excel = new FakeExcel();
    excel.addUserSheet("Paris", [
      ["UAI", "Effectif"],
      ["0750655E", 24],
    ]);
    const before = excel.grid("Paris");
    await new ExcelWorkbook(excel.run).writeSheet(output(rows(100)));
    expect(excel.grid("Paris")).toEqual(before);
    expect(excel.operations.filter((o) => o.sheet === "Paris")).toEqual([]);
  });

  test("une feuille de l'utilisateur du même nom n'est jamais écrasée : la sortie va dans « … (2) »", async () => {
    const excel = new FakeExcel();
    excel.addUserSheet(SHEET, [["Mes notes", 42]]);
    const workbook = new ExcelWorkbook(excel.run);
    const name = await workbook.writeSheet(output(rows(10)));
    expect(name).toBe(`${SHEET} (2)`);
    expect(excel.grid(SHEET)).toEqual([["Mes notes", 42]]);
    expect(excel.operations.filter((o) => o.sheet === SHEET)).toEqual([]);
    // Re-running replaces the add-in's « (2) », still not the user's sheet.
    expect(await workbook.writeSheet(output(rows(5)))).toBe(`${SHEET} (2)`);
    expect(excel.grid(SHEET)).toEqual([["Mes notes", 42]]);
    expect(excel.sheets.map((s) => s.name)).toEqual([SHEET, `${SHEET} (2)`]);
  });

  test("relancer remplace sur place la feuille créée par le complément, sans reste de l'ancienne", async () => {
    const excel = new FakeExcel();
    excel.addUserSheet("Paris", [["UAI"]]);
    const workbook = new ExcelWorkbook(excel.run);
    await workbook.writeSheet(output(rows(100)));
    const id = excel.sheet(SHEET)!.id;
    const syncsBefore = excel.syncs;
    const shorter = output(rows(10));
    expect(await workbook.writeSheet(shorter)).toBe(SHEET);
    expect(excel.syncs - syncsBefore).toBe(3);
    // The same sheet (formulas of the user pointing to it stay valid), holding only the new output.
    expect(excel.sheet(SHEET)!.id).toBe(id);
    expect(excel.sheets).toHaveLength(2);
    expect(excel.grid(SHEET)).toEqual(trimmed(renderOutputGrid(shorter)));
    expect(excel.sheet(SHEET)!.tables.map((t) => t.area)).toEqual([
      { rowIndex: 3, columnIndex: 0, rowCount: 11, columnCount: 7 },
    ]);
    expect(ofKind(excel, "deleteTable", SHEET)).toHaveLength(1);
    expect(JSON.parse(String(excel.settings.get(OWNED_SHEETS_SETTING)))).toEqual([id]);
  });

  test("une feuille du complément renommée par l'utilisateur reste la sienne ; le nom libéré sert à la suivante", async () => {
    const excel = new FakeExcel();
    const workbook = new ExcelWorkbook(excel.run);
    excel.addUserSheet("Paris", [["UAI"]]);
    await workbook.writeSheet(output(rows(3)));
    excel.sheet(SHEET)!.name = "Dotations de septembre";
    expect(await workbook.writeSheet(output(rows(3)))).toBe(SHEET);
    expect(await workbook.listSheets()).toEqual([
      { name: "Paris", owned: false },
      { name: "Dotations de septembre", owned: true },
      { name: SHEET, owned: true },
    ]);
  });

  test("12 000 lignes s'écrivent en 3 lots : 2 + 3 synchronisations, une par lot", async () => {
    const excel = new FakeExcel();
    const big = output(rows(12000));
    const progress: [number, number][] = [];
    await new ExcelWorkbook(excel.run).writeSheet(big, {
      onProgress: (done, total) => progress.push([done, total]),
    });
    expect(excel.syncs).toBe(2 + 3);
    const dataWrites = excel.operations.filter(
      (o) => o.kind === "values" && o.address.startsWith("A") && o.address !== "A1:A2",
    );
    expect(dataWrites.map((o) => [o.batch, o.address])).toEqual([
      [2, "A4:G4"],
      [2, "A5:G5004"],
      [3, "A5005:G10004"],
      [4, "A10005:G12004"],
      [4, "A12005:G12005"],
    ]);
    expect(progress).toEqual([
      [5000, 12000],
      [10000, 12000],
      [12000, 12000],
    ]);
    expect(Math.max(...excel.batchBytes)).toBeLessThan(PAYLOAD_LIMIT);
    expect(excel.grid(SHEET)).toEqual(trimmed(renderOutputGrid(big)));
    expect(excel.sheet(SHEET)!.tables[0].area.rowCount).toBe(12001);
  });

  test("des explications longues s'écrivent en lots plus petits, aucun au-dessus de 5 Mo", async () => {
    const excel = new FakeExcel();
    const explication = "Pré-bac : 230 élèves × 151 € = 34 730,00 € (arrêté n° 2023-087). ".repeat(12);
    const long = output(rows(6000).map((r) => [...r.slice(0, 6), explication]));
    await new ExcelWorkbook(excel.run).writeSheet(long);
    expect(excel.syncs).toBeGreaterThan(2 + 2);
    expect(Math.max(...excel.batchBytes)).toBeLessThan(PAYLOAD_LIMIT);
    expect(excel.grid(SHEET)).toEqual(trimmed(renderOutputGrid(long)));
  });

  test("annulée entre deux lots, une nouvelle feuille est retirée et AbortedError est levée", async () => {
    const excel = new FakeExcel();
    excel.addUserSheet("Paris", [["UAI"]]);
    const signal = { aborted: false };
    const écriture = new ExcelWorkbook(excel.run).writeSheet(output(rows(12000)), {
      signal,
      onProgress: () => (signal.aborted = true),
    });
    await expect(écriture).rejects.toBeInstanceOf(AbortedError);
    expect(excel.sheet(SHEET)).toBeUndefined();
    expect(excel.sheets.map((s) => s.name)).toEqual(["Paris"]);
    // 2 to prepare, 1 chunk, 1 to remove the sheet.
    expect(excel.syncs).toBe(4);
  });

  test("annulée pendant un remplacement, la feuille du complément dit qu'elle est incomplète", async () => {
    const excel = new FakeExcel();
    const workbook = new ExcelWorkbook(excel.run);
    await workbook.writeSheet(output(rows(10)));
    const signal = { aborted: false };
    await expect(
      workbook.writeSheet(output(rows(12000)), { signal, onProgress: () => (signal.aborted = true) }),
    ).rejects.toBeInstanceOf(AbortedError);
    expect(excel.grid(SHEET)).toEqual([[INTERRUPTED_MESSAGE]]);
    expect(excel.sheet(SHEET)!.tables).toEqual([]);
  });

  test("une ligne plus large que les colonnes est refusée avant toute écriture", async () => {
    const excel = new FakeExcel();
    const bad = output([[...row(1), "en trop"]]);
    await expect(new ExcelWorkbook(excel.run).writeSheet(bad)).rejects.toThrow(
      "Feuille « Dotations ARE 2024-2025 » : la ligne 1 a 8 valeurs pour 7 colonnes.",
    );
    expect(excel.syncs).toBe(0);
    expect(excel.operations).toEqual([]);
  });

  test("une sortie sans ligne : en-tête et totaux, sans tableau, en 3 synchronisations", async () => {
    const excel = new FakeExcel();
    await new ExcelWorkbook(excel.run).writeSheet({ ...output([]), heading: [] });
    expect(excel.syncs).toBe(3);
    expect(excel.grid(SHEET)).toEqual([COLUMNS.map((c) => c.header), ["Total", null, null, 0, null, 1234.5]]);
    expect(excel.sheet(SHEET)!.tables).toEqual([]);
    expect(excel.sheet(SHEET)!.frozenRows).toBe(1);
  });

  test("un nom refusé par Excel est corrigé (deux-points, barre oblique)", async () => {
    const excel = new FakeExcel();
    const name = await new ExcelWorkbook(excel.run).writeSheet(
      output(rows(2), "Contrôle ARE: Paris/Créteil"),
    );
    expect(name).toBe("Contrôle ARE- Paris-Créteil");
    expect(excel.sheet(name)).toBeDefined();
  });
});
