/**
 * The store's persistence over Office.js: the user's values live in the workbook's document settings
 * (`context.workbook.settings`, saved with the file), and a change triggers a full recalculation so
 * every ARE.* formula sees it; the fingerprint of the parameters that recalculation uses is saved
 * beside them, so that reopening the workbook does not recalculate again (parametresStore.ts). One
 * Excel.run per action, one sync each (officeReglages.ts).
 */
import type { ValeursUtilisateur } from "../rules";
import {
  CLE_EMPREINTE_CALCUL,
  CLE_VALEURS_UTILISATEUR,
  type LectureClasseur,
  type ParametresPersistence,
} from "./parametresStore";
import { ecrireEtRecalculer, lireReglages } from "./officeReglages";

/** The fingerprint of what the recalculation will use, saved with it when there is one. */
function empreinteEcrite(empreinte: string | undefined): [string, string][] {
  return empreinte === undefined ? [] : [[CLE_EMPREINTE_CALCUL, empreinte]];
}

async function lireAvecEmpreinte(): Promise<LectureClasseur> {
  const lus = await lireReglages([CLE_VALEURS_UTILISATEUR, CLE_EMPREINTE_CALCUL]);
  const empreinte = lus[CLE_EMPREINTE_CALCUL];
  return {
    valeurs: lus[CLE_VALEURS_UTILISATEUR],
    empreinte: typeof empreinte === "string" ? empreinte : null,
  };
}

export const officeParametres: ParametresPersistence = {
  async lire() {
    return (await lireAvecEmpreinte()).valeurs;
  },

  lireAvecEmpreinte,

  enregistrerEtRecalculer: (valeurs: ValeursUtilisateur, empreinte?: string) =>
    // Stored as a JSON string: a plain value every Excel version keeps as it is.
    ecrireEtRecalculer([[CLE_VALEURS_UTILISATEUR, JSON.stringify(valeurs)], ...empreinteEcrite(empreinte)]),

  recalculer: (empreinte?: string) => ecrireEtRecalculer(empreinteEcrite(empreinte)),
};
