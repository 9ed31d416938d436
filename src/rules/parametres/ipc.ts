/**
 * R7 — the consumer price index the forfaits follow: « l'évolution de l'indice des prix à la
 * consommation de décembre n-1 (identifiant INSEE : 001763862) ».
 *
 * INSEE publishes the IPC in base 2025 since January 2026 and the base-2015 series stop at December
 * 2025, so every value carries its base and a rate is only ever computed between two values of the same
 * base (design.md R7, regles.md#indexation.base-ipc).
 */
import type { AnneeScolaire } from "../anneeScolaire";
import type { ValeurIpcDonnee } from "./schema";

export type BaseIpc = 2015 | 2025;

export const SERIE_IPC_BASE_2015 = "001763862";

/**
 * One month of the IPC: embedded (`donnees/ipc.json`, with its reference and date of check) or entered
 * by the user (`verifieLe` null). Only Decembers are used by the indexation; the base-2025 series
 * identifier is entered by the user with the values.
 */
export type ValeurIpc = ValeurIpcDonnee;

/**
 * The base in which the rate of rentrée N is computed (December N-1 over December N-2): base 2015 while
 * December N-1 is at most December 2025 (so up to 2026-2027), base 2025 from 2027-2028 on.
 */
export function baseIpcPour(annee: AnneeScolaire): BaseIpc {
  return annee - 1 <= 2025 ? 2015 : 2025;
}

export function cleIpc(mois: string, base: BaseIpc): string {
  return `${mois}@${base}`;
}

const MONTHS = [
  "janvier",
  "février",
  "mars",
  "avril",
  "mai",
  "juin",
  "juillet",
  "août",
  "septembre",
  "octobre",
  "novembre",
  "décembre",
];

/** An index value as French readers write it: « 119,92 » (stored as « 119.92 »). */
export function formaterIndice(valeur: string): string {
  return valeur.replace(".", ",");
}

/** "décembre 2024 (base 2015)". */
export function libelleMoisIpc(mois: string, base: BaseIpc): string {
  const [year, month] = mois.split("-").map(Number);
  return `${MONTHS[month - 1]} ${year} (base ${base})`;
}
