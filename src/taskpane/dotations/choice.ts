/**
 * The inputs the user chooses for a dotation run: the effectif sheets (one per rectorat) and the
 * optional establishments sheet, preselected from the suggestion (src/workflows/suggestions.ts) until
 * the user changes them. Pure.
 */
import type { SheetInfo } from "../../workbook/port";
import { libelleAnnee, type AnneeScolaire } from "../../rules";
import { anneeDuNom, type SuggestionFeuilles } from "../../workflows/suggestions";
import { basculer } from "../components/feuilles";
import { count } from "../format";

export interface SheetChoice {
  readonly effectifs: readonly string[];
  readonly etablissements: string | null;
}

/** The suggestion, limited to sheets that still exist. */
export function initialChoice(sheets: readonly SheetInfo[], suggestion: SuggestionFeuilles): SheetChoice {
  const names = new Set(sheets.filter((f) => !f.owned).map((f) => f.name));
  return {
    effectifs: suggestion.effectifs.filter((n) => names.has(n)),
    etablissements:
      suggestion.etablissements && names.has(suggestion.etablissements) ? suggestion.etablissements : null,
  };
}

/**
 * The choice kept when the workbook's sheets change while the screen is open: the user's ticks on
 * sheets that still exist, the establishments sheet if it still exists, else none (the screen then
 * suggests one again). Décision (regles.md#feuilles.nouvelle-non-cochee) : a sheet that appears is listed but never ticked by itself — a copy
 * of « Paris » made as a backup would otherwise be read with it, and a tab added with « + » is empty
 * when it appears (its paste fires no event). « Actualiser la liste des feuilles » ticks the
 * suggested sheets anew.
 */
export function suivreClasseur(choice: SheetChoice, sheets: readonly SheetInfo[]): SheetChoice {
  const existantes = new Set(sheets.filter((f) => !f.owned).map((f) => f.name));
  const etablissements = choice.etablissements;
  return {
    effectifs: choice.effectifs.filter((n) => existantes.has(n)),
    etablissements:
      etablissements !== null && sheets.some((f) => f.name === etablissements) ? etablissements : null,
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

/**
 * The establishments sheet suggested for the dotations of `annee`, by name and content:
 * 1. a user sheet naming the year (the user said which year it is for), the largest if several;
 * 2. else, among the add-in's sheet naming the year and the user's sheets naming no year, the one
 *    covering the most establishments (`couverts`, by sheet); the add-in's at equal coverage (it
 *    carries the bilans' reliquats, suggestions.ts).
 * Never a sheet naming another year. Décision (regles.md#feuilles.annee-suggeree; issue 12, point 6): the add-in's « Établissements ARE
 * 2024-2025 », written from three bilans, was preferred for its year over the user's 62-row
 * « Établissements », and the post-bac line of every other establishment went to 0 € for want of a
 * taux; a few rows no longer win over the full list.
 */
export function etablissementsSuggeres(
  suggestion: SuggestionFeuilles,
  sheets: readonly SheetInfo[],
  annee: AnneeScolaire,
  couverts: Readonly<Record<string, number>>,
): string | null {
  const duComplement = new Set(sheets.filter((f) => f.owned).map((f) => f.name));
  const plusGrande = (noms: readonly string[]) =>
    noms.reduce<string | null>(
      (retenue, nom) => (retenue === null || (couverts[nom] ?? 0) > (couverts[retenue] ?? 0) ? nom : retenue),
      null,
    );
  const candidates = suggestion.etablissementsPossibles;
  const deLAnnee = candidates.filter((n) => anneeDuNom(n) === annee);
  const utilisateur = plusGrande(deLAnnee.filter((n) => !duComplement.has(n)));
  if (utilisateur !== null) return utilisateur;
  return plusGrande([
    ...deLAnnee.filter((n) => duComplement.has(n)),
    ...candidates.filter((n) => anneeDuNom(n) === null && !duComplement.has(n)),
  ]);
}

/** « Établissements ARE 2024-2025 — 3 établissements, 2024-2025 », « Établissements — 62 établissements ». */
export function etablissementsLabel(name: string, couverts: Readonly<Record<string, number>>): string {
  const n = couverts[name];
  if (n === undefined) return name;
  const annee = anneeDuNom(name);
  return `${name} — ${count(n, "établissement")}${annee !== null ? `, ${libelleAnnee(annee)}` : ""}`;
}
