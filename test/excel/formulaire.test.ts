/**
 * The port's form capabilities through the Office.js adapter, over the fake Excel: fields, hidden
 * lists of choices and list validations, queued in the usual batches (no extra sync).
 */
import { ExcelWorkbook } from "../../src/excel";
import { TYPES_EQUIPEMENT } from "../../src/rules";
import { renderOutputGrid } from "../../src/workbook/memory";
import { FORMULAIRE } from "../workbook/formulaire";
import { FakeExcel } from "./fakeExcel";

const SHEET = FORMULAIRE.name;

/** Rows without trailing blanks, holes of sparse rows read as blanks. */
function sansBlancsFinaux(grid: ReturnType<typeof renderOutputGrid>) {
  const out = grid.map((r) => {
    const copy = Array.from(r, (cell) => cell ?? null);
    while (copy.length > 0 && (copy[copy.length - 1] === null || copy[copy.length - 1] === undefined))
      copy.pop();
    return copy;
  });
  while (out.length > 0 && out[out.length - 1].length === 0) out.pop();
  return out;
}

describe("Formulaire écrit dans Excel (Office.js)", () => {
  test("champs, en-tête et listes à la place de la grille en mémoire, toujours en 3 synchronisations", async () => {
    const excel = new FakeExcel();
    await new ExcelWorkbook(excel.run).writeSheet(FORMULAIRE);
    expect(excel.syncs).toBe(3);
    expect(sansBlancsFinaux(excel.grid(SHEET))).toEqual(sansBlancsFinaux(renderOutputGrid(FORMULAIRE)));
    expect(excel.cell(SHEET, "A4")?.bold).toBe(true);
    expect(excel.cell(SHEET, "B4")?.numberFormat).toBe("@");
    expect(excel.cell(SHEET, "B5")?.numberFormat).toBe('#,##0.00 "€"');
    expect(excel.sheet(SHEET)!.frozenRows).toBe(0);
  });

  test("listes : colonnes G et H cachées, validation « liste » sur les cellules de données, source en plage", async () => {
    const excel = new FakeExcel();
    await new ExcelWorkbook(excel.run).writeSheet(FORMULAIRE);
    const sheet = excel.sheet(SHEET)!;
    expect([...sheet.hiddenColumns].sort()).toEqual([6, 7]);
    expect(["H1", "H2", "H3", "H4"].map((a) => excel.cell(SHEET, a)?.value)).toEqual([...TYPES_EQUIPEMENT]);
    const parAdresse = Object.fromEntries(
      sheet.validations.map((v) => [`${v.area.rowIndex}:${v.area.columnIndex}:${v.area.rowCount}`, v]),
    );
    // Data rows 9-10 (0-based 8), columns C (2) and E (4).
    expect(parAdresse["8:4:2"]).toMatchObject({
      rule: { list: { inCellDropDown: true, source: "=$H$1:$H$4" } },
      errorAlert: { showAlert: true, style: "Warning" },
    });
    expect(parAdresse["8:2:2"]).toMatchObject({ rule: { list: { source: "=$G$1:$G$2" } } });
    expect(sheet.validations).toHaveLength(2);
  });

  test("réécrire le modèle remplace ses listes au lieu de les empiler", async () => {
    const excel = new FakeExcel();
    const classeur = new ExcelWorkbook(excel.run);
    await classeur.writeSheet(FORMULAIRE);
    await classeur.writeSheet({ ...FORMULAIRE, rows: FORMULAIRE.rows.slice(0, 1) });
    const sheet = excel.sheet(SHEET)!;
    expect(sheet.validations.map((v) => v.area.rowCount)).toEqual([1, 1]);
  });

  test("une feuille sans liste ni champ n'utilise pas la validation des données (ExcelApi 1.8)", async () => {
    const excel = new FakeExcel();
    await new ExcelWorkbook(excel.run).writeSheet({
      ...FORMULAIRE,
      fields: undefined,
      columns: FORMULAIRE.columns.map(({ choices: _choices, ...column }) => column),
    });
    expect(excel.operations.some((o) => o.kind === "validation" || o.kind === "clearValidation")).toBe(false);
    expect(excel.sheet(SHEET)!.frozenRows).toBe(4);
  });
});
