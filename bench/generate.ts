/**
 * Deterministic sheets for the benchmarks: a rectorat extraction of `rows` rows over ~500
 * establishments, as it arrives — sorted by establishment, codes from the annex list plus
 * non-eligible ones, a few apprentices, a few bad rows — and the establishments sheet that goes
 * with it. Same seed, same sheets: figures of two runs compare.
 */
import { CATALOGUES, lettreCleUai } from "../src/rules";
import type { CellValue } from "../src/workbook/port";

/** mulberry32: a small deterministic generator (no Math.random: runs must be reproducible). */
export function generator(seed: number) {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)],
    chance: (p: number) => next() < p,
  };
}

const DEPARTEMENTS = ["075", "077", "078", "091", "092", "093", "094", "095"];

/** `n` valid Île-de-France UAIs (right check letter), sorted. */
export function uais(n: number): string[] {
  const list: string[] = [];
  for (let i = 0; i < n; i++) {
    const seven =
      DEPARTEMENTS[i % DEPARTEMENTS.length] + String(1000 + Math.floor(i / 8) * 7).padStart(4, "0");
    list.push(seven + lettreCleUai(seven));
  }
  return list.sort();
}

const CATALOGUE = CATALOGUES[0];
/** Real codes outside the scheme (R2-R3): ST2S, gestion, comptabilité, petite enfance, STMG, MC. */
export const NON_ELIGIBLES = [
  "43033104",
  "40032411",
  "32031408",
  "32032612",
  "50033211",
  "43031004",
  "01025101",
];
/** Well-formed eligible codes absent from the 2023-2024 list (R4: counted with an alerte). */
export const HORS_LISTE = ["40025214", "32031214"];

export const ENTETE_EFFECTIFS: CellValue[] = [
  "UAI",
  "Établissement",
  "Code formation diplôme",
  "Libellé formation",
  "Statut",
  "Effectifs 1ère année",
];

/** Rows that a real paste brings now and then, each set aside with its constat. */
const LIGNES_FAUTIVES: readonly ((uai: string) => CellValue[])[] = [
  (uai) => [uai, "Lycée", "24722106210", "MEF collé par erreur", "Scolaire", 7],
  (uai) => [uai, "Lycée", { error: "#N/A" }, "RECHERCHEV sans résultat", "Scolaire", 12],
  (uai) => [uai, "Lycée", "50022137", "BOULANGER (CAP)", "Scolaire", "douze"],
  (uai) => [uai, "Lycée", "50022139", "CUISINE (CAP)", "Scolaire", null],
  (uai) => [uai, "Lycée", "50022141", "PATISSIER (CAP)", "Scolaire", -3],
  () => [null, null, null, "Sous-total", null, 120],
];

export interface FeuillesBench {
  readonly effectifs: CellValue[][];
  readonly etablissements: CellValue[][];
  /** Non-blank rows below the header of the effectif sheet. */
  readonly lignes: number;
}

/**
 * An effectif sheet of `rows` data rows under its header, and the establishments sheet.
 * Per row: 85 % a code of the annex list, 10 % a non-eligible code, 1 % a code outside the list,
 * 4 % apprentices, 0.5 % bad rows; codes as text or as numbers (Excel exports both). A code
 * repeated within an establishment gets another effectif, so rows are not exact duplicates (a
 * real extraction has one row per formation and status).
 */
export function feuillesBench(rows: number, etablissements = 500, seed = 20240916): FeuillesBench {
  const random = generator(seed ^ rows);
  const liste = uais(etablissements);
  const formations = CATALOGUE.formations;
  const effectifs: CellValue[][] = [ENTETE_EFFECTIFS];
  const parEtablissement = Math.ceil(rows / etablissements);
  let written = 0;
  for (let e = 0; e < etablissements && written < rows; e++) {
    const uai = liste[e];
    const nom = `Lycée n° ${e + 1}`;
    for (let j = 0; j < parEtablissement && written < rows; j++, written++) {
      const tirage = random.next();
      if (tirage < 0.005) {
        effectifs.push(random.pick(LIGNES_FAUTIVES)(uai));
        continue;
      }
      let code: string;
      let libelle: string;
      if (tirage < 0.105) {
        code = random.pick(NON_ELIGIBLES);
        libelle = "FORMATION NON ÉLIGIBLE";
      } else if (tirage < 0.115) {
        code = random.pick(HORS_LISTE);
        libelle = "FORMATION HORS LISTE";
      } else {
        const formation = formations[j % formations.length];
        code = formation.code;
        libelle = formation.libelle;
      }
      // Distinct effectifs for the k-th repetition of a code in the establishment: no exact duplicate.
      const effectif = 1 + Math.floor(j / formations.length) * 41 + random.int(0, 40);
      const statut = random.chance(0.04) ? "Apprenti" : "Scolaire";
      effectifs.push([uai, nom, random.chance(0.3) ? Number(code) : code, libelle, statut, effectif]);
    }
  }
  const etab: CellValue[][] = [
    ["UAI", "Taux de boursiers", "Reliquat pré-bac", "Reliquat post-bac", "Réponse à l'enquête"],
  ];
  liste.forEach((uai, e) => {
    etab.push([
      uai,
      `${random.int(10, 60)} %`,
      e % 7 === 0 ? random.int(0, 5000) : 0,
      0,
      e % 50 === 0 ? "non" : "oui",
    ]);
  });
  return { effectifs, etablissements: etab, lignes: written };
}
