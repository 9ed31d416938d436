/**
 * R9 — the parts of an envelope and the totals that reconcile (issue 12.1): dotation calculée −
 * reliquats déduits − non-répondants − non calculées = dotation nette, exactly; a reliquat above the
 * dotation is deducted up to the dotation, the rest is the écrêtement. Amounts by hand from the
 * 2024-2025 forfaits (pré-bac 157 €, 3ème prépa-métiers 56 €, post-bac 157 €).
 */
import fc from "fast-check";
import {
  Decimal,
  Parametres,
  ZERO,
  calculerDotation,
  formaterTrace,
  forfaitsDeLAnnee,
  netteTotaleConnue,
  partsEnveloppe,
  tauxDepuisRatio,
  texteDecimal,
  totaliserEnveloppe,
  type DonneesEtablissement,
  type Enveloppe,
} from "../../src/rules";

const forfaits = forfaitsDeLAnnee(2024, Parametres.embarques());
const euros = (d: Decimal | null) => (d === null ? null : texteDecimal(d));

/** 20 pré-bac × 157 € + 10 × 56 € = 3 140 + 560 = 3 700,00 € ; 40 post-bac × 35 % = 14 × 157 € = 2 198,00 €. */
const lycee = (overrides: Partial<DonneesEtablissement> = {}): DonneesEtablissement => ({
  uai: "0750655E",
  effectifs: { prepaMetiers: 10, preBac: 20, postBac: 40 },
  tauxBoursiers: tauxDepuisRatio("0.35"),
  reliquats: { preBac: new Decimal("1000"), postBac: ZERO },
  aRepondu: true,
  ...overrides,
});

const partsEnEuros = (d: ReturnType<typeof calculerDotation>, e: Enveloppe) => {
  const p = d.parts[e];
  return {
    cas: p.cas,
    calculee: euros(p.calculee),
    reliquatDeduit: euros(p.reliquatDeduit),
    ecretement: euros(p.ecretement),
    nonRepondant: euros(p.nonRepondant),
    nonCalculee: euros(p.nonCalculee),
    nette: euros(p.nette),
  };
};

describe("Parts d'une enveloppe (R9)", () => {
  test("reliquat 1 000 € < 3 700 € : déduit en entier, nette 2 700,00 €", () => {
    const d = calculerDotation(lycee(), 2024, forfaits);
    expect(partsEnEuros(d, "preBac")).toEqual({
      cas: "versee",
      calculee: "3700.00",
      reliquatDeduit: "1000.00",
      ecretement: "0.00",
      nonRepondant: "0.00",
      nonCalculee: "0.00",
      nette: "2700.00",
    });
    expect(euros(netteTotaleConnue(d))).toBe("4898.00"); // 2 700 + 2 198
  });

  test("reliquat 4 000,50 € > 3 700 € : 3 700,00 € déduits, écrêtement 300,50 €, nette 0", () => {
    const d = calculerDotation(
      lycee({ reliquats: { preBac: new Decimal("4000.50"), postBac: ZERO } }),
      2024,
      forfaits,
    );
    expect(partsEnEuros(d, "preBac")).toEqual({
      cas: "ecretee",
      calculee: "3700.00",
      reliquatDeduit: "3700.00",
      ecretement: "300.50",
      nonRepondant: "0.00",
      nonCalculee: "0.00",
      nette: "0.00",
    });
  });

  test("reliquat égal à la dotation (3 700 €) : déduit en entier, pas d'écrêtement", () => {
    const p = partsEnveloppe(new Decimal(3700), new Decimal(3700), true, true);
    expect([p.cas, euros(p.reliquatDeduit), euros(p.ecretement), euros(p.nette)]).toEqual([
      "versee",
      "3700.00",
      "0.00",
      "0.00",
    ]);
  });

  test("non-répondant : toute la dotation calculée en « non-répondants », son reliquat n'est pas déduit", () => {
    const d = calculerDotation(lycee({ aRepondu: false }), 2024, forfaits);
    expect(partsEnEuros(d, "preBac")).toMatchObject({
      cas: "non-repondant",
      reliquatDeduit: "0.00",
      nonRepondant: "3700.00",
      nette: "0.00",
    });
    expect(partsEnEuros(d, "postBac")).toMatchObject({ cas: "non-repondant", nonRepondant: "2198.00" });
  });

  test("non-répondant dont le reliquat est illisible : rien n'est attribué, l'enveloppe n'est pas « non calculée »", () => {
    const d = calculerDotation(
      lycee({ aRepondu: false, nonCalculables: { preBac: "Reliquat pré-bac illisible (cellule C2)." } }),
      2024,
      forfaits,
    );
    expect(d.parts.preBac.cas).toBe("non-repondant");
    expect(d.erreurs).toEqual([]);
  });

  test("reliquat illisible : enveloppe pré-bac non calculée (nette null, pas 0), la post-bac calculée", () => {
    const d = calculerDotation(
      lycee({
        nonCalculables: { preBac: "Reliquat pré-bac illisible (cellule C2) : enveloppe non calculée." },
      }),
      2024,
      forfaits,
    );
    expect(partsEnEuros(d, "preBac")).toMatchObject({
      cas: "non-calculee",
      nonCalculee: "3700.00",
      nette: null,
    });
    expect(partsEnEuros(d, "postBac")).toMatchObject({ cas: "versee", nette: "2198.00" });
    expect(netteTotaleConnue(d)).toBeNull();
    expect(d.erreurs).toEqual(["Reliquat pré-bac illisible (cellule C2) : enveloppe non calculée."]);
  });

  test("effectifs post-bac sans taux : enveloppe post-bac non calculée, de dotation inconnue (0 dans la ligne)", () => {
    const d = calculerDotation(lycee({ tauxBoursiers: null }), 2024, forfaits);
    expect(partsEnEuros(d, "postBac")).toMatchObject({ cas: "non-calculee", calculee: "0.00", nette: null });
    // Its explanation and the total's say « non calculée », never « 0,00 € »: the sheets leave both
    // cells empty.
    expect(formaterTrace(d.nette.postBac.trace)).toMatch(
      /^Post-bac net : non calculée : taux de boursiers manquant = non calculée/,
    );
    expect(formaterTrace(d.nette.total.trace)).toMatch(
      /^Dotation nette totale : [\d\s]+,\d\d\s€ \(pré-bac\) \+ non calculée \(post-bac\) = non calculée /,
    );
    expect(d.erreurs[0]).toMatch(/^Taux de boursiers manquant/);
  });

  test("totaux de trois établissements, à la main : 3 700 + 3 700 + 3 700 = 11 100 − 1 000 − 3 700 (écrêté) − 3 700 (non-répondant) = 2 700", () => {
    const t = totaliserEnveloppe(
      [
        lycee(),
        lycee({ uai: "0750656F", reliquats: { preBac: new Decimal("4000.50"), postBac: ZERO } }),
        lycee({ uai: "0750657G", aRepondu: false, reliquats: { preBac: new Decimal("250"), postBac: ZERO } }),
      ].map((e) => calculerDotation(e, 2024, forfaits).parts.preBac),
    );
    const l = (x: { montant: Decimal; etablissements: number }) => [euros(x.montant), x.etablissements];
    expect(l(t.calculee)).toEqual(["11100.00", 3]);
    expect(l(t.reliquatsDeduits)).toEqual(["4700.00", 2]); // 1 000 + 3 700
    expect(l(t.nonRepondants)).toEqual(["3700.00", 1]);
    expect(l(t.nonCalculees)).toEqual(["0.00", 0]);
    expect(l(t.nette)).toEqual(["2700.00", 3]);
    expect(l(t.ecretement)).toEqual(["300.50", 1]);
    expect(l(t.reliquatsDeclares)).toEqual(["5250.50", 3]); // 1 000 + 4 000,50 + 250
    expect(l(t.reliquatsNonPrisEnCompte)).toEqual(["250.00", 1]);
  });
});

/** Any establishment: effectifs, taux or none, reliquats in cents, answered or not, values unreadable. */
const etablissement: fc.Arbitrary<DonneesEtablissement> = fc
  .record({
    prepaMetiers: fc.nat(60),
    preBac: fc.nat(600),
    postBac: fc.nat(300),
    taux: fc.option(fc.integer({ min: 0, max: 10000 }), { nil: null }),
    reliquatPreBac: fc.oneof(fc.constant(0), fc.nat(20_000_000)),
    reliquatPostBac: fc.oneof(fc.constant(0), fc.nat(5_000_000)),
    aRepondu: fc.boolean(),
    illisible: fc.constantFrom<readonly Enveloppe[]>([], ["preBac"], ["postBac"], ["preBac", "postBac"]),
  })
  .map((x) => ({
    uai: "0750655E",
    effectifs: { prepaMetiers: x.prepaMetiers, preBac: x.preBac, postBac: x.postBac },
    tauxBoursiers: x.taux === null ? null : tauxDepuisRatio(new Decimal(x.taux).div(10000).toString()),
    reliquats: {
      preBac: new Decimal(x.reliquatPreBac).div(100),
      postBac: new Decimal(x.reliquatPostBac).div(100),
    },
    aRepondu: x.aRepondu,
    nonCalculables: Object.fromEntries(x.illisible.map((e) => [e, "Valeur illisible."])),
  }));

describe("Les totaux se rapprochent exactement, quels que soient les établissements (fast-check)", () => {
  test("calculée − reliquats déduits − non-répondants − non calculées = nette ; reliquats déclarés = déduits + écrêtement + non pris en compte", () => {
    fc.assert(
      fc.property(fc.array(etablissement, { maxLength: 40 }), (liste) => {
        const dotations = liste.map((e) => calculerDotation(e, 2024, forfaits));
        for (const enveloppe of ["preBac", "postBac"] as const) {
          const parts = dotations.map((d) => d.parts[enveloppe]);
          for (const [i, p] of parts.entries()) {
            // Per establishment: the identity, a net never negative, null only when not computed.
            const reste = p.calculee.minus(p.reliquatDeduit).minus(p.nonRepondant).minus(p.nonCalculee);
            expect(reste.equals(p.nette ?? ZERO)).toBe(true);
            expect(p.nette === null).toBe(p.cas === "non-calculee");
            expect(p.reliquatDeduit.lte(p.calculee)).toBe(true);
            expect(p.ecretement.isNegative()).toBe(false);
            if (p.nette !== null) expect(p.nette.equals(dotations[i].nette[enveloppe].valeur)).toBe(true);
          }
          const t = totaliserEnveloppe(parts);
          const net = t.calculee.montant
            .minus(t.reliquatsDeduits.montant)
            .minus(t.nonRepondants.montant)
            .minus(t.nonCalculees.montant);
          expect(net.equals(t.nette.montant)).toBe(true);
          const reliquats = t.reliquatsDeduits.montant
            .plus(t.ecretement.montant)
            .plus(t.reliquatsNonPrisEnCompte.montant);
          expect(reliquats.equals(t.reliquatsDeclares.montant)).toBe(true);
          expect(
            t.reliquatsDeclares.montant.equals(liste.reduce((s, e) => s.plus(e.reliquats[enveloppe]), ZERO)),
          ).toBe(true);
          expect(t.calculee.etablissements).toBe(liste.length);
          expect(t.nette.etablissements + t.nonCalculees.etablissements).toBe(liste.length);
          // The nets of the computed envelopes sum to the envelope's net.
          const nettes = dotations.reduce((s, d) => s.plus(d.parts[enveloppe].nette ?? ZERO), ZERO);
          expect(nettes.equals(t.nette.montant)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});
