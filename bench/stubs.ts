/**
 * What jest's moduleNameMapper does for the tests (jest.config.js), done for the benchmarks that load
 * test helpers in plain Node: office-addin-mock requires office-addin-manifest, whose ESM-only
 * dependency cannot be loaded here either; the tests' stand-in (test/stubs/) takes its place.
 * Imported first by the sections that use the fake Excel.
 */
import Module from "module";
import * as path from "path";

const STUB = path.resolve(__dirname, "..", "..", "..", "test", "stubs", "office-addin-manifest.js");

type Resolve = (request: string, ...rest: unknown[]) => string;
const resolution = Module as unknown as { _resolveFilename: Resolve };
const original = resolution._resolveFilename;
resolution._resolveFilename = function (this: unknown, request: string, ...rest: unknown[]): string {
  return request === "office-addin-manifest" ? STUB : original.call(this, request, ...rest);
};
