/**
 * `--colonne [fichier:]champ=lettre` — the user's correction of the column mapping (design.md §4:
 * « The user can always correct the mapping »), as the task pane offers it: `--colonne effectif=H`
 * reads the effectif in column H, `--colonne statut=` ignores the column taken for the statut. With
 * a file name before the colon, the correction applies to that file only.
 */
import { normaliserLibelle } from "../rules";
import { columnLetter, isBlank } from "../grid";
import { detecterEntete } from "../sheet/columns";
import type { Champ, CorrectionColonnes } from "../workflows/types";
import type { FileSheet } from "../xlsx";
import { UsageError } from "./args";
import { CHAMP_LABELS } from "./report";

export interface CorrectionSaisie {
  /** The option as typed, to quote it. */
  readonly texte: string;
  /** The file, or the sheet, it applies to (its name as typed), or null for every file. */
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
    texte: text,
    fichier: match[1]?.trim() ?? null,
    champ,
    colonne: match[3] === "" ? null : columnIndex(match[3].toUpperCase()),
  };
}

/** Does a --colonne apply to this file (by path as typed or file name), or to this sheet of it (by name)? */
function concerne(s: CorrectionSaisie, filePath: string, fichier: string, feuille?: string): boolean {
  if (s.fichier === null || s.fichier === filePath) return true;
  const nom = s.fichier.toLowerCase();
  return nom === fichier.toLowerCase() || (feuille !== undefined && nommeLaFeuille(nom, fichier, feuille));
}

/** « Paris », or « academies.xlsx › Paris » as the messages name it (for a sheet name found in two files). */
function nommeLaFeuille(nom: string, fichier: string, feuille: string): boolean {
  return nom === feuille.toLowerCase() || nom === `${fichier} › ${feuille}`.toLowerCase();
}

/**
 * The corrections for one input, from every --colonne that names no file, names this file, or names
 * the sheet `feuille` (when given) — the last one for a field wins.
 */
export function correctionsFor(
  saisies: readonly CorrectionSaisie[],
  filePath: string,
  fichier: string,
  feuille?: string,
): CorrectionColonnes | undefined {
  return correctionDesSaisies(saisiesParChamp(saisies, filePath, fichier, feuille));
}

/** The --colonne that gives each field its column in one input (the last one naming it). */
function saisiesParChamp(
  saisies: readonly CorrectionSaisie[],
  filePath: string,
  fichier: string,
  feuille?: string,
): Map<Champ, CorrectionSaisie> {
  const parChamp = new Map<Champ, CorrectionSaisie>();
  for (const saisie of saisies)
    if (concerne(saisie, filePath, fichier, feuille)) parChamp.set(saisie.champ, saisie);
  return parChamp;
}

function correctionDesSaisies(
  parChamp: ReadonlyMap<Champ, CorrectionSaisie>,
): CorrectionColonnes | undefined {
  if (parChamp.size === 0) return undefined;
  const correction: Partial<Record<Champ, number | null>> = {};
  for (const [champ, saisie] of parChamp) correction[champ] = saisie.colonne;
  return correction;
}

/** A sheet a run reads, under the name the workflows know it by. */
export interface FeuilleCorrigee {
  readonly nom: string;
  readonly path: string;
  readonly fichier: string;
  readonly sheet: FileSheet;
  /** The establishments sheet, which reads no code, effectif, statut or year (a correction of those is not its concern). */
  readonly etablissements?: boolean;
}

const CHAMPS_DES_EFFECTIFS: ReadonlySet<Champ> = new Set<Champ>([
  "codeFormation",
  "libelleFormation",
  "effectif",
  "statut",
  "anneeFormation",
  "anneeScolaire",
  "entreeDirecte",
]);

/** The title of the header row's cell in column `index` (the header found without any correction). */
function titreDeColonne(sheet: FileSheet, index: number): string | null {
  const detection = detecterEntete(sheet);
  if (!detection) return null;
  const cell = sheet.values[detection.indexLigne]?.[index - sheet.columnOffset];
  return isBlank(cell) || typeof cell === "object" ? "" : String(cell).trim();
}

/**
 * Each sheet's corrections, by the name the workflows know it by.
 * Décision (regles.md#lecture.colonne-plusieurs-feuilles): one --colonne that would read a field from columns of
 * different titles in two sheets (« Élèves 1A » in Paris, « Année de formation » in Créteil) is refused
 * (code 2): the other sheet's effectifs were silently read from the wrong column (0930986S paid
 * 1 × 157 € instead of 30 × 157 €), while `are controle --feuille` of that sheet said 30.
 */
export function correctionsParFeuille(
  saisies: readonly CorrectionSaisie[],
  feuilles: readonly FeuilleCorrigee[],
): Record<string, CorrectionColonnes> {
  const colonnes: Record<string, CorrectionColonnes> = {};
  const lues = new Map<CorrectionSaisie, FeuilleCorrigee[]>();
  for (const f of feuilles) {
    const parChamp = saisiesParChamp(saisies, f.path, f.fichier, f.sheet.name);
    const correction = correctionDesSaisies(parChamp);
    if (correction) colonnes[f.nom] = correction;
    for (const saisie of parChamp.values())
      if (!f.etablissements || !CHAMPS_DES_EFFECTIFS.has(saisie.champ))
        lues.set(saisie, [...(lues.get(saisie) ?? []), f]);
  }
  for (const [saisie, dans] of lues) {
    if (saisie.colonne === null || dans.length < 2) continue;
    const titres = dans.map((f) => ({ f, titre: titreDeColonne(f.sheet, saisie.colonne!) }));
    const connus = titres.filter((t) => t.titre !== null);
    if (new Set(connus.map((t) => normaliserLibelle(t.titre!))).size < 2) continue;
    const lettre = columnLetter(saisie.colonne);
    // The sheet's name alone, unless another sheet read has it too (then « fichier › feuille »).
    const premiere = connus[0].f;
    const homonyme = feuilles.some(
      (f) => f !== premiere && f.sheet.name.toLowerCase() === premiere.sheet.name.toLowerCase(),
    );
    const exemple = homonyme ? `${premiere.fichier} › ${premiere.sheet.name}` : premiere.sheet.name;
    throw new UsageError(
      `--colonne « ${saisie.texte} » lirait le champ « ${CHAMP_LABELS[saisie.champ]} » dans des colonnes ${lettre} différentes : ${connus
        .map((t) => `« ${t.titre || "(sans titre)"} » dans « ${t.f.nom} »`)
        .join(
          ", ",
        )}. Une feuille serait lue dans la mauvaise colonne : précisez la feuille, par exemple --colonne "${exemple}:${saisie.champ}=${lettre}", et donnez la colonne de chaque autre feuille de la même façon.`,
    );
  }
  return colonnes;
}

/** A --colonne naming a file (or a sheet) that is not among the inputs is a mistake worth stopping for. */
export function checkCorrectionFiles(
  saisies: readonly CorrectionSaisie[],
  inputs: readonly { path: string; fichier: string; feuilles?: readonly string[] }[],
): void {
  for (const s of saisies) {
    if (s.fichier === null) continue;
    const nom = s.fichier.toLowerCase();
    const known = inputs.some(
      (i) =>
        i.path === s.fichier ||
        i.fichier.toLowerCase() === nom ||
        (i.feuilles ?? []).some((f) => nommeLaFeuille(nom, i.fichier, f)),
    );
    if (!known) {
      throw new UsageError(
        `--colonne : le fichier « ${s.fichier} » n'est pas parmi les fichiers lus (${inputs.map((i) => i.fichier).join(", ")}), ni une de leurs feuilles.`,
      );
    }
  }
}
