/**
 * The custom functions over large ranges: `=ARE.ELIGIBLE(C2:C100001)` and `=ARE.CATEGORIE(…)`, and the
 * range forms `=ARE.DOTATION(D2:D100001;"PRE BAC";2024)`, `=ARE.BOURSIERS(D2:D100001;0,35)` and
 * `=ARE.NETTE(E2:E100001;F2:F100001)` (issue 13 §5), on 10 000 and 100 000 cells, called as Excel calls
 * them: one call, a whole column as a matrix, through the metadata of dist/functions.json.
 *
 * The built dist/functions.js is loaded two ways, each measured:
 * - « global »: run as a browser runs a script, in the main realm, CustomFunctions passed in — as
 *   Excel's runtimes (a web view, or the JavaScript-only runtime) run it;
 * - « vm »: in a Node VM context, as the contract test loads it (test/functions/bundle.ts). Every
 *   global the bundle reads there (Array, Number, Map…) goes through the context's interceptors,
 *   ~0,4 µs each: a cost of Node's vm module that Excel does not have (docs/performance.md).
 * If the built bundle cannot be loaded, the functions compiled from src/functions are called directly
 * (with the same stand-in), and the output says so.
 *
 *   node build/bench/bench/fonctions.js
 */
import fs from "fs";
import vm from "vm";
import { distFile, loadFunctions, readMetadata } from "../test/functions/bundle";
import {
  StandInError,
  createCustomFunctionsStandIn,
  installCustomFunctionsGlobal,
} from "../test/functions/customFunctionsStandIn";
import { feuillesBench } from "./generate";
import { publier, serie } from "./mesure";

const TAILLES = [10_000, 100_000];
type Appel = (fonction: string, ...args: unknown[]) => unknown;

/** A function and its arguments over a column of `cellules` rows; the year is always given (2024). */
function cas(cellules: number): [string, unknown[]][] {
  // The code column of a generated extraction: text and numbers, some malformed codes; an Excel
  // error is left blank here (the range is what the user selects, header excluded).
  const codes = feuillesBench(cellules)
    .effectifs.slice(1, cellules + 1)
    .map((row) => [typeof row[2] === "object" && row[2] !== null ? "" : (row[2] ?? "")]);
  // Effectifs 0 to 299 with a blank every 50 rows; dotations in euros and cents; reliquats up to 1 500 €.
  const effectifs = codes.map((_, i) => [i % 50 === 49 ? "" : (i * 7919) % 300]);
  const dotations = codes.map((_, i) => [((i * 7919) % 300) * 157 + (i % 100) / 100]);
  const reliquats = codes.map((_, i) => [(i % 1000) * 1.5]);
  return [
    ["ELIGIBLE", [codes, 2024]],
    ["CATEGORIE", [codes, 2024]],
    ["DOTATION", [effectifs, "PRE BAC", 2024]],
    ["BOURSIERS", [effectifs, 0.35]],
    ["NETTE", [dotations, reliquats]],
  ];
}

/**
 * dist/functions.js run in the main realm, as a script: its globals are this process's own. Called as
 * Excel calls a function: one argument per declared parameter, null for an omitted optional one, a
 * single value as a 1 × 1 matrix where the parameter is a matrix.
 */
function chargerCommeExcel(): Appel {
  const standIn = createCustomFunctionsStandIn();
  const script = `(function (CustomFunctions, self) {\n${fs.readFileSync(distFile("functions.js"), "utf8")}\n})`;
  const executer = vm.runInThisContext(script, { filename: "dist/functions.js" }) as (
    customFunctions: unknown,
    self: unknown,
  ) => void;
  executer(standIn.global, {});
  const metadata = new Map(readMetadata().map((f) => [f.id, f]));
  return (fonction, ...args) => {
    const parametres = metadata.get(fonction)?.parameters ?? [];
    const fn = standIn.associations.get(fonction);
    if (!fn) throw new Error(`ARE.${fonction} n'est pas associée`);
    const excelArgs = parametres.map((parametre, i) => {
      const valeur = i < args.length ? args[i] : null;
      return parametre.dimensionality === "matrix" && !Array.isArray(valeur) ? [[valeur]] : valeur;
    });
    try {
      return fn(...excelArgs);
    } catch (error) {
      if (error instanceof StandInError) return error;
      throw error;
    }
  };
}

/** The two loadings of dist/functions.js, or else the functions compiled from src/functions. */
function chargements(): { nom: string; appel: Appel }[] | { source: string; appel: Appel } {
  try {
    // October 2024: the default school year is 2024-2025.
    const excel = loadFunctions(new Date(2024, 9, 15));
    return [
      { nom: "global", appel: chargerCommeExcel() },
      { nom: "vm", appel: (fonction, ...args) => excel.call(fonction, ...args) },
    ];
  } catch (error) {
    installCustomFunctionsGlobal();
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- after the global is installed
    const source = require("../src/functions/functions") as Record<string, (...args: unknown[]) => unknown>;
    const detail = error instanceof Error ? error.message : String(error);
    return {
      // The range forms read a single value as a 1 × 1 range themselves (enMatrice).
      appel: (fonction, ...args) => source[fonction.toLowerCase()](...args),
      source: `src/functions compilé (dist/functions.js ne se charge pas : ${detail})`,
    };
  }
}

async function principal(): Promise<void> {
  const charges = chargements();
  const liste = Array.isArray(charges) ? charges : [{ nom: "src", appel: charges.appel }];
  const source = Array.isArray(charges) ? "dist/functions.js" : charges.source;
  const mesures = [];
  for (const cellules of TAILLES) {
    for (const [fonction, args] of cas(cellules)) {
      // Both loadings run the same bundle: their results must be the same, cell by cell.
      const resultats = liste.map(({ appel }) => JSON.stringify(appel(fonction, ...args)));
      if (resultats.some((r) => r !== resultats[0]))
        throw new Error(`ARE.${fonction} : résultats différents selon le chargement du paquet`);
      for (const { nom, appel } of liste) {
        let erreurs = 0;
        const s = await serie(
          () => {
            const resultat = appel(fonction, ...args) as unknown[][];
            if (resultat.length !== cellules)
              throw new Error(`ARE.${fonction} : ${resultat.length} lignes rendues`);
            erreurs = resultat.filter((r) => typeof r[0] === "object" && r[0] !== null).length;
          },
          { minimum: 5, dureeMs: 1000 },
        );
        mesures.push({
          fonction,
          cellules,
          chargement: nom,
          erreurs,
          essais: s.mesures.length,
          murMedianMs: s.murMedianMs,
          cpuMedianMs: s.cpuMedianMs,
          murMinMs: s.murMinMs,
        });
      }
    }
  }
  publier({ source, mesures });
}

principal().catch((error) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
