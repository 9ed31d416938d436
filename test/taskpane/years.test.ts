import { Parametres } from "../../src/rules";
import { defaultYear, resolveYear, yearOptions, yearToOffer } from "../../src/taskpane/years";

describe("Année scolaire proposée par les écrans", () => {
  test("par défaut, la dernière année résolue : 2024-2025 en 2026-2027 tant que l'IPC de décembre 2024 manque", () => {
    expect(defaultYear(Parametres.embarques(), 2026)).toBe(2024);
    expect(defaultYear(Parametres.embarques(), 2024)).toBe(2024);
    expect(defaultYear(Parametres.embarques(), 2023)).toBe(2023);
  });

  test("avec l'IPC de décembre 2024 saisi, 2025-2026 se résout et devient l'année par défaut", () => {
    // 119,92 / 118,38 − 1 = 1,30 % ; 157 € × 1,013 = 159,04 → 159 € ; 56 € × 1,013 = 56,73 → 57 €.
    const parametres = Parametres.avec({ ipc: [{ mois: "2024-12", base: 2015, valeur: "119.92" }] });
    expect(defaultYear(parametres, 2026)).toBe(2025);
    const resolution = resolveYear(parametres, 2025);
    expect(resolution.ok).toBe(true);
    if (resolution.ok) {
      expect(resolution.forfaits.preBac.valeur.toString()).toBe("159");
      expect(resolution.forfaits.prepaMetiers.valeur.toString()).toBe("57");
    }
  });

  test("une année non résolue donne le message du cœur nommant l'indice de décembre manquant", () => {
    const resolution = resolveYear(Parametres.embarques(), 2025);
    expect(resolution).toEqual({
      ok: false,
      message: expect.stringMatching(
        /^Forfaits 2025-2026 non calculables : il manque IPC décembre 2024 \(base 2015\)/,
      ),
    });
  });

  test("les années offertes vont de 2023-2024 à l'année suivant l'année en cours", () => {
    expect(yearOptions(Parametres.embarques(), 2026).map((o) => o.label)).toEqual([
      "2023-2024",
      "2024-2025",
      "2025-2026",
      "2026-2027",
      "2027-2028",
    ]);
  });
});

describe("L'année d'un écran ne change jamais d'elle-même (issue 12, point 7)", () => {
  const apres = Parametres.avec({ ipc: [{ mois: "2024-12", base: 2015, valeur: "119.92" }] });

  test("l'IPC de décembre 2024 saisi propose 2025-2026 à un écran ouvert en 2024-2025, sans l'y mettre", () => {
    expect(yearToOffer(2024, 2024, Parametres.embarques(), 2026)).toBeNull();
    expect(yearToOffer(2024, 2024, apres, 2026)).toBe(2025);
    // Also when the user had chosen a year: the new one is offered, not imposed.
    expect(yearToOffer(2023, 2024, apres, 2026)).toBe(2025);
    // Taken: nothing more to offer.
    expect(yearToOffer(2025, 2024, apres, 2026)).toBeNull();
  });

  test("un écran ouvert après la saisie n'a rien à proposer ; un indice retiré propose la dernière année calculable", () => {
    expect(yearToOffer(2025, 2025, apres, 2026)).toBeNull();
    expect(yearToOffer(2025, 2025, Parametres.embarques(), 2026)).toBe(2024);
  });
});
