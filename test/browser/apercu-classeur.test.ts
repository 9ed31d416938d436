/**
 * The preview's workbook and generated sheet, in Node (the browser tests drive them through the page).
 */
import { generateEffectifs } from "../../src/preview/generate";
import { PreviewWorkbook, ROWS_PER_CHUNK, rangeAddress } from "../../src/preview/previewWorkbook";
import { AbortedError } from "../../src/workbook/port";
import { controlerFeuille } from "../../src/workflows";

describe("Classeur de l'aperçu : ce qu'Excel donnerait au volet", () => {
  test("lecture par tranches de 5 000 lignes avec progression, comme l'adaptateur Excel", async () => {
    const classeur = new PreviewWorkbook({ Grande: generateEffectifs(12_000) }, 0);
    const steps: [number, number][] = [];
    const data = await classeur.readSheet("Grande", {
      onProgress: (done, total) => steps.push([done, total]),
    });
    expect(data.values).toHaveLength(12_001);
    // The header row is not counted: 12 000 rows, as the sheet's readers count them (issue 12, point 17).
    expect(steps).toEqual([
      [ROWS_PER_CHUNK - 1, 12_000],
      [2 * ROWS_PER_CHUNK - 1, 12_000],
      [12_000, 12_000],
    ]);
  });

  test("« Annuler » entre deux tranches rejette avec AbortedError", async () => {
    const classeur = new PreviewWorkbook({ Grande: generateEffectifs(20_000) }, 0);
    const signal = { aborted: false };
    const lecture = classeur.readSheet("Grande", {
      signal,
      onProgress: (done) => {
        if (done >= ROWS_PER_CHUNK) signal.aborted = true;
      },
    });
    await expect(lecture).rejects.toBeInstanceOf(AbortedError);
  });

  test("écrire une feuille la rend active ; sélectionner la cellule d'un constat active sa feuille", async () => {
    const classeur = new PreviewWorkbook(
      {
        Paris: [["UAI"], ["x"]],
        Créteil: [
          ["UAI", "Code"],
          ["y", "z"],
        ],
      },
      0,
    );
    const versions: number[] = [];
    classeur.subscribe(() => versions.push(classeur.snapshot().version));
    const nom = await classeur.writeSheet({
      name: "Contrôle ARE",
      heading: [],
      columns: [],
      rows: [],
      totals: null,
    });
    expect(await classeur.activeSheetName()).toBe(nom);
    await classeur.selectCell("Créteil", 2, "B");
    expect(classeur.snapshot()).toMatchObject({
      active: "Créteil",
      selection: { top: 1, left: 1, bottom: 1, right: 1 },
    });
    expect(rangeAddress(classeur.snapshot().selection!)).toBe("B2");
    expect(await classeur.readSelection()).toEqual({
      name: "Créteil",
      values: [["z"]],
      rowOffset: 1,
      columnOffset: 1,
    });
    await classeur.selectCell("Créteil", 2, null);
    expect(rangeAddress(classeur.snapshot().selection!)).toBe("A2:B2");
    expect(versions.length).toBe(3);
    await expect(classeur.selectCell("Lyon", 1, "A")).rejects.toThrow("Feuille « Lyon » introuvable.");
  });
});

describe("Feuille générée de l'aperçu", () => {
  test("toujours la même ; UAI d'Île-de-France valides et codes de la liste : aucune erreur au contrôle", async () => {
    const a = generateEffectifs(2_000);
    expect(generateEffectifs(2_000)).toEqual(a);
    const r = await controlerFeuille(new PreviewWorkbook({ G: a }, 0), "G", { annee: 2024 });
    expect(r.lignes.nonVides).toBe(2_000);
    expect(r.constats.filter((c) => c.gravite === "erreur")).toEqual([]);
    expect(r.constats.filter((c) => c.code !== "doublon")).toEqual([]);
    // Every row counted once: doublons (identical rows) are the only rows set aside.
    expect(r.lignes.comptees + r.lignes.ecartees).toBe(2_000);
  });
});
