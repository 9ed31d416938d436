/**
 * The contract of the two main use cases, shared by the task pane, the CLI and the tests.
 * Implemented in src/workflows (controle.ts, dotations.ts, outputs.ts).
 */
import type { DotationEtablissement, ForfaitsAnnee, Parametres, SchoolYear, Decimal } from "../rules";
import type { Constat } from "../sheet/findings";
import type { Progress } from "../workbook/port";

/** What a column of an effectif or establishments sheet can mean (design.md §4). */
export type Champ =
  | "uai"
  | "nomEtablissement"
  | "codeFormation"
  | "libelleFormation"
  | "effectif"
  | "statut"
  | "anneeFormation"
  | "entreeDirecte"
  | "tauxBoursiers"
  | "boursiers"
  | "effectifTotal"
  | "reliquatPreBac"
  | "reliquatPostBac"
  | "aRepondu";

/** A user's correction of the mapping: field → 0-based column index in the sheet (A = 0), or null to unmap. */
export type CorrectionColonnes = Partial<Record<Champ, number | null>>;

export interface ColonneReconnue {
  readonly index: number;
  readonly lettre: string;
  /** The header text as found in the sheet. */
  readonly entete: string;
}

export interface EnteteDetectee {
  /** 1-based sheet row of the header. */
  readonly ligne: number;
  readonly colonnes: Partial<Record<Champ, ColonneReconnue>>;
  /** Headers present in the sheet that match no field (shown to the user, ignored). */
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
  /** Rows set aside, each with at least one erreur (or info for totals/headers) in the constats. */
  readonly ecartees: number;
  /** How many set-aside rows per reason code, for summaries. */
  readonly ecarteesParMotif: Readonly<Record<string, number>>;
}

export interface OptionsControle {
  readonly annee: SchoolYear;
  readonly colonnes?: CorrectionColonnes;
  readonly progress?: Progress;
}

export interface ResultatControle {
  readonly feuille: string;
  readonly annee: SchoolYear;
  /** Null when no header row could be recognised (then a single erreur explains it). */
  readonly entete: EnteteDetectee | null;
  readonly lignes: BilanLignes;
  readonly effectifs: EffectifsComptes;
  readonly constats: readonly Constat[];
}

export interface OptionsDotations {
  /** One or several effectif sheets (one per rectorat). */
  readonly feuillesEffectifs: readonly string[];
  /** Optional sheet of establishment-level data keyed by UAI (taux, reliquats, réponse à l'enquête). */
  readonly feuilleEtablissements?: string | null;
  readonly annee: SchoolYear;
  readonly parametres: Parametres;
  readonly colonnes?: Readonly<Record<string, CorrectionColonnes>>;
  readonly progress?: Progress;
}

export interface TotauxDotations {
  readonly effectifs: EffectifsComptes;
  readonly boursiersRetenus: number;
  readonly brute: { readonly prepaMetiers: Decimal; readonly preBac: Decimal; readonly postBac: Decimal };
  readonly reliquats: { readonly preBac: Decimal; readonly postBac: Decimal };
  readonly nette: { readonly preBac: Decimal; readonly postBac: Decimal; readonly total: Decimal };
}

export interface ResultatDotations {
  readonly annee: SchoolYear;
  readonly forfaits: ForfaitsAnnee;
  /** Sorted by UAI. */
  readonly etablissements: readonly DotationEtablissement[];
  readonly totaux: TotauxDotations;
  readonly lignes: BilanLignes;
  readonly constats: readonly Constat[];
  /** The sheets read, for the output's heading. */
  readonly sources: readonly string[];
}
