/**
 * The pane's Contrôle gives the alertes `are controle` gives, through its own check (checkSheet, what
 * CheckScreen runs), and its Dotations the `colonne-non-lue` of `are dotations` (with the `designer`
 * the screen passes). Before, both were the command line's only: the pane said « 0 erreur, 0 alerte »
 * of a sheet whose BTS pupils would not be paid without a taux, or whose apprentices were paid.
 * Seed, 2024-2025: forfait pré-bac 157 €, post-bac 157 € per boursier.
 *
 * - regles.md#controle.post-bac-sans-taux: Arago, 24 CAP and 40 BTS, no taux → one alerte counting
 *   the 40 post-bac pupils, and « Aucune erreur dans la feuille. Attention : 40 élèves post-bac… ».
 *   With 35 %, those 40 would give round(40 × 0,35) = 14 boursiers × 157 = 2 198,00 €; without, 0 €.
 * - regles.md#lecture.colonne-non-lue: « Niveau » and « Type de contrat élève », titles not recognised:
 *   20 CAP (niveau 1, scolaire) + 18 CAP (niveau 2, apprentis) = 38 × 157 = 5 966,00 € paid, and two
 *   alertes saying how to have them read; « Niveau » designated as the year of formation in Contrôle,
 *   20 × 157 = 3 140,00 € and the status column alone still named.
 */
import * as fs from "fs";
import * as path from "path";
import { Parametres } from "../../src/rules";
import type { CellValue } from "../../src/workbook/port";
import { MemoryWorkbook } from "../../src/workbook/memory";
import { calculerDotations } from "../../src/workflows";
import { DESIGNER, checkSheet } from "../../src/taskpane/check/check";
import { chooseColumn } from "../../src/taskpane/check/mapping";

const ENTETE: CellValue[] = ["UAI", "Établissement", "Code formation", "Libellé formation", "Effectif"];
const CAP: CellValue[] = ["0750655E", "Lycée Arago", "50022137", "BOULANGER (CAP)", 24];
const BTS: CellValue[] = ["0750655E", "Lycée Arago", "32025520", "ELECTROTECHNIQUE (BTS)", 40];

const NIVEAUX: CellValue[][] = [
  ["UAI", "Code formation", "Libellé", "Niveau", "Type de contrat élève", "Effectif"],
  ["0750655E", "50022139", "CUISINE (CAP)", 1, "Scolaire", 20],
  ["0750655E", "50022137", "BOULANGER (CAP)", 2, "Apprenti", 18],
];

/** The cases, as named in docs/security.md. */
const CAS = {
  postBac: "volet, Contrôle : 24 CAP et 40 BTS d'un lycée, sans taux de boursiers",
  avecTaux: "volet, Contrôle : la même feuille avec une colonne « Taux de boursiers » à 35 %",
  controleNonLues: "volet, Contrôle : colonnes « Niveau » et « Type de contrat élève », titres non reconnus",
  choisie: "volet, Contrôle : « Niveau » choisie comme année de formation dans la correspondance",
  dotations: "volet, Dotations : la feuille aux colonnes « Niveau » et « Type de contrat élève »",
  reliquat: "volet, Dotations : feuille des établissements avec « Reliquat pré-bac N-1 »",
};

const classeur = (lignes: CellValue[][]) => new MemoryWorkbook({ Effectifs: lignes } as never);

describe("volet, Contrôle : élèves post-bac sans taux (regles.md#controle.post-bac-sans-taux)", () => {
  test(CAS.postBac, async () => {
    const r = await checkSheet(classeur([ENTETE, CAP, BTS]), "Effectifs", { annee: 2024 });
    expect(r.effectifs).toEqual({ prepaMetiers: 0, preBac: 24, postBac: 40 });
    expect(r.postBacSansTaux).toBe(40);
    expect(r.constats.map((c) => [c.gravite, c.code, c.ligne])).toEqual([
      ["alerte", "post-bac-sans-taux", 2],
    ]);
    expect(r.constats[0].message).toContain(
      "0750655E : 40 élèves post-bac de 1re année : sans le taux de boursiers",
    );
  });

  test(CAS.avecTaux, async () => {
    const lignes = [
      [...ENTETE, "Taux de boursiers"],
      [...CAP, "35 %"],
      [...BTS, "35 %"],
    ];
    const r = await checkSheet(classeur(lignes), "Effectifs", { annee: 2024 });
    expect(r.postBacSansTaux).toBe(0);
    expect(r.constats).toEqual([]);
  });
});

describe("volet : colonnes de statut ou d'année non lues (regles.md#lecture.colonne-non-lue)", () => {
  const message = (titre: string) =>
    `La colonne « ${titre} » n'est pas lue : son titre n'est pas reconnu. Si elle dit l'année dans la formation ou le statut des élèves (apprentis, formation continue), renommez-la (« Année de formation », « Statut ») ou désignez-la dans la correspondance des colonnes de l'écran Contrôle, puis relancez : sinon les élèves de 2e année ou les apprentis qu'elle signale sont payés.`;

  test(CAS.controleNonLues, async () => {
    const r = await checkSheet(classeur(NIVEAUX), "Effectifs", { annee: 2024 });
    expect(r.effectifs.preBac).toBe(20 + 18);
    expect(r.constats.map((c) => [c.code, c.ligne, c.colonne, c.message])).toEqual([
      ["colonne-non-lue", 1, "D", message("Niveau")],
      ["colonne-non-lue", 1, "E", message("Type de contrat élève")],
    ]);
  });

  test(CAS.choisie, async () => {
    const lue = await checkSheet(classeur(NIVEAUX), "Effectifs", { annee: 2024 });
    // As the screen does when the user picks D for « Année de formation » (CheckScreen's onChoose).
    const colonnes = chooseColumn({}, "anneeFormation", 3, lue.entete!);
    const r = await checkSheet(classeur(NIVEAUX), "Effectifs", { annee: 2024, colonnes });
    expect(r.effectifs.preBac).toBe(20);
    expect(r.constats.filter((c) => c.code === "colonne-non-lue").map((c) => c.colonne)).toEqual(["E"]);
  });

  test(CAS.dotations, async () => {
    const r = await calculerDotations(classeur(NIVEAUX), {
      feuillesEffectifs: ["Effectifs"],
      annee: 2024,
      parametres: Parametres.embarques(),
      designer: DESIGNER,
    });
    expect(r.totaux.nette.total.toFixed(2)).toBe("5966.00");
    const alertes = r.constats.filter((c) => c.gravite === "alerte");
    expect(alertes.map((c) => [c.code, c.feuille, c.colonne, c.message])).toEqual([
      ["colonne-non-lue", "Effectifs", "D", message("Niveau")],
      ["colonne-non-lue", "Effectifs", "E", message("Type de contrat élève")],
    ]);
  });
});

describe("volet, Dotations : feuille des établissements (regles.md#lecture.colonne-non-lue)", () => {
  // Arago, 24 CAP: 24 × 157 = 3 768,00 €; its reliquat pré-bac of 1 000 € under a title not
  // recognised is not deducted (nothing is guessed) but named; chosen in Contrôle: 3 768 − 1 000 = 2 768,00 €.
  const etablissements: CellValue[][] = [
    ["UAI", "Taux de boursiers", "Reliquat pré-bac N-1", "Réponse à l'enquête"],
    ["0750655E", "0 %", 1000, "oui"],
  ];
  const calculer = (colonnes = {}) =>
    calculerDotations(
      new MemoryWorkbook({ Effectifs: [ENTETE, CAP], Établissements: etablissements } as never),
      {
        feuillesEffectifs: ["Effectifs"],
        feuilleEtablissements: "Établissements",
        annee: 2024,
        parametres: Parametres.embarques(),
        colonnes,
        designer: DESIGNER,
      },
    );

  test(CAS.reliquat, async () => {
    const r = await calculer();
    expect(r.totaux.nette.total.toFixed(2)).toBe("3768.00");
    expect(
      r.constats.filter((c) => c.code === "colonne-non-lue").map((c) => [c.feuille, c.colonne, c.message]),
    ).toEqual([
      [
        "Établissements",
        "C",
        "La colonne « Reliquat pré-bac N-1 » n'est pas lue : son titre n'est pas reconnu. Si elle donne un reliquat, le taux de boursiers ou la réponse à l'enquête, renommez-la (« Reliquat pré-bac », « Reliquat post-bac », « Taux de boursiers », « Réponse à l'enquête ») ou désignez-la dans la correspondance des colonnes de l'écran Contrôle, puis relancez : sinon ses valeurs ne comptent pas (reliquat non déduit, réponse « non » ignorée).",
      ],
    ]);
    // Chosen in Contrôle (the sheet checked, then the column picked), as Dotations then reads it.
    const lue = await checkSheet(
      new MemoryWorkbook({ Établissements: etablissements } as never),
      "Établissements",
      { annee: 2024 },
    );
    const correction = chooseColumn({}, "reliquatPreBac", 2, lue.entete!);
    const corrige = await calculer({ Établissements: correction });
    expect(corrige.totaux.nette.total.toFixed(2)).toBe("2768.00");
    expect(corrige.constats.filter((c) => c.code === "colonne-non-lue")).toEqual([]);
  });
});

test("chaque cas figure dans le tableau de docs/security.md", () => {
  const doc = fs.readFileSync(path.join(__dirname, "..", "..", "docs", "security.md"), "utf8");
  expect(Object.values(CAS).filter((nom) => !doc.includes(nom))).toEqual([]);
});
