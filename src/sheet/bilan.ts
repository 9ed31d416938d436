/**
 * A filled bilan (R11), as the template of src/workflows/bilan.ts lays it out — or as a gestionnaire
 * types it by hand: labelled values above the table (UAI, établissement, année scolaire, dotation reçue
 * and reliquat antérieur of each envelope), then one row per formation with the students helped, the
 * amount of purchases and the type of equipment.
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
  ENVELOPPE_NAMES,
  TYPES_EQUIPEMENT,
  ZERO,
  enveloppeOf,
  formatEuros,
  formatInteger,
  nombreDe,
  isAreError,
  messageEnveloppeCroisee,
  normaliseLabel,
  parseEnveloppe,
  parseSchoolYear,
  parseTypesEquipement,
  schoolYearLabel,
  type Categorie,
  type Enveloppe,
  type SchoolYear,
  type TypeEquipement,
} from "../rules";
import {
  columnLetter,
  isBlank,
  isCellError,
  type CellValue,
  type Row,
  type SheetData,
} from "../workbook/port";
import { afficher, cellule, codeErreurCellule, lireEntier, lireMontant, messageErreurExcel } from "./cells";
import { LIGNES_RECHERCHE_ENTETE } from "./columns";
import { constat, type CodeConstat } from "./constats";
import { dateDansLaCellule, estCelluleDate, messageDate } from "./dates";
import type { Origine } from "./etablissements";
import type { Constat } from "./findings";
import { cleDoublon, LecteurBase } from "./lecteur";
import type { SessionLecture } from "./session";
import { ligneDeStructure } from "./structure";
import type { CorrectionColonnes } from "./types";

/** The labelled values of a bilan, above its table. */
export type ChampFormulaire =
  "uai" | "nom" | "annee" | "dotationPreBac" | "dotationPostBac" | "reliquatPreBac" | "reliquatPostBac";

/** The labels a bilan gives each value; the first one is the template's (a part in parentheses is ignored). */
export const LIBELLES_FORMULAIRE: Readonly<Record<ChampFormulaire, readonly string[]>> = {
  uai: ["UAI", "Code UAI", "N° UAI", "RNE", "UAI de l'établissement"],
  nom: ["Établissement", "Nom de l'établissement", "Lycée", "Nom du lycée"],
  annee: ["Année scolaire", "Année scolaire du bilan", "Année"],
  dotationPreBac: [
    "Dotation reçue pré-bac",
    "Dotations reçues pré-bac",
    "Total des dotations reçues pré-bac",
    "Dotation nette pré-bac",
  ],
  dotationPostBac: [
    "Dotation reçue post-bac",
    "Dotations reçues post-bac",
    "Total des dotations reçues post-bac",
    "Dotation nette post-bac",
  ],
  reliquatPreBac: [
    "Reliquat antérieur pré-bac",
    "Reliquats antérieurs pré-bac",
    "Reliquat pré-bac de l'année précédente",
    "Reliquat pré-bac",
    "Reliquats pré-bac",
  ],
  reliquatPostBac: [
    "Reliquat antérieur post-bac",
    "Reliquats antérieurs post-bac",
    "Reliquat post-bac de l'année précédente",
    "Reliquat post-bac",
    "Reliquats post-bac",
  ],
};

const PAR_LIBELLE: ReadonlyMap<string, ChampFormulaire> = new Map(
  (Object.entries(LIBELLES_FORMULAIRE) as [ChampFormulaire, readonly string[]][]).flatMap(([champ, noms]) =>
    noms.map((nom) => [normaliseLabel(nom), champ] as const),
  ),
);

function champDuLibelle(value: CellValue | undefined): ChampFormulaire | null {
  if (typeof value !== "string") return null;
  return (
    PAR_LIBELLE.get(normaliseLabel(value)) ??
    PAR_LIBELLE.get(normaliseLabel(value.replace(/\([^)]*\)/g, ""))) ??
    null
  );
}

/** A labelled value as found: the value (null when blank) and the cell it is in (or the label's cell). */
export interface CelluleFormulaire {
  readonly valeur: CellValue;
  readonly ligne: number;
  readonly colonne: string;
}

/** How far to the right of its label a value is looked for (a label may span merged cells). */
const CELLULES_VALEUR = 3;

/**
 * The labelled values found in the rows above the table's header (`indexEntete`, an index in
 * `sheet.values`; null to scan the first rows): a cell whose text is a known label, the value being the
 * first non-blank cell just right of it. The first occurrence of a label wins.
 */
export function trouverFormulaire(
  sheet: SheetData,
  indexEntete: number | null,
): Partial<Record<ChampFormulaire, CelluleFormulaire>> {
  const trouves: Partial<Record<ChampFormulaire, CelluleFormulaire>> = {};
  const fin = Math.min(sheet.values.length, indexEntete ?? LIGNES_RECHERCHE_ENTETE);
  for (let i = 0; i < fin; i++) {
    const row = sheet.values[i];
    for (let j = 0; j < row.length; j++) {
      const champ = champDuLibelle(row[j]);
      if (champ === null || trouves[champ]) continue;
      let k = j + 1;
      while (k < Math.min(row.length, j + 1 + CELLULES_VALEUR) && isBlank(row[k])) k++;
      const found = k < row.length && k <= j + CELLULES_VALEUR && !isBlank(row[k]);
      trouves[champ] = {
        valeur: found ? row[k] : null,
        ligne: sheet.rowOffset + i + 1,
        colonne: columnLetter(sheet.columnOffset + (found ? k : j + 1)),
      };
    }
  }
  return trouves;
}

/**
 * The school year of a bilan: its own « Année scolaire » when readable, else `parDefaut` (with an info,
 * or an erreur when the cell is unreadable).
 */
export function anneeDuFormulaire(
  feuille: string,
  cellules: Partial<Record<ChampFormulaire, CelluleFormulaire>>,
  parDefaut: SchoolYear,
): { annee: SchoolYear; constat: Constat | null } {
  const cellule = cellules.annee;
  if (!cellule || isBlank(cellule.valeur)) {
    return {
      annee: parDefaut,
      constat: constat(
        "annee-scolaire-absente",
        feuille,
        cellule?.ligne ?? null,
        cellule?.colonne ?? null,
        `Année scolaire du bilan non indiquée : ${schoolYearLabel(parDefaut)} retenue. Indiquez-la (ex. 2024-2025) à côté du libellé « Année scolaire ».`,
      ),
    };
  }
  try {
    const raw = cellule.valeur;
    if (isCellError(raw) || typeof raw === "boolean") throw new Error("illisible");
    return { annee: parseSchoolYear(typeof raw === "string" ? raw.trim() : raw), constat: null };
  } catch (error) {
    const why = isAreError(error) ? ` (${error.message})` : "";
    return {
      annee: parDefaut,
      constat: constat(
        "annee-scolaire-illisible",
        feuille,
        cellule.ligne,
        cellule.colonne,
        `Année scolaire « ${afficher(cellule.valeur)} » illisible${why} : ${schoolYearLabel(parDefaut)} retenue pour lire le bilan. Corrigez-la (ex. 2024-2025).`,
      ),
    };
  }
}

/** The establishment and envelopes of a bilan, as read. */
export interface FormulaireBilan {
  readonly uai: string | null;
  readonly nom: string | null;
  readonly annee: SchoolYear;
  /** Null when missing or unreadable: that envelope's new reliquat cannot be computed. */
  readonly dotations: Readonly<Record<Enveloppe, Decimal | null>>;
  /** « le cas échéant » : a blank reliquat antérieur is none (0). Null when unreadable. */
  readonly reliquats: Readonly<Record<Enveloppe, Decimal | null>>;
  /** Where each value was read (for messages). */
  readonly origines: Partial<Record<ChampFormulaire, Origine>>;
}

const NOMS_MONTANTS = {
  dotationPreBac: "Dotation reçue pré-bac",
  dotationPostBac: "Dotation reçue post-bac",
  reliquatPreBac: "Reliquat antérieur pré-bac",
  reliquatPostBac: "Reliquat antérieur post-bac",
} as const;

/** An amount of the bilan (form value or purchase): the value, or the constat that sets it aside. */
export function lireMontantBilan(
  raw: CellValue,
  quoi: string,
): { ok: true; valeur: Decimal; arrondi: boolean } | { ok: false; code: CodeConstat; message: string } {
  if (isCellError(raw))
    return { ok: false, code: codeErreurCellule(raw), message: messageErreurExcel(raw, quoi) };
  const lu = lireMontant(raw, quoi);
  if (lu.ok) return lu;
  if (lu.negatif) {
    return {
      ok: false,
      code: "montant-negatif",
      message: `${quoi} « ${afficher(raw)} » négatif : un montant du bilan est positif ou nul (un avoir se déduit du montant de l'achat). Corrigez la valeur.`,
    };
  }
  return { ok: false, code: "montant-illisible", message: lu.message };
}

/**
 * Reads the establishment and envelopes of a bilan; its constats go to the session. The year was
 * settled before (anneeDuFormulaire), as the session's list of formations depends on it.
 */
export function lireFormulaireBilan(
  sheet: SheetData,
  cellules: Partial<Record<ChampFormulaire, CelluleFormulaire>>,
  session: SessionLecture,
): FormulaireBilan {
  const feuille = sheet.name;
  const signaler = (code: CodeConstat, ligne: number | null, colonne: string | null, message: string) =>
    session.constats.push(constat(code, feuille, ligne, colonne, message));
  const origines: Partial<Record<ChampFormulaire, Origine>> = {};
  for (const [champ, c] of Object.entries(cellules) as [ChampFormulaire, CelluleFormulaire][])
    origines[champ] = { feuille, ligne: c.ligne, colonne: c.colonne };

  let uai: string | null = null;
  const celluleUai = cellules.uai;
  const verdict = session.verdictUai(celluleUai?.valeur ?? null);
  if (verdict.ok) {
    uai = verdict.uai;
    for (const alerte of verdict.alertes)
      signaler(alerte.code, celluleUai!.ligne, celluleUai!.colonne, alerte.message);
  } else {
    const message =
      verdict.probleme === "uai-manquant"
        ? "UAI de l'établissement manquant en tête du bilan : saisissez-le à côté du libellé « UAI » (ex. 0750655E). Sans lui, les reliquats ne peuvent pas être reportés."
        : verdict.message;
    signaler(verdict.probleme, celluleUai?.ligne ?? null, celluleUai?.colonne ?? null, message);
  }
  const nomBrut = cellules.nom?.valeur;
  const nom =
    typeof nomBrut === "string" && nomBrut.trim() !== ""
      ? nomBrut.trim()
      : typeof nomBrut === "number"
        ? String(nomBrut)
        : null;

  const montant = (champ: keyof typeof NOMS_MONTANTS, requis: boolean): Decimal | null => {
    const c = cellules[champ];
    const quoi = NOMS_MONTANTS[champ];
    if (!c || isBlank(c.valeur)) {
      if (requis) {
        signaler(
          "dotation-recue-manquante",
          c?.ligne ?? null,
          c?.colonne ?? null,
          `${quoi} non renseignée : saisissez le total des dotations reçues au titre de l'année (initiale et complémentaire), 0 si aucune. Sans elle, le reliquat de l'enveloppe n'est pas calculé.`,
        );
        return null;
      }
      signaler(
        "reliquat-anterieur-vide",
        c?.ligne ?? null,
        c?.colonne ?? null,
        `${quoi} non renseigné : aucun reliquat de l'année précédente retenu (0,00 €).`,
      );
      return ZERO;
    }
    const lu = lireMontantBilan(c.valeur, quoi);
    if (!lu.ok) {
      signaler(
        lu.code,
        c.ligne,
        c.colonne,
        `${lu.message} Le reliquat de l'enveloppe ${champ.endsWith("PreBac") ? "pré-bac" : "post-bac"} n'est pas calculé.`,
      );
      return null;
    }
    if (lu.arrondi) {
      signaler(
        "montant-arrondi",
        c.ligne,
        c.colonne,
        `${quoi} « ${afficher(c.valeur)} » arrondi au centime : ${formatEuros(lu.valeur)} retenus. Vérifiez le montant.`,
      );
    }
    return lu.valeur;
  };
  return {
    uai,
    nom,
    annee: session.annee,
    dotations: { preBac: montant("dotationPreBac", true), postBac: montant("dotationPostBac", true) },
    reliquats: { preBac: montant("reliquatPreBac", false), postBac: montant("reliquatPostBac", false) },
    origines,
  };
}

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
        : ` Achat de ${montantLu.ok ? formatEuros(montantLu.valeur) : `« ${afficher(montantBrut)} »`} non retenu.`;
    const brutEnveloppe = cellule(row, c.enveloppe);
    const saisie =
      isBlank(brutEnveloppe) || isCellError(brutEnveloppe) ? null : parseEnveloppe(String(brutEnveloppe));
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
      const structure = ligneDeStructure(row, this.cles, "code formation et montant des achats");
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
        `${verdict.message.replace(" non comptée.", " : les crédits ARE ne peuvent pas financer ses équipements.")}${perdu}`,
      );
    }
    const propre = enveloppeOf(verdict.categorie);

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
          `${messageEnveloppeCroisee(verdict.code, verdict.categorie, saisie)} Imputez l'achat sur l'enveloppe ${ENVELOPPE_NAMES[propre]}.${perdu}`,
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
          `Montant des achats « ${afficher(montantBrut)} » arrondi au centime : ${formatEuros(montantLu.valeur)} retenus. Vérifiez le montant.`,
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
      const lus = parseTypesEquipement(String(brutType));
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

    if (this.estDoublon(row, ligne, 0, cleDoublon(verdict.id, eleves ?? 0))) return;

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
        `Formation ${verdict.code} : ${formatEuros(montant)} d'achats sans élève aidé indiqué. Le bilan précise par formation le nombre d'élèves aidés : saisissez-le.`,
      );
    }
    if (achete && types.length === 0) {
      this.signaler(
        "type-equipement-manquant",
        ligne,
        l(c.type),
        `Formation ${verdict.code} : ${formatEuros(montant)} d'achats sans type d'équipement. Choisissez le type dans la liste (une ligne par type).`,
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
        `Formation ${verdict.code} : ${formatInteger(eleves)} élèves aidés pour un effectif de référence de ${formatInteger(effectifConnu)}. Vérifiez le nombre ; si les effectifs ont augmenté, une dotation complémentaire pouvait être demandée.`,
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
