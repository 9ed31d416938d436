/**
 * The inputs the user chooses for a dotation run: the effectif sheets (one per rectorat) and the
 * optional establishments sheet, preselected from the suggestion (src/workflows/suggestions.ts) until
 * the user changes them. Pure.
 */
import type { SheetInfo } from "../../workbook/port";
import type { SuggestionFeuilles } from "../../workflows/suggestions";
import { basculer } from "../components/feuilles";

export interface SheetChoice {
  readonly effectifs: readonly string[];
  readonly etablissements: string | null;
}

/** The suggestion, limited to sheets that still exist. */
export function initialChoice(sheets: readonly SheetInfo[], suggestion: SuggestionFeuilles): SheetChoice {
  const names = new Set(sheets.filter((s) => !s.owned).map((s) => s.name));
  return {
    effectifs: suggestion.effectifs.filter((n) => names.has(n)),
    etablissements:
      suggestion.etablissements && names.has(suggestion.etablissements) ? suggestion.etablissements : null,
  };
}

/**
 * The choice kept when the workbook's sheets change while the screen is open: the user's ticks on
 * sheets that still exist, the establishments sheet if it still exists, else none (the screen then
 * suggests one again). Décision : a sheet that appears is listed but never ticked by itself — a copy
 * of « Paris » made as a backup would otherwise be read with it, and a tab added with « + » is empty
 * when it appears (its paste fires no event). « Actualiser la liste des feuilles » ticks the
 * suggested sheets anew.
 */
export function suivreClasseur(choice: SheetChoice, sheets: readonly SheetInfo[]): SheetChoice {
  const existantes = new Set(sheets.filter((s) => !s.owned).map((s) => s.name));
  const etablissements = choice.etablissements;
  return {
    effectifs: choice.effectifs.filter((n) => existantes.has(n)),
    etablissements:
      etablissements !== null && sheets.some((s) => s.name === etablissements) ? etablissements : null,
  };
}

/** Ticks or unticks an effectif sheet, keeping the workbook's order. */
export function toggleEffectifs(
  choice: SheetChoice,
  sheet: string,
  checked: boolean,
  order: readonly string[],
): SheetChoice {
  return { ...choice, effectifs: basculer(choice.effectifs, sheet, checked, order) };
}

/** Why the run cannot start, in French, or null. */
export function choiceProblem(choice: SheetChoice): string | null {
  if (choice.effectifs.length === 0) return "Cochez au moins une feuille d'effectifs.";
  return null;
}
