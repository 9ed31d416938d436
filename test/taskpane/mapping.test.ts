import { detecterEntete } from "../../src/sheet";
import { MemoryWorkbook } from "../../src/workbook/memory";
import { controlerFeuille } from "../../src/workflows";
import { chooseColumn, columnOptions, fieldRows } from "../../src/taskpane/check/mapping";
import type { CellValue } from "../../src/workbook/port";

/** A rectorat paste whose effectif column has a name the reader does not know (« Élèves 2023 »). */
const FEUILLE: CellValue[][] = [
  ["Extraction rectorat — rentrée 2023"],
  [],
  ["UAI", "Établissement", "CFD", "Libellé", "Élèves 2023", "Effectif"],
  ["0750655E", "Lycée Louis-le-Grand", "50022137", "BOULANGER (CAP)", 24, "voir col. E"],
];

function entete(values: CellValue[][]) {
  const detection = detecterEntete({ name: "F", values, rowOffset: 0, columnOffset: 0 });
  if (!detection) throw new Error("en-tête attendu");
  return detection.entete;
}

describe("Correspondance des colonnes, modifiable dans Contrôle", () => {
  test("une option par colonne de l'en-tête, reconnue ou non, de gauche à droite", () => {
    expect(columnOptions(entete(FEUILLE)).map((o) => o.label)).toEqual([
      "A — UAI",
      "B — Établissement",
      "C — CFD",
      "D — Libellé",
      "E — Élèves 2023",
      "F — Effectif",
    ]);
  });

  test("les champs obligatoires et reconnus d'abord, les autres à part", () => {
    const { main, others } = fieldRows(entete(FEUILLE));
    expect(main.map((r) => [r.champ, r.index, r.requis])).toEqual([
      ["uai", 0, true],
      ["nomEtablissement", 1, false],
      ["codeFormation", 2, true],
      ["libelleFormation", 3, false],
      ["effectif", 5, true],
    ]);
    expect(others.map((r) => r.champ)).toContain("tauxBoursiers");
    expect(others.every((r) => r.index === null)).toBe(true);
  });

  test("deux champs sur la même colonne sont signalés", () => {
    const { main } = fieldRows(entete(FEUILLE));
    expect(main.every((r) => r.partageAvec.length === 0)).toBe(true);
    const detection = detecterEntete(
      { name: "F", values: FEUILLE, rowOffset: 0, columnOffset: 0 },
      chooseColumn({}, "nomEtablissement", 0, entete(FEUILLE)),
    );
    const rows = fieldRows(detection!.entete).main;
    expect(rows.find((r) => r.champ === "uai")?.partageAvec).toEqual(["nomEtablissement"]);
  });

  test("choisir la colonne E pour l'effectif : le contrôle relancé compte les 24 élèves au lieu d'une erreur", async () => {
    const classeur = new MemoryWorkbook({ F: FEUILLE });
    const avant = await controlerFeuille(classeur, "F", { annee: 2024 });
    expect(avant.effectifs.preBac).toBe(0);
    expect(avant.constats.map((c) => c.code)).toEqual(["effectif-texte"]);

    // The column is kept with the header the user saw above it (regles.md#lecture.correction-perimee).
    const correction = chooseColumn({}, "effectif", 4, avant.entete!);
    expect(correction).toEqual({ effectif: { index: 4, entete: "Élèves 2023", rang: 0, sur: 1 } });
    const apres = await controlerFeuille(classeur, "F", { annee: 2024, colonnes: correction });
    expect(apres.effectifs.preBac).toBe(24);
    expect(apres.entete?.colonnes.effectif).toEqual({ index: 4, lettre: "E", entete: "Élèves 2023" });
    expect(apres.constats).toEqual([]);
    // « aucune colonne » retire le champ, pour les en-têtes vus (regles.md#lecture.correction-perimee).
    const sansLibelle = chooseColumn(correction, "libelleFormation", null, apres.entete!);
    expect(sansLibelle).toEqual({
      effectif: { index: 4, entete: "Élèves 2023", rang: 0, sur: 1 },
      libelleFormation: { aucune: ["Libellé"] },
    });
    const retire = await controlerFeuille(classeur, "F", { annee: 2024, colonnes: sansLibelle });
    expect(retire.entete?.colonnes.libelleFormation).toBeUndefined();
    expect(retire.effectifs.preBac).toBe(24);
  });

  test("une colonne insérée avant E après la correction : « Élèves 2023 » est suivie en F, jamais la colonne E lue à sa place", async () => {
    const classeur = new MemoryWorkbook({ F: FEUILLE.map((row) => [...row]) });
    const avant = await controlerFeuille(classeur, "F", { annee: 2024 });
    const correction = chooseColumn({}, "effectif", 4, avant.entete!);
    // « Année de formation » inserted in E: before, E was read, 1 élève (1 × 157 = 157,00 € instead of
    // 24 × 157 = 3 768,00 €).
    classeur
      .sheet("F")!
      .values.forEach((row, r) => row.splice(4, 0, r === 2 ? "Année de formation" : r === 3 ? 1 : null));
    const apres = await controlerFeuille(classeur, "F", { annee: 2024, colonnes: correction });
    expect(apres.effectifs.preBac).toBe(24);
    expect(apres.entete?.colonnes.effectif?.lettre).toBe("F");
    expect(apres.constats.map((c) => [c.code, c.gravite])).toEqual([["correction-suivie", "info"]]);
  });
});
