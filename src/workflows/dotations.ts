/**
 * « Calculer les dotations »: from the rectorats' effectif sheets (one per rectorat) and the optional
 * establishments sheet, each establishment's dotation for the school year (R8-R9), every row that did
 * not count listed with its reason.
 *
 * Integer effectifs are summed per establishment while reading; decimal arithmetic happens here, once
 * per establishment (design.md §8).
 */
import {
  Decimal,
  ZERO,
  calculerDotation,
  forfaitsDeLAnnee,
  netteTotaleConnue,
  totaliserEnveloppe,
  type DotationEtablissement,
} from "../rules";
import {
  LecteurEffectifs,
  LecteurEtablissements,
  SessionLecture,
  additionnerBilans,
  additionnerEffectifs,
  colonnesEtablissementsNonLues,
  constat,
  effectifsNonLus,
  origineTexte,
  raisonFormationsDeuxFeuilles,
  type EtablissementLu,
  type LecteurFeuille,
} from "../sheet";
import type { Workbook } from "../workbook/port";
import { lireParTranches, verifierAnnulation } from "./progression";
import type { CorrectionColonnes, OptionsDotations, ResultatDotations, TotauxDotations } from "./types";

export async function calculerDotations(
  workbook: Workbook,
  options: OptionsDotations,
): Promise<ResultatDotations> {
  // R6-R7 first: a year whose forfaits cannot be resolved rejects with its ErreurParametreManquant,
  // untouched, before anything is read (the adapters show what is missing).
  const forfaits = forfaitsDeLAnnee(options.annee, options.parametres);
  const session = new SessionLecture(options.annee, options.catalogues);
  const { progress } = options;
  const sources: string[] = [];
  const lecteurs: LecteurFeuille[] = [];

  // Décision (regles.md#lecture.valeurs-divergentes): the establishments sheet is read first, so that its values prevail over the same values
  // repeated on effectif rows (etablissements.ts). A sheet given both as effectifs and as establishments
  // is read once, as effectifs: its establishment columns are read on the way.
  const nomEtablissements = options.feuilleEtablissements ?? null;
  let etablissements: LecteurEtablissements | null = null;
  if (nomEtablissements !== null && !options.feuillesEffectifs.includes(nomEtablissements)) {
    verifierAnnulation(progress);
    const sheet = await workbook.readSheet(nomEtablissements, progress);
    sources.push(sheet.name);
    etablissements = new LecteurEtablissements(sheet, session, options.colonnes?.[nomEtablissements]);
    lecteurs.push(etablissements);
  }
  const effectifs: LecteurEffectifs[] = [];
  for (const nom of options.feuillesEffectifs) {
    verifierAnnulation(progress);
    const sheet = await workbook.readSheet(nom, progress);
    sources.push(sheet.name);
    const lecteur = new LecteurEffectifs(sheet, session, {
      correction: options.colonnes?.[nom],
      plusieursFeuilles: options.feuillesEffectifs.length > 1,
    });
    effectifs.push(lecteur);
    lecteurs.push(lecteur);
  }
  // Rows in reading order: the establishments sheet first (see the Décision above, regles.md#lecture.valeurs-divergentes).
  await lireParTranches(lecteurs, progress);
  // Columns not read that change an amount, first, as the command line puts them (OptionsDotations.designer):
  // a status or a year in an effectif sheet, a reliquat, boursiers or the survey in the establishments one.
  const { designer } = options;
  if (designer) {
    const etab = etablissements ?? effectifs[options.feuillesEffectifs.indexOf(nomEtablissements ?? "")];
    session.constats.unshift(
      ...effectifsNonLus(effectifs, designer),
      ...(etab?.entete ? colonnesEtablissementsNonLues(etab.entete, etab.feuille, designer) : []),
    );
  }
  // Keyed by the names the workbook gives, those the task pane lists and keeps its corrections under.
  const correctionsSuivies: Record<string, CorrectionColonnes> = {};
  for (const lecteur of lecteurs)
    if (lecteur.correctionSuivie) correctionsSuivies[lecteur.feuille] = lecteur.correctionSuivie;

  const feuilleEtablissementsLue = etablissements !== null && etablissements.lisible ? etablissements : null;
  const dotations = session.registre
    .liste()
    .map((etablissement) =>
      dotationDe(etablissement, session, options.annee, forfaits, feuilleEtablissementsLue?.feuille ?? null),
    );

  return {
    annee: options.annee,
    liste: session.catalogue,
    forfaits,
    etablissements: dotations,
    totaux: totaliser(dotations),
    lignes: additionnerBilans(lecteurs.map((lecteur) => lecteur.bilan())),
    constats: session.constats,
    sources,
    correctionsSuivies,
  };
}

/**
 * One establishment's dotation, with what the reading could not settle added to its motifs.
 * Décision (regles.md#lecture.etablissement-absent; establishment absent from the establishments sheet): it is taken as having answered the
 * surveys, with no reliquat and no taux — its post-bac line then errors per R8 — and an alerte says so.
 * Décision (regles.md#lecture.reponse-vide; blank answer to the surveys): presumed « oui », as for an establishment absent from the
 * establishments sheet, and an alerte says so — a non-respondent is marked « non » by the Région.
 * Décision (regles.md#lecture.seulement-etablissements; establishment only in the establishments sheet): it is included with zero effectifs, so that
 * its reliquats are visible, and an info says so.
 */
function dotationDe(
  etablissement: EtablissementLu,
  session: SessionLecture,
  annee: number,
  forfaits: ReturnType<typeof forfaitsDeLAnnee>,
  feuilleEtablissements: string | null,
): DotationEtablissement {
  const { uai, premiereOrigine: origine } = etablissement;
  const motifs = etablissement.motifsAnomalies();
  if (
    feuilleEtablissements !== null &&
    !etablissement.dansFeuilleEtablissements &&
    !session.registre.marquerLigneTotalSeule(etablissement)
  ) {
    const message = `Absent de la feuille « ${feuilleEtablissements} » : réputé avoir répondu à l'enquête, sans reliquat ni taux de boursiers.`;
    motifs.push(message);
    session.constats.push(
      constat(
        "etablissement-absent",
        origine.feuille,
        origine.ligne,
        origine.colonne,
        `Établissement ${uai} ${message.charAt(0).toLowerCase()}${message.slice(1)} Ajoutez-le à cette feuille si ce n'est pas le cas.`,
      ),
    );
  }
  const [premiere, ...autres] = etablissement.feuillesEffectifs;
  if (premiere && autres.length > 0) {
    const ou = etablissement.feuillesEffectifs.map(origineTexte).join(", ");
    const message = `Présent dans plusieurs feuilles d'effectifs (${ou}) : ses lignes sont additionnées.`;
    motifs.push(`${message} À vérifier.`);
    session.constats.push(
      constat(
        "etablissement-plusieurs-feuilles",
        autres[0].feuille,
        autres[0].ligne,
        autres[0].colonne,
        `Établissement ${uai} ${message.charAt(0).toLowerCase()}${message.slice(1)} Un lycée relève d'un seul rectorat : vérifiez qu'une même extraction n'a pas été donnée deux fois, ou qu'un UAI n'a pas été mal saisi.`,
      ),
    );
  }
  for (const f of etablissement.formationsDeuxFeuilles) {
    session.constats.push(
      constat(
        "formation-plusieurs-feuilles",
        f.seconde.feuille,
        f.seconde.ligne,
        f.seconde.colonne,
        `Établissement ${uai} : ${raisonFormationsDeuxFeuilles([f], f.enveloppe)}`,
      ),
    );
  }
  const vide = etablissement.reponseVide;
  if (vide && etablissement.aRepondu === null && !etablissement.illisibles.aRepondu) {
    const message = `Réponse à l'enquête non renseignée : réputé avoir répondu, dotation calculée.`;
    motifs.push(message);
    session.constats.push(
      constat(
        "reponse-vide",
        vide.feuille,
        vide.ligne,
        vide.colonne,
        `Établissement ${uai} : ${message.charAt(0).toLowerCase()}${message.slice(1)} Saisissez oui, ou non s'il n'a pas répondu aux enquêtes régionales (aucune dotation alors).`,
      ),
    );
  }
  if (etablissement.dansFeuilleEtablissements && etablissement.lignesComptees === 0) {
    session.constats.push(
      constat(
        "etablissement-sans-effectifs",
        origine.feuille,
        origine.ligne,
        origine.colonne,
        `Établissement ${uai} sans aucune ligne d'effectif comptée : il figure dans la dotation avec des effectifs nuls, pour que ses reliquats restent visibles. Vérifiez qu'il ne manque pas dans les feuilles d'effectifs.`,
      ),
    );
  }
  const dotation = calculerDotation(
    {
      uai,
      nom: etablissement.nom,
      effectifs: {
        prepaMetiers: etablissement.prepaMetiers,
        preBac: etablissement.preBac,
        postBac: etablissement.postBac,
      },
      tauxBoursiers: etablissement.taux?.valeur ?? null,
      reliquats: etablissement.reliquats(),
      aRepondu: etablissement.aRepondu?.valeur ?? true,
      nonCalculables: etablissement.enveloppesNonCalculables(),
    },
    annee,
    forfaits,
  );
  if (dotation.boursiersRetenus === null) {
    const ou = etablissement.taux === null ? origine : etablissement.taux;
    session.constats.push(
      constat(
        "taux-boursiers-manquant",
        ou.feuille,
        ou.ligne,
        null,
        `Établissement ${uai} : ${dotation.erreurs.join(" ")}`,
      ),
    );
  }
  return motifs.length === 0 ? dotation : { ...dotation, motifs: [...dotation.motifs, ...motifs] };
}

/** The totals row, summed in decimal from the establishments' exact figures. */
export function totaliser(dotations: readonly DotationEtablissement[]): TotauxDotations {
  let boursiers = 0;
  let prepaMetiers: Decimal = ZERO;
  let preBac: Decimal = ZERO;
  let postBac: Decimal = ZERO;
  let reliquatPreBac: Decimal = ZERO;
  let reliquatPostBac: Decimal = ZERO;
  let nettePreBac: Decimal = ZERO;
  let nettePostBac: Decimal = ZERO;
  let netteTotale: Decimal = ZERO;
  let incomplets = 0;
  let montantIncomplets: Decimal = ZERO;
  for (const d of dotations) {
    boursiers += d.boursiersRetenus?.nombre ?? 0;
    prepaMetiers = prepaMetiers.plus(d.brute.prepaMetiers.valeur);
    preBac = preBac.plus(d.brute.preBac.valeur);
    postBac = postBac.plus(d.brute.postBac?.valeur ?? ZERO);
    reliquatPreBac = reliquatPreBac.plus(d.reliquats.preBac);
    reliquatPostBac = reliquatPostBac.plus(d.reliquats.postBac);
    // An envelope « non calculée » adds nothing (its figure is 0; its parts say it is missing).
    nettePreBac = nettePreBac.plus(d.parts.preBac.nette ?? ZERO);
    nettePostBac = nettePostBac.plus(d.parts.postBac.nette ?? ZERO);
    netteTotale = netteTotale.plus(d.nette.total.valeur);
    if (netteTotaleConnue(d) === null) {
      incomplets++;
      montantIncomplets = montantIncomplets.plus(d.nette.total.valeur);
    }
  }
  return {
    effectifs: additionnerEffectifs(dotations.map((d) => d.effectifs)),
    boursiersRetenus: boursiers,
    brute: { prepaMetiers, preBac, postBac },
    reliquats: { preBac: reliquatPreBac, postBac: reliquatPostBac },
    nette: { preBac: nettePreBac, postBac: nettePostBac, total: netteTotale },
    totauxIncomplets: { etablissements: incomplets, montant: montantIncomplets },
    enveloppes: {
      preBac: totaliserEnveloppe(dotations.map((d) => d.parts.preBac)),
      postBac: totaliserEnveloppe(dotations.map((d) => d.parts.postBac)),
    },
  };
}
