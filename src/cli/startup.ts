/**
 * How bin/are.js starts the command line: V8 set for the size of the files given (heap.ts),
 * then the command line loaded from its one file, build/are.js (scripts/cli-bundle.js), with the
 * code V8 compiled for it in an earlier run.
 *
 * Décision (regles.md#technique.performance; issue 13 §5): without help, every run of `are` parses
 * build/are.js again (~900 Ko) and compiles each function it calls, ~30 ms of a 100 000-row run on
 * the bench machine. Node 22 keeps compiled code between runs (module.enableCompileCache), but only
 * what it compiled before the first line ran, and Node 20 keeps nothing. Here the code is taken from
 * V8 once a command has run — every function it compiled — into build/.cache-node/, next to the code
 * it belongs to, and given back to V8 at the next start.
 *
 * V8 refuses code kept by another version of itself or under other flags, but checks of the source
 * only its length: the file's name also holds the bundle's size and date, the Node version, the
 * flags and the command, so that a stale file is never used; a refused one is replaced after the
 * run. V8 gives back no more than a run compiled, and code it was given is not kept again: one file
 * per command, so that `are forfait` run first does not leave `are dotations` with its few
 * functions. The bundle script deletes these files and runs the demo once: the first user's run
 * starts complete. Where build/ cannot be written (a read-only install), `are` runs without the
 * cache. Only compiled code is kept, never data: the figures are the same either way.
 */
import * as fs from "fs";
import * as nodeModule from "module";
import * as path from "path";
import { setFlagsFromString } from "v8";
import * as vm from "vm";
import { fileSize, runFlags } from "./heap";

/** What bin/are.js uses of the command line (src/cli/main.ts). */
export interface CommandLine {
  main(argv: readonly string[]): Promise<number>;
}

/** A CommonJS file loaded with V8's code kept from an earlier run (loadWithCodeCache). */
export interface LoadedWithCache {
  readonly exports: unknown;
  /** Whether V8 took the code kept by an earlier run. */
  readonly usedCodeCache: boolean;
  /**
   * Keeps V8's compiled code for the next runs when this one had none (to call after the command,
   * with its exit code). A run stopped by a usage or file error (code 2) compiled little: not kept.
   */
  saveCodeCache(exitCode: number): void;
}

export interface StartedCli extends Omit<LoadedWithCache, "exports"> {
  readonly cli: CommandLine;
}

/**
 * The exit code of a usage or file error: main.ts's EXIT_USAGE (importing main.ts here would load
 * the command line a second time, apart from its bundle).
 */
const EXIT_USAGE = 2;

/** The folder of Node's compile cache and of ours (bin/are.js, Node ≥ 22.1). */
export const CACHE_FOLDER = ".cache-node";

/**
 * The cache file of a bundle for this Node, these flags and this command. The flags decide whether
 * V8 accepts the code (they are part of its check): a file per set of flags, so that runs on small
 * and large files, or under `node --cpu-prof`, do not replace each other's cache at every run.
 */
export function codeCacheFile(
  cacheFolder: string,
  bundle: fs.Stats,
  flags: readonly string[],
  commande: string,
): string {
  const bundleKey = `${bundle.size}-${Math.trunc(bundle.mtimeMs)}`;
  return path.join(
    cacheFolder,
    `are-${process.version}-${process.arch}-${shortHash(flags.join(" "))}-${commande}-${bundleKey}.v8`,
  );
}

/** The command's name as a file name part: its word (`dotations`), or `autre` (help, a typo…). */
export function nomCommande(argv: readonly string[]): string {
  const mot = argv[0] ?? "";
  return /^[a-z]{1,20}$/.test(mot) ? mot : "autre";
}

/** FNV-1a, 32 bits, in hexadecimal: a name for a set of flags, not a security measure. */
function shortHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16).padStart(8, "0");
}

/** Our cache files in a folder (`are-….v8`), never Node's own. */
function codeCaches(cacheFolder: string): string[] {
  try {
    return fs
      .readdirSync(cacheFolder)
      .filter((name) => name.startsWith("are-") && name.endsWith(".v8"))
      .map((name) => path.join(cacheFolder, name));
  } catch {
    return [];
  }
}

/** The cache files of older bundles, Node versions or flags: `are-….v8`, those only. */
export function removeCodeCaches(cacheFolder: string): void {
  for (const file of codeCaches(cacheFolder)) fs.rmSync(file, { force: true });
}

/**
 * Cache files kept at most. Each command, Node version and set of options has its own (a few
 * hundred Ko): a dozen in ordinary use, but a process started with a preloaded script of its own
 * (`node --require …`, as the tests do) makes a new set of options each time.
 */
export const CACHES_MAXIMUM = 16;

/** Keeps the CACHES_MAXIMUM most recent cache files of the folder, deleting the older ones. */
export function limitCodeCaches(cacheFolder: string, maximum = CACHES_MAXIMUM): void {
  const dated = codeCaches(cacheFolder).map((file) => {
    try {
      return { file, date: fs.statSync(file).mtimeMs };
    } catch {
      return { file, date: 0 };
    }
  });
  if (dated.length <= maximum) return;
  dated.sort((a, b) => b.date - a.date);
  for (const { file } of dated.slice(maximum)) fs.rmSync(file, { force: true });
}

/** The contents of a file, or undefined when there is none (or it cannot be read). */
function readIfAny(file: string): Buffer | undefined {
  try {
    return fs.readFileSync(file);
  } catch {
    return undefined;
  }
}

/** Writes a file whole or not at all: two runs finishing together never leave half a cache. */
function writeWhole(file: string, data: Buffer): void {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(temporary, data);
    fs.renameSync(temporary, file);
    limitCodeCaches(path.dirname(file));
  } catch {
    // A folder that cannot be written (a read-only install) only costs the next run some speed.
    try {
      fs.rmSync(temporary, { force: true });
    } catch {
      // Nothing was written.
    }
  }
}

/**
 * A CommonJS file run as Node's loader would run it — the same wrapper and arguments — but compiled
 * through vm.Script, which takes and gives V8's compiled code.
 */
export function loadWithCodeCache(file: string, cacheFile: string): LoadedWithCache {
  const source = fs.readFileSync(file, "utf8");
  const cachedData = readIfAny(cacheFile);
  const script = new vm.Script(
    `(function (exports, require, module, __filename, __dirname) { ${source}\n})`,
    { filename: file, cachedData },
  );
  const wrapper = script.runInThisContext() as (...args: unknown[]) => void;
  const module = { exports: {} as unknown };
  wrapper.call(
    module.exports,
    module.exports,
    nodeModule.createRequire(file),
    module,
    file,
    path.dirname(file),
  );
  const usedCodeCache = cachedData !== undefined && script.cachedDataRejected === false;
  return {
    exports: module.exports,
    usedCodeCache,
    saveCodeCache: (exitCode) => {
      if (!usedCodeCache && exitCode !== EXIT_USAGE) writeWhole(cacheFile, script.createCachedData());
    },
  };
}

/**
 * The command line as one file (build/are.js), or, right after a bare `tsc` (build/cli newer than
 * the bundle), the compiled modules themselves: the same code, only slower to start.
 */
function bundleIfCurrent(bundle: string, mainModule: string): fs.Stats | null {
  try {
    const stat = fs.statSync(bundle);
    return stat.mtimeMs >= fs.statSync(mainModule).mtimeMs ? stat : null;
  } catch {
    return null; // No bundle (a build made by tsc alone): the modules.
  }
}

/**
 * Node ≥ 22.1 keeps the compiled code of the modules loaded by require (ExcelJS, when the .xlsx
 * reader hands over to it, and the modules after a bare tsc). Node 20 has no such cache.
 */
function enableNodeCompileCache(cacheFolder: string): void {
  const { enableCompileCache } = nodeModule as { enableCompileCache?: (folder: string) => unknown };
  if (typeof enableCompileCache !== "function") return;
  try {
    enableCompileCache(cacheFolder);
  } catch {
    // A cache that cannot be set up only costs speed.
  }
}

/** Starts the command line for a run on `argv` (bin/are.js). */
export function startCli(argv: readonly string[], buildFolder = path.join(__dirname, "..")): StartedCli {
  // First, before any code is compiled: the flags are part of what V8 checks in its cached code.
  const flags = runFlags(argv, fileSize);
  for (const flag of flags) setFlagsFromString(flag);
  const cacheFolder = path.join(buildFolder, CACHE_FOLDER);
  enableNodeCompileCache(cacheFolder);
  const mainModule = path.join(buildFolder, "cli", "main.js");
  const bundle = path.join(buildFolder, "are.js");
  const stat = bundleIfCurrent(bundle, mainModule);
  if (stat === null) {
    const cli = nodeModule.createRequire(mainModule)(mainModule) as CommandLine;
    return { cli, usedCodeCache: false, saveCodeCache: () => undefined };
  }
  const allFlags = [...process.execArgv, ...flags];
  const { exports: cli, ...cache } = loadWithCodeCache(
    bundle,
    codeCacheFile(cacheFolder, stat, allFlags, nomCommande(argv)),
  );
  return { cli: cli as CommandLine, ...cache };
}
