/**
 * Corpus (issue 11, item 19) : des lignes masquées ou filtrées d'une feuille d'effectifs sont des
 * données — lues et comptées comme les autres, avec une seule information « lignes-masquees » qui dit
 * combien, pour qu'un utilisateur qui les avait masquées pour les exclure sache qu'elles comptent.
 * Forfait 2024-2025 pré-bac : 157 €.
 */
import type { CellValue } from "../../src/workbook/port";
import { readXlsxWithExcelJS } from "../../src/xlsx";
import { lireFeuilleEffectifs } from "../../src/sheet";
import { controlerFichier } from "../cli/run";
import { removeDir, tempDir } from "../xlsx/helpers";
import { FEUILLE_XML, feuilleExcelJS, lignesXml, xlsxExcelJS, xlsxFaitMain } from "./fabrique";

const GRILLE: CellValue[][] = [
  ["UAI", "Établissement", "Code diplôme", "Libellé", "Effectif"],
  ["0750655E", "Lycée Arago", "50022137", "BOULANGER (CAP)", 24], // row 2
  ["0750655E", "Lycée Arago", "40025408", "REPARATION DES CARROSSERIES (BAC PRO)", 30], // row 3, hidden
  ["0750655E", "Lycée Arago", "50022141", "PATISSIER (CAP)", 12], // row 4, hidden
  ["0750655E", "Total Lycée Arago", null, null, 66], // row 5, hidden total
];

let dossier: string;
beforeAll(() => {
  dossier = tempDir("are-masquees-");
});
afterAll(() => removeDir(dossier));

const controler = (nom: string, octets: Buffer) => controlerFichier(dossier, nom, octets);

describe("Corpus : lignes masquées ou filtrées", () => {
  test('un .xlsx aux lignes 3 à 5 masquées (<row hidden="1">) : 24 + 30 + 12 = 66 élèves comptés, le total masqué écarté, une information qui dit 3 lignes', async () => {
    const xml = lignesXml(GRILLE).replace(/<row r="([345])">/g, '<row r="$1" hidden="1">');
    const r = await controler("masquees.xlsx", await xlsxFaitMain(FEUILLE_XML(xml)));
    expect(r.effectifs.preBac).toBe(66);
    expect(r.lignes).toMatchObject({ nonVides: 4, comptees: 3, ecartees: 1 });
    const masquees = r.constats.filter((c) => c.code === "lignes-masquees");
    expect(masquees).toEqual([expect.objectContaining({ gravite: "info", ligne: null })]);
    expect(masquees[0].message).toContain("3 lignes sont masquées (ou filtrées)");
    expect(masquees[0].message).toContain("lignes 3, 4, 5");
    expect(masquees[0].message).toContain("supprimez-les");
    expect(r.constats.filter((c) => c.code === "ligne-total").map((c) => c.ligne)).toEqual([5]);
  });

  test("la ligne masquée d'un .xlsx écrit par ExcelJS, lue par le lecteur rapide puis par ExcelJS : la même information", async () => {
    const octets = await xlsxExcelJS((wb) => {
      feuilleExcelJS("Paris", GRILLE.slice(0, 3))(wb);
      wb.getWorksheet("Paris")!.getRow(3).hidden = true;
    });
    const r = await controler("exceljs.xlsx", octets);
    expect(r.effectifs.preBac).toBe(54);
    const masquees = r.constats.filter((c) => c.code === "lignes-masquees");
    expect(masquees.map((c) => c.message)).toEqual([expect.stringContaining("La ligne 3 est masquée")]);
    const lu = await readXlsxWithExcelJS(octets, "exceljs.xlsx", "exceljs.xlsx");
    expect(lu.sheets[0].hiddenRows).toEqual([2]);
  });

  test("une ligne masquée vide ou au-dessus de l'en-tête n'est pas signalée ; aucune ligne masquée, aucune information", () => {
    const sheet = (hiddenRows?: number[]) => ({
      name: "Paris",
      values: [["Extraction du 5 décembre"], ...GRILLE.slice(0, 3), []],
      rowOffset: 0,
      columnOffset: 0,
      hiddenRows,
    });
    const masquees = (hiddenRows?: number[]) =>
      lireFeuilleEffectifs(sheet(hiddenRows), 2024).session.constats.filter(
        (c) => c.code === "lignes-masquees",
      );
    expect(masquees([0, 4])).toEqual([]);
    expect(masquees(undefined)).toEqual([]);
    expect(masquees([3])).toHaveLength(1);
  });
});
