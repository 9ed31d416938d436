/**
 * The port's form capabilities (fields above the table, drop-down lists on a column) in the in-memory
 * workbook: the layout every implementation writes (outputLayout, renderOutputGrid).
 */
import { TYPES_EQUIPEMENT } from "../../src/rules";
import { MemoryWorkbook, renderOutputGrid } from "../../src/workbook/memory";
import { outputLayout, type OutputSheet } from "../../src/workbook/port";
import { FORMULAIRE } from "./formulaire";

describe("Formulaire : champs au-dessus du tableau et listes déroulantes", () => {
  test("disposition : titre, ligne vide, champs, ligne vide, en-tête ; listes à droite, une colonne vide entre", () => {
    const layout = outputLayout(FORMULAIRE);
    expect(layout.fieldsRow).toBe(3);
    expect(layout.headerRow).toBe(7);
    expect(layout.firstDataRow).toBe(8);
    expect(layout.totalsRow).toBe(10);
    expect(layout.choiceLists).toEqual([
      { column: 2, listColumn: 6, firstRow: 0, count: 2 },
      { column: 4, listColumn: 7, firstRow: 0, count: 4 },
    ]);
  });

  test("sans champ ni liste, la disposition reste celle des autres feuilles (en-tête après le titre et une ligne vide)", () => {
    const simple: OutputSheet = {
      ...FORMULAIRE,
      fields: undefined,
      columns: [{ header: "UAI", format: "text" }],
    };
    expect(outputLayout(simple)).toMatchObject({ headerRow: 3, firstDataRow: 4, choiceLists: [] });
    expect(outputLayout({ ...simple, heading: [] }).headerRow).toBe(0);
  });

  test("la grille en mémoire place les champs (libellé, valeur), l'en-tête et les listes au-dessus de l'en-tête", async () => {
    const grid = renderOutputGrid(FORMULAIRE);
    expect(grid[0].slice(0, 1)).toEqual(["Bilan ARE 2024-2025"]);
    expect(grid[3].slice(0, 2)).toEqual(["UAI", "0750655E"]);
    expect(grid[4]).toEqual(["Dotation reçue pré-bac", 7949.5]);
    expect(grid[7]).toEqual(FORMULAIRE.columns.map((c) => c.header));
    expect(grid[8]).toEqual(FORMULAIRE.rows[0]);
    // Lists: column G (6) the envelopes, column H (7) the four types, rows 1-4.
    expect(grid.map((row) => row[6] ?? null).slice(0, 3)).toEqual(["pré-bac", "post-bac", null]);
    expect(grid.slice(0, 4).map((row) => row[7])).toEqual([...TYPES_EQUIPEMENT]);
    // Nothing of the lists reaches the table's rows.
    for (const row of grid.slice(7)) expect(row.length).toBeLessThanOrEqual(5);

    const classeur = new MemoryWorkbook();
    const nom = await classeur.writeSheet(FORMULAIRE);
    expect(classeur.sheet(nom)!.values).toEqual(grid);
    expect(classeur.sheet(nom)!.output!.columns[4].choices).toEqual(TYPES_EQUIPEMENT);
  });
});
