/**
 * Checking a list of formations before it is used (R4, regles.md#catalogue.liste-chargee): the list of a
 * rentrée pasted from the Région's PDF or Excel file, as a grid of cell values. Each row is a formation
 * or a finding with its reason, never silently dropped: codes well-formed (8 characters), Spécialité =
 * NSF group of the code (characters 4-6), Niveau consistent with the kind of diploma (characters 1-3),
 * duplicates, rows that are not formations (titles, totals, repeated headers). Then the difference with
 * the list in force before it: added, removed, relabelled, reclassified.
 *
 * Pure: the adapters (task pane, command line) read the sheet or file and pass its values.
 */
import { LIBELLES_CATEGORIES, categorieDuNiveauAnnexe, type Categorie } from "../categories";
import { lireCodeFormation, prefixeDe } from "../codes";
import { nombreDe } from "../montants";
import { CLASSES_COLLEGE, LIBELLE_PREPA_METIERS, PREFIXE_COLLEGE, reglesCatalogue } from "../nomenclature";
import { libelleAnnee, type AnneeScolaire } from "../anneeScolaire";
import { nomFrancaisErreur } from "../erreursExcel";
import { citation, normaliserLibelle } from "../texte";
import { creerCatalogue, type Catalogue, type Formation, type ReferenceListe } from "./catalogue";
import { SUCCESSEURS } from "./successeurs";

/** Every finding of a list, with its fixed severity (docs/constats.md, « Liste des formations »). */
export const CODES_CONSTATS_LISTE = {
  "liste-vide": "erreur",
  "liste-colonne-manquante": "erreur",
  "liste-sans-entete": "info",
  "liste-colonne-absente": "info",
  "liste-avant-entete": "erreur",
  "liste-titre": "info",
  "liste-total": "info",
  "liste-entete-repetee": "info",
  "liste-erreur-excel": "erreur",
  "liste-code-vide": "erreur",
  "liste-code-invalide": "erreur",
  "liste-zero-initial": "info",
  "liste-niveau-inconnu": "erreur",
  "liste-specialite-differente": "erreur",
  "liste-specialite-vide": "info",
  "liste-code-en-double": "erreur",
  "liste-doublon": "alerte",
  "liste-categorie-incoherente": "alerte",
  "liste-hors-dispositif": "alerte",
  "liste-specialite-non-eligible": "alerte",
  "liste-st2s": "alerte",
  "liste-college": "alerte",
  "liste-libelle-vide": "alerte",
  "liste-regroupement-illisible": "info",
} as const;

export type CodeConstatListe = keyof typeof CODES_CONSTATS_LISTE;
export type GraviteListe = (typeof CODES_CONSTATS_LISTE)[CodeConstatListe];

export interface ConstatListe {
  readonly code: CodeConstatListe;
  readonly gravite: GraviteListe;
  /** Row as the sheet shows it (1-based); null for the list as a whole. */
  readonly ligne: number | null;
  /** 0-based column of the cell concerned, from A; null for a whole row. */
  readonly colonne: number | null;
  /** What is wrong and what to do, in French, without the row number (the adapters add it). */
  readonly message: string;
}

/** The six columns of the annex, in their published order. */
export const COLONNES_LISTE = ["niveau", "regroupement", "specialite", "code", "type", "libelle"] as const;
export type ColonneListe = (typeof COLONNES_LISTE)[number];

/** The names a header may give each column; the first is the annex's, which findings use. */
const SYNONYMES: Readonly<Record<ColonneListe, readonly string[]>> = {
  niveau: ["Niveau", "Catégorie", "Niveau ARE"],
  regroupement: ["Niveau regroupement", "Niveau de regroupement", "Regroupement"],
  specialite: ["Spécialité", "Spécialité NSF", "NSF", "Groupe NSF", "Code NSF", "Groupe de spécialités"],
  code: ["Code Diplôme", "Code formation diplôme", "Code formation", "CFD", "Code CFD", "Code"],
  type: ["Type Diplôme", "Type de diplôme", "Type", "Diplôme"],
  libelle: ["Libellé Diplôme", "Libellé", "Libellé formation", "Intitulé", "Intitulé formation", "Formation"],
};

/** How the annex titles the columns, and how findings name them. */
export const TITRES_COLONNES_LISTE = Object.fromEntries(
  COLONNES_LISTE.map((c) => [c, SYNONYMES[c][0]]),
) as Readonly<Record<ColonneListe, string>>;

/** The annex's column titles, in its order. */
const TITRES = COLONNES_LISTE.map((c) => TITRES_COLONNES_LISTE[c]);

const PAR_NOM: ReadonlyMap<string, ColonneListe> = new Map(
  COLONNES_LISTE.flatMap((colonne) => SYNONYMES[colonne].map((nom) => [normaliserLibelle(nom), colonne])),
);

/** Without the columns a formation cannot be read; the others are only shown. */
const INDISPENSABLES: readonly ColonneListe[] = ["niveau", "code", "libelle"];

/** Rows searched for the header, as for an effectif sheet (docs/constats.md). */
const LIGNES_ENTETE = 30;

export interface EcartListes {
  /** The list in force before (the latest earlier one, or the year's list being replaced). */
  readonly avant: Catalogue;
  /** Codes new to the list; `successeurDe` is the removed code the national nomenclature says it replaces. */
  readonly ajoutees: readonly { readonly formation: Formation; readonly successeurDe: Formation | null }[];
  readonly retirees: readonly Formation[];
  readonly renommees: readonly { readonly code: string; readonly avant: string; readonly apres: string }[];
  readonly reclassees: readonly {
    readonly code: string;
    readonly libelle: string;
    readonly avant: Categorie;
    readonly apres: Categorie;
  }[];
}

export interface VerificationListe {
  readonly annee: AnneeScolaire;
  /** Row of the header (1-based) and the column of each field found; null when read in published order. */
  readonly entete: {
    readonly ligne: number;
    readonly colonnes: Partial<Record<ColonneListe, number>>;
  } | null;
  readonly formations: readonly Formation[];
  readonly constats: readonly ConstatListe[];
  /** nonVides = formations + ecartees + ignorees: every non-blank row is accounted for. */
  readonly lignes: {
    readonly nonVides: number;
    readonly formations: number;
    /** Rows with an erreur, identical duplicates (counted once) and collège classes the regulation excludes. */
    readonly ecartees: number;
    /** Titles, totals, repeated headers: not formations. */
    readonly ignorees: number;
  };
  /** The list made of the formations kept, null when there is none. */
  readonly catalogue: Catalogue | null;
  /** The difference with the list in force before; null when there is none or no formation was kept. */
  readonly ecart: EcartListes | null;
}

export interface OptionsVerification {
  readonly annee: AnneeScolaire;
  readonly reference: ReferenceListe;
  /** The list in force for that year before this one (to compare with); null for none. */
  readonly precedente: Catalogue | null;
  /** Row number (1-based) of the grid's first row, and 0-based column of its first column. */
  readonly premiereLigne?: number;
  readonly premiereColonne?: number;
}

const estErreurExcel = (v: unknown): v is { error: string } =>
  typeof v === "object" && v !== null && "error" in v;

function texte(v: unknown): string {
  if (v === null || v === undefined || estErreurExcel(v)) return "";
  return String(v).trim();
}

const estVide = (v: unknown) => texte(v) === "" && !estErreurExcel(v);

/** « total », « sous-total », « totaux » as a word of a text cell (as for effectif sheets). */
const TOTAL = /(^|[^\p{L}])(sous-?)?tota(l|ux)($|[^\p{L}])/iu;

/** The fields a row names as a header, with their column. */
function lireEntete(ligne: readonly unknown[]): Map<ColonneListe, number> {
  const colonnes = new Map<ColonneListe, number>();
  ligne.forEach((cellule, index) => {
    if (typeof cellule !== "string") return;
    const champ = PAR_NOM.get(normaliserLibelle(cellule.replace(/\([^)]*\)/g, "")));
    if (champ !== undefined && !colonnes.has(champ)) colonnes.set(champ, index);
  });
  return colonnes;
}

/** The header: the row among the first 30 that names the most columns, at least the code and one other. */
function trouverEntete(
  grille: readonly (readonly unknown[])[],
): { index: number; colonnes: Map<ColonneListe, number> } | null {
  let meilleure: { index: number; colonnes: Map<ColonneListe, number> } | null = null;
  for (let i = 0; i < Math.min(grille.length, LIGNES_ENTETE); i++) {
    const colonnes = lireEntete(grille[i]);
    if (!colonnes.has("code") || colonnes.size < 2) continue;
    if (meilleure === null || colonnes.size > meilleure.colonnes.size) meilleure = { index: i, colonnes };
  }
  return meilleure;
}

/** A formation code inside a text: 8 characters, the first 3 digits (« PRE BAC 5 221 50022137 … »). */
const CODE_DANS_TEXTE = /(?<![0-9A-Za-z])\d{3}[0-9A-Z]{5}(?![0-9A-Za-z])/;

/**
 * A row of one or two cells without a code in its column, as a title or a page number: « Titre … ».
 * Décision (regles.md#catalogue.liste-chargee): null when its text carries a formation code — a
 * formation whose values a paste from a PDF left in one cell (« PRE BAC 5 221 50022137 … ») is set
 * aside as an erreur, never ignored as a title: it would be lost without a word.
 */
function titre(ligne: readonly unknown[]): string | null {
  const lue = ligne
    .map(texte)
    .filter((t) => t)
    .join(" ");
  return CODE_DANS_TEXTE.test(lue) ? null : `Titre « ${citation(lue)} » : pas une formation.`;
}

/** An integer written as a number or a text (« 221 », 221, « 221.0 »), or null. */
function entier(v: unknown): number | null {
  const t = texte(v).replace(/[.,]0+$/, "");
  return /^\d{1,3}$/.test(t) ? Number(t) : null;
}

/**
 * The Spécialité: its NSF group, written alone (221, « 221 ») or followed by its label, as a spreadsheet
 * of the list may write it (« 221 - Agro-alimentation, cuisine », « 221 Agro-alimentation »).
 */
function groupeNsfLu(v: unknown): number | null {
  const avecLibelle = /^(\d{3})\s*[-–—:]?\s*\p{L}/u.exec(texte(v));
  return avecLibelle ? Number(avecLibelle[1]) : entier(v);
}

function niveauLu(v: unknown): Categorie | null {
  try {
    return texte(v) === "" ? null : categorieDuNiveauAnnexe(texte(v));
  } catch {
    return null;
  }
}

/** The row's values compared for duplicates: case, accents, spaces and punctuation ignored. */
const empreinte = (f: Formation) =>
  [f.code, f.categorie, f.nsf, f.typeDiplome, f.libelle].map((v) => normaliserLibelle(String(v))).join("|");

/**
 * Checks a list given as a grid of cell values and returns its formations and findings, and the
 * difference with the list in force before. Never throws on the grid's content.
 */
export function verifierListe(
  grille: readonly (readonly unknown[])[],
  options: OptionsVerification,
): VerificationListe {
  const premiereLigne = options.premiereLigne ?? 1;
  const premiereColonne = options.premiereColonne ?? 0;
  // The list is checked against the catalogue rules of its own rentrée (regles.md#eligibilite.regles-datees).
  const regles = reglesCatalogue(options.annee);
  const constats: ConstatListe[] = [];
  const signaler = (code: CodeConstatListe, index: number | null, colonne: number | null, message: string) =>
    constats.push({
      code,
      gravite: CODES_CONSTATS_LISTE[code],
      ligne: index === null ? null : premiereLigne + index,
      colonne: colonne === null ? null : premiereColonne + colonne,
      message,
    });
  const formations: Formation[] = [];
  const lignes = { nonVides: 0, formations: 0, ecartees: 0, ignorees: 0 };
  const resultat = (entete: VerificationListe["entete"]): VerificationListe => {
    lignes.formations = formations.length;
    const catalogue =
      formations.length === 0 ? null : creerCatalogue(options.annee, options.reference, formations);
    if (catalogue === null)
      signaler(
        "liste-vide",
        null,
        null,
        `Aucune formation lue : la liste ne peut pas être utilisée. Collez la liste de la Région avec sa ligne d'en-tête (${TITRES.join(", ")}).`,
      );
    return {
      annee: options.annee,
      entete,
      formations,
      constats,
      lignes,
      catalogue,
      ecart: catalogue && options.precedente ? comparerListes(options.precedente, catalogue) : null,
    };
  };

  const trouve = trouverEntete(grille);
  let debut = 0;
  let colonnes: Map<ColonneListe, number>;
  if (trouve === null) {
    colonnes = new Map(COLONNES_LISTE.map((c, i) => [c, i]));
    if (grille.some((ligne) => ligne.some((v) => !estVide(v))))
      signaler(
        "liste-sans-entete",
        null,
        null,
        `Aucune ligne d'en-tête reconnue : les colonnes sont lues dans l'ordre de l'annexe (${TITRES.join(", ")}).`,
      );
  } else {
    colonnes = trouve.colonnes;
    debut = trouve.index + 1;
    const manquantes = INDISPENSABLES.filter((c) => !colonnes.has(c));
    for (const c of COLONNES_LISTE.filter((c) => !colonnes.has(c) && !INDISPENSABLES.includes(c)))
      signaler(
        "liste-colonne-absente",
        trouve.index,
        null,
        `Colonne « ${TITRES_COLONNES_LISTE[c]} » absente : ${c === "specialite" ? "le groupe NSF est lu dans le code (caractères 4 à 6)" : "laissée vide"}.`,
      );
    if (manquantes.length > 0) {
      signaler(
        "liste-colonne-manquante",
        trouve.index,
        null,
        `${manquantes.length === 1 ? "Colonne indispensable absente" : "Colonnes indispensables absentes"} de l'en-tête : ${manquantes.map((c) => `« ${TITRES_COLONNES_LISTE[c]} »`).join(", ")}. Aucune ligne n'est lue : nommez ces colonnes comme dans l'annexe.`,
      );
      for (const ligne of grille.slice(debut)) if (ligne.some((v) => !estVide(v))) lignes.nonVides++;
      lignes.ecartees = lignes.nonVides;
      return resultat({ ligne: premiereLigne + trouve.index, colonnes: Object.fromEntries(colonnes) });
    }
    // Above the header: titles of the document, or formation rows the header would leave out.
    for (let i = 0; i < trouve.index; i++) {
      const remplies = grille[i].filter((v) => !estVide(v)).length;
      if (remplies === 0) continue;
      lignes.nonVides++;
      const t = remplies <= 2 ? titre(grille[i]) : null;
      if (t !== null) {
        lignes.ignorees++;
        signaler("liste-titre", i, null, t);
      } else {
        lignes.ecartees++;
        signaler(
          "liste-avant-entete",
          i,
          null,
          "Ligne au-dessus de l'en-tête, non lue : déplacez-la sous l'en-tête ou supprimez-la.",
        );
      }
    }
  }
  const col = (c: ColonneListe) => colonnes.get(c) ?? -1;
  const cellule = (ligne: readonly unknown[], c: ColonneListe) => (col(c) < 0 ? null : ligne[col(c)]);
  const vues = new Map<string, { index: number; formation: Formation }>();

  for (let i = debut; i < grille.length; i++) {
    const ligne = grille[i];
    const remplies = ligne.filter((v) => !estVide(v)).length;
    if (remplies === 0) continue;
    lignes.nonVides++;
    const ecarter = (code: CodeConstatListe, colonne: ColonneListe | null, message: string) => {
      lignes.ecartees++;
      signaler(code, i, colonne === null ? null : col(colonne), message);
    };
    const ignorer = (code: CodeConstatListe, message: string) => {
      lignes.ignorees++;
      signaler(code, i, null, message);
    };

    // A total row has no formation code of its own: a listed label with the word « total » stays a formation.
    const motTotal = ligne.find((v) => typeof v === "string" && TOTAL.test(v));
    if (motTotal !== undefined && !lireCodeFormation(cellule(ligne, "code")).ok) {
      ignorer("liste-total", `Ligne de total (« ${citation(texte(motTotal))} ») : pas une formation.`);
      continue;
    }
    const entete = lireEntete(ligne);
    if (entete.has("code") && entete.size >= 2) {
      ignorer("liste-entete-repetee", "En-tête répété (collage de plusieurs pages) : pas une formation.");
      continue;
    }
    const brut = cellule(ligne, "code");
    if (estErreurExcel(brut)) {
      ecarter(
        "liste-erreur-excel",
        "code",
        `Code Diplôme : valeur d'erreur ${nomFrancaisErreur(brut.error)}. Corrigez la cellule.`,
      );
      continue;
    }
    if (estVide(brut)) {
      const t = remplies <= 2 ? titre(ligne) : null;
      if (t !== null) ignorer("liste-titre", t);
      else
        ecarter(
          "liste-code-vide",
          "code",
          "Code Diplôme vide : saisissez le code formation diplôme (8 caractères) ou supprimez la ligne.",
        );
      continue;
    }
    const lecture = lireCodeFormation(brut);
    if (!lecture.ok) {
      ecarter("liste-code-invalide", "code", `${lecture.message} Ligne écartée.`);
      continue;
    }
    const code = lecture.code;
    const niveauBrut = cellule(ligne, "niveau");
    const categorie = niveauLu(niveauBrut);
    if (categorie === null) {
      ecarter(
        "liste-niveau-inconnu",
        "niveau",
        `Niveau « ${citation(texte(niveauBrut))} » de ${code} inconnu : attendu Infra V., PRE BAC ou POST BAC, comme dans l'annexe. Ligne écartée.`,
      );
      continue;
    }
    const nsfCode = code.slice(3, 6);
    const specialiteBrute = cellule(ligne, "specialite");
    const specialite = groupeNsfLu(specialiteBrute);
    // Décision (regles.md#catalogue.liste-chargee): a Spécialité that is not the code's NSF group means one
    // of the two is mistyped, and a mistyped code would make another formation eligible: the row is set aside.
    if (
      col("specialite") >= 0 &&
      !estVide(specialiteBrute) &&
      (specialite === null || String(specialite).padStart(3, "0") !== nsfCode)
    ) {
      ecarter(
        "liste-specialite-differente",
        "specialite",
        `Spécialité « ${citation(texte(specialiteBrute))} » différente du groupe NSF du code ${code} (caractères 4 à 6 : ${nsfCode}) : l'un des deux est mal saisi. Corrigez la ligne ; elle est écartée.`,
      );
      continue;
    }
    // Décision (regles.md#eligibilite.college-670): the regulation opens group 100 to « uniquement les 3ème
    // prépa-métiers »; a list naming another collège class (6e, 3e…) would pay its pupils the 3e
    // prépa-métiers forfait. Like the ST2S, it stays non eligible: the row is set aside, with its reason.
    // The class is the BCN's when it names the code, else the row's label.
    if (
      prefixeDe(code) === PREFIXE_COLLEGE &&
      normaliserLibelle(CLASSES_COLLEGE.get(code) ?? texte(cellule(ligne, "libelle"))) !==
        normaliserLibelle(LIBELLE_PREPA_METIERS)
    ) {
      ecarter(
        "liste-college",
        "code",
        `${code} : classe de collège autre que la 3e prépa-métiers, non éligible même si la liste la nomme. Ligne écartée.`,
      );
      continue;
    }
    const regroupement = entier(cellule(ligne, "regroupement"));
    const formation: Formation = {
      code,
      niveau: texte(niveauBrut),
      niveauRegroupement: regroupement ?? NaN,
      nsf: /^\d{3}$/.test(nsfCode) ? Number(nsfCode) : NaN,
      typeDiplome: texte(cellule(ligne, "type")),
      libelle: texte(cellule(ligne, "libelle")),
      categorie,
    };
    const deja = vues.get(code);
    if (deja !== undefined) {
      if (empreinte(deja.formation) === empreinte(formation))
        ecarter(
          "liste-doublon",
          "code",
          `${code} : ligne identique à la ligne ${premiereLigne + deja.index}, comptée une seule fois.`,
        );
      else
        ecarter(
          "liste-code-en-double",
          "code",
          `${code} figure déjà à la ligne ${premiereLigne + deja.index} avec d'autres valeurs (${deja.formation.niveau}, ${deja.formation.libelle}) : cette ligne est écartée. Gardez la bonne ligne dans la feuille.`,
        );
      continue;
    }
    vues.set(code, { index: i, formation });
    formations.push(formation);

    // The row counts; what follows only says what looks wrong.
    if (lecture.note !== null) signaler("liste-zero-initial", i, col("code"), lecture.note);
    if (col("specialite") >= 0 && estVide(specialiteBrute))
      signaler(
        "liste-specialite-vide",
        i,
        col("specialite"),
        `Spécialité vide : le groupe NSF de ${code} est lu dans le code (${nsfCode}).`,
      );
    if (col("regroupement") >= 0 && regroupement === null)
      signaler(
        "liste-regroupement-illisible",
        i,
        col("regroupement"),
        `Niveau regroupement « ${citation(texte(cellule(ligne, "regroupement")))} » illisible pour ${code} : laissé vide (il n'entre dans aucun calcul).`,
      );
    if (formation.libelle === "")
      signaler(
        "liste-libelle-vide",
        i,
        col("libelle"),
        `Libellé vide pour ${code} : la formation est retenue, les motifs la nommeront par son code.`,
      );
    // Décision (regles.md#catalogue.liste-chargee): the list decides the category, even against the kind
    // of diploma; only the ST2S stays excluded (the regulation's own words). Both are said.
    const kind = regles.typesDiplome.get(prefixeDe(code));
    if (regles.st2s.has(code)) {
      signaler(
        "liste-st2s",
        i,
        col("code"),
        `${code} est le bac technologique ST2S, que le règlement exclut (« 331 – Santé (hors ST2S) ») : il reste non éligible même si la liste le nomme. Vérifiez la liste.`,
      );
    } else if (kind?.categorie == null) {
      signaler(
        "liste-hors-dispositif",
        i,
        col("code"),
        `${code} : ${kind ? kind.libelle : `type de diplôme ${prefixeDe(code)}`} (caractères 1 à 3), hors des types du dispositif ; la liste le rend éligible ${LIBELLES_CATEGORIES[categorie]}. Vérifiez le code.`,
      );
    } else if (
      // Décision (regles.md#catalogue.liste-chargee): a specialty the regulation does not name (313
      // Finances…) is made eligible by the list, as a kind outside the scheme is: said, never silent. The
      // collège classes are judged above; the BCN's successor of an annex formation (a DN MADE mention,
      // 326…) is eligible as its predecessor (regles.md#catalogue.successeurs).
      !regles.nsfEligible(formation.nsf) &&
      kind.prefix !== PREFIXE_COLLEGE &&
      !SUCCESSEURS.has(code)
    ) {
      signaler(
        "liste-specialite-non-eligible",
        i,
        col("code"),
        `${code} : spécialité NSF ${nsfCode} non éligible ; la liste le rend éligible ${LIBELLES_CATEGORIES[categorie]}. Vérifiez le code.`,
      );
    } else if (kind.categorie !== categorie) {
      signaler(
        "liste-categorie-incoherente",
        i,
        col("niveau"),
        `${code} : niveau ${formation.niveau} dans la liste, mais un ${kind.libelle} (préfixe ${kind.prefix}) relève de ${LIBELLES_CATEGORIES[kind.categorie]}. La liste décide (${LIBELLES_CATEGORIES[categorie]}) : vérifiez la ligne.`,
      );
    }
  }
  return resultat(
    trouve === null ? null : { ligne: premiereLigne + trouve.index, colonnes: Object.fromEntries(colonnes) },
  );
}

/** What changed from the list in force before to a new one. */
export function comparerListes(avant: Catalogue, apres: Catalogue): EcartListes {
  const ajoutees = apres.formations
    .filter((f) => avant.get(f.code) === undefined)
    .map((formation) => {
      const predecesseur = SUCCESSEURS.get(formation.code)?.predecesseur;
      const remplace = predecesseur === undefined ? undefined : avant.get(predecesseur);
      return {
        formation,
        successeurDe: remplace !== undefined && apres.get(remplace.code) === undefined ? remplace : null,
      };
    });
  const retirees = avant.formations.filter((f) => apres.get(f.code) === undefined);
  const renommees: EcartListes["renommees"][number][] = [];
  const reclassees: EcartListes["reclassees"][number][] = [];
  for (const f of apres.formations) {
    const ancienne = avant.get(f.code);
    if (ancienne === undefined) continue;
    if (normaliserLibelle(ancienne.libelle) !== normaliserLibelle(f.libelle))
      renommees.push({ code: f.code, avant: ancienne.libelle, apres: f.libelle });
    if (ancienne.categorie !== f.categorie)
      reclassees.push({ code: f.code, libelle: f.libelle, avant: ancienne.categorie, apres: f.categorie });
  }
  return { avant, ajoutees, retirees, renommees, reclassees };
}

/** « 3 erreurs, 2 alertes, 4 infos ». */
function compteGravites(constats: readonly ConstatListe[]): string {
  const n = (g: GraviteListe) => constats.filter((c) => c.gravite === g).length;
  return `${nombreDe(n("erreur"), "erreur")}, ${nombreDe(n("alerte"), "alerte")}, ${nombreDe(n("info"), "info")}`;
}

/** The check in a few French lines, the same for the pane and `are liste verifier`. */
export function resumeVerification(v: VerificationListe): string[] {
  const par = (c: Categorie) => v.formations.filter((f) => f.categorie === c).length;
  const lignes = [
    `Liste ${libelleAnnee(v.annee)} : ${nombreDe(v.formations.length, "formation retenue", "formations retenues")} (${par("PREPA_METIERS")} en 3e prépa-métiers, ${par("PRE_BAC")} pré-bac, ${par("POST_BAC")} post-bac).`,
    `${nombreDe(v.lignes.nonVides, "ligne non vide", "lignes non vides")} : ${nombreDe(v.lignes.formations, "formation")}, ${nombreDe(v.lignes.ecartees, "ligne écartée", "lignes écartées")}, ${nombreDe(v.lignes.ignorees, "ligne ignorée", "lignes ignorées")} (titres, totaux, en-têtes répétés).`,
    `Constats : ${compteGravites(v.constats)}.`,
  ];
  if (v.ecart !== null) lignes.push(resumeEcart(v.ecart));
  return lignes;
}

/** « Par rapport à la liste indicative 2023-2024 : 37 ajoutées (dont 37 successeurs…), … ». */
export function resumeEcart(e: EcartListes): string {
  const successeurs = e.ajoutees.filter((a) => a.successeurDe !== null).length;
  const ajoutees =
    nombreDe(e.ajoutees.length, "formation ajoutée", "formations ajoutées") +
    (successeurs > 0 ? ` (dont ${nombreDe(successeurs, "successeur", "successeurs")} d'un code retiré)` : "");
  return `Par rapport à la ${e.avant.nom} : ${ajoutees}, ${nombreDe(e.retirees.length, "retirée", "retirées")}, ${nombreDe(e.renommees.length, "renommée", "renommées")}, ${nombreDe(e.reclassees.length, "changée de catégorie", "changées de catégorie")}.`;
}

/** The changes in words, by kind: « 50022146 CUISINE (CAP), PRE BAC, successeur de 50022139 CUISINE (CAP) ». */
export function changementsEcart(
  e: EcartListes,
): Readonly<Record<"ajoutees" | "retirees" | "renommees" | "reclassees", string[]>> {
  const formation = (f: Formation) => `${f.code} ${f.libelle}, ${LIBELLES_CATEGORIES[f.categorie]}`;
  return {
    ajoutees: e.ajoutees.map(
      ({ formation: f, successeurDe: s }) =>
        `${formation(f)}${s ? `, successeur de ${s.code} ${s.libelle}` : ""}`,
    ),
    retirees: e.retirees.map(formation),
    renommees: e.renommees.map((r) => `${r.code} ${r.avant} → ${r.apres}`),
    reclassees: e.reclassees.map(
      (r) => `${r.code} ${r.libelle} : ${LIBELLES_CATEGORIES[r.avant]} → ${LIBELLES_CATEGORIES[r.apres]}`,
    ),
  };
}

/** One line per change, for the command line: « + » added, « - » removed, « ~ » changed. */
export function lignesEcart(e: EcartListes): string[] {
  const c = changementsEcart(e);
  return [
    ...c.ajoutees.map((l) => `+ ${l}`),
    ...c.retirees.map((l) => `- ${l}`),
    ...[...c.renommees, ...c.reclassees].map((l) => `~ ${l}`),
  ];
}
