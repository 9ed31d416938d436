/**
 * The lists store's persistence over Office.js: the lists of formations the user loaded live in the
 * workbook's document settings (`context.workbook.settings`, saved with the file), and a change
 * triggers a full recalculation so that every ARE.* formula judges by them. One Excel.run per action,
 * one sync each.
 */
import { CLE_LISTES, type ListesPersistence } from "./listesStore";

export const officeListes: ListesPersistence = {
  async lire() {
    return Excel.run(async (context) => {
      const reglage = context.workbook.settings.getItemOrNullObject(CLE_LISTES);
      reglage.load("value");
      await context.sync();
      return reglage.isNullObject ? null : (reglage.value as unknown);
    });
  },

  async enregistrerEtRecalculer(valeur: string) {
    await Excel.run(async (context) => {
      context.workbook.settings.add(CLE_LISTES, valeur);
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
