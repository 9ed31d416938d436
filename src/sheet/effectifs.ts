/**
 * An effectif sheet (one per rectorat, or an establishment's own): each row below the header is a
 * formation of an establishment with its first-year effectif n-1. Each non-blank row is either counted
 * — its effectif added to its establishment's line (3ème prépa-métiers, pré-bac or post-bac) — or set
 * aside with one constat saying why (design.md §4, R2-R5).
 *
 * One pass, linear (design.md §8): codes, UAIs, statuses and years are judged once per distinct value
 * (SessionLecture's caches), effectifs are summed as integers per establishment, duplicates are found
 * with a Map; decimal arithmetic happens later, once per establishment.
 *
 * Order of the checks, so that expected exclusions never show up as errors (a rectorat sheet full of
 * legitimately non-eligible formations gives no erreur): structure rows (totals, repeated headers,
 * titles) → apprentices and non-first-year rows (R5) → code (malformed: erreur; not eligible: info) →
 * UAI → effectif → duplicate → counted, with its alertes.
 */
import { anneeScolaireEcrite, citation, libelleAnnee, type Categorie } from "../rules";
import { isBlank, isCellError, type CellValue, type Row, type SheetData } from "../grid";
import { EFFECTIF_MAXIMUM, cellule, lireEntier, messageErreurExcel } from "./cells";
import { aDesValeursEtablissement, type ColonnesEtablissement, type EtablissementLu } from "./etablissements";
import { normaliserCellule, type TableDoublons } from "./doublons";
import { SYNONYMES } from "./columns";
import { cleDoublon, LecteurBase, ressembleAUnCode, ressembleAUnUai } from "./lecteur";
import { effectifsVides, type SessionLecture } from "./session";
import { dateDansLaCellule, estCelluleDate, messageDate, moisEtAnnee } from "./dates";
import type { Champ, CorrectionColonnes } from "./types";
import type { CodeConstat } from "./constats";

/** A counted row, as a typed record. */
export interface LigneComptee {
  readonly feuille: string;
  readonly ligne: number;
  readonly uai: string;
  readonly code: string;
  readonly categorie: Categorie;
  readonly effectif: number;
}

export interface OptionsLectureEffectifs {
  readonly correction?: CorrectionColonnes;
  /** Called for each counted row (a screen listing rows; tests). Nothing is allocated per row without it. */
  readonly onLigneComptee?: (ligne: LigneComptee) => void;
  /**
   * The run reads other effectif sheets too: each establishment's formations are recorded, so that one
   * counted in two sheets is found (regles.md#lecture.formation-plusieurs-feuilles).
   */
  readonly plusieursFeuilles?: boolean;
}

/**
 * The rentrée of a school year written in a cell, or null when it is not one. A year alone is the
 * rentrée, as everywhere in the add-in (« --annee 2024 » is 2024-2025).
 */
export function rentreeDeLaCellule(value: string | number): number | null {
  if (typeof value === "number")
    return Number.isInteger(value) && value >= 1900 && value < 2100 ? value : null;
  const ecrite = anneeScolaireEcrite(value);
  if (ecrite === null || ecrite.rentree < 1900 || ecrite.rentree >= 2100) return null;
  const { rentree, fin } = ecrite;
  if (fin !== undefined && Number(fin) !== rentree + 1 && Number(fin) !== (rentree + 1) % 100) return null;
  return rentree;
}

function ajouter(
  cible: { prepaMetiers: number; preBac: number; postBac: number },
  categorie: Categorie,
  n: number,
): void {
  if (categorie === "PRE_BAC") cible.preBac += n;
  else if (categorie === "POST_BAC") cible.postBac += n;
  else cible.prepaMetiers += n;
}

export class LecteurEffectifs extends LecteurBase {
  /** Eligible first-year effectifs counted in this sheet. */
  readonly effectifs = effectifsVides();

  /** The effectif sheets of a run share one table: a row given in two sheets is counted once. */
  protected override doublonsPartages(): TableDoublons {
    return this.session.doublonsEffectifs;
  }
  private readonly uai: number;
  private readonly code: number;
  private readonly libelle: number;
  private readonly effectif: number;
  private readonly lettres: {
    uai: string | null;
    code: string | null;
    effectif: string | null;
  };
  private readonly cles: readonly number[];
  /** Columns compared by duplicate detection, one per field in a fixed order (-1: unmapped), and the others. */
  private readonly colonnesSignature: readonly number[];
  private readonly mappees: ReadonlySet<number>;
  private readonly etablissement: ColonnesEtablissement | null;
  private readonly valeursEtablissement: boolean;
  private readonly onLigneComptee?: (ligne: LigneComptee) => void;
  private readonly plusieursFeuilles: boolean;
  /** The sheet has cells formatted as dates (SheetData.dateCells): numbers are checked against them. */
  private readonly datesFormatees: boolean;
  /** The « Année scolaire » / « Rentrée » column (-1: none). */
  private readonly anneeScolaire: number;
  /** Rows of the effectifs n-1 (the expected school year), and rows set aside for another one. */
  private lignesAnneeAttendue = 0;
  private lignesAutreAnnee = 0;

  /**
   * Above an effectif header, a data row has a code formation with a UAI or an effectif next to it
   * (titles have neither; a form line « Code formation | 50022137 » has nothing beside its code).
   */
  protected override ligneDeDonneesAuDessus(row: Row): boolean {
    if (!row.some(ressembleAUnCode)) return false;
    return row.some(
      (cell) =>
        ressembleAUnUai(cell) ||
        (typeof cell === "number" && Number.isInteger(cell) && cell >= 0 && cell <= EFFECTIF_MAXIMUM),
    );
  }

  constructor(sheet: SheetData, session: SessionLecture, options: OptionsLectureEffectifs = {}) {
    super(
      sheet,
      session,
      options.correction,
      ["uai", "codeFormation", "effectif"],
      [],
      "l'extraction des effectifs (UAI, code formation, effectif)",
    );
    this.uai = this.indice("uai");
    this.code = this.indice("codeFormation");
    this.libelle = this.indice("libelleFormation");
    this.effectif = this.indice("effectif");
    this.lettres = {
      uai: this.lettre(this.uai),
      code: this.lettre(this.code),
      effectif: this.lettre(this.effectif),
    };
    this.cles = [this.code, this.effectif];
    // UAI, code and effectif are compared through the duplicate key, already normalised (cleDoublon).
    const champs = (Object.keys(SYNONYMES) as Champ[]).filter(
      (champ) => champ !== "uai" && champ !== "codeFormation" && champ !== "effectif",
    );
    this.colonnesSignature = champs.map((champ) => this.indice(champ));
    this.mappees = new Set([this.uai, this.code, this.effectif, ...this.colonnesSignature]);
    const colonnes = this.colonnesEtablissement();
    // Décision (regles.md#lecture.colonnes-etablissement-extraction): in an extraction, a lone
    // « Effectif total » (the formation's pupils of every year) or « Boursiers » (its boursiers) is not
    // half of the establishment's taux: read, each row was an erreur « Nombre de boursiers vide :
    // … supprimez la ligne ». Only the pair gives a taux there.
    const etablissement =
      colonnes.boursiers >= 0 !== colonnes.effectifTotal >= 0
        ? { ...colonnes, boursiers: -1, effectifTotal: -1 }
        : colonnes;
    this.valeursEtablissement = aDesValeursEtablissement(etablissement);
    this.etablissement = this.valeursEtablissement || etablissement.nom >= 0 ? etablissement : null;
    this.onLigneComptee = options.onLigneComptee;
    this.plusieursFeuilles = options.plusieursFeuilles === true;
    this.datesFormatees = (sheet.dateCells?.length ?? 0) > 0;
    this.anneeScolaire = this.indice("anneeScolaire");
  }

  /**
   * Décision (regles.md#lecture.annee-scolaire-effectifs): the dotation of a year is computed on the
   * effectifs n-1 — for 2024-2025, those of 2023-2024 (rentrée 2023). A row whose school year is
   * another (an extraction of several years, which added them up: 10 + 12 CUISINE paid 22 × 157 €
   * instead of 12) is set aside with an info; unreadable, with an erreur. True when set aside.
   */
  protected override ecarterAutreAnneeScolaire(
    brute: string | number,
    ligne: number,
    index: number,
    rentree = rentreeDeLaCellule(brute),
  ): boolean {
    const attendue = this.session.annee - 1;
    if (rentree === attendue) {
      this.lignesAnneeAttendue++;
      return false;
    }
    if (rentree === null)
      return this.ecarterEnColonne(
        "annee-scolaire-illisible",
        ligne,
        index,
        `Année scolaire « ${citation(String(brute).trim())} » illisible : saisissez l'année scolaire des effectifs (${libelleAnnee(attendue)}) ou son année de rentrée (${attendue}). Ligne non comptée.`,
      );
    this.lignesAutreAnnee++;
    // A year alone could also be an export's date: the reading is said.
    const lu =
      typeof brute === "number" || anneeScolaireEcrite(brute)?.fin === undefined
        ? `« ${String(brute).trim()} » lu comme la rentrée ${rentree}, effectifs de ${libelleAnnee(rentree)}`
        : `Effectifs de ${libelleAnnee(rentree)}`;
    return this.ecarterEnColonne(
      "annee-scolaire-autre",
      ligne,
      index,
      `${lu} : la dotation ${libelleAnnee(this.session.annee)} se calcule sur les effectifs n-1, ceux de ${libelleAnnee(attendue)}. Ligne non comptée.`,
    );
  }

  /** A sheet whose every dated row is of another school year: the wrong extraction, or the wrong year chosen. */
  protected override finDeFeuille(): void {
    if (this.lignesAutreAnnee === 0 || this.lignesAnneeAttendue > 0) return;
    const annee = this.session.annee;
    this.signaler(
      "effectifs-autre-annee",
      null,
      null,
      `Aucune ligne de « ${this.feuille} » n'est de ${libelleAnnee(annee - 1)}, l'année des effectifs n-1 de la dotation ${libelleAnnee(annee)} : ses ${this.lignesAutreAnnee} lignes d'une autre année ne sont pas comptées. Donnez l'extraction de ${libelleAnnee(annee - 1)}, ou choisissez l'année de la dotation que ces effectifs calculent.`,
    );
  }

  /** The « Année scolaire » column's cell: blank counts as without it, an Excel error or another year sets the row aside. */
  private ecarterSelonAnneeScolaire(row: Row, ligne: number): boolean {
    const brute = cellule(row, this.anneeScolaire);
    if (isBlank(brute)) return false;
    if (isCellError(brute))
      return this.ecarterEnColonne(
        "erreur-excel",
        ligne,
        this.anneeScolaire,
        messageErreurExcel(brute, "année scolaire"),
      );
    // A date of rentrée (« 04/09/2023 », or a number formatted as a date): its school year.
    const date = dateDansLaCellule(
      brute,
      estCelluleDate(this.sheet, ligne - this.sheet.rowOffset - 1, this.anneeScolaire),
    );
    const lue = date === null ? null : moisEtAnnee(date);
    if (lue)
      return this.ecarterAutreAnneeScolaire(
        date!,
        ligne,
        this.anneeScolaire,
        lue.annee - (lue.mois < 8 ? 1 : 0),
      );
    return this.ecarterAutreAnneeScolaire(
      typeof brute === "number" ? brute : String(brute),
      ligne,
      this.anneeScolaire,
    );
  }

  /**
   * Field by field, whatever the columns' order, so that the same extraction in two files (a .xlsx and
   * its .csv, two tools' .xlsx) is recognised: each mapped field's normalised value in a fixed order,
   * then the non-blank values of the other columns. UAI, code and effectif are in the key.
   */
  protected override signatureDoublon(row: Row): Row {
    const signature: CellValue[] = [];
    for (const j of this.colonnesSignature) signature.push(j < 0 ? null : normaliserCellule(row[j]));
    for (let j = 0; j < row.length; j++) {
      if (this.mappees.has(j)) continue;
      const valeur = normaliserCellule(row[j]);
      if (valeur !== null) signature.push(valeur);
    }
    return signature;
  }

  /**
   * Décision (regles.md#lecture.ligne-total-a-verifier): « total » only in a column no field reads
   * (« Observations : effectif total de la classe 28 ») on a row with a valid UAI and a counted
   * formation looks like data. The row is still set aside — a subtotal by class has the same form, and
   * counted it would pay its pupils twice — but as an alerte, so that a check never reports « aucune
   * erreur » over pupils left out.
   */
  protected override codeLigneTotal(row: Row, j: number): CodeConstat {
    const session = this.session;
    return !this.mappees.has(j) &&
      session.verdictUai(cellule(row, this.uai)).ok &&
      session.verdictCode(cellule(row, this.code), cellule(row, this.libelle)).kind === "compte"
      ? "ligne-total-a-verifier"
      : "ligne-total";
  }

  protected lireLigne(row: Row, ligne: number): void {
    if (this.ecarterSiTotal(row, ligne)) return;
    const session = this.session;
    const l = this.lettres;
    const verdict = session.verdictCode(cellule(row, this.code), cellule(row, this.libelle));
    const uai = session.verdictUai(cellule(row, this.uai));

    if (verdict.kind === "invalide" || !uai.ok) {
      const structure = this.structureDeLaLigne(row, this.cles, "code formation et effectif", ligne);
      if (structure) return this.ecarter(structure.code, ligne, null, structure.message);
    }

    if (this.anneeScolaire >= 0 && this.ecarterSelonAnneeScolaire(row, ligne)) return;
    if (this.ecarterHorsBeneficiaires(row, ligne)) return;

    if (verdict.kind === "invalide") return this.ecarter(verdict.probleme, ligne, l.code, verdict.message);
    if (verdict.kind === "non-eligible")
      return this.ecarter("formation-non-eligible", ligne, l.code, verdict.message);
    if (!uai.ok) return this.ecarter(uai.probleme, ligne, l.uai, uai.message);

    const brut = cellule(row, this.effectif);
    // A date where the effectif goes (issue 11 item 17): a text date, or a number formatted as a date.
    if (typeof brut === "string" || (this.datesFormatees && typeof brut === "number")) {
      const date = dateDansLaCellule(
        brut,
        estCelluleDate(this.sheet, ligne - this.sheet.rowOffset - 1, this.effectif),
      );
      if (date !== null) {
        return this.ecarter(
          "effectif-date",
          ligne,
          l.effectif,
          messageDate("Effectif", date, brut, "un nombre d'élèves", "La ligne n'est pas comptée."),
        );
      }
    }
    const effectif =
      typeof brut === "number" && Number.isInteger(brut) && brut >= 0 && brut <= EFFECTIF_MAXIMUM
        ? brut
        : lireEntier(brut);
    if (typeof effectif !== "number")
      return this.ecarter(effectif.probleme, ligne, l.effectif, effectif.message);

    const etablissement: EtablissementLu = session.registre.obtenir(uai.uai, this.feuille, ligne, l.uai);
    if (this.estDoublon(row, ligne, etablissement.id, cleDoublon(verdict.id, effectif))) return;

    // Counted.
    this.comptage.comptees++;
    etablissement.lignesComptees++;
    etablissement.noterFeuille(this.feuille, ligne, l.uai);
    if (this.plusieursFeuilles)
      etablissement.noterFormation(verdict.code, verdict.categorie, this.feuille, ligne, l.code);
    ajouter(etablissement, verdict.categorie, effectif);
    ajouter(this.effectifs, verdict.categorie, effectif);
    if (verdict.horsListe !== null) this.signaler("hors-liste", ligne, l.code, verdict.horsListe);
    if (uai.alertes.length > 0) this.signalerUai(uai, ligne, l.uai);
    // Establishment-level columns: read while there is something to read (values, or a name not yet known).
    if (this.etablissement !== null && (this.valeursEtablissement || etablissement.nom === null)) {
      session.registre.lireValeurs(etablissement, row, this.feuille, ligne, this.etablissement);
    }
    if (this.onLigneComptee) {
      this.onLigneComptee({
        feuille: this.feuille,
        ligne,
        uai: uai.uai,
        code: verdict.code,
        categorie: verdict.categorie,
        effectif,
      });
    }
  }
}
