/**
 * Establishment-level data (design.md §4): taux de boursiers (a ratio, a percentage or the two counts),
 * reliquats pré-bac and post-bac, and the answer to the regional surveys. They come from the effectif
 * sheet's own columns or from a second sheet keyed by UAI; the registry below gathers, per UAI, the
 * effectifs counted and these values, whichever sheet they come from.
 *
 * Décision (regles.md#lecture.valeurs-divergentes; values that disagree): the first value read for an establishment is kept and every later,
 * different value is an alerte « valeur-divergente » pointing at both cells. The workflows read the
 * establishments sheet first, so that a dedicated establishments sheet prevails over columns repeated
 * on the effectif rows.
 * Décision (regles.md#lecture.valeurs-illisibles; unreadable values): an unreadable taux, reliquat or answer is an erreur on its cell and the
 * value is not used; the establishment keeps its effectifs. When no other cell gives the value, what
 * needs it is not computed — never paid as if it were zero or « oui »: an unreadable taux leaves the
 * post-bac line out (R8), an unreadable reliquat its envelope, an unreadable answer both envelopes
 * (`enveloppesNonCalculables`). A value read from another cell is used, and the dotation's motif says
 * which cell was not taken into account.
 */
import {
  Decimal,
  ErreurArgument,
  type Categorie,
  type Enveloppe,
  ZERO,
  formaterEuros,
  lireReponseEnquete,
  lireTauxBoursiers,
  NOMS_ENVELOPPES,
  tauxDepuisEffectifs,
  type TauxBoursiers,
} from "../rules";
import { isBlank, isCellError, type CellValue } from "../grid";
import { afficher, cellule, lireEntier, lireMontant, messageErreurExcel } from "./cells";
import { constat, type CodeConstat, type Constat } from "./constats";
import { dateDansLaCellule, messageDate } from "./dates";

/** A typed taux may be the counts' taux rounded to the whole percent: half a point apart at most. */
const ECART_TAUX_TOLERE = new Decimal("0.005");

/** Where a value was read. */
export interface Origine {
  readonly feuille: string;
  readonly ligne: number;
  readonly colonne: string | null;
}

export interface ValeurSourcee<T> extends Origine {
  readonly valeur: T;
}

/**
 * One formation of an establishment counted in two effectif sheets of a run (enveloppesNonCalculables).
 *
 * Décision (regles.md#lecture.formation-plusieurs-feuilles): a lycée belongs to one rectorat, and a
 * rectorat lists each of its formations once: the same formation code counted for the same UAI in two
 * effectif sheets is a copy (a helper sheet « Éligibles » beside the extraction, the same extraction in
 * another layout whose rows duplicate detection cannot match cell by cell, a second-year tab without
 * its « Année » column). Added up it would pay the pupils twice; counted once, we would guess which
 * sheet is right. The envelope of that formation is « non calculée » until one of the sheets is left
 * out, or the rows are gathered in one sheet when they really are two classes. Rows identical once
 * normalised are still counted once (lecture.doublons): they never reach this.
 */
export interface FormationDeuxFeuilles {
  readonly code: string;
  readonly enveloppe: Enveloppe;
  /** Its first counted row, and the first one in another sheet. */
  readonly premiere: Origine;
  readonly seconde: Origine;
}

type ChampValeur = "taux" | "reliquatPreBac" | "reliquatPostBac" | "aRepondu";

/** What a value left uncertain keeps from being computed. */
const ENVELOPPE_DU_CHAMP: Readonly<Record<ChampValeur, string>> = {
  taux: "enveloppe post-bac",
  reliquatPreBac: "enveloppe pré-bac",
  reliquatPostBac: "enveloppe post-bac",
  aRepondu: "dotation",
};

const LIBELLES: Readonly<Record<ChampValeur, string>> = {
  taux: "Taux de boursiers",
  reliquatPreBac: "Reliquat pré-bac",
  reliquatPostBac: "Reliquat post-bac",
  aRepondu: "Réponse à l'enquête",
};

/** One establishment as read so far: effectifs summed as integers, values with where they came from. */
export class EtablissementLu {
  nom: string | null = null;
  prepaMetiers = 0;
  preBac = 0;
  postBac = 0;
  /** Effectif rows counted for it, all sheets together. */
  lignesComptees = 0;
  /** The first counted row in each effectif sheet where it appears (normally one: one rectorat). */
  readonly feuillesEffectifs: Origine[] = [];
  /**
   * Per formation code, its first counted row: kept only when the run reads several effectif sheets
   * (LecteurEffectifs' option), so that a one-sheet run allocates nothing for it.
   */
  private formations: Map<string, Origine> | null = null;
  /** Formations counted in two effectif sheets: their envelope is not computed (FormationDeuxFeuilles). */
  readonly formationsDeuxFeuilles: FormationDeuxFeuilles[] = [];
  dansFeuilleEtablissements = false;
  taux: ValeurSourcee<TauxBoursiers> | null = null;
  reliquatPreBac: ValeurSourcee<Decimal> | null = null;
  reliquatPostBac: ValeurSourcee<Decimal> | null = null;
  aRepondu: ValeurSourcee<boolean> | null = null;
  /** Values that could not be used, said in the establishment's motifs (motifsAnomalies). */
  readonly anomalies: { readonly champ: ChampValeur; readonly texte: string }[] = [];
  /** The first blank cell of a « Réponse à l'enquête » column for it (the answer then presumed « oui »). */
  reponseVide: Origine | null = null;
  /** Where each value was first found unreadable (« feuille « … », cellule C12 »). */
  readonly illisibles: Partial<Record<ChampValeur, string>> = {};
  /** Two different values of one sheet for a value, said as the envelope's reason (lecture.valeurs-divergentes). */
  readonly contradictions: Partial<Record<ChampValeur, string>> = {};
  /** The raw cells last read per value, so that a value repeated on every row is parsed once. */
  readonly dernierBrut: Partial<Record<ChampValeur, string>> = {};

  constructor(
    /** A small integer, unique in the run (duplicate detection keys rows with it). */
    readonly id: number,
    readonly uai: string,
    /** The first row where the establishment appeared. */
    readonly premiereOrigine: Origine,
  ) {}

  /** Records the effectif sheet of a counted row (the first row of each sheet is kept). */
  noterFeuille(feuille: string, ligne: number, colonne: string | null): void {
    // A loop, not some(): called for every counted row, and a closure over `feuille` would make each
    // call allocate its context (docs/performance.md).
    for (let i = this.feuillesEffectifs.length - 1; i >= 0; i--)
      if (this.feuillesEffectifs[i].feuille === feuille) return;
    this.feuillesEffectifs.push({ feuille, ligne, colonne });
  }

  /** Records the formation of a counted row, and a formation met again in another sheet (FormationDeuxFeuilles). */
  noterFormation(
    code: string,
    categorie: Categorie,
    feuille: string,
    ligne: number,
    colonne: string | null,
  ): void {
    const formations = (this.formations ??= new Map());
    const premiere = formations.get(code);
    if (premiere === undefined) {
      formations.set(code, { feuille, ligne, colonne });
      return;
    }
    if (premiere.feuille === feuille) return;
    for (const f of this.formationsDeuxFeuilles) if (f.code === code && f.seconde.feuille === feuille) return;
    this.formationsDeuxFeuilles.push({
      code,
      enveloppe: categorie === "POST_BAC" ? "postBac" : "preBac",
      premiere,
      seconde: { feuille, ligne, colonne },
    });
  }

  reliquats(): { preBac: Decimal; postBac: Decimal } {
    return { preBac: this.reliquatPreBac?.valeur ?? ZERO, postBac: this.reliquatPostBac?.valeur ?? ZERO };
  }

  /**
   * The envelopes that cannot be computed, with the reason: a reliquat or the answer to the surveys
   * found only in unreadable cells (a blank one is no reliquat, and an answer given).
   */
  enveloppesNonCalculables(): Partial<Record<Enveloppe, string>> {
    const bloquees: Partial<Record<Enveloppe, string>> = {};
    const deux = this.contradictions;
    if (deux.aRepondu) return { preBac: deux.aRepondu, postBac: deux.aRepondu };
    if (deux.reliquatPreBac) bloquees.preBac = deux.reliquatPreBac;
    if (deux.reliquatPostBac) bloquees.postBac = deux.reliquatPostBac;
    if (deux.taux) bloquees.postBac ??= deux.taux;
    const ou = this.illisibles;
    if (this.aRepondu === null && ou.aRepondu) {
      const raison = `Réponse à l'enquête illisible (${ou.aRepondu}) : dotation non calculée. Saisissez oui ou non, puis relancez le calcul.`;
      bloquees.preBac = raison;
      bloquees.postBac = raison;
      return bloquees;
    }
    if (this.reliquatPreBac === null && ou.reliquatPreBac)
      bloquees.preBac ??= `Reliquat pré-bac illisible (${ou.reliquatPreBac}) : enveloppe pré-bac non calculée. Corrigez le montant (0 s'il n'y en a pas), puis relancez le calcul.`;
    if (this.reliquatPostBac === null && ou.reliquatPostBac)
      bloquees.postBac ??= `Reliquat post-bac illisible (${ou.reliquatPostBac}) : enveloppe post-bac non calculée. Corrigez le montant (0 s'il n'y en a pas), puis relancez le calcul.`;
    for (const enveloppe of ["preBac", "postBac"] as const) {
      const enDouble = this.formationsDeuxFeuilles.filter((f) => f.enveloppe === enveloppe);
      if (enDouble.length > 0 && bloquees[enveloppe] === undefined)
        bloquees[enveloppe] = raisonFormationsDeuxFeuilles(enDouble, enveloppe);
    }
    return bloquees;
  }

  /**
   * The motifs of unreadable cells not taken into account. A reliquat or answer read nowhere else is
   * not repeated here: the envelope it leaves uncomputed says it (enveloppesNonCalculables).
   */
  motifsAnomalies(): string[] {
    return this.anomalies
      .filter(({ champ }) => champ === "taux" || this[champ] !== null)
      .map(({ texte }) => texte);
  }
}

/** Where a formation was counted: « « Paris » ligne 4 ». */
export function origineTexte(o: Origine): string {
  return `« ${o.feuille} » ligne ${o.ligne}`;
}

/** Why an envelope with formations counted in two sheets is not computed, and what to do (its motif and constats). */
export function raisonFormationsDeuxFeuilles(
  enDouble: readonly FormationDeuxFeuilles[],
  enveloppe: Enveloppe,
): string {
  const formations = enDouble
    .map((f) => `${f.code} (${origineTexte(f.premiere)}, ${origineTexte(f.seconde)})`)
    .join(", ");
  const quoi = enDouble.length > 1 ? `Formations ${formations} comptées` : `Formation ${formations} comptée`;
  return `${quoi} dans deux feuilles d'effectifs : enveloppe ${NOMS_ENVELOPPES[enveloppe]} non calculée. Un lycée relève d'un seul rectorat : l'une des feuilles est sans doute une copie, et ses élèves seraient payés deux fois. Gardez une seule feuille, ou réunissez les lignes en une feuille s'il s'agit de classes différentes, puis relancez.`;
}

/** Relative indices (-1: absent) and letters of the establishment-level columns of a sheet. */
export interface ColonnesEtablissement {
  readonly nom: number;
  readonly taux: number;
  readonly boursiers: number;
  readonly effectifTotal: number;
  readonly reliquatPreBac: number;
  readonly reliquatPostBac: number;
  readonly aRepondu: number;
  /** Column letter of a relative index. */
  lettre(index: number): string | null;
  /** Is the cell of a sheet row (1-based) and relative column formatted as a date (SheetData.dateCells)? */
  formatDate(ligne: number, index: number): boolean;
}

export function aDesValeursEtablissement(c: ColonnesEtablissement): boolean {
  return (
    c.taux >= 0 ||
    c.boursiers >= 0 ||
    c.effectifTotal >= 0 ||
    c.reliquatPreBac >= 0 ||
    c.reliquatPostBac >= 0 ||
    c.aRepondu >= 0
  );
}

/** A key for a raw cell, equal for equal cells (an Excel error by its text). */
function cleBrute(...cells: CellValue[]): string {
  let key = "";
  for (const cell of cells)
    key += (isCellError(cell) ? "#" + cell.error : typeof cell + ":" + String(cell)) + "\u0001";
  return key;
}

export class RegistreEtablissements {
  private readonly parUai = new Map<string, EtablissementLu>();
  private dernier: EtablissementLu | null = null;
  /** Per UAI, its first row of the establishments sheet set aside as a total (noterLigneTotal). */
  private readonly lignesTotal = new Map<
    string,
    { readonly ou: string; readonly c: ColonnesEtablissement }
  >();

  constructor(private readonly constats: Constat[]) {}

  /** The establishment of a UAI, created at its first row. O(1); consecutive rows of one UAI skip the Map. */
  obtenir(uai: string, feuille: string, ligne: number, colonne: string | null): EtablissementLu {
    const dernier = this.dernier;
    if (dernier !== null && dernier.uai === uai) return dernier;
    let etablissement = this.parUai.get(uai);
    if (!etablissement) {
      etablissement = new EtablissementLu(this.parUai.size, uai, { feuille, ligne, colonne });
      this.parUai.set(uai, etablissement);
    }
    this.dernier = etablissement;
    return etablissement;
  }

  /** A row of the establishments sheet set aside as a total, with a readable UAI; the first one is kept. */
  noterLigneTotal(uai: string, ou: string, c: ColonnesEtablissement): void {
    if (!this.lignesTotal.has(uai)) this.lignesTotal.set(uai, { ou, c });
  }

  /**
   * Décision (regles.md#lecture.etablissement-ligne-total): an establishment whose only row in the
   * establishments sheet was set aside as a total (« reliquat total reporté » in its name) is not
   * absent from it — taken as absent, it would be paid with no reliquat deducted. Its values are
   * marked unknown here (valeursNonLues), so its envelopes are not computed until the row is
   * corrected. True when it was so marked (the caller then does not report it absent).
   */
  marquerLigneTotalSeule(etablissement: EtablissementLu): boolean {
    const total = this.lignesTotal.get(etablissement.uai);
    if (total === undefined || etablissement.dansFeuilleEtablissements) return false;
    this.valeursNonLues(etablissement, total.ou, total.c);
    return true;
  }

  get(uai: string): EtablissementLu | undefined {
    return this.parUai.get(uai);
  }

  /** Every establishment read, sorted by UAI. */
  liste(): EtablissementLu[] {
    return [...this.parUai.values()].sort((a, b) => (a.uai < b.uai ? -1 : a.uai > b.uai ? 1 : 0));
  }

  /** Reads the establishment-level cells of one row into the establishment. */
  lireValeurs(
    etablissement: EtablissementLu,
    row: readonly CellValue[],
    feuille: string,
    ligne: number,
    c: ColonnesEtablissement,
  ): void {
    if (c.nom >= 0 && etablissement.nom === null) {
      const nom = cellule(row, c.nom);
      if (typeof nom === "string" && nom.trim() !== "") etablissement.nom = nom.trim();
      else if (typeof nom === "number") etablissement.nom = String(nom);
    }
    this.lireTaux(etablissement, row, feuille, ligne, c);
    for (const champ of ["reliquatPreBac", "reliquatPostBac"] as const) {
      const index = c[champ];
      const raw = cellule(row, index);
      if (isBlank(raw) || !this.nouveauBrut(etablissement, champ, cleBrute(raw))) continue;
      const origine = { feuille, ligne, colonne: c.lettre(index) };
      // A date typed or formatted where the reliquat goes, as for a taux or a bilan's montant (issue 11
      // item 17): 500 € in a Date cell shows 14/05/1901, « 15.05 » typed in French Excel becomes 45 427 €.
      const date = dateDansLaCellule(raw, c.formatDate(ligne, index));
      if (date !== null) {
        const message = messageDate(LIBELLES[champ], date, raw, "un montant", "Enveloppe non calculée.");
        this.illisible(etablissement, champ, "montant-date", origine, message);
        continue;
      }
      const montant = lireMontant(raw, LIBELLES[champ]);
      if (!montant.ok) {
        this.illisible(
          etablissement,
          champ,
          montant.negatif ? "reliquat-negatif" : "reliquat-illisible",
          origine,
          montant.message,
        );
        continue;
      }
      if (montant.arrondi) {
        this.constats.push(
          constat(
            "montant-arrondi",
            feuille,
            ligne,
            origine.colonne,
            `${LIBELLES[champ]} « ${afficher(raw)} » arrondi au centime : ${formaterEuros(montant.valeur)} retenus. Vérifiez le montant.`,
          ),
        );
      }
      this.proposer(etablissement, champ, montant.valeur, origine, (a, b) => a.equals(b), formaterEuros);
    }
    if (c.aRepondu >= 0) {
      const raw = cellule(row, c.aRepondu);
      if (isBlank(raw)) etablissement.reponseVide ??= { feuille, ligne, colonne: c.lettre(c.aRepondu) };
      else if (this.nouveauBrut(etablissement, "aRepondu", cleBrute(raw))) {
        const origine = { feuille, ligne, colonne: c.lettre(c.aRepondu) };
        const reponse = isCellError(raw) ? null : lireReponseEnquete(raw);
        if (reponse === null) {
          const message = isCellError(raw)
            ? messageErreurExcel(raw, "réponse à l'enquête")
            : `Réponse à l'enquête « ${afficher(raw)} » illisible : saisissez oui (ou O, X, répondu) ou non (ou N, NR, non répondu). Les deux enveloppes de l'établissement ne sont pas calculées tant que la réponse n'est pas claire.`;
          this.illisible(etablissement, "aRepondu", "reponse-illisible", origine, message);
        } else {
          this.proposer(
            etablissement,
            "aRepondu",
            reponse,
            origine,
            (a, b) => a === b,
            (v) => (v ? "oui" : "non"),
          );
        }
      }
    }
  }

  /**
   * The values of an establishment whose row of the establishments sheet was set aside because its values
   * are not known to sit under their titles (LecteurEtablissements.valeursHorsColonnes): the reliquats and the
   * answer the sheet has a column for are unknown, as if unreadable at `ou` — no constat of their own
   * (the row's says why), but the envelopes that need them are not computed unless another cell gives
   * them (regles.md#lecture.valeurs-illisibles). A taux read nowhere else is missing: no post-bac line (R8).
   */
  valeursNonLues(etablissement: EtablissementLu, ou: string, c: ColonnesEtablissement): void {
    const illisibles = etablissement.illisibles;
    if (c.reliquatPreBac >= 0) illisibles.reliquatPreBac ??= ou;
    if (c.reliquatPostBac >= 0) illisibles.reliquatPostBac ??= ou;
    if (c.aRepondu >= 0) illisibles.aRepondu ??= ou;
  }

  /** Taux given directly (0,35 ; 35 %) or as boursiers / effectif total; the direct taux wins when both are given. */
  private lireTaux(
    etablissement: EtablissementLu,
    row: readonly CellValue[],
    feuille: string,
    ligne: number,
    c: ColonnesEtablissement,
  ): void {
    const rawTaux = cellule(row, c.taux);
    const rawBoursiers = cellule(row, c.boursiers);
    const rawTotal = cellule(row, c.effectifTotal);
    const direct = !isBlank(rawTaux);
    if (!direct && isBlank(rawBoursiers) && isBlank(rawTotal)) return;
    const key = direct ? cleBrute(rawTaux) : cleBrute(null, rawBoursiers, rawTotal);
    if (!this.nouveauBrut(etablissement, "taux", key)) return;
    const origine = {
      feuille,
      ligne,
      colonne: c.lettre(direct ? c.taux : isBlank(rawBoursiers) ? c.effectifTotal : c.boursiers),
    };
    let taux: TauxBoursiers;
    // A date typed or formatted where the taux goes (issue 11 item 17).
    const date = direct ? dateDansLaCellule(rawTaux, c.formatDate(ligne, c.taux)) : null;
    if (date !== null) {
      const message = messageDate(
        "Taux de boursiers",
        date,
        rawTaux,
        "un taux (0,35 ou 35 %)",
        "Le taux n'est pas utilisé.",
      );
      this.illisible(etablissement, "taux", "taux-date", origine, message);
      return;
    }
    try {
      if (direct) {
        if (isCellError(rawTaux))
          throw new ErreurArgument("taux-invalide", messageErreurExcel(rawTaux, "taux de boursiers"));
        taux = lireTauxBoursiers(rawTaux);
      } else taux = this.tauxDesEffectifs(rawBoursiers, rawTotal);
    } catch (error) {
      if (!(error instanceof ErreurArgument)) throw error;
      this.illisible(
        etablissement,
        "taux",
        "taux-illisible",
        origine,
        `${error.message} Saisissez le taux ou les deux effectifs.`,
      );
      return;
    }
    if (taux.ambiguite) {
      this.signaler("taux-ambigu", origine, taux.ambiguite);
    }
    if (direct) this.comparerAuxEffectifs(etablissement, taux, rawBoursiers, rawTotal, origine);
    this.proposer(
      etablissement,
      "taux",
      taux,
      origine,
      (a, b) => a.ratio.equals(b.ratio),
      (t) => t.description,
    );
  }

  /**
   * Décision (regles.md#lecture.valeurs-divergentes): a taux typed beside the two counts it should come
   * from is kept, but when they differ by more than a rounding of the taux to the whole percent (half a
   * point), the choice is not silent: « 35 % » beside 120 boursiers / 400 élèves (30 %) is an alerte.
   */
  private comparerAuxEffectifs(
    etablissement: EtablissementLu,
    taux: TauxBoursiers,
    rawBoursiers: CellValue,
    rawTotal: CellValue,
    origine: Origine,
  ): void {
    if (isBlank(rawBoursiers) || isBlank(rawTotal)) return;
    let calcule: TauxBoursiers;
    try {
      calcule = this.tauxDesEffectifs(rawBoursiers, rawTotal);
    } catch (error) {
      if (error instanceof ErreurArgument) return; // the counts alone would say it; the taux is read
      throw error;
    }
    if (taux.ratio.minus(calcule.ratio).abs().lte(ECART_TAUX_TOLERE)) return;
    this.signaler(
      "valeur-divergente",
      origine,
      `Taux de boursiers de ${etablissement.uai} : « ${taux.description} » diffère du taux des deux effectifs de la même ligne (« ${calcule.description} »). Le taux saisi est retenu : corrigez l'un ou l'autre.`,
    );
  }

  /** The taux of the two counts of a row; an ErreurArgument when one is not a whole number. */
  private tauxDesEffectifs(rawBoursiers: CellValue, rawTotal: CellValue): TauxBoursiers {
    return tauxDepuisEffectifs(
      this.compte(rawBoursiers, "Nombre de boursiers"),
      this.compte(rawTotal, "Effectif total de l'établissement"),
    );
  }

  private compte(raw: CellValue, quoi: string): number {
    const n = lireEntier(raw, quoi);
    if (typeof n === "number") return n;
    throw new ErreurArgument("taux-invalide", n.message);
  }

  /** True when this raw cell differs from the one last read for the field (then it is read and remembered). */
  private nouveauBrut(etablissement: EtablissementLu, champ: ChampValeur, key: string): boolean {
    if (etablissement.dernierBrut[champ] === key) return false;
    etablissement.dernierBrut[champ] = key;
    return true;
  }

  private proposer<T>(
    etablissement: EtablissementLu,
    champ: ChampValeur,
    valeur: T,
    origine: Origine,
    egal: (a: T, b: T) => boolean,
    montrer: (v: T) => string,
  ): void {
    const actuelle = etablissement[champ] as ValeurSourcee<T> | null;
    if (actuelle === null) {
      (etablissement as unknown as Record<ChampValeur, ValeurSourcee<T>>)[champ] = { valeur, ...origine };
      return;
    }
    if (egal(actuelle.valeur, valeur)) return;
    if (actuelle.feuille === origine.feuille) {
      // Décision (regles.md#lecture.valeurs-divergentes): two rows of one sheet for one establishment
      // (a table of several years, a row copied then changed) do not say which is right; keeping the
      // first paid an old reliquat or taux under an alerte. The envelope waits for one value.
      const valeurs = `« ${montrer(actuelle.valeur)} » ligne ${actuelle.ligne} et « ${montrer(valeur)} » ligne ${origine.ligne} de « ${origine.feuille} »`;
      const enveloppe = ENVELOPPE_DU_CHAMP[champ];
      etablissement.contradictions[champ] ??=
        `${LIBELLES[champ]} donné deux fois (${valeurs}) : ${enveloppe} non calculée. Gardez une seule ligne par établissement, puis relancez le calcul.`;
      this.signaler(
        "valeurs-contradictoires",
        origine,
        `${LIBELLES[champ]} de ${etablissement.uai} donné deux fois dans la feuille (${valeurs}) : ${enveloppe} non calculée tant qu'une seule valeur reste. Une autre année, ou une ligne copiée ?`,
      );
      return;
    }
    const ou = `feuille « ${actuelle.feuille} », ligne ${actuelle.ligne}`;
    this.signaler(
      "valeur-divergente",
      origine,
      `${LIBELLES[champ]} de ${etablissement.uai} : « ${montrer(valeur)} » diffère de la valeur déjà lue (« ${montrer(actuelle.valeur)} », ${ou}), qui est retenue. Corrigez l'une des deux.`,
    );
  }

  /** A constat at the cell a value was read from. */
  private signaler(code: CodeConstat, origine: Origine, message: string): void {
    this.constats.push(constat(code, origine.feuille, origine.ligne, origine.colonne, message));
  }

  private illisible(
    etablissement: EtablissementLu,
    champ: ChampValeur,
    code: CodeConstat,
    origine: Origine,
    message: string,
  ): void {
    this.signaler(code, origine, message);
    const cellule = origine.colonne ? `cellule ${origine.colonne}${origine.ligne}` : `ligne ${origine.ligne}`;
    const ou = `feuille « ${origine.feuille} », ${cellule}`;
    etablissement.illisibles[champ] ??= ou;
    etablissement.anomalies.push({
      champ,
      texte: `${LIBELLES[champ]} illisible (${ou}) : non pris en compte, corrigez la valeur.`,
    });
  }
}
