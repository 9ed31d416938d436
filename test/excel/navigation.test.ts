/**
 * Settings, the list of sheets and the task pane's navigation helpers, over the fake Excel of
 * fakeExcel.ts, counting syncs.
 */
import { ExcelWorkbook, OWNED_SHEETS_SETTING } from "../../src/excel";
import { FakeExcel } from "./fakeExcel";

describe("Réglages du classeur (Paramètres)", () => {
  test("une valeur écrite se relit à l'identique, une clé absente donne null ; une synchronisation chacun", async () => {
    const excel = new FakeExcel();
    const workbook = new ExcelWorkbook(excel.run);
    const ipc = JSON.stringify({ "2024-12": { valeur: "119.86", base: 2015 } });
    await workbook.writeSetting("ARE.ipc", ipc);
    expect(excel.syncs).toBe(1);
    expect(await workbook.readSetting("ARE.ipc")).toBe(ipc);
    expect(excel.syncs).toBe(2);
    expect(await workbook.readSetting("ARE.forfaitsPublies")).toBeNull();
  });

  test("une valeur non textuelle posée par un autre outil est rendue en JSON", async () => {
    const excel = new FakeExcel();
    excel.settings.set("ARE.autre", [2023, 2024]);
    expect(await new ExcelWorkbook(excel.run).readSetting("ARE.autre")).toBe("[2023,2024]");
  });

  test("la liste des feuilles du complément ne peut pas être écrite de l'extérieur", async () => {
    const excel = new FakeExcel();
    await expect(new ExcelWorkbook(excel.run).writeSetting(OWNED_SHEETS_SETTING, "[]")).rejects.toThrow(
      "Le réglage « ARE.feuillesCreees » est réservé au complément.",
    );
    expect(excel.syncs).toBe(0);
  });
});

describe("Liste des feuilles", () => {
  test("chaque feuille avec son appartenance, en une synchronisation ; un réglage corrompu ne marque rien", async () => {
    const excel = new FakeExcel();
    excel.addUserSheet("Paris", [["UAI"]]);
    const ours = excel.addUserSheet("Dotations ARE 2024-2025", [["Dotations"]]);
    excel.settings.set(OWNED_SHEETS_SETTING, JSON.stringify([ours.id, "{feuille-supprimée}"]));
    const workbook = new ExcelWorkbook(excel.run);
    expect(await workbook.listSheets()).toEqual([
      { name: "Paris", owned: false },
      { name: "Dotations ARE 2024-2025", owned: true },
    ]);
    expect(excel.syncs).toBe(1);
    excel.settings.set(OWNED_SHEETS_SETTING, "{corrompu");
    expect((await workbook.listSheets()).every((s) => !s.owned)).toBe(true);
  });
});

describe("Navigation pour le volet", () => {
  test("nom de la feuille active", async () => {
    const excel = new FakeExcel();
    excel.addUserSheet("Paris", [["UAI"]]);
    excel.addUserSheet("Créteil", [["UAI"]]);
    excel.select("Créteil", "A1");
    expect(await new ExcelWorkbook(excel.run).activeSheetName()).toBe("Créteil");
    expect(excel.syncs).toBe(1);
  });

  test("cliquer un constat active sa feuille et sélectionne sa cellule, en 2 synchronisations", async () => {
    const excel = new FakeExcel();
    excel.addUserSheet("Paris", [["UAI"]]);
    const créteil = excel.addUserSheet("Créteil", [["UAI"]]);
    await new ExcelWorkbook(excel.run).selectCell("Créteil", 12, "c");
    expect(excel.activeSheetId).toBe(créteil.id);
    expect(excel.selection).toEqual({
      sheetId: créteil.id,
      area: { rowIndex: 11, columnIndex: 2, rowCount: 1, columnCount: 1 },
    });
    expect(excel.syncs).toBe(2);
  });

  test("un constat sur une ligne entière sélectionne la ligne ; sur la feuille, l'active seulement", async () => {
    const excel = new FakeExcel();
    excel.addUserSheet("Paris", [["UAI"]]);
    const workbook = new ExcelWorkbook(excel.run);
    await workbook.selectCell("Paris", 7, null);
    expect(excel.operations.filter((o) => o.kind === "select").map((o) => o.address)).toEqual(["A7:XFD7"]);
    await workbook.selectCell("Paris", null, "AB");
    expect(excel.operations.filter((o) => o.kind === "select").map((o) => o.address)).toEqual([
      "A7:XFD7",
      "AB1:AB1048576",
    ]);
    await workbook.selectCell("Paris", null, null);
    expect(excel.operations.filter((o) => o.kind === "select")).toHaveLength(2);
    expect(excel.operations.filter((o) => o.kind === "activate")).toHaveLength(3);
  });

  test("ligne, colonne ou feuille invalides : messages clairs en français", async () => {
    const excel = new FakeExcel();
    excel.addUserSheet("Paris", [["UAI"]]);
    const workbook = new ExcelWorkbook(excel.run);
    await expect(workbook.selectCell("Paris", 0, "A")).rejects.toThrow("Ligne 0 invalide");
    await expect(workbook.selectCell("Paris", 2.5, "A")).rejects.toThrow("Ligne 2.5 invalide");
    await expect(workbook.selectCell("Paris", 3, "1A")).rejects.toThrow("Colonne « 1A » invalide");
    await expect(workbook.selectCell("Paris", 3, "XFE")).rejects.toThrow("Colonne « XFE » invalide");
    await expect(workbook.selectCell("Lyon", 3, "A")).rejects.toThrow("Feuille « Lyon » introuvable.");
  });

  test("recalcul complet du classeur après un changement de paramètres, en une synchronisation", async () => {
    const excel = new FakeExcel();
    await new ExcelWorkbook(excel.run).recalculate();
    expect(excel.calculations).toEqual(["Full"]);
    expect(excel.syncs).toBe(1);
  });
});

describe("Branchement sur Office.js", () => {
  test("sans argument, l'adaptateur passe par Excel.run", async () => {
    const excel = new FakeExcel();
    excel.addUserSheet("Paris", [["UAI"]]);
    const global = globalThis as unknown as { Excel?: unknown };
    global.Excel = { run: excel.run };
    try {
      expect(await new ExcelWorkbook().listSheets()).toEqual([{ name: "Paris", owned: false }]);
    } finally {
      delete global.Excel;
    }
  });
});
