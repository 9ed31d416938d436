/**
 * Text normalisation shared by every place that matches what a user typed (categories, column
 * headers, yes/no answers): case, accents, spaces and punctuation are ignored. And how a message
 * quotes what a user typed.
 */
import { formaterEntier } from "./montants";

/** "3e Prépa-Métiers" → "3EPREPAMETIERS"; "N° UAI" → "NUAI". */
export function normaliserLibelle(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toUpperCase()
    .replace(/[^0-9A-Z]/g, "");
}

const OUI = new Set(["OUI", "O", "VRAI", "X", "1", "YES", "Y", "TRUE"]);
const NON = new Set(["NON", "N", "FAUX", "0", "NO", "FALSE"]);

/**
 * oui / non, vrai / faux, x, 1 / 0, Excel's TRUE / FALSE: one vocabulary for a sheet's « Réponse à
 * l'enquête » and the functions' « a répondu », so that a column the pane reads is read alike by
 * =ARE.NETTE. Null when unreadable (blank is handled by callers).
 */
export function lireOuiNon(value: unknown): boolean | null {
  if (typeof value === "boolean") return value;
  if (typeof value === "number") return value === 1 ? true : value === 0 ? false : null;
  if (typeof value !== "string") return null;
  const label = normaliserLibelle(value);
  if (OUI.has(label)) return true;
  if (NON.has(label)) return false;
  return null;
}

/** Answers meaning « a répondu » / « n'a pas répondu » besides oui / non (normalised: see normaliserLibelle). */
const REPONDU = new Set(["REPONDU", "AREPONDU"]);
const NON_REPONDU = new Set(["NR", "NONREPONDU", "NAPASREPONDU", "PASREPONDU"]);

/**
 * The answer to the regional surveys (design.md §4, regles.md#lecture.reponse-enquete): « oui », « O », « X », « répondu » (and vrai, 1)
 * mean answered; « non », « N », « NR », « non répondu » (and faux, 0) mean not answered; null for
 * anything else, an erreur for the caller (blank is handled by callers: answered, with an alerte).
 * The sheets' « Réponse à l'enquête » column and =ARE.NETTE's « a répondu » read it alike.
 */
export function lireReponseEnquete(value: unknown): boolean | null {
  const oui = lireOuiNon(value);
  if (oui !== null || typeof value !== "string") return oui;
  const label = normaliserLibelle(value);
  return REPONDU.has(label) ? true : NON_REPONDU.has(label) ? false : null;
}

/** Every kind of space a paste can bring: regular, no-break (U+00A0), narrow no-break (U+202F), thin… */
export const ESPACES = /[\s\u00a0\u2007\u2009\u202f]/g;

export function sansEspaces(text: string): string {
  return text.replace(ESPACES, "");
}

/** Longest text a message quotes whole (issue 11 item 18: at most 60 characters of an argument). */
const CITATION_MAX = 60;

/**
 * What a user typed, as a message quotes it: whole when short, else its first 60 characters and its
 * length — « xxxxxxxx… (40 000 caractères) ». Décision (regles.md#technique.citation-courte; issue 7): a pasted cell holds up to
 * 32 767 characters; quoted whole, the message would be unreadable, and longer than Excel accepts in
 * one cell once written to the Constats sheet.
 */
export function citation(text: string): string {
  if (text.length <= CITATION_MAX) return text;
  let fin = 60;
  const avant = text.charCodeAt(fin - 1);
  if (avant >= 0xd800 && avant <= 0xdbff) fin--; // a character outside the BMP is not cut in two
  return `${text.slice(0, fin)}… (${formaterEntier(text.length)} caractères)`;
}

/**
 * A cell value as a French message quotes it: VRAI / FAUX for a boolean (never JavaScript's
 * « true »), a number with a decimal comma (« 2024,5 », not « 2024.5 »), a text through citation.
 */
export function citerValeur(value: unknown): string {
  if (typeof value === "boolean") return value ? "VRAI" : "FAUX";
  if (typeof value === "number") return citation(String(value).replace(".", ","));
  return citation(String(value).trim());
}
