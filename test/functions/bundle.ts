/**
 * Loads the built dist/functions.js the way Excel's runtime does — a script that calls
 * CustomFunctions.associate — in a Node VM, and calls the functions as Excel would from the generated
 * dist/functions.json (design.md §7).
 */
import fs from "fs";
import path from "path";
import vm from "vm";
import { StandInError, createCustomFunctionsStandIn } from "./customFunctionsStandIn";

export const DIST = path.resolve(__dirname, "../../dist");

export interface ParameterMetadata {
  readonly name: string;
  readonly description?: string;
  readonly type?: string;
  readonly dimensionality?: "scalar" | "matrix";
  readonly optional?: boolean;
}

export interface FunctionMetadata {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly helpUrl: string;
  readonly parameters: readonly ParameterMetadata[];
  readonly result: { readonly type?: string; readonly dimensionality?: "scalar" | "matrix" };
}

export function distFile(name: string): string {
  const file = path.join(DIST, name);
  if (!fs.existsSync(file)) {
    throw new Error(
      `dist/${name} introuvable : lancez « npm run build » (npm test construit avant de lancer jest).`,
    );
  }
  return file;
}

export function readMetadata(): FunctionMetadata[] {
  return (
    JSON.parse(fs.readFileSync(distFile("functions.json"), "utf8")) as { functions: FunctionMetadata[] }
  ).functions;
}

/** A Date constructor whose "now" is fixed: the bundle reads today's date to default the school year. */
function fixedClock(now: Date): DateConstructor {
  const time = now.getTime();
  return new Proxy(Date, {
    construct: (target, args: unknown[]) =>
      args.length === 0 ? new target(time) : Reflect.construct(target, args),
    get: (target, property, receiver) =>
      property === "now" ? () => time : Reflect.get(target, property, receiver),
  });
}

export interface LoadedFunctions {
  readonly associations: ReadonlyMap<string, (...args: unknown[]) => unknown>;
  readonly metadata: ReadonlyMap<string, FunctionMetadata>;
  /**
   * Calls ARE.<id> as Excel does: as many arguments as the metadata declares, null for an omitted
   * optional one, a single value wrapped as a 1 × 1 range for a matrix parameter. Returns the result,
   * or the error value the function threw.
   */
  call(id: string, ...args: unknown[]): unknown;
}

/**
 * The little of Office.js the shared runtime uses to read the workbook's document settings at start
 * (Office.onReady, Excel.run over workbook.settings, a full recalculation), over a Map of settings.
 */
function officeStandIn(settings: Map<string, unknown>, recalculs: { n: number }) {
  const context = {
    workbook: {
      settings: {
        getItemOrNullObject: (key: string) => ({
          load: () => undefined,
          isNullObject: !settings.has(key),
          value: settings.get(key),
        }),
        add: (key: string, value: unknown) => settings.set(key, value),
      },
      application: { calculate: () => recalculs.n++ },
    },
    sync: async () => undefined,
  };
  return {
    Office: {
      HostType: { Excel: "Excel" },
      onReady: (ready: (info: { host: string }) => unknown) =>
        Promise.resolve().then(() => ready({ host: "Excel" })),
    },
    Excel: {
      CalculationType: { full: "Full" },
      run: <T>(batch: (c: typeof context) => Promise<T>) => batch(context),
    },
  };
}

/**
 * Loads dist/functions.js. Without `settings`, Office is absent: outside Excel the bundle must not try
 * to reach the workbook. With `settings` (a workbook's document settings, as the add-in saved them),
 * the bundle runs as in Excel and loads them at start: wait for `pret` before calling.
 */
export function loadFunctions(
  now: Date,
  settings?: Map<string, unknown>,
): LoadedFunctions & { pret: Promise<void>; recalculs: { n: number } } {
  const code = fs.readFileSync(distFile("functions.js"), "utf8");
  const metadata = new Map(readMetadata().map((f) => [f.id, f]));
  const standIn = createCustomFunctionsStandIn();
  const recalculs = { n: 0 };
  const sandbox: Record<string, unknown> = {
    CustomFunctions: standIn.global,
    Date: fixedClock(now),
    console,
    ...(settings ? officeStandIn(settings, recalculs) : {}),
  };
  sandbox.self = sandbox; // webpack's chunk registry lives on `self` in a browser
  vm.createContext(sandbox);
  vm.runInContext(code, sandbox, { filename: "dist/functions.js" });

  function call(id: string, ...args: unknown[]): unknown {
    const meta = metadata.get(id);
    const fonction = standIn.associations.get(id);
    if (!meta || !fonction) throw new Error(`ARE.${id} n'est pas déclarée et associée`);
    const required = meta.parameters.filter((p) => !p.optional).length;
    if (args.length < required || args.length > meta.parameters.length) {
      throw new Error(
        `ARE.${id} attend de ${required} à ${meta.parameters.length} arguments, ${args.length} donnés`,
      );
    }
    const excelArgs = meta.parameters.map((parameter, i) => {
      const value = i < args.length ? args[i] : null;
      if (parameter.dimensionality === "matrix") return Array.isArray(value) ? value : [[value]];
      if (Array.isArray(value)) throw new Error(`ARE.${id} : ${parameter.name} n'accepte pas de plage`);
      return value;
    });
    try {
      const result = fonction(...excelArgs);
      checkResultShape(meta, result);
      return result;
    } catch (error) {
      if (error instanceof StandInError) return error;
      throw error;
    }
  }

  // The settings are read after Office.onReady, a few promise turns after the bundle ran.
  const pret = new Promise<void>((resolve) => setTimeout(resolve, 0));
  return { associations: standIn.associations, metadata, call, pret, recalculs };
}

function checkResultShape(meta: FunctionMetadata, result: unknown): void {
  if (meta.result.dimensionality === "matrix") {
    if (!Array.isArray(result) || !result.every((row) => Array.isArray(row))) {
      throw new Error(`ARE.${meta.id} doit renvoyer une matrice`);
    }
    return;
  }
  if (Array.isArray(result)) throw new Error(`ARE.${meta.id} doit renvoyer une valeur seule`);
  const type = meta.result.type;
  if (type && typeof result !== type) {
    throw new Error(`ARE.${meta.id} renvoie ${typeof result} au lieu de ${type}`);
  }
}
