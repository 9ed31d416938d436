/**
 * The parameters by the names the rules use them (R6, R12): each forfait kind's parameter, the CPGE
 * ceiling. The values themselves are data, one file per parameter in `donnees/` (registre.ts).
 */
import type { TypeForfait } from "../categories";
import { PARAMETRES_EMBARQUES, type IdParametre } from "./registre";
import type { Parametre } from "./schema";

/** The parameter of each forfait kind. */
export const PARAMETRE_DU_FORFAIT: Readonly<Record<TypeForfait, IdParametre>> = {
  PRE_BAC: "forfait.pre_bac",
  POST_BAC: "forfait.post_bac",
  PREPA_METIERS: "forfait.prepa_metiers",
  CPGE: "forfait.cpge",
};

/** R6 — the embedded forfaits, by kind. */
export const FORFAITS: Readonly<Record<TypeForfait, Parametre>> = {
  PRE_BAC: PARAMETRES_EMBARQUES["forfait.pre_bac"],
  POST_BAC: PARAMETRES_EMBARQUES["forfait.post_bac"],
  PREPA_METIERS: PARAMETRES_EMBARQUES["forfait.prepa_metiers"],
  CPGE: PARAMETRES_EMBARQUES["forfait.cpge"],
};

/** R12 — « quotient familial régional annuel inférieur ou égal à 10 140 € » (2023-2024). */
export const PLAFOND_QUOTIENT_FAMILIAL_CPGE: Parametre =
  PARAMETRES_EMBARQUES["cpge.plafond_quotient_familial"];
