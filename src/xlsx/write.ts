/**
 * Writing the add-in's output sheets to a new .xlsx file (Node only). The layout is the one every
 * implementation of the port uses (renderOutputGrid in src/workbook/memory.ts): heading lines, a
 * blank line, then an Excel table (bold frozen header, euro / percent / integer formats) and the
 * totals row in bold just below it.
 *
 * The file is written atomically — to a temporary file next to the target, then renamed — so a
 * failure never leaves a partial output file, and an input file is never touched.
 */
import { promises as fs } from "fs";
import * as path from "path";
import type ExcelJS from "exceljs";
import { loadExcelJS } from "./excelLib";
import {
  cellText,
  columnLetter,
  isCellError,
  outputLayout,
  type CellValue,
  type ColumnFormat,
  type OutputSheet,
} from "../workbook/port";
import { SpreadsheetFileError, systemErrorCode } from "./errors";

/** Excel number formats of the port's column formats (French Excel shows them with its own separators). */
export const NUMBER_FORMATS: Readonly<Record<ColumnFormat, string>> = {
  text: "@",
  integer: "#,##0",
  euros: '#,##0.00 "€"',
  percent: "0.00 %",
  decimal: "#,##0.00",
};

/** Excel's limit on the text of one cell. */
/** Control characters XML 1.0 cannot carry: a cell holding one would make the file unreadable. */
// eslint-disable-next-line no-control-regex
const XML_INVALID = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;
const PLAIN_DECIMAL = /^-?\d{1,15}(?:\.\d+)?$/;
const EXCEL_ERRORS = new Set(["#N/A", "#REF!", "#NAME?", "#DIV/0!", "#NULL!", "#VALUE!", "#NUM!"]);

function safeText(text: string): string {
  return cellText(text.replace(XML_INVALID, ""));
}

/**
 * The ExcelJS value of a cell. Strings are always written as strings — a text such as
 * `=HYPERLINK("x")` or `+cmd|' /C calc'!A0` stays inert text, never a formula — and numbers in a
 * text column become text (codes, UAIs).
 */
export function excelValue(value: CellValue | undefined, format: ColumnFormat): ExcelJS.CellValue {
  if (value === null || value === undefined) return null;
  if (isCellError(value)) {
    return EXCEL_ERRORS.has(value.error)
      ? { error: value.error as ExcelJS.CellErrorValue["error"] }
      : safeText(value.error);
  }
  if (typeof value === "string") {
    // An amount handed over as an exact decimal string ("34730.00") is still a number in Excel.
    if (format !== "text" && PLAIN_DECIMAL.test(value)) return Number(value);
    return safeText(value);
  }
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return { error: "#NUM!" };
    return format === "text" ? String(value) : value;
  }
  return value;
}

/** 0-based row index (from A1) of an output's header row: after the heading lines, the fields and blank lines. */
export function headerRowIndex(output: OutputSheet): number {
  return outputLayout(output).headerRow;
}

/** Excel table names: letters, digits and underscores, unique in the workbook. */
function tableName(sheetName: string, index: number): string {
  const base = sheetName
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^A-Za-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .slice(0, 40);
  return `ARE_${index + 1}_${base || "table"}`;
}

/** Table column names must be non-empty and unique (case-insensitively). */
function uniqueHeaders(output: OutputSheet): string[] {
  const seen = new Set<string>();
  return output.columns.map((column, j) => {
    const base = safeText(column.header).trim() || `Colonne ${j + 1}`;
    let name = base;
    for (let n = 2; seen.has(name.toLowerCase()); n++) name = `${base} (${n})`;
    seen.add(name.toLowerCase());
    return name;
  });
}

function columnWidth(output: OutputSheet, j: number, header: string): number {
  const wanted = output.columns[j].width;
  if (wanted !== undefined) return wanted;
  let longest = header.length;
  const sample = output.rows.length > 500 ? output.rows.slice(0, 500) : output.rows;
  for (const row of [...sample, ...(output.totals ? [output.totals] : [])]) {
    const value = row[j];
    const length =
      typeof value === "number" ? value.toFixed(2).length + 4 : typeof value === "string" ? value.length : 6;
    if (length > longest) longest = length;
  }
  return Math.min(60, Math.max(8, longest + 2));
}

/** Adds one output sheet to an ExcelJS workbook, as a formatted table. */
export function addOutputSheet(
  workbook: ExcelJS.Workbook,
  name: string,
  output: OutputSheet,
  index: number,
): void {
  const headerRow = headerRowIndex(output) + 1; // 1-based
  // Décision : a form (fields above the table) is not frozen — its heading and fields would hold half
  // the screen; the other outputs keep their header in view.
  const form = (output.fields?.length ?? 0) > 0;
  const worksheet = workbook.addWorksheet(name, {
    views: form ? [] : [{ state: "frozen", xSplit: 0, ySplit: headerRow, topLeftCell: `A${headerRow + 1}` }],
  });
  output.heading.forEach((line, i) => {
    const cell = worksheet.getCell(i + 1, 1);
    cell.value = safeText(line);
    cell.font = i === 0 ? { bold: true, size: 14 } : { italic: true };
  });

  writeFields(worksheet, output);

  const headers = uniqueHeaders(output);
  const formats = output.columns.map((c) => c.format);
  // A table needs at least one data row: an empty result gets one blank row.
  const rows: ExcelJS.CellValue[][] =
    output.rows.length > 0
      ? output.rows.map((row) => formats.map((format, j) => excelValue(row[j], format)))
      : [formats.map(() => null)];
  worksheet.addTable({
    name: tableName(name, index),
    ref: `A${headerRow}`,
    headerRow: true,
    totalsRow: false,
    style: { theme: "TableStyleMedium2", showRowStripes: true },
    columns: headers.map((header, j) => ({
      name: header,
      filterButton: true,
      style: { numFmt: NUMBER_FORMATS[formats[j]] },
    })),
    rows,
  });
  const header = worksheet.getRow(headerRow);
  for (let j = 0; j < headers.length; j++) header.getCell(j + 1).font = { bold: true };

  if (output.totals) {
    const totals = worksheet.getRow(headerRow + rows.length + 1);
    formats.forEach((format, j) => {
      const cell = totals.getCell(j + 1);
      cell.value = excelValue(output.totals![j], format);
      cell.numFmt = NUMBER_FORMATS[format];
      cell.font = { bold: true };
      cell.border = { top: { style: "thin" }, bottom: { style: "double" } };
    });
  }
  headers.forEach((text, j) => {
    worksheet.getColumn(j + 1).width = columnWidth(output, j, text);
  });
  writeChoiceLists(worksheet, output, Math.max(1, output.rows.length));
}

/** The form block below the heading: labels in A (bold), values in B with their column format. */
function writeFields(worksheet: ExcelJS.Worksheet, output: OutputSheet): void {
  const { fieldsRow } = outputLayout(output);
  (output.fields ?? []).forEach((field, i) => {
    const label = worksheet.getCell(fieldsRow + i + 1, 1);
    label.value = safeText(field.label);
    label.font = { bold: true };
    const value = worksheet.getCell(fieldsRow + i + 1, 2);
    value.value = excelValue(field.value, field.format);
    value.numFmt = NUMBER_FORMATS[field.format];
    value.alignment = { horizontal: "left" };
  });
}

/**
 * Drop-down lists (OutputColumn.choices): the choices in a hidden column to the right, and a list
 * validation on every data cell of the column pointing to those cells (a range, since the choices may
 * contain commas). A value typed outside the list gets a warning, not a refusal.
 */
function writeChoiceLists(worksheet: ExcelJS.Worksheet, output: OutputSheet, dataRows: number): void {
  const layout = outputLayout(output);
  for (const list of layout.choiceLists) {
    const column = output.columns[list.column];
    column.choices!.forEach((choice, i) => {
      worksheet.getCell(list.firstRow + i + 1, list.listColumn + 1).value = safeText(choice);
    });
    worksheet.getColumn(list.listColumn + 1).hidden = true;
    const letter = columnLetter(list.listColumn);
    const source = `$${letter}$${list.firstRow + 1}:$${letter}$${list.firstRow + list.count}`;
    for (let r = 0; r < dataRows; r++) {
      worksheet.getCell(layout.firstDataRow + r + 1, list.column + 1).dataValidation = {
        type: "list",
        allowBlank: true,
        formulae: [source],
        showErrorMessage: true,
        errorStyle: "warning",
        errorTitle: safeText(column.header).slice(0, 32),
        error: `Choisissez une valeur de la liste « ${column.header} ».`,
      };
    }
  }
}

export interface NamedOutput {
  readonly name: string;
  readonly sheet: OutputSheet;
}

/** The .xlsx bytes of the output sheets, in order. */
export async function outputWorkbookBytes(outputs: readonly NamedOutput[], now: Date): Promise<Buffer> {
  const workbook = new (await loadExcelJS()).Workbook();
  workbook.creator = "ARE — aide régionale à l'équipement des élèves";
  workbook.created = now;
  workbook.modified = now;
  outputs.forEach((output, i) => addOutputSheet(workbook, output.name, output.sheet, i));
  // The file opens on the last sheet written: the workflows write the main result last
  // (constats, then dotations).
  if (outputs.length > 0) {
    workbook.views = [
      {
        x: 0,
        y: 0,
        width: 20000,
        height: 12000,
        firstSheet: 0,
        activeTab: outputs.length - 1,
        visibility: "visible",
      },
    ];
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function writeError(target: string, error: unknown): SpreadsheetFileError {
  const fichier = path.basename(target);
  const code = systemErrorCode(error);
  if (code === "ENOENT") {
    return new SpreadsheetFileError(
      "ecriture-impossible",
      `Impossible d'écrire « ${target} » : le dossier « ${path.dirname(target)} » n'existe pas.`,
    );
  }
  if (code === "EACCES" || code === "EPERM" || code === "EBUSY") {
    return new SpreadsheetFileError(
      "ecriture-impossible",
      `Impossible d'écrire « ${fichier} » : accès refusé (fichier ouvert dans Excel ou dossier protégé ?). Fermez-le ou choisissez un autre nom avec --out.`,
    );
  }
  if (code === "EISDIR") {
    return new SpreadsheetFileError(
      "ecriture-impossible",
      `Impossible d'écrire « ${target} » : c'est un dossier ; indiquez un nom de fichier .xlsx.`,
    );
  }
  return new SpreadsheetFileError(
    "ecriture-impossible",
    `Impossible d'écrire « ${fichier} » (${code ?? (error instanceof Error ? error.message : "erreur inconnue")}).`,
  );
}

/**
 * Writes `bytes` to `target` atomically: a temporary file in the same folder, then a rename (atomic
 * on one file system). On any failure the temporary file is removed and the target is untouched.
 */
export async function writeFileAtomically(target: string, bytes: Uint8Array): Promise<void> {
  const directory = path.dirname(path.resolve(target));
  const temporary = path.join(
    directory,
    `.${path.basename(target)}.${process.pid}.${Date.now().toString(36)}.tmp`,
  );
  try {
    await fs.writeFile(temporary, bytes, { flag: "wx" });
    await fs.rename(temporary, target);
  } catch (error) {
    await fs.rm(temporary, { force: true }).catch(() => undefined);
    throw writeError(target, error);
  }
}

/** Writes the output sheets to a new .xlsx file, atomically. */
export async function writeOutputWorkbook(
  target: string,
  outputs: readonly NamedOutput[],
  now: Date = new Date(),
): Promise<void> {
  const bytes = await outputWorkbookBytes(outputs, now);
  await writeFileAtomically(target, bytes);
}
