/**
 * School years. The scheme is managed by school year (« Le dispositif est géré en année scolaire »);
 * a year is identified by its rentrée: 2023 is 2023-2024.
 */
import { ErreurArgument, ErreurParametreManquant } from "./erreurs";
import { citation, citerValeur } from "./texte";
import { texteSaisi } from "./typographie";

export type AnneeScolaire = number;

/** The first school year whose rules are encoded: modalités 2023-2024, arrêté n° 2023-087. */
export const PREMIERE_ANNEE_SCOLAIRE: AnneeScolaire = 2023;

/** Years beyond this are certainly typing mistakes. */
const LAST_PLAUSIBLE_YEAR = 2100;

/** « 2024-2025 »: the school year as an identifier (sheet names, JSON, options, files). */
export function libelleAnnee(year: AnneeScolaire): string {
  return `${year}-${year + 1}`;
}

/**
 * The school year in progress on a date: the rentrée is in September. The core never reads the clock;
 * adapters pass today's date.
 */
export function anneeScolaireAu(date: Date): AnneeScolaire {
  return date.getMonth() >= 8 ? date.getFullYear() : date.getFullYear() - 1;
}

/** « 2024 », « 2024-2025 », « 2024/2025 », « 2024-25 » (dashes made plain by texteSaisi). */
const ANNEE_ECRITE = /^\s*(\d{4})\s*(?:[-/]\s*(\d{4}|\d{2}))?\s*$/;

/**
 * A school year written as text: its rentrée, and the year written after it as typed (« 2025 », « 25 »)
 * when there is one; null when the text is not in that notation. Whether the two agree, and the range,
 * are the caller's: lireAnneeScolaire (arguments, forms) and the effectif sheets' school year.
 */
export function anneeScolaireEcrite(
  texte: string,
): { readonly rentree: number; readonly fin?: string } | null {
  const m = ANNEE_ECRITE.exec(texteSaisi(texte));
  return m === null ? null : { rentree: Number(m[1]), fin: m[2] };
}

/**
 * Reads a school year as users write it: 2024, "2024", "2024-2025", "2024/2025", "2024 - 2025", and
 * with the non-breaking hyphen the add-in displays or a word processor's dash (« 2024‑2025 »,
 * « 2024–2025 »).
 * Years before 2023-2024 are refused as not encoded (an ErreurParametreManquant, #N/A in Excel).
 */
export function lireAnneeScolaire(input: unknown): AnneeScolaire {
  let year: number | undefined;
  if (typeof input === "number" && Number.isInteger(input)) {
    year = input;
  } else if (typeof input === "string") {
    const ecrite = anneeScolaireEcrite(input);
    // An argument or a form gives the second year in full (« 2024-2025 »).
    if (ecrite && (ecrite.fin === undefined || ecrite.fin.length === 4)) {
      year = ecrite.rentree;
      if (ecrite.fin !== undefined && Number(ecrite.fin) !== year + 1) {
        throw new ErreurArgument(
          "annee-invalide",
          `Année scolaire « ${citation(input.trim())} » incohérente : la seconde année doit suivre la première (ex. 2024-2025).`,
        );
      }
    }
  }
  if (year === undefined || year < 1900 || year > LAST_PLAUSIBLE_YEAR) {
    throw new ErreurArgument(
      "annee-invalide",
      `Année scolaire « ${citerValeur(input)} » illisible : indiquez l'année de rentrée (2024) ou l'année scolaire (2024-2025).`,
    );
  }
  return exigerAnneeCouverte(year);
}

export function exigerAnneeCouverte(year: AnneeScolaire): AnneeScolaire {
  if (year < PREMIERE_ANNEE_SCOLAIRE) {
    throw new ErreurParametreManquant(
      "annee-non-couverte",
      `L'année scolaire ${libelleAnnee(year)} précède les règles encodées : la première année couverte est ${libelleAnnee(PREMIERE_ANNEE_SCOLAIRE)} (arrêté n° 2023-087).`,
      `règles de l'année ${libelleAnnee(year)}`,
    );
  }
  return year;
}
