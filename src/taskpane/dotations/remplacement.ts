/**
 * Never replace a good « Dotations ARE <année> » sheet with a worse one in silence (issue 12, point 5):
 * before writing, the screen reads the sheet it would replace, and a new result with far fewer
 * establishments (or none), or whose post-bac total falls to 0, waits for the user's confirmation,
 * with the reason. Pure, tested in test/taskpane/volet-dotations.test.ts.
 */
import { Decimal, formaterEntier, formaterEuros, lireUai, nombreDe } from "../../rules";
import { cellule, detecterEntete, indexRelatif } from "../../sheet";
import type { SheetData } from "../../workbook/port";
import type { ResultatDotations } from "../../workflows/types";

/** What matters of a dotations result, whether computed now or read back from its sheet. */
export interface ResumeDotations {
  readonly etablissements: number;
  /** Total net post-bac dotation; null when the sheet has no readable post-bac column. */
  readonly postBac: Decimal | null;
}

/**
 * Décision (regles.md#feuilles.remplacement; issue 12; the regulation is silent): « far fewer » is fewer than half of the
 * establishments of the sheet in place — a rectorat sheet left unticked drops a third, a wrong or
 * empty sheet drops nearly all; a few establishments more or less between two extractions do not ask.
 */
export const PART_MINIMALE = 0.5;

export function resumerResultat(resultat: ResultatDotations): ResumeDotations {
  return { etablissements: resultat.etablissements.length, postBac: resultat.totaux.nette.postBac };
}

/** The establishments (rows with a valid UAI) and net post-bac total of a dotations sheet as written. */
export function resumerFeuilleDotations(sheet: SheetData): ResumeDotations | null {
  const detection = detecterEntete(sheet);
  if (!detection?.entete.colonnes.uai) return null;
  const iUai = indexRelatif(detection.entete, "uai", sheet.columnOffset);
  const iPostBac = detection.entete.colonnes.dotationPostBac
    ? indexRelatif(detection.entete, "dotationPostBac", sheet.columnOffset)
    : -1;
  let etablissements = 0;
  let postBac: Decimal | null = iPostBac >= 0 ? new Decimal(0) : null;
  for (let i = detection.indexLigne + 1; i < sheet.values.length; i++) {
    const row = sheet.values[i];
    if (!lireUai(cellule(row, iUai)).ok) continue;
    etablissements++;
    const montant = cellule(row, iPostBac);
    if (postBac !== null && typeof montant === "number" && Number.isFinite(montant))
      postBac = postBac.plus(new Decimal(montant));
  }
  return { etablissements, postBac };
}

/**
 * Why replacing the sheet in place (`ancien`) by the new result (`nouveau`) needs a confirmation, in
 * French; empty when it does not.
 */
export function raisonsDeConfirmer(ancien: ResumeDotations | null, nouveau: ResumeDotations): string[] {
  if (ancien === null || ancien.etablissements === 0) return [];
  const raisons: string[] = [];
  const avant = `${formaterEntier(ancien.etablissements)} dans la feuille actuelle`;
  if (nouveau.etablissements === 0) {
    raisons.push(`le nouveau calcul ne donne aucun établissement (${avant})`);
  } else if (nouveau.etablissements < ancien.etablissements * PART_MINIMALE) {
    raisons.push(
      `le nouveau calcul ne donne que ${nombreDe(nouveau.etablissements, "établissement")} (${avant})`,
    );
  }
  if (
    ancien.postBac !== null &&
    ancien.postBac.greaterThan(0) &&
    nouveau.postBac !== null &&
    nouveau.postBac.isZero() &&
    nouveau.etablissements > 0
  ) {
    raisons.push(
      `la dotation post-bac totale tombe à ${formaterEuros(nouveau.postBac)} (${formaterEuros(ancien.postBac)} dans la feuille actuelle) : la feuille des établissements a-t-elle les taux de boursiers ?`,
    );
  }
  return raisons;
}
