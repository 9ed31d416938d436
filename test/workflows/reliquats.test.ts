/**
 * Reliquats carried into next year from bilans: the establishments sheet kept as it is, reliquats
 * replaced; establishments without a bilan, duplicate bilans, bilans of another year and incomplete
 * bilans each give a constat, and nothing is guessed.
 */
import { Decimal, texteDecimal } from "../../src/rules";
import { MemoryWorkbook } from "../../src/workbook/memory";
import type { CellValue, SheetData } from "../../src/workbook/port";
import { ecrireReliquats, reporterReliquats } from "../../src/workflows";
import { texteDelimite } from "../../src/sheet/decoupage";
import { CONSOMMABLES, EPI } from "./cycle";

const euros = (d: Decimal | null) => (d === null ? null : texteDecimal(d));

/** A hand-made bilan: the form labels, then the table. */
function bilan(
  uai: string | null,
  annee: CellValue,
  dotations: [CellValue, CellValue],
  lignes: CellValue[][],
): CellValue[][] {
  return [
    ["Bilan de l'aide régionale à l'équipement des élèves"],
    ["UAI :", uai],
    ["Année scolaire :", annee],
    ["Dotation reçue pré-bac :", dotations[0]],
    ["Dotation reçue post-bac :", dotations[1]],
    ["Reliquat antérieur pré-bac :", 0],
    [],
    ["Code formation", "Élèves aidés", "Montant des achats", "Type d'équipement"],
    ...lignes,
  ];
}

const ETABLISSEMENTS: CellValue[][] = [
  ["Données des établissements 2023-2024"],
  ["UAI", "Nom", "Académie", "Boursiers", "Effectif total", "Reliquat pré-bac", "Réponse à l'enquête"],
  ["0750655E", "Lycée Arago", "Paris", 120, 400, 999, "oui"],
  ["0750654D", "Lycée Bréguet", "Paris", 30, 300, 50.5, "non"],
  ["Total", null, null, 150, 700, 1049.5, null],
];

function classeur(): MemoryWorkbook {
  return new MemoryWorkbook({
    Établissements: ETABLISSEMENTS,
    // 1 000 − 400,40 = 599,60 ; post-bac 500 − 500 = 0 ; reliquat post-bac antérieur vide → 0.
    "Bilan Arago": bilan(
      "0750655E",
      "2023-2024",
      [1000, 500],
      [
        ["50022137", 10, 400.4, EPI],
        ["32025520", 5, 500, CONSOMMABLES],
      ],
    ),
    "Bilan Arago (copie)": bilan("0750655E", 2023, [1000, 500], []),
    "Bilan Cachan": bilan("0941234F", "2023-2024", [null, 800], [["32031213", 3, 200, EPI]]),
    "Bilan Melun 2024": bilan("0771234Y", "2024-2025", [100, 0], []),
    "Bilan sans UAI": bilan(null, "2023-2024", [100, 0], []),
  });
}

const TOUS = ["Bilan Arago", "Bilan Arago (copie)", "Bilan Cachan", "Bilan Melun 2024", "Bilan sans UAI"];

describe("Reporter les reliquats des bilans", () => {
  test("reliquats par enveloppe, triés par UAI ; un bilan incomplet laisse l'enveloppe non calculée", async () => {
    const r = await reporterReliquats(classeur(), { feuillesBilans: TOUS, annee: 2023 });
    expect(r.anneeBilans).toBe(2023);
    expect(
      r.reliquats.map((x) => [x.uai, x.bilan, euros(x.reliquats.preBac), euros(x.reliquats.postBac)]),
    ).toEqual([
      // « Bilan Arago (copie) », without purchases, gives 1 000 and 500: which bilan is right is not
      // known (regles.md#reliquats.bilan-en-double).
      ["0750655E", "Bilan Arago", null, null],
      ["0941234F", "Bilan Cachan", null, "600.00"],
    ]);
  });

  test("doublon, autre année, UAI manquant, dotation manquante : chacun son constat", async () => {
    const r = await reporterReliquats(classeur(), { feuillesBilans: TOUS, annee: 2023 });
    const codes = r.constats.filter((c) => c.gravite !== "info").map((c) => [c.code, c.feuille]);
    expect(codes).toEqual(
      expect.arrayContaining([
        ["bilan-en-double", "Bilan Arago (copie)"],
        ["bilan-autre-annee", "Bilan Melun 2024"],
        ["uai-manquant", "Bilan sans UAI"],
        ["dotation-recue-manquante", "Bilan Cachan"],
        ["reliquat-non-calcule", "Bilan Cachan"],
      ]),
    );
  });

  test("sans feuille des établissements : UAI, nom, reliquats et leur origine", async () => {
    const c = classeur();
    const r = await reporterReliquats(c, { feuillesBilans: ["Bilan Arago", "Bilan Cachan"], annee: 2023 });
    const nom = await ecrireReliquats(c, r);
    expect(nom).toBe("Établissements ARE 2024-2025");
    const sortie = c.sheet(nom)!.output!;
    expect(sortie.columns.map((col) => col.header)).toEqual([
      "UAI",
      "Nom de l'établissement",
      "Reliquat pré-bac",
      "Reliquat post-bac",
      "Origine des reliquats",
    ]);
    expect(sortie.rows.map((row) => row.slice(0, 4))).toEqual([
      ["0750655E", null, 599.6, 0],
      ["0941234F", null, "non calculé", 600],
    ]);
    expect(String(sortie.rows[1][4])).toContain("Reliquat pré-bac de 0941234F non calculé");
  });

  test("avec la feuille des établissements : colonnes et lignes gardées, reliquats remplacés ou ajoutés, établissement sans bilan signalé", async () => {
    const c = classeur();
    const r = await reporterReliquats(c, {
      feuillesBilans: ["Bilan Arago", "Bilan Cachan"],
      feuilleEtablissements: "Établissements",
      annee: 2023,
    });
    const headers = r.sortie.columns.map((col) => col.header);
    expect(headers).toEqual([
      "UAI",
      "Nom",
      "Académie",
      "Boursiers",
      "Effectif total",
      "Reliquat pré-bac",
      "Réponse à l'enquête",
      "Reliquat post-bac",
      "Origine des reliquats",
    ]);
    expect(r.sortie.rows.map((row) => row.slice(0, 8))).toEqual([
      ["0750655E", "Lycée Arago", "Paris", 120, 400, 599.6, "oui", 0],
      ["0750654D", "Lycée Bréguet", "Paris", 30, 300, 50.5, "non", null], // no bilan: kept
      ["Total", null, null, 150, 700, 1049.5, null, null], // kept as it is
      ["0941234F", null, null, null, null, "non calculé", null, 600], // added
    ]);
    const absent = r.constats.find((x) => x.code === "bilan-absent")!;
    expect([absent.feuille, absent.ligne, absent.colonne]).toEqual(["Établissements", 4, "A"]);
    // The user's sheet is untouched.
    expect(c.sheet("Établissements")!.values).toEqual(ETABLISSEMENTS);
  });

  // regles.md#reliquats.valeurs-reprises: Bréguet's « non » of 2023-2024, carried as it is, would
  // withhold its whole 2024-2025 dotation; Arago's 120 / 400 boursiers would pay last year's pupils.
  test("les boursiers et réponses de la feuille, ceux de l'année des bilans, sont dits repris : à mettre à jour", async () => {
    const r = await reporterReliquats(classeur(), {
      feuillesBilans: ["Bilan Arago"],
      feuilleEtablissements: "Établissements",
      annee: 2023,
    });
    const reprises = r.constats.filter((x) => x.code === "valeurs-reprises");
    expect(reprises.map((x) => [x.gravite, x.feuille, x.ligne, x.colonne, x.message])).toEqual([
      [
        "alerte",
        "Établissements",
        2,
        null,
        "Taux de boursiers et réponses à l'enquête 2023-2024 repris tels quels : mettez-les à jour pour 2024-2025 avant les dotations.",
      ],
    ]);
    // A sheet of reliquats alone carries nothing of last year's but them: no alerte.
    const seule = new MemoryWorkbook({
      Établissements: ETABLISSEMENTS.map((row) => [row[0], row[1], row[5]]),
      "Bilan Arago": classeur().sheet("Bilan Arago")!.values,
    });
    const r2 = await reporterReliquats(seule, {
      feuillesBilans: ["Bilan Arago"],
      feuilleEtablissements: "Établissements",
      annee: 2023,
    });
    expect(r2.constats.map((x) => x.code)).not.toContain("valeurs-reprises");
  });
});

describe("Feuille des établissements lue d'un .csv : une ligne découpée en trop de valeurs est signalée", () => {
  /** The workbook of the tests above, the establishments sheet read from a comma-separated .csv. */
  class ClasseurCsv extends MemoryWorkbook {
    override async readSheet(name: string): Promise<SheetData> {
      const sheet = await super.readSheet(name);
      return name === "etablissements.csv" ? { ...sheet, delimited: texteDelimite(",") } : sheet;
    }
  }

  test("« 802,50 » et « 0,35 » sans guillemets : erreur et observation, recopiée sans rien deviner", async () => {
    // As the CSV reader gives « 0750654D,Lycée Bréguet,oui,802,50,0,35 » under 5 titles: 7 values.
    const c = new ClasseurCsv({
      "etablissements.csv": [
        ["UAI", "Nom", "Réponse à l'enquête", "Reliquat pré-bac", "Taux de boursiers"],
        ["0750655E", "Lycée Arago", "oui", 999, 0.25],
        ["0750654D", "Lycée Bréguet", "oui", 802, 50, 0, 35],
      ],
      "Bilan Arago": classeur().sheet("Bilan Arago")!.values,
    });
    const r = await reporterReliquats(c, {
      feuillesBilans: ["Bilan Arago"],
      feuilleEtablissements: "etablissements.csv",
      annee: 2023,
    });
    expect(r.constats.filter((x) => x.code === "ligne-mal-decoupee")).toEqual([
      expect.objectContaining({ gravite: "erreur", feuille: "etablissements.csv", ligne: 3, colonne: "F" }),
    ]);
    const constat = r.constats.find((x) => x.code === "ligne-mal-decoupee")!;
    expect(constat.message).toMatch(/^Ligne de 7 valeurs pour 5 colonnes dans l'en-tête \(ligne 1\)/);
    expect(constat.message).toContain(
      "Elle est recopiée telle quelle : à corriger avant le calcul des dotations.",
    );
    const breguet = r.sortie.rows.find((row) => row[0] === "0750654D")!;
    const observations = r.sortie.rows[0].length - 1;
    expect(String(breguet[observations])).toMatch(/^Ligne mal découpée dans le fichier/);
    // The line without a bilan keeps its cells as the file gave them, with its alerte too.
    expect(breguet.slice(0, 5)).toEqual(["0750654D", "Lycée Bréguet", "oui", 802, 50]);
    expect(r.constats.map((x) => [x.code, x.ligne])).toContainEqual(["bilan-absent", 3]);
  });

  test("la même feuille venue d'un classeur : cellules à droite du tableau gardées, aucun constat de découpage", async () => {
    const c = new MemoryWorkbook({
      Établissements: [
        ["UAI", "Nom", "Reliquat pré-bac"],
        ["0750655E", "Lycée Arago", 999, "note"],
      ],
      "Bilan Arago": classeur().sheet("Bilan Arago")!.values,
    });
    const r = await reporterReliquats(c, {
      feuillesBilans: ["Bilan Arago"],
      feuilleEtablissements: "Établissements",
      annee: 2023,
    });
    expect(r.constats.filter((x) => x.code === "ligne-mal-decoupee")).toEqual([]);
  });
});
