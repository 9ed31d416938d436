/**
 * The ARE.* worksheet functions (design.md §3). Each one reads Excel's arguments (arguments.ts), calls
 * the rules core and maps failures to #VALUE! / #N/A with a French message (errors.ts). Nothing here
 * decides a rule.
 *
 * The JSDoc of each function is the only source of its metadata: custom-functions-metadata-plugin turns
 * it into functions.json (description, parameter help, help URL) and appends the
 * `CustomFunctions.associate("ID", fonction)` calls to this module when webpack builds it. The help
 * URLs point to the development server; the production build rewrites them (webpack.config.js).
 */
import { listesStore, parametresStore, demarrerRuntime } from "../addin/runtime";
import {
  LIBELLES_CATEGORIES,
  Decimal,
  ErreurArgument,
  ErreurParametreManquant,
  aideCpge,
  boursiersRetenus,
  complementFormation,
  ECART_IPC_MAXIMUM,
  formaterEuros,
  formaterPourcentage,
  partsEnveloppe,
  indexer as indexerMontant,
  jugerFormation,
  montantLigne,
  groupeNsf,
  lireCategorie,
  lireTypeForfait,
  lireCodeFormation,
  arrondirDemiHaut,
  soldeEnveloppe,
  tauxIpc,
  type Eligibilite,
} from "../rules";
import {
  enMatrice,
  estVide,
  lireAnnee,
  lireBooleen,
  lireEffectif,
  lireIndice,
  lireMontantArgument,
  lireNombre,
  lireTauxBoursiersOptionnel,
  lireTauxIndexation,
  lireTexteOptionnel,
  refuserErreur,
  tauxBoursiersManquant,
} from "./arguments";
import { calculer, calculerParCellule } from "./errors";
import { parCellules } from "./plages";

/**
 * A euro amount as Excel receives it: a number rounded half-up to the cent, converted only here. The
 * arguments' bounds keep every result far below what a double holds; this check makes sure no
 * Infinity ever reaches a cell (issue 11 item 18).
 */
function euros(montant: Decimal): number {
  const nombre = arrondirDemiHaut(montant, 2).toNumber();
  if (!Number.isFinite(nombre)) {
    throw new ErreurArgument(
      "resultat-hors-limites",
      "Résultat trop grand pour être un montant : vérifiez les arguments.",
    );
  }
  return nombre;
}

/** A fall of the December index over a year beyond which two indices were given in the wrong order. */
const BAISSE_IPC_MAXIMUM = new Decimal("-0.01");

/** The code formation diplôme of a cell, normalised (spaces, apostrophe, lost leading zero). */
function codeFormation(value: unknown): string {
  refuserErreur(value);
  const lecture = lireCodeFormation(value);
  if (!lecture.ok) throw new ErreurArgument(`code-${lecture.probleme}`, lecture.message);
  return lecture.code;
}

/**
 * Eligibility of every cell of a range for one school year, the list in force looked up once: the
 * list the user loaded for that year (or an earlier one) from the shared store, else the embedded one. A column
 * of codes repeats a few hundred values: each distinct value is judged once per call, as the sheet
 * readers do (design.md §8: 100 000 cells of ARE.ELIGIBLE in under 100 ms). Only answers are kept —
 * a value that cannot be read gives its error in each of its cells, as before.
 */
function parCode<T>(codes: unknown, annee: unknown, reponse: (eligibilite: Eligibilite) => T) {
  const catalogue = listesStore.catalogues().pour(lireAnnee(annee, new Date()));
  const reponses = new Map<unknown, T>();
  return calculerParCellule(enMatrice(codes), estVide, (value) => {
    const connue = reponses.get(value);
    if (connue !== undefined) return connue;
    const resultat = reponse(jugerFormation(codeFormation(value), catalogue));
    // An object (an error value) is never the same cell twice: not kept. (A Map takes -0 for 0, but
    // neither is a code: no answer is ever kept for them.)
    if (typeof value !== "object") reponses.set(value, resultat);
    return resultat;
  });
}

/**
 * Forfait par élève de l'année scolaire (par concours pour la CPGE), publié ou indexé sur l'IPC de décembre n-1.
 * @customfunction FORFAIT
 * @helpurl https://localhost:3000/aide.html#forfait
 * @param annee Année de rentrée (2024 pour 2024-2025) ou année scolaire « 2024-2025 ».
 * @param [categorie] PRE BAC (par défaut), POST BAC, 3EME PREPA-METIERS ou CPGE.
 * @returns Le forfait en euros.
 */
export function forfait(annee: unknown, categorie?: unknown): number {
  return calculer(() => {
    // Left out, the catégorie is PRE BAC; given as an empty text — a formula's "", such as ARE.CATEGORIE
    // of a non-eligible code — it is not: =B2*ARE.FORFAIT(2024;C2) would pay a formation that has no forfait.
    if (typeof categorie === "string" && estVide(categorie)) {
      throw new ErreurArgument(
        "categorie-manquante",
        "Catégorie vide (ARE.CATEGORIE est vide pour une formation non éligible, qui n'a pas de forfait) : indiquez PRE BAC, POST BAC, 3EME PREPA-METIERS ou CPGE, ou omettez l'argument pour le forfait pré-bac.",
      );
    }
    const texte = lireTexteOptionnel(categorie);
    const kind = texte === null ? "PRE_BAC" : lireTypeForfait(texte);
    return euros(parametresStore.parametres().forfait(kind, lireAnnee(annee, new Date())).valeur);
  });
}

/**
 * VRAI si la formation (code formation diplôme à 8 chiffres) ouvre droit à l'ARE ; s'étend sur une plage.
 * @customfunction ELIGIBLE
 * @helpurl https://localhost:3000/aide.html#eligible
 * @param code Code formation diplôme (cellule ou plage), par exemple 50022137.
 * @param [annee] Année de rentrée ou année scolaire ; par défaut l'année scolaire en cours.
 * @returns VRAI ou FAUX pour chaque code, vide pour une cellule vide.
 */
export function eligible(code: unknown[][], annee?: unknown): unknown[][] {
  return calculer(() => parCode(code, annee, (e) => e.eligible));
}

/**
 * Pourquoi la formation est éligible ou non, en clair : liste indicative, spécialité NSF, exclusions.
 * @customfunction MOTIF
 * @helpurl https://localhost:3000/aide.html#motif
 * @param code Code formation diplôme (cellule ou plage).
 * @param [annee] Année de rentrée ou année scolaire ; par défaut l'année scolaire en cours.
 * @returns Le motif en français pour chaque code.
 */
export function motif(code: unknown[][], annee?: unknown): unknown[][] {
  return calculer(() => parCode(code, annee, (e) => e.motif));
}

/**
 * Ligne de dotation de la formation : PRE BAC, POST BAC ou 3EME PREPA-METIERS ; vide si elle n'est pas éligible.
 * @customfunction CATEGORIE
 * @helpurl https://localhost:3000/aide.html#categorie
 * @param code Code formation diplôme (cellule ou plage).
 * @param [annee] Année de rentrée ou année scolaire ; par défaut l'année scolaire en cours.
 * @returns La catégorie pour chaque code.
 */
export function categorie(code: unknown[][], annee?: unknown): unknown[][] {
  return calculer(() => parCode(code, annee, (e) => (e.categorie ? LIBELLES_CATEGORIES[e.categorie] : "")));
}

/**
 * Libellé de la formation dans la liste indicative des formations éligibles ; #N/A si le code n'y figure pas.
 * @customfunction LIBELLE
 * @helpurl https://localhost:3000/aide.html#libelle
 * @param code Code formation diplôme, par exemple 50022137.
 * @returns Le libellé publié en annexe.
 */
export function libelle(code: unknown): string {
  return calculer(() => {
    if (estVide(code)) return "";
    const normalise = codeFormation(code);
    // The latest list first (a loaded one included): a later list's wording replaces an earlier one.
    const catalogues = listesStore.catalogues().listes;
    for (const catalogue of [...catalogues].reverse()) {
      const formation = catalogue.get(normalise);
      if (formation) return formation.libelle;
    }
    const noms = catalogues.map((c) => c.nom);
    const absent =
      noms.length === 1 ? `pas dans la ${noms[0]}` : `dans aucune des listes (${noms.join(", ")})`;
    throw new ErreurParametreManquant(
      "code-hors-liste",
      `Le code ${normalise} ne figure ${absent} : pas de libellé publié (ARE.MOTIF dit s'il est éligible).`,
      `libellé du code ${normalise}`,
    );
  });
}

/**
 * Groupe de spécialités NSF lu dans le code formation (caractères 4 à 6), par exemple 221 pour 50022137.
 * @customfunction NSF
 * @helpurl https://localhost:3000/aide.html#nsf
 * @param code Code formation diplôme.
 * @returns Le groupe NSF (nombre à 3 chiffres).
 */
export function nsf(code: unknown): number | string {
  return calculer(() => (estVide(code) ? "" : groupeNsf(codeFormation(code))));
}

/** The catégorie of a dotation line, required. */
function categorieDotation(value: unknown) {
  const texte = lireTexteOptionnel(value);
  if (texte === null) {
    throw new ErreurArgument(
      "categorie-manquante",
      "Catégorie manquante : indiquez PRE BAC, POST BAC ou 3EME PREPA-METIERS.",
    );
  }
  return lireCategorie(texte);
}

/**
 * Dotation d'une ligne : effectif × forfait ; en post-bac, boursiers retenus (effectif × taux, arrondi à l'élève) × forfait. Chaque argument est une cellule ou une plage.
 * @customfunction DOTATION
 * @helpurl https://localhost:3000/aide.html#dotation
 * @param effectif Effectif de 1re année (n-1) des formations éligibles de la catégorie (cellule ou plage) ; vide vaut 0.
 * @param categorie PRE BAC, POST BAC ou 3EME PREPA-METIERS (cellule ou plage de même taille).
 * @param [annee] Année de rentrée ou année scolaire ; par défaut l'année scolaire en cours.
 * @param [taux_boursiers] Taux de boursiers de l'établissement (0,35 ou 35 % ; 1 compte pour 100 %), obligatoire en post-bac (sauf effectif 0).
 * @returns La dotation en euros, pour chaque cellule d'une plage.
 */
export function dotation(
  effectif: unknown[][],
  categorie: unknown[][],
  annee?: unknown[][],
  taux_boursiers?: unknown[][],
): unknown[][] {
  const aujourdhui = new Date();
  const parametres = parametresStore.parametres();
  // Read in the scalar form's order: the catégorie's message comes first.
  return parCellules(
    [
      { nom: "Catégorie", valeur: categorie, lire: categorieDotation },
      { nom: "Effectif", valeur: effectif, lire: (v) => lireEffectif(v, "Effectif") },
      { nom: "Année", valeur: annee, lire: (v) => lireAnnee(v, aujourdhui) },
      { nom: "Taux de boursiers", valeur: taux_boursiers, lire: lireTauxBoursiersOptionnel },
    ] as const,
    // The amount without its explanation (montantLigne): a range shows amounts only.
    (ligne, eleves, an, taux) => euros(montantLigne(ligne, eleves, an, parametres, taux)),
  );
}

/** A dotation given to ARE.NETTE: an amount that cannot be negative. */
function dotationBrute(value: unknown): Decimal {
  const brute = lireMontantArgument(value, "Dotation");
  if (brute.isNegative()) {
    throw new ErreurArgument("dotation-negative", "Dotation négative : un montant positif est attendu.");
  }
  return brute;
}

/**
 * R9 through the core's partsEnveloppe, which dotationNetteEnveloppe also uses, without the latter's
 * French trace: formatting two amounts per cell made a 100 000-cell range ~7 times slower
 * (docs/performance.md). Same check and message for a negative reliquat.
 */
function netteEnveloppe(brute: Decimal, reliquat: Decimal, aRepondu: boolean): Decimal {
  if (reliquat.isNegative()) {
    throw new ErreurArgument(
      "reliquat-negatif",
      `Dotation nette : un reliquat ne peut pas être négatif (${formaterEuros(reliquat)}).`,
    );
  }
  return partsEnveloppe(brute, reliquat, aRepondu, true).nette ?? new Decimal(0);
}

/**
 * Dotation nette d'une enveloppe : dotation moins le reliquat de l'année précédente, jamais négative ; 0 si l'établissement n'a pas répondu aux enquêtes. Chaque argument est une cellule ou une plage.
 * @customfunction NETTE
 * @helpurl https://localhost:3000/aide.html#nette
 * @param dotation Dotation calculée de l'enveloppe (pré-bac ou post-bac), en euros (cellule ou plage).
 * @param reliquat Reliquat de l'année précédente pour la même enveloppe, en euros (cellule ou plage de même taille) ; vide vaut 0.
 * @param [a_repondu] VRAI (par défaut) si l'établissement a répondu aux enquêtes régionales, FAUX sinon.
 * @returns La dotation nette en euros, pour chaque cellule d'une plage.
 */
export function nette(dotation: unknown[][], reliquat: unknown[][], a_repondu?: unknown[][]): unknown[][] {
  return parCellules(
    [
      { nom: "Dotation", valeur: dotation, lire: dotationBrute },
      { nom: "Reliquat", valeur: reliquat, lire: (v) => lireMontantArgument(v, "Reliquat") },
      { nom: "A répondu", valeur: a_repondu, lire: (v) => lireBooleen(v, "A répondu", true) },
    ] as const,
    (brute, reste, repondu) => euros(netteEnveloppe(brute, reste, repondu)),
  );
}

/**
 * Boursiers retenus pour la dotation post-bac : effectif × taux de boursiers, arrondi à l'élève le plus proche. Chaque argument est une cellule ou une plage.
 * @customfunction BOURSIERS
 * @helpurl https://localhost:3000/aide.html#boursiers
 * @param effectif Effectif de 1re année post-bac des formations éligibles de l'établissement (cellule ou plage) ; vide vaut 0.
 * @param taux Taux de boursiers de l'établissement (0,35 ou 35 % ; 1 compte pour 100 %), cellule ou plage de même taille ; vide si l'effectif est 0.
 * @returns Le nombre de boursiers retenus, pour chaque cellule d'une plage.
 */
export function boursiers(effectif: unknown[][], taux: unknown[][]): unknown[][] {
  return parCellules(
    [
      { nom: "Effectif", valeur: effectif, lire: (v) => lireEffectif(v, "Effectif") },
      { nom: "Taux", valeur: taux, lire: lireTauxBoursiersOptionnel },
    ] as const,
    // No post-bac pupils need no taux, as in ARE.DOTATION and the « Dotations ARE » sheet (0 boursiers):
    // a column of this formula over every establishment stays summable.
    (eleves, lu) => {
      if (lu) return boursiersRetenus(eleves, lu);
      if (eleves === 0) return 0;
      throw tauxBoursiersManquant();
    },
  );
}

/**
 * Taux d'indexation des forfaits : IPC de décembre n-1 / IPC de décembre n-2 − 1, arrondi à 0,01 % (série INSEE 001763862).
 * @customfunction TAUX_IPC
 * @helpurl https://localhost:3000/aide.html#taux_ipc
 * @param indice_dec_n1 Indice des prix de décembre n-1, par exemple 114,18 (décembre 2022).
 * @param indice_dec_n2 Indice des prix de décembre n-2, dans la même base, par exemple 107,4 (décembre 2021).
 * @returns Le taux, par exemple 0,0631 (6,31 %).
 */
export function taux_ipc(indice_dec_n1: unknown, indice_dec_n2: unknown): number {
  return calculer(() => {
    const taux = tauxIpc(
      lireIndice(indice_dec_n1, "Indice de décembre n-1"),
      lireIndice(indice_dec_n2, "Indice de décembre n-2"),
    );
    // Décision (regles.md#fonctions.taux-ipc-bases): December 2026 in base 2025 (~102) over December
    // 2025 in base 2015 (~121) is −15 %, which ARE.INDEXER would turn into « montant reconduit ».
    if (taux.abs().gt(ECART_IPC_MAXIMUM)) {
      throw new ErreurArgument(
        "taux-invraisemblable",
        `Taux ${formaterPourcentage(taux)} invraisemblable (plus de 10 % en un an) : les deux indices sont-ils dans la même base ?`,
      );
    }
    // Décision (regles.md#fonctions.taux-ipc-inverses): (114,18;118,38) for (118,38;114,18) is −3,55 %,
    // and ARE.INDEXER kept 151 € where 157 € was due.
    if (taux.lt(BAISSE_IPC_MAXIMUM)) {
      throw new ErreurArgument(
        "taux-invraisemblable",
        `Taux ${formaterPourcentage(taux)} invraisemblable (baisse de plus de 1 % en un an) : les indices sont-ils inversés (décembre n-1 en premier) ?`,
      );
    }
    return taux.toNumber();
  });
}

/**
 * Montant indexé : montant × (1 + taux arrondi à 0,01 %), arrondi à l'euro le plus proche ; un taux négatif reconduit le montant.
 * @customfunction INDEXER
 * @helpurl https://localhost:3000/aide.html#indexer
 * @param montant Montant de l'année précédente, en euros ; vide vaut 0.
 * @param taux Taux d'indexation (0,0368 ou 3,68 %), par exemple le résultat de ARE.TAUX_IPC.
 * @returns Le montant indexé en euros.
 */
export function indexer(montant: unknown, taux: unknown): number {
  return calculer(() =>
    euros(indexerMontant(lireMontantArgument(montant, "Montant"), lireTauxIndexation(taux))),
  );
}

/**
 * Aide aux frais de concours d'un élève de 2e année de CPGE : forfait par concours, trois concours au plus, si le quotient familial régional ne dépasse pas le plafond.
 * @customfunction CPGE
 * @helpurl https://localhost:3000/aide.html#cpge
 * @param nombre_concours Nombre de concours présentés ; au-delà de trois, trois sont retenus.
 * @param quotient_familial Quotient familial régional annuel, en euros (plafond 10 140 € en 2023-2024).
 * @param [annee] Année de rentrée ou année scolaire ; par défaut l'année scolaire en cours.
 * @returns L'aide en euros.
 */
export function cpge(nombre_concours: unknown, quotient_familial: unknown, annee?: unknown): number {
  return calculer(() => {
    const aide = aideCpge(
      lireNombre(nombre_concours, { nom: "Nombre de concours", videVautZero: true, exemple: "2" }),
      lireMontantArgument(quotient_familial, "Quotient familial", false),
      lireAnnee(annee, new Date()),
      parametresStore.parametres(),
    );
    return euros(aide.valeur);
  });
}

/**
 * Dotation complémentaire d'une formation : élèves supplémentaires (boursiers supplémentaires en post-bac) × forfait de sa catégorie.
 * @customfunction COMPLEMENT
 * @helpurl https://localhost:3000/aide.html#complement
 * @param supplementaires Élèves supplémentaires (pré-bac, 3e prépa-métiers) ou boursiers supplémentaires (post-bac) ; vide vaut 0.
 * @param code Code formation diplôme de la formation, par exemple 50022137.
 * @param [annee] Année de rentrée ou année scolaire ; par défaut l'année scolaire en cours.
 * @returns Le montant à demander en euros.
 */
export function complement(supplementaires: unknown, code: unknown, annee?: unknown): number {
  return calculer(() => {
    const an = lireAnnee(annee, new Date());
    const ligne = complementFormation(
      lireEffectif(supplementaires, "Élèves supplémentaires"),
      codeFormation(code),
      an,
      parametresStore.parametres(),
      listesStore.catalogues().pour(an),
    );
    return euros(ligne.montant.valeur);
  });
}

/**
 * Reliquat d'une enveloppe en fin d'année : dotation reçue + reliquat antérieur − dépenses, jamais négatif ; il est déduit de la dotation suivante.
 * @customfunction RELIQUAT
 * @helpurl https://localhost:3000/aide.html#reliquat
 * @param dotation_recue Dotations reçues dans l'année pour l'enveloppe (initiale et complémentaire), en euros ; vide vaut 0.
 * @param reliquat_anterieur Reliquat de l'année précédente pour la même enveloppe, en euros ; vide vaut 0.
 * @param depense Montant des achats imputés sur l'enveloppe dans l'année, en euros ; vide vaut 0.
 * @returns Le reliquat reporté en euros.
 */
export function reliquat(dotation_recue: unknown, reliquat_anterieur: unknown, depense: unknown): number {
  return calculer(() => {
    const montant = (value: unknown, nom: string, negatif: string) => {
      const lu = lireMontantArgument(value, nom);
      if (lu.isNegative()) {
        throw new ErreurArgument(
          "montant-negatif",
          `${nom} ${negatif} : un montant positif ou nul est attendu.`,
        );
      }
      return lu;
    };
    // The envelope only names the trace, which is not shown here: both envelopes compute alike.
    const solde = soldeEnveloppe("preBac", {
      dotationRecue: montant(dotation_recue, "Dotation reçue", "négative"),
      reliquatAnterieur: montant(reliquat_anterieur, "Reliquat antérieur", "négatif"),
      depense: montant(depense, "Dépense", "négative"),
    });
    return euros(solde.nouveauReliquat.valeur);
  });
}

demarrerRuntime();
