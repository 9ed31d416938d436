#!/usr/bin/env node
// Writes src/rules/catalogue/listes-embarquees.ts from the lists of formations in
// src/rules/catalogue/listes/ (one AAAA-AAAA.tsv and its AAAA-AAAA.json reference per rentrée, see the
// README there): the add-in reads no file when it runs — neither the functions bundle in Excel nor the
// command line — so each list is embedded as a string in a generated module that webpack, tsc and
// ts-jest all compile alike.
//   node scripts/listes-embarquees.js          (rewrites the module)
// test/rules/listes-embarquees.test.ts checks that the module is what this script writes.
const fs = require("fs");
const path = require("path");

const DOSSIER = path.join(__dirname, "..", "src", "rules", "catalogue", "listes");
const MODULE = path.join(__dirname, "..", "src", "rules", "catalogue", "listes-embarquees.ts");
const ENTETE = "Niveau\tNiveau regroupement\tSpécialité\tCode Diplôme\tType Diplôme\tLibellé Diplôme";

/** The lists of the folder, oldest first: [{ annee, reference, tsv }]. */
function lireListes(dossier = DOSSIER) {
  return fs
    .readdirSync(dossier)
    .filter((nom) => /^\d{4}-\d{4}\.tsv$/.test(nom))
    .sort()
    .map((nom) => {
      const label = nom.slice(0, 9);
      const annee = Number(label.slice(0, 4));
      if (Number(label.slice(5)) !== annee + 1) throw new Error(`${nom} : année scolaire incohérente`);
      const reference = JSON.parse(fs.readFileSync(path.join(dossier, `${label}.json`), "utf8"));
      if (reference.annee !== label) throw new Error(`${label}.json : « annee » vaut ${reference.annee}`);
      for (const champ of ["titre", "document", "url", "date"]) {
        if (typeof reference[champ] !== "string" || reference[champ].trim() === "")
          throw new Error(`${label}.json : « ${champ} » manque`);
      }
      const [entete, ...lignes] = fs
        .readFileSync(path.join(dossier, nom), "utf8")
        .split(/\r?\n/)
        .filter((l) => l.trim() !== "");
      if (entete !== ENTETE) throw new Error(`${nom} : en-tête attendu « ${ENTETE} »`);
      lignes.forEach((l, i) => {
        if (l.split("\t").length !== 6) throw new Error(`${nom}, ligne ${i + 2} : 6 colonnes attendues`);
        if (l.includes("`") || l.includes("${") || l.includes("\\"))
          throw new Error(`${nom}, ligne ${i + 2} : caractère réservé`);
      });
      return { annee, reference, tsv: lignes.join("\n") };
    });
}

function generer(listes = lireListes()) {
  // As prettier writes it: a property too long for one line (110 characters) breaks after its colon.
  const champ = (nom, valeur) => {
    const ligne = `      ${nom}: ${JSON.stringify(valeur)},`;
    return ligne.length <= 110 ? ligne : `      ${nom}:\n        ${JSON.stringify(valeur)},`;
  };
  const entrees = listes.map(
    ({ annee, reference, tsv }) => `  {
    annee: ${annee},
    reference: {
${["titre", "document", "url", "date"].map((nom) => champ(nom, reference[nom])).join("\n")}
    },
    tsv: \`
${tsv}
\`,
  },`,
  );
  return `/**
 * Généré par \`node scripts/listes-embarquees.js\` depuis listes/ (voir le README à côté) : ne pas
 * modifier à la main. Chaque liste : sa rentrée, sa référence, ses formations (les 6 colonnes de
 * l'annexe, séparées par des tabulations, sans la ligne d'en-tête).
 */
import type { ListeEmbarquee } from "./catalogue";

export const LISTES_EMBARQUEES: readonly ListeEmbarquee[] = [
${entrees.join("\n")}
];
`;
}

module.exports = { generer, lireListes, MODULE, ENTETE };

if (require.main === module) {
  fs.writeFileSync(MODULE, generer());
  console.log(`Écrit : ${path.relative(process.cwd(), MODULE)}`);
}
