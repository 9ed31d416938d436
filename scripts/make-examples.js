#!/usr/bin/env node
// Generates the synthetic example files of examples/ (deterministic: same files on every run).
//   npm run build:core && node scripts/make-examples.js
// Three rectorat extractions as they really arrive — Paris in .xlsx, Créteil in .csv (Windows-1252,
// « ; »), Versailles in .xlsx with a title above the header — and one establishments file. UAIs are
// made up but carry valid check letters in the right departments; codes come from the annex list,
// plus non-eligible ones (ST2S, secrétariat, comptabilité…) and the messy rows a real paste brings.
"use strict";

const fs = require("fs");
const path = require("path");
const { Buffer } = require("buffer");
const ExcelJS = require("exceljs");
const rules = require("../build/rules");

const OUT = path.join(__dirname, "..", "examples");
const FIXED_DATE = new Date(Date.UTC(2024, 8, 16, 8, 0, 0));

// --- deterministic pseudo-random numbers (mulberry32) -------------------------------------------
function generator(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (list) => list[Math.floor(next() * list.length)],
    chance: (p) => next() < p,
    sample: (list, n) => {
      const copy = [...list];
      const out = [];
      while (out.length < n && copy.length > 0) out.push(copy.splice(Math.floor(next() * copy.length), 1)[0]);
      return out;
    },
  };
}
const random = generator(20240916);

// --- formations ----------------------------------------------------------------------------------
const catalogue = rules.CATALOGUES[0];
const formations = catalogue.formations;
const libelle = (code) => catalogue.get(code)?.libelle ?? NON_ELIGIBLES[code] ?? HORS_LISTE[code];
const byPrefix = (...prefixes) =>
  formations.filter((f) => prefixes.includes(f.code.slice(0, 3))).map((f) => f.code);
const CAP_BACPRO = byPrefix("500", "400", "401");
const BAC_TECHNO = ["43020010", "43020008", "43020009", "43033402", "43013403"];
const BTS = byPrefix("320");
const AGRICOLE = byPrefix("503", "403", "433", "323");
const PREPA_METIERS = "67010031";
/** Real kinds of codes outside the scheme (R2-R3), with their libellés. */
const NON_ELIGIBLES = {
  43033104: "ST2S SCIENCES ET TECHNOLOGIES DE LA SANTE ET DU SOCIAL (BAC TECHNO)",
  40032411: "ASSISTANCE A LA GESTION DES ORGANISATIONS ET DE LEURS ACTIVITES (BAC PRO)",
  32031408: "COMPTABILITE ET GESTION (BTS)",
  32032612: "SERVICES INFORMATIQUES AUX ORGANISATIONS (BTS)",
  50033211: "ACCOMPAGNANT EDUCATIF PETITE ENFANCE (CAP)",
  43031004: "STMG SCIENCES ET TECHNOLOGIES DU MANAGEMENT ET DE LA GESTION (BAC TECHNO)",
  "01025101": "MAINTENANCE DES INSTALLATIONS OLEOHYDRAULIQUES ET PNEUMATIQUES (MC)",
};
/** Well-formed eligible codes absent from the 2023-2024 list: they count with an alerte (R4). */
const HORS_LISTE = {
  40025214: "MAINTENANCE DES VEHICULES OPTION A VOITURES PARTICULIERES (BAC PRO)",
  32031214: "MANAGEMENT COMMERCIAL OPERATIONNEL - NOUVEAU REFERENTIEL (BTS)",
};

// --- establishments ------------------------------------------------------------------------------
const PERSONNES = [
  "Jean-Moulin",
  "Marie-Curie",
  "Louise-Michel",
  "Gustave-Eiffel",
  "Jules-Verne",
  "Simone-Veil",
  "Olympe-de-Gouges",
  "Victor-Hugo",
  "Paul-Éluard",
  "Jacques-Prévert",
  "George-Sand",
  "Camille-Claudel",
  "Pierre-Mendès-France",
  "Rosa-Parks",
  "Nelson-Mandela",
  "Léonard-de-Vinci",
  "Hélène-Boucher",
  "Albert-Camus",
  "Frédéric-Mistral",
  "Joséphine-Baker",
  "Aimé-Césaire",
  "Lucie-Aubrac",
  "Jean-Jaurès",
  "Germaine-Tillion",
  "Alexandre-Dumas",
  "Colette",
  "Marcel-Pagnol",
  "Berthe-Morisot",
  "Eugène-Delacroix",
  "Toussaint-Louverture",
  "Émile-Zola",
  "Gisèle-Halimi",
  "Antoine-Lavoisier",
  "Sophie-Germain",
  "Henri-Matisse",
  "Marguerite-Yourcenar",
  "Charles-Péguy",
  "Louis-Pasteur",
  "Irène-Joliot-Curie",
  "Paul-Langevin",
  "Jean-Monnet",
  "Édith-Piaf",
  "Boris-Vian",
  "Robert-Doisneau",
  "Claude-Monet",
  "Nadia-Boulanger",
  "Ambroise-Paré",
  "Denis-Diderot",
  "Évariste-Galois",
  "Marie-Laurencin",
  "Gaston-Bachelard",
  "Romain-Rolland",
  "Jean-Rostand",
  "Suzanne-Valadon",
  "Maurice-Ravel",
  "Niki-de-Saint-Phalle",
  "Hubertine-Auclert",
  "Frantz-Fanon",
  "Madeleine-Brès",
  "Blaise-Cendrars",
];

const DEPARTEMENTS = {
  paris: ["075"],
  creteil: ["077", "093", "094"],
  versailles: ["078", "091", "092", "095"],
};

const usedUai = new Set();
function uai(departement) {
  for (;;) {
    const digits = departement.slice(1) + String(random.int(0, 99999)).padStart(5, "0");
    const seven = "0" + digits.slice(0, 6);
    const code = seven + rules.lettreCleUai(seven);
    if (!usedUai.has(code)) {
      usedUai.add(code);
      return code;
    }
  }
}

let personne = 0;
function etablissement(academie, kind) {
  const departement = random.pick(DEPARTEMENTS[academie]);
  const nom = `${kind} ${PERSONNES[personne++ % PERSONNES.length]}`;
  return { uai: uai(departement), nom, kind, academie, lignes: [] };
}

/** Formation rows of one establishment: code, statut, année de formation, effectif. */
function formationsOf(e) {
  const rows = [];
  const add = (code, effectif, extra = {}) =>
    rows.push({ code, effectif, statut: "Scolaire", annee: 1, ...extra });
  const kind = e.kind;
  if (kind.startsWith("Lycée professionnel") || kind === "Lycée des métiers") {
    for (const code of random.sample(CAP_BACPRO, random.int(3, 6))) add(code, random.int(8, 36));
    if (random.chance(0.5)) add(PREPA_METIERS, random.int(12, 24));
  } else if (kind === "EREA") {
    for (const code of random.sample(byPrefix("500"), random.int(2, 4))) add(code, random.int(6, 14));
    add(PREPA_METIERS, random.int(8, 16));
  } else if (kind === "Lycée agricole") {
    for (const code of random.sample(AGRICOLE, random.int(3, 5))) add(code, random.int(10, 30));
  } else {
    for (const code of random.sample(BAC_TECHNO, random.int(1, 3))) add(code, random.int(24, 70));
    for (const code of random.sample(BTS, random.int(1, 3))) add(code, random.int(12, 35));
    if (random.chance(0.4)) add(random.pick(CAP_BACPRO), random.int(12, 30));
  }
  return rows;
}

const KINDS = {
  paris: ["Lycée professionnel", "Lycée polyvalent", "Lycée technologique", "Lycée des métiers"],
  creteil: ["Lycée professionnel", "Lycée polyvalent", "Lycée des métiers", "Lycée agricole", "EREA"],
  versailles: ["Lycée professionnel", "Lycée polyvalent", "Lycée technologique", "Lycée agricole", "EREA"],
};

function academie(name, count) {
  const list = [];
  for (let i = 0; i < count; i++) {
    const e = etablissement(name, KINDS[name][i % KINDS[name].length]);
    e.lignes = formationsOf(e);
    list.push(e);
  }
  return list;
}

const paris = academie("paris", 20);
const creteil = academie("creteil", 21);
const versailles = academie("versailles", 21);
const all = [...paris, ...creteil, ...versailles];

// Rows that are not counted, spread over the académies: non-eligible formations, apprentices,
// non-first-year rows — and one entrée directe, which counts.
paris[1].lignes.push({ code: "43033104", effectif: 35, statut: "Scolaire", annee: 1 });
paris[2].lignes.push({ code: "40032411", effectif: 24, statut: "Scolaire", annee: 1 });
paris[3].lignes.push({ code: paris[3].lignes[0].code, effectif: 9, statut: "Apprenti", annee: 1 });
paris[4].lignes.push({ code: paris[4].lignes[0].code, effectif: 22, statut: "Scolaire", annee: 2 });
paris[5].lignes.push({ code: "40025214", effectif: 15, statut: "Scolaire", annee: 1 });
creteil[1].lignes.push({ code: "32031408", effectif: 30, statut: "Scolaire", annee: 1 });
creteil[2].lignes.push({ code: "50033211", effectif: 18, statut: "Scolaire", annee: 1 });
creteil[4].lignes.push({ code: creteil[4].lignes[0].code, effectif: 12, statut: "Apprentissage", annee: 1 });
creteil[6].lignes.push({ code: "01025101", effectif: 10, statut: "Scolaire", annee: 1 });
versailles[1].lignes.push({ code: "43031004", effectif: 60, statut: "Scolaire", annee: 1 });
versailles[2].lignes.push({ code: "32032612", effectif: 28, statut: "Scolaire", annee: 1 });
versailles[3].lignes.push({
  code: versailles[3].lignes[0].code,
  effectif: 7,
  statut: "Contrat de professionnalisation",
  annee: 1,
});
versailles[5].lignes.push({ code: versailles[5].lignes[0].code, effectif: 19, statut: "Scolaire", annee: 2 });
versailles[6].lignes.push({
  code: versailles[6].lignes[0].code,
  effectif: 4,
  statut: "Scolaire",
  annee: 2,
  entreeDirecte: "oui",
});
versailles[7].lignes.push({ code: "32031214", effectif: 24, statut: "Scolaire", annee: 1 });

// --- writing -------------------------------------------------------------------------------------
function newWorkbook() {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "ARE — fichiers d'exemple synthétiques";
  workbook.created = FIXED_DATE;
  workbook.modified = FIXED_DATE;
  return workbook;
}

function styleHeader(row) {
  row.font = { bold: true };
  row.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } };
}

async function writeParis() {
  const workbook = newWorkbook();
  const ws = workbook.addWorksheet("Effectifs 2023");
  const header = [
    "UAI",
    "Nom de l'établissement",
    "Code formation diplôme",
    "Libellé formation",
    "Statut",
    "Année de formation",
    "Effectif",
  ];
  styleHeader(ws.addRow(header));
  const rows = [];
  for (const e of paris) {
    for (const l of e.lignes)
      rows.push([e.uai, e.nom, l.code, libelle(l.code), l.statut, l.annee, l.effectif]);
  }
  rows.forEach((row, i) => {
    ws.addRow(row);
    // A second paste brought its header row along.
    if (i === 40) styleHeader(ws.addRow(header));
  });
  // Messy rows: a MEF code instead of the code formation diplôme, a decimal effectif, an effectif
  // still waiting for its VLOOKUP (#N/A), and a row pasted twice.
  const e = paris[8];
  ws.addRow([e.uai, e.nom, "24025212210", "MAINTENANCE DES VEHICULES (MEF)", "Scolaire", 1, 14]);
  ws.addRow([
    e.uai,
    e.nom,
    "50025216",
    "MAINTENANCE DES VEHICULES OPTION VOITURES PARTICULIERES (CAP)",
    "Scolaire",
    1,
    12.5,
  ]);
  const na = ws.addRow([paris[9].uai, paris[9].nom, "50022137", libelle("50022137"), "Scolaire", 1, null]);
  na.getCell(7).value = {
    formula: "VLOOKUP(C" + na.number + ",Feuil2!A:B,2,FALSE)",
    result: { error: "#N/A" },
  };
  ws.addRow(rows[3]);
  let sum = 0;
  ws.eachRow((row) => {
    const value = row.getCell(7).value;
    if (typeof value === "number") sum += value;
  });
  const total = ws.addRow([
    "Total",
    null,
    null,
    null,
    null,
    null,
    { formula: `SUM(G2:G${ws.rowCount})`, result: sum },
  ]);
  total.font = { bold: true };
  ws.columns.forEach((column, i) => (column.width = [11, 34, 14, 60, 14, 10, 10][i]));
  await workbook.xlsx.writeFile(path.join(OUT, "effectifs-paris.xlsx"));
}

function encodeWindows1252(text) {
  const table = { "€": 0x80, "’": 0x92, œ: 0x9c, Œ: 0x8c, "–": 0x96, "—": 0x97, "…": 0x85 };
  const bytes = [];
  for (const ch of text) {
    const code = ch.codePointAt(0);
    if (code < 0x100) bytes.push(code);
    else if (table[ch] !== undefined) bytes.push(table[ch]);
    else throw new Error(`caractère ${ch} absent de Windows-1252`);
  }
  return Buffer.from(bytes);
}

function csvField(value) {
  if (value === null || value === undefined) return "";
  const text = typeof value === "number" ? String(value).replace(".", ",") : String(value);
  return /[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function writeCreteil() {
  const lines = [
    ["RNE", "Établissement", "Code diplôme", "Libellé", "Statut", "Année formation", "Effectifs 1ère année"],
  ];
  for (const e of creteil) {
    for (const l of e.lignes)
      lines.push([e.uai, e.nom, l.code, libelle(l.code), l.statut, l.annee, l.effectif]);
  }
  const e = creteil[10];
  // Messy rows: a text effectif, an #N/A copied as text, a row without UAI, a duplicated row.
  lines.push([
    e.uai,
    e.nom,
    "50025216",
    "MAINTENANCE DES VEHICULES OPTION VOITURES PARTICULIERES (CAP)",
    "Scolaire",
    1,
    "NC",
  ]);
  lines.push([creteil[11].uai, creteil[11].nom, "40031211", libelle("40031211"), "Scolaire", 1, "#N/A"]);
  lines.push([null, "Lycée (UAI à compléter)", "50022139", libelle("50022139"), "Scolaire", 1, 12]);
  lines.push(lines[5]);
  const text = lines.map((row) => row.map(csvField).join(";")).join("\r\n") + "\r\n";
  fs.writeFileSync(path.join(OUT, "effectifs-creteil.csv"), encodeWindows1252(text));
}

async function writeVersailles() {
  const workbook = newWorkbook();
  const ws = workbook.addWorksheet("Extraction");
  ws.getCell("A1").value = "Académie de Versailles — effectifs de première année, rentrée 2023";
  ws.mergeCells("A1:H1");
  ws.getCell("A1").font = { bold: true, size: 14 };
  ws.getCell("A2").value = "Extraction du 16/09/2024 — effectifs constatés";
  ws.addRow([]);
  const header = [
    "N° UAI",
    "Nom établissement",
    "CFD",
    "Libellé formation",
    "Statut élève",
    "Année de formation",
    "Entrée directe",
    "Nb élèves",
  ];
  styleHeader(ws.addRow(header));
  const byDepartement = new Map();
  for (const e of versailles) {
    const dep = e.uai.slice(0, 3);
    if (!byDepartement.has(dep)) byDepartement.set(dep, []);
    byDepartement.get(dep).push(e);
  }
  for (const [dep, list] of [...byDepartement.entries()].sort()) {
    const first = ws.rowCount + 1;
    for (const e of list) {
      for (const l of e.lignes) {
        ws.addRow([
          e.uai,
          e.nom,
          l.code,
          libelle(l.code),
          l.statut,
          l.annee,
          l.entreeDirecte ?? null,
          l.effectif,
        ]);
      }
    }
    const last = ws.rowCount;
    const sum = list.flatMap((e) => e.lignes).reduce((s, l) => s + l.effectif, 0);
    const subtotal = ws.addRow([
      `Sous-total ${dep.slice(1)}`,
      null,
      null,
      null,
      null,
      null,
      null,
      { formula: `SUBTOTAL(9,H${first}:H${last})`, result: sum },
    ]);
    subtotal.font = { bold: true };
  }
  ws.columns.forEach((column, i) => (column.width = [11, 34, 11, 60, 16, 10, 10, 10][i]));
  await workbook.xlsx.writeFile(path.join(OUT, "effectifs-versailles.xlsx"));
}

/** Envelope pré-bac of an establishment (3PM + pré-bac), to place some reliquats above it. */
function enveloppePreBac(e) {
  let total = 0;
  for (const l of e.lignes) {
    if (l.statut !== "Scolaire" || (l.annee !== 1 && !l.entreeDirecte)) continue;
    const f = catalogue.get(l.code);
    if (!f) continue;
    if (f.categorie === "PREPA_METIERS") total += 56 * l.effectif;
    else if (f.categorie === "PRE_BAC") total += 157 * l.effectif;
  }
  return total;
}

async function writeEtablissements() {
  const workbook = newWorkbook();
  const ws = workbook.addWorksheet("Établissements");
  styleHeader(
    ws.addRow([
      "UAI",
      "Nom de l'établissement",
      "Taux de boursiers",
      "Nb boursiers",
      "Effectif total",
      "Reliquat pré-bac",
      "Reliquat post-bac",
      "Réponse à l'enquête",
    ]),
  );
  const nonRepondants = new Set([paris[6].uai, versailles[9].uai]);
  const reliquatsAuDessus = new Set([paris[10].uai, creteil[3].uai, versailles[11].uai]);
  // One establishment with BTS students and no taux: its post-bac line cannot be computed (R8).
  const sansTaux = creteil.slice(5).find((e) => e.lignes.some((l) => l.code.startsWith("32")));
  // One taux typed as text with its percent sign.
  const tauxTexte = versailles.slice(3).find((e) => e.lignes.some((l) => l.code.startsWith("32")));
  const sorted = [...all].sort((a, b) => (a.uai < b.uai ? -1 : 1));
  sorted.forEach((e, i) => {
    const hasPostBac = e.lignes.some((l) => l.code.startsWith("32"));
    let taux = null;
    let boursiers = null;
    let effectifTotal = null;
    if (hasPostBac || random.chance(0.3)) {
      if (i % 3 === 0) {
        effectifTotal = random.int(400, 1400);
        boursiers = Math.round(effectifTotal * (random.int(15, 55) / 100));
      } else {
        taux = random.int(15, 55) / 100;
      }
    }
    if (e === sansTaux) taux = boursiers = effectifTotal = null;
    if (e === tauxTexte) {
      taux = "38 %";
      boursiers = effectifTotal = null;
    }
    let reliquatPreBac = random.chance(0.4) ? random.int(0, 300000) / 100 : 0;
    let reliquatPostBac = hasPostBac && random.chance(0.3) ? random.int(0, 80000) / 100 : 0;
    if (reliquatsAuDessus.has(e.uai)) reliquatPreBac = enveloppePreBac(e) + 845.3;
    const row = ws.addRow([
      e.uai,
      e.nom,
      taux,
      boursiers,
      effectifTotal,
      reliquatPreBac,
      reliquatPostBac,
      nonRepondants.has(e.uai) ? "non" : "oui",
    ]);
    row.getCell(3).numFmt = "0%";
    row.getCell(6).numFmt = '#,##0.00 "€"';
    row.getCell(7).numFmt = '#,##0.00 "€"';
  });
  ws.columns.forEach((column, i) => (column.width = [11, 34, 12, 12, 12, 16, 16, 14][i]));
  ws.views = [{ state: "frozen", ySplit: 1 }];
  await workbook.xlsx.writeFile(path.join(OUT, "etablissements.xlsx"));
}

async function mainGenerate() {
  fs.mkdirSync(OUT, { recursive: true });
  await writeParis();
  writeCreteil();
  await writeVersailles();
  await writeEtablissements();
  const rows = all.reduce((s, e) => s + e.lignes.length, 0);
  console.log(
    `examples/ : ${all.length} établissements, ${rows} lignes de formation (hors lignes parasites).`,
  );
}

mainGenerate().catch((error) => {
  console.error(error);
  process.exit(1);
});
