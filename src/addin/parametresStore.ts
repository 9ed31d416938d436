/**
 * The values the user added in Paramètres (IPC months, published forfaits) and the `Parametres` built
 * from them, shared by the custom functions and the task pane in the add-in's single runtime
 * (design.md §3: « Values entered by the user in Paramètres … are read by the functions (shared
 * runtime), and the workbook is recalculated when they change »).
 *
 * Functions read it synchronously (`parametres()`); the task pane replaces the values and listens.
 * Saving to the workbook and recalculating go through a `ParametresPersistence` port, so the store
 * itself runs in jest; the Office.js adapter is `officeParametres.ts`.
 */
import { Parametres, type ValeursUtilisateur } from "../rules";

/** Where the workbook keeps the user's values: one document setting holding their JSON. */
export const CLE_VALEURS_UTILISATEUR = "ARE.valeursUtilisateur";

export interface ParametresPersistence {
  /** The values saved in the workbook, or null when there are none. */
  lire(): Promise<unknown>;
  /** Saves the values in the workbook and asks Excel to recalculate every formula. */
  enregistrerEtRecalculer(valeurs: ValeursUtilisateur): Promise<void>;
  /** Asks Excel to recalculate every formula (after loading values the functions did not have yet). */
  recalculer(): Promise<void>;
}

export interface EtatParametres {
  readonly valeurs: ValeursUtilisateur;
  readonly parametres: Parametres;
  /** Why the saved values were not used, in French; null when all is well. */
  readonly avertissement: string | null;
}

export type Abonne = (etat: EtatParametres) => void;

export interface ParametresStore {
  /** The parameters in force: embedded values plus the user's. Synchronous, for the functions. */
  parametres(): Parametres;
  etat(): EtatParametres;
  /** Calls `abonne` after every change; returns the function that stops it. */
  abonner(abonne: Abonne): () => void;
  /**
   * Replaces the user's values. Invalid or conflicting values throw an InvalidArgumentError (French
   * message) and change nothing; valid ones are applied at once, then saved and recalculated.
   */
  remplacer(valeurs: ValeursUtilisateur): Promise<void>;
  /** Loads the values saved in the workbook; unreadable ones are reported, never deleted. */
  charger(): Promise<void>;
  /**
   * Attaches the workbook once Office says it runs in Excel, then loads the values saved there. Until
   * then (or outside Excel) values apply in memory only.
   */
  brancher(persistence: ParametresPersistence): Promise<void>;
}

const VIDE: ValeursUtilisateur = {};

/** Parses what the settings hold; a JSON string (as saved) or an already parsed object. */
function lireValeurs(brut: unknown): ValeursUtilisateur {
  let objet: unknown = brut;
  if (typeof brut === "string") {
    try {
      objet = JSON.parse(brut);
    } catch {
      throw new TypeError("le contenu n'est pas du JSON valide");
    }
  }
  if (objet === null || typeof objet !== "object" || Array.isArray(objet)) {
    throw new TypeError("un objet { ipc, forfaits } est attendu");
  }
  const { ipc, forfaits } = objet as Record<string, unknown>;
  if ((ipc !== undefined && !Array.isArray(ipc)) || (forfaits !== undefined && !Array.isArray(forfaits))) {
    throw new TypeError("« ipc » et « forfaits » doivent être des listes");
  }
  return objet as ValeursUtilisateur;
}

function avertissementLecture(error: unknown): string {
  const raison = error instanceof Error ? error.message : String(error);
  const point = /[.!?]$/.test(raison) ? "" : ".";
  return `Les valeurs enregistrées dans le classeur (réglage « ${CLE_VALEURS_UTILISATEUR} ») n'ont pas pu être utilisées : ${raison}${point} Les fonctions ARE utilisent les seules valeurs embarquées ; corrigez ou ressaisissez les valeurs dans Paramètres.`;
}

function estVide(valeurs: ValeursUtilisateur): boolean {
  return (valeurs.ipc?.length ?? 0) === 0 && (valeurs.forfaits?.length ?? 0) === 0;
}

export function createParametresStore(persistenceInitiale: ParametresPersistence | null): ParametresStore {
  let persistence = persistenceInitiale;
  let etat: EtatParametres = { valeurs: VIDE, parametres: Parametres.embarques(), avertissement: null };
  const abonnes = new Set<Abonne>();
  /** Counts the user's replacements: a load that finishes after one must not undo it. */
  let remplacements = 0;

  function publier(suivant: EtatParametres): void {
    etat = suivant;
    for (const abonne of abonnes) abonne(etat);
  }

  async function charger(): Promise<void> {
    if (!persistence) return;
    const avant = remplacements;
    let valeurs: ValeursUtilisateur;
    let parametres: Parametres;
    try {
      const brut = await persistence.lire();
      if (remplacements !== avant) return;
      if (brut === null || brut === undefined || brut === "") return;
      valeurs = lireValeurs(brut);
      parametres = Parametres.avec(valeurs);
    } catch (error) {
      // Never lose data: the setting stays as it is until the user saves new values.
      publier({ ...etat, avertissement: avertissementLecture(error) });
      return;
    }
    publier({ valeurs, parametres, avertissement: null });
    // The functions may have answered with the embedded values before the load finished.
    if (!estVide(valeurs)) await persistence.recalculer();
  }

  return {
    parametres: () => etat.parametres,
    etat: () => etat,
    abonner(abonne) {
      abonnes.add(abonne);
      return () => abonnes.delete(abonne);
    },

    async remplacer(valeurs) {
      // Parametres.avec validates every value and throws before anything changes.
      const parametres = Parametres.avec(valeurs);
      remplacements++;
      publier({ valeurs, parametres, avertissement: null });
      if (persistence) await persistence.enregistrerEtRecalculer(valeurs);
    },

    async brancher(classeur) {
      persistence = classeur;
      await charger();
    },

    charger,
  };
}
