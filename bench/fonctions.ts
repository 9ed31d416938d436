/**
 * The custom functions over large ranges: `=ARE.ELIGIBLE(C2:C100001)` and `=ARE.CATEGORIE(…)`, and the
 * range forms `=ARE.DOTATION(D2:D100001;"PRE BAC";2024)`, `=ARE.BOURSIERS(D2:D100001;0,35)` and
 * `=ARE.NETTE(E2:E100001;F2:F100001)` (issue 13 §5), on 10 000 and 100 000 cells, the built dist/functions.js loaded the way the contract test loads it (a VM
 * with a stand-in CustomFunctions, test/functions/bundle.ts) and called as Excel calls it: one call,
 * a whole column as a matrix. If the built bundle cannot be loaded, the same functions compiled from
 * src/functions are called directly (with the same stand-in), and the output says so.
 *
 *   node build/bench/bench/fonctions.js
 */
import { loadFunctions } from "../test/functions/bundle";
import { installCustomFunctionsGlobal } from "../test/functions/customFunctionsStandIn";
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

/** ARE.<fonction>(…) as Excel calls it: from dist/functions.js, or else from src/functions. */
function fonctions(): { appel: Appel; source: string } {
  try {
    // October 2024: the default school year is 2024-2025.
    const excel = loadFunctions(new Date(2024, 9, 15));
    return { appel: (fonction, ...args) => excel.call(fonction, ...args), source: "dist/functions.js" };
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
  const { appel, source } = fonctions();
  const mesures = [];
  for (const cellules of TAILLES) {
    for (const [fonction, args] of cas(cellules)) {
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
        erreurs,
        essais: s.mesures.length,
        murMedianMs: s.murMedianMs,
        cpuMedianMs: s.cpuMedianMs,
        murMinMs: s.murMinMs,
      });
    }
  }
  publier({ source, mesures });
}

principal().catch((error) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
