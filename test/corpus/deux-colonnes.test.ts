/**
 * Corpus : deux colonnes d'une même valeur qui paie, côte à côte — deux « Taux de boursiers » (celui de
 * l'an passé et le dernier), deux « Reliquat pré-bac », deux « Réponse à l'enquête », deux « Élèves
 * supplémentaires » d'une demande, deux « Montant des achats » d'un bilan. Lire la plus à gauche serait
 * deviner un montant : la feuille n'est pas lue tant que l'utilisateur n'a pas dit laquelle lire
 * (regles.md#lecture.deux-colonnes), comme pour deux colonnes d'effectif.
 *
 * Montants calculés à la main, forfaits 2024-2025 publiés (157 € pré-bac et post-bac boursier) :
 * Arago (0750655E) a 10 élèves de CAP BOULANGER (10 × 157 = 1 570,00 €) et 10 de BTS maintenance des
 * véhicules ; à 30 %, 3 boursiers × 157 = 471,00 € ; à 50 %, 5 × 157 = 785,00 €.
 */
import * as fs from "fs";
import * as path from "path";
import type { DotationsJson } from "../../src/cli/json";
import { Parametres, texteDecimal } from "../../src/rules";
import { MemoryWorkbook } from "../../src/workbook/memory";
import type { CellValue } from "../../src/workbook/port";
import {
  calculerDotations,
  controlerBilan,
  preparerDemandeComplementaire,
  type ResultatDotations,
} from "../../src/workflows";
import type { CorrectionColonnes } from "../../src/workflows/types";
import { controlerFeuille } from "../../src/workflows";
import { chooseColumn } from "../../src/taskpane/check/mapping";
import { run } from "../cli/run";
import { removeDir, tempDir } from "../xlsx/helpers";

const parametres = Parametres.embarques();

const EFFECTIFS: CellValue[][] = [
  ["UAI", "Code formation", "Libellé", "Effectif"],
  ["0750655E", "50022137", "BOULANGER (CAP)", 10],
  ["0750655E", "32025215", "MAINTENANCE DES VEHICULES (BTS)", 10],
];

/** The names of the cases, as docs/security.md lists them. */
const CAS = {
  taux: "établissements : deux « Taux de boursiers » côte à côte, 30 % puis 50 %",
  reliquats: "établissements : deux « Reliquat pré-bac » côte à côte, 1 000 € puis 200 €",
  reponses: "établissements : deux « Réponse à l'enquête » côte à côte, « non » puis « oui »",
  separees: "établissements : deux « Taux de boursiers » séparés par une colonne sans titre",
  extraction: "extraction : deux « Reliquat pré-bac » à côté des effectifs",
  demande: "demande : deux « Élèves supplémentaires » côte à côte, 40 puis 4",
  bilan: "bilan : deux « Montant des achats » côte à côte",
  ligneDeCommande: "are dotations : deux « Taux de boursiers » dans le fichier des établissements",
  choisieSuivie:
    "extraction : deux « Reliquat pré-bac », le second choisi dans Contrôle, puis une colonne insérée avant : suivi, jamais deviné",
};

async function dotations(
  etablissements: CellValue[][],
  colonnes?: Record<string, CorrectionColonnes>,
  effectifs = EFFECTIFS,
): Promise<ResultatDotations> {
  return calculerDotations(new MemoryWorkbook({ Paris: effectifs, Établissements: etablissements }), {
    feuillesEffectifs: ["Paris"],
    feuilleEtablissements: "Établissements",
    annee: 2024,
    parametres,
    colonnes,
  });
}

const arago = (r: ResultatDotations) => r.etablissements.find((d) => d.uai === "0750655E")!;
const euros = (r: ResultatDotations) => {
  const d = arago(r);
  return [texteDecimal(d.nette.preBac.valeur), texteDecimal(d.nette.postBac.valeur)];
};
const refus = (r: { constats: readonly { code: string; colonne: string | null; message: string }[] }) =>
  r.constats.filter((c) => c.code === "deux-colonnes").map((c) => [c.colonne, c.message]);

describe("Corpus : deux colonnes d'une valeur qui paie", () => {
  test(CAS.taux, async () => {
    const etablissements = [
      ["UAI", "Taux de boursiers", "Taux de boursiers"],
      ["0750655E", "30 %", "50 %"],
    ];
    // Avant : 30 % lu (le plus à gauche), 3 × 157 = 471,00 € au lieu de 785,00 €, avec une info.
    const r = await dotations(etablissements);
    expect(refus(r)).toEqual([
      [
        "C",
        "Deux colonnes « Taux de boursiers », « Taux de boursiers » (B) et « Taux de boursiers » (C) : laquelle lire ? La feuille n'est pas lue : indiquez-la dans la correspondance des colonnes.",
      ],
    ]);
    expect(r.lignes.ecarteesParMotif).toEqual({ "deux-colonnes": 1 });
    // Sans taux, pas de ligne post-bac : rien n'est deviné.
    expect(arago(r).brute.postBac).toBeNull();
    expect(texteDecimal(arago(r).nette.preBac.valeur)).toBe("1570.00");
    // Le taux de C désigné (index 2) : 10 × 50 % = 5 boursiers × 157 = 785,00 €.
    const choisi = await dotations(etablissements, { Établissements: { tauxBoursiers: 2 } });
    expect(refus(choisi)).toEqual([]);
    expect(euros(choisi)).toEqual(["1570.00", "785.00"]);
  });

  test(CAS.reliquats, async () => {
    const etablissements = [
      ["UAI", "Taux de boursiers", "Reliquat pré-bac", "Reliquat pré-bac"],
      ["0750655E", "30 %", 1000, 200],
    ];
    // Avant : 1 000 € déduits (le plus à gauche) : 1 570 − 1 000 = 570,00 € au lieu de 1 370,00 €.
    const r = await dotations(etablissements);
    expect(refus(r).map(([colonne]) => colonne)).toEqual(["D"]);
    expect(arago(r).reliquats.preBac.isZero()).toBe(true);
    const choisi = await dotations(etablissements, { Établissements: { reliquatPreBac: 3 } });
    // 1 570 − 200 = 1 370,00 € ; 3 × 157 = 471,00 €.
    expect(euros(choisi)).toEqual(["1370.00", "471.00"]);
  });

  test(CAS.reponses, async () => {
    const etablissements = [
      ["UAI", "Taux de boursiers", "Réponse à l'enquête", "Réponse à l'enquête"],
      ["0750655E", "30 %", "non", "oui"],
    ];
    // Avant : « non » lu, 0,00 € versé au lieu de 1 570 + 471 = 2 041,00 €.
    const r = await dotations(etablissements);
    expect(refus(r).map(([colonne]) => colonne)).toEqual(["D"]);
    const choisi = await dotations(etablissements, { Établissements: { aRepondu: 3 } });
    expect(euros(choisi)).toEqual(["1570.00", "471.00"]);
  });

  test(CAS.separees, async () => {
    // Un second tableau au-delà d'une colonne sans titre n'est pas un rival : le premier est lu.
    const r = await dotations([
      ["UAI", "Taux de boursiers", null, "Taux de boursiers"],
      ["0750655E", "30 %", null, "50 %"],
    ]);
    expect(refus(r)).toEqual([]);
    expect(r.constats.filter((c) => c.code === "colonne-en-double").map((c) => c.colonne)).toEqual(["D"]);
    expect(euros(r)).toEqual(["1570.00", "471.00"]);
  });

  test(CAS.extraction, async () => {
    const effectifs = [
      ["UAI", "Code formation", "Effectif", "Reliquat pré-bac", "Reliquat pré-bac"],
      ["0750655E", "50022137", 10, 1000, 200],
    ];
    const r = await dotations(
      [
        ["UAI", "Taux de boursiers"],
        ["0750655E", "30 %"],
      ],
      undefined,
      effectifs,
    );
    expect(refus(r).map(([colonne]) => colonne)).toEqual(["E"]);
    expect(r.lignes.ecarteesParMotif).toEqual({ "deux-colonnes": 1 });
    const choisi = await dotations(
      [
        ["UAI", "Taux de boursiers"],
        ["0750655E", "30 %"],
      ],
      { Paris: { reliquatPreBac: 4 } },
      effectifs,
    );
    // 1 570 − 200 = 1 370,00 €.
    expect(texteDecimal(arago(choisi).nette.preBac.valeur)).toBe("1370.00");
  });

  test(CAS.demande, async () => {
    const classeur = new MemoryWorkbook({
      Demande: [
        ["Code formation diplôme", "Élèves supplémentaires", "Élèves supplémentaires"],
        ["50022137", 40, 4],
      ],
    });
    // Avant : 40 × 157 = 6 280,00 € demandés au lieu de 4 × 157 = 628,00 €.
    const r = await preparerDemandeComplementaire(classeur, "Demande", {
      annee: 2024,
      parametres,
      uai: "0750655E",
    });
    expect(refus(r).map(([colonne]) => colonne)).toEqual(["C"]);
    expect(r.demandees).toEqual([]);
    const choisi = await preparerDemandeComplementaire(classeur, "Demande", {
      annee: 2024,
      parametres,
      uai: "0750655E",
      colonnes: { supplementaires: 2 },
    });
    expect(choisi.demandees.map((l) => [l.supplementaires, texteDecimal(l.montant.valeur)])).toEqual([
      [4, "628.00"],
    ]);
  });

  test(CAS.bilan, async () => {
    const bilan = (entete: string[], achat: CellValue[]) =>
      new MemoryWorkbook({
        Bilan: [
          ["UAI", "0750655E"],
          ["Année scolaire", "2024-2025"],
          ["Dotation reçue pré-bac", 1570],
          ["Dotation reçue post-bac", 0],
          [],
          entete,
          achat,
        ],
      });
    const r = await controlerBilan(
      bilan(
        ["Code formation", "Élèves aidés", "Montant des achats", "Montant des achats", "Type d'équipement"],
        ["50022137", 10, 1200, 300, "Matériel, outillage et instruments"],
      ),
      "Bilan",
      { annee: 2024 },
    );
    expect(refus(r).map(([colonne]) => colonne)).toEqual(["D"]);
    expect(r.enveloppes.preBac.solde).toBeNull();
    // Deux « Effectif » dans un bilan, qui n'en tire aucun montant : la plus à gauche reste lue.
    const effectifs = await controlerBilan(
      bilan(
        ["Code formation", "Effectif", "Effectif", "Élèves aidés", "Montant des achats", "Type d'équipement"],
        ["50022137", 10, 12, 10, 300, "Matériel, outillage et instruments"],
      ),
      "Bilan",
      { annee: 2024 },
    );
    expect(refus(effectifs)).toEqual([]);
  });

  test(CAS.ligneDeCommande, async () => {
    const dossier = tempDir("are-deux-taux-");
    try {
      const effectifs = path.join(dossier, "paris.csv");
      const etab = path.join(dossier, "etab.csv");
      fs.writeFileSync(
        effectifs,
        "UAI;Code formation;Effectif\r\n0750655E;50022137;10\r\n0750655E;32025215;10\r\n",
      );
      fs.writeFileSync(etab, "UAI;Taux boursiers;Taux de boursiers\r\n0750655E;30 %;50 %\r\n");
      const args = ["dotations", effectifs, "--etablissements", etab, "--annee", "2024", "--json"];
      const refuse = await run(args);
      expect(refuse.code).toBe(2);
      expect(refuse.stdout).toBe("");
      // The hint names the sheet and the field as --colonne reads them: used as printed, it works.
      const option = /--colonne "([^"]+)=<lettre de la colonne>"/.exec(refuse.stderr)?.[1];
      expect(option).toBe("etab.csv:Taux de boursiers");
      const lu = await run([...args, "--colonne", `${option}=C`]);
      expect(lu.code).toBe(0);
      const json = JSON.parse(lu.stdout) as DotationsJson;
      // 1 570,00 € ; 10 × 50 % = 5 boursiers × 157 = 785,00 €.
      expect(json.etablissements.find((e) => e.uai === "0750655E")?.dotationNette).toMatchObject({
        preBac: "1570.00",
        postBac: "785.00",
      });
    } finally {
      removeDir(dossier);
    }
  });

  test(CAS.choisieSuivie, async () => {
    // Where the rule meets the pane's kept corrections (regles.md#lecture.correction-perimee): the
    // choice settles the ambiguity, follows its header when a column is inserted, and a third column
    // so titled makes the choice stale again.
    const classeur = new MemoryWorkbook({
      Paris: [
        ["UAI", "Code formation", "Effectif", "Reliquat pré-bac", "Reliquat pré-bac"],
        ["0750655E", "50022137", 10, 1000, 200],
      ],
    });
    const controle = await controlerFeuille(classeur, "Paris", { annee: 2024 });
    expect(refus(controle).map(([colonne]) => colonne)).toEqual(["E"]);
    // Shown unmapped in Contrôle: choosing E is a change of the dropdown.
    expect(controle.entete!.colonnes.reliquatPreBac).toBeUndefined();
    const correction = chooseColumn({}, "reliquatPreBac", 4, controle.entete!);
    const calcul = (c: CorrectionColonnes) =>
      calculerDotations(classeur, {
        feuillesEffectifs: ["Paris"],
        annee: 2024,
        parametres,
        colonnes: { Paris: c },
      });
    // 1 570 − 200 = 1 370,00 €.
    const lu = await calcul(correction);
    expect(lu.constats).toEqual([]);
    expect(texteDecimal(arago(lu).nette.preBac.valeur)).toBe("1370.00");
    // A column inserted before C: the chosen « Reliquat pré-bac » (the second) is followed to F.
    for (const [r, row] of classeur.sheet("Paris")!.values.entries()) row.splice(2, 0, r === 0 ? "Année" : 1);
    const suivi = await calcul(correction);
    expect(suivi.constats.map((c) => [c.code, c.colonne])).toEqual([["correction-suivie", "F"]]);
    expect(texteDecimal(arago(suivi).nette.preBac.valeur)).toBe("1370.00");
    // A third « Reliquat pré-bac »: which one the user meant is unknown again, the sheet is refused.
    for (const [r, row] of classeur.sheet("Paris")!.values.entries())
      row.push(r === 0 ? "Reliquat pré-bac" : 50);
    const perime = await calcul(correction);
    // Before: two infos « déjà lu dans la colonne undefined » beside the refusal.
    expect(perime.constats.map((c) => c.code)).toEqual(["correction-perimee"]);
    expect(perime.etablissements).toEqual([]);
  });

  test("chaque cas figure dans le tableau de docs/security.md", () => {
    const doc = fs.readFileSync(path.join(__dirname, "..", "..", "docs", "security.md"), "utf8");
    expect(Object.values(CAS).filter((nom) => !doc.includes(nom))).toEqual([]);
  });
});
