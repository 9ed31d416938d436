/**
 * Lines of a delimited file (.csv) whose values no longer sit under their titles: a decimal comma left
 * unquoted in a comma-separated file cuts « 802,50 » into 802 and 50, and every value after it moves one
 * column right — under « UAI, Réponse, Reliquat pré-bac, Taux », « 0752101B,oui,802,50,0,35 » reads a
 * reliquat of 802 € and a taux of 50 %. design.md §4: a value that cannot be read exactly is reported,
 * never truncated.
 *
 * Décision (regles.md#lecture.csv-valeurs-en-trop) : a row with values right of its header's last column is set aside whole.
 * These checks reach the readers through SheetData.delimited, given by the adapter that reads .csv files
 * (src/xlsx/workbook.ts): the task pane reads Excel's sheets, which have no separator, and does not carry
 * this code (design.md §8, the pane's weight).
 */
import { isBlank, type CellValue, type DelimitedText, type Delimiter, type Row } from "../grid";
import { afficher } from "./cells";
import { celluleTotal, estEnteteRepetee } from "./structure";

/**
 * Values right of the header's last column (`largeur`) in a row: the line was cut into more values than
 * its header has columns, so no cell of it can be trusted. Not such a row, read as usual: a total row or
 * a repeated header (their own info, never counted), and a row with nothing under the header (a note
 * right of the table, « ligne-sans-donnees »). Only called for rows longer than the header (the readers
 * compare lengths first): nothing is done per usual row.
 *
 * @param row the row, relative to the used range (as the readers see it).
 * @param largeur the header's width: its columns up to the last title or the last mapped column.
 * @param ligneEntete the header's sheet row, for the message.
 * @param consequence what becomes of the row, said in the message before what to do.
 * @returns the relative index of the first value right of the header and the message, or null.
 */
export function valeursEnTrop(
  row: Row,
  largeur: number,
  separateur: Delimiter,
  ligneEntete: number,
  consequence = "La ligne n'est pas comptée et aucune de ses valeurs n'est lue.",
): { readonly colonne: number; readonly message: string } | null {
  let premiere = -1;
  let valeurs = 0;
  for (let j = largeur; j < row.length; j++) {
    if (isBlank(row[j])) continue;
    if (premiere < 0) premiere = j;
    valeurs = j + 1;
  }
  if (premiere < 0) return null;
  let dansLeTableau = false;
  for (let j = 0; j < largeur && !dansLeTableau; j++) dansLeTableau = !isBlank(row[j]);
  if (!dansLeTableau || celluleTotal(row) >= 0 || estEnteteRepetee(row)) return null;
  const cause =
    separateur === ","
      ? `dans un fichier séparé par des virgules, c'est le plus souvent un nombre à virgule décimale écrit sans guillemets (802,50 devient 802 et 50), qui décale les valeurs suivantes. ${consequence} Mettez ces nombres entre guillemets ("802,50") ou écrivez-les avec un point (802.50)`
      : `dans un fichier séparé par des ${separateur === ";" ? "« ; »" : "tabulations"}, c'est sans doute un texte qui en contient un, écrit sans guillemets, qui décale les valeurs suivantes. ${consequence} Mettez ce texte entre guillemets`;
  return {
    colonne: premiere,
    message: `Ligne de ${valeurs} valeurs pour ${largeur} colonnes dans l'en-tête (ligne ${ligneEntete}) : ${cause}, puis relancez.`,
  };
}

/**
 * A form value (a bilan's dotation reçue, reliquat antérieur) followed in the next field by what looks
 * like its decimals: « Dotation reçue pré-bac,7949,50 » gives 7949, then 50 — a value ending in a digit,
 * then unsigned digits as the CSV reader gives them (a number, or text when they start with 0: « 05 »).
 * A note (« € », « à vérifier ») or another label is not. Only the « , » separator cuts a number.
 */
export function montantCoupe(
  separateur: Delimiter,
  valeur: CellValue | undefined,
  suite: CellValue | undefined,
): string | null {
  // String() of a number is its digits; of a blank, an error or a boolean, no match.
  if (separateur !== "," || !/\d\s*$/.test(String(valeur)) || !/^\d+$/.test(String(suite))) return null;
  const [entier, decimales] = [afficher(valeur!), afficher(suite!)];
  return `« ${entier} » suivi de « ${decimales} » : un montant à virgule écrit sans guillemets dans un fichier séparé par des virgules ? Il n'est pas lu et le reliquat de son enveloppe n'est pas calculé. Écrivez "${entier},${decimales}" entre guillemets ou ${entier}.${decimales}, puis relancez.`;
}

/** What a sheet read from a file separated by `separateur` carries (SheetData.delimited). */
export function texteDelimite(separateur: Delimiter): DelimitedText {
  return {
    separator: separateur,
    extraValues(row, width, headerRow, consequence) {
      const trop = valeursEnTrop(row, width, separateur, headerRow, consequence);
      return trop && { column: trop.colonne, message: trop.message };
    },
    splitAmount: (value, next) => montantCoupe(separateur, value, next),
  };
}
