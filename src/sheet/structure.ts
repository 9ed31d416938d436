/**
 * Rows that belong to the sheet's structure rather than to its data: totals and subtotals, a header
 * repeated by a paste, a title or a block of merged cells with no figures. They do not count and are
 * listed as info (design.md §4). Checked only for rows that failed to read as data, so that the
 * normalisation below never runs on the common path.
 */
import { citation } from "../rules";
import { columnLetter, isBlank, type CellValue, type SheetData } from "../grid";
import { champDeLEntete, type ResultatEntete } from "./columns";
import { constat, type CodeConstat, type Constat } from "./constats";
import type { EnteteDetectee } from "./types";

export interface LigneDeStructure {
  readonly code: Extract<
    CodeConstat,
    "ligne-total" | "entete-repetee" | "entete-differente" | "ligne-sans-donnees" | "ligne-mal-decoupee"
  >;
  readonly message: string;
}

/** A letter (accented ones included): what may not touch « total » for it to be a word. */
function estLettre(code: number): boolean {
  if (code < 128) return (code | 0x20) >= 97 && (code | 0x20) <= 122;
  return code >= 0xc0 && code !== 0xd7 && code !== 0xf7;
}

/** Are the four characters before `fin` the word « sous » (any case)? « SousTotal » is a subtotal. */
function sousAvant(text: string, fin: number): boolean {
  const debut = fin - 4;
  if (debut < 0 || (debut > 0 && estLettre(text.charCodeAt(debut - 1)))) return false;
  return (
    (text.charCodeAt(debut) | 0x20) === 115 &&
    (text.charCodeAt(debut + 1) | 0x20) === 111 &&
    (text.charCodeAt(debut + 2) | 0x20) === 117 &&
    (text.charCodeAt(debut + 3) | 0x20) === 115
  );
}

/**
 * Does a text hold « total » or « totaux » as a word, in any case: « Total », « Sous-total »,
 * « SousTotal », « S/Total », « TOTAL BOULANGER », « Total Lycée B », « Grand Total », « Total
 * général », and Excel's subtotal outline « 0750655E Total », « 50022137 Total ». Not « totalement »,
 * « totalité », « totalisateur » nor a word that merely ends in it: the letters must stand alone.
 *
 * Décision (regles.md#lecture.lignes-total; design.md §4, issue 11): no formation of the annex nor of the BCN is named with the word
 * « total », and a rectorat extraction has no column where it is data; so the word anywhere in a row
 * makes it a total row, even with a valid UAI and code. Scanned character by character, without a
 * regular expression nor a normalised copy: every row of a sheet is checked (design.md §8).
 */
export function contientMotTotal(text: string): boolean {
  const n = text.length;
  for (let i = 0; i + 5 <= n; i++) {
    if ((text.charCodeAt(i) | 0x20) !== 116) continue; // t
    if (
      (text.charCodeAt(i + 1) | 0x20) !== 111 || // o
      (text.charCodeAt(i + 2) | 0x20) !== 116 || // t
      (text.charCodeAt(i + 3) | 0x20) !== 97 // a
    )
      continue;
    const quatrieme = text.charCodeAt(i + 4) | 0x20;
    let fin: number;
    if (quatrieme === 108)
      fin = i + 5; // total
    else if (quatrieme === 117 && i + 6 <= n && (text.charCodeAt(i + 5) | 0x20) === 120)
      fin = i + 6; // totaux
    else continue;
    if (fin < n && estLettre(text.charCodeAt(fin))) continue;
    if (i === 0 || !estLettre(text.charCodeAt(i - 1)) || sousAvant(text, i)) return true;
  }
  return false;
}

const ENSEMBLE = /^\s*ensemble\s*[:.]?\s*$/i;

/** « Total … » anywhere in the cell (contientMotTotal), or a cell that reads « Ensemble » alone. */
export function estLibelleTotal(value: CellValue | undefined): boolean {
  if (typeof value !== "string") return false;
  if (contientMotTotal(value)) return true;
  // « Ensemble » alone: its first letter is checked before any regular expression (every row is scanned).
  const premier = value.charCodeAt(0) | 0x20;
  return (premier === 101 || premier === 32) && value.length <= 24 && ENSEMBLE.test(value);
}

/** The index of the first cell of a row that makes it a total or subtotal row, or -1. */
export function celluleTotal(row: readonly CellValue[]): number {
  for (let j = 0; j < row.length; j++) {
    const cell = row[j];
    if (typeof cell === "string" && cell.length >= 5 && estLibelleTotal(cell)) return j;
  }
  return -1;
}

/** Distinct texts whose verdict a LibellesTotal remembers: far above the labels of an extraction. */
const LIBELLES_RETENUS = 65_536;

/**
 * celluleTotal for every row of a sheet, each text's verdict remembered: an extraction repeats the same
 * few hundred texts (UAI, establishment name, code, libellé, status) on every row, and scanning each of
 * them character by character was the largest cost of reading a row (docs/performance.md). A Map lookup
 * reuses the hash the string already carries. The verdict is estLibelleTotal's, unchanged. Past
 * LIBELLES_RETENUS distinct texts (a column of unique comments), new texts are scanned without being
 * remembered, so that memory never follows the sheet's size.
 */
export class LibellesTotal {
  private readonly verdicts = new Map<string, boolean>();
  /**
   * Per column, the last text found not to be a total: consecutive rows of an establishment repeat
   * its UAI, name and status, which are then settled by one comparison, without a lookup.
   */
  private readonly derniers: (string | undefined)[] = [];

  /**
   * The index of the first cell of a row that makes it a total or subtotal row, or -1; only the cells
   * of `colonnes` when given (a bilan's own columns: see LecteurBase.colonnesDesTotaux).
   */
  celluleTotal(row: readonly CellValue[], colonnes?: readonly number[]): number {
    const n = colonnes ? colonnes.length : row.length;
    for (let k = 0; k < n; k++) {
      const j = colonnes ? colonnes[k] : k;
      const cell = row[j];
      if (typeof cell !== "string" || cell.length < 5 || cell === this.derniers[j]) continue;
      let total = this.verdicts.get(cell);
      if (total === undefined) {
        total = estLibelleTotal(cell);
        if (this.verdicts.size < LIBELLES_RETENUS) this.verdicts.set(cell, total);
      }
      if (total) return j;
      this.derniers[j] = cell;
    }
    return -1;
  }
}

/** The message of « ligne-total », quoting the cell that says so. */
export function messageLigneTotal(cellule: string): string {
  return `Ligne de total ou de sous-total (« ${citation(cellule.trim())} ») : ignorée, les totaux sont recalculés à partir des lignes détaillées. Si c'est une vraie ligne de données, retirez le mot « total » de cette cellule, puis relancez.`;
}

/**
 * A row whose only non-blank cell holds several values joined by another separator than the file's —
 * a CSV that mixes « ; » and « , » lines. Such a row is data that could not be split, not a title:
 * an erreur, not an info.
 */
const UAI_OU_CODE = /^\s*['"]?(?:\d{7}[A-Za-z]|\d{8})['"]?\s*$/;

function separateurRestant(row: readonly CellValue[]): string | null {
  let texte: string | null = null;
  for (const cell of row) {
    if (isBlank(cell)) continue;
    if (texte !== null || typeof cell !== "string") return null;
    texte = cell;
  }
  if (texte === null) return null;
  for (const separateur of [";", ",", "\t"]) {
    const parts = texte.split(separateur);
    // A UAI or a code formation among the parts: data, not a note such as « Source : rectorat, 2023 ».
    if (parts.length >= 3 && parts.some((part) => UAI_OU_CODE.test(part))) {
      return separateur === "\t" ? "tabulation" : separateur;
    }
  }
  return null;
}

/** A header repeated by a paste: two cells or more name known columns. */
/** The message of « entete-repetee ». */
export const MESSAGE_ENTETE_REPETEE = "Ligne d'en-tête répétée (collage de plusieurs extractions) : ignorée.";

export function estEnteteRepetee(row: readonly CellValue[]): boolean {
  let champsNommes = 0;
  for (const cell of row) if (champDeLEntete(cell)) champsNommes++;
  return champsNommes >= 2;
}

/**
 * @param colonnesCles relative indices of the columns that carry the row's data (code and effectif of
 *   an effectif sheet, the values of an establishments sheet): a row blank in all of them has no data.
 * @param aCompleter what such a row would need to count, for the message: « code formation et effectif ».
 */
export function ligneDeStructure(
  row: readonly CellValue[],
  colonnesCles: readonly number[],
  aCompleter: string,
): LigneDeStructure | null {
  const total = celluleTotal(row);
  if (total >= 0) return { code: "ligne-total", message: messageLigneTotal(row[total] as string) };
  if (estEnteteRepetee(row)) return { code: "entete-repetee", message: MESSAGE_ENTETE_REPETEE };
  if (colonnesCles.every((index) => index < 0 || isBlank(row[index]))) {
    const separateur = separateurRestant(row);
    if (separateur !== null) {
      return {
        code: "ligne-mal-decoupee",
        message: `Ligne dont toutes les valeurs sont dans une seule cellule, séparées par « ${separateur} » : le fichier mélange les séparateurs (« ; » et « , »). Elle ne compte pas : corrigez le séparateur de cette ligne dans le fichier, puis relancez.`,
      };
    }
    return {
      code: "ligne-sans-donnees",
      message: `Ligne sans données à compter (titre, cellules fusionnées ?) : ignorée. Si elle devait compter, complétez-la (${aCompleter}).`,
    };
  }
  return null;
}

/**
 * The width of a table, as relative columns from the used range's first: up to the header's last title,
 * or further right when the user mapped a field to a column without a title (its values are data).
 */
export function largeurDuTableau(
  sheet: SheetData,
  detection: Pick<ResultatEntete, "indexLigne" | "entete">,
): number {
  const entete = sheet.values[detection.indexLigne];
  let largeur = entete.length;
  while (largeur > 0 && isBlank(entete[largeur - 1])) largeur--;
  for (const colonne of colonnesLues(sheet, detection.entete)) largeur = Math.max(largeur, colonne + 1);
  return largeur;
}

/**
 * The width of a table's rows, as relative columns from the used range's first: up to the last column
 * the header maps, and the titled columns right after it. Narrower than largeurDuTableau, which goes to
 * the header's last title: a column further right, past an untitled one, is a note or a second table
 * beside the rows (« Récapitulatif … Total 66 »), whose words say nothing of them
 * (regles.md#lecture.lignes-total), while a .csv line is still cut to the header's whole width.
 */
export function largeurDesLignes(
  sheet: SheetData,
  detection: Pick<ResultatEntete, "indexLigne" | "entete">,
): number {
  const entete = sheet.values[detection.indexLigne];
  let fin = Math.max(-1, ...colonnesLues(sheet, detection.entete));
  while (!isBlank(entete[fin + 1])) fin++;
  return fin + 1;
}

/** The columns a header maps to fields, as relative indices from the used range's first, in order. */
export function colonnesLues(sheet: SheetData, entete: EnteteDetectee): number[] {
  const colonnes: number[] = [];
  for (const colonne of Object.values(entete.colonnes))
    if (colonne) colonnes.push(colonne.index - sheet.columnOffset);
  return colonnes.sort((a, b) => a - b);
}

/**
 * For a reader that takes one row's values outside LecteurBase (the dotations sheet of a bilan template,
 * the establishments sheet the reliquats are carried into): in a sheet read from a .csv, is the row's
 * line cut into more values than its header has columns (SheetData.delimited)? Then its erreur
 * « ligne-mal-decoupee », which says `consequence`, is added to `constats` and true returned.
 */
export function signalerLigneCoupee(
  sheet: SheetData,
  detection: Pick<ResultatEntete, "indexLigne" | "entete">,
  row: readonly CellValue[],
  ligne: number,
  constats: Constat[],
  consequence: string,
): boolean {
  const trop = sheet.delimited?.extraValues(
    row,
    largeurDuTableau(sheet, detection),
    detection.entete.ligne,
    consequence,
  );
  if (!trop) return false;
  const colonne = columnLetter(trop.column + sheet.columnOffset);
  constats.push(constat("ligne-mal-decoupee", sheet.name, ligne, colonne, trop.message));
  return true;
}
