/**
 * The shape of the parameter data files (`donnees/*.json`, one file per parameter, in the spirit of
 * OpenFisca's parameter files) and their conversion into typed records. Every value is keyed by the
 * school year it takes effect (by month for the IPC) and carries its reference — the document, its
 * address and the article or page —, the date it was last compared with that document, and a note
 * where the project interpreted it.
 *
 * Checked twice before any build ships: the type-check holds each imported file to the `Fichier…`
 * shapes below (a missing field, a number for a text, fails `npm run typecheck`), and
 * test/rules/parametres-donnees.test.ts checks what types cannot (units, amounts written 157.50,
 * dates, years increasing, a document with an address). Loading only converts, so that no bundle
 * carries a validator (design.md §8 weight budgets).
 */
import type { AnneeScolaire } from "../anneeScolaire";
import type { ReferenceJuridique } from "./references";

/** The units a parameter may have, and how its values are written: euros (cents at most) or a count. */
export const UNITES = {
  "€ par élève": "euros",
  "€ par boursier": "euros",
  "€ par concours": "euros",
  "€": "euros",
  "concours par élève": "entier",
} as const;
export type Unite = keyof typeof UNITES;

/** A document values are taken from (`donnees/sources.json`), with where it is published. */
export interface Source {
  readonly titre: string;
  readonly court: string;
  /** The address of the document; null for a text no value is read from (the délibération). */
  readonly url: string | null;
  readonly note: string | null;
}

/** What every value of a file says of where it comes from. */
export interface ProvenanceFichier {
  /** An id of sources.json. */
  readonly source: string;
  /** The article or page of the document: « annexe I, point 2 ». */
  readonly article: string;
  /** AAAA-MM-JJ. */
  readonly verifieLe: string;
  readonly note: string | null;
}

/** A parameter file as written: « forfait.pre_bac.json ». */
export interface FichierParametre {
  readonly id: string;
  readonly nom: string;
  readonly libelle: string;
  readonly regle: string;
  readonly unite: string;
  readonly indexe: boolean;
  /** « 2024-2025 »; the value a decimal string, « 157 » or « 157.50 ». */
  readonly valeurs: readonly (ProvenanceFichier & { readonly annee: string; readonly valeur: string })[];
}

/** The IPC file as written: values by month (« 2023-12 »), each with its base and series. */
export interface FichierIpc {
  readonly valeurs: readonly (ProvenanceFichier & {
    readonly mois: string;
    readonly base: number;
    readonly serie: string;
    readonly valeur: string;
  })[];
}

export interface ValeurDatee {
  /** The rentrée year from which the value applies (2024 = 2024-2025). */
  readonly annee: AnneeScolaire;
  /** A decimal string: amounts never go through binary floating point. */
  readonly valeur: string;
  /** The document and, in `article`, the article or page the value is read from. */
  readonly reference: ReferenceJuridique;
  /** AAAA-MM-JJ: when the value was last compared with its document; null for a value the user entered. */
  readonly verifieLe: string | null;
  /** How the project read the document where it had to interpret it; null otherwise. */
  readonly note: string | null;
}

export interface Parametre {
  /** « forfait.pre_bac »: also the file's name. */
  readonly id: string;
  /** How explanations name it: « Forfait Pré-bac 2024-2025 : 157 € ». */
  readonly nom: string;
  readonly libelle: string;
  /** The rule of design.md it belongs to (R6, R7, R12), carried by its traces. */
  readonly regle: string;
  readonly unite: Unite;
  /**
   * Indexed amounts move every year with the IPC (R7) and are never carried over: a year without its
   * published value is computed by indexation or is missing. A value that is not indexed stays in
   * force until a new one is published (regles.md#parametres.reconduction).
   */
  readonly indexe: boolean;
  /** Oldest first, one per school year at most. */
  readonly valeurs: readonly ValeurDatee[];
}

/** A month of the IPC series file. */
export interface ValeurIpcDonnee extends Pick<ValeurDatee, "reference" | "verifieLe" | "note"> {
  /** "YYYY-MM". */
  readonly mois: string;
  readonly base: 2015 | 2025;
  readonly serie: string;
  readonly valeur: string;
}

/** The reference, date of check and note of one value, its document looked up in sources.json. */
function provenance(
  valeur: ProvenanceFichier,
  sources: Readonly<Record<string, Source>>,
  fichier: string,
): Pick<ValeurDatee, "reference" | "verifieLe" | "note"> {
  const source = sources[valeur.source];
  if (!source)
    throw new Error(
      `Fichier de paramètres ${fichier} : la source « ${valeur.source} » n'est pas dans sources.json.`,
    );
  return {
    reference: {
      titre: source.titre,
      court: source.court,
      url: source.url ?? undefined,
      article: valeur.article,
    },
    verifieLe: valeur.verifieLe,
    note: valeur.note,
  };
}

/** A parameter file as a typed record: « 2024-2025 » becomes 2024, each source its reference. */
export function parametreDuFichier(
  fichier: FichierParametre,
  sources: Readonly<Record<string, Source>>,
): Parametre {
  return {
    ...fichier,
    unite: fichier.unite as Unite,
    valeurs: fichier.valeurs.map((v) => ({
      annee: Number(v.annee.slice(0, 4)),
      valeur: v.valeur,
      ...provenance(v, sources, `${fichier.id}.json`),
    })),
  };
}

/** The IPC file as typed records. */
export function ipcDuFichier(
  fichier: FichierIpc,
  sources: Readonly<Record<string, Source>>,
): ValeurIpcDonnee[] {
  return fichier.valeurs.map((v) => ({
    mois: v.mois,
    base: v.base as 2015 | 2025,
    serie: v.serie,
    valeur: v.valeur,
    ...provenance(v, sources, "ipc.json"),
  }));
}
