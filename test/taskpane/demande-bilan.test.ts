/**
 * What the Demande and Bilan screens show and choose, without a browser: the request's table, the
 * envelopes of a checked bilan, the template's summary, the reliquats carried, the establishments of
 * effectif sheets, the active sheet. Expected figures from the forfaits (157 €, 56 € in 2024-2025) and
 * the hand-computed cycle of examples/bilans/README.md.
 */
import { Decimal, Parametres } from "../../src/rules";
import { PreviewWorkbook } from "../../src/preview/previewWorkbook";
import { MemoryWorkbook } from "../../src/workbook/memory";
import type { SheetData } from "../../src/workbook/port";
import {
  controlerBilan,
  ecrireControleBilan,
  ecrireModeleBilan,
  preparerDemandeComplementaire,
  preparerModeleBilan,
  reporterReliquats,
} from "../../src/workflows";
import { resumeModele, tableauEnveloppes, tableauReliquats } from "../../src/taskpane/bilan/resume";
import {
  basculer,
  etablissementsDesFeuilles,
  feuilleActive,
  feuillesProposees,
} from "../../src/taskpane/components/feuilles";
import { tableauDemande } from "../../src/taskpane/demande/tableau";
import { suggererFeuilles } from "../../src/workflows/suggestions";
import { grille } from "./exemplesBilans";

describe("Écran Demande : le tableau de la demande", () => {
  test("par enveloppe, élèves en plus × forfait 2024-2025, sous-totaux et total : 4 × 157 + 3 × 56 = 796,00 € ; 2 × 157 = 314,00 € ; 1 110,00 €", async () => {
    const classeur = new MemoryWorkbook({ Demande: await grille("demande-complementaire.xlsx") });
    const resultat = await preparerDemandeComplementaire(classeur, "Demande", {
      annee: 2024,
      parametres: Parametres.embarques(),
    });
    expect(tableauDemande(resultat)).toEqual([
      {
        genre: "formation",
        libelle: "50022137 BOULANGER (CAP)",
        calcul: "4 × 157\u00a0€",
        montant: "628,00",
      },
      {
        genre: "formation",
        libelle: "67010031 3EME PREPA-METIERS",
        calcul: "3 × 56\u00a0€",
        montant: "168,00",
      },
      { genre: "sous-total", libelle: "Sous-total pré-bac", calcul: "7 élèves", montant: "796,00" },
      {
        genre: "formation",
        libelle: "32033422 MANAGEMENT EN HOTELLERIE-RESTAURATION (BTS)",
        calcul: "2 × 157\u00a0€",
        montant: "314,00",
      },
      { genre: "sous-total", libelle: "Sous-total post-bac", calcul: "2 boursiers", montant: "314,00" },
      { genre: "total", libelle: "Total demandé", calcul: "9 bénéficiaires", montant: "1\u202f110,00" },
    ]);
    // The ST2S row is refused with its motif (a finding), not a line of the table.
    expect(resultat.constats.map((c) => [c.code, c.ligne])).toEqual([["demande-non-eligible", 5]]);
  });

  test("une demande sans ligne recevable : seul le total, à 0,00 €", async () => {
    const classeur = new MemoryWorkbook({
      D: [
        ["Code diplôme", "Élèves supplémentaires"],
        ["43033104", 3],
      ],
    });
    const r = await preparerDemandeComplementaire(classeur, "D", {
      annee: 2023,
      parametres: Parametres.embarques(),
    });
    expect(tableauDemande(r)).toEqual([
      { genre: "total", libelle: "Total demandé", calcul: "0 bénéficiaire", montant: "0,00" },
    ]);
  });

  test("une formation sur deux lignes : sous-total et total « non calculé », jamais le montant de la première ligne seule", async () => {
    // 2023-2024 (151 €, 54 €): counted once the pré-bac subtotal would read 4 × 151 + 3 × 54 = 766,00.
    const classeur = new MemoryWorkbook({
      D: [
        ["Code diplôme", "Élèves supplémentaires"],
        ["50022137", 4],
        ["67010031", 3],
        ["32033422", 2],
        ["50022137", 4],
      ],
    });
    const r = await preparerDemandeComplementaire(classeur, "D", {
      annee: 2023,
      parametres: Parametres.embarques(),
    });
    expect(tableauDemande(r).filter((l) => l.genre !== "formation")).toEqual([
      { genre: "sous-total", libelle: "Sous-total pré-bac", calcul: "—", montant: "non calculé" },
      { genre: "sous-total", libelle: "Sous-total post-bac", calcul: "2 boursiers", montant: "302,00" },
      { genre: "total", libelle: "Total demandé", calcul: "—", montant: "non calculé" },
    ]);
    // The BTS row under a lone « Élèves supplémentaires » is read as boursiers, with an alerte
    // (regles.md#complementaire.colonnes).
    expect(r.constats.map((c) => [c.code, c.ligne])).toEqual([
      ["demande-eleves-post-bac", 4],
      ["demande-en-double", 5],
    ]);
  });
});

describe("Écran Bilan : contrôle, modèle et reliquats", () => {
  test("enveloppes d'un bilan contrôlé : pré-bac 10 776,00 + 0 − 10 050,00 = 726,00 € ; post-bac 1 359,00 − 1 200,00 = 159,00 €", async () => {
    const classeur = new MemoryWorkbook({ Bilan: await grille("bilan-2023-0751234J.xlsx") });
    const resultat = await controlerBilan(classeur, "Bilan", { annee: 2024 });
    expect(tableauEnveloppes(resultat)).toEqual([
      { enveloppe: "Pré-bac", disponible: "10\u202f776,00", achats: "10\u202f050,00", reliquat: "726,00" },
      { enveloppe: "Post-bac", disponible: "1\u202f359,00", achats: "1\u202f200,00", reliquat: "159,00" },
    ]);
  });

  test("une dotation reçue manquante : reliquat « non calculé », pas de disponible deviné", async () => {
    const grid = await grille("bilan-2023-0751234J.xlsx");
    const ligne = grid.findIndex((row) => String(row[0]).startsWith("Dotation reçue post-bac"));
    grid[ligne] = [grid[ligne][0], null];
    const classeur = new MemoryWorkbook({ Bilan: grid });
    const resultat = await controlerBilan(classeur, "Bilan", { annee: 2023 });
    expect(tableauEnveloppes(resultat)[1]).toEqual({
      enveloppe: "Post-bac",
      disponible: "—",
      achats: "1\u202f200,00",
      reliquat: "non calculé",
    });
  });

  test("résumé du modèle : formations par enveloppe (ST2S exclue), montants repris ou à saisir", async () => {
    const classeur = new MemoryWorkbook({ Effectifs: await grille("effectifs-2023.xlsx") });
    const resultat = await preparerModeleBilan(classeur, {
      uai: "0751234J",
      annee: 2023,
      feuillesEffectifs: ["Effectifs"],
      // 66 × 151 + 15 × 54 = 10 776,00 € (README des exemples).
      dotations: { preBac: new Decimal(10776) },
      reliquats: { preBac: new Decimal(0) },
    });
    expect(resumeModele(resultat)).toEqual([
      "5 formations éligibles (pré-bac 4, post-bac 1) : élèves aidés, montant des achats et type d'équipement à remplir.",
      "Dotation reçue pré-bac : 10\u202f776,00\u00a0€",
      "Reliquat antérieur pré-bac : 0,00\u00a0€",
      "Dotation reçue post-bac : à saisir dans le modèle",
      "Reliquat antérieur post-bac : à saisir dans le modèle",
    ]);
  });

  test("reliquats reportés, par UAI, à hauteur du maximum affiché (README : 726,00 / 159,00 ; 2 618,00 / 0,00 ; 1 093,56 / 111,90)", async () => {
    const classeur = new MemoryWorkbook({
      A: await grille("bilan-2023-0751234J.xlsx"),
      B: await grille("bilan-2023-0931234L.xlsx"),
      C: await grille("bilan-2023-0781234T.xlsx"),
    });
    const resultat = await reporterReliquats(classeur, { feuillesBilans: ["A", "B", "C"], annee: 2023 });
    expect(tableauReliquats(resultat, 10)).toEqual([
      {
        uai: "0751234J",
        etablissement: "Lycée des métiers de la Bièvre",
        preBac: "726,00",
        postBac: "159,00",
      },
      { uai: "0781234T", etablissement: "Lycée agricole du Vexin", preBac: "2\u202f618,00", postBac: "0,00" },
      { uai: "0931234L", etablissement: "Lycée Simone-Veil", preBac: "1\u202f093,56", postBac: "111,90" },
    ]);
    expect(tableauReliquats(resultat, 2).map((l) => l.uai)).toEqual(["0751234J", "0781234T"]);
  });
});

describe("Choix des feuilles des écrans Demande et Bilan", () => {
  test("les établissements des feuilles d'effectifs : UAI valides, une fois chacun, par UAI, avec le premier nom donné", () => {
    const feuilles: SheetData[] = [
      {
        name: "Paris",
        rowOffset: 2,
        columnOffset: 1,
        values: [
          ["RNE", "Établissement", "CFD", "Effectif"],
          ["0750655E", null, "50022137", 10],
          ["0750655E", "Lycée Louis-le-Grand", "40025408", 5],
          ["0750654D", "Lycée Henri-IV", "50022137", 3],
          ["07506", "UAI tronqué", "50022137", 3],
        ],
      },
      { name: "Notes", rowOffset: 0, columnOffset: 0, values: [["Rien"]] },
    ];
    expect(etablissementsDesFeuilles(feuilles)).toEqual([
      { uai: "0750654D", nom: "Lycée Henri-IV" },
      { uai: "0750655E", nom: "Lycée Louis-le-Grand" },
    ]);
  });

  test("cocher et décocher gardent l'ordre du classeur ; les feuilles de l'utilisateur, puis celles du complément demandées", () => {
    const ordre = ["Paris", "Créteil", "Versailles"];
    expect(basculer(["Versailles"], "Paris", true, ordre)).toEqual(["Paris", "Versailles"]);
    expect(basculer(["Paris", "Versailles"], "Paris", false, ordre)).toEqual(["Versailles"]);
    const feuilles = {
      sheets: [
        { name: "Paris", owned: false },
        { name: "Bilan ARE 0750655E 2024-2025", owned: true },
        { name: "Contrôle ARE", owned: true },
      ],
      suggestion: suggererFeuilles([], {}),
    };
    expect(feuillesProposees(feuilles)).toEqual(["Paris"]);
    expect(feuillesProposees(feuilles, ["Bilan ARE 0750655E 2024-2025", "Paris"])).toEqual([
      "Paris",
      "Bilan ARE 0750655E 2024-2025",
    ]);
  });

  test("la feuille active : celle de l'utilisateur ; une feuille de résultats refusée avec un message, sauf un modèle de bilan (qui se remplit)", async () => {
    const classeur = new PreviewWorkbook(
      { Effectifs: await grille("effectifs-2023.xlsx"), Bilan: await grille("bilan-2023-0751234J.xlsx") },
      0,
    );
    classeur.activate("Bilan");
    await expect(feuilleActive(classeur, classeur, "bilan", "le bilan à contrôler")).resolves.toBe("Bilan");
    // Writing a sheet makes it active, as in Excel.
    await ecrireControleBilan(classeur, await controlerBilan(classeur, "Bilan", { annee: 2023 }));
    await expect(feuilleActive(classeur, classeur, "bilan", "le bilan à contrôler")).rejects.toThrow(
      "La feuille active « Contrôle bilan 0751234J » est une feuille de résultats écrite par le complément : activez le bilan à contrôler, ou choisissez-la dans la liste.",
    );
    const modele = await ecrireModeleBilan(
      classeur,
      await preparerModeleBilan(classeur, { uai: "0751234J", annee: 2023, feuillesEffectifs: ["Effectifs"] }),
    );
    await expect(feuilleActive(classeur, classeur, "bilan", "le bilan à contrôler")).resolves.toBe(modele);
    await expect(feuilleActive(classeur, classeur, "demande", "la demande")).rejects.toThrow(
      /feuille de résultats/,
    );
  });
});
