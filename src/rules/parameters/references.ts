/**
 * The legal texts and sources every parameter value cites. `court` is how traces name them.
 */
export interface LegalReference {
  readonly titre: string;
  readonly court: string;
  readonly url?: string;
}

export const ARRETE_2023_087: LegalReference = {
  titre:
    "Arrêté n° 2023-087 du 17 mars 2023 portant fixation des forfaits de l'ARE et de l'aide régionale aux frais de concours des élèves de CPGE au titre de l'année scolaire 2023-2024, annexe I",
  court: "arrêté n° 2023-087",
};

export const PAGE_DOTATION_BUDGETAIRE: LegalReference = {
  titre: "Région Île-de-France, site des lycées, page « Dotation budgétaire » (forfaits publiés)",
  court: "Région Île-de-France, page « Dotation budgétaire »",
  url: "https://lycees.iledefrance.fr/",
};

export const DELIBERATION_CP_2021_372: LegalReference = {
  titre:
    "Délibération n° CP 2021-372 du 22 septembre 2021, annexes 2 et 3 : indexation annuelle des forfaits sur l'IPC de décembre n-1",
  court: "indexation IPC, délibération n° CP 2021-372",
};

export const INSEE_SERIE_001763862: LegalReference = {
  titre:
    "INSEE, indice des prix à la consommation, base 2015, ensemble des ménages, France, ensemble hors loyers et hors tabac, identifiant 001763862",
  court: "INSEE, série 001763862",
  url: "https://www.insee.fr/fr/statistiques/serie/001763862",
};

/** How a value entered without a source is cited: never as if it came from INSEE or an arrêté. */
export const NON_PRECISEE = "saisie utilisateur (source non précisée)";

/** A value the user entered in Paramètres, citing what they typed as its source. */
export function userReference(source: string | undefined): LegalReference {
  if (!source || source.trim() === "") {
    return { titre: "Valeur saisie par l'utilisateur, source non précisée", court: NON_PRECISEE };
  }
  return { titre: source.trim(), court: `saisie utilisateur : ${source.trim()}` };
}
