/**
 * Reading the arguments Excel passes to the ARE.* functions (design.md §3). Excel hands over numbers,
 * text, booleans, blanks (null, undefined or ""), error values, and ranges as 2-D arrays; French users
 * type « 114,18 » and « 35 % ». Everything that cannot be used becomes an ErreurArgument with a
 * French message (#VALUE! in the cell), never an exception of another kind.
 */
import {
  Decimal,
  EXCEL_ERRORS,
  ErreurArgument,
  IPC_MAXIMUM,
  IPC_MINIMUM,
  anneeScolaireAu,
  citation,
  lireAnneeScolaire,
  lireNombreValeur,
  lireReponseEnquete,
  lireTauxBoursiers,
  messageNombreIllisible,
  nomFrancaisErreur,
  sansEspaces,
  type AnneeScolaire,
  type TauxBoursiers,
} from "../rules";
import { MONTANT_MAXIMUM, lireEntier } from "../sheet/cells";

/**
 * How French Excel displays an error value: messages are in French (issue 11 item 18), and the user
 * docs use these names (design.md §3). A value spelt the same in both, or unknown, is quoted.
 */
function nomFrancais(affichage: string): string {
  const francais = nomFrancaisErreur(affichage);
  return francais !== affichage ? francais : citation(affichage);
}

/** An error value received from a cell, e.g. a #N/A left by a VLOOKUP in a pasted sheet. */
export class ErreurExcelRecue extends Error {
  constructor(readonly affichage: string) {
    super(`La cellule contient l'erreur ${nomFrancais(affichage)} : corrigez-la avant de l'utiliser.`);
    this.name = "ErreurExcelRecue";
  }
}

/**
 * The error a value stands for, as displayed ("#N/A"), or null. Excel normally does not call a custom
 * function whose arguments hold errors (generated metadata cannot opt in), so this is defence: a
 * CustomFunctions.Error-like object ({ code: "#N/A" }), an Excel.ErrorCellValue ({ type: "Error" }),
 * or the text of an error pasted as a value.
 */
export function erreurExcel(value: unknown): string | null {
  if (typeof value === "string") return EXCEL_ERRORS.has(value.trim()) ? value.trim() : null;
  if (value !== null && typeof value === "object" && !Array.isArray(value)) {
    const objet = value as { code?: unknown; type?: unknown; errorType?: unknown; basicValue?: unknown };
    if (typeof objet.code === "string" && objet.code.startsWith("#")) return objet.code;
    if (objet.type === "Error") {
      return typeof objet.basicValue === "string"
        ? objet.basicValue
        : `#${String(objet.errorType ?? "ERREUR")}`;
    }
  }
  return null;
}

/** A blank cell: Excel gives null, undefined or "" depending on where it comes from. */
export function estVide(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === "string" && sansEspaces(value) === "");
}

/**
 * An optional argument the user left out. Besides blanks, any plain object that is not an error value
 * counts as omitted: with stale cached metadata (an older functions.json with fewer parameters), Excel
 * passes its invocation object where the new optional parameter is expected.
 */
export function estOmis(value: unknown): boolean {
  if (estVide(value)) return true;
  return typeof value === "object" && !Array.isArray(value) && erreurExcel(value) === null;
}

/** Throws the error value the argument holds, if any, before anything else reads it. */
export function refuserErreur(value: unknown): void {
  const erreur = erreurExcel(value);
  if (erreur !== null) throw new ErreurExcelRecue(erreur);
}

function invalide(code: string, message: string): ErreurArgument {
  return new ErreurArgument(code, message);
}

/** An argument as a message quotes it: VRAI / FAUX, at most 60 characters of a text (citation). */
function montrer(value: unknown): string {
  if (typeof value === "boolean") return value ? "VRAI" : "FAUX";
  if (typeof value === "number") return citation(String(value).replace(".", ","));
  return citation(String(value).trim());
}

export interface OptionsNombre {
  /** How the argument is named in messages: « Effectif », « Reliquat ». */
  readonly nom: string;
  /**
   * Décision (regles.md#fonctions.argument-vide) : a blank amount or effectif counts as 0, as in Excel's own arithmetic (a formula filled
   * down over rows without students gives 0, not an error that would break the column's SUM); a blank
   * index, taux or quotient familial is an error, as 0 would be a wrong answer rather than no answer.
   */
  readonly videVautZero: boolean;
  /**
   * What a message gives as an example of this argument: « 114,18 » (an index, by default),
   * « 1 200,50 » (an amount), « 2 » (a count of concours) — never an index for a number of concours.
   */
  readonly exemple?: string;
}

/**
 * A number typed or computed in a cell, or written as text the French way — read by the product's one
 * French number reader (src/rules/nombres.ts), as the sheets are: « 1 234,56 », « 1.234,56 € »;
 * « 1.234 » is refused as ambiguous. A « % » is refused here (only taux take one).
 */
export function lireDecimal(value: unknown, options: OptionsNombre): Decimal {
  refuserErreur(value);
  if (estOmis(value)) {
    if (options.videVautZero) return new Decimal(0);
    throw invalide("argument-manquant", `${options.nom} manquant : saisissez un nombre.`);
  }
  if (typeof value === "number" && !Number.isFinite(value)) {
    throw invalide("nombre-invalide", `${options.nom} : nombre invalide.`);
  }
  const lu = lireNombreValeur(value);
  if (lu.ok && lu.unite !== "pourcent") return lu.valeur;
  if (!lu.ok && lu.probleme === "ambigu") {
    throw invalide("nombre-ambigu", messageNombreIllisible("ambigu", options.nom, String(value), ""));
  }
  throw invalide(
    "nombre-invalide",
    `${options.nom} « ${montrer(value)} » illisible : un nombre est attendu (par exemple ${options.exemple ?? "114,18"}).`,
  );
}

/** A count of concours; its range (negative, decimal) is checked by the rules. */
export function lireNombre(value: unknown, options: OptionsNombre): number {
  return lireDecimal(value, options).toNumber();
}

/**
 * A number of students, with the sheet reader's own bounds and messages (src/sheet/cells.ts,
 * issue 11 item 18): whole, not negative, at most 10 000 — a date (45 292 for 1 January 2024) or a
 * SIRET given as an effectif is #VALUE! with the reason. Blank is 0 (OptionsNombre).
 */
export function lireEffectif(value: unknown, nom: string): number {
  refuserErreur(value);
  if (estOmis(value)) return 0;
  const lu = lireEntier(typeof value === "number" || typeof value === "string" ? value : montrer(value), nom);
  if (typeof lu === "number") return lu;
  throw invalide(lu.probleme, lu.message);
}

/**
 * An amount in euros, exact (no rounding here: the rules round their results), within the sheet
 * reader's bound: above a billion euros is a pasted identifier, #VALUE! rather than a sum that ends
 * as Infinity (ARE.NETTE(1E+308; 0)).
 */
export function lireMontantArgument(value: unknown, nom: string, videVautZero = true): Decimal {
  const montant = lireDecimal(value, { nom, videVautZero, exemple: "1 200,50" });
  if (montant.abs().gt(MONTANT_MAXIMUM)) {
    throw invalide(
      "montant-invraisemblable",
      `${nom} « ${montrer(value)} » invraisemblable (plus d'un milliard d'euros) : un numéro ou un autre nombre a sans doute été saisi à sa place.`,
    );
  }
  return montant;
}

/**
 * A December index, within the bounds Paramètres applies to an entered one (50 to 500: issue 11
 * item 8), so that ARE.TAUX_IPC(1E+308; 1E-308) is #VALUE! with the reason, not an absurd rate.
 */
export function lireIndice(value: unknown, nom: string): Decimal {
  const indice = lireDecimal(value, { nom, videVautZero: false });
  if (indice.lt(IPC_MINIMUM) || indice.gt(IPC_MAXIMUM)) {
    throw invalide(
      "indice-invraisemblable",
      `${nom} « ${montrer(value)} » invraisemblable : un indice des prix est compris entre 50 et 500 (décembre 2023 : 118,38 en base 2015).`,
    );
  }
  return indice;
}

/**
 * The school year: 2024, "2024-2025" or "2024/2025". Left out or blank, the school year in progress on
 * `aujourdhui` (the rentrée is in September); the adapter passes today's date, the core never reads the clock.
 */
export function lireAnnee(value: unknown, aujourdhui: Date): AnneeScolaire {
  refuserErreur(value);
  if (estOmis(value)) return anneeScolaireAu(aujourdhui);
  return lireAnneeScolaire(typeof value === "string" ? value.trim() : value);
}

/** Text such as a category; null when left out. */
export function lireTexteOptionnel(value: unknown): string | null {
  refuserErreur(value);
  if (estOmis(value)) return null;
  if (typeof value === "string") return value;
  return montrer(value);
}

/** VRAI/FAUX, 1/0 or the words of a « Réponse à l'enquête » column (lireReponseEnquete); left out or blank, `parDefaut`. */
export function lireBooleen(value: unknown, nom: string, parDefaut: boolean): boolean {
  refuserErreur(value);
  if (estOmis(value)) return parDefaut;
  const oui = lireReponseEnquete(value);
  if (oui !== null) return oui;
  throw invalide("booleen-invalide", `${nom} « ${montrer(value)} » illisible : indiquez VRAI ou FAUX.`);
}

/** The taux de boursiers of an establishment (0,35, 35 % or « 35 % »), required. */
export function lireTauxBoursiersArgument(value: unknown): TauxBoursiers {
  refuserErreur(value);
  if (estOmis(value)) throw tauxBoursiersManquant();
  // Two counts (boursiers, effectif) are a sheet's columns; a function takes one value.
  return lireTauxBoursiers(
    typeof value === "string" ? value.trim() : value,
    "un taux (0,35) ou un pourcentage (35 %)",
  );
}

/** A taux de boursiers left blank where post-bac pupils need it. */
export function tauxBoursiersManquant(): ErreurArgument {
  return invalide(
    "taux-manquant",
    "Taux de boursiers manquant : saisissez un taux (0,35) ou un pourcentage (35 %).",
  );
}

/** The taux de boursiers when given, null when left out. */
export function lireTauxBoursiersOptionnel(value: unknown): TauxBoursiers | null {
  refuserErreur(value);
  return estOmis(value) ? null : lireTauxBoursiersArgument(value);
}

/**
 * An indexation rate: a ratio (0,0368, as a percentage cell holds it) or text with a percent sign
 * (« 3,68 % »). Décision (regles.md#fonctions.taux-indexation) : a bare number of 1 or more in absolute value is refused rather than guessed
 * (3,68 could mean 3,68 % or 368 %): the IPC never moved by 100 % in a year. So is « 368 % », the
 * comma of « 3,68 % » left out, which indexed 157 € to 735 €.
 */
export function lireTauxIndexation(value: unknown): Decimal {
  refuserErreur(value);
  const lu = typeof value === "string" ? lireNombreValeur(value) : null;
  const taux =
    lu?.ok && lu.unite === "pourcent"
      ? lu.valeur.dividedBy(100)
      : lireDecimal(value, { nom: "Taux", videVautZero: false, exemple: "0,0368" });
  if (taux.abs().gte(1)) {
    throw invalide(
      "taux-invalide",
      `Taux ${montrer(value)} invalide : saisissez un taux (0,0368) ou un pourcentage (3,68 %).`,
    );
  }
  return taux;
}

/** A range argument as a 2-D array; a single value (or a scalar passed by a caller) becomes [[value]]. */
export function enMatrice(value: unknown): unknown[][] {
  if (Array.isArray(value)) return value.map((ligne) => (Array.isArray(ligne) ? ligne : [ligne]));
  return [[value]];
}
