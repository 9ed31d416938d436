/**
 * The school years a screen offers, and the one it proposes by default: the latest year, up to the
 * year in progress, whose forfaits resolve (R6-R7) — 2024-2025 as long as the December 2024 index is
 * not entered. A year that cannot be resolved is never replaced silently: the screen shows why
 * (the core's message naming the missing December index) and links to Paramètres.
 */
import {
  PREMIERE_ANNEE_SCOLAIRE,
  estErreurAre,
  forfaitsDeLAnnee,
  libelleAnnee,
  type AnneeScolaire,
  type ForfaitsAnnee,
  type Parametres,
  type TypeForfait,
} from "../rules";

const KINDS: readonly TypeForfait[] = ["PRE_BAC", "POST_BAC", "PREPA_METIERS", "CPGE"];

export interface YearOption {
  readonly value: AnneeScolaire;
  readonly label: string;
}

/** From 2023-2024 to the year after the year in progress, or to the last year with a published amount. */
export function yearOptions(parametres: Parametres, currentYear: AnneeScolaire): YearOption[] {
  let last = Math.max(currentYear + 1, PREMIERE_ANNEE_SCOLAIRE);
  for (const kind of KINDS) {
    for (const valeur of parametres.forfaitsPublies(kind)) last = Math.max(last, valeur.annee);
  }
  const options: YearOption[] = [];
  for (let year = PREMIERE_ANNEE_SCOLAIRE; year <= last; year++)
    options.push({ value: year, label: libelleAnnee(year) });
  return options;
}

export type YearResolution =
  { readonly ok: true; readonly forfaits: ForfaitsAnnee } | { readonly ok: false; readonly message: string };

/** The forfaits of a dotation year, or the core's French message saying what is missing. */
export function resolveYear(parametres: Parametres, year: AnneeScolaire): YearResolution {
  try {
    return { ok: true, forfaits: forfaitsDeLAnnee(year, parametres) };
  } catch (error) {
    if (estErreurAre(error)) return { ok: false, message: error.message };
    throw error;
  }
}

/** The latest year not after the year in progress whose forfaits resolve; 2023-2024 at worst. */
export function defaultYear(parametres: Parametres, currentYear: AnneeScolaire): AnneeScolaire {
  for (let year = currentYear; year > PREMIERE_ANNEE_SCOLAIRE; year--) {
    if (resolveYear(parametres, year).ok) return year;
  }
  return PREMIERE_ANNEE_SCOLAIRE;
}

/**
 * The year to offer a screen in a notice, or null: the year it would propose now (defaultYear) when
 * that changed since the screen opened (`proposed` then) and differs from the year shown. Décision (regles.md#feuilles.annee-ecran)
 * (issue 12; design.md §2 R6-R7 are silent): a screen's year never changes by itself — saving an IPC
 * in Paramètres makes 2025-2026 resolvable, but a dotation being prepared for 2024-2025 stays in
 * 2024-2025 until the user takes the new year; the notice tells them it is there.
 */
export function yearToOffer(
  shown: AnneeScolaire,
  proposed: AnneeScolaire,
  parametres: Parametres,
  currentYear: AnneeScolaire,
): AnneeScolaire | null {
  const now = defaultYear(parametres, currentYear);
  return now !== proposed && now !== shown ? now : null;
}
