/**
 * Layer boundaries the build enforces (issue 14 §4): eslint.config.mjs forbids, per folder of src/, the
 * imports that point outwards, and `npm run lint` fails on them. Each case lints a small source text
 * placed virtually in src/ with ESLint's Node API. The API loads eslint.config.mjs with a dynamic
 * import, which jest's module sandbox refuses, so it runs in a child Node process.
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";

interface Cas {
  fichier: string;
  importe: string;
}

const RACINE = path.resolve(__dirname, "../..");

const SCRIPT = `
const { ESLint } = require("eslint");
const cas = JSON.parse(require("fs").readFileSync(0, "utf8"));
(async () => {
  const eslint = new ESLint({ cwd: process.cwd() });
  const sorties = [];
  for (const c of cas) {
    const texte = 'import { a } from "' + c.importe + '";\\nexport const b = a;\\n';
    const [resultat] = await eslint.lintText(texte, { filePath: c.fichier });
    sorties.push(resultat.messages.filter((m) => m.ruleId === "no-restricted-imports" && m.severity === 2).map((m) => m.message));
  }
  process.stdout.write(JSON.stringify(sorties));
})();
`;

/** The no-restricted-imports errors (severity 2: they fail `npm run lint`) of each case, in order. */
function linter(cas: Cas[]): string[][] {
  const sortie = execFileSync(process.execPath, ["-e", SCRIPT], {
    cwd: RACINE,
    input: JSON.stringify(cas),
    encoding: "utf8",
  });
  return JSON.parse(sortie) as string[][];
}

const INTERDITS: Cas[] = [
  { fichier: "src/rules/frontiere.ts", importe: "../xlsx" },
  { fichier: "src/rules/catalogue/frontiere.ts", importe: "../../sheet" },
  { fichier: "src/rules/frontiere.ts", importe: "../workbook/port" },
  { fichier: "src/rules/catalogue/bcn/frontiere.ts", importe: "../../../excel/writing" },
  { fichier: "src/sheet/frontiere.ts", importe: "../workbook/memory" },
  { fichier: "src/sheet/frontiere.ts", importe: "../workbook/port" },
  { fichier: "src/grid/frontiere.ts", importe: "../rules" },
  { fichier: "src/grid/frontiere.ts", importe: "../workbook/port" },
  { fichier: "src/sheet/frontiere.ts", importe: "../workflows" },
  { fichier: "src/workflows/frontiere.ts", importe: "../excel" },
  { fichier: "src/workflows/frontiere.ts", importe: "../cli/table" },
  { fichier: "src/workflows/frontiere.ts", importe: "../cli/json" },
  { fichier: "src/workflows/frontiere.ts", importe: "../xlsx" },
  { fichier: "src/workflows/frontiere.ts", importe: "../workbook/memory" },
  { fichier: "src/xlsx/frontiere.ts", importe: "../excel" },
  { fichier: "src/excel/frontiere.ts", importe: "../xlsx" },
  { fichier: "src/cli/frontiere.ts", importe: "../taskpane/format" },
  { fichier: "src/taskpane/bilan/frontiere.ts", importe: "../../xlsx" },
  { fichier: "src/functions/frontiere.ts", importe: "../excel" },
];

const PERMIS: Cas[] = [
  { fichier: "src/rules/frontiere.ts", importe: "./money" },
  { fichier: "src/rules/catalogue/frontiere.ts", importe: "../categories" },
  { fichier: "src/sheet/frontiere.ts", importe: "../rules" },
  { fichier: "src/sheet/frontiere.ts", importe: "../grid" },
  { fichier: "src/workbook/frontiere.ts", importe: "../grid" },
  { fichier: "src/workflows/frontiere.ts", importe: "../sheet/types" },
  { fichier: "src/workflows/frontiere.ts", importe: "../workbook/port" },
  { fichier: "src/cli/frontiere.ts", importe: "../xlsx" },
  { fichier: "src/taskpane/excel/frontiere.ts", importe: "../../excel" },
  { fichier: "src/functions/frontiere.ts", importe: "../addin/runtime" },
];

describe("frontières des couches vérifiées par ESLint", () => {
  let interdits: string[][];
  let permis: string[][];
  beforeAll(() => {
    const messages = linter([...INTERDITS, ...PERMIS]);
    interdits = messages.slice(0, INTERDITS.length);
    permis = messages.slice(INTERDITS.length);
  }, 120_000);

  test("src/rules qui importe ../xlsx est une erreur de lint qui nomme la frontière", () => {
    expect(interdits[0]).toEqual([
      expect.stringContaining(
        "src/rules n'importe rien hors de lui-même (docs/architecture.md, frontières).",
      ),
    ]);
  });

  test("chaque fichier de src/ est à une profondeur que les blocs de frontières couvrent", () => {
    const fichiers = fs.readdirSync(path.join(RACINE, "src"), { recursive: true, encoding: "utf8" });
    const tropProfonds = fichiers.filter((f) => /\.tsx?$/.test(f) && f.split(path.sep).length > 7);
    expect(tropProfonds).toEqual([]);
  });

  test.each(INTERDITS.map((c, i) => [c.fichier, c.importe, i] as const))(
    "%s ne peut pas importer %s",
    (_fichier, _importe, i) => {
      expect(interdits[i]).toHaveLength(1);
    },
  );

  test.each(PERMIS.map((c, i) => [c.fichier, c.importe, i] as const))("%s peut importer %s", (_f, _i, i) => {
    expect(permis[i]).toEqual([]);
  });
});
