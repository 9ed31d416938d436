/**
 * Options shared by several commands: the school year (default: the one in progress today) and the
 * values the user supplies on the command line — December IPC values and published forfaits — the
 * same values the add-in's Paramètres sheet holds (Parametres.avec).
 */
import {
  Decimal,
  ECART_FORFAIT_MAXIMUM,
  ECART_IPC_MAXIMUM,
  LIBELLES_CATEGORIES,
  Parametres,
  anneeScolaireAu,
  ecartForfait,
  ecartIpc,
  formaterForfait,
  formaterIndice,
  formaterValeurManquante,
  forfaitsManquants,
  lireAnneeScolaire,
  lireForfaitSaisi,
  lireTypeForfait,
  texteSaisi,
  validerIpcSaisi,
  type AnneeScolaire,
  type Ecart,
  type ForfaitSaisi,
  INDICES_NOMMES,
  indicesDistincts,
  type IndiceManquant,
  type IpcSaisi,
  type ValeurManquante,
} from "../rules";
import { UsageError, optionValue, optionValues, type OptionSpecs, type ParsedArgs } from "./args";
import type { CliIo } from "./io";

export const ANNEE_OPTION: OptionSpecs = { annee: { value: true } };

export const PARAMETRES_OPTIONS: OptionSpecs = {
  ipc: { value: true, repeatable: true },
  "serie-ipc": { value: true },
  forfait: { value: true, repeatable: true },
};

/** --annee, or the school year in progress today (rentrée in September). */
export function anneeOf(args: ParsedArgs, io: CliIo, positional?: string): AnneeScolaire {
  const written = positional ?? optionValue(args, "annee");
  return written === undefined ? anneeScolaireAu(io.now()) : lireAnneeScolaire(written);
}

const SOURCE_CLI = "saisie en ligne de commande";

/**
 * `--ipc 2024-12=119.92` (base 2015, series 001763862), `--ipc 2026-12@2025=101.5` with
 * `--serie-ipc <identifiant INSEE>` for base 2025.
 */
export function parseIpcOption(text: string, serie: string | undefined): IpcSaisi {
  // « 2024‑12 » copied from the pane or the help reads as « 2024-12 » (texteSaisi).
  const match = /^\s*(\d{4}-\d{1,2})(?:@(\d{4}))?\s*=\s*(\S.*?)\s*$/.exec(texteSaisi(text));
  if (!match) {
    throw new UsageError(
      `--ipc « ${text} » illisible : écrivez le mois et la valeur, par exemple --ipc 2024-12=119.92 (base 2015) ou --ipc 2026-12@2025=101.5 --serie-ipc <identifiant> (base 2025).`,
    );
  }
  const [year, month] = match[1].split("-");
  return {
    mois: `${year}-${month.padStart(2, "0")}`,
    base: match[2] === undefined ? 2015 : Number(match[2]),
    valeur: match[3],
    serie: match[2] === "2025" ? serie : undefined,
    source: SOURCE_CLI,
  };
}

/**
 * `--forfait "2025:PRE BAC=160"` (année:catégorie=montant). The amount is kept as typed (« 1 600,00 »,
 * « 157,50 € ») and read by the core with the one French number reader (Parametres.avec), which also
 * refuses fractions of a cent and implausible amounts.
 */
export function parseForfaitOption(text: string): ForfaitSaisi {
  const match = /^\s*([^:]+):([^=]+)=\s*(\S.*?)\s*$/.exec(text);
  if (!match) {
    throw new UsageError(
      `--forfait « ${text} » illisible : écrivez l'année, la catégorie et le montant, par exemple --forfait "2025:PRE BAC=160".`,
    );
  }
  return {
    annee: lireAnneeScolaire(match[1].trim()),
    categorie: match[2].trim(),
    valeur: match[3],
    source: SOURCE_CLI,
  };
}

/**
 * The embedded parameters plus the values given with --ipc and --forfait. A value far from the last
 * earlier one (regles.md#technique.ecart-saisie: an IPC more than 10 % from the previous December,
 * a forfait more than 15 % from the previous year's) is used, since the command line asks nothing,
 * but said on stderr: « --ipc 2024-12=191.92 » (for 119.92) would raise every forfait by 62 %.
 */
export function parametresOf(args: ParsedArgs, io?: CliIo): Parametres {
  const serie = optionValue(args, "serie-ipc");
  const textesIpc = optionValues(args, "ipc");
  const textesForfaits = optionValues(args, "forfait");
  const ipc = textesIpc.map((text) => parseIpcOption(text, serie));
  const forfaits = textesForfaits.map(parseForfaitOption);
  if (ipc.length === 0 && forfaits.length === 0) return Parametres.embarques();
  const parametres = Parametres.avec({ ipc, forfaits });
  const attention = (
    option: string,
    ecart: Ecart | null,
    maximum: Decimal,
    montrer: (v: Decimal) => string,
  ) => {
    if (ecart)
      io?.stderr(
        `Attention : ${option} : ${ecart.ecart} par rapport à ${ecart.libelle} (${montrer(ecart.reference)}), écart de plus de ${maximum.times(100).toString()}\u00a0% : vérifiez la valeur.\n`,
      );
  };
  ipc.forEach((saisie, i) => {
    const lue = validerIpcSaisi(saisie);
    const ecart = ecartIpc(parametres, lue.mois, lue.base, new Decimal(lue.valeur));
    attention(`--ipc ${textesIpc[i]}`, ecart, ECART_IPC_MAXIMUM, (v) => formaterIndice(v.toString()));
  });
  forfaits.forEach((saisie, i) => {
    const valeur = lireForfaitSaisi(saisie.valeur, "Forfait");
    const ecart = ecartForfait(parametres, lireTypeForfait(saisie.categorie), saisie.annee, valeur);
    attention(`--forfait "${textesForfaits[i]}"`, ecart, ECART_FORFAIT_MAXIMUM, formaterForfait);
  });
  return parametres;
}

/** The option that supplies one missing index: --ipc 2024-12=<valeur>, or …@2025 for base 2025. */
function optionIpc(indice: IndiceManquant): string {
  return indice.base === 2015
    ? `--ipc ${indice.mois}=<valeur>`
    : `--ipc ${indice.mois}@${indice.base}=<valeur>`;
}

/**
 * The --ipc options that supply the missing index values, oldest first, then --serie-ipc when a series
 * has no known identifier. Beyond INDICES_NOMMES, the first and the last with their number, as the
 * sentence above them counts them (a year typed far ahead would list 77 options).
 */
function optionsIpc(manque: readonly IndiceManquant[]): string {
  const options = indicesDistincts(manque).map(optionIpc);
  const liste =
    options.length > INDICES_NOMMES
      ? `${options[0]} … ${options[options.length - 1]} (une option par indice, ${options.length} en tout)`
      : options.join(" ");
  return manque.some((m) => m.serie === null) ? `${liste} --serie-ipc <identifiant INSEE>` : liste;
}

/**
 * How to supply missing values from the command line, from the structure of what is missing: the
 * forfaits named missing (forfaitsManquants, some given with --forfait) each get their own --forfait.
 */
export function saisirEnLigneDeCommande(valeur: ValeurManquante): string {
  const ipc = valeur.manque.length > 0 ? optionsIpc(valeur.manque) : "--ipc AAAA-12=<valeur>";
  const manquants = valeur.forfaits;
  const forfaits = manquants
    ? `${manquants.length > 1 ? "leurs montants publiés" : "son montant publié"} avec ${manquants
        .map(
          (kind) =>
            `--forfait "${valeur.annee}:${kind === "CPGE" ? kind : LIBELLES_CATEGORIES[kind]}=<montant>"`,
        )
        .join(" ")}`
    : `les montants publiés avec --forfait "AAAA:PRE BAC=<montant>" (de même POST BAC et 3EME PREPA-METIERS)`;
  return `En ligne de commande : ${ipc} (indices INSEE de décembre), ou ${forfaits}.`;
}

/** The message of a missing value on the command line: the core's constat, then the options to give. */
export function messageValeurManquante(valeur: ValeurManquante): string {
  return formaterValeurManquante(valeur, saisirEnLigneDeCommande, "\n");
}

/**
 * Fails fast, before reading any file, when the year's forfaits cannot be resolved (R7), saying what to
 * supply. When only some are missing (« --forfait "2025:PRE BAC=160" --forfait "2025:POST BAC=160" »
 * without the 3e prépa-métiers), the message names those: « Forfaits 2025-2026 non calculables »
 * would read as if the amounts given had been ignored.
 */
export function verifierForfaits(annee: AnneeScolaire, parametres: Parametres): void {
  const valeur = forfaitsManquants(parametres, annee);
  if (valeur === null) return;
  throw new UsageError(
    `${messageValeurManquante(valeur)}\nOu choisissez une année dont les forfaits sont publiés, par exemple --annee 2024.`,
  );
}
