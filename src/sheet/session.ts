/**
 * What the readers of one run share: the school year and its list of formations, the registry of
 * establishments, the constats, the row counts, and caches so that each distinct code, UAI, status or
 * year-of-formation value is judged once per run, however many rows repeat it (design.md §8: a Map
 * lookup per row, never a regex or a catalogue search per row).
 */
import { TableDoublons } from "./doublons";
import {
  Catalogues,
  PREFIXE_COLLEGE,
  citation,
  jugerFormation,
  lettreCleUai,
  lireCodeFormation,
  lireUai,
  prefixeDe,
  sansEspaces,
  type AnneeScolaire,
  type CatalogueEnVigueur,
  type Categorie,
} from "../rules";
import { isBlank, isCellError, type CellValue } from "../grid";
import {
  lireAnneeFormation,
  messageErreurExcel,
  motifStatut,
  type LectureStatut,
  type MotifStatut,
} from "./cells";
import type { CodeConstat, Constat } from "./constats";
import { RegistreEtablissements } from "./etablissements";
import type { BilanLignes, CorrectionColonnes, EffectifsComptes } from "./types";

export type VerdictCode =
  | {
      readonly kind: "compte";
      /** A small integer, unique per distinct code value in the run (duplicate detection keys rows with it). */
      readonly id: number;
      readonly code: string;
      readonly categorie: Categorie;
      /** Eligible by R2+R3 but absent from the indicative list: counts with an alerte (R4). */
      readonly horsListe: string | null;
    }
  | {
      readonly kind: "non-eligible";
      /** « Formation 50022137 non comptée. <motif> », the effectif sheets' message. */
      readonly message: string;
      /** The code read and why it is not eligible: what the bilan and the request say in their own words. */
      readonly code: string;
      readonly motif: string;
      /** A collège class (prefix 670) absent from the list: its row's libellé may still name the 3ème prépa-métiers. */
      readonly college?: true;
    }
  | {
      readonly kind: "invalide";
      readonly probleme: Extract<CodeConstat, "code-vide" | "code-mef" | "code-invalide" | "erreur-excel">;
      readonly message: string;
    };

export type VerdictUai =
  | {
      readonly ok: true;
      readonly uai: string;
      readonly alertes: readonly {
        readonly code: Extract<CodeConstat, "uai-lettre-cle" | "uai-hors-ile-de-france">;
        readonly message: string;
      }[];
    }
  | {
      readonly ok: false;
      readonly probleme: Extract<CodeConstat, "uai-manquant" | "uai-invalide" | "erreur-excel">;
      readonly message: string;
    };

/** R5 — the year within the formation, or why it cannot be read. */
/** `scolaire`: the value is a school year (2024, « 2024-2025 »), not a year of formation. */
export type VerdictAnnee =
  { readonly annee: number } | { readonly illisible: string; readonly scolaire: boolean };

type Primitive = string | number | boolean;

const CODE_VIDE: VerdictCode = {
  kind: "invalide",
  probleme: "code-vide",
  message:
    "Code formation vide : saisissez le code formation diplôme (8 caractères, ex. 50022137) ou supprimez la ligne.",
};

const UAI_MANQUANT: VerdictUai = {
  ok: false,
  probleme: "uai-manquant",
  message:
    "UAI manquant : chaque ligne doit indiquer l'établissement (UAI, ex. 0750655E). Si les cellules UAI étaient fusionnées, défusionnez-les et recopiez l'UAI sur chaque ligne.",
};

const SCIENTIFIQUE = /^'?(\d)[.,](\d+)E\+?(\d+)$/i;

/**
 * A code formation that went through a number shown in scientific notation (« 5,0022137E+07 », a .csv
 * exported from a column too narrow): its digits when the text carries all 8 of them, else why not.
 * Null when the text is not in that notation.
 *
 * Décision (regles.md#formations.notation-scientifique; issue 11 item 2): « 5,0022137E+07 » is the code 50022137 — the same row as in the .xlsx it
 * was exported from. With fewer digits (« 5,00221E+07 ») the last ones were rounded away by the
 * display, and guessing them could name another formation: the code is refused, saying how to export it.
 */
function codeScientifique(texte: string): { ok: true; code: string } | { ok: false; message: string } | null {
  const m = SCIENTIFIQUE.exec(sansEspaces(texte));
  if (m === null) return null;
  const [, unite, decimales, exposant] = m;
  if (Number(exposant) === 7 && decimales.length === 7) return { ok: true, code: unite + decimales };
  return {
    ok: false,
    message: `Code formation « ${citation(texte.trim())} » écrit en notation scientifique : ses 8 chiffres n'y sont pas tous, il ne peut pas être lu sans risque d'erreur. Dans le fichier d'origine, mettez la colonne au format Texte (ou élargissez-la) puis refaites l'export.`,
  };
}

export class SessionLecture {
  readonly catalogue: CatalogueEnVigueur;
  readonly constats: Constat[] = [];
  readonly registre: RegistreEtablissements;
  /** The rows counted from every effectif sheet of the run, to count a row given twice only once. */
  readonly doublonsEffectifs = new TableDoublons();
  private readonly codes = new Map<Primitive, VerdictCode>();
  /** One id per normalised code, so that 50022137, « 50022137 » and « '50022137 » share it (duplicates). */
  private readonly idsCodes = new Map<string, number>();
  private readonly uais = new Map<Primitive, VerdictUai>();
  /** R5: each status text's motif (motifStatut), one map per reading of the column (LectureStatut). */
  private readonly statuts = [0, 1, 2].map(() => new Map<Primitive, MotifStatut | null>());
  private readonly annees = new Map<Primitive, VerdictAnnee>();

  /** `catalogues`: the lists by rentrée, the user's loaded ones among them (the embedded ones by default). */
  constructor(
    readonly annee: AnneeScolaire,
    catalogues: Catalogues = Catalogues.embarques(),
  ) {
    // The list in force for the year (R4); a year before 2023-2024 is an ErreurParametreManquant.
    this.catalogue = catalogues.pour(annee);
    this.registre = new RegistreEtablissements(this.constats);
  }

  /**
   * R2-R4: what a raw code cell means, judged once per distinct value. `libelle` is the row's libellé
   * cell: only a collège code absent from the list reads it (R3, below).
   */
  verdictCode(raw: CellValue, libelle: CellValue = null): VerdictCode {
    if (isBlank(raw)) return CODE_VIDE;
    if (isCellError(raw))
      return {
        kind: "invalide",
        probleme: "erreur-excel",
        message: messageErreurExcel(raw, "code formation"),
      };
    const raw1 = raw as Primitive;
    let verdict = this.codes.get(raw1);
    if (verdict === undefined) {
      verdict = this.juger(raw1);
      this.codes.set(raw1, verdict);
    }
    // Décision (regles.md#eligibilite.college-670; design.md R3): a 670 code counts as 3ème prépa-métiers when the year's list names it or
    // its label is « 3EME PREPA-METIERS » — the row's own libellé included. Judged again, uncached: rare.
    if (
      verdict.kind === "non-eligible" &&
      verdict.college &&
      typeof libelle === "string" &&
      libelle.trim() !== ""
    )
      return this.juger(raw1, libelle.trim());
    return verdict;
  }

  private juger(raw: Primitive, libelle?: string): VerdictCode {
    const scientifique = typeof raw === "string" ? codeScientifique(raw) : null;
    if (scientifique !== null && !scientifique.ok)
      return { kind: "invalide", probleme: "code-invalide", message: scientifique.message };
    const reading = lireCodeFormation(scientifique?.code ?? raw);
    if (!reading.ok) {
      if (reading.probleme === "vide") return CODE_VIDE;
      return {
        kind: "invalide",
        probleme: reading.probleme === "mef" ? "code-mef" : "code-invalide",
        message: reading.message,
      };
    }
    const eligibility = jugerFormation(reading.code, this.catalogue, libelle);
    if (!eligibility.eligible || eligibility.categorie === null) {
      // A 7-digit number is read with its leading zero restored (lireCodeFormation): say so.
      const note = reading.note === null ? "" : ` ${reading.note}`;
      const motif = `${eligibility.motif}${note}`;
      const verdict = {
        kind: "non-eligible",
        message: `Formation ${reading.code} non comptée. ${motif}`,
        code: reading.code,
        motif,
      } as const;
      return prefixeDe(reading.code) === PREFIXE_COLLEGE ? { ...verdict, college: true } : verdict;
    }
    let id = this.idsCodes.get(reading.code);
    if (id === undefined) {
      id = this.idsCodes.size;
      this.idsCodes.set(reading.code, id);
    }
    return {
      kind: "compte",
      id,
      code: reading.code,
      categorie: eligibility.categorie,
      horsListe:
        eligibility.alerte === null
          ? null
          : `${eligibility.motif} Vérifiez le code ; s'il est juste, rien à faire.`,
    };
  }

  /** R1: a UAI cell, read once per distinct value; a bad check letter or department is an alerte. */
  verdictUai(raw: CellValue): VerdictUai {
    if (isBlank(raw)) return UAI_MANQUANT;
    if (isCellError(raw))
      return { ok: false, probleme: "erreur-excel", message: messageErreurExcel(raw, "UAI") };
    const raw1 = raw as Primitive;
    let verdict = this.uais.get(raw1);
    if (verdict === undefined) {
      const reading = lireUai(raw1);
      if (!reading.ok)
        verdict = { ok: false, probleme: "uai-invalide", message: `${reading.message} Corrigez l'UAI.` };
      else {
        const alertes: { code: "uai-lettre-cle" | "uai-hors-ile-de-france"; message: string }[] = [];
        let k = 0;
        if (lettreCleUai(reading.uai.slice(0, 7)) !== reading.uai[7])
          alertes.push({ code: "uai-lettre-cle", message: reading.alertes[k++] });
        if (k < reading.alertes.length)
          alertes.push({ code: "uai-hors-ile-de-france", message: reading.alertes[k] });
        verdict = { ok: true, uai: reading.uai, alertes };
      }
      this.uais.set(raw1, verdict);
    }
    return verdict;
  }

  /** R5: why a non-blank, non-error status keeps its row out of the count, or null (motifStatut). */
  motifStatut(raw: Primitive, lecture: LectureStatut): MotifStatut | null {
    const verdicts = this.statuts[lecture];
    let motif = verdicts.get(raw);
    if (motif === undefined) {
      motif = motifStatut(raw, lecture);
      verdicts.set(raw, motif);
    }
    return motif;
  }

  /** R5: the year within the formation of a non-blank, non-error cell. */
  anneeFormation(raw: Primitive): VerdictAnnee {
    let verdict = this.annees.get(raw);
    if (verdict === undefined) {
      const annee = lireAnneeFormation(raw);
      verdict =
        annee === null
          ? {
              scolaire: /^\s*(19|20)\d\d\b/.test(String(raw)),
              illisible: `Année de formation « ${citation(String(raw).trim())} » illisible : saisissez 1, 2 ou 3, l'année dans la formation (1 pour la première année, la seule qui compte). Un nom de classe (seconde, première pro, terminale) ne la dit pas : la classe de première est la 2e année d'un bac professionnel mais la 1re d'un bac technologique.`,
            }
          : { annee };
      this.annees.set(raw, verdict);
    }
    return verdict;
  }
}

/** Rows of one sheet: each non-blank row is counted or set aside with its reason. */
export class Comptage {
  nonVides = 0;
  comptees = 0;
  ecartees = 0;
  readonly parMotif: Record<string, number> = {};

  ecarter(motif: string, nombre = 1): void {
    this.ecartees += nombre;
    this.parMotif[motif] = (this.parMotif[motif] ?? 0) + nombre;
  }

  bilan(): BilanLignes {
    return {
      nonVides: this.nonVides,
      comptees: this.comptees,
      ecartees: this.ecartees,
      ecarteesParMotif: { ...this.parMotif },
    };
  }
}

/** Sums the row counts of several sheets. */
export function additionnerBilans(bilans: readonly BilanLignes[]): BilanLignes {
  const total = new Comptage();
  for (const bilan of bilans) {
    total.nonVides += bilan.nonVides;
    total.comptees += bilan.comptees;
    for (const [motif, nombre] of Object.entries(bilan.ecarteesParMotif)) total.ecarter(motif, nombre);
  }
  return total.bilan();
}

export function effectifsVides(): { prepaMetiers: number; preBac: number; postBac: number } {
  return { prepaMetiers: 0, preBac: 0, postBac: 0 };
}

export function additionnerEffectifs(liste: readonly EffectifsComptes[]): EffectifsComptes {
  const total = effectifsVides();
  for (const e of liste) {
    total.prepaMetiers += e.prepaMetiers;
    total.preBac += e.preBac;
    total.postBac += e.postBac;
  }
  return total;
}

/** A sheet read in slices, so that a workflow can report progress and be cancelled between slices. */
export interface LecteurFeuille {
  /** Rows left to read when the reader was made (progress units). */
  readonly total: number;
  readonly fini: boolean;
  /** Reads up to `nombre` rows; returns how many were read. */
  lireTranche(nombre: number): number;
  bilan(): BilanLignes;
  /** The sheet name, as the workbook spells it. */
  readonly feuille: string;
  /** The correction with its followed columns at their new index (ResultatEntete.correctionSuivie). */
  readonly correctionSuivie?: CorrectionColonnes;
}
