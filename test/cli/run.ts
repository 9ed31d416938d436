/** Runs the `are` command line in-process with captured output and a fixed date. */
import { main } from "../../src/cli/main";
import type { CliIo } from "../../src/cli/io";

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
