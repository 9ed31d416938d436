/**
 * « Demander une dotation complémentaire » (R10): from a pasted or typed sheet of extra students per
 * formation, the written request an establishment sends to the Région — code, NSF group, intitulé,
 * category, extra students (or boursiers), forfait and amount per formation, grouped by envelope with
 * subtotals and a total — and the rows that could not be requested, each with its motif.
 *
 * Seed, « Dotation complémentaire pour les élèves pré et post bac » : « En cas d'insuffisance de
 * crédits liée à une augmentation des effectifs concernés pour les élèves pré-bac, ou une augmentation
 * des bénéficiaires boursiers pour les élèves post-bac, une dotation complémentaire peut être attribuée
 * par la commission permanente sur demande écrite de l'établissement précisant les effectifs
 * supplémentaires par formation éligible au dispositif (code nomenclature NSF du diplôme et intitulé de
 * la formation). Les demandes sont adressées par courriel ou par voie postale. »
 */
import {
  LIBELLES_CATEGORIES,
  Decimal,
  ENVELOPPES,
  NOMS_ENVELOPPES,
  ErreurArgument,
  demandeComplementaire,
  enveloppeDe,
  forfaitsDeLAnnee,
  formaterEntier,
  formaterEuros,
  formaterForfait,
  nombreDe,
  lireUai,
  formaterTrace,
  libelleAnnee,
  type Enveloppe,
  type ForfaitsAnnee,
  type LigneComplementaire,
  type Parametres,
  type AnneeScolaire,
  type Catalogues,
} from "../rules";
import {
  LecteurDemande,
  SessionLecture,
  constat,
  type BilanLignes,
  type Constat,
  type CorrectionColonnes,
  type EnteteDetectee,
  type FormationEnDouble,
} from "../sheet";
import type { Row } from "../grid";
import type { OutputColumn, OutputSheet, Progress, Workbook } from "../workbook/port";
import { montant } from "./outputs";
import { lireParTranches, verifierAnnulation } from "./progression";
import { feuilleDeConstats, resumeLignes } from "./sortiesCommunes";

export interface OptionsDemande {
  readonly annee: AnneeScolaire;
  readonly parametres: Parametres;
  /** The lists of formations by rentrée, those the user loaded included; the embedded ones by default. */
  readonly catalogues?: Catalogues;
  readonly colonnes?: CorrectionColonnes;
  /** The establishment, when the sheet has no UAI column (or to name it); it prevails over the sheet. */
  readonly uai?: string | null;
  readonly nom?: string | null;
  readonly progress?: Progress;
}

/** One requested formation, with the sheet row it comes from. */
export interface LigneDemandee extends LigneComplementaire {
  readonly ligne: number;
}

export interface ResultatDemande {
  readonly feuille: string;
  readonly annee: AnneeScolaire;
  readonly forfaits: ForfaitsAnnee;
  readonly etablissement: { readonly uai: string | null; readonly nom: string | null };
  readonly entete: EnteteDetectee | null;
  readonly lignes: BilanLignes;
  /** Sorted by envelope (pré-bac first), then in sheet order. */
  readonly demandees: readonly LigneDemandee[];
  /**
   * Null when not computed: an envelope with a formation on two lines (nonCalcules says why), and then
   * the total. Never the amount of the first line alone.
   */
  readonly totaux: Readonly<Record<Enveloppe | "total", Decimal | null>>;
  /** Per envelope, why its amount is not computed (« formation 50022137 en double aux lignes 2 et 6 »), or null. */
  readonly nonCalcules: Readonly<Record<Enveloppe, string | null>>;
  readonly constats: readonly Constat[];
}

/** « lignes 2 et 6 », « lignes 2, 6 et 9 ». */
function lesLignes(numeros: readonly number[]): string {
  return `lignes ${numeros.slice(0, -1).join(", ")} et ${numeros[numeros.length - 1]}`;
}

/**
 * Décision (regles.md#complementaire.ligne-en-double): an envelope with a formation on two lines has no
 * amount until the request says which figure is meant; its reason, per envelope, or null.
 */
function motifsNonCalcules(enDouble: readonly FormationEnDouble[]): Record<Enveloppe, string | null> {
  const motifs: Record<Enveloppe, string | null> = { preBac: null, postBac: null };
  const parCode = new Map<string, { enveloppe: Enveloppe; lignes: number[] }>();
  for (const d of enDouble) {
    const deja = parCode.get(d.code);
    if (deja) deja.lignes.push(d.ligne);
    else parCode.set(d.code, { enveloppe: enveloppeDe(d.categorie), lignes: [d.premiere, d.ligne] });
  }
  for (const [code, { enveloppe, lignes }] of parCode) {
    const motif = `formation ${code} en double aux ${lesLignes(lignes)}`;
    motifs[enveloppe] = motifs[enveloppe] === null ? motif : `${motifs[enveloppe]}, ${motif}`;
  }
  return motifs;
}

/** « montant pré-bac non calculé », or null when both envelopes are computed. */
function motifTotalNonCalcule(resultat: Pick<ResultatDemande, "nonCalcules">): string | null {
  const manquants = ENVELOPPES.filter((e) => resultat.nonCalcules[e] !== null).map((e) => NOMS_ENVELOPPES[e]);
  if (manquants.length === 0) return null;
  return manquants.length === 1
    ? `montant ${manquants[0]} non calculé`
    : `montants ${manquants.join(" et ")} non calculés`;
}

/**
 * Reads the request sheet and computes each line (extra × forfait of the formation's category). A year
 * whose forfaits cannot be resolved rejects with its ErreurParametreManquant before anything is read; a
 * malformed `uai` option is an ErreurArgument.
 */
export async function preparerDemandeComplementaire(
  workbook: Workbook,
  feuille: string,
  options: OptionsDemande,
): Promise<ResultatDemande> {
  const forfaits = forfaitsDeLAnnee(options.annee, options.parametres);
  let uaiOption: string | null = null;
  if (options.uai) {
    const lu = lireUai(options.uai);
    if (!lu.ok) throw new ErreurArgument("uai-invalide", lu.message);
    uaiOption = lu.uai;
  }
  const session = new SessionLecture(options.annee, options.catalogues);
  verifierAnnulation(options.progress);
  const sheet = await workbook.readSheet(feuille, options.progress);
  const lecteur = new LecteurDemande(sheet, session, options.colonnes);
  await lireParTranches([lecteur], options.progress);

  const lues = lecteur.lignesDemandees;
  const calcul = demandeComplementaire(
    lues.map((l) => ({
      code: l.code,
      supplementaires: l.supplementaires,
      intitule: l.intitule ?? undefined,
    })),
    options.annee,
    options.parametres,
    session.catalogue,
  );
  // The reader kept only eligible formations with a positive number: the core refuses none of them.
  for (const refus of calcul.refus) {
    const lue = lues[refus.index];
    session.constats.push(constat("demande-non-eligible", sheet.name, lue.ligne, null, refus.motif));
  }
  const refusees = new Set(calcul.refus.map((r) => r.index));
  const lignesSource = lues.filter((_, i) => !refusees.has(i));
  const demandees: LigneDemandee[] = calcul.lignes.map((l, i) => ({ ...l, ligne: lignesSource[i].ligne }));
  demandees.sort((a, b) =>
    a.enveloppe === b.enveloppe ? a.ligne - b.ligne : a.enveloppe === "preBac" ? -1 : 1,
  );
  // A line of 5 000 extra pupils (785 000 € in 2024-2025) is computed but said, in the pane, the text,
  // --json and the written constats sheet (regles.md#complementaire.nombre-a-verifier).
  session.constats.push(...supplementairesAVerifier(demandees, sheet.name));

  if (uaiOption !== null && lecteur.uai !== null && lecteur.uai.uai !== uaiOption) {
    session.constats.push(
      constat(
        "demande-autre-etablissement",
        sheet.name,
        lecteur.uai.ligne,
        null,
        `La feuille nomme l'établissement ${lecteur.uai.uai}, la demande est faite pour ${uaiOption} : vérifiez qu'il s'agit de la bonne feuille.`,
      ),
    );
  }
  const nonCalcules = motifsNonCalcules(lecteur.formationsEnDouble);
  const connu = (e: Enveloppe) => (nonCalcules[e] === null ? calcul.totaux[e] : null);
  const totaux = {
    preBac: connu("preBac"),
    postBac: connu("postBac"),
    total: ENVELOPPES.every((e) => nonCalcules[e] === null) ? calcul.totaux.total : null,
  };
  return {
    feuille: sheet.name,
    annee: options.annee,
    forfaits,
    etablissement: {
      uai: uaiOption ?? lecteur.uai?.uai ?? null,
      nom: options.nom?.trim() || lecteur.nom || null,
    },
    entete: lecteur.entete,
    lignes: lecteur.bilan(),
    demandees,
    totaux,
    nonCalcules,
    constats: session.constats,
  };
}

/**
 * Décision (regles.md#complementaire.nombre-a-verifier): above this many extra pupils (or boursiers)
 * on one formation line — about three first-year classes of 35 — the number is more likely a typo (an
 * effectif, a total, a year) than a year's increase: 5 000 typed for 50 asks 785 000 € in 2024-2025.
 * The demande does not hold the formation's current effectif, so a fixed bound is the only reference.
 */
export const SUPPLEMENTAIRES_A_VERIFIER = 100;

/**
 * One alerte per line above SUPPLEMENTAIRES_A_VERIFIER, naming its row, its number and the amount it
 * asks; the amount stays in the demande (the officer decides).
 */
function supplementairesAVerifier(demandees: readonly LigneDemandee[], feuille: string): Constat[] {
  const constats: Constat[] = [];
  for (const l of demandees) {
    if (l.supplementaires <= SUPPLEMENTAIRES_A_VERIFIER) continue;
    const quoi = l.categorie === "POST_BAC" ? "boursiers" : "élèves";
    constats.push(
      constat(
        "supplementaires-a-verifier",
        feuille,
        l.ligne,
        null,
        `Formation ${l.code} : ${formaterEntier(l.supplementaires)} ${quoi} supplémentaires, ${formaterEuros(l.montant.valeur)} demandés. Plus de ${SUPPLEMENTAIRES_A_VERIFIER} en un an pour une formation : vérifiez le nombre (il est compté tel quel).`,
      ),
    );
  }
  return constats;
}

export function nomFeuilleDemande(annee: AnneeScolaire): string {
  // « Demande complémentaire ARE 2024-2025 » has 36 characters, above Excel's 31.
  return `Demande compl. ARE ${libelleAnnee(annee)}`;
}

export function nomFeuilleConstatsDemande(annee: AnneeScolaire): string {
  return `Constats demande ${libelleAnnee(annee)}`;
}

const COLONNES_DEMANDE: readonly OutputColumn[] = [
  { header: "Enveloppe", format: "text", width: 18 },
  { header: "Code formation diplôme", format: "text", width: 12 },
  { header: "NSF", format: "integer", width: 7 },
  { header: "Intitulé de la formation", format: "text", width: 48 },
  { header: "Catégorie", format: "text", width: 18 },
  { header: "Élèves ou boursiers supplémentaires", format: "integer", width: 14 },
  { header: "Forfait", format: "euros", width: 10 },
  { header: "Montant demandé", format: "euros", width: 15 },
  { header: "Explication", format: "text", width: 70 },
];

/** The request's destination and legal basis, from the seed (« Contact Région Île-de-France »). */
export const DESTINATAIRE_REGION =
  "À l'attention de la Région Île-de-France, Pôle Lycées – Direction Réussite des Élèves, Service Hébergement Restauration et Aides Sociales, 2 rue Simone Veil, 93400 Saint-Ouen-sur-Seine (aideslyceens@iledefrance.fr).";

export const BASE_DEMANDE =
  "Objet : demande de dotation complémentaire, « sur demande écrite de l'établissement précisant les effectifs supplémentaires par formation éligible au dispositif (code nomenclature NSF du diplôme et intitulé de la formation) » (modalités ARE 2023-2024, « Dotation complémentaire pour les élèves pré et post bac »).";

function ligneSortie(l: LigneDemandee): Row {
  return [
    NOMS_ENVELOPPES[l.enveloppe],
    l.code,
    l.nsf,
    l.intitule,
    LIBELLES_CATEGORIES[l.categorie],
    l.supplementaires,
    montant(l.forfait),
    montant(l.montant.valeur),
    formaterTrace(l.montant.trace),
  ];
}

/** The request, ready to print: heading with the establishment and legal basis, rows by envelope with subtotals. */
export function feuilleDemande(resultat: ResultatDemande, feuilleConstats: string | null): OutputSheet {
  const annee = libelleAnnee(resultat.annee);
  const { uai, nom } = resultat.etablissement;
  const { forfaits, totaux, nonCalcules } = resultat;
  const rows: Row[] = [];
  let eleves = 0;
  for (const enveloppe of ENVELOPPES) {
    const groupe = resultat.demandees.filter((l) => l.enveloppe === enveloppe);
    if (groupe.length === 0) continue;
    rows.push(...groupe.map(ligneSortie));
    const n = groupe.reduce((sum, l) => sum + l.supplementaires, 0);
    eleves += n;
    const total = totaux[enveloppe];
    // Not computed: empty cells (neither the amount nor the students of the first line alone) and the motif.
    rows.push([
      `Sous-total ${NOMS_ENVELOPPES[enveloppe]}`,
      null,
      null,
      nombreDe(groupe.length, "formation"),
      null,
      total === null ? null : n,
      null,
      total === null ? null : montant(total),
      total === null
        ? `Enveloppe ${NOMS_ENVELOPPES[enveloppe]} non calculée : ${nonCalcules[enveloppe]} ; une ligne par formation.`
        : `Enveloppe ${NOMS_ENVELOPPES[enveloppe]} : ${formaterEuros(total)}`,
    ]);
  }
  const totalNonCalcule = motifTotalNonCalcule(resultat);
  const ecartees = resultat.lignes.ecartees;
  return {
    name: nomFeuilleDemande(resultat.annee),
    heading: [
      `Demande de dotation complémentaire — aide régionale à l'équipement des élèves (ARE), année scolaire ${annee}`,
      `Établissement : ${nom ?? "……………………………………"} — UAI ${uai ?? "……………"}`,
      DESTINATAIRE_REGION,
      BASE_DEMANDE,
      "Motif : insuffisance de crédits liée à l'augmentation des effectifs (pré-bac, 3e prépa-métiers) ou des bénéficiaires boursiers (post-bac) des formations ci-dessous.",
      `Forfaits ${annee} : ${formaterForfait(forfaits.preBac.valeur)} par élève pré-bac et par boursier post-bac, ${formaterForfait(forfaits.prepaMetiers.valeur)} par élève de 3e prépa-métiers (${forfaits.preBac.reference.court}).`,
      `Montant demandé : ${ENVELOPPES.map((e) => `${NOMS_ENVELOPPES[e]} ${montantOuMotif(totaux[e], nonCalcules[e])}`).join(" ; ")} ; total ${montantOuMotif(totaux.total, null)} (enveloppes pré-bac et post-bac non fongibles).`,
      ...(ecartees > 0
        ? [
            `${nombreDe(ecartees, "ligne")} de « ${resultat.feuille} » ${ecartees > 1 ? "non reprises" : "non reprise"} dans la demande (formation non éligible, nombre illisible…)${feuilleConstats ? ` : voir la feuille « ${feuilleConstats} »` : ""}.`,
          ]
        : []),
      "Fait à ……………………………, le ……………………   Le chef d'établissement (nom, signature et cachet) :",
    ],
    columns: COLONNES_DEMANDE,
    rows,
    totals: [
      "Total demandé",
      null,
      null,
      nombreDe(resultat.demandees.length, "formation"),
      null,
      totaux.total === null ? null : eleves,
      null,
      totaux.total === null ? null : montant(totaux.total),
      totalNonCalcule === null ? null : `Total non calculé : ${totalNonCalcule}.`,
    ],
  };
}

/** « 302,00 € », or « non calculé (formation 50022137 en double aux lignes 2 et 6) ». */
function montantOuMotif(valeur: Decimal | null, motif: string | null): string {
  if (valeur !== null) return formaterEuros(valeur);
  return motif === null ? "non calculé" : `non calculé (${motif})`;
}

/** The constats of the request's reading: every row not requested, with its motif. */
export function feuilleConstatsDemande(resultat: ResultatDemande): OutputSheet {
  return feuilleDeConstats(
    nomFeuilleConstatsDemande(resultat.annee),
    [
      `Constats de la demande de dotation complémentaire — ARE ${libelleAnnee(resultat.annee)}`,
      `Feuille lue : « ${resultat.feuille} »`,
      resumeLignes(resultat.lignes, "demandées"),
    ],
    resultat.constats,
  );
}

/**
 * Writes the constats sheet (when there are constats) then the request, whose heading names the
 * constats sheet as written. Returns the names used.
 */
export async function ecrireDemande(
  workbook: Workbook,
  resultat: ResultatDemande,
): Promise<{ demande: string; constats: string | null }> {
  const constats =
    resultat.constats.length > 0 ? await workbook.writeSheet(feuilleConstatsDemande(resultat)) : null;
  const demande = await workbook.writeSheet(feuilleDemande(resultat, constats));
  return { demande, constats };
}
