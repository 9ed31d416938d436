/**
 * Money and number formatting. Every amount of the scheme is a decimal.js value: no binary floating
 * point ever touches a euro (design.md §2, last paragraph).
 */
import Decimal from "decimal.js";
import { ESPACE_FINE, ESPACE_INSECABLE } from "./typographie";

export { Decimal };

// Plain digits whatever the size: decimal.js would switch to exponent notation from 1e21 (its toExpPos),
// and amounts are written out as text (JSON, traces) that must stay readable and exact. 40 significant
// digits (default 20) keep every cent exact far beyond any real amount.
Decimal.set({ precision: 40, toExpPos: 9e15, toExpNeg: -9e15 });

/** Half-up rounding, the rounding of the arrêté's figures (6,31 %, 157 €) and of R8's boursiers. */
export const HALF_UP = Decimal.ROUND_HALF_UP;

export const ZERO = new Decimal(0);

export function arrondirDemiHaut(value: Decimal, places: number): Decimal {
  return value.toDecimalPlaces(places, HALF_UP);
}

/**
 * Plain digits with a dot and exactly `places` decimals, rounded half-up in decimal.js, e.g.
 * "34730.00" (the JSON money format). A negative amount that rounds to zero is written without its
 * sign; decimal.js prints plain digits at any size (toExpPos above).
 */
export function texteDecimal(value: Decimal, places = 2): string {
  const rounded = arrondirDemiHaut(value, places);
  const negative = rounded.isNegative() && !rounded.isZero();
  const [whole, fraction = ""] = rounded.abs().toString().split(".");
  return (negative ? "-" : "") + whole + (places > 0 ? "." + fraction.padEnd(places, "0") : "");
}

const GROUPS_OF_THREE = /\B(?=(\d{3})+(?!\d))/g;

/**
 * French digit grouping with a narrow no-break space (typographie.ts): 34730 → "34 730", never broken
 * across a line. Décision (regles.md#technique.performance; performance, issue 7): plain
 * digits, the case of every amount, are grouped by a loop (the regular expression took a third of
 * formaterEuros' time, which a dotation calls about fifteen times); anything else (a sign, an exponent)
 * keeps the regular expression. Same output either way.
 */
function groupThousands(digits: string): string {
  const n = digits.length;
  if (n <= 3) return digits;
  for (let i = 0; i < n; i++) {
    const c = digits.charCodeAt(i);
    if (c < 48 || c > 57) return digits.replace(GROUPS_OF_THREE, ESPACE_FINE);
  }
  const head = ((n - 1) % 3) + 1;
  let grouped = digits.slice(0, head);
  for (let i = head; i < n; i += 3) grouped += ESPACE_FINE + digits.slice(i, i + 3);
  return grouped;
}

/** Before « € » and « % »: a no-break space, the unit never alone at the start of a line. */
const EUROS = ESPACE_INSECABLE + "€";
const POUR_CENT = ESPACE_INSECABLE + "%";

/** "34 730,00 €": two decimals, French separators (narrow no-break spaces, no-break before €). */
export function formaterEuros(value: Decimal): string {
  return formaterDecimal(value, 2) + EUROS;
}

/** A forfait or a whole amount without useless decimals: "151 €", but "151,50 €". */
export function formaterForfait(value: Decimal): string {
  return (value.isInteger() ? formaterDecimal(value, 0) : formaterDecimal(value, 2)) + EUROS;
}

export function formaterDecimal(value: Decimal, places: number): string {
  const plain = texteDecimal(value, places);
  const negative = plain.startsWith("-");
  const [whole, fraction] = (negative ? plain.slice(1) : plain).split(".");
  return (negative ? "-" : "") + groupThousands(whole) + (fraction ? "," + fraction : "");
}

export function formaterEntier(value: number): string {
  return groupThousands(String(value));
}

/**
 * « 0 élève », « 1 établissement », « 2 élèves » : the one plural helper of pane, sheets and CLI, never
 * parenthesised « s » (issue 12 item 14). French uses the singular for 0 and 1.
 */
export function nombreDe(n: number, singulier: string, pluriel = singulier + "s"): string {
  return `${formaterEntier(n)} ${Math.abs(n) <= 1 ? singulier : pluriel}`;
}

/** "6,31 %" from the ratio 0.0631. */
export function formaterPourcentage(ratio: Decimal, places = 2): string {
  return formaterDecimal(ratio.times(100), places) + POUR_CENT;
}

/** A ratio shown as a percentage without trailing zeros: 0.35 → "35 %", 0.3333 → "33,33 %". */
export function formaterPourcentageCourt(ratio: Decimal): string {
  const pct = arrondirDemiHaut(ratio.times(100), 2);
  return (pct.isInteger() ? formaterDecimal(pct, 0) : formaterDecimal(pct, 2)) + POUR_CENT;
}
