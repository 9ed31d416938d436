/**
 * Command-line arguments: `--option valeur`, `--option=valeur`, repeatable options, flags and
 * positional arguments; `--` ends the options. Every mistake is a UsageError with a French message
 * (exit code 2).
 */

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

export interface OptionSpec {
  /** Takes a value (`--annee 2024`) rather than being a flag (`--json`). */
  readonly value?: boolean;
  /** May be given several times (`--ipc … --ipc …`). */
  readonly repeatable?: boolean;
  /** Another spelling: `-h` for `--help`. */
  readonly alias?: string;
}

export type OptionSpecs = Readonly<Record<string, OptionSpec>>;

export interface ParsedArgs {
  readonly positionals: readonly string[];
  /** Flags are "true"; repeatable options keep every value in order. */
  readonly options: ReadonlyMap<string, readonly string[]>;
}

export function parseArgs(argv: readonly string[], specs: OptionSpecs, command: string): ParsedArgs {
  const positionals: string[] = [];
  const options = new Map<string, string[]>();
  const byAlias = new Map(
    Object.entries(specs).flatMap(([name, spec]) => (spec.alias ? [[spec.alias, name] as const] : [])),
  );
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--") {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith("-") || arg === "-") {
      positionals.push(arg);
      continue;
    }
    const equals = arg.indexOf("=");
    const written = equals > 0 ? arg.slice(0, equals) : arg;
    const name = byAlias.get(written) ?? (written.startsWith("--") ? written.slice(2) : "");
    const spec = specs[name];
    if (!spec) {
      throw new UsageError(
        `Option inconnue « ${written} » pour « are ${command} » : voir « are ${command} --help ».`,
      );
    }
    let value = "true";
    if (spec.value) {
      if (equals > 0) value = arg.slice(equals + 1);
      else if (i + 1 < argv.length && !argv[i + 1].startsWith("--")) value = argv[++i];
      else throw new UsageError(`L'option --${name} attend une valeur : voir « are ${command} --help ».`);
    } else if (equals > 0) {
      throw new UsageError(`L'option --${name} ne prend pas de valeur.`);
    }
    const values = options.get(name) ?? [];
    if (values.length > 0 && !spec.repeatable) {
      throw new UsageError(`L'option --${name} est donnée plusieurs fois : gardez-en une seule.`);
    }
    values.push(value);
    options.set(name, values);
  }
  return { positionals, options };
}

export function flag(args: ParsedArgs, name: string): boolean {
  return args.options.has(name);
}

export function optionValue(args: ParsedArgs, name: string): string | undefined {
  return args.options.get(name)?.[0];
}

export function optionValues(args: ParsedArgs, name: string): readonly string[] {
  return args.options.get(name) ?? [];
}
