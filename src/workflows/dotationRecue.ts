/**
 * R11: a bilan's « Dotation reçue » checked against what was paid — the `Dotations ARE <année>` sheet
 * of the bilan's year, written by the dotations workflow (or the same columns typed by hand). One
 * function for `are bilan controle` and `are reliquats` (--dotations) and for the steps « Contrôler un
 * bilan rempli » and « Reporter les reliquats » of the pane's Bilan screen (taskpane/bilan/
 * dotationsVersees.ts, the workbook's sheet of the bilan's year); the reliquats workflow takes it as
 * `verifierBilan`.
 *
 * Décision (regles.md#bilan.dotation-recue-versee): each envelope's « Dotation reçue » is compared, to
 * the cent, with the dotation the sheet says was paid to the bilan's UAI: a lycée typing 15 700 for
 * 1 570 would carry a 14 130,00 € reliquat into next year's deduction. A difference is an alerte naming
 * both amounts and the difference; the bilan is taken as written — a dotation complémentaire received
 * is part of it and absent from that sheet. An establishment absent from the sheet, or an envelope
 * blank there, is said unchecked. A sheet naming another school year than the bilan's, or without the
 * UAI and dotation columns, checks nothing, said once.
 */
import { ENVELOPPES, NOMS_ENVELOPPES, formaterEuros, libelleAnnee, type AnneeScolaire } from "../rules";
import {
  anneeDeLaFeuilleDotations,
  constat,
  constatA,
  detecterEntete,
  lireDotationsEtablissement,
  type Constat,
  type FormulaireBilan,
} from "../sheet";
import type { SheetData } from "../grid";

/** What the check needs of a checked bilan (ResultatControleBilan has it). */
export interface BilanAVerifier {
  readonly feuille: string;
  readonly anneeLisible: boolean;
  readonly annee: AnneeScolaire;
  readonly anneeIndiquee: AnneeScolaire | null;
  readonly formulaire: FormulaireBilan;
}

/**
 * Why `sheet` cannot check the bilans of `annee` — it names another year, or lacks the UAI and dotation
 * columns — as a constat, or null when it can.
 */
function feuilleInutilisable(sheet: SheetData, annee: AnneeScolaire): Constat | null {
  const autre = anneeDeLaFeuilleDotations(sheet);
  const autreAnnee = autre !== null && autre !== annee;
  const c = detecterEntete(sheet)?.entete.colonnes;
  if (!autreAnnee && c?.uai && (c.dotationPreBac || c.dotationPostBac)) return null;
  const pourquoi = autreAnnee
    ? `donne les dotations ${libelleAnnee(autre)}, et le bilan est de ${libelleAnnee(annee)}`
    : "n'a pas les colonnes « UAI » et « Dotation nette pré-bac » ou « Dotation nette post-bac »";
  return constat(
    autreAnnee ? "dotations-autre-annee" : "colonne-manquante",
    sheet.name,
    null,
    null,
    `La feuille « ${sheet.name} » ${pourquoi} : la dotation reçue n'est pas vérifiée. Donnez la feuille des dotations versées pour l'année du bilan.`,
  );
}

/** The differences between one bilan's « Dotation reçue » and what `sheet` says was paid. */
export function verifierDotationRecue(
  feuille: string,
  formulaire: FormulaireBilan,
  sheet: SheetData,
): Constat[] {
  const constats: Constat[] = [];
  const uai = formulaire.uai;
  if (uai === null) return constats; // its erreur « uai-manquant » says it
  // Looked up by UAI in an index built once per sheet (hundreds of bilans in `are reliquats`); the
  // reader's own constats speak of a template to fill, and are replaced by those of the check.
  const versees = lireDotationsEtablissement(sheet, uai, []);
  const ou = `« ${sheet.name} »${versees.ligne === null ? "" : ` (ligne ${versees.ligne})`}`;
  if (!versees.trouve) {
    constats.push(
      constatA(
        "dotations-introuvables",
        feuille,
        formulaire.origines.uai,
        `${uai} ne figure pas dans ${ou} : la dotation reçue du bilan n'est pas vérifiée. Vérifiez l'UAI du bilan, ou la feuille des dotations donnée.`,
      ),
    );
    return constats;
  }
  for (const e of ENVELOPPES) {
    const recue = formulaire.dotations[e];
    const versee = versees.dotations[e];
    // A bilan without its dotation reçue has no reliquat (it says « il manque la dotation reçue »).
    if (recue === null || versee?.eq(recue)) continue;
    const nom = NOMS_ENVELOPPES[e];
    // The likeliest slip: the dotation before the reliquat was deducted (« calculée ») typed for the one
    // received — the reliquat, declared apart in the bilan, is then counted twice in the one carried.
    const deduit = versees.reliquats[e];
    const indice =
      versee && deduit?.gt(0) && recue.minus(versee).eq(deduit)
        ? ` : l'écart est le reliquat déduit de la dotation (${formaterEuros(deduit)}) ; la dotation reçue est celle versée, après déduction`
        : versee && recue.gt(versee)
          ? " (une dotation complémentaire reçue s'y ajoute-t-elle ?)"
          : "";
    constats.push(
      constatA(
        versee ? "valeur-divergente" : "dotation-vide",
        feuille,
        formulaire.origines[e === "preBac" ? "dotationPreBac" : "dotationPostBac"],
        versee
          ? `Dotation reçue ${nom} du bilan : ${formaterEuros(recue)}, alors que ${ou} donne ${formaterEuros(versee)} versés à ${uai} : écart de ${formaterEuros(recue.minus(versee).abs())}. Le reliquat reporté, déduit de la dotation suivante, en dépend : vérifiez le bilan${indice}.`
          : `Dotation ${nom} de ${uai} vide ou illisible dans ${ou} : la dotation reçue du bilan (${formaterEuros(recue)}) n'est pas vérifiée.`,
      ),
    );
  }
  return constats;
}

/**
 * The check of every bilan against one dotations sheet: whether the sheet can check anything is judged
 * on the first bilan whose year is known (the bilans of a run are of one year) and said once, in
 * `constats`; then each bilan's differences are returned.
 */
export function verificateurDotations(
  sheet: SheetData,
  constats: Constat[],
): (bilan: BilanAVerifier) => Constat[] {
  let utilisable: boolean | null = null;
  return (bilan) => {
    // An unreadable year: no reliquat is computed (AnneeDuBilan), nor any year to compare.
    if (!bilan.anneeLisible) return [];
    if (utilisable === null) {
      const probleme = feuilleInutilisable(sheet, bilan.anneeIndiquee ?? bilan.annee);
      if (probleme) constats.push(probleme);
      utilisable = probleme === null;
    }
    return utilisable ? verifierDotationRecue(bilan.feuille, bilan.formulaire, sheet) : [];
  };
}

/**
 * A dotations sheet of another year than the bilans' is the wrong sheet: nothing is checked against it,
 * and the command line (exit 2) and the pane's step 3 write nothing.
 */
export function dotationsAutreAnnee(constats: readonly Constat[]): Constat[] {
  return constats.filter((c) => c.code === "dotations-autre-annee");
}
