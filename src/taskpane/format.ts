/** Small French wordings shared by the screens (counts, severities, places in a sheet). */
import { formaterEntier, nombreDe } from "../rules";
import type { Constat, Gravite } from "../sheet/constats";

/** « 1 erreur », « 12 erreurs », « 0 erreur »: the shared plural helper of src/rules. */
export const count = nombreDe;

export const GRAVITE_TITRES: Readonly<Record<Gravite, string>> = {
  erreur: "Erreurs",
  alerte: "Alertes",
  info: "Informations",
};

export const GRAVITE_AIDE: Readonly<Record<Gravite, string>> = {
  erreur: "la ligne (ou la valeur) ne compte pas : à corriger",
  alerte: "comptée, mais à vérifier",
  info: "exclusion attendue ou structure de la feuille",
};

/** Where a finding points: « Paris, ligne 12, colonne C », « Paris, ligne 12 », « Paris ». */
export function findingPlace(c: Pick<Constat, "feuille" | "ligne" | "colonne">): string {
  const parts = [c.feuille];
  if (c.ligne !== null) parts.push(`ligne ${formaterEntier(c.ligne)}`);
  if (c.colonne !== null) parts.push(`colonne ${c.colonne}`);
  return parts.join(", ");
}

/** « 12 000 / 200 000 lignes ». */
export function progressText(done: number, total: number): string {
  return total > 0 ? `${formaterEntier(done)} / ${formaterEntier(total)} lignes` : "Lecture de la feuille…";
}
