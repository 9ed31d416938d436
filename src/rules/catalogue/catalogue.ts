/**
 * The catalogue of eligible formations (R4, regles.md#catalogue.annexe): the annex list of each school
 * year, looked up in O(1) by normalised code. A year with no list of its own uses the latest earlier
 * list; motifs name the list. The embedded lists are data (listes/, with their reference), compiled into
 * listes-embarquees.ts by a script so that no file is read at run time.
 */
import { categorieDuNiveauAnnexe, type Categorie } from "../categories";
import { reglesCatalogue, type ReglesCatalogue } from "../nomenclature";
import { libelleAnnee, type AnneeScolaire } from "../anneeScolaire";
import { LISTES_EMBARQUEES } from "./listes-embarquees";

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

/** Where a list comes from: what the user types when loading one, what listes/*.json hold. */
export interface ReferenceListe {
  /** The list's own title: « Liste des formations relevant des spécialités éligibles … ». */
  readonly titre: string;
  /** The text that publishes it (modalités, arrêté…); may be empty for a list a user loads. */
  readonly document?: string;
  /** Address of the document (or of the page it is downloaded from); may be empty. */
  readonly url: string;
  /** Date of the document, as written (2023-03-17); may be empty. */
  readonly date: string;
}

/** A list as listes-embarquees.ts holds it: its rentrée, its reference, its rows without the header. */
export interface ListeEmbarquee {
  readonly annee: AnneeScolaire;
  readonly reference: ReferenceListe;
  /** The 6 columns of the annex, tab-separated, one formation per line. */
  readonly tsv: string;
}

export interface Catalogue {
  /** The school year the list was published for. */
  readonly annee: AnneeScolaire;
  /** How motifs name it: « liste indicative 2023-2024 ». */
  readonly nom: string;
  /** Its reference in one line, for screens and output headings. */
  readonly provenance: string;
  readonly reference: ReferenceListe;
  readonly formations: readonly Formation[];
  get(code: string): Formation | undefined;
  /**
   * The catalogue rules (kinds of diploma, NSF groups, exclusions) in force for the year it judges:
   * its own year, or the year a list carried over is used for (registre.ts). Resolved once per year.
   */
  readonly regles: ReglesCatalogue;
}

/** Parses an annex pasted as tab-separated text in the published column order. */
export function lireAnnexe(tsv: string): Formation[] {
  return tsv
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line, index) => {
      const cells = line.split("\t");
      if (cells.length !== 6)
        throw new Error(`Annexe, ligne ${index + 1} : 6 colonnes attendues, ${cells.length} lues.`);
      const [niveau, regroupement, specialite, code, typeDiplome, libelle] = cells.map((c) => c.trim());
      // A blank cell (a list loaded by a user may leave one) is no number, not 0.
      const nombre = (texte: string) => (texte === "" ? NaN : Number(texte));
      return {
        code,
        niveau,
        niveauRegroupement: nombre(regroupement),
        nsf: nombre(specialite),
        typeDiplome,
        libelle,
        categorie: categorieDuNiveauAnnexe(niveau),
      };
    });
}

/** « Liste … 2023-2024 (modalités …), 17/03/2023, https://… »: the parts that are given. */
export function citerReference(reference: ReferenceListe): string {
  const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(reference.date.trim());
  const parts = [
    reference.titre.trim(),
    reference.document?.trim() ?? "",
    date ? `${date[3]}/${date[2]}/${date[1]}` : reference.date.trim(),
    reference.url.trim(),
  ];
  return parts.filter((p) => p !== "").join(", ");
}

export function creerCatalogue(
  annee: AnneeScolaire,
  reference: ReferenceListe,
  formations: readonly Formation[],
): Catalogue {
  const byCode = new Map(formations.map((f) => [f.code, f]));
  if (byCode.size !== formations.length) throw new Error(`Liste ${libelleAnnee(annee)} : codes en double.`);
  return {
    annee,
    nom: `liste indicative ${libelleAnnee(annee)}`,
    provenance: citerReference(reference),
    reference,
    formations,
    get: (code) => byCode.get(code),
    regles: reglesCatalogue(annee),
  };
}

/** The lists embedded in the add-in, oldest first. Next year's list is added as data (listes/README.md). */
export const CATALOGUES: readonly Catalogue[] = LISTES_EMBARQUEES.map((liste) =>
  creerCatalogue(liste.annee, liste.reference, lireAnnexe(liste.tsv)),
);
