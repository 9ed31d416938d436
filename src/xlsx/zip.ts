/**
 * Just enough of the ZIP format to read the parts of an .xlsx file (Node's zlib inflates them): the
 * central directory at the end of the archive lists every part with its size and offset. A truncated
 * or damaged archive throws. Small parts are read whole (`text`); the large ones, worksheets and
 * shared strings, chunk by chunk as they are inflated (`chunks`, `chunksSync`). The archive is bytes
 * in memory, or a file read piece by piece as the parts are inflated (sourceFichier).
 */
import * as fs from "fs";
import { constants, createInflateRaw, inflateRawSync, type InflateRaw } from "zlib";

/** Size of the chunks `chunksSync` hands over from a part inflated whole. */
export const CHUNK_OCTETS = 1024 * 1024;

/**
 * Size of the one buffer `chunks` inflates a part into, again and again: small enough to stay in the
 * processor's cache while the reader scans it, large enough that a trip per chunk is negligible.
 */
export const SORTIE_OCTETS = 64 * 1024;

/**
 * Where an archive's bytes are: in memory (sourceEnMemoire), or in a file opened by the caller
 * (sourceFichier), read as the parts need them.
 */
export interface SourceZip {
  readonly length: number;
  /** The largest piece `chunks` reads at once: a whole part when it is already in memory. */
  readonly fenetre: number;
  /**
   * Bytes [position, position + longueur), which the caller has checked to be in the archive: a
   * view of them, or their copy into `tampon` when it is given and large enough (the next reading
   * into it overwrites them). Throws when the file ends first (changed while it was read).
   */
  lire(position: number, longueur: number, tampon?: Buffer): Buffer;
}

export function sourceEnMemoire(octets: Uint8Array): SourceZip {
  const bytes = Buffer.isBuffer(octets)
    ? octets
    : Buffer.from(octets.buffer, octets.byteOffset, octets.byteLength);
  return {
    length: bytes.length,
    fenetre: Infinity,
    lire: (position, longueur) => bytes.subarray(position, position + longueur),
  };
}

/** Bytes in memory as a source, or the source given. */
export function enSource(entree: Uint8Array | SourceZip): SourceZip {
  // isView, not instanceof: under jest a Buffer comes from another realm than the code's Uint8Array.
  return ArrayBuffer.isView(entree) ? sourceEnMemoire(entree) : entree;
}

/** A file found shorter than its size when it was opened: changed (rewritten, copied) while read. */
export class FichierRaccourci extends Error {
  constructor() {
    super("fichier raccourci pendant sa lecture");
    this.name = "FichierRaccourci";
  }
}

/** Bytes of a file read at once by `chunks`, into one buffer used again. */
export const ENTREE_OCTETS = 64 * 1024;

/**
 * A file opened by the caller (who closes it), of `taille` bytes, read `fenetre` bytes at a time.
 *
 * Décision (regles.md#technique.performance; issue 13 §5): the file is never read whole into memory
 * when the fast reader takes it — its central directory, then each part's compressed bytes 64 Ko at a
 * time, into one buffer used again. Read whole, the 3.4 Mo of a 100 000-row .xlsx were as many pages
 * of fresh memory (~11 ms on the bench machine). A file that gets shorter while it is read throws;
 * its reader then reports it.
 */
export function sourceFichier(fd: number, taille: number, fenetre = ENTREE_OCTETS): SourceZip {
  return {
    length: taille,
    fenetre,
    lire(position, longueur, tampon) {
      const cible = tampon !== undefined && tampon.length >= longueur ? tampon : Buffer.allocUnsafe(longueur);
      for (let lus = 0; lus < longueur;) {
        const n = fs.readSync(fd, cible, lus, longueur - lus, position + lus);
        if (n === 0) throw new FichierRaccourci();
        lus += n;
      }
      return cible.subarray(0, longueur);
    },
  };
}

/** The native handle's synchronous call: inflates input[inOffset…] into output[outOffset…]. */
type EcrireNatif = (
  flush: number,
  input: Buffer,
  inOffset: number,
  inLength: number,
  output: Buffer,
  outOffset: number,
  outLength: number,
) => void;

/** What `chunks` uses of a zlib stream: its native handle and the state the handle writes after each call. */
interface InflateNatif {
  readonly _handle?: { writeSync?: EcrireNatif };
  /** [output bytes left free, input bytes left unread], written by each writeSync. */
  readonly _writeState?: Uint32Array;
}

/** A zlib inflate stream opened for `chunks`, with what it uses of its native side. */
export interface InflateurNatif {
  readonly inflate: InflateRaw;
  readonly writeSync: EcrireNatif;
  readonly etat: Uint32Array;
}

/** Opens the native side of an inflate stream: an object, so that a test can take it away. */
export const zlibNatif = {
  /** Null where this Node.js version's zlib streams lack the handle `chunks` uses. */
  ouvrir(): InflateurNatif | null {
    const inflate = createInflateRaw();
    const natif = inflate as unknown as InflateNatif;
    const handle = natif._handle;
    const etat = natif._writeState;
    // isView, not instanceof: under jest the test's realm has its own Uint32Array.
    if (handle?.writeSync === undefined || etat === undefined || !ArrayBuffer.isView(etat)) {
      inflate.close();
      return null;
    }
    // An error is read from `errored` right after the call that met it; the event that follows is
    // for listeners this stream does not have.
    inflate.on("error", () => undefined);
    return { inflate, writeSync: handle.writeSync.bind(handle), etat };
  },
};

/**
 * Largest part read, once inflated. Décision (regles.md#technique.zip-partie; security, issue 7): a « zip bomb » — a few megabytes
 * that inflate to gigabytes, e.g. a sharedStrings part of one huge repeated string — would otherwise
 * be inflated whole, then again by ExcelJS (a 9 MB file took 12 s and 4.3 GB before failing). Beyond
 * 500 MB no JavaScript string can hold the part's text anyway (V8's limit is about 512 M characters),
 * and an ordinary extraction of a million rows stays under it.
 */
export const PARTIE_MAX_OCTETS = 500 * 1024 * 1024;
/** Largest archive, all parts inflated: two parts at the limit are already more than Node can read. */
export const ARCHIVE_MAX_OCTETS = 1024 * 1024 * 1024;
/**
 * Largest compression ratio of a part above RATIO_SEUIL_OCTETS. Décision (regles.md#technique.zip-ratio; security, issue 11 item 13):
 * worksheet XML deflates 5 to 40 times; deflate itself cannot pass about 1 000, the ratio of a bomb
 * made of one repeated byte. Small parts (a styles part of repeated tags) are left free.
 */
export const RATIO_MAX = 200;
export const RATIO_SEUIL_OCTETS = 16 * 1024 * 1024;

/**
 * Why an archive is refused before anything is inflated (or as soon as a part inflates to more than
 * the directory said): the sizes of the central directory are checked first, for every part, on
 * every path — the fast reader's and, before ExcelJS gets the bytes, the fallback's (verifierParties).
 */
export type MotifRefus = "partie" | "archive" | "ratio" | "taille-fausse";

export class ArchiveRefusee extends Error {
  constructor(
    readonly motif: MotifRefus,
    readonly partie: string | null,
  ) {
    super(`archive refusée (${motif}${partie ? ` : ${partie}` : ""})`);
    this.name = "ArchiveRefusee";
  }
}

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_FILE_HEADER = 0x02014b50;
const LOCAL_FILE_HEADER = 0x04034b50;

interface Entry {
  readonly method: number;
  readonly compressedSize: number;
  /** As the central directory says; the part is never inflated beyond it. */
  readonly size: number;
  readonly localHeaderOffset: number;
}

/** Where a part's compressed bytes are in the archive. */
interface Localisation {
  readonly entry: Entry;
  readonly start: number;
  readonly end: number;
}

export class ZipArchive {
  private readonly entries = new Map<string, Entry>();
  private readonly source: SourceZip;

  constructor(archive: Buffer | SourceZip) {
    const source = enSource(archive);
    this.source = source;
    const { fin, eocd, position } = this.findEndOfCentralDirectory();
    const count = fin.readUInt16LE(eocd + 10);
    const debut = fin.readUInt32LE(eocd + 16);
    // The directory lies before its end record.
    if (debut > position) throw new Error("répertoire central de l'archive illisible");
    const directory = source.lire(debut, position - debut);
    let offset = 0;
    for (let i = 0; i < count; i++) {
      if (offset + 46 > directory.length || directory.readUInt32LE(offset) !== CENTRAL_FILE_HEADER) {
        throw new Error("répertoire central de l'archive illisible");
      }
      const method = directory.readUInt16LE(offset + 10);
      const compressedSize = directory.readUInt32LE(offset + 20);
      const size = directory.readUInt32LE(offset + 24);
      const nameLength = directory.readUInt16LE(offset + 28);
      const extraLength = directory.readUInt16LE(offset + 30);
      const commentLength = directory.readUInt16LE(offset + 32);
      const localHeaderOffset = directory.readUInt32LE(offset + 42);
      const name = directory.toString("utf8", offset + 46, offset + 46 + nameLength);
      this.entries.set(name.replace(/^\//, ""), { method, compressedSize, size, localHeaderOffset });
      offset += 46 + nameLength + extraLength + commentLength;
    }
    this.checkDeclaredSizes();
  }

  /** The limits, from the central directory alone: nothing has been inflated yet. */
  private checkDeclaredSizes(): void {
    let total = 0;
    for (const [name, { size, compressedSize }] of this.entries) {
      // 0xFFFFFFFF: a ZIP64 size of 4 GB or more, that no .xlsx of effectifs comes near.
      if (size > PARTIE_MAX_OCTETS) throw new ArchiveRefusee("partie", name);
      if (size > RATIO_SEUIL_OCTETS && size > RATIO_MAX * compressedSize) {
        throw new ArchiveRefusee("ratio", name);
      }
      total += size;
      if (total > ARCHIVE_MAX_OCTETS) throw new ArchiveRefusee("archive", null);
    }
  }

  /**
   * Inflates every part once, keeping nothing, to check that none inflates beyond the size the
   * directory gives: run before the bytes go to another reader (ExcelJS), which inflates without limit.
   */
  verifierParties(): void {
    for (const name of this.entries.keys()) this.bytesOf(name);
  }

  /** The end record: the archive's last bytes, the record's offset in them and in the archive. */
  private findEndOfCentralDirectory(): { fin: Buffer; eocd: number; position: number } {
    const { length } = this.source;
    // The record is 22 bytes plus a comment of at most 65 535 bytes, at the very end.
    const debut = Math.max(0, length - 22 - 0xffff);
    const fin = this.source.lire(debut, length - debut);
    for (let i = fin.length - 22; i >= 0; i--) {
      if (fin.readUInt32LE(i) === END_OF_CENTRAL_DIRECTORY) return { fin, eocd: i, position: debut + i };
    }
    throw new Error("fin d'archive introuvable (fichier tronqué ?)");
  }

  /** The parts' names, as the central directory lists them. */
  names(): string[] {
    return [...this.entries.keys()];
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /** The text of a part, or null when the archive has no such part. */
  text(name: string): string | null {
    return this.entries.has(name) ? this.bytesOf(name).toString("utf8") : null;
  }

  /** The size of a part once inflated, as the central directory gives it (checked: see above). */
  size(name: string): number {
    return this.entries.get(name)?.size ?? 0;
  }

  /**
   * Hands a part to `onChunk` chunk by chunk as zlib inflates it: the part is never held whole. It
   * stops, refused, as soon as it inflates beyond the size the directory gave; an exception of
   * `onChunk` stops it too. Each chunk is a view of one buffer that the next chunk overwrites:
   * `onChunk` copies what it keeps (ChunkScanner does).
   *
   * Décision (regles.md#technique.performance; issue 13 §5): zlib inflates into that one buffer of
   * ours, through the native handle of a zlib stream — Node.js has no public way to give zlib an
   * output buffer. Its streams allocate a new buffer for every chunk: 25 MB of fresh memory for a
   * 100 000-row sheet, which the system hands over page by page (~10 µs per 4 KB page on the
   * 2-core machine of docs/performance.md) — inflating took ~150 ms, against ~20 ms into a buffer
   * used again. Where a Node.js version no longer has that handle, the part is inflated whole by the
   * public API (chunksSync): slower, same chunks.
   */
  chunks(name: string, onChunk: (chunk: Buffer) => void): void {
    const partie = this.localiser(name);
    const natif = partie.entry.method === 8 ? zlibNatif.ouvrir() : null;
    if (natif === null) {
      this.chunksSync(name, onChunk);
      return;
    }
    try {
      this.inflerDans(natif, partie, Math.max(1, partie.entry.size), name, onChunk);
    } finally {
      natif.inflate.close();
    }
  }

  /**
   * Inflates a part into one buffer, handing each filling of it to `onChunk` (see `chunks`); its
   * compressed bytes are read a window at a time (the whole part when the archive is in memory).
   */
  private inflerDans(
    { inflate, writeSync, etat }: InflateurNatif,
    { start, end }: Localisation,
    limite: number,
    name: string,
    onChunk: (chunk: Buffer) => void,
  ): void {
    const sortie = Buffer.allocUnsafe(SORTIE_OCTETS);
    const fenetre = Math.min(this.source.fenetre, end - start);
    // One buffer for the windows of a part longer than one; a part read at once needs none.
    const tampon = fenetre < end - start ? Buffer.allocUnsafe(fenetre) : undefined;
    let entree: Buffer = Buffer.alloc(0);
    let position = start;
    let lus = 0;
    let inflated = 0;
    for (;;) {
      if (lus === entree.length && position < end) {
        const n = Math.min(fenetre, end - position);
        entree = this.source.lire(position, n, tampon);
        position += n;
        lus = 0;
      }
      const dernier = position >= end;
      writeSync(
        dernier ? constants.Z_FINISH : constants.Z_NO_FLUSH,
        entree,
        lus,
        entree.length - lus,
        sortie,
        0,
        sortie.length,
      );
      // A damaged stream, or one that stops before its end (« unexpected end of file »).
      if (inflate.errored) throw inflate.errored;
      const libre = etat[0];
      lus = entree.length - etat[1];
      const n = sortie.length - libre;
      if (n > 0) {
        inflated += n;
        if (inflated > limite) throw new ArchiveRefusee("taille-fausse", name);
        onChunk(sortie.subarray(0, n));
      }
      // Room left in the buffer: zlib stopped for want of input, or the stream has ended
      // (Z_STREAM_END) — with input left over, or once every byte was given.
      if (libre !== 0 && (dernier || lus < entree.length)) return;
    }
  }

  /** The same, synchronously: the part is inflated whole, then handed over in chunks. */
  chunksSync(name: string, onChunk: (chunk: Buffer) => void): void {
    const bytes = this.bytesOf(name);
    for (let at = 0; at < bytes.length; at += CHUNK_OCTETS) {
      onChunk(bytes.subarray(at, Math.min(bytes.length, at + CHUNK_OCTETS)));
    }
  }

  /** A part's entry and where its compressed bytes are in the archive. */
  private localiser(name: string): Localisation {
    const entry = this.entries.get(name);
    if (entry === undefined) throw new Error(`partie ${name} absente`);
    const { source } = this;
    const at = entry.localHeaderOffset;
    if (at + 30 > source.length) throw new Error(`partie ${name} illisible`);
    const header = source.lire(at, 30);
    if (header.readUInt32LE(0) !== LOCAL_FILE_HEADER) throw new Error(`partie ${name} illisible`);
    const start = at + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
    const end = start + entry.compressedSize;
    if (end > source.length) throw new Error(`partie ${name} tronquée`);
    return { entry, start, end };
  }

  /** A part's entry and its compressed bytes. */
  private compressed(name: string): { entry: Entry; data: Buffer } {
    const { entry, start, end } = this.localiser(name);
    return { entry, data: this.source.lire(start, end - start) };
  }

  private bytesOf(name: string): Buffer {
    const { entry, data } = this.compressed(name);
    if (entry.method === 0) {
      if (data.length > entry.size) throw new ArchiveRefusee("taille-fausse", name);
      return data;
    }
    if (entry.method === 8) {
      try {
        // zlib stops as soon as the output would pass the size the directory gave (checked against
        // the limits): a part that lies about its size is never inflated further.
        return inflateRawSync(data, { maxOutputLength: Math.max(1, entry.size) });
      } catch (error) {
        if ((error as { code?: unknown }).code === "ERR_BUFFER_TOO_LARGE") {
          throw new ArchiveRefusee("taille-fausse", name);
        }
        throw error;
      }
    }
    throw new Error(`partie ${name} : compression ${entry.method} non prise en charge`);
  }
}
