/**
 * `are eligible <code…>` — for each formation code: eligible or not, the dotation line and the
 * motif (R2-R4), exactly as ARE.ELIGIBLE / ARE.CATEGORIE / ARE.MOTIF answer in Excel.
 */
import {
  LIBELLES_CATEGORIES,
  jugerFormation,
  libelleAnnee,
  lireCodeFormation,
  type Eligibilite,
} from "../rules";
import { UsageError, flag, parseArgs } from "./args";
import type { CliIo } from "./io";
import { LISTE_OPTIONS, cataloguesOf } from "./liste";
import { ANNEE_OPTION, anneeOf } from "./options";
import { renderTable } from "./table";
import { printJson } from "./jsonOutput";

export const ELIGIBLE_OPTIONS = {
  ...ANNEE_OPTION,
  ...LISTE_OPTIONS,
  json: {},
  help: { alias: "-h" },
} as const;

type Verdict =
  | {
      readonly saisi: string;
      readonly ok: true;
      readonly eligibility: Eligibilite;
      readonly note: string | null;
    }
  | { readonly saisi: string; readonly ok: false; readonly message: string };

export async function eligibleCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, ELIGIBLE_OPTIONS, "eligible");
  if (args.positionals.length === 0) {
    throw new UsageError(
      "Indiquez au moins un code formation, par exemple « are eligible 50022137 » : voir « are eligible --help ».",
    );
  }
  const annee = anneeOf(args, io);
  const catalogue = (await cataloguesOf(args, io, annee)).pour(annee);
  const verdicts: Verdict[] = args.positionals.map((saisi) => {
    const reading = lireCodeFormation(saisi);
    return reading.ok
      ? { saisi, ok: true, eligibility: jugerFormation(reading.code, catalogue), note: reading.note }
      : { saisi, ok: false, message: reading.message };
  });

  if (flag(args, "json")) {
    const document = {
      annee: libelleAnnee(annee),
      liste: catalogue.nom,
      codes: verdicts.map((v) =>
        v.ok
          ? {
              saisi: v.saisi,
              code: v.eligibility.code,
              valide: true,
              eligible: v.eligibility.eligible,
              categorie: v.eligibility.categorie ? LIBELLES_CATEGORIES[v.eligibility.categorie] : null,
              motif: v.eligibility.motif,
              alerte: v.eligibility.alerte,
            }
          : {
              saisi: v.saisi,
              code: null,
              valide: false,
              eligible: false,
              categorie: null,
              motif: v.message,
              alerte: null,
            },
      ),
    };
    await printJson(io, document);
  } else {
    const rows = verdicts.map((v) =>
      v.ok
        ? [
            v.eligibility.code,
            v.eligibility.eligible ? "oui" : "non",
            v.eligibility.categorie ? LIBELLES_CATEGORIES[v.eligibility.categorie] : "—",
            v.eligibility.motif + (v.note ? ` (${v.note})` : ""),
          ]
        : [v.saisi.trim(), "invalide", "—", v.message],
    );
    const lines = [
      `Éligibilité ARE ${libelleAnnee(annee)} (${catalogue.nom})`,
      "",
      ...renderTable(
        [{ header: "Code" }, { header: "Éligible" }, { header: "Catégorie" }, { header: "Motif" }],
        rows,
      ),
    ];
    io.stdout(lines.join("\n") + "\n");
  }

  const invalid = verdicts.filter((v) => !v.ok);
  if (invalid.length > 0) {
    io.stderr(
      `${invalid.length === 1 ? "Un code est mal formé" : `${invalid.length} codes sont mal formés`} : un code formation diplôme compte 8 caractères, chiffres ou lettres majuscules.\n`,
    );
    return 2;
  }
  return 0;
}
