/**
 * The functions see the values the user entered in Paramètres (design.md §3): they read the shared
 * runtime's store, the very instance the task pane replaces. Runs the TypeScript source.
 */
import { StandInError, installCustomFunctionsGlobal } from "./customFunctionsStandIn";
import { parametresStore } from "../../src/addin/runtime";
import { cpge, dotation, forfait } from "../../src/functions/functions";

installCustomFunctionsGlobal();

function erreurDe(calcul: () => unknown): StandInError {
  try {
    calcul();
  } catch (error) {
    if (error instanceof StandInError) return error;
    throw error;
  }
  throw new Error("une erreur était attendue");
}

afterEach(() => parametresStore.remplacer({}));

describe("Valeurs saisies dans Paramètres", () => {
  test("sans l'IPC de décembre 2024, les forfaits 2025-2026 sont #N/A et le message le nomme", () => {
    const erreur = erreurDe(() => forfait(2025));
    expect(erreur.code).toBe("#N/A");
    expect(erreur.message).toMatch(/il manque IPC décembre 2024 \(base 2015\)/);
  });

  test("l'IPC de décembre 2024 saisi (valeur d'exemple 120,00) indexe 2025-2026 : 157 × (1 + 1,37 %) → 159 €", async () => {
    // 120,00 / 118,38 − 1 = 0,013685 → 1,37 % ; 157 × 1,0137 = 159,15 → 159 ; 56 × 1,0137 = 56,77 → 57.
    await parametresStore.remplacer({ ipc: [{ mois: "2024-12", base: 2015, valeur: "120,00" }] });
    expect(forfait(2025)).toBe(159);
    expect(forfait(2025, "3PM")).toBe(57);
    expect(dotation([[10]], [["PRE BAC"]], [[2025]])).toEqual([[1590]]);
    // The CPGE forfait 2025-2026 is published (323 €): the entered index does not change it.
    expect(cpge(1, 9000, 2025)).toBe(323);
  });

  test("un forfait publié saisi par l'utilisateur est repris tel quel", async () => {
    await parametresStore.remplacer({ forfaits: [{ annee: 2025, categorie: "PRE BAC", valeur: 160 }] });
    expect(forfait(2025)).toBe(160);
    // Only the line entered: the post-bac forfait 2025-2026 still needs its own value or the index.
    expect(erreurDe(() => forfait("2025-2026", "post bac")).code).toBe("#N/A");
  });

  test("des valeurs invalides sont refusées avec un message et ne changent rien", async () => {
    await expect(
      parametresStore.remplacer({ ipc: [{ mois: "2024-13", base: 2015, valeur: "120" }] }),
    ).rejects.toThrow("Mois « 2024-13 » invalide : attendu AAAA-MM, par exemple 2024-12.");
    expect(erreurDe(() => forfait(2025)).code).toBe("#N/A");
  });
});
