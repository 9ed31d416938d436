import { Decimal } from "../../src/rules";
import type { CellValue } from "../../src/workbook/port";
import { lire } from "./grille";

const EFFECTIFS: CellValue[][] = [
  ["UAI", "Code diplôme", "Effectif"],
  ["0750655E", "32025520", 40],
  ["0750654D", "32025520", 25],
];

/** Reads an establishments sheet (then the small effectif sheet above) and returns the registry. */
function etablissements(...rows: CellValue[][]) {
  return lire(EFFECTIFS, { etablissements: rows });
}

describe("Données d'établissement (taux, reliquats, réponse à l'enquête)", () => {
  test("taux de boursiers donné en ratio, en pourcentage texte, en nombre > 1 ou par les deux effectifs", () => {
    const { session, constats } = lire(EFFECTIFS, {
      etablissements: [
        ["UAI", "Taux de boursiers", "Boursiers", "Effectif total"],
        ["0750655E", 0.35, null, null],
        ["0750654D", "30 %", null, null],
        ["0930122C", 25, null, null],
        ["0941234F", null, 120, 480],
      ],
    });
    const taux = (uai: string) => session.registre.get(uai)?.taux?.valeur;
    expect(taux("0750655E")?.ratio.toString()).toBe("0.35");
    expect(taux("0750654D")?.ratio.toString()).toBe("0.3");
    expect(taux("0930122C")?.ratio.toString()).toBe("0.25");
    expect(taux("0941234F")?.ratio.toString()).toBe("0.25");
    expect(taux("0941234F")?.description).toBe("120 boursiers / 480 élèves (25\u00a0%)");
    expect(constats).toEqual([]);
  });

  test("reliquats lus exactement, au centime, depuis un nombre ou un texte « 1 200,50 € »", () => {
    const { session } = etablissements(
      ["UAI", "Reliquat pré-bac", "Reliquat post-bac"],
      ["0750655E", "1 200,50 €", 0],
      ["0750654D", 20000, "100,5"],
    );
    const reliquats = (uai: string) => session.registre.get(uai)!.reliquats();
    expect(reliquats("0750655E").preBac.equals(new Decimal("1200.50"))).toBe(true);
    expect(reliquats("0750655E").postBac.isZero()).toBe(true);
    expect(reliquats("0750654D").postBac.equals(new Decimal("100.50"))).toBe(true);
  });

  test("réponse à l'enquête : oui/non/vrai/faux/x/1/0 ; sans valeur, l'établissement est réputé avoir répondu", () => {
    const { session } = etablissements(
      ["UAI", "Réponse à l'enquête", "Reliquat pré-bac"],
      ["0750655E", "non", null],
      ["0750654D", "x", null],
      ["0930122C", 0, null],
      ["0941234F", null, 10],
    );
    const repondu = (uai: string) => session.registre.get(uai)?.aRepondu?.valeur;
    expect([repondu("0750655E"), repondu("0750654D"), repondu("0930122C"), repondu("0941234F")]).toEqual([
      false,
      true,
      false,
      undefined,
    ]);
  });

  test("valeurs illisibles : erreur sur la cellule, valeur non utilisée, motif gardé pour l'établissement", () => {
    const { de, session } = etablissements(
      ["UAI", "Taux de boursiers", "Reliquat pré-bac", "Reliquat post-bac", "A répondu"],
      ["0750655E", "beaucoup", "-12", "mille", "peut-être"],
      ["0750654D", 150, { error: "#N/A" }, "10,5555", "oui"],
    );
    expect(de("taux-illisible").map((c) => [c.gravite, c.ligne, c.colonne])).toEqual([
      ["erreur", 2, "B"],
      ["erreur", 3, "B"],
    ]);
    expect(de("reliquat-negatif")).toEqual([
      expect.objectContaining({ gravite: "erreur", ligne: 2, colonne: "C" }),
    ]);
    expect(de("reliquat-illisible").map((c) => [c.ligne, c.colonne])).toEqual([
      [2, "D"],
      [3, "C"],
    ]);
    expect(de("reponse-illisible")).toEqual([expect.objectContaining({ ligne: 2, colonne: "E" })]);
    expect(de("montant-arrondi")).toEqual([
      expect.objectContaining({ gravite: "alerte", ligne: 3, colonne: "D" }),
    ]);
    const lycee = session.registre.get("0750655E")!;
    expect(lycee.taux).toBeNull();
    expect(lycee.reliquats().preBac.isZero()).toBe(true);
    expect(lycee.anomalies).toHaveLength(4);
    // Read nowhere else: the reliquats and the answer leave the envelopes uncomputed (never 0 € and « oui »).
    expect(lycee.motifsAnomalies()).toEqual([
      "Taux de boursiers illisible (feuille « Établissements », cellule B2) : non pris en compte, corrigez la valeur.",
    ]);
    expect(lycee.enveloppesNonCalculables()).toEqual({
      preBac: expect.stringMatching(
        /^Réponse à l'enquête illisible \(feuille « Établissements », cellule E2\) : dotation non calculée/,
      ),
      postBac: expect.stringMatching(/^Réponse à l'enquête illisible/),
    });
    const autre = session.registre.get("0750654D")!;
    expect(autre.enveloppesNonCalculables()).toEqual({
      preBac: expect.stringMatching(
        /^Reliquat pré-bac illisible \(feuille « Établissements », cellule C3\) : enveloppe pré-bac non calculée/,
      ),
    });
  });

  // regles.md#lecture.valeurs-divergentes : deux lignes d'une même feuille ne disent pas laquelle est
  // juste (une table de plusieurs années) ; garder la première payait un ancien taux sous une alerte.
  test("deux valeurs différentes pour un même UAI dans la même feuille : erreur « valeurs-contradictoires », enveloppe non calculée", () => {
    const { de, session } = etablissements(
      ["UAI", "Taux de boursiers", "Reliquat pré-bac"],
      ["0750655E", "35 %", 100],
      ["0750655E", "40 %", 100],
    );
    expect(de("valeur-divergente")).toEqual([]);
    expect(de("valeurs-contradictoires")).toEqual([
      expect.objectContaining({ gravite: "erreur", ligne: 3, colonne: "B" }),
    ]);
    expect(de("valeurs-contradictoires")[0].message).toContain(
      "« 35\u00a0% » ligne 2 et « 40\u00a0% » ligne 3 de « Établissements »",
    );
    expect(session.registre.get("0750655E")!.enveloppesNonCalculables()).toEqual({
      postBac: expect.stringMatching(
        /^Taux de boursiers donné deux fois .* : enveloppe post-bac non calculée/,
      ),
    });
  });

  test("la feuille Établissements prévaut sur les mêmes colonnes répétées dans la feuille d'effectifs", () => {
    const { de, session } = lire(
      [
        ["UAI", "Code diplôme", "Effectif", "Taux de boursiers", "Reliquat pré-bac"],
        ["0750655E", "32025520", 40, 0.4, 100],
        ["0750655E", "32031213", 10, 0.4, 100],
      ],
      {
        etablissements: [
          ["UAI", "Taux de boursiers"],
          ["0750655E", 0.35],
        ],
      },
    );
    const lycee = session.registre.get("0750655E")!;
    expect(lycee.taux?.valeur.ratio.toString()).toBe("0.35");
    expect(lycee.reliquats().preBac.toString()).toBe("100");
    // The same cell repeated on every row is reported once.
    expect(de("valeur-divergente")).toEqual([
      expect.objectContaining({ feuille: "Paris", ligne: 2, colonne: "D" }),
    ]);
  });

  test("feuille Établissements : UAI manquant ou invalide écarté, total ignoré, doublon compté une fois", () => {
    const { session } = etablissements(
      ["UAI", "Reliquat pré-bac"],
      ["0750655E", 10],
      ["0750655E", 10],
      [null, 20],
      ["XYZ", 30],
      ["Total", 40],
    );
    const constats = session.constats.filter((c) => c.feuille === "Établissements");
    expect(constats.map((c) => [c.code, c.ligne])).toEqual([
      ["doublon", 3],
      ["uai-manquant", 4],
      ["uai-invalide", 5],
      ["ligne-total", 6],
    ]);
  });
});
