/**
 * The findings as the command line lists them (src/cli/report.ts): by severity, at most `limit`
 * lines each, the rest counted — a full sheet gives ~150 000 findings, a terminal shows a few.
 */
import { renderBilan, renderConstats } from "../../src/cli/report";
import { decompteLignes, resumeGravites, type Constat, type Gravite } from "../../src/sheet/constats";

const c = (gravite: Gravite, ligne: number): Constat => ({
  gravite,
  code: "x",
  feuille: "Paris",
  ligne,
  colonne: "C",
  message: `constat ${ligne}`,
});

describe("Constats listés par la ligne de commande", () => {
  const constats = [
    c("info", 2),
    c("erreur", 3),
    c("alerte", 4),
    c("erreur", 5),
    c("erreur", 6),
    c("info", 7),
  ];

  test("par gravité dans l'ordre erreurs, alertes, informations, au plus `limit` lignes, le reste compté", () => {
    expect(renderConstats(constats, true, 2)).toEqual([
      "",
      "Erreurs — ces lignes ou valeurs ne comptent pas (3) :",
      "  Paris, ligne 3, colonne C : constat 3",
      "  Paris, ligne 5, colonne C : constat 5",
      "  … et 1 autre (détail avec --json ou --out).",
      "",
      "Alertes — comptées, à vérifier (1) :",
      "  Paris, ligne 4, colonne C : constat 4",
      "",
      "Informations (2) :",
      "  Paris, ligne 2, colonne C : constat 2",
      "  Paris, ligne 7, colonne C : constat 7",
    ]);
    expect(renderConstats(constats, false, 1).filter((l) => l.startsWith("  …"))).toEqual([
      "  … et 2 autres (détail avec --json ou --out).",
      "  … et 1 autre (détail avec --json ou --out).",
    ]);
    expect(renderConstats([], true)).toEqual([]);
  });

  test("le décompte par gravité : « 3 erreurs, 1 alerte, 2 informations », 0 au singulier", () => {
    expect(resumeGravites(constats)).toBe("3 erreurs, 1 alerte, 2 informations");
    expect(resumeGravites([])).toBe("0 erreur, 0 alerte, 0 information");
  });

  test("le décompte des lignes, au singulier pour 0 et 1, au volet, dans les feuilles et ici", () => {
    const une = { nonVides: 1, comptees: 1, ecartees: 0, ecarteesParMotif: {} };
    expect(decompteLignes(une)).toBe("1 non vide, 1 retenue, 0 écartée");
    expect(renderBilan(une)).toEqual(["Lignes lues : 1 non vide — 1 comptée, 0 écartée"]);
    expect(decompteLignes({ ...une, nonVides: 3, comptees: 2, ecartees: 1 }, "demandées")).toBe(
      "3 non vides, 2 demandées, 1 écartée",
    );
  });
});
