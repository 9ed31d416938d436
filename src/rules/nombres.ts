/**
 * The product's one French number reader (design.md §4, issue 11 item 4): sheets (src/sheet/cells.ts),
 * the ARE.* functions (src/functions/arguments.ts), Paramètres and the command line's options all read
 * typed numbers here, so that « 1 234,56 » means the same thing everywhere. Pure, exact (decimal.js
 * from the digits themselves: no binary floating point), and never truncating: what it cannot read
 * exactly is refused, with the reason, never cut down to its first digits (« 12,5 » is never 12, nor
 * « 1 234 » 1).
 *
 * Accepted: « 1234 », « 1 234,56 » (space, no-break or narrow no-break space, thin space), « 1'234.56 »
 * and « 1’234,56 » (apostrophe), « 1.234,56 », « 1,234.56 », « 1234.56 », « -12 », « +12 », « −12 »
 * (minus sign), a trailing « € », « EUR », « euros » or « % » (the unit is returned: each caller decides
 * whether it fits), and Excel's leading apostrophe (« '1234 »). « -0 » is 0.
 *
 * Décision (regles.md#lecture.nombres-ambigus; design.md §4, « one French number reader »; the regulation is silent): a single point or
 * a single comma followed by exactly three digits, after one to three leading digits that do not
 * start with 0 (« 1.234 », « 1,234 », « 12.500 », « 100.000 »), is « ambigu » and refused with both
 * readings, everywhere, rather than guessed: French accounting exports write « 1.234 » for mille deux
 * cent trente-quatre, English software « 1,234 », while French typing writes « 1,234 » for one and
 * 234 thousandths. A euro mistaken by a factor of a thousand is worse than a message. Otherwise:
 * - a single point or comma is the decimal separator (« 1234,56 », « 1234.56 », « 0,350 », « 0.350 »);
 * - the decimal reading of an ambiguous text is written with a fourth decimal (« 1,2340 ») and the
 *   whole number with a space (« 1 234 »);
 * - with both a point and a comma, the last one is the decimal separator and the other groups
 *   thousands (« 1.234,56 », « 1,234.56 »); several points or several commas group thousands
 *   (« 1.234.567 »);
 * - thousands groups are checked: after the first group of one to three digits, each has exactly
 *   three (« 1 23 » or « 12.34.56 » are refused, not read as 123 or 123456).
 */
import { Decimal } from "./montants";
import { citation } from "./texte";
import { ESPACE_FINE, ESPACE_INSECABLE } from "./typographie";

export type UniteNombre = "euro" | "pourcent";

export type ProblemeNombre = "vide" | "illisible" | "ambigu";

export type NombreLu =
  | { readonly ok: true; readonly valeur: Decimal; readonly unite: UniteNombre | null }
  | { readonly ok: false; readonly probleme: ProblemeNombre };

/** Spaces a paste or a French keyboard puts in a number: regular, no-break, narrow no-break, thin, figure. */
const ESPACES = /[\s\u00a0\u2007\u2009\u202f]+/g;
const APOSTROPHES = /[’']/g;
const UNITE = /(€|eur|euros?|%)$/i;
/** Digits, separators between single digits groups, digits last: « 1 234,56 ». */
const CORPS = /^\d+(?:[ '.,]\d+)*$/;

/** Reads a typed number, exactly; see the module's comment for what is accepted and the ambiguous case. */
export function lireNombreFrancais(texte: string): NombreLu {
  let t = texte.replace(ESPACES, " ").trim();
  if (t === "") return { ok: false, probleme: "vide" };
  // Excel's text prefix: « '1234 » typed to keep a cell as text.
  if (t.startsWith("'") || t.startsWith("’")) t = t.slice(1).trim();
  let unite: UniteNombre | null = null;
  const suffixe = UNITE.exec(t);
  if (suffixe) {
    unite = suffixe[1] === "%" ? "pourcent" : "euro";
    t = t.slice(0, suffixe.index).trim();
  }
  let signe = "";
  if (/^[+\-\u2212]/.test(t)) {
    signe = t[0] === "+" ? "" : "-";
    t = t.slice(1);
  }
  t = t.replace(APOSTROPHES, "'");
  if (!CORPS.test(t)) return { ok: false, probleme: "illisible" };
  const valeur = chiffres(t);
  if (valeur === "ambigu" || valeur === null) {
    return { ok: false, probleme: valeur === null ? "illisible" : "ambigu" };
  }
  const nombre = new Decimal(signe + valeur);
  // -0 is 0: a negative zero would be refused further on as a negative amount or taux.
  return { ok: true, valeur: nombre.isZero() ? new Decimal(0) : nombre, unite };
}

/**
 * The plain digits of a number body (« 1 234,56 » → "1234.56"); null when its separators do not make
 * a number, "ambigu" for « 1.234 ».
 */
function chiffres(corps: string): string | null | "ambigu" {
  const separateurs = corps.replace(/\d/g, "");
  if (separateurs === "") return corps;
  // The last separator is the decimal one when it is a point or a comma and the only one of its kind
  // (« 1 234,56 », « 1.234,56 »); several of a kind group thousands (« 1.234.567 »).
  const dernier = separateurs[separateurs.length - 1];
  const decimal =
    (dernier === "." || dernier === ",") && separateurs.split(dernier).length === 2 ? dernier : null;
  let entier = corps;
  let fraction: string | undefined;
  if (decimal !== null) {
    const i = corps.lastIndexOf(decimal);
    entier = corps.slice(0, i);
    fraction = corps.slice(i + 1);
  }
  const milliers = entier.replace(/\d/g, "");
  if (milliers !== "" && new Set(milliers).size > 1) return null;
  const groupes = milliers === "" ? [entier] : entier.split(milliers[0]);
  if (groupes.length > 1) {
    if (groupes[0].length > 3 || groupes.slice(1).some((g) => g.length !== 3)) return null;
  }
  if (
    decimal !== null &&
    milliers === "" &&
    fraction!.length === 3 &&
    entier.length <= 3 &&
    !entier.startsWith("0")
  ) {
    return "ambigu";
  }
  return groupes.join("") + (fraction !== undefined ? "." + fraction : "");
}

/**
 * A value as a cell or an argument holds it: a finite number as is (-0 is 0), text through
 * lireNombreFrancais; anything else (a boolean, an error, an infinite number) is « illisible ».
 */
export function lireNombreValeur(value: unknown): NombreLu {
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return { ok: false, probleme: "illisible" };
    return { ok: true, valeur: new Decimal(value === 0 ? 0 : value), unite: null };
  }
  if (typeof value === "string") return lireNombreFrancais(value);
  return { ok: false, probleme: "illisible" };
}

/**
 * The two readings of an ambiguous text, as unambiguous writings: « 1.234 » → « 1 234 » and « 1,2340 ».
 */
export function lecturesAmbigues(texte: string): { milliers: string; decimal: string } {
  const compact = texte.replace(ESPACES, "");
  const [nombre, unite = ""] = /^([^€%A-Za-z]*)(.*)$/.exec(compact)!.slice(1);
  const suite = unite === "" ? "" : ESPACE_INSECABLE + unite;
  return {
    milliers: nombre.replace(/[.,]/, ESPACE_FINE) + suite,
    decimal: nombre.replace(".", ",") + "0" + suite,
  };
}

/**
 * The message for a number that cannot be used: `quoi` names the field (« Forfait », « Effectif »),
 * `attendu` says what to type (« un montant en euros (ex. 1 200,50) »).
 */
export function messageNombreIllisible(
  probleme: Exclude<ProblemeNombre, "vide">,
  quoi: string,
  texte: string,
  attendu: string,
): string {
  const cite = citation(texte.trim());
  if (probleme === "ambigu") {
    const { milliers, decimal } = lecturesAmbigues(texte.trim());
    return `${quoi} « ${cite} » ambigu : séparateur des milliers ou des décimales ? Écrivez ${milliers} (avec une espace) pour le nombre entier, ou ${decimal} pour le nombre décimal.`;
  }
  return `${quoi} « ${cite} » illisible : saisissez ${attendu}.`;
}
