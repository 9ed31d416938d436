/**
 * Corpus (issue 15) : des bilans et des demandes abîmés comme un gestionnaire les abîme — un tri qui
 * emporte l'en-tête, une année scolaire illisible, un UAI à la lettre fausse, une ligne du formulaire
 * répétée, un classeur de plusieurs feuilles — ne donnent jamais un reliquat ni une demande faux sans
 * le dire. Chaque cas passe par des fichiers .xlsx et la ligne de commande, et ses montants sont
 * calculés à la main à partir des forfaits du règlement et du bilan d'exemple de la Bièvre
 * (examples/bilans/README.md) :
 * - 2023-2024 : dotation reçue pré-bac 66 × 151 + 15 × 54 = 10 776,00 €, post-bac 9 × 151 = 1 359,00 €,
 *   aucun reliquat antérieur ;
 * - achats pré-bac : 4 350,00 (40033404), 3 600,00 (50022137), 1 500,00 (50022141), 600,00 (67010031) ;
 *   post-bac : 1 200,00 (32033422).
 * Reliquat pré-bac = 10 776 − 10 050 = 726,00 € ; post-bac = 1 359 − 1 200 = 159,00 €.
 * Demande de la Bièvre, 2024-2025 : 4 × 157 (BOULANGER) + 3 × 56 (3ème prépa-métiers) = 796,00 € en
 * pré-bac, 2 × 157 = 314,00 € en post-bac ; la ligne ST2S est refusée.
 * Chaque cas figure dans docs/security.md (un test le vérifie).
 */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import type { BilanJson, DemandeJson, ReliquatsJson } from "../../src/cli/jsonBilan";
import { readSpreadsheetFile } from "../../src/xlsx";
import { run } from "../cli/run";
import { removeDir, tempDir } from "../xlsx/helpers";
import { dotationsDesExemples } from "./fabrique";

const EXEMPLES = path.join(__dirname, "..", "..", "examples", "bilans");
const BIEVRE = path.join(EXEMPLES, "bilan-2023-0751234J.xlsx");
const DEMANDE = path.join(EXEMPLES, "demande-complementaire.xlsx");
/** Lycée Simone-Veil, 2023-2024: reliquats 1 093,56 € and 111,90 € (examples/bilans/README.md). */
const SIMONE_VEIL = path.join(EXEMPLES, "bilan-2023-0931234L.xlsx");
const ETABLISSEMENTS = path.join(EXEMPLES, "etablissements-2023.xlsx");

/** The names of the cases, as docs/security.md lists them. */
const CAS = {
  triBilan: "bilan trié avec son en-tête : les cinq achats au-dessus de l'en-tête",
  triBilanPostBac: "bilan : la ligne d'achat post-bac triée au-dessus de l'en-tête",
  triDemande: "demande : la ligne BOULANGER triée au-dessus de l'en-tête",
  anneeIllisible: "are reliquats : bilan dont l'année scolaire est « juin 2024 », « 23-24 » ou « 2023/24 »",
  anneeAnterieure: "are reliquats : bilan de 2022-2023 avec un bilan de 2023-2024",
  uaiLettreCle: "are reliquats : bilan dont l'UAI a une lettre de contrôle fausse (0751234B pour 0751234J)",
  uaiAbsent: "are reliquats : bilan d'un UAI valide absent de la feuille des établissements",
  dotationRepetee: "bilan : une seconde ligne « Dotation reçue pré-bac (complémentaire) » de 796 €",
  dotationInconnue:
    "bilan : une ligne « Dotation complémentaire pré-bac » de 796 €, libellé que le bilan ne lit pas",
  uaiRepete: "bilan : deux UAI différents en tête",
  brouillonMasque: "classeur de bilans : un brouillon masqué à côté du bilan final",
  deuxBilans: "are bilan controle : classeur de deux feuilles de bilan",
  dotationsAutreAnnee: "are bilan modele 2023-2024 avec le classeur des dotations 2024-2025",
  achatEnDouble: "bilan : l'achat BOULANGER de 3 600,00 € saisi une seconde fois, identique",
  bilanNonRempli: "bilan renvoyé sans aucun montant d'achat (le modèle non rempli)",
  typesDuReglement:
    "bilan : les quatre types d'équipement écrits comme le règlement, exemples entre parenthèses compris",
  observationTotal:
    "bilan : une colonne « Observations » ajoutée, « Facture n° 2024-015, paiement total » sur un achat",
  demandeEnDouble: "demande : la ligne BOULANGER (4 élèves) saisie une seconde fois, identique",
  demandeFormationEnDouble: "demande : BOULANGER sur deux lignes, 4 puis 5 élèves",
  demandeBoursiersEnDouble: "demande : la ligne du BTS (2 boursiers) saisie une seconde fois, identique",
  demandeEnteteDifferente:
    "demande : une seconde demande collée dessous, « Boursiers » et « Élèves supplémentaires » échangés",
  demandeInvraisemblable:
    "demande : 5 000 élèves supplémentaires sur la ligne BOULANGER (une faute de frappe pour 50 ?)",
  bilanEnteteDifferente:
    "bilan : des achats collés dessous avec leur en-tête, « Montant » et « Élèves aidés » échangés",
} as const;

let dir: string;
beforeAll(() => {
  dir = tempDir("are-bilans-abimes-");
});
afterAll(() => removeDir(dir));

/**
 * A copy of an example whose rows `lignes` (sheet rows, in order) are rewritten in the order `ordre`
 * gives — as Excel's sort leaves them — then changed by `modifier`, written by ExcelJS.
 */
async function copie(
  source: string,
  nom: string,
  options: {
    lignes?: readonly number[];
    ordre?: readonly number[];
    modifier?: (sheet: ExcelJS.Worksheet, workbook: ExcelJS.Workbook) => void;
  } = {},
): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(source);
  const sheet = workbook.worksheets[0];
  const { lignes, ordre } = options;
  if (lignes && ordre) {
    const valeurs = ordre.map((r) => (sheet.getRow(r).values as ExcelJS.CellValue[]).slice());
    lignes.forEach((r, i) => {
      const row = sheet.getRow(r);
      row.values = valeurs[i];
      row.commit();
    });
  }
  options.modifier?.(sheet, workbook);
  const fichier = path.join(dir, nom);
  await workbook.xlsx.writeFile(fichier);
  return fichier;
}

async function controle(fichier: string, ...args: string[]): Promise<{ code: number; json: BilanJson }> {
  const r = await run(["bilan", "controle", fichier, "--json", ...args]);
  expect(r.stderr).toBe("");
  return { code: r.code, json: JSON.parse(r.stdout) as BilanJson };
}

async function reliquats(
  fichiers: readonly string[],
  ...args: string[]
): Promise<{ code: number; json: ReliquatsJson; stderr: string; sortie: string }> {
  const sortie = path.join(dir, `etablissements-${path.basename(fichiers[0])}`);
  const r = await run(["reliquats", ...fichiers, "--out", sortie, "--json", ...args]);
  return {
    sortie,
    code: r.code,
    json: r.stdout === "" ? (null as never) : (JSON.parse(r.stdout) as ReliquatsJson),
    stderr: r.stderr,
  };
}

/** French typography's non-breaking spaces as plain ones, to compare messages. */
const espaces = (texte: string) => texte.replace(/[\u00a0\u202f]/g, " ");

const codes = (json: {
  constats: readonly { code: string; ligne: number | null; colonne: string | null }[];
}) => json.constats.map((c) => [c.code, c.ligne, c.colonne]);

describe("Une ligne du tableau au-dessus de l'en-tête est signalée, jamais perdue", () => {
  test(CAS.triBilan, async () => {
    // Rows 15-20 sorted with the header: the five purchases on rows 15-19, the header on row 20.
    const fichier = await copie(BIEVRE, "tri-entete.xlsx", {
      lignes: [15, 16, 17, 18, 19, 20],
      ordre: [20, 16, 17, 18, 19, 15],
    });
    const { code, json } = await controle(fichier);
    expect(code).toBe(1);
    expect(codes(json)).toEqual([15, 16, 17, 18, 19].map((l) => ["ligne-avant-entete", l, null]));
    expect(espaces(json.constats[0].message)).toBe(
      "Ligne 15 au-dessus de l'en-tête (ligne 20) : elle n'est pas lue. Si ce sont des données, déplacez-les sous la ligne d'en-tête ; sinon, supprimez-la. Achat de 1 200,00 € non retenu : le reliquat de son enveloppe n'est pas calculé tant que la ligne n'est pas sous l'en-tête.",
    );
    expect(json.lignes).toMatchObject({ nonVides: 5, retenues: 0, ecartees: 5 });
    // Never 10 776,00 € and 1 359,00 € carried as if nothing had been spent.
    expect(json.enveloppes.preBac).toMatchObject({ depense: "0.00", nouveauReliquat: null });
    expect(json.enveloppes.postBac).toMatchObject({ depense: "0.00", nouveauReliquat: null });

    const r = await reliquats([fichier]);
    expect(r.code).toBe(1);
    expect(r.json.etablissements[0].reliquats).toEqual({ preBac: null, postBac: null });
  });

  test(CAS.triBilanPostBac, async () => {
    // Row 20 (post-bac, 1 200,00 €) sorted to the top: on row 15, the header on 16, pré-bac on 17-20.
    const fichier = await copie(BIEVRE, "tri-post-bac.xlsx", {
      lignes: [15, 16, 17, 18, 19, 20],
      ordre: [20, 15, 16, 17, 18, 19],
    });
    const { code, json } = await controle(fichier);
    expect(code).toBe(1);
    expect(codes(json)).toEqual([["ligne-avant-entete", 15, null]]);
    expect(json.enveloppes.preBac.nouveauReliquat).toBe("726.00"); // 10 776 − 10 050
    expect(json.enveloppes.postBac).toMatchObject({ depense: "0.00", nouveauReliquat: null }); // not 1 359,00
    expect(json.enveloppes.postBac.explication).toBe(
      "Reliquat non calculé : il manque la correction de l'achat en erreur (ligne 15).",
    );
  });

  test(CAS.triDemande, async () => {
    // Row 2 (4 BOULANGER) above the header: the request is 3 × 56 + 2 × 157 = 482,00 €, and says why.
    const fichier = await copie(DEMANDE, "demande-tri.xlsx", { lignes: [1, 2], ordre: [2, 1] });
    const r = await run(["complementaire", fichier, "--annee", "2024", "--json"]);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout) as DemandeJson;
    expect(codes(json)).toEqual([
      ["ligne-avant-entete", 1, null],
      ["demande-non-eligible", 5, "C"],
    ]);
    expect(json.lignes.map((l) => [l.code, l.montant])).toEqual([
      ["67010031", "168.00"],
      ["32033422", "314.00"],
    ]);
    expect(json.totaux).toEqual({ preBac: "168.00", postBac: "314.00", total: "482.00" });
  });

  test("le bilan d'exemple tel qu'il est : ses lignes de formulaire ne sont pas des achats", async () => {
    const { code, json } = await controle(BIEVRE);
    expect(code).toBe(0);
    expect(json.constats).toEqual([]);
    expect(json.enveloppes.preBac.nouveauReliquat).toBe("726.00");
    expect(json.enveloppes.postBac.nouveauReliquat).toBe("159.00");
  });
});

describe("Un bilan dont l'année ne se lit pas n'est pas reporté sous l'année par défaut", () => {
  test.each(["juin 2024", "23-24", "2023/24"])(`${CAS.anneeIllisible} : « %s »`, async (annee) => {
    const fichier = await copie(BIEVRE, `annee-${annee.replace(/\W/g, "")}.xlsx`, {
      modifier: (sheet) => void (sheet.getCell("B9").value = annee),
    });
    const r = await reliquats([fichier, SIMONE_VEIL], "--annee", "2023", "--etablissements", ETABLISSEMENTS);
    expect(r.code).toBe(1);
    expect(r.json.anneeBilans).toBe("2023-2024"); // Simone-Veil's, the only year read
    expect(codes(r.json)).toEqual([
      ["annee-scolaire-illisible", 9, "B"],
      ["reliquat-non-calcule", null, null],
      ["reliquat-non-calcule", null, null],
      ["valeurs-reprises", 1, null],
      ["bilan-absent", 4, "A"], // the Vexin, which has no bilan here
    ]);
    expect(r.json.constats[1].message).toContain(
      "il manque au bilan « " + path.basename(fichier) + " » une année scolaire lisible",
    );
    // Never 726,00 € and 159,00 € carried into 2024-2025 for a bilan of unknown year, nor last year's 0.
    const [bievre, simoneVeil] = r.json.etablissements;
    expect(bievre).toMatchObject({ uai: "0751234J", reliquats: { preBac: null, postBac: null } });
    expect(simoneVeil).toMatchObject({
      uai: "0931234L",
      reliquats: { preBac: "1093.56", postBac: "111.90" },
    });
  });

  test(CAS.anneeAnterieure, async () => {
    const fichier = await copie(BIEVRE, "annee-2022.xlsx", {
      modifier: (sheet) => void (sheet.getCell("B9").value = "2022-2023"),
    });
    const r = await reliquats([fichier, SIMONE_VEIL], "--annee", "2023");
    expect(r.code).toBe(1);
    expect(r.json.anneeBilans).toBe("2023-2024");
    expect(codes(r.json)).toEqual([
      ["annee-scolaire-illisible", 9, "B"],
      ["bilan-autre-annee", 9, "B"],
    ]);
    expect(r.json.constats[1].message).toContain(
      "Bilan 2022-2023, alors que les reliquats reportés sont ceux de 2023-2024",
    );
    expect(r.json.etablissements.map((e) => [e.uai, e.reliquats])).toEqual([
      ["0931234L", { preBac: "1093.56", postBac: "111.90" }],
    ]);
  });
});

describe("Une ligne du formulaire répétée ou inconnue est signalée, jamais ignorée", () => {
  /** The Bièvre bilan with a form line added on row 14 (between the form and the header). */
  const avecLigne14 = (nom: string, libelle: string, valeur: ExcelJS.CellValue) =>
    copie(BIEVRE, nom, {
      modifier: (sheet) => {
        sheet.getCell("A14").value = libelle;
        sheet.getCell("B14").value = valeur;
      },
    });

  test(CAS.dotationRepetee, async () => {
    // 10 776 + 796 = 11 572 received? or 796 a copy? Neither guessed: the pré-bac reliquat is not
    // computed (never 10 776 − 10 050 = 726,00 € that forgets 796 €); post-bac 159,00 €.
    const fichier = await avecLigne14(
      "dotation-repetee.xlsx",
      "Dotation reçue pré-bac (complémentaire)",
      796,
    );
    const { code, json } = await controle(fichier);
    expect(code).toBe(1);
    expect(codes(json)).toEqual([["formulaire-en-double", 14, "B"]]);
    expect(json.constats[0].message).toContain("donné une seconde fois (796, déjà 10776 ligne 10)");
    expect(json.enveloppes.preBac).toMatchObject({ dotationRecue: "10776.00", nouveauReliquat: null });
    expect(json.enveloppes.preBac.explication).toBe(
      "Reliquat non calculé : il manque la correction du formulaire (ligne 14).",
    );
    expect(json.enveloppes.postBac.nouveauReliquat).toBe("159.00");
  });

  test(CAS.dotationInconnue, async () => {
    const fichier = await avecLigne14("dotation-inconnue.xlsx", "Dotation complémentaire pré-bac", 796);
    const { code, json } = await controle(fichier);
    expect(code).toBe(1);
    expect(codes(json)).toEqual([["formulaire-libelle-inconnu", 14, "B"]]);
    expect(json.enveloppes.preBac.nouveauReliquat).toBeNull();
    expect(json.enveloppes.postBac.nouveauReliquat).toBe("159.00");

    const r = await reliquats([fichier]);
    expect(r.code).toBe(1);
    expect(r.json.etablissements[0].reliquats).toEqual({ preBac: null, postBac: "159.00" });
  });

  test(CAS.uaiRepete, async () => {
    const fichier = await avecLigne14("uai-repete.xlsx", "UAI", "0931234L");
    const { code, json } = await controle(fichier);
    expect(code).toBe(1);
    expect(codes(json)).toEqual([["formulaire-en-double", 14, "B"]]);
    expect(json.uai).toBeNull();
    // Carried to neither establishment.
    const r = await reliquats([fichier]);
    expect(r.json.etablissements).toEqual([]);
  });

  test("le même UAI répété (casse et espaces près) : rien à signaler", async () => {
    const fichier = await avecLigne14("uai-meme.xlsx", "UAI", " 0751234j ");
    const { code, json } = await controle(fichier);
    expect(code).toBe(0);
    expect(json.constats).toEqual([]);
    expect(json.enveloppes.preBac.nouveauReliquat).toBe("726.00");
  });
});

describe("L'UAI d'un bilan est la clé de ses reliquats", () => {
  test(CAS.uaiLettreCle, async () => {
    const fichier = await copie(BIEVRE, "uai-lettre.xlsx", {
      modifier: (sheet) => void (sheet.getCell("B7").value = "0751234B"),
    });
    const r = await reliquats([fichier], "--etablissements", ETABLISSEMENTS);
    expect(r.code).toBe(1);
    expect(codes(r.json)).toEqual([
      ["uai-lettre-cle", 7, "B"], // the bilan's own reading: an alerte
      ["bilan-uai-lettre-cle", 7, "B"],
      ["valeurs-reprises", 1, null],
      ["bilan-absent", 2, "A"],
      ["bilan-absent", 3, "A"],
      ["bilan-absent", 4, "A"],
    ]);
    expect(r.json.constats[1].message).toContain("pour 0751234, la lettre est J : 0751234J ?");
    // No row for 0751234B; 0751234J keeps its sheet's values, with the alerte that says so.
    expect(r.json.etablissements).toEqual([]);
    const ecrite = (await readSpreadsheetFile(r.sortie)).sheets[0];
    expect(ecrite.values.flat()).not.toContain("0751234B");
  });

  test(CAS.uaiAbsent, async () => {
    // 0750655E (Louis-le-Grand) is valid but not in etablissements-2023.xlsx: added, with an alerte.
    const fichier = await copie(BIEVRE, "uai-absent.xlsx", {
      modifier: (sheet) => void (sheet.getCell("B7").value = "0750655E"),
    });
    const r = await reliquats([fichier], "--etablissements", ETABLISSEMENTS);
    expect(r.code).toBe(0);
    expect(codes(r.json)).toEqual([
      ["valeurs-reprises", 1, null],
      ["bilan-absent", 2, "A"],
      ["bilan-absent", 3, "A"],
      ["bilan-absent", 4, "A"],
      ["etablissement-ajoute", null, null],
    ]);
    expect(r.json.etablissements).toMatchObject([
      { uai: "0750655E", reliquats: { preBac: "726.00", postBac: "159.00" } },
    ]);
    const ecrite = (await readSpreadsheetFile(r.sortie)).sheets[0];
    expect(ecrite.values.some((row) => row.includes("0750655E") && row.includes(726))).toBe(true);
  });
});

describe("Classeurs de plusieurs bilans : chaque feuille lue ou nommée", () => {
  /** Copies the first sheet's values into a new sheet `nom` (its rows 16-20 changed by `changer`). */
  const ajouterCopie =
    (nom: string, etat: "visible" | "hidden", changer: (ws: ExcelJS.Worksheet) => void) =>
    (sheet: ExcelJS.Worksheet, workbook: ExcelJS.Workbook) => {
      const copieFeuille = workbook.addWorksheet(nom, { state: etat });
      sheet.eachRow((row, r) => {
        copieFeuille.getRow(r).values = (row.values as ExcelJS.CellValue[]).slice();
      });
      changer(copieFeuille);
    };

  test(CAS.brouillonMasque, async () => {
    // The draft spent 0 on BOULANGER (F17): read too, it made one of the two a « bilan-en-double ».
    const fichier = await copie(BIEVRE, "brouillon.xlsx", {
      modifier: ajouterCopie("Brouillon", "hidden", (ws) => void (ws.getCell("F17").value = 0)),
    });
    const c = await run(["bilan", "controle", fichier, "--json"]);
    expect(espaces(c.stderr)).toBe(
      "« brouillon.xlsx » : feuille de bilan masquée non lue « Brouillon » (brouillon ou copie ?). Pour la contrôler quand même, nommez-la avec --feuille.\n",
    );
    const json = JSON.parse(c.stdout) as BilanJson;
    expect(json.feuille).not.toContain("Brouillon");
    expect(json.enveloppes.preBac.nouveauReliquat).toBe("726.00"); // not 4 326,00 (the draft's)
    // Stderr does not outlive the run: the skipped draft is also an alerte of the check, in --json.
    const masquee = {
      gravite: "alerte",
      code: "feuille-masquee",
      feuille: "brouillon.xlsx › Brouillon",
      ligne: null,
      colonne: null,
    };
    expect(json.constats.filter((x) => x.code === "feuille-masquee")).toEqual([
      {
        ...masquee,
        message: expect.stringMatching(
          /^Feuille de bilan « Brouillon » de « brouillon\.xlsx » non lue : elle est masquée \(brouillon ou copie du bilan visible \?\)\. Elle contient \d+ lignes non vides : aucune n'est lue\. Pour la contrôler quand même, nommez-la avec --feuille\.$/,
        ),
      },
    ]);
    expect(c.code).toBe(0); // an alerte, not an erreur
    // And in the check's written sheet, with the same message.
    const sortie = path.join(dir, "controle-brouillon.xlsx");
    expect((await run(["bilan", "controle", fichier, "--out", sortie])).code).toBe(0);
    const ecrite = (await readSpreadsheetFile(sortie)).sheets[0].values;
    const message = json.constats.find((x) => x.code === "feuille-masquee")!.message;
    expect(ecrite).toContainEqual([
      "alerte",
      "feuille-masquee",
      "brouillon.xlsx › Brouillon",
      null,
      null,
      message,
    ]);

    const r = await reliquats([fichier]);
    expect(r.code).toBe(0);
    expect(codes(r.json)).toEqual([["feuille-masquee", null, null]]);
    expect(r.json.constats[0]).toMatchObject({
      ...masquee,
      message: expect.stringContaining("Pour la reporter, affichez-la dans Excel"),
    });
    expect(r.json.etablissements.map((e) => [e.uai, e.reliquats])).toEqual([
      ["0751234J", { preBac: "726.00", postBac: "159.00" }],
    ]);
    // --feuille still reads it: 10 776 − (10 050 − 3 600) = 4 326,00 €.
    const brouillon = await controle(fichier, "--feuille", "Brouillon");
    expect(brouillon.json.enveloppes.preBac.nouveauReliquat).toBe("4326.00");
  });

  test(CAS.deuxBilans, async () => {
    const fichier = await copie(BIEVRE, "deux-bilans.xlsx", {
      modifier: ajouterCopie(
        "Bilan Simone-Veil",
        "visible",
        (ws) => void (ws.getCell("B7").value = "0931234L"),
      ),
    });
    const c = await run(["bilan", "controle", fichier, "--json"]);
    const json = JSON.parse(c.stdout) as BilanJson;
    expect(json.uai).toBe("0751234J");
    // In the --json document too, not only on stderr: the other bilan was not checked.
    expect(codes(json)).toContainEqual(["feuille-non-lue", null, null]);
    expect(espaces(json.constats.find((k) => k.code === "feuille-non-lue")!.message)).toMatch(
      /^Feuille « Bilan Simone-Veil » de « deux-bilans\.xlsx » non contrôlée : .* are bilan controle "deux-bilans\.xlsx" --feuille "Bilan Simone-Veil"\.$/,
    );
    expect(espaces(c.stderr)).toMatch(
      /^« deux-bilans\.xlsx » : 2 feuilles de bilan ; « .+ » est contrôlée, l'autre se contrôle avec --feuille : « Bilan Simone-Veil »\.\n$/,
    );
  });
});

describe("Le modèle de bilan ne prend pas les dotations d'une autre année", () => {
  test(CAS.dotationsAutreAnnee, async () => {
    const dotations = await dotationsDesExemples(2024, dir);
    const modele = (annee: string, out: string) =>
      run([
        "bilan",
        "modele",
        "--uai",
        "0751234J",
        "--effectifs",
        path.join(EXEMPLES, "effectifs-2023.xlsx"),
        "--dotations",
        dotations,
        "--annee",
        annee,
        "--out",
        out,
      ]);
    // 2023-2024 template from the 2024-2025 dotations: refused, nothing written.
    const sortie = path.join(dir, "modele-2023.xlsx");
    const r = await modele("2023", sortie);
    expect(r.code).toBe(2);
    expect(espaces(r.stderr)).toContain(
      "« dotations-2024.xlsx › Dotations ARE 2024-2025 » donne les dotations 2024-2025, et le bilan est celui de 2023-2024 : ses dotations ne sont pas reprises.",
    );
    expect(r.stderr).toContain("Aucun modèle écrit");
    expect(fs.existsSync(sortie)).toBe(false);
    // The same file for the 2024-2025 template: pre-filled, 66 × 157 + 15 × 56 = 11 202,00 € pré-bac
    // (no establishments sheet: no taux, the post-bac dotation is left to type).
    const bon = await modele("2024", path.join(dir, "modele-2024.xlsx"));
    expect(bon.code).toBe(0);
    expect(espaces(bon.stdout)).toContain(
      "Enveloppe pré-bac : dotation reçue 11 202,00 €, reliquat antérieur 0,00 €",
    );
  });
});

describe("Un second collage aux colonnes dans un autre ordre n'est pas lu avec celles du premier", () => {
  test(CAS.demandeEnteteDifferente, async () => {
    // Under the Bièvre's request (2024-2025: 4 × 157 + 3 × 56 = 796,00 € pré-bac, 2 × 157 = 314,00 €
    // post-bac), a second request pasted with its header: columns E and F swapped (« Boursiers
    // supplémentaires » in E, « Élèves supplémentaires » in F), PATISSIER 1 boursier and 3 élèves, a BTS
    // CONCEPTION DES PRODUITS INDUSTRIELS 2 boursiers and 5 élèves. Read with the first header's columns,
    // PATISSIER asked 1 × 157 (not 3 × 157) and the BTS 5 boursiers × 157 = 785,00 € (not 2 × 157): a
    // request of 796 + 157 = 953,00 € pré-bac and 314 + 785 = 1 099,00 € post-bac. Those rows are erreurs,
    // not read: the request stays the first one's, and says why.
    const fichier = await copie(DEMANDE, "demande-entete-differente.xlsx", {
      modifier: (sheet) => {
        const entete = (sheet.getRow(1).values as ExcelJS.CellValue[]).slice();
        [entete[5], entete[6]] = [entete[6], entete[5]];
        sheet.getRow(7).values = entete;
        sheet.getRow(8).values = [
          "0751234J",
          "Lycée des métiers de la Bièvre",
          "50022141",
          "PATISSIER (CAP)",
          1,
          3,
        ];
        sheet.getRow(9).values = [
          "0751234J",
          "Lycée des métiers de la Bièvre",
          "32020009",
          "CONCEPTION DES PRODUITS INDUSTRIELS (BTS)",
          2,
          5,
        ];
      },
    });
    const r = await run(["complementaire", fichier, "--annee", "2024", "--json"]);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout) as DemandeJson;
    expect(codes(json)).toEqual([
      ["demande-non-eligible", 5, "C"],
      ["entete-differente", 7, null],
      ["entete-differente", 8, null],
      ["entete-differente", 9, null],
    ]);
    expect(espaces(json.constats[1].message)).toMatch(
      /^En-tête répété, colonnes dans un autre ordre qu'à la ligne 1 /,
    );
    expect(json.lignes.map((l) => [l.ligne, l.code, l.montant])).toEqual([
      [2, "50022137", "628.00"],
      [3, "67010031", "168.00"],
      [4, "32033422", "314.00"],
    ]);
    expect(json.totaux).toEqual({ preBac: "796.00", postBac: "314.00", total: "1110.00" });
  });

  test(CAS.bilanEnteteDifferente, async () => {
    // Under the Bièvre's five purchases (reliquats 726,00 € and 159,00 €), two rows pasted from another
    // sheet with its header, « Montant des achats » (E) and « Élèves aidés » (F) swapped: PATISSIER
    // 300,00 € for 12 élèves, the BTS 50,00 € for 9. Read with the first header's columns, they spent
    // 12 € and 9 €: reliquats 726 − 12 = 714,00 € and 159 − 9 = 150,00 € instead of 426,00 € and
    // 109,00 €. Their amounts are not known for sure: both reliquats are not computed.
    const fichier = await copie(BIEVRE, "bilan-entete-differente.xlsx", {
      modifier: (sheet) => {
        const entete = (sheet.getRow(15).values as ExcelJS.CellValue[]).slice();
        [entete[5], entete[6]] = [entete[6], entete[5]];
        sheet.getRow(22).values = entete;
        sheet.getRow(23).values = [
          "PATISSIER (CAP)",
          "50022141",
          "pré-bac",
          12,
          300,
          12,
          "Matériel, outillage et instruments",
        ];
        sheet.getRow(24).values = [
          "MANAGEMENT EN HOTELLERIE-RESTAURATION BTS 1ERE ANNEE COMMUNE",
          "32033422",
          "post-bac",
          20,
          50,
          9,
          "Matériel, outillage et instruments",
        ];
      },
    });
    const { code, json } = await controle(fichier);
    expect(code).toBe(1);
    expect(codes(json)).toEqual([
      ["entete-differente", 22, null],
      ["entete-differente", 23, null],
      ["entete-differente", 24, null],
    ]);
    expect(json.enveloppes.preBac).toMatchObject({ depense: "10050.00", nouveauReliquat: null });
    expect(json.enveloppes.postBac).toMatchObject({ depense: "1200.00", nouveauReliquat: null });

    const r = await reliquats([fichier]);
    expect(r.code).toBe(1);
    expect(r.json.etablissements[0].reliquats).toEqual({ preBac: null, postBac: null });
  });
});

test("chaque cas figure dans docs/security.md", () => {
  const doc = fs.readFileSync(path.join(__dirname, "..", "..", "docs", "security.md"), "utf8");
  expect(Object.values(CAS).filter((nom) => !doc.includes(nom))).toEqual([]);
});

describe("Types d'équipement écrits comme le règlement", () => {
  test(CAS.typesDuReglement, async () => {
    // Column G of the Bièvre's five purchases in the seed's words, « (costume, tailleur,
    // chaussures...) » included. Every purchase counts: pré-bac 4 350 + 3 600 + 1 500 + 600 = 10 050,00 €,
    // reliquat 10 776 − 10 050 = 726,00 € ; post-bac 1 359 − 1 200 = 159,00 € — never
    // « type-equipement-inconnu » and a reliquat left uncomputed.
    const types = [
      "Vêtement de représentation (costume, tailleur, chaussures...)",
      "Vêtements et équipements de protection individuelle (blouse, bleu, gants, casque, chaussures, lunettes de protection...)",
      "Matériel, outillage et instruments (pipettes, calculatrice, mallette de couteaux...)",
      "Consommables informatiques (DVD, clé USB...) et documents techniques (plaquettes de consignes de sécurité, nomenclatures...)",
      "Vêtement de représentation (costume, tailleur, chaussures...)",
    ];
    const fichier = await copie(BIEVRE, "types-du-reglement.xlsx", {
      modifier: (sheet) => types.forEach((type, i) => (sheet.getCell(`G${16 + i}`).value = type)),
    });
    const { code, json } = await controle(fichier);
    expect(code).toBe(0);
    expect(codes(json).filter(([c]) => c === "type-equipement-inconnu")).toEqual([]);
    expect(json.enveloppes.preBac).toMatchObject({ depense: "10050.00", nouveauReliquat: "726.00" });
    expect(json.enveloppes.postBac).toMatchObject({ depense: "1200.00", nouveauReliquat: "159.00" });
  });
});

describe("Une colonne ajoutée par le lycée ne fait pas d'un achat une ligne de total", () => {
  test(CAS.observationTotal, async () => {
    // Column H « Observations » beside the table; the 3 600,00 € purchase (50022137, row 17) says « paiement
    // total ». It still counts: reliquat pré-bac 10 776 − 10 050 = 726,00 €, post-bac 159,00 € — never
    // 10 776 − 6 450 = 4 326,00 €, the purchase set aside as a total row.
    const fichier = await copie(BIEVRE, "observations.xlsx", {
      modifier: (sheet) => {
        sheet.getCell("H15").value = "Observations";
        sheet.getCell("H17").value = "Facture n° 2024-015, paiement total";
      },
    });
    const { code, json } = await controle(fichier);
    expect(code).toBe(0);
    expect(codes(json).filter(([c]) => c === "ligne-total")).toEqual([]);
    expect(json.enveloppes.preBac).toMatchObject({ depense: "10050.00", nouveauReliquat: "726.00" });
    expect(json.enveloppes.postBac).toMatchObject({ depense: "1200.00", nouveauReliquat: "159.00" });
  });

  test("bilan : « Total » dans la colonne du libellé reste une ligne de total", async () => {
    // A subtotal row written in the table's own column: set aside, the reliquats unchanged (726,00 €).
    const fichier = await copie(BIEVRE, "sous-total.xlsx", {
      modifier: (sheet) => {
        sheet.getRow(21).values = ["Total pré-bac", null, "Pré-bac", null, null, 10050];
      },
    });
    const { json } = await controle(fichier);
    expect(codes(json)).toContainEqual(["ligne-total", 21, "A"]);
    expect(json.enveloppes.preBac).toMatchObject({ depense: "10050.00", nouveauReliquat: "726.00" });
  });
});

describe("Deux achats identiques : le reliquat attend que le bilan les distingue", () => {
  test(CAS.achatEnDouble, async () => {
    // Row 17 (50022137, 3 600,00 €) copied to row 21. Counted once, pré-bac would be 726,00 € (too high
    // if there were two invoices); twice, 10 776 − 13 650 would be an overspend. Neither: not computed.
    // Post-bac is untouched: 1 359 − 1 200 = 159,00 €.
    const fichier = await copie(BIEVRE, "achat-en-double.xlsx", {
      modifier: (sheet) => {
        sheet.getRow(21).values = (sheet.getRow(17).values as ExcelJS.CellValue[]).slice();
      },
    });
    const { code, json } = await controle(fichier);
    expect(code).toBe(1);
    expect(codes(json)).toContainEqual(["achat-en-double", 21, null]);
    expect(espaces(json.constats.find((c) => c.code === "achat-en-double")!.message)).toMatch(
      /^Achat identique à la ligne 17 : deux achats, ou le même saisi deux fois \?/,
    );
    expect(json.enveloppes.preBac).toMatchObject({ nouveauReliquat: null });
    expect(json.enveloppes.postBac).toMatchObject({ depense: "1200.00", nouveauReliquat: "159.00" });
  });
});

describe("Un bilan sans aucun achat reporte tout en reliquat, et le dit", () => {
  test(CAS.bilanNonRempli, async () => {
    // The Bièvre's template sent back with its five rows but no élèves aidés, amount nor type: counted
    // as written (nothing spent), everything carried — 10 776,00 € pré-bac and 1 359,00 € post-bac,
    // deducted from 2024-2025's dotation — with an alerte that names both amounts.
    const fichier = await copie(BIEVRE, "bilan-non-rempli.xlsx", {
      modifier: (sheet) => {
        for (let r = 16; r <= 20; r++) for (const c of [5, 6, 7]) sheet.getRow(r).getCell(c).value = null;
      },
    });
    const { code, json } = await controle(fichier);
    expect(code).toBe(0);
    expect(json.enveloppes.preBac).toMatchObject({ depense: "0.00", nouveauReliquat: "10776.00" });
    expect(json.enveloppes.postBac).toMatchObject({ depense: "0.00", nouveauReliquat: "1359.00" });
    expect(codes(json)).toContainEqual(["bilan-sans-achat", 15, null]);
    const alerte = json.constats.find((c) => c.code === "bilan-sans-achat")!;
    expect(alerte.gravite).toBe("alerte");
    expect(espaces(alerte.message)).toBe(
      "Aucun montant d'achat dans le bilan : tout ce qui était disponible est reporté en reliquat (pré-bac 10 776,00 €, post-bac 1 359,00 €) et sera déduit de la dotation suivante. Si l'établissement a acheté des équipements, saisissez leurs montants, puis relancez le contrôle.",
    );
    // And `are reliquats`, which writes next year's establishments sheet, says it too.
    const r = await reliquats([fichier], "--annee", "2023");
    expect(r.json.constats.map((c) => c.code)).toContain("bilan-sans-achat");
  });

  test("le bilan rempli de la Bièvre, ou des achats pré-bac seulement : pas d'alerte « bilan-sans-achat »", async () => {
    expect(codes((await controle(BIEVRE)).json).map(([c]) => c)).not.toContain("bilan-sans-achat");
    // Only the post-bac amount cleared: 1 359,00 € carried in post-bac, a choice the lycée may make.
    const fichier = await copie(BIEVRE, "bilan-sans-post-bac.xlsx", {
      modifier: (sheet) => {
        for (const c of [5, 6, 7]) sheet.getRow(20).getCell(c).value = null;
      },
    });
    const { json } = await controle(fichier);
    expect(json.enveloppes.postBac).toMatchObject({ nouveauReliquat: "1359.00" });
    expect(codes(json).map(([c]) => c)).not.toContain("bilan-sans-achat");
  });
});

/** The request's sheet as written by --out: each row's cells, as ExcelJS reads them back. */
async function lignesEcrites(fichier: string, feuille: string): Promise<ExcelJS.CellValue[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(fichier);
  const lignes: ExcelJS.CellValue[][] = [];
  workbook.getWorksheet(feuille)!.eachRow((row) => {
    lignes.push((row.values as ExcelJS.CellValue[]).slice(1));
  });
  return lignes;
}

describe("Une formation demandée deux fois : le montant attend que la demande soit claire", () => {
  // The Bièvre's request in 2023-2024 (arrêté n° 2023-087: 151 € per pré-bac student and post-bac
  // boursier, 54 € per 3ème prépa-métiers student): BOULANGER 4 × 151 = 604,00 €, 3ème prépa-métiers
  // 3 × 54 = 162,00 €, so pré-bac 604 + 162 = 766,00 € ; BTS 2 boursiers × 151 = 302,00 € post-bac.

  test(CAS.demandeEnDouble, async () => {
    // Row 2 (BOULANGER, 4) copied to row 6. Counted once, pré-bac would be 766,00 € (short of 604,00 €
    // if two classes were meant); twice, 2 × 604 + 162 = 1 370,00 € (too high if typed twice). Neither:
    // pré-bac and the total are not computed; post-bac stays 2 × 151 = 302,00 €.
    const fichier = await copie(DEMANDE, "demande-en-double.xlsx", {
      modifier: (sheet) => {
        sheet.getRow(6).values = (sheet.getRow(2).values as ExcelJS.CellValue[]).slice();
      },
    });
    const out = path.join(dir, "demande-en-double-sortie.xlsx");
    const r = await run(["complementaire", fichier, "--annee", "2023", "--json", "--out", out]);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout) as DemandeJson;
    expect(codes(json)).toEqual([
      ["demande-non-eligible", 5, "C"],
      ["demande-en-double", 6, null],
    ]);
    const constat = json.constats.find((c) => c.code === "demande-en-double")!;
    expect(constat.gravite).toBe("erreur");
    expect(espaces(constat.message)).toMatch(/^Ligne identique à la ligne 2 : /);
    // The first line stays in the request, once; the figures that depend on it are not computed.
    expect(json.lignes.map((l) => [l.ligne, l.code, l.montant])).toEqual([
      [2, "50022137", "604.00"],
      [3, "67010031", "162.00"],
      [4, "32033422", "302.00"],
    ]);
    expect(json.totaux).toEqual({ preBac: null, postBac: "302.00", total: null });

    // The sheet to print: empty amounts with their motif, never 766,00 € nor 1 068,00 €.
    const lignes = await lignesEcrites(out, "Demande compl. ARE 2023-2024");
    const texte = espaces(
      lignes
        .flat()
        .filter((v) => typeof v === "string")
        .join("\n"),
    );
    expect(texte).toContain(
      "Montant demandé : pré-bac non calculé (formation 50022137 en double aux lignes 2 et 6) ; post-bac 302,00 € ; total non calculé",
    );
    expect(texte).not.toMatch(/766,00|1 068,00/);
    const sousTotal = lignes.find((l) => l[0] === "Sous-total pré-bac")!;
    expect(sousTotal[7] ?? null).toBeNull();
    expect(espaces(String(sousTotal[8]))).toBe(
      "Enveloppe pré-bac non calculée : formation 50022137 en double aux lignes 2 et 6 ; une ligne par formation.",
    );
    expect(lignes.find((l) => l[0] === "Sous-total post-bac")![7]).toBe(302);
    const total = lignes.find((l) => l[0] === "Total demandé")!;
    expect(total[7] ?? null).toBeNull();
    expect(espaces(String(total[8]))).toBe("Total non calculé : montant pré-bac non calculé.");

    // The text summary says it too.
    const t = await run(["complementaire", fichier, "--annee", "2023"]);
    expect(t.code).toBe(1);
    const sortie = espaces(t.stdout);
    expect(sortie).toMatch(/Total pré-bac +non calculé/);
    expect(sortie).toMatch(/Total post-bac +302,00 €/);
    expect(sortie).toMatch(/Total demandé +non calculé/);
    expect(sortie).toContain(
      "Montant pré-bac non calculé : formation 50022137 en double aux lignes 2 et 6 ; une ligne par formation.",
    );
    expect(sortie).not.toMatch(/766,00|1 068,00/);
  });

  test(CAS.demandeFormationEnDouble, async () => {
    // Row 6: BOULANGER again, 5 students. Summed, as before, pré-bac was 604 + 5 × 151 + 162 =
    // 1 521,00 €: two classes, or 5 correcting 4? One line per formation (« précisant les effectifs
    // supplémentaires par formation »): an erreur, pré-bac and the total not computed.
    const fichier = await copie(DEMANDE, "demande-formation-en-double.xlsx", {
      modifier: (sheet) => {
        const valeurs = (sheet.getRow(2).values as ExcelJS.CellValue[]).slice();
        valeurs[5] = 5;
        sheet.getRow(6).values = valeurs;
      },
    });
    const r = await run(["complementaire", fichier, "--annee", "2023", "--json"]);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout) as DemandeJson;
    expect(codes(json)).toEqual([
      ["demande-non-eligible", 5, "C"],
      ["demande-formation-en-double", 6, "C"],
    ]);
    expect(espaces(json.constats[1].message)).toMatch(
      /^Formation 50022137 déjà demandée ligne 2 \(4 élèves supplémentaires\), ici 5 : /,
    );
    expect(json.lignes.map((l) => [l.ligne, l.montant])).toEqual([
      [2, "604.00"],
      [3, "162.00"],
      [4, "302.00"],
    ]);
    expect(json.totaux).toEqual({ preBac: null, postBac: "302.00", total: null });
  });

  test(CAS.demandeBoursiersEnDouble, async () => {
    // Row 4 (BTS, 5 students, 2 boursiers) copied to row 6: post-bac not computed (never 302,00 €),
    // pré-bac stays 4 × 151 + 3 × 54 = 766,00 €.
    const fichier = await copie(DEMANDE, "demande-boursiers-en-double.xlsx", {
      modifier: (sheet) => {
        sheet.getRow(6).values = (sheet.getRow(4).values as ExcelJS.CellValue[]).slice();
      },
    });
    const r = await run(["complementaire", fichier, "--annee", "2023", "--json"]);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout) as DemandeJson;
    expect(codes(json)).toContainEqual(["demande-en-double", 6, null]);
    expect(json.totaux).toEqual({ preBac: "766.00", postBac: null, total: null });
  });
});

describe("Un nombre supplémentaire invraisemblable est signalé, le montant reste calculé", () => {
  test(CAS.demandeInvraisemblable, async () => {
    // 2024-2025 (157 € per pré-bac student and post-bac boursier, 56 € per 3ème prépa-métiers
    // student): BOULANGER 5 000 × 157 = 785 000,00 €, 3ème prépa-métiers 3 × 56 = 168,00 €, so
    // pré-bac 785 168,00 € ; BTS 2 × 157 = 314,00 €. Before, not a word: 785 482,00 € asked in all.
    const fichier = await copie(DEMANDE, "demande-invraisemblable.xlsx", {
      modifier: (sheet) => {
        sheet.getCell("E2").value = 5000;
      },
    });
    const r = await run(["complementaire", fichier, "--annee", "2024", "--json"]);
    expect(r.code).toBe(1); // the ST2S line's erreur, as in the example; the alerte alone changes nothing
    const json = JSON.parse(r.stdout) as DemandeJson;
    expect(codes(json)).toEqual([
      ["demande-non-eligible", 5, "C"],
      ["supplementaires-a-verifier", 2, null],
    ]);
    const alerte = json.constats[1];
    expect(alerte.gravite).toBe("alerte");
    expect(espaces(alerte.message)).toMatch(
      /^Formation 50022137 : 5 000 élèves supplémentaires, 785 000,00 € demandés\. Plus de 100 /,
    );
    expect(json.lignes.map((l) => [l.ligne, l.montant])).toEqual([
      [2, "785000.00"],
      [3, "168.00"],
      [4, "314.00"],
    ]);
    expect(json.totaux).toEqual({ preBac: "785168.00", postBac: "314.00", total: "785482.00" });

    // The text says it too, and the bound: 100 extra students (15 700,00 €) pass, 101 (15 857,00 €) not.
    const texte = espaces((await run(["complementaire", fichier, "--annee", "2024"])).stdout);
    expect(texte).toContain("Formation 50022137 : 5 000 élèves supplémentaires");
    for (const [n, attendu] of [
      [100, false],
      [101, true],
    ] as const) {
      const borne = await copie(DEMANDE, `demande-${n}.xlsx`, {
        modifier: (sheet) => {
          sheet.getCell("E2").value = n;
        },
      });
      const j = JSON.parse(
        (await run(["complementaire", borne, "--annee", "2024", "--json"])).stdout,
      ) as DemandeJson;
      expect(j.constats.some((c) => c.code === "supplementaires-a-verifier")).toBe(attendu);
    }
  });
});
