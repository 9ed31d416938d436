/**
 * What can go wrong with a file the user names: missing, not a spreadsheet, damaged, empty… Each case
 * carries a French message that names the file and says what to do; the CLI prints it and exits 2,
 * never a stack trace.
 */
export type FileProblem =
  | "introuvable"
  | "illisible"
  | "pas-un-tableur"
  | "format-non-pris-en-charge"
  | "endommage"
  | "trop-volumineux"
  | "vide"
  | "feuille-introuvable"
  | "feuille-vide"
  | "csv-invalide"
  | "ecriture-impossible";

export class SpreadsheetFileError extends Error {
  constructor(
    readonly probleme: FileProblem,
    message: string,
  ) {
    super(message);
    this.name = "SpreadsheetFileError";
  }
}

export function isSpreadsheetFileError(error: unknown): error is SpreadsheetFileError {
  return error instanceof SpreadsheetFileError;
}

/** The Node error code of a failed fs call (ENOENT, EACCES…), if any. */
export function systemErrorCode(error: unknown): string | undefined {
  return typeof error === "object" && error !== null && "code" in error
    ? String((error as { code: unknown }).code)
    : undefined;
}
