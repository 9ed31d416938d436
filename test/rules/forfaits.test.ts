import {
  Decimal,
  FORFAITS,
  ErreurArgument,
  ErreurParametreManquant,
  Parametres,
  PLAFOND_QUOTIENT_FAMILIAL_CPGE,
  indexer,
  baseIpcPour,
  lireTypeForfait,
  formaterTrace,
  tauxIpc,
  type TypeForfait,
} from "../../src/rules";

const embarques = Parametres.embarques();
const forfait = (kind: TypeForfait, annee: number, p = embarques) => p.forfait(kind, annee).valeur.toString();

describe("Forfaits publiés (R6)", () => {
  test.each([
    ["PRE_BAC", 2023, "151"],
    ["POST_BAC", 2023, "151"],
    ["PREPA_METIERS", 2023, "54"],
    ["CPGE", 2023, "308"],
    ["PRE_BAC", 2024, "157"],
    ["POST_BAC", 2024, "157"],
    ["PREPA_METIERS", 2024, "56"],
    ["CPGE", 2024, "319"],
    ["CPGE", 2025, "323"],
  ] as const)("%s %i : %s €", (kind, annee, expected) => {
    expect(forfait(kind, annee)).toBe(expected);
  });

  test("le forfait 2023-2024 cite l'arrêté n° 2023-087", () => {
    expect(formaterTrace(embarques.forfait("PRE_BAC", 2023).trace)).toBe(
      "Forfait Pré-bac 2023-2024 : 151\u00a0€ (arrêté n° 2023-087)",
    );
  });

  test("chaque valeur de paramètre a une référence et les années croissent", () => {
    for (const table of [...Object.values(FORFAITS), PLAFOND_QUOTIENT_FAMILIAL_CPGE]) {
      table.valeurs.forEach((v, i) => {
        expect(v.reference.titre.length).toBeGreaterThan(10);
        expect(v.reference.court.length).toBeGreaterThan(3);
        if (i > 0) expect(v.annee).toBeGreaterThan(table.valeurs[i - 1].annee);
      });
    }
  });

  test("une année antérieure à 2023-2024 est une erreur typée", () => {
    expect(() => embarques.forfait("PRE_BAC", 2022)).toThrow(ErreurParametreManquant);
    expect(() => embarques.forfait("PRE_BAC", 2022)).toThrow(/première année couverte est 2023-2024/);
  });

  test.each([
    "pré-bac",
    "PREBAC",
    "Pre Bac",
    "post bac",
    "3PM",
    "3e prépa-métiers",
    "3EME PREPA-METIERS",
    "cpge",
  ])("la catégorie « %s » est reconnue (casse, accents et espaces ignorés)", (label) => {
    expect(() => lireTypeForfait(label)).not.toThrow();
  });

  test("une catégorie inconnue est une erreur d'argument en français", () => {
    expect(() => lireTypeForfait("lycée")).toThrow(ErreurArgument);
    expect(() => lireTypeForfait("lycée")).toThrow("Catégorie « lycée » inconnue");
  });
});

describe("Indexation sur l'IPC (R7)", () => {
  test("taux 2023-2024 de l'arrêté : (114,18 / 107,4 − 1) = 6,31 %", () => {
    expect(tauxIpc("114.18", "107.4").toString()).toBe("0.0631");
  });

  test("taux 2024-2025 : 118,38 / 114,18 − 1 = 3,68 %", () => {
    expect(tauxIpc("118.38", "114.18").toString()).toBe("0.0368");
  });

  test.each([
    ["151 × 1,0368 → 157 € (pré-bac et post-bac publiés 2024-2025)", 151, "157"],
    ["54 × 1,0368 → 56 € (3ème prépa-métiers publié 2024-2025)", 54, "56"],
    ["308 × 1,0368 → 319 € (CPGE publié 2024-2025)", 308, "319"],
  ])("%s", (_name, montant, published) => {
    expect(indexer(montant, tauxIpc("118.38", "114.18")).toString()).toBe(published);
  });

  test("CPGE : 282 → 290 (déc. 2021 / déc. 2020) → 308 (déc. 2022 / déc. 2021), montants publiés", () => {
    const taux2022 = tauxIpc("107.40", "104.29");
    expect(taux2022.toString()).toBe("0.0298");
    const cpge2022 = indexer(282, taux2022);
    expect(cpge2022.toString()).toBe("290");
    expect(indexer(cpge2022, tauxIpc("114.18", "107.40")).toString()).toBe("308");
  });

  test("un taux négatif reconduit les montants (déc. 2020 / déc. 2019 = −0,32 %)", () => {
    const taux = tauxIpc("104.29", "104.62");
    expect(taux.toString()).toBe("-0.0032");
    expect(indexer(282, taux).toString()).toBe("282");
    expect(indexer(151, new Decimal("-0.05")).toString()).toBe("151");
  });

  test("2025-2026 sans l'indice de décembre 2024 est une erreur qui le nomme", () => {
    expect.assertions(3);
    try {
      embarques.forfait("PRE_BAC", 2025);
    } catch (error) {
      expect(error).toBeInstanceOf(ErreurParametreManquant);
      expect((error as ErreurParametreManquant).aFournir).toBe("IPC décembre 2024 (base 2015)");
      expect((error as Error).message).toContain("il manque IPC décembre 2024 (base 2015)");
    }
  });

  test("2026-2027 nomme les deux indices manquants, décembre 2024 et décembre 2025", () => {
    expect(() => embarques.forfait("PRE_BAC", 2026)).toThrow(
      "il manque IPC décembre 2024 (base 2015) et IPC décembre 2025 (base 2015)",
    );
  });

  test("2025-2026 se résout une fois l'indice de décembre 2024 saisi : 157 × 1,0130 → 159 €, 56 → 57 €", () => {
    const p = Parametres.avec({ ipc: [{ mois: "2024-12", base: 2015, valeur: "119.92" }] });
    expect(p.tauxIndexation(2025).taux.toString()).toBe("0.013");
    // The explanation, as a finance officer checks it by hand: indices written the French way.
    expect(p.tauxIndexation(2025).trace.calcul).toBe(
      "IPC décembre 2024 (base 2015) 119,92 / IPC décembre 2023 (base 2015) 118,38 − 1, arrondi à 0,01 %",
    );
    expect(forfait("PRE_BAC", 2025, p)).toBe("159");
    expect(forfait("POST_BAC", 2025, p)).toBe("159");
    expect(forfait("PREPA_METIERS", 2025, p)).toBe("57");
    // The published CPGE amount of 2025-2026 stays as published.
    expect(forfait("CPGE", 2025, p)).toBe("323");
    expect(formaterTrace(p.forfait("PRE_BAC", 2025).trace)).toBe(
      "Forfait Pré-bac 2025-2026 : 157\u00a0€ × (1 + 1,30\u00a0%), arrondi à l'euro = 159\u00a0€ (indexation IPC, délibération n° CP 2021-372)",
    );
  });

  test("un indice de décembre 2024 en baisse reconduit les forfaits 2024-2025", () => {
    const p = Parametres.avec({ ipc: [{ mois: "2024-12", base: 2015, valeur: "118.00" }] });
    expect(forfait("PRE_BAC", 2025, p)).toBe("157");
    expect(formaterTrace(p.forfait("PRE_BAC", 2025).trace)).toContain("taux négatif");
  });

  test("un forfait publié saisi par l'utilisateur prime sur l'indexation", () => {
    const p = Parametres.avec({
      forfaits: [{ annee: 2025, categorie: "PRE BAC", valeur: 160, source: "arrêté 2025-XXX" }],
    });
    expect(forfait("PRE_BAC", 2025, p)).toBe("160");
    expect(p.forfait("PRE_BAC", 2025).trace.reference).toBe("saisie utilisateur : arrêté 2025-XXX");
  });

  test("à partir de 2027-2028, les deux décembres viennent de la série base 2025", () => {
    expect(baseIpcPour(2026)).toBe(2015);
    expect(baseIpcPour(2027)).toBe(2025);
    const p = Parametres.avec({
      ipc: [
        { mois: "2024-12", base: 2015, valeur: "119.92" },
        { mois: "2025-12", base: 2015, valeur: "121.00" },
        { mois: "2025-12", base: 2025, valeur: "100.40", serie: "012345678" },
        { mois: "2026-12", base: 2025, valeur: "102.00", serie: "012345678" },
      ],
    });
    // 2026: 121.00 / 119.92 − 1 = 0.90 % ; 159 × 1.009 = 160.43 → 160.
    expect(forfait("PRE_BAC", 2026, p)).toBe("160");
    // 2027: 102.00 / 100.40 − 1 = 1.59 % ; 160 × 1.0159 = 162.54 → 163.
    expect(p.tauxIndexation(2027).taux.toString()).toBe("0.0159");
    expect(forfait("PRE_BAC", 2027, p)).toBe("163");
  });

  test("sans la série base 2025, 2027-2028 nomme les décembres base 2025 manquants", () => {
    const p = Parametres.avec({
      ipc: [
        { mois: "2024-12", base: 2015, valeur: "119.92" },
        { mois: "2025-12", base: 2015, valeur: "121.00" },
      ],
    });
    // Oldest month first, whatever order the resolution met them in.
    expect(() => p.forfait("PRE_BAC", 2027)).toThrow(
      "il manque IPC décembre 2025 (base 2025) et IPC décembre 2026 (base 2025).",
    );
  });

  test("les valeurs saisies invalides ou en conflit sont refusées en français", () => {
    expect(() => Parametres.avec({ ipc: [{ mois: "déc 2024", base: 2015, valeur: 120 }] })).toThrow(
      /Mois « déc 2024 » invalide/,
    );
    expect(() => Parametres.avec({ ipc: [{ mois: "2024-12", base: 2010, valeur: 120 }] })).toThrow(
      /Base « 2010 » invalide/,
    );
    expect(() => Parametres.avec({ ipc: [{ mois: "2024-12", base: 2015, valeur: -3 }] })).toThrow(
      /strictement positif/,
    );
    expect(() => Parametres.avec({ ipc: [{ mois: "2023-12", base: 2015, valeur: 120 }] })).toThrow(
      /déjà connu/,
    );
    expect(() => Parametres.avec({ ipc: [{ mois: "2026-12", base: 2015, valeur: 120 }] })).toThrow(
      /s'arrête en décembre 2025/,
    );
    expect(() => Parametres.avec({ ipc: [{ mois: "2026-12", base: 2025, valeur: 120 }] })).toThrow(
      /identifiant INSEE/,
    );
    expect(() => Parametres.avec({ forfaits: [{ annee: 2024, categorie: "PRE BAC", valeur: 160 }] })).toThrow(
      /déjà publié \(157 €/,
    );
  });
});
