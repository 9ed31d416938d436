/** Plain-text tables for the terminal: columns padded to their widest cell, numbers aligned right. */

export interface TextColumn {
  readonly header: string;
  readonly align?: "left" | "right";
  /** Longer cells are cut with « … ». */
  readonly maxWidth?: number;
}

/**
 * Display width, counting each code point once (accents and € are one column wide): the UTF-16
 * units less the second half of each surrogate pair (a lone half counts as one, as in `[...text]`). Counted in place — spreading the text into an
 * array of its characters, for each of the thousands of cells of a summary, was most of its cost.
 */
export function width(text: string): number {
  let n = text.length;
  for (let i = 0; i + 1 < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0xd800 || unit > 0xdbff) continue;
    const next = text.charCodeAt(i + 1);
    if (next >= 0xdc00 && next <= 0xdfff) {
      n--;
      i++;
    }
  }
  return n;
}

function cut(text: string, max: number | undefined): string {
  if (max === undefined || width(text) <= max) return text;
  return [...text].slice(0, max - 1).join("") + "…";
}

function pad(text: string, size: number, align: "left" | "right"): string {
  const fill = " ".repeat(Math.max(0, size - width(text)));
  return align === "right" ? fill + text : text + fill;
}

/**
 * Lines of a table: header, a rule, the rows, and optional footer rows after a second rule.
 * Trailing spaces are trimmed.
 */
export function renderTable(
  columns: readonly TextColumn[],
  rows: readonly (readonly string[])[],
  footer: readonly (readonly string[])[] = [],
): string[] {
  const cells = [columns.map((c) => c.header), ...rows, ...footer].map((row) =>
    columns.map((c, j) => cut(row[j] ?? "", c.maxWidth)),
  );
  const sizes = columns.map((_, j) => Math.max(...cells.map((row) => width(row[j]))));
  const line = (row: readonly string[]) =>
    row
      .map((cell, j) => pad(cell, sizes[j], columns[j].align ?? "left"))
      .join("  ")
      .trimEnd();
  const rule = sizes.map((f) => "─".repeat(Math.min(f, 40))).join("  ");
  const [header, ...body] = cells;
  const lines = [line(header), rule, ...body.slice(0, rows.length).map(line)];
  if (footer.length > 0) lines.push(rule, ...body.slice(rows.length).map(line));
  return lines;
}
