/**
 * The two nomenclatures a code is made of (R2, R3, regles.md#eligibilite.specialites): the kind of diploma (characters 1-3) and the NSF
 * specialty group (characters 4-6), with which of them the scheme covers. What the regulation says of
 * them is data with its reference (catalogue/regles/*.json, imported at build time: no file is read
 * when the add-in runs), not constants.
 *
 * These rules « may change » at a rentrée: each file holds versions keyed by the rentrée they apply
 * from, and a year is judged by the version in force, which stays until replaced
 * (regles.md#eligibilite.regles-datees). The rules of a year are resolved once and carried by the
 * catalogue in force for it (Catalogue.regles): judging a row reads one property, never a lookup.
 */
import { categorieDuNiveauAnnexe, type Categorie } from "./categories";
import exclusions from "./catalogue/regles/exclusions.json";
import specialites from "./catalogue/regles/specialites-nsf.json";
import typesDiplome from "./catalogue/regles/types-diplome.json";
import type { AnneeScolaire } from "./anneeScolaire";

export interface TypeDiplome {
  readonly prefix: string;
  readonly libelle: string;
  /** The dotation line of a first-year student of this kind, or null when the kind is outside the scheme. */
  readonly categorie: Categorie | null;
}

/** What every version of a rule file says of itself (test/rules/regles-donnees.test.ts checks it). */
interface VersionRegle {
  /** The rentrée it applies from: « 2023-2024 ». */
  readonly depuis: string;
}

/** A version of specialites-nsf.json: R3's eligible groups and the labels motifs name. */
interface VersionSpecialites extends VersionRegle {
  readonly groupes: readonly number[];
  readonly domaines: readonly number[];
  readonly prepaMetiers: number;
  readonly libellesGroupes: Readonly<Record<string, string>>;
  readonly libellesDomaines: Readonly<Record<string, string>>;
}

/** A version of types-diplome.json: R2's kinds of diploma and their line (an annex Niveau, or null). */
interface VersionTypesDiplome extends VersionRegle {
  readonly dispositif: string;
  readonly types: readonly {
    readonly prefixe: string;
    readonly libelle: string;
    readonly categorie: string | null;
  }[];
}

/** A version of exclusions.json: the codes the regulation excludes by name. */
interface VersionExclusions extends VersionRegle {
  readonly st2s: readonly { readonly code: string; readonly libelle: string }[];
}

/** The catalogue rules in force for a school year: one version of each rule file. */
export interface ReglesCatalogue {
  /** The rentrée each file's version applies from (2023 = 2023-2024). */
  readonly depuis: {
    readonly specialites: AnneeScolaire;
    readonly typesDiplome: AnneeScolaire;
    readonly exclusions: AnneeScolaire;
  };
  /**
   * R2 and R5 — « élèves de première année de CAP, Bac technologique et Bac professionnel », « élèves
   * boursiers de première année de BTS et des diplômes assimilés », « élèves de 3ème prépa-métiers »,
   * by prefix (characters 1-3), with the BCN's labels.
   */
  readonly typesDiplome: ReadonlyMap<string, TypeDiplome>;
  /** The kinds the scheme covers, as a motif lists them. */
  readonly dispositif: string;
  /** ST2S (regles.md#eligibilite.st2s), current and previous codes, with their BCN labels. */
  readonly st2s: ReadonlyMap<string, string>;
  /** « 100 – Formations générales : uniquement les 3ème prépa-métiers » (judged apart: collège classes). */
  readonly nsfPrepaMetiers: number;
  /** The eligible NSF groups in words, as the Catalogue's exclusion of the other specialties states them. */
  readonly texteNsfEligibles: string;
  /**
   * R3 — is the NSF group among the eligible specialties? NSF 100 (formations générales) counts
   * « uniquement les 3ème prépa-métiers », which are judged apart (eligibilite.ts, collège classes):
   * for every other kind it is not eligible.
   */
  nsfEligible(nsf: number): boolean;
  /** « 311 – Transport, manutention, magasinage », « 221 – domaine 22 « Transformations » », « 022 ». */
  libelleNsf(nsf: number): string;
}

/** « Formations générales du 1er cycle »: every collège class (design.md R2, R3). */
export const PREFIXE_COLLEGE = "670";

/** The label of the 3ème prépa-métiers in the BCN and the annex, the one eligible collège class. */
export const LIBELLE_PREPA_METIERS = "3EME PREPA-METIERS";

/**
 * The collège classes of the BCN that users meet (design.md R2), named in the motif that refuses them.
 * Any other 670 code is refused all the same, as « formation générale du 1er cycle ».
 */
export const CLASSES_COLLEGE: ReadonlyMap<string, string> = new Map([
  ["67010012", "6e"],
  ["67010001", "5e-4e"],
  ["67010019", "3e"],
  ["67010021", "3e de l'enseignement agricole"],
  ["67010031", LIBELLE_PREPA_METIERS],
]);

/** « 2023-2024 » → 2023. Only converts: the data test checks the form, as for the parameter files. */
function rentree(version: VersionRegle): AnneeScolaire {
  return Number(version.depuis.slice(0, 4));
}

/**
 * The version in force for a year: the one from the latest rentrée not after it, which stays in force
 * until a later one replaces it; a year before every version (refused as not encoded elsewhere) takes
 * the first one.
 */
function enVigueur<V extends VersionRegle>(versions: readonly V[], annee: AnneeScolaire): V {
  let trouvee = versions[0];
  for (const version of versions)
    if (rentree(version) <= annee && rentree(version) >= rentree(trouvee)) trouvee = version;
  return trouvee;
}

function typesDeLaVersion(version: VersionTypesDiplome): ReadonlyMap<string, TypeDiplome> {
  return new Map(
    version.types.map((t) => [
      t.prefixe,
      {
        prefix: t.prefixe,
        libelle: t.libelle,
        // The annex's labels, read as the annex's Niveau column is: a typo in the data fails at load.
        categorie: t.categorie === null ? null : categorieDuNiveauAnnexe(t.categorie),
      },
    ]),
  );
}

function reglesDesVersions(
  vs: VersionSpecialites,
  vt: VersionTypesDiplome,
  ve: VersionExclusions,
): ReglesCatalogue {
  // NSF groups named in the regulation (eligible ones) and the ones users meet most among the others.
  const libellesGroupes = new Map(Object.entries(vs.libellesGroupes).map(([nsf, l]) => [Number(nsf), l]));
  // Domains of production, « tous les groupes de spécialités de production sont éligibles ».
  const libellesDomaines = new Map(Object.entries(vs.libellesDomaines).map(([d, l]) => [Number(d), l]));
  const domaines: ReadonlySet<number> = new Set(vs.domaines);
  // The other specialties the regulation lists (disciplinary 134, services 311…344).
  const groupes: ReadonlySet<number> = new Set(vs.groupes);
  const services = vs.groupes.filter((nsf) => nsf >= 300);
  return {
    depuis: { specialites: rentree(vs), typesDiplome: rentree(vt), exclusions: rentree(ve) },
    typesDiplome: typesDeLaVersion(vt),
    dispositif: vt.dispositif,
    st2s: new Map(ve.st2s.map((x) => [x.code, x.libelle])),
    nsfPrepaMetiers: vs.prepaMetiers,
    texteNsfEligibles: `${vs.groupes.filter((nsf) => nsf < 200).join(", ")}, ${Math.min(...vs.domaines)}0 à ${Math.max(...vs.domaines)}9 (domaines de la production), ${services.join(", ")} (services listés par l'annexe, 331 hors ST2S)`,
    nsfEligible: (nsf) => groupes.has(nsf) || domaines.has(Math.floor(nsf / 10)),
    libelleNsf: (nsf) => {
      if (Number.isNaN(nsf)) return "(lettres, aucun groupe NSF)";
      const own = libellesGroupes.get(nsf);
      if (own) return `${nsf} – ${own}`;
      const domain = libellesDomaines.get(Math.floor(nsf / 10));
      if (domain) return `${nsf} – domaine ${Math.floor(nsf / 10)} « ${domain} »`;
      // Characters 4-6 as written in the code: « 022 », not « 22 ».
      return String(nsf).padStart(3, "0");
    },
  };
}

/** Rules by year, and by combination of versions: years that share their versions share one object. */
const PAR_ANNEE = new Map<AnneeScolaire, ReglesCatalogue>();
const PAR_VERSIONS = new Map<string, ReglesCatalogue>();

/** The catalogue rules in force for a school year, built once per combination of versions. */
export function reglesCatalogue(annee: AnneeScolaire): ReglesCatalogue {
  let regles = PAR_ANNEE.get(annee);
  if (regles === undefined) {
    const s = enVigueur<VersionSpecialites>(specialites.versions, annee);
    const t = enVigueur<VersionTypesDiplome>(typesDiplome.versions, annee);
    const e = enVigueur<VersionExclusions>(exclusions.versions, annee);
    const cle = `${s.depuis}/${t.depuis}/${e.depuis}`;
    regles = PAR_VERSIONS.get(cle) ?? reglesDesVersions(s, t, e);
    PAR_VERSIONS.set(cle, regles);
    PAR_ANNEE.set(annee, regles);
  }
  return regles;
}
