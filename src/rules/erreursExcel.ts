/**
 * Excel's error values: as Excel's programming interface and the file format spell them (in
 * English), and as French Excel shows them to the finance officers who read our messages. Here, in the bottom layer with
 * src/grid, so that every message quoting one — the readers of sheets and of the list of
 * formations, the functions' errors — says it the same way, and the file readers and writers take
 * their list from it.
 */

/** Each error value with the name French Excel displays. The one list of the project. */
export const EXCEL_ERRORS: ReadonlyMap<string, string> = new Map([
  ["#N/A", "#N/A"],
  ["#VALUE!", "#VALEUR!"],
  ["#REF!", "#REF!"],
  ["#DIV/0!", "#DIV/0!"],
  ["#NUM!", "#NOMBRE!"],
  ["#NAME?", "#NOM?"],
  ["#NULL!", "#NUL!"],
  // Newer values (dynamic arrays, linked data types), which only a running Excel shows.
  ["#SPILL!", "#PROPAGATION!"],
  ["#CALC!", "#CALC!"],
  ["#FIELD!", "#CHAMP!"],
  ["#BLOCKED!", "#BLOQUÉ!"],
  ["#CONNECT!", "#CONNEXION!"],
  ["#BUSY!", "#OCCUPÉ!"],
  ["#UNKNOWN!", "#INCONNU!"],
  ["#GETTING_DATA", "#ATTENTE_DONNÉES"],
]);

/** The name French Excel shows for an error value (« #VALEUR! » for #VALUE!); an unknown one as it is. */
export function nomFrancaisErreur(code: string): string {
  return EXCEL_ERRORS.get(code) ?? code;
}

/** The seven classic error values: the only ones a file stores as an error (`t="e"`). */
export const CLASSIC_EXCEL_ERRORS: ReadonlySet<string> = new Set([
  "#N/A",
  "#VALUE!",
  "#REF!",
  "#DIV/0!",
  "#NUM!",
  "#NAME?",
  "#NULL!",
]);
