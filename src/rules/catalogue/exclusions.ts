/**
 * What is known not to be eligible, for the Catalogue to answer « est-ce éligible ? » (issue 12): the
 * bac techno ST2S (R3), the collège classes other than the 3ème prépa-métiers (R3), the kinds of
 * diploma outside the scheme (R2), and the specialties outside the eligible NSF groups (R3). Each
 * motif is the core's own (judgeFormation, motifHorsDispositif), never a second wording of the rule.
 */
import { judgeFormation, motifHorsDispositif } from "../eligibility";
import { COLLEGE_CLASSES, DIPLOMA_KINDS, ELIGIBLE_NSF_TEXT, ST2S, nsfLabel } from "../nomenclature";
import type { Catalogue } from "./catalogue";

export interface Exclusion {
  /** A code (43033104), or the prefix of a kind of diploma (010). */
  readonly code: string;
  readonly libelle: string;
  /** What it is, as the Catalogue's type column says it. */
  readonly typeDiplome: string;
  /** Why it is not eligible. */
  readonly motif: string;
}

/** The known exclusions under a year's list (the collège classes that list names are not among them). */
export function exclusionsConnues(catalogue: Catalogue): Exclusion[] {
  const parCode = (code: string, libelle: string, typeDiplome: string): Exclusion[] => {
    const verdict = judgeFormation(code, catalogue);
    return verdict.eligible ? [] : [{ code, libelle, typeDiplome, motif: verdict.motif }];
  };
  const st2s = [...ST2S].flatMap(([code, libelle]) => parCode(code, libelle, "bac technologique"));
  const college = [...COLLEGE_CLASSES].flatMap(([code, libelle]) =>
    parCode(
      code,
      `${libelle.toUpperCase()} (classe de collège)`,
      "formation générale du 1er cycle (collège)",
    ),
  );
  const types = [...DIPLOMA_KINDS.values()]
    .filter((kind) => kind.categorie === null)
    .map((kind) => ({
      code: kind.prefix,
      libelle: `${kind.libelle.toUpperCase()} (tout code commençant par ${kind.prefix})`,
      typeDiplome: "type de diplôme hors dispositif",
      motif: motifHorsDispositif(kind.prefix, kind),
    }));
  const specialites: Exclusion = {
    code: "",
    libelle: "CAP, BAC PRO, BAC TECHNO, BMA, BT, BTS, DMA, DN MADE, DSAA D'UNE AUTRE SPÉCIALITÉ NSF",
    typeDiplome: "spécialité non éligible",
    motif: `Non éligible : seules les spécialités NSF ${ELIGIBLE_NSF_TEXT} sont éligibles ; par exemple ${nsfLabel(313)} ou ${nsfLabel(326)} ne le sont pas.`,
  };
  return [...st2s, ...college, ...types, specialites];
}
