/**
 * Just enough of the ZIP format to read the parts of an .xlsx file (Node's zlib inflates them): the
 * central directory at the end of the archive lists every part with its size and offset. A truncated
 * or damaged archive throws.
 */
import { inflateRawSync } from "zlib";

/**
 * Largest part read, once inflated. Décision (security, issue 7): a « zip bomb » — a few megabytes
 * that inflate to gigabytes, e.g. a sharedStrings part of one huge repeated string — would otherwise
 * be inflated whole, then again by ExcelJS (a 9 MB file took 12 s and 4.3 GB before failing). Beyond
 * 500 MB no JavaScript string can hold the part's text anyway (V8's limit is about 512 M characters),
 * and an ordinary extraction of a million rows stays under it.
 */
export const PARTIE_MAX_OCTETS = 500 * 1024 * 1024;

/** A part above PARTIE_MAX_OCTETS once inflated: the file is refused, not handed to ExcelJS. */
export class PartieTropGrande extends Error {
  constructor(readonly partie: string) {
    super(`partie ${partie} de plus de ${PARTIE_MAX_OCTETS / 1024 / 1024} Mo une fois décompressée`);
    this.name = "PartieTropGrande";
  }
}

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_FILE_HEADER = 0x02014b50;
const LOCAL_FILE_HEADER = 0x04034b50;

interface Entry {
  readonly method: number;
  readonly compressedSize: number;
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
      const nameLength = bytes.readUInt16LE(offset + 28);
      const extraLength = bytes.readUInt16LE(offset + 30);
      const commentLength = bytes.readUInt16LE(offset + 32);
      const localHeaderOffset = bytes.readUInt32LE(offset + 42);
      const name = bytes.toString("utf8", offset + 46, offset + 46 + nameLength);
      this.entries.set(name.replace(/^\//, ""), { method, compressedSize, localHeaderOffset });
      offset += 46 + nameLength + extraLength + commentLength;
    }
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

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /** The text of a part, or null when the archive has no such part. */
  text(name: string): string | null {
    const entry = this.entries.get(name);
    if (!entry) return null;
    const { bytes } = this;
    const at = entry.localHeaderOffset;
    if (at + 30 > bytes.length || bytes.readUInt32LE(at) !== LOCAL_FILE_HEADER) {
      throw new Error(`partie ${name} illisible`);
    }
    const start = at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28);
    const end = start + entry.compressedSize;
    if (end > bytes.length) throw new Error(`partie ${name} tronquée`);
    const data = bytes.subarray(start, end);
    if (entry.method === 0) {
      if (data.length > PARTIE_MAX_OCTETS) throw new PartieTropGrande(name);
      return data.toString("utf8");
    }
    if (entry.method === 8) {
      let inflated: Buffer;
      try {
        // zlib stops as soon as the output would pass the limit: nothing larger is ever allocated.
        inflated = inflateRawSync(data, { maxOutputLength: PARTIE_MAX_OCTETS });
      } catch (error) {
        if ((error as { code?: unknown }).code === "ERR_BUFFER_TOO_LARGE") throw new PartieTropGrande(name);
        throw error;
      }
      return inflated.toString("utf8");
    }
    throw new Error(`partie ${name} : compression ${entry.method} non prise en charge`);
  }
}
