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

const path = require("path");
const webpack = require("webpack");

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
});
