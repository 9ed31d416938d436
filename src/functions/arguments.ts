/**
 * Reading the arguments Excel passes to the ARE.* functions (design.md §3). Excel hands over numbers,
 * text, booleans, blanks (null, undefined or ""), error values, and ranges as 2-D arrays; French users
 * type « 114,18 » and « 35 % ». Everything that cannot be used becomes an InvalidArgumentError with a
 * French message (#VALUE! in the cell), never an exception of another kind.
 */
import {
  Decimal,
  InvalidArgumentError,
  lireTauxBoursiers,
  normaliseLabel,
  parseSchoolYear,
  removeSpaces,
  schoolYearOn,
  type SchoolYear,
  type TauxBoursiers,
} from "../rules";

/** The error values a cell can hold, as Excel displays them. */
const EXCEL_ERRORS = new Set([
  "#N/A",
  "#VALUE!",
  "#REF!",
  "#DIV/0!",
  "#NUM!",
  "#NAME?",
  "#NULL!",
  "#SPILL!",
  "#CALC!",
  "#FIELD!",
  "#BLOCKED!",
  "#CONNECT!",
  "#BUSY!",
  "#UNKNOWN!",
  "#GETTING_DATA",
]);

/** An error value received from a cell, e.g. a #N/A left by a VLOOKUP in a pasted sheet. */
export class ErreurExcelRecue extends Error {
  constructor(readonly affichage: string) {
    super(`La cellule contient l'erreur ${affichage} : corrigez-la avant de l'utiliser.`);
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
  return value === null || value === undefined || (typeof value === "string" && removeSpaces(value) === "");
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

function invalide(code: string, message: string): InvalidArgumentError {
  return new InvalidArgumentError(code, message);
}

function montrer(value: unknown): string {
  return typeof value === "boolean" ? (value ? "VRAI" : "FAUX") : String(value);
}

/** « 114,18 », « 1 234,5 », « -0.5 », « 151 » → Decimal; null when the text is not a plain number. */
function decimalDuTexte(text: string): Decimal | null {
  const compact = removeSpaces(text).replace(",", ".");
  return /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/.test(compact) ? new Decimal(compact) : null;
}

export interface OptionsNombre {
  /** How the argument is named in messages: « Effectif », « Reliquat ». */
  readonly nom: string;
  /**
   * Décision : a blank amount or effectif counts as 0, as in Excel's own arithmetic (a formula filled
   * down over rows without students gives 0, not an error that would break the column's SUM); a blank
   * index, taux or quotient familial is an error, as 0 would be a wrong answer rather than no answer.
   */
  readonly videVautZero: boolean;
}

/** A number typed or computed in a cell, or written as text the French way. */
export function lireDecimal(value: unknown, options: OptionsNombre): Decimal {
  refuserErreur(value);
  if (estOmis(value)) {
    if (options.videVautZero) return new Decimal(0);
    throw invalide("argument-manquant", `${options.nom} manquant : saisissez un nombre.`);
  }
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw invalide("nombre-invalide", `${options.nom} : nombre invalide.`);
    return new Decimal(value);
  }
  if (typeof value === "string") {
    const parsed = decimalDuTexte(value);
    if (parsed) return parsed;
  }
  throw invalide(
    "nombre-invalide",
    `${options.nom} « ${montrer(value)} » illisible : un nombre est attendu (par exemple 114,18).`,
  );
}

/** A count of students or concours; its range (negative, decimal) is checked by the rules. */
export function lireNombre(value: unknown, options: OptionsNombre): number {
  return lireDecimal(value, options).toNumber();
}

/**
 * The school year: 2024, "2024-2025" or "2024/2025". Left out or blank, the school year in progress on
 * `aujourdhui` (the rentrée is in September); the adapter passes today's date, the core never reads the clock.
 */
export function lireAnnee(value: unknown, aujourdhui: Date): SchoolYear {
  refuserErreur(value);
  if (estOmis(value)) return schoolYearOn(aujourdhui);
  return parseSchoolYear(typeof value === "string" ? value.trim() : value);
}

/** Text such as a category; null when left out. */
export function lireTexteOptionnel(value: unknown): string | null {
  refuserErreur(value);
  if (estOmis(value)) return null;
  if (typeof value === "string") return value;
  return montrer(value);
}

/** VRAI/FAUX, 1/0 or the words OUI/NON, VRAI/FAUX, TRUE/FALSE; left out or blank, `parDefaut`. */
export function lireBooleen(value: unknown, nom: string, parDefaut: boolean): boolean {
  refuserErreur(value);
  if (estOmis(value)) return parDefaut;
  if (typeof value === "boolean") return value;
  if (value === 1 || value === 0) return value === 1;
  if (typeof value === "string") {
    const mot = normaliseLabel(value);
    if (["OUI", "VRAI", "TRUE", "O", "1"].includes(mot)) return true;
    if (["NON", "FAUX", "FALSE", "N", "0"].includes(mot)) return false;
  }
  throw invalide("booleen-invalide", `${nom} « ${montrer(value)} » illisible : indiquez VRAI ou FAUX.`);
}

/** The taux de boursiers of an establishment (0,35, 35 % or « 35 % »), required. */
export function lireTauxBoursiersArgument(value: unknown): TauxBoursiers {
  refuserErreur(value);
  if (estOmis(value)) {
    throw invalide(
      "taux-manquant",
      "Taux de boursiers manquant : saisissez un taux (0,35) ou un pourcentage (35 %).",
    );
  }
  return lireTauxBoursiers(typeof value === "string" ? value.trim() : value);
}

/** The taux de boursiers when given, null when left out. */
export function lireTauxBoursiersOptionnel(value: unknown): TauxBoursiers | null {
  refuserErreur(value);
  return estOmis(value) ? null : lireTauxBoursiersArgument(value);
}

/**
 * An indexation rate: a ratio (0,0368, as a percentage cell holds it) or text with a percent sign
 * (« 3,68 % »). Décision : a bare number of 1 or more in absolute value is refused rather than guessed
 * (3,68 could mean 3,68 % or 368 %): the IPC never moved by 100 % in a year.
 */
export function lireTauxIndexation(value: unknown): Decimal {
  refuserErreur(value);
  if (typeof value === "string") {
    const pourcentage = /^(.*)%$/.exec(removeSpaces(value));
    if (pourcentage) {
      const parsed = decimalDuTexte(pourcentage[1]);
      if (parsed) return parsed.dividedBy(100);
    }
  }
  const taux = lireDecimal(value, { nom: "Taux", videVautZero: false });
  if (taux.abs().gte(1)) {
    throw invalide(
      "taux-invalide",
      `Taux ${taux.toString().replace(".", ",")} invalide : saisissez un taux (0,0368) ou un pourcentage (3,68 %).`,
    );
  }
  return taux;
}

/** A range argument as a 2-D array; a single value (or a scalar passed by a caller) becomes [[value]]. */
export function enMatrice(value: unknown): unknown[][] {
  if (Array.isArray(value)) return value.map((ligne) => (Array.isArray(ligne) ? ligne : [ligne]));
  return [[value]];
}
