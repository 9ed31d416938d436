/**
 * The embedded parameters: one data file per parameter in `donnees/` (R6, R7, R12,
 * regles.md#forfaits.montants), imported as JSON so that the functions' and the task pane's bundles
 * (webpack), the command line (tsc) and jest all carry them without reading a file at run time
 * (docs/architecture.md, « Paramètres »).
 *
 * Next year's published forfaits: add a record to each `donnees/forfait.*.json` (and the document to
 * `donnees/sources.json` when it is a new one) — no code changes (README, « L'année prochaine »).
 * A new parameter is a new file, listed here.
 */
import concoursMaximum from "./donnees/cpge.concours_maximum.json";
import plafondQuotientFamilial from "./donnees/cpge.plafond_quotient_familial.json";
import forfaitCpge from "./donnees/forfait.cpge.json";
import forfaitPostBac from "./donnees/forfait.post_bac.json";
import forfaitPreBac from "./donnees/forfait.pre_bac.json";
import forfaitPrepaMetiers from "./donnees/forfait.prepa_metiers.json";
import ipc from "./donnees/ipc.json";
import sources from "./donnees/sources.json";
import type { ReferenceJuridique } from "./references";
import {
  ipcDuFichier,
  parametreDuFichier,
  type FichierIpc,
  type FichierParametre,
  type Parametre,
  type Source,
} from "./schema";

/** The documents values cite, by id (`donnees/sources.json`). */
export const SOURCES_PARAMETRES: Readonly<Record<string, Source>> = sources;

const FICHIERS = {
  "forfait.pre_bac": forfaitPreBac,
  "forfait.post_bac": forfaitPostBac,
  "forfait.prepa_metiers": forfaitPrepaMetiers,
  "forfait.cpge": forfaitCpge,
  "cpge.plafond_quotient_familial": plafondQuotientFamilial,
  "cpge.concours_maximum": concoursMaximum,
} as const satisfies Record<string, FichierParametre>;

/** The id of a parameter the code reads: « forfait.pre_bac », « cpge.plafond_quotient_familial »… */
export type IdParametre = keyof typeof FICHIERS;

/** Every embedded parameter, by id. */
export const PARAMETRES_EMBARQUES: Readonly<Record<IdParametre, Parametre>> = Object.fromEntries(
  (Object.keys(FICHIERS) as IdParametre[]).map((id) => [id, parametreDuFichier(FICHIERS[id], sources)]),
) as Record<IdParametre, Parametre>;

export const IDS_PARAMETRES = Object.keys(FICHIERS) as readonly IdParametre[];

/**
 * The embedded IPC values (R7), base 2015, oldest first. December 2021 and 2022 are quoted by the
 * arrêté n° 2023-087.
 */
export const IPC_EMBARQUE = ipcDuFichier(ipc satisfies FichierIpc, sources);

/** The text an indexed value cites: the délibération that sets the indexation (R7). */
export const REFERENCE_INDEXATION: ReferenceJuridique = (() => {
  const { titre, court } = sources["deliberation-cp-2021-372"];
  return { titre, court };
})();
