/**
 * Preloaded (`node --require`) into a process the bench spawns: at exit, writes the process's CPU time,
 * peak resident memory and page faults to stderr on a line of its own, which bench/cli.ts picks up.
 * The parent cannot see them otherwise (spawnSync gives no resource usage).
 */
import { readFileSync, writeSync } from "fs";
import { rssMaximal } from "./mesure";

export const MARQUE = "ARE_BENCH_PROCESSUS ";

/**
 * CPU time of the main thread alone, from its start (Node's own start-up included), on Linux; null
 * elsewhere. The process's CPU time also counts V8's background threads (optimising compiler, garbage
 * collector helpers) and zlib's: on an idle machine with two cores or more they run beside the main
 * thread, whose time is then, give or take the waits, the wall time (docs/performance.md).
 */
function cpuFilPrincipalMs(): number | null {
  try {
    const schedstat = readFileSync(`/proc/self/task/${process.pid}/schedstat`, "utf8");
    return Number(schedstat.split(" ")[0]) / 1e6;
  } catch {
    return null;
  }
}

const debut = process.cpuUsage();
process.on("exit", () => {
  const cpu = process.cpuUsage(debut);
  const mesure = {
    cpuMs: (cpu.user + cpu.system) / 1000,
    cpuFilPrincipalMs: cpuFilPrincipalMs(),
    rssMaxOctets: rssMaximal(),
    // Pages of memory the system handed over, one fault each: on the bench machine (a virtual
    // machine) ~12 µs a page, a fifth of a 100 000-row run (docs/performance.md).
    defautsDePage: process.resourceUsage().minorPageFault,
  };
  writeSync(2, `\n${MARQUE}${JSON.stringify(mesure)}\n`);
});
