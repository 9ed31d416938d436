/**
 * Corpus : le statut des élèves dans plus d'une colonne, ou sous un titre de la statistique nationale.
 * Une extraction de rectorat porte souvent le « Statut » de l'établissement (public, privé) à gauche
 * du « Statut élève » ; seule la plus à gauche était lue, avec une info, et les apprentis de la
 * seconde étaient payés. Une colonne « Voie » (scolaire, apprentissage) n'était pas lue du tout.
 * Décision (regles.md#beneficiaires.statut-plusieurs-colonnes) : toutes les colonnes de statut sont
 * lues, sauf si l'utilisateur en a choisi une.
 *
 * Montants calculés à la main, forfait pré-bac 2024-2025 publié : 157 € par élève. Arago (0750655E) :
 * 12 élèves de CAP CUISINE sous statut scolaire (12 × 157 = 1 884,00 €) et 8 apprentis de la même
 * formation ; payés, 20 × 157 = 3 140,00 €.
 */
import * as fs from "fs";
import * as path from "path";
import { Parametres, texteDecimal } from "../../src/rules";
import { MemoryWorkbook } from "../../src/workbook/memory";
import type { CellValue } from "../../src/workbook/port";
import { calculerDotations, type ResultatDotations } from "../../src/workflows";
import type { CorrectionColonnes } from "../../src/workflows/types";
import { run } from "../cli/run";
import { removeDir, tempDir } from "../xlsx/helpers";

/** The names of the cases, as docs/security.md lists them. */
const CAS = {
  deuxStatuts:
    "extraction : « Statut » de l'établissement (« Public ») à gauche de « Statut élève » (« Apprenti »)",
  voie: "extraction : colonne « Voie » (« Scolaire », « Apprentissage »)",
  controle: "are controle : « Statut » et « Statut élève »",
  nonLues: "are dotations : colonnes « Niveau » et « Type de contrat élève », titres non reconnus",
  dontApprentis: "extraction : « Dont apprentis » 8 sur les 20 élèves d'une ligne, 0 sur une autre",
  apprentisNombres: "extraction : colonne « Apprentis » remplie de nombres (8, 1 et 0)",
  question: "extraction : « Statut » (« Scolaire ») et une colonne « Apprenti » répondue « oui »",
  choisie: "extraction : deux colonnes de statut, « Public » choisie dans Contrôle",
};

async function dotations(
  effectifs: CellValue[][],
  colonnes?: Record<string, CorrectionColonnes>,
): Promise<ResultatDotations> {
  return calculerDotations(new MemoryWorkbook({ Paris: effectifs }), {
    feuillesEffectifs: ["Paris"],
    annee: 2024,
    parametres: Parametres.embarques(),
    colonnes,
  });
}

const nettePreBac = (r: ResultatDotations) => texteDecimal(r.etablissements[0].nette.preBac.valeur);
const codes = (r: ResultatDotations) => r.constats.map((c) => [c.code, c.ligne, c.colonne]);

describe("Corpus : le statut dans plusieurs colonnes (R5)", () => {
  test(CAS.deuxStatuts, async () => {
    const r = await dotations([
      ["UAI", "Statut", "Code formation", "Libellé", "Statut élève", "Effectif"],
      ["0750655E", "Public", "50022139", "CUISINE (CAP)", "Scolaire", 12],
      ["0750655E", "Public", "50022139", "CUISINE (CAP)", "Apprenti", 8],
    ]);
    // Avant : « Public » lu, « Statut élève » ignoré (info) : 20 × 157 = 3 140,00 €.
    expect(nettePreBac(r)).toBe("1884.00");
    expect(codes(r)).toEqual([
      ["statut-plusieurs-colonnes", 1, "E"],
      ["apprentissage", 3, "E"],
    ]);
    expect(r.constats[0].message).toBe("« Statut élève » dit aussi le statut : lue avec la colonne B.");
  });

  test(CAS.voie, async () => {
    const r = await dotations([
      ["UAI", "Code formation", "Libellé", "Voie", "Effectif"],
      ["0750655E", "50022139", "CUISINE (CAP)", "Scolaire", 12],
      ["0750655E", "50022139", "CUISINE (CAP)", "Apprentissage", 8],
    ]);
    // Avant : la colonne « Voie » n'était pas lue : 20 × 157 = 3 140,00 €.
    expect(nettePreBac(r)).toBe("1884.00");
    expect(codes(r)).toEqual([["apprentissage", 3, "D"]]);
  });

  test(CAS.question, async () => {
    const r = await dotations([
      ["UAI", "Code formation", "Libellé", "Statut", "Apprenti", "Effectif"],
      ["0750655E", "50022139", "CUISINE (CAP)", "Scolaire", "non", 12],
      ["0750655E", "50022139", "CUISINE (CAP)", "Scolaire", "oui", 8],
    ]);
    // Avant : « Scolaire » lu, « Apprenti » ignoré : 20 × 157 = 3 140,00 €.
    expect(nettePreBac(r)).toBe("1884.00");
    expect(codes(r)).toEqual([
      ["statut-plusieurs-colonnes", 1, "E"],
      ["apprentissage", 3, "E"],
    ]);
    // The question column names itself in the message, as when it is the only one.
    expect(r.constats[1].message).toMatch(/^Apprenti « oui » : l'ARE n'est pas applicable/);
  });

  test(CAS.choisie, async () => {
    const effectifs = [
      ["UAI", "Statut", "Code formation", "Libellé", "Statut élève", "Effectif"],
      ["0750655E", "Public", "50022139", "CUISINE (CAP)", "Scolaire", 12],
      ["0750655E", "Public", "50022139", "CUISINE (CAP)", "Apprenti", 8],
    ];
    // The user said which column is the status: only that one is read (here, wrongly, « Public »):
    // 20 × 157 = 3 140,00 €, and the other column is named as ignored.
    const r = await dotations(effectifs, {
      Paris: { statut: { index: 1, entete: "Statut", rang: 0, sur: 1 } },
    });
    expect(nettePreBac(r)).toBe("3140.00");
    expect(r.constats.map((c) => c.code)).toEqual(["colonne-en-double"]);
    // « Statut élève » chosen: 12 × 157 = 1 884,00 €.
    const eleve = await dotations(effectifs, {
      Paris: { statut: { index: 4, entete: "Statut élève", rang: 0, sur: 1 } },
    });
    expect(nettePreBac(eleve)).toBe("1884.00");
  });

  test(CAS.dontApprentis, async () => {
    const r = await dotations([
      ["UAI", "Code formation", "Libellé", "Effectif", "Dont apprentis"],
      ["0750655E", "50022139", "CUISINE (CAP)", 20, 8],
      ["0750655E", "50022141", "PATISSIER (CAP)", 12, 0],
    ]);
    // Avant : la colonne n'était pas lue, les 8 apprentis payés : 32 × 157 = 5 024,00 €. Après : la
    // ligne mêlée n'est pas comptée (l'effectif ne se partage pas), 12 × 157 = 1 884,00 €.
    expect(nettePreBac(r)).toBe("1884.00");
    expect(codes(r)).toEqual([["statut-mixte", 2, "E"]]);
    expect(r.constats[0].message).toBe(
      "Dont apprentis « 8 » : élèves et apprentis ou stagiaires sur une même ligne ? Seuls les élèves comptent : une ligne par statut. Ligne non comptée.",
    );
  });

  test(CAS.apprentisNombres, async () => {
    const r = await dotations([
      ["UAI", "Code formation", "Libellé", "Effectif", "Apprentis"],
      ["0750655E", "50022139", "CUISINE (CAP)", 20, 8],
      ["0750655E", "50022137", "BOULANGER (CAP)", 15, 1],
      ["0750655E", "50022141", "PATISSIER (CAP)", 12, 0],
    ]);
    // Avant : 8 lu comme un statut inconnu (compté), 1 comme « oui » : (20 + 12) × 157 = 5 024,00 €.
    // Après : 8 mêle élèves et apprentis (erreur), 1 reste « oui » (ligne d'apprentis), 0 « non » :
    // 12 × 157 = 1 884,00 €.
    expect(nettePreBac(r)).toBe("1884.00");
    expect(codes(r)).toEqual([
      ["statut-mixte", 2, "E"],
      ["apprentissage", 3, "E"],
    ]);
  });

  test(CAS.controle, async () => {
    const dir = tempDir();
    try {
      const csv = path.join(dir, "paris.csv");
      fs.writeFileSync(
        csv,
        "UAI;Statut;Code formation;Libellé;Statut élève;Effectif\n" +
          "0750655E;Public;50022139;CUISINE (CAP);Scolaire;12\n" +
          "0750655E;Public;50022139;CUISINE (CAP);Apprenti;8\n",
      );
      const r = await run(["controle", csv, "--annee", "2024"]);
      // Avant : « Colonnes ignorées : E « Statut élève » » and 20 pupils counted.
      expect(r.stdout).toContain("Statut lu aussi dans : E « Statut élève »\n");
      expect(r.stdout).not.toContain("Colonnes ignorées");
      expect(r.stdout).toContain("Lignes lues : 2 non vides — 1 comptée, 1 écartée\n");
      expect(r.stdout).toContain("12 pré-bac");
    } finally {
      removeDir(dir);
    }
  });

  test(CAS.nonLues, async () => {
    const dir = tempDir();
    try {
      const csv = path.join(dir, "niveaux.csv");
      fs.writeFileSync(
        csv,
        "UAI;Code formation;Libellé;Niveau;Type de contrat élève;Effectif\n" +
          "0750655E;50022139;CUISINE (CAP);1;Scolaire;20\n" +
          "0750655E;50022137;BOULANGER (CAP);2;Apprenti;18\n",
      );
      // Neither title is recognised: 38 × 157 = 5 966,00 € are paid, 2nd years and apprentices
      // included — said now by two alertes (before: « 0 alerte »), each naming how to have it read.
      const r = await run(["dotations", csv, "--annee", "2024", "--json"]);
      const json = JSON.parse(r.stdout) as { constats: { code: string; colonne: string; message: string }[] };
      const nonLues = json.constats.filter((c) => c.code === "colonne-non-lue");
      expect(nonLues.map((c) => c.colonne)).toEqual(["D", "E"]);
      expect(nonLues[0].message).toBe(
        "La colonne « Niveau » n'est pas lue : son titre n'est pas reconnu. Si elle dit l'année dans la formation ou le statut des élèves (apprentis, formation continue), renommez-la (« Année de formation », « Statut ») ou désignez-la avec --colonne, puis relancez : sinon les élèves de 2e année ou les apprentis qu'elle signale sont payés.",
      );
      // Designated, « Niveau » is read as the year of formation: 20 × 157 = 3 140,00 € (the
      // apprentices' row is of 2nd year too).
      const lue = await run(["dotations", csv, "--annee", "2024", "--colonne", "anneeFormation=D", "--json"]);
      expect(JSON.parse(lue.stdout).totaux.dotationNette.total).toBe("3140.00");
      // Beside a column that gives the year of formation, a « Niveau » (the diploma's level) is not
      // flagged; an unrecognised status title still is.
      const controle = await run([
        "controle",
        csv,
        "--annee",
        "2024",
        "--colonne",
        "anneeFormation=D",
        "--json",
      ]);
      expect(
        JSON.parse(controle.stdout)
          .constats.filter((c: { code: string }) => c.code === "colonne-non-lue")
          .map((c: { colonne: string }) => c.colonne),
      ).toEqual(["E"]);
      // Beside a plain « Année » (here the school year, which is skipped), « Niveau » is still named.
      const avecAnnee = path.join(dir, "annee-scolaire.csv");
      fs.writeFileSync(
        avecAnnee,
        "UAI;Code formation;Libellé;Année;Niveau;Effectif\n0750655E;50022139;CUISINE (CAP);2023;2;20\n",
      );
      const scolaire = await run(["controle", avecAnnee, "--annee", "2024", "--json"]);
      expect(
        JSON.parse(scolaire.stdout)
          .constats.filter((c: { code: string }) => c.code === "colonne-non-lue")
          .map((c: { colonne: string }) => c.colonne),
      ).toEqual(["E"]);
    } finally {
      removeDir(dir);
    }
  });

  test("chaque cas figure dans le tableau de docs/security.md", () => {
    const doc = fs.readFileSync(path.join(__dirname, "..", "..", "docs", "security.md"), "utf8");
    expect(Object.values(CAS).filter((nom) => !doc.includes(nom))).toEqual([]);
  });
});
