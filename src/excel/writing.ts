/**
 * Writing an output sheet (design.md §5): a new sheet, or the add-in's own sheet of that name
 * replaced in place — never a user sheet. Heading lines, header, rows and totals, then an Excel table
 * with number formats, a bold frozen header and column widths.
 *
 * Syncs: 2 to find and prepare the target sheet, then 1 per chunk of rows (one chunk up to 5 000
 * rows and 2.5 MB), the last chunk's batch also writing the totals and the formatting. So 3 syncs
 * for an ordinary sheet, 2 + ⌈rows / 5 000⌉ for a large one.
 */
import {
  AbortedError,
  columnLetter,
  outputLayout,
  ownedSheetName,
  type OutputLayout,
  type ColumnFormat,
  type OutputColumn,
  type OutputSheet,
  type Progress,
  type Row,
} from "../workbook/port";
import { NUMBER_FORMATS, cellNumberFormat, cellToExcel, rowsToExcel } from "./cells";
import { writeChunks, type RowChunk } from "./chunks";
import { listSheetsWithIds } from "./listing";
import { OWNED_SHEETS_SETTING, excelSheetName, serializeOwnedIds } from "./ownership";
import { reportProgress, throwIfAborted } from "./progress";

/** Where things go on the output sheet, 0-based rows; the port's outputLayout, as renderOutputGrid (src/workbook/memory.ts). */
interface Layout extends OutputLayout {
  readonly width: number;
  readonly formats: readonly ColumnFormat[];
}

/** Shown in A1 of a replaced sheet whose rewriting was cancelled. */
export const INTERRUPTED_MESSAGE =
  "Écriture interrompue : cette feuille est incomplète. Relancez l'opération pour la refaire.";

function layoutOf(output: OutputSheet): Layout {
  const width = output.columns.length;
  if (width === 0) throw new Error(`Feuille « ${output.name} » : aucune colonne à écrire.`);
  // Checked before anything is written: a value without a column would be lost silently.
  const check = (row: Row, what: string) => {
    if (row.length > width) {
      throw new Error(`Feuille « ${output.name} » : ${what} a ${row.length} valeurs pour ${width} colonnes.`);
    }
  };
  output.rows.forEach((row, i) => check(row, `la ligne ${i + 1}`));
  if (output.totals) check(output.totals, "la ligne des totaux");
  return { width, formats: output.columns.map((c) => c.format), ...outputLayout(output) };
}

/** Width when the column gives none, in characters. */
const DEFAULT_WIDTHS: Readonly<Record<ColumnFormat, number>> = {
  text: 20,
  integer: 10,
  euros: 14,
  percent: 10,
  decimal: 12,
};

/**
 * Excel wants column widths in points. Décision (regles.md#technique.largeur-colonnes) : one character of the default font (Calibri 11) is
 * taken as 5.7 points (Excel's default 8.43-character column is 48 points), plus 8 points for the
 * table's filter button. A width given by the workflow is kept (the header row wraps); without one,
 * the column is wide enough for its header.
 */
export function columnWidthPoints(column: OutputColumn): number {
  const chars = column.width ?? Math.max(DEFAULT_WIDTHS[column.format], column.header.length + 2);
  return Math.round(Math.min(chars, 100) * 5.7 + 8);
}

/** Heading lines in column A and the header row: text cells, so formatted `@` before their values. */
function writeHeadingAndHeader(sheet: Excel.Worksheet, output: OutputSheet, layout: Layout): void {
  if (output.heading.length > 0) {
    const heading = sheet.getRangeByIndexes(0, 0, output.heading.length, 1);
    heading.numberFormat = output.heading.map(() => [NUMBER_FORMATS.text]);
    heading.values = output.heading.map((line) => [line]);
    sheet.getRangeByIndexes(0, 0, 1, 1).format.font.bold = true;
  }
  const fields = output.fields ?? [];
  if (fields.length > 0) {
    // Labels are text; each value gets its own format (text for a string, so that it stays inert).
    const block = sheet.getRangeByIndexes(layout.fieldsRow, 0, fields.length, 2);
    block.numberFormat = fields.map((f) => [NUMBER_FORMATS.text, cellNumberFormat(f.value, f.format)]);
    block.values = fields.map((f) => [f.label, cellToExcel(f.value)]);
    sheet.getRangeByIndexes(layout.fieldsRow, 0, fields.length, 1).format.font.bold = true;
  }
  const header = sheet.getRangeByIndexes(layout.headerRow, 0, 1, layout.width);
  header.numberFormat = [output.columns.map(() => NUMBER_FORMATS.text)];
  header.values = [output.columns.map((c) => c.header)];
  header.format.font.bold = true;
  // Long headers over narrow numeric columns (« Effectif 3e prépa-métiers ») wrap instead of being cut.
  header.format.wrapText = true;
}

/** One chunk of rows: number formats first (text cells stay text), then values. */
function writeRows(sheet: Excel.Worksheet, rows: readonly Row[], chunk: RowChunk, layout: Layout): void {
  if (chunk.count === 0) return;
  const block = rowsToExcel(rows.slice(chunk.start, chunk.start + chunk.count), layout.formats);
  const range = sheet.getRangeByIndexes(layout.firstDataRow + chunk.start, 0, chunk.count, layout.width);
  range.numberFormat = block.numberFormat;
  range.values = block.values;
}

/** Totals, table, frozen header, widths, lists, page layout, activation: queued with the last chunk. */
function finishSheet(sheet: Excel.Worksheet, output: OutputSheet, layout: Layout, pageLayout: boolean): void {
  if (output.totals) {
    const block = rowsToExcel([output.totals], layout.formats);
    const totals = sheet.getRangeByIndexes(layout.totalsRow, 0, 1, layout.width);
    totals.numberFormat = block.numberFormat;
    totals.values = block.values;
    totals.format.font.bold = true;
  }
  // The table covers the header and the rows; the totals stay a plain row below it, with the exact
  // decimal totals of the workflow (an Excel totals row would recompute them with SUBTOTAL).
  // Décision (regles.md#technique.formulaire-non-fige) : no table for an empty output (Excel would add a blank data row over the totals).
  if (output.rows.length > 0) {
    // A Range, not an address: an address without a sheet name would target the active sheet.
    sheet.tables.add(
      sheet.getRangeByIndexes(layout.headerRow, 0, output.rows.length + 1, layout.width),
      true,
    );
  }
  // Décision (regles.md#technique.formulaire-non-fige) : a form (fields above the table) is not frozen — its heading and fields would hold half
  // the screen; the other outputs keep their header in view.
  if ((output.fields?.length ?? 0) === 0) sheet.freezePanes.freezeRows(layout.headerRow + 1);
  output.columns.forEach((column, c) => {
    sheet.getRangeByIndexes(0, c, 1, 1).format.columnWidth = columnWidthPoints(column);
  });
  writeChoiceLists(sheet, output, layout);
  if (pageLayout) {
    // Ready to print (a demande is signed and sent): landscape for a wide table, the header row
    // repeated on every page. ExcelApi 1.9, set only where supported: older Excel prints with its defaults.
    sheet.pageLayout.orientation = layout.landscape ? "Landscape" : "Portrait";
    sheet.pageLayout.setPrintTitleRows(`$${layout.headerRow + 1}:$${layout.headerRow + 1}`);
  }
  sheet.activate();
}

/** Whether this Excel can set the page layout of a sheet (ExcelApi 1.9; the manifest asks for 1.8). */
export function pageLayoutSupported(): boolean {
  return (
    typeof Office !== "undefined" && Office.context?.requirements?.isSetSupported("ExcelApi", "1.9") === true
  );
}

/**
 * Drop-down lists (OutputColumn.choices, ExcelApi 1.8): the choices in a hidden column to the right,
 * and a list validation on the column's data cells whose source is that range (the choices may contain
 * commas). A value typed outside the list gets a warning, not a refusal. Queued with the last chunk:
 * no sync of its own.
 */
function writeChoiceLists(sheet: Excel.Worksheet, output: OutputSheet, layout: Layout): void {
  if (layout.choiceLists.length === 0) return;
  // A replaced sheet may keep the lists of its previous, longer version.
  sheet.getRange().dataValidation.clear();
  for (const list of layout.choiceLists) {
    const column = output.columns[list.column];
    const cells = sheet.getRangeByIndexes(list.firstRow, list.listColumn, list.count, 1);
    cells.numberFormat = column.choices!.map(() => [NUMBER_FORMATS.text]);
    cells.values = column.choices!.map((choice) => [choice]);
    cells.columnHidden = true;
    if (output.rows.length === 0) continue;
    const letter = columnLetter(list.listColumn);
    const validation = sheet.getRangeByIndexes(
      layout.firstDataRow,
      list.column,
      output.rows.length,
      1,
    ).dataValidation;
    validation.rule = {
      list: {
        inCellDropDown: true,
        source: `=$${letter}$${list.firstRow + 1}:$${letter}$${list.firstRow + list.count}`,
      },
    };
    validation.errorAlert = {
      showAlert: true,
      style: "Warning",
      title: column.header.slice(0, 32),
      message: `Choisissez une valeur de la liste « ${column.header} ».`,
    };
  }
}

/**
 * Cancelled between chunks: a new sheet is removed (the workbook is as before); a replaced sheet,
 * already cleared, is left with a line saying it is incomplete, so no partial figures are taken for
 * results.
 */
async function abandonSheet(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  created: boolean,
): Promise<void> {
  if (created) {
    sheet.delete();
  } else {
    sheet.getRange().clear();
    sheet.getRangeByIndexes(0, 0, 1, 1).values = [[INTERRUPTED_MESSAGE]];
  }
  await context.sync();
}

export async function writeOutputSheet(
  context: Excel.RequestContext,
  output: OutputSheet,
  progress: Progress,
  pageLayout: boolean,
): Promise<string> {
  throwIfAborted(progress);
  const layout = layoutOf(output);
  const chunks = writeChunks(
    output.rows,
    layout.formats.map((f) => NUMBER_FORMATS[f].length),
  );

  // Sync 1: which sheets exist and which the add-in created.
  const sheets = await listSheetsWithIds(context);
  const name = ownedSheetName(excelSheetName(output.name), sheets);
  // ownedSheetName returns the name of an existing sheet only when the add-in owns it.
  const replaced = sheets.find((f) => f.owned && f.name.toLowerCase() === name.toLowerCase()) ?? null;

  // Sync 2: the target. A new sheet's id is needed to mark it; the add-in's own sheet is cleared in
  // place (formulas of the user pointing to it stay valid), which needs its tables to remove them.
  const worksheets = context.workbook.worksheets;
  const sheet = replaced ? worksheets.getItem(replaced.name) : worksheets.add(name);
  const oldTables = replaced ? worksheets.getItem(replaced.name).tables : null;
  if (oldTables) oldTables.load("items/name");
  else sheet.load("id");
  await context.sync();

  // First write batch. A new sheet is marked first, so even an interrupted write leaves it replaceable;
  // ids of sheets since deleted are dropped from the list on the way.
  if (replaced && oldTables) {
    for (const table of oldTables.items) table.delete();
    sheet.getRange().clear();
    sheet.freezePanes.unfreeze();
    if (replaced.name !== name) sheet.name = name;
  } else {
    const ownedIds = sheets.filter((f) => f.owned).map((f) => f.id);
    context.workbook.settings.add(OWNED_SHEETS_SETTING, serializeOwnedIds([...ownedIds, sheet.id]));
  }
  writeHeadingAndHeader(sheet, output, layout);

  for (let i = 0; i < chunks.length; i++) {
    const last = i === chunks.length - 1;
    writeRows(sheet, output.rows, chunks[i], layout);
    if (last) finishSheet(sheet, output, layout, pageLayout);
    // The one sync allowed in a loop: the loop is over chunks of ≤ 5 000 rows, never over rows (design.md §5).
    // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per chunk, by design (5 MB cap)
    await context.sync();
    reportProgress(progress, chunks[i].start + chunks[i].count, output.rows.length);
    if (!last && progress.signal?.aborted) {
      await abandonSheet(context, sheet, replaced === null);
      throw new AbortedError();
    }
  }
  return name;
}
