/**
 * Which browser the browser tests drive (./navigateur.ts, issue 13): the order of the candidates, and
 * the French message when there is none. The launch itself is exercised by every browser test.
 */
import * as fs from "fs";
import * as path from "path";
import { removeDir, tempDir } from "../xlsx/helpers";
import { AIDE_NAVIGATEUR, candidats, lancerNavigateur } from "./navigateur";

const noms = (...args: Parameters<typeof candidats>) => candidats(...args).map((c) => c.nom);
const existe =
  (...chemins: string[]) =>
  (chemin: string) =>
    chemins.includes(chemin);

describe("Navigateur des tests du volet", () => {
  test("CHROMIUM_PATH, puis PLAYWRIGHT_CHROMIUM_PATH, passent avant tout navigateur installé", () => {
    const env = { CHROMIUM_PATH: "/opt/c/chrome", PLAYWRIGHT_CHROMIUM_PATH: "/opt/p/chrome" };
    const tout = existe("/opt/c/chrome", "/opt/p/chrome", "/usr/bin/chromium");
    expect(noms(env, "linux", "x64", tout)).toEqual(["CHROMIUM_PATH (/opt/c/chrome)"]);
    expect(noms({ PLAYWRIGHT_CHROMIUM_PATH: "/opt/p/chrome" }, "linux", "x64", tout)).toEqual([
      "PLAYWRIGHT_CHROMIUM_PATH (/opt/p/chrome)",
    ]);
  });

  test("CHROMIUM_PATH vers un fichier absent : erreur en français, sans chercher ailleurs", () => {
    expect(() =>
      candidats({ CHROMIUM_PATH: "/nulle/part" }, "linux", "x64", existe("/usr/bin/chromium")),
    ).toThrow(/CHROMIUM_PATH désigne « \/nulle\/part », qui n'existe pas/);
  });

  test("Linux x64 : le Chromium de Debian d'abord, sinon celui du paquet npm @sparticuz/chromium", () => {
    expect(noms({}, "linux", "x64", existe("/usr/bin/chromium", "/usr/bin/google-chrome"))).toEqual([
      "/usr/bin/chromium",
      "@sparticuz/chromium",
    ]);
    expect(noms({}, "linux", "x64", existe("/usr/bin/google-chrome"))).toEqual([
      "/usr/bin/google-chrome",
      "@sparticuz/chromium",
    ]);
    expect(noms({}, "linux", "x64", existe())).toEqual(["@sparticuz/chromium"]);
    // The package ships an x64 Chromium only.
    expect(noms({}, "linux", "arm64", existe())).toEqual([]);
  });

  test("Windows et macOS : les canaux chrome puis msedge de playwright", () => {
    expect(noms({}, "win32", "x64", existe())).toEqual([
      "canal playwright « chrome »",
      "canal playwright « msedge »",
    ]);
    expect(noms({}, "darwin", "arm64", existe("/Applications/Chromium.app/Contents/MacOS/Chromium"))).toEqual(
      [
        "/Applications/Chromium.app/Contents/MacOS/Chromium",
        "canal playwright « chrome »",
        "canal playwright « msedge »",
      ],
    );
  });

  test("aucun navigateur : les tests échouent avec un message qui dit comment en fournir un", async () => {
    await expect(lancerNavigateur([])).rejects.toThrow(AIDE_NAVIGATEUR);
    expect(AIDE_NAVIGATEUR).toMatch(/CHROMIUM_PATH/);
    expect(AIDE_NAVIGATEUR).toMatch(/apt-get install chromium/);
    const absent = {
      nom: "canal playwright « msedge »",
      options: async () => ({ channel: "msedge-inexistant" }),
    };
    await expect(lancerNavigateur([absent])).rejects.toThrow(/Essayés :\n {2}- canal playwright « msedge »/);
  });

  test("un navigateur présent qui ne démarre pas est relancé une fois, puis son erreur est dite", async () => {
    // A stand-in that counts its starts and dies at once, as Chromium did once (SIGSEGV at start).
    const dossier = tempDir("are-navigateur-");
    try {
      const compteur = path.join(dossier, "lancements");
      const faux = path.join(dossier, "chromium");
      fs.writeFileSync(faux, `#!/bin/sh\necho x >> "${compteur}"\nexit 1\n`, { mode: 0o755 });
      const candidat = {
        nom: "faux Chromium",
        options: async () => ({ executablePath: faux, timeout: 10_000 }),
      };
      await expect(lancerNavigateur([candidat])).rejects.toThrow(/^faux Chromium ne démarre pas : /);
      expect(fs.readFileSync(compteur, "utf8").split("\n").filter(Boolean)).toHaveLength(2);
    } finally {
      removeDir(dossier);
    }
  });
});
