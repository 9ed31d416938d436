/**
 * `are complementaire`, `are bilan modele|controle` and `are reliquats`: JSON contracts, written
 * workbooks, exit codes (0 success, 1 erreurs found, 2 usage or file error) and French help.
 */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import type { BilanJson, DemandeJson } from "../../src/cli/jsonBilan";
import { removeDir, tempDir } from "../xlsx/helpers";
import { EXAMPLES } from "./examples";
import { run } from "./run";

const BILANS = path.join(EXAMPLES, "bilans");
const DEMANDE = path.join(BILANS, "demande-complementaire.xlsx");

let dir: string;
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => removeDir(dir));

/** `source` with a cover page put before its sheets, as a lycée keeps its notes on the first tab. */
async function avecPageDeGarde(source: string, cible: string): Promise<void> {
  const lu = new ExcelJS.Workbook();
  await lu.xlsx.readFile(source);
  const classeur = new ExcelJS.Workbook();
  classeur.addWorksheet("Page de garde").addRow(["Notes de la gestionnaire", "UAI 0751234J", 2024]);
  for (const feuille of lu.worksheets) {
    const copie = classeur.addWorksheet(feuille.name, { state: feuille.state });
    feuille.eachRow({ includeEmpty: true }, (ligne, n) => {
      copie.getRow(n).values = ligne.values;
    });
  }
  await classeur.xlsx.writeFile(cible);
}

describe("are complementaire", () => {
  test("--json : 4 × 157 + 3 × 56 = 796,00 € pré-bac, 2 boursiers × 157 = 314,00 € ; la ligne ST2S refusée donne le code 1", async () => {
    const r = await run(["complementaire", DEMANDE, "--annee", "2024", "--json"]);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout) as DemandeJson;
    expect(Object.keys(json)).toEqual(["annee", "etablissement", "forfaits", "lignes", "totaux", "constats"]);
    expect(json.etablissement).toEqual({ uai: "0751234J", nom: "Lycée des métiers de la Bièvre" });
    expect(
      json.lignes.map((l) => [l.code, l.nsf, l.categorie, l.supplementaires, l.forfait, l.montant]),
    ).toEqual([
      ["50022137", 221, "PRE BAC", 4, "157.00", "628.00"],
      ["67010031", 100, "3EME PREPA-METIERS", 3, "56.00", "168.00"],
      ["32033422", 334, "POST BAC", 2, "157.00", "314.00"],
    ]);
    expect(json.totaux).toEqual({ preBac: "796.00", postBac: "314.00", total: "1110.00" });
    expect(json.constats.map((c) => [c.code, c.gravite, c.ligne])).toEqual([
      ["demande-non-eligible", "erreur", 5],
    ]);
  });

  test("--out écrit la demande prête à imprimer et ses constats ; le texte liste les montants", async () => {
    const out = path.join(dir, "demande.xlsx");
    const r = await run(["complementaire", DEMANDE, "--annee", "2023", "--out", out]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("Total demandé");
    expect(r.stdout).toContain("1\u202f068,00\u00a0€"); // 4 × 151 + 3 × 54 + 2 × 151 = 604 + 162 + 302
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    expect(workbook.worksheets.map((w) => w.name)).toEqual([
      "Constats demande 2023-2024",
      "Demande compl. ARE 2023-2024",
    ]);
  });

  test("une année aux forfaits non publiés : code 2 et comment fournir l'indice", async () => {
    const r = await run(["complementaire", DEMANDE, "--annee", "2025"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--ipc 2024-12=<valeur>");
  });

  test("une page de garde avant la demande est laissée de côté : la même demande que sans elle", async () => {
    const fichier = path.join(dir, "demande.xlsx");
    await avecPageDeGarde(DEMANDE, fichier);
    const attendu = await run(["complementaire", DEMANDE, "--annee", "2024", "--json"]);
    const r = await run(["complementaire", fichier, "--annee", "2024", "--json"]);
    expect(r.code).toBe(attendu.code);
    expect((JSON.parse(r.stdout) as DemandeJson).totaux).toEqual({
      preBac: "796.00",
      postBac: "314.00",
      total: "1110.00",
    });
    // Only the constats' place differs: a file of two sheets names the sheet read.
    expect(r.stdout.split("demande.xlsx › Demande").join("demande-complementaire.xlsx")).toBe(attendu.stdout);
  });

  test("--colonne de la feuille lue, comme le refus de deux « Élèves supplémentaires » l'écrit : 4 × 157 = 628,00 €", async () => {
    // Before: the refusal said --colonne "demande.xlsx › Demande:…", which the command then refused
    // (« n'est pas parmi les fichiers lus »): a sheet name was not accepted.
    const demande = path.join(dir, "demande.xlsx");
    const classeur = new ExcelJS.Workbook();
    classeur.addWorksheet("Page de garde").addRow(["Notes de la gestionnaire"]);
    const feuille = classeur.addWorksheet("Demande");
    for (const ligne of [
      ["UAI", "0750655E"],
      [],
      ["Code formation", "Élèves supplémentaires", "Élèves supplémentaires"],
      ["50022137", 40, 4],
    ])
      feuille.addRow(ligne);
    await classeur.xlsx.writeFile(demande);
    const commande = ["complementaire", demande, "--annee", "2024", "--json"];
    const sans = await run(commande);
    expect(sans.code).toBe(2);
    const conseil = '--colonne "demande.xlsx › Demande:Élèves supplémentaires=<lettre de la colonne>"';
    expect(sans.stderr).toContain(conseil);
    for (const colonne of ["demande.xlsx › Demande:Élèves supplémentaires=C", "Demande:supplementaires=C"]) {
      const r = await run([...commande, "--colonne", colonne]);
      expect([colonne, r.code, r.stderr]).toEqual([colonne, 0, ""]);
      expect((JSON.parse(r.stdout) as DemandeJson).totaux.preBac).toBe("628.00");
    }
    const garde = await run([...commande, "--colonne", "Page de garde:supplementaires=C"]);
    expect(garde.code).toBe(2);
    expect(garde.stderr).toContain("le fichier « Page de garde » n'est pas parmi les fichiers lus");
  });

  test("sans fichier, ou avec deux : erreur d'utilisation", async () => {
    expect((await run(["complementaire"])).code).toBe(2);
    expect((await run(["complementaire", DEMANDE, DEMANDE])).code).toBe(2);
  });
});

describe("are bilan", () => {
  test("controle d'un bilan mal rempli : code 1, chaque erreur à sa ligne, aucun achat en erreur retenu", async () => {
    const r = await run(["bilan", "controle", path.join(BILANS, "bilan-avec-erreurs.xlsx"), "--json"]);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout) as BilanJson;
    expect(json.uai).toBe("0781234T");
    expect(json.constats.map((c) => [c.code, c.ligne, c.colonne])).toEqual([
      ["montant-illisible", 16, "F"],
      ["enveloppe-croisee", 17, "C"],
      ["bilan-formation-non-eligible", 18, "B"],
      ["montant-negatif", 19, "F"],
      ["type-equipement-inconnu", 20, "G"],
    ]);
    expect(json.lignes).toMatchObject({ nonVides: 5, retenues: 0, ecartees: 5 });
    // Nothing retained, and no reliquat until the bilan is corrected: the 906 € charged to pré-bac
    // (row 17) concern both envelopes.
    expect(json.enveloppes.preBac).toMatchObject({ depense: "0.00", nouveauReliquat: null });
    expect(json.enveloppes.preBac.explication).toBe(
      "Reliquat non calculé : il manque la correction des 5 achats en erreur (lignes 16, 17, 18, 19 et 20).",
    );
    expect(json.enveloppes.postBac).toMatchObject({ depense: "0.00", nouveauReliquat: null });
  });

  test("controle --colonne : deux « Montant des achats », celle désignée est lue, comme le message le dit", async () => {
    // Before: the refusal said « En ligne de commande : --colonne "bilan.xlsx:Montant des achats=<lettre
    // de la colonne>" », and `bilan controle` answered « Option inconnue « --colonne » ».
    const bilan = path.join(dir, "bilan.xlsx");
    const classeur = new ExcelJS.Workbook();
    const feuille = classeur.addWorksheet("Bilan");
    for (const ligne of [
      ["UAI", "0750655E"],
      ["Année scolaire", "2024-2025"],
      ["Dotation reçue pré-bac", 1570],
      ["Dotation reçue post-bac", 0],
      [],
      ["Code formation", "Élèves aidés", "Montant des achats", "Montant des achats", "Type d'équipement"],
      ["50022137", 10, 1200, 300, "Matériel, outillage et instruments"],
    ])
      feuille.addRow(ligne);
    await classeur.xlsx.writeFile(bilan);
    const sans = await run(["bilan", "controle", bilan, "--json"]);
    expect(sans.code).toBe(2);
    expect(sans.stderr).toContain('--colonne "bilan.xlsx:Montant des achats=<lettre de la colonne>"');
    const reliquat = async (colonne: string) => {
      const r = await run(["bilan", "controle", bilan, "--colonne", colonne, "--json"]);
      expect([colonne, r.code, r.stderr]).toEqual([colonne, 0, ""]);
      return (JSON.parse(r.stdout) as BilanJson).enveloppes.preBac.nouveauReliquat;
    };
    // 1 570 − 1 200 = 370,00 € with column C ; 1 570 − 300 = 1 270,00 € with D.
    expect(await reliquat("bilan.xlsx:Montant des achats=C")).toBe("370.00");
    expect(await reliquat("Bilan:montantAchats=D")).toBe("1270.00");
    const autre = await run(["bilan", "controle", bilan, "--colonne", "Brouillon:montantAchats=D"]);
    expect(autre.code).toBe(2);
    expect(autre.stderr).toContain(
      "--colonne : le fichier « Brouillon » n'est pas parmi les fichiers lus (bilan.xlsx), ni une de leurs feuilles.",
    );
  });

  test("controle --out écrit la feuille « Contrôle bilan <UAI> »", async () => {
    const out = path.join(dir, "controle.xlsx");
    const r = await run(["bilan", "controle", path.join(BILANS, "bilan-2023-0751234J.xlsx"), "--out", out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      "Reliquat pré-bac reporté : 10\u202f776,00\u00a0€ − dépensé 10\u202f050,00\u00a0€ = 726,00\u00a0€",
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(["Contrôle bilan 0751234J"]);
  });

  test("modele : le classeur a les champs, les lignes de formation et les listes déroulantes", async () => {
    const out = path.join(dir, "modele.xlsx");
    const r = await run([
      "bilan",
      "modele",
      "--uai",
      "0781234t",
      "--effectifs",
      path.join(BILANS, "effectifs-2023.xlsx"),
      "--annee",
      "2023",
      "--dotation-prebac",
      "2 467,60",
      "--reliquat-prebac",
      "250.40",
      "--out",
      out,
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      "Enveloppe pré-bac : dotation reçue 2\u202f467,60\u00a0€, reliquat antérieur 250,40\u00a0€",
    );
    expect(r.stdout).toContain("Enveloppe post-bac : dotation reçue à saisir, reliquat antérieur à saisir");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const ws = workbook.worksheets[0];
    expect(ws.name).toBe("Bilan ARE 0781234T 2023-2024");
    expect([ws.getCell("A10").value, ws.getCell("B10").value]).toEqual([
      "Dotation reçue pré-bac (initiale et complémentaire)",
      2467.6,
    ]);
    expect([ws.getCell("B16").value, ws.getCell("B17").value]).toEqual(["50321405", "32321401"]);
    expect(ws.getCell("G16").dataValidation).toMatchObject({ type: "list", formulae: ["$J$1:$J$4"] });
  });

  test("modele : une page de garde avant la feuille des effectifs est laissée de côté, et nommée", async () => {
    const effectifs = path.join(dir, "effectifs.xlsx");
    const classeur = new ExcelJS.Workbook();
    classeur.addWorksheet("Page de garde").addRow(["Rectorat de Versailles — effectifs 2024"]);
    const feuille = classeur.addWorksheet("Versailles");
    feuille.addRow(["UAI", "Établissement", "Code diplôme", "Libellé", "Effectif"]);
    feuille.addRow(["0781234T", "Lycée Hoche", "50022137", "BOULANGER (CAP)", 24]);
    await classeur.xlsx.writeFile(effectifs);
    const out = path.join(dir, "modele.xlsx");
    const r = await run([
      "bilan",
      "modele",
      "--uai",
      "0781234T",
      "--effectifs",
      effectifs,
      "--annee",
      "2024",
      "--out",
      out,
    ]);
    expect(r.stderr).toContain("« effectifs.xlsx » : feuille non lue « Page de garde »");
    expect(r.code).toBe(0);
    const modele = new ExcelJS.Workbook();
    await modele.xlsx.readFile(out);
    const lignes: unknown[] = [];
    modele.worksheets[0].getColumn(2).eachCell((c) => void lignes.push(c.value));
    expect(lignes).toContain("50022137");
  });

  /** A rectorat's sheet « Paris » with « Effectif » twice: 24 (D) then 30 (E) for a CAP of 0750655E. */
  async function deuxEffectifs(): Promise<string> {
    const effectifs = path.join(dir, "effectifs-paris.xlsx");
    const classeur = new ExcelJS.Workbook();
    const feuille = classeur.addWorksheet("Paris");
    feuille.addRow(["UAI", "Code formation", "Libellé", "Effectif", "Effectif"]);
    feuille.addRow(["0750655E", "50022137", "BOULANGER (CAP)", 24, 30]);
    await classeur.xlsx.writeFile(effectifs);
    return effectifs;
  }

  /** The template's formation rows (from row 16): code and effectif n-1. */
  async function formationsDuModele(out: string): Promise<unknown[][]> {
    const modele = new ExcelJS.Workbook();
    await modele.xlsx.readFile(out);
    const ws = modele.worksheets[0];
    const lignes: unknown[][] = [];
    for (let n = 16; ws.getCell(`B${n}`).value !== null; n++)
      lignes.push([ws.getCell(`B${n}`).value, ws.getCell(`D${n}`).value]);
    return lignes;
  }

  test("modele --colonne : deux colonnes « Effectif », celle désignée est lue (24, non 30), par fichier ou par feuille", async () => {
    // Before: `bilan modele` had no --colonne (« option inconnue », code 2): a sheet refused for its
    // two « Effectif » (regles.md#lecture.deux-colonnes) could not give the template, while
    // `are dotations --colonne effectif=D` read it.
    const effectifs = await deuxEffectifs();
    const out = path.join(dir, "modele.xlsx");
    const commande = ["bilan", "modele", "--uai", "0750655E", "--effectifs", effectifs, "--annee", "2024"];
    // Without --colonne, neither 24 nor 30 is guessed: no formation in the template (or none written).
    const sans = await run([...commande, "--out", out]);
    expect(sans.code).not.toBe(0);
    if (fs.existsSync(out)) expect(await formationsDuModele(out)).toEqual([]);
    for (const colonne of ["effectif=D", "effectifs-paris.xlsx:effectif=D", "Paris:effectif=D"]) {
      const cible = path.join(dir, `modele-${colonne.replace(/[^a-z]/gi, "")}.xlsx`);
      const r = await run([...commande, "--colonne", colonne, "--out", cible]);
      expect([colonne, r.code, r.stderr]).toEqual([colonne, 0, ""]);
      expect(r.stdout).toMatch(/50022137 +BOULANGER \(CAP\) +pré-bac +24\n/);
      // The CAP's effectif n-1 is the 24 of column D, not the 30 of E.
      expect(await formationsDuModele(cible)).toEqual([["50022137", 24]]);
    }
    // The other column, when it is the one the user names: 30.
    const autre = await run([...commande, "--colonne", "effectif=E", "--out", path.join(dir, "e.xlsx")]);
    expect(autre.code).toBe(0);
    expect(await formationsDuModele(path.join(dir, "e.xlsx"))).toEqual([["50022137", 30]]);
  });

  test("modele --colonne d'un fichier ou d'une feuille non lus : refusé en français, code 2, rien d'écrit", async () => {
    const effectifs = await deuxEffectifs();
    const out = path.join(dir, "modele.xlsx");
    const commande = ["bilan", "modele", "--uai", "0750655E", "--effectifs", effectifs, "--out", out];
    const fichier = await run([...commande, "--colonne", "effectifs-creteil.xlsx:effectif=D"]);
    expect(fichier.code).toBe(2);
    expect(fichier.stderr).toContain(
      "--colonne : le fichier « effectifs-creteil.xlsx » n'est pas parmi les fichiers lus (effectifs-paris.xlsx), ni une de leurs feuilles.",
    );
    const feuille = await run([...commande, "--colonne", "Créteil:effectif=D"]);
    expect(feuille.code).toBe(2);
    expect(feuille.stderr).toContain("le fichier « Créteil » n'est pas parmi les fichiers lus");
    const illisible = await run([...commande, "--colonne", "effectif=9"]);
    expect(illisible.code).toBe(2);
    expect(illisible.stderr).toContain("--colonne « effectif=9 » illisible");
    expect(fs.existsSync(out)).toBe(false);
  });

  test("erreurs d'utilisation : sous-commande absente ou inconnue, --uai, --effectifs ou --out manquant, montant illisible", async () => {
    const effectifs = path.join(BILANS, "effectifs-2023.xlsx");
    const out = path.join(dir, "m.xlsx");
    for (const argv of [
      ["bilan"],
      ["bilan", "imprimer"],
      ["bilan", "modele", "--effectifs", effectifs, "--out", out],
      ["bilan", "modele", "--uai", "0781234T", "--out", out],
      ["bilan", "modele", "--uai", "0781234T", "--effectifs", effectifs],
      [
        "bilan",
        "modele",
        "--uai",
        "0781234T",
        "--effectifs",
        effectifs,
        "--out",
        out,
        "--dotation-prebac",
        "-5",
      ],
      ["bilan", "modele", "--uai", "75", "--effectifs", effectifs, "--out", out],
      ["bilan", "controle"],
    ]) {
      const r = await run(argv);
      expect([argv.join(" "), r.code]).toEqual([argv.join(" "), 2]);
      expect(r.stderr).not.toMatch(/Erreur inattendue/);
    }
    expect(fs.existsSync(out)).toBe(false);
  });
});

describe("are reliquats", () => {
  test("un bilan en erreur : le fichier est écrit, code 1", async () => {
    const out = path.join(dir, "etablissements.xlsx");
    const r = await run(["reliquats", path.join(BILANS, "bilan-avec-erreurs.xlsx"), "--out", out]);
    expect(r.code).toBe(1);
    expect(fs.existsSync(out)).toBe(true);
    expect(r.stdout).toContain("0781234T");
  });

  test("--etablissements avec une page de garde : la feuille des établissements est celle complétée", async () => {
    const bilan = path.join(BILANS, "bilan-2023-0751234J.xlsx");
    const etablissements = path.join(dir, "etablissements-2023.xlsx");
    await avecPageDeGarde(path.join(BILANS, "etablissements-2023.xlsx"), etablissements);
    const sans = ["reliquats", bilan, "--etablissements", path.join(BILANS, "etablissements-2023.xlsx")];
    const attendu = await run([...sans, "--out", path.join(dir, "a.xlsx"), "--json"]);
    const r = await run([
      "reliquats",
      bilan,
      "--etablissements",
      etablissements,
      "--out",
      path.join(dir, "b.xlsx"),
      "--json",
    ]);
    expect(attendu.code).toBe(0);
    expect(r.code).toBe(0);
    expect(r.stdout.split(" › Établissements 2023-2024").join("")).toBe(attendu.stdout);
  });

  test("--annee 2023 et un bilan 2023-2024 : d'accord, reliquats 10 776 − 10 050 = 726,00 € et 159,00 € reportés", async () => {
    const out = path.join(dir, "etablissements.xlsx");
    const r = await run([
      "reliquats",
      path.join(BILANS, "bilan-2023-0751234J.xlsx"),
      "--annee",
      "2023",
      "--out",
      out,
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Reliquats des bilans 2023-2024, à déduire des dotations 2024-2025");
    expect(r.stdout).toMatch(/0751234J .* 726,00\u00a0€ +159,00\u00a0€/);
    expect(fs.existsSync(out)).toBe(true);
  });

  test("--annee 2025 et un bilan 2023-2024 : refusé (code 2), les deux années dites, aucun fichier écrit", async () => {
    // Before: --annee ignored, exit 0, the 2023-2024 reliquats (726,00 € and 159,00 €) written for the
    // 2024-2025 dotations while the user asked for the bilans of 2025-2026.
    const out = path.join(dir, "etablissements.xlsx");
    const r = await run([
      "reliquats",
      path.join(BILANS, "bilan-2023-0751234J.xlsx"),
      "--annee",
      "2025",
      "--out",
      out,
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      "--annee 2025 demande les bilans 2025-2026, mais le bilan « bilan-2023-0751234J.xlsx » est de 2023-2024 : aucun reliquat n'est reporté, aucun fichier écrit. Relancez avec --annee 2023",
    );
    expect(r.stdout).toBe("");
    expect(fs.existsSync(out)).toBe(false);
  });

  test("sans --out, sans bilan, ou un bilan donné deux fois : erreur d'utilisation", async () => {
    const bilan = path.join(BILANS, "bilan-2023-0751234J.xlsx");
    expect((await run(["reliquats", bilan])).code).toBe(2);
    expect((await run(["reliquats", "--out", path.join(dir, "x.xlsx")])).code).toBe(2);
    expect((await run(["reliquats", bilan, bilan, "--out", path.join(dir, "x.xlsx")])).code).toBe(2);
  });
});

describe("Aide en français", () => {
  test.each([
    ["complementaire", "Usage : are complementaire <fichier>"],
    ["bilan", "are bilan modele --uai <UAI> --effectifs <fichier…>"],
    ["reliquats", "Usage : are reliquats <bilan…>"],
  ])("are %s --help", async (commande, usage) => {
    const r = await run([commande, "--help"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(usage);
  });

  test("are bilan --help donne --colonne de bilan modele et de bilan controle", async () => {
    const r = await run(["bilan", "--help"]);
    expect(r.stdout).toContain("[--colonne …]");
    expect(r.stdout).toContain("--colonne [fichier:|feuille:]<champ>=<lettre>");
    expect(r.stdout).toContain('--colonne "Paris:effectif=H"');
    expect(r.stdout).toContain("are bilan controle <fichier> [--feuille <nom>] [--colonne …]");
  });

  test("l'aide générale liste les nouvelles commandes", async () => {
    const r = await run(["--help"]);
    for (const commande of ["complementaire <fichier>", "bilan modele|controle", "reliquats <bilan…>"])
      expect(r.stdout).toContain(commande);
  });
});
