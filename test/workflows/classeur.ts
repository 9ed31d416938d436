/**
 * A small workbook as the Pôle Lycées pastes it: two rectorat sheets and an establishments sheet.
 * Expected figures are computed by hand in the tests from the published forfaits.
 */
import type { CellValue } from "../../src/workbook/port";

export const PARIS: CellValue[][] = [
  ["Rectorat de Paris — effectifs n-1 de 1ère année"],
  [],
  [
    "RNE",
    "Établissement",
    "Code formation diplôme (CFD)",
    "Libellé formation",
    "Effectifs 1ère année",
    "Statut",
  ],
  ["0750655E", "Lycée Arago", "50022137", "BOULANGER (CAP)", 24, "Scolaire"], // 4 pré-bac
  ["0750655E", "Lycée Arago", "40025408", "REPARATION DES CARROSSERIES (BAC PRO)", 30, "Scolaire"], // 5 pré-bac
  ["0750655E", "Lycée Arago", 67010031, "3EME PREPA-METIERS", 12, "Scolaire"], // 6 prépa-métiers
  ["0750655E", "Lycée Arago", "32025520", "ELECTROTECHNIQUE (BTS)", 40, "Scolaire"], // 7 post-bac
  ["0750654D", "Lycée Bréguet", "43033402", "STHR (BAC TECHNO)", 28, "Scolaire"], // 8 pré-bac
  ["0750654D", "Lycée Bréguet", "32031213", "MANAGEMENT COMMERCIAL OPERATIONNEL (BTS)", 25, "Scolaire"], // 9 post-bac
  ["0750654D", "Lycée Bréguet", "43033104", "ST2S", 30, "Scolaire"], // 10 non éligible
  ["0750654D", "Lycée Bréguet", "32025520", "ELECTROTECHNIQUE (BTS)", 15, "Apprenti"], // 11 apprentis
  [null, null, null, "Total Paris", 179, null], // 12 total
];

export const CRETEIL: CellValue[][] = [
  ["UAI", "Nom de l'établissement", "Code diplôme", "Libellé", "Effectif"],
  ["0941234F", "Lycée Cachan", "50022141", "PATISSIER (CAP)", 18], // 2
  ["0941234F", "Lycée Cachan", "32031213", "MCO (BTS)", 20], // 3
  ["0771234Y", "Lycée Melun", "50023224", "MACON (CAP)", 15], // 4
  ["0771234Y", "Lycée Melun", "32025520", "ELECTROTECHNIQUE (BTS)", 10], // 5
  ["0771234Y", "Lycée Melun", "24722106210", "MEF collé par erreur", 7], // 6 code MEF
];

export const ETABLISSEMENTS: CellValue[][] = [
  [
    "UAI",
    "Taux de boursiers",
    "Boursiers",
    "Effectif total",
    "Reliquat pré-bac",
    "Reliquat post-bac",
    "Réponse à l'enquête",
  ],
  ["0750655E", "35 %", null, null, "1 200,50 €", 0, "oui"], // 2
  ["0750654D", null, 120, 400, 20000, "100,50", "oui"], // 3
  ["0930122C", null, null, null, 500, null, "oui"], // 4 sans effectifs
  ["0941234F", "0,25", null, null, null, null, "non"], // 5 non répondant
];

/** Deep copy, to compare the user's sheets before and after a run. */
export function copie<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
