/**
 * The lists store's persistence over Office.js: the lists of formations the user loaded live in the
 * workbook's document settings, and a change triggers a full recalculation so that every ARE.* formula
 * judges by them (officeReglages.ts: one Excel.run per action, one sync each).
 */
import { CLE_LISTES, type ListesPersistence } from "./listesStore";
import { ecrireEtRecalculer, lireReglages } from "./officeReglages";

export const officeListes: ListesPersistence = {
  async lire() {
    return (await lireReglages([CLE_LISTES]))[CLE_LISTES];
  },
  enregistrerEtRecalculer: (valeur: string) => ecrireEtRecalculer([[CLE_LISTES, valeur]]),
  recalculer: () => ecrireEtRecalculer([]),
};
