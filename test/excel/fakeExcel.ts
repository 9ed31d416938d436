/**
 * A fake Excel for the adapter's tests: just the Office.js surface src/excel uses, over an in-memory
 * model of sheets and cells.
 *
 * What comes from office-addin-mock: the context and the workbook are OfficeMockObjects, and every
 * loadable property of every proxy (range values and valueTypes, dimensions, sheet names and ids,
 * settings, tables) lives in an OfficeMockObject. So, as in Office.js, reading a property before
 * `load()` then `context.sync()` fails — here loudly, with the property's name.
 *
 * What is hand-made, because office-addin-mock cannot model it:
 * - proxies created by methods (getRangeByIndexes, getItem, add…) with data that depends on their
 *   arguments (each chunk of a large sheet returns its own rows): office-addin-mock only serves fixed
 *   data given up front;
 * - collections loaded as `load("items/name,items/id")`: office-addin-mock cannot navigate into an
 *   array of items;
 * - writes: office-addin-mock keeps an assigned property but records neither the order nor the target
 *   of assignments. Here each write is applied to the model at once and logged (batch, sheet,
 *   address, what, value), so tests can check that a text format is set before the values.
 * - `context.sync()`: counted, it syncs every OfficeMockObject created so far and refuses a batch
 *   above 5 MB, like Excel on the web.
 *
 * Excel's own behaviour is emulated where the adapter depends on it: a written string that starts
 * with =, +, - or @ becomes a formula unless the cell is formatted as text (`@`); a written string that
 * reads as a number becomes a number unless the cell is formatted as text; tables cannot overlap.
 */
import { OfficeMockObject } from "office-addin-mock";
import type { ExcelRun } from "../../src/excel";
import { columnLetter, type CellValue } from "../../src/workbook/port";

const NOT_LOADED = "Error, property was not loaded";
const NOT_SYNCED = "Error, context.sync() was not called";
/** How a null rowHidden (some rows hidden) is kept in an OfficeMockObject, which cannot hold null. */
const SOME_HIDDEN = "some rows hidden";
/** Excel on the web's cap on one request or response. */
export const PAYLOAD_LIMIT = 5_000_000;

export type ValueType = "Empty" | "String" | "Double" | "Boolean" | "Error";

export interface FakeCell {
  value: string | number | boolean;
  type: ValueType;
  numberFormat: string;
  /** Set when Excel would have read the written text as a formula. */
  formula?: string;
  bold?: boolean;
  wrapText?: boolean;
}

export interface FakeTable {
  name: string;
  area: Area;
}

export interface FakeSheet {
  id: string;
  name: string;
  /** Sparse rows of cells, 0-based from A1. */
  cells: (FakeCell | undefined)[][];
  tables: FakeTable[];
  frozenRows: number;
  /** Column index → width in points. */
  columnWidths: Map<number, number>;
  /** Data validations set on the sheet (list drop-downs), in order. */
  validations: FakeValidation[];
  hiddenColumns: Set<number>;
  /** Rows hidden by hand or by a filter (0-based), read back through `rowHidden`. */
  hiddenRows: Set<number>;
}

export interface FakeValidation {
  area: Area;
  rule?: unknown;
  errorAlert?: unknown;
}

export interface Area {
  rowIndex: number;
  columnIndex: number;
  rowCount: number;
  columnCount: number;
}

export interface Operation {
  /** How many syncs had happened when the operation was queued: 0 for the first batch. */
  batch: number;
  sheet: string;
  kind:
    | "add"
    | "delete"
    | "rename"
    | "values"
    | "numberFormat"
    | "bold"
    | "wrapText"
    | "columnWidth"
    | "clear"
    | "table"
    | "deleteTable"
    | "freezeRows"
    | "unfreeze"
    | "orientation"
    | "printTitleRows"
    | "activate"
    | "select"
    | "setting"
    | "calculate"
    | "validation"
    | "clearValidation"
    | "hideColumn";
  address: string;
  value?: unknown;
}

/** Values a test puts in a user sheet: an `{ error }` is an Excel error, anything else a typed value. */
export type Seed = string | number | boolean | null | { error: string };

export function address(area: Area): string {
  const first = `${columnLetter(area.columnIndex)}${area.rowIndex + 1}`;
  if (area.rowCount === 1 && area.columnCount === 1) return first;
  const last = `${columnLetter(area.columnIndex + area.columnCount - 1)}${area.rowIndex + area.rowCount}`;
  return `${first}:${last}`;
}

function columnIndexOf(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

const WHOLE_SHEET: Area = { rowIndex: 0, columnIndex: 0, rowCount: 1_048_576, columnCount: 16_384 };

/** "C5", "B3:D6", "12:12", "C:C", or nothing for the whole sheet. */
export function parseAddress(text: string | undefined): Area {
  if (text === undefined) return WHOLE_SHEET;
  const row = /^(\d+):(\d+)$/.exec(text);
  if (row)
    return { ...WHOLE_SHEET, rowIndex: Number(row[1]) - 1, rowCount: Number(row[2]) - Number(row[1]) + 1 };
  const column = /^([A-Z]+):([A-Z]+)$/.exec(text);
  if (column) {
    const first = columnIndexOf(column[1]);
    return { ...WHOLE_SHEET, columnIndex: first, columnCount: columnIndexOf(column[2]) - first + 1 };
  }
  const cells = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(text);
  if (!cells) throw new Error(`Adresse non gérée par le faux Excel : ${text}`);
  const rowIndex = Number(cells[2]) - 1;
  const columnIndex = columnIndexOf(cells[1]);
  const lastRow = cells[4] ? Number(cells[4]) - 1 : rowIndex;
  const lastColumn = cells[3] ? columnIndexOf(cells[3]) : columnIndex;
  return {
    rowIndex,
    columnIndex,
    rowCount: lastRow - rowIndex + 1,
    columnCount: lastColumn - columnIndex + 1,
  };
}

function overlaps(a: Area, b: Area): boolean {
  return (
    a.rowIndex < b.rowIndex + b.rowCount &&
    b.rowIndex < a.rowIndex + a.rowCount &&
    a.columnIndex < b.columnIndex + b.columnCount &&
    b.columnIndex < a.columnIndex + a.columnCount
  );
}

/** The loadable properties of one proxy, in an OfficeMockObject (load, then sync, then read). */
class LoadState {
  private mock: OfficeMockObject | null = null;

  constructor(
    private readonly fake: FakeExcel,
    private readonly what: string,
    /** The loaded properties' values, computed when load() is called (Office.js reads them at that sync). */
    private readonly snapshot: (names: string[]) => Record<string, unknown>,
  ) {}

  load(names: string | string[] | undefined): void {
    const list = (Array.isArray(names) ? names : (names ?? "").split(","))
      .map((n) => n.trim())
      .filter(Boolean);
    if (list.length === 0) throw new Error(`${this.what}.load() sans propriété : tout serait chargé.`);
    const data = this.snapshot(list);
    this.mock = new OfficeMockObject(data);
    this.fake.track(this.mock);
    this.mock.load(list);
    this.fake.countLoaded(data, list);
  }

  get<T>(name: string): T {
    const value: unknown = this.mock ? this.mock[name] : NOT_LOADED;
    if (value === NOT_LOADED || value === NOT_SYNCED) {
      throw new Error(`${this.what}.${name} lu avant load("${name}") puis context.sync() (${value}).`);
    }
    return value as T;
  }
}

/** isNullObject is readable once a sync has happened after the proxy was made (no load needed). */
class NullState {
  private readonly madeAt: number;
  constructor(
    private readonly fake: FakeExcel,
    private readonly isNull: boolean,
  ) {
    this.madeAt = fake.syncs;
  }
  get value(): boolean {
    if (this.fake.syncs <= this.madeAt) throw new Error("isNullObject lu avant context.sync().");
    return this.isNull;
  }
}

class FakeRange {
  private readonly state: LoadState;
  readonly format: {
    font: { bold: boolean };
    columnWidth: number;
    wrapText: boolean;
  };

  readonly dataValidation: { rule: unknown; errorAlert: unknown; clear(): void };

  constructor(
    private readonly fake: FakeExcel,
    private readonly sheet: FakeSheet,
    readonly area: Area,
  ) {
    // Range.dataValidation (ExcelApi 1.8): the rule and the error alert of the range's cells.
    const validation = (): FakeValidation => {
      let found = sheet.validations.find((v) => address(v.area) === address(area));
      if (!found) {
        found = { area };
        sheet.validations.push(found);
      }
      return found;
    };
    this.dataValidation = {
      set rule(rule: unknown) {
        validation().rule = rule;
        fake.log(sheet, "validation", area, rule);
      },
      get rule(): unknown {
        throw new Error("dataValidation.rule n'est pas lu par l'adaptateur.");
      },
      set errorAlert(alert: unknown) {
        validation().errorAlert = alert;
        fake.log(sheet, "validation", area, alert);
      },
      get errorAlert(): unknown {
        throw new Error("dataValidation.errorAlert n'est pas lu par l'adaptateur.");
      },
      clear() {
        sheet.validations = sheet.validations.filter((v) => !overlaps(v.area, area));
        fake.log(sheet, "clearValidation", area);
      },
    };
    this.state = new LoadState(fake, `Range ${address(area)}`, (names) => ({
      // Cell contents only when asked for: a whole selected column is a million rows.
      ...(names.some((n) => ["values", "valueTypes", "numberFormat"].includes(n))
        ? fake.readArea(sheet, area)
        : {}),
      rowHidden: fake.rowHidden(sheet, area),
      rowIndex: area.rowIndex,
      columnIndex: area.columnIndex,
      rowCount: area.rowCount,
      columnCount: area.columnCount,
      address: `${sheet.name}!${address(area)}`,
    }));
    const font = {
      set bold(bold: boolean) {
        fake.eachCell(sheet, area, (cell) => (cell.bold = bold));
        fake.log(sheet, "bold", area, bold);
      },
      get bold(): boolean {
        throw new Error("format.font.bold n'est pas lu par l'adaptateur.");
      },
    };
    this.format = {
      font,
      set columnWidth(points: number) {
        for (let c = 0; c < area.columnCount; c++) sheet.columnWidths.set(area.columnIndex + c, points);
        fake.log(sheet, "columnWidth", area, points);
      },
      get columnWidth(): number {
        throw new Error("format.columnWidth n'est pas lu par l'adaptateur.");
      },
      set wrapText(wrap: boolean) {
        fake.eachCell(sheet, area, (cell) => (cell.wrapText = wrap));
        fake.log(sheet, "wrapText", area, wrap);
      },
      get wrapText(): boolean {
        throw new Error("format.wrapText n'est pas lu par l'adaptateur.");
      },
    };
  }

  load(names: string | string[]): FakeRange {
    this.state.load(names);
    return this;
  }

  get values(): unknown[][] {
    return this.state.get("values");
  }
  set values(values: unknown[][]) {
    this.fake.checkShape(this.area, values, "values");
    this.fake.writeValues(this.sheet, this.area, values);
    this.fake.log(this.sheet, "values", this.area, values);
  }
  get valueTypes(): string[][] {
    return this.state.get("valueTypes");
  }
  get numberFormat(): string[][] {
    return this.state.get("numberFormat");
  }
  set columnHidden(hidden: boolean) {
    for (let c = 0; c < this.area.columnCount; c++) {
      if (hidden) this.sheet.hiddenColumns.add(this.area.columnIndex + c);
      else this.sheet.hiddenColumns.delete(this.area.columnIndex + c);
    }
    this.fake.log(this.sheet, "hideColumn", this.area, hidden);
  }
  get columnHidden(): boolean {
    throw new Error("columnHidden n'est pas lu par l'adaptateur.");
  }
  /** Range.rowHidden: true when every row is hidden, false when none is, null when some are. */
  get rowHidden(): boolean | null {
    const value = this.state.get<boolean | string>("rowHidden");
    return value === SOME_HIDDEN ? null : (value as boolean);
  }
  /** Range.getRow(i): the i-th row of the range (not a requested chunk). */
  getRow(row: number): FakeRange {
    if (row < 0 || row >= this.area.rowCount)
      throw new Error(`InvalidArgument : ligne ${row} hors de la plage.`);
    return new FakeRange(this.fake, this.sheet, {
      ...this.area,
      rowIndex: this.area.rowIndex + row,
      rowCount: 1,
    });
  }
  set numberFormat(formats: string[][]) {
    this.fake.checkShape(this.area, formats, "numberFormat");
    this.fake.eachCell(this.sheet, this.area, (cell, r, c) => (cell.numberFormat = formats[r][c]));
    this.fake.log(this.sheet, "numberFormat", this.area, formats);
  }
  get rowIndex(): number {
    return this.state.get("rowIndex");
  }
  get columnIndex(): number {
    return this.state.get("columnIndex");
  }
  get rowCount(): number {
    return this.state.get("rowCount");
  }
  get columnCount(): number {
    return this.state.get("columnCount");
  }
  get address(): string {
    return this.state.get("address");
  }

  clear(): void {
    const { rowIndex, rowCount, columnIndex, columnCount } = this.area;
    for (let r = rowIndex; r < Math.min(rowIndex + rowCount, this.sheet.cells.length); r++) {
      const row = this.sheet.cells[r];
      if (!row) continue;
      for (let c = columnIndex; c < Math.min(columnIndex + columnCount, row.length); c++) row[c] = undefined;
    }
    this.fake.log(this.sheet, "clear", this.area);
  }

  select(): void {
    this.fake.selection = { sheetId: this.sheet.id, area: this.area };
    this.fake.log(this.sheet, "select", this.area);
  }
}

/** The used range of a sheet (values only), or a null object. */
class FakeUsedRange {
  private readonly state: LoadState;
  private readonly nullState: NullState;

  constructor(fake: FakeExcel, sheet: FakeSheet) {
    const used = fake.usedArea(sheet);
    this.nullState = new NullState(fake, used === null);
    this.state = new LoadState(fake, "UsedRange", () => ({
      rowIndex: used?.rowIndex ?? 0,
      columnIndex: used?.columnIndex ?? 0,
      rowCount: used?.rowCount ?? 0,
      columnCount: used?.columnCount ?? 0,
      address: used ? `${sheet.name}!${address(used)}` : "",
      rowHidden: used ? fake.rowHidden(sheet, used) : false,
    }));
  }
  load(names: string): FakeUsedRange {
    this.state.load(names);
    return this;
  }
  get isNullObject(): boolean {
    return this.nullState.value;
  }
  get rowIndex(): number {
    return this.state.get("rowIndex");
  }
  get columnIndex(): number {
    return this.state.get("columnIndex");
  }
  get rowCount(): number {
    return this.state.get("rowCount");
  }
  get columnCount(): number {
    return this.state.get("columnCount");
  }
  get rowHidden(): boolean | null {
    const value = this.state.get<boolean | string>("rowHidden");
    return value === SOME_HIDDEN ? null : (value as boolean);
  }
}

class FakeTableProxy {
  private readonly state: LoadState;
  constructor(
    private readonly fake: FakeExcel,
    private readonly sheet: FakeSheet,
    private readonly table: FakeTable,
  ) {
    this.state = new LoadState(fake, "Table", () => ({ name: table.name }));
  }
  loadForCollection(names: string[]): void {
    this.state.load(names);
  }
  get name(): string {
    return this.state.get("name");
  }
  delete(): void {
    const index = this.sheet.tables.indexOf(this.table);
    if (index < 0) throw new Error(`Tableau ${this.table.name} déjà supprimé.`);
    this.sheet.tables.splice(index, 1);
    this.fake.log(this.sheet, "deleteTable", this.table.area, this.table.name);
  }
}

class FakeTableCollection {
  private loaded: LoadState | null = null;
  constructor(
    private readonly fake: FakeExcel,
    private readonly sheet: FakeSheet,
  ) {}

  load(names: string): void {
    const itemProps = itemProperties(names);
    const items = this.sheet.tables.map((t) => new FakeTableProxy(this.fake, this.sheet, t));
    items.forEach((item) => item.loadForCollection(itemProps));
    this.loaded = new LoadState(this.fake, "TableCollection", () => ({ items }));
    this.loaded.load("items");
  }
  get items(): FakeTableProxy[] {
    if (!this.loaded) throw new Error("tables.items lu avant tables.load().");
    return this.loaded.get("items");
  }
  add(source: FakeRange | string, hasHeaders: boolean): { name: string } {
    if (!(source instanceof FakeRange)) throw new Error("Le faux Excel attend un Range pour tables.add.");
    if (!hasHeaders) throw new Error("L'adaptateur écrit toujours un en-tête.");
    for (const sheet of this.fake.sheets) {
      for (const other of sheet.tables) {
        if (sheet === this.sheet && overlaps(other.area, source.area)) {
          throw new Error(`InvalidArgument : un tableau ne peut pas chevaucher ${other.name}.`);
        }
      }
    }
    const table: FakeTable = { name: `Tableau${++this.fake.tableCounter}`, area: source.area };
    this.sheet.tables.push(table);
    this.fake.log(this.sheet, "table", source.area, table.name);
    return { name: table.name };
  }
}

/** "items/name,items/id" → ["name", "id"]. */
function itemProperties(names: string): string[] {
  return names.split(",").map((n) => {
    const m = /^\s*items\/(\w+)\s*$/.exec(n);
    if (!m) throw new Error(`Chargement de collection non géré par le faux Excel : ${n}`);
    return m[1];
  });
}

class FakeWorksheet {
  private readonly state: LoadState;
  private readonly nullState: NullState;
  readonly tables: FakeTableCollection;
  readonly freezePanes: { freezeRows(count: number): void; unfreeze(): void };
  /** ExcelApi 1.9: only what the adapter sets, logged. */
  readonly pageLayout: { orientation: string; setPrintTitleRows(rows: string): void };

  constructor(
    private readonly fake: FakeExcel,
    private readonly sheet: FakeSheet | null,
  ) {
    this.nullState = new NullState(fake, sheet === null);
    this.state = new LoadState(fake, `Worksheet ${sheet?.name ?? "(null)"}`, () => ({
      name: sheet?.name ?? "",
      id: sheet?.id ?? "",
    }));
    const model = () => this.model();
    this.tables = new FakeTableCollection(fake, sheet ?? ({} as FakeSheet));
    this.freezePanes = {
      freezeRows(count: number) {
        model().frozenRows = count;
        fake.log(
          model(),
          "freezeRows",
          { rowIndex: 0, columnIndex: 0, rowCount: count, columnCount: 1 },
          count,
        );
      },
      unfreeze() {
        model().frozenRows = 0;
        fake.log(model(), "unfreeze", WHOLE_SHEET);
      },
    };
    this.pageLayout = {
      set orientation(value: string) {
        fake.log(model(), "orientation", WHOLE_SHEET, value);
      },
      get orientation(): string {
        throw new Error("pageLayout.orientation lu sans load().");
      },
      setPrintTitleRows(rows: string) {
        fake.log(model(), "printTitleRows", WHOLE_SHEET, rows);
      },
    };
  }

  private model(): FakeSheet {
    if (!this.sheet) throw new Error("Opération sur une feuille inexistante (objet nul).");
    if (!this.fake.sheets.includes(this.sheet))
      throw new Error(`La feuille ${this.sheet.name} a été supprimée.`);
    return this.sheet;
  }

  load(names: string | string[]): FakeWorksheet {
    this.state.load(names);
    return this;
  }
  get isNullObject(): boolean {
    return this.nullState.value;
  }
  get name(): string {
    return this.state.get("name");
  }
  set name(name: string) {
    const sheet = this.model();
    this.fake.checkNewName(name, sheet);
    this.fake.log(sheet, "rename", WHOLE_SHEET, name);
    sheet.name = name;
  }
  get id(): string {
    return this.state.get("id");
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeUsedRange {
    if (valuesOnly !== true)
      throw new Error("L'adaptateur doit demander la plage utilisée en valeurs seules.");
    return new FakeUsedRange(this.fake, this.model());
  }
  getRangeByIndexes(rowIndex: number, columnIndex: number, rowCount: number, columnCount: number): FakeRange {
    if (rowCount < 1 || columnCount < 1) throw new Error("InvalidArgument : plage vide.");
    const area = { rowIndex, columnIndex, rowCount, columnCount };
    this.fake.rangesRequested.push({ sheet: this.model().name, area });
    return new FakeRange(this.fake, this.model(), area);
  }
  getRange(text?: string): FakeRange {
    return new FakeRange(this.fake, this.model(), parseAddress(text));
  }
  activate(): void {
    this.fake.activeSheetId = this.model().id;
    this.fake.log(this.model(), "activate", WHOLE_SHEET);
  }
  delete(): void {
    const sheet = this.model();
    this.fake.sheets.splice(this.fake.sheets.indexOf(sheet), 1);
    this.fake.log(sheet, "delete", WHOLE_SHEET);
  }
}

/** `worksheets.onAdded` and the like: handlers kept by the fake, called by `FakeExcel.emit`. */
class FakeEventHandlers {
  constructor(
    private readonly fake: FakeExcel,
    private readonly event: SheetEvent,
  ) {}
  add(handler: () => Promise<unknown>): { context: unknown; remove(): void } {
    const registered = { event: this.event, handler };
    this.fake.eventHandlers.push(registered);
    return {
      context: this.fake.context,
      remove: () => {
        const i = this.fake.eventHandlers.indexOf(registered);
        if (i >= 0) this.fake.eventHandlers.splice(i, 1);
      },
    };
  }
}

export type SheetEvent = "onAdded" | "onDeleted" | "onNameChanged";

class FakeWorksheetCollection {
  private loaded: LoadState | null = null;
  readonly onAdded: FakeEventHandlers;
  readonly onDeleted: FakeEventHandlers;
  readonly onNameChanged: FakeEventHandlers;
  constructor(private readonly fake: FakeExcel) {
    this.onAdded = new FakeEventHandlers(fake, "onAdded");
    this.onDeleted = new FakeEventHandlers(fake, "onDeleted");
    this.onNameChanged = new FakeEventHandlers(fake, "onNameChanged");
  }

  load(names: string): void {
    const itemProps = itemProperties(names);
    const items = this.fake.sheets.map((s) => new FakeWorksheet(this.fake, s).load(itemProps));
    this.loaded = new LoadState(this.fake, "WorksheetCollection", () => ({ items }));
    this.loaded.load("items");
  }
  get items(): FakeWorksheet[] {
    if (!this.loaded) throw new Error("worksheets.items lu avant worksheets.load().");
    return this.loaded.get("items");
  }
  getItem(name: string): FakeWorksheet {
    const sheet = this.fake.sheet(name);
    // Office.js fails at the next sync (ItemNotFound); failing at once is enough for these tests.
    if (!sheet) throw new Error(`ItemNotFound : ${name}`);
    return new FakeWorksheet(this.fake, sheet);
  }
  getItemOrNullObject(name: string): FakeWorksheet {
    return new FakeWorksheet(this.fake, this.fake.sheet(name) ?? null);
  }
  getActiveWorksheet(): FakeWorksheet {
    const sheet = this.fake.sheets.find((s) => s.id === this.fake.activeSheetId) ?? this.fake.sheets[0];
    return new FakeWorksheet(this.fake, sheet);
  }
  add(name: string): FakeWorksheet {
    this.fake.checkNewName(name, null);
    const sheet = this.fake.newSheet(name);
    this.fake.log(sheet, "add", WHOLE_SHEET, name);
    return new FakeWorksheet(this.fake, sheet);
  }
}

class FakeSetting {
  private readonly state: LoadState;
  private readonly nullState: NullState;
  constructor(fake: FakeExcel, key: string) {
    const present = fake.settings.has(key);
    this.nullState = new NullState(fake, !present);
    this.state = new LoadState(fake, `Setting ${key}`, () => ({
      value: present ? fake.settings.get(key) : "",
    }));
  }
  load(names: string): FakeSetting {
    this.state.load(names);
    return this;
  }
  get isNullObject(): boolean {
    return this.nullState.value;
  }
  get value(): unknown {
    return this.state.get("value");
  }
}

export class FakeExcel {
  readonly sheets: FakeSheet[] = [];
  readonly settings = new Map<string, unknown>();
  readonly operations: Operation[] = [];
  /** Every getRangeByIndexes call, in order (reads of chunks included). */
  readonly rangesRequested: { sheet: string; area: Area }[] = [];
  /** Full recalculations asked for. */
  readonly calculations: string[] = [];
  syncs = 0;
  /** Estimated bytes of each batch sent so far. */
  readonly batchBytes: number[] = [];
  activeSheetId: string | null = null;
  selection: { sheetId: string; area: Area } | null = null;
  /** Emulates a multiple selection (Ctrl + clic): getSelectedRange then fails at the sync. */
  multipleSelection = false;
  tableCounter = 0;
  /** Event handlers registered on `worksheets` (onAdded, onDeleted, onNameChanged), in order. */
  readonly eventHandlers: { event: SheetEvent; handler: () => Promise<unknown> }[] = [];

  private sheetCounter = 0;
  private pendingBytes = 0;
  private pendingError: Error | null = null;
  private readonly mocks: OfficeMockObject[] = [];

  /** The context handed to the adapter: an OfficeMockObject, with the collections as hand-made proxies. */
  readonly context: OfficeMockObject;

  constructor() {
    this.context = new OfficeMockObject({
      sync: () => this.sync(),
      workbook: {
        getSelectedRange: () => this.selectedRange(),
      },
    });
    const workbook = this.context.workbook as OfficeMockObject;
    workbook.worksheets = new FakeWorksheetCollection(this);
    workbook.settings = {
      getItemOrNullObject: (key: string) => new FakeSetting(this, key),
      add: (key: string, value: unknown) => {
        this.settings.set(key, value);
        this.operations.push({ batch: this.syncs, sheet: "", kind: "setting", address: key, value });
      },
    };
    workbook.application = new OfficeMockObject({
      calculate: (type: string) => {
        this.calculations.push(type);
        this.operations.push({ batch: this.syncs, sheet: "", kind: "calculate", address: "", value: type });
      },
    });
  }

  /** What the adapter is constructed with in place of Excel.run. */
  readonly run: ExcelRun = (batch) => {
    this.runs++;
    return batch(this.context as unknown as Excel.RequestContext);
  };
  /** Excel.run calls so far (design.md §8: one per user action). */
  runs = 0;

  /** `Excel.run(context, batch)`: this fake has one context, the one handlers were added with. */
  readonly runOn = <T>(
    context: unknown,
    batch: (context: Excel.RequestContext) => Promise<T>,
  ): Promise<T> => {
    if (context !== this.context)
      throw new Error("Excel.run sur un autre contexte que celui des gestionnaires.");
    return this.run(batch);
  };

  /** Excel raising a worksheet event: every handler registered for it is called. */
  async emit(event: SheetEvent): Promise<void> {
    await Promise.all(this.eventHandlers.filter((h) => h.event === event).map((h) => h.handler()));
  }

  // —— building the workbook ——

  newSheet(name: string): FakeSheet {
    const sheet: FakeSheet = {
      id: `{00000000-0001-0000-${String(++this.sheetCounter).padStart(4, "0")}-000000000000}`,
      name,
      cells: [],
      tables: [],
      frozenRows: 0,
      columnWidths: new Map(),
      validations: [],
      hiddenColumns: new Set(),
      hiddenRows: new Set(),
    };
    this.sheets.push(sheet);
    this.activeSheetId ??= sheet.id;
    return sheet;
  }

  /** A user sheet with `grid` placed at `topLeft` (e.g. "C5"). */
  addUserSheet(name: string, grid: Seed[][], topLeft = "A1"): FakeSheet {
    const sheet = this.newSheet(name);
    const { rowIndex, columnIndex } = parseAddress(topLeft);
    grid.forEach((row, r) =>
      row.forEach((seed, c) => {
        if (seed === null) return;
        const cell = this.cellAt(sheet, rowIndex + r, columnIndex + c);
        if (typeof seed === "object") Object.assign(cell, { value: seed.error, type: "Error" });
        else
          Object.assign(cell, {
            value: seed,
            type: typeof seed === "string" ? "String" : typeof seed === "number" ? "Double" : "Boolean",
          });
      }),
    );
    return sheet;
  }

  sheet(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  /** The cell at an address like "C5" (undefined when never touched). */
  cell(sheetName: string, at: string): FakeCell | undefined {
    const sheet = this.sheet(sheetName);
    if (!sheet) throw new Error(`Pas de feuille ${sheetName}`);
    const { rowIndex, columnIndex } = parseAddress(at);
    return sheet.cells[rowIndex]?.[columnIndex];
  }

  /** The sheet's values from A1 as the port reads them, trailing blanks cut, for comparisons. */
  grid(sheetName: string): CellValue[][] {
    const sheet = this.sheet(sheetName);
    if (!sheet) throw new Error(`Pas de feuille ${sheetName}`);
    const rows: CellValue[][] = [];
    for (let r = 0; r < sheet.cells.length; r++) {
      const row = (sheet.cells[r] ?? []).map((cell): CellValue => {
        if (!cell || cell.type === "Empty") return null;
        return cell.type === "Error" ? { error: String(cell.value) } : cell.value;
      });
      while (row.length > 0 && row[row.length - 1] === null) row.pop();
      rows.push(row);
    }
    while (rows.length > 0 && rows[rows.length - 1].length === 0) rows.pop();
    return rows;
  }

  // —— what the proxies call ——

  track(mock: OfficeMockObject): void {
    this.mocks.push(mock);
  }

  /** Loaded values travel back in the response: counted in the batch's size. */
  countLoaded(data: Record<string, unknown>, names: string[]): void {
    for (const name of ["values", "valueTypes", "numberFormat"]) {
      if (names.includes(name)) this.pendingBytes += JSON.stringify(data[name]).length;
    }
  }

  log(sheet: FakeSheet, kind: Operation["kind"], area: Area, value?: unknown): void {
    if (kind === "values" || kind === "numberFormat") this.pendingBytes += JSON.stringify(value).length;
    this.operations.push({ batch: this.syncs, sheet: sheet.name, kind, address: address(area), value });
  }

  checkShape(area: Area, matrix: unknown[][], what: string): void {
    const ok =
      Array.isArray(matrix) &&
      matrix.length === area.rowCount &&
      matrix.every((row) => Array.isArray(row) && row.length === area.columnCount);
    if (!ok)
      throw new Error(`InvalidArgument : ${what} ne correspond pas aux dimensions de ${address(area)}.`);
  }

  checkNewName(name: string, renamed: FakeSheet | null): void {
    if (name.length === 0 || name.length > 31 || /[:\\/?*[\]]/.test(name) || /^'|'$/.test(name)) {
      throw new Error(`InvalidArgument : nom de feuille refusé par Excel : ${name}`);
    }
    const other = this.sheet(name);
    if (other && other !== renamed) throw new Error(`ItemAlreadyExists : ${name}`);
  }

  cellAt(sheet: FakeSheet, r: number, c: number): FakeCell {
    const row = (sheet.cells[r] ??= []);
    return (row[c] ??= { value: "", type: "Empty", numberFormat: "General" });
  }

  eachCell(sheet: FakeSheet, area: Area, f: (cell: FakeCell, r: number, c: number) => void): void {
    for (let r = 0; r < area.rowCount; r++) {
      for (let c = 0; c < area.columnCount; c++)
        f(this.cellAt(sheet, area.rowIndex + r, area.columnIndex + c), r, c);
    }
  }

  /** Excel's reading of written values, as far as the adapter depends on it. */
  writeValues(sheet: FakeSheet, area: Area, values: unknown[][]): void {
    this.eachCell(sheet, area, (cell, r, c) => {
      const value = values[r][c];
      delete cell.formula;
      const asText = cell.numberFormat === "@";
      if (value === "" || value === null) {
        Object.assign(cell, { value: "", type: "Empty" });
      } else if (typeof value === "string" && !asText && /^[=+\-@]/.test(value)) {
        Object.assign(cell, { value: "#NAME?", type: "Error", formula: value });
      } else if (
        typeof value === "string" &&
        !asText &&
        value.trim() !== "" &&
        Number.isFinite(Number(value))
      ) {
        Object.assign(cell, { value: Number(value), type: "Double" });
      } else if (typeof value === "string") {
        Object.assign(cell, { value, type: "String" });
      } else if (typeof value === "number") {
        Object.assign(cell, { value, type: "Double" });
      } else if (typeof value === "boolean") {
        Object.assign(cell, { value, type: "Boolean" });
      } else {
        throw new Error(`InvalidArgument : valeur ${String(value)} refusée.`);
      }
    });
  }

  readArea(
    sheet: FakeSheet,
    area: Area,
  ): { values: unknown[][]; valueTypes: string[][]; numberFormat: string[][] } {
    const values: unknown[][] = [];
    const valueTypes: string[][] = [];
    const numberFormat: string[][] = [];
    for (let r = 0; r < area.rowCount; r++) {
      const row = sheet.cells[area.rowIndex + r];
      const v: unknown[] = [];
      const t: string[] = [];
      const f: string[] = [];
      for (let c = 0; c < area.columnCount; c++) {
        const cell = row?.[area.columnIndex + c];
        v.push(cell ? cell.value : "");
        t.push(cell ? cell.type : "Empty");
        f.push(cell ? cell.numberFormat : "General");
      }
      values.push(v);
      valueTypes.push(t);
      numberFormat.push(f);
    }
    return { values, valueTypes, numberFormat };
  }

  /** Office.js's Range.rowHidden over an area: true when all its rows are hidden, false when none, else null (SOME_HIDDEN). */
  rowHidden(sheet: FakeSheet, area: Area): boolean | typeof SOME_HIDDEN {
    let hidden = 0;
    for (const r of sheet.hiddenRows) if (r >= area.rowIndex && r < area.rowIndex + area.rowCount) hidden++;
    return hidden === 0 ? false : hidden === area.rowCount ? true : SOME_HIDDEN;
  }

  /** The bounding box of the cells holding a value, or null for an empty sheet. */
  usedArea(sheet: FakeSheet): Area | null {
    let top = Infinity;
    let bottom = -1;
    let left = Infinity;
    let right = -1;
    sheet.cells.forEach((row, r) =>
      row?.forEach((cell, c) => {
        if (!cell || cell.type === "Empty") return;
        top = Math.min(top, r);
        bottom = Math.max(bottom, r);
        left = Math.min(left, c);
        right = Math.max(right, c);
      }),
    );
    if (bottom < 0) return null;
    return { rowIndex: top, columnIndex: left, rowCount: bottom - top + 1, columnCount: right - left + 1 };
  }

  /** The user selects `at` on `sheetName`, which becomes the active sheet. */
  select(sheetName: string, at: string): void {
    const sheet = this.sheet(sheetName);
    if (!sheet) throw new Error(`Pas de feuille ${sheetName}`);
    this.activeSheetId = sheet.id;
    this.selection = { sheetId: sheet.id, area: parseAddress(at) };
  }

  private selectedRange(): FakeRange {
    if (this.multipleSelection) {
      this.pendingError = new Error("InvalidSelection : plusieurs plages sélectionnées.");
    }
    const sheet =
      this.sheets.find((s) => s.id === (this.selection?.sheetId ?? this.activeSheetId)) ?? this.sheets[0];
    const area = this.selection?.area ?? { rowIndex: 0, columnIndex: 0, rowCount: 1, columnCount: 1 };
    return new FakeRange(this, sheet, area);
  }

  async sync(): Promise<void> {
    this.syncs++;
    this.batchBytes.push(this.pendingBytes);
    const bytes = this.pendingBytes;
    this.pendingBytes = 0;
    if (this.pendingError) {
      const error = this.pendingError;
      this.pendingError = null;
      throw error;
    }
    if (bytes > PAYLOAD_LIMIT)
      throw new Error(`RequestPayloadSizeLimitExceeded : ${bytes} octets dans un seul lot.`);
    for (const mock of this.mocks) await mock.sync();
    // office-addin-mock finishes updating synced properties in later microtasks.
    await new Promise((resolve) => setImmediate(resolve));
  }
}
