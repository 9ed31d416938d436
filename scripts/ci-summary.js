#!/usr/bin/env node
// Prints the last line of a CI run: "N passed, N failed", counting jest's tests from its JSON report
// and, when `npm test` failed before or beside jest (lint, type-check, build), that failure as one.
const fs = require("fs");
const path = require("path");

const status = Number(process.argv[2] || 0);
const report = path.join(__dirname, "..", "test-results", "jest-results.json");
let passed = 0;
let failed = 0;
if (fs.existsSync(report)) {
  const results = JSON.parse(fs.readFileSync(report, "utf8"));
  passed = results.numPassedTests;
  failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
}
if (status !== 0 && failed === 0) failed = 1;
console.log(`${passed} passed, ${failed} failed`);
