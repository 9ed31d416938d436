/**
 * Propriétés du lecteur unique des nombres et de la lecture des taux (issue 11 points 3 et 4), sur des
 * valeurs tirées au hasard : toute écriture française d'un montant se relit exactement ; toutes les
 * formes d'un même taux donnent le même taux ; rien n'est jamais tronqué.
 */
import fc from "fast-check";
import { Decimal, lireNombreFrancais, lireTauxBoursiers } from "../../src/rules";
import { lireEntier } from "../../src/sheet/cells";

/** A whole number of cents, up to a billion euros. */
const centimes = fc.bigInt({ min: 0n, max: 100_000_000_000n });
const espace = fc.constantFrom(" ", "\u00a0", "\u202f", "'", "’");

/** « 1 234 567,89 » with the chosen thousands separator. */
function ecrire(cents: bigint, milliers: string, decimale: "," | "."): string {
  const euros = (cents / 100n).toString();
  const reste = (cents % 100n).toString().padStart(2, "0");
  return euros.replace(/\B(?=(\d{3})+(?!\d))/g, milliers) + decimale + reste;
}

describe("Lecteur unique des nombres : propriétés", () => {
  test("un montant écrit à la française (espaces de toutes sortes, apostrophe, €) se relit au centime près", () => {
    fc.assert(
      fc.property(centimes, espace, fc.boolean(), (cents, milliers, euro) => {
        const texte = ecrire(cents, milliers, ",") + (euro ? "\u00a0€" : "");
        const lu = lireNombreFrancais(texte);
        expect(lu.ok && lu.valeur.equals(new Decimal(cents.toString()).dividedBy(100))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  test("« 1.234,56 » et « 1,234.56 » se lisent comme « 1 234,56 »", () => {
    fc.assert(
      fc.property(centimes, (cents) => {
        const attendu = new Decimal(cents.toString()).dividedBy(100);
        for (const texte of [ecrire(cents, ".", ","), ecrire(cents, ",", ".")]) {
          const lu = lireNombreFrancais(texte);
          expect(lu.ok && lu.valeur.equals(attendu)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  test("un effectif écrit avec une décimale non nulle n'est jamais lu comme un entier (jamais tronqué)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 1, max: 9 }), (n, d) => {
        expect(typeof lireEntier(`${n},${d}`)).toBe("object");
        expect(typeof lireEntier(`${n}.${d}`)).toBe("object");
      }),
    );
  });

  test("tout effectif entier écrit « 1 234 » (espace, insécable, fine) se lit exactement", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), espace, (n, milliers) => {
        expect(lireEntier(String(n).replace(/\B(?=(\d{3})+(?!\d))/g, milliers))).toBe(n);
      }),
    );
  });
});

describe("Taux de boursiers : toutes les formes d'un même taux", () => {
  test("p dans ]1, 100] : p, « p », « p % », « p,0 % » et p/100 (sauf 1) donnent le même taux", () => {
    fc.assert(
      fc.property(fc.integer({ min: 101, max: 10_000 }), (centiemes) => {
        const p = new Decimal(centiemes).dividedBy(100); // 1,01 à 100
        const francais = p.toString().replace(".", ",");
        const attendu = p.dividedBy(100);
        const formes: unknown[] = [p.toNumber(), francais, `${francais} %`, `${francais}\u00a0%`];
        if (p.isInteger()) formes.push(`${francais},0 %`);
        if (!attendu.equals(1)) formes.push(attendu.toNumber(), attendu.toString().replace(".", ","));
        for (const forme of formes) {
          const taux = lireTauxBoursiers(forme);
          expect({ forme, ratio: taux.ratio.toString() }).toEqual({ forme, ratio: attendu.toString() });
          expect(taux.ambiguite).toBeUndefined();
        }
      }),
      { numRuns: 300 },
    );
  });

  test("une fraction dans [0, 1[ est une fraction, sans alerte ; 1 seul est ambigu", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9999 }), (dixMilliemes) => {
        const f = new Decimal(dixMilliemes).dividedBy(10_000);
        const taux = lireTauxBoursiers(f.toNumber());
        expect(taux.ratio.equals(f)).toBe(true);
        expect(taux.ambiguite).toBeUndefined();
      }),
    );
    expect(lireTauxBoursiers(1).ambiguite).toMatch(/100 %/);
    expect(lireTauxBoursiers("1,0").ambiguite).toMatch(/1 %/);
  });

  test("au-delà de 100 ou négatif : refusé", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.double({ min: 100.0001, max: 1e12, noNaN: true }),
          fc.double({ max: -1e-9, min: -1e12, noNaN: true }),
        ),
        (v) => {
          expect(() => lireTauxBoursiers(v)).toThrow(/invalide/);
        },
      ),
    );
  });
});
