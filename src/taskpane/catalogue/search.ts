/**
 * The Catalogue screen's logic (R2-R4): searching the indicative list by code, libellé, NSF group or
 * type of diploma — and, so that a search answers « est-ce éligible ? », the known exclusions (ST2S,
 * collège classes, kinds of diploma outside the scheme, other specialties) with their motif; judging a
 * code the user typed that is not in the list (by the rule, with the core's motif); the list as an
 * output sheet. Pure.
 */
import {
  LIBELLES_CATEGORIES,
  exclusionsConnues,
  jugerFormation,
  libelleAnnee,
  lireCodeFormation,
  normaliserLibelle,
  type Catalogue,
  type Eligibilite,
  type Exclusion,
  type Formation,
} from "../../rules";
import type { OutputSheet } from "../../workbook/port";

interface RowBase {
  /** The code, or the prefix of a kind of diploma (« 010 »), or empty for a rule. */
  readonly code: string;
  readonly libelle: string;
  readonly typeDiplome: string;
  /** Code, libellé and type, normalised once for the search: a match here ranks first. */
  readonly own: string;
  /** Everything searchable: own text, category and NSF label (« non éligible » for an exclusion). */
  readonly haystack: string;
}

export interface EligibleRow extends RowBase {
  readonly eligible: true;
  readonly formation: Formation;
  /** « PRE BAC », as ARE.CATEGORIE answers. */
  readonly categorie: string;
  /** « 221 – domaine 22 « Transformations » ». */
  readonly nsf: string;
}

export interface ExcludedRow extends RowBase {
  readonly eligible: false;
  /** Why not, the core's motif. */
  readonly motif: string;
}

export type CatalogueRow = EligibleRow | ExcludedRow;

/**
 * Ordinals compared whatever their spelling (« 6ème », « 6EME », « 6e »; « 1ère », « 1re »): a search
 * for « 6ème » finds the class the screens name « 6e ».
 */
const ordinaux = (text: string) => text.replace(/(\d)\s*(?:[eè]me|[eè]?re|e)(?![a-zà-ÿ])/gi, "$1e");

const searchable = (...parts: string[]) => normaliserLibelle(ordinaux(parts.join(" ")));

/** The list's formations, then the known exclusions (shown only when a search finds them). */
export function catalogueRows(catalogue: Catalogue): CatalogueRow[] {
  const formations = catalogue.formations.map((formation): EligibleRow => {
    const categorie = LIBELLES_CATEGORIES[formation.categorie];
    const nsf = catalogue.regles.libelleNsf(formation.nsf);
    const { code, libelle, typeDiplome } = formation;
    return {
      eligible: true,
      code,
      libelle,
      typeDiplome,
      formation,
      categorie,
      nsf,
      own: searchable(libelle, typeDiplome),
      haystack: searchable(libelle, typeDiplome, categorie, nsf),
    };
  });
  const exclusions = exclusionsConnues(catalogue).map((e: Exclusion): ExcludedRow => ({
    eligible: false,
    code: e.code,
    libelle: e.libelle,
    typeDiplome: e.typeDiplome,
    motif: e.motif,
    own: searchable(e.libelle, e.typeDiplome),
    // Not the motif: a kind's motif lists the kinds of the scheme (« CAP, bac pro… »), which a search
    // for « CAP » must not find as exclusions.
    haystack: searchable(e.libelle, e.typeDiplome, "non éligible"),
  }));
  return [...formations, ...exclusions];
}

/** The types of diploma of the list, for the type filter, alphabetically. */
export function diplomaTypes(catalogue: Catalogue): string[] {
  return [...new Set(catalogue.formations.map((f) => f.typeDiplome))].sort();
}

const nsfOfRow = (row: CatalogueRow) => (row.eligible ? String(row.formation.nsf) : null);

/**
 * Rows matching every word of the query: a number matches the start of a code or an NSF group
 * (« 221 », « 50022 »); any other word is looked for in the libellé, the type, the category, the NSF
 * label, case, accents and punctuation ignored (« boulanger », « bts », « pré-bac »).
 * Rows whose own libellé or type match come first: « ST2S » shows the bac ST2S, not eligible, before
 * the formations of the specialty « Santé (hors ST2S) ». With no query, only the list's formations: the
 * exclusions answer a search.
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
    if (/^\d+$/.test(word)) {
      const numeric = (row: CatalogueRow) =>
        (row.code !== "" && row.code.startsWith(word)) || nsfOfRow(row) === word;
      return { any: numeric, own: numeric };
    }
    const wanted = normaliserLibelle(ordinaux(word));
    return {
      any: (row: CatalogueRow) => wanted === "" || row.haystack.includes(wanted),
      own: (row: CatalogueRow) => wanted === "" || row.own.includes(wanted),
    };
  });
  const found = rows.filter(
    (row) =>
      (row.eligible || words.length > 0) &&
      (type === null || row.typeDiplome === type) &&
      tests.every((t) => t.any(row)),
  );
  const first = new Set(found.filter((row) => tests.every((t) => t.own(row))));
  return first.size === found.length ? found : [...first, ...found.filter((row) => !first.has(row))];
}

export type TypedCode =
  | { readonly kind: "eligibility"; readonly eligibility: Eligibilite }
  | { readonly kind: "invalid"; readonly message: string };

/** A query that looks like a code: at least 7 digits or letters, 5 of them digits (not a word). */
const LOOKS_LIKE_CODE = /^(?=(?:[^\d]*\d){5})[0-9A-Za-z]{7,}$/;

/**
 * When the query looks like a code (digits, possibly capital letters as in real BCN codes, spaces and
 * an apostrophe allowed) and is not in the list: the core's judgement of it (the successor or hors-liste
 * alerte of R4, the rule R2+R3) or its message saying why it is not a code formation diplôme (a MEF
 * code, a wrong length). Null when the query is not a code, or is a code of the list (its row is shown).
 */
export function judgeTypedCode(query: string, catalogue: Catalogue): TypedCode | null {
  const compact = query.replace(/[\s\u00a0']/g, "");
  if (!LOOKS_LIKE_CODE.test(compact)) return null;
  const reading = lireCodeFormation(query);
  if (!reading.ok) return { kind: "invalid", message: reading.message };
  if (catalogue.get(reading.code)) return null;
  return { kind: "eligibility", eligibility: jugerFormation(reading.code, catalogue) };
}

/** The name of the sheet the list is inserted as. */
export function catalogueSheetName(catalogue: Catalogue): string {
  return `Catalogue ARE ${libelleAnnee(catalogue.annee)}`;
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
      catalogue.regles.libelleNsf(f.nsf),
      f.typeDiplome,
      f.libelle,
      LIBELLES_CATEGORIES[f.categorie],
    ]),
    totals: null,
  };
}
