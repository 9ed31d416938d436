/**
 * The lists of formations by rentrée (R4, regles.md#catalogue.annexe): the embedded ones and those a
 * user loaded (regles.md#catalogue.liste-chargee). A year with no list of its own uses the latest
 * earlier one, and says so: the list in force for 2025-2026 is then named « liste indicative 2023-2024
 * utilisée pour 2025-2026 » in every motif, alerte and heading. Immutable: adding a list gives a new
 * registry, as Parametres does for values.
 */
import { reglesCatalogue } from "../nomenclature";
import { exigerAnneeCouverte, libelleAnnee, type AnneeScolaire } from "../anneeScolaire";
import { CATALOGUES, type Catalogue } from "./catalogue";

/** The list in force for a school year: a list, or an earlier one carried over (then `report` says so). */
export interface CatalogueEnVigueur extends Catalogue {
  /** The school year it is used for (`annee` is the list's own). */
  readonly pourAnnee: AnneeScolaire;
  /** « liste indicative 2023-2024 utilisée pour 2025-2026 » when carried over; null for the year's own list. */
  readonly report: string | null;
}

export class Catalogues {
  /** Views by year, built once: the functions judge every cell of a range against the same object. */
  private readonly vues = new Map<AnneeScolaire, CatalogueEnVigueur>();

  /** `listes` one per year, oldest first. */
  private constructor(readonly listes: readonly Catalogue[]) {}

  private static embarquesSeuls: Catalogues | null = null;

  /** The lists embedded in the add-in (listes/). */
  static embarques(): Catalogues {
    Catalogues.embarquesSeuls ??= new Catalogues(CATALOGUES);
    return Catalogues.embarquesSeuls;
  }

  /** These lists, `liste` replacing the one of its year if any. */
  avec(liste: Catalogue): Catalogues {
    return new Catalogues(
      [...this.listes.filter((l) => l.annee !== liste.annee), liste].sort((a, b) => a.annee - b.annee),
    );
  }

  /** The year's own list, if it has one. */
  propre(annee: AnneeScolaire): Catalogue | null {
    return this.listes.find((l) => l.annee === annee) ?? null;
  }

  /**
   * The list in force before the year's own list: the year's own when it has one (a list replacing
   * it is compared with it), else the latest earlier one; null before the first list.
   */
  precedente(annee: AnneeScolaire): Catalogue | null {
    let trouvee: Catalogue | null = null;
    for (const liste of this.listes) if (liste.annee <= annee) trouvee = liste;
    return trouvee;
  }

  /** The list in force for a school year: its own, or the latest earlier one, which then says so. */
  pour(annee: AnneeScolaire): CatalogueEnVigueur {
    exigerAnneeCouverte(annee);
    let vue = this.vues.get(annee);
    if (vue === undefined) {
      const liste = this.precedente(annee) ?? this.listes[0];
      const report = liste.annee === annee ? null : `${liste.nom} utilisée pour ${libelleAnnee(annee)}`;
      // The year judged decides the rules too (regles.md#eligibilite.regles-datees): a list carried
      // over to 2026-2027 is read with the rules of 2026-2027.
      vue = { ...liste, nom: report ?? liste.nom, pourAnnee: annee, report, regles: reglesCatalogue(annee) };
      this.vues.set(annee, vue);
    }
    return vue;
  }
}

/** The embedded list in force for a school year (no list loaded by a user). */
export function catalogueDeLAnnee(annee: AnneeScolaire): CatalogueEnVigueur {
  return Catalogues.embarques().pour(annee);
}

/** The line every result carries: which list judged the formations, and where it comes from. */
export function phraseListe(liste: Catalogue): string {
  return `Formations jugées d'après la ${liste.nom} (${liste.provenance}).`;
}
