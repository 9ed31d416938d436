/**
 * The Paramètres screen's logic: the values the user adds (December IPC values, published forfaits)
 * as `ValeursUtilisateur`, which the store validates (Parametres.avec: the core's French message for
 * an invalid or conflicting value) before saving them in the workbook. Pure.
 */
import {
  FIRST_SCHOOL_YEAR,
  FORFAIT_KIND_NAMES,
  describeIpcMonth,
  isAreError,
  parseForfaitKind,
  ipcBaseFor,
  parseSchoolYear,
  type IpcBase,
  type IpcSaisi,
  type ForfaitSaisi,
  type Parametres,
  type SchoolYear,
  type ValeursUtilisateur,
} from "../../rules";

export interface IpcForm {
  /** AAAA-MM. */
  readonly mois: string;
  readonly base: string;
  readonly valeur: string;
  /** INSEE identifier; needed for base 2025 only. */
  readonly serie: string;
  readonly source: string;
}

export interface ForfaitForm {
  /** 2025 or 2025-2026. */
  readonly annee: string;
  readonly categorie: string;
  readonly valeur: string;
  readonly source: string;
}

const optional = (text: string) => (text.trim() === "" ? undefined : text.trim());

export function withIpc(valeurs: ValeursUtilisateur, form: IpcForm): ValeursUtilisateur {
  const saisie: IpcSaisi = {
    mois: form.mois.trim(),
    base: Number(form.base),
    valeur: form.valeur.trim(),
    ...(optional(form.serie) ? { serie: optional(form.serie) } : {}),
    ...(optional(form.source) ? { source: optional(form.source) } : {}),
  };
  return { ...valeurs, ipc: [...(valeurs.ipc ?? []), saisie] };
}

/** Throws the core's InvalidArgumentError for a year it cannot read (« 2025-2027 »). */
export function withForfait(valeurs: ValeursUtilisateur, form: ForfaitForm): ValeursUtilisateur {
  const saisie: ForfaitSaisi = {
    annee: parseSchoolYear(/^\d+$/.test(form.annee.trim()) ? Number(form.annee.trim()) : form.annee),
    categorie: form.categorie,
    valeur: form.valeur.trim(),
    ...(optional(form.source) ? { source: optional(form.source) } : {}),
  };
  return { ...valeurs, forfaits: [...(valeurs.forfaits ?? []), saisie] };
}

export function withoutIpc(valeurs: ValeursUtilisateur, index: number): ValeursUtilisateur {
  return { ...valeurs, ipc: (valeurs.ipc ?? []).filter((_, i) => i !== index) };
}

export function withoutForfait(valeurs: ValeursUtilisateur, index: number): ValeursUtilisateur {
  return { ...valeurs, forfaits: (valeurs.forfaits ?? []).filter((_, i) => i !== index) };
}

/**
 * The December the next school year needs first: for the year after the last one whose pré-bac
 * forfait resolves, December n-1 in the base R7 uses for it (2024-12 in base 2015 today).
 */
export function nextDecember(
  parametres: Parametres,
  currentYear: SchoolYear,
): { mois: string; base: IpcBase } {
  let year = FIRST_SCHOOL_YEAR;
  for (; year <= currentYear + 1; year++) {
    try {
      parametres.forfait("PRE_BAC", year);
    } catch {
      break;
    }
  }
  const base = ipcBaseFor(year);
  for (const december of [year - 2, year - 1]) {
    if (!parametres.ipcDecembre(december, base)) return { mois: `${december}-12`, base };
  }
  return { mois: `${year - 1}-12`, base };
}

export interface IpcRow {
  readonly key: string;
  /** « décembre 2023 (base 2015) ». */
  readonly mois: string;
  readonly valeur: string;
  readonly source: string;
  /** Entered by the user (else embedded). */
  readonly saisi: boolean;
}

/** Every IPC value known, oldest first; the user's own are those citing « saisie utilisateur ». */
export function ipcRows(parametres: Parametres): IpcRow[] {
  return parametres.ipcValues().map((v) => ({
    key: `${v.mois}@${v.base}`,
    mois: describeIpcMonth(v.mois, v.base),
    valeur: v.valeur.replace(".", ","),
    source: v.reference.court,
    saisi: v.reference.court.startsWith("saisie utilisateur"),
  }));
}

/** How a stored forfait's category is shown: « Pré-bac », or as stored when unreadable. */
export function forfaitName(categorie: string): string {
  try {
    return FORFAIT_KIND_NAMES[parseForfaitKind(categorie)];
  } catch (error) {
    if (isAreError(error)) return categorie;
    throw error;
  }
}
