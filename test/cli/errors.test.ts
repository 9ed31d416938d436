import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { filesIn, removeDir, tempDir } from "../xlsx/helpers";
import { DEMO_ARGS, ETABLISSEMENTS, PARIS, VERSAILLES } from "./examples";
import { run } from "./run";

let dir: string;
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => removeDir(dir));

async function xlsx(name: string, build: (wb: ExcelJS.Workbook) => void): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  build(workbook);
  const file = path.join(dir, name);
  await workbook.xlsx.writeFile(file);
  return file;
}

/** Runs `are dotations <bad> --etablissements … --out dir/sortie.xlsx` and checks nothing was written. */
async function dotationsWith(bad: string) {
  const out = path.join(dir, "sortie.xlsx");
  const before = filesIn(dir);
  const r = await run([
    "dotations",
    PARIS,
    bad,
    "--etablissements",
    ETABLISSEMENTS,
    "--annee",
    "2024",
    "--out",
    out,
  ]);
  expect(r.code).toBe(2);
  expect(r.stdout).toBe("");
  expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
  expect(fs.existsSync(out)).toBe(false);
  expect(filesIn(dir)).toEqual(before); // no temporary file left either
  return r;
}

describe("Fichiers inutilisables : message clair en français, code 2, aucun fichier de sortie", () => {
  test("fichier introuvable", async () => {
    const r = await dotationsWith(path.join(dir, "effectifs-absent.xlsx"));
    expect(r.stderr).toMatch(
      /^Fichier « .*effectifs-absent\.xlsx » introuvable : vérifiez le nom et le dossier\.\n$/,
    );
  });

  test("pas un tableur : octets aléatoires nommés .xlsx", async () => {
    const file = path.join(dir, "aleatoire.xlsx");
    fs.writeFileSync(file, Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 7919 + 31) % 256)));
    const r = await dotationsWith(file);
    expect(r.stderr).toContain("« aleatoire.xlsx » n'est pas un tableur lisible");
  });

  test("archive .xlsx tronquée", async () => {
    const bytes = fs.readFileSync(VERSAILLES);
    const file = path.join(dir, "tronque.xlsx");
    fs.writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length * 0.7)));
    const r = await dotationsWith(file);
    expect(r.stderr).toContain("« tronque.xlsx » est endommagé ou incomplet");
  });

  test("feuille vide", async () => {
    const file = await xlsx("vide.xlsx", (wb) => void wb.addWorksheet("Effectifs"));
    const r = await dotationsWith(file);
    expect(r.stderr).toContain("Toutes les feuilles de « vide.xlsx » sont vides");
  });

  test("aucune ligne d'en-tête reconnaissable", async () => {
    const file = await xlsx("sans-entete.xlsx", (wb) => {
      const ws = wb.addWorksheet("Notes");
      ws.addRow(["Réunion du 3 mars", "ordre du jour"]);
      ws.addRow(["budget", 1200]);
      ws.addRow(["divers", "à voir"]);
    });
    const r = await dotationsWith(file);
    expect(r.stderr).toContain("Aucune ligne d'en-tête reconnue");
    expect(r.stderr).toContain("Aucune dotation calculée");
  });

  test("CSV de 0 octet", async () => {
    const file = path.join(dir, "export.csv");
    fs.writeFileSync(file, "");
    const r = await dotationsWith(file);
    expect(r.stderr).toBe(
      "« export.csv » est vide (0 octet) : l'export n'a sans doute pas abouti, refaites-le.\n",
    );
  });

  test("--out désignant un fichier d'entrée : refusé avant tout calcul", async () => {
    const copy = path.join(dir, "paris.xlsx");
    fs.copyFileSync(PARIS, copy);
    const before = fs.readFileSync(copy);
    const r = await run(["dotations", copy, "--annee", "2024", "--out", copy]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("désigne un fichier lu : les fichiers d'entrée ne sont jamais modifiés");
    expect(fs.readFileSync(copy).equals(before)).toBe(true);
  });

  test("--out dans un dossier absent ou sans extension .xlsx", async () => {
    const absent = await run([...DEMO_ARGS, "--out", path.join(dir, "absent", "x.xlsx")]);
    expect(absent.code).toBe(2);
    expect(absent.stderr).toMatch(/le dossier « .*absent » n'existe pas/);
    const csv = await run([...DEMO_ARGS, "--out", path.join(dir, "x.csv")]);
    expect(csv.code).toBe(2);
    expect(csv.stderr).toContain("doit avoir l'extension .xlsx");
  });

  test("année sans forfaits connus : code 2, l'indice manquant nommé, avant de lire les fichiers", async () => {
    const out = path.join(dir, "sortie.xlsx");
    const r = await run(["dotations", path.join(dir, "absent.xlsx"), "--annee", "2025", "--out", out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      "Forfaits 2025-2026 non calculables : il manque IPC décembre 2024 (base 2015).",
    );
    expect(r.stderr).toContain("--ipc 2024-12=<valeur>");
    expect(fs.existsSync(out)).toBe(false);
  });

  test("un même fichier d'effectifs donné deux fois : refusé (il serait compté deux fois)", async () => {
    const r = await run(["dotations", PARIS, PARIS, "--annee", "2024"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("est donné deux fois");
  });

  test("--etablissements aux taux et aux reliquats dans deux onglets : refusé, jamais un seul lu (les reliquats perdus)", async () => {
    const deuxOnglets = await xlsx("etablissements-deux-onglets.xlsx", (wb) => {
      wb.addWorksheet("Taux").addRows([
        ["UAI", "Taux de boursiers"],
        ["0750655E", "35 %"],
      ]);
      wb.addWorksheet("Reliquats").addRows([
        ["UAI", "Reliquat pré-bac", "Reliquat post-bac"],
        ["0750655E", 1200.5, 0],
      ]);
    });
    const out = path.join(dir, "sortie.xlsx");
    const r = await run([
      "dotations",
      PARIS,
      "--etablissements",
      deuxOnglets,
      "--annee",
      "2024",
      "--out",
      out,
    ]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain(
      "« etablissements-deux-onglets.xlsx » : 2 feuilles d'établissements (« Taux », « Reliquats »). Une seule serait lue",
    );
    expect(fs.existsSync(out)).toBe(false);
    // The way out the message gives: the tab that must not count hidden.
    const unSeul = await xlsx("etablissements-un-visible.xlsx", (wb) => {
      wb.addWorksheet("Taux").addRows([
        ["UAI", "Taux de boursiers", "Reliquat pré-bac", "Reliquat post-bac"],
        ["0750655E", "35 %", 1200.5, 0],
      ]);
      wb.addWorksheet("Ancien", { state: "hidden" }).addRows([
        ["UAI", "Taux de boursiers"],
        ["0750655E", "30 %"],
      ]);
    });
    const ok = await run(["dotations", PARIS, "--etablissements", unSeul, "--annee", "2024", "--json"]);
    expect(ok.code).not.toBe(2);
    expect(ok.stderr).not.toContain("feuilles d'établissements");
    expect(JSON.parse(ok.stdout).etablissements.length).toBeGreaterThan(0);
  });

  test("are complementaire : deux demandes visibles dans un classeur, refusé ; --feuille choisit", async () => {
    const enTete = ["UAI", "Code formation", "Élèves supplémentaires"];
    const deux = await xlsx("deux-demandes.xlsx", (wb) => {
      wb.addWorksheet("Brouillon").addRows([enTete, ["0751234J", "50022137", 3]]);
      wb.addWorksheet("Demande").addRows([enTete, ["0751234J", "50022137", 4]]);
    });
    const r = await run(["complementaire", deux, "--annee", "2024", "--json"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("2 demandes de dotation complémentaire (« Brouillon », « Demande »)");
    const choisie = await run(["complementaire", deux, "--annee", "2024", "--feuille", "Demande", "--json"]);
    // 4 × 157 = 628,00 € (forfait pré-bac 2024-2025).
    expect(JSON.parse(choisie.stdout).totaux.preBac).toBe("628.00");
  });

  test("sans fichier d'effectifs : erreur d'utilisation", async () => {
    const r = await run(["dotations", "--annee", "2024"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("Indiquez au moins un fichier d'effectifs");
  });
});

describe("are controle : codes de sortie", () => {
  test("Paris a des lignes en erreur : code 1, constats groupés par gravité", async () => {
    const r = await run(["controle", PARIS, "--annee", "2024"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      "Contrôle de « effectifs-paris.xlsx » — année 2024-2025 (liste indicative 2023-2024 utilisée pour 2024-2025)",
    );
    expect(r.stdout).toMatch(/^En-tête ligne 1 : A UAI \(« UAI »\)/m);
    const erreurs = r.stdout.indexOf("Erreurs — ces lignes ou valeurs ne comptent pas");
    const alertes = r.stdout.indexOf("Alertes — comptées, à vérifier");
    const infos = r.stdout.indexOf("Informations (");
    expect(erreurs).toBeGreaterThan(0);
    expect(alertes).toBeGreaterThan(erreurs);
    expect(infos).toBeGreaterThan(alertes);
    expect(r.stdout).toMatch(
      /ligne \d+, colonne C : Code formation « 24025212210 » invalide : c'est un code MEF/,
    );
    expect(r.stdout).toMatch(/Résultat : 3 erreurs à corriger\.$/m);
  });

  test("Versailles (en-tête en ligne 4 sous un titre) n'a pas d'erreur : code 0", async () => {
    const r = await run(["controle", VERSAILLES, "--annee", "2024"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^En-tête ligne 4 : /m);
    // No taux in a rectorat's extraction: the sheet is right, but its post-bac pupils are not paid
    // without the établissements sheet (regles.md#controle.post-bac-sans-taux).
    expect(r.stdout).toContain(
      "Résultat : aucune erreur dans la feuille.\nAttention : 658 élèves post-bac ne seront payés qu'avec le taux de boursiers",
    );
  });

  test("--json et --out : le document du contrôle et la feuille « Contrôle ARE » écrite", async () => {
    const out = path.join(dir, "controle.xlsx");
    const r = await run(["controle", PARIS, "--annee", "2024", "--json", "--out", out]);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout);
    expect(json.feuille).toBe("effectifs-paris.xlsx");
    expect(json.annee).toBe("2024-2025");
    expect(json.entete.ligne).toBe(1);
    expect(json.entete.colonnes.codeFormation).toEqual({ colonne: "C", entete: "Code formation diplôme" });
    expect(json.lignes.nonVides).toBe(json.lignes.comptees + json.lignes.ecartees);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(["Contrôle ARE"]);
    expect(r.stderr).toContain("Constats écrits dans");
  });

  test("--feuille choisit la feuille ; une feuille absente est nommée avec celles qui existent", async () => {
    const file = await xlsx("deux.xlsx", (wb) => {
      wb.addWorksheet("Lisez-moi").getCell("A1").value = "Extraction rectorat";
      const ws = wb.addWorksheet("Effectifs");
      ws.addRow(["UAI", "Code formation", "Effectif"]);
      ws.addRow(["0750655E", "50022137", 12]);
    });
    const ok = await run(["controle", file, "--feuille", "Effectifs"]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain("Effectifs comptés : 0 en 3e prépa-métiers, 12 pré-bac, 0 post-bac");
    const missing = await run(["controle", file, "--feuille", "Paris"]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain(
      "n'a pas de feuille « Paris » : feuilles présentes « Lisez-moi », « Effectifs »",
    );
  });

  test("un fichier d'établissements n'est pas une feuille d'effectifs : code 2, colonnes manquantes nommées", async () => {
    const r = await run(["controle", ETABLISSEMENTS]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("Colonne introuvable");
  });

  test("--colonne corrige la correspondance : une colonne d'effectif au titre inconnu est lue quand on la désigne", async () => {
    const file = await xlsx("titres.xlsx", (wb) => {
      const ws = wb.addWorksheet("Effectifs");
      ws.addRow(["UAI", "Code formation", "Élèves inscrits", "Statut"]);
      ws.addRow(["0750655E", "50022137", 12, "Scolaire"]);
      ws.addRow(["0750655E", "50022139", 8, "Apprenti"]);
    });
    const sans = await run(["controle", file]);
    expect(sans.code).toBe(2);
    expect(sans.stderr).toContain("Colonne introuvable");
    const avec = await run(["controle", file, "--colonne", "effectif=C"]);
    expect(avec.code).toBe(0);
    expect(avec.stdout).toContain("C effectif (« Élèves inscrits »)");
    expect(avec.stdout).toContain("12 pré-bac");
    // Ignoring the statut column: the apprentice row counts too.
    const sansStatut = await run(["controle", file, "--colonne", "effectif=C", "--colonne", "statut="]);
    expect(sansStatut.stdout).toContain("20 pré-bac");
    const dotations = await run([
      "dotations",
      file,
      "--annee",
      "2024",
      "--colonne",
      "titres.xlsx:effectif=C",
      "--json",
    ]);
    expect(dotations.code).toBe(0);
    // 12 × 157 € = 1 884,00 €.
    expect(JSON.parse(dotations.stdout).etablissements[0].dotationNette.total).toBe("1884.00");
    const inconnu = await run(["controle", file, "--colonne", "effectifs=Z9"]);
    expect(inconnu.code).toBe(2);
    expect(inconnu.stderr).toContain("--colonne « effectifs=Z9 » illisible");
    const autreFichier = await run(["controle", file, "--colonne", "paris.xlsx:effectif=C"]);
    expect(autreFichier.code).toBe(2);
    expect(autreFichier.stderr).toContain("le fichier « paris.xlsx » n'est pas parmi les fichiers lus");
  });
});
