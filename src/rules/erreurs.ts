/**
 * Typed errors of the core. Each carries a stable code and a French message meant for the user; the
 * adapters map them: an argument error becomes #VALUE! in Excel and exit code 2 in the CLI, a missing
 * parameter becomes #N/A naming the missing value (design.md §3).
 */
import type { TypeForfait } from "./categories";

export abstract class ErreurAre extends Error {
  abstract readonly nature: "argument" | "parametre-manquant";
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** A value the user gave cannot be used as it is (negative effectif, taux above 100 %, unknown category…). */
export class ErreurArgument extends ErreurAre {
  readonly nature = "argument" as const;
}

/** A value of an index series the user must supply: « IPC décembre 2024 (base 2015) ». */
export interface IndiceManquant {
  /** The INSEE series identifier; null for the base-2025 series, whose identifier the user enters. */
  readonly serie: string | null;
  /** "YYYY-MM". */
  readonly mois: string;
  readonly base: number;
}

/**
 * Why a parameter has no value for a school year, as data: the adapters (command line, task pane,
 * functions) say it from this structure through one formatter (parametres/manque.ts), never by
 * reading the message.
 */
export interface ValeurManquante {
  /** The parameter's id: « forfait.pre_bac ». */
  readonly parametre: string;
  /** The school year asked (2025 = 2025-2026). */
  readonly annee: number;
  /** The index values that would resolve it by indexation (R7), oldest needed first; empty when none can. */
  readonly manque: readonly IndiceManquant[];
  /**
   * The forfaits that cannot be resolved, when the others asked can (entered or published), or the one
   * asked (the CPGE's): the message names them (forfaitsManquants). Absent for one parameter, or all
   * three forfaits of a dotation.
   */
  readonly forfaits?: readonly TypeForfait[];
}

/**
 * The regulation cannot be resolved for the year asked: a December index or a published amount is
 * missing, or the year is outside what is encoded. Never answered by silently reusing another year.
 */
export class ErreurParametreManquant extends ErreurAre {
  readonly nature = "parametre-manquant" as const;
  constructor(
    code: string,
    message: string,
    /** What the user must supply, in words: "IPC décembre 2024 (base 2015)". */
    readonly aFournir: string,
    /** The same as data, for a parameter value (null for a year before the rules, a code off the list). */
    readonly valeurManquante: ValeurManquante | null = null,
  ) {
    super(code, message);
  }
}

export function estErreurAre(error: unknown): error is ErreurAre {
  return error instanceof ErreurAre;
}
