/**
 * Text normalisation shared by every place that matches what a user typed (categories, column
 * headers, yes/no answers): case, accents, spaces and punctuation are ignored.
 */

/** "3e Prépa-Métiers" → "3EPREPAMETIERS"; "N° UAI" → "NUAI". */
export function normaliseLabel(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toUpperCase()
    .replace(/[^0-9A-Z]/g, "");
}

/** Every kind of space a paste can bring: regular, no-break (U+00A0), narrow no-break (U+202F), thin… */
export const ANY_SPACE = /[\s\u00a0\u2007\u2009\u202f]/g;

export function removeSpaces(text: string): string {
  return text.replace(ANY_SPACE, "");
}
