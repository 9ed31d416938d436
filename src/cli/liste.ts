/**
 * The list of formations of a rentrée on the command line (R4, regles.md#catalogue.liste-chargee):
 * `--liste <fichier>` on every command that judges formations, and `are liste verifier <fichier>`
 * printing the same checks and the difference with the list in force before it.
 *
 * Which rentrée a list given with --liste is for: `--liste-annee`, else the school year written in
 * the file's name (« liste-2025-2026.xlsx »), else the command's year (--annee, or the year in
 * progress). The answer is said on stderr, with the check's counts.
 *
 * Its reference — what the pane asks when a list is loaded (title, date, address of the source) — is
 * typed with `--liste-titre`, `--liste-date`, `--liste-url`; without a title the list is named by its
 * file. Every result naming the list's source then cites it (summaries, `liste` key of --json).
 */
import * as path from "path";
import {
  Catalogues,
  libelleAnnee,
  lignesEcart,
  lireAnneeScolaire,
  nombreDe,
  resumeEcart,
  resumeVerification,
  type AnneeScolaire,
  type ReferenceListe,
} from "../rules";
import { verifierFeuilleListe, type ResultatListe } from "../workflows/liste";
import { FileWorkbook } from "../xlsx";
import { UsageError, flag, optionValue, parseArgs, type OptionSpecs, type ParsedArgs } from "./args";
import { openInput } from "./files";
import type { CliIo } from "./io";
import { ANNEE_OPTION, anneeOf } from "./options";
import { renderConstats } from "./report";
import { printJson } from "./jsonOutput";

export const LISTE_OPTIONS: OptionSpecs = {
  liste: { value: true },
  "liste-annee": { value: true },
  "liste-titre": { value: true },
  "liste-date": { value: true },
  "liste-url": { value: true },
};

/** The options that describe the --liste file, and so mean nothing without it. */
const OPTIONS_DE_LA_LISTE = ["liste-annee", "liste-titre", "liste-date", "liste-url"] as const;

/** What the user typed about the list's source, trimmed; null when nothing was typed. */
function referenceSaisie(args: ParsedArgs): Partial<ReferenceListe> | null {
  const titre = optionValue(args, "liste-titre");
  const date = optionValue(args, "liste-date");
  const url = optionValue(args, "liste-url");
  if (titre === undefined && date === undefined && url === undefined) return null;
  if (titre !== undefined && titre.trim() === "")
    throw new UsageError(
      '--liste-titre est vide : indiquez le titre de la source, par exemple --liste-titre "Liste des formations éligibles 2025-2026, Région Île-de-France".',
    );
  return { titre: titre?.trim(), date: date?.trim(), url: url?.trim() };
}

/** The files a command reads, the --liste file included: --out may be none of them. */
export function fichiersLus(args: ParsedArgs, fichiers: readonly string[]): string[] {
  const liste = optionValue(args, "liste");
  return liste === undefined ? [...fichiers] : [...fichiers, liste];
}

/** « 2025-2026 » (or « 2025_2026 ») in a file name: the rentrée 2025; null when there is none. */
export function anneeDuNom(fichier: string): AnneeScolaire | null {
  const m = /(?:^|\D)(\d{4})\s*[-_]\s*(\d{4})(?:\D|$)/.exec(path.basename(fichier));
  return m && Number(m[2]) === Number(m[1]) + 1 ? Number(m[1]) : null;
}

/** The rentrée of a list file and how it was chosen, for the message. */
function anneeDeLaListe(
  fichier: string,
  ecrite: { valeur: string | undefined; option: string },
  parDefaut: AnneeScolaire,
): { annee: AnneeScolaire; comment: string } {
  if (ecrite.valeur !== undefined) return { annee: lireAnneeScolaire(ecrite.valeur), comment: ecrite.option };
  const duNom = anneeDuNom(fichier);
  if (duNom !== null) return { annee: duNom, comment: "d'après le nom du fichier" };
  return { annee: parDefaut, comment: `année de la commande ; ${ecrite.option} pour une autre` };
}

/**
 * Reads and checks a list file for a rentrée, against the embedded lists. The reference is what the
 * user typed, the file's name standing for a title not given.
 */
async function lireListe(
  fichier: string,
  annee: AnneeScolaire,
  feuille: string | undefined,
  io: CliIo,
  saisie: Partial<ReferenceListe> | null = null,
): Promise<ResultatListe & { fichier: string }> {
  const workbook = new FileWorkbook();
  const input = await openInput(workbook, fichier, { feuille }, io, false);
  const resultat = await verifierFeuilleListe(workbook, input.feuille, {
    annee,
    reference: {
      titre: saisie?.titre ?? `fichier « ${input.file.fichier} »`,
      url: saisie?.url ?? "",
      date: saisie?.date ?? "",
    },
  });
  return { ...resultat, fichier: input.file.fichier };
}

/**
 * The lists a command judges formations by: the embedded ones, with the list of --liste for its
 * rentrée. A list from which no formation can be read stops the command (exit 2).
 */
export async function cataloguesOf(args: ParsedArgs, io: CliIo, annee: AnneeScolaire): Promise<Catalogues> {
  const fichier = optionValue(args, "liste");
  const ecrite = optionValue(args, "liste-annee");
  if (fichier === undefined) {
    if (ecrite !== undefined)
      throw new UsageError("--liste-annee dit la rentrée d'une liste donnée avec --liste <fichier>.");
    const seule = OPTIONS_DE_LA_LISTE.find((o) => optionValue(args, o) !== undefined);
    if (seule !== undefined)
      throw new UsageError(`--${seule} décrit la source d'une liste donnée avec --liste <fichier>.`);
    return Catalogues.embarques();
  }
  const choix = anneeDeLaListe(fichier, { valeur: ecrite, option: "--liste-annee" }, annee);
  const saisie = referenceSaisie(args);
  const {
    verification,
    fichier: nom,
    constats,
  } = await lireListe(fichier, choix.annee, undefined, io, saisie);
  const label = libelleAnnee(choix.annee);
  if (verification.catalogue === null) {
    throw new UsageError(
      `Liste ${label} « ${nom} » inutilisable : ${constats
        .filter((c) => c.gravite === "erreur")
        .map((c) => c.message)
        .join(" ")} Détail : « are liste verifier ${fichier} --annee ${choix.annee} ».`,
    );
  }
  const erreurs = constats.filter((c) => c.gravite === "erreur").length;
  const ecartees =
    erreurs > 0 ? `, ${nombreDe(erreurs, "ligne en erreur écartée", "lignes en erreur écartées")}` : "";
  // The alertes (a BTS the list puts in PRE BAC…) and the changes (a category changed, half the list
  // missing after a cut paste) change amounts: said here, since the command goes on without the detail.
  const nAlertes = constats.filter((c) => c.gravite === "alerte").length;
  const alertes = nAlertes > 0 ? `, ${nombreDe(nAlertes, "alerte")}` : "";
  const e = verification.ecart;
  const changements =
    e !== null && e.ajoutees.length + e.retirees.length + e.renommees.length + e.reclassees.length > 0
      ? ` ; ${resumeEcart(e).replace(/^P/, "p").replace(/\.$/, "")}`
      : "";
  const source = saisie === null ? "" : ` (${verification.catalogue.provenance})`;
  io.stderr(
    `Liste ${label} (${choix.comment}) : « ${nom} »${source}, ${nombreDe(verification.formations.length, "formation retenue", "formations retenues")}${ecartees}${alertes}${changements} ; détail : « are liste verifier ${fichier} --annee ${choix.annee} ».\n`,
  );
  return Catalogues.embarques().avec(verification.catalogue);
}

export const LISTE_VERIFIER_OPTIONS = {
  ...ANNEE_OPTION,
  feuille: { value: true },
  json: {},
  help: { alias: "-h" },
} as const;

function renderVerification(r: ResultatListe & { fichier: string }, comment: string): string {
  const v = r.verification;
  const lines = [
    `Liste ${libelleAnnee(v.annee)} (${comment}) : « ${r.fichier} »${r.feuille === r.fichier ? "" : `, feuille « ${r.feuille} »`}`,
    ...resumeVerification(v),
    ...renderConstats(r.constats, false),
  ];
  if (v.ecart !== null && lignesEcart(v.ecart).length > 0) {
    lines.push("", `Différences avec la ${v.ecart.avant.nom} (+ ajoutée, - retirée, ~ changée) :`);
    lines.push(...lignesEcart(v.ecart).map((l) => `  ${l}`));
  }
  const erreurs = r.constats.filter((c) => c.gravite === "erreur").length;
  lines.push(
    "",
    v.catalogue === null
      ? "Résultat : aucune formation lue, la liste ne peut pas servir."
      : erreurs > 0
        ? `Résultat : ${nombreDe(erreurs, "erreur")} ; les lignes en erreur ne sont pas reprises.`
        : "Résultat : aucune erreur.",
  );
  return lines.join("\n") + "\n";
}

function verificationJson(r: ResultatListe & { fichier: string }) {
  const v = r.verification;
  const formation = (f: { code: string; libelle: string; niveau: string }) => ({
    code: f.code,
    libelle: f.libelle,
    niveau: f.niveau,
  });
  return {
    annee: libelleAnnee(v.annee),
    fichier: r.fichier,
    feuille: r.feuille,
    lignes: v.lignes,
    formations: v.formations.length,
    constats: r.constats,
    ecart: v.ecart && {
      avant: v.ecart.avant.nom,
      ajoutees: v.ecart.ajoutees.map((a) => ({
        ...formation(a.formation),
        successeurDe: a.successeurDe?.code ?? null,
      })),
      retirees: v.ecart.retirees.map(formation),
      renommees: v.ecart.renommees,
      reclassees: v.ecart.reclassees,
    },
  };
}

/** `are liste verifier <fichier>`: the checks and the difference; exit 1 when a row is in error. */
export async function listeCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const [sous, ...reste] = argv;
  if (sous !== "verifier" && sous !== "vérifier") {
    throw new UsageError(
      `« are liste » attend « verifier <fichier> », par exemple « are liste verifier liste-2025-2026.xlsx » : voir « are liste --help ».`,
    );
  }
  const args = parseArgs(reste, LISTE_VERIFIER_OPTIONS, "liste verifier");
  if (args.positionals.length !== 1) {
    throw new UsageError(
      "Indiquez le fichier de la liste, par exemple « are liste verifier liste-2025-2026.xlsx » : voir « are liste --help ».",
    );
  }
  const [fichier] = args.positionals;
  const choix = anneeDeLaListe(
    fichier,
    { valeur: optionValue(args, "annee"), option: "--annee" },
    anneeOf(args, io),
  );
  const resultat = await lireListe(fichier, choix.annee, optionValue(args, "feuille"), io);
  if (flag(args, "json")) await printJson(io, verificationJson(resultat));
  else io.stdout(renderVerification(resultat, choix.comment));
  if (resultat.verification.catalogue === null) return 2;
  return resultat.constats.some((c) => c.gravite === "erreur") ? 1 : 0;
}
