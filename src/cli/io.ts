/**
 * What the command line needs from the outside world, passed in so that tests run `main` in-process
 * with captured output and a fixed date. Only bin/are.js builds the real one.
 */
import { formaterEntier } from "../rules/montants";
import { ESPACE_INSECABLE } from "../rules/typographie";
import type { Progress } from "../workbook/port";

export interface CliIo {
  readonly stdout: (text: string) => void;
  /**
   * Resolves once stdout has handed what it was given to the system: a pipe read by a slower
   * program keeps the rest in memory meanwhile. Absent: written at once (tests capture the text).
   */
  readonly stdoutDrained?: () => Promise<void>;
  readonly stderr: (text: string) => void;
  /** Progress is shown on stderr only when it is a terminal (or with --progress). */
  readonly stderrIsTTY: boolean;
  /** Today's date: the default school year depends on it (the core never reads the clock). */
  readonly now: () => Date;
}

export function processIo(): CliIo {
  return {
    stdout: (text) => void process.stdout.write(text),
    stdoutDrained: () =>
      process.stdout.writableNeedDrain
        ? new Promise((resolve) => process.stdout.once("drain", resolve))
        : Promise.resolve(),
    stderr: (text) => void process.stderr.write(text),
    stderrIsTTY: Boolean(process.stderr.isTTY),
    now: () => new Date(),
  };
}

/** Sheets below this many rows are read too fast for a progress line to help. */
const PROGRESS_THRESHOLD_ROWS = 10_000;

/**
 * A progress line on stderr (« Calcul des dotations : 45 % (45 000 / 100 000 lignes) »), rewritten in
 * place on a terminal, one line per 10 % otherwise. Null when progress should not be shown. With
 * `enLignes` false, the line gives the percentage alone (« Lecture de « effectifs.xlsx » (35,1 Mo) :
 * 45 % »): the reading of a file counts bytes, which say nothing to the user.
 */
export function progressReporter(
  io: CliIo,
  forced: boolean,
): ((label: string, enLignes?: boolean) => Progress) | null {
  if (!forced && !io.stderrIsTTY) return null;
  return (label: string, enLignes = true) => {
    let lastShown = -1;
    return {
      onProgress: (done: number, total: number) => {
        if (total <= 0 || (!forced && enLignes && total < PROGRESS_THRESHOLD_ROWS)) return;
        const percent = Math.min(100, Math.floor((done * 100) / total));
        const step = io.stderrIsTTY ? 1 : 10;
        if (percent !== 100 && percent - lastShown < step) return;
        if (percent === lastShown) return;
        lastShown = percent;
        const line = enLignes
          ? `${label} : ${percent}${ESPACE_INSECABLE}% (${formaterEntier(done)} / ${formaterEntier(total)} lignes)`
          : `${label} : ${percent}${ESPACE_INSECABLE}%`;
        if (io.stderrIsTTY) io.stderr(`\r${line}${percent === 100 ? "\n" : ""}`);
        else io.stderr(line + "\n");
      },
    };
  };
}
