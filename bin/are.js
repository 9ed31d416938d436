#!/usr/bin/env node
// The `are` command line (package.json "bin"). The TypeScript sources are compiled to build/ by
// `npm run build:core` (run by `npm ci` / `npm install` through the "prepare" script).
"use strict";

/**
 * Node ≥ 22.1 keeps V8's compiled code of build/ between runs: a run then skips compiling the ~100
 * modules it loads (docs/performance.md). The cache sits in build/, next to the code it belongs to,
 * never in a folder shared with other users; where build/ cannot be written (a read-only install),
 * Node runs without it. Node 20 has no such cache: nothing is done there.
 */
function enableCompileCache(buildDirectory) {
  const { enableCompileCache: enable } = require("module");
  if (typeof enable !== "function") return;
  try {
    enable(require("path").join(buildDirectory, ".cache-node"));
  } catch {
    // A cache that cannot be set up only costs speed.
  }
}

/**
 * The command line as one file, build/are.js (scripts/cli-bundle.js: one read instead of ~100 at every
 * start). Right after a bare `tsc` (build/cli newer than the bundle) the compiled modules themselves
 * are loaded: the same code, only slower to start.
 */
function cliModule(fs, mainModule, bundle) {
  try {
    if (fs.statSync(bundle).mtimeMs >= fs.statSync(mainModule).mtimeMs) return bundle;
  } catch {
    // No bundle (a build made by tsc alone): the modules.
  }
  return mainModule;
}

let cli;
try {
  const path = require("path");
  const mainModule = require.resolve("../build/cli/main.js");
  const buildDirectory = path.join(mainModule, "..", "..");
  enableCompileCache(buildDirectory);
  cli = require(cliModule(require("fs"), mainModule, path.join(buildDirectory, "are.js")));
} catch (error) {
  if (error && error.code === "MODULE_NOT_FOUND" && String(error.message).includes("../build/cli/main.js")) {
    process.stderr.write(
      "are : la ligne de commande n'est pas compilée (dossier build/ absent).\n" +
        "Lancez « npm run build:core » (ou « npm ci ») dans le dossier du projet, puis recommencez.\n",
    );
    process.exit(2);
  }
  throw error;
}

// A reader that stops early (`are … | head`) is not an error.
process.stdout.on("error", (error) => {
  if (error.code === "EPIPE") process.exit(0);
  throw error;
});

// The young generation of V8's heap sized by the files given (src/cli/heap.ts, docs/performance.md).
// Absent from a build older than this file: skipped.
if (typeof cli.sizeYoungGeneration === "function") cli.sizeYoungGeneration(process.argv.slice(2));

cli.main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
