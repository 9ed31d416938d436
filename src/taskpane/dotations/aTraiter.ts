/**
 * « À traiter »: the establishments of a dotation run that need someone's action before the dotation
 * is notified — no answer to the surveys, an envelope floored at 0 by its reliquat, an envelope not
 * computed (a value unreadable), post-bac students without a taux de boursiers, anything the reading
 * flagged on the establishment (an alerte on its UAI, absent from the establishments sheet…) — with
 * the row of each in the « Dotations ARE <année> » sheet. Pure, tested in test/taskpane/volet-dotations.test.ts.
 */
import { NOMS_ENVELOPPES, type DotationEtablissement, type Enveloppe } from "../../rules";
import { outputLayout } from "../../workbook/port";
import { feuilleDotations } from "../../workflows";
import type { ResultatDotations } from "../../workflows/types";

export interface ATraiter {
  readonly dotation: DotationEtablissement;
  /** Short French reasons, most serious first (the explanation gives the full motifs). */
  readonly raisons: readonly string[];
  /** An envelope that would have paid something is at 0 € (no answer, reliquat above it, not computed). */
  readonly enveloppeAZero: boolean;
  /** 1-based row of the establishment in the « Dotations ARE » sheet as written. */
  readonly ligne: number;
}

/** Was this envelope worth something before the reliquat or the lack of an answer took it to 0? */
function ramenee(d: DotationEtablissement, e: Enveloppe): boolean {
  return d.nette[e].valeur.isZero() && d.enveloppes[e].valeur.greaterThan(0);
}

/** Why an establishment needs an action, in a few words; empty when it does not. */
export function raisonsATraiter(d: DotationEtablissement): string[] {
  const raisons: string[] = [];
  const sansTaux = d.boursiersRetenus === null;
  if (sansTaux) raisons.push("élèves post-bac sans taux de boursiers : post-bac non calculé");
  // The erreurs besides the missing taux are envelopes left uncomputed (an unreadable value).
  if (d.erreurs.length > (sansTaux ? 1 : 0)) raisons.push("enveloppe non calculée : valeur illisible");
  if (!d.aRepondu) raisons.push("pas de réponse à l'enquête : aucune dotation");
  else {
    for (const e of ["preBac", "postBac"] as const) {
      // A post-bac line not computed (no taux) already has its reason: its 0 says nothing of the reliquat.
      if (d.reliquats[e].greaterThan(d.enveloppes[e].valeur) && !(e === "postBac" && sansTaux)) {
        raisons.push(`reliquat ${NOMS_ENVELOPPES[e]} supérieur à la dotation : enveloppe ramenée à 0`);
      }
    }
  }
  // Anything else the reading or the rules said about it (absent from the establishments sheet,
  // answer left blank, UAI to check…): one line, the explanation has the words.
  const autres = d.motifs.filter(
    (m) => !m.startsWith("N'a pas répondu") && !/reliquat .* supérieur à la dotation/.test(m),
  );
  if (autres.length > 0)
    raisons.push(autres.length === 1 ? "motif à vérifier" : `${autres.length} motifs à vérifier`);
  return raisons;
}

/**
 * The establishments to deal with, in the result's order (by UAI), with their row in the sheet that
 * `ecrireDotations` writes (its heading named after `feuilleConstats`, as written).
 */
export function etablissementsATraiter(resultat: ResultatDotations, feuilleConstats: string): ATraiter[] {
  const premiere = outputLayout(feuilleDotations(resultat, feuilleConstats)).firstDataRow + 1;
  const liste: ATraiter[] = [];
  resultat.etablissements.forEach((dotation, index) => {
    const raisons = raisonsATraiter(dotation);
    if (raisons.length === 0) return;
    liste.push({
      dotation,
      raisons,
      enveloppeAZero: ramenee(dotation, "preBac") || ramenee(dotation, "postBac"),
      ligne: premiere + index,
    });
  });
  return liste;
}

/**
 * How well the establishments sheet covers the establishments of the effectif sheets: those absent
 * from it are paid as if they had answered, without reliquat nor taux (their post-bac line is then not
 * computed). Null when it covers them all or no establishments sheet was read.
 */
export function couvertureEtablissements(
  resultat: ResultatDotations,
): { readonly absents: number; readonly total: number } | null {
  const absents = resultat.constats.filter((c) => c.code === "etablissement-absent").length;
  if (absents === 0) return null;
  const total = resultat.etablissements.filter(
    (d) => d.effectifs.preBac + d.effectifs.postBac + d.effectifs.prepaMetiers > 0,
  ).length;
  return { absents, total };
}
