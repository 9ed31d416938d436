/**
 * Reading one cell as the value a field expects: an effectif, an amount, a yes/no answer, a year of
 * formation, a status. Pasted numbers arrive as numbers or as French text (« 1 234 » with a regular or
 * non-breaking space, « 1 200,50 € »); every reading either gives the value or says, in French, what
 * is wrong and what to do.
 */
import { ANY_SPACE, Decimal, HALF_UP, citation, normaliseLabel, removeSpaces } from "../rules";
import { isBlank, isCellError, isUncalculatedFormula, type CellValue } from "../workbook/port";

/** The cell of a row at a column index, null when the column is unmapped or the row is shorter. */
export function cellule(row: readonly CellValue[], index: number): CellValue {
  return index < 0 ? null : (row[index] ?? null);
}

/** How a cell is quoted in a message: « 12,5 », « #N/A »; a long text by its start and length (citation). */
export function afficher(value: CellValue): string {
  if (isCellError(value)) return citation(value.error);
  if (typeof value === "boolean") return value ? "VRAI" : "FAUX";
  if (typeof value === "number") return String(value).replace(".", ",");
  return citation(String(value ?? "").trim());
}

export function messageErreurExcel(value: CellValue, champ: string): string {
  if (isUncalculatedFormula(value)) return messageFormuleSansValeur(champ);
  return `La cellule ${champ} contient l'erreur Excel ${afficher(value)} : la formule ou l'extraction d'origine n'a pas donné de valeur. Corrigez la source ou saisissez la valeur, puis relancez.`;
}

/**
 * A formula the file holds without its result (UNCALCULATED_FORMULA): the file was filled by a program
 * and never calculated by Excel. Its value is unknown — never read as blank or 0.
 */
export function messageFormuleSansValeur(champ: string): string {
  return `La cellule ${champ} contient une formule dont le fichier n'a pas enregistré le résultat (fichier rempli par un programme, jamais ouvert dans Excel) : sa valeur est inconnue. Ouvrez le fichier dans Excel, enregistrez-le (les formules sont alors calculées), puis relancez.`;
}

/** The constat of a cell holding an error value: a formula without value has its own. */
export function codeErreurCellule(value: CellValue): "erreur-excel" | "formule-sans-valeur" {
  return isUncalculatedFormula(value) ? "formule-sans-valeur" : "erreur-excel";
}

export type ProblemeEntier =
  | "effectif-vide"
  | "effectif-negatif"
  | "effectif-decimal"
  | "effectif-texte"
  | "effectif-invraisemblable"
  | "erreur-excel"
  | "formule-sans-valeur";

/**
 * Décision: no head count of first-year students of one formation (nor of a whole establishment) reaches
 * 10 000 — the largest lycées have about 3 000 pupils in all. A bigger number is a SIRET, a phone number
 * or an amount pasted in the wrong column: an erreur, never students.
 */
export const EFFECTIF_MAXIMUM = 10_000;

export interface EntierIllisible {
  readonly probleme: ProblemeEntier;
  readonly message: string;
}

const INTEGER_TEXT = /^[+-]?\d+$/;
const DECIMAL_TEXT = /^[+-]?\d+[.,]\d+$/;

/**
 * A whole, non-negative number of students. Text is read after removing every kind of space, so that
 * « 1 234 » and « 1 234 » (non-breaking space) are 1234; « 12,0 » is 12.
 */
export function lireEntier(value: CellValue, quoi = "Effectif"): number | EntierIllisible {
  if (typeof value === "number") {
    if (Number.isInteger(value) && value >= 0) {
      return value <= EFFECTIF_MAXIMUM ? value : entierIllisible(value, "effectif-invraisemblable", quoi);
    }
    return entierIllisible(
      value,
      Number.isFinite(value) && value < 0 ? "effectif-negatif" : "effectif-decimal",
      quoi,
    );
  }
  if (isBlank(value)) {
    return {
      probleme: "effectif-vide",
      message: `${quoi} vide : saisissez le nombre d'élèves (0 s'il n'y en a pas) ou supprimez la ligne.`,
    };
  }
  if (isCellError(value))
    return { probleme: codeErreurCellule(value), message: messageErreurExcel(value, quoi.toLowerCase()) };
  if (typeof value === "string") {
    const text = removeSpaces(value);
    if (INTEGER_TEXT.test(text)) {
      const n = Number(text);
      if (n < 0) return entierIllisible(value, "effectif-negatif", quoi);
      return n <= EFFECTIF_MAXIMUM ? n : entierIllisible(value, "effectif-invraisemblable", quoi);
    }
    if (DECIMAL_TEXT.test(text)) {
      const [whole, fraction] = text.split(/[.,]/);
      if (/^0+$/.test(fraction) && !whole.startsWith("-")) return lireEntier(whole, quoi);
      return entierIllisible(value, whole.startsWith("-") ? "effectif-negatif" : "effectif-decimal", quoi);
    }
  }
  return entierIllisible(value, "effectif-texte", quoi);
}

function entierIllisible(value: CellValue, probleme: ProblemeEntier, quoi: string): EntierIllisible {
  const shown = afficher(value);
  const why: Record<ProblemeEntier, string> = {
    "effectif-vide": "",
    "erreur-excel": "",
    "formule-sans-valeur": "",
    "effectif-negatif": `${quoi} « ${shown} » négatif : un nombre d'élèves ne peut pas être négatif. Corrigez la valeur.`,
    "effectif-decimal": `${quoi} « ${shown} » non entier : un nombre d'élèves est entier. Corrigez la valeur (une moyenne ou un pourcentage a peut-être été collé).`,
    "effectif-texte": `${quoi} « ${shown} » illisible : saisissez un nombre entier d'élèves (ex. 24).`,
    "effectif-invraisemblable": `${quoi} « ${shown} » invraisemblable (plus de 10 000 élèves) : un numéro (SIRET, téléphone) ou un montant a sans doute été collé dans cette colonne. Corrigez la valeur.`,
  };
  return { probleme, message: why[probleme] };
}

export type MontantLu =
  | {
      readonly ok: true;
      readonly valeur: Decimal;
      /** Rounded to the cent: say so. */ readonly arrondi: boolean;
    }
  | { readonly ok: false; readonly negatif: boolean; readonly message: string };

const MONEY_SUFFIX = /(?:€|EUR|EUROS?)$/i;

/**
 * An amount in euros, exactly: a number (1200.5) or French text (« 1 200,50 € », « 1200.50 », « 1.200,50 »).
 * Décision: more than two decimals are rounded half-up to the cent and the reading says so, except for
 * the binary noise a formula leaves on a number (1200.4999999999998), which is rounded silently.
 * « 1.200 » alone is refused as ambiguous (see decimalFromFrenchText).
 * « - » and « néant » mean zero; so do « -0 » and « -0,00 ».
 */
/**
 * Décision: no amount of the scheme (a reliquat, a dotation, a purchase) reaches a billion euros — the
 * whole regional budget of the ARE is a few million. A bigger number is a pasted identifier, refused
 * like an unreadable amount rather than carried into the sums.
 */
export const MONTANT_MAXIMUM = new Decimal(1_000_000_000);

export function lireMontant(value: CellValue, quoi: string): MontantLu {
  let parsed: Decimal | "ambigu" | null = null;
  let floatNoise = false;
  if (typeof value === "number" && Number.isFinite(value)) {
    parsed = new Decimal(value);
    floatNoise = parsed.decimalPlaces() > 9;
  } else if (typeof value === "string") {
    const text = removeSpaces(value).replace(MONEY_SUFFIX, "");
    if (text === "-" || normaliseLabel(text) === "NEANT") parsed = new Decimal(0);
    else parsed = decimalFromFrenchText(text);
  }
  if (isCellError(value))
    return { ok: false, negatif: false, message: messageErreurExcel(value, quoi.toLowerCase()) };
  if (parsed === "ambigu") {
    return {
      ok: false,
      negatif: false,
      message: `${quoi} « ${afficher(value)} » ambigu : écrivez ${afficher(value).replace(/[.,]/, "")} pour ce nombre d'euros, ou utilisez la virgule avec deux décimales (ex. 1,20).`,
    };
  }
  if (parsed === null) {
    return {
      ok: false,
      negatif: false,
      message: `${quoi} « ${afficher(value)} » illisible : saisissez un montant en euros (ex. 1 200,50).`,
    };
  }
  if (parsed.isNegative() && !parsed.isZero()) {
    return {
      ok: false,
      negatif: true,
      message: `${quoi} « ${afficher(value)} » négatif : un reliquat est un montant positif ou nul. Corrigez la valeur.`,
    };
  }
  if (parsed.gt(MONTANT_MAXIMUM)) {
    return {
      ok: false,
      negatif: false,
      message: `${quoi} « ${afficher(value)} » invraisemblable (plus d'un milliard d'euros) : un numéro ou un autre nombre a sans doute été collé dans cette colonne. Corrigez la valeur.`,
    };
  }
  const rounded = parsed.toDecimalPlaces(2, HALF_UP);
  // « -0,00 » (an accounting export's zero) or a -0 number is zero: a negative zero would be refused
  // further on as a negative reliquat (dotationNetteEnveloppe) and stop the whole run.
  const valeur = rounded.isZero() ? new Decimal(0) : rounded;
  return { ok: true, valeur, arrondi: !floatNoise && !rounded.equals(parsed) };
}

/**
 * « 1200,50 », « 1.200,50 », « 1,200.50 », « 1200 »: the last separator is the decimal one. A single
 * separator followed by exactly three digits (« 1.200 », « 1,200 ») is ambiguous — mille deux cents
 * or one euro twenty — and refused rather than guessed.
 */
function decimalFromFrenchText(text: string): Decimal | "ambigu" | null {
  const match = /^([+-]?)(\d{1,3}(?:([.,])\d{3})*|\d+)(?:([.,])(\d+))?$/.exec(text);
  if (!match) return null;
  const [, sign, whole, thousands, decimalSep, fraction] = match;
  if (thousands && decimalSep === thousands) return null;
  if (thousands && !decimalSep && whole.split(thousands).length === 2) return "ambigu";
  const digits = thousands ? whole.split(thousands).join("") : whole;
  return new Decimal(sign + digits + (fraction !== undefined ? "." + fraction : ""));
}

const OUI = new Set(["OUI", "O", "VRAI", "X", "1", "YES", "Y", "TRUE"]);
const NON = new Set(["NON", "N", "FAUX", "0", "NO", "FALSE"]);

/** oui / non, vrai / faux, x, 1 / 0, Excel's TRUE / FALSE. Null when unreadable (blank is handled by callers). */
export function lireOuiNon(value: CellValue): boolean | null {
  if (typeof value === "boolean") return value;
  if (typeof value === "number") return value === 1 ? true : value === 0 ? false : null;
  if (typeof value !== "string") return null;
  const label = normaliseLabel(value);
  if (OUI.has(label)) return true;
  if (NON.has(label)) return false;
  return null;
}

const ORDINAUX: Readonly<Record<string, number>> = {
  PREMIERE: 1,
  PREMIEREANNEE: 1,
  DEUXIEME: 2,
  DEUXIEMEANNEE: 2,
  TROISIEME: 3,
  TROISIEMEANNEE: 3,
};

/**
 * The year within the formation: 1, « 1 », « 1ère année », « 2e année », « première ». Null when
 * unreadable. (« Seconde », the class, is not a year of formation: it is refused as unreadable.)
 */
export function lireAnneeFormation(value: CellValue): number | null {
  if (typeof value === "number") return Number.isInteger(value) && value >= 1 ? value : null;
  if (typeof value !== "string") return null;
  const match = /^\s*(\d+)\s*(?:e|è|ère|ere|re|er|eme|ème|nde|nd)?\b/i.exec(value.replace(ANY_SPACE, " "));
  if (match && Number(match[1]) >= 1) return Number(match[1]);
  return ORDINAUX[normaliseLabel(value)] ?? null;
}

/**
 * R5 — « Le dispositif n'est pas applicable aux élèves en contrat d'apprentissage ou de
 * professionnalisation » (seed, « Les bénéficiaires »): a status saying
 * apprenti, apprentie, apprentis, apprentissage, contrat de professionnalisation or contrat pro.
 */
export function estStatutApprenti(value: CellValue): boolean {
  if (typeof value !== "string") return false;
  const label = normaliseLabel(value);
  return label.includes("APPRENTI") || label.includes("PROFESSIONNALISATION") || label === "CONTRATPRO";
}
