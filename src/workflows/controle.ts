/**
 * « Contrôler une feuille d'effectifs »: read one pasted sheet as the dotation would, and say row by row
 * what counts and what does not, without computing any amount (a gestionnaire checks their sheet, the
 * Pôle Lycées checks a rectorat's extraction before the run).
 */
import { nombreDe } from "../rules";
import { LecteurEffectifs, SessionLecture, constat, type Constat } from "../sheet";
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
    etablissements: session.registre,
  };
}

/** « Donnez-le … »: where a taux de boursiers is given, for the constats below. */
const OU_DONNER_LE_TAUX =
  "Donnez-le dans la feuille des établissements ou dans une colonne « Taux de boursiers ».";

/**
 * Décision (regles.md#controle.post-bac-sans-taux): post-bac pupils are paid only through their
 * establishment's taux de boursiers (R8). A sheet without it is not wrong — the taux usually comes with
 * the établissements sheet — but « aucune erreur » alone reads as « paid in full ». A sheet with no taux
 * column at all (a rectorat's extraction: every lycée with a BTS) gets one alerte for the sheet, not one
 * per lycée; a sheet with a taux column, one per establishment whose taux is missing there. An
 * unreadable taux already has its erreur. Called by `are controle` and by the pane's Contrôle, which
 * both say attentionPostBacSansTaux beside the result.
 */
export function constatsPostBacSansTaux(resultat: ResultatControle): {
  readonly constats: Constat[];
  /** The post-bac pupils of those establishments, all together. */
  readonly eleves: number;
} {
  const sansTaux = resultat.etablissements
    .liste()
    .filter((e) => e.postBac > 0 && e.taux === null && e.illisibles.taux === undefined);
  let eleves = 0;
  for (const e of sansTaux) eleves += e.postBac;
  const colonnes = resultat.entete?.colonnes ?? {};
  const colonneTaux = colonnes.tauxBoursiers !== undefined || colonnes.boursiers !== undefined;
  if (!colonneTaux && sansTaux.length > 1) {
    const message = `${nombreDe(eleves, "élève post-bac", "élèves post-bac")} de 1re année, dans ${nombreDe(sansTaux.length, "établissement")} : sans le taux de boursiers de leur établissement, absent de cette feuille, leur ligne post-bac ne sera pas calculée. ${OU_DONNER_LE_TAUX}`;
    return { constats: [constat("post-bac-sans-taux", resultat.feuille, null, null, message)], eleves };
  }
  const constats = sansTaux.map((e) => {
    const o = e.premiereOrigine;
    return constat(
      "post-bac-sans-taux",
      o.feuille,
      o.ligne,
      o.colonne,
      `Établissement ${e.uai} : ${nombreDe(e.postBac, "élève post-bac", "élèves post-bac")} de 1re année : sans le taux de boursiers de l'établissement, absent de cette feuille, sa ligne post-bac ne sera pas calculée. ${OU_DONNER_LE_TAUX}`,
    );
  });
  return { constats, eleves };
}

/**
 * Said beside the result when `eleves` post-bac pupils have no taux (constatsPostBacSansTaux), after
 * « aucune erreur dans la feuille. » when the sheet has none: « aucune erreur » alone reads as « all
 * will be paid » (regles.md#controle.post-bac-sans-taux). `ou`: where the adapter takes the taux.
 */
export function attentionPostBacSansTaux(eleves: number, ou: string): string {
  return `Attention : ${nombreDe(eleves, "élève post-bac", "élèves post-bac")} ne ${eleves > 1 ? "seront payés" : "sera payé"} qu'avec le taux de boursiers de leur établissement : donnez-le ${ou} ou dans une colonne « Taux de boursiers » de cette feuille.`;
}
