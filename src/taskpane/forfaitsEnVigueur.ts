/**
 * What the task pane shows until the full screens arrive: the forfaits in force, school year by school
 * year, each with the text that set it — or, for a year the add-in cannot resolve yet, what is missing
 * (design.md R6-R7: never last year's amount reused silently). Pure, so it is tested without a browser.
 */
import {
  FIRST_SCHOOL_YEAR,
  FORFAIT_KIND_NAMES,
  formatForfait,
  isAreError,
  sansCoupure,
  schoolYearLabel,
  type ForfaitKind,
  type Parametres,
  type SchoolYear,
} from "../rules";

/** Column order of the table: the three lines of a dotation, then the CPGE forfait. */
export const COLONNES: readonly ForfaitKind[] = ["PRE_BAC", "POST_BAC", "PREPA_METIERS", "CPGE"];

export type CaseForfait =
  | { readonly connu: true; readonly montant: string; readonly reference: string; readonly indexe: boolean }
  | { readonly connu: false; readonly raison: string };

export interface LigneForfaits {
  readonly annee: SchoolYear;
  readonly libelle: string;
  readonly enCours: boolean;
  readonly cases: Readonly<Record<ForfaitKind, CaseForfait>>;
}

/**
 * Short column titles for a narrow pane, never broken at their hyphen (« Pré- / bac »); the full names
 * go in the header's tooltip. « 3e prépa » for the 3e prépa-métiers: « prépa‑métiers » alone is wider
 * than the column a 320-pixel pane leaves it.
 */
export const NOMS_COLONNES: Readonly<Record<ForfaitKind, { court: string; complet: string }>> = {
  PRE_BAC: { court: sansCoupure("Pré-bac"), complet: FORFAIT_KIND_NAMES.PRE_BAC },
  POST_BAC: { court: sansCoupure("Post-bac"), complet: FORFAIT_KIND_NAMES.POST_BAC },
  PREPA_METIERS: { court: "3e prépa", complet: FORFAIT_KIND_NAMES.PREPA_METIERS },
  CPGE: { court: "CPGE", complet: FORFAIT_KIND_NAMES.CPGE },
};

function caseForfait(parametres: Parametres, kind: ForfaitKind, annee: SchoolYear): CaseForfait {
  try {
    const forfait = parametres.forfait(kind, annee);
    return {
      connu: true,
      montant: formatForfait(forfait.valeur),
      reference: forfait.reference.court,
      indexe: forfait.origine === "indexe",
    };
  } catch (error) {
    if (isAreError(error)) return { connu: false, raison: error.message };
    throw error;
  }
}

/**
 * One row per school year from 2023-2024 to the later of the year in progress and the last year with a
 * published or entered amount.
 */
export function forfaitsEnVigueur(parametres: Parametres, anneeEnCours: SchoolYear): LigneForfaits[] {
  let derniere = anneeEnCours;
  for (const kind of COLONNES) {
    for (const valeur of parametres.forfaitsPublies(kind)) derniere = Math.max(derniere, valeur.annee);
  }
  const lignes: LigneForfaits[] = [];
  for (let annee = FIRST_SCHOOL_YEAR; annee <= derniere; annee++) {
    const cases = {} as Record<ForfaitKind, CaseForfait>;
    for (const kind of COLONNES) cases[kind] = caseForfait(parametres, kind, annee);
    lignes.push({ annee, libelle: schoolYearLabel(annee), enCours: annee === anneeEnCours, cases });
  }
  return lignes;
}
