/**
 * Preloaded (`node --require`) into a process the bench spawns: at exit, writes the process's CPU time
 * and peak resident memory to stderr on a line of its own, which bench/cli.ts picks up. The parent
 * cannot see a child's peak memory otherwise (spawnSync gives no resource usage).
 */
import { writeSync } from "fs";

export const MARQUE = "ARE_BENCH_PROCESSUS ";

const debut = process.cpuUsage();
process.on("exit", () => {
  const cpu = process.cpuUsage(debut);
  const mesure = {
    cpuMs: (cpu.user + cpu.system) / 1000,
    rssMaxOctets: process.resourceUsage().maxRSS * 1024,
  };
  writeSync(2, `\n${MARQUE}${JSON.stringify(mesure)}\n`);
});
