/**
 * Just enough of the ZIP format to read the parts of an .xlsx file (Node's zlib inflates them): the
 * central directory at the end of the archive lists every part with its size and offset. A truncated
 * or damaged archive throws.
 */
import { inflateRawSync } from "zlib";

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
    if (entry.method === 0) return data.toString("utf8");
    if (entry.method === 8) return inflateRawSync(data).toString("utf8");
    throw new Error(`partie ${name} : compression ${entry.method} non prise en charge`);
  }
}
