/**
 * The use cases over the Workbook port, shared by the task pane (src/excel), the CLI (src/xlsx, src/cli)
 * and the tests (MemoryWorkbook).
 */
export * from "./types";
export { attentionPostBacSansTaux, constatsPostBacSansTaux, controlerFeuille } from "./controle";
export { verifierFeuilleListe, type OptionsListe, type ResultatListe } from "./liste";
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
} from "./outputs";
export { trierConstats } from "./sortiesCommunes";
export { LIGNES_PAR_TRANCHE, lireParTranches } from "./progression";
export {
  BASE_DEMANDE,
  DESTINATAIRE_REGION,
  ecrireDemande,
  feuilleConstatsDemande,
  feuilleDemande,
  nomFeuilleConstatsDemande,
  nomFeuilleDemande,
  preparerDemandeComplementaire,
  type LigneDemandee,
  type OptionsDemande,
  type ResultatDemande,
} from "./complementaire";
export {
  NOTE_ACHATS_EN_ERREUR,
  controlerBilan,
  ecrireControleBilan,
  feuilleControleBilan,
  nomFeuilleControleBilan,
  resumeEnveloppe,
  type EnveloppeControlee,
  type OptionsControleBilan,
  type ResultatControleBilan,
} from "./bilan";
export {
  COLONNES_BILAN,
  ecrireModeleBilan,
  feuilleModeleBilan,
  nomFeuilleBilan,
  preparerModeleBilan,
  type FormationBilan,
  type OptionsModeleBilan,
  type ResultatModeleBilan,
} from "./modeleBilan";
export { COLONNE_OBSERVATIONS } from "./dispositionReliquats";
export {
  ecrireReliquats,
  feuilleReliquats,
  nomFeuilleReliquats,
  reporterReliquats,
  type OptionsReliquats,
  type ReliquatReporte,
  type ResultatReliquats,
} from "./reliquats";
export {
  dotationsAutreAnnee,
  verificateurDotations,
  verifierDotationRecue,
  type BilanAVerifier,
} from "./dotationRecue";
