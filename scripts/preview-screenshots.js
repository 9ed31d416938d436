#!/usr/bin/env node
// Copies the screenshots the browser tests take of each screen (test-results/screenshots/, written by
// test/browser/volet.test.ts) to docs/screenshots/, where the README shows them.
//   npm run screenshots     (builds, runs the browser tests, then copies)
const fs = require("fs");
const path = require("path");

const ROOT = path.join(__dirname, "..");
const FROM = path.join(ROOT, "test-results", "screenshots");
const TO = path.join(ROOT, "docs", "screenshots");

const files = fs.existsSync(FROM) ? fs.readdirSync(FROM).filter((f) => f.endsWith(".png")) : [];
if (files.length === 0) {
  console.error("Aucune capture dans test-results/screenshots/ : lancez d'abord les tests du navigateur.");
  process.exit(1);
}
fs.mkdirSync(TO, { recursive: true });
for (const file of files.sort()) {
  fs.copyFileSync(path.join(FROM, file), path.join(TO, file));
  console.log(`docs/screenshots/${file}`);
}
