/**
 * After a correction of the mapping, « Colonnes ignorées » (are controle) and the task pane's column
 * list say which columns are read: the column a corrected field leaves (« Effectif » in G when the
 * effectif is read in D) is ignored from then on, and the column it now reads is not.
 */
import { controlerFeuille } from "../../src/workflows";
import { MemoryWorkbook } from "../../src/workbook/memory";
import type { CellValue } from "../../src/workbook/port";
import { columnOptions } from "../../src/taskpane/check/mapping";

const FEUILLE: CellValue[][] = [
  ["UAI", "Code diplôme", "Spécialité", "Nb élèves 1A", "Classe", null, "Effectif"],
  ["0750655E", "50022137", "BOULANGER", 12, "1CAP A", null, 36],
];

test("la colonne quittée par un champ corrigé est ignorée, celle qu'il lit ne l'est plus", async () => {
  const r = await controlerFeuille(new MemoryWorkbook({ F: FEUILLE }), "F", {
    annee: 2024,
    colonnes: { effectif: 3 },
  });
  expect(r.effectifs.preBac).toBe(12);
  expect(r.entete!.colonnes.effectif!.lettre).toBe("D");
  // Before: « C, D, E » — D read as the effectif, G « Effectif » no longer named anywhere.
  expect(r.entete!.ignorees.map((c) => `${c.lettre} ${c.entete}`)).toEqual([
    "C Spécialité",
    "E Classe",
    "G Effectif",
  ]);
  // The task pane offers G again (before: only A to E).
  expect(columnOptions(r.entete!).map((o) => o.label)).toEqual([
    "A — UAI",
    "B — Code diplôme",
    "C — Spécialité",
    "D — Nb élèves 1A",
    "E — Classe",
    "G — Effectif",
  ]);
});
