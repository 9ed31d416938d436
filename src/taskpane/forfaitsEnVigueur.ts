/**
 * What the task pane shows until the full screens arrive: the forfaits in force, school year by school
 * year, each with the text that set it — or, for a year the add-in cannot resolve yet, what is missing
 * (design.md R6-R7: never last year's amount reused silently). Pure, so it is tested without a browser.
 */
import {
  ErreurParametreManquant,
  NOMS_FORFAITS,
  PREMIERE_ANNEE_SCOLAIRE,
  estErreurAre,
  formaterForfait,
  formaterValeurManquante,
  forfaitsManquants,
  libelleAnnee,
  sansCoupure,
  type AnneeScolaire,
  type Parametres,
  type ReferenceJuridique,
  type TypeForfait,
} from "../rules";

/** Column order of the table: the three lines of a dotation, then the CPGE forfait. */
export const COLONNES: readonly TypeForfait[] = ["PRE_BAC", "POST_BAC", "PREPA_METIERS", "CPGE"];

export type CaseForfait =
  | { readonly connu: true; readonly montant: string; readonly reference: string; readonly indexe: boolean }
  | { readonly connu: false; readonly raison: string };

/** A text the year's known amounts come from, with the articles or pages they are read from. */
export interface SourceForfaits {
  /** « arrêté n° 2023-087 ». */
  readonly court: string;
  readonly titre: string;
  readonly url: string | null;
  /** « annexe I, point 2 », once each. */
  readonly articles: readonly string[];
}

export interface LigneForfaits {
  readonly annee: AnneeScolaire;
  readonly libelle: string;
  readonly enCours: boolean;
  readonly cases: Readonly<Record<TypeForfait, CaseForfait>>;
  /** The texts of the year's known amounts, in column order, once each. */
  readonly sources: readonly SourceForfaits[];
  /**
   * What is missing: the dotation's forfaits that cannot be resolved, as forfaitsManquants names them
   * (the Dotations screen's words); else the first amount that cannot be (CPGE); null when all are known.
   */
  readonly manque: string | null;
}

/**
 * Short column titles for a narrow pane, never broken at their hyphen (« Pré- / bac »); the full names
 * go in the header's tooltip. « 3e prépa » for the 3e prépa-métiers: « prépa‑métiers » alone is wider
 * than the column a 320-pixel pane leaves it.
 */
export const NOMS_COLONNES: Readonly<Record<TypeForfait, { court: string; complet: string }>> = {
  PRE_BAC: { court: sansCoupure("Pré-bac"), complet: NOMS_FORFAITS.PRE_BAC },
  POST_BAC: { court: sansCoupure("Post-bac"), complet: NOMS_FORFAITS.POST_BAC },
  PREPA_METIERS: { court: "3e prépa", complet: NOMS_FORFAITS.PREPA_METIERS },
  CPGE: { court: "CPGE", complet: NOMS_FORFAITS.CPGE },
};

interface Resolution {
  readonly case: CaseForfait;
  readonly reference: ReferenceJuridique | null;
}

function resoudre(parametres: Parametres, kind: TypeForfait, annee: AnneeScolaire): Resolution {
  try {
    const forfait = parametres.forfait(kind, annee);
    return {
      case: {
        connu: true,
        montant: formaterForfait(forfait.valeur),
        reference: forfait.reference.court,
        indexe: forfait.origine === "indexe",
      },
      reference: forfait.reference,
    };
  } catch (error) {
    // A missing value is said from its structure, by the core's one formatter.
    if (error instanceof ErreurParametreManquant && error.valeurManquante !== null)
      return {
        case: { connu: false, raison: formaterValeurManquante(error.valeurManquante) },
        reference: null,
      };
    if (estErreurAre(error)) return { case: { connu: false, raison: error.message }, reference: null };
    throw error;
  }
}

/** The texts of a year's amounts, once each, with every article cited. */
function sourcesDe(references: readonly (ReferenceJuridique | null)[]): SourceForfaits[] {
  const parTexte = new Map<string, { reference: ReferenceJuridique; articles: Set<string> }>();
  for (const reference of references) {
    if (reference === null) continue;
    const entree = parTexte.get(reference.court) ?? { reference, articles: new Set<string>() };
    if (reference.article) entree.articles.add(reference.article);
    parTexte.set(reference.court, entree);
  }
  return [...parTexte.values()].map(({ reference, articles }) => ({
    court: reference.court,
    titre: reference.titre,
    url: reference.url ?? null,
    articles: [...articles],
  }));
}

/**
 * One row per school year from 2023-2024 to the later of the year in progress and the last year with a
 * published or entered amount.
 */
export function forfaitsEnVigueur(parametres: Parametres, anneeEnCours: AnneeScolaire): LigneForfaits[] {
  let derniere = anneeEnCours;
  for (const kind of COLONNES) {
    for (const valeur of parametres.forfaitsPublies(kind)) derniere = Math.max(derniere, valeur.annee);
  }
  const lignes: LigneForfaits[] = [];
  for (let annee = PREMIERE_ANNEE_SCOLAIRE; annee <= derniere; annee++) {
    const cases = {} as Record<TypeForfait, CaseForfait>;
    const references: (ReferenceJuridique | null)[] = [];
    let manque: string | null = null;
    for (const kind of COLONNES) {
      const resolution = resoudre(parametres, kind, annee);
      cases[kind] = resolution.case;
      references.push(resolution.reference);
      if (!resolution.case.connu) manque ??= resolution.case.raison;
    }
    // The forfaits missing named as the Dotations screen names them (« Forfait 3e prépa-métiers
    // 2025-2026 non calculable », not « Forfaits » as if the amounts entered were ignored), the CPGE's
    // among them (« Forfait CPGE (par concours) 2026-2027 non calculable »).
    try {
      const dotation = manque && forfaitsManquants(parametres, annee, COLONNES);
      if (dotation) manque = formaterValeurManquante(dotation);
    } catch {
      // An error it cannot word (none known from 2023-2024 on) is already its cell's words: they stay.
    }
    lignes.push({
      annee,
      libelle: libelleAnnee(annee),
      enCours: annee === anneeEnCours,
      cases,
      sources: sourcesDe(references),
      manque,
    });
  }
  return lignes;
}
