/**
 * Issue 14 §1, « Done when »: a 2025-2026 list given as a sheet — the 2023-2024 list with the 37 codes
 * the national nomenclature closes replaced by their successors (50022139 CUISINE (CAP) → 50022146…,
 * test/rules/liste2025.ts) — is loaded as the pane loads it, and the functions (the built
 * dist/functions.js, reading the workbook's settings as in Excel), Contrôle, Dotations and the command
 * line all judge 2025-2026 by it, and 2023-2024 by the embedded list.
 *
 * One establishment, hand-computed amounts: 50022146 CUISINE (CAP) 20 élèves and 50022139 CUISINE
 * (CAP) 4 élèves are pré-bac under both lists (listed, successor or by the rule); 24132601 METIERS
 * D'ART ET DU DESIGN - MODE (DN), 10 élèves at a 50 % taux de boursiers: 5 boursiers post-bac.
 * 2025-2026 with the December 2024 index at 120,00 (example value): taux 1,37 %, forfait 157 × 1,0137
 * = 159,15 → 159 €. Pré-bac 24 × 159 = 3 816 €, post-bac 5 × 159 = 795 €, total 4 611 €. 2023-2024
 * (arrêté n° 2023-087, 151 €): 24 × 151 = 3 624 €, 5 × 151 = 755 €, total 4 379 €.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { CLE_LISTES, createListesStore } from "../../src/addin/listesStore";
import { Parametres, type Catalogues } from "../../src/rules";
import type { CellValue } from "../../src/workbook/port";
import { MemoryWorkbook } from "../../src/workbook/memory";
import {
  calculerDotations,
  controlerFeuille,
  feuilleDotations,
  verifierFeuilleListe,
} from "../../src/workflows";
import { loadFunctions } from "../functions/bundle";
import { run } from "../cli/run";
import { csvListe2025, grilleListe2025 } from "../rules/liste2025";

const EFFECTIFS: CellValue[][] = [
  [
    "UAI",
    "Nom de l'établissement",
    "Code formation diplôme",
    "Libellé formation",
    "Effectif",
    "Taux de boursiers",
  ],
  ["0750655E", "Lycée Arago", "50022146", "CUISINE (CAP)", 20, "50 %"],
  ["0750655E", "Lycée Arago", "50022139", "CUISINE (CAP)", 4, "50 %"],
  ["0750655E", "Lycée Arago", "24132601", "METIERS D'ART ET DU DESIGN - GRAPHISME (DN)", 10, "50 %"],
];
const IPC_DECEMBRE_2024 = { ipc: [{ mois: "2024-12", base: 2015, valeur: "120,00" }] };

let dossier: string;
let reglage: string;
let catalogues: Catalogues;

beforeAll(async () => {
  // The pane: the sheet pasted from the Région's list is checked, then saved in the workbook's settings.
  const classeur = new MemoryWorkbook({ "Liste 2025-2026": grilleListe2025() });
  const { verification } = await verifierFeuilleListe(classeur, "Liste 2025-2026", {
    annee: 2025,
    reference: { titre: "Liste des formations éligibles 2025-2026 (test)", date: "2025-06-30", url: "" },
  });
  expect(verification.constats.map((c) => c.code)).toEqual(["liste-titre"]);
  const store = createListesStore({
    lire: async () => null,
    enregistrerEtRecalculer: async (valeur) => void (reglage = valeur),
    recalculer: async () => undefined,
  });
  await store.enregistrer(verification.catalogue!);
  catalogues = store.catalogues();

  dossier = fs.mkdtempSync(path.join(os.tmpdir(), "are-liste-"));
  fs.writeFileSync(path.join(dossier, "liste-2025-2026.csv"), csvListe2025());
  fs.writeFileSync(path.join(dossier, "effectifs.csv"), EFFECTIFS.map((ligne) => ligne.join(";")).join("\n"));
});

afterAll(() => fs.rmSync(dossier, { recursive: true, force: true }));

describe("Fonctions ARE (dist/functions.js) : le classeur porte la liste 2025-2026", () => {
  test("2025-2026 suit la liste chargée, 2023-2024 la liste embarquée", async () => {
    const excel = loadFunctions(new Date(2025, 9, 15), new Map([[CLE_LISTES, reglage]]));
    await excel.pret;
    expect(excel.call("MOTIF", [["50022146"], ["50022139"]], 2025)).toEqual([
      ["Éligible PRE BAC : CUISINE (CAP), liste indicative 2025-2026."],
      [
        "Éligible PRE BAC par la règle (CAP, spécialité NSF 221 – domaine 22 « Transformations ») ; hors liste indicative 2025-2026 : à vérifier.",
      ],
    ]);
    expect(excel.call("MOTIF", [["50022146"], ["50022139"]], 2023)).toEqual([
      [
        "Éligible PRE BAC : CUISINE (CAP), successeur de 50022139 CUISINE (CAP), liste 2023-2024 : à vérifier.",
      ],
      ["Éligible PRE BAC : CUISINE (CAP), liste indicative 2023-2024."],
    ]);
    // 2026-2027 has no list of its own: the 2025-2026 list, said so.
    expect(excel.call("MOTIF", [["50022146"]], 2026)).toEqual([
      ["Éligible PRE BAC : CUISINE (CAP), liste indicative 2025-2026 utilisée pour 2026-2027."],
    ]);
    expect(excel.call("CATEGORIE", [["24132601"]], 2025)).toEqual([["POST BAC"]]);
    expect(excel.call("LIBELLE", "24132601")).toBe("METIERS D'ART ET DU DESIGN - GRAPHISME (DN)");
    // The workbook's list was loaded before any function answered: no recalculation needed.
    expect(excel.recalculs.n).toBe(0);
  });
});

describe("Contrôle et Dotations (volet) avec la liste chargée", () => {
  const classeur = () => new MemoryWorkbook({ Effectifs: EFFECTIFS });

  test("Contrôle 2025-2026 : seul 50022139, retiré de la liste, est à vérifier ; en 2023-2024, les successeurs", async () => {
    const alertes = async (annee: number) => {
      const r = await controlerFeuille(classeur(), "Effectifs", { annee, catalogues });
      return {
        liste: r.liste.nom,
        alertes: r.constats.filter((c) => c.code === "hors-liste").map((c) => c.ligne),
      };
    };
    await expect(alertes(2025)).resolves.toEqual({ liste: "liste indicative 2025-2026", alertes: [3] });
    await expect(alertes(2023)).resolves.toEqual({ liste: "liste indicative 2023-2024", alertes: [2, 4] });
  });

  test("Dotations 2025-2026 : 4 611 € d'après la liste 2025-2026 ; 2023-2024 : 4 379 €", async () => {
    const dotations = (annee: number) =>
      calculerDotations(classeur(), {
        feuillesEffectifs: ["Effectifs"],
        annee,
        parametres: Parametres.avec(IPC_DECEMBRE_2024),
        catalogues,
      });
    const en2025 = await dotations(2025);
    expect(en2025.totaux.nette.preBac.toFixed(2)).toBe("3816.00");
    expect(en2025.totaux.nette.postBac.toFixed(2)).toBe("795.00");
    expect(en2025.totaux.nette.total.toFixed(2)).toBe("4611.00");
    expect(feuilleDotations(en2025, "Constats ARE 2025-2026").heading).toContain(
      "Formations jugées d'après la liste indicative 2025-2026 (Liste des formations éligibles 2025-2026 (test), 30/06/2025).",
    );
    const en2023 = await dotations(2023);
    expect(en2023.totaux.nette.total.toFixed(2)).toBe("4379.00");
    expect(en2023.liste.nom).toBe("liste indicative 2023-2024");
    expect(en2023.constats.filter((c) => c.code === "hors-liste")).toHaveLength(2);
  });
});

describe("Ligne de commande : --liste et are liste verifier", () => {
  const fichier = (nom: string) => path.join(dossier, nom);

  test("are liste verifier : la rentrée lue dans le nom du fichier, les contrôles et les différences", async () => {
    const r = await run(["liste", "verifier", fichier("liste-2025-2026.csv")]);
    expect(r.code).toBe(0);
    const lignes = r.stdout.split("\n");
    expect(lignes[0]).toBe("Liste 2025-2026 (d'après le nom du fichier) : « liste-2025-2026.csv »");
    expect(lignes).toContain(
      "Liste 2025-2026 : 235 formations retenues (1 en 3e prépa-métiers, 145 pré-bac, 89 post-bac).",
    );
    expect(lignes).toContain(
      "  ligne 1 : Titre « Liste des formations relevant des spécialités éligibles au t… (94 caractères) » : pas une formation.",
    );
    expect(lignes).toContain("  + 50022146 CUISINE (CAP), PRE BAC, successeur de 50022139 CUISINE (CAP)");
    expect(lignes).toContain("  - 50022139 CUISINE (CAP), PRE BAC");
    expect(lignes[lignes.length - 2]).toBe("Résultat : aucune erreur.");
  });

  test("are controle --liste : 2025-2026 par la liste donnée, 2023-2024 par la liste embarquée", async () => {
    const controle = async (annee: string) => {
      const r = await run([
        "controle",
        fichier("effectifs.csv"),
        "--annee",
        annee,
        "--liste",
        fichier("liste-2025-2026.csv"),
        "--json",
      ]);
      const json = JSON.parse(r.stdout) as {
        liste: { nom: string };
        constats: { code: string; ligne: number }[];
      };
      return {
        code: r.code,
        stderr: r.stderr,
        liste: json.liste.nom,
        alertes: json.constats.map((c) => c.ligne),
      };
    };
    const en2025 = await controle("2025");
    expect(en2025).toMatchObject({ code: 0, liste: "liste indicative 2025-2026", alertes: [3] });
    expect(en2025.stderr).toContain(
      "Liste 2025-2026 (d'après le nom du fichier) : « liste-2025-2026.csv », 235 formations retenues",
    );
    await expect(controle("2023")).resolves.toMatchObject({
      liste: "liste indicative 2023-2024",
      alertes: [2, 4],
    });
  });

  test("are dotations --liste : 4 611 € en 2025-2026 ; are eligible --liste nomme la liste 2025-2026", async () => {
    const d = await run([
      "dotations",
      fichier("effectifs.csv"),
      "--annee",
      "2025",
      "--ipc",
      "2024-12=120.00",
      "--liste",
      fichier("liste-2025-2026.csv"),
      "--json",
    ]);
    expect(d.code).toBe(0);
    const json = JSON.parse(d.stdout) as {
      liste: { nom: string };
      totaux: { dotationNette: { total: string } };
    };
    expect(json.liste.nom).toBe("liste indicative 2025-2026");
    expect(json.totaux.dotationNette.total).toBe("4611.00");

    const e = await run([
      "eligible",
      "50022146",
      "--annee",
      "2025",
      "--liste",
      fichier("liste-2025-2026.csv"),
    ]);
    expect(e.stdout.split("\n")[0]).toBe("Éligibilité ARE 2025-2026 (liste indicative 2025-2026)");
    expect(e.stdout).toMatch(
      /50022146\s+oui\s+PRE BAC\s+Éligible PRE BAC : CUISINE \(CAP\), liste indicative 2025-2026\./,
    );
  });

  test("--liste-annee dit la rentrée d'une liste dont le nom ne la porte pas ; seul, il est refusé", async () => {
    const copie = fichier("liste-region.csv");
    fs.copyFileSync(fichier("liste-2025-2026.csv"), copie);
    const e = await run([
      "eligible",
      "50022146",
      "--annee",
      "2026",
      "--liste",
      copie,
      "--liste-annee",
      "2025",
    ]);
    expect(e.stdout.split("\n")[0]).toBe(
      "Éligibilité ARE 2026-2027 (liste indicative 2025-2026 utilisée pour 2026-2027)",
    );
    const seul = await run(["eligible", "50022146", "--liste-annee", "2025"]);
    expect(seul.code).toBe(2);
    expect(seul.stderr).toContain("--liste-annee dit la rentrée d'une liste donnée avec --liste <fichier>.");
  });
});
