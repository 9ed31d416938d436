/**
 * Eligibility of a formation (R2-R4): is a first-year student of this formation counted, and in which
 * line? Eligibility is judged apart from any amount (the amount is dotation.ts's business).
 */
import { LIBELLES_CATEGORIES, type Categorie } from "./categories";
import type { Catalogue, Formation } from "./catalogue/catalogue";
import { Catalogues, type CatalogueEnVigueur } from "./catalogue/registre";
import { LIBELLES_BCN, SUCCESSEURS } from "./catalogue/successeurs";
import { lireCodeFormation, nsfDe, prefixeDe } from "./codes";
import { ErreurArgument } from "./erreurs";
import {
  CLASSES_COLLEGE,
  LIBELLE_PREPA_METIERS,
  PREFIXE_COLLEGE,
  type ReglesCatalogue,
  type TypeDiplome,
} from "./nomenclature";
import { libelleAnnee, type AnneeScolaire } from "./anneeScolaire";
import { normaliserLibelle } from "./texte";

export interface Eligibilite {
  readonly code: string;
  readonly eligible: boolean;
  /** The dotation line when eligible, null otherwise. */
  readonly categorie: Categorie | null;
  /** Why, in French, naming the list or the rule used. */
  readonly motif: string;
  /**
   * `catalogue` when found in the annex list, `successeur` when the national nomenclature names it as
   * the successor of a listed code (R4), `regle` when judged by R2+R3.
   */
  readonly source: "catalogue" | "successeur" | "regle";
  /** Set when the formation counts but must be checked (absent from the indicative list). */
  readonly alerte: string | null;
  readonly formation: Formation | null;
  /** Characters 4-6; NaN when they contain a letter. */
  readonly nsf: number;
}

/** R4 — Décision (regles.md#catalogue.hors-liste): a well-formed code absent from the list is judged by R2+R3 and, if eligible, counts with this alerte. */
function alerteHorsListe(catalogue: Catalogue): string {
  return `hors ${catalogue.nom} : à vérifier`;
}

/**
 * The two kinds of verdict of jugerFormation. Décision (regles.md#technique.performance; performance, issue 7): each verdict is an
 * object literal written out in full rather than spread from a common base: on Node 20 adding keys to a
 * spread copy costs about 6 µs, and ARE.ELIGIBLE judges every cell of a range.
 */
function nonEligible(code: string, nsf: number, motif: string): Eligibilite {
  return {
    code,
    nsf,
    formation: null,
    alerte: null,
    source: "regle",
    eligible: false,
    categorie: null,
    motif,
  };
}

function eligibleVerdict(
  code: string,
  nsf: number,
  categorie: Categorie,
  motif: string,
  from: { formation: Formation } | { alerte: string; successeur?: true },
): Eligibilite {
  const formation = "formation" in from ? from.formation : null;
  const alerte = "alerte" in from ? from.alerte : null;
  const source = formation ? "catalogue" : "successeur" in from ? "successeur" : "regle";
  return { code, nsf, formation, alerte, source, eligible: true, categorie, motif };
}

/** The motif of a kind of diploma outside the scheme (or unknown), shared with the Catalogue's exclusions. */
export function motifHorsDispositif(
  prefix: string,
  kind: TypeDiplome | undefined,
  regles: ReglesCatalogue,
): string {
  const what = kind ? kind.libelle : `type de diplôme ${prefix}`;
  return `Non éligible : ${what} (préfixe ${prefix}), hors du dispositif ARE (${regles.dispositif}).`;
}

/** « liste 2023-2024 », or « liste 2023-2024 utilisée pour 2025-2026 » when carried over (regles.md#catalogue.annexe). */
function listeCourte(catalogue: Catalogue): string {
  const pour = (catalogue as Partial<CatalogueEnVigueur>).pourAnnee;
  const report = pour !== undefined && pour !== catalogue.annee ? ` utilisée pour ${libelleAnnee(pour)}` : "";
  return `liste ${libelleAnnee(catalogue.annee)}${report}`;
}

/** A listed formation's label, and its new BCN label when it was renamed since the list (R4). */
function libelleListe(formation: Formation, catalogue: Catalogue): string {
  const renamed = LIBELLES_BCN.get(formation.code);
  return renamed === undefined
    ? `${formation.libelle}, ${catalogue.nom}`
    : `${formation.libelle} (${catalogue.nom}), devenu ${renamed}`;
}

/** « 67010031 3EME PREPA-METIERS », the collège classes a list names; computed once per list. */
const LISTED_COLLEGE_CLASSES = new WeakMap<Catalogue, string>();
function listedCollegeClasses(catalogue: Catalogue): string {
  let listed = LISTED_COLLEGE_CLASSES.get(catalogue);
  if (listed === undefined) {
    listed = catalogue.formations
      .filter((f) => prefixeDe(f.code) === PREFIXE_COLLEGE)
      .map((f) => `${f.code} ${f.libelle}`)
      .join(", ");
    LISTED_COLLEGE_CLASSES.set(catalogue, listed);
  }
  return listed;
}

/**
 * R3 — Décision (regles.md#eligibilite.college-670; design.md R3): a collège class (prefix 670) absent from the year's list is eligible
 * only when its label is « 3EME PREPA-METIERS » — given by the caller, or the BCN label of the
 * classes we know; every other collège class (6ème, 5ème-4ème, 3ème…) is not eligible, whatever its
 * NSF group: a cité scolaire's collège students are not paid the 3ème prépa-métiers forfait.
 */
function judgeCollege(
  code: string,
  nsf: number,
  catalogue: Catalogue,
  libelle: string | undefined,
): Eligibilite {
  const label = libelle ?? CLASSES_COLLEGE.get(code);
  if (label !== undefined && normaliserLibelle(label) === normaliserLibelle(LIBELLE_PREPA_METIERS)) {
    const alerte = alerteHorsListe(catalogue);
    const motif = `Éligible ${LIBELLES_CATEGORIES.PREPA_METIERS} par la règle (3e prépa-métiers) ; ${alerte}.`;
    return eligibleVerdict(code, nsf, "PREPA_METIERS", motif, { alerte });
  }
  const listed = listedCollegeClasses(catalogue);
  const which =
    label === undefined ? `formation générale du 1er cycle, code ${code}` : `${label}, code ${code}`;
  return nonEligible(
    code,
    nsf,
    `Non éligible : classe de collège (${which}) ; parmi les classes de collège, seule la 3e prépa-métiers est éligible${listed === "" ? "" : ` (${listed}, ${catalogue.nom})`}.`,
  );
}

/**
 * Judges a code already normalised to 8 characters (see lireCodeFormation). `libelle`, when the caller
 * has the formation's label, lets a collège class absent from the list be recognised as a 3ème
 * prépa-métiers by it. The rules are those the catalogue carries for the year it judges
 * (regles.md#eligibilite.regles-datees), resolved once per year: no lookup by row.
 */
export function jugerFormation(code: string, catalogue: Catalogue, libelle?: string): Eligibilite {
  const nsf = nsfDe(code);
  const prefix = prefixeDe(code);
  const regles = catalogue.regles;

  if (regles.st2s.has(code)) {
    return nonEligible(
      code,
      nsf,
      "Non éligible : bac technologique ST2S, exclu de la spécialité 331 « Santé (hors ST2S) ».",
    );
  }

  const formation = catalogue.get(code);
  if (formation) {
    const motif = `Éligible ${LIBELLES_CATEGORIES[formation.categorie]} : ${libelleListe(formation, catalogue)}.`;
    return eligibleVerdict(code, nsf, formation.categorie, motif, { formation });
  }

  // R4 — Décision (regles.md#catalogue.successeurs; successors): the BCN's successor of a listed code takes that code's category.
  const successeur = SUCCESSEURS.get(code);
  const predecesseur = successeur && catalogue.get(successeur.predecesseur);
  if (successeur && predecesseur) {
    const alerte = `successeur de ${predecesseur.code} ${predecesseur.libelle}, ${listeCourte(catalogue)} : à vérifier`;
    const libelleSuccesseur = successeur.libelle || predecesseur.libelle;
    const motif = `Éligible ${LIBELLES_CATEGORIES[predecesseur.categorie]} : ${libelleSuccesseur}, ${alerte}.`;
    return eligibleVerdict(code, nsf, predecesseur.categorie, motif, { alerte, successeur: true });
  }

  if (prefix === PREFIXE_COLLEGE) return judgeCollege(code, nsf, catalogue, libelle);

  const kind = regles.typesDiplome.get(prefix);
  if (!kind || kind.categorie === null)
    return nonEligible(code, nsf, motifHorsDispositif(prefix, kind, regles));
  if (!regles.nsfEligible(nsf)) {
    const why =
      nsf === regles.nsfPrepaMetiers
        ? `le groupe ${nsf} « Formations générales » n'est éligible que pour la 3e prépa-métiers`
        : Number.isNaN(nsf)
          ? `les caractères 4 à 6 (« ${code.slice(3, 6)} ») ne sont pas un groupe de spécialités NSF éligible`
          : `la spécialité NSF ${regles.libelleNsf(nsf)} n'est pas éligible`;
    return nonEligible(code, nsf, `Non éligible : ${kind.libelle}, ${why}.`);
  }
  const alerte = alerteHorsListe(catalogue);
  const motif = `Éligible ${LIBELLES_CATEGORIES[kind.categorie]} par la règle (${kind.libelle}, spécialité NSF ${regles.libelleNsf(nsf)}) ; ${alerte}.`;
  return eligibleVerdict(code, nsf, kind.categorie, motif, { alerte });
}

/**
 * Eligibility of a raw cell value for a school year, under the lists given (the embedded ones by
 * default). A malformed value is an ErreurArgument (#VALUE! in Excel) whose message says what is
 * wrong with it.
 */
export function eligibiliteDe(
  raw: unknown,
  annee: AnneeScolaire,
  catalogues: Catalogues = Catalogues.embarques(),
): Eligibilite {
  const reading = lireCodeFormation(raw);
  if (!reading.ok) throw new ErreurArgument(`code-${reading.probleme}`, reading.message);
  return jugerFormation(reading.code, catalogues.pour(annee));
}
