#!/usr/bin/env node
// The example files of examples/ as the in-memory workbook of the browser preview: read in Node with the
// command line's reader (src/xlsx, compiled to build/ by `npm run build:core`), written as one JSON file
// the preview page loads — so the browser never needs ExcelJS. Each file becomes one sheet, named as a
// finance officer would name the sheet they paste it into; its cells are placed from A1 (the used
// range's offsets restored), so row numbers and column letters are those of the file.
// From examples/bilans/ (the two-year cycle of issue 6), the files the Demande and Bilan screens use:
// the request for a dotation complémentaire, the filled bilans of 2023-2024 (one with errors) and the
// establishments sheet of 2023-2024 that the reliquats complete. Not its effectif sheets: the
// Dotations screen would tick them beside the three rectorats'.
//   node scripts/preview-examples.js [output.json]
const fs = require("fs");
const path = require("path");

const ROOT = path.join(__dirname, "..");
const EXAMPLES = path.join(ROOT, "examples");
const FILE_NAME = "exemples-apercu.json";

/** Sheet names for the known examples, in workbook order; any other file keeps its own name. */
const NAMES = {
  "effectifs-paris.xlsx": "Paris",
  "effectifs-creteil.csv": "Créteil",
  "effectifs-versailles.xlsx": "Versailles",
  "etablissements.xlsx": "Établissements",
};

/** The files of examples/bilans/ in the preview, in workbook order after those of examples/. */
const BILANS = [
  ["demande-complementaire.xlsx", "Demande complémentaire"],
  ["bilan-2023-0751234J.xlsx", "Bilan 0751234J"],
  ["bilan-2023-0931234L.xlsx", "Bilan 0931234L"],
  ["bilan-2023-0781234T.xlsx", "Bilan 0781234T"],
  ["bilan-avec-erreurs.xlsx", "Bilan 0781234T à corriger"],
  ["etablissements-2023.xlsx", "Établissements 2023-2024"],
];

function loadReader() {
  const built = path.join(ROOT, "build", "xlsx", "index.js");
  if (!fs.existsSync(built)) {
    throw new Error(
      "build/xlsx introuvable : lancez « npm run build:core » (fait par npm ci / npm install).",
    );
  }
  return require(built);
}

/** The used range placed back at its offsets: values[r][c] is the cell of row r + 1, column c (A = 0). */
function fromA1(sheet) {
  const rows = Array.from({ length: sheet.rowOffset }, () => []);
  for (const row of sheet.values) {
    rows.push([
      ...Array.from({ length: sheet.columnOffset }, () => null),
      ...row.map((v) => (v === undefined ? null : v)),
    ]);
  }
  return rows;
}

async function convertirExemples(dir = EXAMPLES) {
  const { readSpreadsheetFile, chooseSheet } = loadReader();
  const lire = async (file, name) => {
    const read = await readSpreadsheetFile(path.join(dir, file));
    return { name, fichier: file, values: fromA1(chooseSheet(read)) };
  };
  const files = fs
    .readdirSync(dir)
    .filter((f) => /\.(xlsx|csv)$/i.test(f))
    .sort((a, b) => {
      const order = Object.keys(NAMES);
      const ia = order.includes(a) ? order.indexOf(a) : order.length;
      const ib = order.includes(b) ? order.indexOf(b) : order.length;
      return ia - ib || (a < b ? -1 : 1);
    });
  const sheets = [];
  for (const file of files) sheets.push(await lire(file, NAMES[file] ?? path.parse(file).name.slice(0, 31)));
  for (const [file, name] of BILANS) {
    if (fs.existsSync(path.join(dir, "bilans", file))) sheets.push(await lire(`bilans/${file}`, name));
  }
  return { source: "examples/", sheets };
}

module.exports = { convertirExemples, FILE_NAME };

if (require.main === module) {
  const target = process.argv[2] ?? path.join(ROOT, "dist", FILE_NAME);
  convertirExemples()
    .then((examples) => {
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, JSON.stringify(examples));
      console.log(
        `${target} : ${examples.sheets.map((s) => `${s.name} (${s.values.length} lignes)`).join(", ")}`,
      );
    })
    .catch((error) => {
      console.error(error.message);
      process.exit(1);
    });
}
