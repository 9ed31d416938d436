/**
 * The store's persistence over Office.js: the user's values live in the workbook's document settings
 * (`context.workbook.settings`, saved with the file), and a change triggers a full recalculation so
 * every ARE.* formula sees it. One Excel.run per action, one sync each (two when loading, as the
 * setting's value must be read before deciding anything).
 */
import type { ValeursUtilisateur } from "../rules";
import { CLE_VALEURS_UTILISATEUR, type ParametresPersistence } from "./parametresStore";

export const officeParametres: ParametresPersistence = {
  async lire() {
    return Excel.run(async (context) => {
      const reglage = context.workbook.settings.getItemOrNullObject(CLE_VALEURS_UTILISATEUR);
      reglage.load("value");
      await context.sync();
      return reglage.isNullObject ? null : (reglage.value as unknown);
    });
  },

  async enregistrerEtRecalculer(valeurs: ValeursUtilisateur) {
    await Excel.run(async (context) => {
      // Stored as a JSON string: a plain value every Excel version keeps as it is.
      context.workbook.settings.add(CLE_VALEURS_UTILISATEUR, JSON.stringify(valeurs));
      context.workbook.application.calculate(Excel.CalculationType.full);
      await context.sync();
    });
  },

  async recalculer() {
    await Excel.run(async (context) => {
      context.workbook.application.calculate(Excel.CalculationType.full);
      await context.sync();
    });
  },
};
