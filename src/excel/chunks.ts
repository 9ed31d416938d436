/**
 * How big one Office.js request may be. Excel on the web refuses a request or a response above 5 MB
 * (design.md §5, §8), so large sheets are read and written in chunks, one `context.sync()` each.
 */
import type { CellValue, Row } from "../workbook/port";

/** Rows per chunk, whatever their width (design.md §5). */
export const MAX_ROWS_PER_CHUNK = 5000;

/**
 * Cells per chunk when reading. Décision (regles.md#technique.tranches-office) : 50 000 cells. A read answer carries, per cell, the value
 * and its type ("String", "Double"…), about 40 bytes for ordinary cells, so 50 000 cells stay near
 * 2 MB and leave room for longer texts. A sheet of 10 columns or fewer reads 5 000 rows per chunk;
 * a very wide one reads fewer rows per chunk.
 */
export const MAX_CELLS_PER_READ_CHUNK = 50_000;

/**
 * Estimated bytes per chunk when writing. Décision (regles.md#technique.tranches-office) : 2.5 MB, half of the cap, as the estimate below
 * is rough (escaping, the request's own envelope). Written rows are known in advance, so their size
 * is estimated rather than their cell count: an explanation column of long texts needs smaller chunks
 * than a column of amounts.
 */
export const MAX_BYTES_PER_WRITE_CHUNK = 2_500_000;

/** Rows `start` … `start + count - 1` (0-based, relative to the block read or written). */
export interface RowChunk {
  readonly start: number;
  readonly count: number;
}

/** Chunks for reading `rowCount` rows of `columnCount` cells. */
export function readChunks(rowCount: number, columnCount: number): RowChunk[] {
  const rowsPerChunk = Math.max(
    1,
    Math.min(MAX_ROWS_PER_CHUNK, Math.floor(MAX_CELLS_PER_READ_CHUNK / Math.max(1, columnCount))),
  );
  const chunks: RowChunk[] = [];
  for (let start = 0; start < rowCount; start += rowsPerChunk) {
    chunks.push({ start, count: Math.min(rowsPerChunk, rowCount - start) });
  }
  return chunks;
}

/**
 * Rough size in a request of one written cell: its value and its number format, as JSON. Strings
 * count 3 bytes per character (the most a UTF-16 unit takes in UTF-8), so the estimate is an upper bound.
 */
function cellBytes(value: CellValue | undefined, numberFormatLength: number): number {
  const formatBytes = numberFormatLength + 4;
  if (value === null || value === undefined) return 3 + formatBytes;
  switch (typeof value) {
    case "string":
      return value.length * 3 + 3 + formatBytes;
    case "number":
      return 25 + formatBytes;
    case "boolean":
      return 6 + formatBytes;
    default:
      return value.error.length + 3 + formatBytes;
  }
}

/**
 * Chunks for writing `rows`: at most 5 000 rows and about MAX_BYTES_PER_WRITE_CHUNK bytes each.
 * Always at least one chunk (possibly empty), as the batch that writes the last chunk also writes
 * the totals and formats the sheet.
 */
export function writeChunks(
  rows: readonly Row[],
  numberFormatLengths: readonly number[],
  maxBytes: number = MAX_BYTES_PER_WRITE_CHUNK,
): RowChunk[] {
  const chunks: RowChunk[] = [];
  let start = 0;
  let bytes = 0;
  for (let r = 0; r < rows.length; r++) {
    let rowBytes = 4;
    for (let c = 0; c < numberFormatLengths.length; c++)
      rowBytes += cellBytes(rows[r][c], numberFormatLengths[c]);
    const count = r - start;
    if (count > 0 && (count >= MAX_ROWS_PER_CHUNK || bytes + rowBytes > maxBytes)) {
      chunks.push({ start, count });
      start = r;
      bytes = 0;
    }
    bytes += rowBytes;
  }
  chunks.push({ start, count: rows.length - start });
  return chunks;
}
