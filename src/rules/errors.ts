/**
 * Typed errors of the core. Each carries a stable code and a French message meant for the user; the
 * adapters map them: an argument error becomes #VALUE! in Excel and exit code 2 in the CLI, a missing
 * parameter becomes #N/A naming the missing value (design.md §3).
 */
export abstract class AreError extends Error {
  abstract readonly kind: "argument" | "parametre-manquant";
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** A value the user gave cannot be used as it is (negative effectif, taux above 100 %, unknown category…). */
export class InvalidArgumentError extends AreError {
  readonly kind = "argument" as const;
}

/**
 * The regulation cannot be resolved for the year asked: a December index or a published amount is
 * missing, or the year is outside what is encoded. Never answered by silently reusing another year.
 */
export class MissingParameterError extends AreError {
  readonly kind = "parametre-manquant" as const;
  constructor(
    code: string,
    message: string,
    /** What the user must supply, e.g. "IPC décembre 2024 (base 2015, série 001763862)". */
    readonly missing: string,
  ) {
    super(code, message);
  }
}

export function isAreError(error: unknown): error is AreError {
  return error instanceof AreError;
}
