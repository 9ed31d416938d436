/**
 * Pieces the request, bilan and reliquats outputs share: a constats table (the columns of
 * `Constats ARE <année>`), the summary lines of a reading, and how a school-year sheet name is built.
 */
import { formaterEntier } from "../rules";
import {
  GRAVITE_ORDER,
  decompteLignes,
  libelleMotif,
  resumeGravites,
  type BilanLignes,
  type Constat,
} from "../sheet";
import type { CellValue, Row } from "../grid";
import type { OutputColumn, OutputSheet } from "../workbook/port";

export const COLONNES_CONSTATS: readonly OutputColumn[] = [
  { header: "Gravité", format: "text", width: 9 },
  { header: "Code", format: "text", width: 26 },
  { header: "Feuille", format: "text", width: 22 },
  { header: "Ligne", format: "integer", width: 8 },
  { header: "Colonne", format: "text", width: 8 },
  { header: "Message", format: "text", width: 100 },
];

/** Erreurs first, then alertes, then infos; within a severity, in reading order. */
export function trierConstats(constats: readonly Constat[]): Constat[] {
  return [...constats].sort((a, b) => GRAVITE_ORDER[a.gravite] - GRAVITE_ORDER[b.gravite]);
}

export function lignesConstats(constats: readonly Constat[]): Row[] {
  return trierConstats(constats).map((c): CellValue[] => [
    c.gravite,
    c.code,
    c.feuille,
    c.ligne,
    c.colonne,
    c.message,
  ]);
}

/** « Constats : 1 erreur, 2 alertes, 0 information », the heading line of the sheets written. */
export function phraseConstats(constats: readonly Constat[]): string {
  return `Constats : ${resumeGravites(constats)}`;
}

/** « Lignes lues : 12 non vides, 10 retenues, 2 écartées (code formation invalide : 1, ligne en double : 1) ». */
export function resumeLignes(lignes: BilanLignes, retenues = "retenues"): string {
  const motifs = Object.entries(lignes.ecarteesParMotif)
    .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1))
    .map(([motif, n]) => `${libelleMotif(motif)} : ${formaterEntier(n)}`)
    .join(", ");
  return `Lignes lues : ${decompteLignes(lignes, retenues)}${motifs ? ` (${motifs})` : ""}`;
}

/** A sheet listing constats, erreurs first. */
export function feuilleDeConstats(
  name: string,
  heading: readonly string[],
  constats: readonly Constat[],
): OutputSheet {
  return {
    name,
    heading: [
      ...heading,
      phraseConstats(constats),
      "erreur : la ligne (ou la valeur) n'est pas retenue, à corriger ; alerte : retenue, à vérifier ; info : pour information.",
    ],
    columns: COLONNES_CONSTATS,
    rows: lignesConstats(constats),
    totals: null,
  };
}

/** True when some constat is an erreur. */
export function aDesErreurs(constats: readonly Constat[]): boolean {
  return constats.some((c) => c.gravite === "erreur");
}
