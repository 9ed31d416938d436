import {
  Decimal,
  ErreurArgument,
  Parametres,
  ZERO,
  boursiersRetenus,
  calculerDotation,
  dotationLigne,
  forfaitsDeLAnnee,
  formaterTrace,
  lignesDeTrace,
  lireTauxBoursiers,
  tauxDepuisEffectifs,
  tauxDepuisPourcentage,
  tauxDepuisRatio,
  texteDecimal,
  type DonneesEtablissement,
} from "../../src/rules";

const parametres = Parametres.embarques();
const forfaits2023 = forfaitsDeLAnnee(2023, parametres);
const forfaits2024 = forfaitsDeLAnnee(2024, parametres);

const lycee = (overrides: Partial<DonneesEtablissement> = {}): DonneesEtablissement => ({
  uai: "0750655E",
  nom: "Lycée exemple",
  effectifs: { prepaMetiers: 12, preBac: 230, postBac: 48 },
  tauxBoursiers: tauxDepuisRatio("0.35"),
  reliquats: { preBac: new Decimal("1200.50"), postBac: ZERO },
  aRepondu: true,
  ...overrides,
});

const euros = (d: Decimal) => texteDecimal(d);

describe("Dotation d'un établissement (R8-R9)", () => {
  test("2023-2024 : 12 × 54 € + 230 × 151 € − reliquat 1 200,50 € ; 48 × 35 % = 16,8 → 17 boursiers × 151 €", () => {
    const d = calculerDotation(lycee(), 2023, forfaits2023);
    expect(euros(d.brute.prepaMetiers.valeur)).toBe("648.00");
    expect(euros(d.brute.preBac.valeur)).toBe("34730.00");
    expect(d.boursiersRetenus?.nombre).toBe(17);
    expect(euros(d.brute.postBac!.valeur)).toBe("2567.00");
    expect(euros(d.enveloppes.preBac.valeur)).toBe("35378.00");
    expect(euros(d.nette.preBac.valeur)).toBe("34177.50");
    expect(euros(d.nette.postBac.valeur)).toBe("2567.00");
    expect(euros(d.nette.total.valeur)).toBe("36744.50");
    expect(d.motifs).toEqual([]);
    expect(d.erreurs).toEqual([]);
  });

  test("2024-2025 aux forfaits publiés 56 € / 157 € : 672,00 + 36 110,00 − 1 200,50 ; 17 × 157 = 2 669,00", () => {
    const d = calculerDotation(lycee(), 2024, forfaits2024);
    expect(euros(d.brute.prepaMetiers.valeur)).toBe("672.00");
    expect(euros(d.brute.preBac.valeur)).toBe("36110.00");
    expect(euros(d.brute.postBac!.valeur)).toBe("2669.00");
    expect(euros(d.nette.preBac.valeur)).toBe("35581.50");
    expect(euros(d.nette.total.valeur)).toBe("38250.50");
  });

  test("chaque chiffre s'explique en français avec sa référence", () => {
    const d = calculerDotation(lycee(), 2023, forfaits2023);
    expect(formaterTrace(d.brute.preBac.trace)).toBe(
      "Pré-bac : 230 élèves × 151\u00a0€ = 34\u202f730,00\u00a0€ (arrêté n° 2023-087)",
    );
    expect(formaterTrace(d.brute.prepaMetiers.trace)).toBe(
      "3e prépa-métiers : 12 élèves × 54\u00a0€ = 648,00\u00a0€ (arrêté n° 2023-087)",
    );
    expect(formaterTrace(d.boursiersRetenus!.trace)).toBe(
      "Boursiers retenus : 48 élèves post-bac × 35\u00a0%, arrondi à l'élève (au plus proche) = 17 boursiers (décision : un arrondi par établissement)",
    );
    expect(formaterTrace(d.nette.preBac.trace)).toBe(
      "Pré-bac net : 35\u202f378,00\u00a0€ − reliquat 1\u202f200,50\u00a0€ = 34\u202f177,50\u00a0€ (modalités 2023-2024 : reliquats déduits)",
    );
    expect(lignesDeTrace(d.nette.total.trace)).toEqual([
      "Dotation nette totale : 34\u202f177,50\u00a0€ (pré-bac) + 2\u202f567,00\u00a0€ (post-bac) = 36\u202f744,50\u00a0€ (enveloppes non fongibles, année 2023-2024)",
      "  Pré-bac net : 35\u202f378,00\u00a0€ − reliquat 1\u202f200,50\u00a0€ = 34\u202f177,50\u00a0€ (modalités 2023-2024 : reliquats déduits)",
      "    Enveloppe pré-bac : 648,00\u00a0€ (3e prépa-métiers) + 34\u202f730,00\u00a0€ (pré-bac) = 35\u202f378,00\u00a0€ (décision : la 3e prépa-métiers relève de l'enveloppe pré-bac)",
      "      3e prépa-métiers : 12 élèves × 54\u00a0€ = 648,00\u00a0€ (arrêté n° 2023-087)",
      "      Pré-bac : 230 élèves × 151\u00a0€ = 34\u202f730,00\u00a0€ (arrêté n° 2023-087)",
      "  Post-bac net : enveloppe sans reliquat à déduire = 2\u202f567,00\u00a0€",
      "    Enveloppe post-bac : 17 boursiers × 151\u00a0€ = 2\u202f567,00\u00a0€ (arrêté n° 2023-087)",
      "      Boursiers retenus : 48 élèves post-bac × 35\u00a0%, arrondi à l'élève (au plus proche) = 17 boursiers (décision : un arrondi par établissement)",
    ]);
  });

  test("l'explication accorde au singulier 0 et 1 : « 1 élève », « 0 boursier »", () => {
    // 2023-2024 : 1 élève × 54 € = 54,00 € ; 1 élève × 151 € = 151,00 € ; 1 élève de BTS à 35 % =
    // 0,35 → 0 boursier × 151 € = 0,00 €.
    const d = calculerDotation(
      lycee({ effectifs: { prepaMetiers: 1, preBac: 1, postBac: 1 } }),
      2023,
      forfaits2023,
    );
    expect(formaterTrace(d.brute.prepaMetiers.trace)).toBe(
      "3e prépa-métiers : 1 élève × 54\u00a0€ = 54,00\u00a0€ (arrêté n° 2023-087)",
    );
    expect(formaterTrace(d.brute.preBac.trace)).toBe(
      "Pré-bac : 1 élève × 151\u00a0€ = 151,00\u00a0€ (arrêté n° 2023-087)",
    );
    expect(formaterTrace(d.boursiersRetenus!.trace)).toBe(
      "Boursiers retenus : 1 élève post-bac × 35\u00a0%, arrondi à l'élève (au plus proche) = 0 boursier (décision : un arrondi par établissement)",
    );
    expect(formaterTrace(d.brute.postBac!.trace)).toBe(
      "Post-bac : 0 boursier × 151\u00a0€ = 0,00\u00a0€ (arrêté n° 2023-087)",
    );
  });

  test("un reliquat supérieur à l'enveloppe donne 0 (jamais un montant négatif), avec le motif", () => {
    const d = calculerDotation(
      lycee({ reliquats: { preBac: ZERO, postBac: new Decimal("3000") } }),
      2023,
      forfaits2023,
    );
    expect(euros(d.nette.postBac.valeur)).toBe("0.00");
    expect(euros(d.nette.preBac.valeur)).toBe("35378.00");
    expect(d.motifs).toEqual([
      "Post-bac net : reliquat (3\u202f000,00\u00a0€) supérieur à la dotation calculée (2\u202f567,00\u00a0€), aucune dotation versée.",
    ]);
  });

  test("un reliquat égal à l'enveloppe donne exactement 0, sans motif de dépassement", () => {
    const d = calculerDotation(
      lycee({ reliquats: { preBac: new Decimal("35378"), postBac: ZERO } }),
      2023,
      forfaits2023,
    );
    expect(euros(d.nette.preBac.valeur)).toBe("0.00");
    expect(d.motifs).toEqual([]);
  });

  test("les enveloppes ne sont pas fongibles : l'excédent de reliquat pré-bac ne réduit pas le post-bac", () => {
    const d = calculerDotation(
      lycee({ reliquats: { preBac: new Decimal("99999"), postBac: ZERO } }),
      2023,
      forfaits2023,
    );
    expect(euros(d.nette.preBac.valeur)).toBe("0.00");
    expect(euros(d.nette.postBac.valeur)).toBe("2567.00");
    expect(euros(d.nette.total.valeur)).toBe("2567.00");
  });

  test("les centimes des reliquats sont conservés : 2 567,00 − 0,01 = 2 566,99", () => {
    const d = calculerDotation(
      lycee({ reliquats: { preBac: new Decimal("0.99"), postBac: new Decimal("0.01") } }),
      2023,
      forfaits2023,
    );
    expect(euros(d.nette.postBac.valeur)).toBe("2566.99");
    expect(euros(d.nette.preBac.valeur)).toBe("35377.01");
    expect(euros(d.nette.total.valeur)).toBe("37944.00");
  });

  test("un établissement n'ayant pas répondu aux enquêtes reçoit 0 dans les deux enveloppes, avec ce motif", () => {
    const d = calculerDotation(lycee({ aRepondu: false }), 2023, forfaits2023);
    expect(euros(d.brute.preBac.valeur)).toBe("34730.00");
    expect(euros(d.nette.preBac.valeur)).toBe("0.00");
    expect(euros(d.nette.postBac.valeur)).toBe("0.00");
    expect(euros(d.nette.total.valeur)).toBe("0.00");
    expect(d.motifs).toEqual([
      "N'a pas répondu aux enquêtes régionales : réputé disposer de reliquats suffisants, aucune dotation attribuée.",
    ]);
  });

  test("des effectifs post-bac sans taux de boursiers : pas de ligne post-bac, une erreur, les autres lignes calculées", () => {
    const d = calculerDotation(lycee({ tauxBoursiers: null }), 2023, forfaits2023);
    expect(d.brute.postBac).toBeNull();
    expect(d.boursiersRetenus).toBeNull();
    expect(euros(d.nette.postBac.valeur)).toBe("0.00");
    expect(euros(d.nette.preBac.valeur)).toBe("34177.50");
    expect(d.erreurs[0]).toContain("Taux de boursiers manquant");
  });

  test("sans taux de boursiers, un reliquat post-bac ne produit pas de motif de dépassement trompeur", () => {
    const d = calculerDotation(
      lycee({ tauxBoursiers: null, reliquats: { preBac: ZERO, postBac: new Decimal("82.67") } }),
      2023,
      forfaits2023,
    );
    expect(euros(d.nette.postBac.valeur)).toBe("0.00");
    expect(d.motifs).toEqual([]);
    expect(d.erreurs).toHaveLength(1);
  });

  test("sans effectif post-bac, l'absence de taux n'est pas une erreur", () => {
    const d = calculerDotation(
      lycee({
        tauxBoursiers: null,
        effectifs: { prepaMetiers: 0, preBac: 10, postBac: 0 },
        reliquats: { preBac: ZERO, postBac: ZERO },
      }),
      2023,
      forfaits2023,
    );
    expect(d.erreurs).toEqual([]);
    expect(euros(d.nette.total.valeur)).toBe("1510.00");
  });

  test("un effectif négatif ou décimal est refusé", () => {
    expect(() =>
      calculerDotation(lycee({ effectifs: { prepaMetiers: 0, preBac: -1, postBac: 0 } }), 2023, forfaits2023),
    ).toThrow(ErreurArgument);
    expect(() => dotationLigne("PRE_BAC", 2.5, 2023, parametres, null)).toThrow(/nombre entier/);
  });

  test("un reliquat négatif est refusé", () => {
    expect(() =>
      calculerDotation(lycee({ reliquats: { preBac: new Decimal(-5), postBac: ZERO } }), 2023, forfaits2023),
    ).toThrow(/reliquat ne peut pas être négatif/);
  });
});

describe("Boursiers retenus (R8) : arrondi à l'élève, une fois par établissement", () => {
  test("25 × 0,30 = 7,5 → 8", () => {
    expect(boursiersRetenus(25, tauxDepuisRatio("0.30"))).toBe(8);
  });
  test("23 × 0,35 = 8,05 → 8", () => {
    expect(boursiersRetenus(23, tauxDepuisRatio("0.35"))).toBe(8);
  });
  test("48 × 35 % = 16,8 → 17", () => {
    expect(boursiersRetenus(48, tauxDepuisPourcentage(35))).toBe(17);
  });
  test("taux exprimé par les deux effectifs : 120 boursiers / 480 élèves, 30 post-bac → 7,5 → 8", () => {
    const taux = tauxDepuisEffectifs(120, 480);
    expect(taux.ratio.toString()).toBe("0.25");
    expect(boursiersRetenus(30, taux)).toBe(8);
  });
  test("taux calculé par Excel (=50/300, le double le plus proche de 1/6) : 21 × 1/6 = 3,5 → 4, jamais 3", () => {
    expect(boursiersRetenus(21, lireTauxBoursiers(50 / 300))).toBe(4);
    expect(boursiersRetenus(3, lireTauxBoursiers(1 / 6))).toBe(1);
    expect(boursiersRetenus(45, lireTauxBoursiers(100 / 600))).toBe(8);
  });
  test("les deux effectifs : 30 élèves × 220 boursiers / 1 200 élèves = 5,5 → 6, jamais 5", () => {
    expect(boursiersRetenus(30, tauxDepuisEffectifs(220, 1200))).toBe(6);
  });
  test.each([
    ["les deux effectifs (b, e)", (b: number, e: number) => tauxDepuisEffectifs(b, e)],
    ["un taux calculé par Excel (le double b / e)", (b: number, e: number) => lireTauxBoursiers(b / e)],
  ])("taux donné par %s : autant de boursiers que l'arrondi entier de n × b / e", (_, taux) => {
    // The oracle is integer arithmetic, not the rule's Decimal: round half-up of n·b/e is
    // floor((2·n·b + e) / (2·e)). Every ratio b/e of an establishment of up to 60 students n-1,
    // and of a few large ones, for 0 to 40 post-bac students.
    const ecarts: string[] = [];
    const effectifsN1 = [...Array.from({ length: 60 }, (_, i) => i + 1), 300, 480, 1200, 2999];
    for (const e of effectifsN1) {
      const pas = e > 60 ? Math.floor(e / 97) : 1;
      for (let b = 0; b < e; b += pas) {
        const t = taux(b, e);
        for (let n = 0; n <= 40; n++) {
          const attendu = Math.floor((2 * n * b + e) / (2 * e));
          const obtenu = boursiersRetenus(n, t);
          if (obtenu !== attendu) ecarts.push(`${n} × ${b}/${e} : ${obtenu} au lieu de ${attendu}`);
        }
      }
    }
    expect(ecarts).toEqual([]);
  });
  test("taux écrit avec ses décimales, gardé tel quel : 21 × 0,1666666664 = 3,4999999944 → 3", () => {
    expect(boursiersRetenus(21, lireTauxBoursiers("0,1666666664"))).toBe(3);
    expect(boursiersRetenus(21, lireTauxBoursiers("0,16666667"))).toBe(4);
  });
  test("taux exact, sans arrondi intermédiaire : 1/3 × 30 = 10", () => {
    expect(boursiersRetenus(30, tauxDepuisEffectifs(1, 3))).toBe(10);
  });
  test("un taux au-dessus de 1 ou de 100 %, ou plus de boursiers que d'élèves, est refusé", () => {
    expect(() => tauxDepuisRatio("1.2")).toThrow(ErreurArgument);
    expect(() => tauxDepuisPourcentage(120)).toThrow(/entre 0 % et 100 %/);
    expect(() => tauxDepuisRatio(-0.1)).toThrow(ErreurArgument);
    expect(() => tauxDepuisEffectifs(500, 480)).toThrow(/plus que l'effectif/);
  });
  test("un seul boursier, un seul élève : au singulier", () => {
    expect(tauxDepuisEffectifs(1, 400).description).toBe("1 boursier / 400 élèves (0,25\u00a0%)");
    expect(() => tauxDepuisEffectifs(2, 1)).toThrow(
      "Taux de boursiers : 2 boursiers pour un effectif de 1 élève, c'est plus que l'effectif.",
    );
  });
  test.each([
    [0.35, "0.35"],
    ["35 %", "0.35"],
    ["35,5%", "0.355"],
    ["0,35", "0.35"],
    [35, "0.35"],
    [1, "1"],
  ])("lecture du taux %p → %s", (raw, ratio) => {
    expect(lireTauxBoursiers(raw).ratio.toString()).toBe(ratio);
  });
  test("un taux illisible est refusé", () => {
    expect(() => lireTauxBoursiers("beaucoup")).toThrow(/illisible/);
    expect(() => lireTauxBoursiers(250)).toThrow(ErreurArgument);
  });
});

describe("Une ligne seule, comme ARE.DOTATION", () => {
  test("pré-bac 2024 : 230 × 157 € = 36 110,00 €", () => {
    expect(euros(dotationLigne("PRE_BAC", 230, 2024, parametres, null).valeur)).toBe("36110.00");
  });
  test("post-bac 2023 : 48 élèves à 35 % → 17 × 151 € = 2 567,00 €", () => {
    expect(euros(dotationLigne("POST_BAC", 48, 2023, parametres, tauxDepuisRatio("0.35")).valeur)).toBe(
      "2567.00",
    );
  });
  test("post-bac sans taux : erreur d'argument", () => {
    expect(() => dotationLigne("POST_BAC", 48, 2023, parametres, null)).toThrow(/taux de boursiers/);
  });
});

describe("Écriture des montants", () => {
  test("un montant immense s'écrit en chiffres, jamais en notation exponentielle", () => {
    expect(texteDecimal(new Decimal("1e22").plus("0.5"))).toBe("10000000000000000000000.50");
  });
});
