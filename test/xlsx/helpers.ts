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
