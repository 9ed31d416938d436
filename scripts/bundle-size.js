#!/usr/bin/env node
// Weighs the built add-in against design.md §8: the task-pane page loads at most 165 KB of JavaScript
// gzipped (every script of dist/taskpane.html and the chunks it loads lazily, Office.js from Microsoft's
// CDN excepted), functions.js at
// most 60 KB gzipped. Prints raw and gzip sizes; exits with 1 when a budget is exceeded.
//   npm run build && node scripts/bundle-size.js
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const dist = path.join(__dirname, "..", "dist");
const KB = 1024;
const BUDGETS = { page: 165 * KB, functions: 60 * KB };

function weigh(file) {
  const content = fs.readFileSync(path.join(dist, file));
  return { file, raw: content.length, gzip: zlib.gzipSync(content, { level: 9 }).length };
}

const kb = (bytes) => `${(bytes / KB).toFixed(1)} Ko`;

if (!fs.existsSync(path.join(dist, "taskpane.html"))) {
  console.error("dist/taskpane.html introuvable : lancez d'abord npm run build.");
  process.exit(1);
}

// The page's own scripts, in order; remote ones (office.js) are not ours to weigh.
const html = fs.readFileSync(path.join(dist, "taskpane.html"), "utf8");
const scripts = [...html.matchAll(/<script[^>]*\ssrc=["']?([^"'\s>]+)/g)]
  .map((match) => match[1])
  .filter((src) => !/^https?:/.test(src));

// Screens loaded on first visit (React.lazy) are part of the page too: every other script of dist/,
// except the browser preview's own bundle (preview*.js, not part of the add-in).
const lazy = fs
  .readdirSync(dist)
  .filter((file) => file.endsWith(".js") && !scripts.includes(file) && !file.startsWith("preview"))
  .sort();

const rows = [...scripts, ...lazy].map(weigh);
const page = rows.reduce((sum, row) => ({ raw: sum.raw + row.raw, gzip: sum.gzip + row.gzip }), {
  raw: 0,
  gzip: 0,
});
const functions = weigh("functions.js");

for (const row of rows)
  console.log(`${row.file.padEnd(20)} ${kb(row.raw).padStart(10)} brut ${kb(row.gzip).padStart(10)} gzip`);
console.log(
  `${"page du volet".padEnd(20)} ${kb(page.raw).padStart(10)} brut ${kb(page.gzip).padStart(10)} gzip  (budget ${kb(BUDGETS.page)})`,
);
console.log(
  `${"functions.js".padEnd(20)} ${kb(functions.raw).padStart(10)} brut ${kb(functions.gzip).padStart(10)} gzip  (budget ${kb(BUDGETS.functions)})`,
);

let over = false;
if (page.gzip > BUDGETS.page) {
  console.error(`Page du volet au-dessus du budget : ${kb(page.gzip)} > ${kb(BUDGETS.page)} gzip.`);
  over = true;
}
if (functions.gzip > BUDGETS.functions) {
  console.error(`functions.js au-dessus du budget : ${kb(functions.gzip)} > ${kb(BUDGETS.functions)} gzip.`);
  over = true;
}
process.exit(over ? 1 : 0);
