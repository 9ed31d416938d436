/**
 * Reading a block of cells in chunks (design.md §5): one `context.sync()` per chunk of at most
 * 5 000 rows (fewer on very wide sheets), progress after each chunk, cancellation between chunks.
 */
import { cleCellule, formatDeDate } from "../sheet/dates";
import { lignesSousEntete, type CellValue, type Progress, type SheetData } from "../workbook/port";
import { appendRowsFromExcel } from "./cells";
import { readChunks } from "./chunks";
import { reportProgress, throwIfAborted } from "./progress";

/** A rectangle of cells, 0-based from A1, as Office.js describes ranges (rowIndex, columnIndex…). */
export interface Area {
  readonly rowIndex: number;
  readonly columnIndex: number;
  readonly rowCount: number;
  readonly columnCount: number;
}

/** The cells two areas share, or null when they do not meet. */
export function intersectAreas(a: Area, b: Area): Area | null {
  const top = Math.max(a.rowIndex, b.rowIndex);
  const left = Math.max(a.columnIndex, b.columnIndex);
  const bottom = Math.min(a.rowIndex + a.rowCount, b.rowIndex + b.rowCount);
  const right = Math.min(a.columnIndex + a.columnCount, b.columnIndex + b.columnCount);
  if (bottom <= top || right <= left) return null;
  return { rowIndex: top, columnIndex: left, rowCount: bottom - top, columnCount: right - left };
}

/** The number cells of a chunk whose format shows a date, as keys (see SheetData.dateCells). */
function appendDateCells(
  into: number[],
  start: number,
  valueTypes: readonly (readonly string[])[],
  numberFormat: readonly (readonly unknown[])[],
): void {
  // One verdict per distinct format: a column repeats the same few.
  const verdicts = new Map<string, boolean>();
  for (let r = 0; r < valueTypes.length; r++) {
    const types = valueTypes[r];
    for (let c = 0; c < types.length; c++) {
      if (types[c] !== "Double") continue;
      const format = String(numberFormat[r]?.[c] ?? "General");
      let date = verdicts.get(format);
      if (date === undefined) verdicts.set(format, (date = formatDeDate(format)));
      if (date) into.push(cleCellule(start + r, c));
    }
  }
}

/**
 * The values of `area` on `sheet` (its name loaded), as the port's SheetData: the same for a sheet's
 * used range and a selection. `values` and `valueTypes` are loaded together: only the type tells an
 * Excel error from the same text typed in a cell.
 *
 * `numberFormat` is loaded with them: a number shown as a date (Excel stores a date as its serial
 * number) is listed in `dateCells` as a key `row × 16 384 + column` into the result, so that the
 * readers report a date in an effectif or taux column (SheetData.dateCells).
 *
 * `rowHidden` is the area's: false when none of its rows is hidden (the usual case: nothing more is
 * loaded); else each row's `rowHidden` is loaded in the same batch as the chunk's values — no sync of
 * its own — and the hidden ones are listed in `hiddenRows`, as indexes into the result (design.md §4).
 */
export async function readArea(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  area: Area,
  progress: Progress,
  rowHidden: boolean | null,
): Promise<SheetData> {
  const rows: CellValue[][] = [];
  const hiddenRows: number[] = [];
  const dateCells: number[] = [];
  const chunks = readChunks(area.rowCount, area.columnCount);
  for (const chunk of chunks) {
    throwIfAborted(progress);
    const range = sheet.getRangeByIndexes(
      area.rowIndex + chunk.start,
      area.columnIndex,
      chunk.count,
      area.columnCount,
    );
    range.load("values,valueTypes,numberFormat");
    const rowRanges: Excel.Range[] = [];
    if (rowHidden !== false)
      for (let r = 0; r < chunk.count; r++) rowRanges.push(range.getRow(r).load("rowHidden"));
    // The one sync allowed in a loop: the loop is over chunks of ≤ 5 000 rows, never over rows (design.md §5).
    // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per chunk, by design (5 MB cap)
    await context.sync();
    appendRowsFromExcel(rows, range.values, range.valueTypes);
    appendDateCells(dateCells, chunk.start, range.valueTypes, range.numberFormat);
    rowRanges.forEach((row, r) => {
      if (row.rowHidden) hiddenRows.push(chunk.start + r);
    });
    reportProgress(progress, lignesSousEntete(chunk.start + chunk.count), lignesSousEntete(area.rowCount));
  }
  if (chunks.length === 0) reportProgress(progress, 0, 0);
  return {
    name: sheet.name,
    values: rows,
    rowOffset: area.rowIndex,
    columnOffset: area.columnIndex,
    ...(hiddenRows.length > 0 ? { hiddenRows } : {}),
    ...(dateCells.length > 0 ? { dateCells } : {}),
  };
}
