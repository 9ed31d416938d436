/**
 * The `are` command line: dispatch to a command, map every failure to a French message on stderr
 * and an exit code — 0 success, 1 a contrôle found errors, 2 usage or file error — never a stack
 * trace (set ARE_DEBUG=1 to see one).
 */
import { estErreurAre } from "../rules/erreurs";
import { isSpreadsheetFileError } from "../xlsx/errors";
import { UsageError } from "./args";
import { CONTROLE_HELP, DOTATIONS_HELP, ELIGIBLE_HELP, FORFAIT_HELP, GENERAL_HELP, LISTE_HELP } from "./help";
import { BILAN_HELP, COMPLEMENTAIRE_HELP, RELIQUATS_HELP } from "./helpBilan";
import { processIo, type CliIo } from "./io";

// bin/are.js sizes V8's young generation and loads this module (startup.ts).

export const EXIT_OK = 0;
export const EXIT_CONTROLE_ERREURS = 1;
export const EXIT_USAGE = 2;

type Command = (argv: readonly string[], io: CliIo) => Promise<number>;

interface CommandEntry {
  /**
   * The command's module, loaded only when it runs: each process runs one command, and loading all
   * of them (and the workflows, readers and writers they import) was a part of every start-up
   * (docs/performance.md).
   */
  readonly load: () => Promise<Command>;
  readonly help: string;
}

const COMMANDS: Readonly<Record<string, CommandEntry>> = {
  forfait: { load: async () => (await import("./forfait")).forfaitCommand, help: FORFAIT_HELP },
  eligible: { load: async () => (await import("./eligible")).eligibleCommand, help: ELIGIBLE_HELP },
  controle: { load: async () => (await import("./controle")).controleCommand, help: CONTROLE_HELP },
  dotations: { load: async () => (await import("./dotations")).dotationsCommand, help: DOTATIONS_HELP },
  complementaire: {
    load: async () => (await import("./complementaire")).complementaireCommand,
    help: COMPLEMENTAIRE_HELP,
  },
  bilan: { load: async () => (await import("./bilan")).bilanCommand, help: BILAN_HELP },
  reliquats: { load: async () => (await import("./reliquats")).reliquatsCommand, help: RELIQUATS_HELP },
  liste: { load: async () => (await import("./liste")).listeCommand, help: LISTE_HELP },
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
    const run = await command.load();
    return await run(rest, io);
  } catch (error) {
    return reportError(error, io);
  }
}

/** The French message and exit code of a failure. */
export function reportError(error: unknown, io: CliIo): number {
  if (error instanceof UsageError || isSpreadsheetFileError(error) || estErreurAre(error)) {
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
