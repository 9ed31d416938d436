import js from "@eslint/js";
import tseslint from "typescript-eslint";
import officeAddins from "eslint-plugin-office-addins";
import react from "eslint-plugin-react";
import reactHooks from "eslint-plugin-react-hooks";

// Frontières des couches (issue 14 §4, docs/architecture.md) — a self-contained block.
// Each folder of src/ lists the other folders of src/ it may import; any other relative import that
// leaves the folder fails `npm run lint` (test/rules/frontieres.test.ts). An import is matched as
// written, so one block per depth below the folder: from src/rules/catalogue/x.ts the layer is left
// by « ../../ », from src/rules/x.ts by « ../ ». Packages (decimal.js, react…) are not concerned.
const COEUR = ["rules", "grid", "sheet", "workflows", "workbook"];
const FRONTIERES = {
  rules: [],
  // The grid of cells (CellValue, SheetData…): the bottom layer with src/rules, shared by every other.
  grid: [],
  // The sheet layer reads grids of cells; the Workbook port is out of its reach.
  sheet: ["rules", "grid"],
  workflows: ["rules", "grid", "sheet", "workbook/port"],
  workbook: ["rules", "grid"],
  // Adapters use the core, never each other — except the composition roots below.
  xlsx: COEUR,
  excel: COEUR,
  // The CLI is the composition root of the file adapter: it opens .xlsx/.csv files through src/xlsx.
  cli: [...COEUR, "xlsx"],
  // The task pane is the composition root of the Office.js adapter (src/excel) and starts the
  // shared runtime (src/addin) that stores the parameters in the workbook.
  taskpane: [...COEUR, "excel", "addin"],
  // The custom functions run in the same shared runtime and read its parameters (src/addin).
  functions: [...COEUR, "addin"],
  addin: COEUR,
  // The browser preview (development only) assembles the task pane on the in-memory workbook.
  preview: [...COEUR, "taskpane", "addin"],
};
const echapper = (texte) => texte.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const frontieres = Object.entries(FRONTIERES).flatMap(([couche, permis]) =>
  [0, 1, 2, 3, 4, 5].map((profondeur) => {
    const sortie = `^(\\.\\./){${profondeur + 1}}`;
    const exceptions = [couche, ...permis].map((cible) =>
      cible.includes("/") ? `${echapper(cible)}$` : `${echapper(cible)}(/|$)`,
    );
    const permisRegex = exceptions.length ? `(?!(${exceptions.join("|")}))` : "";
    return {
      files: [`src/${couche}/${"*/".repeat(profondeur)}*.{ts,tsx}`],
      rules: {
        "no-restricted-imports": [
          "error",
          {
            patterns: [
              {
                regex: sortie + permisRegex,
                message: permis.length
                  ? `src/${couche} n'importe que ${permis.map((c) => `src/${c}`).join(", ")} (docs/architecture.md, frontières).`
                  : `src/${couche} n'importe rien hors de lui-même (docs/architecture.md, frontières).`,
              },
            ],
          },
        ],
      },
    };
  }),
);

export default tseslint.config(
  { ignores: ["dist/", "build/", "node_modules/", "coverage/", "test-results/", "examples/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-eval": "error",
      "no-implied-eval": "error",
      "no-new-func": "error",
    },
  },
  {
    files: ["src/**/*.{ts,tsx}"],
    plugins: { "office-addins": officeAddins },
    rules: {
      "office-addins/call-sync-after-load": "error",
      "office-addins/call-sync-before-read": "error",
      "office-addins/load-object-before-read": "error",
      "office-addins/no-context-sync-in-loop": "error",
      "office-addins/no-empty-load": "warn",
      "office-addins/no-navigational-load": "warn",
      "office-addins/test-for-null-using-isNullObject": "error",
    },
  },
  {
    // The task pane and the preview (React 18, automatic JSX runtime).
    files: ["src/**/*.tsx", "test/**/*.tsx"],
    ...react.configs.flat.recommended,
    ...react.configs.flat["jsx-runtime"],
    plugins: { react, "react-hooks": reactHooks },
    settings: { react: { version: "18" } },
    rules: {
      ...react.configs.flat.recommended.rules,
      ...react.configs.flat["jsx-runtime"].rules,
      ...reactHooks.configs.recommended.rules,
      // Props are typed by TypeScript (strict), which checks more than prop-types would.
      "react/prop-types": "off",
    },
  },
  {
    files: ["**/*.js", "**/*.cjs"],
    languageOptions: {
      sourceType: "commonjs",
      globals: {
        require: "readonly",
        module: "writable",
        __dirname: "readonly",
        process: "readonly",
        console: "readonly",
      },
    },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  ...frontieres,
);
