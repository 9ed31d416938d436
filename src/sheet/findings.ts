/**
 * Findings (« constats ») about what was read: every non-blank input row is either counted or listed
 * here with its reason (design.md §4). The field names are the CLI's JSON contract.
 */
export type Gravite = "erreur" | "alerte" | "info";

export interface Constat {
  /** erreur: the row does not count; alerte: it counts but looks wrong; info: worth knowing. */
  readonly gravite: Gravite;
  /** Stable identifier, e.g. "code-mef", "effectif-negatif", "doublon" (documented in docs/constats.md). */
  readonly code: string;
  readonly feuille: string;
  /** Sheet row, 1-based as Excel shows it; null for a finding about the whole sheet. */
  readonly ligne: number | null;
  /** Column letter as Excel shows it ("C"); null when not about one cell. */
  readonly colonne: string | null;
  /** French, saying what is wrong and what to do. */
  readonly message: string;
}

export const GRAVITE_ORDER: Readonly<Record<Gravite, number>> = { erreur: 0, alerte: 1, info: 2 };
