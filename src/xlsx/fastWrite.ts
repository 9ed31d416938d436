/**
 * The project's own .xlsx writer for the output sheets (Node only). ExcelJS builds a full model of
 * the workbook before writing its XML: for the ~15 000-row Constats sheet of a 100 000-row
 * extraction that took ~1.5 s of the CLI's 2 s budget (design.md §8, docs/performance.md). The
 * output sheets have one fixed shape (OutputSheet, src/workbook/port.ts), so their SpreadsheetML
 * is written here directly, as strings, then zipped by zipWrite.ts.
 *
 * What is written follows what Excel itself writes (ECMA-376 part 1 §18, and Microsoft's notes on
 * it, MS-OI29500), so that Excel opens the file without a repair prompt:
 * - every cell value typed: text as a shared string (never a formula, so `=HYPERLINK(…)` or
 *   `+cmd|' /C calc'!A0` stay inert), numbers, booleans, error values;
 * - heading lines, the form block, a real Excel table (xl/tables/tableN.xml) whose column names are
 *   exactly the header cells' text, the totals row below it, column widths, hidden lists of choices
 *   and their list validations, the header frozen, the workbook opening on the last sheet;
 * - the elements of each part in the schema's order.
 * Where ExcelJS wrote something Excel does not (`dxfId` on table columns, a phantom totals row
 * declared on the tables, `x14ac` attributes), this writer follows Excel.
 */
import { CLASSIC_EXCEL_ERRORS } from "../rules";
import {
  NUMBER_FORMATS,
  cellText,
  columnLetter,
  isCellError,
  outputLayout,
  type CellValue,
  type ColumnFormat,
  type OutputLayout,
  type OutputSheet,
} from "../workbook/port";
import { Border, Font, Styles, THEME } from "./xlsxStyles";
import {
  MAIN,
  PACKAGE_RELATIONSHIPS,
  PartText,
  RELATIONSHIPS,
  SharedStrings,
  XML_DECLARATION,
  escapeAttribute,
  escapeText,
  excelEscapes,
} from "./xmlParts";
import { zipArchive, type DeflatedPart, type ZipEntry } from "./zipWrite";

export interface NamedOutput {
  readonly name: string;
  readonly sheet: OutputSheet;
}

export { NUMBER_FORMATS };

/** Who the document properties name as author. */
const CREATOR = "ARE — aide régionale à l'équipement des élèves";

// —— cell values ——

/** Control characters XML 1.0 cannot carry: a cell holding one would make the file unreadable. */
// eslint-disable-next-line no-control-regex
const XML_INVALID = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;
const PLAIN_DECIMAL = /^-?\d{1,15}(?:\.\d+)?$/;

/** A text as a cell can hold it: no XML-invalid control character, at most 32 767 characters. */
function safeText(text: string): string {
  return cellText(text.replace(XML_INVALID, ""));
}

/** The end of a text cell's XML, after its reference and style. */
function textCell(text: string, strings: SharedStrings): string {
  return ` t="s"><v>${strings.index(text)}</v></c>`;
}

/**
 * The end of a cell's XML (`/>` for a blank cell). Strings are always written as strings — a text
 * such as `=HYPERLINK("x")` stays inert text, never a formula — and numbers in a text column become
 * text (codes, UAIs); an amount handed over as an exact decimal string ("34730.00") is still a number.
 */
function cellEnd(value: CellValue | undefined, format: ColumnFormat, strings: SharedStrings): string {
  if (value === null || value === undefined) return "/>";
  if (typeof value === "string") {
    if (format !== "text" && PLAIN_DECIMAL.test(value)) return `><v>${Number(value)}</v></c>`;
    return textCell(safeText(value), strings);
  }
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return ` t="e"><v>#NUM!</v></c>`;
    // String(n) is the shortest text that reads back as the same double (« 1e+21 » is a valid xsd:double).
    return format === "text" ? textCell(String(value), strings) : `><v>${value}</v></c>`;
  }
  if (typeof value === "boolean") return ` t="b"><v>${value ? 1 : 0}</v></c>`;
  if (isCellError(value)) {
    // Only Excel's classic error values can be stored as errors; any other is shown as its text.
    return CLASSIC_EXCEL_ERRORS.has(value.error)
      ? ` t="e"><v>${value.error}</v></c>`
      : textCell(safeText(value.error), strings);
  }
  return "/>";
}

// —— the layout rules of an output sheet ——

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

/** Excel's limit on a table column name (MS-OI29500 §2.1.681): the header cell holds the same text. */
const MAX_COLUMN_NAME = 255;

/** Table column names must be non-empty and unique (case-insensitively). */
function uniqueHeaders(output: OutputSheet): string[] {
  const seen = new Set<string>();
  return output.columns.map((column, j) => {
    // Cut short enough to take a « (n) » suffix and stay under Excel's limit.
    const base =
      safeText(column.header)
        .trim()
        .slice(0, MAX_COLUMN_NAME - 6) || `Colonne ${j + 1}`;
    let name = base;
    for (let n = 2; seen.has(name.toLowerCase()); n++) name = `${base} (${n})`;
    seen.add(name.toLowerCase());
    return name;
  });
}

/** Excel accepts column widths from 0 to 255 characters (MS-OI29500 §2.1.598). */
const MAX_WIDTH = 255;
/** Width written for the hidden columns of choices (Excel's default width, rounded). */
const HIDDEN_WIDTH = 9;

/** A column's width: the one asked for, or from its longest value among the first 500 rows, 8 to 60. */
function columnWidth(output: OutputSheet, j: number, header: string): number {
  const wanted = output.columns[j].width;
  if (wanted !== undefined) return Math.min(MAX_WIDTH, Math.max(0, wanted));
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

/** Excel's limits on a data validation's error alert (MS-XLS §2.5.37): title 32, message 225 characters. */
const MAX_ERROR_TITLE = 32;
const MAX_ERROR_MESSAGE = 225;

/** Characters Excel refuses in a sheet name. */
const FORBIDDEN_IN_SHEET_NAME = /[*?:/\\[\]]/;
const MAX_SHEET_NAME = 31;

/** The name written: as given, cut at Excel's 31 characters; a name Excel refuses throws. */
function sheetName(name: string): string {
  const cut = name.slice(0, MAX_SHEET_NAME);
  const control = [...cut].some((c) => c.charCodeAt(0) < 32 || c === "\ufffe" || c === "\uffff");
  if (cut.trim() === "" || control || FORBIDDEN_IN_SHEET_NAME.test(cut) || /^'|'$/.test(cut)) {
    throw new Error(
      `Nom de feuille « ${name} » refusé par Excel : il doit être non vide, sans caractère de contrôle ni * ? : / \\ [ ], et ne pas commencer ou finir par une apostrophe.`,
    );
  }
  return cut;
}

// —— one worksheet ——

interface WrittenSheet {
  readonly xml: DeflatedPart;
  readonly table: string;
}

/** The cell reference A1-style of a 0-based column and a 1-based row. */
function reference(column: number, row: number): string {
  return `${columnLetter(column)}${row}`;
}

/**
 * The rows of a `<sheetData>`, written in ascending order, with the cells of the hidden lists of
 * choices merged in: a list starts at the top row, so any row may carry some, and a row holding
 * only choices is written before the next row asked for.
 */
class RowWriter {
  private readonly cells = new Map<number, string>();
  private readonly choiceRows: readonly number[];
  private next = 0;
  /** Row (1-based) and column (0-based) of the bottom-right cell of the lists; 0 without lists. */
  readonly lastRow: number;
  readonly lastColumn: number;

  constructor(
    private readonly part: PartText,
    output: OutputSheet,
    layout: OutputLayout,
    strings: SharedStrings,
  ) {
    let lastRow = 0;
    let lastColumn = 0;
    for (const list of layout.choiceLists) {
      output.columns[list.column].choices!.forEach((choice, i) => {
        const row = list.firstRow + i + 1;
        const cell = `<c r="${reference(list.listColumn, row)}"${textCell(safeText(choice), strings)}`;
        this.cells.set(row, (this.cells.get(row) ?? "") + cell);
        lastRow = Math.max(lastRow, row);
      });
      lastColumn = Math.max(lastColumn, list.listColumn);
    }
    this.lastRow = lastRow;
    this.lastColumn = lastColumn;
    this.choiceRows = [...this.cells.keys()].sort((x, y) => x - y);
  }

  /** Appends row `row` (1-based) with `cells`, after any earlier row holding only choices. */
  add(row: number, cells: string): void {
    const choiceRows = this.choiceRows;
    while (this.next < choiceRows.length && choiceRows[this.next] < row) {
      const only = choiceRows[this.next++];
      this.part.add(`<row r="${only}">${this.cells.get(only)}</row>`);
    }
    if (this.next < choiceRows.length && choiceRows[this.next] === row) {
      cells += this.cells.get(choiceRows[this.next++]);
    }
    this.part.add(`<row r="${row}">${cells}</row>`);
  }

  /** Rows of choices below everything else (a list longer than the whole sheet). */
  finish(): void {
    while (this.next < this.choiceRows.length) {
      const only = this.choiceRows[this.next++];
      this.part.add(`<row r="${only}">${this.cells.get(only)}</row>`);
    }
  }
}

/** `<sheetViews>`: the selected tab, and the header frozen unless the sheet is a form. */
function sheetViewsXml(output: OutputSheet, headerRow: number, selected: boolean): string {
  // Décision (regles.md#technique.formulaire-non-fige) : a form (fields above the table) is not frozen — its heading and fields would hold half
  // the screen; the other outputs keep their header in view.
  const firstData = `A${headerRow + 1}`;
  const view =
    (output.fields ?? []).length > 0
      ? ""
      : `<pane ySplit="${headerRow}" topLeftCell="${firstData}" activePane="bottomLeft" state="frozen"/>` +
        `<selection pane="bottomLeft" activeCell="${firstData}" sqref="${firstData}"/>`;
  const sheetView = `<sheetView${selected ? ' tabSelected="1"' : ""} workbookViewId="0"`;
  return `<sheetViews>${view ? `${sheetView}>${view}</sheetView>` : `${sheetView}/>`}</sheetViews>`;
}

/** The rows above the table: heading lines (a title, then italics), then the form's label / value pairs. */
function formRows(
  rows: RowWriter,
  output: OutputSheet,
  layout: OutputLayout,
  styles: Styles,
  strings: SharedStrings,
): void {
  const titleStyle = styles.cell({ format: "General", font: Font.title });
  const subtitleStyle = styles.cell({ format: "General", font: Font.italic });
  output.heading.forEach((line, i) => {
    const style = i === 0 ? titleStyle : subtitleStyle;
    rows.add(i + 1, `<c r="A${i + 1}" s="${style}"${textCell(safeText(line), strings)}`);
  });

  const labelStyle = styles.cell({ format: "General", font: Font.bold });
  (output.fields ?? []).forEach((field, i) => {
    const row = layout.fieldsRow + i + 1;
    const valueStyle = styles.cell({ format: NUMBER_FORMATS[field.format], alignLeft: true });
    rows.add(
      row,
      `<c r="A${row}" s="${labelStyle}"${textCell(safeText(field.label), strings)}` +
        `<c r="B${row}" s="${valueStyle}"${cellEnd(field.value, field.format, strings)}`,
    );
  });
}

/** The table's rows: its header (row `headerRow`, 1-based), its data rows, then its totals if any. */
function tableRows(
  rows: RowWriter,
  output: OutputSheet,
  headers: readonly string[],
  dataRows: readonly (readonly CellValue[])[],
  headerRow: number,
  styles: Styles,
  strings: SharedStrings,
): void {
  const columns = output.columns;
  const formats = columns.map((c) => NUMBER_FORMATS[c.format]);
  const letters = columns.map((_, j) => columnLetter(j));
  // The header keeps its column's number format, as table columns format their whole column.
  let header = "";
  headers.forEach((text, j) => {
    const style = styles.cell({ format: formats[j], font: Font.bold });
    header += `<c r="${letters[j]}${headerRow}" s="${style}"${textCell(text, strings)}`;
  });
  rows.add(headerRow, header);

  // The hot loop: ~15 000 rows of constats for a 100 000-row extraction.
  const dataStyles = formats.map((format) => ` s="${styles.cell({ format })}"`);
  const columnFormats = columns.map((c) => c.format);
  for (let i = 0; i < dataRows.length; i++) {
    const values = dataRows[i];
    const row = headerRow + 1 + i;
    let cells = "";
    for (let j = 0; j < letters.length; j++) {
      cells += `<c r="${letters[j]}${row}"${dataStyles[j]}${cellEnd(values[j], columnFormats[j], strings)}`;
    }
    rows.add(row, cells);
  }

  if (output.totals) {
    const totals = output.totals;
    const totalsRow = headerRow + dataRows.length + 1;
    let cells = "";
    columns.forEach((column, j) => {
      const style = styles.cell({ format: formats[j], font: Font.bold, border: Border.totals });
      cells += `<c r="${letters[j]}${totalsRow}" s="${style}"${cellEnd(totals[j], column.format, strings)}`;
    });
    rows.add(totalsRow, cells);
  }
}

/**
 * The worksheet part (§18.3) and its table part (§18.5) of one output sheet. Rows are 0-based in
 * the layout (outputLayout) and 1-based in the XML.
 */
function worksheet(
  name: string,
  output: OutputSheet,
  index: number,
  selected: boolean,
  styles: Styles,
  strings: SharedStrings,
): WrittenSheet {
  const columns = output.columns;
  if (columns.length === 0)
    throw new Error(`La feuille « ${name} » n'a aucune colonne : pas de tableau possible.`);
  const layout = outputLayout(output);
  const headers = uniqueHeaders(output);
  // A table needs at least one data row: an empty result gets one blank row.
  const dataRows: readonly (readonly CellValue[])[] = output.rows.length > 0 ? output.rows : [[]];
  const headerRow = layout.headerRow + 1;
  const lastDataRow = headerRow + dataRows.length;
  const totalsRow = output.totals ? lastDataRow + 1 : lastDataRow;

  // The elements in the order of CT_Worksheet (§18.3.1.99).
  const part = new PartText();
  const rows = new RowWriter(part, output, layout, strings);
  const lastRow = Math.max(totalsRow, rows.lastRow);
  const lastColumn = Math.max(columns.length - 1, (output.fields ?? []).length > 0 ? 1 : 0, rows.lastColumn);
  part.add(`${XML_DECLARATION}<worksheet xmlns="${MAIN}" xmlns:r="${RELATIONSHIPS}">`);
  // Printed ready to sign and send: every column on one page width (as many pages tall as needed).
  part.add('<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>');
  part.add(`<dimension ref="A1:${reference(lastColumn, lastRow)}"/>`);
  part.add(sheetViewsXml(output, headerRow, selected));
  part.add('<sheetFormatPr defaultRowHeight="15"/>');
  part.add(
    colsXml(
      output,
      headers,
      layout.choiceLists.map((l) => l.listColumn),
    ),
  );
  part.add("<sheetData>");
  formRows(rows, output, layout, styles, strings);
  tableRows(rows, output, headers, dataRows, headerRow, styles, strings);
  rows.finish();
  part.add("</sheetData>");
  part.add(dataValidationsXml(output, layout, headerRow + 1, dataRows.length));
  part.add('<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>');
  // A4, fit to one page wide, any number of pages tall; the header row repeats (workbook's Print_Titles).
  part.add(
    `<pageSetup paperSize="9" orientation="${layout.landscape ? "landscape" : "portrait"}" fitToWidth="1" fitToHeight="0"/>`,
  );
  part.add('<tableParts count="1"><tablePart r:id="rId1"/></tableParts>');
  part.add("</worksheet>");

  const formats = columns.map((c) => NUMBER_FORMATS[c.format]);
  const ref = `A${headerRow}:${columnLetter(columns.length - 1)}${lastDataRow}`;
  return {
    xml: part.deflated(),
    table: tableXml(tableName(name, index), index + 1, ref, headers, formats, styles),
  };
}

/** Each sheet's table header row, repeated at the top of every printed page (Excel's « Titres à imprimer »). */
function printTitlesXml(outputs: readonly NamedOutput[], names: readonly string[]): string {
  const titles = outputs.map(({ sheet }, i) => {
    const row = outputLayout(sheet).headerRow + 1;
    const quoted = `'${names[i].replace(/'/g, "''")}'`;
    return `<definedName name="_xlnm.Print_Titles" localSheetId="${i}">${escapeText(`${quoted}!$${row}:$${row}`)}</definedName>`;
  });
  return `<definedNames>${titles.join("")}</definedNames>`;
}

/** `<cols>`: each table column's width, the hidden choice columns; equal neighbours merged, as Excel does. */
function colsXml(output: OutputSheet, headers: readonly string[], hidden: readonly number[]): string {
  const spans: { min: number; max: number; width: number; hidden: boolean }[] = [];
  const add = (column: number, width: number, isHidden: boolean) => {
    const last = spans[spans.length - 1];
    if (last && last.max === column - 1 && last.width === width && last.hidden === isHidden)
      last.max = column;
    else spans.push({ min: column, max: column, width, hidden: isHidden });
  };
  headers.forEach((header, j) => add(j + 1, columnWidth(output, j, header), false));
  for (const column of hidden) add(column + 1, HIDDEN_WIDTH, true);
  let xml = "<cols>";
  for (const span of spans) {
    xml += `<col min="${span.min}" max="${span.max}" width="${span.width}"${span.hidden ? ' hidden="1"' : ""} customWidth="1"/>`;
  }
  return xml + "</cols>";
}

/**
 * Drop-down lists (OutputColumn.choices): a list validation on every data cell of the column,
 * pointing to the hidden cells of choices (a range, since a choice may contain commas). A value
 * typed outside the list gets a warning, not a refusal.
 */
function dataValidationsXml(
  output: OutputSheet,
  layout: ReturnType<typeof outputLayout>,
  firstDataRow: number,
  dataRows: number,
): string {
  if (layout.choiceLists.length === 0) return "";
  let xml = `<dataValidations count="${layout.choiceLists.length}">`;
  for (const list of layout.choiceLists) {
    const header = safeText(output.columns[list.column].header);
    let message = `Choisissez une valeur de la liste « ${header} ».`;
    if (message.length > MAX_ERROR_MESSAGE) message = message.slice(0, MAX_ERROR_MESSAGE - 1) + "…";
    const letter = columnLetter(list.listColumn);
    const source = `$${letter}$${list.firstRow + 1}:$${letter}$${list.firstRow + list.count}`;
    const target = columnLetter(list.column);
    const sqref = `${target}${firstDataRow}:${target}${firstDataRow + dataRows - 1}`;
    xml +=
      `<dataValidation type="list" errorStyle="warning" allowBlank="1" showErrorMessage="1"` +
      ` errorTitle="${escapeAttribute(header.slice(0, MAX_ERROR_TITLE))}" error="${escapeAttribute(message)}"` +
      ` sqref="${sqref}"><formula1>${source}</formula1></dataValidation>`;
  }
  return xml + "</dataValidations>";
}

/** The table part: header row and data rows, auto-filter, TableStyleMedium2 with row stripes. */
function tableXml(
  name: string,
  id: number,
  ref: string,
  headers: readonly string[],
  formats: readonly string[],
  styles: Styles,
): string {
  // headerRowCount="1" is the schema's default, written anyway: ExcelJS reads a table without it as
  // headerless.
  let xml = `${XML_DECLARATION}<table xmlns="${MAIN}" id="${id}" name="${name}" displayName="${name}" ref="${ref}" headerRowCount="1" totalsRowShown="0">`;
  xml += `<autoFilter ref="${ref}"/>`;
  xml += `<tableColumns count="${headers.length}">`;
  headers.forEach((header, j) => {
    // The name is the header cell's text, with Excel's escapes for line breaks and tabs.
    xml += `<tableColumn id="${j + 1}" name="${escapeAttribute(excelEscapes(header, true))}" dataDxfId="${styles.tableColumn(formats[j])}"/>`;
  });
  xml += "</tableColumns>";
  xml +=
    '<tableStyleInfo name="TableStyleMedium2" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/>';
  return xml + "</table>";
}

// —— the package ——

const CONTENT_TYPE = "application/vnd.openxmlformats-officedocument";
const RELATIONSHIP_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** W3CDTF date of the document properties, to the second, in UTC. */
function w3cdtf(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}

function relationships(items: readonly (readonly [type: string, target: string])[]): string {
  let xml = `${XML_DECLARATION}<Relationships xmlns="${PACKAGE_RELATIONSHIPS}">`;
  items.forEach(([type, target], i) => {
    xml += `<Relationship Id="rId${i + 1}" Type="${type}" Target="${target}"/>`;
  });
  return xml + "</Relationships>";
}

/**
 * The .xlsx bytes of the output sheets, in order; the file opens on the last one (the workflows
 * write the main result last: constats, then dotations).
 */
export function xlsxBytes(outputs: readonly NamedOutput[], now: Date): Buffer {
  // A workbook holds at least one sheet: Excel cannot open one without.
  if (outputs.length === 0) throw new Error("Aucune feuille de résultats à écrire.");
  const names = outputs.map((o) => sheetName(o.name));
  const seen = new Set<string>();
  for (const name of names) {
    if (seen.has(name.toLowerCase())) throw new Error(`Deux feuilles de résultats s'appellent « ${name} ».`);
    seen.add(name.toLowerCase());
  }

  const styles = new Styles();
  const strings = new SharedStrings();
  const active = outputs.length - 1;
  const sheets = outputs.map((output, i) =>
    worksheet(names[i], output.sheet, i, i === active, styles, strings),
  );
  const n = sheets.length;
  const indexes = sheets.map((_, i) => i + 1);

  const overrides = [
    ["/xl/workbook.xml", `${CONTENT_TYPE}.spreadsheetml.sheet.main+xml`],
    ...indexes.map((i) => [`/xl/worksheets/sheet${i}.xml`, `${CONTENT_TYPE}.spreadsheetml.worksheet+xml`]),
    ...indexes.map((i) => [`/xl/tables/table${i}.xml`, `${CONTENT_TYPE}.spreadsheetml.table+xml`]),
    ["/xl/theme/theme1.xml", `${CONTENT_TYPE}.theme+xml`],
    ["/xl/styles.xml", `${CONTENT_TYPE}.spreadsheetml.styles+xml`],
    ["/xl/sharedStrings.xml", `${CONTENT_TYPE}.spreadsheetml.sharedStrings+xml`],
    ["/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"],
    ["/docProps/app.xml", `${CONTENT_TYPE}.extended-properties+xml`],
  ];
  const contentTypes =
    `${XML_DECLARATION}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    overrides.map(([part, type]) => `<Override PartName="${part}" ContentType="${type}"/>`).join("") +
    "</Types>";

  const rootRelationships = relationships([
    [`${RELATIONSHIP_TYPE}/officeDocument`, "xl/workbook.xml"],
    [
      "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
      "docProps/core.xml",
    ],
    [`${RELATIONSHIP_TYPE}/extended-properties`, "docProps/app.xml"],
  ]);
  // Worksheets are rId1…rIdN, so that sheet i points to rId(i).
  const workbookRelationships = relationships([
    ...indexes.map((i) => [`${RELATIONSHIP_TYPE}/worksheet`, `worksheets/sheet${i}.xml`] as const),
    [`${RELATIONSHIP_TYPE}/styles`, "styles.xml"],
    [`${RELATIONSHIP_TYPE}/theme`, "theme/theme1.xml"],
    [`${RELATIONSHIP_TYPE}/sharedStrings`, "sharedStrings.xml"],
  ]);
  const workbook =
    `${XML_DECLARATION}<workbook xmlns="${MAIN}" xmlns:r="${RELATIONSHIPS}">` +
    `<bookViews><workbookView xWindow="0" yWindow="0" windowWidth="20000" windowHeight="12000" activeTab="${active}"/></bookViews>` +
    "<sheets>" +
    names
      .map((name, i) => `<sheet name="${escapeAttribute(name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
      .join("") +
    "</sheets>" +
    printTitlesXml(outputs, names) +
    "</workbook>";

  const creator = escapeText(CREATOR);
  const core =
    `${XML_DECLARATION}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"` +
    ' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"' +
    ' xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:creator>${creator}</dc:creator><cp:lastModifiedBy>${creator}</cp:lastModifiedBy>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${w3cdtf(now)}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${w3cdtf(now)}</dcterms:modified></cp:coreProperties>`;
  // Décision (regles.md#technique.application-xlsx) : the application is named as ExcelJS named it (readers such as LibreOffice adapt some
  // defaults to the producer; the parts follow Excel's own).
  const app =
    `${XML_DECLARATION}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"` +
    ' xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">' +
    "<Application>Microsoft Excel</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>" +
    '<HeadingPairs><vt:vector size="2" baseType="variant"><vt:variant><vt:lpstr>Worksheets</vt:lpstr></vt:variant>' +
    `<vt:variant><vt:i4>${n}</vt:i4></vt:variant></vt:vector></HeadingPairs>` +
    `<TitlesOfParts><vt:vector size="${n}" baseType="lpstr">` +
    names.map((name) => `<vt:lpstr>${escapeText(name)}</vt:lpstr>`).join("") +
    "</vt:vector></TitlesOfParts><LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc>" +
    "<HyperlinksChanged>false</HyperlinksChanged><AppVersion>16.0300</AppVersion></Properties>";

  const tableRelationships = (i: number) =>
    relationships([[`${RELATIONSHIP_TYPE}/table`, `../tables/table${i}.xml`]]);

  const entries: ZipEntry[] = [
    { name: "[Content_Types].xml", data: contentTypes },
    { name: "_rels/.rels", data: rootRelationships },
    { name: "docProps/core.xml", data: core },
    { name: "docProps/app.xml", data: app },
    { name: "xl/workbook.xml", data: workbook },
    { name: "xl/_rels/workbook.xml.rels", data: workbookRelationships },
    ...sheets.flatMap((sheet, i): ZipEntry[] => [
      { name: `xl/worksheets/sheet${i + 1}.xml`, data: sheet.xml },
      { name: `xl/worksheets/_rels/sheet${i + 1}.xml.rels`, data: tableRelationships(i + 1) },
      { name: `xl/tables/table${i + 1}.xml`, data: sheet.table },
    ]),
    // After the sheets: their cells added the strings and the styles.
    { name: "xl/theme/theme1.xml", data: THEME },
    { name: "xl/styles.xml", data: styles.xml() },
    { name: "xl/sharedStrings.xml", data: strings.deflated() },
  ];
  return zipArchive(entries);
}
