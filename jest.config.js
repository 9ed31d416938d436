// CI reads jest's JSON report from test-results/ (scripts/ci-summary.js); jest does not create the folder.
require("fs").mkdirSync(`${__dirname}/test-results`, { recursive: true });

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/src", "<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  transform: {
    "^.+\\.tsx?$": [
      "ts-jest",
      {
        tsconfig: { module: "CommonJS", moduleResolution: "Node10", jsx: "react-jsx", isolatedModules: true },
      },
    ],
  },
  moduleNameMapper: {
    // office-addin-manifest pulls an ESM-only dependency that jest cannot load (design.md §7).
    "^office-addin-manifest$": "<rootDir>/test/stubs/office-addin-manifest.js",
  },
};
