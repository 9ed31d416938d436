/**
 * What steps 2 and 3 of the Bilan screen do in their one Excel.run: check each bilan's « Dotation
 * reçue » against what was paid — the workbook's `Dotations ARE <année du bilan>` sheet, found as the
 * template's step suggests it (feuilleDotationsPour: the add-in's sheet of that year first) — as
 * `are bilan controle --dotations` and `are reliquats --dotations` do (verificateurDotations).
 * Décision (regles.md#bilan.dotation-recue-versee): same alertes, the sheet read once in the step's
 * batch (2 syncs, plus one per 5 000-row chunk); without such a sheet, the step says once that the
 * dotation reçue is not checked, and how. Step 3 also refuses, as `are reliquats` does, to carry
 * bilans of another year than the one chosen, or to compare them with a dotations sheet of another
 * year: nothing is written.
 */
import { libelleAnnee, type AnneeScolaire } from "../../rules";
import type { Constat } from "../../sheet";
import {
  controlerBilan,
  dotationsAutreAnnee,
  ecrireReliquats,
  reporterReliquats,
  verificateurDotations,
  type OptionsControleBilan,
  type OptionsReliquats,
  type ResultatControleBilan,
  type ResultatReliquats,
} from "../../workflows";
import { verifierAnnulation } from "../../workflows/progression";
import { feuilleDotationsPour } from "../../workflows/suggestions";
import type { Progress, Workbook } from "../../workbook/port";
import type { Feuilles } from "../components/feuilles";

/** Said once when no dotations sheet of the year was found, with the way to check it. */
export const DOTATION_NON_VERIFIEE =
  "« Dotation reçue » non vérifiée : pour la comparer à ce qui a été versé, calculez dans ce classeur les dotations de l'année du bilan (écran Dotations), ou collez-y la feuille « Dotations ARE <année> » écrite, puis relancez.";

/** The sheet the « Dotation reçue » was compared with, or null (not checked). */
export interface AvecDotations {
  readonly dotations: string | null;
}

/** The check of each bilan against the dotations sheet of `annee`, or undefined when there is none. */
async function verification(
  classeur: Workbook,
  feuilles: Feuilles | null,
  annee: AnneeScolaire,
  constats: Constat[],
  progress?: Progress,
) {
  const nom = feuilles && feuilleDotationsPour(feuilles.suggestion, feuilles.sheets, annee);
  return nom
    ? { nom, verifier: verificateurDotations(await classeur.readSheet(nom, progress), constats) }
    : null;
}

/** Step 2: the bilan `feuille` checked, then its « Dotation reçue » against the sheet of its year. */
export async function controlerAvecDotations(
  classeur: Workbook,
  feuille: string,
  options: OptionsControleBilan,
  feuilles: Feuilles | null,
): Promise<ResultatControleBilan & AvecDotations> {
  const bilan = await controlerBilan(classeur, feuille, options);
  const constats: Constat[] = [];
  // An unreadable year: no reliquat is computed, nor any year to look the sheet up by.
  const v = bilan.anneeLisible
    ? await verification(classeur, feuilles, bilan.anneeIndiquee ?? bilan.annee, constats, options.progress)
    : null;
  if (v) constats.push(...v.verifier(bilan));
  // First, as the CLI adds them (withUnread).
  return { ...bilan, constats: [...constats, ...bilan.constats], dotations: v?.nom ?? null };
}

/**
 * Step 3: the reliquats of the bilans of `options.annee`, each « Dotation reçue » checked against the
 * dotations sheet of that year, then written; the name of the sheet written in `feuille`.
 */
export async function reporterAvecDotations(
  classeur: Workbook,
  options: OptionsReliquats,
  feuilles: Feuilles | null,
): Promise<{ resultat: ResultatReliquats & AvecDotations; feuille: string }> {
  const annee = options.annee;
  const constats: Constat[] = [];
  const v = await verification(classeur, feuilles, annee, constats, options.progress);
  const r = await reporterReliquats(classeur, { ...options, verifierBilan: v?.verifier });
  const resultat = { ...r, constats: [...constats, ...r.constats], dotations: v?.nom ?? null };
  // Décision (regles.md#reliquats.annee-option): the year written in the bilans decides which
  // reliquats are carried; another year shown in the pane would be ignored in silence.
  if (r.anneeBilans !== annee) {
    const premier = r.bilans.find((b) => b.anneeLisible);
    throw new Error(
      `L'année choisie demande les bilans ${libelleAnnee(annee)}, mais le bilan « ${premier?.feuille ?? ""} » est de ${libelleAnnee(r.anneeBilans)} : aucun reliquat n'est reporté, aucune feuille écrite. Choisissez ${libelleAnnee(r.anneeBilans)}, ou cochez les bilans ${libelleAnnee(annee)}.`,
    );
  }
  // A dotations sheet of another year than the bilans' is the wrong sheet, as `are reliquats` says.
  const autre = dotationsAutreAnnee(constats);
  if (autre.length > 0)
    throw new Error(
      `${autre[0].message} Aucune feuille écrite : corrigez la feuille des dotations, puis relancez.`,
    );
  verifierAnnulation(options.progress);
  return { resultat, feuille: await ecrireReliquats(classeur, resultat) };
}
