/**
 * design.md §8: one Excel.run per user action. The task pane runs each action's reads and writes
 * through enUneAction: with the Excel adapter, every port call inside shares one Excel.run.
 */
import { ExcelWorkbook } from "../../src/excel";
import { Parametres, decimalString } from "../../src/rules";
import { enUneAction } from "../../src/workbook/port";
import { calculerDotations, controlerFeuille, ecrireDotations } from "../../src/workflows";
import { SelectionWorkbook } from "../../src/taskpane/navigator";
import { CRETEIL, ETABLISSEMENTS, PARIS } from "../workflows/classeur";
import { FakeExcel } from "./fakeExcel";

function excelAvecLesFeuilles(): FakeExcel {
  const excel = new FakeExcel();
  excel.addUserSheet("Paris", PARIS);
  excel.addUserSheet("Créteil", CRETEIL);
  excel.addUserSheet("Établissements", ETABLISSEMENTS);
  return excel;
}

describe("Une action de l'utilisateur, un seul Excel.run", () => {
  test("calculer les dotations de deux rectorats et des établissements, puis écrire Dotations et Constats : 1 Excel.run", async () => {
    const excel = excelAvecLesFeuilles();
    const { resultat, feuilles } = await enUneAction(new ExcelWorkbook(excel.run), async (classeur) => {
      const r = await calculerDotations(classeur, {
        feuillesEffectifs: ["Paris", "Créteil"],
        feuilleEtablissements: "Établissements",
        annee: 2024,
        parametres: Parametres.embarques(),
      });
      return { resultat: r, feuilles: await ecrireDotations(classeur, r) };
    });
    expect(excel.runs).toBe(1);
    // 0750655E: 12 × 56 + 54 × 157 − 1 200,50 + 14 × 157 (test/workflows/dotations.test.ts).
    const arago = resultat.etablissements.find((d) => d.uai === "0750655E")!;
    expect(decimalString(arago.nette.total.valeur)).toBe("10147.50");
    expect(excel.sheet(feuilles.dotations)).toBeDefined();
    expect(excel.sheet(feuilles.constats)).toBeDefined();
  });

  test("sans enUneAction, chaque appel du port est son propre Excel.run (ce que le volet évite)", async () => {
    const excel = excelAvecLesFeuilles();
    await calculerDotations(new ExcelWorkbook(excel.run), {
      feuillesEffectifs: ["Paris", "Créteil"],
      feuilleEtablissements: "Établissements",
      annee: 2024,
      parametres: Parametres.embarques(),
    });
    expect(excel.runs).toBeGreaterThan(1);
  });

  test("contrôler une sélection : la sélection lue, le reste du classeur dans le même Excel.run", async () => {
    const excel = excelAvecLesFeuilles();
    const selection = { name: "Paris", values: PARIS.slice(2, 5), rowOffset: 2, columnOffset: 0 };
    const r = await enUneAction(new SelectionWorkbook(new ExcelWorkbook(excel.run), selection), (classeur) =>
      controlerFeuille(classeur, "Paris", { annee: 2024 }),
    );
    expect(excel.runs).toBe(1);
    expect(r.effectifs.preBac).toBe(24 + 30);
  });
});
