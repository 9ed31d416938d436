/**
 * The store's persistence over Office.js: the user's values live in the workbook's document settings
 * (`context.workbook.settings`, saved with the file), and a change triggers a full recalculation so
 * every ARE.* formula sees it; the fingerprint of the parameters that recalculation uses is saved
 * beside them, so that reopening the workbook does not recalculate again (parametresStore.ts). One
 * Excel.run per action, one sync each (two when loading, as the setting's value must be read before
 * deciding anything).
 */
import type { ValeursUtilisateur } from "../rules";
import {
  CLE_EMPREINTE_CALCUL,
  CLE_VALEURS_UTILISATEUR,
  type LectureClasseur,
  type ParametresPersistence,
} from "./parametresStore";

/** Queues a full recalculation, with the fingerprint of what it will use when there is one. */
function recalculerTout(context: Excel.RequestContext, empreinte: string | undefined): void {
  if (empreinte !== undefined) context.workbook.settings.add(CLE_EMPREINTE_CALCUL, empreinte);
  context.workbook.application.calculate(Excel.CalculationType.full);
}

async function lireAvecEmpreinte(): Promise<LectureClasseur> {
  return Excel.run(async (context) => {
    const reglage = context.workbook.settings.getItemOrNullObject(CLE_VALEURS_UTILISATEUR);
    const empreinte = context.workbook.settings.getItemOrNullObject(CLE_EMPREINTE_CALCUL);
    reglage.load("value");
    empreinte.load("value");
    await context.sync();
    return {
      valeurs: reglage.isNullObject ? null : (reglage.value as unknown),
      empreinte: empreinte.isNullObject || typeof empreinte.value !== "string" ? null : empreinte.value,
    };
  });
}

export const officeParametres: ParametresPersistence = {
  async lire() {
    return (await lireAvecEmpreinte()).valeurs;
  },

  lireAvecEmpreinte,

  async enregistrerEtRecalculer(valeurs: ValeursUtilisateur, empreinte?: string) {
    await Excel.run(async (context) => {
      // Stored as a JSON string: a plain value every Excel version keeps as it is.
      context.workbook.settings.add(CLE_VALEURS_UTILISATEUR, JSON.stringify(valeurs));
      recalculerTout(context, empreinte);
      await context.sync();
    });
  },

  async recalculer(empreinte?: string) {
    await Excel.run(async (context) => {
      recalculerTout(context, empreinte);
      await context.sync();
    });
  },
};
