/**
 * The shared runtime's single instances. In the manifest, the custom functions, the task pane and the
 * ribbon share one page (`Taskpane.Url`, design.md §3); the webpack build makes the task-pane bundle
 * depend on the functions bundle, so both import this very module and see the same store.
 */
import { officeParametres } from "./officeParametres";
import { createParametresStore } from "./parametresStore";

/** True inside Office (Office.js loaded), false when the bundle runs elsewhere (tests, plain browser). */
const dansOffice = typeof Office !== "undefined" && typeof Excel !== "undefined";

export const parametresStore = createParametresStore(dansOffice ? officeParametres : null);

let demarre = false;

/**
 * Loads the user's values once Office is ready. Called by both bundles' entry points; only the first
 * call does anything. A failure leaves the embedded values in force and is shown in the task pane.
 */
export function demarrerRuntime(): void {
  if (demarre || !dansOffice) return;
  demarre = true;
  // charger() reports its own failures in the store's avertissement: nothing to catch here.
  void Office.onReady(() => parametresStore.charger());
}
