/**
 * One user action, one Excel.run (design.md §8): the workbook and the navigator handed to the action
 * share the run's context, so reading where the user is, three rectorat sheets and the establishments
 * sheet, then writing Dotations and Constats, is one batch job for Excel — the syncs of the port's
 * calls add up inside it (a constant number plus one per chunk).
 */
import { ExcelWorkbook, type ExcelRun } from "../../excel";
import type { Hote } from "../services";
import { excelNavigator } from "./excelNavigator";

/** In the add-in: the real Excel.run, looked up when called (the global exists once Office.js is loaded). */
const officeRun: ExcelRun = (batch) => Excel.run(batch);

export function excelAction(
  run: ExcelRun = officeRun,
  /** Print settings of the sheets written (ExcelApi 1.9): as the pane's own ExcelWorkbook found. */
  pageLayout?: boolean,
): <T>(action: (hote: Hote) => Promise<T>) => Promise<T> {
  return (action) =>
    run((context) => {
      const partage: ExcelRun = (batch) => batch(context);
      const workbook = new ExcelWorkbook(partage, pageLayout);
      return action({ workbook, navigator: excelNavigator(workbook, partage) });
    });
}
