/**
 * The optional sheet a Bilan step reads (the year's dotations, the establishments to complete): the
 * suggestion until the user chooses, then their choice — « (aucune) » included — while the sheet exists.
 */
import { FEUILLE_ACTIVE, feuilleRetenue, sourceRetenue } from "../../src/taskpane/components/feuilles";

const POSSIBLES = ["Établissements", "Établissements ARE 2024-2025"];

describe("Feuille facultative d'une étape du bilan", () => {
  test("sans choix de l'utilisateur, la feuille suggérée (elle suit l'année), ou aucune s'il n'y en a pas", () => {
    expect(feuilleRetenue(null, POSSIBLES, "Établissements ARE 2024-2025")).toBe(
      "Établissements ARE 2024-2025",
    );
    expect(feuilleRetenue(null, POSSIBLES, null)).toBeNull();
  });

  test("la feuille choisie l'emporte sur la suggestion ; « (aucune) » choisie : aucune feuille, même suggérée", () => {
    expect(feuilleRetenue("Établissements", POSSIBLES, "Établissements ARE 2024-2025")).toBe(
      "Établissements",
    );
    expect(feuilleRetenue("", POSSIBLES, "Établissements ARE 2024-2025")).toBeNull();
  });

  test("une feuille choisie qui n'est plus proposée (supprimée, renommée) : la suggestion revient", () => {
    expect(feuilleRetenue("Ancienne feuille", POSSIBLES, "Établissements ARE 2024-2025")).toBe(
      "Établissements ARE 2024-2025",
    );
    expect(feuilleRetenue("Ancienne feuille", POSSIBLES, null)).toBeNull();
  });
});

describe("Feuille à lire (Demande, contrôle du bilan)", () => {
  test("la feuille choisie tant qu'elle existe ; supprimée ou renommée entre-temps : la feuille active, que la liste montre alors", () => {
    expect(sourceRetenue("Bilan Paris", ["Bilan Paris", "Notes"])).toBe("Bilan Paris");
    expect(sourceRetenue("Bilan Paris", ["Bilan Paris 2024", "Notes"])).toBe(FEUILLE_ACTIVE);
    expect(sourceRetenue(FEUILLE_ACTIVE, [])).toBe(FEUILLE_ACTIVE);
    // The sheets not read yet: the choice stands.
    expect(sourceRetenue("Bilan Paris", null)).toBe("Bilan Paris");
  });
});
