/**
 * A date where a number is expected (issue 11 item 17): an effectif or a taux de boursiers that is a
 * date — typed or exported as text (« 24/01/1900 », « 2024-01-24 »), or a number whose cell is
 * formatted as a date (Excel stores a date as its serial number: 24/01/1900 is 24). Such a value is
 * reported as a date, never read as students: the serial 24 shown « 24/01/1900 » may be 24 students
 * in a cell whose format went wrong, or a date pasted in the wrong column — only the user can tell.
 *
 * The readers of .xlsx files and of Excel say which cells are formatted as dates
 * (SheetData.dateCells); a .csv has no formats, its dates are text.
 */
import { isBlank, type CellValue, type SheetData } from "../grid";
import { EFFECTIF_MAXIMUM, afficher } from "./cells";

/** Columns per row in a date cell's key (Excel's 16 384 columns). */
export const COLONNES_PAR_LIGNE = 16384;

/** The key of a cell in SheetData.dateCells: row index × 16 384 + column index, relative to values. */
export function cleCellule(index: number, colonne: number): number {
  return index * COLONNES_PAR_LIGNE + colonne;
}

/** Is the cell (relative indexes) formatted as a date? A binary search in the sheet's sorted keys. */
export function estCelluleDate(sheet: SheetData, index: number, colonne: number): boolean {
  const cles = sheet.dateCells;
  if (!cles || cles.length === 0 || colonne < 0) return false;
  const cle = cleCellule(index, colonne);
  let bas = 0;
  let haut = cles.length - 1;
  while (bas <= haut) {
    const milieu = (bas + haut) >>> 1;
    const v = cles[milieu];
    if (v === cle) return true;
    if (v < cle) bas = milieu + 1;
    else haut = milieu - 1;
  }
  return false;
}

/**
 * Does a format code show a date or a time? Its literal parts (« "€" », « \x »), and its bracketed
 * parts (colours, conditions, locale « [$-40C] ») removed, a day, month, year, hour or second code
 * remains: « dd/mm/yyyy », « d-mmm », « h:mm », « [$-40C]dddd d mmmm yyyy », « h:mm AM/PM ».
 */
export function formatDeDate(code: string): boolean {
  const sans = code
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/\[[^\]]*\]/g, "")
    .replace(/AM\/PM|A\/P/gi, "");
  // A format's name rather than its code (« General », a localised « Standard », « Estándar »): a letter
  // that is no date code (d m y h s, e b g for eras) is only ever in a name.
  return /[dmyhs]/i.test(sans) && !/[a-z]/i.test(sans.replace(/[dmyhsebg]/gi, ""));
}

const deux = (n: number) => String(n).padStart(2, "0");

/**
 * The date Excel shows for a serial number (1900 system), « jj/mm/aaaa » with the time when there is
 * one. Excel counts a 29 February 1900 that never was (serial 60): serials 1 to 59 are one day later
 * than the calendar from 1899-12-30 gives.
 */
export function dateDuNumeroDeSerie(serie: number): string {
  const jours = Math.floor(serie);
  const decalage = jours < 60 ? 1 : 0;
  const date = new Date(Date.UTC(1899, 11, 30 + jours + decalage));
  const texte =
    jours === 60
      ? "29/02/1900"
      : `${deux(date.getUTCDate())}/${deux(date.getUTCMonth() + 1)}/${date.getUTCFullYear()}`;
  const minutes = Math.round((serie - jours) * 24 * 60);
  return minutes === 0 ? texte : `${texte} ${deux(Math.floor(minutes / 60))}:${deux(minutes % 60)}`;
}

const JMA = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$/;
const AMJ = /^(\d{4})-(\d{2})-(\d{2})(?:[ T]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z?)?$/;

/** Does a text read as a date: « 24/01/1900 », « 24-01-24 », « 24.01.2024 », « 2024-01-24 », with a time or not? */
export function estTexteDate(texte: string): boolean {
  const t = texte.trim();
  let jour: number;
  let mois: number;
  const jma = JMA.exec(t);
  if (jma) [jour, mois] = [Number(jma[1]), Number(jma[2])];
  else {
    const amj = AMJ.exec(t);
    if (!amj) return false;
    [jour, mois] = [Number(amj[3]), Number(amj[2])];
  }
  return jour >= 1 && jour <= 31 && mois >= 1 && mois <= 12;
}

/**
 * The month and year of a date written as estTexteDate reads it (« 04/09/2023 », « 04.09.23 »,
 * « 2023-09-04 »; a two-digit year is in the 2000s), or null.
 */
export function moisEtAnnee(date: string): { readonly mois: number; readonly annee: number } | null {
  const t = date.trim();
  const jma = JMA.exec(t);
  if (jma) return { mois: Number(jma[2]), annee: Number(jma[3]) + (jma[3].length === 2 ? 2000 : 0) };
  const amj = AMJ.exec(t);
  return amj ? { mois: Number(amj[2]), annee: Number(amj[1]) } : null;
}

/**
 * The date a cell holds where a number is expected, as the message quotes it, or null: a number in a
 * cell formatted as a date (`formatDate`), or a text that reads as a date.
 */
export function dateDansLaCellule(value: CellValue, formatDate: boolean): string | null {
  if (isBlank(value)) return null;
  if (typeof value === "number")
    return formatDate && Number.isFinite(value) && value >= 0 ? dateDuNumeroDeSerie(value) : null;
  if (typeof value === "string" && value.length <= 40 && estTexteDate(value)) return afficher(value);
  return null;
}

/**
 * What to do about a date in a number's place. For a formatted number, its value is said: « 24/01/1900 »
 * is the number 24, perhaps the right figure in a cell whose format went wrong.
 */
export function messageDate(
  quoi: string,
  date: string,
  value: CellValue,
  attendu: string,
  consequence: string,
): string {
  // A number above any effectif is no figure mistyped as a date: only the date itself can be right.
  const valeur =
    typeof value === "number" && value <= EFFECTIF_MAXIMUM
      ? ` La cellule vaut ${afficher(value)}, affiché comme une date : si c'est bien ${attendu}, mettez la cellule au format Nombre (Accueil > Format de nombre > Standard) et relancez ; sinon, saisissez ${attendu}.`
      : ` Saisissez ${attendu} à la place de la date.`;
  const suite = consequence === "" ? "" : ` ${consequence}`;
  return `${quoi} « ${date} » : c'est une date, pas ${attendu}.${suite}${valeur}`;
}
