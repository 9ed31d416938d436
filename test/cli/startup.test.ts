/**
 * How bin/are.js starts the command line (src/cli/startup.ts): the one-file build loaded with the
 * code V8 kept from an earlier run, a cache never used for another file or other flags, never a
 * failure when it is missing, damaged or cannot be written. Each run is a real Node process on a
 * small build made here (startCli's flag would otherwise change the test process's own heap).
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import {
  CACHES_MAXIMUM,
  CACHE_FOLDER,
  codeCacheFile,
  nomCommande,
  removeCodeCaches,
} from "../../src/cli/startup";
import { ROOT, avecLigneDeCommande } from "./examples";

/** build/cli/startup.js, compiled by tsc (construireLigneDeCommande). */
const STARTUP = path.join(ROOT, "build", "cli", "startup.js");

const dossier = avecLigneDeCommande();

/** A build folder: a one-file command line whose main says `reponse`, and a main module. */
function build(nom: string, reponse: string): string {
  const folder = path.join(dossier(), nom);
  fs.mkdirSync(path.join(folder, "cli"), { recursive: true });
  const bundle = (texte: string) =>
    `"use strict";
const path = require("path");
exports.main = async (argv) => { process.stdout.write(JSON.stringify({ texte: ${JSON.stringify(texte)}, argv, fichier: path.basename(__filename), dossier: path.basename(__dirname) })); return argv.includes("--erreur") ? 2 : 0; };
// Enough functions for V8 to have code worth keeping.
${Array.from({ length: 50 }, (_, i) => `exports.f${i} = (x) => x * ${i} + ${i};`).join("\n")}
`;
  fs.writeFileSync(path.join(folder, "cli", "main.js"), bundle(`modules ${reponse}`));
  // The bundle written after main.js: bin/are.js takes it only when it is the newer.
  const plusTard = new Date(Date.now() + 1000);
  fs.writeFileSync(path.join(folder, "are.js"), bundle(reponse));
  fs.utimesSync(path.join(folder, "are.js"), plusTard, plusTard);
  return folder;
}

/** One start of the command line from this build folder, as bin/are.js does it. */
function lancer(folder: string, argv: readonly string[] = ["forfait"]) {
  // A script file rather than `node -e`, whose text would be among the process's options.
  const script = path.join(dossier(), "lancer.js");
  fs.writeFileSync(
    script,
    `const [folder, ...argv] = process.argv.slice(2);
const started = require(${JSON.stringify(STARTUP)}).startCli(argv, folder);
started.cli.main(argv).then((code) => {
  process.stderr.write(JSON.stringify({ cache: started.usedCodeCache }));
  started.saveCodeCache(code);
});`,
  );
  const r = spawnSync(process.execPath, [script, folder, ...argv], { encoding: "utf8" });
  expect(r.status).toBe(0);
  return {
    ...(JSON.parse(r.stdout) as { texte: string; argv: string[]; fichier: string; dossier: string }),
    cache: (JSON.parse(r.stderr) as { cache: boolean }).cache,
  };
}

const cachesDe = (folder: string) =>
  fs.existsSync(path.join(folder, CACHE_FOLDER))
    ? fs.readdirSync(path.join(folder, CACHE_FOLDER)).filter((f) => f.startsWith("are-"))
    : [];

describe("Démarrage de la ligne de commande avec le code compilé d'une exécution précédente", () => {
  test("première exécution : le fichier unique tourne comme un module, puis son code est gardé ; la suivante s'en sert", () => {
    const folder = build("premier", "paquet");
    const premier = lancer(folder, ["forfait", "2024"]);
    expect(premier).toEqual({
      texte: "paquet",
      argv: ["forfait", "2024"],
      fichier: "are.js",
      dossier: "premier",
      cache: false,
    });
    const gardes = cachesDe(folder);
    expect(gardes).toHaveLength(1);
    expect(gardes[0]).toContain(process.version);
    expect(lancer(folder)).toMatchObject({ texte: "paquet", cache: true });
    // Nothing left behind but the cache itself.
    expect(cachesDe(folder)).toEqual(gardes);
    expect(fs.readdirSync(path.join(folder, CACHE_FOLDER)).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  test("un fichier reconstruit, même de même longueur : jamais le code de l'ancien", () => {
    const folder = build("reconstruit", "ancien");
    lancer(folder);
    expect(lancer(folder).cache).toBe(true);
    // Same length, other content, a later date: V8 alone would only check the length.
    const bundle = path.join(folder, "are.js");
    const avant = fs.readFileSync(bundle, "utf8");
    fs.writeFileSync(bundle, avant.replace('"ancien"', '"neuf!!"'));
    expect(fs.statSync(bundle).size).toBe(Buffer.byteLength(avant));
    const plusTard = new Date(Date.now() + 5000);
    fs.utimesSync(bundle, plusTard, plusTard);
    expect(lancer(folder)).toMatchObject({ texte: "neuf!!", cache: false });
    expect(lancer(folder)).toMatchObject({ texte: "neuf!!", cache: true });
  });

  test("un cache abîmé est refusé par V8 puis remplacé ; la commande tourne normalement", () => {
    const folder = build("abime", "intact");
    lancer(folder);
    const [fichier] = cachesDe(folder);
    const chemin = path.join(folder, CACHE_FOLDER, fichier);
    fs.writeFileSync(chemin, Buffer.alloc(fs.statSync(chemin).size, 0x5a));
    expect(lancer(folder)).toMatchObject({ texte: "intact", cache: false });
    expect(lancer(folder)).toMatchObject({ texte: "intact", cache: true });
  });

  test("d'autres options de V8 (gros fichiers, node --cpu-prof…) ont leur propre cache", () => {
    const folder = build("options", "x");
    const stat = fs.statSync(path.join(folder, "are.js"));
    const petit = codeCacheFile("c", stat, ["--semi-space-growth-factor=1"], "dotations");
    const gros = codeCacheFile("c", stat, [], "dotations");
    const profil = codeCacheFile("c", stat, ["--cpu-prof", "--semi-space-growth-factor=1"], "dotations");
    expect(new Set([petit, gros, profil]).size).toBe(3);
    expect(codeCacheFile("c", stat, ["--semi-space-growth-factor=1"], "dotations")).toBe(petit);
  });

  test("un cache par commande : « are forfait » lancé d'abord ne prive pas « are dotations » du sien", () => {
    const folder = build("commandes", "x");
    expect(lancer(folder, ["forfait"]).cache).toBe(false);
    expect(lancer(folder, ["dotations", "a.xlsx"]).cache).toBe(false);
    expect(lancer(folder, ["dotations", "b.xlsx", "--out", "c.xlsx"]).cache).toBe(true);
    expect(lancer(folder, ["forfait", "2024"]).cache).toBe(true);
    expect(
      cachesDe(folder)
        .map((f) => f.split("-")[4])
        .sort(),
    ).toEqual(["dotations", "forfait"]);
    // Help, a typo, an option first: one file for them all, named without the user's text.
    expect(nomCommande(["--help"])).toBe("autre");
    expect(nomCommande([])).toBe("autre");
    expect(nomCommande(["../../etc"])).toBe("autre");
    expect(nomCommande(["dotations", "x.xlsx"])).toBe("dotations");
  });

  test("une exécution arrêtée par une erreur d'usage ou de fichier (code 2) ne garde pas son code", () => {
    const folder = build("erreur", "x");
    expect(lancer(folder, ["dotations", "--erreur"]).cache).toBe(false);
    expect(cachesDe(folder)).toEqual([]);
    expect(lancer(folder, ["dotations"]).cache).toBe(false);
    expect(cachesDe(folder)).toHaveLength(1);
  });

  test("dossier du cache impossible à écrire : la commande tourne, sans cache", () => {
    const folder = build("lecture-seule", "sans cache");
    // A file where the cache folder should be: nothing can be created in it, even by root.
    fs.writeFileSync(path.join(folder, CACHE_FOLDER), "");
    expect(lancer(folder)).toMatchObject({ texte: "sans cache", cache: false });
    expect(lancer(folder)).toMatchObject({ texte: "sans cache", cache: false });
  });

  test("après un tsc seul (fichier unique plus ancien que les modules) : les modules, sans cache", () => {
    const folder = build("modules", "paquet");
    const avant = new Date(Date.now() - 60_000);
    fs.utimesSync(path.join(folder, "are.js"), avant, avant);
    expect(lancer(folder)).toMatchObject({ texte: "modules paquet", fichier: "main.js", cache: false });
    expect(cachesDe(folder)).toEqual([]);
  });

  test("le script d'assemblage efface les caches des fichiers précédents, et seulement eux", () => {
    const cache = path.join(dossier(), "nettoyage");
    fs.mkdirSync(cache);
    for (const f of ["are-v20-x64-1-2-3.v8", "are-v22-x64-1-2-3.v8", "v22.23.5-x64-0", "autre.v8"]) {
      fs.writeFileSync(path.join(cache, f), "");
    }
    removeCodeCaches(cache);
    expect(fs.readdirSync(cache).sort()).toEqual(["autre.v8", "v22.23.5-x64-0"]);
    removeCodeCaches(path.join(dossier(), "absent"));
  });

  test(`au plus ${CACHES_MAXIMUM} caches : les plus anciens effacés quand un nouveau est écrit`, () => {
    const folder = build("nombreux", "x");
    const cache = path.join(folder, CACHE_FOLDER);
    fs.mkdirSync(cache);
    // Twenty caches of other options (a preloaded script per test run), dated one minute apart.
    for (let i = 0; i < 20; i++) {
      const f = path.join(cache, `are-v20-x64-${String(i).padStart(8, "0")}-dotations-1-2.v8`);
      fs.writeFileSync(f, "");
      const date = new Date(Date.now() - (30 - i) * 60_000);
      fs.utimesSync(f, date, date);
    }
    fs.writeFileSync(path.join(cache, "autre.v8"), "");
    expect(lancer(folder).cache).toBe(false);
    const restants = fs.readdirSync(cache).filter((f) => f.startsWith("are-"));
    expect(restants).toHaveLength(CACHES_MAXIMUM);
    // The new one and the 15 most recent of the others; Node's own files untouched.
    expect(restants).toEqual(expect.arrayContaining(cachesDe(folder).filter((f) => f.includes("-forfait-"))));
    expect(restants.filter((f) => f.includes("-forfait-"))).toHaveLength(1);
    expect(restants).toContain("are-v20-x64-00000019-dotations-1-2.v8");
    expect(restants).toContain("are-v20-x64-00000005-dotations-1-2.v8");
    expect(restants).not.toContain("are-v20-x64-00000004-dotations-1-2.v8");
    expect(fs.existsSync(path.join(cache, "autre.v8"))).toBe(true);
    expect(lancer(folder).cache).toBe(true);
  });
});
