/** The files of examples/bilans, each as the grid from A1 a user would paste (shared by the pane's tests). */
import path from "path";
import type { CellValue } from "../../src/workbook/port";
import { chooseSheet, readSpreadsheetFile } from "../../src/xlsx";

const BILANS = path.resolve(__dirname, "../../examples/bilans");

/** An example file's first sheet as a grid from A1, as it would be pasted. */
export async function grille(fichier: string): Promise<CellValue[][]> {
  const sheet = chooseSheet(await readSpreadsheetFile(path.join(BILANS, fichier)));
  return [
    ...Array.from({ length: sheet.rowOffset }, () => []),
    ...sheet.values.map((row) => [...Array<CellValue>(sheet.columnOffset).fill(null), ...row]),
  ];
}
