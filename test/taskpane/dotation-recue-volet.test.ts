/**
 * The Bilan screen's steps 2 and 3 check each bilan's « Dotation reçue » against the workbook's
 * `Dotations ARE <année du bilan>` sheet, as `are bilan controle --dotations` and `are reliquats
 * --dotations` do (regles.md#bilan.dotation-recue-versee); step 3 refuses, as `are reliquats`, bilans
 * of another year than the one chosen (regles.md#reliquats.annee-option). What the pane runs in its
 * action (src/taskpane/bilan/dotationsVersees.ts), on the in-memory port and on the fake Excel.
 *
 * Amounts by hand (examples/bilans/README.md): the Bièvre (0751234J) received 10 776,00 € pré-bac and
 * 1 359,00 € post-bac in 2023-2024 and bought 10 050,00 € and 1 200,00 €. Here its bilan says
 * 15 700 pré-bac while the sheet says 1 570,00 € were paid: 15 700 − 1 570 = 14 130,00 € of
 * difference, and 15 700 − 10 050 = 5 650,00 € would be carried into next year's deduction.
 */
import { excelAction } from "../../src/taskpane/excel/excelAction";
import type { Feuilles } from "../../src/taskpane/components/feuilles";
import { controlerAvecDotations, reporterAvecDotations } from "../../src/taskpane/bilan/dotationsVersees";
import { MemoryWorkbook } from "../../src/workbook/memory";
import type { CellValue, Workbook } from "../../src/workbook/port";
import { LIGNES_APERCU, suggererFeuilles } from "../../src/workflows/suggestions";
import { FakeExcel, type Seed } from "../excel/fakeExcel";
import { grille } from "./exemplesBilans";

const ENTETE = ["UAI", "Établissement", "Dotation nette pré-bac", "Dotation nette post-bac"];

/** French typography's non-breaking spaces as plain ones, to compare messages. */
const espaces = (texte: string) => texte.replace(/[\u00a0\u202f]/g, " ");

/** The Bièvre's bilan 2023-2024 with its « Dotation reçue pré-bac » typed `preBac`. */
async function bilanBievre(preBac: number): Promise<CellValue[][]> {
  const grid = await grille("bilan-2023-0751234J.xlsx");
  const ligne = grid.findIndex((row) => String(row[0]).startsWith("Dotation reçue pré-bac"));
  expect(ligne).toBe(9); // row 10, as the CLI's corpus says
  grid[ligne] = [grid[ligne][0], preBac];
  return grid;
}

/** The pane's list of sheets (useFeuilles), read from the workbook as the screen does. */
async function feuillesDu(classeur: MemoryWorkbook): Promise<Feuilles> {
  const sheets = await classeur.listSheets();
  const heads: Record<string, CellValue[][]> = {};
  for (const f of sheets) heads[f.name] = classeur.sheet(f.name)!.values.slice(0, LIGNES_APERCU);
  return { sheets, suggestion: suggererFeuilles(sheets, heads) };
}

const controler = async (grids: Record<string, CellValue[][]>, annee = 2023) => {
  const classeur = new MemoryWorkbook(grids);
  return controlerAvecDotations(classeur, "Bilan", { annee }, await feuillesDu(classeur));
};

const codes = (constats: readonly { code: string; ligne: number | null; colonne: string | null }[]) =>
  constats.map((c) => [c.code, c.ligne, c.colonne]);

describe("Volet, contrôle d'un bilan : « Dotation reçue » comparée à « Dotations ARE <année du bilan> »", () => {
  test("15 700 tapés pour 1 570,00 € versés : alerte avec les deux montants et l'écart de 14 130,00 € ; le reliquat pris tel qu'écrit (15 700 − 10 050 = 5 650,00 €)", async () => {
    const r = await controler({
      Bilan: await bilanBievre(15700),
      "Dotations ARE 2023-2024": [ENTETE, ["0751234J", "Lycée des métiers de la Bièvre", 1570, 1359]],
    });
    expect(r.dotations).toBe("Dotations ARE 2023-2024");
    expect(codes(r.constats)).toEqual([["valeur-divergente", 10, "B"]]);
    expect(r.constats[0].gravite).toBe("alerte");
    expect(espaces(r.constats[0].message)).toBe(
      "Dotation reçue pré-bac du bilan : 15 700,00 €, alors que « Dotations ARE 2023-2024 » (ligne 2) donne 1 570,00 € versés à 0751234J : écart de 14 130,00 €. Le reliquat reporté, déduit de la dotation suivante, en dépend : vérifiez le bilan (une dotation complémentaire reçue s'y ajoute-t-elle ?).",
    );
    expect(r.enveloppes.preBac.solde!.nouveauReliquat.valeur.toFixed(2)).toBe("5650.00");
  });

  test("la feuille d'une autre année n'est pas prise (celle de 2024-2025 pour un bilan 2023-2024) : rien de comparé, le volet le dit", async () => {
    const r = await controler(
      {
        Bilan: await bilanBievre(15700),
        "Dotations ARE 2024-2025": [ENTETE, ["0751234J", "Lycée des métiers de la Bièvre", 1570, 1359]],
      },
      2024,
    );
    expect(r.dotations).toBeNull();
    expect(r.constats).toEqual([]);
  });

  test("établissement absent de la feuille : « dotations-introuvables » ; enveloppe vide dans la feuille : « dotation-vide »", async () => {
    const absent = await controler({
      Bilan: await bilanBievre(10776),
      "Dotations ARE 2023-2024": [ENTETE, ["0931234L", "Lycée Simone-Veil", 5644, 1812]],
    });
    expect(codes(absent.constats).map(([code]) => code)).toEqual(["dotations-introuvables"]);
    expect(espaces(absent.constats[0].message)).toContain(
      "0751234J ne figure pas dans « Dotations ARE 2023-2024 » : la dotation reçue du bilan n'est pas vérifiée.",
    );
    const vide = await controler({
      Bilan: await bilanBievre(10776),
      "Dotations ARE 2023-2024": [ENTETE, ["0751234J", "Lycée des métiers de la Bièvre", 10776, null]],
    });
    expect(codes(vide.constats)).toEqual([["dotation-vide", 12, "B"]]);
    expect(espaces(vide.constats[0].message)).toContain("(1 359,00 €) n'est pas vérifiée");
  });

  test("une feuille sans année dans son nom dont le titre dit 2024-2025 : erreur « dotations-autre-annee », rien de comparé", async () => {
    const r = await controler({
      Bilan: await bilanBievre(15700),
      "Dotations versées": [
        ["Dotations ARE 2024-2025 — aide régionale à l'équipement"],
        ENTETE,
        ["0751234J", "Lycée des métiers de la Bièvre", 1570, 1359],
      ],
    });
    expect(r.dotations).toBe("Dotations versées");
    expect(codes(r.constats)).toEqual([["dotations-autre-annee", null, null]]);
    expect(r.constats[0].gravite).toBe("erreur");
  });

  test("dans Excel : un seul Excel.run, et la feuille des dotations lue en un nombre de syncs qui ne dépend pas de ses lignes", async () => {
    const syncs = async (autres: number) => {
      const excel = new FakeExcel();
      excel.addUserSheet("Bilan", (await bilanBievre(15700)) as Seed[][]);
      const lignes: Seed[][] = [ENTETE, ["0751234J", "Lycée des métiers de la Bièvre", 1570, 1359]];
      for (let i = 0; i < autres; i++) lignes.push([`07${String(10000 + i).slice(1)}0X`, "Autre", 100, 100]);
      excel.addUserSheet("Dotations ARE 2023-2024", lignes);
      const memoire = new MemoryWorkbook({
        Bilan: await bilanBievre(15700),
        "Dotations ARE 2023-2024": lignes as CellValue[][],
      });
      const feuilles = await feuillesDu(memoire);
      excel.runs = 0;
      excel.syncs = 0;
      const r = await excelAction(
        excel.run,
        false,
      )(({ workbook }: { workbook: Workbook }) =>
        controlerAvecDotations(workbook, "Bilan", { annee: 2023 }, feuilles),
      );
      expect(excel.runs).toBe(1);
      expect(codes(r.constats)).toEqual([["valeur-divergente", 10, "B"]]);
      return excel.syncs;
    };
    const peu = await syncs(2);
    expect(await syncs(400)).toBe(peu);
    // Without a dotations sheet, the same action less the sheet's read: 2 syncs, and 1 for its one chunk.
    const seul = new FakeExcel();
    seul.addUserSheet("Bilan", (await bilanBievre(15700)) as Seed[][]);
    seul.syncs = 0;
    await excelAction(
      seul.run,
      false,
    )(({ workbook }) => controlerAvecDotations(workbook, "Bilan", { annee: 2023 }, null));
    expect(peu - seul.syncs).toBe(3);
  });
});

describe("Volet, « Reporter les reliquats » : dotation reçue vérifiée, et l'année des bilans celle choisie", () => {
  async function classeurReliquats(dotations: Record<string, CellValue[][]>) {
    const classeur = new MemoryWorkbook({
      "Bilan Bièvre": await bilanBievre(15700),
      "Bilan Simone-Veil": await grille("bilan-2023-0931234L.xlsx"),
      ...dotations,
    });
    return { classeur, feuilles: await feuillesDu(classeur) };
  }
  const options = (annee: number) => ({ feuillesBilans: ["Bilan Bièvre", "Bilan Simone-Veil"], annee });

  test("la Bièvre à 15 700 pour 1 570,00 € versés : alerte (écart de 14 130,00 €) dans les constats et dans ses observations ; Simone-Veil juste (5 644,00 € et 1 812,00 €)", async () => {
    const { classeur, feuilles } = await classeurReliquats({
      "Dotations ARE 2023-2024": [
        ENTETE,
        ["0751234J", "Lycée des métiers de la Bièvre", 1570, 1359],
        ["0931234L", "Lycée Simone-Veil", 5644, 1812],
      ],
    });
    const { resultat, feuille } = await reporterAvecDotations(classeur, options(2023), feuilles);
    expect(resultat.dotations).toBe("Dotations ARE 2023-2024");
    const divergentes = resultat.constats.filter((c) => c.code === "valeur-divergente");
    expect(divergentes.map((c) => [c.feuille, c.ligne, c.colonne])).toEqual([["Bilan Bièvre", 10, "B"]]);
    expect(espaces(divergentes[0].message)).toContain(
      "Dotation reçue pré-bac du bilan : 15 700,00 €, alors que « Dotations ARE 2023-2024 » (ligne 2) donne 1 570,00 € versés à 0751234J : écart de 14 130,00 €.",
    );
    expect(feuille).toBe("Établissements ARE 2024-2025");
    const ecrite = classeur.sheet(feuille)!.output!;
    const bievre = ecrite.rows.find((row) => row[0] === "0751234J")!;
    expect(espaces(String(bievre[bievre.length - 1]))).toContain("écart de 14 130,00 €");
    // 15 700 − 10 050 = 5 650,00 €: the bilan is taken as written, the alerte says to check it.
    expect(bievre[2]).toBe(5650);
  });

  test("l'année choisie, 2024-2025, n'est pas celle des bilans (2023-2024) : rien de reporté, aucune feuille écrite", async () => {
    const { classeur, feuilles } = await classeurReliquats({});
    await expect(reporterAvecDotations(classeur, options(2024), feuilles)).rejects.toThrow(
      /^L'année choisie demande les bilans 2024.2025, mais le bilan « Bilan Bièvre » est de 2023.2024 : aucun reliquat n'est reporté, aucune feuille écrite\./,
    );
    expect(classeur.sheets.filter((f) => f.owned)).toEqual([]);
  });

  test("sans feuille des dotations de l'année : reliquats reportés, dotation reçue non vérifiée", async () => {
    const { classeur, feuilles } = await classeurReliquats({});
    const { resultat } = await reporterAvecDotations(classeur, options(2023), feuilles);
    expect(resultat.dotations).toBeNull();
    expect(resultat.constats.filter((c) => c.code === "valeur-divergente")).toEqual([]);
  });

  test("une feuille des dotations d'une autre année (titre 2024-2025) : erreur, aucune feuille écrite", async () => {
    const { classeur, feuilles } = await classeurReliquats({
      "Dotations versées": [
        ["Dotations ARE 2024-2025"],
        ENTETE,
        ["0751234J", "Lycée des métiers de la Bièvre", 1570, 1359],
      ],
    });
    await expect(reporterAvecDotations(classeur, options(2023), feuilles)).rejects.toThrow(
      /^La feuille « Dotations versées » donne les dotations 2024.2025, et le bilan est de 2023.2024 : .* Aucune feuille écrite/,
    );
    expect(classeur.sheets.filter((f) => f.owned)).toEqual([]);
  });
});
