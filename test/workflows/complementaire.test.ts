/**
 * Demande de dotation complémentaire (R10) on the in-memory workbook. Expected amounts are computed by
 * hand from the published forfaits: 2024-2025, 157 € (pré-bac, post-bac boursier), 56 € (3ème
 * prépa-métiers); 2023-2024, 151 € and 54 € (arrêté n° 2023-087).
 */
import { Decimal, ErreurParametreManquant, Parametres, texteDecimal } from "../../src/rules";
import { MemoryWorkbook } from "../../src/workbook/memory";
import type { CellValue } from "../../src/workbook/port";
import {
  ecrireDemande,
  nomFeuilleDemande,
  preparerDemandeComplementaire,
  type ResultatDemande,
} from "../../src/workflows";
import { copie } from "./classeur";

const parametres = Parametres.embarques();
const euros = (d: Decimal) => texteDecimal(d);

const DEMANDE: CellValue[][] = [
  ["Demande du lycée Arago — rentrée 2024"],
  [],
  [
    "UAI",
    "Nom de l'établissement",
    "Code formation diplôme",
    "Intitulé de la formation",
    "Élèves supplémentaires",
    "Boursiers supplémentaires",
  ],
  ["0750655E", "Lycée Arago", "50022137", null, 4, null], // 4 CAP boulanger: 4 × 157 = 628
  ["0750655E", "Lycée Arago", 32025520, "BTS électrotechnique", 5, 2], // 2 boursiers: 2 × 157 = 314
  ["0750655E", "Lycée Arago", "67010031", null, 3, null], // 3 × 56 = 168
  ["0750655E", "Lycée Arago", "43033104", "ST2S", 6, null], // refusée : ST2S
  ["0750655E", "Lycée Arago", "24722106210", "MEF", 2, null], // code MEF
  ["0750655E", "Lycée Arago", "32031213", "MCO (BTS)", 3, null], // post-bac sans boursiers : refusée
  ["0750655E", "Lycée Arago", "50022141", "PATISSIER", 0, null], // rien demandé
  ["0750655E", "Lycée Arago", "40025408", "CARROSSERIE", "deux", null], // illisible
  ["0750654D", "Lycée Bréguet", "50022139", "CUISINE", 2, null], // autre établissement
  [null, null, null, "Total", 25, 2], // total
];

async function demande(
  values: CellValue[][] = DEMANDE,
  annee = 2024,
  options: { uai?: string } = {},
): Promise<{ r: ResultatDemande; classeur: MemoryWorkbook }> {
  const classeur = new MemoryWorkbook({ Demande: values });
  const r = await preparerDemandeComplementaire(classeur, "Demande", { annee, parametres, ...options });
  return { r, classeur };
}

describe("Demande de dotation complémentaire 2024-2025", () => {
  test("5 000 élèves supplémentaires sur une ligne : calculés (785 000,00 €), avec une alerte que le volet montre aussi", async () => {
    const { r } = await demande([
      ["Code formation diplôme", "Élèves supplémentaires"],
      ["50022137", 5000],
      ["50022141", 100],
    ]);
    // 5 000 × 157 = 785 000,00 € ; 100 × 157 = 15 700,00 € passe sans alerte (regles.md#complementaire.nombre-a-verifier).
    expect(r.demandees.map((l) => euros(l.montant.valeur))).toEqual(["785000.00", "15700.00"]);
    expect(r.constats.map((c) => [c.code, c.ligne])).toEqual([["supplementaires-a-verifier", 2]]);
  });

  test("4 élèves de CAP BOULANGER → 4 × 157 € = 628,00 € ; 2 boursiers de BTS → 314,00 € ; 3 élèves de 3ème prépa-métiers → 168,00 €", async () => {
    const { r } = await demande();
    expect(
      r.demandees.map((l) => [l.code, l.nsf, l.enveloppe, l.supplementaires, euros(l.montant.valeur)]),
    ).toEqual([
      ["50022137", 221, "preBac", 4, "628.00"],
      ["67010031", 100, "preBac", 3, "168.00"],
      ["32025520", 255, "postBac", 2, "314.00"],
    ]);
    expect(r.demandees.map((l) => l.ligne)).toEqual([4, 6, 5]);
    expect(euros(r.totaux.preBac!)).toBe("796.00"); // 628 + 168
    expect(euros(r.totaux.postBac!)).toBe("314.00");
    expect(euros(r.totaux.total!)).toBe("1110.00");
    expect(r.etablissement).toEqual({ uai: "0750655E", nom: "Lycée Arago" });
  });

  test("intitulé : celui de la feuille s'il est donné, sinon le libellé de la liste indicative", async () => {
    const { r } = await demande();
    expect(r.demandees.map((l) => l.intitule)).toEqual([
      "BOULANGER (CAP)",
      "3EME PREPA-METIERS",
      "BTS électrotechnique",
    ]);
  });

  test("chaque ligne non demandée a son constat, avec sa gravité : rien n'est perdu", async () => {
    const { r } = await demande();
    const parLigne = Object.fromEntries(r.constats.map((c) => [c.ligne, [c.code, c.gravite]]));
    expect(parLigne).toEqual({
      7: ["demande-non-eligible", "erreur"],
      8: ["code-mef", "erreur"],
      9: ["demande-mauvaise-colonne", "erreur"],
      10: ["demande-nulle", "info"],
      11: ["supplementaires-illisible", "erreur"],
      12: ["demande-autre-etablissement", "erreur"],
      13: ["ligne-total", "info"],
    });
    expect(r.constats.find((c) => c.ligne === 7)!.message).toContain("ST2S");
    expect(r.constats.find((c) => c.ligne === 9)!.message).toContain(
      "seuls les boursiers supplémentaires comptent",
    );
    expect(r.lignes.nonVides).toBe(r.lignes.comptees + r.lignes.ecartees);
    expect(r.lignes).toMatchObject({ nonVides: 10, comptees: 3, ecartees: 7 });
  });

  test("2023-2024 : mêmes élèves au forfait de 151 € et 54 €", async () => {
    const { r } = await demande(DEMANDE, 2023);
    expect(r.demandees.map((l) => euros(l.montant.valeur))).toEqual(["604.00", "162.00", "302.00"]); // 4 × 151, 3 × 54, 2 × 151
  });

  test("une seule colonne « Élèves supplémentaires » : elle donne aussi les boursiers d'une formation post-bac", async () => {
    const { r } = await demande([
      ["Code diplôme", "Élèves supplémentaires"],
      ["32031213", 2],
    ]);
    expect(r.demandees.map((l) => euros(l.montant.valeur))).toEqual(["314.00"]);
    expect(r.etablissement.uai).toBeNull();
  });

  test("une année dont les forfaits ne sont pas calculables est refusée avant toute lecture", async () => {
    await expect(demande(DEMANDE, 2025)).rejects.toBeInstanceOf(ErreurParametreManquant);
  });
});

describe("Feuille « Demande compl. ARE 2024-2025 »", () => {
  test("en-tête prêt à envoyer, lignes par enveloppe avec sous-totaux et total ; la feuille de l'utilisateur est intacte", async () => {
    const { r, classeur } = await demande();
    const avant = copie(DEMANDE);
    const noms = await ecrireDemande(classeur, r);
    expect(noms).toEqual({ demande: "Demande compl. ARE 2024-2025", constats: "Constats demande 2024-2025" });
    expect(nomFeuilleDemande(2024).length).toBeLessThanOrEqual(31);
    const sortie = classeur.sheet(noms.demande)!.output!;
    expect(sortie.heading.join("\n")).toContain("Établissement : Lycée Arago — UAI 0750655E");
    expect(sortie.heading.join("\n")).toContain(
      "sur demande écrite de l'établissement précisant les effectifs supplémentaires par formation éligible au dispositif (code nomenclature NSF du diplôme et intitulé de la formation)",
    );
    expect(sortie.heading.join("\n")).toContain("2 rue Simone Veil, 93400 Saint-Ouen-sur-Seine");
    expect(sortie.heading.join("\n")).toContain(
      "Montant demandé : pré-bac 796,00\u00a0€ ; post-bac 314,00\u00a0€ ; total 1\u202f110,00\u00a0€",
    );
    expect(sortie.heading.join("\n")).toContain("voir la feuille « Constats demande 2024-2025 »");
    expect(sortie.rows.map((row) => [row[0], row[1], row[2], row[5], row[6], row[7]])).toEqual([
      ["pré-bac", "50022137", 221, 4, 157, 628],
      ["pré-bac", "67010031", 100, 3, 56, 168],
      ["Sous-total pré-bac", null, null, 7, null, 796],
      ["post-bac", "32025520", 255, 2, 157, 314],
      ["Sous-total post-bac", null, null, 2, null, 314],
    ]);
    expect(sortie.rows[0][8]).toBe(
      "Complément 50022137 BOULANGER (CAP) : 4 élèves supplémentaires × 157\u00a0€ = 628,00\u00a0€ (Région Île-de-France, page « Dotation budgétaire »)",
    );
    expect(sortie.totals).toEqual(["Total demandé", null, null, "3 formations", null, 9, null, 1110, null]);
    const constats = classeur.sheet(noms.constats!)!.output!;
    expect(constats.rows).toHaveLength(7);
    expect(constats.rows[0][0]).toBe("erreur");
    expect(classeur.sheet("Demande")!.values).toEqual(avant);
  });

  test("sans aucun constat, pas de feuille de constats", async () => {
    const { r, classeur } = await demande([
      ["Code formation", "Élèves supplémentaires"],
      ["50022137", 4],
    ]);
    expect(await ecrireDemande(classeur, r)).toEqual({
      demande: "Demande compl. ARE 2024-2025",
      constats: null,
    });
  });

  test("l'UAI donné en option nomme l'établissement ; un UAI mal formé est refusé", async () => {
    const { r } = await demande(
      [
        ["Code formation", "Élèves supplémentaires"],
        ["50022137", 4],
      ],
      2024,
      { uai: "0750655e" },
    );
    expect(r.etablissement.uai).toBe("0750655E");
    await expect(demande(DEMANDE, 2024, { uai: "75" })).rejects.toThrow(/UAI « 75 » invalide/);
  });
});

describe("Une formation sur deux lignes (regles.md#complementaire.ligne-en-double)", () => {
  // 2023-2024, arrêté n° 2023-087: 151 € per pré-bac student and post-bac boursier, 54 € per 3ème
  // prépa-métiers student.
  const ENTETE: CellValue[] = [
    "Code formation diplôme",
    "Élèves supplémentaires",
    "Boursiers supplémentaires",
  ];

  test("deux lignes identiques : erreur, la première gardée, l'enveloppe et le total non calculés ; l'autre enveloppe calculée", async () => {
    // Counted once, pré-bac would be 4 × 151 + 3 × 54 = 766,00 €; twice 2 × 604 + 162 = 1 370,00 €.
    const { r, classeur } = await demande(
      [ENTETE, ["50022137", 4, null], ["67010031", 3, null], ["32033422", 5, 2], ["50022137", 4, null]],
      2023,
    );
    expect(r.constats.map((c) => [c.code, c.gravite, c.ligne])).toEqual([["demande-en-double", "erreur", 5]]);
    expect(r.demandees.map((l) => [l.ligne, euros(l.montant.valeur)])).toEqual([
      [2, "604.00"],
      [3, "162.00"],
      [4, "302.00"], // 2 × 151
    ]);
    expect(r.totaux.preBac).toBeNull();
    expect(r.totaux.total).toBeNull();
    expect(euros(r.totaux.postBac!)).toBe("302.00");
    expect(r.nonCalcules).toEqual({
      preBac: "formation 50022137 en double aux lignes 2 et 5",
      postBac: null,
    });
    expect(r.lignes).toMatchObject({ nonVides: 4, comptees: 3, ecartees: 1 });

    const sortie = classeur.sheet((await ecrireDemande(classeur, r)).demande)!.output!;
    expect(sortie.heading.join("\n")).toContain(
      "Montant demandé : pré-bac non calculé (formation 50022137 en double aux lignes 2 et 5) ; post-bac 302,00\u00a0€ ; total non calculé",
    );
    expect(
      sortie.rows.map((row) => [row[0], row[5], row[7], row[8]]).filter((row) => row[0] !== "pré-bac"),
    ).toEqual([
      [
        "Sous-total pré-bac",
        null,
        null,
        "Enveloppe pré-bac non calculée : formation 50022137 en double aux lignes 2 et 5 ; une ligne par formation.",
      ],
      ["post-bac", 2, 302, expect.any(String)],
      ["Sous-total post-bac", 2, 302, "Enveloppe post-bac : 302,00\u00a0€"],
    ]);
    expect(sortie.totals).toEqual([
      "Total demandé",
      null,
      null,
      "3 formations",
      null,
      null,
      null,
      null,
      "Total non calculé : montant pré-bac non calculé.",
    ]);
  });

  test("la même formation avec un autre nombre : erreur aussi, jamais la somme 4 + 5", async () => {
    // Summed, post-bac was (2 + 3) × 151 = 755,00 €: two classes, or 3 correcting 2?
    const { r } = await demande(
      [ENTETE, ["32033422", 5, 2], ["50022137", 4, null], ["32033422", 6, 3]],
      2023,
    );
    expect(r.constats.map((c) => [c.code, c.ligne, c.colonne])).toEqual([
      ["demande-formation-en-double", 4, "A"],
    ]);
    expect(r.totaux.postBac).toBeNull();
    expect(r.totaux.total).toBeNull();
    expect(euros(r.totaux.preBac!)).toBe("604.00"); // 4 × 151
    expect(r.nonCalcules.postBac).toBe("formation 32033422 en double aux lignes 2 et 4");
  });

  test("une demande sans formation répétée : tout est calculé", async () => {
    const { r } = await demande([ENTETE, ["50022137", 4, null], ["50022141", 4, null]], 2023);
    expect(r.constats).toEqual([]);
    expect(r.nonCalcules).toEqual({ preBac: null, postBac: null });
    expect(euros(r.totaux.total!)).toBe("1208.00"); // 4 × 151 + 4 × 151
  });
});
