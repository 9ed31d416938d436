/** A small form output (the shape of a bilan template), written by the three adapters' tests. */
import { TYPES_EQUIPEMENT } from "../../src/rules";
import type { OutputSheet } from "../../src/workbook/port";

export const FORMULAIRE: OutputSheet = {
  name: "Bilan ARE 0750655E 2024-2025",
  heading: ["Bilan ARE 2024-2025", "Complétez les cellules vides."],
  fields: [
    { label: "UAI", value: "0750655E", format: "text" },
    { label: "Dotation reçue pré-bac", value: 7949.5, format: "euros" },
    { label: "Reliquat antérieur pré-bac", value: 1200.5, format: "euros" },
  ],
  columns: [
    { header: "Libellé de la formation", format: "text", width: 40 },
    { header: "Code formation diplôme", format: "text" },
    { header: "Enveloppe", format: "text", choices: ["pré-bac", "post-bac"] },
    { header: "Montant des achats", format: "euros" },
    { header: "Type d'équipement", format: "text", choices: TYPES_EQUIPEMENT },
  ],
  rows: [
    ["BOULANGER (CAP)", "50022137", "pré-bac", null, null],
    ["ELECTROTECHNIQUE (BTS)", "32025520", "post-bac", null, null],
  ],
  totals: null,
};
