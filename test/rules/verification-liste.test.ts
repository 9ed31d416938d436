/**
 * Checking a list of formations before it is used (R4, issue 14 §1): every non-blank row is a formation
 * or a finding with its reason, and the difference with the list in force before is named.
 */
import * as fs from "fs";
import * as path from "path";
import {
  CATALOGUES,
  comparerListes,
  creerCatalogue,
  lignesEcart,
  resumeEcart,
  resumeVerification,
  verifierListe,
  type VerificationListe,
} from "../../src/rules";
import { ENTETE_LISTE, grilleListe2025 } from "./liste2025";

const REFERENCE = { titre: "Liste de test", url: "", date: "" };
const verifier = (grille: unknown[][], precedente = CATALOGUES[0]) =>
  verifierListe(grille, { annee: 2025, reference: REFERENCE, precedente });

/** Rows of the published list, with their sheet row numbers when the header is row 1. */
const BOULANGER = ["PRE BAC", 5, 221, "50022137", "CERTIFICAT D'APTITUDE PROFESSIONNELLE", "BOULANGER (CAP)"];
const TOURISME = ["POST BAC", 3, 334, "32033426", "BREVET DE TECHNICIEN SUPERIEUR", "TOURISME (BTS)"];

const codes = (v: VerificationListe) => v.constats.map((c) => [c.code, c.ligne]);

/** Every non-blank row is a formation, set aside or ignored, and never two of these. */
function expectRienNePerdu(v: VerificationListe, grille: unknown[][], entete: number | null) {
  const nonVides = grille.filter(
    (l, i) => i !== entete && l.some((c) => c !== null && c !== undefined && String(c).trim() !== ""),
  ).length;
  expect(v.lignes.nonVides).toBe(nonVides);
  expect(v.lignes.formations + v.lignes.ecartees + v.lignes.ignorees).toBe(nonVides);
}

describe("Contrôle d'une liste de formations collée", () => {
  test("la liste 2023-2024 embarquée, relue comme une feuille, passe sans aucun constat", () => {
    const tsv = fs.readFileSync(
      path.join(__dirname, "../../src/rules/catalogue/listes/2023-2024.tsv"),
      "utf8",
    );
    const grille = tsv
      .split("\n")
      .filter((l) => l !== "")
      .map((l) => l.split("\t"));
    const v = verifierListe(grille, { annee: 2023, reference: REFERENCE, precedente: null });
    expect(v.constats).toEqual([]);
    expect(v.formations).toEqual(CATALOGUES[0].formations);
    expect(v.ecart).toBeNull();
    expect(resumeVerification(v)).toEqual([
      "Liste 2023-2024 : 222 formations retenues (1 en 3e prépa-métiers, 145 pré-bac, 76 post-bac).",
      "222 lignes non vides : 222 formations, 0 ligne écartée, 0 ligne ignorée (titres, totaux, en-têtes répétés).",
      "Constats : 0 erreur, 0 alerte, 0 info.",
    ]);
  });

  test("un collage depuis le PDF : titres, en-tête répété à chaque page, numéro de page, total, lignes vides", () => {
    const grille = [
      ["Aide régionale à l'équipement pré et post bac (ARE)"],
      ["Liste des formations relevant des spécialités éligibles au titre de l'année scolaire 2025-2026"],
      [],
      ENTETE_LISTE,
      BOULANGER,
      [null, "", "  "],
      ["Page 1/4"],
      ENTETE_LISTE,
      TOURISME,
      ["Total", null, null, null, null, "2 formations"],
    ];
    const v = verifier(grille);
    expect(v.entete).toEqual({
      ligne: 4,
      colonnes: { niveau: 0, regroupement: 1, specialite: 2, code: 3, type: 4, libelle: 5 },
    });
    expect(v.formations.map((f) => f.code)).toEqual(["50022137", "32033426"]);
    expect(codes(v)).toEqual([
      ["liste-titre", 1],
      ["liste-titre", 2],
      ["liste-titre", 7],
      ["liste-entete-repetee", 8],
      ["liste-total", 10],
    ]);
    expect(v.constats[0].message).toBe(
      "Titre « Aide régionale à l'équipement pré et post bac (ARE) » : pas une formation.",
    );
    expect(v.lignes).toEqual({ nonVides: 7, formations: 2, ecartees: 0, ignorees: 5 });
    expectRienNePerdu(v, grille, 3);
  });

  test("une ligne qui porte un code reste une formation même si son libellé dit « total »", () => {
    const grille = [
      ENTETE_LISTE,
      ["PRE BAC", 5, 221, "50022141", "CAP", "PATISSIER TOTAL (TEST)"],
      ["Total général", null, null, null, null, 1],
    ];
    const v = verifier(grille);
    expect(v.formations.map((f) => f.libelle)).toEqual(["PATISSIER TOTAL (TEST)"]);
    expect(codes(v)).toEqual([["liste-total", 3]]);
  });

  test("codes mal formés écartés, zéro initial rétabli et signalé, valeur d'erreur Excel", () => {
    const grille = [
      ENTETE_LISTE,
      ["PRE BAC", 5, 221, "5002213", "CAP", "CODE A 7 CHIFFRES"],
      ["PRE BAC", 5, 221, "50022137001", "CAP", "CODE MEF"],
      ["PRE BAC", 5, 222, 1022201, "MC", "ZERO PERDU PAR EXCEL"],
      ["PRE BAC", 5, 221, { error: "#N/A" }, "CAP", "RECHERCHEV"],
      ["PRE BAC", 5, 221, "", "CAP", "SANS CODE"],
    ];
    const v = verifier(grille);
    expect(codes(v)).toEqual([
      ["liste-code-invalide", 2],
      ["liste-code-invalide", 3],
      ["liste-zero-initial", 4],
      ["liste-hors-dispositif", 4],
      ["liste-erreur-excel", 5],
      ["liste-code-vide", 6],
    ]);
    expect(v.constats[0]).toMatchObject({ gravite: "erreur", colonne: 3 });
    expect(v.constats[0].message).toMatch(
      /^Code formation « 5002213 » invalide : il compte 7 chiffres au lieu de 8\./,
    );
    expect(v.constats[0].message).toMatch(/Ligne écartée\.$/);
    expect(v.constats[1].message).toMatch(/code MEF/);
    expect(v.constats[2].message).toBe("Code lu comme 01022201 : Excel avait supprimé le zéro initial.");
    expect(v.constats[4].message).toBe("Code Diplôme : valeur d'erreur #N/A. Corrigez la cellule.");
    expect(v.formations.map((f) => f.code)).toEqual(["01022201"]);
    expectRienNePerdu(v, grille, 0);
  });

  test("valeur d'erreur nommée comme Excel en français l'affiche (#VALEUR!, pas #VALUE!)", () => {
    const grille = [
      ENTETE_LISTE,
      ["PRE BAC", 5, 221, "50022137", "CAP", "BOULANGER"],
      ["PRE BAC", 5, 221, { error: "#VALUE!" }, "CAP", "CONCATENER"],
    ];
    const v = verifier(grille);
    expect(codes(v)).toEqual([["liste-erreur-excel", 3]]);
    expect(v.constats[0].message).toBe("Code Diplôme : valeur d'erreur #VALEUR!. Corrigez la cellule.");
    expectRienNePerdu(v, grille, 0);
  });

  test("la Spécialité doit être le groupe NSF du code (caractères 4 à 6) ; vide, elle est lue dans le code", () => {
    const grille = [
      ENTETE_LISTE,
      ["PRE BAC", 5, 223, "50022137", "CAP", "BOULANGER (CAP)"],
      ["PRE BAC", 5, "", "50022141", "CAP", "PATISSIER (CAP)"],
      ["PRE BAC", 5, "221", "50022139", "CAP", "CUISINE (CAP)"],
    ];
    const v = verifier(grille);
    expect(codes(v)).toEqual([
      ["liste-specialite-differente", 2],
      ["liste-specialite-vide", 3],
    ]);
    expect(v.constats[0].message).toBe(
      "Spécialité « 223 » différente du groupe NSF du code 50022137 (caractères 4 à 6 : 221) : l'un des deux est mal saisi. Corrigez la ligne ; elle est écartée.",
    );
    expect(v.formations.map((f) => [f.code, f.nsf])).toEqual([
      ["50022141", 221],
      ["50022139", 221],
    ]);
  });

  test("Niveau inconnu écarté ; Niveau contraire au type de diplôme, hors dispositif ou ST2S : retenu avec une alerte", () => {
    const grille = [
      ENTETE_LISTE,
      ["LYCEE", 5, 221, "50022137", "CAP", "BOULANGER (CAP)"],
      ["PRE BAC", 3, 331, "32033110", "BTS", "PROTHESISTE DENTAIRE (BTS)"],
      ["PRE BAC", 4, 223, "47022301", "BAC GENERAL", "BAC GENERAL (TEST)"],
      ["PRE BAC", 4, 331, "43033104", "BAC TECHNO", "ST2S"],
      ["Infra V.", 6, 100, "67010031", "3EME", "3EME PREPA-METIERS"],
    ];
    const v = verifier(grille);
    expect(v.constats.map((c) => [c.code, c.gravite, c.ligne])).toEqual([
      ["liste-niveau-inconnu", "erreur", 2],
      ["liste-categorie-incoherente", "alerte", 3],
      ["liste-hors-dispositif", "alerte", 4],
      ["liste-st2s", "alerte", 5],
    ]);
    expect(v.constats[0].message).toBe(
      "Niveau « LYCEE » de 50022137 inconnu : attendu Infra V., PRE BAC ou POST BAC, comme dans l'annexe. Ligne écartée.",
    );
    expect(v.constats[1].message).toBe(
      "32033110 : niveau PRE BAC dans la liste, mais un BTS (préfixe 320) relève de POST BAC. La liste décide (PRE BAC) : vérifiez la ligne.",
    );
    expect(v.constats[3].message).toMatch(
      /bac technologique ST2S.*reste non éligible même si la liste le nomme/,
    );
    expect(v.formations.map((f) => [f.code, f.categorie])).toEqual([
      ["32033110", "PRE_BAC"],
      ["47022301", "PRE_BAC"],
      ["43033104", "PRE_BAC"],
      ["67010031", "PREPA_METIERS"],
    ]);
  });

  test("doublons : une ligne identique compte une fois (alerte), un même code aux valeurs différentes est écarté (erreur)", () => {
    const grille = [
      ENTETE_LISTE,
      BOULANGER,
      ["pre bac", "5", "221", "'50022137", "certificat d'aptitude professionnelle", "Boulanger (CAP)"],
      ["POST BAC", 3, 221, "50022137", "CAP", "BOULANGER (CAP)"],
    ];
    const v = verifier(grille);
    expect(v.constats.map((c) => [c.code, c.gravite, c.ligne])).toEqual([
      ["liste-doublon", "alerte", 3],
      ["liste-code-en-double", "erreur", 4],
    ]);
    expect(v.constats[0].message).toBe("50022137 : ligne identique à la ligne 2, comptée une seule fois.");
    expect(v.constats[1].message).toMatch(
      /^50022137 figure déjà à la ligne 2 avec d'autres valeurs \(PRE BAC, BOULANGER \(CAP\)\)/,
    );
    expect(v.formations).toHaveLength(1);
    expect(v.lignes).toEqual({ nonVides: 3, formations: 1, ecartees: 2, ignorees: 0 });
  });

  test("sans colonne Libellé, rien n'est lu et la liste ne peut pas servir", () => {
    const grille = [
      ["Niveau", "Code Diplôme"],
      ["PRE BAC", "50022137"],
    ];
    const v = verifier(grille);
    expect(codes(v)).toEqual([
      ["liste-colonne-absente", 1],
      ["liste-colonne-absente", 1],
      ["liste-colonne-absente", 1],
      ["liste-colonne-manquante", 1],
      ["liste-vide", null],
    ]);
    expect(v.constats[3].message).toBe(
      "Colonne indispensable absente de l'en-tête : « Libellé Diplôme ». Aucune ligne n'est lue : nommez ces colonnes comme dans l'annexe.",
    );
    expect(v.catalogue).toBeNull();
    expect(v.ecart).toBeNull();
    expect(v.lignes).toEqual({ nonVides: 1, formations: 0, ecartees: 1, ignorees: 0 });
  });

  test("sans en-tête, les colonnes sont lues dans l'ordre de l'annexe, et les numéros de ligne suivent la feuille", () => {
    const v = verifierListe([BOULANGER, TOURISME], {
      annee: 2025,
      reference: REFERENCE,
      precedente: null,
      premiereLigne: 5,
      premiereColonne: 1,
    });
    expect(v.formations.map((f) => f.code)).toEqual(["50022137", "32033426"]);
    expect(codes(v)).toEqual([["liste-sans-entete", null]]);
    const avecErreur = verifierListe([["PRE BAC", 5, 221, "5002213", "CAP", "X"]], {
      annee: 2025,
      reference: REFERENCE,
      precedente: null,
      premiereLigne: 5,
      premiereColonne: 1,
    });
    expect(avecErreur.constats[1]).toMatchObject({ code: "liste-code-invalide", ligne: 5, colonne: 4 });
  });
});

describe("Écart avec la liste précédente", () => {
  test("la liste 2025-2026 de test : 50 codes ajoutés, chacun successeur d'un des 37 codes retirés", () => {
    const v = verifier(grilleListe2025());
    expect(v.constats.map((c) => [c.code, c.ligne])).toEqual([["liste-titre", 1]]);
    expect(v.formations).toHaveLength(235);
    const ecart = v.ecart!;
    expect(ecart.avant).toBe(CATALOGUES[0]);
    expect(ecart.ajoutees).toHaveLength(50);
    expect(ecart.retirees).toHaveLength(37);
    expect(ecart.ajoutees.every((a) => a.successeurDe !== null)).toBe(true);
    expect(ecart.retirees.map((f) => f.code)).toContain("32022999");
    expect(ecart.ajoutees.find((a) => a.formation.code === "50022146")?.successeurDe?.code).toBe("50022139");
    expect(ecart.renommees).toEqual([]);
    expect(ecart.reclassees).toEqual([]);
    expect(resumeEcart(ecart)).toBe(
      "Par rapport à la liste indicative 2023-2024 : 50 formations ajoutées (dont 50 successeurs d'un code retiré), 37 retirées, 0 renommée, 0 changée de catégorie.",
    );
    expect(lignesEcart(ecart)).toContain(
      "+ 50022146 CUISINE (CAP), PRE BAC, successeur de 50022139 CUISINE (CAP)",
    );
    expect(lignesEcart(ecart)).toContain("- 50022139 CUISINE (CAP), PRE BAC");
  });

  test("un libellé changé est « renommé », une catégorie changée est nommée ; la casse et les accents ne comptent pas", () => {
    const avant = creerCatalogue(2023, REFERENCE, CATALOGUES[0].formations);
    const apres = creerCatalogue(
      2025,
      REFERENCE,
      CATALOGUES[0].formations.map((f) =>
        f.code === "50022137"
          ? { ...f, libelle: "BOULANGERIE (CAP)" }
          : f.code === "50022141"
            ? { ...f, libelle: "Pâtissier (CAP)" }
            : f.code === "32033426"
              ? { ...f, categorie: "PRE_BAC" as const, niveau: "PRE BAC" }
              : f,
      ),
    );
    const ecart = comparerListes(avant, apres);
    expect(ecart.renommees).toEqual([
      { code: "50022137", avant: "BOULANGER (CAP)", apres: "BOULANGERIE (CAP)" },
    ]);
    expect(lignesEcart(ecart)).toEqual([
      "~ 50022137 BOULANGER (CAP) → BOULANGERIE (CAP)",
      "~ 32033426 TOURISME (BTS) : POST BAC → PRE BAC",
    ]);
  });
});
