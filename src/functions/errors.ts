/**
 * From the core's typed errors to the error values Excel shows (design.md §3): a value that cannot be
 * used is #VALUE!, a parameter the regulation cannot resolve (a December index not entered yet, a year
 * before 2023-2024) is #N/A naming what is missing. Only #VALUE! and #N/A carry a message in Excel.
 */
import { ErreurArgument, ErreurParametreManquant, formaterValeurManquante } from "../rules";
import { ErreurExcelRecue } from "./arguments";

/** Builds the error value Excel shows for any failure; never throws itself. */
export function versErreurExcel(error: unknown): CustomFunctions.Error {
  if (error instanceof CustomFunctions.Error) return error;
  if (error instanceof ErreurParametreManquant) {
    // A missing parameter value is said from its structure (what to enter in Paramètres).
    const message =
      error.valeurManquante === null ? error.message : formaterValeurManquante(error.valeurManquante);
    return new CustomFunctions.Error(CustomFunctions.ErrorCode.notAvailable, message);
  }
  if (error instanceof ErreurArgument) {
    return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, error.message);
  }
  if (error instanceof ErreurExcelRecue) {
    // A #N/A received stays #N/A (what VLOOKUP users expect); other errors cannot all be returned.
    const code =
      error.affichage === "#N/A"
        ? CustomFunctions.ErrorCode.notAvailable
        : CustomFunctions.ErrorCode.invalidValue;
    return new CustomFunctions.Error(code, error.message);
  }
  // The detail of an unexpected error is English (a library's message): not shown (issue 11 item 18).
  return new CustomFunctions.Error(
    CustomFunctions.ErrorCode.invalidValue,
    "Erreur inattendue dans la fonction ARE : vérifiez les arguments ; si elle persiste, signalez-la avec la formule utilisée.",
  );
}

/** Runs a scalar function: its result, or the error value thrown to Excel. */
export function calculer<T>(calcul: () => T): T {
  try {
    return calcul();
  } catch (error) {
    throw versErreurExcel(error);
  }
}

/**
 * Runs a function cell by cell over a range: a result of the same shape, a blank cell giving "" and a
 * cell that cannot be read giving an error value in that cell only (Excel accepts error values inside
 * a returned matrix).
 */
export function calculerParCellule<T>(
  matrice: readonly (readonly unknown[])[],
  estVide: (value: unknown) => boolean,
  calcul: (value: unknown) => T,
): (T | "" | CustomFunctions.Error)[][] {
  return matrice.map((ligne) =>
    ligne.map((value) => {
      if (estVide(value)) return "";
      try {
        return calcul(value);
      } catch (error) {
        return versErreurExcel(error);
      }
    }),
  );
}
