/**
 * The values the user added in Paramètres (IPC months, published forfaits) and the `Parametres` built
 * from them, shared by the custom functions and the task pane in the add-in's single runtime
 * (design.md §3: « Values entered by the user in Paramètres … are read by the functions (shared
 * runtime), and the workbook is recalculated when they change »).
 *
 * Functions read it synchronously (`parametres()`); the task pane replaces the values and listens.
 * Saving to the workbook and recalculating go through a `ParametresPersistence` port, so the store
 * itself runs in jest; the Office.js adapter is `officeParametres.ts`. Opening a workbook recalculates
 * only when the parameters differ from those its formulas were last computed with (`aRecalculer`).
 * Loading, listening and warning are those of every store of a setting (reglageStore.ts).
 */
import {
  IDS_PARAMETRES,
  Parametres,
  estErreurAre,
  lireAnneeScolaire,
  type ValeursUtilisateur,
} from "../rules";
import {
  createReglageStore,
  lireJsonReglage,
  partPartagee,
  raisonIllisible,
  type LectureReglage,
  type StoreReglage,
} from "./reglageStore";

/** Where the workbook keeps the user's values: one document setting holding their JSON. */
export const CLE_VALEURS_UTILISATEUR = "ARE.valeursUtilisateur";

/**
 * Where the workbook keeps the fingerprint of the parameters its last full recalculation used
 * (`empreinteParametres`), written with each recalculation the add-in asks for.
 */
export const CLE_EMPREINTE_CALCUL = "ARE.empreinteCalcul";

/** What a workbook holds: the user's values (null when none) and the last recalculation's fingerprint. */
export interface LectureClasseur {
  readonly valeurs: unknown;
  readonly empreinte: string | null;
}

export interface ParametresPersistence {
  /** The values saved in the workbook, or null when there are none. */
  lire(): Promise<unknown>;
  /**
   * The values and the fingerprint together (one sync in Excel). A persistence without it (the
   * preview's) has no fingerprint: its loads recalculate whenever values are saved, as before.
   */
  lireAvecEmpreinte?(): Promise<LectureClasseur>;
  /**
   * Saves the values in the workbook and asks Excel to recalculate every formula; `empreinte`, when
   * given, is saved too: the parameters that recalculation uses.
   */
  enregistrerEtRecalculer(valeurs: ValeursUtilisateur, empreinte?: string): Promise<void>;
  /** Asks Excel to recalculate every formula, saving `empreinte` as above when given. */
  recalculer(empreinte?: string): Promise<void>;
}

export interface EtatParametres {
  readonly valeurs: ValeursUtilisateur;
  readonly parametres: Parametres;
  /** Why the saved values were not used, in French; null when all is well. */
  readonly avertissement: string | null;
}

export type Abonne = (etat: EtatParametres) => void;

export interface ParametresStore extends StoreReglage<EtatParametres, ParametresPersistence> {
  /** The parameters in force: embedded values plus the user's. Synchronous, for the functions. */
  parametres(): Parametres;
  /**
   * Replaces the user's values. Invalid or conflicting values throw an ErreurArgument (French
   * message) and change nothing; valid ones are applied at once, then saved and recalculated.
   */
  remplacer(valeurs: ValeursUtilisateur): Promise<void>;
}

const VIDE: ValeursUtilisateur = {};

/** Parses what the settings hold; a JSON string (as saved) or an already parsed object. */
function lireValeurs(brut: unknown): ValeursUtilisateur {
  const objet = lireJsonReglage(brut);
  if (objet === null || typeof objet !== "object" || Array.isArray(objet)) {
    throw new TypeError("un objet { ipc, forfaits } est attendu");
  }
  const { ipc, forfaits } = objet as Record<string, unknown>;
  if ((ipc !== undefined && !Array.isArray(ipc)) || (forfaits !== undefined && !Array.isArray(forfaits))) {
    throw new TypeError("« ipc » et « forfaits » doivent être des listes");
  }
  return objet as ValeursUtilisateur;
}

/**
 * The saved values with the years and bases a hand-edited setting wrote as text (« 2025 », « 2015 »)
 * as numbers, once Parametres has read them: the pane lists, replaces and removes them like its own
 * (« 2025-20251 » and a second 2025 forfait failing on « déjà publié » before).
 */
function valeursLues(valeurs: ValeursUtilisateur): ValeursUtilisateur {
  return {
    ...valeurs,
    ...(valeurs.ipc && { ipc: valeurs.ipc.map((v) => ({ ...v, base: Number(v.base) as typeof v.base })) }),
    ...(valeurs.forfaits && {
      forfaits: valeurs.forfaits.map((v) => ({ ...v, annee: lireAnneeScolaire(v.annee) })),
    }),
  };
}

/**
 * A key other than « ipc » and « forfaits » (« IPC », written by hand or by another tool) holds values
 * no function uses: said, so that a missing index is not a mystery (they are kept when saving again).
 */
function clesInconnues(valeurs: ValeursUtilisateur): string | null {
  const inconnues = Object.keys(valeurs).filter((cle) => cle !== "ipc" && cle !== "forfaits");
  return inconnues.length === 0
    ? null
    : `Le réglage « ${CLE_VALEURS_UTILISATEUR} » contient ${inconnues.map((cle) => `« ${cle} »`).join(", ")}, que cette version ne lit pas : ses valeurs ne sont pas utilisées. Ressaisissez-les dans Paramètres.`;
}

function avertissementLecture(error: unknown): string {
  return `Les valeurs enregistrées dans le classeur (réglage « ${CLE_VALEURS_UTILISATEUR} ») n'ont pas pu être utilisées : ${raisonIllisible(error)} Les fonctions ARE utilisent les seules valeurs embarquées ; corrigez ou ressaisissez les valeurs dans Paramètres.`;
}

function estVide(valeurs: ValeursUtilisateur): boolean {
  return (valeurs.ipc?.length ?? 0) === 0 && (valeurs.forfaits?.length ?? 0) === 0;
}

/**
 * A short fingerprint of every value the functions can use: the IPC values and every parameter's
 * published values (forfaits, CPGE ceiling and limit), embedded ones included — so a new version of
 * the add-in with other embedded values counts as a change too. FNV-1a over their canonical JSON: only
 * equality matters, not secrecy.
 */
export function empreinteParametres(parametres: Parametres): string {
  const publies = IDS_PARAMETRES.map((id) => [
    id,
    parametres.valeursPubliees(id).map((v) => [v.annee, String(v.valeur)]),
  ]);
  const ipc = parametres.valeursIpc().map((v) => [v.mois, v.base, String(v.valeur)]);
  const texte = JSON.stringify({ ipc, publies });
  let hash = 0x811c9dc5;
  for (let i = 0; i < texte.length; i++) {
    hash ^= texte.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `${texte.length}-${hash.toString(16).padStart(8, "0")}`;
}

/** The values and the fingerprint; a persistence without fingerprints (the preview's) gives none. */
type LectureParametres = LectureReglage & LectureClasseur;

async function lireAvecEmpreinte(persistence: ParametresPersistence): Promise<LectureParametres> {
  const lecture = persistence.lireAvecEmpreinte
    ? await persistence.lireAvecEmpreinte()
    : { valeurs: await persistence.lire(), empreinte: null };
  return { ...lecture, valeur: lecture.valeurs };
}

/**
 * Whether the formulas must be recalculated after loading the workbook's values (issue 13 §5: no
 * full recalculation at every start). Formulas computed in an earlier session used the parameters of
 * the fingerprint saved with the last recalculation; they are stale only if the values now in force
 * differ from those, or if a function already answered in this session with the embedded values
 * (Excel may call functions before the load finishes). A workbook saved before fingerprints existed
 * recalculates once when it holds values, and never when its values are empty (as before).
 */
function aRecalculer(
  valeurs: ValeursUtilisateur,
  parametres: Parametres,
  empreinteEnregistree: string | null,
  lusAvecEmbarques: boolean,
): boolean {
  const appliquee = empreinteParametres(parametres);
  const embarquee = empreinteParametres(Parametres.embarques());
  if (lusAvecEmbarques && appliquee !== embarquee) return true;
  const precedente = empreinteEnregistree ?? (estVide(valeurs) ? embarquee : null);
  return precedente !== appliquee;
}

export function createParametresStore(persistence: ParametresPersistence | null): ParametresStore {
  const reglage = createReglageStore<EtatParametres, ParametresPersistence, LectureParametres>({
    initial: { valeurs: VIDE, parametres: Parametres.embarques(), avertissement: null },
    persistence,
    lire: lireAvecEmpreinte,
    interpreter: (lecture) => {
      const valeurs = lireValeurs(lecture.valeur);
      try {
        const parametres = Parametres.avec(valeurs);
        return { valeurs: valeursLues(valeurs), parametres, avertissement: clesInconnues(valeurs) };
      } catch (error) {
        // A hand-edited setting ({ "ipc": [null] }, a month left out) fails in JavaScript's words,
        // in English: the warning says it in French.
        if (estErreurAre(error)) throw error;
        throw new TypeError("une valeur enregistrée est incomplète ou mal formée");
      }
    },
    avertir: (etat, error) => ({ ...etat, avertissement: avertissementLecture(error) }),
    async apresChargement(classeur, { valeurs, parametres }, lecture, luAvant) {
      if (aRecalculer(valeurs, parametres, lecture.empreinte, luAvant))
        await classeur.recalculer(empreinteParametres(parametres));
    },
  });

  return {
    ...partPartagee(reglage),
    parametres: () => reglage.lire().parametres,
    async remplacer(valeurs) {
      // Parametres.avec validates every value and throws before anything changes.
      const parametres = Parametres.avec(valeurs);
      reglage.modifier({ valeurs, parametres, avertissement: null });
      await reglage.persistence()?.enregistrerEtRecalculer(valeurs, empreinteParametres(parametres));
    },
  };
}
