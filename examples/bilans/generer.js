#!/usr/bin/env node
// Generates the example files of examples/bilans/ — a yearly cycle of three synthetic establishments
// (effectifs and establishments data of 2023-2024, their filled bilans, the effectifs of 2024-2025,
// a bilan with mistakes and a request for a dotation complémentaire). Deterministic.
//   npm run build:core && node examples/bilans/generer.js
// The bilans are the templates written by « are bilan modele », filled in as a gestionnaire would.
"use strict";

const fs = require("fs");
const os = require("os");
const path = require("path");
const ExcelJS = require("exceljs");
const { main } = require("../../build/cli/main.js");

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

/** Fills a template written by « are bilan modele » (rows found by their code, column B). */
async function remplir(modele, cible, achats, retouche) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(modele);
  const sheet = workbook.worksheets[0];
  sheet.eachRow((row) => {
    const saisie = achats[String(row.getCell(2).value)];
    if (!saisie) return;
    row.getCell(5).value = saisie[0];
    row.getCell(6).value = saisie[1];
    row.getCell(7).value = saisie[2];
  });
  if (retouche) retouche(sheet);
  workbook.modified = FIXED_DATE;
  await workbook.xlsx.writeFile(cible);
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
      const modele = path.join(tmp, `modele-${uai}.xlsx`);
      await are(
        "bilan",
        "modele",
        "--uai",
        uai,
        "--effectifs",
        path.join(OUT, "effectifs-2023.xlsx"),
        "--dotations",
        dotations,
        "--annee",
        "2023",
        "--out",
        modele,
      );
      await remplir(modele, path.join(OUT, `bilan-2023-${uai}.xlsx`), ACHATS[uai]);
      if (uai === "0781234T") {
        // The same bilan with the mistakes a filled bilan really shows, for « are bilan controle ».
        await remplir(modele, path.join(OUT, "bilan-avec-erreurs.xlsx"), ACHATS[uai], (sheet) => {
          const ligne = (valeurs) => sheet.addRow(valeurs);
          sheet.eachRow((row) => {
            if (String(row.getCell(2).value) === "50321405") row.getCell(6).value = "deux mille";
            if (String(row.getCell(2).value) === "32321401") {
              row.getCell(3).value = "pré-bac"; // BTSA charged to the pré-bac envelope
              row.getCell(5).value = 20; // above its effectif of 15
            }
          });
          ligne(["ST2S (BAC TECHNO)", "43033104", "pré-bac", null, 10, 500, EPI]);
          ligne(["JARDINIER PAYSAGISTE (CAPA)", "50321405", "pré-bac", 18, 18, -120, EPI]);
          ligne(["JARDINIER PAYSAGISTE (CAPA)", "50321405", "pré-bac", 18, 18, 300, "Voyage pédagogique"]);
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
