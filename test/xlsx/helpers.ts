/** Temporary folders for tests that write real files. */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

export function tempDir(prefix = "are-test-"): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function removeDir(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}

/** The files in a folder, hidden ones (temporary files) included. */
export function filesIn(dir: string): string[] {
  return fs.readdirSync(dir).sort();
}

/**
 * A sheet's used range as a rectangle: the reader keeps rows ragged (each to its last cell, blank
 * rows shared, src/xlsx/read.ts usedRange), the tests compare the cells padded with blanks.
 */
export function rectangle(values: readonly (readonly unknown[])[]): unknown[][] {
  const width = Math.max(0, ...values.map((row) => row.length));
  return values.map((row) => Array.from({ length: width }, (_, j) => row[j] ?? null));
}
