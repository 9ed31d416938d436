/**
 * What the national nomenclature (BCN) says of the 2023-2024 list since it was published: the codes it
 * names as successors of listed codes, and the listed codes it has renamed (bcn/README.md). Data, not a
 * rule: design.md R4's successor decision is applied in eligibilite.ts.
 */
import { RENOMMES_2023_2024, SUCCESSEURS_2023_2024 } from "./successeurs-2023-2024";

export interface Successeur {
  readonly code: string;
  /** The listed code it replaces. */
  readonly predecesseur: string;
  /** Its own BCN label; empty when it is the listed code's (accents and punctuation aside). */
  readonly libelle: string;
}

const lignes = (table: string) =>
  table
    .split("\n")
    .filter((l) => l !== "")
    .map((l) => l.split("\t"));

/** Successor code → the listed code it replaces (each successor replaces exactly one code of the list). */
export const SUCCESSEURS: ReadonlyMap<string, Successeur> = new Map(
  lignes(SUCCESSEURS_2023_2024).map(([code, predecesseur, libelle = ""]) => [
    code,
    { code, predecesseur, libelle },
  ]),
);

/** Listed code → its BCN label when it differs from the list's (beyond accents and punctuation). */
export const LIBELLES_BCN: ReadonlyMap<string, string> = new Map(
  lignes(RENOMMES_2023_2024).map(([code, libelle]) => [code, libelle]),
);

/** The listed codes the BCN has replaced, with their successors, in the order of the data. */
export function successeursDe(predecesseur: string): Successeur[] {
  return [...SUCCESSEURS.values()].filter((f) => f.predecesseur === predecesseur);
}
