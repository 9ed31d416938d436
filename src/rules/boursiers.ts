/**
 * R8 — the taux de boursiers of an establishment: « calculé à partir des derniers effectifs boursiers
 * communiqués par les services académiques lors du calcul de la dotation, rapportés aux effectifs n-1
 * de l'établissement ». It arrives as a ratio (0.35), a percentage (35 %) or the two counts.
 */
import { InvalidArgumentError } from "./errors";
import { Decimal, formatInteger, formatPercentShort, roundHalfUp } from "./money";
import { citation, removeSpaces } from "./text";

export interface TauxBoursiers {
  /** Between 0 and 1, exact (no rounding: 12 / 35 stays 12/35). */
  readonly ratio: Decimal;
  /** How it was given, for the trace: « 35 % », « 120 boursiers / 480 élèves ». */
  readonly description: string;
}

export function tauxDepuisRatio(ratio: Decimal.Value): TauxBoursiers {
  const value = new Decimal(ratio);
  if (!value.isFinite() || value.isNegative() || value.gt(1)) {
    throw new InvalidArgumentError(
      "taux-invalide",
      `Taux de boursiers ${citation(String(ratio))} invalide : un taux est compris entre 0 et 1 (ou entre 0 % et 100 %).`,
    );
  }
  return { ratio: value, description: formatPercentShort(value) };
}

export function tauxDepuisPourcentage(percent: Decimal.Value): TauxBoursiers {
  const value = new Decimal(percent);
  if (!value.isFinite() || value.isNegative() || value.gt(100)) {
    throw new InvalidArgumentError(
      "taux-invalide",
      `Taux de boursiers ${citation(String(percent))} % invalide : un pourcentage est compris entre 0 % et 100 %.`,
    );
  }
  return tauxDepuisRatio(value.dividedBy(100));
}

/** « derniers effectifs boursiers … rapportés aux effectifs n-1 de l'établissement ». */
export function tauxDepuisEffectifs(boursiers: number, effectifTotal: number): TauxBoursiers {
  if (
    !Number.isInteger(boursiers) ||
    boursiers < 0 ||
    !Number.isInteger(effectifTotal) ||
    effectifTotal <= 0
  ) {
    throw new InvalidArgumentError(
      "taux-invalide",
      "Taux de boursiers : le nombre de boursiers et l'effectif total doivent être des entiers positifs, l'effectif non nul.",
    );
  }
  if (boursiers > effectifTotal) {
    throw new InvalidArgumentError(
      "taux-invalide",
      `Taux de boursiers : ${boursiers} boursiers pour un effectif de ${effectifTotal} élèves, c'est plus que l'effectif.`,
    );
  }
  const ratio = new Decimal(boursiers).dividedBy(effectifTotal);
  return {
    ratio,
    description: `${formatInteger(boursiers)} boursiers / ${formatInteger(effectifTotal)} élèves (${formatPercentShort(ratio)})`,
  };
}

/**
 * Reads a taux as users enter it: a ratio from 0 to 1 (a percentage cell holds 0.35), text with a
 * percent sign (« 35 % », « 35,5% »), or text as a ratio (« 0,35 »).
 * Décision: a bare number above 1 and at most 100 is read as a percentage typed without its sign
 * (35 → 35 %); the description says so. A value of exactly 1 is 100 %.
 */
export function lireTauxBoursiers(raw: unknown): TauxBoursiers {
  if (typeof raw === "number") return tauxDepuisNombre(new Decimal(raw));
  if (typeof raw === "string") {
    const text = removeSpaces(raw).replace(",", ".");
    const percent = /^(\d+(?:\.\d+)?)%$/.exec(text);
    if (percent) return tauxDepuisPourcentage(percent[1]);
    // Parsed by decimal.js from the text itself: « 0,123456789012345678 » keeps every digit.
    if (/^\d+(?:\.\d+)?$/.test(text)) return tauxDepuisNombre(new Decimal(text));
  }
  throw new InvalidArgumentError(
    "taux-invalide",
    `Taux de boursiers « ${citation(String(raw))} » illisible : saisissez un taux (0,35), un pourcentage (35 %) ou les deux effectifs.`,
  );
}

/** A bare number: a ratio up to 1, a percentage typed without its sign above (35 → 35 %). */
function tauxDepuisNombre(valeur: Decimal): TauxBoursiers {
  if (valeur.gt(1) && valeur.lte(100)) {
    const taux = tauxDepuisPourcentage(valeur);
    return {
      ...taux,
      description: `${taux.description} (nombre ${valeur.toString()} lu comme un pourcentage)`,
    };
  }
  if (valeur.gt(100)) return tauxDepuisPourcentage(valeur);
  return tauxDepuisRatio(valeur);
}

/**
 * R8 — « boursiers retenus = Σ effectifs post-bac éligibles × taux de boursiers ».
 * Décision: rounded half-up to a whole student, once per establishment: 25 × 0,30 = 7,5 → 8 ;
 * 23 × 0,35 = 8,05 → 8.
 */
export function boursiersRetenus(effectifPostBac: number, taux: TauxBoursiers): number {
  assertEffectif(effectifPostBac, "Effectif post-bac");
  return roundHalfUp(taux.ratio.times(effectifPostBac), 0).toNumber();
}

/** Effectifs are whole, non-negative numbers of students. */
export function assertEffectif(value: number, what: string): void {
  if (!Number.isFinite(value) || value < 0) {
    throw new InvalidArgumentError(
      "effectif-invalide",
      `${what} ${value} invalide : un effectif ne peut pas être négatif.`,
    );
  }
  if (!Number.isInteger(value)) {
    throw new InvalidArgumentError(
      "effectif-invalide",
      `${what} ${value} invalide : un effectif est un nombre entier d'élèves.`,
    );
  }
}
