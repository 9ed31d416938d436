/**
 * Which sheets of a workbook look like rectorat effectif sheets and which one looks like the
 * establishments sheet, so that the task pane can preselect them for « Calculer les dotations ».
 *
 * Judged from the first rows only (the header is searched there, design.md §4), so that a screen can
 * ask for a few rows of every sheet instead of reading whole sheets. Pure: rows in, a suggestion out.
 */
import { LIGNES_RECHERCHE_ENTETE, detecterEntete } from "../sheet";
import type { CellValue, SheetInfo } from "../workbook/port";

/** Rows a caller should read from the top of each sheet: as many as the header search looks at. */
export const LIGNES_APERCU = LIGNES_RECHERCHE_ENTETE;

export type NatureFeuille = "effectifs" | "etablissements" | null;

/**
 * « effectifs » when the header names a formation code and an effectif (the rows a dotation counts);
 * « etablissements » when it names the UAI and establishment-level values (taux de boursiers,
 * boursiers, reliquats, réponse à l'enquête) but no formation code; null otherwise.
 */
export function natureFeuille(premieresLignes: readonly (readonly CellValue[])[]): NatureFeuille {
  const detection = detecterEntete({ name: "", values: premieresLignes, rowOffset: 0, columnOffset: 0 });
  if (!detection) return null;
  const c = detection.entete.colonnes;
  if (c.codeFormation && c.effectif) return "effectifs";
  const valeursEtablissement =
    c.tauxBoursiers || c.boursiers || c.reliquatPreBac || c.reliquatPostBac || c.aRepondu;
  if (c.uai && valeursEtablissement && !c.codeFormation) return "etablissements";
  return null;
}

export interface SuggestionFeuilles {
  /** Sheets that look like effectif sheets, in workbook order. */
  readonly effectifs: readonly string[];
  /** The sheet that looks like the establishments sheet (the first one, if several), or null. */
  readonly etablissements: string | null;
  /** What each user sheet looks like, by name. */
  readonly natures: Readonly<Record<string, NatureFeuille>>;
}

/**
 * Suggests the inputs of a dotation from the top rows of each sheet. Sheets the add-in wrote itself
 * (its results) are never suggested.
 */
export function suggererFeuilles(
  feuilles: readonly SheetInfo[],
  apercus: Readonly<Record<string, readonly (readonly CellValue[])[]>>,
): SuggestionFeuilles {
  const effectifs: string[] = [];
  let etablissements: string | null = null;
  const natures: Record<string, NatureFeuille> = {};
  for (const feuille of feuilles) {
    if (feuille.owned) continue;
    const nature = natureFeuille(apercus[feuille.name] ?? []);
    natures[feuille.name] = nature;
    if (nature === "effectifs") effectifs.push(feuille.name);
    else if (nature === "etablissements" && etablissements === null) etablissements = feuille.name;
  }
  return { effectifs, etablissements, natures };
}
