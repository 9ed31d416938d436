/**
 * The use cases over the Workbook port, shared by the task pane (src/excel), the CLI (src/xlsx, src/cli)
 * and the tests (MemoryWorkbook).
 */
export * from "./types";
export { controlerFeuille } from "./controle";
export { calculerDotations, totaliser } from "./dotations";
export {
  ecrireControle,
  ecrireDotations,
  feuilleConstats,
  feuilleControle,
  feuilleDotations,
  montant,
  nomFeuilleConstats,
  nomFeuilleDotations,
  NOM_FEUILLE_CONTROLE,
  trierConstats,
} from "./outputs";
export { LIGNES_PAR_TRANCHE, lireParTranches } from "./progression";
