/**
 * Output sheets to write in the writer's tests: the real ones the commands produce on examples/
 * (captured as `FileWorkbook.save` receives them), and edge cases built by hand.
 */
import * as path from "path";
import { TYPES_EQUIPEMENT } from "../../src/rules";
import type { OutputSheet } from "../../src/workbook/port";
import { FileWorkbook, type NamedOutput } from "../../src/xlsx";
import { run } from "../cli/run";
import { DEMO_ARGS, EXAMPLES, PARIS } from "../cli/examples";

export interface Classeur {
  /** What the workbook is, for the test names. */
  readonly nom: string;
  readonly sorties: readonly NamedOutput[];
}

const BILANS = path.join(EXAMPLES, "bilans");

/** A command of `are` writing a workbook with --out, on the examples. */
export interface Commande {
  readonly nom: string;
  /** Its arguments, but --out; `dir` holds the files written by the commands before it. */
  readonly argv: (dir: string) => string[];
}

/**
 * The commands whose workbooks are compared: dotations (constats + dotations), a bilan template (a
 * form with fields and drop-down lists), a bilan's check, reliquats, a request for a dotation
 * complémentaire, a sheet's check. In this order: the template reads the dotations of 2023-2024.
 */
export const COMMANDES: readonly Commande[] = [
  {
    nom: "dotations 2024-2025 des trois académies",
    argv: () => [...DEMO_ARGS],
  },
  {
    nom: "dotations 2023-2024 des bilans",
    argv: () => [
      "dotations",
      path.join(BILANS, "effectifs-2023.xlsx"),
      "--etablissements",
      path.join(BILANS, "etablissements-2023.xlsx"),
      "--annee",
      "2023",
    ],
  },
  {
    nom: "modèle de bilan (formulaire, listes déroulantes)",
    argv: (dir) => [
      "bilan",
      "modele",
      "--uai",
      "0751234J",
      "--effectifs",
      path.join(BILANS, "effectifs-2023.xlsx"),
      "--dotations",
      path.join(dir, fichierDe("dotations 2023-2024 des bilans")),
      "--annee",
      "2023",
    ],
  },
  {
    nom: "contrôle d'un bilan mal rempli",
    argv: () => ["bilan", "controle", path.join(BILANS, "bilan-avec-erreurs.xlsx")],
  },
  {
    nom: "reliquats",
    argv: () => [
      "reliquats",
      ...["0751234J", "0781234T", "0931234L"].map((uai) => path.join(BILANS, `bilan-2023-${uai}.xlsx`)),
      "--etablissements",
      path.join(BILANS, "etablissements-2023.xlsx"),
    ],
  },
  {
    nom: "demande de dotation complémentaire",
    argv: () => ["complementaire", path.join(BILANS, "demande-complementaire.xlsx"), "--annee", "2024"],
  },
  { nom: "contrôle d'une feuille d'effectifs", argv: () => ["controle", PARIS] },
];

function fichierDe(nom: string): string {
  return `${nom.split(" (")[0].replace(/[^a-z0-9]+/gi, "-")}.xlsx`;
}

/**
 * Runs the commands in-process (test/cli/run.ts) and keeps the output sheets each one hands to
 * `FileWorkbook.save`, by name of command. The files are written in `dir` as usual.
 */
export async function classeursDesCommandes(dir: string): Promise<Map<string, Classeur>> {
  const captures: NamedOutput[][] = [];
  const save = FileWorkbook.prototype.save;
  const espion = jest.spyOn(FileWorkbook.prototype, "save").mockImplementation(async function (
    this: FileWorkbook,
    target: string,
    now?: Date,
  ) {
    captures.push([...this.writtenSheets()]);
    return save.call(this, target, now);
  });
  const classeurs = new Map<string, Classeur>();
  try {
    for (const { nom, argv } of COMMANDES) {
      const avant = captures.length;
      const resultat = await run([...argv(dir), "--out", path.join(dir, fichierDe(nom))]);
      if (captures.length !== avant + 1) {
        throw new Error(`« ${nom} » n'a pas écrit de classeur (code ${resultat.code}) : ${resultat.stderr}`);
      }
      classeurs.set(nom, { nom, sorties: captures[captures.length - 1] });
    }
  } finally {
    espion.mockRestore();
  }
  return classeurs;
}

const LONG_TEXT = "Explication très longue. ".repeat(1600); // 40 000 caractères

/** Edge cases: every kind of value, awkward texts and names, empty results, wide tables. */
export const CAS_LIMITES: OutputSheet = {
  name: `Élèves & "tests" <1> l'été`,
  heading: ["Cas limites — écriture & lecture <xlsx>", "  espaces aux deux bouts  ", ""],
  columns: [
    { header: "Texte & <balises> \"guillemets\" 'apostrophes'", format: "text" },
    { header: "Montant", format: "euros" },
    { header: "montant", format: "decimal" },
    { header: "   ", format: "integer" },
    { header: "Taux", format: "percent", width: 120 },
    { header: "Code", format: "text", width: 11 },
  ],
  rows: [
    ['=HYPERLINK("http://exemple.invalid","clic")', 1234.5, 0.1, 3, 0.0631, 50022137],
    ["+cmd|' /C calc'!A0", "157.00", "-0.5", "12,5", "0.25", "0750655E"],
    ["@SOMME(A1:A3)", 1e308, -1.5e300, 123456789012345680, 5e-324, 1e21],
    ["-2+3", -0, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -7],
    [
      "contrôle\u0001\u0007\u001f supprimés\u000b\u000c",
      { error: "#N/A" },
      { error: "#DIV/0!" },
      { error: "#NAME?" },
      { error: "#SPILL!" },
      { error: "#REF!" },
    ],
    [LONG_TEXT, true, false, null, null, true],
    ["ligne\nà la ligne\tet tabulation", "", " ", "n/a", "1e5", "007"],
    ["émoji 😀 et « guillemets » — tiret … fin", 0, 1, 2],
    ["  espaces autour  ", 99.999, 0.005, 1000000, 1, "  "],
  ],
  totals: ["Total", 1391.5, null, 3, null, { error: "#VALUE!" }],
};

/** A result without any row (the table keeps one blank row), with its totals row. */
export const SANS_LIGNE: OutputSheet = {
  name: "Aucun résultat",
  heading: ["Aucun résultat"],
  columns: [
    { header: "UAI", format: "text" },
    { header: "Dotation", format: "euros" },
  ],
  rows: [],
  totals: ["Total", 0],
};

/** No heading: the header is in row 1, frozen below it. */
export const SANS_TITRE: OutputSheet = {
  name: "Sans titre",
  heading: [],
  columns: [{ header: "Seule colonne", format: "integer" }],
  rows: [[1], [2], [null]],
  totals: null,
};

/** 30 columns: references beyond Z (AA, AB…). */
export const LARGE: OutputSheet = {
  name: "Trente colonnes",
  heading: ["Trente colonnes"],
  columns: Array.from({ length: 30 }, (_, j) => ({
    header: `Colonne ${j + 1}`,
    format: (["text", "integer", "euros", "percent", "decimal"] as const)[j % 5],
  })),
  rows: Array.from({ length: 12 }, (_, i) =>
    Array.from({ length: 30 }, (_, j) => (j % 5 === 0 ? `t${i}-${j}` : i * 30 + j)),
  ),
  totals: Array.from({ length: 30 }, (_, j) => (j === 0 ? "Total" : j % 5 === 0 ? null : 1000 + j)),
};

/**
 * A form whose lists of choices are longer than its heading and fields: the hidden choices then
 * share rows with the header and the data rows, and go below the table.
 */
export const FORMULAIRE_LISTES_LONGUES: OutputSheet = {
  name: "Formulaire & listes",
  heading: ["Bilan <test>"],
  fields: [
    { label: "UAI", value: "0750655E", format: "text" },
    { label: "Dotation reçue", value: 7949.5, format: "euros" },
    { label: "Taux", value: "0.35", format: "percent" },
    { label: "Vide", value: null, format: "integer" },
  ],
  columns: [
    { header: "Formation", format: "text", width: 40 },
    { header: "Type d'équipement", format: "text", choices: TYPES_EQUIPEMENT },
    { header: "Montant", format: "euros" },
    {
      header: "Lettre",
      format: "text",
      choices: Array.from(
        { length: 14 },
        (_, i) => `Choix ${String.fromCharCode(65 + i)}, « ${i} » & <${i}>`,
      ),
    },
  ],
  rows: [
    ["BOULANGER (CAP)", null, null, null],
    ["ELECTROTECHNIQUE (BTS)", TYPES_EQUIPEMENT[2], 1500.25, "Choix B, « 1 » & <1>"],
  ],
  totals: null,
};

/** The hand-built workbooks: each edge case on its own, then all together. */
export const CLASSEURS_LIMITES: readonly Classeur[] = [
  { nom: "cas limites de valeurs et de noms", sorties: [{ name: CAS_LIMITES.name, sheet: CAS_LIMITES }] },
  {
    nom: "résultat vide, sans titre, trente colonnes, formulaire à longues listes",
    sorties: [SANS_LIGNE, SANS_TITRE, LARGE, FORMULAIRE_LISTES_LONGUES].map((sheet) => ({
      name: sheet.name,
      sheet,
    })),
  },
];
