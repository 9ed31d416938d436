/**
 * Rows that belong to the sheet's structure rather than to its data: totals and subtotals, a header
 * repeated by a paste, a title or a block of merged cells with no figures. They do not count and are
 * listed as info (design.md §4). Checked only for rows that failed to read as data, so that the
 * normalisation below never runs on the common path.
 */
import { normaliseLabel } from "../rules";
import { isBlank, type CellValue } from "../workbook/port";
import { champDeLEntete } from "./columns";
import type { CodeConstat } from "./constats";

export interface LigneDeStructure {
  readonly code: Extract<
    CodeConstat,
    "ligne-total" | "entete-repetee" | "ligne-sans-donnees" | "ligne-mal-decoupee"
  >;
  readonly message: string;
}

/** « Total », « TOTAL LYCEE X », « Sous-total », « S/Total », « Total général », « Ensemble ». */
function estLibelleTotal(value: CellValue): boolean {
  if (typeof value !== "string") return false;
  const label = normaliseLabel(value);
  return (
    label.startsWith("TOTAL") ||
    label.startsWith("SOUSTOTAL") ||
    label.startsWith("STOTAL") ||
    label === "ENSEMBLE"
  );
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
  let champsNommes = 0;
  for (const cell of row) {
    if (estLibelleTotal(cell)) {
      return {
        code: "ligne-total",
        message:
          "Ligne de total ou de sous-total : ignorée, les totaux sont recalculés à partir des lignes détaillées.",
      };
    }
    if (champDeLEntete(cell)) champsNommes++;
  }
  if (champsNommes >= 2) {
    return {
      code: "entete-repetee",
      message: "Ligne d'en-tête répétée (collage de plusieurs extractions) : ignorée.",
    };
  }
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
