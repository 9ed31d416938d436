import type { Constat } from "../../src/sheet/constats";
import { groupFindings } from "../../src/taskpane/check/findings";
import { count, findingPlace, progressText } from "../../src/taskpane/format";
import { resumeGravites } from "../../src/sheet/constats";

const c = (gravite: Constat["gravite"], ligne: number | null, colonne: string | null = null): Constat => ({
  gravite,
  code: "x",
  feuille: "Paris",
  ligne,
  colonne,
  message: "m",
});

describe("Constats groupés par gravité", () => {
  test("erreurs, alertes puis informations, chacune dans l'ordre de lecture, avec son nombre ; un groupe vide est omis", () => {
    const groups = groupFindings([c("info", 3), c("erreur", 9, "C"), c("alerte", 4), c("erreur", 2, "G")]);
    expect(groups.map((g) => [g.gravite, g.total, g.findings.map((f) => f.ligne)])).toEqual([
      ["erreur", 2, [9, 2]],
      ["alerte", 1, [4]],
      ["info", 1, [3]],
    ]);
    // « Alertes (0) » never shows (issue 12 item 15).
    expect(groupFindings([c("info", 3), c("erreur", 9, "C")]).map((g) => g.gravite)).toEqual([
      "erreur",
      "info",
    ]);
    expect(groupFindings([])).toEqual([]);
  });

  test("libellés français : nombres, pluriels, emplacement d'un constat", () => {
    expect(count(0, "erreur")).toBe("0 erreur");
    expect(count(1, "erreur")).toBe("1 erreur");
    expect(count(12_500, "ligne")).toBe("12\u202f500 lignes");
    expect(resumeGravites([c("erreur", 1), c("erreur", 2), c("info", 3)])).toBe(
      "2 erreurs, 0 alerte, 1 information",
    );
    expect(findingPlace(c("erreur", 12, "C"))).toBe("Paris, ligne 12, colonne C");
    expect(findingPlace(c("erreur", 12))).toBe("Paris, ligne 12");
    expect(findingPlace(c("erreur", null))).toBe("Paris");
    expect(progressText(50_000, 200_000)).toBe("50\u202f000 / 200\u202f000 lignes");
  });
});
