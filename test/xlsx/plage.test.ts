/**
 * The used range of a grid (src/xlsx/read.ts usedRange): blank rows and columns around the cells
 * trimmed, rows taken as they are when they already are what the range needs, copied otherwise.
 * Expected values written by hand.
 */
import type { CellValue } from "../../src/grid";
import { usedRange } from "../../src/xlsx/read";

/** A grid with holes where `trous` says (rows never written in the file). */
function grille(lignes: (CellValue[] | "trou")[]): CellValue[][] {
  const g: CellValue[][] = [];
  lignes.forEach((ligne, r) => {
    if (ligne !== "trou") g[r] = ligne;
  });
  return g;
}

describe("Plage utilisée d'une feuille lue", () => {
  test("feuille ordinaire depuis la colonne A : chaque ligne reprise telle quelle, lignes vides et absentes vides", () => {
    const l2: CellValue[] = ["0750655E", "50020006", 12];
    const l4: CellValue[] = ["0750655E", null, 3];
    const g = grille(["trou", l2, [], l4, "trou", ["x"], "trou"]);
    const { values, rowOffset, columnOffset } = usedRange(g);
    expect(rowOffset).toBe(1);
    expect(columnOffset).toBe(0);
    expect(values).toEqual([l2, [], l4, [], ["x"]]);
    expect(values[0]).toBe(l2);
    expect(values[2]).toBe(l4);
    // The blank rows are one shared frozen row: nothing can be written into them.
    expect(Object.isFrozen(values[1])).toBe(true);
    expect(values[3]).toBe(values[1]);
  });

  test("une ligne finie par des cellules vides (null) : copiée jusqu'à sa dernière valeur, les autres reprises", () => {
    const l1: CellValue[] = ["UAI", "Code"];
    const g = grille([l1, ["0750655E", null, null]]);
    const { values } = usedRange(g);
    expect(values).toEqual([["UAI", "Code"], ["0750655E"]]);
    expect(values[0]).toBe(l1);
  });

  test("une ligne à trous (cellules absentes) : lue comme vide là où rien n'est écrit", () => {
    const trouee: CellValue[] = [];
    trouee[0] = "a";
    trouee[2] = 5;
    const { values } = usedRange(grille([["UAI", "Code", "Effectif"], trouee]));
    expect(values[1][0]).toBe("a");
    expect(values[1][1] ?? null).toBeNull();
    expect(values[1][2]).toBe(5);
    expect(values[1]).toHaveLength(3);
  });

  test("rien en colonne A : la plage commence à la première colonne remplie, lignes copiées", () => {
    const g = grille([
      [null, "UAI", "Code"],
      [null, "0750655E", 12],
    ]);
    const { values, rowOffset, columnOffset } = usedRange(g);
    expect(columnOffset).toBe(1);
    expect(rowOffset).toBe(0);
    expect(values).toEqual([
      ["UAI", "Code"],
      ["0750655E", 12],
    ]);
  });

  test("une ligne de cellules vides (null) entre deux lignes : vide, sans ses cellules", () => {
    const { values } = usedRange(grille([["a"], [null, null], ["b"]]));
    expect(values).toEqual([["a"], [], ["b"]]);
    expect(Object.isFrozen(values[1])).toBe(true);
  });

  test("feuille vide ou faite de lignes vides : aucune plage", () => {
    expect(usedRange([])).toEqual({ values: [], rowOffset: 0, columnOffset: 0 });
    expect(usedRange(grille([[null], "trou", []]))).toEqual({ values: [], rowOffset: 0, columnOffset: 0 });
  });
});
