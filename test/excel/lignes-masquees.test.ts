/**
 * Hidden and filtered rows read through Office.js (issue 11 item 19): each row's `rowHidden` is loaded
 * in the same batch as its chunk's values, only when the used range says some row is hidden — never a
 * sync per row, and nothing more loaded on a sheet without hidden rows.
 */
import { ExcelWorkbook } from "../../src/excel";
import { SelectionWorkbook } from "../../src/taskpane/navigator";
import { controlerFeuille } from "../../src/workflows";
import { FakeExcel, type Seed } from "./fakeExcel";

const GRILLE: Seed[][] = [
  ["UAI", "Code formation", "Effectif"],
  ["0750655E", "50022137", 24],
  ["0750655E", "40025408", 30],
  ["0750654D", "43033402", 28],
];

describe("Lignes masquées ou filtrées (readSheet)", () => {
  test("les lignes masquées sont lues avec les autres et signalées par leur index, sans synchronisation de plus", async () => {
    const excel = new FakeExcel();
    const sheet = excel.addUserSheet("Paris", GRILLE, "B3");
    sheet.hiddenRows.add(3); // sheet row 4: the first data row
    sheet.hiddenRows.add(5); // sheet row 6
    const data = await new ExcelWorkbook(excel.run).readSheet("Paris");
    expect(data.values).toHaveLength(4);
    expect(data.values[1]).toEqual(["0750655E", "50022137", 24]);
    expect(data.hiddenRows).toEqual([1, 3]);
    expect(excel.syncs).toBe(3); // sheet, used range, one chunk (rows' rowHidden in it)
  });

  test("sans ligne masquée, rien de plus n'est demandé et hiddenRows est absent", async () => {
    const excel = new FakeExcel();
    excel.addUserSheet("Paris", GRILLE);
    const data = await new ExcelWorkbook(excel.run).readSheet("Paris");
    expect(data.hiddenRows).toBeUndefined();
    expect(excel.syncs).toBe(3);
  });

  test("7 000 lignes dont la 5 500e masquée : une synchronisation par lot de 5 000 lignes, pas une par ligne", async () => {
    const excel = new FakeExcel();
    const grille: Seed[][] = [["UAI", "Code formation", "Effectif"]];
    for (let i = 1; i < 7000; i++) grille.push(["0750655E", "50022137", i % 100]);
    const sheet = excel.addUserSheet("Versailles", grille);
    sheet.hiddenRows.add(5499);
    const data = await new ExcelWorkbook(excel.run).readSheet("Versailles");
    expect(data.hiddenRows).toEqual([5499]);
    expect(excel.syncs).toBe(2 + 2);
  }, 30_000);

  test("un nombre au format date est signalé comme tel (dateCells), un nombre au format Standard ou monétaire non", async () => {
    const excel = new FakeExcel();
    const sheet = excel.addUserSheet("Paris", GRILLE, "B3");
    sheet.cells[4][3]!.numberFormat = "dd/mm/yyyy"; // D5: the effectif 30, shown as 30/01/1900
    sheet.cells[3][3]!.numberFormat = '#,##0.00 "€"';
    sheet.cells[5][2]!.numberFormat = "dd/mm/yyyy"; // C6: a text, never a date cell
    const data = await new ExcelWorkbook(excel.run).readSheet("Paris");
    expect(data.dateCells).toEqual([2 * 16384 + 2]);
    expect(excel.syncs).toBe(3);
  });
});

describe("Lignes masquées et dates dans la sélection (readSelection), comme dans la feuille", () => {
  test("une ligne filtrée et un effectif au format date dans la plage sélectionnée sont signalés, sans synchronisation de plus", async () => {
    const excel = new FakeExcel();
    const sheet = excel.addUserSheet("Paris", GRILLE, "B3");
    sheet.hiddenRows.add(4); // sheet row 5: 0750655E 40025408 30
    sheet.cells[5][3]!.numberFormat = "dd/mm/yyyy"; // D6: the effectif 28, shown as 28/01/1900
    excel.select("Paris", "B3:D6");
    const data = await new ExcelWorkbook(excel.run).readSelection();
    expect(data.values).toHaveLength(4);
    expect(data.hiddenRows).toEqual([2]);
    expect(data.dateCells).toEqual([3 * 16384 + 2]);
    expect(excel.syncs).toBe(2); // the selection and the used range, then one chunk
  });

  test("contrôler la sélection donne les mêmes constats que contrôler la feuille : « lignes-masquees », « effectif-date »", async () => {
    const excel = new FakeExcel();
    const sheet = excel.addUserSheet("Paris", GRILLE, "B3");
    sheet.hiddenRows.add(4);
    sheet.cells[5][3]!.numberFormat = "dd/mm/yyyy";
    excel.select("Paris", "B3:D6");
    const classeur = new ExcelWorkbook(excel.run);
    const selection = await classeur.readSelection();
    const parSelection = await controlerFeuille(new SelectionWorkbook(classeur, selection), "Paris", {
      annee: 2024,
    });
    const parFeuille = await controlerFeuille(classeur, "Paris", { annee: 2024 });
    const codes = (r: typeof parFeuille) => r.constats.map((c) => [c.code, c.ligne]);
    expect(codes(parSelection)).toEqual([
      ["effectif-date", 6],
      ["lignes-masquees", null],
    ]);
    expect(codes(parSelection)).toEqual(codes(parFeuille));
    // 24 + 30 pré-bac: the 28 of row 6, a date, is not counted.
    expect(parSelection.effectifs.preBac).toBe(54);
  });
});
