/**
 * The layout of the sheet « Reporter les reliquats » writes (workflows/reliquats.ts): which columns it
 * has, in which order, with which format and width. Either the columns of its own (no establishments
 * sheet given), or the given establishments sheet's columns kept as they are, with the two reliquat
 * columns and the « Origine des reliquats » column added when missing. What goes in the cells is the
 * use case's business, not this module's.
 */
import { ENVELOPPES, normaliserLibelle, type Enveloppe } from "../rules";
import { nomDuChamp, type Champ, type ResultatEntete } from "../sheet";
import { isBlank, type Row, type SheetData } from "../grid";
import type { ColumnFormat, OutputColumn } from "../workbook/port";

/** The reliquat columns of an establishments sheet, and the bilan's reliquat antérieur fields. */
export const CHAMP_RELIQUAT = {
  preBac: "reliquatPreBac",
  postBac: "reliquatPostBac",
} as const satisfies Readonly<Record<Enveloppe, Champ>>;
export const COLONNE_OBSERVATIONS = "Origine des reliquats";

/** The columns of the sheet written without an establishments sheet. */
export const COLONNES_SEULES: readonly OutputColumn[] = [
  { header: nomDuChamp("uai"), format: "text", width: 11 },
  { header: nomDuChamp("nomEtablissement"), format: "text", width: 32 },
  { header: nomDuChamp("reliquatPreBac"), format: "euros", width: 14 },
  { header: nomDuChamp("reliquatPostBac"), format: "euros", width: 14 },
  { header: COLONNE_OBSERVATIONS, format: "text", width: 90 },
];

/** The format of a copied column: text, whole numbers or decimals, from what it holds. */
function formatCopie(values: readonly Row[], j: number): ColumnFormat {
  let nombres = false;
  let decimaux = false;
  for (const row of values) {
    const cell = row[j];
    if (typeof cell === "number") {
      nombres = true;
      if (!Number.isInteger(cell)) decimaux = true;
    }
  }
  return !nombres ? "text" : decimaux ? "decimal" : "integer";
}

/** A copy of an establishments sheet laid out to receive the reliquats. Indexes are of output columns. */
export interface DispositionEtablissements {
  /** Non-blank rows below the header, with their sheet row (1-based, from the used range's top). */
  readonly corps: readonly { readonly source: Row; readonly ligne: number }[];
  /** How many columns an output row has. */
  readonly largeur: number;
  readonly indexUai: number;
  /** -1 when the sheet has no establishment name column. */
  readonly indexNom: number;
  readonly indexReliquat: Readonly<Record<Enveloppe, number>>;
  readonly indexObservations: number;
  readonly columns: readonly OutputColumn[];
}

/**
 * Lays out a copy of the establishments sheet `base`, whose header `detection` found with its UAI
 * column at `indexUaiFeuille` (0-based in the sheet): every column and every non-blank row below the
 * header kept, the two reliquat columns (added at the right when missing) in euros, and a column
 * saying where each reliquat comes from — reused when the sheet already has it (a sheet this workflow
 * wrote).
 */
export function disposerEtablissements(
  base: SheetData,
  detection: ResultatEntete,
  indexUaiFeuille: number,
): DispositionEtablissements {
  const values = base.values;
  const ligneDe = (i: number) => base.rowOffset + i + 1;
  const entete = values[detection.indexLigne];
  let largeur = entete.length;
  for (let i = detection.indexLigne + 1; i < values.length; i++)
    largeur = Math.max(largeur, values[i].length);
  const headers: string[] = Array.from({ length: largeur }, (_, j) => {
    const cell = entete[j];
    return isBlank(cell) || typeof cell === "object" ? "" : String(cell).trim();
  });
  const corps: { source: Row; ligne: number }[] = [];
  for (let i = detection.indexLigne + 1; i < values.length; i++) {
    if (values[i].some((cell) => !isBlank(cell))) corps.push({ source: values[i], ligne: ligneDe(i) });
  }
  const formats: ColumnFormat[] = headers.map((_, j) =>
    formatCopie(
      corps.map((c) => c.source),
      j,
    ),
  );
  const relatif = (index: number) => index - base.columnOffset;
  const indexUai = relatif(indexUaiFeuille);
  formats[indexUai] = "text";
  const nom = detection.entete.colonnes.nomEtablissement;
  const indexNom = nom ? relatif(nom.index) : -1;
  const indexReliquat: Record<Enveloppe, number> = { preBac: -1, postBac: -1 };
  for (const e of ENVELOPPES) {
    const trouvee = detection.entete.colonnes[CHAMP_RELIQUAT[e]];
    if (trouvee) indexReliquat[e] = relatif(trouvee.index);
    else {
      indexReliquat[e] = headers.length;
      headers.push(nomDuChamp(CHAMP_RELIQUAT[e]));
      formats.push("euros");
    }
    formats[indexReliquat[e]] = "euros";
  }
  let indexObservations = headers.findIndex(
    (h) => normaliserLibelle(h) === normaliserLibelle(COLONNE_OBSERVATIONS),
  );
  if (indexObservations < 0) {
    indexObservations = headers.length;
    headers.push(COLONNE_OBSERVATIONS);
    formats.push("text");
  }
  formats[indexObservations] = "text";

  const columns: OutputColumn[] = headers.map((header, j) => ({
    header: header || `Colonne ${j + 1}`,
    format: formats[j],
    width: j === indexObservations ? 90 : j === indexNom ? 32 : 14,
  }));
  return { corps, largeur: headers.length, indexUai, indexNom, indexReliquat, indexObservations, columns };
}
