/**
 * One string per distinct text of a file, found from the characters where they lie in the text
 * being read, without cutting a string out first. Décision (regles.md#technique.performance;
 * issue 13 §5): an extraction repeats the same UAIs, names, codes and statuts on every row. Kept
 * once, a million rows cost their arrays rather than millions of strings, and the fields allocate
 * nothing: the garbage collector, which took a third of the reading of a full .csv sheet, has
 * little left to do.
 */

/** Beyond this many distinct texts (a column of free comments), texts are kept as they come. */
const MAX_TEXTS = 100_000;

/** FNV-1a over the UTF-16 code units of text[start, end). */
function hashOf(text: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h | 0;
}

/** Is `known` the text text[start, end)? */
export function sameText(known: string, text: string, start: number, end: number): boolean {
  if (known.length !== end - start) return false;
  for (let i = 0; i < known.length; i++) if (known.charCodeAt(i) !== text.charCodeAt(start + i)) return false;
  return true;
}

/** An open-addressing table of the texts met so far. */
export class SharedTexts {
  private keys: (string | undefined)[] = new Array<string | undefined>(1024);
  private hashes = new Int32Array(1024);
  private size = 0;

  /** The one string equal to text[start, end). */
  get(text: string, start: number, end: number): string {
    const h = hashOf(text, start, end);
    const mask = this.keys.length - 1;
    let p = h & mask;
    for (let known = this.keys[p]; known !== undefined; known = this.keys[p]) {
      if (this.hashes[p] === h && sameText(known, text, start, end)) return known;
      p = (p + 1) & mask;
    }
    const own = detached(text.slice(start, end));
    if (this.size >= MAX_TEXTS) return own;
    this.keys[p] = own;
    this.hashes[p] = h;
    if (++this.size * 2 > this.keys.length) this.grow();
    return own;
  }

  private grow(): void {
    const keys = this.keys;
    const hashes = this.hashes;
    this.keys = new Array<string | undefined>(keys.length * 2);
    this.hashes = new Int32Array(keys.length * 2);
    const mask = this.keys.length - 1;
    for (let q = 0; q < keys.length; q++) {
      if (keys[q] === undefined) continue;
      let p = hashes[q] & mask;
      while (this.keys[p] !== undefined) p = (p + 1) & mask;
      this.keys[p] = keys[q];
      this.hashes[p] = hashes[q];
    }
  }
}

/**
 * A copy of a text that does not keep alive the larger text it was cut from: V8 shares the
 * characters of a substring of 13 or more; a concatenation is flattened into a string of its own.
 */
function detached(text: string): string {
  return text.length < 13 ? text : (" " + text).slice(1);
}
