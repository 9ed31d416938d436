/**
 * R8-R9 — the dotation of one establishment for a school year.
 *
 * Seed, « Modalités de calcul et d'attribution de la dotation »: 3ème prépa-métiers and pré-bac lines
 * are « le nombre d'élèves (effectifs n-1) × le montant de l'aide »; the post-bac line is « le nombre
 * d'élèves boursiers » × the forfait, the boursiers resulting from a taux de boursiers. « Pour les
 * établissements disposant de reliquats d'ARE de l'année précédente, ceux-ci sont déduits du montant de
 * leur dotation. Pour ceux dont les reliquats sont supérieurs à la dotation calculée, aucune dotation
 * n'est versée. Les établissements n'ayant pas répondu aux enquêtes régionales […] aucune dotation
 * n'est attribuée. » « Les dispositifs ARE pré-bac et ARE post-bac ne sont pas fongibles. »
 */
import { NOMS_FORFAITS, type Categorie } from "./categories";
import { boursiersRetenus, exigerEffectifValide, type TauxBoursiers } from "./boursiers";
import { ErreurArgument } from "./erreurs";
import { Decimal, ZERO, formaterEuros, formaterForfait, nombreDe } from "./montants";
import type { Parametres, ValeurResolue } from "./parametres/parametres";
import { erreurValeurManquante, forfaitsManquants } from "./parametres/manque";
import { libelleAnnee, type AnneeScolaire } from "./anneeScolaire";
import { avecDetails, avecResultat, type Trace, type ValeurTracee } from "./trace";

export interface EffectifsParCategorie {
  readonly prepaMetiers: number;
  readonly preBac: number;
  readonly postBac: number;
}

export type Enveloppe = "preBac" | "postBac";

export interface Reliquats {
  readonly preBac: Decimal;
  readonly postBac: Decimal;
}

export interface DonneesEtablissement {
  readonly uai: string;
  readonly nom?: string | null;
  /** Eligible first-year effectifs n-1, already summed per line. */
  readonly effectifs: EffectifsParCategorie;
  readonly tauxBoursiers: TauxBoursiers | null;
  readonly reliquats: Reliquats;
  /** Did the establishment answer the regional surveys? */
  readonly aRepondu: boolean;
  /**
   * Envelopes that cannot be computed because a value they need could not be read (an unreadable
   * reliquat or answer to the surveys), with the reason in French. Such an envelope is « non calculée »
   * (no net, the reason as an error) rather than paid as if the reliquat were zero or the answer « oui »:
   * the value must be corrected and the dotation run again. Ignored for a non-respondent (nothing is
   * attributed to it whatever the values).
   */
  readonly nonCalculables?: Readonly<Partial<Record<Enveloppe, string>>>;
}

export interface ForfaitsAnnee {
  readonly prepaMetiers: ValeurResolue;
  readonly preBac: ValeurResolue;
  readonly postBac: ValeurResolue;
}

export interface DotationEtablissement {
  readonly uai: string;
  readonly nom: string | null;
  readonly annee: AnneeScolaire;
  readonly aRepondu: boolean;
  readonly effectifs: EffectifsParCategorie;
  readonly tauxBoursiers: TauxBoursiers | null;
  /** Null when the post-bac line cannot be computed (post-bac effectifs and no taux: regles.md#dotation.sans-taux). */
  readonly boursiersRetenus: { readonly nombre: number; readonly trace: Trace } | null;
  readonly brute: {
    readonly prepaMetiers: ValeurTracee;
    readonly preBac: ValeurTracee;
    readonly postBac: ValeurTracee | null;
  };
  /** Décision R9 (regles.md#enveloppes.prepa-metiers-pre-bac): the 3ème prépa-métiers line belongs to the pré-bac envelope. */
  readonly enveloppes: Readonly<Record<Enveloppe, ValeurTracee>>;
  readonly reliquats: Reliquats;
  /**
   * The nets as explained figures. A figure of an envelope « non calculée » is 0 with a trace saying
   * so: what is shown or summed must come from `parts` (its nette is null), never from this 0.
   */
  readonly nette: {
    readonly preBac: ValeurTracee;
    readonly postBac: ValeurTracee;
    readonly total: ValeurTracee;
  };
  /** R9 — how each envelope goes from its dotation calculée to its net (partsEnveloppe). */
  readonly parts: Readonly<Record<Enveloppe, PartsEnveloppe>>;
  /** Why a figure is what it is, in French (no answer to the surveys, reliquat above the envelope…). */
  readonly motifs: readonly string[];
  /** Set when a line could not be computed: the establishment's data must be completed. */
  readonly erreurs: readonly string[];
}

/**
 * The three forfaits of a dotation year (R6-R7). A year that cannot resolve them all is an
 * ErreurParametreManquant naming the missing ones when others are known (forfaitsManquants): the task
 * pane shows its message before any calculation.
 */
export function forfaitsDeLAnnee(annee: AnneeScolaire, parametres: Parametres): ForfaitsAnnee {
  const manque = forfaitsManquants(parametres, annee);
  if (manque) throw erreurValeurManquante(manque);
  return {
    prepaMetiers: parametres.forfait("PREPA_METIERS", annee),
    preBac: parametres.forfait("PRE_BAC", annee),
    postBac: parametres.forfait("POST_BAC", annee),
  };
}

/** The result of a figure that could not be computed (an envelope, or a total that adds one). */
const NON_CALCULEE = "non calculée";

function figure(valeur: Decimal, trace: Omit<Trace, "resultat">): ValeurTracee {
  return { valeur, trace: avecResultat(trace, formaterEuros(valeur)) };
}

const LINE_NAMES: Record<Categorie, string> = {
  PREPA_METIERS: NOMS_FORFAITS.PREPA_METIERS,
  PRE_BAC: "Pré-bac",
  POST_BAC: "Post-bac",
};

/**
 * « 157 € »: a year's forfait, the same Decimal for every establishment of a run, formatted once
 * (the explanations of hundreds of dotations repeat it).
 */
const FORFAITS_ECRITS = new WeakMap<Decimal, string>();
function forfaitTexte(valeur: Decimal): string {
  let texte = FORFAITS_ECRITS.get(valeur);
  if (texte === undefined) {
    texte = formaterForfait(valeur);
    FORFAITS_ECRITS.set(valeur, texte);
  }
  return texte;
}

/**
 * effectif × forfait (regles.md#dotation.par-categorie), e.g. « Pré-bac : 230 élèves × 151 € = 34 730,00 € (arrêté n° 2023-087) »;
 * `unite` in the singular, as « 1 élève » and « 0 boursier » are written.
 */
function ligne(categorie: Categorie, nombre: number, unite: string, forfait: ValeurResolue): ValeurTracee {
  return figure(forfait.valeur.times(nombre), {
    regle: "R8",
    libelle: LINE_NAMES[categorie],
    calcul: `${nombreDe(nombre, unite)} × ${forfaitTexte(forfait.valeur)}`,
    reference: forfait.reference.court,
    details: forfait.origine === "indexe" ? [forfait.trace] : undefined,
  });
}

function boursiersTrace(effectifPostBac: number, taux: TauxBoursiers, nombre: number): Trace {
  return {
    regle: "R8",
    libelle: "Boursiers retenus",
    calcul: `${nombreDe(effectifPostBac, "élève")} post-bac × ${taux.description}, arrondi à l'élève (au plus proche)`,
    resultat: nombreDe(nombre, "boursier"),
    reference: "décision : un arrondi par établissement",
  };
}

/**
 * R9 — what happens to one envelope of one establishment, from its dotation calculée to its net:
 * - « versee »: the reliquat (possibly 0) is deducted in full, the net is paid;
 * - « ecretee » (regles.md#enveloppes.reliquats): the reliquat exceeds the dotation (seed: « aucune dotation n'est versée »);
 * - « non-repondant » (regles.md#enveloppes.non-repondants): no answer to the regional surveys, nothing is attributed;
 * - « non-calculee »: a value it needs is unreadable (reliquat, answer to the surveys) or missing (taux
 *   de boursiers for post-bac effectifs): no net is shown, never 0,00 € (design.md §4).
 *
 * Décision R9 (regles.md#enveloppes.rapprochement; how the totals reconcile, design.md R9): every envelope's dotation calculée is split
 * into exactly one of four parts, so that per envelope and for any sum of envelopes
 *   dotation calculée − reliquats déduits − non-répondants − non calculées = dotation nette.
 * The « reliquat déduit » is the part of the reliquat actually deducted: the whole reliquat when it does
 * not exceed the dotation, the dotation itself when it does (the envelope then nets to 0). The rest of
 * such a reliquat (reliquat − dotation) is the « écrêtement »: neither deducted nor paid, it is not a
 * part of the dotation calculée and so does not enter the identity above; it reconciles the reliquats
 * instead: reliquats déclarés = reliquats déduits + écrêtement + reliquats non pris en compte (those of
 * non-respondents and of non-computed envelopes, whose dotation is not netted). A non-respondent's whole
 * dotation calculée is the « non-répondants » part (its reliquat is not deducted from it: nothing is
 * attributed either way); a non-computed envelope's dotation calculée (0 when its line itself could not
 * be computed) is the « non calculées » part. Amounts are exact decimals: the identities hold to the
 * cent and beyond.
 */
export type CasEnveloppe = "versee" | "ecretee" | "non-repondant" | "non-calculee";

export interface PartsEnveloppe {
  readonly cas: CasEnveloppe;
  /** The envelope's dotation calculée (the lines' effectif × forfait); 0 when a line could not be computed. */
  readonly calculee: Decimal;
  /** The reliquat declared for the envelope (0 when blank or unreadable). */
  readonly reliquat: Decimal;
  readonly reliquatDeduit: Decimal;
  /** Reliquat − dotation when the reliquat exceeds the dotation; not deducted. */
  readonly ecretement: Decimal;
  readonly nonRepondant: Decimal;
  readonly nonCalculee: Decimal;
  /** Null when the envelope is not computed. */
  readonly nette: Decimal | null;
}

/**
 * The parts of an envelope, every key given in one order (that of the --json output). Not a spread
 * copy with keys added: with Node 20 (V8 11) adding a key to a spread copy leaves V8's fast path
 * (~6 µs a call, most of ARE.NETTE over a range and of each dotation: docs/performance.md).
 */
function parts(
  cas: CasEnveloppe,
  calculee: Decimal,
  reliquat: Decimal,
  montants: Partial<Pick<PartsEnveloppe, "reliquatDeduit" | "ecretement" | "nonRepondant" | "nonCalculee">>,
  nette: Decimal | null,
): PartsEnveloppe {
  return {
    calculee,
    reliquat,
    reliquatDeduit: montants.reliquatDeduit ?? ZERO,
    ecretement: montants.ecretement ?? ZERO,
    nonRepondant: montants.nonRepondant ?? ZERO,
    nonCalculee: montants.nonCalculee ?? ZERO,
    cas,
    nette,
  };
}

/** R9 — the parts of one envelope (see CasEnveloppe); throws on a negative reliquat like dotationNetteEnveloppe. */
export function partsEnveloppe(
  calculee: Decimal,
  reliquat: Decimal,
  aRepondu: boolean,
  calculable: boolean,
): PartsEnveloppe {
  if (!aRepondu) return parts("non-repondant", calculee, reliquat, { nonRepondant: calculee }, ZERO);
  if (!calculable) return parts("non-calculee", calculee, reliquat, { nonCalculee: calculee }, null);
  if (reliquat.isNegative()) {
    throw new ErreurArgument(
      "reliquat-negatif",
      `Un reliquat ne peut pas être négatif (${formaterEuros(reliquat)}).`,
    );
  }
  if (reliquat.gt(calculee)) {
    const ecretement = reliquat.minus(calculee);
    return parts("ecretee", calculee, reliquat, { reliquatDeduit: calculee, ecretement }, ZERO);
  }
  return parts("versee", calculee, reliquat, { reliquatDeduit: reliquat }, calculee.minus(reliquat));
}

/** One line of the totals: an amount and how many establishments it concerns. */
export interface LigneTotal {
  readonly montant: Decimal;
  readonly etablissements: number;
}

/** An envelope's totals over establishments: the parts summed, each with its count (see CasEnveloppe). */
export interface TotauxEnveloppe {
  /** Every establishment: its dotation calculée. */
  readonly calculee: LigneTotal;
  readonly reliquatsDeduits: LigneTotal;
  readonly nonRepondants: LigneTotal;
  /** Envelopes not computed: their dotation calculée (known part) and how many are missing from the net. */
  readonly nonCalculees: LigneTotal;
  /** The computed envelopes' nets (non-respondents and écrêtées at 0 included). */
  readonly nette: LigneTotal;
  readonly reliquatsDeclares: LigneTotal;
  readonly ecretement: LigneTotal;
  /** Reliquats of non-respondents and of non-computed envelopes, not deducted. */
  readonly reliquatsNonPrisEnCompte: LigneTotal;
}

/** Sums the parts of one envelope over establishments (R9 identities: see CasEnveloppe). */
export function totaliserEnveloppe(parts: Iterable<PartsEnveloppe>): TotauxEnveloppe {
  const t: Record<keyof TotauxEnveloppe, { montant: Decimal; etablissements: number }> = {
    calculee: { montant: ZERO, etablissements: 0 },
    reliquatsDeduits: { montant: ZERO, etablissements: 0 },
    nonRepondants: { montant: ZERO, etablissements: 0 },
    nonCalculees: { montant: ZERO, etablissements: 0 },
    nette: { montant: ZERO, etablissements: 0 },
    reliquatsDeclares: { montant: ZERO, etablissements: 0 },
    ecretement: { montant: ZERO, etablissements: 0 },
    reliquatsNonPrisEnCompte: { montant: ZERO, etablissements: 0 },
  };
  const ajouter = (ligne: keyof TotauxEnveloppe, montant: Decimal, compte: boolean) => {
    if (!compte) return;
    t[ligne].montant = t[ligne].montant.plus(montant);
    t[ligne].etablissements++;
  };
  for (const p of parts) {
    const ignore = p.cas === "non-repondant" || p.cas === "non-calculee";
    ajouter("calculee", p.calculee, true);
    ajouter("reliquatsDeduits", p.reliquatDeduit, !p.reliquatDeduit.isZero());
    ajouter("nonRepondants", p.nonRepondant, p.cas === "non-repondant");
    ajouter("nonCalculees", p.nonCalculee, p.cas === "non-calculee");
    ajouter("nette", p.nette ?? ZERO, p.nette !== null);
    ajouter("reliquatsDeclares", p.reliquat, !p.reliquat.isZero());
    ajouter("ecretement", p.ecretement, p.cas === "ecretee");
    ajouter("reliquatsNonPrisEnCompte", p.reliquat, ignore && !p.reliquat.isZero());
  }
  return t;
}

/** The net total of an establishment, null when one of its envelopes is not computed (never shown as if complete). */
export function netteTotaleConnue(d: Pick<DotationEtablissement, "parts" | "nette">): Decimal | null {
  return d.parts.preBac.nette === null || d.parts.postBac.nette === null ? null : d.nette.total.valeur;
}

/**
 * R9 — one envelope net of its reliquat, floored at zero; zero for an establishment that did not
 * answer the regional surveys. The figure explains its parts (partsEnveloppe).
 */
export function dotationNetteEnveloppe(
  libelle: string,
  dotation: Decimal,
  reliquat: Decimal,
  aRepondu: boolean,
): { figure: ValeurTracee; motif: string | null; parts: PartsEnveloppe } {
  if (reliquat.isNegative()) {
    throw new ErreurArgument(
      "reliquat-negatif",
      `${libelle} : un reliquat ne peut pas être négatif (${formaterEuros(reliquat)}).`,
    );
  }
  const parts = partsEnveloppe(dotation, reliquat, aRepondu, true);
  if (parts.cas === "non-repondant") {
    return {
      parts,
      figure: figure(ZERO, {
        regle: "R9",
        libelle,
        calcul: "établissement n'ayant pas répondu aux enquêtes régionales, aucune dotation attribuée",
        reference: "modalités 2023-2024",
      }),
      motif:
        "N'a pas répondu aux enquêtes régionales : réputé disposer de reliquats suffisants, aucune dotation attribuée.",
    };
  }
  if (parts.cas === "ecretee") {
    return {
      parts,
      figure: figure(ZERO, {
        regle: "R9",
        libelle,
        calcul: `${formaterEuros(dotation)} − reliquat ${formaterEuros(reliquat)} < 0, plancher à zéro`,
        reference: "modalités 2023-2024 : reliquats supérieurs à la dotation, aucune dotation versée",
      }),
      motif: `${libelle} : reliquat (${formaterEuros(reliquat)}) supérieur à la dotation calculée (${formaterEuros(dotation)}), aucune dotation versée.`,
    };
  }
  const net = parts.nette ?? ZERO;
  return {
    parts,
    figure: reliquat.isZero()
      ? figure(net, { regle: "R9", libelle, calcul: "enveloppe sans reliquat à déduire" })
      : figure(net, {
          regle: "R9",
          libelle,
          calcul: `${formaterEuros(dotation)} − reliquat ${formaterEuros(reliquat)}`,
          reference: "modalités 2023-2024 : reliquats déduits",
        }),
    motif: null,
  };
}

/**
 * An envelope left uncomputed (a value it needs is unreadable or missing): no net (parts.nette null);
 * its figure is 0 only so that traces stay figures, and says « non calculée ».
 */
function enveloppeNonCalculee(
  libelle: string,
  dotation: Decimal,
  reliquat: Decimal,
  raison: string,
): { figure: ValeurTracee; motif: string | null; parts: PartsEnveloppe } {
  return {
    parts: partsEnveloppe(dotation, reliquat, true, false),
    // Its result reads « non calculée », never « 0,00 € »: the sheets leave its cell empty.
    figure: {
      valeur: ZERO,
      trace: avecResultat(
        {
          regle: "R9",
          libelle,
          calcul: `non calculée : ${raison.charAt(0).toLowerCase()}${raison.slice(1).replace(/\.$/, "")}`,
        },
        NON_CALCULEE,
      ),
    },
    motif: null,
  };
}

/** A net envelope explained down to the envelope it was computed from. */
function withDetails<T extends { figure: ValeurTracee }>(net: T, enveloppe: ValeurTracee): T {
  // Replacing an existing key of a spread copy (figure) stays on V8's fast path: see trace.ts.
  return {
    ...net,
    figure: { valeur: net.figure.valeur, trace: avecDetails(net.figure.trace, [enveloppe.trace]) },
  };
}

/** The full dotation of one establishment, every figure explained. */
export function calculerDotation(
  donnees: DonneesEtablissement,
  annee: AnneeScolaire,
  forfaits: ForfaitsAnnee,
): DotationEtablissement {
  const { effectifs } = donnees;
  exigerEffectifValide(effectifs.prepaMetiers, "Effectif 3e prépa-métiers");
  exigerEffectifValide(effectifs.preBac, "Effectif pré-bac");
  exigerEffectifValide(effectifs.postBac, "Effectif post-bac");
  const motifs: string[] = [];
  const erreurs: string[] = [];

  const prepaMetiers = ligne("PREPA_METIERS", effectifs.prepaMetiers, "élève", forfaits.prepaMetiers);
  const preBac = ligne("PRE_BAC", effectifs.preBac, "élève", forfaits.preBac);

  let boursiers: DotationEtablissement["boursiersRetenus"] = null;
  let postBac: ValeurTracee | null;
  if (donnees.tauxBoursiers) {
    const nombre = boursiersRetenus(effectifs.postBac, donnees.tauxBoursiers);
    boursiers = { nombre, trace: boursiersTrace(effectifs.postBac, donnees.tauxBoursiers, nombre) };
    postBac = ligne("POST_BAC", nombre, "boursier", forfaits.postBac);
    postBac = {
      ...postBac,
      trace: avecDetails(postBac.trace, [boursiers.trace, ...(postBac.trace.details ?? [])]),
    };
  } else if (effectifs.postBac === 0) {
    boursiers = {
      nombre: 0,
      trace: {
        regle: "R8",
        libelle: "Boursiers retenus",
        calcul: "aucun élève post-bac éligible",
        resultat: "0 boursier",
      },
    };
    postBac = ligne("POST_BAC", 0, "boursier", forfaits.postBac);
  } else {
    postBac = null;
    erreurs.push(
      `Taux de boursiers manquant : la ligne post-bac (${nombreDe(effectifs.postBac, "élève")} de 1re année) n'est pas calculée. Renseignez le taux de boursiers de l'établissement.`,
    );
  }

  const enveloppePreBac = figure(prepaMetiers.valeur.plus(preBac.valeur), {
    regle: "R9",
    libelle: "Enveloppe pré-bac",
    calcul: `${prepaMetiers.trace.resultat} (3e prépa-métiers) + ${preBac.trace.resultat} (pré-bac)`,
    reference: "décision : la 3e prépa-métiers relève de l'enveloppe pré-bac",
    details: [prepaMetiers.trace, preBac.trace],
  });
  const enveloppePostBac: ValeurTracee = postBac
    ? { valeur: postBac.valeur, trace: { ...postBac.trace, libelle: "Enveloppe post-bac" } }
    : figure(ZERO, {
        regle: "R8",
        libelle: "Enveloppe post-bac",
        calcul: "non calculée, taux de boursiers manquant",
      });

  // A non-respondent gets nothing whatever its reliquats: an unreadable one then blocks nothing.
  const bloquees = donnees.aRepondu ? (donnees.nonCalculables ?? {}) : {};
  const nette = (enveloppe: Enveloppe, libelle: string, calculee: ValeurTracee, raison: string | undefined) =>
    withDetails(
      raison !== undefined
        ? enveloppeNonCalculee(libelle, calculee.valeur, donnees.reliquats[enveloppe], raison)
        : dotationNetteEnveloppe(libelle, calculee.valeur, donnees.reliquats[enveloppe], donnees.aRepondu),
      calculee,
    );
  const nettePreBac = nette("preBac", "Pré-bac net", enveloppePreBac, bloquees.preBac);
  const nettePostBac = nette(
    "postBac",
    "Post-bac net",
    enveloppePostBac,
    bloquees.postBac ?? (postBac || !donnees.aRepondu ? undefined : "Taux de boursiers manquant."),
  );
  // One error per reason (an unreadable answer blocks both envelopes for the same reason).
  for (const raison of new Set(Object.values(bloquees))) if (raison !== undefined) erreurs.push(raison);
  if (!donnees.aRepondu) {
    if (nettePreBac.motif) motifs.push(nettePreBac.motif); // the same motif on both envelopes: said once
  } else {
    if (nettePreBac.motif) motifs.push(nettePreBac.motif);
    if (nettePostBac.motif) motifs.push(nettePostBac.motif);
  }

  // With an envelope « non calculée » the total is not known either (its cell stays empty): its
  // explanation says so instead of adding 0,00 €.
  const totalInconnu = nettePreBac.parts.nette === null || nettePostBac.parts.nette === null;
  const total = {
    valeur: nettePreBac.figure.valeur.plus(nettePostBac.figure.valeur),
    trace: avecResultat(
      {
        regle: "R9",
        libelle: "Dotation nette totale",
        calcul: `${nettePreBac.figure.trace.resultat} (pré-bac) + ${nettePostBac.figure.trace.resultat} (post-bac)`,
        reference: `enveloppes non fongibles, année ${libelleAnnee(annee)}`,
        details: [nettePreBac.figure.trace, nettePostBac.figure.trace],
      },
      totalInconnu ? NON_CALCULEE : formaterEuros(nettePreBac.figure.valeur.plus(nettePostBac.figure.valeur)),
    ),
  };

  return {
    uai: donnees.uai,
    nom: donnees.nom ?? null,
    annee,
    aRepondu: donnees.aRepondu,
    effectifs,
    tauxBoursiers: donnees.tauxBoursiers,
    boursiersRetenus: boursiers,
    brute: { prepaMetiers, preBac, postBac },
    enveloppes: { preBac: enveloppePreBac, postBac: enveloppePostBac },
    reliquats: donnees.reliquats,
    nette: { preBac: nettePreBac.figure, postBac: nettePostBac.figure, total },
    parts: { preBac: nettePreBac.parts, postBac: nettePostBac.parts },
    motifs,
    erreurs,
  };
}

/** The taux de boursiers a post-bac line needs (R8). */
function tauxRequis(taux: TauxBoursiers | null): TauxBoursiers {
  if (!taux) {
    throw new ErreurArgument(
      "taux-manquant",
      "La dotation post-bac porte sur les boursiers : indiquez le taux de boursiers de l'établissement.",
    );
  }
  return taux;
}

/**
 * One line alone, explained: effectif × forfait, or for post-bac the boursiers retenus (effectif ×
 * taux, R8 rounding) × forfait.
 */
export function dotationLigne(
  categorie: Categorie,
  effectif: number,
  annee: AnneeScolaire,
  parametres: Parametres,
  taux: TauxBoursiers | null,
): ValeurTracee {
  exigerEffectifValide(effectif, "Effectif");
  const forfait = parametres.forfait(categorie, annee);
  if (categorie !== "POST_BAC") return ligne(categorie, effectif, "élève", forfait);
  if (effectif === 0 && !taux) return ligne("POST_BAC", 0, "boursier", forfait);
  const retenu = tauxRequis(taux);
  const nombre = boursiersRetenus(effectif, retenu);
  const line = ligne("POST_BAC", nombre, "boursier", forfait);
  return {
    ...line,
    trace: {
      ...line.trace,
      details: [boursiersTrace(effectif, retenu, nombre), ...(line.trace.details ?? [])],
    },
  };
}

/**
 * The amount of dotationLigne alone, as ARE.DOTATION shows it: the same checks in the same order, the
 * same product, without the explanation — writing it (amounts formatted in French) for every cell of
 * a range cost more than the amount itself (docs/performance.md).
 */
export function montantLigne(
  categorie: Categorie,
  effectif: number,
  annee: AnneeScolaire,
  parametres: Parametres,
  taux: TauxBoursiers | null,
): Decimal {
  exigerEffectifValide(effectif, "Effectif");
  const forfait = parametres.forfait(categorie, annee);
  if (categorie !== "POST_BAC") return forfait.valeur.times(effectif);
  // Décision (regles.md#dotation.sans-taux): no post-bac student, no boursier — the taux is not asked for.
  if (effectif === 0 && !taux) return forfait.valeur.times(0);
  return forfait.valeur.times(boursiersRetenus(effectif, tauxRequis(taux)));
}
