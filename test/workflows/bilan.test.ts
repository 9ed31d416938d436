/**
 * Bilan (R11) on the in-memory workbook: the template prepared from the effectif and dotations sheets,
 * then filled in as a gestionnaire would, and checked. Figures computed by hand from the published
 * forfaits (2024-2025: 157 €, 56 €) and the amounts typed in the bilans.
 */
import { Decimal, Parametres, TYPES_EQUIPEMENT, formaterTrace, texteDecimal } from "../../src/rules";
import { MemoryWorkbook } from "../../src/workbook/memory";
import type { CellValue } from "../../src/workbook/port";
import {
  calculerDotations,
  controlerBilan,
  ecrireControleBilan,
  ecrireDotations,
  ecrireModeleBilan,
  preparerModeleBilan,
  type ResultatControleBilan,
} from "../../src/workflows";
import { ETABLISSEMENTS, PARIS, copie } from "./classeur";

const parametres = Parametres.embarques();
const euros = (d: Decimal | null | undefined) => (d == null ? d : texteDecimal(d));
const [EPI, VETEMENT, MATERIEL, CONSOMMABLES] = [
  TYPES_EQUIPEMENT[1],
  TYPES_EQUIPEMENT[0],
  TYPES_EQUIPEMENT[2],
  TYPES_EQUIPEMENT[3],
];

/** Paris and the establishments sheet, with the dotations 2024-2025 written. */
async function classeurAvecDotations(): Promise<MemoryWorkbook> {
  const classeur = new MemoryWorkbook({ Paris: copie(PARIS), Établissements: copie(ETABLISSEMENTS) });
  const dotations = await calculerDotations(classeur, {
    feuillesEffectifs: ["Paris"],
    feuilleEtablissements: "Établissements",
    annee: 2024,
    parametres,
  });
  await ecrireDotations(classeur, dotations);
  return classeur;
}

async function modeleArago(classeur: MemoryWorkbook): Promise<string> {
  const modele = await preparerModeleBilan(classeur, {
    uai: "0750655E",
    annee: 2024,
    feuillesEffectifs: ["Paris"],
    feuilleDotations: "Dotations ARE 2024-2025",
  });
  return ecrireModeleBilan(classeur, modele);
}

/** What a gestionnaire types: per code, élèves aidés, montant des achats, type d'équipement. */
type Saisie = [CellValue, CellValue, CellValue];

/** Fills the template's rows (found by code, column B) in place, as a user would in Excel. */
function remplir(classeur: MemoryWorkbook, feuille: string, saisies: Record<string, Saisie>): void {
  const values = classeur.sheet(feuille)!.values;
  for (const row of values) {
    const saisie = saisies[String(row[1])];
    if (saisie) [row[4], row[5], row[6]] = saisie;
  }
}

/** Sets a form value (label in A, value in B). */
function champ(classeur: MemoryWorkbook, feuille: string, libelle: string, valeur: CellValue): void {
  const row = classeur.sheet(feuille)!.values.find((r) => String(r[0]).startsWith(libelle))!;
  row[1] = valeur;
}

describe("Modèle de bilan d'un établissement", () => {
  test("UAI, nom, année, dotations reçues nettes et reliquats antérieurs de la feuille Dotations, une ligne par formation éligible", async () => {
    const classeur = await classeurAvecDotations();
    const modele = await preparerModeleBilan(classeur, {
      uai: "0750655E",
      annee: 2024,
      feuillesEffectifs: ["Paris"],
      feuilleDotations: "Dotations ARE 2024-2025",
    });
    expect(modele.nom).toBe("Lycée Arago");
    // Nettes 2024-2025 (test/workflows/dotations.test.ts): pré-bac 672 + 8 478 − 1 200,50 = 7 949,50 ; post-bac 14 × 157.
    expect(euros(modele.dotations.preBac)).toBe("7949.50");
    expect(euros(modele.dotations.postBac)).toBe("2198.00");
    expect(euros(modele.reliquats.preBac)).toBe("1200.50");
    expect(euros(modele.reliquats.postBac)).toBe("0.00");
    expect(modele.formations.map((f) => [f.code, f.libelle, f.enveloppe, f.effectif])).toEqual([
      ["40025408", "REPARATION DES CARROSSERIES (BAC PRO)", "preBac", 30],
      ["50022137", "BOULANGER (CAP)", "preBac", 24],
      ["67010031", "3EME PREPA-METIERS", "preBac", 12],
      ["32025520", "ELECTROTECHNIQUE (BTS)", "postBac", 40],
    ]);
    // Only constats about Arago's rows (or whole sheets) are kept: none here.
    expect(modele.constats).toEqual([]);
  });

  // A sheet refused whole (two « Effectif » columns, 24 and 30): its erreur is at the header row, whose
  // UAI cell reads « UAI », and was dropped as not about the establishment — the template said only
  // « aucune formation éligible … vérifiez l'UAI », not which column to choose.
  test("une feuille refusée entière (deux colonnes « Effectif ») : son erreur deux-colonnes reste dans les constats du modèle", async () => {
    const classeur = new MemoryWorkbook({
      Paris: [
        ["UAI", "Code formation", "Libellé", "Effectif", "Effectif"],
        ["0750655E", "50022137", "BOULANGER (CAP)", 24, 30],
      ],
    });
    const modele = await preparerModeleBilan(classeur, {
      uai: "0750655E",
      annee: 2024,
      feuillesEffectifs: ["Paris"],
    });
    expect(modele.formations).toEqual([]);
    expect(modele.constats.map((c) => c.code)).toEqual(
      expect.arrayContaining(["deux-colonnes", "etablissement-introuvable"]),
    );
  });

  test("la feuille écrite : champs à compléter, colonnes du bilan, listes des enveloppes et des quatre types", async () => {
    const classeur = await classeurAvecDotations();
    const nom = await modeleArago(classeur);
    expect(nom).toBe("Bilan ARE 0750655E 2024-2025");
    const sortie = classeur.sheet(nom)!.output!;
    expect(sortie.fields!.map((f) => [f.label, f.value])).toEqual([
      ["UAI", "0750655E"],
      ["Établissement", "Lycée Arago"],
      ["Année scolaire", "2024-2025"],
      ["Dotation reçue pré-bac (initiale et complémentaire)", 7949.5],
      ["Reliquat antérieur pré-bac", 1200.5],
      ["Dotation reçue post-bac (initiale et complémentaire)", 2198],
      ["Reliquat antérieur post-bac", 0],
    ]);
    expect(sortie.columns.map((c) => c.header)).toEqual([
      "Libellé de la formation",
      "Code formation diplôme",
      "Enveloppe",
      "Effectif n-1 (référence)",
      "Élèves aidés",
      "Montant des achats",
      "Type d'équipement",
    ]);
    expect(sortie.columns[6].choices).toEqual(TYPES_EQUIPEMENT);
    expect(sortie.columns[2].choices).toEqual(["pré-bac", "post-bac"]);
    expect(sortie.rows[1]).toEqual(["BOULANGER (CAP)", "50022137", "pré-bac", 24, null, null, null]);
  });

  test("un modèle déjà rempli n'est jamais remplacé : le nouveau va dans « … (2) »", async () => {
    const classeur = await classeurAvecDotations();
    const premier = await modeleArago(classeur);
    // Rewritten while still blank: replaced in place.
    expect(await modeleArago(classeur)).toBe(premier);
    remplir(classeur, premier, { "50022137": [24, 3000, EPI] });
    const avant = copie(classeur.sheet(premier)!.values);
    // Excel caps sheet names at 31 characters: the name is cut before « (2) ».
    expect(await modeleArago(classeur)).toBe("Bilan ARE 0750655E 2024-202 (2)");
    expect(classeur.sheet(premier)!.values).toEqual(avant);
  });

  test("la feuille des dotations d'une autre année n'est pas reprise : une erreur, dotations et reliquats à saisir", async () => {
    const classeur = await classeurAvecDotations();
    const modele = await preparerModeleBilan(classeur, {
      uai: "0750655E",
      annee: 2023,
      feuillesEffectifs: ["Paris"],
      feuilleDotations: "Dotations ARE 2024-2025",
    });
    expect(modele.constats.map((c) => [c.code, c.gravite])).toEqual([["dotations-autre-annee", "erreur"]]);
    expect(modele.constats[0].message).toBe(
      "La feuille « Dotations ARE 2024-2025 » donne les dotations 2024-2025, et le bilan est celui de 2023-2024 : ses dotations ne sont pas reprises. Donnez la feuille « Dotations ARE 2023-2024 » (calculée pour 2023-2024), ou préparez le bilan de 2024-2025.",
    );
    // Never 7 949,50 € (the 2024-2025 net pré-bac) typed as received in 2023-2024.
    expect(modele.dotations).toEqual({ preBac: null, postBac: null });
    expect(modele.reliquats).toEqual({ preBac: null, postBac: null });
    expect(modele.formations.length).toBeGreaterThan(0);
  });

  test("une feuille de dotations renommée dit encore son année par son titre ; sans année, elle est lue", async () => {
    const classeur = await classeurAvecDotations();
    const values = classeur.sheet("Dotations ARE 2024-2025")!.values as CellValue[][];
    expect(String(values[0][0])).toMatch(/^Dotations ARE 2024-2025 — /);
    const renommee = new MemoryWorkbook({ Paris: copie(PARIS), Feuil1: copie(values) });
    const options = { uai: "0750655E", feuillesEffectifs: ["Paris"], feuilleDotations: "Feuil1" };
    const autre = await preparerModeleBilan(renommee, { ...options, annee: 2023 });
    expect(autre.constats.map((c) => c.code)).toEqual(["dotations-autre-annee"]);
    expect(autre.dotations.preBac).toBeNull();
    const bonne = await preparerModeleBilan(renommee, { ...options, annee: 2024 });
    expect(bonne.constats).toEqual([]);
    expect(euros(bonne.dotations.preBac)).toBe("7949.50");

    // A sheet typed by hand names no year: read as given.
    const sansAnnee = new MemoryWorkbook({ Paris: copie(PARIS), Feuil1: copie(values.slice(1)) });
    const lue = await preparerModeleBilan(sansAnnee, { ...options, annee: 2023 });
    expect(lue.constats.map((c) => c.code)).not.toContain("dotations-autre-annee");
    expect(euros(lue.dotations.preBac)).toBe("7949.50");
  });

  test("un UAI absent des effectifs et de la feuille Dotations : constats, modèle sans ligne", async () => {
    const classeur = await classeurAvecDotations();
    const modele = await preparerModeleBilan(classeur, {
      uai: "0930122C",
      annee: 2024,
      feuillesEffectifs: ["Paris"],
      feuilleDotations: "Dotations ARE 2024-2025",
    });
    expect(modele.formations).toEqual([]);
    expect(modele.constats.map((c) => c.code)).toEqual(["etablissement-introuvable"]);
    // 0930122C is in the dotations (establishments sheet only): its reliquat pré-bac 500 was deducted.
    expect(euros(modele.reliquats.preBac)).toBe("500.00");
    expect(euros(modele.dotations.preBac)).toBe("0.00");
  });
});

/** Arago's bilan, filled in: pré-bac 3 000 + 4 200,50 + 600 = 7 800,50 ; post-bac 2 000. */
async function bilanArago(
  saisies?: Record<string, Saisie>,
): Promise<{ classeur: MemoryWorkbook; feuille: string }> {
  const classeur = await classeurAvecDotations();
  const feuille = await modeleArago(classeur);
  remplir(
    classeur,
    feuille,
    saisies ?? {
      "50022137": [24, 3000, EPI],
      "40025408": [30, "4 200,50 €", MATERIEL],
      "67010031": [12, 600, VETEMENT],
      "32025520": [14, 2000, CONSOMMABLES],
    },
  );
  return { classeur, feuille };
}

describe("Contrôle d'un bilan rempli", () => {
  test("reliquat reporté par enveloppe : pré-bac 7 949,50 + 1 200,50 − 7 800,50 = 1 349,50 ; post-bac 2 198 − 2 000 = 198,00", async () => {
    const { classeur, feuille } = await bilanArago();
    const r = await controlerBilan(classeur, feuille, { annee: 2030 });
    expect(r.annee).toBe(2024); // the bilan's own year
    expect([r.uai, r.nom]).toEqual(["0750655E", "Lycée Arago"]);
    expect(r.constats).toEqual([]);
    expect(r.lignes).toMatchObject({ nonVides: 4, comptees: 4, ecartees: 0 });
    const pre = r.enveloppes.preBac;
    expect(euros(pre.depense)).toBe("7800.50");
    expect(euros(pre.solde!.disponible.valeur)).toBe("9150.00");
    expect(euros(pre.solde!.nouveauReliquat.valeur)).toBe("1349.50");
    expect(pre.elevesAides).toBe(66);
    expect(formaterTrace(pre.solde!.nouveauReliquat.trace)).toBe(
      "Reliquat pré-bac reporté : 9\u202f150,00\u00a0€ − dépensé 7\u202f800,50\u00a0€ = 1\u202f349,50\u00a0€ (reliquat déduit de la dotation suivante)",
    );
    expect(euros(r.enveloppes.postBac.solde!.nouveauReliquat.valeur)).toBe("198.00");
    expect(r.achats.map((a) => a.types)).toEqual([[MATERIEL], [EPI], [VETEMENT], [CONSOMMABLES]]);
  });

  test("la feuille de contrôle dit, par enveloppe, le disponible, l'achat retenu et le reliquat reporté", async () => {
    const { classeur, feuille } = await bilanArago();
    const r = await controlerBilan(classeur, feuille, { annee: 2024 });
    const nom = await ecrireControleBilan(classeur, r);
    expect(nom).toBe("Contrôle bilan 0750655E");
    const heading = classeur.sheet(nom)!.output!.heading;
    expect(heading[2]).toBe(
      "Pré-bac : dotation reçue 7\u202f949,50\u00a0€ + reliquat antérieur 1\u202f200,50\u00a0€ = 9\u202f150,00\u00a0€ disponibles ; 7\u202f800,50\u00a0€ d'achats retenus (3 lignes, 66 élèves aidés) ; Reliquat pré-bac reporté : 9\u202f150,00\u00a0€ − dépensé 7\u202f800,50\u00a0€ = 1\u202f349,50\u00a0€ (reliquat déduit de la dotation suivante).",
    );
  });

  test("plusieurs types pour une formation : une ligne par type, les élèves aidés comptés une fois", async () => {
    const { classeur, feuille } = await bilanArago({ "50022137": [24, 1000, `${EPI} ; ${MATERIEL}`] });
    const values = classeur.sheet(feuille)!.values;
    const index = values.findIndex((row) => row[1] === "50022137");
    values.splice(index + 1, 0, ["BOULANGER (CAP)", "50022137", "pré-bac", 24, 20, 500, CONSOMMABLES]);
    const r = await controlerBilan(classeur, feuille, { annee: 2024 });
    expect(r.constats).toEqual([]);
    expect(euros(r.enveloppes.preBac.depense)).toBe("1500.00");
    expect(r.enveloppes.preBac.elevesAides).toBe(24);
    expect(r.achats[1].types).toEqual([EPI, MATERIEL]);
  });
});

describe("Bilans : accords au singulier", () => {
  test("1 élève aidé pour un effectif de référence de 0 : au singulier", async () => {
    const { classeur, feuille } = await bilanArago({ "50022137": [1, 100, EPI] });
    const values = classeur.sheet(feuille)!.values;
    values.find((row) => row[1] === "50022137")![3] = 0; // effectif de référence
    const r = await controlerBilan(classeur, feuille, { annee: 2024 });
    expect(r.constats.find((c) => c.code === "eleves-aides-superieurs")?.message).toMatch(
      /^Formation 50022137 : 1 élève aidé pour un effectif de référence de 0\. /,
    );
  });
});

describe("Bilans mal remplis : des constats, jamais d'exception, aucune ligne perdue", () => {
  async function mauvais(): Promise<ResultatControleBilan> {
    const { classeur, feuille } = await bilanArago({
      "50022137": [24, -150, EPI], // montant négatif
      "40025408": [30, "beaucoup", MATERIEL], // texte dans le montant
      "67010031": [15, 300, "voyage scolaire"], // type inconnu ; 15 > 12
      "32025520": [45, 2500, CONSOMMABLES], // 45 > 40 élèves ; 2 500 > 2 198 disponibles
    });
    const values = classeur.sheet(feuille)!.values;
    values.push(
      ["ST2S", "43033104", "pré-bac", 30, 30, 900, EPI], // formation non éligible
      ["BTS MCO", "32031213", "pré-bac", 25, 10, 800, MATERIEL], // enveloppe croisée
      ["Inconnue", "5002213", "pré-bac", null, 5, 100, EPI], // code mal formé
      ["CAP CUISINE", "50022139", "pré-bac", null, 6, 700, null], // sans type ni effectif de référence
      ["CAP PATISSIER", "50022141", "pré-bac", 10, "dix", 50, EPI], // élèves illisibles
      ["Total", null, null, null, 150, 5000, null], // ligne de total
    );
    champ(classeur, feuille, "Dotation reçue pré-bac", null); // enveloppe pré-bac sans dotation
    return controlerBilan(classeur, feuille, { annee: 2024 });
  }

  test("chaque défaut donne son constat à sa ligne et sa colonne", async () => {
    const r = await mauvais();
    const vus = r.constats.map((c) => [c.code, c.gravite, c.ligne, c.colonne]);
    // Template: 5 heading lines, a blank, 7 fields (rows 7-13), a blank, header row 15, data from row 16.
    expect(vus).toEqual(
      expect.arrayContaining([
        ["dotation-recue-manquante", "erreur", 10, "B"],
        ["montant-negatif", "erreur", 17, "F"],
        ["montant-illisible", "erreur", 16, "F"],
        ["type-equipement-inconnu", "erreur", 18, "G"],
        ["depassement-enveloppe", "erreur", 12, "B"],
        ["eleves-aides-superieurs", "alerte", 19, "E"],
        ["bilan-formation-non-eligible", "erreur", 20, "B"],
        ["enveloppe-croisee", "erreur", 21, "C"],
        ["code-invalide", "erreur", 22, "B"],
        ["type-equipement-manquant", "alerte", 23, "G"],
        ["effectif-reference-inconnu", "info", 23, "D"],
        ["eleves-aides-illisible", "erreur", 24, "E"],
        ["ligne-total", "info", 25, "A"],
      ]),
    );
    expect(r.constats.find((c) => c.code === "montant-negatif")!.message).toContain("« -150 » négatif");
    expect(r.constats.find((c) => c.code === "enveloppe-croisee")!.message).toContain("non fongibles");
    expect(r.constats.find((c) => c.code === "code-invalide")!.message).toContain(
      "Achat de 100,00\u00a0€ non retenu",
    );
  });

  test("le compte des lignes tombe juste : non vides = retenues + écartées", async () => {
    const r = await mauvais();
    expect(r.lignes.nonVides).toBe(10);
    expect(r.lignes.comptees + r.lignes.ecartees).toBe(10);
    // Retained: 32025520 (2 500) and 50022139 (700, pré-bac).
    expect(r.achats.map((a) => a.code)).toEqual(["32025520", "50022139"]);
  });

  test("sans dotation reçue, le reliquat pré-bac n'est pas calculé ; le post-bac dépasse de 302,00 € (signalé), et l'achat de BTS imputé sur le pré-bac le laisse non calculé", async () => {
    const r = await mauvais();
    expect(r.enveloppes.preBac.solde).toBeNull();
    expect(euros(r.enveloppes.preBac.depense)).toBe("700.00");
    // Rows 16-22 and 24 are purchases in erreur with an amount; 21 (BTS MCO, post-bac formation
    // charged to pré-bac) concerns both envelopes.
    expect(r.enveloppes.preBac.achatsEnErreur).toEqual([16, 17, 18, 20, 21, 22, 24]);
    expect(r.enveloppes.preBac.manque).toBe(
      "la dotation reçue et la correction des 7 achats en erreur (lignes 16, 17, 18, 20, 21, 22 et 24)",
    );
    expect(r.enveloppes.postBac.solde).toBeNull();
    expect(r.enveloppes.postBac.achatsEnErreur).toEqual([21]);
    expect(euros(r.enveloppes.postBac.depense)).toBe("2500.00");
    // 2 500 retained for 2 198 available: the overspending is reported all the same.
    const depassement = r.constats.find((c) => c.code === "depassement-enveloppe")!;
    expect(depassement.message).toContain("dépassement de 302,00\u00a0€"); // 2 500 − 2 198
  });

  test("enveloppe illisible, achats sans élève aidé, élèves aidés sans achat, année et reliquat antérieur non lus : leurs constats, aux bonnes cellules", async () => {
    const { classeur, feuille } = await bilanArago({
      "50022137": [24, 3000, EPI],
      "40025408": [null, 1500, MATERIEL], // achats sans élève aidé : retenus, à compléter
      "67010031": [12, null, VETEMENT], // élèves aidés sans achat : 0,00 € retenu
      "32025520": [14, 2000, CONSOMMABLES],
    });
    const values = classeur.sheet(feuille)!.values;
    values.push(["CAP CUISINE", "50022139", "lycée", null, 6, 700, EPI]); // enveloppe illisible
    champ(classeur, feuille, "Année scolaire", "l'an dernier");
    champ(classeur, feuille, "Reliquat antérieur pré-bac", null);
    const r = await controlerBilan(classeur, feuille, { annee: 2024 });
    const vus = r.constats.map((c) => [c.code, c.gravite, c.ligne, c.colonne]);
    // Fields rows 7-13 (UAI, Établissement, Année, Dotation pré-bac, Reliquat pré-bac…), table from row 16.
    expect(vus).toEqual(
      expect.arrayContaining([
        ["annee-scolaire-illisible", "erreur", 9, "B"],
        ["reliquat-anterieur-vide", "info", 11, "B"],
        ["eleves-aides-manquants", "alerte", 16, "E"],
        ["achat-sans-montant", "info", 18, "F"],
        ["enveloppe-illisible", "erreur", 20, "C"],
      ]),
    );
    expect(r.constats.find((c) => c.code === "annee-scolaire-illisible")!.message).toContain(
      "2024-2025 retenue",
    );
    expect(r.constats.find((c) => c.code === "enveloppe-illisible")!.message).toContain(
      "Enveloppe « lycée » illisible",
    );
    // Pré-bac: 3 000 + 1 500 + 0 retained; the 700 € row is not, and until its envelope is corrected
    // the reliquat is not computed (7 949,50 − 4 500 = 3 449,50 would carry those 700 € into next year).
    expect(euros(r.enveloppes.preBac.depense)).toBe("4500.00");
    expect(r.enveloppes.preBac.solde).toBeNull();
    // The year « l'an dernier » is unknown too: no reliquat is computed, whichever envelope (issue 15).
    expect(r.enveloppes.preBac.manque).toBe(
      "une année scolaire lisible et la correction de l'achat en erreur (ligne 20)",
    );
    // Post-bac: 2 000 retained, no row in erreur, but the year is unknown: not computed either.
    expect(euros(r.enveloppes.postBac.depense)).toBe("2000.00");
    expect(r.enveloppes.postBac.solde).toBeNull();
    expect(r.enveloppes.postBac.manque).toBe("une année scolaire lisible");
    expect(r.lignes).toMatchObject({ nonVides: 5, comptees: 4, ecartees: 1 });
  });

  test("un établissement absent de la feuille Dotations : le modèle le dit, dotations et reliquats à saisir", async () => {
    const classeur = await classeurAvecDotations();
    const dotations = classeur.sheet("Dotations ARE 2024-2025")!.values as CellValue[][];
    dotations.splice(
      dotations.findIndex((row) => row.includes("0750655E")),
      1,
    );
    const modele = await preparerModeleBilan(classeur, {
      uai: "0750655E",
      annee: 2024,
      feuillesEffectifs: ["Paris"],
      feuilleDotations: "Dotations ARE 2024-2025",
    });
    expect(modele.constats.map((c) => c.code)).toEqual(["dotations-introuvables"]);
    expect(modele.constats[0].message).toContain(
      "les dotations reçues et les reliquats antérieurs du bilan sont à saisir",
    );
    expect(modele.formations.length).toBeGreaterThan(0);
  });

  test("une feuille sans en-tête de bilan : une erreur, pas d'exception", async () => {
    const classeur = new MemoryWorkbook({ Bilan: [["n'importe quoi"], [1, 2, 3]] });
    const r = await controlerBilan(classeur, "Bilan", { annee: 2024 });
    expect(r.constats.map((c) => c.code)).toEqual(
      expect.arrayContaining([
        "annee-scolaire-absente",
        "uai-manquant",
        "dotation-recue-manquante",
        "entete-introuvable",
      ]),
    );
    expect(r.lignes.nonVides).toBe(r.lignes.ecartees);
  });

  test("un tableau illisible (colonne « Type d'équipement » absente) : aucun reliquat n'est deviné", async () => {
    const classeur = new MemoryWorkbook({
      Bilan: [
        ["UAI", "0750655E"],
        ["Année scolaire", "2024-2025"],
        ["Dotation reçue pré-bac", 1000],
        ["Dotation reçue post-bac", 0],
        [],
        ["Code formation", "Élèves aidés", "Montant des achats"],
        ["50022137", 10, 400],
      ],
    });
    const r = await controlerBilan(classeur, "Bilan", { annee: 2024 });
    expect(r.constats.map((c) => c.code)).toContain("colonne-manquante");
    expect(r.enveloppes.preBac.solde).toBeNull();
    expect(r.enveloppes.preBac.manque).toBe("un tableau des achats lisible");
    expect(r.lignes).toMatchObject({ nonVides: 1, ecartees: 1 });
  });
});
