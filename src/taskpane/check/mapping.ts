/**
 * Editing the column mapping the check detected (design.md §4: « The user can always correct the
 * mapping »). The screen shows one dropdown per field; a choice becomes a `CorrectionColonnes` entry
 * (field → the column with its header text, or null to unmap) passed to the workflow as `colonnes`. Pure.
 */
import { columnLetter } from "../../workbook/port";
import {
  CHAMPS_ETABLISSEMENT,
  colonneChoisie,
  colonnesDeLEntete,
  colonnesRetirees,
  nomDuChamp,
} from "../../sheet";
import type { Champ, ColonneReconnue, CorrectionColonnes, EnteteDetectee } from "../../workflows/types";

/** Every field, in the order a user reads an effectif sheet. */
export const CHAMPS: readonly Champ[] = [
  "uai",
  "nomEtablissement",
  "codeFormation",
  "libelleFormation",
  "effectif",
  "statut",
  "anneeFormation",
  "anneeScolaire",
  "entreeDirecte",
  ...CHAMPS_ETABLISSEMENT,
];

/** Without these an effectif sheet cannot count a row. */
export const CHAMPS_REQUIS: ReadonlySet<Champ> = new Set<Champ>(["uai", "codeFormation", "effectif"]);

export interface ColumnOption {
  readonly index: number;
  /** « C — Code diplôme ». */
  readonly label: string;
}

export interface FieldRow {
  readonly champ: Champ;
  /** How the field is named to the user: « Code formation diplôme ». */
  readonly nom: string;
  readonly requis: boolean;
  /** The column it reads, or null. */
  readonly index: number | null;
  /** Other fields reading the same column (a mapping mistake worth pointing out). */
  readonly partageAvec: readonly Champ[];
}

function optionLabel(colonne: ColonneReconnue): string {
  return `${colonne.lettre} — ${colonne.entete || "(sans en-tête)"}`;
}

/** The header row's columns (recognised or not), left to right, once each. */
export function columnOptions(entete: EnteteDetectee): ColumnOption[] {
  return colonnesDeLEntete(entete).map((c) => ({ index: c.index, label: optionLabel(c) }));
}

/** One row per field, the mapped and required ones in `main`, the rest in `others`. */
export function fieldRows(entete: EnteteDetectee): { main: FieldRow[]; others: FieldRow[] } {
  const byColumn = new Map<number, Champ[]>();
  for (const champ of CHAMPS) {
    const index = entete.colonnes[champ]?.index;
    if (index !== undefined) byColumn.set(index, [...(byColumn.get(index) ?? []), champ]);
  }
  const main: FieldRow[] = [];
  const others: FieldRow[] = [];
  for (const champ of CHAMPS) {
    const index = entete.colonnes[champ]?.index ?? null;
    const row: FieldRow = {
      champ,
      nom: nomDuChamp(champ),
      requis: CHAMPS_REQUIS.has(champ),
      index,
      partageAvec: index === null ? [] : (byColumn.get(index) ?? []).filter((other) => other !== champ),
    };
    (row.requis || index !== null ? main : others).push(row);
  }
  return { main, others };
}

/**
 * The correction after the user picked `index` (or « aucune colonne », null) for a field of the header
 * shown: the column is kept with its header text, so that a reading after the sheet changed reads that
 * header's column or refuses the sheet, never the column now at `index` (regles.md#lecture.correction-perimee).
 */
export function chooseColumn(
  correction: CorrectionColonnes,
  champ: Champ,
  index: number | null,
  entete: EnteteDetectee,
): CorrectionColonnes {
  return {
    ...correction,
    [champ]: index === null ? colonnesRetirees(entete, champ) : colonneChoisie(entete, index),
  };
}

/** « Code formation diplôme → colonne C » for the screen's summary. */
export function describeChoice(champ: Champ, index: number | null): string {
  return index === null
    ? `${nomDuChamp(champ)} : aucune colonne`
    : `${nomDuChamp(champ)} → colonne ${columnLetter(index)}`;
}
