/**
 * « Vérifier une liste de formations » (R4, regles.md#catalogue.liste-chargee): read the sheet where the
 * Région's list of a rentrée was pasted (task pane) or the file given (`are liste verifier`, `--liste`),
 * check it with the core, and compare it with the list in force before it for that rentrée. The same
 * use case for the pane and the command line; the sheet is only read.
 */
import {
  Catalogues,
  verifierListe,
  type AnneeScolaire,
  type ReferenceListe,
  type VerificationListe,
} from "../rules";
import type { Constat } from "../sheet";
import { columnLetter, type Progress, type Workbook } from "../workbook/port";
import { verifierAnnulation } from "./progression";

export interface OptionsListe {
  /** The rentrée the list is for. */
  readonly annee: AnneeScolaire;
  readonly reference: ReferenceListe;
  /** The lists in force before it (those already loaded included); the embedded ones by default. */
  readonly catalogues?: Catalogues;
  readonly progress?: Progress;
}

export interface ResultatListe {
  readonly feuille: string;
  readonly verification: VerificationListe;
  /** The check's findings as the other readers give theirs: the sheet, its row, its column letter. */
  readonly constats: readonly Constat[];
}

export async function verifierFeuilleListe(
  workbook: Workbook,
  feuille: string,
  options: OptionsListe,
): Promise<ResultatListe> {
  verifierAnnulation(options.progress);
  const sheet = await workbook.readSheet(feuille, options.progress);
  const verification = verifierListe(sheet.values, {
    annee: options.annee,
    reference: options.reference,
    precedente: (options.catalogues ?? Catalogues.embarques()).precedente(options.annee),
    premiereLigne: sheet.rowOffset + 1,
    premiereColonne: sheet.columnOffset,
  });
  const constats = verification.constats.map((c) => ({
    gravite: c.gravite,
    code: c.code,
    feuille: sheet.name,
    ligne: c.ligne,
    colonne: c.colonne === null ? null : columnLetter(c.colonne),
    message: c.message,
  }));
  return { feuille: sheet.name, verification, constats };
}
