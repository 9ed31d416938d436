/**
 * French typography of what users read (issue 12, point 13): nothing breaks across a line inside a
 * number, a date, a school year, or between a word and the punctuation that belongs to it. The one
 * module of pane, sheets and command line: montants.ts groups digits and sets units with its spaces, the
 * pane passes every text it shows through `typographier`, and every reader of a typed number or year
 * accepts the same characters back (`texteSaisi`, nombres.ts).
 *
 * Décision (regles.md#technique.typographie; engineering choice, the regulation is silent):
 * - digits are grouped by a narrow no-break space (U+202F): « 1 234,56 » ;
 * - a no-break space (U+00A0) — one rule, the one Word's French autocorrection applies — before « : ; ! ?
 *   € % » and « », after « and n°, between « ligne » or « colonne » and its number or letter, and
 *   inside a date (« 17 mars 2023 », « décembre 2024 ») ;
 * - a non-breaking hyphen (U+2011) between two digits: school years « 2024‑2025 », « n° 2023‑087 »,
 *   months « 2024‑12 ».
 * Identifiers keep their plain characters: sheet names (« Dotations ARE 2024-2025 »), JSON, command-line
 * options, file names, formulas (libelleAnnee is an identifier, shown typographed).
 */

/** Between groups of three digits: 1 234 567. */
export const ESPACE_FINE = "\u202f";
/** Before « : ; ! ? € % », inside « », after n°, in dates. */
export const ESPACE_INSECABLE = "\u00a0";
/** Between two digits: 2024‑2025. */
export const TRAIT_INSECABLE = "\u2011";

/**
 * Each rule: what a plain space or hyphen becomes where a line must not break. Regular expression
 * literals only: a bundle that does not use `typographier` (functions.js) leaves them out.
 */
const REGLES: readonly (readonly [RegExp, string])[] = [
  // A plain space before the punctuation, unit or closing guillemet it belongs to.
  [/ +(?=[:;!?€%»])/g, ESPACE_INSECABLE],
  [/« +/g, "«" + ESPACE_INSECABLE],
  // « n° 5 », « ligne 12 », « colonne C », « lignes 3 à 5 » — and « n° » ending a text whose number
  // follows in the next one (the pane shows « n° {numero} » as two texts).
  [/\b([nN]°|lignes?|colonnes?) +(?=\d|[A-Z]{1,3}\b|$)/g, "$1" + ESPACE_INSECABLE],
  // Dates: « 1er janvier 1980 », « 17 mars 2023 », « décembre 2024 ».
  [
    /\b(\d{1,2}|1er) +(?=(?:janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre)\b)/g,
    "$1" + ESPACE_INSECABLE,
  ],
  [
    /\b(janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre) +(?=\d{4}\b)/g,
    "$1" + ESPACE_INSECABLE,
  ],
  // Between two digits: « 2024-2025 », « 2023-087 ».
  [/(\d)-(?=\d)/g, "$1" + TRAIT_INSECABLE],
  // Inside a number written with plain spaces (a hint, a value quoted as typed): « 12 345 678 ».
  [/(\d) (?=\d{3}\b)/g, "$1" + ESPACE_FINE],
];

/**
 * A text as a user reads it: the spaces and hyphens where a line must not break become their no-break
 * forms (see the module's comment). Idempotent; text without any of them is returned as is.
 */
export function typographier(texte: string): string {
  let t = texte;
  for (const [regle, remplacement] of REGLES) t = t.replace(regle, remplacement);
  return t;
}

/** Elements whose text is copied as it is: formulas, code, scripts. */
const TELS_QUELS_HTML = /^<(\/?)(code|pre|script|style|textarea)\b/i;

/**
 * The texts of an HTML page typographed — the help page, at build time (webpack.config.js) — its tags,
 * attributes, and what <code>, <pre>, <script>, <style> hold left as they are.
 */
export function typographierHtml(html: string): string {
  let telQuel = 0;
  return html.replace(/(<[^>]*>)|([^<]+)/g, (_, balise: string | undefined, texte: string | undefined) => {
    if (balise !== undefined) {
      const m = TELS_QUELS_HTML.exec(balise);
      if (m) telQuel = Math.max(0, telQuel + (m[1] === "/" ? -1 : 1));
      return balise;
    }
    return telQuel > 0 ? texte! : typographier(texte!);
  });
}

/**
 * What a user typed, as the readers of years and months read it: the non-breaking hyphen the add-in
 * displays (copied from the pane or a sheet) and a word processor's dashes become plain hyphens
 * (« 2024‑2025 », « 2024–2025 » → « 2024-2025 »). No-break spaces need nothing: `\s` matches them.
 */
export function texteSaisi(texte: string): string {
  return texte.replace(/[\u2010-\u2015\u2212]/g, "-");
}

/** A label that may wrap at its spaces but never at a hyphen (« Pré-bac » never as « Pré- / bac »). */
export function sansCoupure(libelle: string): string {
  return libelle.replace(/-/g, TRAIT_INSECABLE);
}
