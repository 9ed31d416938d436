/**
 * `are forfait [année] [--categorie …]` — the forfaits in force for a school year with their legal
 * reference (R6), or their indexation (R7); a year that cannot be resolved names the missing index.
 */
import {
  FORFAIT_KIND_NAMES,
  decimalString,
  formatForfait,
  isAreError,
  parseForfaitKind,
  renderTraceTree,
  schoolYearLabel,
  type ForfaitKind,
  type LegalReference,
  type MissingParameterError,
  type ValeurResolue,
} from "../rules";
import { flag, optionValue, parseArgs, type ParsedArgs, UsageError } from "./args";
import type { CliIo } from "./io";
import { PARAMETRES_OPTIONS, anneeOf, missingValueHint, parametresOf } from "./options";

export const FORFAIT_OPTIONS = {
  ...PARAMETRES_OPTIONS,
  categorie: { value: true },
  json: {},
  help: { alias: "-h" },
} as const;

const ALL_KINDS: readonly ForfaitKind[] = ["PRE_BAC", "POST_BAC", "PREPA_METIERS", "CPGE"];

interface Line {
  readonly kind: ForfaitKind;
  readonly resolu?: ValeurResolue;
  readonly manquant?: MissingParameterError;
}

function referenceJson(reference: LegalReference) {
  return { titre: reference.titre, court: reference.court, url: reference.url ?? null };
}

/** One message for every forfait that cannot be resolved, each missing value named once. */
function missingMessage(annee: number, errors: readonly MissingParameterError[]): string {
  const names = [...new Set(errors.flatMap((e) => e.missing.split(" et ")))].sort();
  if (!errors.every((e) => e.code === "ipc-manquant")) {
    return [...new Set(errors.map((e) => e.message))].join("\n") + "\n";
  }
  return (
    `Forfaits ${schoolYearLabel(annee)} non calculables : il manque ${names.join(" et ")}.\n` +
    missingValueHint(names.join(" et ")) +
    "\n"
  );
}

export async function forfaitCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const args: ParsedArgs = parseArgs(argv, FORFAIT_OPTIONS, "forfait");
  if (args.positionals.length > 1) {
    throw new UsageError(
      `« are forfait » attend au plus une année, pas ${args.positionals.length} arguments : voir « are forfait --help ».`,
    );
  }
  const annee = anneeOf(args, io, args.positionals[0]);
  const categorie = optionValue(args, "categorie");
  const kinds = categorie === undefined ? ALL_KINDS : [parseForfaitKind(categorie)];
  const parametres = parametresOf(args);

  const lines: Line[] = kinds.map((kind) => {
    try {
      return { kind, resolu: parametres.forfait(kind, annee) };
    } catch (error) {
      if (isAreError(error) && error.kind === "parametre-manquant") {
        return { kind, manquant: error as MissingParameterError };
      }
      throw error;
    }
  });
  const missing = lines.filter((l) => l.manquant);

  if (flag(args, "json")) {
    const document = {
      annee: schoolYearLabel(annee),
      forfaits: lines.map((l) =>
        l.resolu
          ? {
              categorie: l.kind,
              libelle: FORFAIT_KIND_NAMES[l.kind],
              valeur: decimalString(l.resolu.valeur),
              origine: l.resolu.origine,
              reference: referenceJson(l.resolu.reference),
            }
          : {
              categorie: l.kind,
              libelle: FORFAIT_KIND_NAMES[l.kind],
              valeur: null,
              manquant: l.manquant!.missing,
              message: l.manquant!.message,
            },
      ),
    };
    io.stdout(JSON.stringify(document, null, 2) + "\n");
  } else {
    const out: string[] = [`Forfaits ARE ${schoolYearLabel(annee)}`, ""];
    const references = new Map<string, LegalReference>();
    for (const line of lines) {
      if (!line.resolu) {
        const names = line.manquant!.missing.split(" et ").sort().join(" et ");
        out.push(`  ${FORFAIT_KIND_NAMES[line.kind]} : non calculable (il manque ${names})`);
        continue;
      }
      out.push(
        `  ${FORFAIT_KIND_NAMES[line.kind]} : ${formatForfait(line.resolu.valeur)} (${line.resolu.reference.court})`,
      );
      if (line.resolu.origine === "indexe") {
        for (const detail of renderTraceTree(line.resolu.trace).slice(1)) out.push(`    ${detail}`);
      }
      references.set(line.resolu.reference.court, line.resolu.reference);
    }
    if (references.size > 0) {
      out.push("", "Références :");
      for (const reference of references.values()) {
        out.push(`  ${reference.titre}${reference.url ? ` — ${reference.url}` : ""}`);
      }
    }
    io.stdout(out.join("\n") + "\n");
  }

  if (missing.length > 0) {
    io.stderr(
      missingMessage(
        annee,
        missing.map((l) => l.manquant!),
      ),
    );
    return 2;
  }
  return 0;
}
