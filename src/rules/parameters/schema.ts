/**
 * The shape of the parameter data files (`donnees/*.json`, one file per parameter, in the spirit of
 * OpenFisca's parameter files) and their reading into typed records. Every value is keyed by the
 * school year it takes effect (by month for the IPC) and carries its reference — the document, its
 * address and the article or page —, the date it was last compared with that document, and a note
 * where the project interpreted it.
 *
 * A file that does not have this shape stops the core from loading, with a message naming the file
 * and the value: a wrong amount must never be computed from a half-read record. The integrity tests
 * (test/rules/parametres-donnees.test.ts) read the same files and say the same earlier.
 */
import type { SchoolYear } from "../schoolYear";
import type { LegalReference } from "./references";

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

export interface ValeurDatee {
  /** The rentrée year from which the value applies (2024 = 2024-2025). */
  readonly annee: SchoolYear;
  /** A decimal string: amounts never go through binary floating point. */
  readonly valeur: string;
  /** The document and, in `article`, the article or page the value is read from. */
  readonly reference: LegalReference;
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

/** A malformed data file: a developer's or data editor's error, stopped before any amount is computed. */
export class FichierParametresInvalide extends Error {
  constructor(fichier: string, probleme: string) {
    super(`Fichier de paramètres ${fichier} : ${probleme}`);
    this.name = "FichierParametresInvalide";
  }
}

type Brut = Record<string, unknown>;

function objet(value: unknown, fichier: string, quoi: string): Brut {
  if (value === null || typeof value !== "object" || Array.isArray(value))
    throw new FichierParametresInvalide(fichier, `${quoi} doit être un objet { … }.`);
  return value as Brut;
}

function texte(brut: Brut, cle: string, fichier: string, quoi: string): string {
  const value = brut[cle];
  if (typeof value !== "string" || value.trim() === "")
    throw new FichierParametresInvalide(fichier, `${quoi} : « ${cle} » doit être un texte non vide.`);
  return value;
}

function texteOuNull(brut: Brut, cle: string, fichier: string, quoi: string): string | null {
  if (brut[cle] === null || brut[cle] === undefined) return null;
  return texte(brut, cle, fichier, quoi);
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function dateVerification(brut: Brut, fichier: string, quoi: string): string {
  const value = texte(brut, "verifieLe", fichier, quoi);
  const m = DATE.exec(value);
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12 || Number(m[3]) < 1 || Number(m[3]) > 31)
    throw new FichierParametresInvalide(
      fichier,
      `${quoi} : « verifieLe » doit être une date AAAA-MM-JJ (reçu « ${value} »).`,
    );
  return value;
}

/** « 2025-2026 » → 2025; null for anything else (« 2025 », « 2025-2027 »). */
function anneeScolaire(label: string): SchoolYear | null {
  const m = /^(\d{4})-(\d{4})$/.exec(label);
  return m && Number(m[2]) === Number(m[1]) + 1 ? Number(m[1]) : null;
}

const MONTANT = /^\d+(\.\d{1,2})?$/;
const ENTIER = /^\d+$/;
const INDICE = /^\d+(\.\d+)?$/;

/** The documents of `sources.json`, by id. */
export function lireSources(json: unknown, fichier = "sources.json"): ReadonlyMap<string, Source> {
  const sources = new Map<string, Source>();
  for (const [id, value] of Object.entries(objet(json, fichier, "le fichier"))) {
    const brut = objet(value, fichier, `la source « ${id} »`);
    const quoi = `source « ${id} »`;
    const url = texteOuNull(brut, "url", fichier, quoi);
    if (url !== null && !/^https:\/\/\S+$/.test(url))
      throw new FichierParametresInvalide(fichier, `${quoi} : « url » doit être une adresse https.`);
    sources.set(id, {
      titre: texte(brut, "titre", fichier, quoi),
      court: texte(brut, "court", fichier, quoi),
      url,
      note: texteOuNull(brut, "note", fichier, quoi),
    });
  }
  return sources;
}

/** The reference of one value: its document, which must have an address, and the article or page. */
function reference(
  brut: Brut,
  sources: ReadonlyMap<string, Source>,
  fichier: string,
  quoi: string,
): LegalReference {
  const id = texte(brut, "source", fichier, quoi);
  const source = sources.get(id);
  if (!source)
    throw new FichierParametresInvalide(
      fichier,
      `${quoi} : la source « ${id} » n'est pas dans sources.json.`,
    );
  if (source.url === null)
    throw new FichierParametresInvalide(
      fichier,
      `${quoi} : la source « ${id} » n'a pas d'adresse (url) ; une valeur cite un document qu'on peut ouvrir.`,
    );
  return {
    titre: source.titre,
    court: source.court,
    url: source.url,
    article: texte(brut, "article", fichier, quoi),
  };
}

function valeurs(brut: Brut, fichier: string): Brut[] {
  const liste = brut.valeurs;
  if (!Array.isArray(liste) || liste.length === 0)
    throw new FichierParametresInvalide(fichier, "« valeurs » doit être une liste d'au moins une valeur.");
  return liste.map((v, i) => objet(v, fichier, `la valeur n° ${i + 1}`));
}

/** One parameter file, checked: its id, unit, flag, and every value with its reference, years increasing. */
export function lireParametre(
  json: unknown,
  fichier: string,
  sources: ReadonlyMap<string, Source>,
): Parametre {
  const brut = objet(json, fichier, "le fichier");
  const unite = texte(brut, "unite", fichier, "le paramètre") as Unite;
  if (!(unite in UNITES))
    throw new FichierParametresInvalide(
      fichier,
      `unité « ${unite} » inconnue (attendu : ${Object.keys(UNITES).join(", ")}).`,
    );
  if (typeof brut.indexe !== "boolean")
    throw new FichierParametresInvalide(fichier, "« indexe » doit être true ou false.");
  const forme = UNITES[unite] === "euros" ? MONTANT : ENTIER;
  const lues: ValeurDatee[] = valeurs(brut, fichier).map((v) => {
    const label = texte(v, "annee", fichier, "une valeur");
    const quoi = `valeur ${label}`;
    const annee = anneeScolaire(label);
    if (annee === null)
      throw new FichierParametresInvalide(
        fichier,
        `${quoi} : « annee » doit être une année scolaire écrite 2025-2026.`,
      );
    const valeur = texte(v, "valeur", fichier, quoi);
    if (!forme.test(valeur))
      throw new FichierParametresInvalide(
        fichier,
        `${quoi} : « ${valeur} » n'est pas ${forme === MONTANT ? "un montant écrit 157 ou 157.50" : "un nombre entier"}.`,
      );
    return {
      annee,
      valeur,
      reference: reference(v, sources, fichier, quoi),
      verifieLe: dateVerification(v, fichier, quoi),
      note: texteOuNull(v, "note", fichier, quoi),
    };
  });
  lues.forEach((v, i) => {
    if (i > 0 && v.annee <= lues[i - 1].annee)
      throw new FichierParametresInvalide(
        fichier,
        "les valeurs doivent aller de la plus ancienne à la plus récente, une par année scolaire.",
      );
  });
  return {
    id: texte(brut, "id", fichier, "le paramètre"),
    nom: texte(brut, "nom", fichier, "le paramètre"),
    libelle: texte(brut, "libelle", fichier, "le paramètre"),
    regle: texte(brut, "regle", fichier, "le paramètre"),
    unite,
    indexe: brut.indexe,
    valeurs: lues,
  };
}

/** A December (or any month) value of the IPC series file. */
export interface ValeurIpcDonnee {
  /** "YYYY-MM". */
  readonly mois: string;
  readonly base: 2015 | 2025;
  readonly serie: string;
  readonly valeur: string;
  readonly reference: LegalReference;
  readonly verifieLe: string | null;
  readonly note: string | null;
}

const MOIS = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** The IPC file: values keyed by month, each with its base, series, reference and date of check. */
export function lireSerieIpc(
  json: unknown,
  fichier: string,
  sources: ReadonlyMap<string, Source>,
): ValeurIpcDonnee[] {
  const brut = objet(json, fichier, "le fichier");
  const lues = valeurs(brut, fichier).map((v): ValeurIpcDonnee => {
    const mois = texte(v, "mois", fichier, "une valeur");
    const quoi = `valeur ${mois}`;
    if (!MOIS.test(mois))
      throw new FichierParametresInvalide(fichier, `${quoi} : « mois » doit s'écrire AAAA-MM.`);
    if (v.base !== 2015 && v.base !== 2025)
      throw new FichierParametresInvalide(fichier, `${quoi} : « base » doit être 2015 ou 2025.`);
    const valeur = texte(v, "valeur", fichier, quoi);
    if (!INDICE.test(valeur))
      throw new FichierParametresInvalide(
        fichier,
        `${quoi} : « ${valeur} » n'est pas un indice écrit 118.38.`,
      );
    return {
      mois,
      base: v.base,
      serie: texte(v, "serie", fichier, quoi),
      valeur,
      reference: reference(v, sources, fichier, quoi),
      verifieLe: dateVerification(v, fichier, quoi),
      note: texteOuNull(v, "note", fichier, quoi),
    };
  });
  lues.forEach((v, i) => {
    const avant = lues[i - 1];
    if (avant && (v.mois < avant.mois || (v.mois === avant.mois && v.base <= avant.base)))
      throw new FichierParametresInvalide(
        fichier,
        "les valeurs doivent aller du mois le plus ancien au plus récent, une par mois et par base.",
      );
  });
  return lues;
}
