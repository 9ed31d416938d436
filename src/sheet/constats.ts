/**
 * Every kind of constat the readers and workflows produce, with its fixed severity. A code's severity
 * never varies, so that the summaries and docs/constats.md (which documents each code and what the
 * user should do) stay true. Severity (design.md §4, assignment of issue 4):
 * - erreur: bad data — the row (or, for an establishment value, the value) does not count;
 * - alerte: it counts but looks wrong;
 * - info: an expected exclusion or the sheet's structure (non-eligible formations, apprentices,
 *   non-first-year rows, totals, repeated headers) — a rectorat sheet full of legitimately
 *   non-eligible formations gives no erreur.
 */
import type { Constat, Gravite } from "./findings";

export const CODES_CONSTATS = {
  // The sheet as a whole.
  "feuille-vide": "erreur",
  "entete-introuvable": "erreur",
  "colonne-manquante": "erreur",
  "colonne-en-double": "info",
  // Structure of a paste.
  "ligne-total": "info",
  "entete-repetee": "info",
  "ligne-sans-donnees": "info",
  "ligne-mal-decoupee": "erreur",
  "ligne-avant-entete": "erreur",
  "lignes-masquees": "info",
  // Expected exclusions (R3, R5).
  "formation-non-eligible": "info",
  apprentissage: "info",
  "hors-premiere-annee": "info",
  // Bad data: the row does not count.
  "code-vide": "erreur",
  "code-mef": "erreur",
  "code-invalide": "erreur",
  "erreur-excel": "erreur",
  "formule-sans-valeur": "erreur",
  "uai-manquant": "erreur",
  "uai-invalide": "erreur",
  "effectif-vide": "erreur",
  "effectif-negatif": "erreur",
  "effectif-decimal": "erreur",
  "effectif-texte": "erreur",
  "effectif-invraisemblable": "erreur",
  "effectif-date": "erreur",
  "annee-formation-illisible": "erreur",
  "entree-directe-illisible": "erreur",
  // Counted, but to be checked.
  doublon: "alerte",
  "hors-liste": "alerte",
  "uai-lettre-cle": "alerte",
  "uai-hors-ile-de-france": "alerte",
  // Establishment-level values (taux, reliquats, réponse à l'enquête).
  "taux-illisible": "erreur",
  "taux-ambigu": "alerte",
  "taux-date": "erreur",
  "reliquat-illisible": "erreur",
  "reliquat-negatif": "erreur",
  "reponse-illisible": "erreur",
  "reponse-vide": "alerte",
  "montant-arrondi": "alerte",
  "valeur-divergente": "alerte",
  "etablissement-absent": "alerte",
  "etablissement-plusieurs-feuilles": "alerte",
  "etablissement-sans-effectifs": "info",
  "taux-boursiers-manquant": "erreur",
  // Demande de dotation complémentaire (R10).
  "demande-non-eligible": "erreur",
  "demande-nulle": "info",
  "supplementaires-illisible": "erreur",
  "demande-mauvaise-colonne": "erreur",
  "demande-autre-etablissement": "erreur",
  // Bilan de fin d'année (R11): the establishment and its envelopes.
  "annee-scolaire-illisible": "erreur",
  "annee-scolaire-absente": "info",
  "dotation-recue-manquante": "erreur",
  "montant-illisible": "erreur",
  "montant-date": "erreur",
  "montant-negatif": "erreur",
  "reliquat-anterieur-vide": "info",
  "depassement-enveloppe": "erreur",
  // Bilan: the purchases, one row per formation (and type of equipment).
  "bilan-formation-non-eligible": "erreur",
  "enveloppe-illisible": "erreur",
  "enveloppe-croisee": "erreur",
  "eleves-aides-illisible": "erreur",
  "type-equipement-inconnu": "erreur",
  "eleves-aides-superieurs": "alerte",
  "eleves-aides-manquants": "alerte",
  "type-equipement-manquant": "alerte",
  "achat-sans-montant": "info",
  "effectif-reference-inconnu": "info",
  // Bilan template and reliquats carried into next year.
  "etablissement-introuvable": "erreur",
  "dotations-introuvables": "alerte",
  "dotation-vide": "alerte",
  "bilan-en-double": "erreur",
  "bilan-autre-annee": "erreur",
  "bilan-absent": "alerte",
  "reliquat-non-calcule": "erreur",
} as const satisfies Record<string, Gravite>;

export type CodeConstat = keyof typeof CODES_CONSTATS;

export function constat(
  code: CodeConstat,
  feuille: string,
  ligne: number | null,
  colonne: string | null,
  message: string,
): Constat {
  return { gravite: CODES_CONSTATS[code], code, feuille, ligne, colonne, message };
}
