/**
 * The `--json` documents on stdout, written in pieces: the same text as `JSON.stringify(document,
 * null, 2)` followed by a newline, byte for byte (test/cli/json-output.test.ts), without ever holding
 * it whole.
 *
 * Décision (regles.md#technique.performance; issue 13 §5): the document of `are dotations` on a full
 * Excel sheet is 54 Mo, most of it the constats' messages. Made whole, it was a string of twice that
 * (its French typography — « – », « ’ » — makes it two bytes a character), then a buffer for stdout:
 * 537 Mo at the peak of the run, near design.md's 600. Written in pieces of about PIECE_CHARACTERS,
 * each made by native `JSON.stringify` calls, the same memory serves again and again: 295 Mo, and
 * 80 instead of 104 Mo for 100 000 rows (docs/performance.md).
 * Into a pipe read by a slower program, stdout keeps what the pipe cannot take yet: printJson waits
 * for it between pieces (a full sheet through a slow pipe: 308 Mo, 456 without waiting).
 */

import type { CliIo } from "./io";

const INDENT = "  ";

/** About how many characters are made before they are handed over to be written. */
export const PIECE_CHARACTERS = 64 * 1024;

/** Texts shorter than this are gathered into one before they are handed over. */
const SMALL_TEXT = 4096;

/**
 * Elements of a long list written by one `JSON.stringify` call: the call does the indentation itself
 * (see batch), and a few hundred constats make a piece.
 */
export const ELEMENTS_PER_CALL = 128;

/** The value JSON.stringify writes for `value` under `key`: its toJSON's result if it has one. */
function converted(value: unknown, key: string): unknown {
  const toJSON = hasToJSON(value) ? (value as { toJSON: (key: string) => unknown }).toJSON : undefined;
  return toJSON ? toJSON.call(value, key) : value;
}

function hasToJSON(value: unknown): boolean {
  return (
    value !== null &&
    typeof value === "object" &&
    typeof (value as { toJSON?: unknown }).toJSON === "function"
  );
}

/** A value JSON.stringify leaves out of an object (and writes as null in an array). */
function omitted(value: unknown): boolean {
  return value === undefined || typeof value === "function" || typeof value === "symbol";
}

/**
 * A list written in calls of ELEMENTS_PER_CALL elements: not when an element has a toJSON, which
 * JSON.stringify gives its index — an index in the call's part of the list, not in the list.
 */
function inBatches(value: unknown): value is readonly unknown[] {
  return Array.isArray(value) && value.length > ELEMENTS_PER_CALL && !value.some(hasToJSON);
}

/**
 * The elements list[start, end) as JSON.stringify(…, null, 2) writes them inside `envelope` — the
 * document's own container around the list — one per line group, separated by « ,\n », indented
 * for their depth: the call's text without the envelope's first and last lines.
 */
function batch(
  list: readonly unknown[],
  start: number,
  end: number,
  envelope: (elements: readonly unknown[]) => unknown,
  before: number,
  after: number,
): string {
  const text = JSON.stringify(envelope(list.slice(start, end)), null, 2);
  return text.slice(before, text.length - after);
}

/**
 * The text of `JSON.stringify(document, null, 2) + "\n"`, in pieces handed over every PIECE_CHARACTERS
 * or so, each piece one native call's text (or short texts gathered). The
 * document's members (or elements) are written one by one, each by one native call in an envelope
 * that gives it its indentation; a long list among them (the constats) is written
 * ELEMENTS_PER_CALL elements at a time. For plain data — objects, arrays, strings, numbers,
 * booleans, null, values with a toJSON — which is what the commands' documents are.
 */
export function* jsonPieces(document: unknown): Generator<string, void, undefined> {
  // The texts are handed over as they are made, never joined: joined, each piece was a string of
  // ~130 Ko, one more allocation of its own pages (V8's large objects) to give up at once. Small
  // texts (separators, short members) are gathered into one, so that writes stay few.
  const piece: string[] = [];
  let pieceLength = 0;
  let smallTexts = "";
  const add = (text: string) => {
    pieceLength += text.length;
    if (text.length < SMALL_TEXT) {
      smallTexts += text;
      return;
    }
    if (smallTexts !== "") piece.push(smallTexts);
    smallTexts = "";
    piece.push(text);
  };
  const take = (): string[] => {
    if (smallTexts !== "") piece.push(smallTexts);
    smallTexts = "";
    pieceLength = 0;
    return piece.splice(0);
  };
  /** A long list's elements, a call at a time, separated by « ,\n ». */
  function* elements(
    list: readonly unknown[],
    envelope: (elements: readonly unknown[]) => unknown,
    before: number,
    after: number,
  ): Generator<string, void, undefined> {
    for (let start = 0; start < list.length; start += ELEMENTS_PER_CALL) {
      if (start > 0) add(",\n");
      add(batch(list, start, Math.min(list.length, start + ELEMENTS_PER_CALL), envelope, before, after));
      if (pieceLength >= PIECE_CHARACTERS) yield* take();
    }
  }

  const top = converted(document, "");
  // JSON.stringify gives undefined there: no JSON text at all, which a command never means to write.
  if (omitted(top)) throw new TypeError("Aucun document JSON à écrire.");
  if (Array.isArray(top) && top.length > 0 && (top.length <= ELEMENTS_PER_CALL || inBatches(top))) {
    // « [\n » and « \n] » around the elements.
    add("[\n");
    yield* elements(top, (list) => list, 2, 2);
    add("\n]");
  } else if (top !== null && typeof top === "object" && !Array.isArray(top)) {
    let members = 0;
    for (const [key, value] of Object.entries(top)) {
      const name = JSON.stringify(key);
      if (inBatches(value)) {
        add(members++ === 0 ? "{\n" : ",\n");
        add(`${INDENT}${name}: [\n`);
        // « {\n  "key": [\n » and « \n  ]\n} » around the elements.
        yield* elements(
          value,
          (list) => ({ [key]: list }),
          `{\n${INDENT}${name}: [\n`.length,
          `\n${INDENT}]\n}`.length,
        );
        add(`\n${INDENT}]`);
      } else {
        const text = JSON.stringify({ [key]: value }, null, 2);
        // « {} »: the member is left out (undefined, a function).
        if (text === "{}") continue;
        add(members++ === 0 ? "{\n" : ",\n");
        // Without « {\n » and « \n} ».
        add(text.slice(2, text.length - 2));
      }
      if (pieceLength >= PIECE_CHARACTERS) yield* take();
    }
    add(members === 0 ? "{}" : "\n}");
  } else {
    add(JSON.stringify(top, null, 2));
  }
  add("\n");
  yield* take();
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
