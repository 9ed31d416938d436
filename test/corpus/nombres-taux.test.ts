/**
 * Corpus des nombres et des taux (issue 11 points 3, 4 et 8) : chaque façon d'écrire un nombre ou un
 * taux de boursiers a un cas nommé, avec le constat attendu et les montants calculés à la main avec
 * les forfaits 2024-2025 (157 € pré-bac, 157 € post-bac par boursier ; arrêté n° 2023-087 indexé,
 * page « Dotation budgétaire »). Aucun nombre n'est jamais tronqué : « 12,5 » n'est jamais 12, ni
 * « 1 234 » 1. La table est reprise dans docs/security.md (un test vérifie que chaque cas y figure).
 */
import * as fs from "fs";
import * as path from "path";
import { Parametres } from "../../src/rules";
import { MemoryWorkbook } from "../../src/workbook/memory";
import type { CellValue } from "../../src/workbook/port";
import { calculerDotations } from "../../src/workflows";
import { run } from "../cli/run";
import { removeDir, tempDir } from "../xlsx/helpers";
import { FEUILLE_XML, xlsxFaitMain } from "./fabrique";
import { readXlsxWithExcelJS } from "../../src/xlsx";

const UAI = "0750655E";
/** BTS MANAGEMENT COMMERCIAL OPERATIONNEL (32031213), post-bac in the annex. */
const BTS = "32031213";
/** BOULANGER (CAP), pré-bac in the annex. */
const CAP = "50022137";
const E: CellValue[] = ["UAI", "Code diplôme", "Effectif"];
const ET: CellValue[] = ["UAI", "Taux de boursiers", "Reliquat pré-bac"];

interface Attendu {
  /** Code of the constat expected; null: no constat at all. */
  readonly constat?: string | null;
  readonly message?: RegExp;
  /**
   * Nette pré-bac and post-bac of 0750655E, in euros with two decimals (computed by hand), or
   * « non calculée » for an envelope left uncomputed (null in the JSON).
   */
  readonly preBac?: string;
  readonly postBac?: string;
  readonly comptees?: number;
  /** `are` exit code and stderr (command-line cases). */
  readonly sortie?: 0 | 1 | 2;
}

type Entree =
  | { readonly effectifs: CellValue[][]; readonly etablissements: CellValue[][] }
  | { readonly fichier: string; readonly octets: () => Buffer | Promise<Buffer> }
  | { readonly commande: readonly string[] }
  /** .csv files given to `are dotations` (the establishments one with --etablissements). */
  | { readonly csv: { readonly effectifs: string; readonly etablissements?: string } };

interface Cas {
  readonly nom: string;
  readonly entree: Entree;
  readonly attendu: Attendu;
}

/** 200 first-year BTS students at 0750655E, with the establishment's taux written as `taux`. */
const bts200 = (taux: CellValue): Entree => ({
  effectifs: [E, [UAI, BTS, 200]],
  etablissements: [ET, [UAI, taux, null]],
});
/** `effectif` first-year BTS students at 0750655E, taux written as `taux`. */
const bts = (effectif: number, taux: CellValue): Entree => ({
  effectifs: [E, [UAI, BTS, effectif]],
  etablissements: [ET, [UAI, taux, null]],
});
/** 0750655E's CAP students written as `effectif`, plus a reliquat pré-bac written as `reliquat`. */
const cap = (effectif: CellValue, reliquat: CellValue = null, autres: CellValue[][] = []): Entree => ({
  effectifs: [E, [UAI, CAP, effectif], ...autres],
  etablissements: [ET, [UAI, "35 %", reliquat]],
});

/** 10 CAP BOULANGER and 20 BTS students at 0750655E, in a comma-separated .csv. */
const CSV_CAP_BTS = `UAI,Code diplôme,Effectif\r\n${UAI},${CAP},10\r\n${UAI},${BTS},20\r\n`;
/** The establishments .csv of 0750655E: header, then its line as written in the file. */
const csvEtablissement = (separateur: string, ligne: string) =>
  ["UAI", "Réponse à l'enquête", "Reliquat pré-bac", "Taux de boursiers"].join(separateur) +
  `\r\n${UAI}${separateur}${ligne}\r\n`;

/** A one-sheet .xlsx whose effectif cell is a number cell (no t attribute) holding `brut`. */
const xlsxNombreTexte = (brut: string) => () =>
  xlsxFaitMain(
    FEUILLE_XML(
      '<row r="1"><c r="A1" t="inlineStr"><is><t>UAI</t></is></c><c r="B1" t="inlineStr"><is><t>Code diplôme</t></is></c><c r="C1" t="inlineStr"><is><t>Effectif</t></is></c></row>' +
        `<row r="2"><c r="A2" t="inlineStr"><is><t>${UAI}</t></is></c><c r="B2" t="inlineStr"><is><t>${CAP}</t></is></c><c r="C2"><v>${brut}</v></c></row>`,
    ),
  );

/** A one-sheet .xlsx: 24 CAP students at 0750655E, and a note in D2, right of the header's last column. */
const xlsxNoteADroite = () =>
  xlsxFaitMain(
    FEUILLE_XML(
      '<row r="1"><c r="A1" t="inlineStr"><is><t>UAI</t></is></c><c r="B1" t="inlineStr"><is><t>Code diplôme</t></is></c><c r="C1" t="inlineStr"><is><t>Effectif</t></is></c></row>' +
        `<row r="2"><c r="A2" t="inlineStr"><is><t>${UAI}</t></is></c><c r="B2" t="inlineStr"><is><t>${CAP}</t></is></c><c r="C2"><v>24</v></c><c r="D2"><v>5</v></c></row>`,
    ),
  );

export const CORPUS_NOMBRES: readonly Cas[] = [
  // —— Taux de boursiers (R8, Décision regles.md#dotation.taux-boursiers-lecture : [0, 1[ fraction, ]1, 100] pourcentage, 1 ambigu) ——
  {
    nom: "taux de boursiers 1 : compté 100 %, alerte nommant 100 % et 1 %",
    entree: bts200(1),
    // 200 × 100 % = 200 boursiers × 157 € = 31 400 €.
    attendu: { constat: "taux-ambigu", message: /100 % .* ou 1 % .* compté pour 100 %/, postBac: "31400.00" },
  },
  {
    nom: "taux de boursiers « 1 » en texte : la même alerte",
    entree: bts200("1"),
    attendu: { constat: "taux-ambigu", postBac: "31400.00" },
  },
  {
    nom: "taux de boursiers « 100 % » : 100 %, sans alerte",
    entree: bts200("100 %"),
    attendu: { constat: null, postBac: "31400.00" },
  },
  {
    // 200 × 1 % = 2 boursiers × 157 € = 314 €.
    nom: "taux de boursiers « 1 % » : 1 %, sans alerte",
    entree: bts200("1 %"),
    attendu: { constat: null, postBac: "314.00" },
  },
  // 200 × 35 % = 70 boursiers × 157 € = 10 990 €, quelle que soit l'écriture.
  {
    nom: "taux de boursiers « 35 % »",
    entree: bts200("35 %"),
    attendu: { constat: null, postBac: "10990.00" },
  },
  {
    nom: "taux de boursiers « 35,0 % »",
    entree: bts200("35,0 %"),
    attendu: { constat: null, postBac: "10990.00" },
  },
  {
    nom: "taux de boursiers « 0,35 » en texte",
    entree: bts200("0,35"),
    attendu: { constat: null, postBac: "10990.00" },
  },
  {
    nom: "taux de boursiers 0,35 (nombre)",
    entree: bts200(0.35),
    attendu: { constat: null, postBac: "10990.00" },
  },
  {
    nom: "taux de boursiers 35 (pourcentage sans son signe)",
    entree: bts200(35),
    attendu: { constat: null, postBac: "10990.00" },
  },
  {
    // 200 × 1,5 % = 3 boursiers × 157 € = 471 €.
    nom: "taux de boursiers 1,5 : 1,5 %, pas 150 %",
    entree: bts200(1.5),
    attendu: { constat: null, postBac: "471.00" },
  },
  {
    // 200 × 1,0000001 % = 2,0000002 → 2 boursiers × 157 € = 314 €.
    nom: "taux de boursiers 1,0000001 : 1,0000001 %",
    entree: bts200(1.0000001),
    attendu: { constat: null, postBac: "314.00" },
  },
  {
    // 200 × 99,5 % = 199 boursiers × 157 € = 31 243 €.
    nom: "taux de boursiers 0,995 : une fraction",
    entree: bts200(0.995),
    attendu: { constat: null, postBac: "31243.00" },
  },
  // A taux computed in Excel (« =B2/C2 », or its value cached in a file) is the double nearest to the
  // ratio: 50/300 is 0.16666666666666666, and 21 × it is 3.49999999999999986, not 3,5.
  {
    // 21 × 50/300 = 21 × 1/6 = 3,5 → 4 boursiers (demi vers le haut) × 157 € = 628 €.
    nom: "taux de boursiers =50/300 calculé par Excel : 21 × 1/6 = 3,5 → 4, jamais 3",
    entree: bts(21, 50 / 300),
    attendu: { constat: null, postBac: "628.00" },
  },
  {
    // 45 × 100/600 = 7,5 → 8 boursiers × 157 € = 1 256 €.
    nom: "taux de boursiers =100/600 calculé par Excel : 45 × 1/6 = 7,5 → 8",
    entree: bts(45, 100 / 600),
    attendu: { constat: null, postBac: "1256.00" },
  },
  {
    // 21 × 250/300 = 21 × 5/6 = 17,5 → 18 boursiers × 157 € = 2 826 € (le double de 5/6 est au-dessus).
    nom: "taux de boursiers =250/300 calculé par Excel : 21 × 5/6 = 17,5 → 18",
    entree: bts(21, 250 / 300),
    attendu: { constat: null, postBac: "2826.00" },
  },
  {
    // 30 × 220 / 1 200 = 5,5 → 6 boursiers × 157 € = 942 € (une division décimale à 40 chiffres
    // donnait 5,4999… → 5).
    nom: "boursiers et effectif total 220 / 1 200, 30 élèves de BTS : 5,5 → 6",
    entree: {
      effectifs: [E, [UAI, BTS, 30]],
      etablissements: [
        ["UAI", "Nombre de boursiers", "Effectif total"],
        [UAI, 220, 1200],
      ],
    },
    attendu: { constat: null, postBac: "942.00" },
  },
  { nom: "taux de boursiers -0 : 0 %", entree: bts200(-0), attendu: { constat: null, postBac: "0.00" } },
  {
    nom: "taux de boursiers « -0 » en texte : 0 %",
    entree: bts200("-0"),
    attendu: { constat: null, postBac: "0.00" },
  },
  {
    nom: "taux de boursiers 150 : erreur, pas de ligne post-bac",
    entree: bts200(150),
    attendu: { constat: "taux-illisible", message: /150 % invalide/ },
  },
  {
    nom: "taux de boursiers -0,2 : erreur",
    entree: bts200(-0.2),
    attendu: { constat: "taux-illisible", message: /invalide/ },
  },
  {
    nom: "taux de boursiers « 35 %% » : illisible",
    entree: bts200("35 %%"),
    attendu: { constat: "taux-illisible", message: /illisible/ },
  },

  // —— Effectifs écrits en texte : le lecteur unique, jamais de troncature ——
  {
    // La ligne à 24 compte : 24 × 157 € = 3 768 € ; « 12,5 » est écartée, jamais lue 12.
    nom: "effectif « 12,5 » en texte : non entier, jamais 12",
    entree: cap(24, null, [[UAI, CAP, "12,5"]]),
    attendu: { constat: "effectif-decimal", message: /« 12,5 » non entier/, comptees: 1, preBac: "3768.00" },
  },
  {
    // 1 234 × 157 € = 193 738 €.
    nom: "effectif « 1 234 » en texte : 1 234 élèves, jamais 1",
    entree: cap("1 234"),
    attendu: { constat: null, comptees: 1, preBac: "193738.00" },
  },
  {
    nom: "effectif « 1\u202f234 » (espace fine insécable) : 1 234 élèves",
    entree: cap("1\u202f234"),
    attendu: { constat: null, comptees: 1, preBac: "193738.00" },
  },
  {
    nom: "effectif « 1'234 » (apostrophe) : 1 234 élèves",
    entree: cap("1'234"),
    attendu: { constat: null, comptees: 1, preBac: "193738.00" },
  },
  {
    nom: "effectif « 1.234 » : ambigu, refusé plutôt que deviné",
    entree: cap("1.234", null, [[UAI, CAP, 24]]),
    attendu: { constat: "effectif-texte", message: /ambigu/, comptees: 1, preBac: "3768.00" },
  },
  {
    nom: "effectif « 1 23 » (mauvais groupement) : illisible, jamais 123",
    entree: cap("1 23", null, [[UAI, CAP, 24]]),
    attendu: { constat: "effectif-texte", comptees: 1, preBac: "3768.00" },
  },
  {
    nom: "effectif « 24 % » : illisible",
    entree: cap("24 %", null, [[UAI, CAP, 24]]),
    attendu: { constat: "effectif-texte", comptees: 1, preBac: "3768.00" },
  },

  {
    // Décision regles.md#lecture.effectif-tiret : jamais lu 0 sans le dire, jamais perdu. La ligne à 24
    // compte : 24 × 157 € = 3 768 €.
    nom: "effectif « - » ou « – » (tiret) : illisible, ligne écartée et nommée, jamais perdue",
    entree: cap(24, null, [
      [UAI, "50022141", "-"],
      [UAI, "50022139", "\u2013"],
    ]),
    attendu: {
      constat: "effectif-texte",
      message: /« - » illisible[^]*« – » illisible/,
      comptees: 1,
      preBac: "3768.00",
    },
  },

  // —— Effectifs calculés par une formule : le bruit binaire (Décision regles.md#lecture.effectif-bruit-formule) ——
  // =0,1*240 donne 24,000000000000004 en virgule flottante : 24 élèves, pas une ligne écartée.
  {
    // 24 × 157 € = 3 768,00 € (avant : ligne écartée « non entier », 0,00 €).
    nom: "effectif =0,1*240 calculé (24,000000000000004) : 24 élèves, pas une erreur",
    entree: cap(24.000000000000004),
    attendu: { constat: null, comptees: 1, preBac: "3768.00" },
  },
  {
    nom: "effectif calculé 23,999999999999996 : 24 élèves",
    entree: cap(23.999999999999996),
    attendu: { constat: null, comptees: 1, preBac: "3768.00" },
  },
  {
    // Seule la ligne à 24 compte : 24 × 157 € = 3 768,00 €.
    nom: "effectif calculé 24,5 : toujours non entier, jamais 24 ni 25",
    entree: cap(24.5, null, [[UAI, CAP, 24]]),
    attendu: { constat: "effectif-decimal", message: /« 24,5 » non entier/, comptees: 1, preBac: "3768.00" },
  },
  {
    // 30 × 220 / 1 200 = 5,5 → 6 boursiers × 157 € = 942,00 € (avant : taux illisible, post-bac non calculé).
    nom: "boursiers calculés 220,00000000000003 et effectif total 1 200 : 30 × 220 / 1 200 = 5,5 → 6",
    entree: {
      effectifs: [E, [UAI, BTS, 30]],
      etablissements: [
        ["UAI", "Nombre de boursiers", "Effectif total"],
        [UAI, 220.00000000000003, 1200],
      ],
    },
    attendu: { constat: null, postBac: "942.00" },
  },

  {
    // 24 × 157 € = 3 768,00 € (avant : ligne écartée « année de formation illisible », 0,00 €).
    nom: "année de formation calculée 1,0000000000000002 : première année, 24 élèves comptés",
    entree: {
      effectifs: [
        ["UAI", "Code diplôme", "Année de formation", "Effectif"],
        [UAI, CAP, 1.0000000000000002, 24],
      ],
      etablissements: [ET, [UAI, "35 %", null]],
    },
    attendu: { constat: null, comptees: 1, preBac: "3768.00" },
  },
  {
    nom: "année de formation 1,5 : toujours illisible, jamais 1 ni 2",
    entree: {
      effectifs: [
        ["UAI", "Code diplôme", "Année de formation", "Effectif"],
        [UAI, CAP, 1.5, 24],
      ],
      etablissements: [ET, [UAI, "35 %", null]],
    },
    attendu: { constat: "annee-formation-illisible", comptees: 0 },
  },

  // —— Reliquats : 24 × 157 € = 3 768 € − reliquat ——
  {
    nom: "reliquat « 1 234,56 € » : 3 768 € − 1 234,56 € = 2 533,44 €",
    entree: cap(24, "1 234,56 €"),
    attendu: { constat: null, preBac: "2533.44" },
  },
  {
    nom: "reliquat « 1'234.56 » : 2 533,44 €",
    entree: cap(24, "1'234.56"),
    attendu: { constat: null, preBac: "2533.44" },
  },
  {
    nom: "reliquat « 1.234,56 » : 2 533,44 €",
    entree: cap(24, "1.234,56"),
    attendu: { constat: null, preBac: "2533.44" },
  },
  {
    nom: "reliquat « 1,234 » : ambigu, refusé",
    entree: cap(24, "1,234"),
    attendu: { constat: "reliquat-illisible", message: /ambigu/ },
  },

  // —— Fichiers : la lecture rapide et le CSV gardent le texte pour le lecteur unique ——
  {
    nom: "xlsx : cellule nombre contenant « 12,5 » : non entier, jamais 12",
    entree: { fichier: "nombre-12-5.xlsx", octets: xlsxNombreTexte("12,5") },
    attendu: { constat: "effectif-decimal", message: /12,5/, comptees: 0 },
  },
  {
    nom: "xlsx : cellule nombre contenant « 1 234 » : 1 234 élèves, jamais 1",
    entree: { fichier: "nombre-1-234.xlsx", octets: xlsxNombreTexte("1 234") },
    attendu: { constat: null, comptees: 1 },
  },
  {
    nom: "xlsx : effectif 24,000000000000004 (valeur d'une formule) : 24 élèves",
    entree: { fichier: "bruit-formule.xlsx", octets: xlsxNombreTexte("24.000000000000004") },
    attendu: { constat: null, comptees: 1 },
  },
  {
    // Un .csv écrit par un programme garde les 17 chiffres : 24 × 157 € = 3 768,00 €.
    nom: "csv : effectif « 24.000000000000004 » écrit par un programme : 24 élèves",
    entree: {
      csv: { effectifs: `UAI;Code diplôme;Effectif\r\n${UAI};${CAP};24.000000000000004\r\n` },
    },
    attendu: { sortie: 0, constat: null, preBac: "3768.00" },
  },
  {
    nom: "csv : effectif « 1.234 » : ambigu, jamais lu 1,234",
    entree: {
      fichier: "ambigu.csv",
      octets: () => Buffer.from(`UAI;Code diplôme;Effectif\r\n${UAI};${CAP};1.234\r\n`, "utf8"),
    },
    attendu: { constat: "effectif-texte", message: /ambigu/, comptees: 0 },
  },

  // —— CSV : une ligne découpée en plus de valeurs que de colonnes (Décision regles.md#lecture.csv-valeurs-en-trop) ——
  // Une virgule décimale sans guillemets dans un fichier à virgules coupe le nombre en deux valeurs et
  // décale les suivantes : la ligne est écartée, jamais lue avec des valeurs coupées. `are dotations`
  // sort avec 0 (docs/cli.md, codes de sortie) : l'erreur est dans les constats.
  {
    // Lu tel quel : reliquat 802 €, taux 50 % → 1 570 − 802 = 768 € et 10 boursiers × 157 = 1 570 €.
    // Ses valeurs sont inconnues : les deux enveloppes ne sont pas calculées (réponse illisible).
    nom: "csv à virgules : établissement « 802,50 » et « 0,35 » sans guillemets : ligne écartée, enveloppes non calculées, jamais 802 € ni 50 %",
    entree: { csv: { effectifs: CSV_CAP_BTS, etablissements: csvEtablissement(",", "oui,802,50,0,35") } },
    attendu: {
      sortie: 0,
      constat: "ligne-mal-decoupee",
      message:
        /Ligne de 6 valeurs pour 4 colonnes dans l'en-tête .* nombre à virgule décimale écrit sans guillemets/,
      preBac: "non calculée",
      postBac: "non calculée",
    },
  },
  {
    // Sans colonne de réponse : le reliquat pré-bac est inconnu (lu tel quel : 802 €, 768 € versés) et
    // le taux aussi (35 % avant la coupure, mais la ligne entière est suspecte).
    nom: "csv à virgules : reliquat « 802,50 » sans guillemets en fin de ligne : pré-bac non calculé, jamais 802 €",
    entree: {
      csv: {
        effectifs: CSV_CAP_BTS,
        etablissements: `UAI,Taux de boursiers,Reliquat pré-bac\r\n${UAI},35 %,802,50\r\n`,
      },
    },
    attendu: {
      sortie: 0,
      constat: "ligne-mal-decoupee",
      message: /Ligne de 4 valeurs pour 3 colonnes/,
      preBac: "non calculée",
      postBac: "non calculée",
    },
  },
  {
    // 10 × 157 = 1 570 − 802,50 = 767,50 € ; 20 × 35 % = 7 boursiers × 157 € = 1 099 €.
    nom: "csv à virgules : « 802,50 » et « 0,35 » entre guillemets : lus exactement",
    entree: {
      csv: { effectifs: CSV_CAP_BTS, etablissements: csvEtablissement(",", 'oui,"802,50","0,35"') },
    },
    attendu: { sortie: 0, constat: null, preBac: "767.50", postBac: "1099.00" },
  },
  {
    nom: "csv à « ; » : « 802,50 » et « 0,35 » sans guillemets : lus exactement",
    entree: {
      csv: {
        effectifs: CSV_CAP_BTS.replace(/,/g, ";"),
        etablissements: csvEtablissement(";", "oui;802,50;0,35"),
      },
    },
    attendu: { sortie: 0, constat: null, preBac: "767.50", postBac: "1099.00" },
  },
  {
    // 24 × 157 € = 3 768 € ; lue telle quelle, la ligne « 12,5 » ajoutait 12 élèves : 5 652 €.
    nom: "csv à virgules : effectif « 12,5 » sans guillemets en fin de ligne : ligne écartée, jamais 12",
    entree: {
      csv: {
        effectifs:
          "UAI,Code diplôme,Libellé,Effectif\r\n" +
          `${UAI},${CAP},BOULANGER (CAP),24\r\n${UAI},50022139,CUISINE (CAP),12,5\r\n`,
      },
    },
    attendu: {
      sortie: 0,
      constat: "ligne-mal-decoupee",
      message: /Ligne de 5 valeurs pour 4 colonnes/,
      preBac: "3768.00",
    },
  },
  {
    // L'effectif lu 12 et le libellé « 5 » : même écart, 3 768 € et non 5 652 €.
    nom: "csv à virgules : effectif « 12,5 » sans guillemets au milieu de la ligne : ligne écartée, jamais 12",
    entree: {
      csv: {
        effectifs:
          "UAI,Code diplôme,Effectif,Libellé\r\n" +
          `${UAI},${CAP},24,BOULANGER (CAP)\r\n${UAI},50022139,12,5,CUISINE (CAP)\r\n`,
      },
    },
    attendu: { sortie: 0, constat: "ligne-mal-decoupee", preBac: "3768.00" },
  },
  {
    // 24 + 12 = 36 élèves × 157 € = 5 652 €.
    nom: "csv à virgules : champs vides en fin de ligne (« a,b,c,,, » d'Excel) : lus normalement",
    entree: {
      csv: {
        effectifs: `UAI,Code diplôme,Effectif,,,\r\n${UAI},${CAP},24,,,\r\n${UAI},50022139,12,,,\r\n`,
      },
    },
    attendu: { sortie: 0, constat: null, preBac: "5652.00" },
  },
  {
    // La valeur sous la colonne sans titre n'est pas lue ; la ligne est écartée et nommée, jamais
    // perdue : seule la ligne CUISINE compte, 12 × 157 € = 1 884 €.
    nom: "csv à « ; » : une valeur sous une dernière colonne sans titre : ligne écartée et nommée",
    entree: {
      csv: {
        effectifs: `UAI;Code diplôme;Effectif;\r\n${UAI};${CAP};24;3\r\n${UAI};50022139;12;\r\n`,
      },
    },
    attendu: {
      sortie: 0,
      constat: "ligne-mal-decoupee",
      message: /Ligne de 4 valeurs pour 3 colonnes/,
      preBac: "1884.00",
    },
  },
  {
    nom: "xlsx : une note à droite du tableau, au-delà de l'en-tête : la ligne compte",
    entree: { fichier: "note-a-droite.xlsx", octets: xlsxNoteADroite },
    attendu: { sortie: 0, constat: null, comptees: 1 },
  },

  // —— Options de la ligne de commande (issue 11 point 8) ——
  {
    nom: "--forfait « 157,005 » : refusé, euros entiers ou centimes",
    entree: { commande: ["forfait", "2027", "--forfait", "2027:PRE BAC=157,005"] },
    attendu: { sortie: 2, message: /nombre entier d'euros ou un montant au centime/ },
  },
  {
    nom: "--forfait « 157,0050 » : fractions de centime, refusé",
    entree: { commande: ["forfait", "2027", "--forfait", "2027:PRE BAC=157,0050"] },
    attendu: { sortie: 2, message: /fractions de centime/ },
  },
  {
    nom: "--forfait « 12 000 » : invraisemblable",
    entree: { commande: ["forfait", "2027", "--forfait", "2027:PRE BAC=12 000"] },
    attendu: { sortie: 2, message: /invraisemblable : plus de 10 000 €/ },
  },
  {
    nom: "--forfait « 1 600,00 » : lu 1 600 €",
    entree: { commande: ["forfait", "2027", "--forfait", "2027:PRE BAC=1 600,00"] },
    // The other categories of 2027-2028 stay unresolved (exit 2): only the reading is checked here.
    attendu: { message: /Pré-bac : 1\u202f600\u00a0€ \(saisie utilisateur/ },
  },
  {
    nom: "--ipc « 1199,2 » : hors de 50 à 500, refusé",
    entree: { commande: ["forfait", "2025", "--ipc", "2024-12=1199,2"] },
    attendu: { sortie: 2, message: /invraisemblable : un indice des prix est compris entre 50 et 500/ },
  },
  {
    // 157 € × (1 + 1,30 %) = 159,04 → 159 €.
    nom: "--ipc « 119,92 » : 2025-2026 à 159 €",
    entree: { commande: ["forfait", "2025", "--ipc", "2024-12=119,92"] },
    attendu: { sortie: 0, message: /Pré-bac : 159\u00a0€/ },
  },
];

interface Issue {
  readonly constats: readonly { code: string; message: string }[];
  readonly comptees?: number;
  readonly preBac?: string;
  readonly postBac?: string;
  readonly sortie?: number;
  readonly sorties?: string;
}

let dossier: string;
beforeAll(() => {
  dossier = tempDir("are-nombres-");
});
afterAll(() => removeDir(dossier));

async function traiter(entree: Entree): Promise<Issue> {
  if ("effectifs" in entree) {
    const r = await calculerDotations(
      new MemoryWorkbook({ Effectifs: entree.effectifs, Établissements: entree.etablissements }),
      {
        feuillesEffectifs: ["Effectifs"],
        feuilleEtablissements: "Établissements",
        annee: 2024,
        parametres: Parametres.embarques(),
      },
    );
    expect(r.lignes.comptees + r.lignes.ecartees).toBe(r.lignes.nonVides);
    const d = r.etablissements.find((e) => e.uai === UAI);
    return {
      constats: r.constats,
      comptees: r.lignes.comptees - (entree.etablissements.length - 1),
      preBac: d?.nette.preBac.valeur.toFixed(2),
      postBac: d?.nette.postBac.valeur.toFixed(2),
    };
  }
  if ("csv" in entree) {
    const sous = fs.mkdtempSync(path.join(dossier, "csv-"));
    const effectifs = path.join(sous, "effectifs.csv");
    fs.writeFileSync(effectifs, entree.csv.effectifs);
    const options: string[] = [];
    if (entree.csv.etablissements !== undefined) {
      options.push("--etablissements", path.join(sous, "etablissements.csv"));
      fs.writeFileSync(options[1], entree.csv.etablissements);
    }
    const r = await run(["dotations", effectifs, "--annee", "2024", "--json", ...options]);
    expect(r.stderr).not.toMatch(/\n\s+at |Erreur inattendue/);
    const json = JSON.parse(r.stdout) as {
      etablissements: { uai: string; dotationNette: { preBac: string | null; postBac: string | null } }[];
      constats: Issue["constats"];
    };
    const nette = json.etablissements.find((e) => e.uai === UAI)?.dotationNette;
    const euros = (v: string | null | undefined) => (v === null ? "non calculée" : v);
    return {
      constats: json.constats,
      preBac: euros(nette?.preBac),
      postBac: euros(nette?.postBac),
      sortie: r.code,
    };
  }
  if ("commande" in entree) {
    const r = await run([...entree.commande]);
    expect(r.stderr).not.toMatch(/\n\s+at |Erreur inattendue/);
    return { constats: [], sortie: r.code, sorties: r.stdout + r.stderr };
  }
  const fichier = path.join(dossier, entree.fichier);
  fs.writeFileSync(fichier, await entree.octets());
  const r = await run(["controle", fichier, "--annee", "2024", "--json"]);
  expect(r.stderr).not.toMatch(/\n\s+at |Erreur inattendue/);
  const json = JSON.parse(r.stdout) as { lignes: { comptees: number }; constats: Issue["constats"] };
  return { constats: json.constats, comptees: json.lignes.comptees, sortie: r.code };
}

describe("Corpus des nombres et des taux : la valeur exacte, ou un constat clair — jamais un nombre tronqué", () => {
  test.each(CORPUS_NOMBRES.map((cas) => [cas.nom, cas] as const))(
    "%s",
    async (_nom, { entree, attendu }) => {
      const issue = await traiter(entree);
      if (attendu.sortie !== undefined) expect(issue.sortie).toBe(attendu.sortie);
      if ("commande" in entree) {
        expect(issue.sorties).toMatch(attendu.message!);
        return;
      }
      if (attendu.constat === null) expect(issue.constats).toEqual([]);
      else if (attendu.constat !== undefined) {
        const trouves = issue.constats.filter((c) => c.code === attendu.constat);
        expect({ code: attendu.constat, trouve: trouves.length > 0 }).toEqual({
          code: attendu.constat,
          trouve: true,
        });
        if (attendu.message) expect(trouves.map((c) => c.message).join("\n")).toMatch(attendu.message);
      }
      if (attendu.comptees !== undefined) expect(issue.comptees).toBe(attendu.comptees);
      if (attendu.preBac !== undefined) expect(issue.preBac).toBe(attendu.preBac);
      if (attendu.postBac !== undefined) expect(issue.postBac).toBe(attendu.postBac);
    },
    60_000,
  );

  test("chaque cas figure dans le tableau de docs/security.md", () => {
    const doc = fs.readFileSync(path.join(__dirname, "..", "..", "docs", "security.md"), "utf8");
    const absents = CORPUS_NOMBRES.map((c) => c.nom).filter((nom) => !doc.includes(nom));
    expect(absents).toEqual([]);
  });
});

describe("Le lecteur de secours (ExcelJS) ne tronque pas non plus un nombre écrit en texte", () => {
  // ExcelJS parseFloats a number cell's stored text: « 12,5 » would be 12 and « 1 234 » 1. The reader
  // puts the text back, for the one number reader of the sheet layer (issue 11 item 4).
  test.each([
    ["12,5", "12,5"],
    ["1 234", "1 234"],
    ["24", 24],
  ])("cellule nombre « %s » lue par ExcelJS : %p", async (brut, attendu) => {
    const octets = await xlsxNombreTexte(brut)();
    const feuille = (await readXlsxWithExcelJS(octets, "secours.xlsx", "secours.xlsx")).sheets[0];
    const ligne = feuille.values[1 - feuille.rowOffset];
    expect(ligne[2 - feuille.columnOffset]).toEqual(attendu);
  });
});
