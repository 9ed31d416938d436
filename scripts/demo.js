#!/usr/bin/env node
// `npm run demo`: the dotations 2024-2025 of the example files (examples/), computed by the `are`
// command line compiled in build/ (npm run build:core). Prints the summary table and writes
// dotations-demo.xlsx. 2024-2025 is chosen because its forfaits are published (157 € and 56 €).
"use strict";

const { demoArgs } = require("./demo-args");

// `npm run demo` compiles build/ just before (npm run build:core).
const cli = require("../build/cli/main.js");

const args = demoArgs();
process.stderr.write(`$ are ${args.join(" ")}\n\n`);
cli.main(args).then((code) => {
  process.exitCode = code;
});
