/**
 * Corpus des fichiers hostiles donnés à `are` (issue 11, points 12 à 16) : une valeur isolée au bout
 * de la feuille, des bombes zip sur chaque chemin de lecture, des fichiers qui ne sont pas des
 * classeurs (.zip, .docx, .xls, page web, XML 2003, CSV en UTF-16 sans BOM ou aux encodages mêlés),
 * une page de garde avant les effectifs, une écriture interrompue. Pour chacun : le code de sortie,
 * le message français attendu sur la sortie d'erreur, ou ce qui est compté. La table est reprise dans
 * docs/security.md (un test vérifie que chaque cas y figure).
 *
 * La mémoire est vérifiée en lançant la vraie commande (bin/are.js sur build/) avec un tas limité à
 * 300 Mo : sans lecture creuse ni garde des tailles, ces fichiers de quelques kilo-octets l'épuisent.
 */
import { spawn, spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import type { CellValue } from "../../src/workbook/port";
import { ROOT, construireLigneDeCommande } from "../cli/examples";
import { run } from "../cli/run";
import { removeDir, tempDir } from "../xlsx/helpers";
import {
  FEUILLE_XML,
  encoder,
  feuilleExcelJS,
  fichierOle,
  lignesXml,
  xlsxBombe,
  xlsxExcelJS,
  xlsxFaitMain,
  zipBrut,
} from "./fabrique";

// JSZip comes with ExcelJS.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const JSZip = require("jszip");

const E: CellValue[] = ["UAI", "Établissement", "Code diplôme", "Libellé", "Effectif"];
/** 24 students of CAP BOULANGER (annex) at lycée Arago: 24 × 157 € = 3 768,00 € in 2024-2025. */
const L: CellValue[] = ["0750655E", "Lycée Arago", "50022137", "BOULANGER (CAP)", 24];
const MO = 1024 * 1024;

/** A cell the fast reader does not know (type « z »): the file goes to ExcelJS, the fallback reader. */
const CELLULE_INCONNUE = '<c r="XFC1048576" t="z"><v>1</v></c>';
const VALEUR_ISOLEE = '<c r="XFD1048576"><v>1</v></c>';

/** One sheet with the header and one good row, then a single value in the last cell of Excel. */
const valeurIsolee = (autres = "") =>
  xlsxFaitMain(FEUILLE_XML(lignesXml([E, L]) + `<row r="1048576">${autres}${VALEUR_ISOLEE}</row>`));

async function zipDe(parties: Record<string, string>): Promise<Buffer> {
  const zip = new JSZip();
  for (const [nom, texte] of Object.entries(parties)) zip.file(nom, texte);
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

/** A workbook with a cover sheet, the effectifs, and a hidden copy of them. */
function classeurAvecPageDeGarde(wb: ExcelJS.Workbook): void {
  feuilleExcelJS("Page de garde", [
    ["Rectorat de Paris — effectifs 2024"],
    [],
    ["Contact : dos@ac-paris.fr"],
  ])(wb);
  feuilleExcelJS("Paris", [E, L])(wb);
  feuilleExcelJS("Copie", [E, L])(wb);
  wb.getWorksheet("Copie")!.state = "hidden";
}

/** A cover sheet, then the effectifs under a header whose effectif column has an unknown title. */
function pageDeGardeEtColonneInconnue(wb: ExcelJS.Workbook): void {
  feuilleExcelJS("Page de garde", [["Rectorat de Paris — effectifs 2024"]])(wb);
  feuilleExcelJS("Paris", [[...E.slice(0, 4), "Quantité"], L])(wb);
}

interface Cas {
  readonly nom: string;
  readonly fichier: string;
  /** The file's bytes; or `creer` makes it (a sparse file of 201 Mo costs no disk). */
  readonly octets?: () => Buffer | Promise<Buffer>;
  readonly creer?: (chemin: string) => void;
  readonly commande?: "controle" | "dotations";
  /** « @nom » in the options is the path of another file of the case, made by `autres[nom]`. */
  readonly options?: readonly string[];
  readonly autres?: Readonly<Record<string, () => Buffer | Promise<Buffer>>>;
  readonly attendu: {
    readonly sortie: 0 | 1 | 2;
    /** On stderr: the refusal (exit 2), or a note (skipped sheets). */
    readonly message?: RegExp;
    /** controle: rows counted, and a constat expected at a row. */
    readonly comptees?: number;
    readonly constat?: { readonly code: string; readonly ligne: number };
    /** dotations: the net total, computed by hand. */
    readonly total?: string;
  };
}

export const FICHIERS: readonly Cas[] = [
  // —— 12. A stray value far away: memory follows the cells, not the rectangle ——
  {
    nom: "valeur isolée en XFD1048576 à côté d'un tableau en A1 (fichier de 2 Ko)",
    fichier: "effectifs.xlsx",
    octets: () => valeurIsolee(),
    attendu: { sortie: 0, comptees: 1, constat: { code: "ligne-sans-donnees", ligne: 1048576 } },
  },
  {
    nom: "valeur isolée en XFD1048576, lue par ExcelJS (lecteur de secours)",
    fichier: "effectifs.xlsx",
    octets: () => valeurIsolee(CELLULE_INCONNUE),
    attendu: { sortie: 0, comptees: 1, constat: { code: "ligne-sans-donnees", ligne: 1048576 } },
  },
  {
    nom: "numéro de ligne au-delà d'Excel (ligne 3 000 000 000 d'un fichier de 2 Ko)",
    fichier: "effectifs.xlsx",
    octets: () =>
      xlsxFaitMain(
        FEUILLE_XML(lignesXml([E, L]) + '<row r="3000000000"><c r="A3000000000"><v>1</v></c></row>'),
      ),
    attendu: {
      sortie: 2,
      message: /ligne 3000000000.*au-delà de la dernière ligne d'Excel \(1\u202f048\u202f576\)/,
    },
  },
  {
    nom: "numéro de ligne au-delà d'Excel, lu par ExcelJS (lecteur de secours)",
    fichier: "effectifs.xlsx",
    octets: () =>
      xlsxFaitMain(
        FEUILLE_XML(
          lignesXml([E, L]) +
            `<row r="3000000000">${CELLULE_INCONNUE.replace("XFC1048576", "A3000000000")}</row>`,
        ),
      ),
    attendu: { sortie: 2, message: /au-delà de la dernière ligne d'Excel \(1\u202f048\u202f576\)/ },
  },
  {
    nom: "CSV : une valeur isolée à la ligne 200 000, colonne 16 384",
    fichier: "effectifs.csv",
    octets: () =>
      encoder(
        "UAI;Code diplôme;Effectif\r\n0750655E;50022137;24\r\n" +
          "\r\n".repeat(199_997) +
          ";".repeat(16_383) +
          "1\r\n",
        "utf-8",
      ),
    attendu: { sortie: 0, comptees: 1, constat: { code: "ligne-sans-donnees", ligne: 200_000 } },
  },
  // —— 13. Zip bombs, on every path, refused before anything is inflated ——
  {
    nom: "bombe zip de 600 Mo dans une partie que seul ExcelJS lit (styles)",
    fichier: "effectifs.xlsx",
    octets: () => xlsxBombe(600, { partie: "xl/styles.xml", lignes: lignesXml([E, L]) }),
    attendu: {
      sortie: 2,
      message: /n'est pas lu : une fois décompressée, une de ses parties \(xl\/styles\.xml\) dépasse 500 Mo/,
    },
  },
  {
    nom: "bombe zip qui annonce 1 Ko et se décompresse en 400 Mo (chaînes partagées)",
    fichier: "effectifs.xlsx",
    octets: () => xlsxBombe(400, { tailleAnnoncee: 1024 }),
    attendu: {
      sortie: 2,
      message: /\(xl\/sharedStrings\.xml\) est plus grande, décompressée, que ce qu'annonce l'archive/,
    },
  },
  {
    nom: "bombe zip qui ment sur sa taille dans une partie que seul ExcelJS lit, après une cellule inconnue du lecteur rapide",
    fichier: "effectifs.xlsx",
    octets: () =>
      xlsxBombe(400, {
        partie: "xl/styles.xml",
        tailleAnnoncee: 1024,
        lignes: lignesXml([E, L]) + `<row r="3">${CELLULE_INCONNUE.replace("XFC1048576", "A3")}</row>`,
      }),
    attendu: {
      sortie: 2,
      message: /\(xl\/styles\.xml\) est plus grande, décompressée, que ce qu'annonce l'archive/,
    },
  },
  {
    nom: "partie de 300 Mo compressée 1 000 fois (taux d'une bombe zip)",
    fichier: "effectifs.xlsx",
    octets: () => xlsxBombe(300),
    attendu: { sortie: 2, message: /grossit plus de 200 fois à la décompression.*« bombe zip »/ },
  },
  {
    nom: "trois parties de 400 Mo chacune (1,2 Go une fois décompressé)",
    fichier: "effectifs.xlsx",
    octets: () =>
      zipBrut(
        ["xl/a.xml", "xl/b.xml", "xl/c.xml"].map((nom) => ({
          nom,
          // Never inflated: the directory's sizes are refused first.
          donnees: Buffer.alloc(3 * MO),
          tailleOriginale: 400 * MO,
        })),
      ),
    attendu: { sortie: 2, message: /ses parties dépassent 1024 Mo au total/ },
  },
  {
    nom: "fichier de 201 Mo",
    fichier: "effectifs.xlsx",
    creer: (chemin) => {
      fs.writeFileSync(chemin, "");
      fs.truncateSync(chemin, 201 * MO);
    },
    attendu: { sortie: 2, message: /il fait 201 Mo, au-delà de la limite de 200 Mo/ },
  },
  // —— 14. Files that are not workbooks: what they are, what to do ——
  {
    nom: "archive « effectifs.zip » envoyée par un rectorat",
    fichier: "effectifs.zip",
    octets: () => zipDe({ "effectifs-paris.xlsx": "…", "effectifs-creteil.csv": "…" }),
    attendu: {
      sortie: 2,
      message:
        /est une archive ZIP \(contenant « effectifs-paris\.xlsx », « effectifs-creteil\.csv »\), pas un classeur : décompressez l'archive/,
    },
  },
  {
    nom: "document Word (.docx)",
    fichier: "effectifs.docx",
    octets: () => zipDe({ "[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document/>" }),
    attendu: {
      sortie: 2,
      message: /est un document Word \(\.docx\), pas un classeur : .*enregistrez-le au format \.xlsx/,
    },
  },
  {
    nom: "classeur OpenDocument (.ods) sous son nom",
    fichier: "effectifs.ods",
    octets: () =>
      zipDe({
        mimetype: "application/vnd.oasis.opendocument.spreadsheet",
        "content.xml": "<office:document-content/>",
      }),
    attendu: {
      sortie: 2,
      message: /est un classeur OpenDocument \(\.ods, LibreOffice\) : enregistrez-le .*au format \.xlsx/,
    },
  },
  {
    nom: "classeur Excel 97-2003 (.xls, BIFF) sous son nom",
    fichier: "effectifs.xls",
    octets: () => fichierOle("Workbook"),
    attendu: {
      sortie: 2,
      message: /est un classeur Excel 97-2003 \(\.xls\) : .*enregistrez-le au format \.xlsx/,
    },
  },
  {
    nom: "document Word 97-2003 (.doc) renommé en .xls",
    fichier: "effectifs.xls",
    octets: () => fichierOle("WordDocument"),
    attendu: { sortie: 2, message: /est un document Word 97-2003 \(\.doc\), pas un classeur/ },
  },
  {
    nom: "page web (HTML) enregistrée en .xls",
    fichier: "effectifs.xls",
    octets: () =>
      Buffer.from(
        '<html xmlns:x="urn:schemas-microsoft-com:office:excel"><body><table><tr><td>UAI</td><td>Effectif</td></tr></table></body></html>',
      ),
    attendu: { sortie: 2, message: /est une page web \(HTML\) .*enregistrez-le au format \.xlsx/ },
  },
  {
    nom: "feuille de calcul XML 2003 (SpreadsheetML) en .xls",
    fichier: "effectifs.xls",
    octets: () =>
      Buffer.from(
        '<?xml version="1.0"?>\n<?mso-application progid="Excel.Sheet"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet/></Workbook>',
      ),
    attendu: {
      sortie: 2,
      message: /est une feuille de calcul XML 2003 \(SpreadsheetML\).*enregistrez-le au format \.xlsx/,
    },
  },
  {
    nom: "document PDF nommé .xlsx",
    fichier: "effectifs.xlsx",
    octets: () => Buffer.from("%PDF-1.7\n%âãÏÓ\n1 0 obj\n"),
    attendu: { sortie: 2, message: /est un document PDF, pas un tableau/ },
  },
  {
    nom: "CSV en UTF-16 sans BOM",
    fichier: "effectifs.csv",
    octets: () => Buffer.from("UAI;Code diplôme;Effectif\r\n0750655E;50022137;24\r\n", "utf16le"),
    attendu: {
      sortie: 2,
      message: /texte en UTF-16 \(petit-boutiste\) sans marque d'encodage \(BOM\).*réenregistrez-le en UTF-8/,
    },
  },
  {
    nom: "CSV en UTF-8 avec un octet Windows-1252 (apostrophe de Word)",
    fichier: "effectifs.csv",
    octets: () =>
      Buffer.concat([
        encoder(
          "UAI;Libellé;Code diplôme;Effectif\r\n0750655E;PÂTISSIER;50022141;18\r\n0750655E;BOULANGER L",
          "utf-8",
        ),
        Buffer.from([0x92]),
        encoder("ARTISAN;50022137;24\r\n", "utf-8"),
      ]),
    attendu: {
      sortie: 2,
      message:
        /mélange deux encodages : il est en UTF-8, mais la ligne 3 contient un caractère d'un autre encodage \(octet 0x92, « ’ » en Windows-1252\).*réenregistrez le fichier en UTF-8/,
    },
  },
  {
    nom: "classeur .xlsx sans partie [Content_Types].xml (autre générateur) : lu, pas pris pour une archive",
    fichier: "effectifs.xlsx",
    octets: async () => {
      const zip = await JSZip.loadAsync(await xlsxFaitMain(FEUILLE_XML(lignesXml([E, L]))));
      zip.remove("[Content_Types].xml");
      return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
    },
    attendu: { sortie: 0, comptees: 1 },
  },
  // —— 15. A cover sheet before the data ——
  {
    nom: "page de garde avant la feuille des effectifs, et copie masquée (dotations)",
    fichier: "effectifs.xlsx",
    commande: "dotations",
    octets: () => xlsxExcelJS(classeurAvecPageDeGarde),
    attendu: {
      sortie: 0,
      total: "3768.00",
      message:
        /feuilles non lues « Page de garde » \(pas d'en-tête UAI, code formation, effectif.*\), « Copie » \(masquée\)\. .*--feuille/,
    },
  },
  {
    nom: "page de garde avant la feuille des effectifs, et copie masquée (controle)",
    fichier: "effectifs.xlsx",
    octets: () => xlsxExcelJS(classeurAvecPageDeGarde),
    attendu: {
      sortie: 0,
      comptees: 1,
      message:
        /feuilles non lues « Page de garde » \(pas d'en-tête UAI, code formation, effectif.*\), « Copie » \(masquée\)\. .*--feuille/,
    },
  },
  {
    nom: "page de garde, et colonne des effectifs au titre inconnu désignée par --colonne (controle)",
    fichier: "effectifs.xlsx",
    options: ["--colonne", "effectif=E"],
    octets: () => xlsxExcelJS(pageDeGardeEtColonneInconnue),
    attendu: { sortie: 0, comptees: 1, message: /feuille non lue « Page de garde »/ },
  },
  {
    nom: "page de garde, puis deux académies sur deux feuilles (controle)",
    fichier: "effectifs.xlsx",
    octets: () =>
      xlsxExcelJS((wb) => {
        feuilleExcelJS("Page de garde", [["Rectorat de Paris — effectifs 2024"]])(wb);
        feuilleExcelJS("Paris", [E, L])(wb);
        feuilleExcelJS("Créteil", [E, L, L])(wb);
      }),
    attendu: {
      sortie: 0,
      comptees: 1,
      message:
        /« effectifs\.xlsx » : 2 feuilles d'effectifs ; « Paris » est contrôlée, l'autre se contrôle avec --feuille : « Créteil »\./,
    },
  },
  {
    nom: "controle --feuille désignant la copie masquée",
    fichier: "effectifs.xlsx",
    options: ["--feuille", "copie"],
    octets: () => xlsxExcelJS(classeurAvecPageDeGarde),
    attendu: { sortie: 0, comptees: 1 },
  },
  {
    nom: "page de garde avant la feuille des établissements donnée avec --etablissements (dotations)",
    fichier: "effectifs.xlsx",
    commande: "dotations",
    options: ["--etablissements", "@etablissements.xlsx"],
    autres: {
      "etablissements.xlsx": () =>
        xlsxExcelJS((wb) => {
          feuilleExcelJS("Page de garde", [["Rectorat de Paris — établissements 2024"]])(wb);
          feuilleExcelJS("Établissements", [
            ["UAI", "Établissement", "Reliquat pré-bac"],
            ["0750655E", "Lycée Arago", 768],
          ])(wb);
        }),
    },
    octets: () => xlsxExcelJS(classeurAvecPageDeGarde),
    attendu: { sortie: 0, total: "3000.00" },
  },
  {
    nom: "deux académies sur deux feuilles d'un même classeur (dotations)",
    fichier: "effectifs.xlsx",
    commande: "dotations",
    octets: () =>
      xlsxExcelJS((wb) => {
        feuilleExcelJS("Paris", [E, L])(wb);
        // 12 × 157 € = 1 884 € more: 5 652,00 €.
        feuilleExcelJS("Créteil", [E, ["0930122Y", "Lycée Jean-Jaurès", "50022137", "BOULANGER (CAP)", 12]])(
          wb,
        );
      }),
    attendu: { sortie: 0, total: "5652.00" },
  },
  {
    nom: "page de garde, et colonne des effectifs au titre inconnu désignée par --colonne (dotations)",
    fichier: "effectifs.xlsx",
    commande: "dotations",
    options: ["--colonne", "effectif=E"],
    octets: () => xlsxExcelJS(pageDeGardeEtColonneInconnue),
    attendu: { sortie: 0, total: "3768.00", message: /feuille non lue « Page de garde »/ },
  },
  {
    nom: "dotations --feuille désignant la copie masquée",
    fichier: "effectifs.xlsx",
    commande: "dotations",
    options: ["--feuille", "copie"],
    octets: () => xlsxExcelJS(classeurAvecPageDeGarde),
    attendu: { sortie: 0, total: "3768.00" },
  },
  {
    nom: "dotations --feuille d'une feuille absente",
    fichier: "effectifs.xlsx",
    commande: "dotations",
    options: ["--feuille", "Versailles"],
    octets: () => xlsxExcelJS(classeurAvecPageDeGarde),
    attendu: {
      sortie: 2,
      message:
        /« effectifs\.xlsx » n'a pas de feuille « Versailles » : feuilles présentes « Page de garde », « Paris », « Copie »/,
    },
  },
];

let dossier: string;
beforeAll(() => {
  dossier = tempDir("are-fichiers-");
});
afterAll(() => removeDir(dossier));

async function ecrire(cas: Cas): Promise<{ chemin: string; options: string[] }> {
  const sousDossier = fs.mkdtempSync(path.join(dossier, "cas-"));
  const chemin = path.join(sousDossier, cas.fichier);
  if (cas.creer) cas.creer(chemin);
  else fs.writeFileSync(chemin, await cas.octets!());
  for (const [nom, octets] of Object.entries(cas.autres ?? {}))
    fs.writeFileSync(path.join(sousDossier, nom), await octets());
  const options = (cas.options ?? []).map((o) =>
    o.startsWith("@") ? path.join(sousDossier, o.slice(1)) : o,
  );
  return { chemin, options };
}

describe("Fichiers hostiles : un message français et le bon code de sortie, jamais d'exception", () => {
  test("chaque cas est nommé une fois", () => {
    expect(new Set(FICHIERS.map((c) => c.nom)).size).toBe(FICHIERS.length);
  });

  test.each(FICHIERS.map((cas) => [cas.nom, cas] as const))(
    "%s",
    async (_nom, cas) => {
      const { chemin, options } = await ecrire(cas);
      const r = await run([cas.commande ?? "controle", chemin, "--annee", "2024", "--json", ...options]);
      const { attendu } = cas;
      expect(r.stderr).not.toMatch(/\n\s+at |Erreur inattendue/);
      expect({ sortie: r.code, stderr: r.stderr }).toEqual({
        sortie: attendu.sortie,
        stderr: expect.anything(),
      });
      if (attendu.message) expect(r.stderr).toMatch(attendu.message);
      if (attendu.sortie === 2) return;
      const json = JSON.parse(r.stdout) as {
        lignes?: { comptees: number };
        constats: { code: string; ligne: number | null }[];
        totaux?: { dotationNette: { total: string } };
      };
      if (attendu.comptees !== undefined) expect(json.lignes?.comptees).toBe(attendu.comptees);
      if (attendu.constat) {
        expect(json.constats.map((c) => ({ code: c.code, ligne: c.ligne }))).toContainEqual(attendu.constat);
      }
      if (attendu.total) expect(json.totaux?.dotationNette.total).toBe(attendu.total);
    },
    60_000,
  );

  test("chaque cas figure dans le tableau de docs/security.md", () => {
    const doc = fs.readFileSync(path.join(ROOT, "docs", "security.md"), "utf8");
    const absents = FICHIERS.map((c) => c.nom).filter((nom) => !doc.includes(nom.replace(/\|/g, "\\|")));
    expect(absents).toEqual([]);
  });
});

/** The real command, compiled (npm run build:core), as a child process. */
const BIN = path.join(ROOT, "bin", "are.js");

describe("bin/are.js avec un tas limité à 300 Mo, et interrompu pendant l'écriture", () => {
  beforeAll(() => {
    construireLigneDeCommande();
  }, 180_000);

  const enMemoireLimitee = FICHIERS.filter((c) =>
    [
      "valeur isolée en XFD1048576 à côté d'un tableau en A1 (fichier de 2 Ko)",
      "valeur isolée en XFD1048576, lue par ExcelJS (lecteur de secours)",
      "bombe zip qui ment sur sa taille dans une partie que seul ExcelJS lit, après une cellule inconnue du lecteur rapide",
      "partie de 300 Mo compressée 1 000 fois (taux d'une bombe zip)",
    ].includes(c.nom),
  );

  test.each(enMemoireLimitee.map((cas) => [cas.nom, cas] as const))(
    "--max-old-space-size=300 : %s",
    async (_nom, cas) => {
      const { chemin } = await ecrire(cas);
      const r = spawnSync(
        process.execPath,
        ["--max-old-space-size=300", BIN, "controle", chemin, "--annee", "2024"],
        {
          encoding: "utf8",
          timeout: 60_000,
        },
      );
      // A heap exhausted ends with a signal or status 134 and « JavaScript heap out of memory ».
      expect({ status: r.status, signal: r.signal }).toEqual({ status: cas.attendu.sortie, signal: null });
      expect(r.stderr).not.toMatch(/heap out of memory|Erreur inattendue/);
      if (cas.attendu.message) expect(r.stderr).toMatch(cas.attendu.message);
    },
    60_000,
  );

  /**
   * `are controle … --out` on an extraction of 2 000 faulty rows, interrupted as soon as its
   * temporary file appears in the output folder. A module preloaded in the child (node -r) delays
   * the rename by 5 s, so that the signal always comes while the temporary file is there, whatever
   * the machine's load.
   */
  test.each(["SIGINT", "SIGTERM"] as const)(
    "%s pendant l'écriture de --out : ni fichier temporaire ni classeur à moitié écrit",
    async (signal) => {
      const sortie = fs.mkdtempSync(path.join(dossier, "sortie-"));
      const entree = path.join(dossier, `grand-${signal}.csv`);
      let texte = "UAI;Code diplôme;Effectif\r\n";
      for (let i = 0; i < 2_000; i++) texte += `0750655E;5002${String(i).padStart(4, "0")};abc\r\n`;
      fs.writeFileSync(entree, texte);
      const retard = path.join(dossier, "renommage-lent.js");
      fs.writeFileSync(
        retard,
        'const fs = require("fs"); const rename = fs.promises.rename;\n' +
          "fs.promises.rename = (...a) => new Promise((r) => setTimeout(r, 5000)).then(() => rename(...a));\n",
      );
      const cible = path.join(sortie, "constats.xlsx");
      const enfant = spawn(
        process.execPath,
        ["-r", retard, BIN, "controle", entree, "--annee", "2024", "--out", cible],
        { stdio: "ignore" },
      );
      let temporaireVu = false;
      const veille = fs.watch(sortie, (_evenement, nom) => {
        if (!temporaireVu && nom?.endsWith(".tmp")) {
          temporaireVu = true;
          enfant.kill(signal);
        }
      });
      const fin = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
        enfant.on("exit", (code, sig) => resolve({ code, signal: sig })),
      );
      veille.close();
      // The temporary file was created, the process ended by the signal, before its rename.
      expect({ temporaireVu, fin }).toEqual({ temporaireVu: true, fin: { code: null, signal } });
      expect(fs.readdirSync(sortie)).toEqual([]);
    },
    120_000,
  );
});

describe("are controle : les autres feuilles d'effectifs sont des constats, pas seulement un message", () => {
  test("Paris contrôlée, Créteil nommée dans le document --json avec la façon de la contrôler", async () => {
    const sous = fs.mkdtempSync(path.join(dossier, "deux-academies-"));
    const chemin = path.join(sous, "effectifs.xlsx");
    fs.writeFileSync(
      chemin,
      await xlsxExcelJS((wb) => {
        feuilleExcelJS("Paris", [E, L])(wb);
        feuilleExcelJS("Créteil", [E, L, L])(wb);
      }),
    );
    const r = await run(["controle", chemin, "--annee", "2024", "--json"]);
    // An info: the check of Paris passes (24 pupils counted), its document says Créteil was not checked.
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as {
      lignes: { comptees: number };
      constats: { code: string; gravite: string; feuille: string; message: string }[];
    };
    expect(json.lignes.comptees).toBe(1);
    expect(json.constats).toEqual([
      expect.objectContaining({
        code: "feuille-non-lue",
        gravite: "info",
        feuille: "effectifs.xlsx › Créteil",
      }),
    ]);
    expect(json.constats[0].message).toBe(
      `Feuille « Créteil » de « effectifs.xlsx » non contrôlée : une commande contrôle une feuille d'effectifs, ici « Paris ». Pour la contrôler : are controle "effectifs.xlsx" --feuille "Créteil".`,
    );
  });
});
