/**
 * What a written workbook shows once read back by ExcelJS, sheet by sheet and cell by cell: values
 * and their types, number formats, fonts, borders, alignment, frozen panes, column widths and hidden
 * columns, list validations, tables, the tab the workbook opens on and its properties. Two writers
 * that give equal summaries write the same workbook as far as a user can see.
 */
import ExcelJS from "exceljs";

/** ExcelJS's default width: a column without `<col>`, or one ExcelJS did not write because it had it. */
const LARGEUR_PAR_DEFAUT = 9;

export interface ResumeCellule {
  readonly adresse: string;
  readonly valeur: unknown;
  readonly type: ExcelJS.ValueType;
  readonly format: string | undefined;
  readonly gras: boolean;
  readonly italique: boolean;
  readonly taille: number;
  readonly bordureHaut: string | undefined;
  readonly bordureBas: string | undefined;
  readonly alignement: string | undefined;
}

export interface ResumeFeuille {
  readonly nom: string;
  readonly cellules: ResumeCellule[];
  readonly volets: { ySplit?: number; topLeftCell?: string } | null;
  readonly colonnes: { largeur: number; cachee: boolean }[];
  readonly validations: Record<string, unknown>;
  readonly tableaux: unknown[];
}

export interface ResumeClasseur {
  readonly ongletActif: number | undefined;
  readonly auteur: string | undefined;
  readonly cree: string | undefined;
  readonly modifie: string | undefined;
  readonly feuilles: ResumeFeuille[];
}

function resumeFeuille(ws: ExcelJS.Worksheet): ResumeFeuille {
  const lignes = ws.rowCount;
  const colonnes = ws.columnCount;
  const cellules: ResumeCellule[] = [];
  for (let r = 1; r <= lignes; r++) {
    for (let c = 1; c <= colonnes; c++) {
      const cell = ws.getCell(r, c);
      cellules.push({
        adresse: cell.address,
        valeur: cell.value,
        type: cell.type,
        format: cell.numFmt,
        gras: Boolean(cell.font?.bold),
        italique: Boolean(cell.font?.italic),
        // Calibri 11 is the default: ExcelJS's fonts left the size out.
        taille: cell.font?.size ?? 11,
        bordureHaut: cell.border?.top?.style,
        bordureBas: cell.border?.bottom?.style,
        alignement: cell.alignment?.horizontal,
      });
    }
  }
  const gele = (ws.views ?? []).find((v) => v.state === "frozen") as
    { ySplit?: number; topLeftCell?: string } | undefined;
  return {
    nom: ws.name,
    cellules,
    volets: gele ? { ySplit: gele.ySplit, topLeftCell: gele.topLeftCell } : null,
    colonnes: Array.from({ length: colonnes }, (_, j) => {
      const colonne = ws.getColumn(j + 1);
      return { largeur: colonne.width ?? LARGEUR_PAR_DEFAUT, cachee: Boolean(colonne.hidden) };
    }),
    validations: (ws as unknown as { dataValidations: { model: Record<string, unknown> } }).dataValidations
      .model,
    tableaux: ws.getTables().map((t) => {
      const table = (t as unknown as { table: Record<string, unknown> }).table;
      return {
        nom: table.name,
        nomAffiche: table.displayName,
        plage: table.tableRef,
        filtre: table.autoFilterRef,
        enTete: table.headerRow,
        style: table.style,
        colonnes: (table.columns as { name: string }[]).map((c) => c.name),
      };
    }),
  };
}

export async function resumeClasseur(bytes: Buffer): Promise<ResumeClasseur> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return {
    ongletActif: workbook.views?.[0]?.activeTab,
    auteur: workbook.creator,
    cree: workbook.created?.toISOString(),
    modifie: workbook.modified?.toISOString(),
    feuilles: workbook.worksheets.map(resumeFeuille),
  };
}
