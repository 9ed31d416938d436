/**
 * The scheme's amounts as dated data (R6, R12, regles.md#forfaits.montants), in the spirit of OpenFisca's parameter files: one table
 * per amount, each value keyed by the school year it takes effect, with the text that set it.
 * To add next year's published forfaits, add a line here — no code changes.
 */
import type { ForfaitKind } from "../categories";
import type { SchoolYear } from "../schoolYear";
import { ARRETE_2023_087, PAGE_DOTATION_BUDGETAIRE, type LegalReference } from "./references";

export interface DatedValue {
  /** The rentrée year from which the value applies (2024 = 2024-2025). */
  readonly annee: SchoolYear;
  /** A decimal string: amounts never go through binary floating point. */
  readonly valeur: string;
  readonly reference: LegalReference;
}

export interface ParameterTable {
  readonly id: string;
  readonly libelle: string;
  readonly unite: string;
  /**
   * Indexed amounts move every year with the IPC (R7) and are never carried over silently; a
   * non-indexed value stays in force until a new one is published.
   */
  readonly indexe: boolean;
  readonly valeurs: readonly DatedValue[];
}

/** R6 — 151 € « par élève en première année » and « aux élèves boursiers de première année de BTS ». */
const FORFAIT_ELEVE: readonly DatedValue[] = [
  { annee: 2023, valeur: "151", reference: ARRETE_2023_087 },
  { annee: 2024, valeur: "157", reference: PAGE_DOTATION_BUDGETAIRE },
];

export const FORFAITS: Readonly<Record<ForfaitKind, ParameterTable>> = {
  PRE_BAC: {
    id: "forfait.pre_bac",
    libelle: "Forfait pré-bac (élève de 1re année de CAP, bac pro, bac techno)",
    unite: "€ par élève",
    indexe: true,
    valeurs: FORFAIT_ELEVE,
  },
  POST_BAC: {
    id: "forfait.post_bac",
    libelle: "Forfait post-bac (élève boursier de 1re année de BTS et assimilés)",
    unite: "€ par boursier",
    indexe: true,
    valeurs: FORFAIT_ELEVE,
  },
  PREPA_METIERS: {
    id: "forfait.prepa_metiers",
    libelle: "Forfait 3e prépa-métiers",
    unite: "€ par élève",
    indexe: true,
    valeurs: [
      { annee: 2023, valeur: "54", reference: ARRETE_2023_087 },
      { annee: 2024, valeur: "56", reference: PAGE_DOTATION_BUDGETAIRE },
    ],
  },
  CPGE: {
    id: "forfait.cpge",
    libelle: "Forfait CPGE, frais de concours (élève de 2e année)",
    unite: "€ par concours",
    indexe: true,
    valeurs: [
      { annee: 2023, valeur: "308", reference: ARRETE_2023_087 },
      { annee: 2024, valeur: "319", reference: PAGE_DOTATION_BUDGETAIRE },
      { annee: 2025, valeur: "323", reference: PAGE_DOTATION_BUDGETAIRE },
    ],
  },
};

/** R12 — « quotient familial régional annuel inférieur ou égal à 10 140 € » (2023-2024). */
export const PLAFOND_QUOTIENT_FAMILIAL_CPGE: ParameterTable = {
  id: "cpge.plafond_quotient_familial",
  libelle: "Plafond du quotient familial régional annuel (CPGE)",
  unite: "€",
  indexe: false,
  valeurs: [{ annee: 2023, valeur: "10140", reference: ARRETE_2023_087 }],
};

/** R12 — « dans la limite de trois concours par élève ». */
export const MAX_CONCOURS_CPGE = 3;
