/**
 * Eligibility of a formation (R2-R4): is a first-year student of this formation counted, and in which
 * line? Eligibility is judged apart from any amount (the amount is dotation.ts's business).
 */
import { CATEGORIE_LABELS, type Categorie } from "./categories";
import { catalogueFor, type Catalogue, type Formation } from "./catalogue/catalogue";
import { nsfOf, prefixOf, readCodeFormation } from "./codes";
import { InvalidArgumentError } from "./errors";
import { DIPLOMA_KINDS, ST2S_CODES, isEligibleNsf, nsfLabel } from "./nomenclature";
import type { SchoolYear } from "./schoolYear";

export interface Eligibility {
  readonly code: string;
  readonly eligible: boolean;
  /** The dotation line when eligible, null otherwise. */
  readonly categorie: Categorie | null;
  /** Why, in French, naming the list or the rule used. */
  readonly motif: string;
  /** `catalogue` when found in the annex list, `regle` when judged by R2+R3. */
  readonly source: "catalogue" | "regle";
  /** Set when the formation counts but must be checked (absent from the indicative list). */
  readonly alerte: string | null;
  readonly formation: Formation | null;
  readonly nsf: number;
}

/** R4 — Décision: a well-formed code absent from the list is judged by R2+R3 and, if eligible, counts with this alerte. */
function alerteHorsListe(catalogue: Catalogue): string {
  return `hors ${catalogue.nom} : à vérifier`;
}

/**
 * The two kinds of verdict of judgeFormation. Décision (performance, issue 7): each verdict is an
 * object literal written out in full rather than spread from a common base: on Node 20 adding keys to a
 * spread copy costs about 6 µs, and ARE.ELIGIBLE judges every cell of a range.
 */
function nonEligible(code: string, nsf: number, motif: string): Eligibility {
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
  from: { formation: Formation } | { alerte: string },
): Eligibility {
  const formation = "formation" in from ? from.formation : null;
  const alerte = "alerte" in from ? from.alerte : null;
  const source = formation ? "catalogue" : "regle";
  return { code, nsf, formation, alerte, source, eligible: true, categorie, motif };
}

/** Judges a code already normalised to 8 characters (see readCodeFormation). */
export function judgeFormation(code: string, catalogue: Catalogue): Eligibility {
  const nsf = nsfOf(code);
  const prefix = prefixOf(code);

  if (ST2S_CODES.has(code)) {
    return nonEligible(
      code,
      nsf,
      "Non éligible : bac technologique ST2S, exclu de la spécialité 331 « Santé (hors ST2S) ».",
    );
  }

  const formation = catalogue.get(code);
  if (formation) {
    const motif = `Éligible ${CATEGORIE_LABELS[formation.categorie]} : ${formation.libelle}, ${catalogue.nom}.`;
    return eligibleVerdict(code, nsf, formation.categorie, motif, { formation });
  }

  const kind = DIPLOMA_KINDS.get(prefix);
  if (!kind || kind.categorie === null) {
    const what = kind ? kind.libelle : `type de diplôme ${prefix}`;
    return nonEligible(
      code,
      nsf,
      `Non éligible : ${what} (préfixe ${prefix}), hors du dispositif ARE (CAP, bac pro, bac techno, BMA, BT, BTS et assimilés, 3ème prépa-métiers).`,
    );
  }
  if (!isEligibleNsf(nsf, prefix)) {
    const why =
      nsf === 100
        ? "le groupe 100 « Formations générales » n'est éligible que pour la 3ème prépa-métiers"
        : `la spécialité NSF ${nsfLabel(nsf)} n'est pas éligible`;
    return nonEligible(code, nsf, `Non éligible : ${kind.libelle}, ${why}.`);
  }
  const alerte = alerteHorsListe(catalogue);
  const motif = `Éligible ${CATEGORIE_LABELS[kind.categorie]} par la règle (${kind.libelle}, spécialité NSF ${nsfLabel(nsf)}) ; ${alerte}.`;
  return eligibleVerdict(code, nsf, kind.categorie, motif, { alerte });
}

/**
 * Eligibility of a raw cell value for a school year. A malformed value is an InvalidArgumentError
 * (#VALUE! in Excel) whose message says what is wrong with it.
 */
export function eligibilityOf(raw: unknown, annee: SchoolYear): Eligibility {
  const reading = readCodeFormation(raw);
  if (!reading.ok) throw new InvalidArgumentError(`code-${reading.probleme}`, reading.message);
  return judgeFormation(reading.code, catalogueFor(annee));
}
