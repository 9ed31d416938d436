/**
 * The browser preview (`npm run preview`): the real task pane beside a simple view of an in-memory
 * workbook holding the examples of examples/ (converted at build time into exemples-apercu.json by
 * scripts/preview-examples.js), so anyone can use the product without Excel. No Office.js here: the
 * pane gets the in-memory workbook as its Workbook port and navigator, and a parameters store saved in
 * the workbook's settings.
 *
 * URL options: `?latence=50` (milliseconds per simulated Excel request, default 5), `?theme=sombre`.
 */
import { useState } from "react";
import { createRoot } from "react-dom/client";
import { themeClair, themeSombre } from "../taskpane/themes";
import { ThemeRoot } from "../taskpane/components/ThemeRoot";
import {
  CLE_VALEURS_UTILISATEUR,
  createParametresStore,
  type ParametresStore,
} from "../addin/parametresStore";
import { CLE_LISTES, createListesStore, type ListesStore } from "../addin/listesStore";
import { anneeScolaireAu } from "../rules";
import { App } from "../taskpane/App";
import type { Services } from "../taskpane/services";
import type { CellValue } from "../workbook/port";
import { generateEffectifs } from "./generate";
import { PreviewWorkbook } from "./previewWorkbook";
import { SheetView } from "./SheetView";

export interface PreviewExamples {
  readonly sheets: readonly { readonly name: string; readonly values: CellValue[][] }[];
}

/** The user's Paramètres saved in the preview workbook's settings, as the add-in saves them in Excel's. */
function previewStore(workbook: PreviewWorkbook): ParametresStore {
  return createParametresStore({
    lire: () => workbook.readSetting(CLE_VALEURS_UTILISATEUR),
    async enregistrerEtRecalculer(valeurs) {
      await workbook.writeSetting(CLE_VALEURS_UTILISATEUR, JSON.stringify(valeurs));
      workbook.recalculations++;
    },
    async recalculer() {
      workbook.recalculations++;
    },
  });
}

/** The lists of formations loaded in the preview, saved in its workbook's settings as in Excel's. */
function previewListes(workbook: PreviewWorkbook): ListesStore {
  return createListesStore({
    lire: () => workbook.readSetting(CLE_LISTES),
    async enregistrerEtRecalculer(valeur) {
      await workbook.writeSetting(CLE_LISTES, valeur);
      workbook.recalculations++;
    },
    async recalculer() {
      workbook.recalculations++;
    },
  });
}

function Generator({ workbook }: { workbook: PreviewWorkbook }) {
  const [rows, setRows] = useState("200000");
  const count = Number(rows.replace(/\s/g, ""));
  const valid = Number.isInteger(count) && count > 0 && count <= 1_000_000;
  return (
    <form
      className="generateur"
      onSubmit={(event) => {
        event.preventDefault();
        if (valid) workbook.addUserSheet(`Généré ${count.toLocaleString("fr-FR")}`, generateEffectifs(count));
      }}
    >
      <label htmlFor="lignes-generees">Feuille générée (lignes)</label>
      <input
        id="lignes-generees"
        inputMode="numeric"
        value={rows}
        onChange={(e) => setRows(e.target.value)}
      />
      <button type="submit" disabled={!valid}>
        Ajouter la feuille
      </button>
    </form>
  );
}

function Preview({
  workbook,
  store,
  listes,
}: {
  workbook: PreviewWorkbook;
  store: ParametresStore;
  listes: ListesStore;
}) {
  // Built once: the screens read their sheets again whenever the services change.
  const [services] = useState<Services>(() => ({
    navigator: workbook,
    // No Excel.run to share in memory: an action simply runs.
    action: (action) => action({ workbook, navigator: workbook }),
    store,
    listes,
    currentYear: anneeScolaireAu(new Date()),
  }));
  return (
    <div className="apercu">
      <header className="titre-apercu">
        <h1>Aperçu du complément ARE</h1>
        <p>
          Classeur d&apos;exemple en mémoire (fichiers de <code>examples/</code>, données synthétiques) : rien
          n&apos;est envoyé ni enregistré. Dans Excel, le volet de droite agit sur le classeur ouvert.
        </p>
        <Generator workbook={workbook} />
      </header>
      <SheetView workbook={workbook} />
      <aside className="volet" aria-label="Volet ARE" id="volet">
        <App services={services} />
      </aside>
    </div>
  );
}

async function start(): Promise<void> {
  const racine = document.getElementById("racine");
  if (!racine) return;
  const params = new URLSearchParams(location.search);
  const latency = Number(params.get("latence") ?? "5");
  const dark = params.get("theme") === "sombre";
  let examples: PreviewExamples;
  try {
    const response = await fetch("exemples-apercu.json");
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    examples = (await response.json()) as PreviewExamples;
  } catch (error) {
    racine.textContent = `Les exemples (exemples-apercu.json) n'ont pas pu être chargés : ${String(error)}. Lancez « npm run preview ».`;
    return;
  }
  const workbook = new PreviewWorkbook(
    Object.fromEntries(examples.sheets.map((f) => [f.name, f.values])),
    Number.isFinite(latency) && latency >= 0 ? latency : 5,
  );
  const store = previewStore(workbook);
  const listes = previewListes(workbook);
  // For the browser tests and the curious: the workbook behind the preview.
  (window as unknown as { apercu: unknown }).apercu = { workbook, store, listes };
  createRoot(racine).render(
    <ThemeRoot theme={dark ? themeSombre : themeClair} className="fournisseur">
      <Preview workbook={workbook} store={store} listes={listes} />
    </ThemeRoot>,
  );
}

void start();
