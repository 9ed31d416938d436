/**
 * Just enough of the ZIP format to write an .xlsx package (the reading side is zip.ts): each part
 * deflated by Node's zlib, a local header before it, the central directory and its end record after
 * them (APPNOTE.TXT §4.3). No ZIP64: an output workbook stays far below 4 GB, and a larger one is
 * refused rather than written damaged.
 */
import * as zlib from "zlib";

/**
 * CRC-32 (ISO 3309, polynomial 0xEDB88320, the one ZIP uses) of every byte value, computed once.
 * Node has `zlib.crc32` only from 20.15: the table keeps every Node 20 able to write.
 */
const CRC_TABLE: Uint32Array = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/**
 * The CRC-32 of `bytes` from the table, as ZIP stores it (an unsigned 32-bit integer); continued
 * from `crc`, the CRC-32 of the bytes before them, when the data comes in pieces.
 */
export function crc32Table(bytes: Uint8Array, crc = 0): number {
  let c = ~crc;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return ~c >>> 0;
}

/** Node's own CRC-32 (zlib.crc32, Node 20.15 and later): about six times faster than the table. */
const nativeCrc32 = (zlib as { crc32?: (data: Uint8Array, value?: number) => number }).crc32;

/**
 * The CRC-32 of `bytes` (continued from `crc`), as ZIP stores it: Node's when it has one, else the
 * table's. No bytes leave it as it was — Node 20's zlib.crc32 gives 0 for an empty buffer once that
 * buffer was given to zlib, whatever `crc`.
 */
export function crc32(bytes: Uint8Array, crc = 0): number {
  if (bytes.length === 0) return crc >>> 0;
  return nativeCrc32 ? nativeCrc32(bytes, crc) >>> 0 : crc32Table(bytes, crc);
}

/** A part deflated as it was made (PartText): its compressed bytes, in pieces, its size and CRC-32. */
export interface DeflatedPart {
  readonly deflated: readonly Buffer[];
  readonly size: number;
  readonly crc: number;
}

export interface ZipEntry {
  /** Path inside the archive, with forward slashes (`xl/worksheets/sheet1.xml`). */
  readonly name: string;
  /** The part's content: text (written in UTF-8), bytes, or a part already deflated (PartDeflater). */
  readonly data: string | Uint8Array | DeflatedPart;
}

const LOCAL_FILE_HEADER = 0x04034b50;
const CENTRAL_FILE_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
/** Version 2.0: the lowest that knows deflate, what Excel writes. */
const VERSION = 20;
const DEFLATE = 8;
/** General purpose flag bit 11: the names are UTF-8 (ours are ASCII, so it is never needed). */
const FLAGS = 0;
/**
 * Décision (regles.md#technique.fichier-reproductible) : every entry is dated 1980-01-01 00:00, the earliest MS-DOS date, as Excel itself does:
 * the document's dates are in docProps/core.xml, and the bytes of a workbook depend only on its
 * content and on the date passed in.
 */
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;
const LIMIT = 0xffffffff;
/**
 * Décision (regles.md#technique.performance; performance, issue 7): zlib's fastest level. On the outputs of a 100 000-row extraction
 * (4.6 MB of XML) it takes ~20 ms instead of ~80 ms at the default level 6, for a file of 568 KB
 * instead of 472 KB: time counts against the CLI's 2 s budget, a few kilobytes do not.
 */
const LEVEL = 1;

/**
 * A part deflated piece by piece as it is made, so that its text is never held whole: each piece
 * deflated on its own and ended by a sync flush (its last block aligned on a byte and not final),
 * the last one finished — one deflate stream, which inflates to the pieces joined, each piece's
 * back-references staying within it. Pieces of 64 Ko or more compress within a few per cent of the whole.
 */
export class PartDeflater {
  private readonly deflated: Buffer[] = [];
  private size = 0;
  private crc = 0;

  private deflate(piece: Uint8Array, finishFlush: number): void {
    this.crc = crc32(piece, this.crc);
    this.size += piece.length;
    this.deflated.push(zlib.deflateRawSync(piece, { level: LEVEL, finishFlush }));
  }

  /** A piece that others follow (an empty one adds nothing, not even an empty block). */
  add(piece: Uint8Array): void {
    if (piece.length > 0) this.deflate(piece, zlib.constants.Z_SYNC_FLUSH);
  }

  /** The last piece (possibly empty): the stream finished, the part ready for the archive. */
  finish(last: Uint8Array): DeflatedPart {
    this.deflate(last, zlib.constants.Z_FINISH);
    return { deflated: this.deflated, size: this.size, crc: this.crc };
  }
}

interface Written {
  readonly name: Buffer;
  readonly crc: number;
  readonly size: number;
  readonly compressedSize: number;
  readonly offset: number;
}

/** The bytes of a ZIP archive holding `entries`, in that order, each one deflated. */
export function zipArchive(entries: readonly ZipEntry[]): Buffer {
  const chunks: Buffer[] = [];
  const written: Written[] = [];
  let offset = 0;
  for (const entry of entries) {
    const part =
      typeof entry.data === "string"
        ? new PartDeflater().finish(Buffer.from(entry.data, "utf8"))
        : ArrayBuffer.isView(entry.data)
          ? new PartDeflater().finish(entry.data)
          : entry.data;
    const { size, crc } = part;
    const compressedSize = part.deflated.reduce((total, piece) => total + piece.length, 0);
    const name = Buffer.from(entry.name, "utf8");
    if (size >= LIMIT || compressedSize >= LIMIT || offset >= LIMIT) {
      throw new RangeError(`partie ${entry.name} trop volumineuse pour une archive ZIP sans ZIP64`);
    }
    const record: Written = { name, crc, size, compressedSize, offset };
    const header = Buffer.alloc(30);
    header.writeUInt32LE(LOCAL_FILE_HEADER, 0);
    header.writeUInt16LE(VERSION, 4);
    header.writeUInt16LE(FLAGS, 6);
    header.writeUInt16LE(DEFLATE, 8);
    header.writeUInt16LE(DOS_TIME, 10);
    header.writeUInt16LE(DOS_DATE, 12);
    header.writeUInt32LE(record.crc, 14);
    header.writeUInt32LE(record.compressedSize, 18);
    header.writeUInt32LE(record.size, 22);
    header.writeUInt16LE(name.length, 26);
    header.writeUInt16LE(0, 28); // no extra field
    chunks.push(header, name, ...part.deflated);
    offset += header.length + name.length + compressedSize;
    written.push(record);
  }

  const directoryOffset = offset;
  for (const record of written) {
    const header = Buffer.alloc(46);
    header.writeUInt32LE(CENTRAL_FILE_HEADER, 0);
    header.writeUInt16LE(VERSION, 4); // made by: MS-DOS, version 2.0
    header.writeUInt16LE(VERSION, 6);
    header.writeUInt16LE(FLAGS, 8);
    header.writeUInt16LE(DEFLATE, 10);
    header.writeUInt16LE(DOS_TIME, 12);
    header.writeUInt16LE(DOS_DATE, 14);
    header.writeUInt32LE(record.crc, 16);
    header.writeUInt32LE(record.compressedSize, 20);
    header.writeUInt32LE(record.size, 24);
    header.writeUInt16LE(record.name.length, 28);
    // Extra field, comment, disk number, internal and external attributes: all zero.
    header.writeUInt32LE(record.offset, 42);
    chunks.push(header, record.name);
    offset += header.length + record.name.length;
  }
  if (written.length > 0xffff || offset >= LIMIT) {
    throw new RangeError("archive trop volumineuse pour le format ZIP sans ZIP64");
  }

  const end = Buffer.alloc(22);
  end.writeUInt32LE(END_OF_CENTRAL_DIRECTORY, 0);
  // Disk numbers (0, 0), then the entry counts on this disk and in all.
  end.writeUInt16LE(written.length, 8);
  end.writeUInt16LE(written.length, 10);
  end.writeUInt32LE(offset - directoryOffset, 12);
  end.writeUInt32LE(directoryOffset, 16);
  // No archive comment.
  chunks.push(end);
  return Buffer.concat(chunks);
}
