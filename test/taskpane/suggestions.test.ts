/**
 * Which sheet is what (src/workflows/suggestions.ts), on the example files of examples/bilans/ and on
 * the sheets the add-in itself writes through the workflows (template, check, request, dotations,
 * establishments), in an in-memory workbook.
 */
import { Decimal, Parametres } from "../../src/rules";
import { MemoryWorkbook, renderOutputGrid } from "../../src/workbook/memory";
import type { CellValue } from "../../src/workbook/port";
import {
  calculerDotations,
  controlerBilan,
  ecrireControleBilan,
  ecrireDemande,
  ecrireDotations,
  ecrireModeleBilan,
  ecrireReliquats,
  feuilleModeleBilan,
  preparerDemandeComplementaire,
  preparerModeleBilan,
  reporterReliquats,
} from "../../src/workflows";
import {
  LIGNES_APERCU,
  anneeDuBilan,
  anneeDuNom,
  feuilleDotationsPour,
  feuilleEtablissementsPour,
  natureFeuille,
  suggererFeuilles,
} from "../../src/workflows/suggestions";
import { initialChoice } from "../../src/taskpane/dotations/choice";
import { grille } from "./exemplesBilans";

/** The first rows of every sheet, as the navigator gives them to the screens. */
function apercus(classeur: MemoryWorkbook): Record<string, CellValue[][]> {
  return Object.fromEntries(classeur.sheets.map((s) => [s.name, s.values.slice(0, LIGNES_APERCU)]));
}

describe("Nature d'une feuille, d'après ses premières lignes", () => {
  test("un bilan rempli (modèle du complément) est un bilan, pas une feuille d'effectifs, bien qu'il ait un code et un effectif de référence", async () => {
    const bilan = await grille("bilan-2023-0751234J.xlsx");
    expect(bilan.slice(0, 30).some((row) => row.includes("Effectif n-1 (référence)"))).toBe(true);
    expect(natureFeuille(bilan.slice(0, LIGNES_APERCU))).toBe("bilan");
    expect(anneeDuBilan(bilan.slice(0, LIGNES_APERCU))).toBe(2023);
  });

  test("un bilan saisi à la main : deux colonnes du bilan suffisent ; une seule avec le formulaire au-dessus", () => {
    expect(
      natureFeuille([
        ["Code diplôme", "Élèves aidés", "Montant"],
        ["50022137", 12, 600],
      ]),
    ).toBe("bilan");
    expect(
      natureFeuille([
        ["UAI", "0750655E"],
        ["Dotation reçue pré-bac", 3000],
        [],
        ["Code formation", "Effectif", "Dépenses"],
        ["50022137", 20, 600],
      ]),
    ).toBe("bilan");
    // Sans formulaire, une colonne « Montant » de plus ne fait pas d'une feuille d'effectifs un bilan.
    expect(
      natureFeuille([
        ["Code formation", "Effectif", "Montant"],
        ["50022137", 20, 600],
      ]),
    ).toBe("effectifs");
  });

  test("une demande de dotation complémentaire (élèves ou boursiers supplémentaires par formation)", async () => {
    expect(natureFeuille((await grille("demande-complementaire.xlsx")).slice(0, LIGNES_APERCU))).toBe(
      "demande",
    );
    expect(
      natureFeuille([
        ["Code diplôme", "Effectif n-1", "Boursiers supplémentaires"],
        ["32025520", 30, 2],
      ]),
    ).toBe("demande");
  });

  test("effectifs et établissements comme avant ; une feuille de dotations n'est pas une feuille des établissements", async () => {
    expect(natureFeuille((await grille("effectifs-2023.xlsx")).slice(0, LIGNES_APERCU))).toBe("effectifs");
    expect(natureFeuille((await grille("etablissements-2023.xlsx")).slice(0, LIGNES_APERCU))).toBe(
      "etablissements",
    );
    expect(
      natureFeuille([
        ["UAI", "Taux de boursiers", "Reliquat pré-bac", "Dotation nette pré-bac", "Dotation nette post-bac"],
        ["0750655E", 0.4, 0, 3000, 1000],
      ]),
    ).toBe("dotations");
    expect(natureFeuille([["Notes"], ["À faire", "lundi"]])).toBeNull();
    expect(natureFeuille([])).toBeNull();
  });

  test("l'année d'une feuille se lit dans son nom : « Établissements ARE 2024-2025 » → 2024", () => {
    expect(anneeDuNom("Établissements ARE 2024-2025")).toBe(2024);
    expect(anneeDuNom("Dotations ARE 2023/2024")).toBe(2023);
    expect(anneeDuNom("Bilan ARE 0751234J 2023-2024")).toBe(2023);
    // Named by copying the pane's text (U+2011) or with a word processor's dash.
    expect(anneeDuNom("Établissements ARE 2024\u20112025")).toBe(2024);
    expect(anneeDuNom("Dotations 2024 \u2013 2025")).toBe(2024);
    expect(anneeDuNom("Établissements")).toBeNull();
    expect(anneeDuNom("Effectifs 2023-2026")).toBeNull();
    expect(anneeDuNom("Lycée 0751234-2023")).toBeNull();
  });
});

describe("Suggestions sur un classeur où le complément a déjà écrit ses feuilles", () => {
  /**
   * The cycle in one workbook: the user's effectif, establishments, request and bilan sheets; the
   * add-in's dotations 2023-2024, a template, a check, a request and the establishments 2024-2025.
   */
  async function classeurDuCycle() {
    const classeur = new MemoryWorkbook({
      "Effectifs 2023": await grille("effectifs-2023.xlsx"),
      "Établissements 2023-2024": await grille("etablissements-2023.xlsx"),
      Établissements: await grille("etablissements-2023.xlsx"),
      Demande: await grille("demande-complementaire.xlsx"),
      "Bilan Bièvre": await grille("bilan-2023-0751234J.xlsx"),
      "Bilan Simone-Veil": await grille("bilan-2023-0931234L.xlsx"),
    });
    const parametres = Parametres.embarques();
    await ecrireDotations(
      classeur,
      await calculerDotations(classeur, {
        feuillesEffectifs: ["Effectifs 2023"],
        feuilleEtablissements: "Établissements 2023-2024",
        annee: 2023,
        parametres,
      }),
    );
    const modele = await ecrireModeleBilan(
      classeur,
      await preparerModeleBilan(classeur, {
        uai: "0781234T",
        annee: 2023,
        feuillesEffectifs: ["Effectifs 2023"],
        feuilleDotations: "Dotations ARE 2023-2024",
      }),
    );
    await ecrireControleBilan(classeur, await controlerBilan(classeur, "Bilan Bièvre", { annee: 2023 }));
    await ecrireDemande(
      classeur,
      await preparerDemandeComplementaire(classeur, "Demande", { annee: 2024, parametres }),
    );
    await ecrireReliquats(
      classeur,
      await reporterReliquats(classeur, {
        feuillesBilans: ["Bilan Bièvre", "Bilan Simone-Veil"],
        feuilleEtablissements: "Établissements 2023-2024",
        annee: 2023,
      }),
    );
    const feuilles = await classeur.listSheets();
    return { classeur, feuilles, modele, suggestion: suggererFeuilles(feuilles, apercus(classeur)) };
  }

  test("le modèle de bilan du complément est proposé au contrôle et aux reliquats ; ses autres résultats ne sont jamais proposés", async () => {
    const { feuilles, modele, suggestion } = await classeurDuCycle();
    expect(modele).toBe("Bilan ARE 0781234T 2023-2024");
    expect(feuilles.filter((f) => f.owned).map((f) => f.name)).toEqual([
      "Constats ARE 2023-2024",
      "Dotations ARE 2023-2024",
      "Bilan ARE 0781234T 2023-2024",
      "Contrôle bilan 0751234J",
      "Constats demande 2024-2025",
      "Demande compl. ARE 2024-2025",
      "Établissements ARE 2024-2025",
    ]);
    expect(suggestion.effectifs).toEqual(["Effectifs 2023"]);
    // The request the add-in wrote has the columns of a request: never offered as one.
    expect(suggestion.demandes).toEqual(["Demande"]);
    expect(suggestion.bilans).toEqual(["Bilan Bièvre", "Bilan Simone-Veil", "Bilan ARE 0781234T 2023-2024"]);
    expect(suggestion.anneesBilans).toEqual({
      "Bilan Bièvre": 2023,
      "Bilan Simone-Veil": 2023,
      "Bilan ARE 0781234T 2023-2024": 2023,
    });
    expect(suggestion.dotations).toEqual(["Dotations ARE 2023-2024"]);
    expect(suggestion.etablissementsPossibles).toEqual([
      "Établissements 2023-2024",
      "Établissements",
      "Établissements ARE 2024-2025",
    ]);
    expect(Object.keys(suggestion.natures)).not.toContain("Contrôle bilan 0751234J");
    expect(Object.keys(suggestion.natures)).not.toContain("Demande compl. ARE 2024-2025");
  });

  test("feuille des établissements par année : celle du complément pour 2024-2025, celle de l'utilisateur qui nomme 2023-2024, sinon celle qui ne nomme aucune année", async () => {
    const { classeur, feuilles, suggestion } = await classeurDuCycle();
    expect(feuilleEtablissementsPour(suggestion, feuilles, 2024)).toBe("Établissements ARE 2024-2025");
    expect(feuilleEtablissementsPour(suggestion, feuilles, 2023)).toBe("Établissements 2023-2024");
    expect(feuilleEtablissementsPour(suggestion, feuilles, 2025)).toBe("Établissements");
    const sansFeuilleSansAnnee = feuilles.filter((f) => f.name !== "Établissements");
    const autre = suggererFeuilles(sansFeuilleSansAnnee, apercus(classeur));
    expect(feuilleEtablissementsPour(autre, sansFeuilleSansAnnee, 2025)).toBeNull();
    // Dotations screen: effectif sheets ticked as before — not the bilans nor the request.
    expect(initialChoice(feuilles, suggestion)).toEqual({
      effectifs: ["Effectifs 2023"],
      etablissements: "Établissements 2023-2024",
    });
  });

  test("à égalité d'année, la feuille écrite par le complément l'emporte sur celle de l'utilisateur (décision)", () => {
    const feuilles = [
      { name: "Établissements 2024-2025", owned: false },
      { name: "Établissements ARE 2024-2025", owned: true },
    ];
    const entete = [["UAI", "Reliquat pré-bac", "Reliquat post-bac"]];
    const suggestion = suggererFeuilles(feuilles, {
      "Établissements 2024-2025": entete,
      "Établissements ARE 2024-2025": [["Titre"], [], ...entete],
    });
    expect(suggestion.etablissements).toBe("Établissements 2024-2025");
    expect(feuilleEtablissementsPour(suggestion, feuilles, 2024)).toBe("Établissements ARE 2024-2025");
  });

  test("feuille des dotations du modèle de bilan : celle de l'année, jamais celle d'une autre année", async () => {
    const { feuilles, suggestion } = await classeurDuCycle();
    expect(feuilleDotationsPour(suggestion, feuilles, 2023)).toBe("Dotations ARE 2023-2024");
    expect(feuilleDotationsPour(suggestion, feuilles, 2024)).toBeNull();
  });

  test("le modèle écrit par le complément, encore vide, est reconnu comme un bilan avec son année", async () => {
    const classeur = new MemoryWorkbook({ Effectifs: await grille("effectifs-2023.xlsx") });
    const resultat = await preparerModeleBilan(classeur, {
      uai: "0751234J",
      annee: 2023,
      feuillesEffectifs: ["Effectifs"],
      dotations: { preBac: new Decimal(10776), postBac: new Decimal(1359) },
    });
    const grid = renderOutputGrid(feuilleModeleBilan(resultat));
    expect(natureFeuille(grid.slice(0, LIGNES_APERCU))).toBe("bilan");
    expect(anneeDuBilan(grid.slice(0, LIGNES_APERCU))).toBe(2023);
  });
});
