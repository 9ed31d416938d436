/**
 * Two school years of one small académie, for the worked cycle: dotation 2023-2024 → bilans →
 * reliquats → dotation 2024-2025. Expected figures are computed by hand in the tests.
 */
import { TYPES_EQUIPEMENT } from "../../src/rules";
import type { CellValue } from "../../src/workbook/port";

export const [VETEMENT, EPI, MATERIEL, CONSOMMABLES] = TYPES_EQUIPEMENT;

/** Effectifs n-1 for 2023-2024 (rentrée 2022). */
export const EFFECTIFS_2023: CellValue[][] = [
  ["UAI", "Établissement", "Code diplôme", "Libellé", "Effectif"],
  ["0750655E", "Lycée Arago", "50022137", "BOULANGER (CAP)", 20],
  ["0750655E", "Lycée Arago", "40025408", "REPARATION DES CARROSSERIES (BAC PRO)", 10],
  ["0750655E", "Lycée Arago", "67010031", "3EME PREPA-METIERS", 10],
  ["0750655E", "Lycée Arago", "32025520", "ELECTROTECHNIQUE (BTS)", 30],
  ["0750654D", "Lycée Bréguet", "43033402", "STHR (BAC TECHNO)", 25],
];

/** Effectifs n-1 for 2024-2025 (rentrée 2023): Bréguet's STHR drops to 20. */
export const EFFECTIFS_2024: CellValue[][] = [
  ["UAI", "Établissement", "Code diplôme", "Libellé", "Effectif"],
  ["0750655E", "Lycée Arago", "50022137", "BOULANGER (CAP)", 20],
  ["0750655E", "Lycée Arago", "40025408", "REPARATION DES CARROSSERIES (BAC PRO)", 10],
  ["0750655E", "Lycée Arago", "67010031", "3EME PREPA-METIERS", 10],
  ["0750655E", "Lycée Arago", "32025520", "ELECTROTECHNIQUE (BTS)", 30],
  ["0750654D", "Lycée Bréguet", "43033402", "STHR (BAC TECHNO)", 20],
];

/** The establishments sheet of 2023-2024: taux de boursiers, no reliquat yet, both answered. */
export const ETABLISSEMENTS_2023: CellValue[][] = [
  [
    "UAI",
    "Nom de l'établissement",
    "Taux de boursiers",
    "Reliquat pré-bac",
    "Reliquat post-bac",
    "Réponse à l'enquête",
  ],
  ["0750655E", "Lycée Arago", "40 %", 0, 0, "oui"],
  ["0750654D", "Lycée Bréguet", null, 0, 0, "oui"],
];

/** What each establishment typed in its 2023-2024 bilan: code → élèves aidés, montant, type. */
export const ACHATS_2023: Readonly<Record<string, Record<string, [CellValue, CellValue, CellValue]>>> = {
  // Pré-bac 600 + 400 = 1 000,00 ; post-bac 1 500,25.
  "0750655E": {
    "50022137": [20, 600, EPI],
    "40025408": [10, "400,00", MATERIEL],
    "32025520": [12, "1 500,25 €", CONSOMMABLES],
  },
  // Pré-bac 100,00.
  "0750654D": { "43033402": [25, 100, VETEMENT] },
};
