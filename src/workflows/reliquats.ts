/**
 * « Reporter les reliquats » : from one or many filled bilans of a school year, the establishments
 * sheet of the next year's dotation — UAI, nom, reliquat pré-bac, reliquat post-bac, under the column
 * names calculerDotations reads (design.md §4) — so that each envelope's reliquat is deducted from the
 * next dotation (R9: « Pour les établissements disposant de reliquats d'ARE de l'année précédente,
 * ceux-ci sont déduits du montant de leur dotation »).
 *
 * Given an existing establishments sheet (taux de boursiers, réponse à l'enquête…), its rows and
 * columns are kept as they are, and only the reliquats of the establishments with a bilan are replaced.
 * Décision (regles.md#reliquats.sans-bilan; an establishment of that sheet without a bilan): its reliquats are kept as they were, with an
 * alerte — they may be last year's; nothing is guessed.
 * Décision (regles.md#reliquats.non-calculable; a reliquat that cannot be computed — the bilan lacks its dotation reçue, or has purchases in
 * erreur in that envelope, see controlerBilan): the cell says « non calculé », with an erreur and an
 * observation saying why — a blank reliquat deducts nothing, so the bilan must be completed or
 * corrected before the dotation is computed. Never the reliquat of the purchases retained alone: the
 * money of a rejected purchase would be deducted again from next year's dotation.
 */
import {
  ENVELOPPES,
  NOMS_ENVELOPPES,
  formaterEntier,
  nombreDe,
  lireUai,
  lettreCleUai,
  formaterTrace,
  formaterEuros,
  libelleAnnee,
  ZERO,
  type Decimal,
  type Enveloppe,
  type AnneeScolaire,
  type Catalogues,
} from "../rules";
import {
  constat,
  constatA,
  detecterEntete,
  lireMontant,
  signalerLigneCoupee,
  type Constat,
  type CorrectionColonnes,
} from "../sheet";
import { isBlank, type CellValue, type Row, type SheetData } from "../grid";
import type { OutputColumn, OutputSheet, Progress, Workbook } from "../workbook/port";
import { controlerBilan, type ResultatControleBilan } from "./bilan";
import { CHAMP_RELIQUAT, COLONNES_SEULES, disposerEtablissements } from "./dispositionReliquats";
import { montant } from "./outputs";
import { verifierAnnulation } from "./progression";
import { aDesErreurs, phraseConstats } from "./sortiesCommunes";

export interface OptionsReliquats {
  /** The filled bilans, one per establishment. */
  readonly feuillesBilans: readonly string[];
  /** An establishments sheet to complete (its other columns are kept), or none. */
  readonly feuilleEtablissements?: string | null;
  /** The school year assumed for a bilan that does not give its own. */
  readonly annee: AnneeScolaire;
  /** The lists of formations by rentrée, those the user loaded included; the embedded ones by default. */
  readonly catalogues?: Catalogues;
  readonly colonnes?: Readonly<Record<string, CorrectionColonnes>>;
  /**
   * More checks of each bilan carried, said in its row's observations too: `are reliquats --dotations`
   * gives verificateurDotations (« Dotation reçue » against what was paid).
   */
  readonly verifierBilan?: (bilan: ResultatControleBilan) => readonly Constat[];
  readonly progress?: Progress;
}

/** One establishment's reliquats for the next dotation. */
export interface ReliquatReporte {
  readonly uai: string;
  readonly nom: string | null;
  /** The bilan they come from, or null (kept from the establishments sheet). */
  readonly bilan: string | null;
  /** Null when it cannot be computed (bilan incomplete). */
  readonly reliquats: Readonly<Record<Enveloppe, Decimal | null>>;
  /** How each figure was obtained, in French. */
  readonly observations: readonly string[];
}

export interface ResultatReliquats {
  /** The year of the bilans; the reliquats are deducted from the dotations of the next one. */
  readonly anneeBilans: AnneeScolaire;
  readonly anneeDotations: AnneeScolaire;
  /** Every bilan read, with its check. */
  readonly bilans: readonly ResultatControleBilan[];
  /** The establishments with a bilan used, sorted by UAI. */
  readonly reliquats: readonly ReliquatReporte[];
  /** The sheet to write: the establishments sheet with its reliquats. */
  readonly sortie: { readonly columns: readonly OutputColumn[]; readonly rows: readonly Row[] };
  readonly sources: readonly string[];
  /** The bilans' constats and the reliquats' own. */
  readonly constats: readonly Constat[];
}

/** `controles`: the constats of OptionsReliquats.verifierBilan, said in the row's observations too. */
function reliquatDuBilan(
  bilan: ResultatControleBilan,
  constats: Constat[],
  controles: readonly Constat[] = [],
): ReliquatReporte {
  const observations: string[] = [];
  for (const c of controles) {
    constats.push(c);
    observations.push(c.message);
  }
  const reliquats = { preBac: null as Decimal | null, postBac: null as Decimal | null };
  for (const e of ENVELOPPES) {
    const solde = bilan.enveloppes[e].solde;
    if (solde) {
      reliquats[e] = solde.nouveauReliquat.valeur;
      observations.push(formaterTrace(solde.nouveauReliquat.trace));
    } else {
      const message = `Reliquat ${NOMS_ENVELOPPES[e]} de ${bilan.uai} non calculé : il manque au bilan « ${bilan.feuille} » ${bilan.enveloppes[e].manque}. Complétez ou corrigez le bilan puis relancez ; d'ici là, l'enveloppe n'est pas calculée.`;
      observations.push(message);
      constats.push(constat("reliquat-non-calcule", bilan.feuille, null, null, message));
    }
  }
  if (aDesErreurs(bilan.constats)) {
    observations.push(
      `Le bilan « ${bilan.feuille} » a des erreurs (voir les constats) : corrigez-le et relancez.`,
    );
  }
  return { uai: bilan.uai!, nom: bilan.nom, bilan: bilan.feuille, reliquats, observations };
}

/** Checks each bilan and gathers the reliquats by UAI; reads and completes the establishments sheet. */
export async function reporterReliquats(
  workbook: Workbook,
  options: OptionsReliquats,
): Promise<ResultatReliquats> {
  const bilans: ResultatControleBilan[] = [];
  const constats: Constat[] = [];
  for (const feuille of options.feuillesBilans) {
    verifierAnnulation(options.progress);
    const bilan = await controlerBilan(workbook, feuille, {
      annee: options.annee,
      catalogues: options.catalogues,
      colonnes: options.colonnes?.[feuille],
      progress: options.progress,
    });
    bilans.push(bilan);
    constats.push(...bilan.constats);
  }
  // The first bilan whose year is known decides; one whose year cannot be read decides nothing.
  const anneeBilans = bilans.find((b) => b.anneeLisible)?.annee ?? options.annee;

  const parUai = new Map<string, ReliquatReporte>();
  for (const bilan of bilans) {
    if (bilan.uai === null) continue; // its erreur « uai-manquant » is among its constats
    // A bilan that writes another year — « 2022-2023 » too, a year before the rules encoded — is not
    // carried; one whose year cannot be read at all is, with its reliquats not computed (controlerBilan).
    const anneeDuBilan = bilan.anneeIndiquee ?? bilan.annee;
    if (anneeDuBilan !== anneeBilans) {
      constats.push(
        constat(
          "bilan-autre-annee",
          bilan.feuille,
          bilan.formulaire.origines.annee?.ligne ?? null,
          bilan.formulaire.origines.annee?.colonne ?? null,
          `Bilan ${libelleAnnee(anneeDuBilan)}, alors que les reliquats reportés sont ceux de ${libelleAnnee(anneeBilans)} (premier bilan) : ce bilan n'est pas repris. Reportez chaque année séparément.`,
        ),
      );
      continue;
    }
    // Décision (regles.md#reliquats.uai-lettre-cle): the UAI is the key the reliquats are carried
    // under; one whose check letter does not match its digits names no establishment — carried, it
    // would add a row for it while the real one keeps last year's reliquats (issue 15 item 4).
    const lettre = lettreCleUai(bilan.uai.slice(0, 7));
    if (lettre !== bilan.uai[7]) {
      const origine = bilan.formulaire.origines.uai;
      constats.push(
        constatA(
          "bilan-uai-lettre-cle",
          bilan.feuille,
          origine,
          `UAI ${bilan.uai} du bilan : sa lettre de contrôle ne correspond pas à ses chiffres (pour ${bilan.uai.slice(0, 7)}, la lettre est ${lettre} : ${bilan.uai.slice(0, 7)}${lettre} ?). Ses reliquats ne sont pas reportés (ils iraient à un établissement qui n'existe pas) : corrigez l'UAI en tête du bilan, puis relancez.`,
        ),
      );
      continue;
    }
    const deja = parUai.get(bilan.uai);
    if (deja) {
      // Décision (regles.md#reliquats.bilan-en-double): the same bilan twice (a .xlsx and its .csv)
      // changes nothing; two bilans that differ leave the envelopes where they differ not computed —
      // which one is the corrected one is not known.
      const autres = reliquatDuBilan(bilan, []).reliquats;
      const differentes = ENVELOPPES.filter((e) => String(deja.reliquats[e]) !== String(autres[e]));
      const suite = differentes.map((e) => NOMS_ENVELOPPES[e]).join(" et ");
      const message = `Deuxième bilan pour ${bilan.uai} (le premier est « ${deja.bilan} ») : il n'est pas repris${suite && ` ; reliquat ${suite} différent, non calculé`}. Gardez un seul bilan par établissement.`;
      if (suite) {
        const reliquats = { ...deja.reliquats };
        for (const e of differentes) reliquats[e] = null;
        parUai.set(bilan.uai, { ...deja, reliquats, observations: [...deja.observations, message] });
      }
      constats.push(constat("bilan-en-double", bilan.feuille, null, null, message));
      continue;
    }
    parUai.set(bilan.uai, reliquatDuBilan(bilan, constats, options.verifierBilan?.(bilan)));
  }
  const reliquats = [...parUai.values()].sort((a, b) => (a.uai < b.uai ? -1 : a.uai > b.uai ? 1 : 0));

  const sources = bilans.map((b) => b.feuille);
  let sortie: ResultatReliquats["sortie"];
  if (options.feuilleEtablissements) {
    verifierAnnulation(options.progress);
    const base = await workbook.readSheet(options.feuilleEtablissements, options.progress);
    sources.push(base.name);
    sortie = completerFeuille(base, parUai, constats, options.colonnes?.[base.name], bilans, anneeBilans);
  } else {
    sortie = feuilleSeule(reliquats);
  }
  return {
    anneeBilans,
    anneeDotations: anneeBilans + 1,
    bilans,
    reliquats,
    sortie,
    sources,
    constats,
  };
}

/**
 * Décision (regles.md#reliquats.non-calculable): a reliquat not computed is written « non calculé »,
 * never left blank: the dotation reads a blank as no reliquat and would pay the envelope in full.
 */
const valeur = (d: Decimal | null): CellValue => (d === null ? "non calculé" : montant(d));

function feuilleSeule(reliquats: readonly ReliquatReporte[]): ResultatReliquats["sortie"] {
  return {
    columns: COLONNES_SEULES,
    rows: reliquats.map((r) => [
      r.uai,
      r.nom,
      valeur(r.reliquats.preBac),
      valeur(r.reliquats.postBac),
      r.observations.join("\n"),
    ]),
  };
}

/**
 * The establishments sheet with its reliquats replaced (laid out by disposerEtablissements): the
 * reliquats of each establishment with a bilan filled from it, the others kept with an alerte, and the
 * establishments with a bilan that the sheet lacks added at the end.
 */
function completerFeuille(
  base: SheetData,
  parUai: ReadonlyMap<string, ReliquatReporte>,
  constats: Constat[],
  correction: CorrectionColonnes | undefined,
  bilans: readonly ResultatControleBilan[],
  anneeBilans: AnneeScolaire,
): ResultatReliquats["sortie"] {
  const nomFeuille = base.name;
  const detection = detecterEntete(base, correction);
  const colonneUai = detection?.entete.colonnes.uai;
  if (!detection || !colonneUai) {
    constats.push(
      constat(
        "colonne-manquante",
        nomFeuille,
        detection?.entete.ligne ?? null,
        null,
        `La feuille des établissements « ${nomFeuille} » n'a pas de colonne « UAI » reconnue : elle n'est pas reprise, seuls les établissements des bilans figurent dans le résultat.`,
      ),
    );
    return feuilleSeule([...parUai.values()].sort((a, b) => (a.uai < b.uai ? -1 : 1)));
  }
  const { corps, largeur, indexUai, indexNom, indexReliquat, indexObservations, columns } =
    disposerEtablissements(base, detection, colonneUai.index);
  // Décision (regles.md#reliquats.valeurs-reprises): the sheet's taux and survey answers are those of
  // the bilans' year, copied as they are into next year's sheet: said, to be updated before the dotation.
  const { tauxBoursiers, boursiers, aRepondu } = detection.entete.colonnes;
  if (tauxBoursiers || boursiers || aRepondu)
    constats.push(
      constat(
        "valeurs-reprises",
        nomFeuille,
        detection.entete.ligne,
        null,
        `Taux de boursiers et réponses à l'enquête ${libelleAnnee(anneeBilans)} repris tels quels : mettez-les à jour pour ${libelleAnnee(anneeBilans + 1)} avant les dotations.`,
      ),
    );

  /** The first row of each UAI: the reliquats its dotation deducted (regles.md#reliquats.anterieur-divergent). */
  const vus = new Map<string, { source: Row; ligne: number }>();
  /** A row of the sheet with its reliquats replaced by its bilan's, or kept (regles.md#reliquats.sans-bilan). */
  const completerLigne = (source: Row, ligne: number): CellValue[] => {
    const row: CellValue[] = Array.from({ length: largeur }, (_, j) => source[j] ?? null);
    const lu = lireUai(source[indexUai] ?? null);
    if (!lu.ok) return row; // kept as it is; the dotation's reading reports it
    const premiere = !vus.has(lu.uai);
    if (premiere) vus.set(lu.uai, { source, ligne });
    const reliquat = parUai.get(lu.uai);
    if (!reliquat) {
      if (premiere) {
        constats.push(
          constat(
            "bilan-absent",
            nomFeuille,
            ligne,
            colonneUai.lettre,
            `Aucun bilan lu pour ${lu.uai} : ses reliquats de la feuille « ${nomFeuille} » sont gardés tels quels (ils peuvent être ceux de l'année précédente). Vérifiez-les.`,
          ),
        );
      }
      row[indexObservations] =
        "Aucun bilan lu : reliquats repris de la feuille des établissements, à vérifier.";
      return row;
    }
    for (const e of ENVELOPPES) row[indexReliquat[e]] = valeur(reliquat.reliquats[e]);
    if (indexNom >= 0 && isBlank(row[indexNom]) && reliquat.nom) row[indexNom] = reliquat.nom;
    row[indexObservations] = [`Bilan « ${reliquat.bilan} »`, ...reliquat.observations].join("\n");
    return row;
  };
  const rows: Row[] = corps.map(({ source, ligne }) => {
    const row = completerLigne(source, ligne);
    // A line of a .csv cut into more values than columns (« 802,50 » unquoted in a comma file) is
    // copied as the file gives it, its values under the wrong titles: once in the .xlsx written, nothing
    // would tell them from a note right of the table, so the erreur and the row's observation say it
    // here (regles.md#lecture.csv-valeurs-en-trop).
    if (
      signalerLigneCoupee(
        base,
        detection,
        source,
        ligne,
        constats,
        "Elle est recopiée telle quelle : à corriger avant le calcul des dotations.",
      )
    )
      row[indexObservations] = `Ligne mal découpée dans le fichier.\n${row[indexObservations] ?? ""}`.trim();
    return row;
  });
  const tries = [...parUai.values()].sort((a, b) => (a.uai < b.uai ? -1 : 1));
  for (const reliquat of tries) {
    if (vus.has(reliquat.uai)) continue;
    // A valid UAI the sheet lacks is added — its reliquats are known — but said: its row has no taux
    // de boursiers nor survey answer, which the dotation will need.
    constats.push(
      constat(
        "etablissement-ajoute",
        reliquat.bilan ?? nomFeuille,
        null,
        null,
        `L'établissement ${reliquat.uai} du bilan « ${reliquat.bilan} » n'est pas dans la feuille « ${nomFeuille} » : il y est ajouté avec ses reliquats, sans taux de boursiers ni réponse à l'enquête. Vérifiez l'UAI ; s'il est juste, complétez sa ligne.`,
      ),
    );
    const row: CellValue[] = new Array(largeur).fill(null);
    row[indexUai] = reliquat.uai;
    if (indexNom >= 0) row[indexNom] = reliquat.nom;
    for (const e of ENVELOPPES) row[indexReliquat[e]] = valeur(reliquat.reliquats[e]);
    row[indexObservations] = [
      `Bilan « ${reliquat.bilan} » (établissement ajouté à la feuille des établissements)`,
      ...reliquat.observations,
    ].join("\n");
    rows.push(row);
  }
  // Décision (regles.md#reliquats.anterieur-divergent): the reliquat antérieur a bilan writes is the
  // one this sheet deducted from its dotation, and the value about to be replaced: a bilan that says
  // otherwise (0 instead of the 1 000,00 € deducted — a template rewritten, a cell overwritten) is an
  // alerte, for the reliquat carried, and so the next dotation, depends on it. The bilan is taken as
  // written. A blank cell is 0, as the dotation reads it; an unreadable one is the dotation's erreur
  // (reliquat-illisible); a reliquat column the sheet lacks is compared with nothing.
  // Built once, not a search per establishment; the first bilan of a name, as parUai keeps the first.
  const bilanParFeuille = new Map<string, ResultatControleBilan>();
  for (const b of bilans) if (!bilanParFeuille.has(b.feuille)) bilanParFeuille.set(b.feuille, b);
  for (const reliquat of tries) {
    const premiere = vus.get(reliquat.uai);
    if (!premiere) continue;
    const bilan = bilanParFeuille.get(reliquat.bilan!)!; // parUai's come from one
    for (const e of ENVELOPPES) {
      const champ = CHAMP_RELIQUAT[e];
      const duBilan = bilan.formulaire.reliquats[e];
      if (!detection.entete.colonnes[champ] || duBilan === null) continue;
      const brut = premiere.source[indexReliquat[e]];
      const lu = isBlank(brut) ? { ok: true as const, valeur: ZERO } : lireMontant(brut, "Reliquat");
      if (!lu.ok || lu.valeur.eq(duBilan)) continue;
      const origine = bilan.formulaire.origines[champ];
      constats.push(
        constatA(
          "valeur-divergente",
          bilan.feuille,
          origine,
          `Reliquat antérieur ${NOMS_ENVELOPPES[e]} du bilan : ${formaterEuros(duBilan)}, alors que « ${nomFeuille} » donne ${formaterEuros(lu.valeur)} pour ${reliquat.uai} (ligne ${premiere.ligne}), le reliquat déduit de sa dotation ${libelleAnnee(anneeBilans)}. Le reliquat reporté en dépend (${formaterEuros(lu.valeur.minus(duBilan).abs())} d'écart) : vérifiez le bilan.`,
        ),
      );
    }
  }
  return { columns, rows };
}

export function nomFeuilleReliquats(anneeDotations: AnneeScolaire): string {
  return `Établissements ARE ${libelleAnnee(anneeDotations)}`;
}

/** The establishments sheet of the next dotation, with the reliquats of the bilans. */
export function feuilleReliquats(resultat: ResultatReliquats): OutputSheet {
  const retenus = resultat.reliquats.length;
  return {
    name: nomFeuilleReliquats(resultat.anneeDotations),
    heading: [
      `Établissements ARE ${libelleAnnee(resultat.anneeDotations)} — reliquats des bilans ${libelleAnnee(resultat.anneeBilans)}, à déduire des dotations ${libelleAnnee(resultat.anneeDotations)}`,
      `Bilans lus : ${formaterEntier(resultat.bilans.length)} (${nombreDe(retenus, "établissement repris", "établissements repris")}) ; sources : ${resultat.sources.map((f) => `« ${f} »`).join(", ") || "aucune"}.`,
      phraseConstats(resultat.constats),
      "Reliquat = dotation reçue + reliquat antérieur − achats retenus, par enveloppe (jamais négatif). Cette feuille se donne telle quelle comme feuille des établissements du calcul des dotations.",
    ],
    columns: resultat.sortie.columns,
    rows: resultat.sortie.rows,
    totals: null,
  };
}

export async function ecrireReliquats(workbook: Workbook, resultat: ResultatReliquats): Promise<string> {
  return workbook.writeSheet(feuilleReliquats(resultat));
}
