/**
 * What the stores kept in a workbook's document setting share (parametresStore.ts: the values entered
 * in Paramètres; listesStore.ts: the lists of formations loaded in Catalogue): a state the custom
 * functions read synchronously and the task pane listens to, loaded from one setting holding JSON.
 *
 * The load protocol is the same for both: a setting read after the user changed the state does not
 * undo the change; a blank setting leaves the state as it is; an unreadable one is reported with its
 * reason and never deleted (the setting stays as it is until the user saves again); a function that
 * answered before the load ends is known, so that the store can ask for a recalculation. Pure, so it
 * runs in jest; the stores pass what is theirs (how to read, parse and warn, what to do after).
 */

/** Parses a setting's value: a JSON string (as saved) or an already parsed value. */
export function lireJsonReglage(brut: unknown): unknown {
  if (typeof brut !== "string") return brut;
  try {
    return JSON.parse(brut);
  } catch {
    throw new TypeError("le contenu n'est pas du JSON valide");
  }
}

/** Why a setting could not be used, in French, ending with a full stop: for the warning. */
export function raisonIllisible(error: unknown): string {
  const raison = error instanceof Error ? error.message : String(error);
  return /[.!?]$/.test(raison) ? raison : `${raison}.`;
}

/** What a persistence read: at least the setting's value (null or "" when the workbook has none). */
export interface LectureReglage {
  readonly valeur: unknown;
}

/** What every store of a setting offers the task pane, with its own reads and changes. */
export interface StoreReglage<E, P> {
  etat(): E;
  /** Calls `abonne` after every change; returns the function that stops it. */
  abonner(abonne: (etat: E) => void): () => void;
  /** Loads the setting saved in the workbook; an unreadable one is reported, never deleted. */
  charger(): Promise<void>;
  /**
   * Attaches the workbook once Office says it runs in Excel, then loads its setting. Until then (or
   * outside Excel) changes apply in memory only.
   */
  brancher(persistence: P): Promise<void>;
}

export interface OptionsReglageStore<E, P, L extends LectureReglage> {
  readonly initial: E;
  /** The workbook, when known at creation (else `brancher`). */
  readonly persistence: P | null;
  /** Reads the setting (a failure, reported as unreadable, never deletes it). */
  lire(persistence: P): Promise<L>;
  /** The state a non-blank value gives; throws, with a French reason, when it cannot be used. */
  interpreter(lecture: L): E;
  /** The state that says why the setting was not used: the state before, with a warning. */
  avertir(etat: E, error: unknown): E;
  /** After a load applied, with whether a function read the state before it ended. */
  apresChargement(persistence: P, etat: E, lecture: L, luAvantChargement: boolean): Promise<void>;
}

export interface ReglageStore<E, P> extends StoreReglage<E, P> {
  /** The state, for the functions: synchronous; notes a read that comes before the load. */
  lire(): E;
  /** A change made by the user: published at once, and a load still running will not undo it. */
  modifier(suivant: E): void;
  /** The workbook attached, null until then (or outside Excel). */
  persistence(): P | null;
}

export function createReglageStore<E, P, L extends LectureReglage>(
  options: OptionsReglageStore<E, P, L>,
): ReglageStore<E, P> {
  let etat = options.initial;
  let persistence = options.persistence;
  const abonnes = new Set<(etat: E) => void>();
  /** Counts the user's changes: a load that finishes after one must not undo it. */
  let modifications = 0;
  /** Whether a function read the state before the workbook's setting was loaded. */
  let luAvantChargement = false;
  let charge = false;

  function publier(suivant: E): void {
    etat = suivant;
    for (const abonne of abonnes) abonne(etat);
  }

  async function charger(): Promise<void> {
    const classeur = persistence;
    if (!classeur) return;
    const avant = modifications;
    let lecture: L;
    let suivant: E;
    try {
      lecture = await options.lire(classeur);
      if (modifications !== avant) return;
      if (lecture.valeur === null || lecture.valeur === undefined || lecture.valeur === "") return;
      suivant = options.interpreter(lecture);
    } catch (error) {
      // Never lose data: the setting stays as it is until the user saves again.
      publier(options.avertir(etat, error));
      return;
    } finally {
      charge = true;
    }
    const luAvant = luAvantChargement;
    publier(suivant);
    await options.apresChargement(classeur, suivant, lecture, luAvant);
  }

  return {
    lire() {
      if (!charge) luAvantChargement = true;
      return etat;
    },
    etat: () => etat,
    abonner(abonne) {
      abonnes.add(abonne);
      return () => abonnes.delete(abonne);
    },
    modifier(suivant) {
      modifications++;
      publier(suivant);
    },
    persistence: () => persistence,
    charger,
    async brancher(classeur) {
      persistence = classeur;
      await charger();
    },
  };
}

/** The part of a store the task pane uses, without the core's own `lire`, `modifier`, `persistence`. */
export function partPartagee<E, P>(reglage: ReglageStore<E, P>): StoreReglage<E, P> {
  const { etat, abonner, charger, brancher } = reglage;
  return { etat, abonner, charger, brancher };
}
