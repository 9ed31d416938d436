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
 * sheets that still exist, plus the suggested effectif sheets that have just appeared (a rectorat sheet
 * pasted in a new tab, or one renamed); the establishments sheet if it still exists, else none (the
 * screen then suggests one again).
 */
export function suivreClasseur(
  choice: SheetChoice,
  precedentes: readonly SheetInfo[],
  sheets: readonly SheetInfo[],
  suggestion: SuggestionFeuilles,
): SheetChoice {
  const avant = new Set(precedentes.map((s) => s.name));
  const ordre = sheets.filter((s) => !s.owned).map((s) => s.name);
  const existantes = new Set(ordre);
  const voulues = new Set([
    ...choice.effectifs.filter((n) => existantes.has(n)),
    ...suggestion.effectifs.filter((n) => existantes.has(n) && !avant.has(n)),
  ]);
  const etablissements = choice.etablissements;
  return {
    effectifs: ordre.filter((n) => voulues.has(n)),
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
