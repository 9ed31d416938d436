/**
 * The lists of formations the user loaded for a rentrée (Catalogue › « Charger la liste d'une
 * rentrée », regles.md#catalogue.liste-chargee), shared by the custom functions and the task pane in
 * the add-in's single runtime, as parametresStore.ts shares the Paramètres values: functions read
 * `catalogues()` synchronously, the pane saves a checked list and listens.
 *
 * The lists live in the workbook's document settings (setting `ARE.listesFormations`) as JSON, each
 * list's formations in the 6 columns of the annex, tab-separated, one line each — as the embedded
 * lists (listes/*.tsv): about 26 KB for the 235 formations of a list. Saving goes through a
 * `ListesPersistence` port (Office.js: officeListes.ts), so the store runs in jest.
 */
import {
  Catalogues,
  makeCatalogue,
  parseAnnex,
  readCodeFormation,
  schoolYearLabel,
  type Catalogue,
  type ReferenceListe,
} from "../rules";

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

export interface ListesStore {
  /** The lists in force, synchronous, for the functions. */
  catalogues(): Catalogues;
  etat(): EtatListes;
  abonner(abonne: AbonneListes): () => void;
  /** Adds a checked list (replacing the one of its year), applies it at once, saves and recalculates. */
  enregistrer(liste: Catalogue): Promise<void>;
  /** Removes the list loaded for a year: the embedded (or earlier) list applies again. */
  retirer(annee: number): Promise<void>;
  /** Loads the lists saved in the workbook; unreadable ones are reported, never deleted. */
  charger(): Promise<void>;
  /** Attaches the workbook once Office says it runs in Excel, then loads its lists. */
  brancher(persistence: ListesPersistence): Promise<void>;
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
 * (parseAnnex, makeCatalogue), its codes checked: anything else throws, with a French message.
 */
export function lireListes(valeur: unknown): Catalogue[] {
  let objet: unknown = valeur;
  if (typeof valeur === "string") {
    try {
      objet = JSON.parse(valeur);
    } catch {
      throw new TypeError("le contenu n'est pas du JSON valide");
    }
  }
  const { version, listes } = (objet ?? {}) as { version?: unknown; listes?: unknown };
  if (version !== 1 || !Array.isArray(listes))
    throw new TypeError("un objet { version: 1, listes } est attendu");
  return listes
    .map((brute: Partial<ListeStockee>) => {
      const { annee, reference, formations } = brute ?? {};
      if (typeof annee !== "number" || typeof formations !== "string" || typeof reference?.titre !== "string")
        throw new TypeError("une liste n'a pas son année, sa source ou ses formations");
      const lues = parseAnnex(formations);
      const fautif = lues.find((f) => {
        const lu = readCodeFormation(f.code);
        return !lu.ok || lu.code !== f.code;
      });
      if (fautif) throw new TypeError(`liste ${schoolYearLabel(annee)} : code « ${fautif.code} » illisible`);
      const { titre, url = "", date = "", document } = reference;
      return makeCatalogue(annee, { titre, url, date, ...(document ? { document } : {}) }, lues);
    })
    .sort((a, b) => a.annee - b.annee);
}

function avertissementLecture(error: unknown): string {
  const raison = error instanceof Error ? error.message : String(error);
  return `Les listes de formations enregistrées dans le classeur (réglage « ${CLE_LISTES} ») n'ont pas pu être lues : ${raison}. Les listes embarquées s'appliquent ; chargez de nouveau la liste de la rentrée dans Catalogue.`;
}

function avec(chargees: readonly Catalogue[]): Catalogues {
  return chargees.reduce((catalogues, liste) => catalogues.avec(liste), Catalogues.embarques());
}

export function createListesStore(persistenceInitiale: ListesPersistence | null): ListesStore {
  let persistence = persistenceInitiale;
  let etat: EtatListes = { catalogues: Catalogues.embarques(), chargees: [], avertissement: null };
  const abonnes = new Set<AbonneListes>();
  let modifications = 0;
  let luAvantChargement = false;
  let charge = false;

  function publier(suivant: EtatListes): void {
    etat = suivant;
    for (const abonne of abonnes) abonne(etat);
  }

  async function remplacer(nouvelles: readonly Catalogue[]): Promise<void> {
    const chargees = [...nouvelles].sort((a, b) => a.annee - b.annee);
    const texte = texteListes(chargees);
    if (texte.length > TAILLE_MAXIMALE_LISTES) {
      throw new RangeError(
        `Listes trop volumineuses pour être enregistrées dans le classeur (${Math.ceil(texte.length / 1000)}000 caractères, un million au plus) : une liste de la Région compte quelques centaines de formations. Vérifiez la feuille choisie.`,
      );
    }
    modifications++;
    publier({ catalogues: avec(chargees), chargees, avertissement: null });
    if (persistence) await persistence.enregistrerEtRecalculer(texte);
  }

  async function charger(): Promise<void> {
    if (!persistence) return;
    const avant = modifications;
    let chargees: Catalogue[];
    try {
      const brut = await persistence.lire();
      if (modifications !== avant) return;
      if (brut === null || brut === undefined || brut === "") return;
      chargees = lireListes(brut);
    } catch (error) {
      // Never lose data: the setting stays as it is until the user loads a list again.
      publier({ ...etat, avertissement: avertissementLecture(error) });
      return;
    } finally {
      charge = true;
    }
    publier({ catalogues: avec(chargees), chargees, avertissement: null });
    // A function that answered before the load used the embedded lists: recalculate with these.
    if (luAvantChargement && chargees.length > 0) await persistence.recalculer();
  }

  return {
    catalogues() {
      if (!charge) luAvantChargement = true;
      return etat.catalogues;
    },
    etat: () => etat,
    abonner(abonne) {
      abonnes.add(abonne);
      return () => abonnes.delete(abonne);
    },
    enregistrer: (liste) => remplacer([...etat.chargees.filter((l) => l.annee !== liste.annee), liste]),
    retirer: (annee) => remplacer(etat.chargees.filter((l) => l.annee !== annee)),
    async brancher(classeur) {
      persistence = classeur;
      await charger();
    },
    charger,
  };
}
