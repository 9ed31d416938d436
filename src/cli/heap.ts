/**
 * V8's settings for one run of `are`, decided by the size of the files it is given: the young
 * generation of its heap, and when its optimising compiler steps in (LATER_OPTIMIZATION).
 *
 * Décision (regles.md#technique.performance; issue 13 §5): V8 doubles its young generation (the
 * « new space » where objects are born) each time a collection finds most of them alive, as while
 * a sheet is read: from 1 to 16 MB in a 100 000-row run. Each doubling takes memory the system
 * has not yet given, page by page, at ~10 µs a page on the bench machine — more than the
 * collections themselves. For the sizes a lycée or a rectorat sends, `are` keeps the young
 * generation at its first size (growth factor 1): `are dotations` on 100 000 rows ~55 ms faster on
 * Node 20, ~65 ms on Node 22 and 24, 30 000 to 600 000 rows faster too (docs/performance.md). On a
 * full Excel sheet (1 048 576 rows) the many small collections cost more than the doubling (+0.5
 * s): past ESTIMATED_ROWS_MAX, V8 keeps its own sizing. Only the collector's work changes, never
 * a value. The flag is read by V8 each time it grows the young generation, so setting it once
 * running takes effect; a Node.js that did not know it would say so on stderr: test/cli/heap.test.ts
 * checks it on the Node.js running the tests (Node 20 in CI; 22 and 24 checked by hand). The price:
 * V8 pretenures long-lived objects only after a collection at the young generation's maximum size,
 * which it then never reaches (docs/performance.md).
 */
import * as fs from "fs";
import * as path from "path";

/** Above this estimate of the rows read, V8 sizes its young generation itself. */
export const ESTIMATED_ROWS_MAX = 300_000;

/**
 * Bytes per row of a rectorat extraction, by format (the bench's generated sheets: 100 000 rows are
 * 3.3 MB as .xlsx, 8.4 MB as .csv). A real extraction has more columns, so more bytes per row: the
 * estimate is then higher than the truth, on the side of V8's own sizing. A file that compresses far
 * better than these (a million identical rows) is read with the small young generation: the full
 * bench sheet forced so took 2.8 to 3.1 s instead of 2.2 to 2.7 s, within design.md's 4 s.
 */
const BYTES_PER_ROW_XLSX = 33;
const BYTES_PER_ROW_TEXT = 84;

/** V8's flag that keeps the young generation at its first size. */
export const KEEP_YOUNG_GENERATION = "--semi-space-growth-factor=1";

/** Rows a run may read: every argument that names a file, options' values included. */
export function estimatedRows(argv: readonly string[], sizeOf: (file: string) => number | null): number {
  let rows = 0;
  for (const argument of argv) {
    if (argument.startsWith("-")) continue;
    const size = sizeOf(argument);
    if (size === null) continue;
    const extension = path.extname(argument).toLowerCase();
    rows += size / (extension === ".csv" || extension === ".txt" ? BYTES_PER_ROW_TEXT : BYTES_PER_ROW_XLSX);
  }
  return rows;
}

/** The V8 flag for a run of `are` on these arguments, or null to leave V8's sizing alone. */
export function youngGenerationFlag(
  argv: readonly string[],
  sizeOf: (file: string) => number | null,
): string | null {
  return estimatedRows(argv, sizeOf) <= ESTIMATED_ROWS_MAX ? KEEP_YOUNG_GENERATION : null;
}

/**
 * V8's flag that waits longer before compiling a function again with its optimising compiler
 * (TurboFan): the budget of bytecode a function runs before V8 considers it, ~4,4 times V8's own
 * (67 584 on Node 20).
 *
 * Décision (regles.md#technique.performance; issue 13 §5): in a run of a few hundred milliseconds,
 * V8 optimises dozens of functions that the run then hardly uses — compiler work on the other core
 * and memory the system gives page by page. Waiting longer, only the really hot ones are optimised:
 * `are dotations` on 100 000 rows, 15 alternated pairs, 560 instead of 600 ms and 750 instead of
 * 830 ms of CPU; `--json`, `--out`, a .csv and the demo's files no slower, less CPU
 * (docs/performance.md). On a full Excel sheet the functions run long enough for early optimisation
 * to pay (+0,3 s with the flag): past ESTIMATED_ROWS_MAX, V8's own budget. Only when code is
 * compiled changes, never what it computes.
 */
export const LATER_OPTIMIZATION = "--interrupt-budget=300000";

/**
 * LATER_OPTIMIZATION where this V8 has that budget, else null. V8 12 (Node 22 and later) replaced it
 * by invocation counts and a middle tier (Maglev), and says « unrecognized flag » on stderr at every
 * run when given it: there V8 keeps its own tiering (a later one was not measured).
 */
export function laterOptimizationFlag(v8Version: string): string | null {
  const major = Number.parseInt(v8Version, 10);
  return Number.isInteger(major) && major <= 11 ? LATER_OPTIMIZATION : null;
}

/** The V8 flags for a run of `are` on these arguments (heap.ts's decisions), in the order set. */
export function runFlags(
  argv: readonly string[],
  sizeOf: (file: string) => number | null,
  v8Version: string = process.versions.v8,
): string[] {
  const young = youngGenerationFlag(argv, sizeOf);
  if (young === null) return [];
  const later = laterOptimizationFlag(v8Version);
  return later === null ? [young] : [young, later];
}

/** The size of a file, or null for anything else (an option's value, a folder, a missing file). */
export function fileSize(file: string): number | null {
  try {
    const stat = fs.statSync(file, { throwIfNoEntry: false });
    return stat?.isFile() ? stat.size : null;
  } catch {
    return null;
  }
}
