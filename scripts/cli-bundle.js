#!/usr/bin/env node
// `npm run build:core`, second step: the command line compiled by tsc (build/cli/main.js and the ~100
// modules of build/ it loads) assembled into one file, build/are.js, which bin/are.js loads.
//
// Why (docs/performance.md): loading ~100 files costs every start of `are` a lookup, a read and a
// compilation wrapper per file — ~40 ms of the ~170 ms that `are dotations` took before reading
// anything on the bench machine, more on a Windows PC whose antivirus inspects every file opened.
// One file is read once. Nothing else changes: the same JavaScript that tsc wrote, not minified (stack
// traces stay readable with ARE_DEBUG=1), and the commands are still evaluated only when they run
// (the `import()` of src/cli/main.ts stay lazy inside the bundle). ExcelJS stays outside: it is only
// the fallback reader of the rare .xlsx the project's reader cannot read (src/xlsx/excelLib.ts).
"use strict";

const { spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");
const webpack = require("webpack");
const { demoArgs } = require("./demo-args");

const ROOT = path.join(__dirname, "..");
const BUILD = path.join(ROOT, "build");
/** What bin/are.js loads; its name is repeated there. */
const BUNDLE = "are.js";

const config = {
  mode: "production",
  target: "node20",
  context: ROOT,
  entry: path.join(BUILD, "cli", "main.js"),
  // Always written, even unchanged: bin/are.js loads it only when it is newer than build/cli/main.js,
  // which tsc has just rewritten.
  output: { path: BUILD, filename: BUNDLE, library: { type: "commonjs2" }, compareBeforeEmit: false },
  externals: { exceljs: "commonjs exceljs" },
  // Readable code, as tsc wrote it; no source map file (bin/are.js does not enable them).
  optimization: { minimize: false },
  devtool: false,
  performance: { hints: false },
  infrastructureLogging: { level: "error" },
  stats: "errors-warnings",
};

webpack(config, (error, stats) => {
  if (error || stats.hasErrors()) {
    process.stderr.write(
      `Assemblage de la ligne de commande (build/${BUNDLE}) impossible :\n${error ?? stats.toString("errors-only")}\n`,
    );
    process.exitCode = 1;
    return;
  }
  if (stats.hasWarnings()) process.stderr.write(`${stats.toString("errors-warnings")}\n`);
  asciiOnly(path.join(BUILD, BUNDLE));
  warmCodeCache();
});

/**
 * Every character past ASCII (the accents of the French messages and comments) written as its
 * escape, `é` as `\\u00e9`: JavaScript reads both the same, in strings, templates, regular
 * expressions and names alike (the project uses no String.raw). Node then holds the ~900 Ko of
 * source read at each start as one byte per character instead of two, and V8 scans it faster:
 * ~4 ms of each run on the bench machine (docs/performance.md).
 */
function asciiOnly(file) {
  const text = fs.readFileSync(file, "utf8");
  // After a backslash the escape would change meaning (`\é` is `é`, `\\u00e9` is not): none today.
  if (/\\[\u0080-\uffff]/.test(text))
    throw new Error(`build/${BUNDLE} : « \\ » suivi d'un caractère non ASCII`);
  const escaped = text.replace(
    /[\u0080-\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
  fs.writeFileSync(file, escaped);
}

/**
 * V8's code for the new bundle (src/cli/startup.ts): the caches of the previous bundle deleted, then
 * the demo's command run once, without writing its workbook, so that the first `are` a user runs
 * starts with the code of a whole `are dotations` — not only that of whatever command came first.
 * A failure here only costs speed: the next run writes the cache itself.
 */
function warmCodeCache() {
  // Compiled by tsc just before this script (npm run build:core).
  const { CACHE_FOLDER, removeCodeCaches } = require("../build/cli/startup.js");
  removeCodeCaches(path.join(BUILD, CACHE_FOLDER));
  const args = demoArgs();
  const run = spawnSync(
    process.execPath,
    [path.join(ROOT, "bin", "are.js"), ...args.slice(0, args.indexOf("--out"))],
    {
      cwd: ROOT,
      stdio: ["ignore", "ignore", "pipe"],
      encoding: "utf8",
    },
  );
  if (run.status !== 0) {
    process.stderr.write(
      `Préparation du code compilé de build/${BUNDLE} impossible (${run.error ?? `code ${run.status}`}) : \`are\` démarrera sans.\n${run.stderr ?? ""}`,
    );
  }
}
