/**
 * Corpus (issue 11, item 17) : une date dans la colonne de l'effectif ou du taux de boursiers est
 * signalée comme une date (« effectif-date », « taux-date »), jamais lue comme des élèves — qu'elle
 * arrive en texte (.csv, « 24/01/1900 »), ou comme un nombre dont la cellule est au format date
 * (.xlsx lu par le lecteur rapide ou par ExcelJS ; Excel : voir test/excel/lignes-masquees.test.ts).
 * Forfait 2024-2025 pré-bac : 157 €.
 */
import ExcelJS from "exceljs";
import { dateDuNumeroDeSerie, estTexteDate, formatDeDate } from "../../src/sheet";
import { readXlsxWithExcelJS } from "../../src/xlsx";
import { controlerFichier } from "../cli/run";
import { removeDir, tempDir } from "../xlsx/helpers";
import { encoder } from "./fabrique";

let dossier: string;
beforeAll(() => {
  dossier = tempDir("are-dates-");
});
afterAll(() => removeDir(dossier));

const controler = (nom: string, octets: Buffer) => controlerFichier(dossier, nom, octets);

/** Lycée Arago: 24 BOULANGER counted; 30 in a date-formatted cell; 15/09/2023 typed as a date; a taux 24 shown as a date. */
async function classeurAvecDates(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Paris");
  ws.addRow(["UAI", "Code diplôme", "Effectif", "Taux de boursiers"]);
  ws.addRow(["0750655E", "50022137", 24, 0.35]);
  ws.addRow(["0750655E", "40025408", 30, 0.35]).getCell(3).numFmt = "dd/mm/yyyy";
  ws.addRow(["0750654D", "40025408", new Date(Date.UTC(2023, 8, 15)), null]).getCell(3).numFmt = "dd/mm/yyyy";
  ws.addRow(["0750653C", "50022137", 12, 24]).getCell(4).numFmt = "d/m/yy";
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe("Corpus : une date à la place d'un nombre", () => {
  test("un .xlsx : l'effectif 30 au format date (« 30/01/1900 ») et une vraie date (15/09/2023) ne comptent pas ; un taux au format date n'est pas utilisé", async () => {
    const r = await controler("dates.xlsx", await classeurAvecDates());
    expect(r.effectifs.preBac).toBe(24 + 12);
    const dates = r.constats.filter((c) => c.code === "effectif-date");
    expect(dates.map((c) => [c.gravite, c.ligne, c.colonne])).toEqual([
      ["erreur", 3, "C"],
      ["erreur", 4, "C"],
    ]);
    expect(dates[0].message).toContain("« 30/01/1900 » : c'est une date");
    expect(dates[0].message).toContain("La cellule vaut 30");
    expect(dates[0].message).toContain("format Nombre");
    expect(dates[1].message).toContain("« 15/09/2023 »");
    expect(dates[1].message).not.toContain("format Nombre"); // 45 184 students: only the date can be right
    const taux = r.constats.filter((c) => c.code === "taux-date");
    expect(taux).toEqual([expect.objectContaining({ gravite: "erreur", ligne: 5, colonne: "D" })]);
    expect(taux[0].message).toContain("Taux de boursiers « 24/01/1900 » : c'est une date");
  });

  test("le même classeur lu par ExcelJS (lecteur de secours) : les mêmes cellules de date", async () => {
    const lu = await readXlsxWithExcelJS(await classeurAvecDates(), "dates.xlsx", "dates.xlsx");
    expect(lu.sheets[0].dateCells).toEqual([2 * 16384 + 2, 3 * 16384 + 2, 4 * 16384 + 3]);
  });

  test("un .csv : « 24/01/1900 », « 24-01-2024 » et « 2024-01-24 » dans la colonne de l'effectif sont des dates ; « 24 » compte", async () => {
    const texte =
      "UAI;Code diplôme;Effectif\r\n0750655E;50022137;24/01/1900\r\n0750655E;40025408;24-01-2024\r\n0750654D;40025408;2024-01-24\r\n0750653C;50022137;24\r\n";
    const r = await controler("dates.csv", encoder(texte, "utf-8"));
    expect(r.effectifs.preBac).toBe(24);
    const dates = r.constats.filter((c) => c.code === "effectif-date");
    expect(dates.map((c) => c.ligne)).toEqual([2, 3, 4]);
    expect(dates[0].message).toContain("Saisissez un nombre d'élèves à la place de la date");
  });

  test("numéros de série d'Excel (29 février 1900 compris) et formats de date", () => {
    expect(dateDuNumeroDeSerie(24)).toBe("24/01/1900");
    expect(dateDuNumeroDeSerie(59)).toBe("28/02/1900");
    expect(dateDuNumeroDeSerie(60)).toBe("29/02/1900");
    expect(dateDuNumeroDeSerie(61)).toBe("01/03/1900");
    expect(dateDuNumeroDeSerie(45184)).toBe("15/09/2023");
    expect(dateDuNumeroDeSerie(45184.5)).toBe("15/09/2023 12:00");
    for (const f of [
      "dd/mm/yyyy",
      "d-mmm",
      "h:mm",
      "[$-40C]dddd d mmmm yyyy",
      "mm:ss",
      "yyyy-mm-dd",
      "h:mm AM/PM",
      "[h]:mm",
    ])
      expect([f, formatDeDate(f)]).toEqual([f, true]);
    // « Standard », « Estándar »: General's name in a French or Spanish Excel, should one reach us.
    for (const f of [
      "General",
      "Standard",
      "Estándar",
      "0",
      "#,##0",
      '#,##0.00 "€"',
      "0.00 %",
      "0.00E+00",
      '[Red]0;"jours"',
      "@",
    ])
      expect([f, formatDeDate(f)]).toEqual([f, false]);
    expect(estTexteDate("24/01/1900")).toBe(true);
    expect(estTexteDate("31/12/24")).toBe(true);
    expect(estTexteDate("2024-01-24T00:00:00")).toBe(true);
    expect(estTexteDate("24")).toBe(false);
    expect(estTexteDate("1 234")).toBe(false);
    expect(estTexteDate("12,5")).toBe(false);
    expect(estTexteDate("32/01/2024")).toBe(false);
  });
});
