/**
 * A rentrée's list pasted the way it comes out of the Région's PDF or spreadsheet, with what such a
 * paste brings along (audit wt-l): every pasted row is a formation, or is set aside or ignored with its
 * true reason — and no row makes a formation eligible that the regulation excludes.
 *
 * Amounts computed by hand from the seed's forfaits for 2023-2024 (arrêté n° 2023-087 du 17 mars 2023):
 * 151 € par élève pré-bac, 151 € par boursier post-bac, 54 € par élève de 3e prépa-métiers.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { CATALOGUES, verifierListe, type VerificationListe } from "../../src/rules";
import { run } from "../cli/run";
import { ENTETE_LISTE } from "../rules/liste2025";

const REFERENCE = { titre: "Liste collée (test)", url: "", date: "" };
const verifier = (grille: unknown[][]) =>
  verifierListe(grille, { annee: 2025, reference: REFERENCE, precedente: CATALOGUES[0] });

/** The 2023-2024 list as the Région publishes it, header first, as a grid of texts. */
function listePubliee(): string[][] {
  const tsv = fs.readFileSync(path.join(__dirname, "../../src/rules/catalogue/listes/2023-2024.tsv"), "utf8");
  return tsv
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => l.split("\t"));
}

/** Every non-blank row is a formation, set aside or ignored, and never two of these. */
function expectRienNePerdu(v: VerificationListe, grille: unknown[][]) {
  const nonVides = grille
    .slice(1)
    .filter((l) => l.some((c) => c !== null && c !== undefined && String(c).trim() !== "")).length;
  expect(v.lignes.formations + v.lignes.ecartees + v.lignes.ignorees).toBe(nonVides);
}

let dossier: string;
beforeAll(() => {
  dossier = fs.mkdtempSync(path.join(os.tmpdir(), "are-liste-collee-"));
});
afterAll(() => fs.rmSync(dossier, { recursive: true, force: true }));

describe("Classes de collège collées avec la liste (regles.md#eligibilite.college-670)", () => {
  test("une classe de collège autre que la 3e prépa-métiers est écartée, avec son motif ; la 3e prépa-métiers reste", () => {
    const grille = [
      ENTETE_LISTE,
      ["Infra V.", 6, 100, "67010031", "3EME", "3EME PREPA-METIERS"],
      ["Formations non éligibles"],
      ["Infra V.", 6, 100, "67010019", "3EME", "3EME"],
      ["Infra V.", 6, 100, "67010012", "6EME", "6EME"],
      // A 670 code the BCN table of the add-in does not name: its label decides.
      ["Infra V.", 6, 100, "67010099", "3EME", "3EME PREPA-METIERS"],
      ["Infra V.", 6, 100, "67010098", "3EME", "3EME SEGPA"],
    ];
    const v = verifier(grille);
    expect(v.formations.map((f) => f.code)).toEqual(["67010031", "67010099"]);
    expect(v.constats.map((c) => [c.code, c.gravite, c.ligne])).toEqual([
      ["liste-titre", "info", 3],
      ["liste-college", "alerte", 4],
      ["liste-college", "alerte", 5],
      ["liste-college", "alerte", 7],
    ]);
    expect(v.constats[1].message).toBe(
      "67010019 : classe de collège autre que la 3e prépa-métiers, non éligible même si la liste la nomme. Ligne écartée.",
    );
    expect(v.lignes).toEqual({ nonVides: 6, formations: 2, ecartees: 3, ignorees: 1 });
    expectRienNePerdu(v, grille);
  });

  test("are dotations --liste : les 20 élèves de 3e générale ne sont pas payés au forfait 3e prépa-métiers", async () => {
    // The published list, then the collège classes pasted below it.
    const liste = [
      ...listePubliee(),
      ["Formations non éligibles"],
      ["Infra V.", "6", "100", "67010019", "3EME", "3EME"],
    ];
    fs.writeFileSync(path.join(dossier, "liste.csv"), liste.map((l) => l.join(";")).join("\n"));
    fs.writeFileSync(
      path.join(dossier, "effectifs.csv"),
      [
        "UAI;Nom de l'établissement;Code formation diplôme;Libellé formation;Effectif;Taux de boursiers",
        "0750655E;Lycée Arago;67010019;3EME;20;50 %",
        "0750655E;Lycée Arago;67010031;3EME PREPA-METIERS;10;50 %",
        "0750655E;Lycée Arago;50022137;BOULANGER (CAP);12;50 %",
      ].join("\n"),
    );
    const r = await run([
      "dotations",
      path.join(dossier, "effectifs.csv"),
      "--annee",
      "2023",
      "--liste",
      path.join(dossier, "liste.csv"),
      "--liste-annee",
      "2023",
      "--json",
    ]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as { totaux: { dotationNette: { preBac: string } } };
    // By hand: 3e générale 67010019 not eligible (0 €); 3e prépa-métiers 10 × 54 = 540 €; CAP
    // boulanger 12 × 151 = 1 812 €; pré-bac envelope 540 + 1 812 = 2 352 €. The old code counted the
    // 20 pupils of 3e générale at 54 €: 3 432 €.
    expect(json.totaux.dotationNette.preBac).toBe("2352.00");
  });
});

describe("Ligne d'une formation restée dans une ou deux cellules (collage d'un PDF)", () => {
  const BOULANGER = [
    "PRE BAC",
    "5",
    "221",
    "50022137",
    "CERTIFICAT D'APTITUDE PROFESSIONNELLE",
    "BOULANGER (CAP)",
  ];
  const PATISSIER = [
    "PRE BAC",
    "5",
    "221",
    "50022141",
    "CERTIFICAT D'APTITUDE PROFESSIONNELLE",
    "PATISSIER (CAP)",
  ];

  test("elle est écartée comme une erreur (Code Diplôme vide), pas ignorée comme un titre", () => {
    const grille = [
      ["Liste des formations relevant des spécialités éligibles 2025-2026"],
      [BOULANGER.join(" ")],
      ENTETE_LISTE,
      [BOULANGER.join(" ")],
      [PATISSIER.slice(0, 4).join(" "), PATISSIER[5]],
      ["Page 2/7"],
    ];
    const v = verifier(grille);
    // The old code read both formations as titles (info) and said « aucune erreur »: they were lost.
    // Above the header too, a row carrying a code is not a title.
    expect(v.constats.map((c) => [c.code, c.gravite, c.ligne])).toEqual([
      ["liste-titre", "info", 1],
      ["liste-avant-entete", "erreur", 2],
      ["liste-code-vide", "erreur", 4],
      ["liste-code-vide", "erreur", 5],
      ["liste-titre", "info", 6],
      ["liste-vide", "erreur", null],
    ]);
    expect(v.constats[3].message).toBe(
      "Code Diplôme vide : saisissez le code formation diplôme (8 caractères) ou supprimez la ligne.",
    );
    expect(v.lignes).toEqual({ nonVides: 5, formations: 0, ecartees: 3, ignorees: 2 });
  });

  test("are liste verifier : la liste où une ligne est restée collée sort en erreur (code 1)", async () => {
    const liste = listePubliee().map((l) => (l[3] === "50022137" ? [l.join(" ")] : l));
    const fichier = path.join(dossier, "liste-2025-2026.tsv");
    fs.writeFileSync(fichier, liste.map((l) => l.join("\t")).join("\n"));
    const r = await run(["liste", "verifier", fichier]);
    // 222 rows of the annex: 221 formations and 50022137, set aside (the old code: exit 0, 1 titre).
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("222 lignes non vides : 221 formations, 1 ligne écartée, 0 ligne ignorée");
    expect(r.stdout).toContain("  - 50022137 BOULANGER (CAP), PRE BAC");
  });
});

describe("--liste : ce qui change les montants est dit sur la sortie d'erreur", () => {
  const effectifs = () => {
    const f = path.join(dossier, "effectifs-bts.csv");
    fs.writeFileSync(
      f,
      [
        "UAI;Nom de l'établissement;Code formation diplôme;Libellé formation;Effectif;Taux de boursiers",
        "0750655E;Lycée Arago;32022310;TRAITEMENT DES MATERIAUX (BTS);10;50 %",
      ].join("\n"),
    );
    return f;
  };
  const dotations = (liste: string[][]) => {
    const f = path.join(dossier, "liste-region.csv");
    fs.writeFileSync(f, liste.map((l) => l.join(";")).join("\n"));
    return run([
      "dotations",
      effectifs(),
      "--annee",
      "2023",
      "--liste",
      f,
      "--liste-annee",
      "2023",
      "--json",
    ]);
  };

  test("un BTS que la liste met en PRE BAC : l'alerte et le changement de catégorie sont dits", async () => {
    const liste = listePubliee().map((l) => (l[3] === "32022310" ? ["PRE BAC", ...l.slice(1)] : l));
    const r = await dotations(liste);
    expect(r.code).toBe(0);
    // The list decides (regles.md#catalogue.liste-chargee): 10 élèves × 151 € = 1 510 € pré-bac, where
    // the kind of diploma (BTS) gives 5 boursiers (50 %) × 151 € = 755 € post-bac. The old message said
    // only « 222 formations retenues » and the JSON carries no finding of the list.
    const json = JSON.parse(r.stdout) as { totaux: { dotationNette: { preBac: string; postBac: string } } };
    expect(json.totaux.dotationNette).toMatchObject({ preBac: "1510.00", postBac: "0.00" });
    expect(r.stderr).toContain(
      "« liste-region.csv », 222 formations retenues, 1 alerte ; par rapport à la liste indicative 2023-2024 : 0 formation ajoutée, 0 retirée, 0 renommée, 1 changée de catégorie ; détail :",
    );
  });

  test("une liste tronquée (collage de la première moitié) : les formations absentes sont comptées", async () => {
    const liste = listePubliee().slice(0, 112);
    const r = await dotations(liste);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(
      "« liste-region.csv », 111 formations retenues ; par rapport à la liste indicative 2023-2024 : 0 formation ajoutée, 111 retirées, 0 renommée, 0 changée de catégorie ; détail :",
    );
  });
});

describe("Spécialité écrite avec son libellé NSF (liste tirée d'un tableur)", () => {
  test("« 221 - Agro-alimentation, cuisine » est le groupe 221 ; « 223 - Métallurgie » reste différent de 221", () => {
    const grille = [
      ENTETE_LISTE,
      ["PRE BAC", "5", "221 - Agro-alimentation, cuisine", "50022137", "CAP", "BOULANGER (CAP)"],
      ["PRE BAC", "5", "221 Agro-alimentation, cuisine", "50022141", "CAP", "PATISSIER (CAP)"],
      ["PRE BAC", "5", "223 - Métallurgie", "50022139", "CAP", "CUISINE (CAP)"],
    ];
    const v = verifier(grille);
    // The old code set the first two rows aside as « Spécialité … différente du groupe NSF du code
    // (caractères 4 à 6 : 221) » — the same group: two CAP lost from the list with a false reason.
    expect(v.formations.map((f) => [f.code, f.nsf])).toEqual([
      ["50022137", 221],
      ["50022141", 221],
    ]);
    expect(v.constats.map((c) => [c.code, c.ligne])).toEqual([["liste-specialite-differente", 4]]);
    expect(v.constats[0].message).toBe(
      "Spécialité « 223 - Métallurgie » différente du groupe NSF du code 50022139 (caractères 4 à 6 : 221) : l'un des deux est mal saisi. Corrigez la ligne ; elle est écartée.",
    );
  });
});

describe("Formation d'une spécialité que le règlement ne nomme pas, collée avec la liste", () => {
  test("un BTS de la spécialité 313 est rendu éligible par la liste, avec une alerte ; un successeur BCN, sans", () => {
    const grille = [
      ENTETE_LISTE,
      ["POST BAC", "3", "313", "32031310", "BREVET DE TECHNICIEN SUPERIEUR", "GESTION DE LA PME (BTS)"],
      // A DN MADE mention, successor of 24113401 (NSF 134) in the BCN: eligible as its predecessor.
      ["POST BAC", "2", "326", "24132601", "DIPLOME NATIONAL", "METIERS D'ART ET DU DESIGN - GRAPHISME (DN)"],
    ];
    const v = verifier(grille);
    expect(v.formations.map((f) => f.code)).toEqual(["32031310", "24132601"]);
    // The old code said nothing: 0 erreur, 0 alerte, and `are eligible 32031310 --liste` answered
    // « Éligible POST BAC » where the rule answers « Non éligible : BTS, la spécialité NSF 313 ».
    expect(v.constats.map((c) => [c.code, c.gravite, c.ligne, c.message])).toEqual([
      [
        "liste-specialite-non-eligible",
        "alerte",
        2,
        "32031310 : spécialité NSF 313 non éligible ; la liste le rend éligible POST BAC. Vérifiez le code.",
      ],
    ]);
  });

  test("are dotations --liste : la sortie d'erreur dit l'alerte des 10 élèves de BTS 313 payés", async () => {
    const liste = [
      ...listePubliee(),
      ["POST BAC", "3", "313", "32031310", "BREVET DE TECHNICIEN SUPERIEUR", "GESTION DE LA PME (BTS)"],
    ];
    const f = path.join(dossier, "liste-313.csv");
    fs.writeFileSync(f, liste.map((l) => l.join(";")).join("\n"));
    const eff = path.join(dossier, "effectifs-313.csv");
    fs.writeFileSync(
      eff,
      [
        "UAI;Nom de l'établissement;Code formation diplôme;Libellé formation;Effectif;Taux de boursiers",
        "0750655E;Lycée Arago;32031310;GESTION DE LA PME (BTS);10;50 %",
      ].join("\n"),
    );
    const r = await run([
      "dotations",
      eff,
      "--annee",
      "2023",
      "--liste",
      f,
      "--liste-annee",
      "2023",
      "--json",
    ]);
    // The list decides: 10 élèves × 50 % = 5 boursiers × 151 € = 755 € post-bac (0 € by the rule).
    const json = JSON.parse(r.stdout) as { totaux: { dotationNette: { postBac: string } } };
    expect(json.totaux.dotationNette.postBac).toBe("755.00");
    expect(r.stderr).toContain("223 formations retenues, 1 alerte ;");
  });
});

describe("Caractères invisibles laissés par la copie d'un PDF", () => {
  test("un code avec une espace sans chasse ou un tiret conditionnel est lu ; espaces insécables aussi", () => {
    const grille = [
      ENTETE_LISTE,
      ["PRE BAC", "5", "221", "50022133\u200b", "CAP", "CHOCOLATIER CONFISEUR (CAP)"],
      ["PRE BAC", "5", "221", "5002\u00ad2137", "CAP", "BOULANGER (CAP)"],
      ["PRE\u00a0BAC", "5", "221\u202f", "50\u00a0022\u00a0141", "CAP", "PATISSIER (CAP)"],
    ];
    const v = verifier(grille);
    // The old code set the first two aside: « Code formation « 50022133 » invalide : il contient des
    // caractères autres que des chiffres et des lettres » — for a code that shows none.
    expect(v.formations.map((f) => [f.code, f.categorie])).toEqual([
      ["50022133", "PRE_BAC"],
      ["50022137", "PRE_BAC"],
      ["50022141", "PRE_BAC"],
    ]);
    expect(v.constats).toEqual([]);
  });
});
