import { tabAfterKey } from "../../src/taskpane/shell/ScreenTabs";
import { SCREENS } from "../../src/taskpane/shell/screens";

describe("Onglets des écrans", () => {
  test("les écrans du volet, dans l'ordre, avec des identifiants uniques", () => {
    expect(SCREENS.map((s) => s.label)).toEqual([
      "Contrôle",
      "Dotations",
      "Demande",
      "Bilan",
      "Catalogue",
      "Paramètres",
    ]);
    expect(new Set(SCREENS.map((s) => s.id)).size).toBe(SCREENS.length);
  });

  test("← et → passent à l'onglet voisin en bouclant, Début et Fin au premier et au dernier", () => {
    expect(tabAfterKey("ArrowRight", 0, 4)).toBe(1);
    expect(tabAfterKey("ArrowRight", 3, 4)).toBe(0);
    expect(tabAfterKey("ArrowLeft", 0, 4)).toBe(3);
    expect(tabAfterKey("Home", 2, 4)).toBe(0);
    expect(tabAfterKey("End", 1, 4)).toBe(3);
    expect(tabAfterKey("Enter", 1, 4)).toBeNull();
  });
});
