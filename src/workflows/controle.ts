/**
 * « Contrôler une feuille d'effectifs »: read one pasted sheet as the dotation would, and say row by row
 * what counts and what does not, without computing any amount (a gestionnaire checks their sheet, the
 * Pôle Lycées checks a rectorat's extraction before the run).
 */
import { LecteurEffectifs, SessionLecture } from "../sheet";
import type { Workbook } from "../workbook/port";
import { lireParTranches, verifierAnnulation } from "./progression";
import type { OptionsControle, ResultatControle } from "./types";

export async function controlerFeuille(
  workbook: Workbook,
  feuille: string,
  options: OptionsControle,
): Promise<ResultatControle> {
  const session = new SessionLecture(options.annee, options.catalogues);
  verifierAnnulation(options.progress);
  const sheet = await workbook.readSheet(feuille, options.progress);
  const lecteur = new LecteurEffectifs(sheet, session, { correction: options.colonnes });
  await lireParTranches([lecteur], options.progress);
  return {
    feuille: sheet.name,
    annee: options.annee,
    liste: session.catalogue,
    entete: lecteur.entete,
    correctionSuivie: lecteur.correctionSuivie,
    lignes: lecteur.bilan(),
    effectifs: { ...lecteur.effectifs },
    constats: session.constats,
  };
}
