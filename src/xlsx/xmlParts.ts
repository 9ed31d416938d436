/**
 * The pieces of SpreadsheetML text the .xlsx writer (fastWrite.ts) is made of: escaping for XML and
 * for Excel's own `_xHHHH_` convention, a part's text turned into bytes as it grows, and the shared
 * strings part.
 */
import { PartDeflater, type DeflatedPart } from "./zipWrite";

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
export const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
export const RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
export const PACKAGE_RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships";

const ESCAPES: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "\t": "&#9;",
  "\n": "&#10;",
  "\r": "&#13;",
};

/** Text content: only &, < and > need escaping. */
export function escapeText(text: string): string {
  return /[&<>]/.test(text) ? text.replace(/[&<>]/g, (c) => ESCAPES[c]) : text;
}

/** An attribute value in double quotes; tabs and line breaks as references, or XML would turn them into spaces. */
export function escapeAttribute(text: string): string {
  return /[&<>"\t\n\r]/.test(text) ? text.replace(/[&<>"\t\n\r]/g, (c) => ESCAPES[c]) : text;
}

/**
 * Excel's own escape in its strings (ST_Xstring, §22.9.2.19): `_xHHHH_` stands for the character
 * HHHH. A text holding such a sequence literally gets its underscore escaped (`_x005F_`) so that it
 * reads back as typed; a carriage return, which an XML parser would fold into the line feed, is
 * written `_x000D_` as Excel does. `others` adds line feeds and tabs, for the places (table column
 * names) where Excel escapes them too.
 */
export function excelEscapes(text: string, others = false): string {
  // A lookahead, not a match: in « _x005F_x0041_ » both sequences share an underscore, and each
  // leading underscore needs its escape.
  let escaped = text.indexOf("_x") === -1 ? text : text.replace(/_(?=x[0-9A-Fa-f]{4}_)/g, "_x005F_");
  if (escaped.indexOf("\r") !== -1) escaped = escaped.replace(/\r/g, "_x000D_");
  if (others && /[\t\n]/.test(escaped)) {
    escaped = escaped.replace(/\t/g, "_x0009_").replace(/\n/g, "_x000A_");
  }
  return escaped;
}

/** A `<t>` element; spaces at either end are kept only with xml:space="preserve". */
export function textElement(text: string): string {
  const body = escapeText(excelEscapes(text));
  const padded = text.length > 0 && (text.charCodeAt(0) <= 32 || text.charCodeAt(text.length - 1) <= 32);
  return padded ? `<t xml:space="preserve">${body}</t>` : `<t>${body}</t>`;
}

/** Bytes of one piece of a part: 64 K characters at the most bytes UTF-8 can take for each (3). */
const PIECE_BYTES = 65_536 * 3;

/**
 * A part's text built piece by piece: each text added is encoded at once into one buffer of UTF-8
 * bytes, deflated (PartDeflater) and filled again when the next text might not fit.
 * Décision (regles.md#technique.performance) (performance, issues 7 and 13): one string grown to
 * megabytes keeps every piece alive until the end, and the garbage collector then copies them all
 * to its old generation; kept until the archive, the bytes of a 100 000-row run's constats were as
 * many pages of fresh memory, twice. Texts joined up to 64 K characters before encoding still
 * lived through a collection or two (a string joined by `+=` holds every text it was made of):
 * encoded as they come, they die at once — `--out` on 100 000 rows ~20 ms faster (docs/performance.md).
 */
export class PartText {
  private readonly deflater = new PartDeflater();
  private readonly piece = Buffer.allocUnsafe(PIECE_BYTES);
  private used = 0;

  add(text: string): void {
    // The room is checked before encoding, for the most bytes the text can take: Buffer.write
    // would otherwise cut a text that does not fit, silently.
    if (this.used + text.length * 3 > PIECE_BYTES) {
      this.flush();
      if (text.length * 3 > PIECE_BYTES) {
        this.deflater.add(Buffer.from(text, "utf8"));
        return;
      }
    }
    this.used += this.piece.write(text, this.used, "utf8");
  }

  /** The piece so far to the deflater, which is done with its bytes when it returns. */
  private flush(): void {
    this.deflater.add(this.piece.subarray(0, this.used));
    this.used = 0;
  }

  /** The part, deflated, for the archive (zipArchive). */
  deflated(): DeflatedPart {
    const last = this.piece.subarray(0, this.used);
    this.used = 0;
    return this.deflater.finish(last);
  }
}

/** The shared strings part (§18.4): each distinct text once, cells point to it by index. */
export class SharedStrings {
  private readonly indexes = new Map<string, number>();
  private readonly items: string[] = [];
  private references = 0;

  index(text: string): number {
    this.references++;
    let index = this.indexes.get(text);
    if (index === undefined) {
      index = this.items.length;
      this.indexes.set(text, index);
      this.items.push(text);
    }
    return index;
  }

  /** The part, deflated, for the archive (zipArchive). */
  deflated(): DeflatedPart {
    const part = new PartText();
    part.add(
      `${XML_DECLARATION}<sst xmlns="${MAIN}" count="${this.references}" uniqueCount="${this.items.length}">`,
    );
    for (const text of this.items) part.add(`<si>${textElement(text)}</si>`);
    part.add("</sst>");
    return part.deflated();
  }
}
