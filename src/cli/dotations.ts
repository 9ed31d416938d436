/**
 * `are dotations <fichier…>` — the product's main job on files: the rectorats' effectif sheets (one
 * file per académie) and the establishments file give each establishment's dotation (R8-R9); the
 * summary is printed, or the --json document, and --out writes a new workbook with the dotations and
 * the findings. Input files are never modified.
 */
import * as path from "path";
import {
  formaterEuros,
  formaterForfait,
  libelleAnnee,
  netteTotaleConnue,
  nombreDe,
  phraseListe,
  type Decimal,
} from "../rules";
import { calculerDotations } from "../workflows/dotations";
import { avisNonCalculees, avisTotalIncomplet, texteRapprochement } from "../workflows/rapprochement";
import type { ResultatDotations } from "../workflows/types";
import { FileWorkbook, type SpreadsheetFile } from "../xlsx";
import { UsageError, flag, optionValue, optionValues, parseArgs } from "./args";
import { checkCorrectionFiles, correctionsFor, correctionsParFeuille, parseColonneOption } from "./colonnes";
import { checkOutputPath, openEffectifs, openInput, withUnread } from "./files";
import { colonnesNonLues } from "./classeurs";
import { progressReporter, type CliIo } from "./io";
import { LISTE_OPTIONS, cataloguesOf, fichiersLus } from "./liste";
import { ANNEE_OPTION, PARAMETRES_OPTIONS, anneeOf, parametresOf, verifierForfaits } from "./options";
import { constatsBloquants, renderBilan, renderConstats } from "./report";
import { resumeGravites, type Constat } from "../sheet/constats";
import { renderTable } from "./table";
import { printJson } from "./jsonOutput";

export const DOTATIONS_OPTIONS = {
  ...ANNEE_OPTION,
  ...LISTE_OPTIONS,
  ...PARAMETRES_OPTIONS,
  etablissements: { value: true },
  feuille: { value: true, repeatable: true },
  colonne: { value: true, repeatable: true },
  out: { value: true },
  json: {},
  progress: {},
  help: { alias: "-h" },
} as const;

const euros = (value: Decimal) => formaterEuros(value);
/** An envelope « non calculée » is said so, never printed as 0,00 €. */
const eurosOuNonCalculee = (value: Decimal | null) =>
  value === null ? "non calculée" : formaterEuros(value);

function renderSummary(resultat: ResultatDotations, sourcesLine: string, written: string | null): string {
  const { forfaits, totaux } = resultat;
  const lines = [
    `Dotations ARE ${libelleAnnee(resultat.annee)} — forfaits : pré-bac ${formaterForfait(forfaits.preBac.valeur)} par élève, post-bac ${formaterForfait(forfaits.postBac.valeur)} par boursier, 3e prépa-métiers ${formaterForfait(forfaits.prepaMetiers.valeur)} par élève (${forfaits.preBac.reference.court})`,
    sourcesLine,
    phraseListe(resultat.liste),
    "",
  ];
  const rows = resultat.etablissements.map((d) => [
    d.uai,
    d.nom ?? "",
    eurosOuNonCalculee(d.parts.preBac.nette),
    eurosOuNonCalculee(d.parts.postBac.nette),
    eurosOuNonCalculee(netteTotaleConnue(d)),
    d.erreurs.length > 0 ? "!" : d.motifs.length > 0 ? "*" : "",
  ]);
  lines.push(
    ...renderTable(
      [
        { header: "UAI" },
        { header: "Établissement", maxWidth: 36 },
        { header: "Nette pré-bac", align: "right" },
        { header: "Nette post-bac", align: "right" },
        { header: "Total", align: "right" },
        { header: "" },
      ],
      rows,
      [
        [
          "Total",
          nombreDe(resultat.etablissements.length, "établissement"),
          euros(totaux.nette.preBac),
          euros(totaux.nette.postBac),
          euros(totaux.nette.total),
          "",
        ],
      ],
    ),
  );
  const avis = avisNonCalculees(totaux);
  const incomplet = avisTotalIncomplet(totaux);
  lines.push(
    ...(avis ? [`Attention : ${avis}.`] : []),
    ...(incomplet ? [incomplet] : []),
    "",
    "Enveloppes (non fongibles) :",
    ...texteRapprochement(totaux).map((ligne) => `  ${ligne}`),
    "  (une enveloppe dont le reliquat dépasse la dotation est ramenée à zéro : seule la part égale à la dotation est déduite, le reste est l'écrêtement ; un établissement qui n'a pas répondu à l'enquête ne reçoit rien)",
  );
  const withMotifs = resultat.etablissements.filter((d) => d.erreurs.length > 0 || d.motifs.length > 0);
  if (withMotifs.length > 0) {
    lines.push("", "Motifs (! à compléter, * dotation réduite ou à vérifier) :");
    for (const d of withMotifs) {
      for (const motif of [...d.erreurs, ...d.motifs]) lines.push(`  ${d.uai}  ${motif}`);
    }
  }
  lines.push("", ...renderBilan(resultat.lignes));
  lines.push(`Constats : ${resumeGravites(resultat.constats)}.`);
  const important = resultat.constats.filter((c) => c.gravite !== "info");
  lines.push(...renderConstats(important, true, 15));
  lines.push(
    "",
    written
      ? `Classeur écrit : ${written}`
      : "Aucun classeur écrit : ajoutez --out <fichier.xlsx> pour obtenir le tableau des dotations et tous les constats.",
  );
  return lines.join("\n") + "\n";
}

export async function dotationsCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, DOTATIONS_OPTIONS, "dotations");
  if (args.positionals.length === 0) {
    throw new UsageError(
      "Indiquez au moins un fichier d'effectifs, par exemple « are dotations effectifs-paris.xlsx --etablissements etablissements.xlsx » : voir « are dotations --help ».",
    );
  }
  const resolved = args.positionals.map((p) => path.resolve(p));
  const twice = args.positionals.find((_, i) => resolved.indexOf(resolved[i]) !== i);
  if (twice !== undefined) {
    throw new UsageError(
      `« ${twice} » est donné deux fois : ses effectifs seraient comptés deux fois. Donnez chaque fichier une seule fois.`,
    );
  }
  const annee = anneeOf(args, io);
  const parametres = parametresOf(args, io);
  verifierForfaits(annee, parametres);
  const catalogues = await cataloguesOf(args, io, annee);
  const etablissementsPath = optionValue(args, "etablissements");
  const inputs = [...args.positionals, ...(etablissementsPath ? [etablissementsPath] : [])];
  const out = optionValue(args, "out");
  if (out !== undefined) await checkOutputPath(out, fichiersLus(args, inputs));
  const corrections = optionValues(args, "colonne").map(parseColonneOption);
  const reporter = progressReporter(io, flag(args, "progress"));

  const workbook = new FileWorkbook();
  const showProgress = reporter !== null;
  const feuilles = optionValues(args, "feuille");
  const opened: { path: string; fichier: string; feuilles: readonly string[]; file: SpreadsheetFile }[] = [];
  const unread: Constat[] = [];
  const estEtablissements = (p: string) =>
    etablissementsPath !== undefined && path.resolve(p) === path.resolve(etablissementsPath);
  let etablissementsDuClasseur: string | undefined;
  for (const filePath of args.positionals) {
    const correction = (feuille: string) =>
      correctionsFor(corrections, filePath, path.basename(filePath), feuille);
    const {
      file,
      feuilles: noms,
      unread: nonLues,
      etablissements: feuilleEtab,
    } = await openEffectifs(
      workbook,
      filePath,
      feuilles,
      correction,
      io,
      showProgress,
      "feuille",
      estEtablissements(filePath),
      etablissementsPath === undefined ? undefined : path.basename(etablissementsPath),
    );
    opened.push({ path: filePath, fichier: file.fichier, feuilles: noms, file });
    unread.push(...nonLues);
    if (feuilleEtab !== undefined) etablissementsDuClasseur = feuilleEtab;
  }
  let etablissements: string | null = null;
  if (etablissementsPath) {
    // A file named twice is read once, under one name: its establishments sheet beside the effectif
    // sheets when it has one (a regional workbook), else the establishment columns of its effectif
    // sheet, which the workflow reads along with the effectifs.
    const same = opened.find((o) => estEtablissements(o.path));
    if (same) etablissements = etablissementsDuClasseur ?? same.feuilles[0];
    else {
      const { file, feuille } = await openInput(
        workbook,
        etablissementsPath,
        { nature: "etablissements" },
        io,
        showProgress,
      );
      opened.push({ path: etablissementsPath, fichier: file.fichier, feuilles: [feuille], file });
      etablissements = feuille;
    }
    const source = opened.find((o) => estEtablissements(o.path))!;
    const correction = correctionsFor(corrections, source.path, source.fichier);
    if (etablissements !== null) unread.push(...colonnesNonLues(source.file, etablissements, correction));
  }
  checkCorrectionFiles(
    corrections,
    opened.map((o) => ({ ...o, feuilles: o.file.sheets.map((s) => s.name) })),
  );
  const colonnes = correctionsParFeuille(
    corrections,
    // The --etablissements file, when it is not also an effectif file, comes last.
    opened.flatMap((o, i) =>
      o.feuilles.map((nom) => ({
        nom,
        path: o.path,
        fichier: o.fichier,
        sheet: workbook.inputSheet(nom)!,
        etablissements: i >= args.positionals.length,
      })),
    ),
  );
  const effectifs = opened.slice(0, args.positionals.length).flatMap((o) => o.feuilles);

  const calcule = await calculerDotations(workbook, {
    feuillesEffectifs: effectifs,
    feuilleEtablissements: etablissements,
    annee,
    parametres,
    catalogues,
    colonnes,
    progress: reporter ? reporter("Calcul des dotations") : undefined,
  });
  // Sheets skipped when opening the files (a hidden copy, a cover page) are constats of the run.
  const resultat = withUnread(calcule, unread);

  const bloquants = constatsBloquants(resultat.constats);
  if (bloquants.length > 0) {
    io.stderr(
      bloquants.map((c) => c.message).join("\n") +
        "\nAucune dotation calculée : corrigez ce fichier (ou retirez-le de la commande) puis relancez.\n",
    );
    return 2;
  }

  let written: string | null = null;
  if (out !== undefined) {
    // The writer and the JSON document are loaded only when asked for (docs/performance.md).
    const { ecrireDotations } = await import("../workflows/outputs");
    const names = await ecrireDotations(workbook, resultat);
    await workbook.save(out, io.now());
    written = `${out} (feuilles « ${names.dotations} » et « ${names.constats} »)`;
  }
  if (flag(args, "json")) {
    const { dotationsJson } = await import("./json");
    await printJson(io, dotationsJson(resultat));
    if (written) io.stderr(`Classeur écrit : ${written}\n`);
  } else {
    const sources =
      `Effectifs : ${effectifs.map((f) => `« ${f} »`).join(", ")}` +
      (etablissements ? ` ; établissements : « ${etablissements} »` : " ; sans fichier des établissements");
    io.stdout(renderSummary(resultat, sources, written));
  }
  return 0;
}
