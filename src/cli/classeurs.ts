/**
 * Choosing the sheets of the bilan commands in the user's files: every bilan of a workbook (a file may
 * hold one bilan per sheet), the dotations sheet of a workbook written by `are dotations --out`, and
 * amounts typed on the command line.
 */
import { lireMontant } from "../sheet/cells";
import { schoolYearLabel, type Decimal, type SchoolYear } from "../rules";
import { LIGNES_APERCU, natureFeuille } from "../workflows/suggestions";
import { FileWorkbook, chooseSheet, readSpreadsheetFile } from "../xlsx";
import { UsageError } from "./args";

/**
 * Adds the bilans of a file to the workbook: the sheet named by `feuille`, or every sheet that looks
 * like a bilan (natureFeuille, as the task pane judges it), or else the first non-empty sheet (its
 * check then says what is missing).
 * Returns the names to pass to the workflows.
 */
export async function ouvrirBilans(
  workbook: FileWorkbook,
  filePath: string,
  feuille: string | undefined,
): Promise<string[]> {
  const file = await readSpreadsheetFile(filePath);
  if (feuille) return [workbook.addInput(file, chooseSheet(file, feuille))];
  // natureFeuille looks at the first rows only (where the header and the form are searched).
  const bilans = file.sheets.filter((f) => natureFeuille(f.values.slice(0, LIGNES_APERCU)) === "bilan");
  const choisies = bilans.length > 0 ? bilans : [chooseSheet(file)];
  return choisies.map((sheet) => workbook.addInput(file, sheet));
}

/**
 * The dotations sheet of a workbook written by `are dotations --out` (which also holds the constats):
 * « Dotations ARE <année> », else the first sheet named « Dotations ARE … », else the first non-empty one.
 */
export async function ouvrirDotations(
  workbook: FileWorkbook,
  filePath: string,
  annee: SchoolYear,
): Promise<string> {
  const file = await readSpreadsheetFile(filePath);
  const exacte = `dotations are ${schoolYearLabel(annee)}`;
  const sheet =
    file.sheets.find((f) => f.name.toLowerCase() === exacte && f.values.length > 0) ??
    file.sheets.find((f) => f.name.toLowerCase().startsWith("dotations are") && f.values.length > 0) ??
    chooseSheet(file);
  return workbook.addInput(file, sheet);
}

/** `--dotation-prebac 7949,50`: an amount in euros, ≥ 0. */
export function montantOption(nom: string, texte: string | undefined): Decimal | undefined {
  if (texte === undefined) return undefined;
  const lu = lireMontant(texte, `--${nom}`);
  if (!lu.ok) {
    throw new UsageError(
      lu.negatif
        ? `--${nom} « ${texte} » : un montant positif ou nul est attendu.`
        : `--${nom} « ${texte} » illisible : écrivez un montant en euros, par exemple 7949,50.`,
    );
  }
  return lu.valeur;
}
