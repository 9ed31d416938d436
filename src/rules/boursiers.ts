/**
 * R8 — the taux de boursiers of an establishment: « calculé à partir des derniers effectifs boursiers
 * communiqués par les services académiques lors du calcul de la dotation, rapportés aux effectifs n-1
 * de l'établissement ». It arrives as a ratio (0.35), a percentage (35 %) or the two counts.
 */
import { ErreurArgument } from "./erreurs";
import { Decimal, arrondirDemiHaut, formaterDecimal, formaterPourcentageCourt, nombreDe } from "./montants";
import { lireNombreValeur, messageNombreIllisible } from "./nombres";
import { citation, citerValeur } from "./texte";

export interface TauxBoursiers {
  /** Between 0 and 1, exact (no rounding: 12 / 35 stays 12/35). */
  readonly ratio: Decimal;
  /** How it was given, for the trace: « 35 % », « 120 boursiers / 480 élèves ». */
  readonly description: string;
  /** The alerte of a value that could mean two taux (exactly 1: 100 % or 1 %), with both readings. */
  readonly ambiguite?: string;
}

/** -0 is 0 (design.md R8): decimal.js keeps the sign of a negative zero, which isNegative() sees. */
function sansZeroNegatif(value: Decimal): Decimal {
  return value.isZero() ? new Decimal(0) : value;
}

/** A taux as a message quotes it: « 1,5 », at most 60 characters of its digits (citation). */
function montrer(value: Decimal): string {
  return citation(value.toString().replace(".", ","));
}

export function tauxDepuisRatio(ratio: Decimal.Value): TauxBoursiers {
  const value = sansZeroNegatif(new Decimal(ratio));
  if (!value.isFinite() || value.isNegative() || value.gt(1)) {
    throw new ErreurArgument(
      "taux-invalide",
      `Taux de boursiers ${montrer(value)} invalide : un taux est compris entre 0 et 1 (ou entre 0 % et 100 %).`,
    );
  }
  return { ratio: value, description: formaterPourcentageCourt(value) };
}

export function tauxDepuisPourcentage(percent: Decimal.Value): TauxBoursiers {
  const value = sansZeroNegatif(new Decimal(percent));
  if (!value.isFinite() || value.isNegative() || value.gt(100)) {
    throw new ErreurArgument(
      "taux-invalide",
      `Taux de boursiers ${montrer(value)} % invalide : un pourcentage est compris entre 0 % et 100 %.`,
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
    throw new ErreurArgument(
      "taux-invalide",
      "Taux de boursiers : le nombre de boursiers et l'effectif total doivent être des entiers positifs, l'effectif non nul.",
    );
  }
  if (boursiers > effectifTotal) {
    throw new ErreurArgument(
      "taux-invalide",
      `Taux de boursiers : ${nombreDe(boursiers, "boursier")} pour un effectif de ${nombreDe(effectifTotal, "élève")}, c'est plus que l'effectif.`,
    );
  }
  const ratio = new Decimal(boursiers).dividedBy(effectifTotal);
  return {
    ratio,
    description: `${nombreDe(boursiers, "boursier")} / ${nombreDe(effectifTotal, "élève")} (${formaterPourcentageCourt(ratio)})`,
  };
}

/**
 * Reads a taux as users enter it: a number (a percentage cell holds 0.35), text with a percent sign
 * (« 35 % », « 35,0 % »), or text without it (« 0,35 », « 35 »), through the one French number reader.
 * Décision (regles.md#dotation.taux-boursiers-lecture; design.md R8): a bare value in [0, 1[ is a fraction, in ]1, 100] a percentage typed
 * without its sign (35 → 35 %, said in the description); exactly 1 is ambiguous — 100 % as a fraction,
 * or 1 % typed without its sign — and counts as 100 % (the literal fraction) with `ambiguite`, the
 * alerte naming both readings; -0 is 0; above 100 or negative is refused. `attendu` is what the message
 * of an unreadable value asks for: a sheet may give the two counts instead, an ARE.* argument cannot.
 */
export function lireTauxBoursiers(
  raw: unknown,
  attendu = "un taux (0,35), un pourcentage (35 %) ou les deux effectifs",
): TauxBoursiers {
  const lu = lireNombreValeur(raw);
  if (lu.ok && lu.unite !== "euro") {
    return lu.unite === "pourcent" ? tauxDepuisPourcentage(lu.valeur) : tauxDepuisNombre(lu.valeur);
  }
  const texte = typeof raw === "string" ? raw : citerValeur(raw);
  if (!lu.ok && lu.probleme === "ambigu") {
    throw new ErreurArgument(
      "taux-invalide",
      messageNombreIllisible("ambigu", "Taux de boursiers", texte, ""),
    );
  }
  throw new ErreurArgument(
    "taux-invalide",
    `Taux de boursiers « ${citation(texte)} » illisible : saisissez ${attendu}.`,
  );
}

/** A bare number: a fraction below 1, a percentage typed without its sign above (35 → 35 %), 1 ambiguous. */
function tauxDepuisNombre(valeur: Decimal): TauxBoursiers {
  if (valeur.equals(1)) {
    return {
      ratio: valeur,
      description: "100 % (valeur 1 ambiguë, comptée pour 100 %)",
      ambiguite:
        "Taux de boursiers 1 ambigu : 100 % (taux écrit en fraction) ou 1 % (pourcentage écrit sans son signe) ? Il est compté pour 100 %. Écrivez 100 % ou 1 % pour lever le doute.",
    };
  }
  if (valeur.gt(1) && valeur.lte(100)) {
    const taux = tauxDepuisPourcentage(valeur);
    return {
      ...taux,
      description: `${taux.description} (nombre ${formaterDecimal(valeur, valeur.decimalPlaces())} lu comme un pourcentage)`,
    };
  }
  if (valeur.gt(100)) return tauxDepuisPourcentage(valeur);
  return tauxDepuisRatio(valeur);
}

/**
 * Decimals the product effectif × taux keeps before it is rounded to a student (boursiersRetenus).
 * A taux computed in Excel (« =50/300 », a formula cached in a file) arrives as the double nearest
 * to it, 0.16666666666666666 for 1/6, off by at most ~1e-16 of its value: 21 × it is
 * 3.49999999999999986, which rounds to 3, where 21 × 1/6 = 3,5 rounds to 4. That error, times even a
 * million post-bac students, stays below 2e-10, under the half of the 9th decimal; and the product
 * of a taux b / e (e élèves n-1) is a multiple of 1 / e, so when it is not exactly a half it is at
 * least 1 / (2e) away from one — more than 1e-9 for any effectif below 500 millions. Rounded to 9
 * decimals first, the float error goes and no true product crosses a half; a taux written with up
 * to 9 decimals (35 %, 0,35, 33,3333 %) has a product exact at 9 decimals, untouched.
 */
const DECIMALES_DU_PRODUIT = 9;

/**
 * R8 — « boursiers retenus = Σ effectifs post-bac éligibles × taux de boursiers ».
 * Décision (regles.md#dotation.boursiers-arrondi): rounded half-up to a whole student, once per establishment: 25 × 0,30 = 7,5 → 8 ;
 * 23 × 0,35 = 8,05 → 8 ; a taux computed by Excel counts as the ratio it stands for, 21 × (=50/300) =
 * 3,5 → 4 (DECIMALES_DU_PRODUIT).
 */
export function boursiersRetenus(effectifPostBac: number, taux: TauxBoursiers): number {
  exigerEffectifValide(effectifPostBac, "Effectif post-bac");
  const produit = arrondirDemiHaut(taux.ratio.times(effectifPostBac), DECIMALES_DU_PRODUIT);
  return arrondirDemiHaut(produit, 0).toNumber();
}

/** Effectifs are whole, non-negative numbers of students. */
export function exigerEffectifValide(value: number, what: string): void {
  if (!Number.isFinite(value) || value < 0) {
    throw new ErreurArgument(
      "effectif-invalide",
      `${what} ${value} invalide : un effectif ne peut pas être négatif.`,
    );
  }
  if (!Number.isInteger(value)) {
    throw new ErreurArgument(
      "effectif-invalide",
      `${what} ${value} invalide : un effectif est un nombre entier d'élèves.`,
    );
  }
}

/**
 * Décision (regles.md#technique.borne-effectif): no head count of first-year students of one formation (nor of a whole establishment) reaches
 * 10 000 — the largest lycées have about 3 000 pupils in all. A bigger number is a SIRET, a phone number,
 * an amount or a date (Excel stores 1 January 2024 as 45 292) given in place of students: an erreur,
 * never students. The sheet reader (src/sheet/cells.ts) and the ARE.* functions apply the same bound.
 */
export const EFFECTIF_MAXIMUM = 10_000;

/** The message of an effectif above EFFECTIF_MAXIMUM, `shown` as typed (« 45292 »). */
export function messageEffectifInvraisemblable(quoi: string, shown: string): string {
  return `${quoi} « ${shown} » invraisemblable (plus de 10 000 élèves) : une date, un numéro (SIRET, téléphone) ou un montant a sans doute été saisi à la place du nombre d'élèves. Corrigez la valeur.`;
}
