/**
 * Constats (findings) about what was read: every non-blank input row is either counted or listed here
 * with its reason (design.md §4). The field names of `Constat` are the CLI's JSON contract.
 */
import { nombreDe } from "../rules";
import type { BilanLignes } from "./types";

export type Gravite = "erreur" | "alerte" | "info";

export interface Constat {
  /** erreur: the row does not count; alerte: it counts but looks wrong; info: worth knowing. */
  readonly gravite: Gravite;
  /** Stable identifier, e.g. "code-mef", "effectif-negatif", "doublon" (documented in docs/constats.md). */
  readonly code: string;
  readonly feuille: string;
  /** Sheet row, 1-based as Excel shows it; null for a finding about the whole sheet. */
  readonly ligne: number | null;
  /** Column letter as Excel shows it ("C"); null when not about one cell. */
  readonly colonne: string | null;
  /** French, saying what is wrong and what to do. */
  readonly message: string;
}

export const GRAVITE_ORDER: Readonly<Record<Gravite, number>> = { erreur: 0, alerte: 1, info: 2 };

/** How many findings of each severity, in one pass (a full sheet gives ~150 000). */
export function compterParGravite(constats: readonly Constat[]): Record<Gravite, number> {
  const n: Record<Gravite, number> = { erreur: 0, alerte: 0, info: 0 };
  for (const c of constats) n[c.gravite]++;
  return n;
}

/** « 3 erreurs, 2 alertes, 14 informations »: the findings summed up, by the pane and the CLI alike. */
export function resumeGravites(constats: readonly Constat[]): string {
  const n = compterParGravite(constats);
  return [nombreDe(n.erreur, "erreur"), nombreDe(n.alerte, "alerte"), nombreDe(n.info, "information")].join(
    ", ",
  );
}

/**
 * Every kind of constat the readers and workflows produce: its fixed severity, then what it means in
 * words for the lines a user reads (« Lignes écartées par raison », the heading of the written sheets;
 * the code stays in `--json` and the constats sheet's « Code » column, never alone in a sentence,
 * issue 12 item 14). One table, so that a new code cannot miss either. A code's severity
 * never varies, so that the summaries and docs/constats.md (which documents each code and what the
 * user should do) stay true. Severity (design.md §4, assignment of issue 4):
 * - erreur: bad data — the row (or, for an establishment value, the value) does not count;
 * - alerte: it counts but looks wrong;
 * - info: an expected exclusion or the sheet's structure (non-eligible formations, apprentices,
 *   non-first-year rows, totals, repeated headers) — a rectorat sheet full of legitimately
 *   non-eligible formations gives no erreur.
 */
export const CONSTATS = {
  // The sheet as a whole.
  "feuille-vide": ["erreur", "feuille vide"],
  "entete-introuvable": ["erreur", "en-tête introuvable"],
  "colonne-manquante": ["erreur", "colonne manquante"],
  "entete-deux-lignes": ["erreur", "en-tête sur deux lignes"],
  "colonne-en-double": ["info", "colonne en double"],
  // Every status column is read (regles.md#beneficiaires.statut-plusieurs-colonnes).
  "statut-plusieurs-colonnes": ["info", "statut en plusieurs colonnes"],
  // Two columns of a field that pays (effectif, taux, reliquat…): reading either is a guess
  // (regles.md#lecture.deux-colonnes).
  "deux-colonnes": ["erreur", "deux colonnes d'une valeur"],
  // A column chosen in the task pane whose header moved: followed, or the sheet refused
  // (regles.md#lecture.correction-perimee).
  "correction-suivie": ["info", "colonne déplacée"],
  "correction-perimee": ["erreur", "correction à refaire"],
  // A column titled like what changes an amount but not recognised — a reliquat, a taux or the survey
  // in the establishments sheet, the pupils' status or year in an effectif sheet: its values would
  // silently not count (regles.md#lecture.colonne-non-lue; src/sheet/colonnesNonLues.ts).
  "colonne-non-lue": ["alerte", "colonne non lue"],
  // A sheet of a file that the command line does not read (src/cli/files.ts, src/cli/classeurs.ts).
  // A hidden sheet holding what the command reads (effectifs, a bilan) is an alerte, not an erreur:
  // skipping it is the usual right choice (regles.md#lecture.feuille-masquee: a backup copy or a
  // draft), yet its rows are neither counted nor listed one by one, so the user must check that it
  // was not meant to count. Any other non-empty sheet (cover page, notes, pivot table) is an info:
  // the structure of the file, nothing to do.
  "feuille-masquee": ["alerte", "feuille masquée non lue"],
  "feuille-non-lue": ["info", "feuille non lue"],
  // An establishments sheet in an effectif file that --etablissements does not name: its reliquats are
  // not deducted and its non-respondents paid (regles.md#lecture.feuille-etablissements-du-classeur).
  "feuille-etablissements-non-lue": ["alerte", "feuille des établissements non lue"],
  // Structure of a paste.
  "ligne-total": ["info", "ligne de total"],
  // A total row that looks like data: « total » only in an unread column (regles.md#lecture.ligne-total-a-verifier).
  "ligne-total-a-verifier": ["alerte", "ligne de total à vérifier"],
  "entete-repetee": ["info", "en-tête répété"],
  "entete-differente": ["erreur", "en-tête répété dans un autre ordre"],
  "ligne-sans-donnees": ["info", "ligne sans données"],
  "ligne-mal-decoupee": ["erreur", "ligne mal découpée"],
  "ligne-avant-entete": ["erreur", "ligne avant l'en-tête"],
  "lignes-masquees": ["info", "lignes masquées"],
  // Expected exclusions (R3, R5).
  "formation-non-eligible": ["info", "formation non éligible"],
  apprentissage: ["info", "apprentis"],
  // Continuing education, « Non scolaire » (regles.md#beneficiaires.hors-statut-scolaire).
  "hors-statut-scolaire": ["info", "hors statut scolaire"],
  "hors-premiere-annee": ["info", "hors première année"],
  "annee-scolaire-autre": ["info", "effectifs d'une autre année scolaire"],
  // Bad data: the row does not count.
  "code-vide": ["erreur", "code formation vide"],
  "code-mef": ["erreur", "code MEF au lieu du code formation"],
  "code-invalide": ["erreur", "code formation invalide"],
  "erreur-excel": ["erreur", "erreur Excel dans une cellule"],
  "formule-sans-valeur": ["erreur", "formule sans valeur"],
  "uai-manquant": ["erreur", "UAI manquant"],
  "uai-invalide": ["erreur", "UAI invalide"],
  "effectif-vide": ["erreur", "effectif vide"],
  "effectif-negatif": ["erreur", "effectif négatif"],
  "effectif-decimal": ["erreur", "effectif non entier"],
  "effectif-texte": ["erreur", "effectif illisible"],
  "effectif-invraisemblable": ["erreur", "effectif invraisemblable"],
  "effectif-date": ["erreur", "effectif lu comme une date"],
  "annee-formation-illisible": ["erreur", "année de formation illisible"],
  "effectifs-autre-annee": ["erreur", "effectifs d'une autre année que n-1"],
  // Pupils and apprentices in one row (regles.md#beneficiaires.statut-mixte): neither reading is safe.
  "statut-mixte": ["erreur", "statut mêlant élèves et apprentis ou stagiaires"],
  "entree-directe-illisible": ["erreur", "entrée directe illisible"],
  // Counted, but to be checked.
  doublon: ["alerte", "ligne en double"],
  "hors-liste": ["alerte", "formation hors liste"],
  "uai-lettre-cle": ["alerte", "lettre clé de l'UAI incorrecte"],
  "uai-hors-ile-de-france": ["alerte", "UAI hors Île-de-France"],
  // Establishment-level values (taux, reliquats, réponse à l'enquête).
  "taux-illisible": ["erreur", "taux de boursiers illisible"],
  "taux-ambigu": ["alerte", "taux de boursiers ambigu"],
  "taux-date": ["erreur", "taux de boursiers lu comme une date"],
  "reliquat-illisible": ["erreur", "reliquat illisible"],
  "reliquat-negatif": ["erreur", "reliquat négatif"],
  "reponse-illisible": ["erreur", "réponse à l'enquête illisible"],
  "reponse-vide": ["alerte", "réponse à l'enquête vide"],
  "montant-arrondi": ["alerte", "montant arrondi"],
  "valeur-divergente": ["alerte", "valeurs divergentes"],
  "valeurs-contradictoires": ["erreur", "deux valeurs dans une feuille"],
  "etablissement-absent": ["alerte", "établissement absent"],
  "etablissement-plusieurs-feuilles": ["alerte", "établissement dans plusieurs feuilles"],
  "formation-plusieurs-feuilles": ["erreur", "formation dans deux feuilles"],
  "etablissement-sans-effectifs": ["info", "établissement sans effectifs"],
  "taux-boursiers-manquant": ["erreur", "taux de boursiers manquant"],
  // The same, found by the check of one sheet: the sheet is right, the taux comes later (regles.md#controle.post-bac-sans-taux).
  "post-bac-sans-taux": ["alerte", "post-bac sans taux"],
  // Demande de dotation complémentaire (R10).
  "demande-non-eligible": ["erreur", "formation non éligible à la demande"],
  "demande-nulle": ["info", "demande nulle"],
  "supplementaires-illisible": ["erreur", "nombre supplémentaire illisible"],
  // Counted, but more than a year's increase looks like (regles.md#complementaire.nombre-a-verifier).
  "supplementaires-a-verifier": ["alerte", "nombre supplémentaire à vérifier"],
  "demande-mauvaise-colonne": ["erreur", "nombre dans la mauvaise colonne"],
  "demande-eleves-post-bac": ["alerte", "élèves lus comme boursiers"],
  "demande-autre-etablissement": ["erreur", "ligne d'un autre établissement"],
  "demande-en-double": ["erreur", "ligne de demande en double"],
  "demande-formation-en-double": ["erreur", "formation demandée sur deux lignes"],
  // Bilan de fin d'année (R11): the establishment and its envelopes.
  "annee-scolaire-illisible": ["erreur", "année scolaire illisible"],
  "annee-scolaire-absente": ["info", "année scolaire absente"],
  "dotation-recue-manquante": ["erreur", "dotation reçue manquante"],
  "formulaire-en-double": ["erreur", "ligne du formulaire en double"],
  "formulaire-libelle-inconnu": ["erreur", "libellé du formulaire inconnu"],
  "montant-illisible": ["erreur", "montant illisible"],
  "montant-date": ["erreur", "montant lu comme une date"],
  "montant-negatif": ["erreur", "montant négatif"],
  "reliquat-anterieur-vide": ["info", "reliquat antérieur vide"],
  "depassement-enveloppe": ["erreur", "dépassement de l'enveloppe"],
  // Bilan: the purchases, one row per formation (and type of equipment).
  "bilan-formation-non-eligible": ["erreur", "formation non éligible au bilan"],
  "achat-en-double": ["erreur", "achat en double"],
  "enveloppe-illisible": ["erreur", "enveloppe illisible"],
  "enveloppe-croisee": ["erreur", "formation imputée à l'autre enveloppe"],
  "eleves-aides-illisible": ["erreur", "élèves aidés illisible"],
  "type-equipement-inconnu": ["erreur", "type d'équipement inconnu"],
  "eleves-aides-superieurs": ["alerte", "plus d'élèves aidés que l'effectif"],
  "eleves-aides-manquants": ["alerte", "élèves aidés manquants"],
  "type-equipement-manquant": ["alerte", "type d'équipement manquant"],
  "achat-sans-montant": ["info", "achat sans montant"],
  "bilan-sans-achat": ["alerte", "bilan sans achat"],
  "effectif-reference-inconnu": ["info", "effectif de référence inconnu"],
  // Bilan template and reliquats carried into next year.
  "etablissement-introuvable": ["erreur", "établissement introuvable"],
  "dotations-introuvables": ["alerte", "dotations introuvables"],
  "dotations-autre-annee": ["erreur", "dotations d'une autre année"],
  "dotation-vide": ["alerte", "dotation vide"],
  "bilan-en-double": ["erreur", "bilan en double"],
  "bilan-autre-annee": ["erreur", "bilan d'une autre année"],
  "bilan-uai-lettre-cle": ["erreur", "UAI du bilan à la lettre de contrôle fausse"],
  "etablissement-ajoute": ["alerte", "établissement ajouté"],
  "bilan-absent": ["alerte", "bilan absent"],
  // Last year's taux and survey answers copied into next year's sheet (regles.md#reliquats.valeurs-reprises).
  "valeurs-reprises": ["alerte", "valeurs reprises"],
  "reliquat-non-calcule": ["erreur", "reliquat non calculé"],
} as const satisfies Record<string, readonly [Gravite, string]>;

export type CodeConstat = keyof typeof CONSTATS;

export function constat(
  code: CodeConstat,
  feuille: string,
  ligne: number | null,
  colonne: string | null,
  message: string,
): Constat {
  return { gravite: CONSTATS[code][0], code, feuille, ligne, colonne, message };
}

/** A constat at the cell a value was read from (a bilan's field), or on its sheet when unknown. */
export function constatA(
  code: CodeConstat,
  feuille: string,
  origine: { readonly ligne: number | null; readonly colonne: string | null } | undefined,
  message: string,
): Constat {
  return constat(code, feuille, origine?.ligne ?? null, origine?.colonne ?? null, message);
}

/** « formation non éligible » for a motif that is a constat code; an unknown motif as it is. */
export function libelleMotif(motif: string): string {
  return (CONSTATS as Readonly<Record<string, readonly [Gravite, string]>>)[motif]?.[1] ?? motif;
}

/**
 * « 12 non vides, 10 retenues, 2 écartées » (« 1 non vide, 1 retenue, 0 écartée »): every non-blank row
 * kept or set aside, in the sheets written, the pane and the command line alike.
 */
export function decompteLignes(lignes: BilanLignes, retenues = "retenues", separateur = ", "): string {
  return `${nombreDe(lignes.nonVides, "non vide", "non vides")}${separateur}${nombreDe(lignes.comptees, retenues.slice(0, -1), retenues)}, ${nombreDe(lignes.ecartees, "écartée", "écartées")}`;
}
