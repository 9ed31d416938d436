/**
 * The bilan in Excel, through the Office.js adapter over the fake Excel: the template written from a
 * pasted rectorat sheet, filled in the cells as a user would, read back and checked; a filled
 * template is never replaced.
 */
import { ExcelWorkbook } from "../../src/excel";
import { Decimal, TYPES_EQUIPEMENT, texteDecimal } from "../../src/rules";
import { controlerBilan, ecrireModeleBilan, preparerModeleBilan } from "../../src/workflows";
import { PARIS } from "../workflows/classeur";
import { FakeExcel, parseAddress, type Seed } from "./fakeExcel";

const MODELE = "Bilan ARE 0750655E 2024-2025";

async function modele(excel: FakeExcel): Promise<string> {
  const classeur = new ExcelWorkbook(excel.run);
  const resultat = await preparerModeleBilan(classeur, {
    uai: "0750655E",
    annee: 2024,
    feuillesEffectifs: ["Paris"],
    dotations: { preBac: new Decimal("7949.50"), postBac: new Decimal(2198) },
    reliquats: { preBac: new Decimal("1200.50"), postBac: new Decimal(0) },
  });
  return ecrireModeleBilan(classeur, resultat);
}

/** Types a value in a cell of the sheet, as the user does in Excel. */
function saisir(excel: FakeExcel, feuille: string, adresse: string, valeur: string | number): void {
  const { rowIndex, columnIndex } = parseAddress(adresse);
  const cell = excel.cellAt(excel.sheet(feuille)!, rowIndex, columnIndex);
  Object.assign(cell, { value: valeur, type: typeof valeur === "number" ? "Double" : "String" });
}

describe("Bilan dans Excel (Office.js)", () => {
  test("modèle écrit depuis la feuille collée, rempli dans les cellules, relu et contrôlé", async () => {
    const excel = new FakeExcel();
    excel.addUserSheet("Paris", PARIS as Seed[][]);
    const nom = await modele(excel);
    expect(nom).toBe(MODELE);
    // Fields in rows 7-13, header row 15, formations from row 16: 40025408, 50022137, 67010031, 32025520.
    expect(excel.cell(MODELE, "B16")?.value).toBe("40025408");
    expect(excel.sheet(MODELE)!.validations).toHaveLength(2);
    saisir(excel, MODELE, "E17", 24);
    saisir(excel, MODELE, "F17", 3000);
    saisir(excel, MODELE, "G17", TYPES_EQUIPEMENT[1]);
    saisir(excel, MODELE, "E19", 14);
    saisir(excel, MODELE, "F19", "2 500,00 €");
    saisir(excel, MODELE, "G19", TYPES_EQUIPEMENT[3]);
    const r = await controlerBilan(new ExcelWorkbook(excel.run), MODELE, { annee: 2024 });
    expect(r.uai).toBe("0750655E");
    // Pré-bac 7 949,50 + 1 200,50 − 3 000 = 6 150,00 ; post-bac 2 198 − 2 500 < 0 : dépassement de 302,00.
    expect(texteDecimal(r.enveloppes.preBac.solde!.nouveauReliquat.valeur)).toBe("6150.00");
    expect(texteDecimal(r.enveloppes.postBac.solde!.depassement)).toBe("302.00");
    expect(r.constats.map((c) => [c.code, c.ligne])).toEqual([["depassement-enveloppe", 12]]);
    // The user's sheet is as it was.
    expect(excel.grid("Paris").map(trimmed)).toEqual(PARIS.map(trimmed));
  });

  test("un modèle rempli n'est pas remplacé : le nouveau va dans une autre feuille", async () => {
    const excel = new FakeExcel();
    excel.addUserSheet("Paris", PARIS as Seed[][]);
    await modele(excel);
    expect(await modele(excel)).toBe(MODELE); // still blank: replaced in place
    saisir(excel, MODELE, "F17", 3000);
    expect(await modele(excel)).toBe("Bilan ARE 0750655E 2024-202 (2)");
    expect(excel.cell(MODELE, "F17")?.value).toBe(3000);
  });
});

/** A row without trailing blanks, holes of sparse rows read as blanks. */
function trimmed(row: readonly unknown[]): unknown[] {
  const copy = Array.from(row, (cell) => (cell === undefined ? null : cell));
  while (copy.length > 0 && copy[copy.length - 1] === null) copy.pop();
  return copy;
}
