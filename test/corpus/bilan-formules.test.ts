/**
 * Corpus (issue 11, items 5 and 6) : un bilan dont des montants sont des formules jamais calculées, ou
 * dont des achats sont écartés, ne donne jamais de reliquat faux. Chaque cas passe par des fichiers
 * .xlsx et la ligne de commande (`are bilan controle`, `are reliquats`, `are dotations`), et ses
 * montants sont calculés à la main à partir des forfaits du règlement et du bilan de la Bièvre
 * (examples/bilans/README.md) :
 * - 2023-2024, forfait pré-bac 151 € : dotation reçue pré-bac 66 × 151 + 15 × 54 = 10 776,00 €, post-bac
 *   9 × 151 = 1 359,00 €, aucun reliquat antérieur ;
 * - achats pré-bac : 4 350,00 (ligne 16, 40033404), 3 600,00 (17, 50022137), 1 500,00 (18, 50022141),
 *   600,00 (19, 67010031) ; post-bac : 1 200,00 (20, 32033422).
 * Reliquat pré-bac = 10 776 − 10 050 = 726,00 € ; post-bac = 1 359 − 1 200 = 159,00 €.
 * Chaque cas figure dans docs/security.md (un test le vérifie).
 */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { UNCALCULATED_FORMULA } from "../../src/workbook/port";
import type { BilanJson, ReliquatsJson } from "../../src/cli/jsonBilan";
import { readSpreadsheetFile, readXlsxWithExcelJS } from "../../src/xlsx";
import { run } from "../cli/run";
import { removeDir, tempDir } from "../xlsx/helpers";
import { FEUILLE_XML, lignesXml, xlsxFaitMain } from "./fabrique";

// JSZip comes with ExcelJS: it changes one cell of a file as another program would have written it.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const JSZip = require("jszip");

const BIEVRE = path.join(__dirname, "..", "..", "examples", "bilans", "bilan-2023-0751234J.xlsx");
const FEUILLE = "xl/worksheets/sheet1.xml";

/** The names of the cases, as docs/security.md lists them. */
const CAS = {
  formules:
    "bilan : deux montants d'achat en formules sans valeur enregistrée (fichier rempli par un programme)",
  formulesExcelJS: "bilan rempli par ExcelJS avec des formules, jamais ouvert dans Excel",
  dotationFormule: "bilan : dotation reçue en formule sans valeur enregistrée",
  elevesFormule: "bilan : élèves aidés en formule sans valeur enregistrée",
  ecartes: "are reliquats : achats écartés (type hors liste, montant « 1 500 € TTC ») dans une enveloppe",
  sansEnveloppe: "bilan : achat au code illisible sans enveloppe indiquée",
  sansMontant: "bilan : ligne en erreur sans montant",
  effectifFormule: "effectif en formule sans valeur enregistrée, avec une autre ligne comptée",
  totalCode: "bilan : ligne « Total pré-bac » qui garde un code formation valide",
  montantDate: "bilan : montant d'achat dans une cellule au format Date",
} as const;

let dir: string;
beforeAll(() => {
  dir = tempDir("are-bilan-formules-");
});
afterAll(() => removeDir(dir));

/** A blank cell (its style kept). */
const VIDE = "/>";
/** A formula as a script writes it: no cached value (`<v>`). */
const formule = (texte: string) => `><f>${texte}</f>`;
/** Text typed in a cell. */
const texte = (valeur: string) => ` t="inlineStr"><is><t>${valeur}</t></is>`;

/** The Bièvre bilan with some cells of its sheet replaced (`{ F17: the new cell's body }`, see below). */
async function bievre(cellules: Readonly<Record<string, string>>, nom: string): Promise<string> {
  const zip = await JSZip.loadAsync(fs.readFileSync(BIEVRE));
  let xml: string = await zip.file(FEUILLE).async("string");
  for (const [ref, corps] of Object.entries(cellules)) {
    const cellule = new RegExp(`<c r="${ref}"( s="\\d+")?[^>]*>[\\s\\S]*?</c>`);
    expect(xml).toMatch(cellule);
    const fin = corps === VIDE ? "" : "</c>";
    xml = xml.replace(
      cellule,
      (_tout, style: string | undefined) => `<c r="${ref}"${style ?? ""}${corps}${fin}`,
    );
  }
  zip.file(FEUILLE, xml);
  const fichier = path.join(dir, nom);
  fs.writeFileSync(fichier, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
  return fichier;
}

/** The Bièvre bilan with a row appended after row 20 (cells as `bievre` takes them). */
async function bievreAvecLigne(ligne: string, nom: string): Promise<string> {
  const zip = await JSZip.loadAsync(fs.readFileSync(BIEVRE));
  const xml: string = await zip.file(FEUILLE).async("string");
  expect(xml).toContain("</row></sheetData>");
  zip.file(FEUILLE, xml.replace("</row></sheetData>", `</row>${ligne}</sheetData>`));
  const fichier = path.join(dir, nom);
  fs.writeFileSync(fichier, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
  return fichier;
}

/** The Bièvre bilan whose F17 (3 600,00 €) holds `serie` in a cell formatted as a date (built-in format 14). */
async function bievreMontantDate(serie: number, nom: string): Promise<string> {
  const zip = await JSZip.loadAsync(fs.readFileSync(BIEVRE));
  let styles: string = await zip.file("xl/styles.xml").async("string");
  const xfs = /<cellXfs count="(\d+)">/.exec(styles);
  expect(xfs).not.toBeNull();
  const index = Number(xfs![1]);
  styles = styles
    .replace(xfs![0], `<cellXfs count="${index + 1}">`)
    .replace(
      "</cellXfs>",
      '<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>',
    );
  zip.file("xl/styles.xml", styles);
  let xml: string = await zip.file(FEUILLE).async("string");
  const cellule = /<c r="F17"[^>]*>[\s\S]*?<\/c>/;
  expect(xml).toMatch(cellule);
  xml = xml.replace(cellule, `<c r="F17" s="${index}"><v>${serie}</v></c>`);
  zip.file(FEUILLE, xml);
  const fichier = path.join(dir, nom);
  fs.writeFileSync(fichier, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
  return fichier;
}

async function controle(fichier: string): Promise<{ code: number; json: BilanJson }> {
  const r = await run(["bilan", "controle", fichier, "--json"]);
  expect(r.stderr).toBe("");
  return { code: r.code, json: JSON.parse(r.stdout) as BilanJson };
}

async function reliquats(fichier: string): Promise<{ code: number; json: ReliquatsJson; sortie: string }> {
  const sortie = path.join(dir, `etablissements-${path.basename(fichier)}`);
  const r = await run(["reliquats", fichier, "--out", sortie, "--json"]);
  return { code: r.code, json: JSON.parse(r.stdout) as ReliquatsJson, sortie };
}

const codes = (json: {
  constats: readonly { code: string; ligne: number | null; colonne: string | null }[];
}) => json.constats.map((c) => [c.code, c.ligne, c.colonne]);

describe("Bilans aux formules sans valeur et aux achats écartés : jamais un reliquat faux", () => {
  test("le bilan d'exemple de la Bièvre, tel qu'Excel l'enregistre : 726,00 € et 159,00 €", async () => {
    const { code, json } = await controle(BIEVRE);
    expect(code).toBe(0);
    expect(json.achats.map((a) => [a.ligne, a.code, a.montant])).toEqual([
      [16, "40033404", "4350.00"],
      [17, "50022137", "3600.00"],
      [18, "50022141", "1500.00"],
      [19, "67010031", "600.00"],
      [20, "32033422", "1200.00"],
    ]);
    expect(json.enveloppes.preBac.nouveauReliquat).toBe("726.00"); // 10 776 − 10 050
    expect(json.enveloppes.postBac.nouveauReliquat).toBe("159.00"); // 1 359 − 1 200
  });

  test(CAS.formules, async () => {
    const fichier = await bievre({ F16: formule("E16*145"), F17: formule("E17*150") }, "formules.xlsx");
    // Both readers give the cell as a formula without value, neither blank nor 0.
    const rapide = (await readSpreadsheetFile(fichier)).sheets[0];
    const excelJS = (await readXlsxWithExcelJS(fs.readFileSync(fichier), fichier, "formules.xlsx")).sheets[0];
    for (const sheet of [rapide, excelJS]) {
      expect(sheet.values[16 - sheet.rowOffset - 1][5 - sheet.columnOffset]).toEqual(UNCALCULATED_FORMULA);
    }

    const { code, json } = await controle(fichier);
    expect(code).toBe(1);
    expect(codes(json)).toEqual([
      ["formule-sans-valeur", 16, "F"],
      ["formule-sans-valeur", 17, "F"],
    ]);
    expect(json.constats[0].message).toContain("Ouvrez le fichier dans Excel, enregistrez-le");
    // Not 10 776 − (1 500 + 600) = 8 676,00 €: the two amounts are unknown.
    expect(json.enveloppes.preBac).toMatchObject({ depense: "2100.00", nouveauReliquat: null });
    expect(json.enveloppes.preBac.explication).toBe(
      "Reliquat non calculé : il manque la correction des 2 achats en erreur (lignes 16 et 17).",
    );
    expect(json.enveloppes.postBac.nouveauReliquat).toBe("159.00");

    const r = await reliquats(fichier);
    expect(r.code).toBe(1);
    expect(r.json.etablissements[0].reliquats).toEqual({ preBac: null, postBac: "159.00" });
  });

  test(CAS.formulesExcelJS, async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(BIEVRE);
    const sheet = workbook.worksheets[0];
    sheet.getCell("F16").value = { formula: "E16*145" } as ExcelJS.CellFormulaValue;
    sheet.getCell("F17").value = { formula: "E17*150" } as ExcelJS.CellFormulaValue;
    const fichier = path.join(dir, "exceljs.xlsx");
    await workbook.xlsx.writeFile(fichier);

    const r = await reliquats(fichier);
    expect(r.code).toBe(1);
    expect(codes(r.json).slice(0, 2)).toEqual([
      ["formule-sans-valeur", 16, "F"],
      ["formule-sans-valeur", 17, "F"],
    ]);
    expect(r.json.etablissements[0].reliquats).toEqual({ preBac: null, postBac: "159.00" });
    // The cell of the reliquats sheet is blank, its reason beside it.
    const ecrite = (await readSpreadsheetFile(r.sortie)).sheets[0];
    const entete = ecrite.values.findIndex((row) => row.includes("Reliquat pré-bac"));
    const ligne = ecrite.values[entete + 1];
    const colonne = (nom: string) => ecrite.values[entete].indexOf(nom);
    expect(ligne[colonne("UAI")]).toBe("0751234J");
    expect(ligne[colonne("Reliquat pré-bac")]).toBe("non calculé");
    expect(ligne[colonne("Reliquat post-bac")]).toBe(159);
    expect(String(ligne[colonne("Origine des reliquats")])).toContain(
      "Reliquat pré-bac de 0751234J non calculé : il manque au bilan « exceljs.xlsx » la correction des 2 achats en erreur (lignes 16 et 17)",
    );
  });

  test(CAS.dotationFormule, async () => {
    const fichier = await bievre({ B10: formule("66*151+15*54") }, "dotation.xlsx");
    const { code, json } = await controle(fichier);
    expect(code).toBe(1);
    expect(codes(json)).toEqual([["formule-sans-valeur", 10, "B"]]);
    expect(json.constats[0].message).toContain("Le reliquat de l'enveloppe pré-bac n'est pas calculé.");
    // Spending is known (10 050,00), what was received is not.
    expect(json.enveloppes.preBac).toMatchObject({
      dotationRecue: null,
      depense: "10050.00",
      nouveauReliquat: null,
    });
    expect(json.enveloppes.postBac.nouveauReliquat).toBe("159.00");
  });

  test(CAS.elevesFormule, async () => {
    const fichier = await bievre({ E20: formule("9") }, "eleves.xlsx");
    const { code, json } = await controle(fichier);
    expect(code).toBe(1);
    expect(codes(json)).toEqual([["formule-sans-valeur", 20, "E"]]);
    // The 1 200,00 € of row 20 are post-bac: that envelope waits, pré-bac is 726,00 €.
    expect(json.enveloppes.postBac).toMatchObject({ depense: "0.00", nouveauReliquat: null });
    expect(json.enveloppes.preBac.nouveauReliquat).toBe("726.00");
  });

  test(CAS.ecartes, async () => {
    // Retained: 4 350,00 + 600,01 = 4 950,01 ; set aside: 3 600,00 (type « Blouses ») and « 1 500 € TTC ».
    const fichier = await bievre(
      { G17: texte("Blouses"), F18: texte("1 500 € TTC"), F19: "><v>600.01</v>" },
      "ecartes.xlsx",
    );
    const r = await reliquats(fichier);
    expect(r.code).toBe(1);
    expect(codes(r.json)).toEqual([
      ["type-equipement-inconnu", 17, "G"],
      ["montant-illisible", 18, "F"],
      ["reliquat-non-calcule", null, null],
    ]);
    // Not 10 776 − 4 950,01 = 5 825,99 €; once corrected, 10 776 − 10 050,01 = 725,99 €.
    expect(r.json.etablissements[0].reliquats).toEqual({ preBac: null, postBac: "159.00" });
    expect(r.json.constats[2].message).toBe(
      "Reliquat pré-bac de 0751234J non calculé : il manque au bilan « ecartes.xlsx » la correction des 2 achats en erreur (lignes 17 et 18). Complétez ou corrigez le bilan puis relancez ; d'ici là, l'enveloppe n'est pas calculée.",
    );

    // Corrected (type « Vêtement de représentation », 1 500,00 €): 725,99 €.
    const corrige = await bievre(
      { G17: texte("Vêtement de représentation"), F18: texte("1 500,00 €"), F19: "><v>600.01</v>" },
      "corrige.xlsx",
    );
    const ok = await reliquats(corrige);
    expect(ok.code).toBe(0);
    expect(ok.json.etablissements[0].reliquats).toEqual({ preBac: "725.99", postBac: "159.00" });
  });

  test(CAS.sansEnveloppe, async () => {
    // Row 20 (post-bac, 1 200,00 €) with the code « 3203342 » and no envelope typed: its envelope is
    // unknown, so neither reliquat can be computed.
    const fichier = await bievre({ B20: texte("3203342"), C20: VIDE }, "sans-enveloppe.xlsx");
    const { code, json } = await controle(fichier);
    expect(code).toBe(1);
    expect(codes(json)).toEqual([["code-invalide", 20, "B"]]);
    expect(json.enveloppes.preBac).toMatchObject({ depense: "10050.00", nouveauReliquat: null });
    expect(json.enveloppes.postBac).toMatchObject({ depense: "0.00", nouveauReliquat: null });
  });

  test(CAS.sansMontant, async () => {
    // Row 19 (3ème prépa-métiers): « quinze » students and no amount; its 600 € are gone, nothing is at stake.
    const fichier = await bievre({ E19: texte("quinze"), F19: VIDE }, "sans-montant.xlsx");
    const { code, json } = await controle(fichier);
    expect(code).toBe(1);
    expect(codes(json)).toEqual([["eleves-aides-illisible", 19, "E"]]);
    expect(json.enveloppes.preBac.nouveauReliquat).toBe("1326.00"); // 10 776 − (4 350 + 3 600 + 1 500)
    expect(json.enveloppes.postBac.nouveauReliquat).toBe("159.00");
  });

  test(CAS.effectifFormule, async () => {
    const entete = ["UAI", "Code diplôme", "Effectif"];
    const xml = lignesXml([entete, ["0750655E", "50022137", 24], ["0750655E", "50022141", 12]]).replace(
      '<c r="C3"><v>12</v></c>',
      '<c r="C3"><f>SOMME(D3:F3)</f></c>',
    );
    const fichier = path.join(dir, "effectifs.xlsx");
    fs.writeFileSync(fichier, await xlsxFaitMain(FEUILLE_XML(xml)));
    const r = await run(["dotations", fichier, "--annee", "2024", "--json"]);
    expect(r.code).toBe(0); // are dotations reports rows in erreur among its constats

    const json = JSON.parse(r.stdout) as {
      etablissements: { effectifs: { preBac: number }; dotationNette: { preBac: string } }[];
      constats: { code: string; ligne: number; colonne: string; message: string }[];
    };
    const constat = json.constats.find((c) => c.code === "formule-sans-valeur")!;
    expect([constat.ligne, constat.colonne]).toEqual([3, "C"]);
    expect(constat.message).toContain("Ouvrez le fichier dans Excel, enregistrez-le");
    // Only the 24 BOULANGER students count: 24 × 157 = 3 768,00 € (not 36 × 157, nor a blank read as 0).
    expect(json.etablissements[0].effectifs.preBac).toBe(24);
    expect(json.etablissements[0].dotationNette.preBac).toBe("3768.00");
  });

  test(CAS.totalCode, async () => {
    // « Total pré-bac » repeats the four pré-bac purchases (10 050,00 €) under a valid code: counted, it
    // would spend them twice and leave no reliquat. Set aside, the reliquats stay 726,00 € and 159,00 €.
    const fichier = await bievreAvecLigne(
      `<row r="21"><c r="A21"${texte("Total pré-bac")}</c><c r="B21"${texte("50022137")}</c>` +
        `<c r="E21"><v>66</v></c><c r="F21"><v>10050</v></c></row>`,
      "total-pre-bac.xlsx",
    );
    const { code, json } = await controle(fichier);
    expect(codes(json)).toEqual([["ligne-total", 21, "A"]]);
    expect(code).toBe(0);
    expect(json.achats.map((a) => a.ligne)).toEqual([16, 17, 18, 19, 20]);
    expect(json.enveloppes.preBac.nouveauReliquat).toBe("726.00"); // 10 776 − 10 050
    expect(json.enveloppes.postBac.nouveauReliquat).toBe("159.00"); // 1 359 − 1 200
  });

  test(CAS.montantDate, async () => {
    // 45 677 is 20/01/2025 in a cell formatted as a date: never 45 677 € spent. The purchase is set
    // aside and the pré-bac reliquat is not computed; post-bac stays 159,00 €.
    const fichier = await bievreMontantDate(45677, "montant-date.xlsx");
    const { code, json } = await controle(fichier);
    expect(code).toBe(1);
    const date = json.constats.find((c) => c.code === "montant-date");
    expect([date?.ligne, date?.colonne]).toEqual([17, "F"]);
    expect(date?.message).toContain("« 20/01/2025 » : c'est une date");
    expect(json.enveloppes.preBac.nouveauReliquat).toBeNull();
    expect(json.enveloppes.postBac.nouveauReliquat).toBe("159.00");
  });

  test("chaque cas figure dans le tableau de docs/security.md", () => {
    const doc = fs.readFileSync(path.join(__dirname, "..", "..", "docs", "security.md"), "utf8");
    expect(Object.values(CAS).filter((nom) => !doc.includes(nom))).toEqual([]);
  });
});
