/**
 * The shared strings part (ECMA-376 part 1, §18.4 sst, si), scanned from its bytes as they are
 * inflated (chunks.ts). The usual item, one `<t>` run of plain text, is decoded straight from its
 * bytes; any other (rich text runs, phonetic guides, entities, line ends, `_xHHHH_` escapes) is read
 * as text by xmlText.ts's stringItemText.
 */
import {
  AMPERSAND,
  BANG,
  ChunkScanner,
  GT,
  LT,
  QUESTION,
  SLASH,
  endOfMarkup,
  findByte,
  localName,
  nameEnd,
  startsWithAscii,
} from "./chunks";
import { stringItemText } from "./xmlText";

/** `_`, the start of an Excel `_xHHHH_` escape, and a carriage return (line ends are normalised). */
const UNDERSCORE = 95;
const CARRIAGE_RETURN = 13;

export class SharedStringsScanner extends ChunkScanner {
  private readonly items: string[] = [];

  /** The strings, in order, once every chunk has been pushed. An item cut by the part's end is left out. */
  finish(): string[] {
    this.flush();
    return this.items;
  }

  protected scan(buf: Buffer, pos: number, end: number, stopAt: number): number {
    for (;;) {
      const lt = findByte(buf, LT, pos, end);
      if (lt === -1) return end;
      if (lt >= stopAt || lt + 2 >= end) return lt;
      const second = buf[lt + 1];
      if (second === BANG || second === QUESTION) {
        pos = endOfMarkup(buf, lt, end);
        if (pos === -1) return lt;
        continue;
      }
      const j = nameEnd(buf, lt + 1, end);
      if (j >= end) return lt;
      const gt = findByte(buf, GT, j, end);
      if (gt === -1) return lt;
      /** The name without its namespace prefix. */
      const name = localName(buf, lt + 1, j);
      if (second === SLASH || j - name !== 2 || buf[name] !== 115 || buf[name + 1] !== 105 /* si */) {
        pos = gt + 1;
        continue;
      }
      if (buf[gt - 1] === SLASH) {
        this.items.push("");
        pos = gt + 1;
        continue;
      }
      // `</si>`, or `</x:si>` with the start tag's prefix.
      const close = "</" + buf.toString("latin1", lt + 1, name) + "si>";
      const at = findClose(buf, close, gt + 1, end);
      if (at === -1) return lt;
      this.items.push(itemText(buf, gt + 1, at));
      pos = at + close.length;
    }
  }
}

function findClose(buf: Buffer, close: string, from: number, end: number): number {
  for (let k = findByte(buf, LT, from, end); k !== -1; k = findByte(buf, LT, k + 1, end)) {
    if (k + close.length > end) return -1;
    if (startsWithAscii(buf, k, end, close)) return k;
  }
  return -1;
}

/** The text of a string item whose body is buf[from, to). */
function itemText(buf: Buffer, from: number, to: number): string {
  // `<t>text</t>` or `<t xml:space="preserve">text</t>`, plain text: decoded from the bytes.
  if (startsWithAscii(buf, from, to, "<t") && (buf[from + 2] === GT || buf[from + 2] === 32)) {
    const gt = findByte(buf, GT, from + 2, to);
    const textEnd = to - 4;
    if (gt !== -1 && buf[gt - 1] !== SLASH && gt < textEnd + 1 && startsWithAscii(buf, textEnd, to, "</t>")) {
      let plain = true;
      for (let i = gt + 1; i < textEnd && plain; i++) {
        const b = buf[i];
        plain =
          b !== LT &&
          b !== AMPERSAND &&
          b !== CARRIAGE_RETURN &&
          !(b === UNDERSCORE && buf[i + 1] === 120); /* _x */
      }
      if (plain) return buf.toString("utf8", gt + 1, textEnd);
    }
  }
  return stringItemText(buf.toString("utf8", from, to));
}
