#!/usr/bin/env node
// The example files of examples/ as the in-memory workbook of the browser preview: read in Node with the
// command line's reader (src/xlsx, compiled to build/ by `npm run build:core`), written as one JSON file
// the preview page loads — so the browser never needs ExcelJS. Each file becomes one sheet, named as a
// finance officer would name the sheet they paste it into; its cells are placed from A1 (the used
// range's offsets restored), so row numbers and column letters are those of the file.
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
  for (const file of files) {
    const read = await readSpreadsheetFile(path.join(dir, file));
    const sheet = chooseSheet(read);
    sheets.push({
      name: NAMES[file] ?? path.parse(file).name.slice(0, 31),
      fichier: file,
      values: fromA1(sheet),
    });
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
