/**
 * The reference of a list given with --liste (issue 14 §1): the title, date and address of its source,
 * typed as the pane asks them when a list is loaded, with --liste-titre, --liste-date, --liste-url.
 * Every result that names the list's source cites them — the « Formations jugées d'après … » line of
 * the summaries and sheets, the `liste` key of --json, the line on stderr; without them the list is
 * named by its file, as before.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { run } from "./run";
import { csvListe2025 } from "../rules/liste2025";

const EFFECTIFS = [
  "UAI;Nom de l'établissement;Code formation diplôme;Libellé formation;Effectif;Taux de boursiers",
  "0750655E;Lycée Arago;50022146;CUISINE (CAP);20;50 %",
].join("\n");
const TITRE = "Liste des formations éligibles 2025-2026, Région Île-de-France (document d'essai)";
const URL = "https://are.test.invalid/liste-2025-2026.pdf";

let dossier: string;
const fichier = (nom: string) => path.join(dossier, nom);

beforeAll(() => {
  dossier = fs.mkdtempSync(path.join(os.tmpdir(), "are-liste-reference-"));
  fs.writeFileSync(fichier("liste-2025-2026.csv"), csvListe2025());
  fs.writeFileSync(fichier("effectifs.csv"), EFFECTIFS);
});

afterAll(() => fs.rmSync(dossier, { recursive: true, force: true }));

/** `are dotations` 2025-2026 with the list, and `extra` options. */
const dotations = (extra: readonly string[], json: boolean) =>
  run([
    "dotations",
    fichier("effectifs.csv"),
    "--annee",
    "2025",
    "--ipc",
    "2024-12=120.00",
    "--liste",
    fichier("liste-2025-2026.csv"),
    ...extra,
    ...(json ? ["--json"] : []),
  ]);

const REFERENCE = ["--liste-titre", `  ${TITRE} `, "--liste-date", "2025-06-30", "--liste-url", URL];

describe("--liste-titre, --liste-date, --liste-url : la source de la liste donnée avec --liste", () => {
  test("le résumé de are dotations et la sortie d'erreur citent le titre, la date (30/06/2025) et l'adresse", async () => {
    const r = await dotations(REFERENCE, false);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      `Formations jugées d'après la liste indicative 2025-2026 (${TITRE}, 30/06/2025, ${URL}).`,
    );
    expect(r.stderr).toContain(
      `Liste 2025-2026 (d'après le nom du fichier) : « liste-2025-2026.csv » (${TITRE}, 30/06/2025, ${URL}), 235 formations retenues`,
    );
  });

  test("--json : la clé liste porte le titre, l'adresse et la date saisis", async () => {
    const r = await dotations(REFERENCE, true);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).liste).toEqual({
      nom: "liste indicative 2025-2026",
      annee: "2025-2026",
      report: false,
      titre: TITRE,
      url: URL,
      date: "2025-06-30",
    });
    const controle = await run([
      "controle",
      fichier("effectifs.csv"),
      "--annee",
      "2026",
      "--liste",
      fichier("liste-2025-2026.csv"),
      "--liste-titre",
      TITRE,
      "--json",
    ]);
    // Carried over to 2026-2027: the list says so, and keeps its source.
    expect(JSON.parse(controle.stdout).liste).toEqual({
      nom: "liste indicative 2025-2026 utilisée pour 2026-2027",
      annee: "2025-2026",
      report: true,
      titre: TITRE,
      url: "",
      date: "",
    });
  });

  test("sans elles, la liste reste nommée par son fichier ; une date sans titre garde le nom du fichier", async () => {
    const sans = await dotations([], true);
    expect(JSON.parse(sans.stdout).liste).toMatchObject({
      titre: "fichier « liste-2025-2026.csv »",
      url: "",
      date: "",
    });
    expect(sans.stderr).toContain("« liste-2025-2026.csv », 235 formations retenues");
    const date = await dotations(["--liste-date", "30 juin 2025"], false);
    expect(date.stdout).toContain(
      "Formations jugées d'après la liste indicative 2025-2026 (fichier « liste-2025-2026.csv », 30 juin 2025).",
    );
  });

  test("sans --liste, ou avec un titre vide, elles sont refusées (code 2) en le disant", async () => {
    const seule = await run(["eligible", "50022146", "--liste-url", URL]);
    expect(seule.code).toBe(2);
    expect(seule.stderr).toContain("--liste-url décrit la source d'une liste donnée avec --liste <fichier>.");
    const vide = await dotations(["--liste-titre", "  "], false);
    expect(vide.code).toBe(2);
    expect(vide.stderr).toContain("--liste-titre est vide : indiquez le titre de la source");
  });
});
