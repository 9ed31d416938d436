/**
 * The `--json` documents on stdout, written in pieces: the same text as `JSON.stringify(document,
 * null, 2)` followed by a newline, byte for byte (test/cli/json-output.test.ts), without ever holding
 * it whole.
 *
 * Décision (regles.md#technique.performance; issue 13 §5): the document of `are dotations` on a full
 * Excel sheet is 54 Mo, most of it the constats' messages. Made whole, it was a string of twice that
 * (its French typography — « – », « ’ » — makes it two bytes a character), then a buffer for stdout:
 * 537 Mo at the peak of the run, near design.md's 600. Written in pieces of about PIECE_CHARACTERS,
 * each made of small native `JSON.stringify` calls, the same memory serves again and again: 295 Mo,
 * and 80 instead of 104 Mo for 100 000 rows (docs/performance.md). Not faster on 100 000 rows.
 */

/** About how many characters are gathered before they are written. */
export const PIECE_CHARACTERS = 64 * 1024;

/**
 * Containers this deep or deeper are written by one `JSON.stringify` call each (an establishment, a
 * constat); the levels above — the document and its lists — are walked here, element by element.
 */
const WALKED_LEVELS = 2;

const INDENT = "  ";

/** The value JSON.stringify writes for `value` under `key`: its toJSON's result if it has one (Decimal). */
function converted(value: unknown, key: string): unknown {
  const toJSON =
    value !== null && typeof value === "object" ? (value as { toJSON?: unknown }).toJSON : undefined;
  return typeof toJSON === "function" ? (toJSON as (key: string) => unknown).call(value, key) : value;
}

/** A value JSON.stringify leaves out of an object (and writes as null in an array). */
function omitted(value: unknown): boolean {
  return value === undefined || typeof value === "function" || typeof value === "symbol";
}

/**
 * Writes `JSON.stringify(document, null, 2) + "\n"` through `write`, in pieces of about
 * PIECE_CHARACTERS. For plain data — objects, arrays, strings, numbers, booleans, null, values with a
 * toJSON — which is what the commands' documents are.
 */
export function writeJson(document: unknown, write: (text: string) => void): void {
  let piece: string[] = [];
  let pieceLength = 0;
  const add = (text: string) => {
    piece.push(text);
    pieceLength += text.length;
    if (pieceLength >= PIECE_CHARACTERS) {
      write(piece.join(""));
      piece = [];
      pieceLength = 0;
    }
  };

  /** A value already converted (never omitted), its line's indentation already written. */
  const value = (v: unknown, level: number, indent: string): void => {
    if (level >= WALKED_LEVELS || v === null || typeof v !== "object") {
      const text = JSON.stringify(v, null, 2);
      // Only a container has line breaks: its lines move to this depth.
      add(indent === "" || !text.includes("\n") ? text : text.replace(/\n/g, "\n" + indent));
      return;
    }
    const inner = indent + INDENT;
    if (Array.isArray(v)) {
      if (v.length === 0) return add("[]");
      add("[\n");
      for (let i = 0; i < v.length; i++) {
        const element = converted(v[i], String(i));
        add(inner);
        if (omitted(element)) add("null");
        else value(element, level + 1, inner);
        add(i < v.length - 1 ? ",\n" : "\n");
      }
      return add(indent + "]");
    }
    const entries: [string, unknown][] = [];
    for (const [key, raw] of Object.entries(v)) {
      const element = converted(raw, key);
      if (!omitted(element)) entries.push([key, element]);
    }
    if (entries.length === 0) return add("{}");
    add("{\n");
    entries.forEach(([key, element], i) => {
      add(`${inner}${JSON.stringify(key)}: `);
      value(element, level + 1, inner);
      add(i < entries.length - 1 ? ",\n" : "\n");
    });
    add(indent + "}");
  };

  const top = converted(document, "");
  // JSON.stringify gives undefined there: no JSON text at all, which a command never means to write.
  if (omitted(top)) throw new TypeError("Aucun document JSON à écrire.");
  value(top, 0, "");
  add("\n");
  if (pieceLength > 0) write(piece.join(""));
}
