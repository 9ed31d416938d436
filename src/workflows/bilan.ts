/**
 * « Contrôler un bilan » (R11): read a filled bilan (the template of modeleBilan.ts, or the same
 * labels and columns typed by hand), retain each purchase in its envelope or set it aside with its
 * constat, total the spending per envelope and compute each envelope's new reliquat — what is left of
 * dotation reçue + reliquat antérieur — with its explanation (soldeEnveloppe). Spending above what was
 * available in an envelope is an erreur: the envelopes are not fungible.
 *
 * Décision (regles.md#bilan.achat-en-erreur; issue 11, items 5 and 6): an envelope with a purchase row in erreur that names an amount
 * (unreadable, a formula without value, a non-eligible formation, the wrong envelope or type…) gets
 * no reliquat until the bilan is corrected — not the reliquat of the rows retained, which would carry
 * the rejected money into next year as if it had not been spent (8 676 € instead of 726 € for two
 * amounts left as formulas without value). The same envelope is then « non calculée » in the check,
 * the reliquats sheet, the JSON and the task pane.
 */
import {
  Decimal,
  ENVELOPPES,
  NOMS_ENVELOPPES,
  ZERO,
  formaterEuros,
  nombreDe,
  TITRES_ENVELOPPES,
  formaterTrace,
  libelleAnnee,
  soldeEnveloppe,
  type Enveloppe,
  type AnneeScolaire,
  type Catalogues,
  type SoldeEnveloppe,
} from "../rules";
import {
  LecteurBilan,
  SessionLecture,
  anneeDuFormulaire,
  anomaliesFormulaire,
  constat,
  constatA,
  detecterEntete,
  lireFormulaireBilan,
  trouverFormulaire,
  type BilanLignes,
  type Constat,
  type CorrectionColonnes,
  type EnteteDetectee,
  type FormulaireBilan,
  type LigneAchat,
} from "../sheet";
import type { OutputSheet, Progress, Workbook } from "../workbook/port";
import { lireParTranches, verifierAnnulation } from "./progression";
import { COLONNES_CONSTATS, lignesConstats, phraseConstats, resumeLignes } from "./sortiesCommunes";

export interface OptionsControleBilan {
  /** The school year assumed when the bilan does not give its own (« Année scolaire »). */
  readonly annee: AnneeScolaire;
  /** The lists of formations by rentrée, those the user loaded included; the embedded ones by default. */
  readonly catalogues?: Catalogues;
  readonly colonnes?: CorrectionColonnes;
  readonly progress?: Progress;
}

export interface EnveloppeControlee {
  /** Null when missing or unreadable in the bilan. */
  readonly dotationRecue: Decimal | null;
  /** Null when unreadable (a blank one is 0). */
  readonly reliquatAnterieur: Decimal | null;
  /** The purchases retained in the envelope. */
  readonly depense: Decimal;
  readonly lignes: number;
  /** Students helped, each formation counted once (its largest row: the same students get several types). */
  readonly elevesAides: number;
  /** Available, spent, new reliquat and overspending; null when it cannot be computed (see `manque`). */
  readonly solde: SoldeEnveloppe | null;
  /** Why the new reliquat is not computed, in French (« la dotation reçue »), or null. */
  readonly manque: string | null;
  /** The sheet rows of the purchases in erreur that leave this envelope's reliquat unknown. */
  readonly achatsEnErreur: readonly number[];
}

export interface ResultatControleBilan {
  readonly feuille: string;
  /** The year the bilan is read with: its own, or the default when it gives none or an unreadable one. */
  readonly annee: AnneeScolaire;
  /** False when its « Année scolaire » is filled but unreadable: no reliquat is computed (AnneeDuBilan). */
  readonly anneeLisible: boolean;
  /** The year the bilan writes when it reads as one (« 2022-2023 » too), else null. */
  readonly anneeIndiquee: AnneeScolaire | null;
  readonly uai: string | null;
  readonly nom: string | null;
  readonly formulaire: FormulaireBilan;
  /** Null when no header row could be recognised (then an erreur explains it). */
  readonly entete: EnteteDetectee | null;
  readonly lignes: BilanLignes;
  /** The purchases retained, in sheet order. */
  readonly achats: readonly LigneAchat[];
  readonly enveloppes: Readonly<Record<Enveloppe, EnveloppeControlee>>;
  readonly constats: readonly Constat[];
}

/** « ligne 16 », « lignes 16, 19 et 20 ». */
function lesLignes(numeros: readonly number[]): string {
  if (numeros.length === 1) return `ligne ${numeros[0]}`;
  return `lignes ${numeros.slice(0, -1).join(", ")} et ${numeros[numeros.length - 1]}`;
}

/**
 * One envelope of the bilan. `soldeRetenu` is the balance of the purchases retained, computed whenever
 * the amounts are known, so that spending above the envelope is reported even while rows in erreur
 * leave the reliquat itself unknown.
 */
function enveloppe(
  nom: Enveloppe,
  formulaire: FormulaireBilan,
  lecteur: LecteurBilan,
  anneeLisible: boolean,
): { controlee: EnveloppeControlee; soldeRetenu: SoldeEnveloppe | null } {
  const achats = lecteur.achats;
  let depense: Decimal = ZERO;
  let lignes = 0;
  const elevesParFormation = new Map<string, number>();
  for (const achat of achats) {
    if (achat.enveloppe !== nom) continue;
    lignes++;
    depense = depense.plus(achat.montant);
    const eleves = achat.elevesAides ?? 0;
    if (eleves > (elevesParFormation.get(achat.code) ?? 0)) elevesParFormation.set(achat.code, eleves);
  }
  let elevesAides = 0;
  for (const n of elevesParFormation.values()) elevesAides += n;
  const dotationRecue = formulaire.dotations[nom];
  const reliquatAnterieur = formulaire.reliquats[nom];
  const achatsEnErreur = lecteur.achatsEnErreur.filter((a) => a.enveloppes.includes(nom)).map((a) => a.ligne);
  // Spending unknown (no readable table, rows in erreur) or nothing to deduct it from: no reliquat is guessed.
  const enDoute = formulaire.lignesEnDoute[nom];
  const manques = [
    anneeLisible ? null : "une année scolaire lisible",
    enDoute.length === 0 ? null : `la correction du formulaire (${lesLignes(enDoute)})`,
    lecteur.lisible ? null : "un tableau des achats lisible",
    dotationRecue === null ? "la dotation reçue" : null,
    reliquatAnterieur === null ? "un reliquat antérieur lisible" : null,
    achatsEnErreur.length === 0
      ? null
      : `la correction ${achatsEnErreur.length === 1 ? "de l'achat en erreur" : `des ${achatsEnErreur.length} achats en erreur`} (${lesLignes(achatsEnErreur)})`,
  ].filter((m) => m !== null);
  const soldeRetenu =
    lecteur.lisible && dotationRecue !== null && reliquatAnterieur !== null
      ? soldeEnveloppe(nom, { dotationRecue, reliquatAnterieur, depense })
      : null;
  const manque = manques.length === 0 ? null : manques.join(" et ");
  const solde = manque === null ? soldeRetenu : null;
  return {
    controlee: {
      dotationRecue,
      reliquatAnterieur,
      depense,
      lignes,
      elevesAides,
      solde,
      manque,
      achatsEnErreur,
    },
    soldeRetenu,
  };
}

/**
 * Décision (regles.md#bilan.sans-achat): a bilan whose purchase table gives no amount at all — the
 * template sent back unfilled — carries everything available into reliquats, which the next dotation
 * deducts: a forgotten bilan would cost the lycée its next dotation. Counted as written (a lycée may
 * have bought nothing), with an alerte naming the amounts carried.
 */
function bilanSansAchat(
  lecteur: LecteurBilan,
  enveloppes: Readonly<Record<Enveloppe, EnveloppeControlee>>,
): string | null {
  if (!lecteur.lisible || lecteur.achatsEnErreur.length > 0) return null;
  if (lecteur.achats.some((a) => !a.montant.isZero())) return null;
  const reportes = ENVELOPPES.filter((nom) => enveloppes[nom].solde?.nouveauReliquat.valeur.gt(0));
  if (reportes.length === 0) return null;
  const montants = reportes
    .map((nom) => `${NOMS_ENVELOPPES[nom]} ${formaterEuros(enveloppes[nom].solde!.nouveauReliquat.valeur)}`)
    .join(", ");
  return `Aucun montant d'achat dans le bilan : tout ce qui était disponible est reporté en reliquat (${montants}) et sera déduit de la dotation suivante. Si l'établissement a acheté des équipements, saisissez leurs montants, puis relancez le contrôle.`;
}

/** Reads and checks one filled bilan; never throws on its content (everything wrong is a constat). */
export async function controlerBilan(
  workbook: Workbook,
  feuille: string,
  options: OptionsControleBilan,
): Promise<ResultatControleBilan> {
  verifierAnnulation(options.progress);
  const sheet = await workbook.readSheet(feuille, options.progress);
  // The form sits above the table: find the table first, then the year (it chooses the list of formations).
  const detection = detecterEntete(sheet, options.colonnes);
  const cellules = trouverFormulaire(sheet, detection?.indexLigne ?? null);
  const anomalies = anomaliesFormulaire(sheet, detection?.indexLigne ?? null, cellules);
  const lu = anneeDuFormulaire(sheet.name, cellules, options.annee);
  // A year given twice, differently (formulaire-en-double): the bilan's year is unknown, as unreadable.
  const lue = anomalies.some((a) => a.champ === "annee") ? { ...lu, lisible: false, indiquee: null } : lu;
  const { annee, constat: constatAnnee } = lue;
  const session = new SessionLecture(annee, options.catalogues);
  if (constatAnnee) session.constats.push(constatAnnee);
  const formulaire = lireFormulaireBilan(sheet, cellules, session, anomalies);
  const lecteur = new LecteurBilan(sheet, session, options.colonnes);
  await lireParTranches([lecteur], options.progress);

  const preBac = enveloppe("preBac", formulaire, lecteur, lue.lisible);
  const postBac = enveloppe("postBac", formulaire, lecteur, lue.lisible);
  const enveloppes = { preBac: preBac.controlee, postBac: postBac.controlee };
  for (const nom of ENVELOPPES) {
    const solde = (nom === "preBac" ? preBac : postBac).soldeRetenu;
    if (solde === null || solde.depassement.isZero()) continue;
    const origine = formulaire.origines[nom === "preBac" ? "dotationPreBac" : "dotationPostBac"];
    session.constats.push(
      constatA(
        "depassement-enveloppe",
        sheet.name,
        origine,
        `Enveloppe ${NOMS_ENVELOPPES[nom]} : ${formaterEuros(solde.depense)} d'achats pour ${formaterEuros(solde.disponible.valeur)} disponibles (dotation reçue + reliquat antérieur), dépassement de ${formaterEuros(solde.depassement)}. Les enveloppes pré-bac et post-bac ne sont pas fongibles : l'autre enveloppe ne couvre pas ce dépassement. Vérifiez les montants.`,
      ),
    );
  }
  const sansAchat = bilanSansAchat(lecteur, enveloppes);
  if (sansAchat)
    session.constats.push(
      constat("bilan-sans-achat", sheet.name, lecteur.entete?.ligne ?? null, null, sansAchat),
    );
  return {
    feuille: sheet.name,
    annee,
    anneeLisible: lue.lisible,
    anneeIndiquee: lue.indiquee,
    uai: formulaire.uai,
    nom: formulaire.nom,
    formulaire,
    entete: lecteur.entete,
    lignes: lecteur.bilan(),
    achats: lecteur.achats,
    enveloppes,
    constats: session.constats,
  };
}

/** What becomes of a purchase in erreur, said by every output of the check (sheet, CLI, task pane). */
export const NOTE_ACHATS_EN_ERREUR =
  "Un achat en erreur n'est pas retenu, et le reliquat de son enveloppe n'est pas calculé tant que le bilan n'est pas corrigé : ce qui a été dépensé n'est pas encore connu.";

/** « Contrôle bilan 0750655E », or « Contrôle bilan ARE » when the bilan has no readable UAI. */
export function nomFeuilleControleBilan(resultat: Pick<ResultatControleBilan, "uai">): string {
  return resultat.uai ? `Contrôle bilan ${resultat.uai}` : "Contrôle bilan ARE";
}

/** One line per envelope: available, spent, new reliquat, or why it is not computed. */
export function resumeEnveloppe(nom: Enveloppe, e: EnveloppeControlee): string {
  const titre = TITRES_ENVELOPPES[nom];
  const achats = `${formaterEuros(e.depense)} d'achats retenus (${nombreDe(e.lignes, "ligne")}, ${nombreDe(e.elevesAides, "élève aidé", "élèves aidés")})`;
  if (e.solde === null) return `${titre} : ${achats} ; reliquat non calculé, il manque ${e.manque}.`;
  return `${titre} : dotation reçue ${formaterEuros(e.dotationRecue!)} + reliquat antérieur ${formaterEuros(e.reliquatAnterieur!)} = ${formaterEuros(e.solde.disponible.valeur)} disponibles ; ${achats} ; ${formaterTrace(e.solde.nouveauReliquat.trace)}.`;
}

/** The check's sheet: the envelopes and their new reliquats in the heading, then every constat. */
export function feuilleControleBilan(resultat: ResultatControleBilan): OutputSheet {
  return {
    name: nomFeuilleControleBilan(resultat),
    heading: [
      `Contrôle du bilan « ${resultat.feuille} » — ARE ${libelleAnnee(resultat.annee)}`,
      `Établissement : ${resultat.nom ?? "non indiqué"} — UAI ${resultat.uai ?? "non indiqué"}`,
      ...ENVELOPPES.map((nom) => resumeEnveloppe(nom, resultat.enveloppes[nom])),
      resumeLignes(resultat.lignes),
      phraseConstats(resultat.constats),
      NOTE_ACHATS_EN_ERREUR,
    ],
    columns: COLONNES_CONSTATS,
    rows: lignesConstats(resultat.constats),
    totals: null,
  };
}

export async function ecrireControleBilan(
  workbook: Workbook,
  resultat: ResultatControleBilan,
): Promise<string> {
  return workbook.writeSheet(feuilleControleBilan(resultat));
}
