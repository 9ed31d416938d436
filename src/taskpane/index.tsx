/**
 * Entry point of the task pane in Excel. In the shared runtime this page also hosts the custom
 * functions: the functions bundle is loaded first (webpack `dependOn`), so the store imported here is
 * theirs. Once Office is ready, the screens get the Excel adapter as their workbook and navigator, and
 * Fluent's theme follows Office's.
 */
import { createRoot } from "react-dom/client";
import { demarrerRuntime, listesStore, parametresStore } from "../addin/runtime";
import { ExcelWorkbook } from "../excel";
import { anneeScolaireAu } from "../rules";
import { App } from "./App";
import { ThemeRoot } from "./components/ThemeRoot";
import { excelAction } from "./excel/excelAction";
import { excelNavigator } from "./excel/excelNavigator";
import { themeFromOffice } from "./theme";
import { themeClair, themeSombre } from "./themes";

demarrerRuntime();

function render(): void {
  const racine = document.getElementById("racine");
  if (!racine) return;
  if (typeof Office === "undefined") {
    // The page's own message says what is missing and how to fix it (taskpane.html): shown at once.
    racine.classList.add("office-manquant");
    return;
  }
  const workbook = new ExcelWorkbook();
  const theme = themeFromOffice(typeof Office !== "undefined" ? Office.context?.officeTheme : null);
  createRoot(racine).render(
    <ThemeRoot theme={theme === "sombre" ? themeSombre : themeClair} style={{ minHeight: "100vh" }}>
      <App
        services={{
          navigator: excelNavigator(workbook),
          action: excelAction(),
          store: parametresStore,
          listes: listesStore,
          currentYear: anneeScolaireAu(new Date()),
        }}
      />
    </ThemeRoot>,
  );
}

// Excel (the global) exists only once Office.onReady has fired. Without Office.js (blocked, offline),
// the pane says so at once instead of staying blank (issue 12, point 18).
if (typeof Office !== "undefined") void Office.onReady(render);
else render();
