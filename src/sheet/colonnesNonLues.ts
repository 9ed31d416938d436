/**
 * Columns whose title speaks of what changes an amount but is not recognised: their values are not
 * read. One function per kind of sheet, shared by the command line (which finds them on opening a file)
 * and the task pane (its Contrôle, and its Dotations through calculerDotations' `designer`), so that
 * both warn alike.
 */
import { citation, normaliserLibelle } from "../rules";
import { anneeSeule, champDeLEntete } from "./columns";
import { constat, type Constat } from "./constats";
import type { EnteteDetectee } from "./types";

/**
 * A title that speaks of a reliquat (or a « solde »), of boursiers or of the survey; « Origine des
 * reliquats », written by `are reliquats` beside the reliquats, does not. A reliquat that names no
 * envelope (« Reliquat », « Reliquat N-1 ») counts: pré-bac and post-bac are not fungible, so it cannot be
 * deducted as it is, and it was ignored without a word.
 */
const TITRE_ETABLISSEMENT = /(?<!ORIGINE.*)RELIQUAT|SOLDE|BOURSIER|ENQUETE|REPON[DS]/;
/** In an effectif sheet, a title that speaks of the pupils' status (apprentices, continuing education). */
const TITRE_STATUT = /APPRENTI|ALTERNAN|CONTRAT|SCOLAIRE|CONTINUE|STATUT/;
/** …or, when no column gives the year of formation, of a year or a level (not the school year). */
const TITRE_ANNEE = /NIVEAU|ANNEE(?!SCOLAIRE)/;

/**
 * Décision (regles.md#lecture.colonne-non-lue): a column whose title speaks of what changes an amount
 * but is not recognised is not read, and an alerte names it with how to have it read. A second column
 * of a known field is not one of them (colonne-en-double, or a status column read too).
 * `designer` ends « désignez-la … » in the words of the adapter: « avec --colonne » on the command
 * line, the mapping of Contrôle in the task pane.
 */
function colonnesNonLues(
  entete: EnteteDetectee,
  feuille: string,
  parle: (titre: string) => boolean,
  quoiFaire: string,
): Constat[] {
  return entete.ignorees
    .filter((c) => champDeLEntete(c.entete) === null && parle(normaliserLibelle(c.entete)))
    .map((c) =>
      constat(
        "colonne-non-lue",
        feuille,
        entete.ligne,
        c.lettre,
        `La colonne « ${citation(c.entete)} » n'est pas lue : son titre n'est pas reconnu. ${quoiFaire}`,
      ),
    );
}

/**
 * In the establishments sheet, a reliquat, boursiers or the survey (« Reliquat pré-bac N-1 »,
 * « Réponse enquête ARE 2024 »): its reliquats would not be deducted, its « non » not heeded.
 */
export function colonnesEtablissementsNonLues(
  entete: EnteteDetectee,
  feuille: string,
  designer: string,
): Constat[] {
  return colonnesNonLues(
    entete,
    feuille,
    (titre) => TITRE_ETABLISSEMENT.test(titre),
    `Si elle donne un reliquat, le taux de boursiers ou la réponse à l'enquête, renommez-la (« Reliquat pré-bac », « Reliquat post-bac », « Taux de boursiers », « Réponse à l'enquête ») ou désignez-la ${designer}, puis relancez : sinon ses valeurs ne comptent pas (reliquat non déduit, réponse « non » ignorée).`,
  );
}

/**
 * In an effectif sheet, the pupils' status (« Type de contrat élève ») or, without a year-of-formation
 * column (or beside a plain « Année », maybe the school year: anneeSeule), a year or a level
 * (« Niveau », « Année de la classe »): its apprentices or second-year pupils would be paid.
 */
export function colonnesEffectifsNonLues(
  entete: EnteteDetectee,
  feuille: string,
  designer: string,
): Constat[] {
  const annee = entete.colonnes.anneeFormation;
  const sansAnnee = !annee || anneeSeule(annee.entete);
  return colonnesNonLues(
    entete,
    feuille,
    (titre) => TITRE_STATUT.test(titre) || (sansAnnee && TITRE_ANNEE.test(titre)),
    `Si elle dit l'année dans la formation ou le statut des élèves (apprentis, formation continue), renommez-la (« Année de formation », « Statut ») ou désignez-la ${designer}, puis relancez : sinon les élèves de 2e année ou les apprentis qu'elle signale sont payés.`,
  );
}

/**
 * colonnesEffectifsNonLues of each effectif sheet a workflow read (its readers, or a check's result),
 * in reading order: the one way calculerDotations, preparerModeleBilan and the pane's Contrôle give them.
 */
export function effectifsNonLus(
  lus: readonly { readonly entete: EnteteDetectee | null; readonly feuille: string }[],
  designer: string,
): Constat[] {
  return lus.flatMap((l) => (l.entete ? colonnesEffectifsNonLues(l.entete, l.feuille, designer) : []));
}
