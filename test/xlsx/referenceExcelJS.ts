/**
 * The reference writer of the tests: the output sheets written with ExcelJS, as src/xlsx/write.ts
 * did before the project's own writer (src/xlsx/fastWrite.ts) replaced it. Kept whole and on its
 * own — it does not reuse the rules of fastWrite.ts (table names, unique headers, widths) — so that
 * comparing the two files read back checks those rules too.
 */
import ExcelJS from "exceljs";
import {
  cellText,
  columnLetter,
  isCellError,
  outputLayout,
  type CellValue,
  type ColumnFormat,
  type OutputSheet,
} from "../../src/workbook/port";

const NUMBER_FORMATS: Readonly<Record<ColumnFormat, string>> = {
  text: "@",
  integer: "#,##0",
  euros: '#,##0.00 "€"',
  percent: "0.00 %",
  decimal: "#,##0.00",
};

// eslint-disable-next-line no-control-regex
const XML_INVALID = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;
const PLAIN_DECIMAL = /^-?\d{1,15}(?:\.\d+)?$/;
const EXCEL_ERRORS = new Set(["#N/A", "#REF!", "#NAME?", "#DIV/0!", "#NULL!", "#VALUE!", "#NUM!"]);

function safeText(text: string): string {
  return cellText(text.replace(XML_INVALID, ""));
}

function excelValue(value: CellValue | undefined, format: ColumnFormat): ExcelJS.CellValue {
  if (value === null || value === undefined) return null;
  if (isCellError(value)) {
    return EXCEL_ERRORS.has(value.error)
      ? { error: value.error as ExcelJS.CellErrorValue["error"] }
      : safeText(value.error);
  }
  if (typeof value === "string") {
    if (format !== "text" && PLAIN_DECIMAL.test(value)) return Number(value);
    return safeText(value);
  }
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return { error: "#NUM!" };
    return format === "text" ? String(value) : value;
  }
  return value;
}

function tableName(sheetName: string, index: number): string {
  const base = sheetName
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^A-Za-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .slice(0, 40);
  return `ARE_${index + 1}_${base || "table"}`;
}

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

function addOutputSheet(workbook: ExcelJS.Workbook, name: string, output: OutputSheet, index: number): void {
  const layout = outputLayout(output);
  const headerRow = layout.headerRow + 1;
  const form = (output.fields?.length ?? 0) > 0;
  const worksheet = workbook.addWorksheet(name, {
    views: form ? [] : [{ state: "frozen", xSplit: 0, ySplit: headerRow, topLeftCell: `A${headerRow + 1}` }],
  });
  output.heading.forEach((line, i) => {
    const cell = worksheet.getCell(i + 1, 1);
    cell.value = safeText(line);
    cell.font = i === 0 ? { bold: true, size: 14 } : { italic: true };
  });
  (output.fields ?? []).forEach((field, i) => {
    const label = worksheet.getCell(layout.fieldsRow + i + 1, 1);
    label.value = safeText(field.label);
    label.font = { bold: true };
    const value = worksheet.getCell(layout.fieldsRow + i + 1, 2);
    value.value = excelValue(field.value, field.format);
    value.numFmt = NUMBER_FORMATS[field.format];
    value.alignment = { horizontal: "left" };
  });

  const headers = uniqueHeaders(output);
  const formats = output.columns.map((c) => c.format);
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

  const dataRows = Math.max(1, output.rows.length);
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

/** The .xlsx bytes ExcelJS writes for the output sheets, opening on the last one. */
export async function referenceWorkbookBytes(
  outputs: readonly { readonly name: string; readonly sheet: OutputSheet }[],
  now: Date,
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "ARE — aide régionale à l'équipement des élèves";
  workbook.created = now;
  workbook.modified = now;
  outputs.forEach((output, i) => addOutputSheet(workbook, output.name, output.sheet, i));
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
