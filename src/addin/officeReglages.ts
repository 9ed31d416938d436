/**
 * The workbook's document settings over Office.js (`context.workbook.settings`, saved with the file),
 * for the persistences of the stores (officeParametres.ts, officeListes.ts): settings read together,
 * settings written with a full recalculation so that every ARE.* formula sees them. One Excel.run per
 * action, one sync each.
 */

/** The values of these settings, null for each one the workbook does not hold. */
export async function lireReglages<K extends string>(cles: readonly K[]): Promise<Record<K, unknown>> {
  return Excel.run(async (context) => {
    const reglages = cles.map((cle) => {
      const reglage = context.workbook.settings.getItemOrNullObject(cle);
      reglage.load("value");
      return [cle, reglage] as const;
    });
    await context.sync();
    return Object.fromEntries(
      reglages.map(([cle, reglage]) => [cle, reglage.isNullObject ? null : (reglage.value as unknown)]),
    ) as Record<K, unknown>;
  });
}

/** Writes these settings, in this order (none: a recalculation only), and recalculates every formula. */
export async function ecrireEtRecalculer(reglages: readonly (readonly [string, string])[]): Promise<void> {
  await Excel.run(async (context) => {
    for (const [cle, valeur] of reglages) context.workbook.settings.add(cle, valeur);
    context.workbook.application.calculate(Excel.CalculationType.full);
    await context.sync();
  });
}
