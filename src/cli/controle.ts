/**
 * `are controle <fichier>` — checks one effectif sheet the way the dotation would read it: header
 * found, columns mapped, rows counted and rows set aside with their reason, findings grouped by
 * severity. Exit 1 when there are erreur findings, 2 when the file cannot be used.
 */
import * as path from "path";
import { formaterEntier, libelleAnnee, nombreDe } from "../rules";
import {
  attentionPostBacSansTaux,
  constatsPostBacSansTaux,
  controlerFeuille,
  ecrireControle,
} from "../workflows";
import { controleJson } from "./json";
import type { Champ, ResultatControle } from "../workflows/types";
import { FileWorkbook } from "../xlsx";
import { UsageError, flag, optionValue, optionValues, parseArgs } from "./args";
import { checkCorrectionFiles, correctionsFor, parseColonneOption } from "./colonnes";
import { checkOutputPath, openEffectifSheet, withUnread } from "./files";
import { progressReporter, type CliIo } from "./io";
import { LISTE_OPTIONS, cataloguesOf, fichiersLus } from "./liste";
import { ANNEE_OPTION, anneeOf } from "./options";
import { CHAMP_LABELS, constatsBloquants, renderBilan, renderConstats } from "./report";
import { printJson } from "./jsonOutput";

export const CONTROLE_OPTIONS = {
  ...ANNEE_OPTION,
  ...LISTE_OPTIONS,
  feuille: { value: true },
  colonne: { value: true, repeatable: true },
  json: {},
  out: { value: true },
  progress: {},
  help: { alias: "-h" },
} as const;

/**
 * `postBacSansTaux`: post-bac pupils of establishments with no taux in the sheet, said beside the
 * result so that « aucune erreur » is never read as « paid in full » (regles.md#controle.post-bac-sans-taux).
 */
function renderControle(resultat: ResultatControle, fichier: string, postBacSansTaux: number): string {
  const lines = [
    `Contrôle de « ${fichier} » — année ${libelleAnnee(resultat.annee)} (${resultat.liste.nom})`,
  ];
  if (resultat.entete) {
    const colonnes = Object.entries(resultat.entete.colonnes)
      .filter(([, c]) => c)
      .sort(([, a], [, b]) => a!.index - b!.index)
      .map(([champ, c]) => `${c!.lettre} ${CHAMP_LABELS[champ as Champ]} (« ${c!.entete} »)`);
    lines.push(`En-tête ligne ${resultat.entete.ligne} : ${colonnes.join(", ")}`);
    // Every status column is read (regles.md#beneficiaires.statut-plusieurs-colonnes): not « ignorée ».
    const statutsAussi = new Set(
      resultat.constats.filter((c) => c.code === "statut-plusieurs-colonnes").map((c) => c.colonne),
    );
    const [aussi, ignorees] = [true, false].map((lue) =>
      resultat
        .entete!.ignorees.filter((c) => statutsAussi.has(c.lettre) === lue)
        .map((c) => `${c.lettre} « ${c.entete} »`),
    );
    if (aussi.length > 0) lines.push(`Statut lu aussi dans : ${aussi.join(", ")}`);
    if (ignorees.length > 0) lines.push(`Colonnes ignorées : ${ignorees.join(", ")}`);
  }
  lines.push(...renderBilan(resultat.lignes));
  const { effectifs } = resultat;
  lines.push(
    `Effectifs comptés : ${formaterEntier(effectifs.prepaMetiers)} en 3e prépa-métiers, ${formaterEntier(effectifs.preBac)} pré-bac, ${formaterEntier(effectifs.postBac)} post-bac (avant taux de boursiers)`,
  );
  lines.push(...renderConstats(resultat.constats, false));
  const erreurs = resultat.constats.filter((c) => c.gravite === "erreur").length;
  let resume = "Résultat : aucune erreur.";
  if (erreurs > 0) resume = `Résultat : ${nombreDe(erreurs, "erreur")} à corriger.`;
  else if (postBacSansTaux > 0) resume = "Résultat : aucune erreur dans la feuille.";
  lines.push("", resume);
  if (postBacSansTaux > 0) {
    lines.push(
      attentionPostBacSansTaux(
        postBacSansTaux,
        "à « are dotations » dans la feuille des établissements (--etablissements)",
      ),
    );
  }
  return lines.join("\n") + "\n";
}

export async function controleCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, CONTROLE_OPTIONS, "controle");
  if (args.positionals.length !== 1) {
    throw new UsageError(
      args.positionals.length === 0
        ? "Indiquez le fichier à contrôler, par exemple « are controle effectifs.xlsx » : voir « are controle --help »."
        : `« are controle » contrôle un fichier à la fois (${args.positionals.length} donnés) : voir « are controle --help ».`,
    );
  }
  const [filePath] = args.positionals;
  const annee = anneeOf(args, io);
  const out = optionValue(args, "out");
  if (out !== undefined) await checkOutputPath(out, fichiersLus(args, [filePath]));
  const corrections = optionValues(args, "colonne").map(parseColonneOption);
  const reporter = progressReporter(io, flag(args, "progress"));

  const workbook = new FileWorkbook();
  const input = await openEffectifSheet(
    workbook,
    filePath,
    optionValue(args, "feuille"),
    (feuille) => correctionsFor(corrections, filePath, path.basename(filePath), feuille),
    io,
    reporter !== null,
  );
  const { file } = input;
  checkCorrectionFiles(corrections, [
    { path: filePath, fichier: file.fichier, feuilles: file.sheets.map((s) => s.name) },
  ]);
  // A --colonne may name the sheet checked, as `are dotations` reads it (regles.md#lecture.colonne-plusieurs-feuilles).
  const correction = correctionsFor(
    corrections,
    filePath,
    file.fichier,
    workbook.inputSheet(input.feuille)?.name,
  );
  const controle = await controlerFeuille(workbook, input.feuille, {
    annee,
    catalogues: await cataloguesOf(args, io, annee),
    colonnes: correction,
    progress: reporter ? reporter(`Contrôle de ${input.file.fichier}`) : undefined,
  });
  // Sheets skipped when opening the file (a hidden copy, a cover page) are constats of the check, and
  // so are post-bac pupils whose taux is not in the sheet: « aucune erreur » must not read as « paid in
  // full » (regles.md#controle.post-bac-sans-taux).
  const sansTaux = constatsPostBacSansTaux(controle);
  const resultat = withUnread(controle, [...input.unread, ...sansTaux.constats]);

  const bloquants = constatsBloquants(resultat.constats);
  if (bloquants.length > 0) {
    io.stderr(bloquants.map((c) => c.message).join("\n") + "\n");
    return 2;
  }
  if (out !== undefined) {
    const sheet = await ecrireControle(workbook, resultat);
    await workbook.save(out, io.now());
    io.stderr(`Constats écrits dans « ${out} » (feuille « ${sheet} »).\n`);
  }
  if (flag(args, "json")) await printJson(io, controleJson(resultat));
  else io.stdout(renderControle(resultat, input.file.fichier, sansTaux.eleves));
  return resultat.constats.some((c) => c.gravite === "erreur") ? 1 : 0;
}
