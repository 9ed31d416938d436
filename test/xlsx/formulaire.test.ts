/**
 * The port's form capabilities written to a real .xlsx file (ExcelJS): fields below the heading,
 * drop-down lists whose source is a range of the same sheet (the equipment types contain commas),
 * and the file read back by our own reader as the workflows see it.
 */
import * as path from "path";
import ExcelJS from "exceljs";
import { TYPES_EQUIPEMENT } from "../../src/rules";
import { renderOutputGrid } from "../../src/workbook/memory";
import { readSpreadsheetFile, writeOutputWorkbook } from "../../src/xlsx";
import { FORMULAIRE } from "../workbook/formulaire";
import { rectangle, removeDir, tempDir } from "./helpers";

let dir: string;
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => removeDir(dir));

describe("Formulaire écrit dans un classeur .xlsx", () => {
  test("champs en A-B sous le titre, montants au format euros, en-tête en ligne 8, feuille non figée", async () => {
    const file = path.join(dir, "bilan.xlsx");
    await writeOutputWorkbook(file, [{ name: FORMULAIRE.name, sheet: FORMULAIRE }]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const ws = workbook.getWorksheet(FORMULAIRE.name)!;
    expect(ws.getCell("A4").value).toBe("UAI");
    expect(ws.getCell("B4").value).toBe("0750655E");
    expect(ws.getCell("A5").value).toBe("Dotation reçue pré-bac");
    expect(ws.getCell("B5").value).toBe(7949.5);
    expect(ws.getCell("B5").numFmt).toBe('#,##0.00 "€"');
    expect(ws.getCell("A8").value).toBe("Libellé de la formation");
    expect(ws.getCell("B9").value).toBe("50022137");
    expect((ws.views ?? []).some((v) => v.state === "frozen")).toBe(false);
  });

  test("listes déroulantes : source = plage de la colonne cachée, sur chaque cellule de données de la colonne", async () => {
    const file = path.join(dir, "bilan.xlsx");
    await writeOutputWorkbook(file, [{ name: FORMULAIRE.name, sheet: FORMULAIRE }]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const ws = workbook.getWorksheet(FORMULAIRE.name)!;
    // Column H (8) holds the four types, column G (7) the envelopes; both hidden.
    expect([1, 2, 3, 4].map((r) => ws.getCell(r, 8).value)).toEqual([...TYPES_EQUIPEMENT]);
    expect(ws.getColumn(8).hidden).toBe(true);
    expect(ws.getColumn(7).hidden).toBe(true);
    for (const address of ["E9", "E10"]) {
      expect(ws.getCell(address).dataValidation).toMatchObject({
        type: "list",
        formulae: ["$H$1:$H$4"],
        allowBlank: true,
        showErrorMessage: true,
        errorStyle: "warning",
      });
    }
    expect(ws.getCell("C9").dataValidation).toMatchObject({ type: "list", formulae: ["$G$1:$G$2"] });
    expect(ws.getCell("D9").dataValidation).toBeUndefined();
  });

  test("relu par le lecteur du projet, le classeur donne la grille de la mémoire", async () => {
    const file = path.join(dir, "bilan.xlsx");
    await writeOutputWorkbook(file, [{ name: FORMULAIRE.name, sheet: FORMULAIRE }]);
    const lu = await readSpreadsheetFile(file);
    const sheet = lu.sheets[0];
    expect(sheet.rowOffset).toBe(0);
    expect(sheet.columnOffset).toBe(0);
    const attendu = rectangle(renderOutputGrid(FORMULAIRE));
    expect(rectangle(sheet.values)).toEqual(attendu);
  });
});
