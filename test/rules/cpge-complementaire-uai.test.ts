import {
  Parametres,
  aideCpge,
  demandeComplementaire,
  formaterTrace,
  lettreCleUai,
  lireUai,
  texteDecimal,
} from "../../src/rules";

const parametres = Parametres.embarques();

describe("Aide aux frais de concours CPGE (R12)", () => {
  test("2023-2024 : 2 concours × 308 € = 616,00 € sous le plafond de 10 140 €", () => {
    const aide = aideCpge(2, 9000, 2023, parametres);
    expect(texteDecimal(aide.valeur)).toBe("616.00");
    expect(formaterTrace(aide.trace)).toBe(
      "Aide CPGE 2023-2024 : 2 concours × 308\u00a0€ = 616,00\u00a0€ (arrêté n° 2023-087)",
    );
  });
  test("quotient familial égal au plafond (10 140 €) : éligible", () => {
    expect(texteDecimal(aideCpge(1, 10140, 2023, parametres).valeur)).toBe("308.00");
  });
  test("quotient familial au-dessus du plafond : 0 €", () => {
    const aide = aideCpge(3, "10140.01", 2023, parametres);
    expect(texteDecimal(aide.valeur)).toBe("0.00");
    expect(formaterTrace(aide.trace)).toContain("supérieur au plafond");
  });
  test("au plus trois concours : 5 concours en 2024-2025 → 3 × 319 € = 957,00 €", () => {
    const aide = aideCpge(5, 5000, 2024, parametres);
    expect(texteDecimal(aide.valeur)).toBe("957.00");
    expect(formaterTrace(aide.trace)).toContain("5 présentés, limite de trois concours");
  });
  test("2025-2026 : forfait publié 323 €", () => {
    expect(texteDecimal(aideCpge(1, 0, 2025, parametres).valeur)).toBe("323.00");
  });
  test("après 2023-2024, faute de nouvelle valeur publiée, le plafond de 10 140 € est reconduit et l'explication le dit", () => {
    const plafond = parametres.plafondQuotientFamilial(2025);
    expect(texteDecimal(plafond.valeur)).toBe("10140.00");
    expect(plafond.trace.resultat).toBe(
      "10\u202f140\u00a0€, valeur 2023-2024 en vigueur faute de nouvelle valeur publiée",
    );
    expect(texteDecimal(aideCpge(1, 10140, 2025, parametres).valeur)).toBe("323.00");
    expect(texteDecimal(aideCpge(1, "10140.01", 2025, parametres).valeur)).toBe("0.00");
  });
  test("quotient familial tapé à la place du nombre de concours : erreur, jamais 3 concours payés", () => {
    // =ARE.CPGE(12000;2;2024) for =ARE.CPGE(2;12000;2024): 12 000 € is above the 10 140 € ceiling, 0 €
    // is due; read as 12 000 concours with a quotient of 2 €, it paid 3 × 319 € = 957,00 €.
    expect(() => aideCpge(12000, 2, 2024, parametres)).toThrow(
      "Nombre de concours 12000 invraisemblable : le quotient familial a-t-il été saisi à sa place ?",
    );
    // A date (1 January 2024 is 45 292) neither; 100 concours is still read, as 3 × 319 € = 957,00 €.
    expect(() => aideCpge(45292, 9000, 2024, parametres)).toThrow(/invraisemblable/);
    expect(texteDecimal(aideCpge(100, 9000, 2024, parametres).valeur)).toBe("957.00");
  });
  test("arguments invalides refusés", () => {
    expect(() => aideCpge(-1, 5000, 2023, parametres)).toThrow(/Nombre de concours/);
    expect(() => aideCpge(1.5, 5000, 2023, parametres)).toThrow(/Nombre de concours/);
    expect(() => aideCpge(1, -3, 2023, parametres)).toThrow(/quotient familial/);
  });
});

describe("Dotation complémentaire (R10)", () => {
  test("élèves supplémentaires pré-bac et boursiers supplémentaires post-bac, par formation", () => {
    const demande = demandeComplementaire(
      [
        { code: "50022137", supplementaires: 4 },
        { code: 32025520, supplementaires: 2 },
        { code: "67010031", supplementaires: 3 },
      ],
      2024,
      parametres,
    );
    expect(demande.refus).toEqual([]);
    expect(
      demande.lignes.map((l) => [l.code, l.nsf, l.intitule, l.enveloppe, texteDecimal(l.montant.valeur)]),
    ).toEqual([
      ["50022137", 221, "BOULANGER (CAP)", "preBac", "628.00"],
      ["32025520", 255, "ELECTROTECHNIQUE (BTS)", "postBac", "314.00"],
      ["67010031", 100, "3EME PREPA-METIERS", "preBac", "168.00"],
    ]);
    expect(texteDecimal(demande.totaux.preBac)).toBe("796.00");
    expect(texteDecimal(demande.totaux.postBac)).toBe("314.00");
    expect(texteDecimal(demande.totaux.total)).toBe("1110.00");
  });
  test("une formation non éligible ou un code mal formé est refusé avec son motif", () => {
    const demande = demandeComplementaire(
      [
        { code: "43033104", supplementaires: 2 },
        { code: "5002213", supplementaires: 2 },
        { code: "50022137", supplementaires: 0 },
      ],
      2023,
      parametres,
    );
    expect(demande.lignes).toEqual([]);
    expect(demande.refus.map((r) => r.index)).toEqual([0, 1, 2]);
    expect(demande.refus[0].motif).toContain("ST2S");
  });
});

describe("UAI (R1)", () => {
  test("lettre de contrôle : 0750655 mod 23 = 4 → E (Louis-le-Grand), 0750654 → D (Henri-IV)", () => {
    expect(lettreCleUai("0750655")).toBe("E");
    expect(lettreCleUai("0750654")).toBe("D");
  });
  test("un UAI valide d'Île-de-France est lu sans alerte, normalisé", () => {
    expect(lireUai(" 0750655e ")).toEqual({ ok: true, uai: "0750655E", alertes: [] });
  });
  test("une mauvaise lettre ou un département hors région est une alerte, pas une erreur", () => {
    const wrong = lireUai("0750655F");
    expect(wrong).toMatchObject({ ok: true, uai: "0750655F" });
    expect(wrong.ok && wrong.alertes[0]).toContain("« E »");
    const outside = lireUai(`0130001${lettreCleUai("0130001")}`);
    expect(outside.ok && outside.alertes[0]).toContain("pas en Île-de-France");
  });
  test("un UAI manquant ou mal formé est une erreur", () => {
    expect(lireUai("")).toMatchObject({ ok: false });
    expect(lireUai("075065E")).toMatchObject({ ok: false });
  });
});
