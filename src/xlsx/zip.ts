/**
 * Just enough of the ZIP format to read the parts of an .xlsx file (Node's zlib inflates them): the
 * central directory at the end of the archive lists every part with its size and offset. A truncated
 * or damaged archive throws. Small parts are read whole (`text`); the large ones, worksheets and
 * shared strings, chunk by chunk as they are inflated (`chunks`, `chunksSync`).
 */
import { createInflateRaw, inflateRawSync, type ZlibOptions } from "zlib";

/**
 * Size of the inflated chunks handed to a part's reader: each chunk costs the main thread a new buffer and
 * a trip through the stream (~25 µs); 1 MB chunks make that negligible (a full sheet is ~270 MB of XML).
 */
export const CHUNK_OCTETS = 1024 * 1024;

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

export class ZipArchive {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly bytes: Buffer) {
    const eocd = this.findEndOfCentralDirectory();
    const count = bytes.readUInt16LE(eocd + 10);
    let offset = bytes.readUInt32LE(eocd + 16);
    for (let i = 0; i < count; i++) {
      if (offset + 46 > bytes.length || bytes.readUInt32LE(offset) !== CENTRAL_FILE_HEADER) {
        throw new Error("répertoire central de l'archive illisible");
      }
      const method = bytes.readUInt16LE(offset + 10);
      const compressedSize = bytes.readUInt32LE(offset + 20);
      const size = bytes.readUInt32LE(offset + 24);
      const nameLength = bytes.readUInt16LE(offset + 28);
      const extraLength = bytes.readUInt16LE(offset + 30);
      const commentLength = bytes.readUInt16LE(offset + 32);
      const localHeaderOffset = bytes.readUInt32LE(offset + 42);
      const name = bytes.toString("utf8", offset + 46, offset + 46 + nameLength);
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

  private findEndOfCentralDirectory(): number {
    const { bytes } = this;
    // The record is 22 bytes plus a comment of at most 65 535 bytes, at the very end.
    const lowest = Math.max(0, bytes.length - 22 - 0xffff);
    for (let i = bytes.length - 22; i >= lowest; i--) {
      if (bytes.readUInt32LE(i) === END_OF_CENTRAL_DIRECTORY) return i;
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
   * `onChunk` stops it too.
   */
  async chunks(name: string, onChunk: (chunk: Buffer) => void): Promise<void> {
    const { entry, data } = this.compressed(name);
    if (entry.method !== 8) {
      this.chunksSync(name, onChunk);
      return;
    }
    const limit = Math.max(1, entry.size);
    let inflated = 0;
    // Two chunks ahead: zlib inflates the next one (on Node's thread pool) while this one is read.
    // highWaterMark is a stream option that zlib passes on (not in its typings).
    const options: ZlibOptions & { highWaterMark: number } = {
      chunkSize: CHUNK_OCTETS,
      highWaterMark: 2 * CHUNK_OCTETS,
    };
    const inflate = createInflateRaw(options);
    inflate.end(data);
    for await (const chunk of inflate as AsyncIterable<Buffer>) {
      inflated += chunk.length;
      if (inflated > limit) throw new ArchiveRefusee("taille-fausse", name);
      onChunk(chunk);
    }
  }

  /** The same, synchronously: the part is inflated whole, then handed over in chunks. */
  chunksSync(name: string, onChunk: (chunk: Buffer) => void): void {
    const bytes = this.bytesOf(name);
    for (let at = 0; at < bytes.length; at += CHUNK_OCTETS) {
      onChunk(bytes.subarray(at, Math.min(bytes.length, at + CHUNK_OCTETS)));
    }
  }

  /** A part's entry and its compressed bytes in the archive. */
  private compressed(name: string): { entry: Entry; data: Buffer } {
    const entry = this.entries.get(name);
    if (entry === undefined) throw new Error(`partie ${name} absente`);
    const { bytes } = this;
    const at = entry.localHeaderOffset;
    if (at + 30 > bytes.length || bytes.readUInt32LE(at) !== LOCAL_FILE_HEADER) {
      throw new Error(`partie ${name} illisible`);
    }
    const start = at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28);
    const end = start + entry.compressedSize;
    if (end > bytes.length) throw new Error(`partie ${name} tronquée`);
    return { entry, data: bytes.subarray(start, end) };
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
