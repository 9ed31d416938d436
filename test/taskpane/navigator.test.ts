import { ExcelWorkbook } from "../../src/excel";
import { excelNavigator, sheetHeads } from "../../src/taskpane/excel/excelNavigator";
import { watchSheets } from "../../src/taskpane/excel/sheetEvents";
import { SelectionWorkbook } from "../../src/taskpane/navigator";
import { MemoryWorkbook } from "../../src/workbook/memory";
import { controlerFeuille } from "../../src/workflows";
import { FakeExcel } from "../excel/fakeExcel";

describe("Premières lignes des feuilles, pour suggérer les feuilles d'une dotation (Excel)", () => {
  test("depuis A1, en trois synchronisations quel que soit le nombre de feuilles ; feuille vide ou absente ignorée", async () => {
    const excel = new FakeExcel();
    excel.addUserSheet("Paris", [
      ["UAI", "CFD", "Effectif"],
      ["0750655E", "50022137", 24],
      ...Array.from({ length: 100 }, () => ["0750655E", "50022137", 1]),
    ]);
    excel.addUserSheet("Versailles", [["Titre"], [null], ["RNE", "Code diplôme", "Nb élèves"]], "B2");
    excel.addUserSheet("Vide", []);
    const heads = await sheetHeads(["Paris", "Versailles", "Vide", "Supprimée"], 30, excel.run);
    expect(excel.syncs).toBe(3);
    expect(Object.keys(heads)).toEqual(["Paris", "Versailles"]);
    expect(heads.Paris).toHaveLength(30);
    expect(heads.Paris[1]).toEqual(["0750655E", "50022137", 24]);
    // Row 4, columns B-D: the header keeps its place.
    expect(heads.Versailles).toHaveLength(4);
    expect(heads.Versailles[3]).toEqual([null, "RNE", "Code diplôme", "Nb élèves"]);
    expect(heads.Versailles[0]).toEqual([null, null, null, null]);
  });

  test("le navigateur Excel sélectionne la cellule d'un constat", async () => {
    const excel = new FakeExcel();
    excel.addUserSheet("Paris", [["UAI"], ["x"]]);
    excel.addUserSheet("Créteil", [["UAI"], ["x"]]);
    const navigator = excelNavigator(new ExcelWorkbook(excel.run), excel.run);
    await navigator.selectCell("Créteil", 2, "A");
    expect(await navigator.activeSheetName()).toBe("Créteil");
    expect(excel.selection?.area).toEqual({ rowIndex: 1, columnIndex: 0, rowCount: 1, columnCount: 1 });
  });
});

describe("Contrôler une sélection", () => {
  test("la sélection est lue comme une feuille : lignes et colonnes des constats sont celles de la feuille", async () => {
    const classeur = new MemoryWorkbook({ Paris: [] });
    const selection = {
      name: "Paris",
      rowOffset: 9,
      columnOffset: 2,
      values: [
        ["UAI", "Code formation", "Effectif"],
        ["0750655E", "50022137", 24],
        ["0750655E", "24722106210", 7],
      ],
    };
    const r = await controlerFeuille(new SelectionWorkbook(classeur, selection), "Paris", { annee: 2024 });
    expect(r.entete?.ligne).toBe(10);
    expect(r.effectifs.preBac).toBe(24);
    expect(r.constats).toEqual([
      expect.objectContaining({ code: "code-mef", feuille: "Paris", ligne: 12, colonne: "D" }),
    ]);
  });
});

describe("Les listes de feuilles suivent le classeur (événements Excel)", () => {
  const attendre = () => new Promise((resolve) => setTimeout(resolve, 0));

  test("feuille ajoutée, supprimée ou renommée : l'écouteur est appelé ; arrêté, les gestionnaires sont retirés", async () => {
    const excel = new FakeExcel();
    let appels = 0;
    const arreter = watchSheets(() => appels++, excel.run, excel.runOn, true);
    await attendre();
    expect(excel.eventHandlers.map((h) => h.event)).toEqual(["onAdded", "onDeleted", "onNameChanged"]);
    expect(excel.syncs).toBe(1);
    await excel.emit("onAdded");
    await excel.emit("onDeleted");
    await excel.emit("onNameChanged");
    expect(appels).toBe(3);
    arreter();
    await attendre();
    expect(excel.eventHandlers).toEqual([]);
    await excel.emit("onAdded");
    expect(appels).toBe(3);
  });

  test("sans ExcelApi 1.17, pas d'événement de renommage ; arrêté avant l'inscription, rien ne reste", async () => {
    const excel = new FakeExcel();
    const arreter = watchSheets(() => undefined, excel.run, excel.runOn, false);
    arreter();
    await attendre();
    await attendre();
    expect(excel.eventHandlers).toEqual([]);
    const arreter2 = watchSheets(() => undefined, excel.run, excel.runOn, false);
    await attendre();
    expect(excel.eventHandlers.map((h) => h.event)).toEqual(["onAdded", "onDeleted"]);
    arreter2();
  });

  test("un Excel sans ces événements : l'inscription échoue en silence (reste « Actualiser »)", async () => {
    const sansEvenements: typeof FakeExcel.prototype.run = () => Promise.reject(new Error("ApiNotFound"));
    const arreter = watchSheets(() => undefined, sansEvenements, undefined, true);
    await attendre();
    expect(() => arreter()).not.toThrow();
  });
});
