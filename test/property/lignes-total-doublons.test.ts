/**
 * Propriétés des lignes de total et des doublons (issue 11, items 1 et 2), sur des feuilles tirées au
 * hasard : des lignes de total insérées n'importe où (le mot « total » dans n'importe quelle cellule de
 * texte, UAI et code valides) ne changent jamais les dotations ; les mêmes lignes données une seconde
 * fois sous d'autres formes (code en texte, en nombre, avec apostrophe, en notation scientifique ou
 * avec des espaces ; UAI en minuscules ; effectif en texte), dans un second onglet ou dans un second
 * fichier d'un autre format (.xlsx puis .csv), donnent les dotations d'une seule fois.
 * On compare deux lectures, jamais un montant recalculé par la formule du code.
 */
import * as fs from "fs";
import * as path from "path";
import fc from "fast-check";
import { CATALOGUES, Parametres } from "../../src/rules";
import { MemoryWorkbook } from "../../src/workbook/memory";
import type { CellValue, Workbook } from "../../src/workbook/port";
import { calculerDotations, type ResultatDotations } from "../../src/workflows";
import { FileWorkbook, chooseSheet, readSpreadsheetFile } from "../../src/xlsx";
import { feuilleExcelJS, xlsxExcelJS } from "../corpus/fabrique";
import { removeDir, tempDir } from "../xlsx/helpers";
import { UAIS } from "./arbitraires";

const parametres = Parametres.embarques();
const CODES = [...CATALOGUES[0].formations.slice(0, 30).map((f) => f.code), "43033104", "40025214"];
const ENTETE: CellValue[] = ["UAI", "Établissement", "Code diplôme", "Libellé", "Effectif", "Statut"];
const ETABLISSEMENTS: CellValue[][] = [
  ["UAI", "Taux de boursiers", "Reliquat pré-bac", "Réponse à l'enquête"],
  ...UAIS.map((uai, i) => [uai, ["35 %", 0.2, "0,5"][i % 3], [0, 1200.5, 300][i % 3], "oui"]),
];

/** A detail row: a valid UAI and code, a plausible effectif. */
const ligne = fc
  .record({
    uai: fc.constantFrom(...UAIS),
    code: fc.constantFrom(...CODES),
    effectif: fc.integer({ min: 0, max: 60 }),
    statut: fc.constantFrom("Scolaire", "Scolaire", "Apprenti"),
  })
  .map(({ uai, code, effectif, statut }): CellValue[] => [
    uai,
    `Lycée ${uai.slice(3, 7)}`,
    code,
    `FORMATION ${code}`,
    effectif,
    statut,
  ]);

/** Distinct detail rows (one per UAI and code): only the duplicates the property adds are duplicates. */
const lignes = fc.uniqueArray(ligne, { selector: (r) => `${r[0]}|${r[2]}`, minLength: 1, maxLength: 40 });

/** A total row made from a detail row: « total » in one of its text cells, in one of its spellings. */
const ligneTotal = fc
  .record({
    base: ligne,
    colonne: fc.constantFrom(0, 1, 2, 3, 5),
    mot: fc.constantFrom("Total", "TOTAL", "Sous-total", "S/Total", "Grand Total", "total général", "Totaux"),
    avant: fc.boolean(),
    effectif: fc.integer({ min: 0, max: 500 }),
  })
  .map(({ base, colonne, mot, avant, effectif }): CellValue[] => {
    const row = [...base];
    row[colonne] = avant ? `${mot} ${String(row[colonne])}` : `${String(row[colonne])} ${mot}`;
    row[4] = effectif;
    return row;
  });

type Forme = "texte" | "nombre" | "apostrophe" | "scientifique" | "espaces";
const forme = fc.constantFrom<Forme>("texte", "nombre", "apostrophe", "scientifique", "espaces");

function codeSousForme(code: string, f: Forme): CellValue {
  switch (f) {
    case "texte":
      return code;
    case "nombre":
      return Number(code);
    case "apostrophe":
      return `'${code}`;
    case "scientifique":
      return `${code[0]},${code.slice(1)}E+07`;
    case "espaces":
      return `${code.slice(0, 3)} ${code.slice(3)}`;
  }
}

/** The same row as another tool or export writes it. */
function sousForme(row: readonly CellValue[], f: Forme, casse: boolean): CellValue[] {
  const uai = String(row[0]);
  return [
    casse ? ` ${uai.toLowerCase()} ` : uai,
    row[1],
    codeSousForme(String(row[2]), f),
    row[3],
    casse ? String(row[4]) : row[4],
    row[5],
  ];
}

const grille = (rows: readonly CellValue[][]): CellValue[][] => [
  ["Rectorat — effectifs n-1"],
  ENTETE,
  ...rows,
];

async function calculer(classeur: Workbook, effectifs: string[], etablissements: string) {
  return calculerDotations(classeur, {
    feuillesEffectifs: effectifs,
    feuilleEtablissements: etablissements,
    annee: 2024,
    parametres,
  });
}

/** The money of a run: per establishment, its effectifs and net amounts, and the total. */
function argent(r: ResultatDotations) {
  return {
    etablissements: r.etablissements.map((d) => [
      d.uai,
      d.effectifs,
      d.nette.preBac.valeur.toFixed(2),
      d.nette.postBac.valeur.toFixed(2),
    ]),
    total: r.totaux.nette.total.toFixed(2),
  };
}

/** Inserts each extra row before the row at its position (modulo the length). */
function inserer(rows: readonly CellValue[][], extra: readonly (readonly [number, CellValue[]])[]) {
  const result = rows.map((r) => [r]);
  result.push([]);
  for (const [position, row] of extra) result[position % result.length].unshift(row);
  return result.flat();
}

describe("Lignes de total : n'importe où, jamais additionnées", () => {
  test("des lignes de total aux UAI et codes valides, insérées à n'importe quelle place, ne changent ni les dotations ni les lignes comptées", async () => {
    await fc.assert(
      fc.asyncProperty(
        lignes,
        fc.array(fc.tuple(fc.nat(), ligneTotal), { minLength: 1, maxLength: 8 }),
        async (detail, totaux) => {
          const seule = await calculer(
            new MemoryWorkbook({ Effectifs: grille(detail), Établissements: ETABLISSEMENTS }),
            ["Effectifs"],
            "Établissements",
          );
          const avecTotaux = await calculer(
            new MemoryWorkbook({
              Effectifs: grille(inserer(detail, totaux)),
              Établissements: ETABLISSEMENTS,
            }),
            ["Effectifs"],
            "Établissements",
          );
          expect(argent(avecTotaux)).toEqual(argent(seule));
          expect(avecTotaux.lignes.comptees).toBe(seule.lignes.comptees);
          expect(avecTotaux.lignes.ecarteesParMotif["ligne-total"] ?? 0).toBe(totaux.length);
          expect(avecTotaux.lignes.nonVides).toBe(avecTotaux.lignes.comptees + avecTotaux.lignes.ecartees);
        },
      ),
      { numRuns: 80 },
    );
  }, 60_000);
});

describe("La même extraction deux fois, sous d'autres formes", () => {
  test("un second onglet aux mêmes lignes, chacune sous une autre forme (code, casse de l'UAI, effectif en texte), dans n'importe quel ordre : les dotations d'une seule fois, un doublon par ligne comptée", async () => {
    await fc.assert(
      fc.asyncProperty(
        lignes,
        fc.array(fc.tuple(forme, fc.boolean()), { minLength: 40, maxLength: 40 }),
        fc.array(fc.nat(), { minLength: 40, maxLength: 40 }),
        async (detail, formes, ordre) => {
          const copie = detail.map((row, i) => sousForme(row, ...formes[i]));
          // Another order: the copy's rows by a generated permutation.
          const melangee = copie
            .map((row, i) => [ordre[i], i, row] as const)
            .sort((a, b) => a[0] - b[0] || a[1] - b[1])
            .map(([, , row]) => row);
          const seule = await calculer(
            new MemoryWorkbook({ Effectifs: grille(detail), Établissements: ETABLISSEMENTS }),
            ["Effectifs"],
            "Établissements",
          );
          const deux = await calculer(
            new MemoryWorkbook({
              Effectifs: grille(detail),
              "Effectifs (copie)": grille(melangee),
              Établissements: ETABLISSEMENTS,
            }),
            ["Effectifs", "Effectifs (copie)"],
            "Établissements",
          );
          expect(argent(deux)).toEqual(argent(seule));
          const compteesEffectifs = seule.lignes.comptees - (ETABLISSEMENTS.length - 1);
          expect(deux.constats.filter((c) => c.code === "doublon")).toHaveLength(compteesEffectifs);
          expect(deux.lignes.comptees).toBe(seule.lignes.comptees);
        },
      ),
      { numRuns: 80 },
    );
  }, 60_000);
});

/** A .csv « ; » as a spreadsheet exports it (decimal comma; fields quoted only when needed). */
function csv(rows: readonly (readonly CellValue[])[]): string {
  const champ = (v: CellValue) => {
    const texte = v === null ? "" : typeof v === "number" ? String(v).replace(".", ",") : String(v);
    return /[;"\r\n]/.test(texte) ? `"${texte.replace(/"/g, '""')}"` : texte;
  };
  return rows.map((row) => row.map(champ).join(";")).join("\r\n") + "\r\n";
}

describe("La même extraction en deux fichiers de formats différents", () => {
  let dossier: string;
  beforeAll(() => {
    dossier = tempDir("are-prop-doublons-");
    fs.writeFileSync(path.join(dossier, "etablissements.csv"), csv(ETABLISSEMENTS), "utf8");
  });
  afterAll(() => removeDir(dossier));

  async function classeurDeFichiers(fichiers: readonly string[]) {
    const classeur = new FileWorkbook();
    const noms: string[] = [];
    for (const fichier of fichiers) {
      const lu = await readSpreadsheetFile(path.join(dossier, fichier));
      noms.push(classeur.addInput(lu, chooseSheet(lu)));
    }
    const etab = await readSpreadsheetFile(path.join(dossier, "etablissements.csv"));
    const nomEtab = classeur.addInput(etab, chooseSheet(etab));
    return calculer(classeur, noms, nomEtab);
  }

  test("un .xlsx (ExcelJS, codes en nombres) puis le même tableau en .csv (codes sous une autre forme) : les dotations du .xlsx seul", async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(lignes, forme, async (detail, f) => {
        n++;
        const xlsx = `p${n}.xlsx`;
        const csvNom = `p${n}.csv`;
        fs.writeFileSync(
          path.join(dossier, xlsx),
          await xlsxExcelJS(
            feuilleExcelJS("Effectifs", grille(detail.map((r) => sousForme(r, "nombre", false)))),
          ),
        );
        fs.writeFileSync(
          path.join(dossier, csvNom),
          csv(grille(detail.map((r) => sousForme(r, f, true)))),
          "utf8",
        );
        const seule = await classeurDeFichiers([xlsx]);
        const deux = await classeurDeFichiers([xlsx, csvNom]);
        expect(argent(deux)).toEqual(argent(seule));
        expect(deux.lignes.comptees).toBe(seule.lignes.comptees);
        expect(deux.constats.filter((c) => c.code === "doublon").every((c) => c.feuille === csvNom)).toBe(
          true,
        );
      }),
      { numRuns: 15 },
    );
  }, 60_000);
});
