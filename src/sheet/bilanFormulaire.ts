/**
 * The form block of a filled bilan (R11): the labelled values above its table — UAI, établissement,
 * année scolaire, dotation reçue and reliquat antérieur of each envelope — as the template of
 * src/workflows/modeleBilan.ts lays them out or as a gestionnaire types them by hand. The table below
 * the form is read by sheet/bilan.ts.
 *
 * Seed, « Compte rendu d'utilisation des dotations » : « Ce bilan devra faire apparaître le total des
 * dotations reçues au titre de l'année scolaire, le cas échéant, les reliquats sur l'année scolaire
 * antérieure […] ».
 */
import {
  Decimal,
  ZERO,
  estErreurAre,
  formaterEuros,
  libelleAnnee,
  lireAnneeScolaire,
  lireCodeFormation,
  citation,
  normaliserLibelle,
  NOMS_ENVELOPPES,
  type AnneeScolaire,
  type Enveloppe,
} from "../rules";
import { columnLetter, isBlank, isCellError, type CellValue, type Row, type SheetData } from "../grid";
import { afficher, codeErreurCellule, lireMontant, messageErreurExcel } from "./cells";
import { LIGNES_RECHERCHE_ENTETE } from "./columns";
import { constat, type CodeConstat, type Constat } from "./constats";
import type { Origine } from "./etablissements";
import type { SessionLecture } from "./session";

/** The labelled values of a bilan, above its table. */
export type ChampFormulaire =
  "uai" | "nom" | "annee" | "dotationPreBac" | "dotationPostBac" | "reliquatPreBac" | "reliquatPostBac";

/** The labels a bilan gives each value; the first one is the template's (a part in parentheses is ignored). */
export const LIBELLES_FORMULAIRE: Readonly<Record<ChampFormulaire, readonly string[]>> = {
  uai: ["UAI", "Code UAI", "N° UAI", "RNE", "UAI de l'établissement"],
  nom: ["Établissement", "Nom de l'établissement", "Lycée", "Nom du lycée"],
  annee: ["Année scolaire", "Année scolaire du bilan", "Année"],
  dotationPreBac: [
    "Dotation reçue pré-bac",
    "Dotations reçues pré-bac",
    "Total des dotations reçues pré-bac",
    "Dotation nette pré-bac",
  ],
  dotationPostBac: [
    "Dotation reçue post-bac",
    "Dotations reçues post-bac",
    "Total des dotations reçues post-bac",
    "Dotation nette post-bac",
  ],
  // Décision (regles.md#bilan.reliquat-sans-annee): not « Reliquat pré-bac » alone, which may be the
  // reliquat left at the end of the year as well: read as the previous one, it was carried twice.
  reliquatPreBac: [
    "Reliquat antérieur pré-bac",
    "Reliquats antérieurs pré-bac",
    "Reliquat pré-bac de l'année précédente",
  ],
  reliquatPostBac: [
    "Reliquat antérieur post-bac",
    "Reliquats antérieurs post-bac",
    "Reliquat post-bac de l'année précédente",
  ],
};

const PAR_LIBELLE: ReadonlyMap<string, ChampFormulaire> = new Map(
  (Object.entries(LIBELLES_FORMULAIRE) as [ChampFormulaire, readonly string[]][]).flatMap(([champ, noms]) =>
    noms.map((nom) => [normaliserLibelle(nom), champ] as const),
  ),
);

function champDuLibelle(value: CellValue | undefined): ChampFormulaire | null {
  if (typeof value !== "string") return null;
  return (
    PAR_LIBELLE.get(normaliserLibelle(value)) ??
    PAR_LIBELLE.get(normaliserLibelle(value.replace(/\([^)]*\)/g, ""))) ??
    null
  );
}

/**
 * Whether a row above the header of a bilan or a demande is a row of its table, sorted or pasted out of
 * place (issue 15 item 1: a sort that took the header along left the five purchases of a bilan above
 * it, read as none, and the whole dotation reported as next year's reliquat). Its form lines are not:
 * a row with a known label (« UAI | 0750655E », « Dotation reçue pré-bac | 10 776 ») is read by
 * trouverFormulaire. A table row has, in the table's code column, a code formation (8 characters
 * starting with a digit: 50022137, 2602230A, or 7 digits whose leading zero Excel dropped), or a
 * mangled one (a MEF, a digit missing) next to a value in one of the table's number columns
 * (`colonnesNombres`: amount, students) — a form value typed in the code column has none beside it.
 */
export function ligneDuTableauAuDessus(
  row: Row,
  colonneCode: number,
  colonnesNombres: readonly number[],
): boolean {
  if (colonneCode < 0 || row.some((cell) => champDuLibelle(cell) !== null)) return false;
  const brut = row[colonneCode];
  if (isBlank(brut) || typeof brut === "boolean" || isCellError(brut)) return false;
  const lu = lireCodeFormation(brut);
  if (lu.ok && /^\d/.test(lu.code)) return true;
  const texte = String(brut).replace(/[\s']/g, "").toUpperCase();
  const essaiDeCode = /^\d[0-9A-Z]{4,11}$/.test(texte.replace(/[.,]0+$/, ""));
  return essaiDeCode && colonnesNombres.some((j) => j >= 0 && !isBlank(row[j]));
}

/** A labelled value as found: the value (null when blank) and the cell it is in (or the label's cell). */
export interface CelluleFormulaire {
  readonly valeur: CellValue;
  readonly ligne: number;
  readonly colonne: string;
  /**
   * In a .csv, when the field after the value looks like its decimals cut off by an unquoted comma
   * (« 7949 » then « 50 »): what to say (SheetData.delimited.splitAmount). Absent otherwise.
   */
  readonly coupe?: string;
}

/** How far to the right of its label a value is looked for (a label may span merged cells). */
const CELLULES_VALEUR = 3;

/**
 * The labelled values found in the rows above the table's header (`indexEntete`, an index in
 * `sheet.values`; null to scan the first rows): a cell whose text is a known label, the value being the
 * first non-blank cell just right of it. The first occurrence of a label wins.
 */
export function trouverFormulaire(
  sheet: SheetData,
  indexEntete: number | null,
): Partial<Record<ChampFormulaire, CelluleFormulaire>> {
  const trouves: Partial<Record<ChampFormulaire, CelluleFormulaire>> = {};
  const fin = Math.min(sheet.values.length, indexEntete ?? LIGNES_RECHERCHE_ENTETE);
  for (let i = 0; i < fin; i++) {
    const row = sheet.values[i];
    for (let j = 0; j < row.length; j++) {
      const champ = champDuLibelle(row[j]);
      if (champ === null || trouves[champ]) continue;
      let k = j + 1;
      while (k < Math.min(row.length, j + 1 + CELLULES_VALEUR) && isBlank(row[k])) k++;
      const found = k < row.length && k <= j + CELLULES_VALEUR && !isBlank(row[k]);
      const coupe = found ? sheet.delimited?.splitAmount(row[k], row[k + 1]) : null;
      trouves[champ] = {
        valeur: found ? row[k] : null,
        ligne: sheet.rowOffset + i + 1,
        colonne: columnLetter(sheet.columnOffset + (found ? k : j + 1)),
        ...(coupe ? { coupe } : {}),
      };
    }
  }
  return trouves;
}

/** A form field given a second time, or a dotation / reliquat line whose label is not one the bilan reads. */
export interface AnomalieFormulaire {
  /** The field repeated, or null for an unknown label. */
  readonly champ: ChampFormulaire | null;
  readonly libelle: string;
  readonly valeur: CellValue;
  readonly ligne: number;
  readonly colonne: string;
  /** The envelopes whose reliquat it leaves unknown (none for UAI, name or year). */
  readonly enveloppes: readonly Enveloppe[];
}

const ENVELOPPE_DU_CHAMP: Partial<Record<ChampFormulaire, Enveloppe>> = {
  dotationPreBac: "preBac",
  reliquatPreBac: "preBac",
  dotationPostBac: "postBac",
  reliquatPostBac: "postBac",
};

/** « Dotation complémentaire pré-bac », « Reliquats 2022-2023 » : a label about money received or left. */
const LIBELLE_DE_MONTANT = /DOTATION|RELIQUAT/;

/** The value just right of a label (as trouverFormulaire finds it), or null. */
function valeurADroite(row: Row, j: number): { valeur: CellValue; k: number } | null {
  for (let k = j + 1; k < Math.min(row.length, j + 1 + CELLULES_VALEUR); k++)
    if (!isBlank(row[k])) return { valeur: row[k], k };
  return null;
}

/**
 * Décision (regles.md#bilan.formulaire; issue 15 item 5): what trouverFormulaire leaves out is
 * reported rather than ignored:
 * - a field given again with a value — for an amount, whatever the value (« Dotation reçue pré-bac »
 *   twice: an initial and a complementary dotation, or a copy? The seed asks for « le total des
 *   dotations reçues »: adding them up or taking one would be a guess); for the UAI, name or year,
 *   when the value differs;
 * - a label about a dotation or a reliquat that is not one the bilan reads (« Dotation complémentaire
 *   pré-bac | 796 »), with an amount beside it: money the envelope may have received, not counted.
 */
export function anomaliesFormulaire(
  sheet: SheetData,
  indexEntete: number | null,
  cellules: Partial<Record<ChampFormulaire, CelluleFormulaire>>,
): AnomalieFormulaire[] {
  const anomalies: AnomalieFormulaire[] = [];
  const fin = Math.min(sheet.values.length, indexEntete ?? LIGNES_RECHERCHE_ENTETE);
  for (let i = 0; i < fin; i++) {
    const row = sheet.values[i];
    const ligne = sheet.rowOffset + i + 1;
    for (let j = 0; j < row.length; j++) {
      const cell = row[j];
      if (typeof cell !== "string") continue;
      const champ = champDuLibelle(cell);
      const aDroite = valeurADroite(row, j);
      if (aDroite === null) continue;
      const colonne = columnLetter(sheet.columnOffset + aDroite.k);
      const libelle = cell.trim();
      if (champ !== null) {
        const premier = cellules[champ];
        if (!premier || (premier.ligne === ligne && premier.colonne === colonne)) continue;
        const enveloppe = ENVELOPPE_DU_CHAMP[champ];
        const differe = normaliserValeur(premier.valeur) !== normaliserValeur(aDroite.valeur);
        if (enveloppe === undefined && !differe) continue;
        anomalies.push({
          champ,
          libelle,
          valeur: aDroite.valeur,
          ligne,
          colonne,
          enveloppes: enveloppe ? [enveloppe] : [],
        });
        continue;
      }
      const normalise = normaliserLibelle(cell);
      if (!LIBELLE_DE_MONTANT.test(normalise) || !lireMontant(aDroite.valeur, libelle).ok) continue;
      const preBac = /PREBAC|PREPA/.test(normalise);
      const postBac = /POSTBAC/.test(normalise);
      anomalies.push({
        champ: null,
        libelle,
        valeur: aDroite.valeur,
        ligne,
        colonne,
        enveloppes: preBac === postBac ? ["preBac", "postBac"] : preBac ? ["preBac"] : ["postBac"],
      });
    }
  }
  return anomalies;
}

/** Two form values compared as typed: case, spaces and the number/text difference ignored. */
function normaliserValeur(valeur: CellValue): string {
  return typeof valeur === "string" ? normaliserLibelle(valeur) : afficher(valeur);
}

/** The school year of a bilan, as anneeDuFormulaire reads it. */
export interface AnneeDuBilan {
  /** The year the bilan is read with: its own when usable, else the default. */
  readonly annee: AnneeScolaire;
  /**
   * Décision (regles.md#reliquats.annee-illisible): false when the « Année scolaire » is filled but
   * cannot be used (« juin 2024 », « 23-24 », or a year before the rules encoded): the bilan's year is
   * unknown, so its reliquats are not computed — carried into the default year's dotation they could
   * be another year's (issue 15 item 3).
   */
  readonly lisible: boolean;
  /**
   * The year the bilan writes when it reads as one, even before the rules encoded (« 2022-2023 »
   * → 2022): a bilan of another year is then told apart from one whose year is unreadable. Null when
   * absent or unreadable.
   */
  readonly indiquee: AnneeScolaire | null;
  readonly constat: Constat | null;
}

/** « 2022-2023 », « 2022/2023 » or 2022: the rentrée year a text names, whatever the rules cover. */
function anneeEcrite(raw: CellValue): AnneeScolaire | null {
  if (typeof raw === "number") return Number.isInteger(raw) && raw >= 1900 && raw < 2200 ? raw : null;
  if (typeof raw !== "string") return null;
  const m = /^\s*(\d{4})\s*(?:[-‐‑‒–—/]\s*(\d{4}))?\s*$/.exec(raw);
  if (!m || (m[2] !== undefined && Number(m[2]) !== Number(m[1]) + 1)) return null;
  return Number(m[1]);
}

/**
 * The school year of a bilan: its own « Année scolaire » when readable, else `parDefaut` (with an info
 * when the bilan gives none — « --annee » then says it —, or an erreur when the cell cannot be used,
 * and the bilan's year is then unknown: `lisible` false).
 */
export function anneeDuFormulaire(
  feuille: string,
  cellules: Partial<Record<ChampFormulaire, CelluleFormulaire>>,
  parDefaut: AnneeScolaire,
): AnneeDuBilan {
  const cellule = cellules.annee;
  if (!cellule || isBlank(cellule.valeur)) {
    return {
      annee: parDefaut,
      lisible: true,
      indiquee: null,
      constat: constat(
        "annee-scolaire-absente",
        feuille,
        cellule?.ligne ?? null,
        cellule?.colonne ?? null,
        `Année scolaire du bilan non indiquée : ${libelleAnnee(parDefaut)} retenue. Indiquez-la (ex. 2024-2025) à côté du libellé « Année scolaire ».`,
      ),
    };
  }
  try {
    const raw = cellule.valeur;
    if (isCellError(raw) || typeof raw === "boolean") throw new Error("illisible");
    const annee = lireAnneeScolaire(typeof raw === "string" ? raw.trim() : raw);
    return { annee, lisible: true, indiquee: annee, constat: null };
  } catch (error) {
    const why = estErreurAre(error) ? ` (${error.message})` : "";
    return {
      annee: parDefaut,
      lisible: false,
      indiquee: anneeEcrite(cellule.valeur),
      constat: constat(
        "annee-scolaire-illisible",
        feuille,
        cellule.ligne,
        cellule.colonne,
        `Année scolaire « ${afficher(cellule.valeur)} » illisible${why} : ${libelleAnnee(parDefaut)} retenue pour lire le bilan, mais ses reliquats ne sont pas calculés (ils seraient déduits de la dotation d'une année qui n'est peut-être pas la bonne). Corrigez-la (ex. 2024-2025).`,
      ),
    };
  }
}

/** The establishment and envelopes of a bilan, as read. */
export interface FormulaireBilan {
  readonly uai: string | null;
  readonly nom: string | null;
  readonly annee: AnneeScolaire;
  /** Null when missing or unreadable: that envelope's new reliquat cannot be computed. */
  readonly dotations: Readonly<Record<Enveloppe, Decimal | null>>;
  /** « le cas échéant » : a blank reliquat antérieur is none (0). Null when unreadable. */
  readonly reliquats: Readonly<Record<Enveloppe, Decimal | null>>;
  /** Where each value was read (for messages). */
  readonly origines: Partial<Record<ChampFormulaire, Origine>>;
  /**
   * Per envelope, the form rows that leave its reliquat unknown: a dotation or reliquat line repeated,
   * or under a label the bilan does not read (anomaliesFormulaire).
   */
  readonly lignesEnDoute: Readonly<Record<Enveloppe, readonly number[]>>;
}

const NOMS_MONTANTS = {
  dotationPreBac: "Dotation reçue pré-bac",
  dotationPostBac: "Dotation reçue post-bac",
  reliquatPreBac: "Reliquat antérieur pré-bac",
  reliquatPostBac: "Reliquat antérieur post-bac",
} as const;

/** An amount of the bilan (form value or purchase): the value, or the constat that sets it aside. */
export function lireMontantBilan(
  raw: CellValue,
  quoi: string,
): { ok: true; valeur: Decimal; arrondi: boolean } | { ok: false; code: CodeConstat; message: string } {
  if (isCellError(raw))
    return { ok: false, code: codeErreurCellule(raw), message: messageErreurExcel(raw, quoi) };
  const lu = lireMontant(raw, quoi);
  if (lu.ok) return lu;
  if (lu.negatif) {
    return {
      ok: false,
      code: "montant-negatif",
      message: `${quoi} « ${afficher(raw)} » négatif : un montant du bilan est positif ou nul (un avoir se déduit du montant de l'achat). Corrigez la valeur.`,
    };
  }
  return { ok: false, code: "montant-illisible", message: lu.message };
}

/**
 * Reads the establishment and envelopes of a bilan; its constats go to the session. The year was
 * settled before (anneeDuFormulaire), as the session's list of formations depends on it.
 */
export function lireFormulaireBilan(
  sheet: SheetData,
  cellules: Partial<Record<ChampFormulaire, CelluleFormulaire>>,
  session: SessionLecture,
  anomalies: readonly AnomalieFormulaire[] = [],
): FormulaireBilan {
  const feuille = sheet.name;
  const signaler = (code: CodeConstat, ligne: number | null, colonne: string | null, message: string) =>
    session.constats.push(constat(code, feuille, ligne, colonne, message));
  const lignesEnDoute: Record<Enveloppe, number[]> = { preBac: [], postBac: [] };
  for (const a of anomalies) {
    for (const e of a.enveloppes) lignesEnDoute[e].push(a.ligne);
    const suite =
      a.enveloppes.length === 0
        ? ""
        : ` Le reliquat ${a.enveloppes.length === 2 ? "des deux enveloppes" : `de l'enveloppe ${NOMS_ENVELOPPES[a.enveloppes[0]]}`} n'est pas calculé tant que ce n'est pas corrigé.`;
    if (a.champ !== null) {
      const premier = cellules[a.champ]!;
      signaler(
        "formulaire-en-double",
        a.ligne,
        a.colonne,
        `« ${citation(a.libelle)} » donné une seconde fois (${afficher(a.valeur)}, déjà ${isBlank(premier.valeur) ? "vide" : afficher(premier.valeur)} ligne ${premier.ligne}) : on ne sait pas laquelle retenir, ni s'il faut les additionner. Gardez une seule ligne${a.enveloppes.length > 0 ? " avec le total de l'année (dotation initiale et complémentaire)" : ""}.${suite}`,
      );
    } else {
      signaler(
        "formulaire-libelle-inconnu",
        a.ligne,
        a.colonne,
        `« ${citation(a.libelle)} » (${afficher(a.valeur)}) n'est pas un libellé que le bilan lit : montant non compté. Une dotation reçue (complémentaire comprise) s'ajoute à « Dotation reçue pré-bac » ou « post-bac » ; un reliquat de l'an passé se nomme « Reliquat antérieur pré-bac » ou « post-bac » ; sinon, supprimez la ligne.${suite}`,
      );
    }
  }
  // A UAI given twice, differently: which establishment the bilan is for is unknown.
  const uaiEnDouble = anomalies.some((a) => a.champ === "uai");
  const origines: Partial<Record<ChampFormulaire, Origine>> = {};
  for (const [champ, c] of Object.entries(cellules) as [ChampFormulaire, CelluleFormulaire][])
    origines[champ] = { feuille, ligne: c.ligne, colonne: c.colonne };

  let uai: string | null = null;
  const celluleUai = cellules.uai;
  const verdict = session.verdictUai(celluleUai?.valeur ?? null);
  if (verdict.ok) {
    // A UAI given twice, differently (formulaire-en-double, above): none is kept, so the reliquats are
    // carried to neither establishment.
    if (!uaiEnDouble) uai = verdict.uai;
    for (const alerte of verdict.alertes)
      signaler(alerte.code, celluleUai!.ligne, celluleUai!.colonne, alerte.message);
  } else {
    const message =
      verdict.probleme === "uai-manquant"
        ? "UAI de l'établissement manquant en tête du bilan : saisissez-le à côté du libellé « UAI » (ex. 0750655E). Sans lui, les reliquats ne peuvent pas être reportés."
        : verdict.message;
    signaler(verdict.probleme, celluleUai?.ligne ?? null, celluleUai?.colonne ?? null, message);
  }
  const nomBrut = cellules.nom?.valeur;
  const nom =
    typeof nomBrut === "string" && nomBrut.trim() !== ""
      ? nomBrut.trim()
      : typeof nomBrut === "number"
        ? String(nomBrut)
        : null;

  const montant = (champ: keyof typeof NOMS_MONTANTS, requis: boolean): Decimal | null => {
    const c = cellules[champ];
    const quoi = NOMS_MONTANTS[champ];
    if (!c || isBlank(c.valeur)) {
      if (requis) {
        signaler(
          "dotation-recue-manquante",
          c?.ligne ?? null,
          c?.colonne ?? null,
          `${quoi} non renseignée : saisissez le total des dotations reçues au titre de l'année (initiale et complémentaire), 0 si aucune. Sans elle, le reliquat de l'enveloppe n'est pas calculé.`,
        );
        return null;
      }
      signaler(
        "reliquat-anterieur-vide",
        c?.ligne ?? null,
        c?.colonne ?? null,
        `${quoi} non renseigné : aucun reliquat de l'année précédente retenu (0,00 €).`,
      );
      return ZERO;
    }
    if (c.coupe) {
      // Décision (regles.md#lecture.csv-valeurs-en-trop) : « 7949 » then « 50 » is not read as 7949 €.
      signaler("ligne-mal-decoupee", c.ligne, c.colonne, `${quoi} ${c.coupe}`);
      return null;
    }
    const lu = lireMontantBilan(c.valeur, quoi);
    if (!lu.ok) {
      signaler(
        lu.code,
        c.ligne,
        c.colonne,
        `${lu.message} Le reliquat de l'enveloppe ${NOMS_ENVELOPPES[champ.endsWith("PreBac") ? "preBac" : "postBac"]} n'est pas calculé.`,
      );
      return null;
    }
    if (lu.arrondi) {
      signaler(
        "montant-arrondi",
        c.ligne,
        c.colonne,
        `${quoi} « ${afficher(c.valeur)} » arrondi au centime : ${formaterEuros(lu.valeur)} retenus. Vérifiez le montant.`,
      );
    }
    return lu.valeur;
  };
  return {
    uai,
    nom,
    annee: session.annee,
    dotations: { preBac: montant("dotationPreBac", true), postBac: montant("dotationPostBac", true) },
    reliquats: { preBac: montant("reliquatPreBac", false), postBac: montant("reliquatPostBac", false) },
    origines,
    lignesEnDoute,
  };
}
