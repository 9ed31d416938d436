/**
 * Reading sheets through the adapter, over the fake Excel of fakeExcel.ts (office-addin-mock for the
 * loaded properties, hand-made proxies for per-chunk data), counting syncs.
 */
import { ExcelWorkbook } from "../../src/excel";
import { AbortedError } from "../../src/workbook/port";
import { FakeExcel, PAYLOAD_LIMIT, type Seed } from "./fakeExcel";

/** An effectif sheet as a rectorat sends it, pasted at C5. */
const PARIS: Seed[][] = [
  ["UAI", "Code formation", "Effectif", "Apprenti"],
  ["0750655E", "50022137", 24, false],
  ["0750654D", { error: "#N/A" }, "#N/A", true],
  [null, "40025214", null, null],
];

describe("Lecture d'une feuille (readSheet)", () => {
  test("la plage utilisée commençant en C5 est lue avec ses décalages, en 3 synchronisations", async () => {
    const excel = new FakeExcel();
    excel.addUserSheet("Paris", PARIS, "C5");
    const data = await new ExcelWorkbook(excel.run).readSheet("paris");
    expect(data.name).toBe("Paris");
    expect(data.rowOffset).toBe(4);
    expect(data.columnOffset).toBe(2);
    expect(data.values).toEqual([
      ["UAI", "Code formation", "Effectif", "Apprenti"],
      ["0750655E", "50022137", 24, false],
      ["0750654D", { error: "#N/A" }, "#N/A", true],
      [null, "40025214", null, null],
    ]);
    // Existence of the sheet, its used range, then one chunk.
    expect(excel.syncs).toBe(3);
    expect(excel.rangesRequested.map((r) => r.area)).toEqual([
      { rowIndex: 4, columnIndex: 2, rowCount: 4, columnCount: 4 },
    ]);
  });

  test("une erreur Excel #N/A est distinguée du texte « #N/A » tapé dans une cellule", async () => {
    const excel = new FakeExcel();
    excel.addUserSheet("Paris", PARIS, "C5");
    const { values } = await new ExcelWorkbook(excel.run).readSheet("Paris");
    expect(values[2][1]).toEqual({ error: "#N/A" });
    expect(values[2][2]).toBe("#N/A");
  });

  test("12 000 lignes se lisent en 3 lots de 5 000 lignes au plus : 2 + 3 synchronisations", async () => {
    const excel = new FakeExcel();
    const grid: Seed[][] = [["UAI", "Code formation", "Effectif", "Libellé"]];
    for (let i = 1; i < 12000; i++) grid.push(["0750655E", "50022137", i, `BOULANGER (CAP) n° ${i}`]);
    excel.addUserSheet("Versailles", grid);
    const progress: [number, number][] = [];
    const data = await new ExcelWorkbook(excel.run).readSheet("Versailles", {
      onProgress: (done, total) => progress.push([done, total]),
    });
    expect(excel.syncs).toBe(2 + 3);
    expect(excel.rangesRequested.map((r) => [r.area.rowIndex, r.area.rowCount])).toEqual([
      [0, 5000],
      [5000, 5000],
      [10000, 2000],
    ]);
    // The rows under the header row: 11 999 (issue 12, point 17).
    expect(progress).toEqual([
      [4999, 11999],
      [9999, 11999],
      [11999, 11999],
    ]);
    expect(data.values).toHaveLength(12000);
    expect(data.values[0]).toEqual(["UAI", "Code formation", "Effectif", "Libellé"]);
    expect(data.values[5000]).toEqual(["0750655E", "50022137", 5000, "BOULANGER (CAP) n° 5000"]);
    expect(data.values[11999]).toEqual(["0750655E", "50022137", 11999, "BOULANGER (CAP) n° 11999"]);
  });

  test("une feuille très large est lue en lots plus petits, aucune réponse au-dessus de 5 Mo", async () => {
    // 300 columns × 1 000 rows of 30-character texts: about 10 MB read at once, refused by Excel on the web.
    const excel = new FakeExcel();
    const grid: Seed[][] = Array.from({ length: 1000 }, (_, r) =>
      Array.from(
        { length: 300 },
        (_, c) => `ligne ${String(r).padStart(4, "0")} colonne ${String(c).padStart(3, "0")}…`,
      ),
    );
    excel.addUserSheet("Large", grid);
    const data = await new ExcelWorkbook(excel.run).readSheet("Large");
    expect(data.values).toHaveLength(1000);
    expect(data.values[999][299]).toBe("ligne 0999 colonne 299…");
    expect(excel.rangesRequested.length).toBeGreaterThan(1);
    for (const { area } of excel.rangesRequested)
      expect(area.rowCount * area.columnCount).toBeLessThanOrEqual(50000);
    expect(Math.max(...excel.batchBytes)).toBeLessThan(PAYLOAD_LIMIT);
  }, 30_000);

  test("l'annulation est prise en compte entre deux lots : AbortedError, plus aucune lecture", async () => {
    const excel = new FakeExcel();
    const grid: Seed[][] = Array.from({ length: 12000 }, (_, i) => ["0750655E", i]);
    excel.addUserSheet("Créteil", grid);
    const signal = { aborted: false };
    const lecture = new ExcelWorkbook(excel.run).readSheet("Créteil", {
      signal,
      onProgress: () => (signal.aborted = true),
    });
    await expect(lecture).rejects.toBeInstanceOf(AbortedError);
    await expect(lecture).rejects.toThrow("Opération annulée.");
    expect(excel.rangesRequested).toHaveLength(1);
    expect(excel.syncs).toBe(2 + 1);
  });

  test("une lecture déjà annulée ne touche pas au classeur", async () => {
    const excel = new FakeExcel();
    excel.addUserSheet("Paris", PARIS);
    await expect(
      new ExcelWorkbook(excel.run).readSheet("Paris", { signal: { aborted: true } }),
    ).rejects.toBeInstanceOf(AbortedError);
    expect(excel.syncs).toBe(0);
  });

  test("une feuille absente donne un message clair en français", async () => {
    const excel = new FakeExcel();
    excel.addUserSheet("Paris", PARIS);
    await expect(new ExcelWorkbook(excel.run).readSheet("Lyon")).rejects.toThrow(
      "Feuille « Lyon » introuvable.",
    );
  });

  test("une feuille vide se lit sans lot : aucune ligne, décalages nuls", async () => {
    const excel = new FakeExcel();
    excel.addUserSheet("Vide", []);
    const data = await new ExcelWorkbook(excel.run).readSheet("Vide");
    expect(data).toEqual({ name: "Vide", values: [], rowOffset: 0, columnOffset: 0 });
    expect(excel.syncs).toBe(2);
    expect(excel.rangesRequested).toHaveLength(0);
  });
});

describe("Lecture de la sélection (readSelection)", () => {
  const grid: Seed[][] = Array.from({ length: 20 }, (_, r) =>
    Array.from({ length: 6 }, (_, c) => r * 10 + c),
  );

  test("la sélection B3:D6 est lue avec ses décalages", async () => {
    const excel = new FakeExcel();
    excel.addUserSheet("Feuil1", grid);
    excel.select("Feuil1", "B3:D6");
    const data = await new ExcelWorkbook(excel.run).readSelection();
    expect(data).toEqual({
      name: "Feuil1",
      rowOffset: 2,
      columnOffset: 1,
      values: [
        [21, 22, 23],
        [31, 32, 33],
        [41, 42, 43],
        [51, 52, 53],
      ],
    });
    expect(excel.syncs).toBe(2);
  });

  test("une colonne entière sélectionnée est limitée à la plage utilisée (pas un million de lignes vides)", async () => {
    const excel = new FakeExcel();
    excel.addUserSheet("Feuil1", grid);
    excel.select("Feuil1", "C:C");
    const data = await new ExcelWorkbook(excel.run).readSelection();
    expect(data.rowOffset).toBe(0);
    expect(data.columnOffset).toBe(2);
    expect(data.values).toHaveLength(20);
    expect(data.values[19]).toEqual([192]);
  });

  test("une sélection hors de la plage utilisée ne donne aucune ligne", async () => {
    const excel = new FakeExcel();
    excel.addUserSheet("Feuil1", grid);
    excel.select("Feuil1", "K40");
    const data = await new ExcelWorkbook(excel.run).readSelection();
    expect(data).toEqual({ name: "Feuil1", values: [], rowOffset: 39, columnOffset: 10 });
  });

  test("plusieurs plages sélectionnées : message clair en français", async () => {
    const excel = new FakeExcel();
    excel.addUserSheet("Feuil1", grid);
    excel.multipleSelection = true;
    await expect(new ExcelWorkbook(excel.run).readSelection()).rejects.toThrow(
      "Impossible de lire la sélection : sélectionnez une seule plage de cellules.",
    );
  });
});
