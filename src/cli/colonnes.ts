/**
 * `--colonne [fichier:]champ=lettre` — the user's correction of the column mapping (design.md §4:
 * « The user can always correct the mapping »), as the task pane offers it: `--colonne effectif=H`
 * reads the effectif in column H, `--colonne statut=` ignores the column taken for the statut. With
 * a file name before the colon, the correction applies to that file only.
 */
import { normaliserLibelle } from "../rules";
import type { Champ, CorrectionColonnes } from "../workflows/types";
import { UsageError } from "./args";
import { CHAMP_LABELS } from "./report";

export interface CorrectionSaisie {
  /** The file it applies to (its name as typed), or null for every file. */
  readonly fichier: string | null;
  readonly champ: Champ;
  /** 0-based column index, or null to ignore the column mapped to this field. */
  readonly colonne: number | null;
}

const CHAMPS = Object.keys(CHAMP_LABELS) as Champ[];
const BY_NAME = new Map<string, Champ>();
for (const champ of CHAMPS) {
  BY_NAME.set(normaliserLibelle(champ), champ);
  BY_NAME.set(normaliserLibelle(CHAMP_LABELS[champ]), champ);
}

/** "H" → 7, "AA" → 26. */
function columnIndex(letters: string): number {
  let index = 0;
  for (const letter of letters) index = index * 26 + (letter.charCodeAt(0) - 64);
  return index - 1;
}

export function parseColonneOption(text: string): CorrectionSaisie {
  const match = /^(?:(.+):)?([^:=]+)=\s*([A-Za-z]{0,3})\s*$/.exec(text);
  const champ = match ? BY_NAME.get(normaliserLibelle(match[2])) : undefined;
  if (!match || !champ) {
    throw new UsageError(
      `--colonne « ${text} » illisible : écrivez le champ et la lettre de sa colonne, par exemple --colonne effectif=H (champs : ${CHAMPS.join(", ")}).`,
    );
  }
  return {
    fichier: match[1]?.trim() ?? null,
    champ,
    colonne: match[3] === "" ? null : columnIndex(match[3].toUpperCase()),
  };
}

/**
 * The corrections for one input, from every --colonne that names no file or names this file (by
 * path as typed or by file name).
 */
export function correctionsFor(
  saisies: readonly CorrectionSaisie[],
  filePath: string,
  fichier: string,
): CorrectionColonnes | undefined {
  const applicable = saisies.filter(
    (f) => f.fichier === null || f.fichier === filePath || f.fichier.toLowerCase() === fichier.toLowerCase(),
  );
  if (applicable.length === 0) return undefined;
  const correction: Partial<Record<Champ, number | null>> = {};
  for (const s of applicable) correction[s.champ] = s.colonne;
  return correction;
}

/** A --colonne naming a file that is not among the inputs is a mistake worth stopping for. */
export function checkCorrectionFiles(
  saisies: readonly CorrectionSaisie[],
  inputs: readonly { path: string; fichier: string }[],
): void {
  for (const s of saisies) {
    if (s.fichier === null) continue;
    const known = inputs.some(
      (i) => i.path === s.fichier || i.fichier.toLowerCase() === s.fichier!.toLowerCase(),
    );
    if (!known) {
      throw new UsageError(
        `--colonne : le fichier « ${s.fichier} » n'est pas parmi les fichiers lus (${inputs.map((i) => i.fichier).join(", ")}).`,
      );
    }
  }
}
