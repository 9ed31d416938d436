#!/usr/bin/env node
// npm run package -- --url https://…/ : the add-in ready to deploy (docs/deploiement.md), written as
// are-<version>.zip: site/ (dist/, to publish as is at the address) and manifest.xml (the production
// manifest, naming that address, for the Microsoft 365 admin centre or a shared-folder catalogue).
// The build's manifest is validated locally first (test/manifest, design.md §7), and the versions of
// package.json and manifest.xml must agree (CHANGELOG.md, « Versions »).
"use strict";

const fs = require("fs");
const path = require("path");
const { spawnSync } = require("child_process");
// jszip comes with exceljs, a dependency of the product: always installed.
const JSZip = require("jszip");

const RACINE = path.join(__dirname, "..");
const DIST = path.join(RACINE, "dist");

function arreter(message) {
  console.error(`\n${message}\n`);
  process.exit(1);
}

/** `--url X`, `--url=X`, else ARE_URL_PROD. */
function urlDemandee(args) {
  const i = args.findIndex((a) => a === "--url" || a.startsWith("--url="));
  if (i >= 0) return args[i].includes("=") ? args[i].slice("--url=".length) : args[i + 1];
  return process.env.ARE_URL_PROD;
}

/** The version of package.json, and the manifest's <Version> that must be the same plus « .0 ». */
function versions() {
  const paquet = JSON.parse(fs.readFileSync(path.join(RACINE, "package.json"), "utf8")).version;
  const manifeste = /<Version>([^<]+)<\/Version>/.exec(
    fs.readFileSync(path.join(RACINE, "manifest.xml"), "utf8"),
  );
  return { paquet, manifeste: manifeste && manifeste[1] };
}

function lancer(titre, commande, args) {
  console.log(`\n— ${titre}`);
  const r = spawnSync(commande, args, { cwd: RACINE, stdio: "inherit" });
  if (r.status !== 0) arreter(`Échec : ${titre}. Rien n'a été empaqueté.`);
}

/** Every file of a folder, relative paths with « / ». */
function fichiers(dossier, prefixe = "") {
  return fs.readdirSync(dossier, { withFileTypes: true }).flatMap((e) => {
    const relatif = prefixe + e.name;
    return e.isDirectory() ? fichiers(path.join(dossier, e.name), relatif + "/") : [relatif];
  });
}

async function main() {
  const url = (urlDemandee(process.argv.slice(2)) || "").trim();
  if (!/^https:\/\/[^\s/]+/.test(url) || /localhost|\.invalid\b|example\.org/.test(url)) {
    arreter(
      "Indiquez l'adresse https où sera publié le complément, par exemple :\n" +
        "  npm run package -- --url https://are.exemple.fr/\n" +
        `(reçu : « ${url} » ; voir docs/deploiement.md).`,
    );
  }
  const { paquet, manifeste } = versions();
  if (manifeste !== `${paquet}.0`) {
    arreter(
      `Versions différentes : package.json ${paquet}, manifest.xml ${manifeste}. Chaque version change les deux ` +
        `(manifest.xml : ${paquet}.0) et CHANGELOG.md.`,
    );
  }
  lancer("Construction de production", process.execPath, [
    path.join(RACINE, "node_modules", "webpack-cli", "bin", "cli.js"),
    "--mode",
    "production",
    "--env",
    `url=${url}`,
  ]);
  lancer("Validation locale du manifeste construit (test/manifest)", process.execPath, [
    path.join(RACINE, "node_modules", "jest", "bin", "jest.js"),
    "test/manifest",
  ]);
  const zip = new JSZip();
  for (const f of fichiers(DIST)) {
    // The preview (npm run preview) is not part of the add-in.
    if (/^(preview\.|exemples-apercu)/.test(f)) continue;
    zip.file(`site/${f}`, fs.readFileSync(path.join(DIST, f)));
  }
  zip.file("manifest.xml", fs.readFileSync(path.join(DIST, "manifest.xml")));
  const sortie = path.join(RACINE, `are-${paquet}.zip`);
  fs.writeFileSync(sortie, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
  console.log(
    `\n${path.relative(process.cwd(), sortie)} écrit : site/ à publier à ${url}, manifest.xml à déployer.`,
  );
}

main().catch((erreur) => arreter(`Échec de l'empaquetage : ${erreur.message}`));
