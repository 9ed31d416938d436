/**
 * One generic lookup, `valeurEnVigueur(paramètre, année)`, over the embedded parameter files
 * (`donnees/`, registre.ts) and the values the user added in Paramètres or on the command line (IPC
 * months, published forfaits), layered on top. Immutable: adding values gives a new set.
 */
import { NOMS_FORFAITS, lireTypeForfait, type TypeForfait } from "../categories";
import { ErreurArgument, type IndiceManquant } from "../erreurs";
import { indexer, tauxIpc } from "../indexation";
import { Decimal, formaterEntier, formaterForfait, formaterPourcentage } from "../montants";
import { lireNombreValeur, messageNombreIllisible } from "../nombres";
import { citation } from "../texte";
import {
  PREMIERE_ANNEE_SCOLAIRE,
  exigerAnneeCouverte,
  libelleAnnee,
  lireAnneeScolaire,
  type AnneeScolaire,
} from "../anneeScolaire";
import type { Trace } from "../trace";
import {
  SERIE_IPC_BASE_2015,
  baseIpcPour,
  cleIpc,
  formaterIndice,
  libelleMoisIpc,
  type BaseIpc,
  type ValeurIpc,
} from "./ipc";
import { TAUX_INDEXATION, erreurValeurManquante } from "./manque";
import { referenceSaisie, type ReferenceJuridique } from "./references";
import {
  IDS_PARAMETRES,
  IPC_EMBARQUE,
  PARAMETRES_EMBARQUES,
  REFERENCE_INDEXATION,
  type IdParametre,
} from "./registre";
import { UNITES, type Parametre, type ValeurDatee } from "./schema";
import { PARAMETRE_DU_FORFAIT } from "./tables";

/** What the user may add, as stored in the workbook (numbers or decimal strings). */
export interface ValeursUtilisateur {
  readonly ipc?: readonly IpcSaisi[];
  readonly forfaits?: readonly ForfaitSaisi[];
}
export interface IpcSaisi {
  readonly mois: string;
  readonly base: number;
  readonly valeur: string | number;
  readonly serie?: string;
  readonly source?: string;
}
export interface ForfaitSaisi {
  readonly annee: number;
  readonly categorie: string;
  readonly valeur: string | number;
  readonly source?: string;
}

export interface ValeurResolue {
  readonly valeur: Decimal;
  readonly annee: AnneeScolaire;
  /** `publie`: a published amount (embedded or entered, maybe still in force from an earlier year); `indexe`: derived by R7. */
  readonly origine: "publie" | "indexe";
  readonly reference: ReferenceJuridique;
  /** The record the value is read from (its date of check, its note); null when computed by indexation. */
  readonly donnee: ValeurDatee | null;
  readonly trace: Trace;
}

export interface TauxResolu {
  readonly taux: Decimal;
  readonly annee: AnneeScolaire;
  readonly trace: Trace;
}

/**
 * Décision (regles.md#technique.bornes-parametres; issue 11 item 8; the regulation is silent): bounds of what a user may enter. No forfait of
 * the scheme comes near 10 000 € (157 € in 2024-2025, 323 € for the CPGE); the December IPC is about
 * 100 to 130 in base 2015 and starts at 100 in base 2025. A value outside is a typing slip (1199,2 for
 * 119,92) or a pasted identifier, refused rather than carried into every dotation.
 */
export const FORFAIT_MAXIMUM = new Decimal(10_000);
export const IPC_MINIMUM = new Decimal(50);
export const IPC_MAXIMUM = new Decimal(500);

const CENTIMES =
  "un forfait est un nombre entier d'euros ou un montant au centime (ex. 157 ou 157,50), et les calculs utilisent exactement le montant affiché";

/**
 * A value typed in Paramètres or on the command line, read by the one French number reader
 * (src/rules/nombres.ts): « 119,92 », « 1 600,00 », « 160 € » for a forfait. Strictly positive.
 */
function valeurSaisie(value: string | number, what: string, euros: boolean): Decimal {
  const lu = lireNombreValeur(value);
  const texte = String(value);
  if (!lu.ok || (lu.unite !== null && !(euros && lu.unite === "euro"))) {
    const exemple = euros ? "un montant en euros (ex. 157 ou 157,50)" : "un indice (ex. 119,92)";
    let message = messageNombreIllisible("illisible", what, texte, exemple);
    if (!lu.ok && lu.probleme === "ambigu") {
      // A forfait has at most two decimals: say the two readings and how to write an amount.
      message = euros
        ? `${what} « ${citation(texte.trim())} » ambigu (${texte.trim().replace(/[.,]/, "\u00a0")} € ou ${texte.trim().replace(".", ",")} € ?) : ${CENTIMES}. Écrivez-le sans séparateur ou avec deux décimales.`
        : messageNombreIllisible("ambigu", what, texte, exemple);
    }
    throw new ErreurArgument("valeur-invalide", message);
  }
  if (lu.valeur.lte(0)) {
    throw new ErreurArgument(
      "valeur-invalide",
      `${what} : la valeur doit être un nombre strictement positif.`,
    );
  }
  return lu.valeur;
}

/** A forfait: whole euros or cents, at most FORFAIT_MAXIMUM. */
export function lireForfaitSaisi(value: string | number, what: string): Decimal {
  const valeur = valeurSaisie(value, what, true);
  if (valeur.decimalPlaces() > 2) {
    throw new ErreurArgument(
      "forfait-centimes",
      `${what} « ${citation(String(value).trim())} » refusé : fractions de centime. ${CENTIMES.charAt(0).toUpperCase()}${CENTIMES.slice(1)}.`,
    );
  }
  if (valeur.gt(FORFAIT_MAXIMUM)) {
    throw new ErreurArgument(
      "valeur-invraisemblable",
      `${what} « ${citation(String(value).trim())} » invraisemblable : plus de 10 000 € par élève (157 € en 2024-2025). Vérifiez le montant.`,
    );
  }
  return valeur;
}

/** A December IPC: between IPC_MINIMUM and IPC_MAXIMUM. */
export function lireIpcSaisi(value: string | number, what: string): Decimal {
  const valeur = valeurSaisie(value, what, false);
  if (valeur.lt(IPC_MINIMUM) || valeur.gt(IPC_MAXIMUM)) {
    throw new ErreurArgument(
      "valeur-invraisemblable",
      `${what} « ${citation(String(value).trim())} » invraisemblable : un indice des prix est compris entre 50 et 500 (décembre 2023 : 118,38 en base 2015). Vérifiez la virgule.`,
    );
  }
  return valeur;
}

/** Checks one IPC value typed by the user and returns it in the embedded form. */
export function validerIpcSaisi(saisie: IpcSaisi): ValeurIpc {
  const mois = /^(\d{4})-(\d{2})$/.exec(saisie.mois.trim());
  if (!mois || Number(mois[2]) < 1 || Number(mois[2]) > 12) {
    throw new ErreurArgument(
      "mois-invalide",
      `Mois « ${saisie.mois} » invalide : attendu AAAA-MM, par exemple 2024-12.`,
    );
  }
  // « 2015 » saved as text by a hand-edited workbook is base 2015 (never « Base « 2015 » invalide »).
  const base = Number(saisie.base) as BaseIpc;
  if (base !== 2015 && base !== 2025) {
    throw new ErreurArgument(
      "base-invalide",
      `Base « ${saisie.base} » invalide : l'IPC est publié en base 2015 ou 2025.`,
    );
  }
  if (base === 2015 && Number(mois[1]) > 2025) {
    throw new ErreurArgument(
      "base-invalide",
      "La série base 2015 s'arrête en décembre 2025 : saisissez les mois suivants en base 2025.",
    );
  }
  const serie = (saisie.serie ?? "").trim() || (base === 2015 ? SERIE_IPC_BASE_2015 : "");
  if (serie === "") {
    throw new ErreurArgument(
      "serie-manquante",
      "Indiquez l'identifiant INSEE de la série base 2025 avec sa valeur.",
    );
  }
  const valeur = lireIpcSaisi(saisie.valeur, `IPC ${libelleMoisIpc(saisie.mois.trim(), base)}`);
  return {
    mois: saisie.mois.trim(),
    base,
    valeur: valeur.toString(),
    serie,
    // Never labelled as if it came from INSEE when the user did not say so (issue 12 item 10).
    reference: referenceSaisie(saisie.source),
    verifieLe: null,
    note: null,
  };
}

export class Parametres {
  private readonly ipc = new Map<string, ValeurIpc>();
  /** The published values of each parameter, embedded then entered, by school year. */
  private readonly publies = new Map<IdParametre, Map<AnneeScolaire, ValeurDatee>>();
  private readonly cache = new Map<string, ValeurResolue>();

  private constructor(userValues: ValeursUtilisateur) {
    for (const value of IPC_EMBARQUE) this.ipc.set(cleIpc(value.mois, value.base), value);
    for (const id of IDS_PARAMETRES) {
      this.publies.set(id, new Map(PARAMETRES_EMBARQUES[id].valeurs.map((v) => [v.annee, v])));
    }
    for (const saisie of userValues.ipc ?? []) this.ajouterIpc(validerIpcSaisi(saisie));
    for (const saisie of userValues.forfaits ?? []) this.ajouterForfait(saisie);
  }

  /** The embedded parameters only. */
  static embarques(): Parametres {
    return new Parametres({});
  }

  /** The embedded parameters plus the user's values; throws ErreurArgument on a bad or conflicting value. */
  static avec(userValues: ValeursUtilisateur): Parametres {
    return new Parametres(userValues);
  }

  private ajouterIpc(value: ValeurIpc): void {
    const key = cleIpc(value.mois, value.base);
    const existing = this.ipc.get(key);
    if (existing && !new Decimal(existing.valeur).equals(value.valeur)) {
      throw new ErreurArgument(
        "valeur-en-conflit",
        `L'IPC de ${libelleMoisIpc(value.mois, value.base)} est déjà connu (${formaterIndice(existing.valeur)}, ${existing.reference.court}) : la valeur saisie ${formaterIndice(value.valeur)} est ignorée.`,
      );
    }
    if (!existing) this.ipc.set(key, value);
  }

  private ajouterForfait(saisie: ForfaitSaisi): void {
    const kind = lireTypeForfait(saisie.categorie);
    // A year saved as text (« 2025 », « 2025-2026 ») by a hand-edited workbook counts, never ignored.
    const annee = lireAnneeScolaire(saisie.annee);
    const valeur = lireForfaitSaisi(saisie.valeur, `Forfait ${NOMS_FORFAITS[kind]} ${libelleAnnee(annee)}`);
    const years = this.publies.get(PARAMETRE_DU_FORFAIT[kind])!;
    const existing = years.get(annee);
    if (existing && !new Decimal(existing.valeur).equals(valeur)) {
      throw new ErreurArgument(
        "valeur-en-conflit",
        `Le forfait ${NOMS_FORFAITS[kind]} ${libelleAnnee(annee)} est déjà publié (${existing.valeur} €, ${existing.reference.court}).`,
      );
    }
    if (!existing)
      years.set(annee, {
        annee,
        valeur: valeur.toString(),
        reference: referenceSaisie(saisie.source),
        verifieLe: null,
        note: null,
      });
  }

  /** Every IPC value known, oldest first (embedded and entered). */
  valeursIpc(): ValeurIpc[] {
    return [...this.ipc.values()].sort((a, b) =>
      a.mois === b.mois ? a.base - b.base : a.mois < b.mois ? -1 : 1,
    );
  }

  ipcDecembre(year: number, base: BaseIpc): ValeurIpc | undefined {
    return this.ipc.get(cleIpc(`${year}-12`, base));
  }

  /** The published values of a parameter (embedded and entered), oldest first. */
  valeursPubliees(id: IdParametre): ValeurDatee[] {
    return [...this.publies.get(id)!.values()].sort((a, b) => a.annee - b.annee);
  }

  /** The published values of a forfait, oldest first. */
  forfaitsPublies(kind: TypeForfait): ValeurDatee[] {
    return this.valeursPubliees(PARAMETRE_DU_FORFAIT[kind]);
  }

  /** R7 — the indexation rate of rentrée N: IPC décembre N-1 / décembre N-2 − 1, same base. */
  tauxIndexation(annee: AnneeScolaire): TauxResolu {
    const base = baseIpcPour(annee);
    const manque = this.decembresManquants(annee);
    if (manque.length > 0) throw erreurValeurManquante({ parametre: TAUX_INDEXATION, annee, manque });
    const recent = this.ipcDecembre(annee - 1, base)!;
    const older = this.ipcDecembre(annee - 2, base)!;
    const taux = tauxIpc(recent.valeur, older.valeur);
    return {
      taux,
      annee,
      trace: {
        regle: "R7",
        libelle: `Taux d'indexation ${libelleAnnee(annee)}`,
        calcul: `IPC ${libelleMoisIpc(recent.mois, base)} ${formaterIndice(recent.valeur)} / IPC ${libelleMoisIpc(older.mois, base)} ${formaterIndice(older.valeur)} − 1, arrondi à 0,01 %`,
        resultat: formaterPourcentage(taux),
        reference: `série INSEE ${recent.serie}`,
      },
    };
  }

  /** The Decembers rentrée N needs (N-1, then N-2) that are not known, in the base R7 uses for it. */
  private decembresManquants(annee: AnneeScolaire): IndiceManquant[] {
    const base = baseIpcPour(annee);
    return [annee - 1, annee - 2]
      .filter((year) => !this.ipcDecembre(year, base))
      .map((year) => ({ serie: base === 2015 ? SERIE_IPC_BASE_2015 : null, mois: `${year}-12`, base }));
  }

  /**
   * The value of a parameter in force for a school year (R6, R7, R12): the value published for that
   * year when there is one (the user's entries included); otherwise, for an indexed parameter, the
   * previous year's indexed by R7 — never carried over —, and for any other the latest earlier value,
   * still in force (regles.md#parametres.reconduction). A value that cannot be resolved is a
   * ErreurParametreManquant whose structure names every missing December index at once.
   */
  valeurEnVigueur(id: IdParametre, annee: AnneeScolaire): ValeurResolue {
    exigerAnneeCouverte(annee);
    const key = `${id}@${annee}`;
    const cached = this.cache.get(key);
    if (cached) return cached;
    const resolved = this.resoudre(PARAMETRES_EMBARQUES[id], annee);
    this.cache.set(key, resolved);
    return resolved;
  }

  /** The forfait of a kind in force for a school year: `valeurEnVigueur` of its parameter. */
  forfait(kind: TypeForfait, annee: AnneeScolaire): ValeurResolue {
    return this.valeurEnVigueur(PARAMETRE_DU_FORFAIT[kind], annee);
  }

  /** R12 — the ceiling of the quotient familial: `valeurEnVigueur` of its parameter. */
  plafondQuotientFamilial(annee: AnneeScolaire): ValeurResolue {
    return this.valeurEnVigueur("cpge.plafond_quotient_familial", annee);
  }

  private resoudre(parametre: Parametre, annee: AnneeScolaire): ValeurResolue {
    const id = parametre.id as IdParametre;
    const publies = this.publies.get(id)!;
    const publie = publies.get(annee);
    if (publie) return this.publiee(parametre, annee, publie);
    if (!parametre.indexe) {
      const enVigueur = this.valeursPubliees(id)
        .reverse()
        .find((v) => v.annee < annee);
      if (!enVigueur) throw erreurValeurManquante({ parametre: id, annee, manque: [] });
      return this.publiee(parametre, annee, enVigueur);
    }

    // Every December missing between the last resolvable year and this one, named at once.
    let from = annee;
    while (from > PREMIERE_ANNEE_SCOLAIRE && !publies.has(from - 1)) from--;
    const manque: IndiceManquant[] = [];
    for (let year = from; year <= annee; year++) manque.push(...this.decembresManquants(year));
    if (manque.length > 0) {
      const distincts = new Map(manque.map((m) => [`${m.mois}@${m.base}`, m]));
      throw erreurValeurManquante({ parametre: id, annee, manque: [...distincts.values()] });
    }

    const previous = this.valeurEnVigueur(id, annee - 1);
    const rate = this.tauxIndexation(annee);
    const valeur = indexer(previous.valeur, rate.taux);
    const name = `${parametre.nom} ${libelleAnnee(annee)}`;
    const calcul = rate.taux.isNegative()
      ? `taux négatif (${formaterPourcentage(rate.taux)}) : montant ${libelleAnnee(annee - 1)} de ${formaterForfait(previous.valeur)} reconduit`
      : `${formaterForfait(previous.valeur)} × (1 + ${formaterPourcentage(rate.taux)}), arrondi à l'euro`;
    return {
      valeur,
      annee,
      origine: "indexe",
      reference: REFERENCE_INDEXATION,
      donnee: null,
      trace: {
        regle: "R7",
        libelle: name,
        calcul,
        resultat: formaterForfait(valeur),
        reference: REFERENCE_INDEXATION.court,
        details: [previous.trace, rate.trace],
      },
    };
  }

  /** A published value, of the year asked or still in force from an earlier one (said in the trace). */
  private publiee(parametre: Parametre, annee: AnneeScolaire, donnee: ValeurDatee): ValeurResolue {
    const valeur = new Decimal(donnee.valeur);
    const carried =
      donnee.annee < annee
        ? `, valeur ${libelleAnnee(donnee.annee)} en vigueur faute de nouvelle valeur publiée`
        : "";
    return {
      valeur,
      annee,
      origine: "publie",
      reference: donnee.reference,
      donnee,
      trace: {
        regle: parametre.regle,
        libelle: `${parametre.nom} ${libelleAnnee(annee)}`,
        calcul: "",
        resultat: formaterValeur(parametre, valeur) + carried,
        reference: donnee.reference.court,
      },
    };
  }
}

/** « 157 € » for an amount, « 3 concours par élève » for a count. */
export function formaterValeur(parametre: Parametre, valeur: Decimal): string {
  return UNITES[parametre.unite] === "euros"
    ? formaterForfait(valeur)
    : `${formaterEntier(valeur.toNumber())} ${parametre.unite}`;
}
