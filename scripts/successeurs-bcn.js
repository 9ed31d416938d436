#!/usr/bin/env node
// Writes src/rules/catalogue/successeurs-2023-2024.ts from the BCN lookup of the 2023-2024 annex
// (src/rules/catalogue/bcn/annexe-2023-2024-dans-la-bcn.csv, see the README beside it): the pairs
// successor → listed predecessor, and the listed codes whose BCN label has changed since, in two
// tab-separated strings — a few kilobytes, so that functions.js stays within its budget.
//   node scripts/successeurs-bcn.js          (rewrites the module)
// test/rules/successeurs.test.ts checks that the module is what this script writes.
const fs = require("fs");
const path = require("path");

const DOSSIER = path.join(__dirname, "..", "src", "rules", "catalogue");
const CSV = path.join(DOSSIER, "bcn", "annexe-2023-2024-dans-la-bcn.csv");
const MODULE = path.join(DOSSIER, "successeurs-2023-2024.ts");

/** One `;`-separated line, with "…" quoting (a doubled quote inside is a quote). */
function cellules(ligne) {
  const out = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < ligne.length; i++) {
    const c = ligne[i];
    if (quoted && c === '"' && ligne[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (!quoted && c === ";") {
      out.push(cell);
      cell = "";
    } else {
      cell += c;
    }
  }
  out.push(cell);
  return out;
}

/**
 * Labels compared as a reader would: accents, case and punctuation ignored, the annex's OCR artefacts
 * repaired as in catalogue/listes/2023-2024.tsv (design.md R4).
 */
const comparable = (libelle) =>
  libelle
    .replace("V <sub>2</sub> TEMENT", "VÊTEMENT")
    .replace("DIPL <sub>2</sub> ME", "DIPLÔME")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toUpperCase()
    .replace(/[^0-9A-Z]/g, "");

function generer(csv) {
  const [entete, ...lignes] = csv.split(/\r?\n/).filter((l) => l.trim() !== "");
  const noms = cellules(entete);
  const col = (nom) => {
    const i = noms.indexOf(nom);
    if (i < 0) throw new Error(`colonne ${nom} absente`);
    return i;
  };
  const [code, annexe, bcn, nouveaux, libelles] = [
    "code",
    "libelle_annexe",
    "libelle_bcn_2025",
    "nouveaux_codes",
    "libelles_nouveaux_codes",
  ].map(col);
  const successeurs = [];
  const renommes = [];
  for (const ligne of lignes) {
    const c = cellules(ligne);
    if (comparable(c[annexe]) !== comparable(c[bcn])) renommes.push([c[code], c[bcn].replace(/ {2,}/g, " ")]);
    if (c[nouveaux] === "") continue;
    const codes = c[nouveaux].split("|");
    const libs = c[libelles].split("|");
    if (codes.length !== libs.length)
      throw new Error(`${c[code]} : ${codes.length} codes, ${libs.length} libellés`);
    // A successor's label is stored only when it differs from the listed code's: most are the same.
    codes.forEach((s, i) => {
      const libelle = comparable(libs[i]) === comparable(c[annexe]) ? "" : libs[i].replace(/ {2,}/g, " ");
      successeurs.push([s, c[code], libelle]);
    });
  }
  const table = (rows) => rows.map((r) => r.join("\t")).join("\n");
  return `/**
 * Généré par \`node scripts/successeurs-bcn.js\` depuis bcn/annexe-2023-2024-dans-la-bcn.csv (voir le
 * README à côté) : ne pas modifier à la main.
 *
 * SUCCESSEURS : code successeur, code de la liste 2023-2024 qu'il remplace, libellé BCN du successeur
 * (vide : le même que celui du code remplacé).
 * RENOMMES : code de la liste 2023-2024, libellé BCN de septembre 2025 quand il a changé.
 */
export const SUCCESSEURS_2023_2024 = \`
${table(successeurs)}
\`;

export const RENOMMES_2023_2024 = \`
${table(renommes)}
\`;
`;
}

module.exports = { generer, CSV, MODULE };

if (require.main === module) {
  fs.writeFileSync(MODULE, generer(fs.readFileSync(CSV, "utf8")));
  console.log(`Écrit : ${path.relative(process.cwd(), MODULE)}`);
}
