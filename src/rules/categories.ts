/**
 * The three lines of a dotation (seed, « Modalités de calcul et d'attribution de la dotation ») and
 * the CPGE forfait, with the spellings users type for them.
 */
import type { Enveloppe } from "./dotation";
import { ErreurArgument } from "./erreurs";
import { citation, normaliserLibelle } from "./texte";

export type Categorie = "PREPA_METIERS" | "PRE_BAC" | "POST_BAC";
/** What a forfait is paid for: one of the three lines, or a CPGE concours (R12). */
export type TypeForfait = Categorie | "CPGE";

/** The labels of the annex's « Niveau » column, and the one ARE.CATEGORIE returns. */
export const LIBELLES_CATEGORIES: Record<Categorie, string> = {
  PREPA_METIERS: "3EME PREPA-METIERS",
  PRE_BAC: "PRE BAC",
  POST_BAC: "POST BAC",
};

/**
 * The envelope each category's money is in: the one mapping category → envelope of the project.
 * Décision R9 (regles.md#enveloppes.prepa-metiers-pre-bac): 3ème prépa-métiers with pré-bac.
 */
export const ENVELOPPE_DE_CATEGORIE: Readonly<Record<Categorie, Enveloppe>> = {
  PREPA_METIERS: "preBac",
  PRE_BAC: "preBac",
  POST_BAC: "postBac",
};

/** The envelope a formation's money comes from (ENVELOPPE_DE_CATEGORIE). */
export function enveloppeDe(categorie: Categorie): Enveloppe {
  return ENVELOPPE_DE_CATEGORIE[categorie];
}

/** Readable French names, for traces and screens. */
export const NOMS_FORFAITS: Record<TypeForfait, string> = {
  PREPA_METIERS: "3e prépa-métiers",
  PRE_BAC: "Pré-bac",
  POST_BAC: "Post-bac (boursiers)",
  CPGE: "CPGE (par concours)",
};

const SPELLINGS: Record<string, TypeForfait> = {};
function spell(kind: TypeForfait, ...names: string[]): void {
  for (const name of names) SPELLINGS[normaliserLibelle(name)] = kind;
}
spell(
  "PREPA_METIERS",
  "3EME PREPA-METIERS",
  "3ème prépa-métiers",
  "3e prépa-métiers",
  "3e prépa métiers",
  "3ème PM",
  "3PM",
  "prépa-métiers",
  "prepa metiers",
  "Infra V.",
  "Infra V",
  "3EME",
);
spell("PRE_BAC", "PRE BAC", "pré-bac", "prebac", "pré bac");
spell("POST_BAC", "POST BAC", "post-bac", "postbac", "post bac boursiers", "post-bac boursier", "BTS");
spell("CPGE", "CPGE", "concours", "frais de concours", "concours CPGE");

/** The kind named by what the user typed, ignoring case, accents, spaces and hyphens. */
export function lireTypeForfait(input: unknown): TypeForfait {
  const kind = typeof input === "string" ? SPELLINGS[normaliserLibelle(input)] : undefined;
  if (kind === undefined) {
    throw new ErreurArgument(
      "categorie-inconnue",
      `Catégorie « ${citation(String(input))} » inconnue : indiquez PRE BAC, POST BAC, 3EME PREPA-METIERS ou CPGE.`,
    );
  }
  return kind;
}

/** Same as lireTypeForfait, without CPGE: the lines of an establishment's dotation. */
export function lireCategorie(input: unknown): Categorie {
  const kind = lireTypeForfait(input);
  if (kind === "CPGE") {
    throw new ErreurArgument(
      "categorie-inconnue",
      "La CPGE n'est pas une ligne de la dotation ARE : utilisez ARE.CPGE pour les frais de concours.",
    );
  }
  return kind;
}

/** The annex's « Niveau » column: `Infra V.`, `PRE BAC`, `POST BAC`. */
export function categorieDuNiveauAnnexe(niveau: string): Categorie {
  const kind = SPELLINGS[normaliserLibelle(niveau)];
  if (kind === undefined || kind === "CPGE") throw new Error(`Niveau d'annexe inconnu : ${niveau}`);
  return kind;
}
