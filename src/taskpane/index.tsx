/**
 * Entry point of the task pane. In the shared runtime this page also hosts the custom functions: the
 * functions bundle is loaded first (webpack `dependOn`), so the store imported here is theirs.
 */
import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { demarrerRuntime, parametresStore } from "../addin/runtime";
import { schoolYearOn } from "../rules";
import { App } from "./App";

demarrerRuntime();

const racine = document.getElementById("racine");
if (racine) {
  createRoot(racine).render(
    <FluentProvider theme={webLightTheme}>
      <App store={parametresStore} anneeEnCours={schoolYearOn(new Date())} />
    </FluentProvider>,
  );
}
