/**
 * How a value cites the text it comes from. The documents themselves are data
 * (`donnees/sources.json`); a value adds the article or page it is read from.
 */
export interface ReferenceJuridique {
  readonly titre: string;
  /** How traces name it: « arrêté n° 2023-087 ». */
  readonly court: string;
  readonly url?: string;
  /** The article or page of the document: « annexe I, point 2 ». */
  readonly article?: string;
}

/** How a value entered without a source is cited: never as if it came from INSEE or an arrêté. */
export const NON_PRECISEE = "saisie utilisateur (source non précisée)";

/** A value the user entered in Paramètres, citing what they typed as its source. */
export function referenceSaisie(source: string | undefined): ReferenceJuridique {
  if (!source || source.trim() === "") {
    return { titre: "Valeur saisie par l'utilisateur, source non précisée", court: NON_PRECISEE };
  }
  return { titre: source.trim(), court: `saisie utilisateur : ${source.trim()}` };
}
