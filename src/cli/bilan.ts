/**
 * `are bilan modele …` writes an establishment's bilan template (R11); `are bilan controle <fichier>`
 * checks a filled bilan and gives each envelope's new reliquat. Exit 1 when there are erreurs, 2 on a
 * usage or file error. Input files are never modified.
 */
import * as path from "path";
import {
  ENVELOPPES,
  NOMS_ENVELOPPES,
  formaterEntier,
  formaterEuros,
  libelleAnnee,
  nombreDe,
  type Decimal,
  type Enveloppe,
} from "../rules";
import {
  NOTE_ACHATS_EN_ERREUR,
  controlerBilan,
  dotationsAutreAnnee,
  ecrireControleBilan,
  ecrireModeleBilan,
  preparerModeleBilan,
  resumeEnveloppe,
  type ResultatControleBilan,
  type ResultatModeleBilan,
} from "../workflows";
import { bilanJson } from "./jsonBilan";
import { FileWorkbook, type SpreadsheetFile } from "../xlsx";
import { UsageError, flag, optionValue, optionValues, parseArgs } from "./args";
import { checkCorrectionFiles, correctionsFor, correctionsParFeuille, parseColonneOption } from "./colonnes";
import { montantOption, ouvrirBilans, ouvrirDotations, verificationDotations } from "./classeurs";
import { autresFeuillesNonControlees, checkOutputPath, openEffectifs, withUnread } from "./files";
import type { CliIo } from "./io";
import { LISTE_OPTIONS, cataloguesOf, fichiersLus } from "./liste";
import { ANNEE_OPTION, anneeOf } from "./options";
import { constatsBloquants, renderBilan, renderConstats } from "./report";
import { resumeGravites, type Constat } from "../sheet/constats";
import { renderTable } from "./table";
import { printJson } from "./jsonOutput";

export const MODELE_OPTIONS = {
  ...ANNEE_OPTION,
  ...LISTE_OPTIONS,
  uai: { value: true },
  nom: { value: true },
  effectifs: { value: true, repeatable: true },
  colonne: { value: true, repeatable: true },
  dotations: { value: true },
  "dotation-prebac": { value: true },
  "dotation-postbac": { value: true },
  "reliquat-prebac": { value: true },
  "reliquat-postbac": { value: true },
  out: { value: true },
  help: { alias: "-h" },
} as const;

export const CONTROLE_BILAN_OPTIONS = {
  ...ANNEE_OPTION,
  ...LISTE_OPTIONS,
  feuille: { value: true },
  colonne: { value: true, repeatable: true },
  dotations: { value: true },
  json: {},
  out: { value: true },
  help: { alias: "-h" },
} as const;

/**
 * Said once when no --dotations is given: the bilan's « Dotation reçue » is taken as typed, and the
 * reliquat carried into next year depends on it (regles.md#bilan.dotation-recue-versee).
 */
export const DOTATION_NON_VERIFIEE =
  "« Dotation reçue » non vérifiée : pour la comparer à ce qui a été versé, ajoutez --dotations <classeur écrit par « are dotations --out » pour l'année du bilan>.";

const aErreurs = (constats: readonly { gravite: string }[]) => constats.some((c) => c.gravite === "erreur");
const montantOuASaisir = (d: Decimal | null) => (d === null ? "à saisir" : formaterEuros(d));

function renderModele(r: ResultatModeleBilan, written: string): string {
  const lines = [
    `Modèle de bilan ARE ${libelleAnnee(r.annee)} — ${r.nom ?? "établissement"} (UAI ${r.uai})`,
    `Sources : ${r.sources.map((f) => `« ${f} »`).join(", ")}`,
    ...ENVELOPPES.map(
      (e) =>
        `Enveloppe ${NOMS_ENVELOPPES[e]} : dotation reçue ${montantOuASaisir(r.dotations[e])}, reliquat antérieur ${montantOuASaisir(r.reliquats[e])}`,
    ),
    "",
    `${nombreDe(r.formations.length, "formation")} à renseigner :`,
    ...renderTable(
      [
        { header: "Code" },
        { header: "Libellé", maxWidth: 50 },
        { header: "Enveloppe" },
        { header: "Effectif n-1", align: "right" },
      ],
      r.formations.map((f) => [f.code, f.libelle, NOMS_ENVELOPPES[f.enveloppe], formaterEntier(f.effectif)]),
    ),
  ];
  if (r.constats.length > 0) {
    lines.push("", `Constats : ${resumeGravites(r.constats)}.`, ...renderConstats(r.constats, true));
  }
  lines.push("", `Classeur écrit : ${written}`);
  lines.push(
    "Complétez les élèves aidés, le montant des achats et le type d'équipement, puis : are bilan controle <fichier>.",
  );
  return lines.join("\n") + "\n";
}

async function modeleCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, MODELE_OPTIONS, "bilan modele");
  const uai = optionValue(args, "uai");
  if (!uai) {
    throw new UsageError(
      "Indiquez l'établissement avec --uai, par exemple --uai 0750655E : voir « are bilan --help ».",
    );
  }
  // --effectifs is repeatable, and the files may also follow it as plain arguments.
  const effectifs = [...optionValues(args, "effectifs"), ...args.positionals];
  if (effectifs.length === 0) {
    throw new UsageError(
      "Indiquez les effectifs de l'établissement avec --effectifs <fichier> (une extraction du rectorat ou sa propre feuille) : voir « are bilan --help ».",
    );
  }
  const out = optionValue(args, "out");
  if (out === undefined) {
    throw new UsageError(
      "Indiquez le classeur à écrire avec --out <fichier.xlsx> : voir « are bilan --help ».",
    );
  }
  const dotationsPath = optionValue(args, "dotations");
  await checkOutputPath(out, fichiersLus(args, [...effectifs, ...(dotationsPath ? [dotationsPath] : [])]));
  const annee = anneeOf(args, io);
  const explicite = (prefixe: "dotation" | "reliquat"): Partial<Record<Enveloppe, Decimal>> => {
    const valeurs: Partial<Record<Enveloppe, Decimal>> = {};
    for (const e of ENVELOPPES) {
      const nom = `${prefixe}-${e === "preBac" ? "prebac" : "postbac"}`;
      const valeur = montantOption(nom, optionValue(args, nom));
      if (valeur !== undefined) valeurs[e] = valeur;
    }
    return valeurs;
  };
  const dotations = explicite("dotation");
  const reliquats = explicite("reliquat");
  const corrections = optionValues(args, "colonne").map(parseColonneOption);

  const workbook = new FileWorkbook();
  const opened: { path: string; fichier: string; feuilles: readonly string[]; file: SpreadsheetFile }[] = [];
  const unread: Constat[] = [];
  const vus = new Set<string>();
  for (const filePath of effectifs) {
    if (vus.has(path.resolve(filePath))) continue;
    vus.add(path.resolve(filePath));
    // Its effectif sheets, as `are dotations` reads them (a cover page before the data is skipped),
    // with the same --colonne corrections (regles.md#lecture.colonne-plusieurs-feuilles): a sheet with
    // two « Effectif » that `are dotations --colonne effectif=D` reads gives the template too.
    // `bilan modele` has no --feuille: a skipped sheet is read once shown or given a header.
    const correction = (feuille: string) =>
      correctionsFor(corrections, filePath, path.basename(filePath), feuille);
    const ouvert = await openEffectifs(workbook, filePath, [], correction, io, false, "none");
    opened.push({
      path: filePath,
      fichier: ouvert.file.fichier,
      feuilles: ouvert.feuilles,
      file: ouvert.file,
    });
    unread.push(...ouvert.unread);
  }
  // The --dotations workbook is the one `are dotations --out` writes, read by its own titles: a
  // --colonne naming it would be ignored, so it is not among the files a --colonne may name.
  checkCorrectionFiles(
    corrections,
    opened.map((o) => ({ ...o, feuilles: o.file.sheets.map((f) => f.name) })),
  );
  const colonnes = correctionsParFeuille(
    corrections,
    opened.flatMap((o) =>
      o.feuilles.map((nom) => ({ nom, path: o.path, fichier: o.fichier, sheet: workbook.inputSheet(nom)! })),
    ),
  );
  const feuilles = opened.flatMap((o) => o.feuilles);
  const feuilleDotations = dotationsPath ? await ouvrirDotations(workbook, dotationsPath, annee) : null;
  const modele = await preparerModeleBilan(workbook, {
    uai,
    annee,
    catalogues: await cataloguesOf(args, io, annee),
    feuillesEffectifs: feuilles,
    colonnes,
    feuilleDotations,
    nom: optionValue(args, "nom") ?? null,
    dotations,
    reliquats,
  });
  // Sheets skipped when opening the effectif files are constats, shown with the template's.
  const resultat = withUnread(modele, unread);
  // A dotations file of another year is the wrong file, as one without its columns: nothing is written
  // rather than a template whose dotations the user must notice are missing.
  const bloquants = [...constatsBloquants(resultat.constats), ...dotationsAutreAnnee(resultat.constats)];
  if (bloquants.length > 0) {
    io.stderr(
      bloquants.map((c) => c.message).join("\n") +
        "\nAucun modèle écrit : corrigez ce fichier puis relancez.\n",
    );
    return 2;
  }
  const feuille = await ecrireModeleBilan(workbook, resultat);
  await workbook.save(out, io.now());
  io.stdout(renderModele(resultat, `${out} (feuille « ${feuille} »)`));
  return aErreurs(resultat.constats) ? 1 : 0;
}

function renderControleBilan(r: ResultatControleBilan, fichier: string, verifiee: boolean): string {
  const lines = [
    `Contrôle du bilan « ${fichier} » — ARE ${libelleAnnee(r.annee)} — ${r.nom ?? "établissement non nommé"} (UAI ${r.uai ?? "non indiqué"})`,
    ...ENVELOPPES.map((e) => resumeEnveloppe(e, r.enveloppes[e])),
    ...(verifiee ? [] : [DOTATION_NON_VERIFIEE]),
    "",
    ...renderBilan(r.lignes, "retenues"),
    `Constats : ${resumeGravites(r.constats)}.`,
    ...renderConstats(r.constats, false),
  ];
  const erreurs = r.constats.filter((c) => c.gravite === "erreur").length;
  lines.push(
    "",
    erreurs > 0
      ? `Résultat : ${nombreDe(erreurs, "erreur")} à corriger. ${NOTE_ACHATS_EN_ERREUR}`
      : "Résultat : aucune erreur.",
  );
  return lines.join("\n") + "\n";
}

async function controleBilanCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, CONTROLE_BILAN_OPTIONS, "bilan controle");
  if (args.positionals.length !== 1) {
    throw new UsageError(
      args.positionals.length === 0
        ? "Indiquez le bilan à contrôler, par exemple « are bilan controle bilan.xlsx » : voir « are bilan --help »."
        : `« are bilan controle » contrôle un fichier à la fois (${args.positionals.length} donnés) : voir « are bilan --help ».`,
    );
  }
  const [filePath] = args.positionals;
  const annee = anneeOf(args, io);
  const out = optionValue(args, "out");
  const dotationsPath = optionValue(args, "dotations");
  if (out !== undefined)
    await checkOutputPath(out, fichiersLus(args, [filePath, ...(dotationsPath ? [dotationsPath] : [])]));
  const corrections = optionValues(args, "colonne").map(parseColonneOption);
  const workbook = new FileWorkbook();
  const { fichier, bilans, unread } = await ouvrirBilans(
    workbook,
    filePath,
    optionValue(args, "feuille"),
    io,
    "Pour la contrôler quand même, nommez-la avec --feuille.",
  );
  // One bilan checked per run, as `are controle` checks one effectif sheet: the others are named,
  // never passed over in silence.
  const [premier, ...autres] = bilans;
  const feuille = premier.nom;
  const nonControlees = autresFeuillesNonControlees(
    io,
    "bilan controle",
    fichier,
    premier.feuille,
    autres.map((b) => b.feuille),
    ["feuille de bilan", "feuilles de bilan"],
  );
  // The --colonne the refusal of two « Montant des achats » names (constatsBloquants), for the bilan
  // checked only: one naming another file or sheet would be ignored, so it is refused.
  checkCorrectionFiles(corrections, [{ path: filePath, fichier, feuilles: [premier.feuille] }]);
  const controle = await controlerBilan(workbook, feuille, {
    annee,
    catalogues: await cataloguesOf(args, io, annee),
    colonnes: correctionsFor(corrections, filePath, fichier, premier.feuille),
  });
  // « Dotation reçue » against what was paid (regles.md#bilan.dotation-recue-versee).
  const dotations: Constat[] = [];
  const verifier = await verificationDotations(workbook, dotationsPath, annee, dotations);
  if (verifier) dotations.push(...verifier(controle));
  // A hidden bilan skipped when opening the file is a constat of the check (ouvrirBilans).
  const resultat = withUnread(controle, [...unread, ...nonControlees, ...dotations]);
  // --dotations of another year is the wrong file, as for `bilan modele`.
  const bloquants = [...constatsBloquants(resultat.constats), ...dotationsAutreAnnee(resultat.constats)];
  if (bloquants.length > 0) {
    io.stderr(bloquants.map((c) => c.message).join("\n") + "\n");
    return 2;
  }
  if (out !== undefined) {
    const sheet = await ecrireControleBilan(workbook, resultat);
    await workbook.save(out, io.now());
    io.stderr(`Contrôle écrit dans « ${out} » (feuille « ${sheet} »).\n`);
  }
  // --json is read by a program, which knows whether it gave --dotations: the sentence is for a reader.
  if (flag(args, "json")) await printJson(io, bilanJson(resultat));
  else io.stdout(renderControleBilan(resultat, path.basename(filePath), Boolean(dotationsPath)));
  return aErreurs(resultat.constats) ? 1 : 0;
}

/** `are bilan <modele|controle> …`. */
export async function bilanCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const [sous, ...rest] = argv;
  if (sous === "modele" || sous === "modèle") return modeleCommand(rest, io);
  if (sous === "controle" || sous === "contrôle") return controleBilanCommand(rest, io);
  throw new UsageError(
    sous === undefined
      ? "Indiquez « modele » ou « controle » : are bilan modele --uai … ou are bilan controle <fichier> ; voir « are bilan --help »."
      : `Sous-commande inconnue « ${sous} » : are bilan modele … ou are bilan controle … ; voir « are bilan --help ».`,
  );
}
