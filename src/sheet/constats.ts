/**
 * Constats (findings) about what was read: every non-blank input row is either counted or listed here
 * with its reason (design.md §4). The field names of `Constat` are the CLI's JSON contract.
 */
import { nombreDe } from "../rules";

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
 * Every kind of constat the readers and workflows produce, with its fixed severity. A code's severity
 * never varies, so that the summaries and docs/constats.md (which documents each code and what the
 * user should do) stay true. Severity (design.md §4, assignment of issue 4):
 * - erreur: bad data — the row (or, for an establishment value, the value) does not count;
 * - alerte: it counts but looks wrong;
 * - info: an expected exclusion or the sheet's structure (non-eligible formations, apprentices,
 *   non-first-year rows, totals, repeated headers) — a rectorat sheet full of legitimately
 *   non-eligible formations gives no erreur.
 */
export const CODES_CONSTATS = {
  // The sheet as a whole.
  "feuille-vide": "erreur",
  "entete-introuvable": "erreur",
  "colonne-manquante": "erreur",
  "entete-deux-lignes": "erreur",
  "colonne-en-double": "info",
  // Two columns of a field that pays (effectif, taux, reliquat…): reading either is a guess
  // (regles.md#lecture.deux-colonnes).
  "deux-colonnes": "erreur",
  // A column chosen in the task pane whose header moved: followed, or the sheet refused
  // (regles.md#lecture.correction-perimee).
  "correction-suivie": "info",
  "correction-perimee": "erreur",
  // An establishments sheet's column titled like a reliquat, a taux or the survey, not recognised: its
  // values would silently not count (regles.md#lecture.colonne-non-lue).
  "colonne-non-lue": "alerte",
  // A sheet of a file that the command line does not read (src/cli/files.ts, src/cli/classeurs.ts).
  // A hidden sheet holding what the command reads (effectifs, a bilan) is an alerte, not an erreur:
  // skipping it is the usual right choice (regles.md#lecture.feuille-masquee: a backup copy or a
  // draft), yet its rows are neither counted nor listed one by one, so the user must check that it
  // was not meant to count. Any other non-empty sheet (cover page, notes, pivot table) is an info:
  // the structure of the file, nothing to do.
  "feuille-masquee": "alerte",
  "feuille-non-lue": "info",
  // An establishments sheet in an effectif file that --etablissements does not name: its reliquats are
  // not deducted and its non-respondents paid (regles.md#lecture.feuille-etablissements-du-classeur).
  "feuille-etablissements-non-lue": "alerte",
  // Structure of a paste.
  "ligne-total": "info",
  // A total row that looks like data: « total » only in an unread column (regles.md#lecture.ligne-total-a-verifier).
  "ligne-total-a-verifier": "alerte",
  "entete-repetee": "info",
  "entete-differente": "erreur",
  "ligne-sans-donnees": "info",
  "ligne-mal-decoupee": "erreur",
  "ligne-avant-entete": "erreur",
  "lignes-masquees": "info",
  // Expected exclusions (R3, R5).
  "formation-non-eligible": "info",
  apprentissage: "info",
  // Continuing education, « Non scolaire » (regles.md#beneficiaires.hors-statut-scolaire).
  "hors-statut-scolaire": "info",
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
  // Pupils and apprentices in one row (regles.md#beneficiaires.statut-mixte): neither reading is safe.
  "statut-mixte": "erreur",
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
  "formation-plusieurs-feuilles": "erreur",
  "etablissement-sans-effectifs": "info",
  "taux-boursiers-manquant": "erreur",
  // The same, found by the check of one sheet: the sheet is right, the taux comes later (regles.md#controle.post-bac-sans-taux).
  "post-bac-sans-taux": "alerte",
  // Demande de dotation complémentaire (R10).
  "demande-non-eligible": "erreur",
  "demande-nulle": "info",
  "supplementaires-illisible": "erreur",
  // Counted, but more than a year's increase looks like (regles.md#complementaire.nombre-a-verifier).
  "supplementaires-a-verifier": "alerte",
  "demande-mauvaise-colonne": "erreur",
  "demande-eleves-post-bac": "alerte",
  "demande-autre-etablissement": "erreur",
  "demande-en-double": "erreur",
  "demande-formation-en-double": "erreur",
  // Bilan de fin d'année (R11): the establishment and its envelopes.
  "annee-scolaire-illisible": "erreur",
  "annee-scolaire-absente": "info",
  "dotation-recue-manquante": "erreur",
  "formulaire-en-double": "erreur",
  "formulaire-libelle-inconnu": "erreur",
  "montant-illisible": "erreur",
  "montant-date": "erreur",
  "montant-negatif": "erreur",
  "reliquat-anterieur-vide": "info",
  "depassement-enveloppe": "erreur",
  // Bilan: the purchases, one row per formation (and type of equipment).
  "bilan-formation-non-eligible": "erreur",
  "achat-en-double": "erreur",
  "enveloppe-illisible": "erreur",
  "enveloppe-croisee": "erreur",
  "eleves-aides-illisible": "erreur",
  "type-equipement-inconnu": "erreur",
  "eleves-aides-superieurs": "alerte",
  "eleves-aides-manquants": "alerte",
  "type-equipement-manquant": "alerte",
  "achat-sans-montant": "info",
  "bilan-sans-achat": "alerte",
  "effectif-reference-inconnu": "info",
  // Bilan template and reliquats carried into next year.
  "etablissement-introuvable": "erreur",
  "dotations-introuvables": "alerte",
  "dotations-autre-annee": "erreur",
  "dotation-vide": "alerte",
  "bilan-en-double": "erreur",
  "bilan-autre-annee": "erreur",
  "bilan-uai-lettre-cle": "erreur",
  "etablissement-ajoute": "alerte",
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

/** A constat at the cell a value was read from (a bilan's field), or on its sheet when unknown. */
export function constatA(
  code: CodeConstat,
  feuille: string,
  origine: { readonly ligne: number | null; readonly colonne: string | null } | undefined,
  message: string,
): Constat {
  return constat(code, feuille, origine?.ligne ?? null, origine?.colonne ?? null, message);
}

/**
 * What a code means, in words, for the lines a user reads (« Lignes écartées par raison », the
 * heading of the written sheets): the code stays in `--json` and the constats sheet's « Code » column,
 * never alone in a sentence (issue 12 item 14).
 */
export const LIBELLES_CONSTATS: Readonly<Record<CodeConstat, string>> = {
  "feuille-vide": "feuille vide",
  "entete-introuvable": "en-tête introuvable",
  "colonne-manquante": "colonne manquante",
  "entete-deux-lignes": "en-tête sur deux lignes",
  "colonne-en-double": "colonne en double",
  "deux-colonnes": "deux colonnes d'une valeur",
  "correction-suivie": "colonne déplacée",
  "correction-perimee": "correction à refaire",
  "colonne-non-lue": "colonne non lue",
  "feuille-masquee": "feuille masquée non lue",
  "feuille-non-lue": "feuille non lue",
  "feuille-etablissements-non-lue": "feuille des établissements non lue",
  "ligne-total": "ligne de total",
  "ligne-total-a-verifier": "ligne de total à vérifier",
  "entete-repetee": "en-tête répété",
  "entete-differente": "en-tête répété dans un autre ordre",
  "ligne-sans-donnees": "ligne sans données",
  "ligne-mal-decoupee": "ligne mal découpée",
  "ligne-avant-entete": "ligne avant l'en-tête",
  "lignes-masquees": "lignes masquées",
  "formation-non-eligible": "formation non éligible",
  apprentissage: "apprentis",
  "hors-statut-scolaire": "hors statut scolaire",
  "hors-premiere-annee": "hors première année",
  "code-vide": "code formation vide",
  "code-mef": "code MEF au lieu du code formation",
  "code-invalide": "code formation invalide",
  "erreur-excel": "erreur Excel dans une cellule",
  "formule-sans-valeur": "formule sans valeur",
  "uai-manquant": "UAI manquant",
  "uai-invalide": "UAI invalide",
  "effectif-vide": "effectif vide",
  "effectif-negatif": "effectif négatif",
  "effectif-decimal": "effectif non entier",
  "effectif-texte": "effectif illisible",
  "effectif-invraisemblable": "effectif invraisemblable",
  "effectif-date": "effectif lu comme une date",
  "annee-formation-illisible": "année de formation illisible",
  "statut-mixte": "statut mêlant élèves et apprentis ou stagiaires",
  "entree-directe-illisible": "entrée directe illisible",
  doublon: "ligne en double",
  "hors-liste": "formation hors liste",
  "uai-lettre-cle": "lettre clé de l'UAI incorrecte",
  "uai-hors-ile-de-france": "UAI hors Île-de-France",
  "taux-illisible": "taux de boursiers illisible",
  "taux-ambigu": "taux de boursiers ambigu",
  "taux-date": "taux de boursiers lu comme une date",
  "reliquat-illisible": "reliquat illisible",
  "reliquat-negatif": "reliquat négatif",
  "reponse-illisible": "réponse à l'enquête illisible",
  "reponse-vide": "réponse à l'enquête vide",
  "montant-arrondi": "montant arrondi",
  "valeur-divergente": "valeurs divergentes",
  "etablissement-absent": "établissement absent",
  "etablissement-plusieurs-feuilles": "établissement dans plusieurs feuilles",
  "formation-plusieurs-feuilles": "formation dans deux feuilles",
  "etablissement-sans-effectifs": "établissement sans effectifs",
  "taux-boursiers-manquant": "taux de boursiers manquant",
  "post-bac-sans-taux": "post-bac sans taux",
  "demande-non-eligible": "formation non éligible à la demande",
  "demande-nulle": "demande nulle",
  "supplementaires-illisible": "nombre supplémentaire illisible",
  "supplementaires-a-verifier": "nombre supplémentaire à vérifier",
  "demande-mauvaise-colonne": "nombre dans la mauvaise colonne",
  "demande-eleves-post-bac": "élèves lus comme boursiers",
  "demande-autre-etablissement": "ligne d'un autre établissement",
  "demande-en-double": "ligne de demande en double",
  "demande-formation-en-double": "formation demandée sur deux lignes",
  "annee-scolaire-illisible": "année scolaire illisible",
  "annee-scolaire-absente": "année scolaire absente",
  "dotation-recue-manquante": "dotation reçue manquante",
  "formulaire-en-double": "ligne du formulaire en double",
  "formulaire-libelle-inconnu": "libellé du formulaire inconnu",
  "montant-illisible": "montant illisible",
  "montant-date": "montant lu comme une date",
  "montant-negatif": "montant négatif",
  "reliquat-anterieur-vide": "reliquat antérieur vide",
  "depassement-enveloppe": "dépassement de l'enveloppe",
  "bilan-formation-non-eligible": "formation non éligible au bilan",
  "achat-en-double": "achat en double",
  "enveloppe-illisible": "enveloppe illisible",
  "enveloppe-croisee": "formation imputée à l'autre enveloppe",
  "eleves-aides-illisible": "élèves aidés illisible",
  "type-equipement-inconnu": "type d'équipement inconnu",
  "eleves-aides-superieurs": "plus d'élèves aidés que l'effectif",
  "eleves-aides-manquants": "élèves aidés manquants",
  "type-equipement-manquant": "type d'équipement manquant",
  "achat-sans-montant": "achat sans montant",
  "bilan-sans-achat": "bilan sans achat",
  "effectif-reference-inconnu": "effectif de référence inconnu",
  "etablissement-introuvable": "établissement introuvable",
  "dotations-introuvables": "dotations introuvables",
  "dotations-autre-annee": "dotations d'une autre année",
  "dotation-vide": "dotation vide",
  "bilan-en-double": "bilan en double",
  "bilan-autre-annee": "bilan d'une autre année",
  "bilan-uai-lettre-cle": "UAI du bilan à la lettre de contrôle fausse",
  "etablissement-ajoute": "établissement ajouté",
  "bilan-absent": "bilan absent",
  "reliquat-non-calcule": "reliquat non calculé",
};

/** « formation non éligible » for a motif that is a constat code; an unknown motif as it is. */
export function libelleMotif(motif: string): string {
  return (LIBELLES_CONSTATS as Readonly<Record<string, string>>)[motif] ?? motif;
}
