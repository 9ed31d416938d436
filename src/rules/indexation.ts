/**
 * R7 (regles.md#indexation.indice-negatif) — « ces montants évolueront chaque année automatiquement par arrêté en fonction de l'évolution de
 * l'indice des prix à la consommation de décembre n-1 » ; « en cas d'indice négatif, les montants de
 * l'aide de l'année précédente seront reconduits ».
 *
 * Décision (regles.md#indexation.arrondi; design.md R7): the rate is rounded half-up to two decimals in percent, as the arrêté applies
 * « 6,31 % », and the new forfait is rounded half-up to the euro. This reproduces every published pair:
 * 151 → 157, 54 → 56, 308 → 319, 282 → 290, 290 → 308.
 */
import { ErreurArgument } from "./erreurs";
import { Decimal, arrondirDemiHaut } from "./montants";

/** ((décembre n-1 / décembre n-2) − 1), rounded to 0.01 % : 114.18 / 107.40 → 0.0631. */
export function tauxIpc(decembreNMoins1: Decimal.Value, decembreNMoins2: Decimal.Value): Decimal {
  const recent = new Decimal(decembreNMoins1);
  const older = new Decimal(decembreNMoins2);
  if (!recent.isFinite() || !older.isFinite() || recent.lte(0) || older.lte(0)) {
    throw new ErreurArgument(
      "indice-invalide",
      "Les indices IPC doivent être des nombres strictement positifs.",
    );
  }
  return arrondirDemiHaut(recent.dividedBy(older).minus(1), 4);
}

/**
 * A forfait indexed by a rate: the rate rounded to 0.01 % first, as tauxIpc gives it (so that a rate
 * given unrounded, ARE.INDEXER(150; 100,334/100 − 1), indexes as the arrêté would: 0,33 %, 150 € →
 * 150,495 → 150 €, not 151), then the amount rounded half-up to the euro; a negative rate keeps the
 * amount.
 */
export function indexer(montant: Decimal.Value, taux: Decimal.Value): Decimal {
  const amount = new Decimal(montant);
  const rate = arrondirDemiHaut(new Decimal(taux), 4);
  if (amount.isNegative())
    throw new ErreurArgument("montant-negatif", "Le montant à indexer ne peut pas être négatif.");
  if (rate.isNegative()) return amount;
  return arrondirDemiHaut(amount.times(rate.plus(1)), 0);
}
