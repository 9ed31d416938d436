import { MemoryWorkbook } from "../../src/workbook/memory";
import { controlerFeuille, ecrireControle } from "../../src/workflows";
import { PARIS, copie } from "./classeur";

describe("Contrôler une feuille d'effectifs", () => {
  test("en-tête reconnu ligne 3, lignes comptées et écartées, effectifs éligibles, aucune erreur pour des exclusions attendues", async () => {
    const r = await controlerFeuille(new MemoryWorkbook({ Paris: PARIS }), "Paris", { annee: 2024 });
    expect(r.feuille).toBe("Paris");
    expect(r.entete?.ligne).toBe(3);
    expect(r.entete?.colonnes.uai).toEqual({ index: 0, lettre: "A", entete: "RNE" });
    expect(r.lignes).toEqual({
      nonVides: 9,
      comptees: 6,
      ecartees: 3,
      ecarteesParMotif: { "formation-non-eligible": 1, apprentissage: 1, "ligne-total": 1 },
    });
    expect(r.effectifs).toEqual({ prepaMetiers: 12, preBac: 24 + 30 + 28, postBac: 40 + 25 });
    expect(r.constats.map((c) => [c.gravite, c.code, c.ligne])).toEqual([
      ["info", "formation-non-eligible", 10],
      ["info", "apprentissage", 11],
      ["info", "ligne-total", 12],
    ]);
  });

  test("une feuille sans en-tête reconnaissable : entete null et une seule erreur", async () => {
    const r = await controlerFeuille(
      new MemoryWorkbook({
        F: [
          ["a", "b"],
          [1, 2],
        ],
      }),
      "F",
      { annee: 2024 },
    );
    expect(r.entete).toBeNull();
    expect(r.constats).toEqual([expect.objectContaining({ gravite: "erreur", code: "entete-introuvable" })]);
    expect(r.lignes).toMatchObject({ nonVides: 2, ecartees: 2 });
  });

  test("le contrôle s'écrit dans la feuille « Contrôle ARE », sans toucher la feuille contrôlée", async () => {
    const classeur = new MemoryWorkbook({ Paris: copie(PARIS) });
    const avant = copie(classeur.sheet("Paris")!.values);
    const r = await controlerFeuille(classeur, "Paris", { annee: 2024 });
    const nom = await ecrireControle(classeur, r);
    expect(nom).toBe("Contrôle ARE");
    const sortie = classeur.sheet(nom)!;
    expect(sortie.owned).toBe(true);
    expect(sortie.output!.heading[0]).toBe("Contrôle de la feuille « Paris » — ARE 2024-2025");
    expect(sortie.output!.heading[1]).toContain("UAI → A (« RNE »)");
    expect(sortie.output!.columns.map((c) => c.header)).toEqual([
      "Gravité",
      "Code",
      "Feuille",
      "Ligne",
      "Colonne",
      "Message",
    ]);
    expect(sortie.output!.rows).toHaveLength(3);
    expect(classeur.sheet("Paris")!.values).toEqual(avant);
  });
});
