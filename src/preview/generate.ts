/**
 * A large synthetic effectif sheet for the preview (try progress and « Annuler » on 200 000 rows).
 * Deterministic: the same rows every time (a linear congruential sequence, not Math.random), codes
 * from the indicative list, UAIs of Île-de-France with a valid check letter.
 */
import { CATALOGUES, lettreCleUai } from "../rules";
import type { CellValue } from "../workbook/port";

const DEPARTEMENTS = ["075", "077", "078", "091", "092", "093", "094", "095"];

/** Establishments in the generated sheet: enough to look like a region, few enough to list. */
const ETABLISSEMENTS = 400;

export function generateEffectifs(rows: number): CellValue[][] {
  const formations = CATALOGUES[CATALOGUES.length - 1].formations;
  const uais: string[] = [];
  for (let i = 0; i < ETABLISSEMENTS; i++) {
    const seven = DEPARTEMENTS[i % DEPARTEMENTS.length] + String(1000 + i).padStart(4, "0");
    uais.push(seven + lettreCleUai(seven));
  }
  let seed = 20240901;
  const next = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  const grid: CellValue[][] = [
    ["UAI", "Nom de l'établissement", "Code formation diplôme", "Libellé formation", "Effectif"],
  ];
  for (let r = 0; r < rows; r++) {
    const e = next(ETABLISSEMENTS);
    const f = formations[next(formations.length)];
    grid.push([uais[e], `Lycée généré n° ${e + 1}`, f.code, f.libelle, 1 + next(35)]);
  }
  return grid;
}
