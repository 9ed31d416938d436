/**
 * The versioning rule (CHANGELOG.md, docs/deploiement.md): each release changes package.json's version
 * and manifest.xml's <Version> together — Office installs an update only when the manifest's version
 * grows — and says what changed, in French, in CHANGELOG.md.
 */
import fs from "fs";
import path from "path";

const ROOT = path.resolve(__dirname, "../..");
const lire = (f: string) => fs.readFileSync(path.join(ROOT, f), "utf8");

describe("Versions du complément", () => {
  const version = (JSON.parse(lire("package.json")) as { version: string }).version;

  test("la version de package.json et la <Version> du manifeste sont la même (x.y.z et x.y.z.0)", () => {
    expect(version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(/<Version>([^<]+)<\/Version>/.exec(lire("manifest.xml"))?.[1]).toBe(`${version}.0`);
  });

  test("CHANGELOG.md, en français, a une entrée pour cette version", () => {
    const journal = lire("CHANGELOG.md");
    expect(journal).toMatch(new RegExp(`^## ${version.replace(/\./g, "\\.")} `, "m"));
    expect(journal).toContain("Journal des versions");
  });
});

describe("Pied du volet", () => {
  test("il annonce autant de fonctions que les métadonnées en déclarent (functions.json)", () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { nombreDeFonctions } = require("../../webpack.config") as { nombreDeFonctions(): number };
    const metadonnees = JSON.parse(lire("dist/functions.json")) as { functions: unknown[] };
    expect(nombreDeFonctions()).toBe(metadonnees.functions.length);
    const volet = lire("dist/taskpane.js");
    // Only the footer's text, not the whole bundle, in a failure's message.
    const pied = /Aide : les[^*]{0,40}fonctions ARE/.exec(volet)?.[0];
    expect(pied?.replace(/[",\s]+/g, " ")).toBe(`Aide : les ${metadonnees.functions.length} fonctions ARE`);
    expect(volet).not.toContain("douze");
  });
});
