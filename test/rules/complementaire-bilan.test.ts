import {
  ErreurArgument,
  Parametres,
  Decimal,
  TYPES_EQUIPEMENT,
  complementFormation,
  texteDecimal,
  lireEnveloppe,
  lireTypesEquipement,
  formaterTrace,
  soldeEnveloppe,
} from "../../src/rules";

const parametres = Parametres.embarques();

describe("Complément d'une formation (R10, ARE.COMPLEMENT)", () => {
  test("4 élèves supplémentaires de CAP BOULANGER en 2024-2025 : 4 × 157 € = 628,00 €", () => {
    const ligne = complementFormation(4, "50022137", 2024, parametres);
    expect(texteDecimal(ligne.montant.valeur)).toBe("628.00");
    expect(formaterTrace(ligne.montant.trace)).toBe(
      "Complément 50022137 BOULANGER (CAP) : 4 élèves supplémentaires × 157\u00a0€ = 628,00\u00a0€ (Région Île-de-France, page « Dotation budgétaire »)",
    );
  });
  test("2 boursiers supplémentaires de BTS en 2024-2025 : 2 × 157 € = 314,00 €", () => {
    const ligne = complementFormation(2, 32025520, 2024, parametres);
    expect(texteDecimal(ligne.montant.valeur)).toBe("314.00");
    expect(ligne.enveloppe).toBe("postBac");
    expect(formaterTrace(ligne.montant.trace)).toContain("2 boursiers supplémentaires × 157\u00a0€");
  });
  test("3 élèves de 3ème prépa-métiers en 2023-2024 : 3 × 54 € = 162,00 €, enveloppe pré-bac", () => {
    const ligne = complementFormation(3, "67010031", 2023, parametres);
    expect(texteDecimal(ligne.montant.valeur)).toBe("162.00");
    expect(ligne.enveloppe).toBe("preBac");
  });
  test("1 boursier supplémentaire de BTS en 2024-2025 : 1 × 157 € = 157,00 €, au singulier", () => {
    const ligne = complementFormation(1, 32025520, 2024, parametres);
    expect(texteDecimal(ligne.montant.valeur)).toBe("157.00");
    expect(formaterTrace(ligne.montant.trace)).toContain(": 1 boursier supplémentaire × 157\u00a0€ = 157,00");
  });
  test("0 élève supplémentaire : 0,00 €", () => {
    expect(texteDecimal(complementFormation(0, "50022137", 2024, parametres).montant.valeur)).toBe("0.00");
  });
  test("une formation ST2S est refusée avec son motif", () => {
    expect(() => complementFormation(2, "43033104", 2024, parametres)).toThrow(ErreurArgument);
    expect(() => complementFormation(2, "43033104", 2024, parametres)).toThrow(/ST2S/);
  });
  test("un nombre négatif ou décimal, un code mal formé sont refusés", () => {
    expect(() => complementFormation(-1, "50022137", 2024, parametres)).toThrow(/nombre entier/);
    expect(() => complementFormation(1.5, "50022137", 2024, parametres)).toThrow(/« 1,5 » invalide/);
    expect(() => complementFormation(1, "5002213", 2024, parametres)).toThrow(/7 chiffres au lieu de 8/);
  });
});

describe("Bilan : enveloppes, types, solde (R11)", () => {
  test.each([
    ["pré-bac", "preBac"],
    ["PRE BAC", "preBac"],
    ["Enveloppe post-bac", "postBac"],
    ["3ème prépa-métiers", "preBac"],
    ["BTS", "postBac"],
  ])("l'enveloppe « %s » est lue %s", (texte, attendue) => {
    expect(lireEnveloppe(texte)).toBe(attendue);
  });
  test("une enveloppe inconnue ou « CPGE » n'est pas une enveloppe ARE", () => {
    expect(lireEnveloppe("fonds social")).toBeNull();
    expect(lireEnveloppe("CPGE")).toBeNull();
  });
  test("plusieurs types dans une cellule, séparés par « ; » ou « + » : dans l'ordre du règlement, sans doublon", () => {
    expect(lireTypesEquipement("outillage ; EPI + EPI")).toEqual({
      types: [TYPES_EQUIPEMENT[1], TYPES_EQUIPEMENT[2]],
      inconnus: [],
    });
    expect(lireTypesEquipement("Matériel, outillage et instruments")).toEqual({
      types: [TYPES_EQUIPEMENT[2]],
      inconnus: [],
    });
    expect(lireTypesEquipement("EPI ; voyage scolaire").inconnus).toEqual(["voyage scolaire"]);
  });
  test("chaque type écrit comme le règlement, avec ses exemples entre parenthèses, est lu", () => {
    const ecrits = [
      "Vêtement de représentation (costume, tailleur, chaussures...)",
      "Vêtements et équipements de protection individuelle (blouse, bleu, gants, casque, chaussures, lunettes de protection...)",
      "Matériel, outillage et instruments (pipettes, calculatrice, mallette de couteaux...)",
      "Consommables informatiques (DVD, clé USB...) et documents techniques (plaquettes de consignes de sécurité, nomenclatures...)",
    ];
    ecrits.forEach((ecrit, i) =>
      expect(lireTypesEquipement(ecrit)).toEqual({ types: [TYPES_EQUIPEMENT[i]], inconnus: [] }),
    );
    expect(lireTypesEquipement(`${ecrits[3]} ; EPI (gants/lunettes)`).types).toEqual([
      TYPES_EQUIPEMENT[1],
      TYPES_EQUIPEMENT[3],
    ]);
  });
  test("un montant négatif dans un solde est refusé", () => {
    expect(() =>
      soldeEnveloppe("preBac", {
        dotationRecue: new Decimal(100),
        reliquatAnterieur: new Decimal(0),
        depense: new Decimal(-5),
      }),
    ).toThrow(/dépense -5,00\u00a0€ invalide/);
  });
});
