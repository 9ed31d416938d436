/**
 * design.md §8: one Excel.run per user action. The task pane runs each action through the host's
 * `action` (src/taskpane/excel/excelAction.ts): the workbook and the navigator it hands over share one
 * Excel.run, whatever the action reads and writes.
 */
import { Parametres, texteDecimal } from "../../src/rules";
import { excelAction } from "../../src/taskpane/excel/excelAction";
import { feuilleSource, FEUILLE_ACTIVE } from "../../src/taskpane/components/feuilles";
import { SelectionWorkbook } from "../../src/taskpane/navigator";
import { ExcelWorkbook } from "../../src/excel";
import { calculerDotations, controlerFeuille, ecrireDotations } from "../../src/workflows";
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
    const { resultat, feuilles } = await excelAction(
      excel.run,
      false,
    )(async ({ workbook }) => {
      const r = await calculerDotations(workbook, {
        feuillesEffectifs: ["Paris", "Créteil"],
        feuilleEtablissements: "Établissements",
        annee: 2024,
        parametres: Parametres.embarques(),
      });
      return { resultat: r, feuilles: await ecrireDotations(workbook, r) };
    });
    expect(excel.runs).toBe(1);
    // 0750655E: 12 × 56 + 54 × 157 − 1 200,50 + 14 × 157 (test/workflows/dotations.test.ts).
    const arago = resultat.etablissements.find((d) => d.uai === "0750655E")!;
    expect(texteDecimal(arago.nette.total.valeur)).toBe("10147.50");
    expect(excel.sheet(feuilles.dotations)).toBeDefined();
    expect(excel.sheet(feuilles.constats)).toBeDefined();
  });

  test("sans action, chaque appel du port est son propre Excel.run (ce que le volet évite)", async () => {
    const excel = excelAvecLesFeuilles();
    await calculerDotations(new ExcelWorkbook(excel.run), {
      feuillesEffectifs: ["Paris", "Créteil"],
      feuilleEtablissements: "Établissements",
      annee: 2024,
      parametres: Parametres.embarques(),
    });
    expect(excel.runs).toBeGreaterThan(1);
  });

  test("contrôler : la feuille active trouvée, la sélection lue, la feuille contrôlée — dans le même Excel.run", async () => {
    const excel = excelAvecLesFeuilles();
    await excelAction(excel.run, false)(({ navigator }) => navigator.selectCell("Paris", 4, null));
    excel.runs = 0;
    const r = await excelAction(
      excel.run,
      false,
    )(async ({ workbook, navigator }) => {
      const feuille = await feuilleSource(FEUILLE_ACTIVE, workbook, navigator, "effectifs", "la feuille");
      const selection = await navigator.readSelection();
      return controlerFeuille(new SelectionWorkbook(workbook, selection), feuille, { annee: 2024 });
    });
    expect(excel.runs).toBe(1);
    expect(r.feuille).toBe("Paris");
  });
});
