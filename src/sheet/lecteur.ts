/**
 * What the two readers (effectif sheets, establishments sheet) have in common: finding the header,
 * walking the rows below it in slices, skipping blank rows, and setting rows aside with their constat.
 */
import { citation } from "../rules";
import { columnLetter, isBlank, isCellError, type Row, type SheetData } from "../workbook/port";
import { detecterEntete, indexRelatif, LIGNES_RECHERCHE_ENTETE, nomDuChamp, SYNONYMES } from "./columns";
import { constat, type CodeConstat } from "./constats";
import type { ColonnesEtablissement } from "./etablissements";
import { Comptage, type LecteurFeuille, type SessionLecture, type VerdictUai } from "./session";
import type { Champ, CorrectionColonnes, EnteteDetectee } from "./types";

/** A row with nothing in it (merged cells that carry no value, spaces). */
export function ligneVide(row: Row | undefined): boolean {
  if (row === undefined) return true;
  for (let j = 0; j < row.length; j++) if (!isBlank(row[j])) return false;
  return true;
}

/** Fully identical rows: same cells (an Excel error equal to the same error, a missing cell to a blank one). */
export function memesCellules(a: Row, b: Row): boolean {
  if (a.length !== b.length) return false;
  for (let j = 0; j < a.length; j++) {
    const x = a[j] ?? null;
    const y = b[j] ?? null;
    if (x === y) continue;
    if (isCellError(x) && isCellError(y) && x.error === y.error) continue;
    return false;
  }
  return true;
}

const FNV_PRIME = 16777619;

/**
 * A 32-bit hash (FNV-1a) of a row's cells, equal for rows that memesCellules finds equal. Computed
 * without building any string, so that duplicate detection costs a Map lookup per counted row.
 */
export function hashLigne(row: Row): number {
  let h = 0x811c9dc5;
  for (let j = 0; j < row.length; j++) {
    const cell = row[j];
    if (typeof cell === "string") {
      for (let k = 0; k < cell.length; k++) h = Math.imul(h ^ cell.charCodeAt(k), FNV_PRIME);
    } else if (typeof cell === "number") {
      h = Math.imul(h ^ (cell | 0), FNV_PRIME);
      h = Math.imul(h ^ ((cell * 4096) | 0), FNV_PRIME);
    } else if (typeof cell === "boolean") {
      h = Math.imul(h ^ (cell ? 0x5a : 0xa5), FNV_PRIME);
    } else if (cell !== null && cell !== undefined) {
      for (let k = 0; k < cell.error.length; k++) h = Math.imul(h ^ cell.error.charCodeAt(k), FNV_PRIME);
    }
    // A separator, typed by the kind of cell, so that ["ab", ""] and ["a", "b"] differ.
    h = Math.imul(h ^ (0x100 + (typeof cell).length), FNV_PRIME);
  }
  return h >>> 0;
}

/**
 * A number shared by identical rows of one establishment: the code's id and the effectif (rows that
 * merely share it are told apart by hashLigne and memesCellules).
 */
export function cleDoublon(codeId: number, effectif: number): number {
  return codeId * 0x100000 + (effectif & 0xfffff);
}

/** Rows that share a key, by hash of their cells: one row index, or several. */
type ParHash = Map<number, number | number[]>;

/** A 32-bit mix of a key (an integer below 2^53), for the table below (MurmurHash3's finaliser). */
function melanger(cle: number): number {
  let h = (cle | 0) ^ Math.imul((cle / 4294967296) | 0, 0x27d4eb2f);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/**
 * The rows already counted for one establishment, by key (see cleDoublon): an open-addressing hash
 * table over two typed arrays, the keys and a value per key — the row index + 1 of the only row with
 * that key, or -(g + 1) for the group g of rows that share it (0: free slot).
 *
 * Décision (performance, issue 7): typed arrays rather than a Map per establishment. Their contents
 * live outside the JavaScript heap, so the garbage collector neither copies nor scans them: on a
 * 1 M-row sheet the Maps allocated some 57 MB that the collector copied while the rows were read
 * (npm run bench, see docs/performance.md).
 */
class LignesParCle {
  private cles = new Float64Array(16);
  private valeurs = new Int32Array(16);
  private nombre = 0;

  /** The value stored under `cle`; when the key is new, `valeur` (non-zero) is stored and 0 returned. */
  obtenirOuAjouter(cle: number, valeur: number): number {
    const masque = this.valeurs.length - 1;
    let i = melanger(cle) & masque;
    for (;;) {
      const v = this.valeurs[i];
      if (v === 0) break;
      if (this.cles[i] === cle) return v;
      i = (i + 1) & masque;
    }
    this.cles[i] = cle;
    this.valeurs[i] = valeur;
    // At most half full, so that probes stay short.
    if (++this.nombre * 2 > this.valeurs.length) this.agrandir();
    return 0;
  }

  /** Replaces the value of a key already stored. */
  remplacer(cle: number, valeur: number): void {
    const masque = this.valeurs.length - 1;
    let i = melanger(cle) & masque;
    while (this.cles[i] !== cle || this.valeurs[i] === 0) i = (i + 1) & masque;
    this.valeurs[i] = valeur;
  }

  /** Four times larger: fewer rehashes for an establishment of thousands of rows. */
  private agrandir(): void {
    const { cles, valeurs } = this;
    this.cles = new Float64Array(cles.length * 4);
    this.valeurs = new Int32Array(valeurs.length * 4);
    const masque = this.valeurs.length - 1;
    for (let j = 0; j < valeurs.length; j++) {
      if (valeurs[j] === 0) continue;
      let i = melanger(cles[j]) & masque;
      while (this.valeurs[i] !== 0) i = (i + 1) & masque;
      this.cles[i] = cles[j];
      this.valeurs[i] = valeurs[j];
    }
  }
}

export abstract class LecteurBase implements LecteurFeuille {
  readonly entete: EnteteDetectee | null = null;
  readonly total: number;
  protected readonly comptage = new Comptage();
  /** The sheet name, as the workbook spells it. */
  readonly feuille: string;
  private position = 0;
  private readonly fin: number;
  /** Set when the sheet cannot be read: every non-blank row is set aside under this motif. */
  private motifGlobal: CodeConstat | null = null;
  /**
   * Rows already counted, keyed by establishment, then by a number that identical rows share (code and
   * effectif for an effectif row). A key met again — rare: two rows for one formation with the same
   * effectif — opens a map of those rows by hash of all their cells (`groupes`), and a hash met again
   * is settled by comparing the cells. So a row costs one probe of a small table, no string is built,
   * no group is scanned row by row (design.md §8).
   */
  private readonly vues = new Map<number, LignesParCle>();
  private readonly groupes: ParHash[] = [];
  private dernierEtablissement = -1;
  private vuesDernierEtablissement: LignesParCle | null = null;
  private readonly uaiSignales = new Set<string>();

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
          `Aucune ligne d'en-tête reconnue dans les ${Math.min(LIGNES_RECHERCHE_ENTETE, sheet.values.length)} premières lignes de « ${sheet.name} » : la feuille n'est pas lue. Gardez la ligne des titres de colonnes (${requis.map((c) => `« ${nomDuChamp(c)} »`).join(", ")}) ou indiquez les colonnes à utiliser.`,
        );
      }
      this.total = this.fin;
      return;
    }
    this.entete = detection.entete;
    this.position = detection.indexLigne + 1;
    this.total = this.fin - this.position;
    for (const { champ, colonne } of detection.enDouble) {
      this.signaler(
        "colonne-en-double",
        detection.entete.ligne,
        colonne.lettre,
        `La colonne « ${citation(colonne.entete)} » désigne aussi le champ « ${nomDuChamp(champ)} », déjà lu dans la colonne ${detection.entete.colonnes[champ]?.lettre} : elle est ignorée. Corrigez la correspondance des colonnes si c'est elle qu'il faut lire.`,
      );
    }
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
        `Colonne introuvable dans l'en-tête de la ligne ${detection.entete.ligne} : ${noms.join(" ; ")}. La feuille n'est pas lue : renommez la colonne ou indiquez-la dans la correspondance des colonnes.`,
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
    for (let i = debut; i < fin; i++) {
      const row = values[i];
      if (ligneVide(row)) continue;
      this.comptage.nonVides++;
      if (motif !== null) this.comptage.ecarter(motif);
      else this.lireLigne(row, premiereLigne + i);
    }
    this.position = fin;
    return fin - debut;
  }

  bilan() {
    return this.comptage.bilan();
  }

  protected abstract lireLigne(row: Row, ligne: number): void;

  /** The column's index in the rows (-1 when unmapped). */
  protected indice(champ: Champ): number {
    return this.entete === null ? -1 : indexRelatif(this.entete, champ, this.sheet.columnOffset);
  }

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
   * A fully identical earlier row: this one is set aside with the alerte « doublon » (counted once).
   * Only rows about to count are checked, so set-aside rows cost nothing here.
   * @param etablissement the establishment's id (EtablissementLu.id).
   * @param cle a number equal for identical rows of the establishment (see cleDoublon).
   */
  protected estDoublon(row: Row, ligne: number, etablissement: number, cle: number): boolean {
    // Rows of one establishment are usually consecutive: its small table is kept at hand.
    let parCle =
      etablissement === this.dernierEtablissement
        ? this.vuesDernierEtablissement
        : this.vues.get(etablissement);
    if (!parCle) {
      parCle = new LignesParCle();
      this.vues.set(etablissement, parCle);
    }
    this.dernierEtablissement = etablissement;
    this.vuesDernierEtablissement = parCle;
    const index = ligne - this.sheet.rowOffset - 1;
    const trouve = parCle.obtenirOuAjouter(cle, index + 1);
    if (trouve === 0) return false;
    const values = this.sheet.values;
    let parHash: ParHash;
    if (trouve > 0) {
      const premiere = trouve - 1;
      parHash = new Map([[hashLigne(values[premiere]), premiere]]);
      this.groupes.push(parHash);
      parCle.remplacer(cle, -this.groupes.length);
    } else parHash = this.groupes[-trouve - 1];
    const hash = hashLigne(row);
    const memes = parHash.get(hash);
    if (memes === undefined) {
      parHash.set(hash, index);
      return false;
    }
    const premiere =
      typeof memes === "number"
        ? memesCellules(values[memes], row)
          ? memes
          : -1
        : (memes.find((i) => memesCellules(values[i], row)) ?? -1);
    if (premiere < 0) {
      if (typeof memes === "number") parHash.set(hash, [memes, index]);
      else memes.push(index);
      return false;
    }
    this.ecarter(
      "doublon",
      ligne,
      null,
      `Ligne identique à la ligne ${premiere + this.sheet.rowOffset + 1} : comptée une seule fois. Supprimez ce doublon de collage ; s'il s'agit de deux groupes distincts, distinguez-les (libellé, statut…).`,
    );
    return true;
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
