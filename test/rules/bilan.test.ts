import {
  Decimal,
  TYPES_EQUIPEMENT,
  enveloppeDe,
  formaterTrace,
  lireTypeEquipement,
  messageEnveloppeCroisee,
  soldeEnveloppe,
  texteDecimal,
} from "../../src/rules";

describe("Bilan de fin d'année (R11)", () => {
  test("les quatre types d'équipements du règlement, dans son ordre", () => {
    expect(TYPES_EQUIPEMENT).toEqual([
      "Vêtement de représentation",
      "Vêtements et équipements de protection individuelle",
      "Matériel, outillage et instruments",
      "Consommables informatiques et documents techniques",
    ]);
  });

  test.each([
    ["vêtement de représentation", 0],
    ["VETEMENTS ET EQUIPEMENTS DE PROTECTION INDIVIDUELLE", 1],
    ["EPI", 1],
    ["Matériel, outillage et instruments", 2],
    ["consommables informatiques", 3],
  ])("le type « %s » est reconnu", (text, index) => {
    expect(lireTypeEquipement(text)).toBe(TYPES_EQUIPEMENT[index]);
  });

  test("un type d'équipement inconnu n'est pas reconnu", () => {
    expect(lireTypeEquipement("voyage scolaire")).toBeNull();
  });

  test("reliquat reporté = dotation reçue + reliquat antérieur − dépensé : 36 782,00 + 1 200,50 − 37 000,00 = 982,50", () => {
    const solde = soldeEnveloppe("preBac", {
      dotationRecue: new Decimal("36782"),
      reliquatAnterieur: new Decimal("1200.50"),
      depense: new Decimal("37000"),
    });
    expect(texteDecimal(solde.disponible.valeur)).toBe("37982.50");
    expect(texteDecimal(solde.nouveauReliquat.valeur)).toBe("982.50");
    expect(texteDecimal(solde.depassement)).toBe("0.00");
    expect(formaterTrace(solde.nouveauReliquat.trace)).toBe(
      "Reliquat pré-bac reporté : 37\u202f982,50\u00a0€ − dépensé 37\u202f000,00\u00a0€ = 982,50\u00a0€ (reliquat déduit de la dotation suivante)",
    );
  });

  test("une dépense au-delà du disponible est un dépassement et ne laisse aucun reliquat", () => {
    const solde = soldeEnveloppe("postBac", {
      dotationRecue: new Decimal("2669"),
      reliquatAnterieur: new Decimal("0"),
      depense: new Decimal("2700.10"),
    });
    expect(texteDecimal(solde.depassement)).toBe("31.10");
    expect(texteDecimal(solde.nouveauReliquat.valeur)).toBe("0.00");
  });

  test("la 3ème prépa-métiers relève de l'enveloppe pré-bac, le BTS de l'enveloppe post-bac", () => {
    expect(enveloppeDe("PREPA_METIERS")).toBe("preBac");
    expect(enveloppeDe("PRE_BAC")).toBe("preBac");
    expect(enveloppeDe("POST_BAC")).toBe("postBac");
    expect(messageEnveloppeCroisee("32025520", "POST_BAC", "preBac")).toContain("non fongibles");
  });
});
