/**
 * The Workbook port in memory: the same workflows run on it in tests, in the browser preview and,
 * loaded from files, in the CLI.
 */
import {
  outputLayout,
  ownedSheetName,
  type CellValue,
  type OutputSheet,
  type SheetData,
  type SheetInfo,
  type Workbook,
} from "./port";

export interface MemorySheet {
  name: string;
  /** Grid from A1. */
  values: CellValue[][];
  owned: boolean;
  /** The output as written, for tests and the preview (formats, totals). */
  output?: OutputSheet;
}

export class MemoryWorkbook implements Workbook {
  readonly sheets: MemorySheet[] = [];
  private readonly settings = new Map<string, string>();

  constructor(userSheets: Record<string, CellValue[][]> = {}) {
    for (const [name, values] of Object.entries(userSheets)) this.sheets.push({ name, values, owned: false });
  }

  sheet(name: string): MemorySheet | undefined {
    return this.sheets.find((f) => f.name.toLowerCase() === name.toLowerCase());
  }

  async listSheets(): Promise<SheetInfo[]> {
    return this.sheets.map(({ name, owned }) => ({ name, owned }));
  }

  async readSheet(name: string): Promise<SheetData> {
    const sheet = this.sheet(name);
    if (!sheet) throw new Error(`Feuille « ${name} » introuvable.`);
    return { name: sheet.name, values: sheet.values, rowOffset: 0, columnOffset: 0 };
  }

  async writeSheet(output: OutputSheet): Promise<string> {
    const name = ownedSheetName(output.name, await this.listSheets());
    const values = renderOutputGrid(output);
    const existing = this.sheet(name);
    if (existing) Object.assign(existing, { values, owned: true, output });
    else this.sheets.push({ name, values, owned: true, output });
    return name;
  }

  async readSetting(key: string): Promise<string | null> {
    return this.settings.get(key) ?? null;
  }

  async writeSetting(key: string, value: string): Promise<void> {
    this.settings.set(key, value);
  }
}

/**
 * The cells an output sheet occupies from A1 (outputLayout): heading lines, a blank line, the fields
 * (label, value), a blank line, the header row, the rows, the totals row, and the lists of choices
 * in their column to the right.
 */
export function renderOutputGrid(output: OutputSheet): CellValue[][] {
  const grid: CellValue[][] = output.heading.map((line) => [line]);
  if (grid.length > 0) grid.push([]);
  if (output.fields && output.fields.length > 0) {
    for (const field of output.fields) grid.push([field.label, field.value]);
    grid.push([]);
  }
  grid.push(output.columns.map((c) => c.header));
  for (const row of output.rows) grid.push([...row]);
  if (output.totals) grid.push([...output.totals]);
  for (const list of outputLayout(output).choiceLists) {
    output.columns[list.column].choices!.forEach((choice, i) => {
      while (grid.length <= list.firstRow + i) grid.push([]);
      const row = grid[list.firstRow + i];
      while (row.length < list.listColumn) row.push(null);
      row[list.listColumn] = choice;
    });
  }
  return grid;
}
