/**
 * The one formatter of a missing parameter value (issue 14 §2). The core says what is missing as data
 * (`ValeurManquante`: the parameter, the year, the index values that would resolve it); the command
 * line, the task pane and the functions all turn that structure into French here, each adding how its
 * user supplies a value — no adapter reads another module's sentence.
 */
import { ErreurParametreManquant, type IndiceManquant, type ValeurManquante } from "../erreurs";
import { libelleAnnee, type AnneeScolaire } from "../anneeScolaire";
import { NOMS_FORFAITS, type TypeForfait } from "../categories";
import { libelleMoisIpc, type BaseIpc } from "./ipc";
import type { Parametres } from "./parametres";
import { PARAMETRES_EMBARQUES, type IdParametre } from "./registre";

/** « IPC décembre 2024 (base 2015) ». */
export function nomIndiceManquant(indice: IndiceManquant): string {
  return `IPC ${libelleMoisIpc(indice.mois, indice.base as BaseIpc)}`;
}

/** « IPC décembre 2024 (base 2015) et IPC décembre 2025 (base 2015) », in the order given. */
export function nomsDesIndices(manque: readonly IndiceManquant[]): string {
  return manque.map(nomIndiceManquant).join(" et ");
}

/** The same index values once each, oldest month first (several forfaits missing the same Decembers). */
export function indicesDistincts(manque: readonly IndiceManquant[]): IndiceManquant[] {
  const parCle = new Map(manque.map((m) => [`${m.mois}@${m.base}`, m]));
  return [...parCle.values()].sort((a, b) =>
    a.mois === b.mois ? a.base - b.base : a.mois < b.mois ? -1 : 1,
  );
}

/** Beyond this many, the index values missing are counted, not each named. */
export const INDICES_NOMMES = 4;

/**
 * What the sentence says is missing, oldest first: each index value up to INDICES_NOMMES (the next
 * rentrées need two to four), else their number, the first and the last — a year typed far ahead
 * (2100 for 2010) would otherwise name 77 Decembers in a cell's error.
 */
export function indicesManquants(manque: readonly IndiceManquant[]): string {
  const tries = indicesDistincts(manque);
  return tries.length <= INDICES_NOMMES
    ? nomsDesIndices(tries)
    : `${tries.length} indices, de l'${nomIndiceManquant(tries[0])} à l'${nomIndiceManquant(tries[tries.length - 1])}`;
}

/** The rate of indexation (R7), which every forfait of the year needs: named as the forfaits. */
export const TAUX_INDEXATION = "indexation.taux";

function estForfait(parametre: string): boolean {
  return parametre.startsWith("forfait.") || parametre === TAUX_INDEXATION;
}

function nomDuParametre(parametre: string): string {
  return PARAMETRES_EMBARQUES[parametre as IdParametre]?.nom ?? parametre;
}

/**
 * « Forfaits 2025-2026 non calculables : il manque IPC décembre 2024 (base 2015). » Every forfait
 * follows the same index, so a missing December stops them all: the sentence names the forfaits —
 * those missing when the others are known (`forfaits`, forfaitsManquants): « Forfait 3e prépa-métiers
 * 2025-2026 non calculable », never « Forfaits … » as if the amounts entered had been ignored.
 */
export function constatValeurManquante(valeur: ValeurManquante): string {
  const annee = libelleAnnee(valeur.annee);
  if (valeur.manque.length === 0)
    return `${nomDuParametre(valeur.parametre)} ${annee} inconnu : aucune valeur publiée pour cette année ni pour une année antérieure.`;
  const forfaits = valeur.forfaits;
  const pluriel = forfaits && forfaits.length > 1 ? "s" : "";
  const titre = forfaits
    ? `Forfait${pluriel} ${forfaits.map((f) => NOMS_FORFAITS[f]).join(" et ")} ${annee} non calculable${pluriel}`
    : estForfait(valeur.parametre)
      ? `Forfaits ${annee} non calculables`
      : `${nomDuParametre(valeur.parametre)} ${annee} non calculable`;
  return `${titre} : il manque ${indicesManquants(valeur.manque)}.`;
}

/**
 * What stops the dotation of a year (R6-R7), or null when its three forfaits resolve: the first
 * missing forfait's structure when all three are missing; when some are known (entered or published)
 * and others not, the missing ones named in `forfaits`, with their index values once each. The one
 * place the command line and the task pane learn which forfaits a year lacks. An error without a
 * structure (a year before the rules) is thrown as it is. Given `kinds` (the CPGE forfait too, which no
 * dotation needs, for the table of the forfaits; those `are forfait --categorie` asks), the same among
 * those: « Forfait CPGE (par concours) 2026-2027 non calculable » when only it is missing, never
 * « Forfaits » as if the amounts known had been ignored; one asked alone is named.
 */
export function forfaitsManquants(
  parametres: Parametres,
  annee: AnneeScolaire,
  kinds: readonly TypeForfait[] = ["PREPA_METIERS", "PRE_BAC", "POST_BAC"],
): ValeurManquante | null {
  const forfaits: TypeForfait[] = [];
  const valeurs: ValeurManquante[] = [];
  for (const kind of kinds) {
    try {
      parametres.forfait(kind, annee);
    } catch (error) {
      // Only an ErreurParametreManquant has the structure; any other error is not ours to word.
      const valeur = (error as Partial<ErreurParametreManquant>).valeurManquante;
      if (!valeur) throw error;
      forfaits.push(kind);
      valeurs.push(valeur);
    }
  }
  // Named, unless all three of a dotation's are missing (« Forfaits 2025-2026 non calculables »).
  if (valeurs[0] && forfaits.filter((kind) => kind !== "CPGE").length < 3)
    return { ...valeurs[0], manque: indicesDistincts(valeurs.flatMap((v) => v.manque)), forfaits };
  return valeurs[0] ?? null;
}

/** How the user supplies what is missing, where they read the message. */
export type CommentSaisir = (valeur: ValeurManquante) => string;

/**
 * In the add-in (task pane and functions): the Paramètres screen. One forfait named missing
 * (forfaitsManquants) asks for that one amount: « le forfait publié », not « les forfaits ».
 */
export const DANS_PARAMETRES: CommentSaisir = (valeur) => {
  if (valeur.manque.length === 0) return "";
  const series = [...new Set(valeur.manque.map((m) => m.serie ?? `base ${m.base}`))].join(" et ");
  const publies = !estForfait(valeur.parametre)
    ? "la valeur publiée"
    : valeur.forfaits?.length === 1
      ? "le forfait publié"
      : "les forfaits publiés";
  return `Saisissez ${valeur.manque.length > 1 ? "ces valeurs" : "cette valeur"} (série INSEE ${series}) ou ${publies} pour ${libelleAnnee(valeur.annee)} dans Paramètres.`;
};

/** What is missing and how to supply it: the constat, then the adapter's way (Paramètres by default). */
export function formaterValeurManquante(
  valeur: ValeurManquante,
  commentSaisir: CommentSaisir = DANS_PARAMETRES,
  separateur = " ",
): string {
  const saisie = commentSaisir(valeur);
  return saisie === ""
    ? constatValeurManquante(valeur)
    : `${constatValeurManquante(valeur)}${separateur}${saisie}`;
}

/** The typed error of a missing value: its message and `missing` both come from the structure. */
export function erreurValeurManquante(valeur: ValeurManquante): ErreurParametreManquant {
  const annee = libelleAnnee(valeur.annee);
  return new ErreurParametreManquant(
    valeur.manque.length > 0 ? "ipc-manquant" : "valeur-manquante",
    formaterValeurManquante(valeur),
    valeur.manque.length > 0 ? nomsDesIndices(valeur.manque) : `${nomDuParametre(valeur.parametre)} ${annee}`,
    valeur,
  );
}
