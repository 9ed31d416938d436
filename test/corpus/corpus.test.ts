/**
 * Corpus des entrées défectueuses (issue 7) : chaque cas est une feuille collée, un couple feuille
 * d'effectifs + feuille des établissements, ou un fichier donné à la ligne de commande, avec ce qui
 * est attendu — le code du constat (docs/constats.md), ou le message d'erreur français et le code de
 * sortie de `are`. Jamais d'exception, jamais de ligne perdue. La table est reprise dans
 * docs/security.md (un test vérifie que chaque cas y figure).
 */
import * as fs from "fs";
import * as path from "path";
import { Parametres } from "../../src/rules";
import { MemoryWorkbook } from "../../src/workbook/memory";
import type { CellValue } from "../../src/workbook/port";
import { calculerDotations, controlerFeuille } from "../../src/workflows";
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
  dotationsArago,
} from "./fabrique";

const E: CellValue[] = ["UAI", "Établissement", "Code diplôme", "Libellé", "Effectif"];
/** A good row: 24 students of CAP BOULANGER (R4, annex) at lycée Louis-le-Grand's UAI. */
const L = (changes: Partial<Record<0 | 1 | 2 | 3 | 4, CellValue>> = {}): CellValue[] => {
  const row: CellValue[] = ["0750655E", "Lycée Arago", "50022137", "BOULANGER (CAP)", 24];
  for (const [i, v] of Object.entries(changes)) row[Number(i)] = v;
  return row;
};
const ET: CellValue[] = ["UAI", "Taux de boursiers", "Reliquat pré-bac", "Réponse à l'enquête"];

type Entree =
  | { readonly feuille: CellValue[][] }
  | { readonly effectifs: CellValue[][]; readonly etablissements: CellValue[][] }
  | {
      readonly fichier: string;
      readonly octets: () => Buffer | Promise<Buffer>;
      readonly commande?: "controle" | "dotations";
    };

interface Attendu {
  /** The constat code expected; null: no constat at all, the rows count. */
  readonly constat?: string | null;
  /** Sheet row of that constat. */
  readonly ligne?: number;
  readonly comptees?: number;
  /** Exit code of `are` (files). */
  readonly sortie?: 0 | 1 | 2;
  /** The French message: of the constat, or on stderr when the file is refused. */
  readonly message?: RegExp;
}

interface Cas {
  readonly nom: string;
  readonly entree: Entree;
  readonly attendu: Attendu;
}

const vides = (n: number, ligne: CellValue[] = []) => Array.from({ length: n }, () => ligne);

export const CORPUS: readonly Cas[] = [
  // —— Sheets as pasted ——
  { nom: "feuille vide", entree: { feuille: [] }, attendu: { constat: "feuille-vide" } },
  {
    nom: "1 000 lignes de cellules vides ou d'espaces",
    entree: { feuille: vides(1000, ["", "  ", "\u00a0", null]) },
    attendu: { constat: "feuille-vide" },
  },
  { nom: "seulement la ligne d'en-tête", entree: { feuille: [E] }, attendu: { constat: null, comptees: 0 } },
  {
    nom: "en-tête en ligne 29 sous un titre et des lignes vides",
    entree: { feuille: [["Rectorat de Paris — extraction"], ...vides(27), E, L()] },
    attendu: { constat: null, comptees: 1 },
  },
  {
    nom: "en-tête en ligne 31, au-delà des 30 premières lignes",
    entree: { feuille: [["Rectorat de Paris"], ...vides(29), E, L()] },
    attendu: {
      constat: "entete-introuvable",
      message: /Aucune ligne d'en-tête reconnue dans les 30 premières lignes/,
    },
  },
  {
    nom: "en-têtes fusionnés sur deux lignes (« Effectifs » au-dessus de « 1ère année »)",
    entree: {
      feuille: [
        ["Établissement", null, "Formation", null, "Effectifs"],
        ["UAI", "Nom", "Code diplôme", "Libellé", "1ère année"],
        L(),
      ],
    },
    attendu: { constat: "colonne-manquante", ligne: 2, message: /« Effectif »/ },
  },
  {
    // Décision regles.md#lecture.deux-colonnes : avant, la plus à gauche était lue (24 élèves,
    // une info), que l'autre (99) soit ou non celle de l'année.
    nom: "deux colonnes « Effectif » : feuille refusée, aucune des deux devinée",
    entree: {
      feuille: [
        [...E, "Effectif"],
        [...L(), 99],
      ],
    },
    attendu: { constat: "deux-colonnes", ligne: 1, comptees: 0, message: /laquelle compte/ },
  },
  {
    nom: "en-tête répété par un second collage",
    entree: { feuille: [E, L(), E, L({ 2: "50022139" })] },
    attendu: { constat: "entete-repetee", ligne: 3, comptees: 2 },
  },
  {
    nom: "ligne de total",
    entree: { feuille: [E, L(), [null, null, null, "Total Paris", 24]] },
    attendu: { constat: "ligne-total", ligne: 3, comptees: 1 },
  },
  {
    nom: "titre fusionné au milieu des données",
    entree: { feuille: [E, [null, "Lycées privés sous contrat", null, null, null], L()] },
    attendu: { constat: "ligne-sans-donnees", ligne: 2, comptees: 1 },
  },
  {
    nom: "code formation « =RECHERCHEV(…) » collé comme texte",
    entree: { feuille: [E, L({ 2: "=RECHERCHEV(A2;Feuil2!A:B;2;FAUX)" })] },
    attendu: { constat: "code-invalide", ligne: 2 },
  },
  {
    nom: "effectif « =SOMME(E2:E9) » collé comme texte",
    entree: { feuille: [E, L({ 4: "=SOMME(E2:E9)" })] },
    attendu: { constat: "effectif-texte", ligne: 2 },
  },
  {
    nom: "#N/A dans le code formation",
    entree: { feuille: [E, L({ 2: { error: "#N/A" } })] },
    attendu: { constat: "erreur-excel", ligne: 2, message: /erreur Excel #N\/A/ },
  },
  {
    nom: "#REF! dans l'UAI",
    entree: { feuille: [E, L({ 0: { error: "#REF!" } })] },
    attendu: { constat: "erreur-excel" },
  },
  {
    nom: "#DIV/0! dans l'effectif",
    entree: { feuille: [E, L({ 4: { error: "#DIV/0!" } })] },
    attendu: { constat: "erreur-excel" },
  },
  {
    nom: "#VALUE! dans l'effectif : nommé #VALEUR!, comme Excel en français l'affiche",
    entree: { feuille: [E, L({ 4: { error: "#VALUE!" } })] },
    attendu: { constat: "erreur-excel", ligne: 2, message: /erreur Excel «?\s?#VALEUR!/ },
  },
  {
    nom: "#NAME? dans le code formation (fonction du complément absente) : nommé #NOM?",
    entree: { feuille: [E, L({ 2: { error: "#NAME?" } })] },
    attendu: { constat: "erreur-excel", ligne: 2, message: /erreur Excel «?\s?#NOM\?/ },
  },
  {
    nom: "#SPILL! dans l'effectif : nommé #PROPAGATION!",
    entree: { feuille: [E, L({ 4: { error: "#SPILL!" } })] },
    attendu: { constat: "erreur-excel", ligne: 2, message: /erreur Excel «?\s?#PROPAGATION!/ },
  },
  {
    nom: "erreurs Excel récentes (#SPILL!, #CALC!)",
    entree: { feuille: [E, L({ 4: { error: "#SPILL!" } }), L({ 2: { error: "#CALC!" } })] },
    attendu: { constat: "erreur-excel", ligne: 3 },
  },
  {
    nom: "effectif négatif",
    entree: { feuille: [E, L({ 4: -3 })] },
    attendu: { constat: "effectif-negatif" },
  },
  {
    nom: "effectif décimal (12,5)",
    entree: { feuille: [E, L({ 4: 12.5 })] },
    attendu: { constat: "effectif-decimal", message: /« 12,5 » non entier/ },
  },
  {
    nom: "effectif en lettres",
    entree: { feuille: [E, L({ 4: "douze" })] },
    attendu: { constat: "effectif-texte" },
  },
  { nom: "effectif vide", entree: { feuille: [E, L({ 4: null })] }, attendu: { constat: "effectif-vide" } },
  {
    nom: "effectif VRAI (booléen)",
    entree: { feuille: [E, L({ 4: true })] },
    attendu: { constat: "effectif-texte" },
  },
  {
    nom: "effectif infini ou NaN (valeur numérique impossible)",
    entree: { feuille: [E, L({ 4: Infinity }), L({ 2: "50022139", 4: NaN })] },
    attendu: { constat: "effectif-decimal" },
  },
  {
    nom: "effectif « 1 234 » avec espace insécable",
    entree: { feuille: [E, L({ 4: "1\u00a0234" })] },
    attendu: { constat: null, comptees: 1 },
  },
  {
    nom: "code MEF (11 caractères) au lieu du code formation",
    entree: { feuille: [E, L({ 2: "24722106210" })] },
    attendu: { constat: "code-mef", message: /code MEF/ },
  },
  {
    nom: "code formation de 7 caractères saisi en texte",
    entree: { feuille: [E, L({ 2: "5002213" })] },
    attendu: { constat: "code-invalide", message: /7 chiffres au lieu de 8/ },
  },
  { nom: "code formation vide", entree: { feuille: [E, L({ 2: null })] }, attendu: { constat: "code-vide" } },
  {
    nom: "code formation de 40 000 caractères",
    entree: { feuille: [E, L({ 2: "9".repeat(40_000) })] },
    attendu: {
      constat: "code-invalide",
      message: /^Code formation « 9{60}… \(40\u202f000 caractères\) » invalide/,
    },
  },
  {
    nom: "UAI manquant (cellules UAI fusionnées)",
    entree: { feuille: [E, L(), L({ 0: null, 2: "50022139" })] },
    attendu: { constat: "uai-manquant", ligne: 3, comptees: 1 },
  },
  {
    nom: "UAI à la lettre de contrôle fausse",
    entree: { feuille: [E, L({ 0: "0750655F" })] },
    attendu: { constat: "uai-lettre-cle", comptees: 1 },
  },
  {
    nom: "UAI hors Île-de-France",
    entree: { feuille: [E, L({ 0: "0601234R" })] },
    attendu: { constat: "uai-hors-ile-de-france", comptees: 1 },
  },
  {
    nom: "UAI illisible",
    entree: { feuille: [E, L({ 0: "LYCEE 12" })] },
    attendu: { constat: "uai-invalide" },
  },
  {
    nom: "ligne collée deux fois",
    entree: { feuille: [E, L(), L()] },
    attendu: { constat: "doublon", ligne: 3, comptees: 1 },
  },
  {
    nom: "100 000 lignes identiques",
    entree: { feuille: [E, ...vides(100_000, L())] },
    attendu: { constat: "doublon", comptees: 1 },
  },
  {
    nom: "1 000 000 de lignes vides sous les données (plage utilisée immense)",
    entree: { feuille: [E, L(), ...vides(1_000_000)] },
    attendu: { constat: null, comptees: 1 },
  },
  {
    nom: "apprentis",
    entree: {
      feuille: [
        [...E, "Statut"],
        [...L(), "Apprenti"],
      ],
    },
    attendu: { constat: "apprentissage" },
  },
  {
    nom: "année de formation 2",
    entree: {
      feuille: [
        [...E, "Année de formation"],
        [...L(), 2],
      ],
    },
    attendu: { constat: "hors-premiere-annee" },
  },
  {
    nom: "année de formation 4 : illisible, jamais « hors première année »",
    entree: {
      feuille: [
        [...E, "Année de formation"],
        [...L(), 4],
      ],
    },
    attendu: { constat: "annee-formation-illisible", comptees: 0 },
  },
  {
    nom: "colonne « Année » à 2 : lue comme l'année de formation",
    entree: {
      feuille: [
        [...E, "Année"],
        [...L(), 2],
      ],
    },
    attendu: { constat: "hors-premiere-annee", comptees: 0 },
  },
  {
    nom: "colonne « Année » à « 2023-2024 » (l'année scolaire) : ligne comptée",
    entree: {
      feuille: [
        [...E, "Année"],
        [...L(), "2023-2024"],
      ],
    },
    attendu: { constat: null, comptees: 1 },
  },
  {
    // The plain « Année » (the school year here) stood left: read first, its 2023 said nothing, and
    // « Année de formation » was ignored (colonne-en-double): the 2nd-year row was paid.
    nom: "colonne « Année » (2023) à gauche de « Année de formation » (2) : l'année de formation lue",
    entree: {
      feuille: [
        [...E, "Année", "Année de formation"],
        [...L(), 2023, 2],
      ],
    },
    attendu: { constat: "hors-premiere-annee", comptees: 0 },
  },
  {
    nom: "année de formation « seconde »",
    entree: {
      feuille: [
        [...E, "Année de formation"],
        [...L(), "seconde"],
      ],
    },
    attendu: { constat: "annee-formation-illisible" },
  },
  {
    // « 2nde pro » is the first year of a bac pro, « 1ère pro » its second: a class name says no year
    // of formation by itself, the row is an erreur (it was read as year 2, then as year 1).
    nom: "année de formation « 2NDE PRO » (nom de classe)",
    entree: {
      feuille: [
        [...E, "Année de formation"],
        [...L(), "2NDE PRO"],
      ],
    },
    attendu: { constat: "annee-formation-illisible", comptees: 0, message: /nom de classe/ },
  },
  {
    nom: "année de formation « 1ère pro » (nom de classe, 2e année d'un bac pro)",
    entree: {
      feuille: [
        [...E, "Année de formation"],
        [...L(), "1ère pro"],
      ],
    },
    attendu: { constat: "annee-formation-illisible", comptees: 0 },
  },
  {
    nom: "statut « Non apprenti » : sous statut scolaire, compté",
    entree: {
      feuille: [
        [...E, "Statut"],
        [...L(), "Non apprenti"],
      ],
    },
    attendu: { constat: null, comptees: 1 },
  },
  {
    nom: "statut « Formation continue » (stagiaires d'un GRETA)",
    entree: {
      feuille: [
        [...E, "Statut"],
        [...L(), "Formation continue"],
      ],
    },
    attendu: { constat: "hors-statut-scolaire", comptees: 0 },
  },
  {
    nom: "statut « Non scolaire »",
    entree: {
      feuille: [
        [...E, "Statut"],
        [...L(), "Non scolaire"],
      ],
    },
    attendu: { constat: "hors-statut-scolaire", comptees: 0 },
  },
  {
    nom: "statut « Scolaires et formation continue » sur une même ligne",
    entree: {
      feuille: [
        [...E, "Statut"],
        [...L(), "Scolaires et formation continue"],
      ],
    },
    attendu: { constat: "statut-mixte", comptees: 0 },
  },
  {
    nom: "statut « Alternance » (contrat d'apprentissage ou de professionnalisation)",
    entree: {
      feuille: [
        [...E, "Statut"],
        [...L(), "Alternance"],
      ],
    },
    attendu: { constat: "apprentissage", comptees: 0 },
  },
  {
    nom: "statut « Contrat de pro »",
    entree: {
      feuille: [
        [...E, "Statut"],
        [...L(), "Contrat de pro"],
      ],
    },
    attendu: { constat: "apprentissage", comptees: 0 },
  },
  {
    nom: "statut « AP » (code apprenti d'une extraction, ST pour scolaire)",
    entree: {
      feuille: [
        [...E, "Statut"],
        [...L(), "AP"],
      ],
    },
    attendu: { constat: "apprentissage", comptees: 0 },
  },
  {
    nom: "statut « Scolaire (non apprenti) » : compté",
    entree: {
      feuille: [
        [...E, "Statut"],
        [...L(), "Scolaire (non apprenti)"],
      ],
    },
    attendu: { constat: null, comptees: 1 },
  },
  {
    nom: "entrée directe « peut-être »",
    entree: {
      feuille: [
        [...E, "Année de formation", "Entrée directe"],
        [...L(), 2, "peut-être"],
      ],
    },
    attendu: { constat: "entree-directe-illisible" },
  },
  {
    nom: "formation non éligible (bac techno ST2S)",
    entree: { feuille: [E, L({ 2: "43033104" })] },
    attendu: { constat: "formation-non-eligible", message: /ST2S/ },
  },
  {
    nom: "code éligible absent de la liste indicative",
    entree: { feuille: [E, L({ 2: "40025214" })] },
    attendu: { constat: "hors-liste", comptees: 1 },
  },
  {
    nom: "unicode et emoji dans le nom et le libellé",
    entree: { feuille: [E, L({ 1: "Lycée 🎓 Ōsaka — « test »", 3: "BOULANGER 🥖 (CAP)" })] },
    attendu: { constat: null, comptees: 1 },
  },
  {
    nom: "nom « =HYPERLINK(…) » et libellé « +cmd|… » (texte qui ressemble à une formule)",
    entree: {
      feuille: [E, L({ 1: '=HYPERLINK("http://exemple.invalid";"clic")', 3: "+cmd|' /C calc'!A0" })],
    },
    attendu: { constat: null, comptees: 1 },
  },

  // —— Establishment-level values (an establishments sheet next to the effectifs) ——
  {
    nom: "taux de boursiers illisible",
    entree: { effectifs: [E, L()], etablissements: [ET, ["0750655E", "un tiers", 0, "oui"]] },
    attendu: { constat: "taux-illisible" },
  },
  {
    nom: "taux de boursiers de 120 %",
    entree: { effectifs: [E, L()], etablissements: [ET, ["0750655E", 120, 0, "oui"]] },
    attendu: { constat: "taux-illisible", message: /compris entre 0 % et 100 %/ },
  },
  {
    nom: "reliquat négatif",
    entree: { effectifs: [E, L()], etablissements: [ET, ["0750655E", "35 %", -500, "oui"]] },
    attendu: { constat: "reliquat-negatif" },
  },
  {
    nom: "reliquat « 1.200 » ambigu",
    entree: { effectifs: [E, L()], etablissements: [ET, ["0750655E", "35 %", "1.200", "oui"]] },
    attendu: { constat: "reliquat-illisible", message: /ambigu/ },
  },
  {
    nom: "reliquat « -0,00 » d'un export comptable",
    entree: { effectifs: [E, L()], etablissements: [ET, ["0750655E", "35 %", "-0,00", "oui"]] },
    attendu: { constat: null, comptees: 2 },
  },
  {
    nom: "reliquat à trois décimales",
    entree: { effectifs: [E, L()], etablissements: [ET, ["0750655E", "35 %", "1 200,505", "oui"]] },
    attendu: { constat: "montant-arrondi" },
  },
  {
    nom: "réponse à l'enquête « peut-être »",
    entree: { effectifs: [E, L()], etablissements: [ET, ["0750655E", "35 %", 0, "peut-être"]] },
    attendu: { constat: "reponse-illisible" },
  },
  {
    nom: "deux reliquats différents pour un établissement",
    entree: {
      effectifs: [
        [...E, "Reliquat pré-bac"],
        [...L(), 300],
      ],
      etablissements: [ET, ["0750655E", "35 %", 200, "oui"]],
    },
    attendu: { constat: "valeur-divergente" },
  },
  {
    nom: "établissement absent de la feuille des établissements",
    entree: {
      effectifs: [E, L(), L({ 0: "0750654D" })],
      etablissements: [ET, ["0750655E", "35 %", 0, "oui"]],
    },
    attendu: { constat: "etablissement-absent" },
  },
  {
    nom: "établissement sans aucune ligne d'effectif",
    entree: {
      effectifs: [E, L()],
      etablissements: [ET, ["0750655E", "35 %", 0, "oui"], ["0930122C", "20 %", 500, "oui"]],
    },
    attendu: { constat: "etablissement-sans-effectifs" },
  },
  {
    nom: "effectif post-bac sans taux de boursiers",
    entree: { effectifs: [E, L({ 2: "32025520" })], etablissements: [ET, ["0750655E", null, 0, "oui"]] },
    attendu: { constat: "taux-boursiers-manquant" },
  },

  // —— Files given to the command line ——
  {
    nom: "fichier .xlsx de 0 octet",
    entree: { fichier: "effectifs.xlsx", octets: () => Buffer.alloc(0) },
    attendu: { sortie: 2, message: /est vide \(0 octet\)/ },
  },
  {
    nom: "archive .xlsx tronquée",
    entree: {
      fichier: "effectifs.xlsx",
      octets: async () => {
        const bytes = await xlsxExcelJS(feuilleExcelJS("Effectifs", [E, L()]));
        return bytes.subarray(0, Math.floor(bytes.length * 0.6));
      },
    },
    attendu: { sortie: 2, message: /endommagé ou incomplet/ },
  },
  {
    nom: "classeur Excel 97-2003 (.xls) renommé en .xlsx",
    entree: { fichier: "effectifs.xlsx", octets: () => fichierOle("Workbook") },
    attendu: { sortie: 2, message: /Excel 97-2003 \(\.xls\)/ },
  },
  {
    nom: "classeur protégé par mot de passe",
    entree: { fichier: "effectifs.xlsx", octets: () => fichierOle("EncryptionInfo EncryptedPackage") },
    attendu: { sortie: 2, message: /protégé par mot de passe/ },
  },
  {
    nom: "classeur OpenDocument (.ods) renommé en .xlsx",
    entree: {
      fichier: "effectifs.xlsx",
      octets: async () => {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const JSZip = require("jszip");
        const zip = new JSZip();
        zip.file("mimetype", "application/vnd.oasis.opendocument.spreadsheet", { compression: "STORE" });
        zip.file("content.xml", "<office:document-content/>");
        return zip.generateAsync({ type: "nodebuffer" });
      },
    },
    attendu: { sortie: 2, message: /OpenDocument/ },
  },
  {
    nom: "octets aléatoires nommés .csv",
    entree: {
      fichier: "effectifs.csv",
      octets: () => Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 7919 + 31) % 256)),
    },
    attendu: { sortie: 2, message: /n'est pas un tableur lisible/ },
  },
  {
    nom: "feuille XML coupée sur « </row » (le lecteur tournait en boucle)",
    entree: {
      fichier: "effectifs.xlsx",
      octets: () =>
        xlsxFaitMain(FEUILLE_XML(lignesXml([E, L()])).replace(/<\/row><\/sheetData>.*$/s, "</row")),
    },
    attendu: { sortie: 2, message: /endommagé ou incomplet/ },
  },
  {
    nom: "chaînes partagées de 600 Mo une fois décompressées (bombe zip)",
    entree: { fichier: "effectifs.xlsx", octets: () => xlsxBombe(600) },
    attendu: { sortie: 2, message: /dépasse 500 Mo/ },
  },
  {
    nom: "partie des chaînes partagées absente de l'archive",
    entree: {
      fichier: "effectifs.xlsx",
      octets: () =>
        xlsxFaitMain(
          FEUILLE_XML('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>'),
          null,
        ),
    },
    attendu: { sortie: 2, message: /endommagé : des cellules renvoient à des textes absents du classeur/ },
  },
  {
    nom: "chaînes partagées incomplètes (un effectif « 24 » deviendrait un numéro de texte)",
    entree: {
      fichier: "effectifs.xlsx",
      octets: () =>
        xlsxFaitMain(
          FEUILLE_XML(
            '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>' +
              '<row r="2"><c r="A2" t="s"><v>3</v></c><c r="B2" t="s"><v>4</v></c><c r="C2" t="s"><v>5</v></c></row>',
          ),
          '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>UAI</t></si><si><t>Code diplôme</t></si><si><t>Effectif</t></si><si><t>0750655E</t></si><si><t>50022137</t></si></sst>',
        ),
    },
    attendu: { sortie: 2, message: /endommagé : des cellules renvoient à des textes absents du classeur/ },
  },
  {
    nom: "chaînes en ligne (inlineStr) d'un autre générateur",
    entree: {
      fichier: "effectifs.xlsx",
      octets: () => xlsxFaitMain(FEUILLE_XML(lignesXml([E, L(), L({ 2: "50022139" })]))),
    },
    attendu: { sortie: 0, constat: null, comptees: 2 },
  },
  {
    nom: "plage utilisée jusqu'à la ligne 1 048 576 (cellules vides mises en forme)",
    entree: {
      fichier: "effectifs.xlsx",
      octets: () =>
        xlsxFaitMain(
          FEUILLE_XML(
            lignesXml([E, L()]) + '<row r="1048576"><c r="A1048576" s="1"/><c r="XFD1048576" s="1"/></row>',
          ),
        ),
    },
    attendu: { sortie: 0, constat: null, comptees: 1 },
  },
  {
    nom: "formule jamais calculée (aucune valeur enregistrée)",
    entree: {
      fichier: "effectifs.xlsx",
      octets: () =>
        xlsxFaitMain(FEUILLE_XML(lignesXml([E, L()]).replace("<v>24</v>", "<f>SOMME(F2:F9)</f>"))),
    },
    attendu: {
      sortie: 1,
      constat: "formule-sans-valeur",
      message: /Ouvrez le fichier dans Excel, enregistrez-le/,
    },
  },
  {
    nom: "classeur dont toutes les feuilles sont vides",
    entree: {
      fichier: "effectifs.xlsx",
      octets: () => xlsxExcelJS((wb) => void (wb.addWorksheet("Paris"), wb.addWorksheet("Créteil"))),
    },
    attendu: { sortie: 2, message: /Toutes les feuilles de « effectifs\.xlsx » sont vides/ },
  },
  {
    nom: "CSV au guillemet jamais refermé",
    entree: {
      fichier: "effectifs.csv",
      octets: () =>
        encoder('UAI;Code diplôme;Effectif\r\n0750655E;"50022137;24\r\n0750654D;50022139;12\r\n', "utf-8"),
    },
    attendu: { sortie: 2, message: /un guillemet ouvert à la ligne 2 n'est jamais refermé/ },
  },
  {
    nom: "CSV en Windows-1252 (« é » sur un octet)",
    entree: {
      fichier: "effectifs.csv",
      octets: () =>
        encoder("UAI;Libellé;Code diplôme;Effectif\r\n0750655E;PÂTISSIER;50022141;18\r\n", "windows-1252"),
    },
    attendu: { sortie: 0, constat: null, comptees: 1 },
  },
  {
    nom: "CSV en UTF-8 avec BOM",
    entree: {
      fichier: "effectifs.csv",
      octets: () => encoder("UAI;Code diplôme;Effectif\r\n0750655E;50022137;24\r\n", "utf-8-bom"),
    },
    attendu: { sortie: 0, constat: null, comptees: 1 },
  },
  {
    nom: "CSV en UTF-16 avec BOM (« Texte Unicode » d'Excel)",
    entree: {
      fichier: "effectifs.csv",
      octets: () => encoder("UAI\tCode diplôme\tEffectif\r\n0750655E\t50022137\t24\r\n", "utf-16le"),
    },
    attendu: { sortie: 0, constat: null, comptees: 1 },
  },
  {
    nom: "CSV aux séparateurs mélangés (« ; » puis « , »)",
    entree: {
      fichier: "effectifs.csv",
      octets: () =>
        encoder(
          "UAI;Code diplôme;Effectif\r\n0750655E;50022137;24\r\n0750654D;50022139;12\r\n0750654D,50022141,8\r\n",
          "utf-8",
        ),
    },
    // The « , » line is one cell under « ; »: data that could not be split, an erreur, not lost.
    attendu: { sortie: 1, constat: "ligne-mal-decoupee", ligne: 4, comptees: 2 },
  },
  {
    nom: "CSV sans aucune donnée (lignes vides)",
    entree: { fichier: "effectifs.csv", octets: () => encoder("\r\n;;\r\n\r\n", "utf-8") },
    attendu: { sortie: 2, message: /ne contient aucune donnée/ },
  },
  {
    nom: "CSV dont l'en-tête est au-delà de la ligne 30",
    entree: {
      fichier: "effectifs.csv",
      octets: () =>
        encoder(
          "Extraction;;\r\n".repeat(31) + "UAI;Code diplôme;Effectif\r\n0750655E;50022137;24\r\n",
          "utf-8",
        ),
    },
    attendu: { sortie: 2, message: /Aucune ligne d'en-tête reconnue/ },
  },
  {
    nom: "CSV séparé par des virgules, effectif « 12,5 » entre guillemets",
    entree: {
      fichier: "effectifs.csv",
      octets: () => encoder('UAI,Code diplôme,Effectif\r\n0750655E,50022137,"12,5"\r\n', "utf-8"),
    },
    attendu: { sortie: 1, constat: "effectif-decimal" },
  },
  {
    nom: "CSV contenant des octets nuls",
    entree: {
      fichier: "effectifs.csv",
      octets: () => Buffer.from("UAI;Code diplôme\u0000;Effectif\r\n", "utf8"),
    },
    attendu: { sortie: 2, message: /n'est pas un tableur lisible/ },
  },
  {
    nom: "CSV dont une cellule est « =HYPERLINK(…) »",
    entree: {
      fichier: "effectifs.csv",
      octets: () =>
        encoder(
          'UAI;Établissement;Code diplôme;Effectif\r\n0750655E;"=HYPERLINK(""http://exemple.invalid"";""clic"")";50022137;24\r\n',
          "utf-8",
        ),
    },
    attendu: { sortie: 0, constat: null, comptees: 1 },
  },
];

const parametres = Parametres.embarques();

interface Constaté {
  readonly code: string;
  readonly ligne: number | null;
  readonly message: string;
}

interface Issue {
  readonly constats: readonly Constaté[];
  readonly comptees: number;
  readonly sortie?: number;
  readonly stderr?: string;
}

let dossier: string;
beforeAll(() => {
  dossier = tempDir("are-corpus-");
});
afterAll(() => removeDir(dossier));

async function traiter(entree: Entree): Promise<Issue> {
  if ("feuille" in entree) {
    const classeur = new MemoryWorkbook({ Collée: entree.feuille });
    const r = await controlerFeuille(classeur, "Collée", { annee: 2024 });
    expect(r.lignes.comptees + r.lignes.ecartees).toBe(r.lignes.nonVides);
    return { constats: r.constats, comptees: r.lignes.comptees };
  }
  if ("effectifs" in entree) {
    const classeur = new MemoryWorkbook({
      Effectifs: entree.effectifs,
      Établissements: entree.etablissements,
    });
    const r = await calculerDotations(classeur, {
      feuillesEffectifs: ["Effectifs"],
      feuilleEtablissements: "Établissements",
      annee: 2024,
      parametres,
    });
    expect(r.lignes.comptees + r.lignes.ecartees).toBe(r.lignes.nonVides);
    return { constats: r.constats, comptees: r.lignes.comptees };
  }
  const fichier = path.join(dossier, entree.fichier);
  fs.writeFileSync(fichier, await entree.octets());
  const r = await run([entree.commande ?? "controle", fichier, "--annee", "2024", "--json"]);
  expect(r.stderr).not.toMatch(/\n\s+at |Erreur inattendue/); // a French message, never a stack trace
  if (r.code === 2) return { constats: [], comptees: 0, sortie: 2, stderr: r.stderr };
  const json = JSON.parse(r.stdout) as { lignes: { comptees: number }; constats: Constaté[] };
  return { constats: json.constats, comptees: json.lignes.comptees, sortie: r.code };
}

describe("Corpus des entrées défectueuses : un constat ou un message clair, jamais d'exception ni de ligne perdue", () => {
  test("au moins 40 cas, chacun nommé une fois", () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(40);
    expect(new Set(CORPUS.map((c) => c.nom)).size).toBe(CORPUS.length);
  });

  test.each(CORPUS.map((cas) => [cas.nom, cas] as const))(
    "%s",
    async (_nom, { entree, attendu }) => {
      const issue = await traiter(entree);
      if (attendu.sortie !== undefined) expect(issue.sortie).toBe(attendu.sortie);
      if (issue.sortie === 2) {
        expect(issue.stderr).toMatch(attendu.message ?? /./);
        return;
      }
      if (attendu.constat === null) expect(issue.constats).toEqual([]);
      else if (attendu.constat !== undefined) {
        const trouves = issue.constats.filter(
          (c) => c.code === attendu.constat && (attendu.ligne === undefined || c.ligne === attendu.ligne),
        );
        expect({ code: attendu.constat, trouves: trouves.length > 0 }).toEqual({
          code: attendu.constat,
          trouves: true,
        });
        if (attendu.message) expect(trouves.some((c) => attendu.message!.test(c.message))).toBe(true);
      }
      if (attendu.comptees !== undefined) expect(issue.comptees).toBe(attendu.comptees);
      // Every message stays readable, whatever was pasted.
      for (const c of issue.constats) expect(c.message.length).toBeLessThan(2000);
    },
    60_000,
  );

  test("chaque cas figure dans le tableau de docs/security.md", () => {
    const doc = fs.readFileSync(path.join(__dirname, "..", "..", "docs", "security.md"), "utf8");
    // A « | » is written « \| » in a Markdown table.
    const absents = CORPUS.map((c) => c.nom).filter((nom) => !doc.includes(nom.replace(/\|/g, "\\|")));
    expect(absents).toEqual([]);
  });
});

describe("Statuts d'apprentis : montants à la main (R5)", () => {
  // 2024-2025, pré-bac 157 €. Comptés : 24 BOULANGER (Scolaire) + 12 COIFFURE (« Scolaire (non
  // apprenti) ») = 36 élèves × 157 € = 5 652,00 €. Écartés : 10 CUISINE en alternance, 6 PATISSIER en
  // « Contrat de pro », 3 en « AP ». Avant : 24 + 10 + 6 + 3 = 43 × 157 = 6 751,00 €.
  test("« Alternance », « Contrat de pro », « AP » écartés ; « Scolaire (non apprenti) » compté", async () => {
    const r = await dotationsArago([
      [...E, "Statut"],
      [...L(), "Scolaire"],
      [...L({ 2: "50022139", 3: "CUISINE (CAP)", 4: 10 }), "Alternance"],
      [...L({ 2: "50022141", 3: "PATISSIER (CAP)", 4: 6 }), "Contrat de pro"],
      [...L({ 2: "50022142", 3: "PRODUCTION ET SERVICE EN RESTAURATION (CAP)", 4: 3 }), "AP"],
      [...L({ 2: "50033616", 3: "METIERS DE LA COIFFURE (CAP)", 4: 12 }), "Scolaire (non apprenti)"],
    ]);
    const [d] = r.etablissements;
    expect(d.effectifs).toEqual({ prepaMetiers: 0, preBac: 36, postBac: 0 });
    expect(d.nette.preBac.valeur.toFixed(2)).toBe("5652.00");
    expect(r.constats.filter((c) => c.code === "apprentissage").map((c) => c.ligne)).toEqual([3, 4, 5]);
  });
});

describe("Colonne « Année » : montants à la main (R5)", () => {
  // 2024-2025, pré-bac 157 €. Une extraction de toutes les années, l'année dans « Année » : 24
  // BOULANGER en 1re année comptés, 18 CUISINE de 2e année et 15 PATISSIER de 3e non :
  // 24 × 157 = 3 768,00 €. Avant, la colonne n'était pas lue : 57 × 157 = 8 949,00 €.
  test("« Année » 1, 2, 3 : seule la première année compte", async () => {
    const r = await dotationsArago([
      [...E, "Année"],
      [...L(), 1],
      [...L({ 2: "50022139", 3: "CUISINE (CAP)", 4: 18 }), 2],
      [...L({ 2: "50022141", 3: "PATISSIER (CAP)", 4: 15 }), "3e année"],
    ]);
    expect(r.etablissements[0].effectifs.preBac).toBe(24);
    expect(r.etablissements[0].nette.preBac.valeur.toFixed(2)).toBe("3768.00");
    expect(r.constats.map((c) => [c.code, c.ligne])).toEqual([
      ["hors-premiere-annee", 3],
      ["hors-premiere-annee", 4],
    ]);
  });

  // « Année » à 2023 (l'année de rentrée) : ce n'est pas l'année de formation, mais l'année scolaire
  // 2023-2024, celle des effectifs n-1 de la dotation 2024-2025 : les lignes comptent, (24 + 18) × 157
  // = 6 594,00 €. Sous « Année de formation », 2024 est une erreur : un titre qui dit l'année de
  // formation ne se devine pas.
  test("« Année » à 2023 ou « 2023-2024 » : l'année scolaire des effectifs n-1, pas l'année de formation", async () => {
    const r = await dotationsArago([
      [...E, "Année"],
      [...L(), 2023],
      [...L({ 2: "50022139", 3: "CUISINE (CAP)", 4: 18 }), "2023-2024"],
    ]);
    expect(r.constats).toEqual([]);
    expect(r.etablissements[0].nette.preBac.valeur.toFixed(2)).toBe("6594.00");
    const titre = await dotationsArago([
      [...E, "Année de formation"],
      [...L(), 2024],
    ]);
    expect(titre.constats.map((c) => c.code)).toContain("annee-formation-illisible");
    expect(titre.lignes.ecarteesParMotif).toEqual({ "annee-formation-illisible": 1 });
  });

  // regles.md#lecture.annee-scolaire-effectifs : « Année » à 2024 ou « 2024-2025 » pour la dotation
  // 2024-2025, ce sont les effectifs de l'année même, pas n-1 : rien n'est compté (0 €), chaque ligne
  // le dit, et une erreur dit que la feuille n'a aucune ligne de 2023-2024. Avant : lignes comptées
  // comme sans la colonne, 6 594,00 €.
  test("« Année » à 2024 ou « 2024-2025 » pour 2024-2025 : pas les effectifs n-1, rien de compté, dit", async () => {
    const r = await dotationsArago([
      [...E, "Année"],
      [...L(), 2024],
      [...L({ 2: "50022139", 3: "CUISINE (CAP)", 4: 18 }), "2024-2025"],
    ]);
    expect(r.constats.map((c) => [c.code, c.gravite, c.ligne])).toEqual([
      ["annee-scolaire-autre", "info", 2],
      ["annee-scolaire-autre", "info", 3],
      ["effectifs-autre-annee", "erreur", null],
      ["etablissement-sans-effectifs", "info", 2],
    ]);
    expect(r.constats[0].message).toBe(
      "« 2024 » lu comme la rentrée 2024, effectifs de 2024-2025 : la dotation 2024-2025 se calcule sur les effectifs n-1, ceux de 2023-2024. Ligne non comptée.",
    );
    expect(r.etablissements.map((e) => e.nette.preBac?.valeur.toFixed(2))).toEqual(["0.00"]);
  });
});

/**
 * regles.md#lecture.annee-scolaire-effectifs : une extraction de plusieurs années scolaires, l'année dans
 * « Année scolaire » ou « Rentrée ». 2024-2025, pré-bac 157 € : seuls les 12 CUISINE de 2023-2024
 * (effectifs n-1) comptent, 12 × 157 = 1 884,00 €. Avant, les deux années s'additionnaient :
 * (10 + 12) × 157 = 3 454,00 €, sans un mot (et « Année scolaire » donnait une alerte trompeuse).
 */
describe("Extraction de plusieurs années scolaires : montants à la main", () => {
  test.each([
    ["Année scolaire", "2022-2023", "2023-2024"],
    ["Année scolaire", "2022/2023", "2023/24"],
    // The dash of a word processor, as the add-in reads a school year everywhere (texteSaisi): before,
    // « 2023\u20132024 » was an unreadable year and its 12 pupils were not counted.
    ["Année scolaire", "2022\u20132023", "2023\u20132024"],
    ["Rentrée", 2022, 2023],
  ])(
    "« %s » à %s et %s : seule 2023-2024 compte, 1 884,00 € (jamais 3 454,00 €)",
    async (titre, avant, n1) => {
      const r = await dotationsArago([
        [...E, titre],
        [...L({ 2: "50022139", 3: "CUISINE (CAP)", 4: 10 }), avant],
        [...L({ 2: "50022139", 3: "CUISINE (CAP)", 4: 12 }), n1],
      ]);
      expect(r.etablissements[0].nette.preBac.valeur.toFixed(2)).toBe("1884.00");
      expect(r.constats.map((c) => [c.code, c.gravite, c.ligne, c.colonne])).toEqual([
        ["annee-scolaire-autre", "info", 2, "F"],
      ]);
    },
  );

  // A date of rentrée gives its school year (August to December: that rentrée; January to July: the
  // previous one): 12 CUISINE (04/09/2023) + 5 BOULANGER (15/01/2024) + 3 PATISSIER (04.09.2023) + 2
  // PRODUCTION (2023-09-04) = 22 × 157 = 3 454,00 €.
  test("« Rentrée » en dates : 04/09/2022 écartée, 04/09/2023, 15/01/2024, 04.09.2023 et 2023-09-04 de 2023-2024, 3 454,00 €", async () => {
    const r = await dotationsArago([
      [...E, "Rentrée"],
      [...L({ 2: "50022139", 3: "CUISINE (CAP)", 4: 10 }), "04/09/2022"],
      [...L({ 2: "50022139", 3: "CUISINE (CAP)", 4: 12 }), "04/09/2023"],
      [...L({ 4: 5 }), "15/01/2024"],
      // The other ways estTexteDate reads a date: before, unreadable years, rows not counted.
      [...L({ 2: "50022141", 3: "PATISSIER (CAP)", 4: 3 }), "04.09.2023"],
      [...L({ 2: "50022142", 3: "PRODUCTION ET SERVICE EN RESTAURATION (CAP)", 4: 2 }), "2023-09-04"],
    ]);
    expect(r.etablissements[0].nette.preBac.valeur.toFixed(2)).toBe("3454.00");
    expect(r.constats.map((c) => [c.code, c.ligne, c.message])).toEqual([
      [
        "annee-scolaire-autre",
        2,
        "« 04/09/2022 » lu comme la rentrée 2022, effectifs de 2022-2023 : la dotation 2024-2025 se calcule sur les effectifs n-1, ceux de 2023-2024. Ligne non comptée.",
      ],
    ]);
  });

  test("« Année scolaire » illisible (« juin 2024 ») : erreur, ligne non comptée ; vide : comptée", async () => {
    const r = await dotationsArago([
      [...E, "Année scolaire"],
      [...L({ 2: "50022139", 3: "CUISINE (CAP)", 4: 10 }), "juin 2024"],
      [...L({ 2: "50022139", 3: "CUISINE (CAP)", 4: 12 }), null],
    ]);
    // 12 × 157 = 1 884,00 €.
    expect(r.etablissements[0].nette.preBac.valeur.toFixed(2)).toBe("1884.00");
    expect(r.constats.map((c) => [c.code, c.gravite, c.ligne])).toEqual([
      ["annee-scolaire-illisible", "erreur", 2],
    ]);
  });
});

describe("Formation continue et statuts non scolaires : montants à la main (R5)", () => {
  // 2024-2025, pré-bac 157 €. Comptés : 24 BOULANGER (« ST ») + 12 COIFFURE (« Scolaire (non
  // apprenti) ») = 36 élèves × 157 € = 5 652,00 €. Écartés : 15 CUISINE en « Formation continue »,
  // 8 PATISSIER « GRETA », 5 en « Non scolaire ». Avant, tous comptés : 36 + 15 + 8 + 5 = 64 × 157 =
  // 10 048,00 €, dont 28 × 157 = 4 396,00 € à des stagiaires adultes.
  test("« Formation continue », « GRETA », « Non scolaire » écartés avec leur motif", async () => {
    const r = await dotationsArago([
      [...E, "Statut"],
      [...L(), "ST"],
      [...L({ 2: "50022139", 3: "CUISINE (CAP)", 4: 15 }), "Formation continue"],
      [...L({ 2: "50022141", 3: "PATISSIER (CAP)", 4: 8 }), "GRETA"],
      [...L({ 2: "50022142", 3: "PRODUCTION ET SERVICE EN RESTAURATION (CAP)", 4: 5 }), "Non scolaire"],
      [...L({ 2: "50033616", 3: "METIERS DE LA COIFFURE (CAP)", 4: 12 }), "Scolaire (non apprenti)"],
    ]);
    const [d] = r.etablissements;
    expect(d.effectifs).toEqual({ prepaMetiers: 0, preBac: 36, postBac: 0 });
    expect(d.nette.preBac.valeur.toFixed(2)).toBe("5652.00");
    const ecartees = r.constats.filter((c) => c.code === "hors-statut-scolaire");
    expect(ecartees.map((c) => c.ligne)).toEqual([3, 4, 5]);
    expect(ecartees[0].message).toBe(
      "Statut « Formation continue » : l'ARE équipe les élèves sous statut scolaire : ni la formation continue ni les auditeurs libres. Ligne non comptée.",
    );
  });
});

describe("Colonne « Apprenti » répondue oui / non : montants à la main (R5)", () => {
  // 2024-2025, pré-bac 157 €. Comptés : 24 BOULANGER (« non ») + 12 COIFFURE (cellule vide) + 6
  // PATISSIER (« Scolaire ») = 42 élèves × 157 € = 6 594,00 €. Écartés : 10 CUISINE (« oui »), 3 en
  // « x ». Avant, la colonne était ignorée : 55 élèves × 157 € = 8 635,00 €.
  test("« oui » et « x » écartés, « non », vide et « Scolaire » comptés", async () => {
    const r = await dotationsArago([
      [...E, "Apprenti"],
      [...L(), "non"],
      [...L({ 2: "50022139", 3: "CUISINE (CAP)", 4: 10 }), "oui"],
      [...L({ 2: "50022141", 3: "PATISSIER (CAP)", 4: 6 }), "Scolaire"],
      [...L({ 2: "50022142", 3: "PRODUCTION ET SERVICE EN RESTAURATION (CAP)", 4: 3 }), "x"],
      [...L({ 2: "50033616", 3: "METIERS DE LA COIFFURE (CAP)", 4: 12 }), null],
    ]);
    const [d] = r.etablissements;
    expect(d.effectifs).toEqual({ prepaMetiers: 0, preBac: 42, postBac: 0 });
    expect(d.nette.preBac.valeur.toFixed(2)).toBe("6594.00");
    const ecartees = r.constats.filter((c) => c.code === "apprentissage");
    expect(ecartees.map((c) => c.ligne)).toEqual([3, 5]);
    expect(ecartees[0].message).toMatch(/^Apprenti « oui » : l'ARE n'est pas applicable/);
  });

  test("« Statut » répondu « oui » reste un statut inconnu, compté (la question n'est pas posée)", async () => {
    const r = await dotationsArago([
      [...E, "Statut"],
      [...L(), "oui"],
    ]);
    expect(r.etablissements[0].effectifs.preBac).toBe(24);
  });
});
