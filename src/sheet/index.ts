/**
 * Reading pasted sheets (design.md §4): pure — a grid of cell values in, typed rows, per-establishment
 * sums and constats out. No Office, Node or DOM API.
 */
export * from "./types";
export * from "./constats";
export * from "./columns";
export * from "./colonnesNonLues";
export * from "./cells";
export * from "./dates";
export * from "./structure";
export * from "./etablissements";
export * from "./session";
export * from "./lecteur";
export * from "./effectifs";
export * from "./feuilleEtablissements";
export * from "./demande";
export * from "./bilanFormulaire";
export * from "./bilan";
export * from "./feuilleDotations";

import type { SheetData } from "../grid";
import type { AnneeScolaire } from "../rules";
import { LecteurEffectifs, type OptionsLectureEffectifs } from "./effectifs";
import { SessionLecture } from "./session";

/** Reads a whole effectif sheet at once (no progress, no cancellation): for tests and small sheets. */
export function lireFeuilleEffectifs(
  sheet: SheetData,
  annee: AnneeScolaire,
  options: OptionsLectureEffectifs = {},
): { session: SessionLecture; lecteur: LecteurEffectifs } {
  const session = new SessionLecture(annee);
  const lecteur = new LecteurEffectifs(sheet, session, options);
  while (!lecteur.fini) lecteur.lireTranche(Number.MAX_SAFE_INTEGER);
  return { session, lecteur };
}
