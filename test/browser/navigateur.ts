/**
 * Which Chromium the browser tests drive (design.md §7), so that `npm ci && npm test` needs nothing
 * else installed. In this order:
 *   1. CHROMIUM_PATH, else PLAYWRIGHT_CHROMIUM_PATH (a path that does not exist is an error, not a
 *      reason to look elsewhere: whoever set it meant that browser);
 *   2. a browser installed on the machine: on Linux the usual paths of Chromium, Chrome and Edge
 *      (Debian's /usr/bin/chromium first), on Windows and macOS playwright's channels "chrome" then
 *      "msedge" (and the Chromium.app of macOS);
 *   3. on Linux x64, the headless Chromium shipped compressed inside the npm package
 *      `@sparticuz/chromium` (a devDependency), unpacked once into the temporary folder.
 * No browser at all: a French error that says how to provide one (the tests fail, never skip).
 */
import fs from "fs";
import os from "os";
import path from "path";
import { promisify } from "util";
import { execFile as execFileRappel } from "child_process";
import { chromium, type Browser, type LaunchOptions } from "playwright-core";

/** The flags design.md §7 lists, given to every browser. */
const ARGUMENTS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

const execFile = promisify(execFileRappel);

const CHEMINS_LINUX = [
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/usr/bin/google-chrome-stable",
  "/usr/bin/google-chrome",
  "/usr/bin/microsoft-edge-stable",
  "/usr/bin/microsoft-edge",
];
const CHEMINS_MACOS = ["/Applications/Chromium.app/Contents/MacOS/Chromium"];

/**
 * Décision : of @sparticuz/chromium's own flags (made for AWS Lambda), left out:
 * - the ones that loosen web security (--disable-web-security, --allow-running-insecure-content,
 *   --disable-site-isolation-trials): the browser tests check the page's Content-Security-Policy and
 *   every request it makes, which these flags would weaken;
 * - --single-process: the renderer then draws text through a font interface that is not implemented
 *   in this build (FATAL SkFontMgr_FontConfigInterface « Not implemented ») and the page dies.
 */
const ARGUMENTS_ECARTES = new Set([
  "--disable-web-security",
  "--allow-running-insecure-content",
  "--disable-site-isolation-trials",
  "--single-process",
]);

export const AIDE_NAVIGATEUR = [
  "Aucun navigateur Chromium trouvé pour les tests du volet. Au choix :",
  "  - indiquez le chemin d'un Chromium, Chrome ou Edge dans la variable CHROMIUM_PATH",
  "    (par exemple CHROMIUM_PATH=/usr/bin/chromium npm test) ;",
  "  - installez Chromium (Debian/Ubuntu : sudo apt-get install chromium), Google Chrome ou Microsoft Edge ;",
  "  - sous Linux x64, vérifiez que « npm ci » a bien installé le paquet @sparticuz/chromium",
  "    (node_modules/@sparticuz/chromium/bin/chromium.br).",
].join("\n");

/** One way of launching a browser, and what to call it in a message. */
export interface Candidat {
  nom: string;
  options(): Promise<LaunchOptions>;
}

function depuisChemin(nom: string, chemin: string): Candidat {
  return { nom, options: async () => ({ executablePath: chemin, args: ARGUMENTS }) };
}

/** The browsers to try, in order (see the header). */
export function candidats(
  env: NodeJS.ProcessEnv = process.env,
  plateforme: NodeJS.Platform = process.platform,
  architecture: string = process.arch,
  existe: (chemin: string) => boolean = fs.existsSync,
): Candidat[] {
  const variable = ["CHROMIUM_PATH", "PLAYWRIGHT_CHROMIUM_PATH"].find((nom) => env[nom]?.trim());
  if (variable) {
    const chemin = env[variable]!.trim();
    if (!existe(chemin)) {
      throw new Error(`${variable} désigne « ${chemin} », qui n'existe pas.\n${AIDE_NAVIGATEUR}`);
    }
    return [depuisChemin(`${variable} (${chemin})`, chemin)];
  }
  const liste: Candidat[] = [];
  if (plateforme === "linux") {
    const chemin = CHEMINS_LINUX.find(existe);
    if (chemin) liste.push(depuisChemin(chemin, chemin));
    if (architecture === "x64") liste.push({ nom: "@sparticuz/chromium", options: optionsSparticuz });
  } else {
    for (const chemin of plateforme === "darwin" ? CHEMINS_MACOS.filter(existe) : []) {
      liste.push(depuisChemin(chemin, chemin));
    }
    for (const channel of ["chrome", "msedge"]) {
      liste.push({
        nom: `canal playwright « ${channel} »`,
        options: async () => ({ channel, args: ARGUMENTS }),
      });
    }
  }
  return liste;
}

/** Launches the first browser that starts; no browser at all is a French error that says what to do. */
export async function lancerNavigateur(liste: Candidat[] = candidats()): Promise<Browser> {
  const echecs: string[] = [];
  for (const candidat of liste) {
    let options: LaunchOptions;
    try {
      options = await candidat.options();
    } catch (erreur) {
      echecs.push(`${candidat.nom} : ${(erreur as Error).message}`);
      continue;
    }
    // A browser that exists is tried twice: Chromium was seen once to die at start (SIGSEGV) in a
    // fresh-clone CI run, taking a whole suite with it; a second failure is its own error.
    for (let essai = 1; essai <= (options.channel ? 1 : 2); essai++) {
      try {
        return await chromium.launch(options);
      } catch (erreur) {
        // A browser that exists but does not start is reported with its own error, not hidden behind
        // the next candidate; a channel that is not installed is simply the next one's turn.
        if (options.channel) echecs.push(`${candidat.nom} : ${(erreur as Error).message.split("\n")[0]}`);
        else if (essai === 2)
          throw new Error(`${candidat.nom} ne démarre pas : ${(erreur as Error).message}`);
      }
    }
  }
  const essais = echecs.length ? `\nEssayés :\n  - ${echecs.join("\n  - ")}` : "";
  throw new Error(`${AIDE_NAVIGATEUR}${essais}`);
}

let sparticuz: Promise<LaunchOptions> | undefined;

/** @sparticuz/chromium, unpacked once per machine (and once per process). */
function optionsSparticuz(): Promise<LaunchOptions> {
  sparticuz ??= deballerSparticuz();
  return sparticuz;
}

/**
 * The package unpacks into os.tmpdir() (chromium, fonts/, the swiftshader libraries). Jest's workers
 * start at the same time and one could launch a binary another is still writing: each unpacks, in a
 * child Node process whose TMPDIR is a private folder (jest's sandbox keeps its own copy of
 * process.env, which os.tmpdir() does not read), then renames that folder to one named after the
 * package's version — a rename is atomic, and whoever loses the race uses the winner's folder.
 */
async function deballerSparticuz(): Promise<LaunchOptions> {
  const racine = path.resolve(path.dirname(require.resolve("@sparticuz/chromium")), "../..");
  const paquet = JSON.parse(fs.readFileSync(path.join(racine, "package.json"), "utf8")) as {
    version: string;
  };
  const dossier = path.join(os.tmpdir(), `are-sparticuz-chromium-${paquet.version}`);
  if (!fs.existsSync(path.join(dossier, "chromium"))) {
    const prive = fs.mkdtempSync(path.join(os.tmpdir(), "are-sparticuz-"));
    try {
      await execFile(process.execPath, ["-e", 'require("@sparticuz/chromium").executablePath()'], {
        cwd: racine,
        env: { ...process.env, TMPDIR: prive },
      });
      if (!fs.existsSync(path.join(prive, "chromium")))
        throw new Error(`rien n'a été décompressé dans ${prive}`);
      fs.renameSync(prive, dossier);
    } catch (erreur) {
      fs.rmSync(prive, { recursive: true, force: true });
      if (!fs.existsSync(path.join(dossier, "chromium"))) {
        throw new Error(`décompression impossible : ${(erreur as Error).message}`);
      }
    }
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { args } = require("@sparticuz/chromium") as { args: string[] };
  return {
    executablePath: path.join(dossier, "chromium"),
    args: [...new Set([...args.filter((a) => !ARGUMENTS_ECARTES.has(a)), ...ARGUMENTS])],
    env: { ...process.env, FONTCONFIG_FILE: configurationPolices(dossier) },
  };
}

/**
 * The fonts: the machine's own (its fontconfig) and the Open Sans shipped with the package. The package's
 * fonts.conf names Lambda's folders only (/var/task, /tmp/fonts), and this build cannot look for a
 * fallback font for a character its fonts lack (FATAL « Not implemented », the page dies): the
 * machine's fonts (DejaVu, Liberation…) cover the pane's « € », « → », « ✓ ».
 */
function configurationPolices(dossier: string): string {
  const fichier = path.join(dossier, "are-fonts.conf");
  if (fs.existsSync(fichier)) return fichier;
  const xml = (texte: string) => texte.replace(/&/g, "&amp;").replace(/</g, "&lt;");
  // Written beside, then renamed: another worker's browser may be reading it.
  const provisoire = `${fichier}.${process.pid}`;
  fs.writeFileSync(
    provisoire,
    [
      '<?xml version="1.0"?>',
      '<!DOCTYPE fontconfig SYSTEM "fonts.dtd">',
      "<fontconfig>",
      '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>',
      `  <dir>${xml(path.join(dossier, "fonts", "fonts"))}</dir>`,
      `  <cachedir>${xml(path.join(dossier, "fonts-cache"))}</cachedir>`,
      "</fontconfig>",
      "",
    ].join("\n"),
  );
  fs.renameSync(provisoire, fichier);
  return fichier;
}
