/**
 * Rows of cells as the readers build them (sheetScanner.ts, csv.ts).
 */
import type { CellValue } from "../workbook/port";

/**
 * The first n values as a new array of exactly n. Décision (regles.md#technique.performance; issue 13
 * §5): up to 12 cells, an array literal — V8 sees that the rows it makes live on and allocates them
 * directly in the old generation, where `slice` rows are copied twice by the garbage collector:
 * ~80 ms instead of ~215 ms for a million rows of six cells, measured in isolation.
 */
export function exactRow(v: readonly CellValue[], n: number): CellValue[] {
  switch (n) {
    case 1:
      return [v[0]];
    case 2:
      return [v[0], v[1]];
    case 3:
      return [v[0], v[1], v[2]];
    case 4:
      return [v[0], v[1], v[2], v[3]];
    case 5:
      return [v[0], v[1], v[2], v[3], v[4]];
    case 6:
      return [v[0], v[1], v[2], v[3], v[4], v[5]];
    case 7:
      return [v[0], v[1], v[2], v[3], v[4], v[5], v[6]];
    case 8:
      return [v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7]];
    case 9:
      return [v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8]];
    case 10:
      return [v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9]];
    case 11:
      return [v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10]];
    case 12:
      return [v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11]];
    default:
      return v.slice(0, n);
  }
}

/**
 * An empty grid whose elements kind already is that of a grid holding rows with holes
 * (HOLEY_ELEMENTS) — where `[]` starts as an array of small integers and changes kind at its first
 * row, and again at its first hole or when room is made for it (SheetScanner.push). Every sheet's
 * grid then has the same hidden class: the code V8 optimised on a first sheet runs on the next
 * sheet's grid as it is, instead of being thrown away at its first row ("wrong map").
 */
export function emptyRows(): CellValue[][] {
  const rows: CellValue[][] = [[]];
  rows.pop();
  // A length set and taken back: the array is holey from now on (kinds never go back), and empty.
  rows.length = 1;
  rows.length = 0;
  return rows;
}
