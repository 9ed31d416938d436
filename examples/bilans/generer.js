#!/usr/bin/env node
// Generates the example files of examples/bilans/ — a yearly cycle of three synthetic establishments
// (effectifs and establishments data of 2023-2024, their filled bilans, the effectifs of 2024-2025,
// a bilan with mistakes and a request for a dotation complémentaire). Deterministic.
//   npm run build:core && node examples/bilans/generer.js
// The bilans are the templates of « are bilan modele » (the same functions: preparerModeleBilan,
// feuilleModeleBilan), filled in as a gestionnaire would, and written by the project's own .xlsx writer.
// Not by loading the template in ExcelJS and saving it again: ExcelJS rewrites a table's columns with a
// `dxfId` attribute the format does not have (and `[object Object]` number formats), which openpyxl
// refuses (issue 11, item 20). The other files are written by ExcelJS, as a user's own files would be.
"use strict";

const fs = require("fs");
const os = require("os");
const path = require("path");
const ExcelJS = require("exceljs");
const { main } = require("../../build/cli/main.js");
const { ouvrirDotations } = require("../../build/cli/classeurs.js");
const { preparerModeleBilan, feuilleModeleBilan } = require("../../build/workflows");
const { FileWorkbook, chooseSheet, readSpreadsheetFile } = require("../../build/xlsx");
const { writeOutputWorkbook } = require("../../build/xlsx/write.js");

const OUT = __dirname;
const FIXED_DATE = new Date(Date.UTC(2024, 5, 28, 8, 0, 0));
const io = {
  stdout: () => undefined,
  stderr: (text) => process.stderr.write(text),
  stderrIsTTY: false,
  now: () => FIXED_DATE,
};

const ETABLISSEMENTS = {
  "0751234J": "Lycée des métiers de la Bièvre",
  "0931234L": "Lycée Simone-Veil",
  "0781234T": "Lycée agricole du Vexin",
};
const EN_TETE = ["UAI", "Nom de l'établissement", "Code formation diplôme", "Libellé formation", "Effectif"];
/** [UAI, code, libellé, effectif 2023-2024 (rentrée 2022), effectif 2024-2025 (rentrée 2023)]. */
const FORMATIONS = [
  ["0751234J", "50022137", "BOULANGER (CAP)", 24, 24],
  ["0751234J", "50022141", "PATISSIER (CAP)", 12, 12],
  ["0751234J", "40033404", "METIERS DE L'HOTELLERIE-RESTAURATION 2NDE COMMUNE (BAC PRO)", 30, 30],
  ["0751234J", "67010031", "3EME PREPA-METIERS", 15, 15],
  ["0751234J", "32033422", "MANAGEMENT EN HOTELLERIE-RESTAURATION BTS 1ERE ANNEE COMMUNE", 20, 20],
  ["0751234J", "43033104", "ST2S (BAC TECHNO)", 30, 30], // non éligible
  ["0931234L", "40025408", "REPARATION DES CARROSSERIES (BAC PRO)", 16, 16],
  ["0931234L", "43033402", "STHR (BAC TECHNO)", 28, 20],
  ["0931234L", "32025520", "ELECTROTECHNIQUE (BTS)", 24, 24],
  ["0781234T", "50321405", "JARDINIER PAYSAGISTE (CAPA)", 18, 15],
  ["0781234T", "32321401", "AMENAGEMENTS PAYSAGERS (BTSA)", 15, 15],
];

const EPI = "Vêtements et équipements de protection individuelle";
const VETEMENT = "Vêtement de représentation";
const MATERIEL = "Matériel, outillage et instruments";
const CONSOMMABLES = "Consommables informatiques et documents techniques";
/** What each establishment typed in its 2023-2024 bilan: code → [élèves aidés, montant, type]. */
const ACHATS = {
  "0751234J": {
    50022137: [24, 3600, EPI],
    50022141: [12, 1500, MATERIEL],
    40033404: [30, 4350, VETEMENT],
    67010031: [15, 600, EPI],
    32033422: [9, 1200, VETEMENT],
  },
  "0931234L": {
    40025408: [16, 2399.99, EPI],
    43033402: [28, 3150.45, VETEMENT],
    32025520: [12, 1700.1, CONSOMMABLES],
  },
  "0781234T": {
    50321405: [18, 100, EPI],
    32321401: [6, 906, MATERIEL],
  },
};

function classeur() {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "ARE — exemples";
  workbook.created = FIXED_DATE;
  workbook.modified = FIXED_DATE;
  return workbook;
}

async function feuille(fichier, nom, lignes) {
  const workbook = classeur();
  const sheet = workbook.addWorksheet(nom);
  lignes.forEach((ligne) => sheet.addRow(ligne));
  sheet.getRow(1).font = { bold: true };
  sheet.columns.forEach((column, i) => (column.width = i === 3 || i === 1 ? 40 : 14));
  await workbook.xlsx.writeFile(path.join(OUT, fichier));
}

async function are(...args) {
  const code = await main(args, io);
  if (code > 1) throw new Error(`are ${args.join(" ")} : code ${code}`);
}

/** The template « are bilan modele --uai <uai> --effectifs … --dotations … --annee 2023 » writes. */
async function modele(uai, dotations) {
  const workbook = new FileWorkbook();
  const effectifs = await readSpreadsheetFile(path.join(OUT, "effectifs-2023.xlsx"));
  const resultat = await preparerModeleBilan(workbook, {
    uai,
    annee: 2023,
    feuillesEffectifs: [workbook.addInput(effectifs, chooseSheet(effectifs))],
    feuilleDotations: await ouvrirDotations(workbook, dotations, 2023),
  });
  if (resultat.constats.some((c) => c.gravite === "erreur")) throw new Error(`modèle ${uai} en erreur`);
  return feuilleModeleBilan(resultat);
}

/**
 * Fills a template's table — élèves aidés, montant, type (columns E to G) of the rows found by their
 * code (column B) — and writes it; `retouche` may change the rows and add some, as a user types them
 * below the last one (the table grows with them).
 */
async function remplir(feuille, cible, achats, retouche) {
  const rows = feuille.rows.map((row) => {
    const saisie = achats[row[1]];
    return saisie ? [...row.slice(0, 4), ...saisie] : [...row];
  });
  if (retouche) retouche(rows);
  await writeOutputWorkbook(cible, [{ name: feuille.name, sheet: { ...feuille, rows } }], FIXED_DATE);
}

async function generer() {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "are-exemples-"));
  try {
    const effectifs = (annee) =>
      FORMATIONS.map(([uai, code, libelle, e2023, e2024]) => [
        uai,
        ETABLISSEMENTS[uai],
        code,
        libelle,
        annee === 2023 ? e2023 : e2024,
      ]);
    await feuille("effectifs-2023.xlsx", "Effectifs 2023-2024", [EN_TETE, ...effectifs(2023)]);
    await feuille("effectifs-2024.xlsx", "Effectifs 2024-2025", [EN_TETE, ...effectifs(2024)]);
    await feuille("etablissements-2023.xlsx", "Établissements 2023-2024", [
      ["UAI", "Nom de l'établissement", "Taux de boursiers", "Reliquat pré-bac", "Reliquat post-bac", "Réponse à l'enquête"],
      ["0751234J", ETABLISSEMENTS["0751234J"], "45 %", 0, 0, "oui"],
      ["0931234L", ETABLISSEMENTS["0931234L"], "50 %", 1000, 0, "oui"],
      ["0781234T", ETABLISSEMENTS["0781234T"], 0.4, 250.4, 100, "oui"],
    ]);

    const dotations = path.join(tmp, "dotations-2023.xlsx");
    await are(
      "dotations",
      path.join(OUT, "effectifs-2023.xlsx"),
      "--etablissements",
      path.join(OUT, "etablissements-2023.xlsx"),
      "--annee",
      "2023",
      "--out",
      dotations,
    );
    for (const uai of Object.keys(ETABLISSEMENTS)) {
      const feuille = await modele(uai, dotations);
      await remplir(feuille, path.join(OUT, `bilan-2023-${uai}.xlsx`), ACHATS[uai]);
      if (uai === "0781234T") {
        // The same bilan with the mistakes a filled bilan really shows, for « are bilan controle ».
        await remplir(feuille, path.join(OUT, "bilan-avec-erreurs.xlsx"), ACHATS[uai], (rows) => {
          for (const row of rows) {
            if (row[1] === "50321405") row[5] = "deux mille";
            if (row[1] === "32321401") {
              row[2] = "pré-bac"; // BTSA charged to the pré-bac envelope
              row[4] = 20; // above its effectif of 15
            }
          }
          rows.push(
            ["ST2S (BAC TECHNO)", "43033104", "pré-bac", null, 10, 500, EPI],
            ["JARDINIER PAYSAGISTE (CAPA)", "50321405", "pré-bac", 18, 18, -120, EPI],
            ["JARDINIER PAYSAGISTE (CAPA)", "50321405", "pré-bac", 18, 18, 300, "Voyage pédagogique"],
          );
        });
      }
    }

    await feuille("demande-complementaire.xlsx", "Demande", [
      ["UAI", "Nom de l'établissement", "Code formation diplôme", "Intitulé de la formation", "Élèves supplémentaires", "Boursiers supplémentaires"],
      ["0751234J", ETABLISSEMENTS["0751234J"], "50022137", "BOULANGER (CAP)", 4, null],
      ["0751234J", ETABLISSEMENTS["0751234J"], "67010031", "3EME PREPA-METIERS", 3, null],
      ["0751234J", ETABLISSEMENTS["0751234J"], "32033422", "MANAGEMENT EN HOTELLERIE-RESTAURATION (BTS)", 5, 2],
      ["0751234J", ETABLISSEMENTS["0751234J"], "43033104", "ST2S (BAC TECHNO)", 6, null],
    ]);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

generer().catch((error) => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exitCode = 1;
});
