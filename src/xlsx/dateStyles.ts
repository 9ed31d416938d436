/**
 * Which cell styles of an .xlsx show numbers as dates (issue 11 item 17): Excel stores a date as its
 * serial number, and only the style's number format (styles.xml, ECMA-376 part 1 §18.8.30 numFmt,
 * §18.8.10 cellXfs) says it is a date. Read here so that a date in an effectif or taux column is
 * reported as a date rather than read as a number.
 */
import { formatDeDate } from "../sheet/dates";

/** Built-in number formats that show a date or a time (§18.8.30; 27-36 and 50-58: East Asian dates). */
function builtinDate(id: number): boolean {
  return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) || (id >= 50 && id <= 58);
}

const ATTRIBUT = (nom: string) => new RegExp(`\\s${nom}\\s*=\\s*["']([^"']*)["']`);
const NUM_FMT_ID = ATTRIBUT("numFmtId");
const FORMAT_CODE = ATTRIBUT("formatCode");

function decode(text: string): string {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

/**
 * For each cell style (the `s` of a cell, an index into cellXfs), whether it shows a date; null when
 * none does (most extractions), so that the sheet reader looks at no style at all.
 */
export function stylesDeDate(stylesXml: string | null): boolean[] | null {
  if (stylesXml === null) return null;
  const dates = new Set<number>();
  for (const m of stylesXml.matchAll(/<(?:\w+:)?numFmt\b([^>]*)\/?>/g)) {
    const id = NUM_FMT_ID.exec(m[1]);
    const code = FORMAT_CODE.exec(m[1]);
    if (id && code && formatDeDate(decode(code[1]))) dates.add(Number(id[1]));
  }
  const cellXfs = /<(?:\w+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:\w+:)?cellXfs>/.exec(stylesXml);
  if (!cellXfs) return null;
  const styles: boolean[] = [];
  let une = false;
  for (const m of cellXfs[1].matchAll(/<(?:\w+:)?xf\b([^>]*)>/g)) {
    const id = Number(NUM_FMT_ID.exec(m[1])?.[1] ?? 0);
    const date = dates.has(id) || builtinDate(id);
    styles.push(date);
    une ||= date;
  }
  return une ? styles : null;
}
