/**
 * The lists by rentrée (R4): a list loaded for 2025-2026 serves that year and the following ones without
 * a list of their own; earlier years keep theirs, and a year using an earlier list says so.
 */
import { CATALOGUES, Catalogues, eligibiliteDe, phraseListe, verifierListe } from "../../src/rules";
import { grilleListe2025 } from "./liste2025";

const REFERENCE = {
  titre: "Liste 2025-2026 (test)",
  url: "https://example.invalid/liste-2025.pdf",
  date: "2025-06-30",
};
const liste2025 = verifierListe(grilleListe2025(), {
  annee: 2025,
  reference: REFERENCE,
  precedente: CATALOGUES[0],
}).catalogue!;
const avec2025 = Catalogues.embarques().avec(liste2025);

describe("Listes par rentrée", () => {
  test("sans liste chargée, 2025-2026 utilise la liste 2023-2024 et le dit", () => {
    const vue = Catalogues.embarques().pour(2025);
    expect(vue.annee).toBe(2023);
    expect(vue.report).toBe("liste indicative 2023-2024 utilisée pour 2025-2026");
    expect(phraseListe(vue)).toMatch(
      /^Formations jugées d'après la liste indicative 2023-2024 utilisée pour 2025-2026 \(Liste des formations relevant/,
    );
  });

  test("la liste chargée pour 2025-2026 sert 2025-2026 et 2026-2027 ; 2023-2024 et 2024-2025 gardent la leur", () => {
    expect(avec2025.listes.map((l) => l.annee)).toEqual([2023, 2025]);
    expect(avec2025.pour(2025)).toMatchObject({
      annee: 2025,
      nom: "liste indicative 2025-2026",
      report: null,
    });
    expect(avec2025.pour(2026).nom).toBe("liste indicative 2025-2026 utilisée pour 2026-2027");
    expect(avec2025.pour(2024).nom).toBe("liste indicative 2023-2024 utilisée pour 2024-2025");
    expect(avec2025.pour(2023).nom).toBe("liste indicative 2023-2024");
    expect(phraseListe(avec2025.pour(2025))).toBe(
      "Formations jugées d'après la liste indicative 2025-2026 (Liste 2025-2026 (test), 30/06/2025, https://example.invalid/liste-2025.pdf).",
    );
  });

  test("50022146 CUISINE (CAP) : de la liste en 2025-2026 ; successeur à vérifier en 2024-2025", () => {
    expect(eligibiliteDe("50022146", 2025, avec2025)).toMatchObject({
      eligible: true,
      categorie: "PRE_BAC",
      source: "catalogue",
      alerte: null,
      motif: "Éligible PRE BAC : CUISINE (CAP), liste indicative 2025-2026.",
    });
    expect(eligibiliteDe("50022146", 2024, avec2025)).toMatchObject({
      source: "successeur",
      alerte: "successeur de 50022139 CUISINE (CAP), liste 2023-2024 utilisée pour 2024-2025 : à vérifier",
    });
  });

  test("50022139, retiré de la liste 2025-2026 : jugé par la règle en 2025-2026, de la liste en 2023-2024", () => {
    expect(eligibiliteDe("50022139", 2025, avec2025)).toMatchObject({
      eligible: true,
      source: "regle",
      alerte: "hors liste indicative 2025-2026 : à vérifier",
    });
    expect(eligibiliteDe("50022139", 2023, avec2025)).toMatchObject({ source: "catalogue", alerte: null });
  });

  test("une liste chargée pour une année remplace celle de cette année ; la précédente est celle qu'elle remplace", () => {
    expect(Catalogues.embarques().precedente(2025)).toBe(CATALOGUES[0]);
    expect(avec2025.precedente(2025)).toBe(liste2025);
    const autre = avec2025.avec({ ...liste2025, provenance: "autre" });
    expect(autre.listes).toHaveLength(2);
    expect(autre.pour(2025).provenance).toBe("autre");
    expect(avec2025.pour(2025).provenance).not.toBe("autre");
  });
});
