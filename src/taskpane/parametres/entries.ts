/**
 * The Paramètres screen's logic: the values the user adds (December IPC values, published forfaits)
 * as `ValeursUtilisateur`, which the store validates (Parametres.avec: the core's French message for
 * an invalid or conflicting value) before saving them in the workbook. Pure.
 */
import {
  Decimal,
  PREMIERE_ANNEE_SCOLAIRE,
  NOMS_FORFAITS,
  ErreurArgument,
  Parametres,
  libelleMoisIpc,
  formaterDecimal,
  formaterForfait,
  formaterIndice,
  formaterPourcentage,
  estErreurAre,
  lireForfaitSaisi,
  lireIpcSaisi,
  ecartForfait,
  ecartIpc,
  lireTypeForfait,
  baseIpcPour,
  lireAnneeScolaire,
  libelleAnnee,
  texteSaisi,
  type TypeForfait,
  type BaseIpc,
  type IpcSaisi,
  type ForfaitSaisi,
  type AnneeScolaire,
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

/** The month typed, « 2024-12 » even when copied from the pane as « 2024‑12 » (typographie.ts). */
const moisSaisi = (form: IpcForm) => texteSaisi(form.mois).trim();

function ipcSaisi(form: IpcForm): IpcSaisi {
  return {
    mois: moisSaisi(form),
    base: Number(form.base),
    valeur: form.valeur.trim(),
    ...(optional(form.serie) ? { serie: optional(form.serie) } : {}),
    ...(optional(form.source) ? { source: optional(form.source) } : {}),
  };
}

/** The index of the user's own IPC for the form's month and base, -1 if none: « Remplacer » it. */
export function ipcARemplacer(valeurs: ValeursUtilisateur, form: IpcForm): number {
  return (valeurs.ipc ?? []).findIndex(
    (v) => v.mois.trim() === moisSaisi(form) && v.base === Number(form.base),
  );
}

/** Adds the form's IPC, or replaces the user's own value for the same month (« Remplacer »). */
export function withIpc(valeurs: ValeursUtilisateur, form: IpcForm): ValeursUtilisateur {
  const saisie = ipcSaisi(form);
  const index = ipcARemplacer(valeurs, form);
  const ipc = [...(valeurs.ipc ?? [])];
  if (index >= 0) ipc[index] = saisie;
  else ipc.push(saisie);
  return { ...valeurs, ipc };
}

function forfaitAnnee(form: ForfaitForm): AnneeScolaire {
  return lireAnneeScolaire(/^\d+$/.test(form.annee.trim()) ? Number(form.annee.trim()) : form.annee);
}

/** The index of the user's own forfait for the form's year and category, -1 if none. */
export function forfaitARemplacer(valeurs: ValeursUtilisateur, form: ForfaitForm): number {
  let annee: AnneeScolaire;
  try {
    annee = forfaitAnnee(form);
  } catch {
    return -1;
  }
  const kind = form.categorie;
  return (valeurs.forfaits ?? []).findIndex((v) => v.annee === annee && sameKind(v.categorie, kind));
}

function sameKind(a: string, b: string): boolean {
  try {
    return lireTypeForfait(a) === lireTypeForfait(b);
  } catch {
    return a === b;
  }
}

/**
 * Adds the form's published forfait, or replaces the user's own for the same year and category.
 * Throws the core's ErreurArgument for a year it cannot read (« 2025-2027 »), and when the
 * source is missing: a published amount cites the text that publishes it (issue 12 item 10).
 */
export function withForfait(valeurs: ValeursUtilisateur, form: ForfaitForm): ValeursUtilisateur {
  const annee = forfaitAnnee(form);
  if (!optional(form.source)) {
    throw new ErreurArgument(
      "source-manquante",
      "Source manquante : indiquez le texte qui publie ce forfait (arrêté, délibération, page de la Région).",
    );
  }
  const saisie: ForfaitSaisi = {
    annee,
    categorie: form.categorie,
    valeur: form.valeur.trim(),
    source: optional(form.source),
  };
  const index = forfaitARemplacer(valeurs, form);
  const forfaits = [...(valeurs.forfaits ?? [])];
  if (index >= 0) forfaits[index] = saisie;
  else forfaits.push(saisie);
  return { ...valeurs, forfaits };
}

/**
 * The question to ask before saving an IPC far from the last earlier December of its base, « Confirmer
 * 131,5 ? (décembre 2023 : 118,38 ; +11,1 %) » (regles.md#technique.ecart-saisie, ecart.ts); null when
 * it is plausible, or unreadable (saving then says why).
 */
export function confirmationIpc(parametres: Parametres, form: IpcForm): string | null {
  const mois = /^(\d{4})-(\d{2})$/.exec(moisSaisi(form));
  const base = Number(form.base);
  if (!mois || (base !== 2015 && base !== 2025)) return null;
  let valeur: Decimal;
  try {
    valeur = lireIpcSaisi(form.valeur, "IPC");
  } catch {
    return null;
  }
  const loin = ecartIpc(parametres, mois[0], base, valeur);
  return (
    loin &&
    `Confirmer ${formaterDecimal(valeur, valeur.decimalPlaces())} ? (${loin.libelle} : ${formaterIndice(loin.reference.toString())} ; ${loin.ecart})`
  );
}

/**
 * The question to ask before saving a forfait far from the last earlier year's, « Confirmer 200 € ?
 * (2024-2025 : 157 € ; +27,4 %) »; null when it is plausible or cannot be compared.
 */
export function confirmationForfait(parametres: Parametres, form: ForfaitForm): string | null {
  let loin;
  let valeur: Decimal;
  try {
    valeur = lireForfaitSaisi(form.valeur, "Forfait");
    loin = ecartForfait(parametres, lireTypeForfait(form.categorie), forfaitAnnee(form), valeur);
  } catch {
    return null;
  }
  return (
    loin &&
    `Confirmer ${formaterForfait(valeur)} ? (${loin.libelle} : ${formaterForfait(loin.reference)} ; ${loin.ecart})`
  );
}

export interface ApercuForfait {
  readonly kind: TypeForfait;
  /** « 157 € », or « — » when not known before. */
  readonly avant: string;
  readonly apres: string;
}

export interface ApercuIpc {
  /** The school year whose forfaits this December sets: « 2025-2026 ». */
  readonly annee: string;
  /** « 1,30 % ». */
  readonly taux: string;
  readonly forfaits: readonly ApercuForfait[];
}

const APERCU_KINDS: readonly TypeForfait[] = ["PRE_BAC", "POST_BAC", "PREPA_METIERS", "CPGE"];

function montantOuTiret(parametres: Parametres, kind: TypeForfait, annee: AnneeScolaire): string {
  try {
    return formaterForfait(parametres.forfait(kind, annee).valeur);
  } catch (error) {
    if (estErreurAre(error)) return "—";
    throw error;
  }
}

/**
 * Before → after (issue 12 item 9): the rate and the forfaits of the school year this December
 * indexes (rentrée = year + 1), as they are now and as they would be once the value is saved. Null
 * while the value cannot be read or the year cannot be resolved even with it.
 */
export function apercuIpc(valeurs: ValeursUtilisateur, form: IpcForm): ApercuIpc | null {
  const mois = /^(\d{4})-12$/.exec(moisSaisi(form));
  if (!mois || form.valeur.trim() === "") return null;
  const annee = Number(mois[1]) + 1;
  let avant: Parametres;
  let apres: Parametres;
  try {
    avant = Parametres.avec(valeurs);
    apres = Parametres.avec(withIpc(valeurs, form));
    if (baseIpcPour(annee) !== Number(form.base)) return null;
    const taux = apres.tauxIndexation(annee).taux;
    return {
      annee: libelleAnnee(annee),
      taux: formaterPourcentage(taux),
      forfaits: APERCU_KINDS.map((kind) => ({
        kind,
        avant: montantOuTiret(avant, kind, annee),
        apres: montantOuTiret(apres, kind, annee),
      })),
    };
  } catch (error) {
    if (estErreurAre(error)) return null;
    throw error;
  }
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
  currentYear: AnneeScolaire,
): { mois: string; base: BaseIpc } {
  let year = PREMIERE_ANNEE_SCOLAIRE;
  for (; year <= currentYear + 1; year++) {
    try {
      parametres.forfait("PRE_BAC", year);
    } catch {
      break;
    }
  }
  const base = baseIpcPour(year);
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
  return parametres.valeursIpc().map((v) => ({
    key: `${v.mois}@${v.base}`,
    mois: libelleMoisIpc(v.mois, v.base),
    valeur: v.valeur.replace(".", ","),
    source: v.reference.court,
    saisi: v.reference.court.startsWith("saisie utilisateur"),
  }));
}

/** How a stored forfait's category is shown: « Pré-bac », or as stored when unreadable. */
export function forfaitName(categorie: string): string {
  try {
    return NOMS_FORFAITS[lireTypeForfait(categorie)];
  } catch (error) {
    if (estErreurAre(error)) return categorie;
    throw error;
  }
}

/** A French message per empty required field, shown on that field (issue 12 item 15). */
export type ChampsVides<F> = Partial<Record<keyof F, string>>;

const vide = (text: string) => text.trim() === "";

/** The IPC form's empty required fields: the index, and the INSEE series for base 2025. */
export function champsVidesIpc(form: IpcForm): ChampsVides<IpcForm> {
  return {
    ...(vide(form.valeur) ? { valeur: "Indiquez l'indice, par exemple 119,92." } : {}),
    ...(form.base === "2025" && vide(form.serie)
      ? { serie: "Indiquez l'identifiant INSEE de la série base 2025." }
      : {}),
  };
}

/** The forfait form's empty required fields: year, amount and the text that publishes it. */
export function champsVidesForfait(form: ForfaitForm): ChampsVides<ForfaitForm> {
  return {
    ...(vide(form.annee) ? { annee: "Indiquez l'année scolaire, par exemple 2025-2026." } : {}),
    ...(vide(form.valeur) ? { valeur: "Indiquez le montant publié, par exemple 160 ou 1 600,00." } : {}),
    ...(vide(form.source)
      ? { source: "Indiquez le texte qui publie ce forfait (arrêté, délibération, page de la Région)." }
      : {}),
  };
}
