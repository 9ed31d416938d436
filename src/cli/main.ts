/**
 * The `are` command line: dispatch to a command, map every failure to a French message on stderr
 * and an exit code — 0 success, 1 a contrôle found errors, 2 usage or file error — never a stack
 * trace (set ARE_DEBUG=1 to see one).
 */
import { isAreError } from "../rules";
import { isSpreadsheetFileError } from "../xlsx/errors";
import { UsageError } from "./args";
import { bilanCommand } from "./bilan";
import { complementaireCommand } from "./complementaire";
import { controleCommand } from "./controle";
import { dotationsCommand } from "./dotations";
import { eligibleCommand } from "./eligible";
import { forfaitCommand } from "./forfait";
import { listeCommand } from "./liste";
import { CONTROLE_HELP, DOTATIONS_HELP, ELIGIBLE_HELP, FORFAIT_HELP, GENERAL_HELP, LISTE_HELP } from "./help";
import { BILAN_HELP, COMPLEMENTAIRE_HELP, RELIQUATS_HELP } from "./helpBilan";
import { processIo, type CliIo } from "./io";
import { reliquatsCommand } from "./reliquats";

export const EXIT_OK = 0;
export const EXIT_CONTROLE_ERREURS = 1;
export const EXIT_USAGE = 2;

type Command = (argv: readonly string[], io: CliIo) => Promise<number>;

interface CommandEntry {
  readonly run: Command;
  readonly help: string;
}

const COMMANDS: Readonly<Record<string, CommandEntry>> = {
  forfait: { run: forfaitCommand, help: FORFAIT_HELP },
  eligible: { run: eligibleCommand, help: ELIGIBLE_HELP },
  controle: { run: controleCommand, help: CONTROLE_HELP },
  dotations: { run: dotationsCommand, help: DOTATIONS_HELP },
  complementaire: { run: complementaireCommand, help: COMPLEMENTAIRE_HELP },
  bilan: { run: bilanCommand, help: BILAN_HELP },
  reliquats: { run: reliquatsCommand, help: RELIQUATS_HELP },
  liste: { run: listeCommand, help: LISTE_HELP },
};

/** Accepted spellings of the command names (accents, plural). */
const COMMAND_ALIASES: Readonly<Record<string, string>> = {
  forfaits: "forfait",
  éligible: "eligible",
  contrôle: "controle",
  dotation: "dotations",
  complémentaire: "complementaire",
  bilans: "bilan",
  reliquat: "reliquats",
  listes: "liste",
};

/** Runs the command line; resolves to the exit code. Never throws. */
export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined) {
    io.stderr(GENERAL_HELP);
    return EXIT_USAGE;
  }
  if (first === "--help" || first === "-h" || first === "aide" || first === "help") {
    io.stdout(GENERAL_HELP);
    return EXIT_OK;
  }
  const name = COMMAND_ALIASES[first] ?? first;
  const command = COMMANDS[name];
  if (!command) {
    io.stderr(
      `Commande inconnue « ${first} ». Commandes : ${Object.keys(COMMANDS).join(", ")} ; voir « are --help ».\n`,
    );
    return EXIT_USAGE;
  }
  if (rest.includes("--help") || rest.includes("-h")) {
    io.stdout(command.help);
    return EXIT_OK;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    return reportError(error, io);
  }
}

/** The French message and exit code of a failure. */
export function reportError(error: unknown, io: CliIo): number {
  if (error instanceof UsageError || isSpreadsheetFileError(error) || isAreError(error)) {
    io.stderr(`${error.message}\n`);
    return EXIT_USAGE;
  }
  const detail = error instanceof Error ? error.message : String(error);
  io.stderr(
    `Erreur inattendue : ${detail}\nCe n'est pas un problème de vos fichiers : signalez-la avec la commande lancée (ARE_DEBUG=1 affiche le détail).\n`,
  );
  if (process.env.ARE_DEBUG && error instanceof Error && error.stack) io.stderr(error.stack + "\n");
  return EXIT_USAGE;
}
