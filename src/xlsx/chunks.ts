/**
 * XML read as its bytes arrive (issue 13 §5): a part is inflated chunk by chunk and each chunk is
 * scanned at once, so that no part is ever held whole, as bytes or as one string. A scanner reads
 * whole items (a tag, a cell from `<c` to `</c>`, a string item) and stops before one that the chunk
 * cuts; that item's bytes are carried over and completed with the start of the next chunk. Tags,
 * entities and multi-byte characters are thus never seen cut: an item is decoded only once all its
 * bytes are there.
 *
 * The markup the scanners look for is ASCII, and in UTF-8 no byte of a multi-byte character is below
 * 0x80: bytes are compared directly, text is decoded only where a value is made.
 */

/** How many bytes of the next chunk are copied to complete an item the previous chunk cut. */
const JOINT = 4096;

export abstract class ChunkScanner {
  /** The bytes of the item cut by the end of the last chunk (null: none). */
  private carry: Buffer | null = null;
  /** Chunks waiting while a long item is being completed (see keep). */
  private pending: Buffer[] = [];
  private pendingLength = 0;
  private nextAttempt = 0;

  /**
   * Scans the whole items of buf[pos, end) that start before stopAt, and returns where the first item
   * not scanned starts (`end` when all were). An item cut by `end` is left for the next call.
   */
  protected abstract scan(buf: Buffer, pos: number, end: number, stopAt: number): number;

  /**
   * Scans a chunk. Its bytes may be overwritten once this returns (ZipArchive.chunks inflates every
   * chunk into the same buffer): what is kept of them for the next chunk is copied.
   */
  push(chunk: Buffer): void {
    if (chunk.length === 0) return;
    let from = 0;
    const carry = this.carry;
    if (carry !== null) {
      if (this.pending.length > 0 || carry.length + chunk.length < this.nextAttempt) {
        // A long item, still being completed: the chunk waits behind it.
        this.pending.push(Buffer.from(chunk));
        this.pendingLength += chunk.length;
        if (carry.length + this.pendingLength >= this.nextAttempt) this.scanAll();
        return;
      }
      // The usual case: a cell cut in two. Its end is in the first bytes of the new chunk: only
      // those are copied, and the rest of the chunk is scanned where it is.
      const k = Math.min(chunk.length, carry.length + JOINT);
      const joint = Buffer.concat([carry, chunk.subarray(0, k)]);
      const p = this.scan(joint, 0, joint.length, carry.length);
      if (p < carry.length) {
        if (k === chunk.length) {
          this.keep(joint, p);
        } else {
          const all = Buffer.concat([carry, chunk]);
          this.keep(all, this.scan(all, 0, all.length, all.length));
        }
        return;
      }
      this.carry = null;
      from = p - carry.length;
    }
    this.keep(chunk, this.scan(chunk, from, chunk.length, chunk.length), true);
  }

  /** Scans the carried item with every chunk waiting behind it. */
  private scanAll(): void {
    const all = Buffer.concat([this.carry!, ...this.pending]);
    this.pending = [];
    this.pendingLength = 0;
    this.keep(all, this.scan(all, 0, all.length, all.length));
  }

  /**
   * Keeps buf[p…] for the next chunk. An item longer than a chunk (a cell of very long text) is
   * scanned again only once twice as many bytes have come: a huge item costs linear time, never
   * quadratic (security: a crafted file must not make the reading hang). `copier` when buf is the
   * pushed chunk itself, whose bytes the next chunk overwrites (see push).
   */
  private keep(buf: Buffer, p: number, copier = false): void {
    if (p >= buf.length) {
      this.carry = null;
      return;
    }
    this.carry = copier ? Buffer.from(buf.subarray(p)) : buf.subarray(p);
    this.nextAttempt = this.carry.length > JOINT ? 2 * this.carry.length : 0;
  }

  /** Called once the part's last chunk has been pushed: true when an item was left cut. */
  protected flush(): boolean {
    if (this.carry !== null && this.pending.length > 0) this.scanAll();
    return this.carry !== null;
  }
}

// Bytes of the markup.
export const LT = 60;
export const GT = 62;
export const SLASH = 47;
export const BANG = 33;
export const QUESTION = 63;
export const COLON = 58;
export const EQUALS = 61;
export const DOUBLE_QUOTE = 34;
export const SINGLE_QUOTE = 39;
export const AMPERSAND = 38;

/** Ends an element name: space, tab, line break, `>` or `/`. */
export function isNameEnd(b: number): boolean {
  return b === 32 || b === 62 || b === 47 || b === 9 || b === 10 || b === 13;
}

export function isSpace(b: number): boolean {
  return b === 32 || b === 9 || b === 10 || b === 13;
}

/** Where the element name starting at buf[from] ends (end when the bytes end first). */
export function nameEnd(buf: Buffer, from: number, end: number): number {
  let j = from;
  while (j < end && !isNameEnd(buf[j])) j++;
  return j;
}

/** Where the name buf[from, to) starts once its namespace prefix is left out (`x:c` → `c`). */
export function localName(buf: Buffer, from: number, to: number): number {
  for (let k = from; k < to; k++) if (buf[k] === COLON) return k + 1;
  return from;
}

/** The first position of byte `b` in buf[from, end), or -1. */
export function findByte(buf: Buffer, b: number, from: number, end: number): number {
  for (let i = from; i < end; i++) if (buf[i] === b) return i;
  return -1;
}

/** Does buf[at…] start with the ASCII text `text`? (false when the bytes end before it does) */
export function startsWithAscii(buf: Buffer, at: number, end: number, text: string): boolean {
  if (at + text.length > end) return false;
  for (let k = 0; k < text.length; k++) if (buf[at + k] !== text.charCodeAt(k)) return false;
  return true;
}

/** The first position of the ASCII text `text` in buf[from, end), or -1. */
export function findAscii(buf: Buffer, text: string, from: number, end: number): number {
  const first = text.charCodeAt(0);
  for (let i = findByte(buf, first, from, end); i !== -1; i = findByte(buf, first, i + 1, end)) {
    if (startsWithAscii(buf, i, end, text)) return i;
  }
  return -1;
}

/**
 * Where the markup starting at buf[lt] (`<!…` or `<?…`: a comment, CDATA section, declaration or
 * processing instruction) ends, just after it; -1 when its end is not in the bytes yet.
 */
export function endOfMarkup(buf: Buffer, lt: number, end: number): number {
  if (lt + 4 > end) return -1;
  const close = startsWithAscii(buf, lt, end, "<!--")
    ? "-->"
    : startsWithAscii(buf, lt, end, "<![CDATA[")
      ? "]]>"
      : buf[lt + 1] === BANG && lt + 9 > end
        ? null // « <![CDATA » or « <!-- » cut: wait for more bytes.
        : ">";
  if (close === null) return -1;
  // `>`, the usual close (a part's `<?xml …?>`), is one byte: findByte finds it. findAscii, which V8
  // optimises on the row tags (`hidden` is looked for there, and its `h` almost never found), then
  // never meets a found first byte it did not plan for, which would throw its code away.
  const at = close === ">" ? findByte(buf, GT, lt + 2, end) : findAscii(buf, close, lt + 2, end);
  return at === -1 ? -1 : at + close.length;
}

/** Digits only, at most 15 of them: the integer they write; otherwise -1. */
export function digitsValue(buf: Buffer, from: number, to: number): number {
  if (to <= from || to - from > 15) return -1;
  let n = 0;
  for (let i = from; i < to; i++) {
    const d = buf[i] - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/** Is buf[from, to) all ASCII? (then latin1 and UTF-8 decode it alike, latin1 faster) */
export function isAscii(buf: Buffer, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (buf[i] >= 0x80) return false;
  return true;
}
