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
 * Into a pipe read by a slower program, stdout keeps what the pipe cannot take yet: printJson waits
 * for it between pieces (a full sheet through a slow pipe: 308 Mo, 456 without waiting).
 */

import type { CliIo } from "./io";

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

/** Whether a converted value is written by one JSON.stringify call at this level (a leaf here). */
function ecritDUnBloc(v: unknown, level: number): boolean {
  return level >= WALKED_LEVELS || v === null || typeof v !== "object";
}

/**
 * The text of `JSON.stringify(document, null, 2) + "\n"`, in pieces of about PIECE_CHARACTERS. For
 * plain data — objects, arrays, strings, numbers, booleans, null, values with a toJSON — which is
 * what the commands' documents are.
 */
export function* jsonPieces(document: unknown): Generator<string, void, undefined> {
  const piece: string[] = [];
  let pieceLength = 0;
  const add = (text: string) => {
    piece.push(text);
    pieceLength += text.length;
  };
  const take = () => {
    const text = piece.join("");
    piece.length = 0;
    pieceLength = 0;
    return text;
  };
  /** A value in one JSON.stringify call, its line's indentation already written. */
  const leaf = (v: unknown, indent: string) => {
    const text = JSON.stringify(v, null, 2);
    // Only a container has line breaks (a string's are escaped): its lines move to this depth.
    add(indent === "" || !text.includes("\n") ? text : text.replace(/\n/g, "\n" + indent));
  };
  /** A container walked element by element, its line's indentation already written. */
  function* walk(v: object, level: number, indent: string): Generator<string, void, undefined> {
    const inner = indent + INDENT;
    const elements: [string | null, unknown][] = [];
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) elements.push([null, converted(v[i], String(i))]);
    } else {
      for (const [key, raw] of Object.entries(v)) {
        const element = converted(raw, key);
        if (!omitted(element)) elements.push([key, element]);
      }
    }
    const [open, close] = Array.isArray(v) ? ["[", "]"] : ["{", "}"];
    if (elements.length === 0) return add(open + close);
    add(open + "\n");
    for (let i = 0; i < elements.length; i++) {
      const [key, element] = elements[i];
      add(key === null ? inner : `${inner}${JSON.stringify(key)}: `);
      if (omitted(element)) add("null");
      else if (ecritDUnBloc(element, level + 1)) leaf(element, inner);
      else yield* walk(element as object, level + 1, inner);
      add(i < elements.length - 1 ? ",\n" : "\n");
      if (pieceLength >= PIECE_CHARACTERS) yield take();
    }
    add(indent + close);
  }

  const top = converted(document, "");
  // JSON.stringify gives undefined there: no JSON text at all, which a command never means to write.
  if (omitted(top)) throw new TypeError("Aucun document JSON à écrire.");
  if (ecritDUnBloc(top, 0)) leaf(top, "");
  else yield* walk(top as object, 0, "");
  add("\n");
  yield take();
}

/**
 * A command's --json document on its stdout, piece by piece; after each piece, waits while stdout
 * holds more than it has handed to the system (a pipe read by a slower program, `are … --json | jq`),
 * so that the pieces never pile up in memory.
 */
export async function printJson(io: CliIo, document: unknown): Promise<void> {
  for (const piece of jsonPieces(document)) {
    io.stdout(piece);
    await io.stdoutDrained?.();
  }
}
