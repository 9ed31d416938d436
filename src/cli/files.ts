/**
 * The files a command reads and writes: each input file is opened (its sheet chosen) into one
 * FileWorkbook; the output path is checked before any work, so that an input file is never
 * overwritten and a wrong --out fails fast.
 */
import { promises as fs } from "fs";
import * as path from "path";
import { formaterDecimal, nombreDe, Decimal } from "../rules";
import { constat, type Constat } from "../sheet/constats";
import type { CorrectionColonnes } from "../workflows/types";
import {
  FileWorkbook,
  SpreadsheetFileError,
  chooseSheet,
  inputSheetName,
  readSpreadsheetFile,
  type FileSheet,
  type SpreadsheetFile,
} from "../xlsx";
import type { Progress } from "../workbook/port";
import { UsageError } from "./args";
import {
  colonnesNonLues,
  estUneFeuilleEffectifs,
  feuilleDeNature,
  feuilleEtablissementsDuFichier,
  feuillesEtablissementsDuFichier,
  nonBlankRows,
} from "./classeurs";
import { progressReporter, type CliIo } from "./io";

/** The --colonne corrections of one sheet of the file, by its name (a --colonne may name the sheet). */
export type CorrectionDeFeuille = (feuille: string) => CorrectionColonnes | undefined;

/** Files above this size take long enough to read for a word on stderr to help. */
const ANNOUNCE_BYTES = 2 * 1024 * 1024;

export interface OpenedInput {
  readonly file: SpreadsheetFile;
  /** The sheet's name in the workbook, to pass to the workflows. */
  readonly feuille: string;
}

async function sizeOf(filePath: string): Promise<number> {
  try {
    return (await fs.stat(filePath)).size;
  } catch {
    return 0; // readSpreadsheetFile reports the real problem.
  }
}

/**
 * Reads a file. When progress is shown, a large one says how far its reading is, on stderr
 * (« Lecture de « effectifs.xlsx » (35,1 Mo) : 45 % »): a full sheet takes a few seconds.
 */
async function readInput(filePath: string, io: CliIo, showProgress: boolean): Promise<SpreadsheetFile> {
  let progress: Progress | undefined;
  if (showProgress) {
    const size = await sizeOf(filePath);
    if (size >= ANNOUNCE_BYTES) {
      const mo = formaterDecimal(new Decimal(size).dividedBy(1024 * 1024), 1);
      progress = progressReporter(io, true)?.(`Lecture de « ${path.basename(filePath)} » (${mo} Mo)`, false);
    }
  }
  return readSpreadsheetFile(filePath, progress?.onProgress);
}

/**
 * Which sheet of a file to read: the one named by --feuille, else the first visible one that holds
 * `nature` (feuilleDeNature: a cover page before it is skipped), else the first non-empty one.
 */
export interface ChoixFeuille {
  readonly feuille?: string;
  readonly nature?: "etablissements" | "demande";
}

/** Opens one file and adds its sheet (ChoixFeuille) to the workbook. */
export async function openInput(
  workbook: FileWorkbook,
  filePath: string,
  { feuille, nature }: ChoixFeuille,
  io: CliIo,
  showProgress: boolean,
): Promise<OpenedInput> {
  const file = await readInput(filePath, io, showProgress);
  const sheet =
    feuille === undefined && nature !== undefined
      ? feuilleDeNature(file, nature)
      : chooseSheet(file, feuille);
  return { file, feuille: workbook.addInput(file, sheet) };
}

export interface OpenedEffectifs {
  readonly file: SpreadsheetFile;
  /** The sheets' names in the workbook, to pass to the workflows. */
  readonly feuilles: readonly string[];
  /** One constat per non-empty sheet left unread (unreadSheetFinding), to add to the run's constats. */
  readonly unread: readonly Constat[];
}

/**
 * Whether the command has --feuille, to say how a skipped sheet can be read anyway: `are bilan modele`
 * has not (only --colonne, whose corrections apply to the sheets it reads).
 */
export type SheetOption = "feuille" | "none";

/**
 * The effectif sheets of a file: the sheets named by --feuille (each name may be in some files only; a
 * file with none of them is an error), or else every visible sheet that is an effectif sheet as the
 * task pane judges it (estUneFeuilleEffectifs) — a cover sheet, notes or a pivot table before the data
 * are skipped, and named on stderr so that the user knows what was not read. A file with no such sheet
 * gives its first non-empty sheet, whose reading then says what is missing.
 *
 * Décision (regles.md#lecture.feuille-masquee; issue 11 item 15): a hidden sheet is skipped (and named) even when it has effectifs —
 * often a backup copy of a visible one, whose rows would be counted twice; --feuille reads it.
 * Each skipped non-empty sheet is also a constat of the run (unreadSheetFinding): stderr is gone once
 * the command has run, while the --json document and the Constats sheet of --out are what is kept.
 * Sheets left out by --feuille give none: the user chose them.
 */
function effectifSheets(
  file: SpreadsheetFile,
  feuilles: readonly string[],
  correction: CorrectionDeFeuille,
  io: CliIo,
  option: SheetOption,
  etablissements: FeuilleEtablissementsDuFichier | null = null,
): { sheets: FileSheet[]; unread: Constat[] } {
  if (feuilles.length > 0) {
    const wanted = new Set(feuilles.map((f) => f.trim().toLowerCase()));
    const named = file.sheets.filter((f) => wanted.has(f.name.toLowerCase()));
    // chooseSheet gives the messages: a name absent from the file, or an empty sheet.
    const sheets =
      named.length > 0 ? named.map((f) => chooseSheet(file, f.name)) : [chooseSheet(file, feuilles[0])];
    return { sheets, unread: [] };
  }
  const nonVides = file.sheets.filter((f) => f.values.length > 0);
  // Hidden sheets are judged too: a hidden sheet of effectifs is an alerte, hidden notes an info.
  const deEffectifs = new Set(nonVides.filter((f) => estUneFeuilleEffectifs(f, correction(f.name))));
  let choisies = nonVides.filter((f) => !f.hidden && deEffectifs.has(f));
  if (choisies.length === 0) choisies = [chooseSheet(file)];
  // The establishments sheet of an `are dotations` file: read (--etablissements names the file), or
  // an alerte of its own — never « page de garde, notes » (regles.md#lecture.feuille-etablissements-du-classeur).
  const etabs = etablissements?.feuilles ?? [];
  const ignorees = nonVides.filter((f) => !choisies.includes(f) && !etabs.includes(f));
  if (ignorees.length > 0) io.stderr(feuillesIgnorees(file, ignorees, option));
  const unread = ignorees.flatMap((f) => unreadSheetFinding(file, f, deEffectifs.has(f), option) ?? []);
  for (const etab of etabs) {
    if (etablissements!.lue || choisies.includes(etab)) continue;
    const finding = etablissementsNonLus(file, etab, etablissements!.autreFichier);
    io.stderr(finding.message + "\n");
    unread.push(finding);
  }
  return { sheets: choisies, unread };
}

/** The visible establishments sheet of an effectif file, and whether the command reads it. */
interface FeuilleEtablissementsDuFichier {
  /** The sheet read (lue), or every visible establishments sheet, each named by an alerte. */
  readonly feuilles: readonly FileSheet[];
  readonly lue: boolean;
  /** The file --etablissements names instead, when it names another one. */
  readonly autreFichier?: string;
}

/**
 * The alerte of an establishments sheet left in an effectif file that --etablissements does not name:
 * its taux, reliquats and answers are not read, so reliquats are not deducted and non-respondents paid.
 */
function etablissementsNonLus(file: SpreadsheetFile, sheet: FileSheet, autreFichier?: string): Constat {
  const lignes = nombreDe(nonBlankRows(sheet), "ligne non vide", "lignes non vides");
  // With another --etablissements file, « relancez avec --etablissements » would be the option given.
  const quoiFaire =
    autreFichier === undefined
      ? `relancez avec --etablissements "${file.fichier}"`
      : `les valeurs lues sont celles de « ${autreFichier} » ; si ce sont celles de cette feuille qui valent, relancez avec --etablissements "${file.fichier}" à la place`;
  return constat(
    "feuille-etablissements-non-lue",
    inputSheetName(file, sheet),
    null,
    null,
    `Feuille « ${sheet.name} » de « ${file.fichier} » non lue : c'est une feuille des établissements (taux de boursiers, reliquats, réponse à l'enquête ; ${lignes}), qui n'est lue que si son fichier est donné avec --etablissements. Ses reliquats ne sont pas déduits et ses taux ni ses réponses pris en compte : ${quoiFaire}.`,
  );
}

/**
 * Opens an effectif file and adds its effectif sheets (effectifSheets) to the workbook.
 * `etablissements` (are dotations): the file's visible establishments sheet, if it has one, is added
 * too when true (the file is also --etablissements: `etablissements` gives its name), or reported with
 * an alerte when false — which names `autreFichierEtablissements`, the file --etablissements gives
 * instead, if any; undefined (controle, bilan modele), it is one unread sheet among others.
 */
export async function openEffectifs(
  workbook: FileWorkbook,
  filePath: string,
  feuilles: readonly string[],
  correction: CorrectionDeFeuille,
  io: CliIo,
  showProgress: boolean,
  option: SheetOption = "feuille",
  etablissements?: boolean,
  autreFichierEtablissements?: string,
): Promise<OpenedEffectifs & { readonly etablissements?: string }> {
  const file = await readInput(filePath, io, showProgress);
  // Two visible establishments sheets are refused only when the file is the --etablissements one.
  const etab = etablissements === true ? feuilleEtablissementsDuFichier(file) : null;
  const { sheets, unread } = effectifSheets(
    file,
    feuilles,
    correction,
    io,
    option,
    etablissements === undefined
      ? null
      : etablissements
        ? { feuilles: etab === null ? [] : [etab], lue: true }
        : {
            feuilles: feuillesEtablissementsDuFichier(file),
            lue: false,
            autreFichier: autreFichierEtablissements,
          },
  );
  const noms = sheets.map((sheet) => workbook.addInput(file, sheet));
  unread.push(...noms.flatMap((nom, i) => nonLues(file, nom, correction(sheets[i].name))));
  if (etab === null || sheets.includes(etab)) return { file, feuilles: noms, unread };
  return { file, feuilles: noms, unread, etablissements: workbook.addInput(file, etab) };
}

/**
 * Opens an effectif file for `are controle`, which checks one sheet: the one named by --feuille, or the
 * first effectif sheet (effectifSheets); the others are named on stderr with how to check them.
 */
export async function openEffectifSheet(
  workbook: FileWorkbook,
  filePath: string,
  feuille: string | undefined,
  correction: CorrectionDeFeuille,
  io: CliIo,
  showProgress: boolean,
): Promise<OpenedInput & { readonly unread: readonly Constat[] }> {
  const file = await readInput(filePath, io, showProgress);
  const {
    sheets: [premiere, ...autres],
    unread,
  } = effectifSheets(file, feuille === undefined ? [] : [feuille], correction, io, "feuille");
  const nonControlees = autresFeuillesNonControlees(
    io,
    "controle",
    file.fichier,
    premiere.name,
    autres.map((f) => f.name),
    ["feuille d'effectifs", "feuilles d'effectifs"],
  );
  const nom = workbook.addInput(file, premiere);
  const colonnes = nonLues(file, nom, correction(premiere.name));
  return { file, feuille: nom, unread: [...unread, ...nonControlees, ...colonnes] };
}

/** An effectif sheet's columns whose title speaks of a status or a year but is not read (colonnesNonLues). */
const nonLues = (file: SpreadsheetFile, nom: string, correction: CorrectionColonnes | undefined) =>
  colonnesNonLues(file, nom, correction, "effectifs");

/**
 * One sheet is checked per run (`are controle`, `are bilan controle`). The other sheets of its kind are
 * named on stderr, and each is a « feuille-non-lue » info of the check: the summary, the --json
 * document and the written constats say it was not checked, and how to check it.
 */
export function autresFeuillesNonControlees(
  io: CliIo,
  commande: "controle" | "bilan controle",
  fichier: string,
  controlee: string,
  autres: readonly string[],
  [une, des]: readonly [string, string],
): Constat[] {
  if (autres.length === 0) return [];
  const noms = autres.map((nom) => `« ${nom} »`).join(", ");
  const comment = autres.length === 1 ? "l'autre se contrôle" : "les autres se contrôlent";
  io.stderr(
    `« ${fichier} » : ${nombreDe(autres.length + 1, une, des)} ; « ${controlee} » est contrôlée, ${comment} avec --feuille : ${noms}.\n`,
  );
  return autres.map((nom) =>
    constat(
      "feuille-non-lue",
      `${fichier} › ${nom}`,
      null,
      null,
      `Feuille « ${nom} » de « ${fichier} » non contrôlée : une commande contrôle une ${une}, ici « ${controlee} ». Pour la contrôler : are ${commande} "${fichier}" --feuille "${nom}".`,
    ),
  );
}

/**
 * A workflow's result with the constats of the sheets the command left unread put first: they then
 * reach the summary's counts, the --json document and the written constats, as the workflow's own do.
 * The workflows never see them: the task pane lists every sheet for the user to tick.
 */
export function withUnread<R extends { readonly constats: readonly Constat[] }>(
  resultat: R,
  unread: readonly Constat[],
): R {
  return unread.length === 0 ? resultat : { ...resultat, constats: [...unread, ...resultat.constats] };
}

/** What a skipped sheet lacks, in the words of stderr and of its constat. */
const ENTETE = "en-tête UAI, code formation, effectif dans ses 30 premières lignes";

function feuillesIgnorees(
  file: SpreadsheetFile,
  ignorees: readonly FileSheet[],
  option: SheetOption,
): string {
  const liste = ignorees.map((f) => `« ${f.name} » (${f.hidden ? "masquée" : `pas d'${ENTETE}`})`).join(", ");
  const quoi = ignorees.length > 1 ? "feuilles non lues" : "feuille non lue";
  const comment =
    option === "feuille"
      ? "Pour en lire une quand même, nommez-la avec --feuille."
      : "Pour en lire une quand même, affichez-la dans Excel, ou donnez-lui un en-tête UAI, code formation, effectif.";
  return `« ${file.fichier} » : ${quoi} ${liste}. ${comment}\n`;
}

/**
 * The constat of an effectif file's sheet left unread: which file and sheet, why, how many non-blank
 * rows it holds, and how to have it read. A hidden sheet that is an effectif sheet is a
 * « feuille-masquee » alerte — its rows, possibly a rectorat's, are neither counted nor listed; any
 * other sheet (cover page, notes, pivot table, hidden or not) a « feuille-non-lue » info: the file's
 * structure (the severities are argued at CONSTATS). Null for a sheet of blank cells only.
 */
function unreadSheetFinding(
  file: SpreadsheetFile,
  sheet: FileSheet,
  deEffectifs: boolean,
  option: SheetOption,
): Constat | null {
  const lignes = nonBlankRows(sheet);
  if (lignes === 0) return null;
  const ou = inputSheetName(file, sheet);
  const contient = `Elle contient ${nombreDe(lignes, "ligne non vide", "lignes non vides")}`;
  const nommer = `nommez-la avec --feuille "${sheet.name}" (seules les feuilles nommées sont alors lues)`;
  if (sheet.hidden && deEffectifs) {
    const comment = option === "feuille" ? `${nommer} ou affichez-la dans Excel` : "affichez-la dans Excel";
    return constat(
      "feuille-masquee",
      ou,
      null,
      null,
      `Feuille « ${sheet.name} » de « ${file.fichier} » non lue : elle est masquée (souvent une copie de sauvegarde d'une feuille visible, dont les lignes seraient comptées deux fois). ${contient}, avec un en-tête d'effectifs : aucune n'est comptée. Si elle doit compter, ${comment}, puis relancez.`,
    );
  }
  const pourquoi = sheet.hidden ? `elle est masquée, sans ${ENTETE}` : `pas d'${ENTETE}`;
  const comment =
    option === "feuille"
      ? `donnez-lui un en-tête UAI, code formation, effectif, ou ${nommer} et désignez ses colonnes avec --colonne`
      : "donnez-lui un en-tête UAI, code formation, effectif";
  return constat(
    "feuille-non-lue",
    ou,
    null,
    null,
    `Feuille « ${sheet.name} » de « ${file.fichier} » non lue : ${pourquoi} (page de garde, notes, tableau croisé ?). ${contient}. Si elle contient des effectifs, ${comment}, puis relancez.`,
  );
}

/**
 * Checks --out before anything is computed: a .xlsx name, in an existing folder, and never one of
 * the input files (the user's files are never modified).
 */
export async function checkOutputPath(out: string, inputs: readonly string[]): Promise<void> {
  if (path.extname(out).toLowerCase() !== ".xlsx") {
    throw new UsageError(`--out « ${out} » : le classeur de résultats doit avoir l'extension .xlsx.`);
  }
  const target = path.resolve(out);
  for (const input of inputs) {
    if (path.resolve(input) === target) {
      throw new UsageError(
        `--out « ${out} » désigne un fichier lu : les fichiers d'entrée ne sont jamais modifiés, choisissez un autre nom.`,
      );
    }
  }
  const directory = path.dirname(target);
  try {
    if (!(await fs.stat(directory)).isDirectory()) throw new Error("pas un dossier");
  } catch {
    throw new SpreadsheetFileError(
      "ecriture-impossible",
      `Impossible d'écrire « ${out} » : le dossier « ${path.dirname(out)} » n'existe pas.`,
    );
  }
}
