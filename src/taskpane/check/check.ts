/**
 * The check of the Contrôle screen: the workflow's, with the alertes `are controle` adds to it, in the
 * same order, so that the pane and the command line say the same of a sheet.
 */
import { effectifsNonLus } from "../../sheet/colonnesNonLues";
import type { Workbook } from "../../workbook/port";
import { constatsPostBacSansTaux, controlerFeuille } from "../../workflows";
import type { OptionsControle, ResultatControle } from "../../workflows/types";

/** How the pane has an unrecognised column read: « … ou désignez-la <DESIGNER>, puis relancez ». */
export const DESIGNER = "dans la correspondance des colonnes de l'écran Contrôle";

export interface Checked extends ResultatControle {
  /** Post-bac pupils whose establishment has no taux in the sheet: said beside the result. */
  readonly postBacSansTaux: number;
}

/**
 * Décision (regles.md#lecture.colonne-non-lue): a status or year column whose title is not recognised
 * is an alerte, or its apprentices or second-year pupils would be paid silently.
 * Décision (regles.md#controle.post-bac-sans-taux): post-bac pupils with no taux are counted by an
 * alerte, and the screen says they will be paid only with it.
 */
export async function checkSheet(
  classeur: Workbook,
  feuille: string,
  options: OptionsControle,
): Promise<Checked> {
  const resultat = await controlerFeuille(classeur, feuille, options);
  const sansTaux = constatsPostBacSansTaux(resultat);
  const nonLues = effectifsNonLus([resultat], DESIGNER);
  return {
    ...resultat,
    constats: [...nonLues, ...sansTaux.constats, ...resultat.constats],
    postBacSansTaux: sansTaux.eleves,
  };
}
