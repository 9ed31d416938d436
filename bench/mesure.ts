/**
 * Timing helpers of the benchmarks. Each measure gives wall time and CPU time (user + system) of the
 * process: on a machine shared with other work the CPU time is the steadier figure, and with
 * `--single-threaded-gc` (set by bench/run.js) it is the time of one core, garbage collection
 * included. Figures are printed, never asserted (design.md §7).
 */
import { readFileSync } from "fs";

export interface Mesure {
  readonly murMs: number;
  readonly cpuMs: number;
}

export interface Serie {
  readonly mesures: readonly Mesure[];
  /** Median of the runs: the figure reported. */
  readonly murMedianMs: number;
  readonly cpuMedianMs: number;
  /** Best run: the least disturbed by the rest of the machine. */
  readonly murMinMs: number;
  readonly cpuMinMs: number;
}

export async function mesurer(travail: () => unknown): Promise<Mesure> {
  const cpu = process.cpuUsage();
  const debut = process.hrtime.bigint();
  await travail();
  const mur = Number(process.hrtime.bigint() - debut) / 1e6;
  const usage = process.cpuUsage(cpu);
  return { murMs: mur, cpuMs: (usage.user + usage.system) / 1000 };
}

function mediane(valeurs: readonly number[]): number {
  const tri = [...valeurs].sort((a, b) => a - b);
  const milieu = Math.floor(tri.length / 2);
  return tri.length % 2 === 1 ? tri[milieu] : (tri[milieu - 1] + tri[milieu]) / 2;
}

/**
 * Runs `travail` once to warm up (JIT), then at least `minimum` times and until `dureeMs` have passed
 * (small sizes are repeated more, so that their figures are not one timer tick).
 */
export async function serie(
  travail: () => unknown,
  options: { minimum?: number; maximum?: number; dureeMs?: number } = {},
): Promise<Serie> {
  const { minimum = 5, maximum = 200, dureeMs = 1500 } = options;
  await travail();
  // One collection before the series, none between runs: a forced collection leaves its sweeping to
  // the next run (single-threaded GC), while in steady state each run pays for its own garbage.
  ramasserMiettes();
  const mesures: Mesure[] = [];
  const debut = Date.now();
  while (mesures.length < minimum || (Date.now() - debut < dureeMs && mesures.length < maximum)) {
    mesures.push(await mesurer(travail));
  }
  return {
    mesures,
    murMedianMs: mediane(mesures.map((m) => m.murMs)),
    cpuMedianMs: mediane(mesures.map((m) => m.cpuMs)),
    murMinMs: Math.min(...mesures.map((m) => m.murMs)),
    cpuMinMs: Math.min(...mesures.map((m) => m.cpuMs)),
  };
}

/** A full garbage collection when node runs with --expose-gc (bench/run.js sets it), else nothing. */
export function ramasserMiettes(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) gc();
}

export const MO = 1024 * 1024;

export function tasUtilise(): number {
  return process.memoryUsage().heapUsed;
}

/**
 * Peak resident memory of the process so far, in bytes. On Linux, the high-water mark of its own
 * memory (VmHWM): getrusage's maxRSS also counts the parent's memory that fork copied before exec —
 * every child of the bench's 300 Mo process reported at least 300 Mo (a 39 Mo `node -e` read 385 Mo
 * under a 400 Mo parent). Elsewhere, maxRSS.
 */
export function rssMaximal(): number {
  try {
    const vmHwm = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync("/proc/self/status", "utf8"));
    if (vmHwm) return Number(vmHwm[1]) * 1024;
  } catch {
    // Not Linux: getrusage below.
  }
  return process.resourceUsage().maxRSS * 1024;
}

/** Prints the section's result as the last line of stdout, for bench/run.js. */
export function publier(resultat: unknown): void {
  process.stdout.write(JSON.stringify(resultat) + "\n");
}
