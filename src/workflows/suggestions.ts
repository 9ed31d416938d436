/**
 * What each sheet of a workbook looks like — a rectorat effectif sheet, an establishments sheet, a
 * request for a dotation complémentaire, a filled bilan, a `Dotations ARE <année>` sheet — so that the
 * task pane can preselect the inputs of each action: the effectif and establishments sheets of a
 * dotation, the request sheet, the bilans to check or to carry into next year, the dotations sheet a
 * bilan template starts from.
 *
 * Judged from the first rows only (the header is searched there, design.md §4; a bilan's form sits
 * above its table), so that a screen can ask for a few rows of every sheet instead of reading whole
 * sheets. Pure: rows in, a suggestion out.
 */
import { lireAnneeScolaire, texteSaisi, type AnneeScolaire } from "../rules";
import { LIGNES_RECHERCHE_ENTETE, detecterEntete, trouverFormulaire } from "../sheet";
import type { CorrectionColonnes } from "../sheet/types";
import { isBlank, type CellValue, type SheetData } from "../grid";
import type { SheetInfo } from "../workbook/port";

/** Rows a caller should read from the top of each sheet: as many as the header search looks at. */
export const LIGNES_APERCU = LIGNES_RECHERCHE_ENTETE;

export type NatureFeuille = "effectifs" | "etablissements" | "demande" | "bilan" | "dotations" | null;

type Apercu = readonly (readonly CellValue[])[];

function enFeuille(premieresLignes: Apercu): SheetData {
  return { name: "", values: premieresLignes, rowOffset: 0, columnOffset: 0 };
}

/**
 * - « bilan » (R11): a formation code with at least two of the bilan's columns (élèves aidés, montant
 *   des achats, type d'équipement), or one of them under a bilan form (« Dotation reçue pré-bac »,
 *   « Reliquat antérieur post-bac »…). Before « effectifs »: the template keeps the formation's
 *   effectif n-1 as a reference, so a bilan also names a code and an effectif.
 * - « demande » (R10): a formation code and extra students or boursiers — before « effectifs » too.
 * - « effectifs »: a formation code and an effectif (the rows a dotation counts).
 * - « dotations »: the UAI and a dotation reçue / nette per envelope, no formation code (the
 *   `Dotations ARE <année>` sheet, or the same columns typed by hand). Before « etablissements »: it
 *   also has the taux de boursiers and the reliquats deducted.
 * - « etablissements »: the UAI and establishment-level values (taux de boursiers, boursiers,
 *   reliquats, réponse à l'enquête) but no formation code.
 * - null otherwise.
 */
export function natureFeuille(premieresLignes: Apercu, correction?: CorrectionColonnes): NatureFeuille {
  const sheet = enFeuille(premieresLignes);
  // The command line's --colonne corrections name a column the header does not (the pane has none).
  const detection = detecterEntete(sheet, correction);
  if (!detection) return null;
  const c = detection.entete.colonnes;
  if (c.codeFormation) {
    const colonnesBilan = [c.elevesAides, c.montantAchats, c.typeEquipement].filter(Boolean).length;
    if (colonnesBilan >= 2 || (colonnesBilan === 1 && aUnFormulaireBilan(sheet, detection.indexLigne)))
      return "bilan";
    if (c.supplementaires || c.boursiersSupplementaires) return "demande";
    if (c.effectif) return "effectifs";
    return null;
  }
  if (c.uai && (c.dotationPreBac || c.dotationPostBac)) return "dotations";
  if (c.uai && (c.tauxBoursiers || c.boursiers || c.reliquatPreBac || c.reliquatPostBac || c.aRepondu))
    return "etablissements";
  return null;
}

/** Does the form above the table give an envelope's dotation reçue or reliquat antérieur? */
function aUnFormulaireBilan(sheet: SheetData, indexEntete: number): boolean {
  const f = trouverFormulaire(sheet, indexEntete);
  return Boolean(f.dotationPreBac || f.dotationPostBac || f.reliquatPreBac || f.reliquatPostBac);
}

/** The school year a bilan states in its form (« Année scolaire 2023-2024 »), or null. */
export function anneeDuBilan(premieresLignes: Apercu): AnneeScolaire | null {
  const sheet = enFeuille(premieresLignes);
  const cellule = trouverFormulaire(sheet, detecterEntete(sheet)?.indexLigne ?? null).annee;
  if (!cellule || isBlank(cellule.valeur) || typeof cellule.valeur === "object") return null;
  try {
    const raw = cellule.valeur;
    return lireAnneeScolaire(typeof raw === "string" ? raw.trim() : raw);
  } catch {
    return null;
  }
}

export interface SuggestionFeuilles {
  /** User sheets that look like effectif sheets, in workbook order. */
  readonly effectifs: readonly string[];
  /** The first user sheet that looks like an establishments sheet, or null (see feuilleEtablissementsPour). */
  readonly etablissements: string | null;
  /** User sheets that look like a request for a dotation complémentaire. */
  readonly demandes: readonly string[];
  /** Sheets that look like bilans: the user's, and the add-in's templates (filled in by the user). */
  readonly bilans: readonly string[];
  /** Sheets that look like a dotations sheet: the add-in's `Dotations ARE <année>` and the user's. */
  readonly dotations: readonly string[];
  /** Sheets that can serve as establishments sheet: the user's and the add-in's `Établissements ARE <année>`. */
  readonly etablissementsPossibles: readonly string[];
  /** The year each bilan states, by sheet name (absent when it states none). */
  readonly anneesBilans: Readonly<Record<string, AnneeScolaire>>;
  /** What each sheet looks like, by name: every user sheet, and the add-in's sheets kept below. */
  readonly natures: Readonly<Record<string, NatureFeuille>>;
}

/**
 * What the add-in's own sheets may be used for. Its templates are filled in by the user (a bilan to
 * check, then to carry into next year), its `Dotations ARE <année>` feed a bilan template and its
 * `Établissements ARE <année>` (written from the bilans) feed the next dotation. Its other results —
 * checks, constats, the request it wrote, the catalogue — are never offered as inputs: the request
 * sheet it writes, for instance, has the columns of a request.
 */
const NATURES_DES_FEUILLES_DU_COMPLEMENT: ReadonlySet<NatureFeuille> = new Set([
  "bilan",
  "dotations",
  "etablissements",
]);

/** Suggests the inputs of each action from the top rows of each sheet (missing rows: nothing suggested). */
export function suggererFeuilles(
  feuilles: readonly SheetInfo[],
  apercus: Readonly<Record<string, Apercu>>,
): SuggestionFeuilles {
  const effectifs: string[] = [];
  const demandes: string[] = [];
  const bilans: string[] = [];
  const dotations: string[] = [];
  const etablissementsPossibles: string[] = [];
  const anneesBilans: Record<string, AnneeScolaire> = {};
  const natures: Record<string, NatureFeuille> = {};
  let etablissements: string | null = null;
  for (const feuille of feuilles) {
    const apercu = apercus[feuille.name] ?? [];
    const nature = natureFeuille(apercu);
    if (feuille.owned && !NATURES_DES_FEUILLES_DU_COMPLEMENT.has(nature)) continue;
    natures[feuille.name] = nature;
    switch (nature) {
      case "effectifs":
        effectifs.push(feuille.name);
        break;
      case "demande":
        demandes.push(feuille.name);
        break;
      case "bilan": {
        bilans.push(feuille.name);
        const annee = anneeDuBilan(apercu);
        if (annee !== null) anneesBilans[feuille.name] = annee;
        break;
      }
      case "dotations":
        dotations.push(feuille.name);
        break;
      case "etablissements":
        etablissementsPossibles.push(feuille.name);
        if (!feuille.owned && etablissements === null) etablissements = feuille.name;
        break;
    }
  }
  return {
    effectifs,
    etablissements,
    demandes,
    bilans,
    dotations,
    etablissementsPossibles,
    anneesBilans,
    natures,
  };
}

/**
 * The school year a sheet name states (« Établissements ARE 2024-2025 » → 2024), or null; its hyphen may
 * be a dash or the non-breaking one the pane displays (« 2024‑2025 », texteSaisi).
 */
export function anneeDuNom(nom: string): AnneeScolaire | null {
  const trouve = /(?:^|\D)(\d{4})\s*[-/]\s*(\d{4})(?:\D|$)/.exec(texteSaisi(nom));
  if (!trouve || Number(trouve[2]) !== Number(trouve[1]) + 1) return null;
  return Number(trouve[1]);
}

/**
 * Among `candidates` (workbook order), the one for `annee`: the first whose name states that year
 * (the add-in names its sheets so: `Dotations ARE 2024-2025`), preferring the add-in's own sheet, then
 * the first whose name states no year; never one whose name states another year.
 */
function pourLAnnee(
  candidates: readonly string[],
  feuilles: readonly SheetInfo[],
  annee: AnneeScolaire,
): string | null {
  const duComplement = new Set(feuilles.filter((f) => f.owned).map((f) => f.name));
  const deLAnnee = candidates.filter((n) => anneeDuNom(n) === annee);
  return (
    deLAnnee.find((n) => duComplement.has(n)) ??
    deLAnnee[0] ??
    candidates.find((n) => anneeDuNom(n) === null && !duComplement.has(n)) ??
    null
  );
}

/**
 * The establishments sheet of the dotations of `annee` — and of the bilans of `annee`, whose sheet the
 * reliquats complete. The add-in names the sheet it writes from the bilans after the dotations it
 * feeds (`Établissements ARE 2024-2025` carries the reliquats of 2023-2024 into 2024-2025), so that
 * sheet is suggested for its year. Décision (regles.md#feuilles.annee-suggeree) : when the add-in's sheet and a user sheet both name the
 * year, the add-in's is suggested — it was written from the bilans, the last step before the dotation.
 * A sheet naming another year is never suggested (its reliquats would be another year's).
 */
export function feuilleEtablissementsPour(
  suggestion: SuggestionFeuilles,
  feuilles: readonly SheetInfo[],
  annee: AnneeScolaire,
): string | null {
  return pourLAnnee(suggestion.etablissementsPossibles, feuilles, annee);
}

/** The dotations sheet of `annee` (a bilan template starts from it), chosen like the establishments sheet. */
export function feuilleDotationsPour(
  suggestion: SuggestionFeuilles,
  feuilles: readonly SheetInfo[],
  annee: AnneeScolaire,
): string | null {
  return pourLAnnee(suggestion.dotations, feuilles, annee);
}
