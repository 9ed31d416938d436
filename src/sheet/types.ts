/**
 * The shapes of what is read from a pasted sheet. They live here, in the pure layer, because the sheet
 * readers produce them; src/workflows/types.ts re-exports them under the same names (the contract of
 * the task pane and the CLI).
 */

/** What a column of an effectif or establishments sheet can mean (design.md §4). */
export type Champ =
  | "uai"
  | "nomEtablissement"
  | "codeFormation"
  | "libelleFormation"
  | "effectif"
  | "statut"
  | "anneeFormation"
  | "anneeScolaire"
  | "entreeDirecte"
  | "tauxBoursiers"
  | "boursiers"
  | "effectifTotal"
  | "reliquatPreBac"
  | "reliquatPostBac"
  | "aRepondu"
  // Demande de dotation complémentaire (R10).
  | "supplementaires"
  | "boursiersSupplementaires"
  // Bilan de fin d'année (R11) and the dotations sheet it starts from.
  | "enveloppe"
  | "elevesAides"
  | "montantAchats"
  | "typeEquipement"
  | "dotationPreBac"
  | "dotationPostBac";

/**
 * A column the user chose in the task pane, with the header text they saw above it: checked at each
 * reading (detecterEntete), so that a column inserted, deleted or a new extraction pasted since never
 * has another column read in its place. Décision (regles.md#lecture.correction-perimee)
 */
export interface ColonneChoisie {
  /** 0-based column index in the sheet (A = 0) when it was chosen. */
  readonly index: number;
  /** Its header text then (ColonneReconnue.entete). */
  readonly entete: string;
  /** How many columns of the header had that text (a second « Effectif »), and which one it was (0 the leftmost). */
  readonly sur: number;
  readonly rang: number;
}

/**
 * « Aucune colonne » chosen in the task pane for a field: the headers named like that field then
 * (« Statut », the establishment's public or privé). A header named like it that was not there (a new
 * extraction's « Statut élève ») makes the removal stale: the sheet is refused, never read without a
 * column the user did not see. Décision (regles.md#lecture.correction-perimee)
 */
export interface ColonnesRetirees {
  readonly aucune: readonly string[];
}

/**
 * A user's correction of the mapping: field → a column — its 0-based index in the sheet (A = 0), read
 * whatever its header (the command line's --colonne, applied to the file as read in the same run), or
 * a ColonneChoisie — or no column: null (the command line's), or ColonnesRetirees (the task pane's).
 */
export type CorrectionColonnes = Partial<Record<Champ, number | ColonneChoisie | ColonnesRetirees | null>>;

export interface ColonneReconnue {
  /** 0-based column index in the sheet (A = 0), whatever the used range's offset. */
  readonly index: number;
  readonly lettre: string;
  /** The header text as found in the sheet. */
  readonly entete: string;
}

export interface EnteteDetectee {
  /** 1-based sheet row of the header. */
  readonly ligne: number;
  readonly colonnes: Partial<Record<Champ, ColonneReconnue>>;
  /** Headers present in the sheet that match no field, or a field already mapped (shown to the user, ignored). */
  readonly ignorees: readonly ColonneReconnue[];
}

export interface EffectifsComptes {
  readonly prepaMetiers: number;
  readonly preBac: number;
  readonly postBac: number;
}

export interface BilanLignes {
  /** Non-blank rows below the header (repeated headers, totals and duplicates included). */
  readonly nonVides: number;
  /** Rows that count in a dotation. */
  readonly comptees: number;
  /**
   * Rows set aside, each with its constat: an erreur (bad data), an info (expected exclusion or
   * structure: totals, repeated headers, non-eligible formations…) or the alerte « doublon ».
   */
  readonly ecartees: number;
  /** How many set-aside rows per reason code, for summaries. */
  readonly ecarteesParMotif: Readonly<Record<string, number>>;
}
