/**
 * The money formats every output relies on: the JSON's two-decimal strings and the French amounts of
 * the explanations, rounded half-up (the arrêté's rounding) on exact decimals.
 */
import {
  Decimal,
  formaterEuros,
  formaterForfait,
  formaterPourcentage,
  lireNombreFrancais,
  lireTauxBoursiers,
  nombreDe,
  texteDecimal,
} from "../../src/rules";

describe("Montants écrits", () => {
  test.each([
    ["34730", 2, "34730.00"],
    ["1200.505", 2, "1200.51"], // half-up
    ["2.675", 2, "2.68"], // exact decimal, not the binary 2.67499…
    ["-1.005", 2, "-1.01"], // half-up away from zero
    ["-0.004", 2, "0.00"], // no « -0.00 »
    ["-0.4", 0, "0"], // no « -0 »
    ["-0.0004", 3, "0.000"],
    ["-0.0005", 3, "-0.001"],
    ["-0.5", 0, "-1"],
    ["7.5", 0, "8"], // R8 : 25 × 0,30 = 7,5 → 8
    ["8.05", 0, "8"], // 23 × 0,35 = 8,05 → 8
    ["123456789012345678901234.5", 1, "123456789012345678901234.5"], // never an exponent
    ["0.000000000000000000001", 2, "0.00"],
  ])("%s à %i décimales : %s", (valeur, decimales, attendu) => {
    expect(texteDecimal(new Decimal(valeur), decimales)).toBe(attendu);
  });

  test("en français : espaces des milliers, virgule, euro", () => {
    expect(formaterEuros(new Decimal("34730"))).toBe("34\u202f730,00\u00a0€");
    expect(formaterEuros(new Decimal("-1200.5"))).toBe("-1\u202f200,50\u00a0€");
    expect(formaterForfait(new Decimal(157))).toBe("157\u00a0€");
    expect(formaterForfait(new Decimal("151.5"))).toBe("151,50\u00a0€");
    expect(formaterPourcentage(new Decimal("0.0631"))).toBe("6,31\u00a0%");
  });

  test("écrits comme ils se relisent : le lecteur unique des nombres relit chaque montant affiché", () => {
    for (const valeur of ["0", "999.99", "1000", "34730.5", "-1200.5", "123456789.01"]) {
      const lu = lireNombreFrancais(formaterEuros(new Decimal(valeur)));
      expect(lu).toEqual({ ok: true, valeur: new Decimal(valeur), unite: "euro" });
    }
    expect(lireNombreFrancais(formaterPourcentage(new Decimal("0.0631")))).toEqual({
      ok: true,
      valeur: new Decimal("6.31"),
      unite: "pourcent",
    });
  });
});

describe("Taux de boursiers saisis en texte", () => {
  test("lus en décimal depuis le texte, sans passer par un nombre flottant", () => {
    expect(lireTauxBoursiers("0,123456789012345678901").ratio.toString()).toBe("0.123456789012345678901");
    expect(lireTauxBoursiers("35").description).toBe("35\u00a0% (nombre 35 lu comme un pourcentage)");
    expect(lireTauxBoursiers("35,5 %").ratio.toString()).toBe("0.355");
  });
});

describe("Taux de boursiers illisibles", () => {
  test("un nombre démesuré est cité par son début, le message reste lisible", () => {
    expect(() => lireTauxBoursiers("9".repeat(3000))).toThrow(/^Taux de boursiers 9{10}.{0,200} % invalide/);
    try {
      lireTauxBoursiers("9".repeat(3000));
    } catch (error) {
      expect((error as Error).message.length).toBeLessThan(300);
    }
  });
});

describe("Pluriels (issue 12 item 14) : le seul assistant, jamais « (s) »", () => {
  test.each([
    [0, "élève", undefined, "0 élève"],
    [1, "établissement affiché", "établissements affichés", "1 établissement affiché"],
    [2, "élève", undefined, "2 élèves"],
    [12345, "élève aidé", "élèves aidés", "12 345 élèves aidés"],
  ])("%d %s", (n, singulier, pluriel, attendu) => {
    expect(nombreDe(n, singulier, pluriel).replace(/\s/g, " ")).toBe(attendu);
  });
});
