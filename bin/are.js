#!/usr/bin/env node
// The `are` command line (package.json "bin"). The TypeScript sources are compiled to build/ by
// `npm run build:core` (run by `npm ci` / `npm install` through the "prepare" script).
"use strict";

let started;
try {
  // Sizes V8's young generation for the files given, then loads build/are.js with the code V8
  // compiled for it in an earlier run (src/cli/startup.ts, docs/performance.md).
  started = require("../build/cli/startup.js").startCli(process.argv.slice(2));
} catch (error) {
  if (
    error &&
    error.code === "MODULE_NOT_FOUND" &&
    String(error.message).includes("../build/cli/startup.js")
  ) {
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

started.cli.main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
  started.saveCodeCache(code);
});
