/**
 * The contract of the two main use cases, shared by the task pane, the CLI and the tests.
 * Implemented in src/workflows (controle.ts, dotations.ts, outputs.ts).
 */
import type {
  CatalogueEnVigueur,
  Catalogues,
  DotationEtablissement,
  Enveloppe,
  ForfaitsAnnee,
  Parametres,
  AnneeScolaire,
  Decimal,
  LigneTotal,
  TotauxEnveloppe,
} from "../rules";
import type { Constat } from "../sheet/constats";
import type { RegistreEtablissements } from "../sheet/etablissements";
import type { BilanLignes, CorrectionColonnes, EffectifsComptes, EnteteDetectee } from "../sheet/types";
import type { Progress } from "../workbook/port";

// What is read from a sheet is defined next to the readers (src/sheet/types.ts), re-exported here
// under the same names so that adapters keep importing the whole contract from this file.
export type {
  BilanLignes,
  Champ,
  ColonneChoisie,
  ColonneReconnue,
  CorrectionColonnes,
  EffectifsComptes,
  EnteteDetectee,
} from "../sheet/types";

export interface OptionsControle {
  readonly annee: AnneeScolaire;
  /** The lists of formations by rentrée, those the user loaded included; the embedded ones by default. */
  readonly catalogues?: Catalogues;
  readonly colonnes?: CorrectionColonnes;
  readonly progress?: Progress;
}

export interface ResultatControle {
  readonly feuille: string;
  readonly annee: AnneeScolaire;
  /** The list of formations the rows were judged by (its `nom` says when an earlier one is carried over). */
  readonly liste: CatalogueEnVigueur;
  /** Null when no header row could be recognised (then a single erreur explains it). */
  readonly entete: EnteteDetectee | null;
  /** The correction given, its followed columns at their new index; absent when none moved (lecteur.ts). */
  readonly correctionSuivie?: CorrectionColonnes;
  readonly lignes: BilanLignes;
  readonly effectifs: EffectifsComptes;
  readonly constats: readonly Constat[];
  /** The establishments read, with their sums and the taux found in the sheet (constatsPostBacSansTaux). */
  readonly etablissements: RegistreEtablissements;
}

export interface OptionsDotations {
  /** One or several effectif sheets (one per rectorat). */
  readonly feuillesEffectifs: readonly string[];
  /** Optional sheet of establishment-level data keyed by UAI (taux, reliquats, réponse à l'enquête). */
  readonly feuilleEtablissements?: string | null;
  readonly annee: AnneeScolaire;
  readonly parametres: Parametres;
  /** The lists of formations by rentrée, those the user loaded included; the embedded ones by default. */
  readonly catalogues?: Catalogues;
  /** Mapping corrections, keyed by sheet name. */
  readonly colonnes?: Readonly<Record<string, CorrectionColonnes>>;
  readonly progress?: Progress;
  /**
   * Given, the columns whose title speaks of what changes an amount but is not recognised — the
   * pupils' status or a year in an effectif sheet, a reliquat, boursiers or the survey in the
   * establishments sheet — are alertes put first (src/sheet/colonnesNonLues.ts), which end
   * « désignez-la <designer> » (regles.md#lecture.colonne-non-lue). The task pane gives it; the
   * command line finds them when it opens a file (src/cli/files.ts, src/cli/dotations.ts).
   */
  readonly designer?: string;
}

export interface TotauxDotations {
  readonly effectifs: EffectifsComptes;
  readonly boursiersRetenus: number;
  readonly brute: { readonly prepaMetiers: Decimal; readonly preBac: Decimal; readonly postBac: Decimal };
  readonly reliquats: { readonly preBac: Decimal; readonly postBac: Decimal };
  /** Nets of the computed envelopes (an envelope « non calculée » is in none of them: see `enveloppes`). */
  readonly nette: { readonly preBac: Decimal; readonly postBac: Decimal; readonly total: Decimal };
  /**
   * Establishments whose total is « non calculée » (an envelope missing) and the sum of their computed
   * envelopes: that sum is in `nette.total` (pré-bac + post-bac nets) but in no row's total cell, so
   * the totals row is not its column's sum — avisTotalIncomplet says by how much.
   */
  readonly totauxIncomplets: LigneTotal;
  /**
   * R9 — per envelope, the lines that reconcile the dotation calculée with the net, each with its
   * count of establishments: calculée − reliquats déduits − non-répondants − non calculées = nette.
   */
  readonly enveloppes: Readonly<Record<Enveloppe, TotauxEnveloppe>>;
}

export interface ResultatDotations {
  readonly annee: AnneeScolaire;
  /** The list of formations the rows were judged by (its `nom` says when an earlier one is carried over). */
  readonly liste: CatalogueEnVigueur;
  readonly forfaits: ForfaitsAnnee;
  /** Sorted by UAI. */
  readonly etablissements: readonly DotationEtablissement[];
  readonly totaux: TotauxDotations;
  /** Rows of every sheet read (effectif sheets and establishments sheet). */
  readonly lignes: BilanLignes;
  readonly constats: readonly Constat[];
  /** The sheets read, for the output's heading. */
  readonly sources: readonly string[];
  /** By sheet name, the corrections whose columns were followed, at their new index (lecteur.ts). */
  readonly correctionsSuivies: Readonly<Record<string, CorrectionColonnes>>;
}
