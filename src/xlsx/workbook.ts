/**
 * The Workbook port over files, for the command line: the sheets of one or several input files
 * (one per rectorat, plus the establishments file) read as one workbook, and the output sheets kept
 * until `save` writes them to a new .xlsx. Input files are never written: every output sheet belongs
 * to the file being created, so all of them are owned, and an input sheet with the name of an output
 * only pushes the output to another name (ownedSheetName).
 */
import type { OutputSheet, Progress, SheetData, SheetInfo, Workbook } from "../workbook/port";
import { ownedSheetName } from "../workbook/port";
import { texteDelimite } from "../sheet/decoupage";
import { SpreadsheetFileError } from "./errors";
import type { FileSheet, SpreadsheetFile } from "./read";
import { writeOutputWorkbook, type NamedOutput } from "./write";

function isEmpty(sheet: FileSheet): boolean {
  return sheet.values.length === 0;
}

/**
 * The sheet of a file to use: the one named (case-insensitively), or else the first visible sheet
 * that is not empty. An empty or missing sheet is a SpreadsheetFileError naming the sheets there are.
 */
export function chooseSheet(file: SpreadsheetFile, feuille?: string | null): FileSheet {
  const names = file.sheets.map((f) => `« ${f.name} »`).join(", ");
  if (feuille) {
    const wanted = feuille.trim().toLowerCase();
    const found = file.sheets.find((f) => f.name.toLowerCase() === wanted);
    if (!found) {
      throw new SpreadsheetFileError(
        "feuille-introuvable",
        `« ${file.fichier} » n'a pas de feuille « ${feuille} » : feuilles présentes ${names}.`,
      );
    }
    if (isEmpty(found)) {
      throw new SpreadsheetFileError(
        "feuille-vide",
        `La feuille « ${found.name} » de « ${file.fichier} » est vide : collez-y l'extraction ou choisissez une autre feuille avec --feuille.`,
      );
    }
    return found;
  }
  const chosen = file.sheets.find((f) => !f.hidden && !isEmpty(f)) ?? file.sheets.find((f) => !isEmpty(f));
  if (!chosen) {
    throw new SpreadsheetFileError(
      "feuille-vide",
      file.format === "csv"
        ? `« ${file.fichier} » ne contient aucune donnée (que des lignes vides) : refaites l'export.`
        : `Toutes les feuilles de « ${file.fichier} » sont vides (${names}) : collez-y l'extraction.`,
    );
  }
  return chosen;
}

interface InputSheet {
  readonly name: string;
  readonly sheet: FileSheet;
}

/**
 * How a file's sheet is named to the user (« effectifs.xlsx › Versailles », or the file name alone
 * when it has one sheet): the name of an input sheet, and the place of a finding about a sheet that
 * is not read.
 */
export function inputSheetName(file: SpreadsheetFile, sheet: FileSheet): string {
  return file.sheets.length > 1 ? `${file.fichier} › ${sheet.name}` : file.fichier;
}

export class FileWorkbook implements Workbook {
  private readonly inputs: InputSheet[] = [];
  private readonly outputs: NamedOutput[] = [];
  private readonly settings = new Map<string, string>();

  /**
   * Adds a file's sheet under a name that tells the user where a finding is: the file name, with the
   * sheet's name when the file has several (« effectifs.xlsx › Versailles »), made unique.
   * Returns the name to pass to the workflows.
   */
  addInput(file: SpreadsheetFile, sheet: FileSheet): string {
    const base = inputSheetName(file, sheet);
    let name = base;
    for (let n = 2; this.find(name); n++) name = `${base} (${n})`;
    this.inputs.push({ name, sheet });
    return name;
  }

  /** The file's sheet read under `name` (addInput), e.g. to look at its header before the run. */
  inputSheet(name: string): FileSheet | undefined {
    return this.find(name)?.sheet;
  }

  private find(name: string): InputSheet | undefined {
    const wanted = name.toLowerCase();
    return this.inputs.find((f) => f.name.toLowerCase() === wanted);
  }

  async listSheets(): Promise<SheetInfo[]> {
    return [
      ...this.inputs.map(({ name }) => ({ name, owned: false })),
      ...this.outputs.map(({ name }) => ({ name, owned: true })),
    ];
  }

  async readSheet(name: string, progress?: Progress): Promise<SheetData> {
    const input = this.find(name);
    if (!input) {
      const output = this.outputs.find((o) => o.name.toLowerCase() === name.toLowerCase());
      if (output) throw new Error(`La feuille « ${name} » est une feuille de résultats, pas une entrée.`);
      throw new Error(`Feuille « ${name} » introuvable.`);
    }
    // The file was read when opened: the workflow reports its own progress over the rows.
    void progress;
    const { values, rowOffset, columnOffset, hiddenRows, dateCells, delimiter } = input.sheet;
    return {
      name: input.name,
      values,
      rowOffset,
      columnOffset,
      ...(hiddenRows?.length ? { hiddenRows } : {}),
      ...(dateCells?.length ? { dateCells } : {}),
      // The checks of lines cut into too many fields, which only a delimited file needs.
      ...(delimiter ? { delimited: texteDelimite(delimiter) } : {}),
    };
  }

  async writeSheet(sheet: OutputSheet): Promise<string> {
    const name = ownedSheetName(sheet.name, await this.listSheets());
    const index = this.outputs.findIndex((o) => o.name.toLowerCase() === name.toLowerCase());
    if (index >= 0) this.outputs[index] = { name, sheet };
    else this.outputs.push({ name, sheet });
    return name;
  }

  /** The output sheets written so far, in order. */
  writtenSheets(): readonly NamedOutput[] {
    return this.outputs;
  }

  async readSetting(key: string): Promise<string | null> {
    return this.settings.get(key) ?? null;
  }

  async writeSetting(key: string, value: string): Promise<void> {
    this.settings.set(key, value);
  }

  /** Writes the output sheets to a new .xlsx file (atomically; inputs are never written). */
  async save(target: string, now?: Date): Promise<void> {
    await writeOutputWorkbook(target, this.outputs, now);
  }
}
