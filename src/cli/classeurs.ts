/**
 * Choosing the sheets of the user's files by what they hold, as the task pane does (natureFeuille):
 * the effectif sheets of `controle`, `dotations` and `bilan modele` (a cover page or notes before the
 * data are skipped), the establishments sheet, every bilan of a workbook (a file may hold one bilan per
 * sheet), the dotations sheet of a workbook written by `are dotations --out`; and amounts typed on the
 * command line.
 */
import { isBlank } from "../grid";
import { lireMontant } from "../sheet/cells";
import { constat, type Constat } from "../sheet/constats";
import { colonnesEffectifsNonLues, colonnesEtablissementsNonLues } from "../sheet/colonnesNonLues";
import { detecterEntete } from "../sheet/columns";
import type { CorrectionColonnes } from "../sheet/types";
import { libelleAnnee, nombreDe, type AnneeScolaire, type Decimal } from "../rules";
import { verificateurDotations, type BilanAVerifier } from "../workflows/dotationRecue";
import { LIGNES_APERCU, natureFeuille, type NatureFeuille } from "../workflows/suggestions";
import {
  FileWorkbook,
  chooseSheet,
  inputSheetName,
  readSpreadsheetFile,
  type FileSheet,
  type SpreadsheetFile,
} from "../xlsx";
import { UsageError } from "./args";
import type { CliIo } from "./io";

/** What a sheet holds, judged on its first rows as the task pane judges it. */
function natureDe(sheet: FileSheet, correction?: CorrectionColonnes): NatureFeuille {
  // natureFeuille looks at the first rows only (where the header and the form are searched).
  return natureFeuille(sheet.values.slice(0, LIGNES_APERCU), correction);
}

/**
 * Is this an effectif sheet? As the task pane judges it (a formation code and an effectif, neither a
 * bilan nor a request), once the user's --colonne corrections for the file are applied, and with the
 * UAI column a dotation cannot do without: with no one to uncheck a sheet, a table by formation with
 * no establishment (a pivot table) is skipped, and named, rather than read.
 */
export function estUneFeuilleEffectifs(sheet: FileSheet, correction?: CorrectionColonnes): boolean {
  return (
    natureDe(sheet, correction) === "effectifs" &&
    Boolean(detecterEntete(sheet, correction)?.entete.colonnes.uai)
  );
}

/**
 * The sheet of a file that holds `nature`, as the task pane judges it: the one visible — the
 * establishments sheet of --etablissements, the request of `are complementaire` — else the first
 * non-empty one (its reading then says what is missing). A cover page or notes before it are skipped.
 *
 * Décision (regles.md#lecture.plusieurs-feuilles-etablissements): two visible sheets of that nature are
 * refused (code 2), never one read and the other ignored — the taux in one tab and the reliquats in
 * another, and the reliquats would not be deducted; a draft request beside the final one. The message
 * names them and says how to choose.
 */
export function feuilleDeNature(file: SpreadsheetFile, nature: "etablissements" | "demande"): FileSheet {
  const visibles = file.sheets.filter((f) => !f.hidden && f.values.length > 0 && natureDe(f) === nature);
  if (visibles.length > 1) {
    const noms = visibles.map((f) => `« ${f.name} »`).join(", ");
    throw new UsageError(
      nature === "etablissements"
        ? `« ${file.fichier} » : ${visibles.length} feuilles d'établissements (${noms}). Une seule serait lue, et les taux, reliquats ou réponses des autres perdus : réunissez leurs colonnes dans une feuille (une ligne par UAI), ou masquez celles qui ne doivent pas compter, puis relancez.`
        : `« ${file.fichier} » : ${visibles.length} demandes de dotation complémentaire (${noms}). Une demande par établissement : nommez celle à lire avec --feuille, ou masquez les autres, puis relancez.`,
    );
  }
  return visibles[0] ?? chooseSheet(file);
}

/**
 * The visible establishments sheet of an effectif file (a regional workbook: the rectorats' sheets and
 * the Région's table of taux and reliquats), or null. Two are refused as by feuilleDeNature.
 */
export function feuilleEtablissementsDuFichier(file: SpreadsheetFile): FileSheet | null {
  return feuillesEtablissementsDuFichier(file).length === 0 ? null : feuilleDeNature(file, "etablissements");
}

/** Every visible establishments sheet of a file (none is read: each is named by an alerte). */
export function feuillesEtablissementsDuFichier(file: SpreadsheetFile): FileSheet[] {
  return file.sheets.filter((f) => !f.hidden && f.values.length > 0 && natureDe(f) === "etablissements");
}

/**
 * Décision (regles.md#lecture.colonne-non-lue): the columns of a sheet of the file whose title speaks
 * of what changes an amount but is not recognised (src/sheet/colonnesNonLues.ts, shared with the task
 * pane): in the establishments sheet, a reliquat, boursiers or the survey; in an effectif sheet, the
 * pupils' status or a year. An alerte names each, and says to designate it with --colonne.
 */
export function colonnesNonLues(
  file: SpreadsheetFile,
  nom: string,
  correction?: CorrectionColonnes,
  nature: "etablissements" | "effectifs" = "etablissements",
): Constat[] {
  const sheet = file.sheets.find((f) => inputSheetName(file, f) === nom);
  const detection = sheet ? detecterEntete(sheet, correction) : null;
  if (!detection) return [];
  const nonLues = nature === "etablissements" ? colonnesEtablissementsNonLues : colonnesEffectifsNonLues;
  return nonLues(detection.entete, nom, "avec --colonne");
}

/** How many rows of a sheet hold something (spaces are nothing, as for the readers). */
export function nonBlankRows(sheet: FileSheet): number {
  let n = 0;
  for (const row of sheet.values) if (row.some((cell) => !isBlank(cell))) n++;
  return n;
}

/**
 * Adds the bilans of a file to the workbook: the sheet named by `feuille`, or every visible sheet that
 * looks like a bilan (natureFeuille, as the task pane judges it), or else the first non-empty sheet
 * (its check then says what is missing).
 *
 * Décision (regles.md#lecture.feuille-masquee): a hidden bilan sheet is skipped — often a draft or a
 * backup of the visible one, which would otherwise be read first and make the final bilan a
 * « bilan-en-double » — and named on stderr (`commentLire` says how to read it anyway).
 * It is also a « feuille-masquee » alerte of the run (`unread`), so that the --json document and the
 * written sheet, which outlive stderr, say that a bilan was not read.
 * Returns the names to pass to the workflows, with each sheet's own name and the file's.
 */
export async function ouvrirBilans(
  workbook: FileWorkbook,
  filePath: string,
  feuille: string | undefined,
  io: CliIo,
  commentLire: string,
): Promise<{ fichier: string; bilans: { nom: string; feuille: string }[]; unread: Constat[] }> {
  const file = await readSpreadsheetFile(filePath);
  const ajouter = (sheet: FileSheet) => ({ nom: workbook.addInput(file, sheet), feuille: sheet.name });
  if (feuille) return { fichier: file.fichier, bilans: [ajouter(chooseSheet(file, feuille))], unread: [] };
  const bilans = file.sheets.filter((f) => f.values.length > 0 && natureDe(f) === "bilan");
  const visibles = bilans.filter((f) => !f.hidden);
  const choisies = visibles.length > 0 ? visibles : [chooseSheet(file)];
  // A hidden bilan taken for want of another sheet (chooseSheet) is read, not reported.
  const masquees = bilans.filter((f) => f.hidden && !choisies.includes(f));
  if (masquees.length > 0) {
    const noms = masquees.map((f) => `« ${f.name} »`).join(", ");
    const quoi =
      masquees.length > 1 ? "feuilles de bilan masquées non lues" : "feuille de bilan masquée non lue";
    io.stderr(`« ${file.fichier} » : ${quoi} ${noms} (brouillon ou copie ?). ${commentLire}\n`);
  }
  // The severity is argued at CONSTATS: a hidden bilan is a sheet of what is read, not read.
  const unread = masquees.map((f) =>
    constat(
      "feuille-masquee",
      inputSheetName(file, f),
      null,
      null,
      `Feuille de bilan « ${f.name} » de « ${file.fichier} » non lue : elle est masquée (brouillon ou copie du bilan visible ?). Elle contient ${nombreDe(nonBlankRows(f), "ligne non vide", "lignes non vides")} : aucune n'est lue. ${commentLire}`,
    ),
  );
  return { fichier: file.fichier, bilans: choisies.map(ajouter), unread };
}

/**
 * The dotations sheet of a workbook written by `are dotations --out` (which also holds the constats):
 * « Dotations ARE <année> », else the first sheet named « Dotations ARE … », else the first non-empty one.
 */
export async function ouvrirDotations(
  workbook: FileWorkbook,
  filePath: string,
  annee: AnneeScolaire,
): Promise<string> {
  const file = await readSpreadsheetFile(filePath);
  const exacte = `dotations are ${libelleAnnee(annee)}`;
  const sheet =
    file.sheets.find((f) => f.name.toLowerCase() === exacte && f.values.length > 0) ??
    file.sheets.find((f) => f.name.toLowerCase().startsWith("dotations are") && f.values.length > 0) ??
    chooseSheet(file);
  return workbook.addInput(file, sheet);
}

/**
 * `--dotations` of `are bilan controle` and `are reliquats`: the check of each bilan's « Dotation
 * reçue » against the Dotations sheet of `annee` (regles.md#bilan.dotation-recue-versee), or undefined
 * without the option; what the sheet itself lacks (another year, no dotation column) goes in
 * `constats`, once.
 */
export async function verificationDotations(
  workbook: FileWorkbook,
  dotationsPath: string | undefined,
  annee: AnneeScolaire,
  constats: Constat[],
): Promise<((bilan: BilanAVerifier) => Constat[]) | undefined> {
  if (!dotationsPath) return undefined;
  const sheet = await workbook.readSheet(await ouvrirDotations(workbook, dotationsPath, annee));
  return verificateurDotations(sheet, constats);
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
