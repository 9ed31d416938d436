/** Runs the `are` command line in-process with captured output and a fixed date. */
import * as fs from "fs";
import * as path from "path";
import { main } from "../../src/cli/main";
import type { CliIo } from "../../src/cli/io";
import type { ControleJson } from "../../src/cli/json";

export interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** 26 novembre 2026 : l'année scolaire en cours est 2026-2027. */
export const TODAY = new Date(2026, 10, 26);

export async function run(
  argv: readonly string[],
  options: { tty?: boolean; now?: Date } = {},
): Promise<Run> {
  let stdout = "";
  let stderr = "";
  const io: CliIo = {
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    stderrIsTTY: options.tty ?? false,
    now: () => options.now ?? TODAY,
  };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

/**
 * Writes `octets` as `nom` in `dossier` and runs `are controle <fichier> --annee 2024 --json` on it, as
 * a user would on a rectorat's file: the exit code and the parsed JSON document.
 */
export async function controlerFichier(
  dossier: string,
  nom: string,
  octets: Buffer,
): Promise<ControleJson & { readonly code: number; readonly stderr: string }> {
  const fichier = path.join(dossier, nom);
  fs.writeFileSync(fichier, octets);
  const r = await run(["controle", fichier, "--annee", "2024", "--json"]);
  return { code: r.code, stderr: r.stderr, ...(JSON.parse(r.stdout) as ControleJson) };
}
