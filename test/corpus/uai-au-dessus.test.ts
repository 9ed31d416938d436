/**
 * A lycée's own sheet with its UAI once above the table (« UAI | 0750655E ») and no UAI column: the
 * sheet is not read (nothing counted, no amount), and the message says where the UAI is and what to
 * do, instead of telling to rename a column that does not exist.
 */
import { MemoryWorkbook } from "../../src/workbook/memory";
import type { CellValue } from "../../src/workbook/port";
import { controlerFeuille } from "../../src/workflows";

describe("UAI au-dessus du tableau, sans colonne UAI", () => {
  test("colonne-manquante, et le message dit où est l'UAI et quoi faire", async () => {
    const feuille: CellValue[][] = [
      ["Lycée Arago — effectifs de 1re année 2024"],
      ["UAI", "0750655E"],
      [],
      ["Code formation", "Libellé", "Effectif"],
      ["50022137", "BOULANGER (CAP)", 12],
    ];
    const r = await controlerFeuille(new MemoryWorkbook({ F: feuille }), "F", { annee: 2024 });
    expect(r.effectifs).toEqual({ prepaMetiers: 0, preBac: 0, postBac: 0 });
    const manquante = r.constats.filter((c) => c.code === "colonne-manquante");
    expect(manquante).toHaveLength(1);
    expect(manquante[0].message).toMatch(
      / L'UAI 0750655E est au-dessus du tableau, ligne 2 : ajoutez une colonne « UAI » qui la répète sur chaque ligne\.$/,
    );
  });

  test("sans UAI au-dessus, le message reste celui d'une colonne à renommer", async () => {
    const feuille: CellValue[][] = [
      ["Code formation", "Libellé", "Effectif"],
      ["50022137", "BOULANGER (CAP)", 12],
    ];
    const r = await controlerFeuille(new MemoryWorkbook({ F: feuille }), "F", { annee: 2024 });
    const [manquante] = r.constats.filter((c) => c.code === "colonne-manquante");
    expect(manquante.message).toMatch(
      /renommez la colonne ou indiquez-la dans la correspondance des colonnes\.$/,
    );
  });
});
