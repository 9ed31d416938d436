/**
 * `are complementaire <fichier>` — the written request for a dotation complémentaire (R10) from a sheet
 * of extra students per formation: printed as a table, or the --json document; --out writes the
 * request ready to print. Exit 1 when rows are refused (erreurs), 2 when the file cannot be used.
 */
import {
  ENVELOPPES,
  LIBELLES_CATEGORIES,
  NOMS_ENVELOPPES,
  formaterEntier,
  formaterEuros,
  formaterForfait,
  libelleAnnee,
  type Decimal,
} from "../rules";
import { ecrireDemande, preparerDemandeComplementaire, type ResultatDemande } from "../workflows";
import { demandeJson } from "./jsonBilan";
import { FileWorkbook } from "../xlsx";
import { UsageError, flag, optionValue, optionValues, parseArgs } from "./args";
import { verifierForfaits } from "./options";
import { checkCorrectionFiles, correctionsFor, parseColonneOption } from "./colonnes";
import { checkOutputPath, openInput } from "./files";
import type { CliIo } from "./io";
import { LISTE_OPTIONS, cataloguesOf, fichiersLus } from "./liste";
import { ANNEE_OPTION, PARAMETRES_OPTIONS, anneeOf, parametresOf } from "./options";
import { constatsBloquants, renderBilan, renderConstats } from "./report";
import { resumeGravites } from "../sheet/constats";
import { renderTable } from "./table";
import { printJson } from "./jsonOutput";

export const COMPLEMENTAIRE_OPTIONS = {
  ...ANNEE_OPTION,
  ...LISTE_OPTIONS,
  ...PARAMETRES_OPTIONS,
  feuille: { value: true },
  uai: { value: true },
  nom: { value: true },
  colonne: { value: true, repeatable: true },
  out: { value: true },
  json: {},
  help: { alias: "-h" },
} as const;

/** A figure not computed (a formation on two lines) is said so, never printed as the first line's amount. */
const montant = (valeur: Decimal | null): string => (valeur === null ? "non calculé" : formaterEuros(valeur));

function renderDemande(r: ResultatDemande, fichier: string, written: string | null): string {
  const { uai, nom } = r.etablissement;
  const { forfaits, totaux } = r;
  const lines = [
    `Demande de dotation complémentaire ARE ${libelleAnnee(r.annee)} — ${nom ?? "établissement non nommé"} (UAI ${uai ?? "non indiqué"})`,
    `Feuille lue : « ${fichier} » ; forfaits : ${formaterForfait(forfaits.preBac.valeur)} par élève pré-bac et par boursier post-bac, ${formaterForfait(forfaits.prepaMetiers.valeur)} par élève de 3e prépa-métiers (${forfaits.preBac.reference.court})`,
    "",
  ];
  const rows = r.demandees.map((l) => [
    NOMS_ENVELOPPES[l.enveloppe],
    l.code,
    String(l.nsf),
    l.intitule,
    LIBELLES_CATEGORIES[l.categorie],
    formaterEntier(l.supplementaires),
    formaterForfait(l.forfait),
    formaterEuros(l.montant.valeur),
  ]);
  const footer = ENVELOPPES.map((e) => [
    `Total ${NOMS_ENVELOPPES[e]}`,
    "",
    "",
    "",
    "",
    "",
    "",
    montant(totaux[e]),
  ]);
  footer.push(["Total demandé", "", "", "", "", "", "", montant(totaux.total)]);
  lines.push(
    ...renderTable(
      [
        { header: "Enveloppe" },
        { header: "Code" },
        { header: "NSF" },
        { header: "Intitulé", maxWidth: 40 },
        { header: "Catégorie" },
        { header: "En plus", align: "right" },
        { header: "Forfait", align: "right" },
        { header: "Montant", align: "right" },
      ],
      rows,
      footer,
    ),
  );
  for (const e of ENVELOPPES) {
    const motif = r.nonCalcules[e];
    if (motif !== null) {
      lines.push(`Montant ${NOMS_ENVELOPPES[e]} non calculé : ${motif} ; une ligne par formation.`);
    }
  }
  lines.push("", ...renderBilan(r.lignes, "demandées"), `Constats : ${resumeGravites(r.constats)}.`);
  lines.push(...renderConstats(r.constats, false));
  lines.push(
    "",
    written
      ? `Classeur écrit : ${written}`
      : "Aucun classeur écrit : ajoutez --out <fichier.xlsx> pour obtenir la demande prête à imprimer.",
  );
  return lines.join("\n") + "\n";
}

export async function complementaireCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, COMPLEMENTAIRE_OPTIONS, "complementaire");
  if (args.positionals.length !== 1) {
    throw new UsageError(
      args.positionals.length === 0
        ? "Indiquez le fichier de la demande, par exemple « are complementaire demande.xlsx » : voir « are complementaire --help »."
        : `« are complementaire » lit un fichier à la fois (${args.positionals.length} donnés) : voir « are complementaire --help ».`,
    );
  }
  const [filePath] = args.positionals;
  const annee = anneeOf(args, io);
  const parametres = parametresOf(args, io);
  verifierForfaits(annee, parametres);
  const out = optionValue(args, "out");
  if (out !== undefined) await checkOutputPath(out, fichiersLus(args, [filePath]));
  const corrections = optionValues(args, "colonne").map(parseColonneOption);

  const workbook = new FileWorkbook();
  const input = await openInput(
    workbook,
    filePath,
    { feuille: optionValue(args, "feuille"), nature: "demande" },
    io,
    false,
  );
  // A --colonne may name the sheet read, as the refusal of two « Élèves supplémentaires » in a file of
  // several sheets says (« demande.xlsx › Demande:… », constatsBloquants); another sheet is refused.
  const feuille = workbook.inputSheet(input.feuille)!.name;
  checkCorrectionFiles(corrections, [{ path: filePath, fichier: input.file.fichier, feuilles: [feuille] }]);
  const resultat = await preparerDemandeComplementaire(workbook, input.feuille, {
    annee,
    parametres,
    catalogues: await cataloguesOf(args, io, annee),
    colonnes: correctionsFor(corrections, filePath, input.file.fichier, feuille),
    uai: optionValue(args, "uai") ?? null,
    nom: optionValue(args, "nom") ?? null,
  });

  const bloquants = constatsBloquants(resultat.constats);
  if (bloquants.length > 0) {
    io.stderr(bloquants.map((c) => c.message).join("\n") + "\nAucune demande préparée.\n");
    return 2;
  }
  let written: string | null = null;
  if (out !== undefined) {
    const names = await ecrireDemande(workbook, resultat);
    await workbook.save(out, io.now());
    written = names.constats
      ? `${out} (feuilles « ${names.demande} » et « ${names.constats} »)`
      : `${out} (feuille « ${names.demande} »)`;
  }
  if (flag(args, "json")) {
    await printJson(io, demandeJson(resultat));
    if (written) io.stderr(`Classeur écrit : ${written}\n`);
  } else {
    io.stdout(renderDemande(resultat, input.file.fichier, written));
  }
  return resultat.constats.some((c) => c.gravite === "erreur") ? 1 : 0;
}
