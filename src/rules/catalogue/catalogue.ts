/**
 * The catalogue of eligible formations (R4): the annex list of each school year, looked up in O(1) by
 * normalised code. A year with no list of its own uses the latest earlier list; motifs name the list.
 */
import { categorieOfAnnexNiveau, type Categorie } from "../categories";
import { assertEncodedYear, schoolYearLabel, type SchoolYear } from "../schoolYear";
import { ANNEXE_2023_2024 } from "./annexe-2023-2024";

export interface Formation {
  readonly code: string;
  /** As published: `Infra V.`, `PRE BAC`, `POST BAC`. */
  readonly niveau: string;
  readonly niveauRegroupement: number;
  /** The « Spécialité » column: the NSF group. */
  readonly nsf: number;
  readonly typeDiplome: string;
  readonly libelle: string;
  readonly categorie: Categorie;
}

export interface Catalogue {
  /** The school year the list was published for. */
  readonly annee: SchoolYear;
  /** How motifs name it: « liste indicative 2023-2024 ». */
  readonly nom: string;
  readonly provenance: string;
  readonly formations: readonly Formation[];
  get(code: string): Formation | undefined;
}

/** Parses an annex pasted as tab-separated text in the published column order. */
export function parseAnnex(tsv: string): Formation[] {
  return tsv
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line, index) => {
      const cells = line.split("\t");
      if (cells.length !== 6)
        throw new Error(`Annexe, ligne ${index + 1} : 6 colonnes attendues, ${cells.length} lues.`);
      const [niveau, regroupement, specialite, code, typeDiplome, libelle] = cells.map((c) => c.trim());
      return {
        code,
        niveau,
        niveauRegroupement: Number(regroupement),
        nsf: Number(specialite),
        typeDiplome,
        libelle,
        categorie: categorieOfAnnexNiveau(niveau),
      };
    });
}

export function makeCatalogue(
  annee: SchoolYear,
  provenance: string,
  formations: readonly Formation[],
): Catalogue {
  const byCode = new Map(formations.map((f) => [f.code, f]));
  if (byCode.size !== formations.length)
    throw new Error(`Liste ${schoolYearLabel(annee)} : codes en double.`);
  return {
    annee,
    nom: `liste indicative ${schoolYearLabel(annee)}`,
    provenance,
    formations,
    get: (code) => byCode.get(code),
  };
}

/** The lists known to the add-in, oldest first. Add next year's list here, as data. */
export const CATALOGUES: readonly Catalogue[] = [
  makeCatalogue(
    2023,
    "Annexe des modalités ARE 2023-2024 (arrêté n° 2023-087 du 17 mars 2023), sur la base de la rentrée 2022",
    parseAnnex(ANNEXE_2023_2024),
  ),
];

/** The list in force for a school year: its own, or the latest earlier one. */
export function catalogueFor(annee: SchoolYear): Catalogue {
  assertEncodedYear(annee);
  let found = CATALOGUES[0];
  for (const catalogue of CATALOGUES) if (catalogue.annee <= annee) found = catalogue;
  return found;
}
