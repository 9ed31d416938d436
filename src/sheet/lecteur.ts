/**
 * What the two readers (effectif sheets, establishments sheet) have in common: finding the header,
 * walking the rows below it in slices, skipping blank rows, and setting rows aside with their constat.
 */
import { citation, lireOuiNon } from "../rules";
import { columnLetter, isBlank, isCellError, type CellValue, type Row, type SheetData } from "../grid";
import {
  afficher,
  cellule,
  lectureStatut,
  messageErreurExcel,
  type LectureStatut,
  type MotifStatut,
} from "./cells";
import {
  CHAMPS_ETABLISSEMENT,
  anneeSeule,
  champDeLEntete,
  detecterEntete,
  indexRelatif,
  LIGNES_RECHERCHE_ENTETE,
  nomDuChamp,
  SYNONYMES,
  type ResultatEntete,
} from "./columns";
import { constat, type CodeConstat } from "./constats";
import type { ColonnesEtablissement } from "./etablissements";
import { estCelluleDate } from "./dates";
import { signaturePositionnelle, TableDoublons } from "./doublons";
import {
  LibellesTotal,
  celluleTotal,
  colonnesLues,
  estEnteteRepetee,
  largeurDuTableau,
  largeurDesLignes,
  MESSAGE_ENTETE_REPETEE,
  ligneDeStructure,
  messageLigneTotal,
  type LigneDeStructure,
} from "./structure";
import { Comptage, type LecteurFeuille, type SessionLecture, type VerdictUai } from "./session";
import type { Champ, ColonneReconnue, CorrectionColonnes, EnteteDetectee } from "./types";

/** A cell that reads as a UAI: 7 digits and a letter (0750655E). */
export function ressembleAUnUai(cell: CellValue | undefined): boolean {
  return typeof cell === "string" && /^\d{7}[A-Za-z]$/.test(cell.trim());
}

/**
 * A lycée's own sheet often gives its UAI once, above the table (« UAI | 0750655E »): the missing
 * column's message then says where the UAI is and what to do, rather than to rename a column that does
 * not exist.
 */
function uaiAuDessus(sheet: SheetData, indexEntete: number): string {
  for (let i = 0; i < indexEntete; i++) {
    const cell = sheet.values[i].find(ressembleAUnUai);
    if (cell !== undefined)
      return ` L'UAI ${String(cell).trim()} est au-dessus du tableau, ligne ${sheet.rowOffset + i + 1} : ajoutez une colonne « UAI » qui la répète sur chaque ligne.`;
  }
  return "";
}

/** A cell that reads as a code formation diplôme: 8 digits (50022137), as text or as a number. */
export function ressembleAUnCode(cell: CellValue | undefined): boolean {
  if (typeof cell === "number") return Number.isInteger(cell) && cell >= 10_000_000 && cell <= 99_999_999;
  return typeof cell === "string" && /^\d{8}$/.test(cell.trim());
}

/** A row with nothing in it (merged cells that carry no value, spaces). */
export function ligneVide(row: Row | undefined): boolean {
  if (row === undefined) return true;
  for (let j = 0; j < row.length; j++) if (!isBlank(row[j])) return false;
  return true;
}

/**
 * A number shared by identical rows of one establishment: the code's id and the effectif (rows that
 * merely share it are told apart by hashLigne and memesCellules).
 */
export function cleDoublon(codeId: number, effectif: number): number {
  return codeId * 0x100000 + (effectif & 0xfffff);
}

/** Why a status keeps its row out of the count (R5), as the user reads it after « Statut « … » : ». */
const MOTIFS_STATUT: Record<MotifStatut, string> = {
  "statut-mixte":
    "élèves et apprentis ou stagiaires sur une même ligne ? Seuls les élèves comptent : une ligne par statut.",
  apprentissage:
    "l'ARE n'est pas applicable aux élèves en contrat d'apprentissage ou de professionnalisation.",
  "hors-statut-scolaire":
    "l'ARE équipe les élèves sous statut scolaire : ni la formation continue ni les auditeurs libres.",
};

export abstract class LecteurBase implements LecteurFeuille {
  readonly entete: EnteteDetectee | null = null;
  /**
   * The correction with every column followed at its new index, for the task pane to keep: what the
   * user chose is the header, not the number, and an index left behind would repeat the
   * `correction-suivie` info at every reading. Absent when no column was followed, or when the sheet is
   * refused (a stale correction is the user's to redo, not ours to rewrite).
   */
  readonly correctionSuivie?: CorrectionColonnes;
  readonly total: number;
  protected readonly comptage = new Comptage();
  /** The sheet name, as the workbook spells it. */
  readonly feuille: string;
  private position = 0;
  private readonly fin: number;
  /** Set when the sheet cannot be read: every non-blank row is set aside under this motif. */
  private motifGlobal: CodeConstat | null = null;
  /**
   * Rows already counted (see TableDoublons): the effectif sheets of a run share the session's table, so
   * that a row pasted in two rectorat sheets is counted once; the other sheets have their own.
   */
  private tableDoublons: TableDoublons | null = null;
  private numeroFeuille = -1;
  private readonly uaiSignales = new Set<string>();
  /** Every row is checked for « total »: the verdict of each text is remembered (see LibellesTotal). */
  private readonly libellesTotal = new LibellesTotal();
  /**
   * Every row below is set aside, its values not known to sit under their titles: under a two-line
   * header (refuserEnteteSurDeuxLignes; `ligne` is its second line, the only one with `message`) to the
   * end of the sheet, or under a header repeated in another order (structureDeLaLigne; `ligne` is that
   * header) until a header in the first order. Null while rows are read with the header's columns.
   */
  private sousEntete: {
    readonly code: "entete-deux-lignes" | "entete-differente";
    readonly ligne: number;
    readonly message?: string;
    /** The constat of each row set aside, and what completes « ligne 12 » (valeursHorsColonnes). */
    readonly messageLigne: string;
    readonly pourquoi: string;
  } | null = null;
  /** The width of the table's rows (largeurDesLignes): what is further right is beside them. */
  private largeurLignes = 0;
  /** Status columns beside the one mapped, read too (regles.md#beneficiaires.statut-plusieurs-colonnes). */
  private readonly autresStatuts: ColonneReconnue[] = [];
  /** The field each column of the header names (relative indices), made at the first repeated header. */
  private champsEntete: (Champ | null)[] | null = null;
  /**
   * A row longer than this may hold values right of the table's last column, and is checked for them
   * (SheetData.delimited): the header's width in a delimited file, else never — in a workbook, cells
   * right of a table are notes, comments or a check sum the user typed, not data cut out of its
   * column. One comparison per row: the rows of a .csv stop at their last value.
   */
  private largeurDelimitee = Infinity;

  protected constructor(
    protected readonly sheet: SheetData,
    protected readonly session: SessionLecture,
    correction: CorrectionColonnes | undefined,
    /** The fields the sheet cannot do without, and, when `auMoinsUn` is given, one of these too. */
    requis: readonly Champ[],
    auMoinsUn: readonly Champ[],
    quoi: string,
  ) {
    this.feuille = sheet.name;
    this.fin = sheet.values.length;
    const detection = detecterEntete(sheet, correction);
    if (detection === null) {
      if (sheet.values.every((row) => ligneVide(row))) {
        this.signaler(
          "feuille-vide",
          null,
          null,
          `La feuille « ${sheet.name} » est vide : collez-y ${quoi}.`,
        );
      } else {
        this.motifGlobal = "entete-introuvable";
        this.signaler(
          "entete-introuvable",
          null,
          null,
          `Aucune ligne d'en-tête reconnue dans les ${Math.min(LIGNES_RECHERCHE_ENTETE, sheet.values.length)} premières lignes de « ${sheet.name} » : la feuille n'est pas lue. Gardez la ligne des titres de colonnes (${requis.map((c) => `« ${nomDuChamp(c)} »`).join(", ")}) : il en faut au moins deux reconnus pour lire la feuille.`,
        );
      }
      this.total = this.fin;
      return;
    }
    this.entete = detection.entete;
    this.position = detection.indexLigne + 1;
    this.total = this.fin - this.position;
    this.signalerDonneesAuDessus(detection.indexLigne);
    // Only the fields this sheet pays from: its own (a bilan's effectif is a reference), and beside a
    // UAI an establishment's taux, reliquats and survey answer (colonnesEtablissement).
    const lus = new Set([...requis, ...auMoinsUn, ...(requis.includes("uai") ? CHAMPS_ETABLISSEMENT : [])]);
    const ambigus = detection.ambigus.filter((a) => lus.has(a.champ));
    for (const { champ, colonne } of detection.enDouble) {
      if (ambigus.some((a) => a.colonne === colonne)) continue;
      // Décision (regles.md#beneficiaires.statut-plusieurs-colonnes): every status column is read (the
      // establishment's « Statut » public / privé beside « Statut élève »), unless the user chose one.
      if (champ === "statut" && correction?.statut === undefined) {
        this.autresStatuts.push(colonne);
        this.signaler(
          "statut-plusieurs-colonnes",
          detection.entete.ligne,
          colonne.lettre,
          `« ${citation(colonne.entete)} » dit aussi le statut : lue avec la colonne ${detection.entete.colonnes.statut?.lettre}.`,
        );
        continue;
      }
      this.signaler(
        "colonne-en-double",
        detection.entete.ligne,
        colonne.lettre,
        `La colonne « ${citation(colonne.entete)} » désigne aussi le champ « ${nomDuChamp(champ)} », déjà lu dans la colonne ${detection.entete.colonnes[champ]?.lettre} : elle est ignorée. Corrigez la correspondance des colonnes si c'est elle qu'il faut lire.`,
      );
    }
    this.largeurLignes = largeurDesLignes(sheet, detection);
    if (sheet.delimited) this.largeurDelimitee = largeurDuTableau(sheet, detection);
    // Décision (regles.md#lecture.correction-perimee): a column the user chose (ColonneChoisie) whose
    // header moved is read where that header is now, with an info; one whose header is gone, or now in
    // more or fewer columns than when chosen, leaves the sheet unread (an erreur names the field, the
    // column, the header chosen and the one found) — never the column now at its index, nor the
    // automatic mapping the user had corrected.
    let suivies: CorrectionColonnes | undefined;
    for (const { champ, choisie, colonne, memes, suivie } of detection.deplacees) {
      const debut = `« ${nomDuChamp(champ)} » corrigé en colonne ${colonne.lettre} (« ${citation(choisie.entete)} ») : ce titre est `;
      if (suivie) {
        (suivies ??= { ...correction })[champ] = { ...choisie, index: suivie.index };
        this.signaler(
          "correction-suivie",
          detection.entete.ligne,
          suivie.lettre,
          `${debut}maintenant en ${suivie.lettre}, colonne lue.`,
        );
        continue;
      }
      this.motifGlobal = "correction-perimee";
      this.signaler(
        "correction-perimee",
        detection.entete.ligne,
        colonne.lettre,
        `${debut}${memes[0] ? `maintenant en ${memes.map((c) => c.lettre).join(", ")}` : `absent, la colonne ${colonne.lettre} porte « ${citation(colonne.entete)} »`}. La feuille n'est pas lue : corrigez la correspondance des colonnes dans Contrôle.`,
      );
    }
    for (const { champ, nouvelles } of detection.retraits) {
      this.motifGlobal = "correction-perimee";
      this.signaler(
        "correction-perimee",
        detection.entete.ligne,
        nouvelles[0].lettre,
        `« ${nomDuChamp(champ)} » retiré dans Contrôle : l'en-tête a maintenant ${nouvelles.map((c) => `« ${citation(c.entete)} » (${c.lettre})`).join(", ")}. La feuille n'est pas lue : corrigez la correspondance des colonnes dans Contrôle.`,
      );
    }
    if (this.motifGlobal !== null) return;
    this.correctionSuivie = suivies;
    const manquants = requis.filter((champ) => !detection.entete.colonnes[champ]);
    const aucunDesValeurs =
      auMoinsUn.length > 0 && auMoinsUn.every((champ) => !detection.entete.colonnes[champ]);
    if (manquants.length > 0 || aucunDesValeurs) {
      this.motifGlobal = "colonne-manquante";
      const noms = manquants.map(
        (champ) => `« ${nomDuChamp(champ)} » (ou ${SYNONYMES[champ].slice(1, 4).join(", ")})`,
      );
      if (aucunDesValeurs)
        noms.push(`l'une des colonnes ${auMoinsUn.map((c) => `« ${nomDuChamp(c)} »`).join(", ")}`);
      this.signaler(
        "colonne-manquante",
        detection.entete.ligne,
        null,
        `Colonne introuvable dans l'en-tête de la ligne ${detection.entete.ligne} : ${noms.join(" ; ")}. La feuille n'est pas lue : renommez la colonne ou indiquez-la dans la correspondance des colonnes.${manquants.includes("uai") ? uaiAuDessus(sheet, detection.indexLigne) : ""}`,
      );
    } else if (ambigus.length > 0) {
      // Décision (regles.md#lecture.deux-colonnes): which one counts is the user's to say.
      this.motifGlobal = "deux-colonnes";
      const titre = (c: ColonneReconnue) => `« ${citation(c.entete)} » (${c.lettre})`;
      // Shown without these fields' columns in Contrôle: the user's choice, even of the leftmost, is then
      // a change of the dropdown (choosing the option already selected would not be).
      const colonnes = { ...detection.entete.colonnes };
      const ignorees = [...detection.entete.ignorees];
      for (const { champ, colonne } of ambigus) {
        const lu = colonnes[champ]!;
        this.signaler(
          "deux-colonnes",
          detection.entete.ligne,
          colonne.lettre,
          `Deux colonnes « ${nomDuChamp(champ)} », ${titre(lu)} et ${titre(colonne)} : laquelle ${champ === "effectif" ? "compte les élèves de 1re année" : "lire"} ? La feuille n'est pas lue : indiquez-la dans la correspondance des colonnes.`,
        );
        delete colonnes[champ];
        ignorees.push(lu);
      }
      this.entete = { ...detection.entete, colonnes, ignorees: ignorees.sort((a, b) => a.index - b.index) };
    } else this.refuserEnteteSurDeuxLignes(sheet, detection);
  }

  /**
   * Décision (regles.md#lecture.entete-deux-lignes) — « Effectifs » merged over « 2nde année | 1ère année »
   * (or « Garçons | Filles »): the effectif column read is the first sub-column only, the others would
   * be silently left out. The line right under the header, without UAI nor code and with words under
   * the effectif header, is such a second header line: the sheet is not read.
   */
  private refuserEnteteSurDeuxLignes(sheet: SheetData, detection: ResultatEntete): void {
    const { colonnes } = detection.entete;
    const dessous = sheet.values[detection.indexLigne + 1];
    // An effectif sheet only (UAI, code and effectif columns): a bilan or a demande is a form.
    if (!dessous || !colonnes.effectif || !colonnes.uai || !colonnes.codeFormation) return;
    const cellule = (champ: Champ) => dessous[indexRelatif(detection.entete, champ, sheet.columnOffset)];
    const sous = cellule("effectif");
    if (typeof sous !== "string" || !/\p{L}/u.test(sous)) return;
    if (!isBlank(cellule("uai")) || !isBlank(cellule("codeFormation"))) return;
    const ligne = detection.entete.ligne + 1;
    this.sousEntete = {
      code: "entete-deux-lignes",
      ligne,
      messageLigne: `Ligne sous l'en-tête sur deux lignes : non lue (voir la ligne ${ligne}).`,
      pourquoi: "sous un en-tête sur deux lignes",
      message: `« ${citation(sous)} » sous « ${citation(colonnes.effectif.entete)} » : l'en-tête tient sur deux lignes, la colonne lue ne compterait qu'une partie des élèves. La feuille n'est pas lue : gardez une seule ligne d'en-tête, avec une colonne « Effectif 1re année ».`,
    };
  }

  /**
   * Whether a row above the header is data out of place (it is then reported, never dropped). None by
   * default; each reader says what a data row looks like — never a form line « UAI | 0750655E » or
   * « Dotation reçue pré-bac | 10 776 », which a bilan or a demande has above its table. Called from
   * this constructor: only the header (`indice`) is known, not the subclass's own fields.
   */
  protected ligneDeDonneesAuDessus(_row: Row): boolean {
    return false;
  }

  /**
   * The rows above the header reported as data (ligne-avant-entete), in sheet order, for a reader
   * whose rows in erreur have consequences of their own (a bilan's purchase leaves its reliquat unknown).
   */
  protected readonly lignesAvantEntete: { readonly row: Row; readonly ligne: number }[] = [];

  /** What the reader adds to the message of a row above the header (« Achat de 3 000,00 € non retenu. »). */
  protected complementAvantEntete(_row: Row): string {
    return "";
  }

  /**
   * Rows above the header are not read. One that looks like data pasted above the header
   * (ligneDeDonneesAuDessus) is reported and counted among the rows set aside, never dropped silently.
   */
  private signalerDonneesAuDessus(indexEntete: number): void {
    const ligneEntete = this.sheet.rowOffset + indexEntete + 1;
    for (let i = 0; i < indexEntete; i++) {
      const row = this.sheet.values[i];
      if (ligneVide(row) || !this.ligneDeDonneesAuDessus(row)) continue;
      const ligne = this.sheet.rowOffset + i + 1;
      this.comptage.nonVides++;
      this.lignesAvantEntete.push({ row, ligne });
      this.ecarter(
        "ligne-avant-entete",
        ligne,
        null,
        `Ligne ${ligne} au-dessus de l'en-tête (ligne ${ligneEntete}) : elle n'est pas lue. Si ce sont des données, déplacez-les sous la ligne d'en-tête ; sinon, supprimez-la.${this.complementAvantEntete(row)}`,
      );
    }
  }

  /** The header was found with the columns needed: the rows are read (not all set aside). */
  get lisible(): boolean {
    return this.entete !== null && this.motifGlobal === null;
  }

  get fini(): boolean {
    return this.position >= this.fin;
  }

  lireTranche(nombre: number): number {
    const debut = this.position;
    const fin = Math.min(this.fin, debut + nombre);
    const values = this.sheet.values;
    const premiereLigne = this.sheet.rowOffset + 1;
    const motif = this.motifGlobal;
    const largeur = this.largeurDelimitee;
    for (let i = debut; i < fin; i++) {
      const row = values[i];
      if (ligneVide(row)) continue;
      this.comptage.nonVides++;
      if (motif !== null) this.comptage.ecarter(motif);
      else if (this.sousEntete !== null) this.ecarterSousEntete(row, premiereLigne + i);
      else if (row.length <= largeur || !this.ecarterSiValeursEnTrop(row, premiereLigne + i))
        this.lireLigne(row, premiereLigne + i);
    }
    this.position = fin;
    if (fin === this.fin && debut < fin) {
      this.signalerLignesMasquees();
      this.finDeFeuille();
    }
    return fin - debut;
  }

  /**
   * Hidden or filtered rows are data: read and counted like the others (design.md §4, issue 11
   * item 19). One info says how many non-blank rows below the header were hidden, so that a user who
   * hid rows to leave them out knows they were not. Run once, at the end of the sheet: no cost per row.
   */
  private signalerLignesMasquees(): void {
    const masquees = this.sheet.hiddenRows;
    if (!masquees || masquees.length === 0 || this.entete === null) return;
    const premiere = this.fin - this.total;
    const lignes: number[] = [];
    for (const index of masquees) {
      if (index >= premiere && index < this.fin && !ligneVide(this.sheet.values[index]))
        lignes.push(this.sheet.rowOffset + index + 1);
    }
    if (lignes.length === 0) return;
    const liste = lignes.slice(0, 10).join(", ") + (lignes.length > 10 ? "…" : "");
    this.signaler(
      "lignes-masquees",
      null,
      null,
      lignes.length === 1
        ? `La ligne ${liste} est masquée (ou filtrée) dans « ${this.feuille} » : elle est lue et comptée comme les autres, ce sont des données. Si elle ne devait pas compter, supprimez-la de la feuille.`
        : `${lignes.length} lignes sont masquées (ou filtrées) dans « ${this.feuille} » (lignes ${liste}) : elles sont lues et comptées comme les autres, ce sont des données. Si certaines ne devaient pas compter, supprimez-les de la feuille.`,
    );
  }

  bilan() {
    return this.comptage.bilan();
  }

  /**
   * What a row without data to count is (ligneDeStructure), with one more check on a repeated header.
   * Décision (regles.md#lecture.entete-repetee): a header repeated below the data (a second extraction pasted
   * under the first) is skipped when it names the fields in the same columns; when it moves one — « Effectif »
   * and « Année de formation » swapped — the rows below it would be read with the first header's columns,
   * their effectifs taken for years of formation. It is then an erreur, and every row below it is set aside
   * until a header in the first order, or the end of the sheet.
   */
  protected structureDeLaLigne(
    row: Row,
    colonnesCles: readonly number[],
    aCompleter: string,
    ligne: number,
  ): LigneDeStructure | null {
    // The cells of the table only (largeurDesLignes): a note beside the row is neither a total nor a header.
    const structure = ligneDeStructure(row.slice(0, this.largeurLignes), colonnesCles, aCompleter);
    if (structure === null || structure.code !== "entete-repetee" || this.entete === null) return structure;
    const deplacees = this.colonnesDeplacees(row);
    if (deplacees === null) return structure;
    this.sousEntete = {
      code: "entete-differente",
      ligne,
      messageLigne: `Ligne sous l'en-tête de la ligne ${ligne}, aux colonnes dans un autre ordre : non lue (voir la ligne ${ligne}).`,
      pourquoi: `sous l'en-tête de la ligne ${ligne} aux colonnes dans un autre ordre`,
    };
    return {
      code: "entete-differente",
      message: `En-tête répété, colonnes dans un autre ordre qu'à la ligne ${this.entete.ligne} (${deplacees}) : les lignes en dessous ne sont pas lues, jusqu'à un en-tête dans l'ordre de la ligne ${this.entete.ligne}. Remettez les colonnes dans cet ordre, ou collez cette extraction dans une autre feuille.`,
    };
  }

  /**
   * « « Effectif » en colonne E, en D dans l'en-tête » for each field the repeated header puts in another
   * column than the header read, or in a column where it reads another field; null when none.
   */
  private colonnesDeplacees(row: Row): string | null {
    const entete = (this.champsEntete ??= this.sheet.values[this.indexEntete()].map((cell) =>
      champDeLEntete(cell),
    ));
    const deplacees: string[] = [];
    const nommes = new Set<Champ>();
    for (let j = 0; j < row.length; j++) {
      const champ = champDeLEntete(row[j]);
      if (champ === null) continue;
      // A row naming a field twice is not a header of its own (a stray row of titles): it moves nothing.
      if (nommes.has(champ)) return null;
      nommes.add(champ);
      if (entete[j] === champ) continue;
      const avant = entete.indexOf(champ);
      if (avant < 0 && (entete[j] ?? null) === null) continue;
      deplacees.push(
        `« ${citation(String(row[j]).trim())} » en colonne ${this.lettre(j)}` +
          (avant >= 0
            ? `, en ${this.lettre(avant)} dans l'en-tête`
            : `, où l'en-tête a « ${nomDuChamp(entete[j]!)} »`),
      );
    }
    return deplacees.length > 0 ? deplacees.join(" ; ") : null;
  }

  /** 0-based index, in the rows, of the header read. */
  private indexEntete(): number {
    return this.entete === null ? -1 : this.entete.ligne - this.sheet.rowOffset - 1;
  }

  /**
   * A row under a two-line header or a header repeated in another order (sousEntete): set aside, its
   * values handed to valeursHorsColonnes — unless it is a header in the first order below a repeated
   * one, below which reading resumes. The second line of a two-line header carries the sheet's constat.
   */
  private ecarterSousEntete(row: Row, ligne: number): void {
    const { code, ligne: origine, message, messageLigne, pourquoi } = this.sousEntete!;
    // A header in the first order (a total row is never one, as in ligneDeStructure): reading resumes.
    if (
      code === "entete-differente" &&
      celluleTotal(row) < 0 &&
      estEnteteRepetee(row) &&
      this.colonnesDeplacees(row) === null
    ) {
      this.sousEntete = null;
      return this.ecarter("entete-repetee", ligne, null, MESSAGE_ENTETE_REPETEE);
    }
    if (ligne === origine && message !== undefined)
      return this.ecarter(code, ligne, this.entete?.colonnes.effectif?.lettre ?? null, message);
    this.ecarter(code, ligne, null, messageLigne);
    this.valeursHorsColonnes(row, ligne, pourquoi);
  }

  protected abstract lireLigne(row: Row, ligne: number): void;

  /** The column's index in the rows (-1 when unmapped). */
  protected indice(champ: Champ): number {
    return this.entete === null ? -1 : indexRelatif(this.entete, champ, this.sheet.columnOffset);
  }

  /**
   * ecarter, the column given by its index; true, for ecarterHorsBeneficiaires to return. A method, not
   * a closure made at each row: that would allocate a context for every row read.
   */
  protected ecarterEnColonne(code: CodeConstat, ligne: number, index: number, message: string): true {
    this.ecarter(code, ligne, this.lettre(index), message);
    return true;
  }

  /**
   * The R5 columns, for ecarterHorsBeneficiaires' first row. A method, not an arrow function inside it:
   * a function holding a closure over `this` allocates a context at every call, that is every row.
   */
  private colonnesR5(): NonNullable<LecteurBase["r5"]> {
    const statut = this.entete?.colonnes.statut;
    return {
      // A header that itself reads as an apprentice's status (« Apprenti », « Alternance ») asks the question.
      statuts: (statut ? [statut, ...this.autresStatuts] : []).map(({ index, entete }) => {
        const lecture = lectureStatut(entete);
        return { index: index - this.sheet.columnOffset, lecture, question: lecture ? entete : null };
      }),
      annee: this.indice("anneeFormation"),
      anneeSimple: anneeSeule(this.entete?.colonnes.anneeFormation?.entete),
      entree: this.indice("entreeDirecte"),
    };
  }

  /** The R5 columns of ecarterHorsBeneficiaires, found at its first row. */
  private r5: {
    statuts: { index: number; lecture: LectureStatut; question: string | null }[];
    annee: number;
    anneeSimple: boolean;
    entree: number;
  } | null = null;

  /**
   * R5 (regles.md#beneficiaires.apprentis, regles.md#beneficiaires.hors-statut-scolaire,
   * regles.md#beneficiaires.premiere-annee): a row of apprentices, of trainees outside school status (or
   * of pupils and others together), or not of first year unless a direct entry
   * after a change of track, is set aside; true when it is. Effectif sheets and requests (R10) alike.
   */
  protected ecarterHorsBeneficiaires(row: Row, ligne: number): boolean {
    const c = (this.r5 ??= this.colonnesR5());
    const session = this.session;
    // R5 — apprentices, professionalisation contracts and continuing education never count.
    for (let k = 0; k < c.statuts.length; k++) {
      const { index, lecture, question } = c.statuts[k];
      const statut = cellule(row, index);
      if (isBlank(statut)) continue;
      if (isCellError(statut))
        return this.ecarterEnColonne("erreur-excel", ligne, index, messageErreurExcel(statut, "statut"));
      const motif = session.motifStatut(statut as string | number | boolean, lecture);
      if (motif !== null)
        return this.ecarterEnColonne(
          motif,
          ligne,
          index,
          `${question ?? "Statut"} « ${afficher(statut)} » : ${MOTIFS_STATUT[motif]} Ligne non comptée.`,
        );
    }

    // R5 (regles.md#beneficiaires.premiere-annee) — first year only, unless a direct entry after a change of track.
    const brute = cellule(row, c.annee);
    if (isBlank(brute)) return false;
    if (isCellError(brute))
      return this.ecarterEnColonne(
        "erreur-excel",
        ligne,
        c.annee,
        messageErreurExcel(brute, "année de formation"),
      );
    const annee = session.anneeFormation(brute as string | number | boolean);
    if ("illisible" in annee)
      // Décision (regles.md#beneficiaires.premiere-annee): under a plain « Année », a school year says
      // nothing of the year of formation — the column is not one, and the row counts as without it.
      return annee.scolaire && c.anneeSimple
        ? this.ecarterAutreAnneeScolaire(brute as string | number, ligne, c.annee)
        : this.ecarterEnColonne("annee-formation-illisible", ligne, c.annee, annee.illisible);
    if (annee.annee === 1) return false;
    const entree = cellule(row, c.entree);
    if (!isBlank(entree)) {
      if (isCellError(entree))
        return this.ecarterEnColonne(
          "erreur-excel",
          ligne,
          c.entree,
          messageErreurExcel(entree, "entrée directe"),
        );
      const oui = lireOuiNon(entree);
      if (oui === null) {
        return this.ecarterEnColonne(
          "entree-directe-illisible",
          ligne,
          c.entree,
          `Entrée directe « ${afficher(entree)} » illisible : saisissez oui ou non. Ligne non comptée tant que ce n'est pas clair (année de formation ${annee.annee}).`,
        );
      }
      if (oui) return false;
    }
    return this.ecarterEnColonne(
      "hors-premiere-annee",
      ligne,
      c.annee,
      `Année de formation ${annee.annee} : seuls les élèves de première année comptent, sauf entrée directe en première après un changement de filière (colonne « Entrée directe » à oui). Ligne non comptée.`,
    );
  }

  /**
   * A school year read under a plain « Année » (the year of formation's column): an effectif sheet
   * checks it against the dotation's effectifs n-1 (LecteurEffectifs); true when the row is set aside.
   * Other sheets (a request) count the row as without the column.
   */
  protected ecarterAutreAnneeScolaire(_brute: string | number, _ligne: number, _index: number): boolean {
    return false;
  }

  /** Called once, after the sheet's last row (nothing by default). */
  protected finDeFeuille(): void {}

  /** The letter Excel shows for a relative column index. */
  protected lettre(index: number): string | null {
    return index < 0 ? null : columnLetter(index + this.sheet.columnOffset);
  }

  protected colonnesEtablissement(): ColonnesEtablissement {
    return {
      nom: this.indice("nomEtablissement"),
      taux: this.indice("tauxBoursiers"),
      boursiers: this.indice("boursiers"),
      effectifTotal: this.indice("effectifTotal"),
      reliquatPreBac: this.indice("reliquatPreBac"),
      reliquatPostBac: this.indice("reliquatPostBac"),
      aRepondu: this.indice("aRepondu"),
      lettre: (index) => this.lettre(index),
      formatDate: (ligne, index) => estCelluleDate(this.sheet, ligne - this.sheet.rowOffset - 1, index),
    };
  }

  protected signaler(code: CodeConstat, ligne: number | null, colonne: string | null, message: string): void {
    this.session.constats.push(constat(code, this.feuille, ligne, colonne, message));
  }

  /** Sets a row aside: one constat, counted under its motif. */
  protected ecarter(code: CodeConstat, ligne: number, colonne: string | null, message: string): void {
    this.signaler(code, ligne, colonne, message);
    this.comptage.ecarter(code);
  }

  /**
   * A line of a delimited file cut into more values than its header has columns (sheet/decoupage.ts):
   * its values sit under the wrong titles, so none of them is read — set aside with « ligne-mal-decoupee »
   * (design.md §4: a value that cannot be read exactly is reported, never truncated), then handed to
   * valeursHorsColonnes. True when the row was set aside; false for a row read as usual (a total, a
   * repeated header, a note right of the table).
   */
  private ecarterSiValeursEnTrop(row: Row, ligne: number): boolean {
    const trop = this.sheet.delimited!.extraValues(row, this.largeurDelimitee, this.entete!.ligne);
    if (trop === null) return false;
    this.ecarter("ligne-mal-decoupee", ligne, this.lettre(trop.column), trop.message);
    this.valeursHorsColonnes(row, ligne, "mal découpée");
    return true;
  }

  /**
   * What a reader keeps of a row set aside because its values are not known to sit under their titles:
   * a line of a .csv cut into more values than columns, or a row under a repeated header in another
   * order or under a two-line header. A bilan: a purchase of unknown amount; an establishments sheet:
   * values unknown. `pourquoi` completes « ligne 12 » in messages. Nothing by default.
   */
  protected valeursHorsColonnes(_row: Row, _ligne: number, _pourquoi: string): void {}

  /** colonnesDesTotaux, asked once at the first row. */
  private colonnesTotaux: readonly number[] | undefined = undefined;

  /**
   * The columns whose text makes a row a total (relative indices).
   * Décision (regles.md#lecture.lignes-total): in an extraction a subtotal row keeps its UAI and code
   * and its word « total » may be in any cell of the table's rows (largeurDesLignes); a cell further
   * right is a note or a second table beside the row, not part of it.
   */
  protected colonnesDesTotaux(): readonly number[] {
    return [...Array(this.largeurLignes).keys()];
  }

  /**
   * The relative indices of the columns the header maps: a bilan's or a demande's own table.
   * Décision (regles.md#lecture.lignes-total): in a form a lycée fills, a column of its own
   * (« Observations », « Facture n° 2024-015, paiement total ») says nothing of the row, whose purchase
   * or pupils still count.
   */
  protected colonnesLues(): readonly number[] {
    return this.entete === null ? [] : colonnesLues(this.sheet, this.entete);
  }

  /**
   * A total or subtotal row (« Total », « TOTAL BOULANGER », « 0750655E Total »…, see LibellesTotal) is
   * set aside with « ligne-total » before anything else is read from it, even when its UAI and code are
   * valid: its effectif repeats the detail rows' (design.md §4). True when the row was set aside.
   */
  protected ecarterSiTotal(row: Row, ligne: number): boolean {
    if (this.colonnesTotaux === undefined) this.colonnesTotaux = this.colonnesDesTotaux();
    const j = this.libellesTotal.celluleTotal(row, this.colonnesTotaux);
    if (j < 0) return false;
    this.ecarter(this.codeLigneTotal(row, j), ligne, this.lettre(j), messageLigneTotal(row[j] as string));
    return true;
  }

  /** The constat of a total row whose word « total » is in column `j`: « ligne-total » unless overridden. */
  protected codeLigneTotal(_row: Row, _j: number): CodeConstat {
    return "ligne-total";
  }

  /**
   * A fully identical earlier row: this one is set aside with the alerte « doublon » (counted once).
   * Only rows about to count are checked, so set-aside rows cost nothing here.
   * @param etablissement the establishment's id (EtablissementLu.id).
   * @param cle a number equal for identical rows of the establishment (see cleDoublon).
   */
  protected estDoublon(row: Row, ligne: number, etablissement: number, cle: number): boolean {
    const table = this.tableDoublons ?? this.creerTableDoublons();
    const index = ligne - this.sheet.rowOffset - 1;
    const premiere = table.dejaVue(this.numeroFeuille, index, row, etablissement, cle);
    if (premiere === null) return false;
    const numero = premiere.index + premiere.sheet.rowOffset + 1;
    this.ecarterDoublon(ligne, numero, premiere.sheet === this.sheet ? null : premiere.sheet.name);
    return true;
  }

  /**
   * Sets aside a row identical to row `numero` (of the sheet `autreFeuille`, or of this one when null):
   * the alerte « doublon », the row counted once.
   */
  protected ecarterDoublon(ligne: number, numero: number, autreFeuille: string | null): void {
    this.ecarter(
      "doublon",
      ligne,
      null,
      autreFeuille === null
        ? `Ligne identique à la ligne ${numero} : comptée une seule fois. Supprimez ce doublon de collage ; s'il s'agit de deux groupes distincts, distinguez-les (libellé, statut…).`
        : `Ligne identique à la ligne ${numero} de la feuille « ${autreFeuille} » : comptée une seule fois. Si la même extraction a été donnée deux fois, retirez l'une des feuilles du calcul.`,
    );
  }

  /**
   * The duplicate table, made at the first row about to count. A method of its own, called once: in
   * estDoublon, which runs for every counted row, the signature's closure would make each call
   * allocate a context (docs/performance.md).
   */
  private creerTableDoublons(): TableDoublons {
    const table = this.doublonsPartages() ?? new TableDoublons();
    this.numeroFeuille = table.ajouterFeuille(this.sheet, (r) => this.signatureDoublon(r));
    this.tableDoublons = table;
    return table;
  }

  /**
   * What duplicate detection compares of a row: its cells normalised, in place order (see
   * normaliserCellule). The effectif reader compares fields instead, as its sheets share one table.
   */
  protected signatureDoublon(row: Row): Row {
    return signaturePositionnelle(row);
  }

  /** The duplicate table shared by the sheets of a run that count the same things (effectif sheets). */
  protected doublonsPartages(): TableDoublons | null {
    return null;
  }

  /** The alertes of a UAI (check letter, department), once per UAI and sheet, at its first row. */
  protected signalerUai(
    verdict: Extract<VerdictUai, { ok: true }>,
    ligne: number,
    colonne: string | null,
  ): void {
    if (verdict.alertes.length === 0 || this.uaiSignales.has(verdict.uai)) return;
    this.uaiSignales.add(verdict.uai);
    for (const alerte of verdict.alertes) {
      this.signaler(
        alerte.code,
        ligne,
        colonne,
        `${alerte.message} Les lignes de cet établissement sont comptées.`,
      );
    }
  }
}
