/**
 * The Catalogue screen's logic (R2-R4): searching the indicative list by code, libellé, NSF group or
 * type of diploma; judging a code the user typed that is not in the list (by the rule, with the
 * core's motif); the list as an output sheet. Pure.
 */
import {
  CATEGORIE_LABELS,
  eligibilityOf,
  isAreError,
  normaliseLabel,
  nsfLabel,
  schoolYearLabel,
  type Catalogue,
  type Eligibility,
  type Formation,
  type SchoolYear,
} from "../../rules";
import type { OutputSheet } from "../../workbook/port";

export interface CatalogueRow {
  readonly formation: Formation;
  /** « PRE BAC », as ARE.CATEGORIE answers. */
  readonly categorie: string;
  /** « 221 – domaine 22 « Transformations » ». */
  readonly nsf: string;
  /** Libellé, type, category and NSF label, normalised once for the search. */
  readonly haystack: string;
}

export function catalogueRows(catalogue: Catalogue): CatalogueRow[] {
  return catalogue.formations.map((formation) => {
    const categorie = CATEGORIE_LABELS[formation.categorie];
    const nsf = nsfLabel(formation.nsf);
    return {
      formation,
      categorie,
      nsf,
      haystack: normaliseLabel([formation.libelle, formation.typeDiplome, categorie, nsf].join(" ")),
    };
  });
}

/** The types of diploma of the list, for the type filter, alphabetically. */
export function diplomaTypes(catalogue: Catalogue): string[] {
  return [...new Set(catalogue.formations.map((f) => f.typeDiplome))].sort();
}

/**
 * Rows matching every word of the query: a number matches the start of a code or an NSF group
 * (« 221 », « 50022 »); any other word is looked for in the libellé, the type, the category and the
 * NSF label, case, accents and punctuation ignored (« boulanger », « bts », « pré-bac »).
 */
export function searchCatalogue(
  rows: readonly CatalogueRow[],
  query: string,
  type: string | null = null,
): CatalogueRow[] {
  const words = query
    .split(/[\s,;]+/)
    .map((w) => w.replace(/^'/, ""))
    .filter((w) => w !== "");
  const tests = words.map((word) => {
    if (/^\d+$/.test(word))
      return (row: CatalogueRow) => row.formation.code.startsWith(word) || String(row.formation.nsf) === word;
    const wanted = normaliseLabel(word);
    return (row: CatalogueRow) => wanted === "" || row.haystack.includes(wanted);
  });
  return rows.filter(
    (row) => (type === null || row.formation.typeDiplome === type) && tests.every((t) => t(row)),
  );
}

export type TypedCode =
  | { readonly kind: "eligibility"; readonly eligibility: Eligibility }
  | { readonly kind: "invalid"; readonly message: string };

/**
 * When the query looks like a code (only digits, at least 7 of them, spaces and an apostrophe
 * allowed) and is not in the list: the core's judgement of it (R2+R3, the hors-liste alerte of R4) or
 * its message saying why it is not a code formation diplôme (a MEF code, a wrong length). Null when
 * the query is not a code, or is a code of the list (its row is shown).
 */
export function judgeTypedCode(query: string, year: SchoolYear, catalogue: Catalogue): TypedCode | null {
  const compact = query.replace(/[\s\u00a0']/g, "");
  if (!/^\d{7,}$/.test(compact)) return null;
  try {
    const eligibility = eligibilityOf(query, year);
    if (catalogue.get(eligibility.code)) return null;
    return { kind: "eligibility", eligibility };
  } catch (error) {
    if (isAreError(error)) return { kind: "invalid", message: error.message };
    throw error;
  }
}

/** The name of the sheet the list is inserted as. */
export function catalogueSheetName(catalogue: Catalogue): string {
  return `Catalogue ARE ${schoolYearLabel(catalogue.annee)}`;
}

/** The whole list as a sheet: codes as text (a code keeps its leading zero), as published. */
export function catalogueSheet(catalogue: Catalogue): OutputSheet {
  return {
    name: catalogueSheetName(catalogue),
    heading: [
      `Formations éligibles à l'ARE — ${catalogue.nom} (${catalogue.formations.length} formations)`,
      catalogue.provenance,
      "Liste « à titre indicatif », susceptible d'évoluer à chaque rentrée : un code absent est jugé par la règle (type de diplôme, spécialité NSF) et compte avec une alerte « à vérifier ».",
    ],
    columns: [
      { header: "Code formation diplôme", format: "text", width: 11 },
      { header: "Niveau", format: "text", width: 9 },
      { header: "Niveau regroupement", format: "integer", width: 8 },
      { header: "Spécialité NSF", format: "integer", width: 8 },
      { header: "Libellé NSF", format: "text", width: 40 },
      { header: "Type de diplôme", format: "text", width: 36 },
      { header: "Libellé", format: "text", width: 60 },
      { header: "Catégorie ARE", format: "text", width: 18 },
    ],
    rows: catalogue.formations.map((f) => [
      f.code,
      f.niveau,
      f.niveauRegroupement,
      f.nsf,
      nsfLabel(f.nsf),
      f.typeDiplome,
      f.libelle,
      CATEGORIE_LABELS[f.categorie],
    ]),
    totals: null,
  };
}
