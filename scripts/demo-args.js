// The `are` command of `npm run demo` (scripts/demo.js), apart so that test/cli/demo.test.ts runs the
// very same command: the dotations 2024-2025 of the bundled examples, written to `out`.
"use strict";

const path = require("path");

const root = path.join(__dirname, "..");

/** Paths relative to the current folder, as a user would type them. */
function demoArgs(out = path.join(root, "dotations-demo.xlsx")) {
  const shown = (file) => path.relative(process.cwd(), file) || ".";
  const example = (name) => shown(path.join(root, "examples", name));
  return [
    "dotations",
    example("effectifs-paris.xlsx"),
    example("effectifs-creteil.csv"),
    example("effectifs-versailles.xlsx"),
    "--etablissements",
    example("etablissements.xlsx"),
    "--annee",
    "2024",
    "--out",
    shown(out),
  ];
}

module.exports = { demoArgs };
