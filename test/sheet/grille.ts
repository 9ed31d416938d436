/** Helpers of the sheet tests: a grid as a used range, read as an effectif sheet of 2024-2025. */
import {
  LecteurEffectifs,
  LecteurEtablissements,
  SessionLecture,
  type Constat,
  type CorrectionColonnes,
  type LigneComptee,
} from "../../src/sheet";
import type { Delimiter } from "../../src/grid";
import { texteDelimite } from "../../src/sheet/decoupage";
import type { CellValue, SheetData } from "../../src/workbook/port";

export const ENTETE: CellValue[] = ["UAI", "Nom de l'établissement", "Code diplôme", "Libellé", "Effectif"];

export function feuille(
  values: CellValue[][],
  options: { name?: string; rowOffset?: number; columnOffset?: number; delimiter?: Delimiter } = {},
): SheetData {
  return {
    name: options.name ?? "Paris",
    values,
    rowOffset: options.rowOffset ?? 0,
    columnOffset: options.columnOffset ?? 0,
    ...(options.delimiter ? { delimited: texteDelimite(options.delimiter) } : {}),
  };
}

export interface Lecture {
  readonly session: SessionLecture;
  readonly lecteur: LecteurEffectifs;
  readonly constats: readonly Constat[];
  readonly comptees: LigneComptee[];
  /** The constats of one code. */
  de(code: string): Constat[];
}

export function lire(
  values: CellValue[][],
  options: {
    correction?: CorrectionColonnes;
    rowOffset?: number;
    columnOffset?: number;
    annee?: number;
    etablissements?: CellValue[][];
    /** Both sheets read from a .csv with this separator (SheetData.delimited). */
    delimiter?: Delimiter;
  } = {},
): Lecture {
  const session = new SessionLecture(options.annee ?? 2024);
  if (options.etablissements) {
    const etab = new LecteurEtablissements(
      feuille(options.etablissements, { name: "Établissements", delimiter: options.delimiter }),
      session,
    );
    while (!etab.fini) etab.lireTranche(1000);
  }
  const comptees: LigneComptee[] = [];
  const lecteur = new LecteurEffectifs(feuille(values, options), session, {
    correction: options.correction,
    onLigneComptee: (ligne) => comptees.push(ligne),
  });
  while (!lecteur.fini) lecteur.lireTranche(3);
  return {
    session,
    lecteur,
    constats: session.constats,
    comptees,
    de: (code) => session.constats.filter((c) => c.code === code),
  };
}
