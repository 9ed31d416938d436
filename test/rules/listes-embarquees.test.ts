/**
 * The embedded lists are data (src/rules/catalogue/listes/): the module the bundles compile is the one the
 * script draws from them, and each list keeps its reference.
 */
import * as fs from "fs";
import { CATALOGUES } from "../../src/rules";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { generer, lireListes, MODULE } = require("../../scripts/listes-embarquees.js");

describe("Listes embarquées : des fichiers de données, pas du code", () => {
  test("le module embarqué est exactement celui que le script tire de listes/", () => {
    expect(fs.readFileSync(MODULE, "utf8")).toBe(generer());
  });

  test("la liste 2023-2024 est le fichier listes/2023-2024.tsv : 222 lignes de 6 colonnes après l'en-tête", () => {
    const [liste] = lireListes();
    expect(liste.annee).toBe(2023);
    expect(liste.tsv.split("\n")).toHaveLength(222);
    expect(CATALOGUES[0].formations).toHaveLength(222);
  });

  test("chaque liste cite sa référence : titre, texte qui la publie, adresse, date", () => {
    expect(CATALOGUES[0].reference).toEqual({
      titre: "Liste des formations relevant des spécialités éligibles au titre de l'année scolaire 2023-2024",
      document:
        "Aide régionale à l'équipement pré et post bac (ARE), modalités d'application 2023-2024, annexe (arrêté n° 2023-087 du 17 mars 2023), établie sur la base de la rentrée 2022",
      url: "https://lycees.iledefrance.fr/",
      date: "2023-03-17",
    });
    expect(CATALOGUES[0].provenance).toMatch(/arrêté n° 2023-087 du 17 mars 2023.*, 17\/03\/2023, https:/);
  });
});
