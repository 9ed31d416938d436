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
import { FORFAIT_KIND_NAMES, type Categorie } from "./categories";
import { boursiersRetenus, assertEffectif, type TauxBoursiers } from "./boursiers";
import { InvalidArgumentError } from "./errors";
import { Decimal, ZERO, formatEuros, formatForfait, formatInteger } from "./money";
import type { Parametres, ValeurResolue } from "./parameters/parametres";
import { schoolYearLabel, type SchoolYear } from "./schoolYear";
import { avecDetails, avecResultat, type Figure, type Trace } from "./trace";

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
   * reliquat or answer to the surveys), with the reason in French. Such an envelope is not computed
   * (0, with the reason as an error) rather than paid as if the reliquat were zero or the answer « oui »:
   * the value must be corrected and the dotation run again.
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
  readonly annee: SchoolYear;
  readonly aRepondu: boolean;
  readonly effectifs: EffectifsParCategorie;
  readonly tauxBoursiers: TauxBoursiers | null;
  /** Null when the post-bac line cannot be computed (post-bac effectifs and no taux). */
  readonly boursiersRetenus: { readonly nombre: number; readonly trace: Trace } | null;
  readonly brute: { readonly prepaMetiers: Figure; readonly preBac: Figure; readonly postBac: Figure | null };
  /** Décision R9: the 3ème prépa-métiers line belongs to the pré-bac envelope. */
  readonly enveloppes: Readonly<Record<Enveloppe, Figure>>;
  readonly reliquats: Reliquats;
  readonly nette: { readonly preBac: Figure; readonly postBac: Figure; readonly total: Figure };
  /** Why a figure is what it is, in French (no answer to the surveys, reliquat above the envelope…). */
  readonly motifs: readonly string[];
  /** Set when a line could not be computed: the establishment's data must be completed. */
  readonly erreurs: readonly string[];
}

export function forfaitsDeLAnnee(annee: SchoolYear, parametres: Parametres): ForfaitsAnnee {
  return {
    prepaMetiers: parametres.forfait("PREPA_METIERS", annee),
    preBac: parametres.forfait("PRE_BAC", annee),
    postBac: parametres.forfait("POST_BAC", annee),
  };
}

function figure(valeur: Decimal, trace: Omit<Trace, "resultat">): Figure {
  return { valeur, trace: avecResultat(trace, formatEuros(valeur)) };
}

const LINE_NAMES: Record<Categorie, string> = {
  PREPA_METIERS: FORFAIT_KIND_NAMES.PREPA_METIERS,
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
    texte = formatForfait(valeur);
    FORFAITS_ECRITS.set(valeur, texte);
  }
  return texte;
}

/** effectif × forfait, e.g. « Pré-bac : 230 élèves × 151 € = 34 730,00 € (arrêté n° 2023-087) ». */
function ligne(categorie: Categorie, nombre: number, unite: string, forfait: ValeurResolue): Figure {
  return figure(forfait.valeur.times(nombre), {
    regle: "R8",
    libelle: LINE_NAMES[categorie],
    calcul: `${formatInteger(nombre)} ${unite} × ${forfaitTexte(forfait.valeur)}`,
    reference: forfait.reference.court,
    details: forfait.origine === "indexe" ? [forfait.trace] : undefined,
  });
}

function boursiersTrace(effectifPostBac: number, taux: TauxBoursiers, nombre: number): Trace {
  return {
    regle: "R8",
    libelle: "Boursiers retenus",
    calcul: `${formatInteger(effectifPostBac)} élèves post-bac × ${taux.description}, arrondi à l'élève (au plus proche)`,
    resultat: `${formatInteger(nombre)} boursiers`,
    reference: "décision R8 : un arrondi par établissement",
  };
}

/**
 * R9 — one envelope net of its reliquat, floored at zero; zero for an establishment that did not
 * answer the regional surveys.
 */
export function dotationNetteEnveloppe(
  libelle: string,
  dotation: Decimal,
  reliquat: Decimal,
  aRepondu: boolean,
): { figure: Figure; motif: string | null } {
  if (reliquat.isNegative()) {
    throw new InvalidArgumentError(
      "reliquat-negatif",
      `${libelle} : un reliquat ne peut pas être négatif (${formatEuros(reliquat)}).`,
    );
  }
  if (!aRepondu) {
    return {
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
  const difference = dotation.minus(reliquat);
  if (reliquat.isZero()) {
    return {
      figure: figure(dotation, { regle: "R9", libelle, calcul: "enveloppe sans reliquat à déduire" }),
      motif: null,
    };
  }
  if (difference.isNegative()) {
    return {
      figure: figure(ZERO, {
        regle: "R9",
        libelle,
        calcul: `${formatEuros(dotation)} − reliquat ${formatEuros(reliquat)} < 0, plancher à zéro`,
        reference: "modalités 2023-2024 : reliquats supérieurs à la dotation, aucune dotation versée",
      }),
      motif: `${libelle} : reliquat (${formatEuros(reliquat)}) supérieur à la dotation calculée (${formatEuros(dotation)}), aucune dotation versée.`,
    };
  }
  return {
    figure: figure(difference, {
      regle: "R9",
      libelle,
      calcul: `${formatEuros(dotation)} − reliquat ${formatEuros(reliquat)}`,
      reference: "modalités 2023-2024 : reliquats déduits",
    }),
    motif: null,
  };
}

/** An envelope left uncomputed (a value it needs is unreadable): 0, never an amount paid by default. */
function enveloppeNonCalculee(libelle: string, raison: string): { figure: Figure; motif: string | null } {
  return {
    figure: figure(ZERO, {
      regle: "R9",
      libelle,
      calcul: `non calculée : ${raison.charAt(0).toLowerCase()}${raison.slice(1)}`,
    }),
    motif: null,
  };
}

/** A net envelope explained down to the envelope it was computed from. */
function withDetails<T extends { figure: Figure }>(net: T, enveloppe: Figure): T {
  // Replacing an existing key of a spread copy (figure) stays on V8's fast path: see trace.ts.
  return {
    ...net,
    figure: { valeur: net.figure.valeur, trace: avecDetails(net.figure.trace, [enveloppe.trace]) },
  };
}

/** The full dotation of one establishment, every figure explained. */
export function calculerDotation(
  donnees: DonneesEtablissement,
  annee: SchoolYear,
  forfaits: ForfaitsAnnee,
): DotationEtablissement {
  const { effectifs } = donnees;
  assertEffectif(effectifs.prepaMetiers, "Effectif 3ème prépa-métiers");
  assertEffectif(effectifs.preBac, "Effectif pré-bac");
  assertEffectif(effectifs.postBac, "Effectif post-bac");
  const motifs: string[] = [];
  const erreurs: string[] = [];

  const prepaMetiers = ligne("PREPA_METIERS", effectifs.prepaMetiers, "élèves", forfaits.prepaMetiers);
  const preBac = ligne("PRE_BAC", effectifs.preBac, "élèves", forfaits.preBac);

  let boursiers: DotationEtablissement["boursiersRetenus"] = null;
  let postBac: Figure | null;
  if (donnees.tauxBoursiers) {
    const nombre = boursiersRetenus(effectifs.postBac, donnees.tauxBoursiers);
    boursiers = { nombre, trace: boursiersTrace(effectifs.postBac, donnees.tauxBoursiers, nombre) };
    postBac = ligne("POST_BAC", nombre, "boursiers", forfaits.postBac);
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
    postBac = ligne("POST_BAC", 0, "boursiers", forfaits.postBac);
  } else {
    postBac = null;
    erreurs.push(
      `Taux de boursiers manquant : la ligne post-bac (${formatInteger(effectifs.postBac)} élèves de 1ère année) n'est pas calculée. Renseignez le taux de boursiers de l'établissement.`,
    );
  }

  const enveloppePreBac = figure(prepaMetiers.valeur.plus(preBac.valeur), {
    regle: "R9",
    libelle: "Enveloppe pré-bac",
    calcul: `${prepaMetiers.trace.resultat} (3ème prépa-métiers) + ${preBac.trace.resultat} (pré-bac)`,
    reference: "décision R9 : la 3ème prépa-métiers relève de l'enveloppe pré-bac",
    details: [prepaMetiers.trace, preBac.trace],
  });
  const enveloppePostBac: Figure = postBac
    ? { valeur: postBac.valeur, trace: { ...postBac.trace, libelle: "Enveloppe post-bac" } }
    : figure(ZERO, {
        regle: "R8",
        libelle: "Enveloppe post-bac",
        calcul: "non calculée, taux de boursiers manquant",
      });

  const bloquees = donnees.nonCalculables ?? {};
  const nettePreBac = withDetails(
    bloquees.preBac !== undefined
      ? enveloppeNonCalculee("Pré-bac net", bloquees.preBac)
      : dotationNetteEnveloppe(
          "Pré-bac net",
          enveloppePreBac.valeur,
          donnees.reliquats.preBac,
          donnees.aRepondu,
        ),
    enveloppePreBac,
  );
  const nettePostBac = withDetails(
    bloquees.postBac !== undefined
      ? enveloppeNonCalculee("Post-bac net", bloquees.postBac)
      : dotationNetteEnveloppe(
          "Post-bac net",
          enveloppePostBac.valeur,
          donnees.reliquats.postBac,
          donnees.aRepondu,
        ),
    enveloppePostBac,
  );
  // One error per reason (an unreadable answer blocks both envelopes for the same reason).
  for (const raison of new Set(Object.values(bloquees))) if (raison !== undefined) erreurs.push(raison);
  if (!donnees.aRepondu) {
    // The same motif on both envelopes: said once, from an envelope that was computed.
    const motif = (bloquees.preBac === undefined ? nettePreBac : nettePostBac).motif;
    if (motif) motifs.push(motif);
  } else {
    if (nettePreBac.motif) motifs.push(nettePreBac.motif);
    // A post-bac line that could not be computed already has its error; comparing its reliquat to 0 says nothing.
    if (nettePostBac.motif && postBac) motifs.push(nettePostBac.motif);
  }

  const total = figure(nettePreBac.figure.valeur.plus(nettePostBac.figure.valeur), {
    regle: "R9",
    libelle: "Dotation nette totale",
    calcul: `${nettePreBac.figure.trace.resultat} (pré-bac) + ${nettePostBac.figure.trace.resultat} (post-bac)`,
    reference: `enveloppes non fongibles, année ${schoolYearLabel(annee)}`,
    details: [nettePreBac.figure.trace, nettePostBac.figure.trace],
  });

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
    motifs,
    erreurs,
  };
}

/**
 * One line alone, as ARE.DOTATION computes it: effectif × forfait, or for post-bac the boursiers
 * retenus (effectif × taux, R8 rounding) × forfait.
 */
export function dotationLigne(
  categorie: Categorie,
  effectif: number,
  annee: SchoolYear,
  parametres: Parametres,
  taux: TauxBoursiers | null,
): Figure {
  assertEffectif(effectif, "Effectif");
  const forfaitKind = categorie;
  const forfait = parametres.forfait(forfaitKind, annee);
  if (categorie !== "POST_BAC") return ligne(categorie, effectif, "élèves", forfait);
  if (!taux) {
    throw new InvalidArgumentError(
      "taux-manquant",
      "La dotation post-bac porte sur les boursiers : indiquez le taux de boursiers de l'établissement.",
    );
  }
  const nombre = boursiersRetenus(effectif, taux);
  const line = ligne("POST_BAC", nombre, "boursiers", forfait);
  return {
    ...line,
    trace: {
      ...line.trace,
      details: [boursiersTrace(effectif, taux, nombre), ...(line.trace.details ?? [])],
    },
  };
}
