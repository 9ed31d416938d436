/**
 * What is known not to be eligible, for the Catalogue to answer « est-ce éligible ? » (issue 12): the
 * bac techno ST2S (R3), the collège classes other than the 3ème prépa-métiers (R3), the kinds of
 * diploma outside the scheme (R2), and the specialties outside the eligible NSF groups (R3). Each
 * motif is the core's own (jugerFormation, motifHorsDispositif), never a second wording of the rule.
 */
import { jugerFormation, motifHorsDispositif } from "../eligibilite";
import { CLASSES_COLLEGE } from "../nomenclature";
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

/**
 * The known exclusions under a year's list (the collège classes that list names are not among them),
 * by the catalogue rules in force for the year it judges.
 */
export function exclusionsConnues(catalogue: Catalogue): Exclusion[] {
  const regles = catalogue.regles;
  const parCode = (code: string, libelle: string, typeDiplome: string): Exclusion[] => {
    const verdict = jugerFormation(code, catalogue);
    return verdict.eligible ? [] : [{ code, libelle, typeDiplome, motif: verdict.motif }];
  };
  const st2s = [...regles.st2s].flatMap(([code, libelle]) => parCode(code, libelle, "bac technologique"));
  const college = [...CLASSES_COLLEGE].flatMap(([code, libelle]) =>
    parCode(
      code,
      `${libelle.toUpperCase()} (classe de collège)`,
      "formation générale du 1er cycle (collège)",
    ),
  );
  const types = [...regles.typesDiplome.values()]
    .filter((kind) => kind.categorie === null)
    .map((kind) => ({
      code: kind.prefix,
      libelle: `${kind.libelle.toUpperCase()} (tout code commençant par ${kind.prefix})`,
      typeDiplome: "type de diplôme hors dispositif",
      motif: motifHorsDispositif(kind.prefix, kind, regles),
    }));
  const specialites: Exclusion = {
    code: "",
    libelle: "CAP, BAC PRO, BAC TECHNO, BMA, BT, BTS, DMA, DN MADE, DSAA D'UNE AUTRE SPÉCIALITÉ NSF",
    typeDiplome: "spécialité non éligible",
    motif: `Non éligible : seules les spécialités NSF ${regles.texteNsfEligibles} sont éligibles ; par exemple ${regles.libelleNsf(313)} ou ${regles.libelleNsf(326)} ne le sont pas.`,
  };
  return [...st2s, ...college, ...types, specialites];
}
