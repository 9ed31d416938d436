/**
 * The two nomenclatures a code is made of (R2, R3, regles.md#eligibilite.specialites): the kind of diploma (characters 1-3) and the NSF
 * specialty group (characters 4-6), with which of them the scheme covers. What the regulation says of
 * them is data with its reference (catalogue/regles/*.json, imported at build time: no file is read
 * when the add-in runs), not constants.
 */
import { categorieOfAnnexNiveau, type Categorie } from "./categories";
import exclusions from "./catalogue/regles/exclusions.json";
import specialites from "./catalogue/regles/specialites-nsf.json";
import typesDiplome from "./catalogue/regles/types-diplome.json";

export interface DiplomaKind {
  readonly prefix: string;
  readonly libelle: string;
  /** The dotation line of a first-year student of this kind, or null when the kind is outside the scheme. */
  readonly categorie: Categorie | null;
}

/**
 * R2 and R5 — « élèves de première année de CAP, Bac technologique et Bac professionnel », « élèves
 * boursiers de première année de BTS et des diplômes assimilés », « élèves de 3ème prépa-métiers ».
 * Data with its reference: catalogue/regles/types-diplome.json (prefixes and labels of the BCN).
 */
export const DIPLOMA_KINDS: ReadonlyMap<string, DiplomaKind> = new Map(
  typesDiplome.types.map((t) => [
    t.prefixe,
    {
      prefix: t.prefixe,
      libelle: t.libelle,
      // The annex's labels, read as the annex's Niveau column is: a typo in the data fails at load.
      categorie: t.categorie === null ? null : categorieOfAnnexNiveau(t.categorie),
    },
  ]),
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
const NSF_LABELS: ReadonlyMap<number, string> = new Map(
  Object.entries(specialites.libellesGroupes).map(([nsf, libelle]) => [Number(nsf), libelle]),
);

/** Domains of production, « tous les groupes de spécialités de production sont éligibles ». */
const PRODUCTION_DOMAINS: ReadonlyMap<number, string> = new Map(
  Object.entries(specialites.libellesDomaines).map(([domaine, libelle]) => [Number(domaine), libelle]),
);
const ELIGIBLE_DOMAINS: ReadonlySet<number> = new Set(specialites.domaines);

/** « 100 – Formations générales : uniquement les 3ème prépa-métiers » (judged apart: collège classes). */
export const NSF_PREPA_METIERS: number = specialites.prepaMetiers;

/** The other specialties the regulation lists (disciplinary 134, services 311…344). */
const ELIGIBLE_GROUPS: ReadonlySet<number> = new Set(specialites.groupes);
const ELIGIBLE_SERVICES = specialites.groupes.filter((nsf) => nsf >= 300);

/** The eligible NSF groups in words, as the Catalogue's exclusion of the other specialties states them. */
export const ELIGIBLE_NSF_TEXT = `${specialites.groupes.filter((nsf) => nsf < 200).join(", ")}, ${Math.min(...specialites.domaines)}0 à ${Math.max(...specialites.domaines)}9 (domaines de la production), ${ELIGIBLE_SERVICES.join(", ")} (services listés par l'annexe, 331 hors ST2S)`;

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
  return ELIGIBLE_GROUPS.has(nsf) || ELIGIBLE_DOMAINS.has(Math.floor(nsf / 10));
}

/**
 * ST2S is excluded (regles.md#eligibilite.st2s) from NSF 331 (« 331 – Santé (Hors ST2S) »): bac techno
 * ST2S, current and previous codes, with their BCN labels (catalogue/regles/exclusions.json).
 */
export const ST2S: ReadonlyMap<string, string> = new Map(exclusions.st2s.map((e) => [e.code, e.libelle]));
export const ST2S_CODES: ReadonlySet<string> = new Set(ST2S.keys());
