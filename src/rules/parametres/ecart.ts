/**
 * Décision (regles.md#technique.ecart-saisie; issue 12 item 8): an IPC more than 10 % away from the
 * last earlier value of its month and base, or a forfait more than 15 % away from the last earlier year
 * that resolves, is a likely typing slip (191,92 for 119,92; 1 630 for 163). The task pane saves it
 * only once the user confirms it; the command line, which asks nothing, says it. The comparison is
 * with the last earlier value known, not only the year before: a 2026-2027 forfait typed while
 * 2025-2026 cannot be resolved yet (its December index missing) is checked against 2024-2025.
 */
import { estErreurAre } from "../erreurs";
import { Decimal, formaterDecimal } from "../montants";
import type { TypeForfait } from "../categories";
import { PREMIERE_ANNEE_SCOLAIRE, libelleAnnee, type AnneeScolaire } from "../anneeScolaire";
import { libelleMoisIpc, type BaseIpc } from "./ipc";
import type { Parametres } from "./parametres";

export const ECART_IPC_MAXIMUM = new Decimal("0.10");
export const ECART_FORFAIT_MAXIMUM = new Decimal("0.15");

/** The earlier value a typed one is far from. */
export interface Ecart {
  /** « décembre 2023 », « 2024-2025 ». */
  readonly libelle: string;
  readonly reference: Decimal;
  /** « +913 % », « −12,5 % ». */
  readonly ecart: string;
}

/** « +913 % », « −12,5 % »: the gap between a value and its reference, one decimal at most. */
function formaterEcart(valeur: Decimal, reference: Decimal): string {
  const pourcent = valeur.dividedBy(reference).minus(1).times(100).toDecimalPlaces(1, Decimal.ROUND_HALF_UP);
  const texte = formaterDecimal(pourcent.abs(), pourcent.isInteger() ? 0 : 1);
  return `${pourcent.isNegative() ? "\u2212" : "+"}${texte}\u00a0%`;
}

function ecart(valeur: Decimal, reference: Decimal, maximum: Decimal, libelle: string): Ecart | null {
  return valeur.dividedBy(reference).minus(1).abs().gt(maximum)
    ? { libelle, reference, ecart: formaterEcart(valeur, reference) }
    : null;
}

/** An IPC (« 2024-12 ») far from the last earlier value of the same month and base; null otherwise. */
export function ecartIpc(parametres: Parametres, mois: string, base: BaseIpc, valeur: Decimal): Ecart | null {
  const precedent = parametres
    .valeursIpc()
    .filter((v) => v.base === base && v.mois.slice(5) === mois.slice(5) && v.mois < mois)
    .pop();
  if (!precedent) return null;
  const [nomMois, annee] = libelleMoisIpc(precedent.mois, base).split(" ");
  return ecart(valeur, new Decimal(precedent.valeur), ECART_IPC_MAXIMUM, `${nomMois} ${annee}`);
}

/** A forfait far from the last earlier year's that resolves; null otherwise, or when none does. */
export function ecartForfait(
  parametres: Parametres,
  kind: TypeForfait,
  annee: AnneeScolaire,
  valeur: Decimal,
): Ecart | null {
  for (let year = annee - 1; year >= PREMIERE_ANNEE_SCOLAIRE; year--) {
    let precedent: Decimal;
    try {
      precedent = parametres.forfait(kind, year).valeur;
    } catch (error) {
      if (estErreurAre(error)) continue;
      throw error;
    }
    return ecart(valeur, precedent, ECART_FORFAIT_MAXIMUM, libelleAnnee(year));
  }
  return null;
}
