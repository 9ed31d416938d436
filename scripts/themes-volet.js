#!/usr/bin/env node
// Writes src/taskpane/themes.ts: the values, in Fluent's light and dark web themes, of the design
// tokens the pane's styles use (`tokens.colorNeutralForeground1`… in src/taskpane and src/preview).
// Décision (regles.md#technique.poids-volet): Fluent's theme objects are built at run time from its
// whole palette (every named colour, 16 shades each, light and dark: ~8 KB of gzipped JavaScript);
// the pane uses about eighty tokens, so only their values are shipped. Same values as Fluent's:
// test/taskpane/themes.test.ts checks that this module is what this script writes now.
//   node scripts/themes-volet.js          (rewrites the module, after using a new token)
const fs = require("fs");
const path = require("path");
const { webLightTheme, webDarkTheme } = require("@fluentui/tokens");

const RACINE = path.join(__dirname, "..");
const MODULE = path.join(RACINE, "src", "taskpane", "themes.ts");
const DOSSIERS = ["src/taskpane", "src/preview"].map((d) => path.join(RACINE, d));

function fichiers(dossier) {
  return fs.readdirSync(dossier, { withFileTypes: true }).flatMap((entree) => {
    const chemin = path.join(dossier, entree.name);
    if (entree.isDirectory()) return fichiers(chemin);
    return /\.tsx?$/.test(entree.name) ? [chemin] : [];
  });
}

/** The tokens named as `tokens.<nom>` in the pane's sources, sorted. */
function jetonsUtilises(dossiers = DOSSIERS) {
  const noms = new Set();
  for (const fichier of dossiers.flatMap(fichiers)) {
    if (fichier === MODULE) continue;
    // Comments name files (« test/taskpane/tokens.test.ts ») that are not tokens.
    const code = fs.readFileSync(fichier, "utf8").replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, "");
    for (const [, nom] of code.matchAll(/\btokens\.([A-Za-z0-9]+)/g)) noms.add(nom);
  }
  return [...noms].sort();
}

function contenu() {
  const noms = jetonsUtilises();
  for (const nom of noms) {
    if (!(nom in webLightTheme) || !(nom in webDarkTheme))
      throw new Error(`jeton inconnu de Fluent : ${nom}`);
  }
  const theme = (source) => noms.map((nom) => `  ${nom}: ${JSON.stringify(String(source[nom]))},`).join("\n");
  return `// Généré par scripts/themes-volet.js : ne pas modifier à la main.
/**
 * Fluent's light and dark web themes, reduced to the tokens the pane's styles use (ThemeRoot defines
 * them as CSS variables). See scripts/themes-volet.js for why.
 */
export type ThemeVolet = Readonly<Record<string, string>>;

export const themeClair: ThemeVolet = {
${theme(webLightTheme)}
};

export const themeSombre: ThemeVolet = {
${theme(webDarkTheme)}
};
`;
}

module.exports = { contenu, jetonsUtilises, MODULE };

if (require.main === module) {
  fs.writeFileSync(MODULE, contenu());
  console.log(`${path.relative(RACINE, MODULE)} : ${jetonsUtilises().length} jetons.`);
}
