/**
 * `are reliquats <bilan…> --out <fichier.xlsx>` — the reliquats of the filled bilans carried into the
 * establishments sheet of the next year's dotation (read by `are dotations --etablissements`). The
 * file is written even when a bilan has erreurs (its uncomputable reliquats say « non calculé »), and the
 * exit code is then 1.
 */
import * as path from "path";
import { formaterEntier, formaterEuros, libelleAnnee, type Decimal } from "../rules";
import {
  dotationsAutreAnnee,
  ecrireReliquats,
  reporterReliquats,
  type ResultatReliquats,
} from "../workflows";
import { reliquatsJson } from "./jsonBilan";
import { FileWorkbook } from "../xlsx";
import { UsageError, flag, optionValue, parseArgs } from "./args";
import { DOTATION_NON_VERIFIEE } from "./bilan";
import { ouvrirBilans, verificationDotations } from "./classeurs";
import { checkOutputPath, openInput, withUnread } from "./files";
import type { CliIo } from "./io";
import { LISTE_OPTIONS, cataloguesOf, fichiersLus } from "./liste";
import { ANNEE_OPTION, anneeOf } from "./options";
import { renderConstats } from "./report";
import { resumeGravites, type Constat } from "../sheet/constats";
import { renderTable } from "./table";
import { printJson } from "./jsonOutput";

export const RELIQUATS_OPTIONS = {
  ...ANNEE_OPTION,
  ...LISTE_OPTIONS,
  etablissements: { value: true },
  dotations: { value: true },
  out: { value: true },
  json: {},
  help: { alias: "-h" },
} as const;

const montant = (d: Decimal | null) => (d === null ? "non calculé" : formaterEuros(d));

function renderReliquats(r: ResultatReliquats, written: string, verifiee: boolean): string {
  const lines = [
    `Reliquats des bilans ${libelleAnnee(r.anneeBilans)}, à déduire des dotations ${libelleAnnee(r.anneeDotations)}`,
    `Bilans lus : ${formaterEntier(r.bilans.length)} ; établissements repris : ${formaterEntier(r.reliquats.length)}`,
    ...(verifiee ? [] : [DOTATION_NON_VERIFIEE]),
    "",
    ...renderTable(
      [
        { header: "UAI" },
        { header: "Établissement", maxWidth: 36 },
        { header: "Reliquat pré-bac", align: "right" },
        { header: "Reliquat post-bac", align: "right" },
        { header: "Bilan", maxWidth: 40 },
      ],
      r.reliquats.map((x) => [
        x.uai,
        x.nom ?? "",
        montant(x.reliquats.preBac),
        montant(x.reliquats.postBac),
        x.bilan ?? "",
      ]),
    ),
    "",
    `Constats : ${resumeGravites(r.constats)}.`,
    ...renderConstats(
      r.constats.filter((c) => c.gravite !== "info"),
      true,
    ),
    "",
    `Classeur écrit : ${written}`,
    "À donner au calcul des dotations : are dotations <effectifs…> --etablissements <ce fichier>.",
  ];
  return lines.join("\n") + "\n";
}

export async function reliquatsCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, RELIQUATS_OPTIONS, "reliquats");
  if (args.positionals.length === 0) {
    throw new UsageError(
      "Indiquez au moins un bilan rempli, par exemple « are reliquats bilan-0750655E.xlsx --out etablissements.xlsx » : voir « are reliquats --help ».",
    );
  }
  const out = optionValue(args, "out");
  if (out === undefined) {
    throw new UsageError(
      "Indiquez le classeur à écrire avec --out <fichier.xlsx> : voir « are reliquats --help ».",
    );
  }
  const etablissementsPath = optionValue(args, "etablissements");
  const dotationsPath = optionValue(args, "dotations");
  await checkOutputPath(
    out,
    fichiersLus(args, [
      ...args.positionals,
      ...(etablissementsPath ? [etablissementsPath] : []),
      ...(dotationsPath ? [dotationsPath] : []),
    ]),
  );
  const annee = anneeOf(args, io);

  const workbook = new FileWorkbook();
  const bilans: string[] = [];
  const unread: Constat[] = [];
  const vus = new Set<string>();
  for (const filePath of args.positionals) {
    if (vus.has(path.resolve(filePath))) {
      throw new UsageError(`« ${filePath} » est donné deux fois : donnez chaque bilan une seule fois.`);
    }
    vus.add(path.resolve(filePath));
    const lus = await ouvrirBilans(
      workbook,
      filePath,
      undefined,
      io,
      "Pour la reporter, affichez-la dans Excel (ou copiez-la dans un fichier à part).",
    );
    bilans.push(...lus.bilans.map((b) => b.nom));
    unread.push(...lus.unread);
  }
  const etablissements = etablissementsPath
    ? (await openInput(workbook, etablissementsPath, { nature: "etablissements" }, io, false)).feuille
    : null;
  // « Dotation reçue » of each bilan against what was paid (regles.md#bilan.dotation-recue-versee):
  // the sheet's own constats (another year, no dotation column) are the run's, said once.
  const dotations: Constat[] = [];
  const verifierBilan = await verificationDotations(workbook, dotationsPath, annee, dotations);
  const reportes = await reporterReliquats(workbook, {
    feuillesBilans: bilans,
    feuilleEtablissements: etablissements,
    verifierBilan,
    annee,
    catalogues: await cataloguesOf(args, io, annee),
  });
  // A hidden bilan skipped when opening the files is a constat of the run (ouvrirBilans): in --json,
  // the summary and the count in the written sheet's heading.
  const resultat = withUnread(reportes, [...unread, ...dotations]);
  // Décision (regles.md#reliquats.annee-option): the year written in the bilans decides which year's
  // reliquats are carried (reporterReliquats); a --annee that says another year was silently ignored —
  // the user asked for 2025-2026 and got the reliquats of 2023-2024, to be deducted from 2024-2025.
  // Nothing is written: which of the two is the mistake, only the user knows.
  if (optionValue(args, "annee") !== undefined && resultat.anneeBilans !== annee) {
    const premier = resultat.bilans.find((b) => b.anneeLisible);
    throw new UsageError(
      `--annee ${annee} demande les bilans ${libelleAnnee(annee)}, mais le bilan « ${premier?.feuille ?? ""} » est de ${libelleAnnee(resultat.anneeBilans)} : aucun reliquat n'est reporté, aucun fichier écrit. Relancez avec --annee ${resultat.anneeBilans} (ou sans --annee : l'année écrite dans les bilans est retenue), ou donnez les bilans ${libelleAnnee(annee)}.`,
    );
  }
  // --dotations of another year than the bilans' is the wrong file: nothing written, as `bilan modele`.
  const autreAnnee = dotationsAutreAnnee(resultat.constats);
  if (autreAnnee.length > 0) {
    io.stderr(
      autreAnnee.map((c) => c.message).join("\n") +
        "\nAucun fichier écrit : corrigez --dotations puis relancez.\n",
    );
    return 2;
  }
  const feuille = await ecrireReliquats(workbook, resultat);
  await workbook.save(out, io.now());
  const written = `${out} (feuille « ${feuille} »)`;
  if (flag(args, "json")) {
    await printJson(io, reliquatsJson(resultat));
    io.stderr(`Classeur écrit : ${written}\n`);
  } else {
    io.stdout(renderReliquats(resultat, written, Boolean(dotationsPath)));
  }
  return resultat.constats.some((c) => c.gravite === "erreur") ? 1 : 0;
}
