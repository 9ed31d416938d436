/**
 * R7 — the consumer price index the forfaits follow: « l'évolution de l'indice des prix à la
 * consommation de décembre n-1 (identifiant INSEE : 001763862) ».
 *
 * INSEE publishes the IPC in base 2025 since January 2026 and the base-2015 series stop at December
 * 2025, so every value carries its base and a rate is only ever computed between two values of the same
 * base (design.md R7, regles.md#indexation.base-ipc).
 */
import type { SchoolYear } from "../schoolYear";
import { ARRETE_2023_087, INSEE_SERIE_001763862, type LegalReference } from "./references";

export type IpcBase = 2015 | 2025;

export const SERIE_IPC_BASE_2015 = "001763862";

export interface IpcValue {
  /** "YYYY-MM"; only Decembers are used by the indexation. */
  readonly mois: string;
  readonly base: IpcBase;
  readonly valeur: string;
  /** INSEE series identifier; the base-2025 one is entered by the user with the values. */
  readonly serie: string;
  readonly reference: LegalReference;
}

const december = (
  year: number,
  valeur: string,
  reference: LegalReference = INSEE_SERIE_001763862,
): IpcValue => ({
  mois: `${year}-12`,
  base: 2015,
  valeur,
  serie: SERIE_IPC_BASE_2015,
  reference,
});

/** Embedded December values, base 2015. December 2021 and 2022 are quoted by the arrêté n° 2023-087. */
export const EMBEDDED_IPC: readonly IpcValue[] = [
  december(2019, "104.62"),
  december(2020, "104.29"),
  december(2021, "107.40", ARRETE_2023_087),
  december(2022, "114.18", ARRETE_2023_087),
  december(2023, "118.38"),
];

/**
 * The base in which the rate of rentrée N is computed (December N-1 over December N-2): base 2015 while
 * December N-1 is at most December 2025 (so up to 2026-2027), base 2025 from 2027-2028 on.
 */
export function ipcBaseFor(annee: SchoolYear): IpcBase {
  return annee - 1 <= 2025 ? 2015 : 2025;
}

export function ipcKey(mois: string, base: IpcBase): string {
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

/** "décembre 2024 (base 2015)". */
/** An index value as French readers write it: « 119,92 » (stored as « 119.92 »). */
export function formatIndice(valeur: string): string {
  return valeur.replace(".", ",");
}

export function describeIpcMonth(mois: string, base: IpcBase): string {
  const [year, month] = mois.split("-").map(Number);
  return `${MONTHS[month - 1]} ${year} (base ${base})`;
}
