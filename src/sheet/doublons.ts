/**
 * Fully identical rows (design.md §4, regles.md#lecture.doublons: counted once, with an alerte « doublon »), found without building
 * any string: rows already counted are kept by establishment, then by a number that identical rows
 * share (code and effectif for an effectif row; see cleDoublon). A key met again — rare: two rows for
 * one formation with the same effectif — opens a map of those rows by hash of all their cells, and a
 * hash met again is settled by comparing the cells. So a row costs one probe of a small table and no
 * group is scanned row by row (design.md §8).
 *
 * One table can serve several sheets — the effectif sheets of one run share the session's — so that
 * the same extraction given twice (two files, two tabs) is counted once. A row is referred to by one
 * number: the rows of the sheets given, one sheet after the other (a .csv has no row limit; the
 * references of one run stop short of 2^32).
 *
 * Rows are compared by their normalised values (design.md §4, issue 11 item 2), so that the same
 * extraction given in two forms — a .xlsx and its .csv, or two .xlsx written by different tools — is
 * counted once: a code as text « 50022137 », as the number 50022137, as « '50022137 », « 5,0022137E+07 »
 * or « 50 022 137 » is one value; so are « 24 » and 24, « 0750655e » and « 0750655E ». Each sheet gives
 * its own signature of a row (the effectif reader compares fields, whatever their column order).
 */
import { ESPACES } from "../rules";
import { isBlank, isCellError, type CellValue, type Row, type SheetData } from "../grid";

const NOMBRE_ECRIT = /^[+-]?\d+(?:[.,]\d+)?(?:E[+-]?\d+)?$/i;

/**
 * A cell as duplicate detection compares it: a blank is null; a text loses its leading apostrophe,
 * its surrounding spaces and the case of its letters, and its runs of spaces become one; a text that
 * is a number once its spaces are removed (« 24 », « 50 022 137 », « 5,0022137E+07 ») is that number.
 * Only for comparing rows: values are read by the readers of cells.ts, never from this.
 */
export function normaliserCellule(cell: CellValue | undefined): CellValue {
  if (cell === undefined || isBlank(cell)) return null;
  if (typeof cell !== "string") return cell;
  const texte = (cell.charCodeAt(0) === 39 ? cell.slice(1) : cell).replace(ESPACES, " ").trim();
  const chiffres = texte.indexOf(" ") === -1 ? texte : texte.replace(/ /g, "");
  if (NOMBRE_ECRIT.test(chiffres)) {
    const n = Number(chiffres.replace(",", "."));
    if (Number.isFinite(n)) return n;
  }
  return texte === "" ? null : texte.toUpperCase();
}

/** Every cell normalised, in place order, blank cells at the end left out: the default signature. */
export function signaturePositionnelle(row: Row): Row {
  let fin = row.length;
  while (fin > 0 && isBlank(row[fin - 1])) fin--;
  const signature: CellValue[] = new Array(fin);
  for (let j = 0; j < fin; j++) signature[j] = normaliserCellule(row[j]);
  return signature;
}

/** How a sheet's rows are compared: a row's normalised values. */
export type Signature = (row: Row) => Row;

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
 * Keys and values of the tables are unsigned 32-bit integers. A value is a row's reference + 1, or
 * GROUPE for a key whose rows form a group; references run below REFERENCES_MAXIMUM (some 4 billion
 * rows read in one run: far beyond any memory). A key past 32 bits — a code id past 4 095, thousands
 * of distinct eligible codes in one run — goes to a Map beside the table.
 */
const PLAFOND_32 = 0xffff_ffff;
const GROUPE = PLAFOND_32;
const REFERENCES_MAXIMUM = GROUPE - 1;

/** Can the typed array hold this key as it is? Only an unsigned 32-bit integer: anything else it would change. */
function tientSur32Bits(cle: number): boolean {
  return cle >>> 0 === cle;
}

/** Rows that share a key, by hash of their cells: one row reference, or several. */
type ParHash = Map<number, number | number[]>;

/** A 32-bit mix of a key (an integer below 2^32), for the table below (MurmurHash3's finaliser). */
function melanger(cle: number): number {
  let h = Math.imul(cle ^ (cle >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/**
 * A table grows past three quarters full, so that probes stay short. It is sized for the keys it
 * expects at most 60 % full, so that an establishment somewhat larger than the one it was sized on
 * still fits: sized exactly, one key more made it grow to four times the room.
 */
const CHARGE_MAXIMALE = 0.75;
const CHARGE_PREVUE = 0.6;

/**
 * The rows already counted for one establishment, by key (see cleDoublon): an open-addressing hash
 * table over one typed array of (key, value) pairs — the value is the row reference + 1 of the only
 * row with that key, or GROUPE when several rows share it (0: free slot).
 *
 * Décision (regles.md#technique.performance; performance, issues 7 and 13): typed arrays rather than
 * a Map per establishment. Their contents live outside the JavaScript heap, so the garbage collector
 * neither copies nor scans them: on a 1 M-row sheet the Maps allocated some 57 MB that the collector
 * copied while the rows were read (npm run bench, see docs/performance.md). Key and value side by
 * side: a probe reads one cache line. Pairs of 32-bit integers rather than of doubles: half the
 * memory (16 instead of 32 MB for a 1 M-row sheet), which the system hands over page by page.
 */
class LignesParCle {
  /** Slot i holds its key at 2i and its value at 2i + 1. */
  private paires: Uint32Array;
  private nombre = 0;
  /** Keys past 32 bits (or not integers), rare, with their value. */
  private grandes: Map<number, number> | null = null;
  /** The rows of each key whose value is GROUPE (rare: most tables never make one). */
  private groupes: Map<number, ParHash> | null = null;

  /** @param cles keys expected: the table is sized for them at once (see TableDoublons.dejaVue). */
  constructor(cles: number) {
    let places = 16;
    while (places * CHARGE_PREVUE < cles) places *= 2;
    this.paires = new Uint32Array(places * 2);
  }

  /** Keys stored. */
  get taille(): number {
    return this.nombre;
  }

  /** The value stored under `cle`; when the key is new, `valeur` (non-zero) is stored and 0 returned. */
  obtenirOuAjouter(cle: number, valeur: number): number {
    if (!tientSur32Bits(cle)) return this.grandeCle(cle, valeur);
    const paires = this.paires;
    const masque = (paires.length >> 1) - 1;
    let i = melanger(cle) & masque;
    for (;;) {
      const v = paires[2 * i + 1];
      if (v === 0) break;
      if (paires[2 * i] === cle) return v;
      i = (i + 1) & masque;
    }
    paires[2 * i] = cle;
    paires[2 * i + 1] = valeur;
    if (++this.nombre > (paires.length >> 1) * CHARGE_MAXIMALE) this.agrandir();
    return 0;
  }

  /** obtenirOuAjouter for a key the typed array cannot hold. */
  private grandeCle(cle: number, valeur: number): number {
    this.grandes ??= new Map();
    const v = this.grandes.get(cle);
    if (v !== undefined) return v;
    this.grandes.set(cle, valeur);
    this.nombre++;
    return 0;
  }

  /** The rows of a key met before, now several: its value becomes GROUPE. */
  grouper(cle: number, parHash: ParHash): void {
    (this.groupes ??= new Map()).set(cle, parHash);
    if (!tientSur32Bits(cle)) {
      this.grandes!.set(cle, GROUPE);
      return;
    }
    const paires = this.paires;
    const masque = (paires.length >> 1) - 1;
    let i = melanger(cle) & masque;
    while (paires[2 * i] !== cle || paires[2 * i + 1] === 0) i = (i + 1) & masque;
    paires[2 * i + 1] = GROUPE;
  }

  /** The rows of a key whose value is GROUPE. */
  groupe(cle: number): ParHash {
    return this.groupes!.get(cle)!;
  }

  /** Four times larger: few rehashes for an establishment of thousands of rows. */
  private agrandir(): void {
    const anciennes = this.paires;
    const paires = new Uint32Array(anciennes.length * 4);
    const masque = (paires.length >> 1) - 1;
    for (let j = 0; j < anciennes.length; j += 2) {
      if (anciennes[j + 1] === 0) continue;
      let i = melanger(anciennes[j]) & masque;
      while (paires[2 * i + 1] !== 0) i = (i + 1) & masque;
      paires[2 * i] = anciennes[j];
      paires[2 * i + 1] = anciennes[j + 1];
    }
    this.paires = paires;
  }
}

/** A row already counted: its sheet and its index in the sheet's values. */
export interface LigneVue {
  readonly sheet: SheetData;
  readonly index: number;
}

export class TableDoublons {
  private readonly feuilles: SheetData[] = [];
  private readonly signatures: Signature[] = [];
  /**
   * The reference of each sheet's first row: a sheet's rows follow the previous sheet's, so that a
   * row's reference is one number below 2^32 (`debut + index`), whatever the number of sheets.
   */
  private readonly debuts: number[] = [];
  private references = 0;
  private readonly parEtablissement = new Map<number, LignesParCle>();
  private dernierEtablissement = -1;
  private dernieresLignes: LignesParCle | null = null;

  /**
   * Registers a sheet whose rows the table will hold; returns its number.
   * @param signature what of a row is compared (normalised values); the sheets sharing a table give
   *   signatures that are equal for the same row, whatever the form or the columns' order.
   */
  ajouterFeuille(sheet: SheetData, signature: Signature = signaturePositionnelle): number {
    if (this.references + sheet.values.length > REFERENCES_MAXIMUM)
      throw new RangeError(`Plus de ${REFERENCES_MAXIMUM} lignes lues en une fois.`);
    this.feuilles.push(sheet);
    this.signatures.push(signature);
    this.debuts.push(this.references);
    this.references += sheet.values.length;
    return this.feuilles.length - 1;
  }

  /**
   * The earlier row fully identical to this one for the establishment, or null — then this row is
   * remembered. Only rows about to count are given, so set-aside rows cost nothing here.
   * @param etablissement the establishment's id (EtablissementLu.id, unique in a run).
   * @param cle a number equal for identical rows of the establishment (see cleDoublon).
   */
  dejaVue(feuille: number, index: number, row: Row, etablissement: number, cle: number): LigneVue | null {
    // Rows of one establishment are usually consecutive: its small table is kept at hand.
    let parCle =
      etablissement === this.dernierEtablissement
        ? this.dernieresLignes
        : this.parEtablissement.get(etablissement);
    if (!parCle) {
      // Sized for as many keys as the establishment before it: an extraction lists establishments of
      // similar sizes one after the other, so a table rarely grows — growing (a new array, every key
      // placed again) was a tenth of the reading time of a large sheet (docs/performance.md). An
      // establishment after a much larger one gets a table too large once; the next is sized on it.
      parCle = new LignesParCle(this.dernieresLignes?.taille ?? 0);
      this.parEtablissement.set(etablissement, parCle);
    }
    this.dernierEtablissement = etablissement;
    this.dernieresLignes = parCle;
    const reference = this.debuts[feuille] + index;
    const trouve = parCle.obtenirOuAjouter(cle, reference + 1);
    // A new key (nearly every row): nothing allocated. The comparison, rare, is a method of its own:
    // its closure would otherwise make every call allocate its context (docs/performance.md).
    return trouve === 0 ? null : this.comparer(feuille, reference, row, parCle, cle, trouve);
  }

  /** A row whose key was met before (`trouve`: the value stored under it): compared cell by cell. */
  private comparer(
    feuille: number,
    reference: number,
    row: Row,
    parCle: LignesParCle,
    cle: number,
    trouve: number,
  ): LigneVue | null {
    let parHash: ParHash;
    // The signature of the key's first row, when computed here: compared below without a second computation.
    let connue: { readonly reference: number; readonly signature: Row } | null = null;
    if (trouve !== GROUPE) {
      const premiere = trouve - 1;
      connue = { reference: premiere, signature: this.ligne(premiere) };
      parHash = new Map([[hashLigne(connue.signature), premiere]]);
      parCle.grouper(cle, parHash);
    } else parHash = parCle.groupe(cle);
    const signature = this.signatures[feuille](row);
    const hash = hashLigne(signature);
    const memes = parHash.get(hash);
    if (memes === undefined) {
      parHash.set(hash, reference);
      return null;
    }
    const vue = (r: number) => (connue !== null && connue.reference === r ? connue.signature : this.ligne(r));
    const premiere =
      typeof memes === "number"
        ? memesCellules(vue(memes), signature)
          ? memes
          : -1
        : (memes.find((r) => memesCellules(vue(r), signature)) ?? -1);
    if (premiere < 0) {
      if (typeof memes === "number") parHash.set(hash, [memes, reference]);
      else memes.push(reference);
      return null;
    }
    const numero = this.feuilleDe(premiere);
    return { sheet: this.feuilles[numero], index: premiere - this.debuts[numero] };
  }

  /** The number of the sheet a reference falls in (few sheets: searched from the last). */
  private feuilleDe(reference: number): number {
    let numero = this.debuts.length - 1;
    while (this.debuts[numero] > reference) numero--;
    return numero;
  }

  /** The signature of a row already seen. */
  private ligne(reference: number): Row {
    const numero = this.feuilleDe(reference);
    return this.signatures[numero](this.feuilles[numero].values[reference - this.debuts[numero]]);
  }
}
