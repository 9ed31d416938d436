/**
 * A stand-in for the `CustomFunctions` global that Excel's runtime defines (design.md §7: the real one
 * only exists inside Excel). Only what the ARE functions use: associate, Error and ErrorCode.
 */
export const ERROR_CODES = {
  divisionByZero: "#DIV/0!",
  invalidName: "#NAME?",
  invalidNumber: "#NUM!",
  invalidReference: "#REF!",
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  nullReference: "#NULL!",
} as const;

export class StandInError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}

export interface CustomFunctionsStandIn {
  readonly associations: Map<string, (...args: unknown[]) => unknown>;
  readonly global: {
    associate(
      id: string | Record<string, (...args: unknown[]) => unknown>,
      f?: (...args: unknown[]) => unknown,
    ): void;
    Error: typeof StandInError;
    ErrorCode: typeof ERROR_CODES;
  };
}

export function createCustomFunctionsStandIn(): CustomFunctionsStandIn {
  const associations = new Map<string, (...args: unknown[]) => unknown>();
  return {
    associations,
    global: {
      associate(id, f) {
        if (typeof id === "string") {
          if (associations.has(id)) throw new Error(`${id} associé deux fois`);
          associations.set(id, f!);
        } else {
          for (const [key, value] of Object.entries(id)) associations.set(key, value);
        }
      },
      Error: StandInError,
      ErrorCode: ERROR_CODES,
    },
  };
}

/** Installs the stand-in as the global `CustomFunctions` for tests that run the TypeScript source. */
export function installCustomFunctionsGlobal(): CustomFunctionsStandIn {
  const standIn = createCustomFunctionsStandIn();
  (globalThis as Record<string, unknown>).CustomFunctions = standIn.global;
  return standIn;
}

/** The error value a call gave: thrown (a whole formula) or in the single cell of its matrix. */
export function erreurDe(calcul: () => unknown): StandInError {
  let resultat: unknown;
  try {
    resultat = calcul();
  } catch (error) {
    resultat = error;
  }
  while (Array.isArray(resultat)) resultat = resultat[0];
  if (resultat instanceof StandInError) return resultat;
  throw new Error(`une erreur était attendue, reçu ${JSON.stringify(resultat)}`);
}
