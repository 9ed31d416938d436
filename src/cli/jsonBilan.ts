/**
 * The `--json` output of `are complementaire`, `are bilan controle` and `are reliquats`: stable
 * contracts (docs/bilan.md) in the style of json.ts — money as a string with two decimals
 * (« 628.00 »), never a binary float; null where a figure is unknown.
 */
import {
  LIBELLES_CATEGORIES,
  formaterTrace,
  libelleAnnee,
  texteDecimal,
  type Decimal,
  type Enveloppe,
} from "../rules";
import type {
  EnveloppeControlee,
  ResultatControleBilan,
  ResultatDemande,
  ResultatReliquats,
} from "../workflows";
import { constatJson, type ConstatJson } from "./json";

const money = (value: Decimal): string => texteDecimal(value, 2);
const moneyOrNull = (value: Decimal | null): string | null => (value === null ? null : money(value));

export interface DemandeJson {
  /** « 2024-2025 ». */
  readonly annee: string;
  readonly etablissement: { readonly uai: string | null; readonly nom: string | null };
  readonly forfaits: { readonly preBac: string; readonly postBac: string; readonly prepaMetiers: string };
  /** Pré-bac first, then post-bac. */
  readonly lignes: readonly {
    /** The sheet row it comes from. */
    readonly ligne: number;
    readonly code: string;
    readonly nsf: number;
    readonly intitule: string;
    /** « PRE BAC », « POST BAC », « 3EME PREPA-METIERS ». */
    readonly categorie: string;
    readonly enveloppe: Enveloppe;
    /** Extra students (pré-bac, 3ème prépa-métiers) or extra boursiers (post-bac). */
    readonly supplementaires: number;
    readonly forfait: string;
    readonly montant: string;
    readonly explication: string;
  }[];
  /** Null when not computed (a formation on two lines: the constats say which), and then the total. */
  readonly totaux: {
    readonly preBac: string | null;
    readonly postBac: string | null;
    readonly total: string | null;
  };
  readonly constats: readonly ConstatJson[];
}

export function demandeJson(resultat: ResultatDemande): DemandeJson {
  const { forfaits, totaux } = resultat;
  return {
    annee: libelleAnnee(resultat.annee),
    etablissement: { ...resultat.etablissement },
    forfaits: {
      preBac: money(forfaits.preBac.valeur),
      postBac: money(forfaits.postBac.valeur),
      prepaMetiers: money(forfaits.prepaMetiers.valeur),
    },
    lignes: resultat.demandees.map((l) => ({
      ligne: l.ligne,
      code: l.code,
      nsf: l.nsf,
      intitule: l.intitule,
      categorie: LIBELLES_CATEGORIES[l.categorie],
      enveloppe: l.enveloppe,
      supplementaires: l.supplementaires,
      forfait: money(l.forfait),
      montant: money(l.montant.valeur),
      explication: formaterTrace(l.montant.trace),
    })),
    totaux: {
      preBac: moneyOrNull(totaux.preBac),
      postBac: moneyOrNull(totaux.postBac),
      total: moneyOrNull(totaux.total),
    },
    constats: resultat.constats.map(constatJson),
  };
}

export interface EnveloppeBilanJson {
  readonly dotationRecue: string | null;
  readonly reliquatAnterieur: string | null;
  /** Purchases retained in the envelope. */
  readonly depense: string;
  readonly lignes: number;
  readonly elevesAides: number;
  /** dotationRecue + reliquatAnterieur; null when not computed. */
  readonly disponible: string | null;
  /** The next year's reliquat (never negative); null when not computed. */
  readonly nouveauReliquat: string | null;
  /** Spending above the available amount (« 0.00 » when within); null when not computed. */
  readonly depassement: string | null;
  readonly explication: string;
}

function enveloppeJson(e: EnveloppeControlee): EnveloppeBilanJson {
  return {
    dotationRecue: moneyOrNull(e.dotationRecue),
    reliquatAnterieur: moneyOrNull(e.reliquatAnterieur),
    depense: money(e.depense),
    lignes: e.lignes,
    elevesAides: e.elevesAides,
    disponible: e.solde ? money(e.solde.disponible.valeur) : null,
    nouveauReliquat: e.solde ? money(e.solde.nouveauReliquat.valeur) : null,
    depassement: e.solde ? money(e.solde.depassement) : null,
    explication: e.solde
      ? formaterTrace(e.solde.nouveauReliquat.trace)
      : `Reliquat non calculé : il manque ${e.manque}.`,
  };
}

export interface BilanJson {
  readonly feuille: string;
  readonly annee: string;
  readonly uai: string | null;
  readonly nom: string | null;
  readonly enveloppes: Readonly<Record<Enveloppe, EnveloppeBilanJson>>;
  readonly achats: readonly {
    readonly ligne: number;
    readonly code: string;
    readonly enveloppe: Enveloppe;
    readonly effectif: number | null;
    readonly elevesAides: number | null;
    readonly montant: string;
    readonly types: readonly string[];
  }[];
  readonly lignes: {
    readonly nonVides: number;
    readonly retenues: number;
    readonly ecartees: number;
    readonly ecarteesParMotif: Readonly<Record<string, number>>;
  };
  readonly constats: readonly ConstatJson[];
}

export function bilanJson(resultat: ResultatControleBilan): BilanJson {
  const { lignes } = resultat;
  return {
    feuille: resultat.feuille,
    annee: libelleAnnee(resultat.annee),
    uai: resultat.uai,
    nom: resultat.nom,
    enveloppes: {
      preBac: enveloppeJson(resultat.enveloppes.preBac),
      postBac: enveloppeJson(resultat.enveloppes.postBac),
    },
    achats: resultat.achats.map((a) => ({
      ligne: a.ligne,
      code: a.code,
      enveloppe: a.enveloppe,
      effectif: a.effectif,
      elevesAides: a.elevesAides,
      montant: money(a.montant),
      types: [...a.types],
    })),
    lignes: {
      nonVides: lignes.nonVides,
      retenues: lignes.comptees,
      ecartees: lignes.ecartees,
      ecarteesParMotif: { ...lignes.ecarteesParMotif },
    },
    constats: resultat.constats.map(constatJson),
  };
}

export interface ReliquatsJson {
  /** The bilans' school year, « 2023-2024 ». */
  readonly anneeBilans: string;
  /** The dotation they are deducted from, « 2024-2025 ». */
  readonly anneeDotations: string;
  /** Sorted by UAI. */
  readonly etablissements: readonly {
    readonly uai: string;
    readonly nom: string | null;
    readonly bilan: string | null;
    /** Null when not computed (incomplete bilan). */
    readonly reliquats: { readonly preBac: string | null; readonly postBac: string | null };
    readonly observations: readonly string[];
  }[];
  readonly constats: readonly ConstatJson[];
}

export function reliquatsJson(resultat: ResultatReliquats): ReliquatsJson {
  return {
    anneeBilans: libelleAnnee(resultat.anneeBilans),
    anneeDotations: libelleAnnee(resultat.anneeDotations),
    etablissements: resultat.reliquats.map((r) => ({
      uai: r.uai,
      nom: r.nom,
      bilan: r.bilan,
      reliquats: { preBac: moneyOrNull(r.reliquats.preBac), postBac: moneyOrNull(r.reliquats.postBac) },
      observations: [...r.observations],
    })),
    constats: resultat.constats.map(constatJson),
  };
}
