/**
 * `are forfait [année] [--categorie …]` — the forfaits in force for a school year with their legal
 * reference (R6), or their indexation (R7); a year that cannot be resolved names the missing index.
 */
import {
  ErreurParametreManquant,
  NOMS_FORFAITS,
  forfaitsManquants,
  formaterForfait,
  indicesManquants,
  libelleAnnee,
  lignesDeTrace,
  lireTypeForfait,
  texteDecimal,
  type ReferenceJuridique,
  type Parametres,
  type TypeForfait,
  type ValeurResolue,
} from "../rules";
import { flag, optionValue, parseArgs, type ParsedArgs, UsageError } from "./args";
import type { CliIo } from "./io";
import { PARAMETRES_OPTIONS, anneeOf, messageValeurManquante, parametresOf } from "./options";
import { printJson } from "./jsonOutput";

export const FORFAIT_OPTIONS = {
  ...PARAMETRES_OPTIONS,
  categorie: { value: true },
  json: {},
  help: { alias: "-h" },
} as const;

const ALL_KINDS: readonly TypeForfait[] = ["PRE_BAC", "POST_BAC", "PREPA_METIERS", "CPGE"];

interface Line {
  readonly kind: TypeForfait;
  readonly resolu?: ValeurResolue;
  readonly manquant?: ErreurParametreManquant;
}

function referenceJson(reference: ReferenceJuridique) {
  return {
    titre: reference.titre,
    court: reference.court,
    url: reference.url ?? null,
    article: reference.article ?? null,
  };
}

/**
 * One message for every forfait asked that cannot be resolved: their missing index values merged (each
 * named once, oldest first) into one structure by forfaitsManquants, which names them when others are
 * known or one was asked (« Forfait CPGE (par concours) 2026-2027 non calculable »), formatted by the
 * core's one formatter.
 */
function missingMessage(
  parametres: Parametres,
  annee: number,
  kinds: readonly TypeForfait[],
  errors: readonly ErreurParametreManquant[],
): string {
  if (errors.some((e) => e.valeurManquante === null || e.valeurManquante.manque.length === 0)) {
    return [...new Set(errors.map((e) => e.message))].join("\n") + "\n";
  }
  return messageValeurManquante(forfaitsManquants(parametres, annee, kinds)!) + "\n";
}

/** « Arrêté n° 2023-087 … (annexe I, point 2 ; annexe I, point 3) — https://… »: one line per document. */
function lignesReferences(resolus: readonly ValeurResolue[]): string[] {
  const parDocument = new Map<string, { reference: ReferenceJuridique; articles: Set<string> }>();
  for (const resolu of resolus) {
    const entree = parDocument.get(resolu.reference.court) ?? {
      reference: resolu.reference,
      articles: new Set<string>(),
    };
    if (resolu.reference.article) entree.articles.add(resolu.reference.article);
    parDocument.set(resolu.reference.court, entree);
  }
  return [...parDocument.values()].map(
    ({ reference, articles }) =>
      `  ${reference.titre}${articles.size > 0 ? ` (${[...articles].join(" ; ")})` : ""}${reference.url ? ` — ${reference.url}` : ""}`,
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
  const kinds = categorie === undefined ? ALL_KINDS : [lireTypeForfait(categorie)];
  const parametres = parametresOf(args, io);

  const lines: Line[] = kinds.map((kind) => {
    try {
      return { kind, resolu: parametres.forfait(kind, annee) };
    } catch (error) {
      if (error instanceof ErreurParametreManquant) return { kind, manquant: error };
      throw error;
    }
  });
  const missing = lines.filter((l) => l.manquant);

  if (flag(args, "json")) {
    const document = {
      annee: libelleAnnee(annee),
      forfaits: lines.map((l) =>
        l.resolu
          ? {
              categorie: l.kind,
              libelle: NOMS_FORFAITS[l.kind],
              valeur: texteDecimal(l.resolu.valeur),
              origine: l.resolu.origine,
              reference: referenceJson(l.resolu.reference),
              verifieLe: l.resolu.donnee?.verifieLe ?? null,
              note: l.resolu.donnee?.note ?? null,
            }
          : {
              categorie: l.kind,
              libelle: NOMS_FORFAITS[l.kind],
              valeur: null,
              manquant: l.manquant!.aFournir,
              manque: l.manquant!.valeurManquante?.manque ?? [],
              message: l.manquant!.valeurManquante
                ? messageValeurManquante(l.manquant!.valeurManquante)
                : l.manquant!.message,
            },
      ),
    };
    await printJson(io, document);
  } else {
    const out: string[] = [`Forfaits ARE ${libelleAnnee(annee)}`, ""];
    const resolus: ValeurResolue[] = [];
    for (const line of lines) {
      if (!line.resolu) {
        const structure = line.manquant!.valeurManquante;
        const names =
          structure && structure.manque.length > 0
            ? indicesManquants(structure.manque)
            : line.manquant!.aFournir;
        out.push(`  ${NOMS_FORFAITS[line.kind]} : non calculable (il manque ${names})`);
        continue;
      }
      out.push(
        `  ${NOMS_FORFAITS[line.kind]} : ${formaterForfait(line.resolu.valeur)} (${line.resolu.reference.court})`,
      );
      // How the project read the text, where it had to interpret it.
      if (line.resolu.donnee?.note) out.push(`    Note : ${line.resolu.donnee.note}`);
      if (line.resolu.origine === "indexe") {
        for (const detail of lignesDeTrace(line.resolu.trace).slice(1)) out.push(`    ${detail}`);
      }
      resolus.push(line.resolu);
    }
    if (resolus.length > 0) out.push("", "Références :", ...lignesReferences(resolus));
    io.stdout(out.join("\n") + "\n");
  }

  if (missing.length > 0) {
    io.stderr(
      missingMessage(
        parametres,
        annee,
        kinds,
        missing.map((l) => l.manquant!),
      ),
    );
    return 2;
  }
  return 0;
}
