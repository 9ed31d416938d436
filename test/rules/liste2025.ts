/**
 * A 2025-2026 list for the tests (issue 14, « Done when »): the 2023-2024 list with the 37 codes the
 * national nomenclature (BCN) closes by the end of 2025-2026 replaced by their successors — 50022139
 * CUISINE (CAP) by 50022146, the DN MADE 24113401 by its 14 mentions… (36 of them name 50 successors;
 * 32022999, closed in 2004, has none and is only removed). Made from the repository's data
 * (src/rules/catalogue/listes/, src/rules/catalogue/bcn/), as a grid of cells the way a sheet pasted from
 * the Région's list would hold it: a title, the header, the rows. Not the Région's real list.
 */
import * as fs from "fs";
import * as path from "path";
import { CATALOGUES } from "../../src/rules";

const BCN = path.join(__dirname, "../../src/rules/catalogue/bcn/annexe-2023-2024-dans-la-bcn.csv");

export const ENTETE_LISTE = [
  "Niveau",
  "Niveau regroupement",
  "Spécialité",
  "Code Diplôme",
  "Type Diplôme",
  "Libellé Diplôme",
];

interface Fermeture {
  readonly code: string;
  readonly successeurs: readonly { readonly code: string; readonly libelle: string }[];
}

/** The listed codes closed by 31 August 2026, with their successors, from the BCN file. */
export function fermeturesBcn(): Fermeture[] {
  const [entete, ...lignes] = fs
    .readFileSync(BCN, "utf8")
    .split(/\r?\n/)
    .filter((l) => l !== "");
  const noms = entete.split(";");
  const col = (nom: string) => noms.indexOf(nom);
  return lignes
    .map((l) => l.split(";"))
    .map((c) => {
      // No cell of the file holds a « ; » (one is quoted, for its quotes): a plain split is exact.
      if (c.length !== noms.length) throw new Error(`BCN : ${c[0]} a ${c.length} colonnes`);
      return c;
    })
    .filter((c) => c[col("fermeture_bcn")] !== "" && c[col("fermeture_bcn")] <= "2026-08-31")
    .map((c) => {
      const codes = c[col("nouveaux_codes")] === "" ? [] : c[col("nouveaux_codes")].split("|");
      const libelles = c[col("libelles_nouveaux_codes")].split("|");
      return { code: c[col("code")], successeurs: codes.map((code, i) => ({ code, libelle: libelles[i] })) };
    });
}

/** The rows of the 2025-2026 list, in the 2023-2024 order, each closed code followed by its successors. */
export function lignesListe2025(): string[][] {
  const fermetures = new Map(fermeturesBcn().map((f) => [f.code, f]));
  return CATALOGUES[0].formations.flatMap((f) => {
    const ligne = (code: string, libelle: string) => [
      f.niveau,
      String(f.niveauRegroupement),
      code.slice(3, 6),
      code,
      f.typeDiplome,
      libelle,
    ];
    const fermeture = fermetures.get(f.code);
    if (fermeture === undefined) return [ligne(f.code, f.libelle)];
    // The BCN gives no label for 32022108 (successor of 32022106 BIOQUALITE): the predecessor's is kept.
    return fermeture.successeurs.map((s) => ligne(s.code, s.libelle || f.libelle));
  });
}

/** The sheet as pasted: a title row, a blank row, the header, the rows. */
export function grilleListe2025(): string[][] {
  return [
    ["Liste des formations relevant des spécialités éligibles au titre de l'année scolaire 2025-2026"],
    [],
    ENTETE_LISTE,
    ...lignesListe2025(),
  ];
}

/** The same as a .csv file (`;`, UTF-8), as the command line reads one. */
export function csvListe2025(): string {
  const cellule = (v: string) => (/[;"\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return grilleListe2025()
    .map((ligne) => ligne.map(cellule).join(";"))
    .join("\n");
}
