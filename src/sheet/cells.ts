/**
 * Reading one cell as the value a field expects: an effectif, an amount, a yes/no answer, a year of
 * formation, a status. Pasted numbers arrive as numbers or as French text (« 1 234 » with a regular or
 * non-breaking space, « 1 200,50 € »); every reading either gives the value or says, in French, what
 * is wrong and what to do.
 */
import {
  Decimal,
  EFFECTIF_MAXIMUM,
  HALF_UP,
  citation,
  lireNombreFrancais,
  lireNombreValeur,
  lireOuiNon,
  messageEffectifInvraisemblable,
  messageNombreIllisible,
  nomFrancaisErreur,
  normaliserLibelle,
  sansEspaces,
} from "../rules";
import { isBlank, isCellError, isUncalculatedFormula, type CellValue } from "../grid";

/** The cell of a row at a column index, null when the column is unmapped or the row is shorter. */
export function cellule(row: readonly CellValue[], index: number): CellValue {
  // The length is tested rather than read past: V8, optimising cellule on full rows, would throw its
  // code away at the first shorter row ("out of bounds").
  return index < 0 || index >= row.length ? null : (row[index] ?? null);
}

/**
 * How a cell is quoted in a message: « 12,5 », « #N/A »; a long text by its start and length (citation).
 * An error value by the name French Excel shows (« #VALEUR! », not the file's « #VALUE! »).
 */
export function afficher(value: CellValue): string {
  if (isCellError(value)) return citation(nomFrancaisErreur(value.error));
  if (typeof value === "boolean") return value ? "VRAI" : "FAUX";
  if (typeof value === "number") return String(value).replace(".", ",");
  return citation(String(value ?? "").trim());
}

export function messageErreurExcel(value: CellValue, champ: string): string {
  if (isUncalculatedFormula(value)) return messageFormuleSansValeur(champ);
  return `La cellule ${champ} contient l'erreur Excel ${afficher(value)} : la formule ou l'extraction d'origine n'a pas donné de valeur. Corrigez la source ou saisissez la valeur, puis relancez.`;
}

/**
 * A formula the file holds without its result (UNCALCULATED_FORMULA): the file was filled by a program
 * and never calculated by Excel. Its value is unknown — never read as blank or 0.
 */
export function messageFormuleSansValeur(champ: string): string {
  return `La cellule ${champ} contient une formule dont le fichier n'a pas enregistré le résultat (fichier rempli par un programme, jamais ouvert dans Excel) : sa valeur est inconnue. Ouvrez le fichier dans Excel, enregistrez-le (les formules sont alors calculées), puis relancez.`;
}

/** The constat of a cell holding an error value: a formula without value has its own. */
export function codeErreurCellule(value: CellValue): "erreur-excel" | "formule-sans-valeur" {
  return isUncalculatedFormula(value) ? "formule-sans-valeur" : "erreur-excel";
}

export type ProblemeEntier =
  | "effectif-vide"
  | "effectif-negatif"
  | "effectif-decimal"
  | "effectif-texte"
  | "effectif-invraisemblable"
  | "erreur-excel"
  | "formule-sans-valeur";

/** The bound is a rule (src/rules/boursiers.ts), shared with the ARE.* functions. */
export { EFFECTIF_MAXIMUM };

export interface EntierIllisible {
  readonly probleme: ProblemeEntier;
  readonly message: string;
}

/**
 * A whole, non-negative number of students. Text goes through the one French number reader
 * (src/rules/nombres.ts): « 1 234 » and « 1 234 » (no-break space) are 1234, « 12,0 » is 12,
 * « 12,5 » is refused as non entier — never 12 — and « 1.234 » as ambiguous.
 */
/**
 * `compte` says what is counted, as the messages name it (« d'élèves », or « d'élèves ou de boursiers »
 * in a demande): each reader writes its own sentence, none rewrites another's.
 */
export function lireEntier(
  value: CellValue,
  quoi = "Effectif",
  compte = "d'élèves",
): number | EntierIllisible {
  if (typeof value === "number") {
    // Décision (regles.md#lecture.effectif-bruit-formule): a formula's binary noise
    // (=0,1*240 → 24,000000000000004) is its whole number; 24,5 stays refused.
    value = entierProche(value);
    if (Number.isInteger(value) && value >= 0) {
      if (value > EFFECTIF_MAXIMUM) return entierIllisible(value, "effectif-invraisemblable", quoi, compte);
      return value === 0 ? 0 : value; // -0 is 0
    }
    return entierIllisible(
      value,
      Number.isFinite(value) && value < 0 ? "effectif-negatif" : "effectif-decimal",
      quoi,
      compte,
    );
  }
  if (isBlank(value)) {
    return {
      probleme: "effectif-vide",
      message: `${quoi} vide : saisissez le nombre d'élèves (0 s'il n'y en a pas) ou supprimez la ligne.`,
    };
  }
  if (isCellError(value))
    return { probleme: codeErreurCellule(value), message: messageErreurExcel(value, quoi.toLowerCase()) };
  if (typeof value === "string") {
    const lu = lireNombreFrancais(value);
    if (lu.ok && lu.unite === null) {
      let valeur = lu.valeur;
      // The same noise as a program's .csv writes it (« 24.000000000000004 », 17 digits: text).
      if (!valeur.isInteger()) valeur = new Decimal(entierProche(valeur.toNumber()));
      if (valeur.isNegative()) return entierIllisible(value, "effectif-negatif", quoi, compte);
      if (!valeur.isInteger()) return entierIllisible(value, "effectif-decimal", quoi, compte);
      if (valeur.gt(EFFECTIF_MAXIMUM))
        return entierIllisible(value, "effectif-invraisemblable", quoi, compte);
      return valeur.toNumber();
    }
    if (!lu.ok && lu.probleme === "ambigu") {
      return { probleme: "effectif-texte", message: messageNombreIllisible("ambigu", quoi, value, "") };
    }
  }
  // Décision (regles.md#lecture.effectif-tiret): « - » is refused, not 0 — a dash can say « not known ».
  return entierIllisible(value, "effectif-texte", quoi, compte);
}

/** How far from a whole number, relative to it, a count is still that number: binary noise only. */
const BRUIT_RELATIF = 1e-9;

/** The whole number `value` is, give or take a formula's binary noise; else `value` itself. -0 is 0. */
function entierProche(value: number): number {
  const entier = Math.round(value);
  return Math.abs(value - entier) <= BRUIT_RELATIF * Math.max(1, Math.abs(entier)) ? entier + 0 : value;
}

function entierIllisible(
  value: CellValue,
  probleme: ProblemeEntier,
  quoi: string,
  compte: string,
): EntierIllisible {
  const shown = afficher(value);
  const why: Record<ProblemeEntier, string> = {
    "effectif-vide": "",
    "erreur-excel": "",
    "formule-sans-valeur": "",
    "effectif-negatif": `${quoi} « ${shown} » négatif : un nombre ${compte} ne peut pas être négatif. Corrigez la valeur.`,
    "effectif-decimal": `${quoi} « ${shown} » non entier : un nombre ${compte} est entier. Corrigez la valeur (une moyenne ou un pourcentage a peut-être été collé).`,
    "effectif-texte": `${quoi} « ${shown} » illisible : saisissez un nombre entier d'élèves (ex. 24).`,
    "effectif-invraisemblable": messageEffectifInvraisemblable(quoi, shown),
  };
  return { probleme, message: why[probleme] };
}

export type MontantLu =
  | {
      readonly ok: true;
      readonly valeur: Decimal;
      /** Rounded to the cent: say so. */ readonly arrondi: boolean;
    }
  | { readonly ok: false; readonly negatif: boolean; readonly message: string };

/**
 * An amount in euros, exactly: a number (1200.5) or French text (« 1 200,50 € », « 1200.50 », « 1.200,50 »).
 * Décision (regles.md#lecture.montant-decimales): more than two decimals are rounded half-up to the cent and the reading says so, except for
 * the binary noise a formula leaves on a number (1200.4999999999998), which is rounded silently.
 * « 1.200 » or « 1,200 » alone is refused as ambiguous (the one reader, src/rules/nombres.ts).
 * « - » and « néant » mean zero; so do « -0 » and « -0,00 ».
 */
/**
 * Décision (regles.md#technique.borne-montant): no amount of the scheme (a reliquat, a dotation, a purchase) reaches a billion euros — the
 * whole regional budget of the ARE is a few million. A bigger number is a pasted identifier, refused
 * like an unreadable amount rather than carried into the sums.
 */
export const MONTANT_MAXIMUM = new Decimal(1_000_000_000);

export function lireMontant(value: CellValue, quoi: string): MontantLu {
  let parsed: Decimal | "ambigu" | null = null;
  let floatNoise = false;
  if (typeof value === "number" && Number.isFinite(value)) {
    parsed = new Decimal(value);
    floatNoise = parsed.decimalPlaces() > 9;
  } else if (typeof value === "string") {
    const text = sansEspaces(value);
    if (text === "-" || normaliserLibelle(text) === "NEANT") parsed = new Decimal(0);
    else {
      const lu = lireNombreFrancais(value);
      if (lu.ok) parsed = lu.unite === "pourcent" ? null : lu.valeur;
      else if (lu.probleme === "ambigu") parsed = "ambigu";
    }
  }
  if (isCellError(value))
    return { ok: false, negatif: false, message: messageErreurExcel(value, quoi.toLowerCase()) };
  if (parsed === "ambigu") {
    return {
      ok: false,
      negatif: false,
      message: messageNombreIllisible("ambigu", quoi, String(value), ""),
    };
  }
  if (parsed === null) {
    return {
      ok: false,
      negatif: false,
      message: `${quoi} « ${afficher(value)} » illisible : saisissez un montant en euros (ex. 1 200,50).`,
    };
  }
  if (parsed.isNegative() && !parsed.isZero()) {
    return {
      ok: false,
      negatif: true,
      message: `${quoi} « ${afficher(value)} » négatif : un reliquat est un montant positif ou nul. Corrigez la valeur.`,
    };
  }
  if (parsed.gt(MONTANT_MAXIMUM)) {
    return {
      ok: false,
      negatif: false,
      message: `${quoi} « ${afficher(value)} » invraisemblable (plus d'un milliard d'euros) : un numéro ou un autre nombre a sans doute été collé dans cette colonne. Corrigez la valeur.`,
    };
  }
  const rounded = parsed.toDecimalPlaces(2, HALF_UP);
  // « -0,00 » (an accounting export's zero) or a -0 number is zero: a negative zero would be refused
  // further on as a negative reliquat (dotationNetteEnveloppe) and stop the whole run.
  const valeur = rounded.isZero() ? new Decimal(0) : rounded;
  return { ok: true, valeur, arrondi: !floatNoise && !rounded.equals(parsed) };
}

/**
 * The longest formations of the list last three years (bac professionnel, DN MADE): a larger « year »
 * is a school year (2024) or a level, never a year of formation — unreadable rather than « not first ».
 */
const ANNEE_MAXIMUM = 3;

/** Years written in words, once normalised (normaliserLibelle: no accents, spaces or punctuation). */
const ORDINAUX: Readonly<Record<string, number>> = {
  PREMIERE: 1,
  PREMIEREANNEE: 1,
  DEUXIEME: 2,
  DEUXIEMEANNEE: 2,
  SECONDEANNEE: 2,
  TROISIEME: 3,
  TROISIEMEANNEE: 3,
};

/**
 * A year as a number, an ordinal (« 1ère », « 2e », « 3ème », « 1er ») or « année 2 », each with or
 * without « année », once normalised. « 2nde », « 2nd », « 2de » are the class seconde unless « année »
 * follows (« 2nde année »).
 */
const ANNEE_EN_CHIFFRES = /^(?:(\d+)(?:E|EME|IEME|ERE|RE|ER)?(?:ANNEE)?|(\d+)(?:NDE|ND|DE)ANNEE|ANNEE(\d+))$/;

/**
 * The year within the formation: 1, « 1 », « 1ère année », « 2e année », « première ». Null when
 * unreadable.
 * Décision (regles.md#beneficiaires.premiere-annee): a class name is not a year of formation and is refused as
 * unreadable — « seconde », « 2nde », « 1ère pro », « 1re STMG », « terminale » — because the same class
 * is a different year from one formation to another: the classe de première is the 2nd year of a bac
 * professionnel and the 1st of a bac technologique (seed: « entrant directement en classe de
 * première »). Anything after the year but « année » makes it a class name.
 */
export function lireAnneeFormation(value: CellValue): number | null {
  if (typeof value === "number") {
    // A formula's binary noise (1,0000000000000002) is its whole year, like an effectif's
    // (regles.md#lecture.effectif-bruit-formule); 1,5 stays unreadable.
    const annee = entierProche(value);
    return Number.isInteger(annee) && annee >= 1 && annee <= ANNEE_MAXIMUM ? annee : null;
  }
  if (typeof value !== "string") return null;
  const label = normaliserLibelle(value);
  const match = ANNEE_EN_CHIFFRES.exec(label);
  if (match) {
    const annee = Number(match[1] ?? match[2] ?? match[3]);
    return annee >= 1 && annee <= ANNEE_MAXIMUM ? annee : null;
  }
  return ORDINAUX[label] ?? null;
}

/**
 * R5 (regles.md#beneficiaires.apprentis) — « Le dispositif n'est pas applicable aux élèves en contrat d'apprentissage ou de
 * professionnalisation » (seed, « Les bénéficiaires »): a status saying apprenti(e)(s),
 * apprentissage, (contrat de) professionnalisation, contrat (de) pro, alternance or alternant (work-study
 * is one of these two contracts), or the short codes AP, APP, APPR (ST is the school status), once
 * what it denies is taken out: « Scolaire (non apprenti) » counts, « Apprenti sans contrat » does not.
 * `question`: the column asks « Apprenti ? », its oui / x / 1 / VRAI say an apprentice, its non a pupil.
 */
export function estStatutApprenti(value: CellValue, question = false): boolean {
  // In a column that asks the question (its header « Apprenti », « Alternance »…), oui / non answer it;
  // other words read as a status.
  const reponse = question ? lireOuiNon(value) : null;
  if (reponse !== null) return reponse;
  return typeof value === "string" && CONTRAT.test(normaliserLibelle(value).replace(NEGATION, ""));
}

/** Why a status keeps its row out of the count (R5), or null when its pupils count. */
export type MotifStatut = "statut-mixte" | "apprentissage" | "hors-statut-scolaire";

/**
 * How a status column reads (lectureStatut): 0 a status (« Statut »), 1 a question answered oui / non
 * (« Apprenti »), 2 a count of the row's apprentices (« Dont apprentis »).
 */
export type LectureStatut = 0 | 1 | 2;

/** The reading of a status column by its header (« Dont apprentis » counts, « Apprenti » asks). */
export function lectureStatut(entete: string): LectureStatut {
  if (!estStatutApprenti(entete)) return 0;
  return /^(DONT|NB|NOMBRE|EFFECTIFS?)/.test(normaliserLibelle(entete)) ? 2 : 1;
}

/**
 * R5: a status that mixes pupils and others, an apprentice's, or one outside school status
 * (estHorsStatutScolaire) — in that order, so that « Scolaires et apprentis » is mixed, not apprentices.
 * Décision (regles.md#beneficiaires.apprentis-comptes): a number in a column of apprentices is 0 (a
 * row of pupils), 1 under « Apprenti » (oui: a row of apprentices), or else a number of apprentices —
 * « 8 », « 8,0 », 1 under « Dont apprentis » — put with the pupils of its effectif, which cannot be
 * split: mixed (a negative or fractional count too: never read as no apprentice).
 */
export function motifStatut(value: CellValue, lecture: LectureStatut = 0): MotifStatut | null {
  const n = lecture ? lireNombreValeur(value) : null;
  if (n?.ok && n.unite === null) {
    if (n.valeur.isZero()) return null;
    return lecture === 1 && n.valeur.equals(1) ? "apprentissage" : "statut-mixte";
  }
  if (estStatutMixte(value)) return "statut-mixte";
  if (estStatutApprenti(value, lecture > 0)) return "apprentissage";
  return estHorsStatutScolaire(value) ? "hors-statut-scolaire" : null;
}

/**
 * R5 — Décision (regles.md#beneficiaires.hors-statut-scolaire): the seed's beneficiaries are « élèves »
 * (« Les bénéficiaires »); a status that says otherwise — « Non scolaire », « Hors statut scolaire »,
 * continuing education (« Formation continue », « FC », « GRETA », « Stagiaire ») or « Auditeur libre »
 * — is not a pupil's, and its row does not count. Counted, it paid the Région's aid to adults in
 * continuing education. « Scolaire (non apprenti) » denies an apprenticeship, not the school status.
 */
export function estHorsStatutScolaire(value: CellValue): boolean {
  return typeof value === "string" && HORS_SCOLAIRE.test(normaliserLibelle(value));
}

const HORS_SCOLAIRE =
  /^FC$|CONTINUE|GRETA|STAGIAIRE|AUDITEUR|(NON|HORS|PAS|SANS)(DE|DU|SOUS)?(STATUT)?SCOLAIRE/;

/** A contract, or the short code of an apprentice: AP, APP, APPR (ST is the school status). */
const CONTRAT = /^APP?R?$|^[CU]FA$|APPRENTI|PROFESSIONNALISATION|ALTERNAN|CONTRAT(DE)?PRO$/;

/**
 * R5 (regles.md#beneficiaires.statut-mixte) — a status that puts pupils and apprentices in one row:
 * « Mixte », « Scolaires et apprentis », « Statut scolaire + apprentissage ». Its effectif cannot be
 * split: counted whole it pays the apprentices, excluded whole it loses the pupils.
 */
export function estStatutMixte(value: CellValue): boolean {
  if (typeof value !== "string") return false;
  const label = normaliserLibelle(value).replace(NEGATION, "").replace(NEGATION_SCOLAIRE, "");
  if (MIXTE.test(label)) return true;
  return label.includes("SCOLAIRE") && CONTRAT_DANS_LE_TEXTE.test(label);
}

const MIXTE = /MIXTE|MIXITE/;
/** Whoever is not a pupil under school status: an apprentice, or a trainee of continuing education. */
const CONTRAT_DANS_LE_TEXTE =
  /APPRENTI|PROFESSIONNALISATION|ALTERNAN|CONTRAT(DE)?PRO|CONTINUE|GRETA|STAGIAIRE/;
/** « Apprenti hors statut scolaire », « Non scolaire »: the school status denied, not added. */
const NEGATION_SCOLAIRE = /(NON|HORS|PAS|SANS)(DE|DU|SOUS)?(STATUT)?SCOLAIRES?/g;

/**
 * R5 (regles.md#beneficiaires.apprentis) — what a status denies, and all that follows it: « Non apprenti », « Hors apprentissage », « Pas en
 * apprentissage », « Sans contrat », « Hors alternance » — pupils under school status, who count.
 */
const NEGATION = /(NON|HORS|PAS|SANS)(EN|DE|D|UNE?)?(APPRENTI|CONTRAT|PROFESSIONNALISATION|ALTERNAN).*/;
