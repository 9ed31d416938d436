/**
 * The `--json` output of `are dotations` and `are controle`: a stable contract (issue 4,
 * docs/cli.md) for the scripts and spreadsheets that consume it. Money is a string with two
 * decimals (« 36110.00 »), never a binary float; establishments are sorted by UAI.
 */
import {
  arrondirDemiHaut,
  libelleAnnee,
  netteTotaleConnue,
  texteDecimal,
  type CasEnveloppe,
  type CatalogueEnVigueur,
  type Decimal,
  type DotationEtablissement,
  type LigneTotal,
  type TotauxEnveloppe,
} from "../rules";
import type { Constat } from "../sheet";
import type { ResultatControle, ResultatDotations } from "../workflows";
import { enveloppesNonCalculees } from "../workflows/rapprochement";

export interface EnveloppesJson {
  readonly preBac: string;
  readonly postBac: string;
}

export interface NetteJson extends EnveloppesJson {
  readonly total: string;
}

/** An establishment's nets: null for an envelope « non calculée » (and then for the total). */
export interface NetteEtablissementJson {
  readonly preBac: string | null;
  readonly postBac: string | null;
  readonly total: string | null;
}

/** One line of the totals: an amount and how many establishments (or envelopes) it concerns. */
export interface LigneTotalJson {
  readonly montant: string;
  readonly etablissements: number;
}

/**
 * R9 — one envelope's totals, reconciled: dotationCalculee − reliquatsDeduits − nonRepondants −
 * nonCalculees = dotationNette exactly; reliquatsDeclares = reliquatsDeduits + ecretement +
 * reliquatsNonPrisEnCompte exactly (docs/cli.md).
 */
export interface TotauxEnveloppeJson {
  readonly dotationCalculee: LigneTotalJson;
  readonly reliquatsDeduits: LigneTotalJson;
  readonly nonRepondants: LigneTotalJson;
  readonly nonCalculees: LigneTotalJson;
  readonly dotationNette: LigneTotalJson;
  readonly reliquatsDeclares: LigneTotalJson;
  readonly ecretement: LigneTotalJson;
  readonly reliquatsNonPrisEnCompte: LigneTotalJson;
}

export interface EtablissementJson {
  readonly uai: string;
  readonly nom: string | null;
  readonly aRepondu: boolean;
  readonly effectifs: { readonly prepaMetiers: number; readonly preBac: number; readonly postBac: number };
  /** The ratio (0 to 1) rounded to 4 decimals, « 0.35 »; null when unknown. */
  readonly tauxBoursiers: string | null;
  /** Null when the post-bac line could not be computed (post-bac effectifs, no taux). */
  readonly boursiersRetenus: number | null;
  readonly dotationBrute: {
    readonly prepaMetiers: string;
    readonly preBac: string;
    /** Null when the post-bac line could not be computed. */
    readonly postBac: string | null;
  };
  readonly reliquats: EnveloppesJson;
  /**
   * preBac = max(0, prepaMetiers + preBac − reliquat pré-bac); postBac likewise; 0 for a
   * non-respondent; null for an envelope « non calculée » (its reason in the motifs), and then total too.
   */
  readonly dotationNette: NetteEtablissementJson;
  /** What happened to each envelope: versee, ecretee, non-repondant or non-calculee. */
  readonly enveloppes: { readonly preBac: CasEnveloppe; readonly postBac: CasEnveloppe };
  /** Why a figure is what it is, in French: the errors to fix first, then the other motifs. */
  readonly motifs: readonly string[];
}

export interface ConstatJson {
  readonly gravite: Constat["gravite"];
  readonly code: string;
  readonly feuille: string;
  readonly ligne: number | null;
  readonly colonne: string | null;
  readonly message: string;
}

/** The list of formations a result was judged by. */
export interface ListeJson {
  /** « liste indicative 2023-2024 utilisée pour 2025-2026 » (or « liste indicative 2025-2026 »). */
  readonly nom: string;
  /** The school year of the list itself (« 2023-2024 »). */
  readonly annee: string;
  /** True when the year has no list of its own and an earlier one is used. */
  readonly report: boolean;
  readonly titre: string;
  readonly url: string;
  readonly date: string;
}

export function listeJson(liste: CatalogueEnVigueur): ListeJson {
  const { titre, url, date } = liste.reference;
  return {
    nom: liste.nom,
    annee: libelleAnnee(liste.annee),
    report: liste.report !== null,
    titre,
    url,
    date,
  };
}

export interface DotationsJson {
  /** « 2024-2025 ». */
  readonly annee: string;
  readonly liste: ListeJson;
  readonly forfaits: { readonly preBac: string; readonly postBac: string; readonly prepaMetiers: string };
  readonly etablissements: readonly EtablissementJson[];
  readonly totaux: {
    /** Sums of the computed envelopes' nets. */
    readonly dotationNette: NetteJson;
    /** How many envelopes (both kinds) are « non calculée », absent from dotationNette. */
    readonly enveloppesNonCalculees: number;
    readonly preBac: TotauxEnveloppeJson;
    readonly postBac: TotauxEnveloppeJson;
  };
  readonly constats: readonly ConstatJson[];
}

const money = (value: Decimal): string => texteDecimal(value, 2);
const moneyOrNull = (value: Decimal | null): string | null => (value === null ? null : money(value));

function ligneJson(ligne: LigneTotal): LigneTotalJson {
  return { montant: money(ligne.montant), etablissements: ligne.etablissements };
}

function totauxEnveloppeJson(t: TotauxEnveloppe): TotauxEnveloppeJson {
  return {
    dotationCalculee: ligneJson(t.calculee),
    reliquatsDeduits: ligneJson(t.reliquatsDeduits),
    nonRepondants: ligneJson(t.nonRepondants),
    nonCalculees: ligneJson(t.nonCalculees),
    dotationNette: ligneJson(t.nette),
    reliquatsDeclares: ligneJson(t.reliquatsDeclares),
    ecretement: ligneJson(t.ecretement),
    reliquatsNonPrisEnCompte: ligneJson(t.reliquatsNonPrisEnCompte),
  };
}

export function constatJson(constat: Constat): ConstatJson {
  const { gravite, code, feuille, ligne, colonne, message } = constat;
  return { gravite, code, feuille, ligne, colonne, message };
}

export function etablissementJson(d: DotationEtablissement): EtablissementJson {
  return {
    uai: d.uai,
    nom: d.nom ?? null,
    aRepondu: d.aRepondu,
    effectifs: {
      prepaMetiers: d.effectifs.prepaMetiers,
      preBac: d.effectifs.preBac,
      postBac: d.effectifs.postBac,
    },
    tauxBoursiers: d.tauxBoursiers ? arrondirDemiHaut(d.tauxBoursiers.ratio, 4).toString() : null,
    boursiersRetenus: d.boursiersRetenus ? d.boursiersRetenus.nombre : null,
    dotationBrute: {
      prepaMetiers: money(d.brute.prepaMetiers.valeur),
      preBac: money(d.brute.preBac.valeur),
      postBac: d.brute.postBac ? money(d.brute.postBac.valeur) : null,
    },
    reliquats: { preBac: money(d.reliquats.preBac), postBac: money(d.reliquats.postBac) },
    dotationNette: {
      preBac: moneyOrNull(d.parts.preBac.nette),
      postBac: moneyOrNull(d.parts.postBac.nette),
      total: moneyOrNull(netteTotaleConnue(d)),
    },
    enveloppes: { preBac: d.parts.preBac.cas, postBac: d.parts.postBac.cas },
    motifs: [...d.erreurs, ...d.motifs],
  };
}

/** The `are dotations --json` document. */
export function dotationsJson(resultat: ResultatDotations): DotationsJson {
  const etablissements = [...resultat.etablissements].sort((a, b) =>
    a.uai < b.uai ? -1 : a.uai > b.uai ? 1 : 0,
  );
  const { nette, enveloppes } = resultat.totaux;
  return {
    annee: libelleAnnee(resultat.annee),
    liste: listeJson(resultat.liste),
    forfaits: {
      preBac: money(resultat.forfaits.preBac.valeur),
      postBac: money(resultat.forfaits.postBac.valeur),
      prepaMetiers: money(resultat.forfaits.prepaMetiers.valeur),
    },
    etablissements: etablissements.map(etablissementJson),
    totaux: {
      dotationNette: {
        preBac: money(nette.preBac),
        postBac: money(nette.postBac),
        total: money(nette.total),
      },
      enveloppesNonCalculees: enveloppesNonCalculees(resultat.totaux),
      preBac: totauxEnveloppeJson(enveloppes.preBac),
      postBac: totauxEnveloppeJson(enveloppes.postBac),
    },
    constats: resultat.constats.map(constatJson),
  };
}

export interface ControleJson {
  readonly feuille: string;
  readonly annee: string;
  readonly liste: ListeJson;
  /** The header row found (1-based) and, per field, the column letter and header text; null if none. */
  readonly entete: {
    readonly ligne: number;
    readonly colonnes: Readonly<Record<string, { readonly colonne: string; readonly entete: string }>>;
  } | null;
  readonly lignes: {
    readonly nonVides: number;
    readonly comptees: number;
    readonly ecartees: number;
    readonly ecarteesParMotif: Readonly<Record<string, number>>;
  };
  readonly effectifs: { readonly prepaMetiers: number; readonly preBac: number; readonly postBac: number };
  readonly constats: readonly ConstatJson[];
}

/** The `are controle --json` document. */
export function controleJson(resultat: ResultatControle): ControleJson {
  const colonnes: Record<string, { colonne: string; entete: string }> = {};
  for (const [champ, colonne] of Object.entries(resultat.entete?.colonnes ?? {})) {
    if (colonne) colonnes[champ] = { colonne: colonne.lettre, entete: colonne.entete };
  }
  const { lignes, effectifs } = resultat;
  return {
    feuille: resultat.feuille,
    annee: libelleAnnee(resultat.annee),
    liste: listeJson(resultat.liste),
    entete: resultat.entete ? { ligne: resultat.entete.ligne, colonnes } : null,
    lignes: {
      nonVides: lignes.nonVides,
      comptees: lignes.comptees,
      ecartees: lignes.ecartees,
      ecarteesParMotif: { ...lignes.ecarteesParMotif },
    },
    effectifs: { prepaMetiers: effectifs.prepaMetiers, preBac: effectifs.preBac, postBac: effectifs.postBac },
    constats: resultat.constats.map(constatJson),
  };
}
