/**
 * The table of a filled bilan (R11), as the template of src/workflows/modeleBilan.ts lays it out — or
 * as a gestionnaire types it by hand: one row per formation with the students helped, the amount of
 * purchases and the type of equipment. The labelled values above the table (UAI, établissement, année
 * scolaire, dotation reçue and reliquat antérieur of each envelope) are read by sheet/bilanFormulaire.ts.
 *
 * Seed, « Compte rendu d'utilisation des dotations » : « Ce bilan devra faire apparaître le total des
 * dotations reçues au titre de l'année scolaire, le cas échéant, les reliquats sur l'année scolaire
 * antérieure, le montant dépensé au titre de l'année scolaire en précisant par formation, le nombre
 * d'élèves aidés, le montant des achats et les types d'équipements. » « Les dispositifs ARE pré-bac et
 * ARE post-bac ne sont pas fongibles budgétairement. » « La Région n'autorise pas l'utilisation de ces
 * crédits pour d'autres objets que ceux pour lesquels ils ont été votés. »
 *
 * Décision (regles.md#bilan.achat-en-erreur; a purchase in erreur): it is not retained in its envelope's spending — money spent on a
 * non-eligible formation, charged to the other envelope or on equipment outside the four types is not
 * ARE spending — and, until the bilan is corrected, the reliquat of the envelope it concerns is not
 * computed (issue 11): what was really spent is unknown (an unreadable amount, a formula without value)
 * or depends on the correction (the right code, envelope or type), so no figure would be right. The
 * row is kept in `achatsEnErreur` with the envelopes it concerns.
 * Décision (regles.md#bilan.plusieurs-types; several types for one formation): one row per type (the row can be duplicated), or several
 * types in one cell separated by « ; ». The students helped are checked row by row against the
 * formation's effectif; they are not added up across a formation's rows (the same students receive
 * several types).
 */
import {
  Decimal,
  ENVELOPPES,
  NOMS_ENVELOPPES,
  TYPES_EQUIPEMENT,
  ZERO,
  enveloppeDe,
  formaterEuros,
  formaterEntier,
  nombreDe,
  messageEnveloppeCroisee,
  lireEnveloppe,
  lireTypesEquipement,
  type Categorie,
  type Enveloppe,
  type TypeEquipement,
} from "../rules";
import { isBlank, isCellError, type Row, type SheetData } from "../grid";
import { ligneDuTableauAuDessus, lireMontantBilan } from "./bilanFormulaire";
import { afficher, cellule, codeErreurCellule, lireEntier, messageErreurExcel } from "./cells";
import type { CodeConstat } from "./constats";
import { dateDansLaCellule, estCelluleDate, messageDate } from "./dates";
import { cleDoublon, LecteurBase } from "./lecteur";
import type { SessionLecture } from "./session";
import type { CorrectionColonnes } from "./types";

/** A purchase row retained in its envelope. */
export interface LigneAchat {
  readonly feuille: string;
  readonly ligne: number;
  readonly code: string;
  readonly categorie: Categorie;
  /** As typed in the bilan, or null. */
  readonly libelle: string | null;
  readonly enveloppe: Enveloppe;
  /** The formation's effectif n-1 given as a reference, or null. */
  readonly effectif: number | null;
  readonly elevesAides: number | null;
  readonly montant: Decimal;
  readonly types: readonly TypeEquipement[];
}

/** A purchase row set aside with an erreur while it names an amount: its envelopes' reliquats are unknown. */
export interface AchatEnErreur {
  readonly ligne: number;
  /**
   * The envelopes the row concerns: its formation's and the one typed on the row; both when neither is
   * known (a code unreadable, no envelope typed).
   */
  readonly enveloppes: readonly Enveloppe[];
}

const LISTE_TYPES = TYPES_EQUIPEMENT.map((t) => `« ${t} »`).join(", ");

/** The rows of a bilan below its header: each retained in its envelope, or set aside with its constat. */
export class LecteurBilan extends LecteurBase {
  readonly achats: LigneAchat[] = [];
  readonly achatsEnErreur: AchatEnErreur[] = [];
  private readonly c: {
    readonly code: number;
    readonly libelle: number;
    readonly enveloppe: number;
    readonly effectif: number;
    readonly eleves: number;
    readonly montant: number;
    readonly type: number;
  };
  private readonly cles: readonly number[];

  constructor(sheet: SheetData, session: SessionLecture, correction?: CorrectionColonnes) {
    super(
      sheet,
      session,
      correction,
      ["codeFormation", "elevesAides", "montantAchats", "typeEquipement"],
      [],
      "le bilan (code formation, élèves aidés, montant des achats, type d'équipement)",
    );
    this.c = {
      code: this.indice("codeFormation"),
      libelle: this.indice("libelleFormation"),
      enveloppe: this.indice("enveloppe"),
      effectif: this.indice("effectif"),
      eleves: this.indice("elevesAides"),
      montant: this.indice("montantAchats"),
      type: this.indice("typeEquipement"),
    };
    this.cles = [this.c.code, this.c.eleves, this.c.montant, this.c.type];
    for (const { row, ligne } of this.lignesAvantEntete) this.achatAvantEntete(row, ligne);
  }

  /** A purchase row above the header (ligneDuTableauAuDessus) is reported, never dropped. */
  protected override ligneDeDonneesAuDessus(row: Row): boolean {
    return ligneDuTableauAuDessus(row, this.indice("codeFormation"), [
      this.indice("montantAchats"),
      this.indice("elevesAides"),
    ]);
  }

  protected override complementAvantEntete(row: Row): string {
    const brut = cellule(row, this.indice("montantAchats"));
    if (isBlank(brut)) return "";
    const lu = lireMontantBilan(brut, "Montant des achats");
    const montant = lu.ok ? formaterEuros(lu.valeur) : `« ${afficher(brut)} »`;
    return ` Achat de ${montant} non retenu : le reliquat de son enveloppe n'est pas calculé tant que la ligne n'est pas sous l'en-tête.`;
  }

  /**
   * Décision (regles.md#bilan.achat-en-erreur): a purchase above the header is a purchase in erreur —
   * what it spent is not counted, so the reliquat of its envelope (its formation's and the one typed
   * on the row; both when neither reads) is not computed until it is moved under the header. A row
   * without an amount, or 0, changes no reliquat.
   */
  private achatAvantEntete(row: Row, ligne: number): void {
    const c = this.c;
    const brut = cellule(row, c.montant);
    if (isBlank(brut)) return;
    const lu = lireMontantBilan(brut, "Montant des achats");
    if (lu.ok && lu.valeur.isZero()) return;
    const verdict = this.session.verdictCode(cellule(row, c.code), cellule(row, c.libelle));
    const propre = verdict.kind === "compte" ? enveloppeDe(verdict.categorie) : null;
    const brutEnveloppe = cellule(row, c.enveloppe);
    const saisie =
      isBlank(brutEnveloppe) || isCellError(brutEnveloppe) ? null : lireEnveloppe(String(brutEnveloppe));
    const connues = ENVELOPPES.filter((e) => e === propre || e === saisie);
    this.achatsEnErreur.push({ ligne, enveloppes: connues.length > 0 ? connues : ENVELOPPES });
  }

  /**
   * A line of a .csv cut into more values than columns, or a row under a repeated header in another
   * order: a purchase of unknown amount and envelope (regles.md#bilan.achat-en-erreur).
   */
  protected override valeursHorsColonnes(_row: Row, ligne: number): void {
    this.achatsEnErreur.push({ ligne, enveloppes: ENVELOPPES });
  }

  /**
   * Décision (regles.md#bilan.achat-en-double): a purchase identical to an earlier one is two invoices or one
   * pasted twice: counted once, the reliquat would be too high by its amount; counted twice, too low.
   * Neither is known, so it is an erreur and its envelope's reliquat is not computed until the bilan
   * tells them apart or drops the copy.
   */
  protected override ecarterDoublon(ligne: number, numero: number, autreFeuille: string | null): void {
    this.ecarter(
      "achat-en-double",
      ligne,
      null,
      `Achat identique à la ligne ${numero}${autreFeuille === null ? "" : ` de la feuille « ${autreFeuille} »`} : deux achats, ou le même saisi deux fois ? Le reliquat de son enveloppe n'est pas calculé tant que ce n'est pas clair. Supprimez la copie, ou distinguez les deux achats (une observation, le type d'équipement).`,
    );
  }

  /** Only the table's own columns say « total » (see colonnesLues). */
  protected override colonnesDesTotaux(): readonly number[] {
    return this.colonnesLues();
  }

  protected lireLigne(row: Row, ligne: number): void {
    // A total row repeats the purchases above it (« Total pré-bac », « 50022137 Total »), even when its
    // code is valid: counting it would spend them twice and shrink next year's reliquat (design.md §4).
    if (this.ecarterSiTotal(row, ligne)) return;
    const c = this.c;
    const l = (index: number) => this.lettre(index);
    const montantBrut = cellule(row, c.montant);
    // A date where the amount goes (issue 11 item 17): 45 678 € spent is the 20 janvier 2025 of a cell
    // formatted as a date, or a date pasted in the wrong column — never a purchase as it stands.
    const date = dateDansLaCellule(
      montantBrut,
      estCelluleDate(this.sheet, ligne - this.sheet.rowOffset - 1, c.montant),
    );
    const montantLu: ReturnType<typeof lireMontantBilan> | null = isBlank(montantBrut)
      ? null
      : date !== null
        ? {
            ok: false,
            code: "montant-date",
            message: messageDate("Montant des achats", date, montantBrut, "un montant en euros", ""),
          }
        : lireMontantBilan(montantBrut, "Montant des achats");
    // What a set-aside row loses, said in its message so that no amount goes unnoticed.
    const perdu =
      montantLu === null
        ? ""
        : ` Achat de ${montantLu.ok ? formaterEuros(montantLu.valeur) : `« ${afficher(montantBrut)} »`} non retenu.`;
    const brutEnveloppe = cellule(row, c.enveloppe);
    const saisie =
      isBlank(brutEnveloppe) || isCellError(brutEnveloppe) ? null : lireEnveloppe(String(brutEnveloppe));
    /** Sets the purchase aside; `propre` is its formation's envelope when the code is known. */
    const rejeter = (code: CodeConstat, colonne: string | null, message: string, propre?: Enveloppe) => {
      this.ecarter(code, ligne, colonne, message);
      // No amount (blank or 0): whatever the correction, the reliquats do not change.
      if (montantLu === null || (montantLu.ok && montantLu.valeur.isZero())) return;
      const connues = ENVELOPPES.filter((e) => e === propre || e === saisie);
      this.achatsEnErreur.push({ ligne, enveloppes: connues.length > 0 ? connues : ENVELOPPES });
    };

    const verdict = this.session.verdictCode(cellule(row, c.code), cellule(row, c.libelle));
    if (verdict.kind === "invalide") {
      // A total or a title is not a purchase: set aside with its info, it leaves the reliquats alone.
      const structure = this.structureDeLaLigne(
        row,
        this.cles,
        "code formation et montant des achats",
        ligne,
      );
      if (structure) {
        this.ecarter(structure.code, ligne, null, structure.message);
        // Values that could not be split (a CSV mixing separators): a purchase of unknown amount.
        if (structure.code === "ligne-mal-decoupee")
          this.achatsEnErreur.push({ ligne, enveloppes: ENVELOPPES });
        return;
      }
      return rejeter(verdict.probleme, l(c.code), verdict.message + perdu);
    }
    if (verdict.kind === "non-eligible") {
      return rejeter(
        "bilan-formation-non-eligible",
        l(c.code),
        `Formation ${verdict.code} : les crédits ARE ne peuvent pas financer ses équipements. ${verdict.motif}${perdu}`,
      );
    }
    const propre = enveloppeDe(verdict.categorie);

    // The envelope charged: blank is the formation's own, the other one is refused.
    if (!isBlank(brutEnveloppe)) {
      if (isCellError(brutEnveloppe))
        return rejeter(
          codeErreurCellule(brutEnveloppe),
          l(c.enveloppe),
          messageErreurExcel(brutEnveloppe, "enveloppe") + perdu,
          propre,
        );
      if (saisie === null) {
        return rejeter(
          "enveloppe-illisible",
          l(c.enveloppe),
          `Enveloppe « ${afficher(brutEnveloppe)} » illisible : indiquez pré-bac ou post-bac.${perdu}`,
          propre,
        );
      }
      if (saisie !== propre) {
        return rejeter(
          "enveloppe-croisee",
          l(c.enveloppe),
          `${messageEnveloppeCroisee(verdict.code, verdict.categorie, saisie)} Imputez l'achat sur l'enveloppe ${NOMS_ENVELOPPES[propre]}.${perdu}`,
          propre,
        );
      }
    }

    let montant: Decimal = ZERO;
    if (montantLu !== null) {
      if (!montantLu.ok)
        return rejeter(montantLu.code, l(c.montant), `${montantLu.message} Ligne non retenue.`, propre);
      if (montantLu.arrondi) {
        this.signaler(
          "montant-arrondi",
          ligne,
          l(c.montant),
          `Montant des achats « ${afficher(montantBrut)} » arrondi au centime : ${formaterEuros(montantLu.valeur)} retenus. Vérifiez le montant.`,
        );
      }
      montant = montantLu.valeur;
    }

    let eleves: number | null = null;
    const brutEleves = cellule(row, c.eleves);
    if (!isBlank(brutEleves)) {
      const lu = lireEntier(brutEleves, "Élèves aidés");
      if (typeof lu !== "number") {
        const code = isCellError(brutEleves) ? codeErreurCellule(brutEleves) : "eleves-aides-illisible";
        return rejeter(code, l(c.eleves), lu.message + perdu, propre);
      }
      eleves = lu;
    }

    let types: readonly TypeEquipement[] = [];
    const brutType = cellule(row, c.type);
    if (!isBlank(brutType)) {
      if (isCellError(brutType))
        return rejeter(
          codeErreurCellule(brutType),
          l(c.type),
          messageErreurExcel(brutType, "type d'équipement") + perdu,
          propre,
        );
      const lus = lireTypesEquipement(String(brutType));
      if (lus.inconnus.length > 0) {
        return rejeter(
          "type-equipement-inconnu",
          l(c.type),
          `Type d'équipement « ${lus.inconnus.join(" ; ")} » hors des quatre types du règlement (${LISTE_TYPES}) : ces achats ne relèvent pas de l'ARE. Choisissez un type de la liste (une ligne par type).${perdu}`,
          propre,
        );
      }
      types = lus.types;
    }

    const brutEffectif = cellule(row, c.effectif);
    const effectif = isBlank(brutEffectif) ? null : lireEntier(brutEffectif);
    const effectifConnu = typeof effectif === "number" ? effectif : null;

    if (this.estDoublon(row, ligne, 0, cleDoublon(verdict.id, eleves ?? 0))) {
      this.achatsEnErreur.push({ ligne, enveloppes: propre ? [propre] : ENVELOPPES });
      return;
    }

    // Retained.
    this.comptage.comptees++;
    const libelle = cellule(row, c.libelle);
    this.achats.push({
      feuille: this.feuille,
      ligne,
      code: verdict.code,
      categorie: verdict.categorie,
      libelle: typeof libelle === "string" && libelle.trim() !== "" ? libelle.trim() : null,
      enveloppe: propre,
      effectif: effectifConnu,
      elevesAides: eleves,
      montant,
      types,
    });
    if (verdict.horsListe !== null) this.signaler("hors-liste", ligne, l(c.code), verdict.horsListe);
    const achete = !montant.isZero();
    if (achete && !eleves) {
      this.signaler(
        "eleves-aides-manquants",
        ligne,
        l(c.eleves),
        `Formation ${verdict.code} : ${formaterEuros(montant)} d'achats sans élève aidé indiqué. Le bilan précise par formation le nombre d'élèves aidés : saisissez-le.`,
      );
    }
    if (achete && types.length === 0) {
      this.signaler(
        "type-equipement-manquant",
        ligne,
        l(c.type),
        `Formation ${verdict.code} : ${formaterEuros(montant)} d'achats sans type d'équipement. Choisissez le type dans la liste (une ligne par type).`,
      );
    }
    if (!achete && eleves) {
      this.signaler(
        "achat-sans-montant",
        ligne,
        l(c.montant),
        `Formation ${verdict.code} : ${nombreDe(eleves, "élève aidé", "élèves aidés")} sans montant d'achat, 0,00 € retenu (équipements conservés des années précédentes ?). Sinon, saisissez le montant.`,
      );
    }
    if (eleves !== null && effectifConnu !== null && eleves > effectifConnu) {
      this.signaler(
        "eleves-aides-superieurs",
        ligne,
        l(c.eleves),
        `Formation ${verdict.code} : ${nombreDe(eleves, "élève aidé", "élèves aidés")} pour un effectif de référence de ${formaterEntier(effectifConnu)}. Vérifiez le nombre ; si les effectifs ont augmenté, une dotation complémentaire pouvait être demandée.`,
      );
    } else if (eleves && effectifConnu === null) {
      this.signaler(
        "effectif-reference-inconnu",
        ligne,
        l(c.effectif),
        `Formation ${verdict.code} : pas d'effectif de référence sur la ligne, le nombre d'élèves aidés n'est pas comparé à l'effectif.`,
      );
    }
  }
}
