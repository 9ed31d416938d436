/**
 * The shared runtime's single instances. In the manifest, the custom functions, the task pane and the
 * ribbon share one page (`Taskpane.Url`, design.md §3); the webpack build makes the task-pane bundle
 * depend on the functions bundle, so both import this very module and see the same store.
 */
import { createListesStore } from "./listesStore";
import { officeListes } from "./officeListes";
import { officeParametres } from "./officeParametres";
import { createParametresStore } from "./parametresStore";

/** The store of the page; the workbook is attached by demarrerRuntime once Office is ready. */
export const parametresStore = createParametresStore(null);

/** The lists of formations loaded in the workbook, attached likewise. */
export const listesStore = createListesStore(null);

let demarre = false;

/**
 * Attaches the workbook's settings to the stores once Office is ready in Excel, which loads the user's
 * values and lists of formations. Called by both bundles' entry points; only the first call does anything. Office.js defines
 * `Office` as soon as it loads, but `Excel` only after Office.onReady: hence the wait. Outside Office
 * (tests, a plain browser) nothing happens and values stay in memory. A failure to read leaves the
 * embedded values in force and is shown in the task pane (the store's avertissement).
 */
export function demarrerRuntime(): void {
  if (demarre || typeof Office === "undefined") return;
  demarre = true;
  void Office.onReady((info) => {
    if (info.host !== Office.HostType.Excel) return;
    void parametresStore.brancher(officeParametres);
    void listesStore.brancher(officeListes);
  });
}
