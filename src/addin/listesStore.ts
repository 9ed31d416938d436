/**
 * The lists of formations the user loaded for a rentrée (Catalogue › « Charger la liste d'une
 * rentrée », regles.md#catalogue.liste-chargee), shared by the custom functions and the task pane in
 * the add-in's single runtime, as parametresStore.ts shares the Paramètres values: functions read
 * `catalogues()` synchronously, the pane saves a checked list and listens.
 *
 * The lists live in the workbook's document settings (setting `ARE.listesFormations`) as JSON, each
 * list's formations in the 6 columns of the annex, tab-separated, one line each — as the embedded
 * lists (listes/*.tsv): about 26 KB for the 235 formations of a list. Saving goes through a
 * `ListesPersistence` port (Office.js: officeListes.ts), so the store runs in jest. Loading, listening
 * and warning are those of every store of a setting (reglageStore.ts).
 */
import {
  Catalogues,
  creerCatalogue,
  libelleAnnee,
  lireAnnexe,
  lireCodeFormation,
  type Catalogue,
  type ReferenceListe,
} from "../rules";
import {
  createReglageStore,
  lireJsonReglage,
  partPartagee,
  raisonIllisible,
  type LectureReglage,
  type StoreReglage,
} from "./reglageStore";

/** Where the workbook keeps the lists: one document setting holding their JSON. */
export const CLE_LISTES = "ARE.listesFormations";

/**
 * Décision (regles.md#technique.taille-listes): the setting holding the lists is refused above one
 * million characters. A list of the Région has about 250 formations (26 KB); a million characters is
 * some thirty such lists, or a pasted sheet that is no list: it would weigh on every opening of the workbook.
 */
export const TAILLE_MAXIMALE_LISTES = 1_000_000;

export interface ListesPersistence {
  /** The setting's value, or null when the workbook holds no list. */
  lire(): Promise<unknown>;
  /** Saves the value and asks Excel to recalculate every formula (the ARE.* functions judge by these lists). */
  enregistrerEtRecalculer(valeur: string): Promise<void>;
  /** Asks Excel to recalculate every formula. */
  recalculer(): Promise<void>;
}

export interface EtatListes {
  /** The embedded lists and the loaded ones, by rentrée. */
  readonly catalogues: Catalogues;
  /** The lists loaded in this workbook, oldest first. */
  readonly chargees: readonly Catalogue[];
  /** Why the saved lists were not used, in French; null when all is well. */
  readonly avertissement: string | null;
}

export type AbonneListes = (etat: EtatListes) => void;

export interface ListesStore extends StoreReglage<EtatListes, ListesPersistence> {
  /** The lists in force, synchronous, for the functions. */
  catalogues(): Catalogues;
  /** Adds a checked list (replacing the one of its year), applies it at once, saves and recalculates. */
  enregistrer(liste: Catalogue): Promise<void>;
  /** Removes the list loaded for a year: the embedded (or earlier) list applies again. */
  retirer(annee: number): Promise<void>;
}

interface ListeStockee {
  readonly annee: number;
  readonly reference: ReferenceListe;
  /** The 6 columns of the annex, tab-separated, one formation per line (as listes/*.tsv, without the header). */
  readonly formations: string;
}

/** Tabs and line breaks would break the line format: a pasted cell may hold them. */
const propre = (texte: string) => texte.replace(/[\t\r\n]+/g, " ");

/** The setting's text for these lists. */
export function texteListes(listes: readonly Catalogue[]): string {
  return JSON.stringify({
    version: 1,
    listes: listes.map((liste): ListeStockee => ({
      annee: liste.annee,
      reference: liste.reference,
      formations: liste.formations
        .map((f) =>
          [f.niveau, f.niveauRegroupement, f.nsf, f.code, f.typeDiplome, f.libelle]
            .map((v) => propre(Number.isNaN(v) ? "" : String(v)))
            .join("\t"),
        )
        .join("\n"),
    })),
  });
}

/**
 * The lists a setting's value holds, oldest first. Each is read as the embedded lists are
 * (lireAnnexe, creerCatalogue), its codes checked: anything else throws, with a French message.
 */
export function lireListes(valeur: unknown): Catalogue[] {
  const objet = lireJsonReglage(valeur);
  const { version, listes } = (objet ?? {}) as { version?: unknown; listes?: unknown };
  if (version !== 1 || !Array.isArray(listes))
    throw new TypeError("un objet { version: 1, listes } est attendu");
  return listes
    .map((brute: Partial<ListeStockee>) => {
      const { annee, reference, formations } = brute ?? {};
      if (typeof annee !== "number" || typeof formations !== "string" || typeof reference?.titre !== "string")
        throw new TypeError("une liste n'a pas son année, sa source ou ses formations");
      const lues = lireAnnexe(formations);
      const fautif = lues.find((f) => {
        const lu = lireCodeFormation(f.code);
        return !lu.ok || lu.code !== f.code;
      });
      if (fautif) throw new TypeError(`liste ${libelleAnnee(annee)} : code « ${fautif.code} » illisible`);
      const { titre, url = "", date = "", document } = reference;
      return creerCatalogue(annee, { titre, url, date, ...(document ? { document } : {}) }, lues);
    })
    .sort((a, b) => a.annee - b.annee);
}

function avertissementLecture(error: unknown): string {
  return `Les listes de formations enregistrées dans le classeur (réglage « ${CLE_LISTES} ») n'ont pas pu être lues : ${raisonIllisible(error)} Les listes embarquées s'appliquent ; chargez de nouveau la liste de la rentrée dans Catalogue.`;
}

function avec(chargees: readonly Catalogue[]): Catalogues {
  return chargees.reduce((catalogues, liste) => catalogues.avec(liste), Catalogues.embarques());
}

export function createListesStore(persistence: ListesPersistence | null): ListesStore {
  const reglage = createReglageStore<EtatListes, ListesPersistence, LectureReglage>({
    initial: { catalogues: Catalogues.embarques(), chargees: [], avertissement: null },
    persistence,
    lire: async (classeur) => ({ valeur: await classeur.lire() }),
    interpreter: (lecture) => {
      const chargees = lireListes(lecture.valeur);
      return { catalogues: avec(chargees), chargees, avertissement: null };
    },
    avertir: (etat, error) => ({ ...etat, avertissement: avertissementLecture(error) }),
    async apresChargement(classeur, { chargees }, _lecture, luAvant) {
      // A function that answered before the load used the embedded lists: recalculate with these.
      if (luAvant && chargees.length > 0) await classeur.recalculer();
    },
  });

  async function remplacer(nouvelles: readonly Catalogue[]): Promise<void> {
    const chargees = [...nouvelles].sort((a, b) => a.annee - b.annee);
    const texte = texteListes(chargees);
    if (texte.length > TAILLE_MAXIMALE_LISTES) {
      throw new RangeError(
        `Listes trop volumineuses pour être enregistrées dans le classeur (${Math.ceil(texte.length / 1000)}000 caractères, un million au plus) : une liste de la Région compte quelques centaines de formations. Vérifiez la feuille choisie.`,
      );
    }
    reglage.modifier({ catalogues: avec(chargees), chargees, avertissement: null });
    await reglage.persistence()?.enregistrerEtRecalculer(texte);
  }

  const chargees = () => reglage.etat().chargees;
  return {
    ...partPartagee(reglage),
    catalogues: () => reglage.lire().catalogues,
    enregistrer: (liste) => remplacer([...chargees().filter((l) => l.annee !== liste.annee), liste]),
    retirer: (annee) => remplacer(chargees().filter((l) => l.annee !== annee)),
  };
}
