/**
 * The two nomenclatures a code is made of (R2, R3, regles.md#eligibilite.specialites): the kind of diploma (characters 1-3) and the NSF
 * specialty group (characters 4-6), with which of them the scheme covers.
 */
import type { Categorie } from "./categories";

export interface DiplomaKind {
  readonly prefix: string;
  readonly libelle: string;
  /** The dotation line of a first-year student of this kind, or null when the kind is outside the scheme. */
  readonly categorie: Categorie | null;
}

const kind = (prefix: string, libelle: string, categorie: Categorie | null): DiplomaKind => ({
  prefix,
  libelle,
  categorie,
});

/**
 * R2 and R5 — « élèves de première année de CAP, Bac technologique et Bac professionnel », « élèves
 * boursiers de première année de BTS et des diplômes assimilés », « élèves de 3ème prépa-métiers ».
 * The prefixes and labels are those of design.md R2 (BCN table N_NIVEAU_FORMATION_DIPLOME).
 */
export const DIPLOMA_KINDS: ReadonlyMap<string, DiplomaKind> = new Map(
  [
    kind("500", "CAP", "PRE_BAC"),
    kind("503", "CAP agricole", "PRE_BAC"),
    kind("400", "bac professionnel", "PRE_BAC"),
    kind("403", "bac professionnel agricole", "PRE_BAC"),
    kind("401", "brevet des métiers d'art (BMA)", "PRE_BAC"),
    kind("430", "bac technologique", "PRE_BAC"),
    kind("433", "bac technologique agricole", "PRE_BAC"),
    kind("420", "brevet de technicien (BT)", "PRE_BAC"),
    kind("460", "préparation diverse pré-bac", "PRE_BAC"),
    // Every collège class, of which only the 3ème prépa-métiers is eligible: see COLLEGE_PREFIX.
    kind("670", "formation générale du 1er cycle (collège)", "PREPA_METIERS"),
    kind("320", "BTS", "POST_BAC"),
    kind("323", "BTS agricole", "POST_BAC"),
    // « BTS et diplômes assimilés »: the BCN's DMA and other diplomas assimilated to the BTS.
    kind("321", "diplôme des métiers d'art (DMA)", "POST_BAC"),
    kind("322", "autre diplôme assimilé au BTS", "POST_BAC"),
    kind("241", "DN MADE", "POST_BAC"),
    kind("260", "préparation diverse post-bac", "POST_BAC"),
    kind("140", "DSAA", "POST_BAC"),
    // Outside the scheme: named so that the motif says what the code is.
    kind("010", "mention complémentaire (niveau 3)", null),
    kind("461", "mention complémentaire (niveau 4)", null),
    kind("450", "brevet professionnel", null),
    kind("470", "bac général", null),
    kind("350", "DUT", null),
    kind("370", "CPGE", null),
    kind("510", "BEP", null),
    kind("561", "certificat de spécialisation (niveau 3)", null),
  ].map((k) => [k.prefix, k]),
);

/** The kinds the scheme covers, as a motif lists them. */
export const KINDS_OF_THE_SCHEME =
  "CAP, bac pro, bac techno, BMA, BT, BTS et assimilés, DN MADE, DSAA, 3e prépa-métiers";

/** « Formations générales du 1er cycle »: every collège class (design.md R2, R3). */
export const COLLEGE_PREFIX = "670";

/** The label of the 3ème prépa-métiers in the BCN and the annex, the one eligible collège class. */
export const LIBELLE_PREPA_METIERS = "3EME PREPA-METIERS";

/**
 * The collège classes of the BCN that users meet (design.md R2), named in the motif that refuses them.
 * Any other 670 code is refused all the same, as « formation générale du 1er cycle ».
 */
export const COLLEGE_CLASSES: ReadonlyMap<string, string> = new Map([
  ["67010012", "6e"],
  ["67010001", "5e-4e"],
  ["67010019", "3e"],
  ["67010021", "3e de l'enseignement agricole"],
  ["67010031", LIBELLE_PREPA_METIERS],
]);

/** NSF groups named in the regulation (eligible ones) and the ones users meet most among the others. */
const NSF_LABELS: ReadonlyMap<number, string> = new Map([
  [100, "Formations générales"],
  [120, "Spécialités pluridisciplinaires, sciences humaines et droit"],
  [130, "Spécialités littéraires et artistiques plurivalentes"],
  [133, "Musique, arts du spectacle"],
  [134, "Autres disciplines artistiques et spécialités artistiques plurivalentes"],
  [310, "Spécialités plurivalentes des échanges et de la gestion"],
  [311, "Transport, manutention, magasinage"],
  [312, "Commerce, vente"],
  [313, "Finances, banque, assurances"],
  [314, "Comptabilité, gestion"],
  [320, "Spécialités plurivalentes de la communication"],
  [321, "Journalisme et communication (y compris communication graphique)"],
  [322, "Techniques de l'imprimerie et de l'édition"],
  [323, "Techniques de l'image et du son, métiers connexes du spectacle"],
  [324, "Secrétariat, bureautique"],
  [326, "Informatique, traitement de l'information, réseaux de transmission"],
  [330, "Spécialités plurivalentes sanitaires et sociales"],
  [331, "Santé (hors ST2S)"],
  [332, "Travail social"],
  [333, "Enseignement, formation"],
  [334, "Accueil, hôtellerie, tourisme"],
  [335, "Animation culturelle, sportive et de loisirs"],
  [336, "Coiffure, esthétique et autres spécialités des services aux personnes"],
  [343, "Nettoyage, assainissement, protection de l'environnement"],
  [344, "Sécurité des biens et des personnes, police, surveillance, hygiène et sécurité"],
]);

/** Domains of production, « tous les groupes de spécialités de production sont éligibles ». */
const PRODUCTION_DOMAINS: ReadonlyMap<number, string> = new Map([
  [20, "Spécialités pluri-technologiques de production"],
  [21, "Agriculture, pêche, forêt et espaces verts"],
  [22, "Transformations"],
  [23, "Génie civil, construction et bois"],
  [24, "Matériaux souples"],
  [25, "Mécanique, électricité, électronique"],
]);

/** Services specialties listed by the regulation (section « Domaines technico-professionnels des services »). */
const ELIGIBLE_SERVICES: ReadonlySet<number> = new Set([
  311, 312, 321, 322, 323, 330, 331, 334, 336, 343, 344,
]);

/** The eligible NSF groups in words, as the Catalogue's exclusion of the other specialties states them. */
export const ELIGIBLE_NSF_TEXT = `134, 200 à 259 (domaines de la production), ${[...ELIGIBLE_SERVICES].join(", ")} (services listés par l'annexe, 331 hors ST2S)`;

export function nsfLabel(nsf: number): string {
  if (Number.isNaN(nsf)) return "(lettres, aucun groupe NSF)";
  const own = NSF_LABELS.get(nsf);
  if (own) return `${nsf} – ${own}`;
  const domain = PRODUCTION_DOMAINS.get(Math.floor(nsf / 10));
  if (domain) return `${nsf} – domaine ${Math.floor(nsf / 10)} « ${domain} »`;
  // Characters 4-6 as written in the code: « 022 », not « 22 ».
  return String(nsf).padStart(3, "0");
}

/**
 * R3 — is the NSF group among the eligible specialties? NSF 100 (formations générales) counts
 * « uniquement les 3ème prépa-métiers », which are judged apart (eligibility.ts, collège classes):
 * for every other kind it is not eligible.
 */
export function isEligibleNsf(nsf: number): boolean {
  if (nsf === 134) return true;
  if (nsf >= 200 && nsf <= 259) return true;
  return ELIGIBLE_SERVICES.has(nsf);
}

/** ST2S is excluded (regles.md#eligibilite.st2s) from NSF 331 (« 331 – Santé (Hors ST2S) »): bac techno ST2S, current and previous codes. */
export const ST2S_CODES: ReadonlySet<string> = new Set(["43033104", "43033103"]);
