/**
 * A request for a dotation complémentaire (R10), pasted or typed: one row per formation with its code
 * formation diplôme, optionally its intitulé, and the extra students (pré-bac, 3ème prépa-métiers) or
 * extra boursiers (post-bac); optionally the UAI and name of the establishment.
 *
 * Seed, « Dotation complémentaire pour les élèves pré et post bac » : « une dotation complémentaire peut
 * être attribuée […] sur demande écrite de l'établissement précisant les effectifs supplémentaires par
 * formation éligible au dispositif (code nomenclature NSF du diplôme et intitulé de la formation) ».
 *
 * Each non-blank row is either kept in the request or set aside with one constat. A non-eligible
 * formation is an erreur here (not an info as in a rectorat sheet): the establishment asked for money
 * the scheme cannot give, and must see it refused with its motif.
 *
 * Décision (regles.md#complementaire.colonnes; which column holds the number): with a single column (« Élèves supplémentaires »,
 * « Boursiers supplémentaires »…), its number is the formation's extra beneficiaries — students for
 * pré-bac, boursiers for post-bac. With both columns, a pré-bac row reads the students and a post-bac
 * row the boursiers; a row whose own column is blank while the other is filled is refused (a post-bac
 * student who is not a boursier does not count).
 *
 * Décision (regles.md#complementaire.ligne-en-double): one line per formation. A formation on a second
 * line — identical or with other figures — is an erreur, and the first line alone stays in the request:
 * the sheet does not say whether it is a copy, a second class or a correction, so the workflow leaves
 * its envelope's amount and the request's total not computed (formationsEnDouble).
 */
import { formaterEntier, nombreDe, type Categorie } from "../rules";
import { isBlank, isCellError, type Row, type SheetData } from "../grid";
import { ligneDuTableauAuDessus } from "./bilanFormulaire";
import { afficher, cellule, lireEntier, messageErreurExcel } from "./cells";
import { cleDoublon, LecteurBase } from "./lecteur";
import type { SessionLecture } from "./session";
import type { CorrectionColonnes } from "./types";

/** A formation's second line, set aside: its envelope's amount waits until the request is clear. */
export interface FormationEnDouble {
  readonly ligne: number;
  /** The row of the line kept for the formation. */
  readonly premiere: number;
  readonly code: string;
  readonly categorie: Categorie;
}

/** A row kept in the request. */
export interface LigneDemandeLue {
  readonly feuille: string;
  readonly ligne: number;
  readonly code: string;
  readonly categorie: Categorie;
  readonly supplementaires: number;
  /** As typed in the sheet, or null (the catalogue's libellé is used then). */
  readonly intitule: string | null;
}

export class LecteurDemande extends LecteurBase {
  /** The rows kept, in sheet order. */
  readonly lignesDemandees: LigneDemandeLue[] = [];
  /** The formations requested on more than one line (the lines after the first), in sheet order. */
  readonly formationsEnDouble: FormationEnDouble[] = [];
  /** Each formation's kept line, by code. */
  private readonly parCode = new Map<string, LigneDemandeLue>();
  /** The establishment named by the rows' UAI column (the first one read), if any. */
  uai: { readonly uai: string; readonly ligne: number } | null = null;
  nom: string | null = null;
  private readonly code: number;
  private readonly intitule: number;
  private readonly eleves: number;
  private readonly boursiers: number;
  private readonly colonneUai: number;
  private readonly colonneNom: number;
  private readonly cles: readonly number[];

  constructor(sheet: SheetData, session: SessionLecture, correction?: CorrectionColonnes) {
    super(
      sheet,
      session,
      correction,
      ["codeFormation"],
      ["supplementaires", "boursiersSupplementaires"],
      "la demande (code formation diplôme, élèves ou boursiers supplémentaires)",
    );
    this.code = this.indice("codeFormation");
    this.intitule = this.indice("libelleFormation");
    this.eleves = this.indice("supplementaires");
    this.boursiers = this.indice("boursiersSupplementaires");
    this.colonneUai = this.indice("uai");
    this.colonneNom = this.indice("nomEtablissement");
    this.cles = [this.code, this.eleves, this.boursiers];
    // Décision (regles.md#complementaire.colonnes): a lone column titled for students (« Élèves
    // supplémentaires ») is read as boursiers on a post-bac row, with an alerte: 10 students of whom 3
    // boursiers would be asked 10 × the forfait.
    const titre = this.entete?.colonnes.supplementaires?.entete ?? "";
    this.titreEleves = this.boursiers < 0 && !/boursier|^\W*suppl\S*\W*$/i.test(titre) ? titre : null;
  }

  /** The lone count column's title when it names students, not boursiers (see the constructor). */
  private readonly titreEleves: string | null;

  /**
   * A formation row above the header (a sort that took the header along) is reported, never dropped:
   * the request would otherwise be short of it without a word (ligneDuTableauAuDessus).
   */
  protected override ligneDeDonneesAuDessus(row: Row): boolean {
    return ligneDuTableauAuDessus(row, this.indice("codeFormation"), [
      this.indice("supplementaires"),
      this.indice("boursiersSupplementaires"),
    ]);
  }

  /**
   * A line identical to an earlier one (estDoublon): the same line typed twice, or the same formation
   * asked for two classes? Counted once the request may be short of a line, twice too high: an erreur,
   * not the alerte « doublon » of the effectif sheets (regles.md#complementaire.ligne-en-double).
   */
  protected override ecarterDoublon(ligne: number, numero: number, autreFeuille: string | null): void {
    this.ecarter(
      "demande-en-double",
      ligne,
      null,
      `Ligne identique à la ligne ${numero}${autreFeuille === null ? "" : ` de la feuille « ${autreFeuille} »`} : saisie deux fois, ou deux classes ? Son enveloppe et le total de la demande ne sont pas calculés d'ici là. Supprimez la copie ; pour deux classes, une seule ligne avec le total de leurs élèves supplémentaires.`,
    );
  }

  protected override complementAvantEntete(): string {
    return " Elle n'est pas reprise dans la demande.";
  }

  /** Only the table's own columns say « total » (see colonnesLues). */
  protected override colonnesDesTotaux(): readonly number[] {
    return this.colonnesLues();
  }

  protected lireLigne(row: Row, ligne: number): void {
    if (this.ecarterSiTotal(row, ligne)) return;
    const lettreCode = this.lettre(this.code);
    const verdict = this.session.verdictCode(cellule(row, this.code), cellule(row, this.intitule));
    if (verdict.kind === "invalide") {
      const structure = this.structureDeLaLigne(
        row,
        this.cles,
        "code formation et nombre d'élèves supplémentaires",
        ligne,
      );
      if (structure) return this.ecarter(structure.code, ligne, null, structure.message);
      return this.ecarter(verdict.probleme, ligne, lettreCode, verdict.message);
    }
    if (verdict.kind === "non-eligible") {
      return this.ecarter(
        "demande-non-eligible",
        ligne,
        lettreCode,
        `Formation ${verdict.code} : pas de dotation complémentaire. ${verdict.motif} Retirez cette ligne de la demande.`,
      );
    }
    // R5 in a request too (regles.md#complementaire.beneficiaires): extra apprentices or 2nd-year students are not asked for.
    if (this.ecarterHorsBeneficiaires(row, ligne)) return;

    // One request, one establishment (« sur demande écrite de l'établissement »).
    if (this.colonneUai >= 0 && !isBlank(row[this.colonneUai])) {
      const uai = this.session.verdictUai(row[this.colonneUai]);
      const lettreUai = this.lettre(this.colonneUai);
      if (!uai.ok) return this.ecarter(uai.probleme, ligne, lettreUai, uai.message);
      if (this.uai === null) this.uai = { uai: uai.uai, ligne };
      else if (uai.uai !== this.uai.uai) {
        return this.ecarter(
          "demande-autre-etablissement",
          ligne,
          lettreUai,
          `UAI ${uai.uai} : la demande porte sur l'établissement ${this.uai.uai} (ligne ${this.uai.ligne}). Une demande écrite par établissement : faites une demande à part pour ${uai.uai}.`,
        );
      }
    }

    const postBac = verdict.categorie === "POST_BAC";
    const [propre, autre] = postBac ? [this.boursiers, this.eleves] : [this.eleves, this.boursiers];
    const colonne = propre >= 0 ? propre : autre;
    const quoi = colonne === this.boursiers ? "Boursiers supplémentaires" : "Élèves supplémentaires";
    const brut = cellule(row, colonne);
    if (isBlank(brut)) {
      if (propre >= 0 && autre >= 0 && !isBlank(row[autre])) {
        return this.ecarter(
          "demande-mauvaise-colonne",
          ligne,
          this.lettre(autre),
          postBac
            ? `Formation post-bac ${verdict.code} : seuls les boursiers supplémentaires comptent, or la colonne « Boursiers supplémentaires » est vide et « Élèves supplémentaires » vaut ${afficher(row[autre])}. Indiquez le nombre de boursiers supplémentaires.`
            : `Formation ${verdict.code} (pré-bac) : ce sont les élèves supplémentaires qui comptent, or la colonne « Élèves supplémentaires » est vide et « Boursiers supplémentaires » vaut ${afficher(row[autre])}. Indiquez le nombre d'élèves supplémentaires.`,
        );
      }
      return this.ecarter(
        "demande-nulle",
        ligne,
        this.lettre(colonne),
        `Formation ${verdict.code} : aucun nombre ${postBac ? "de boursiers" : "d'élèves"} supplémentaires, rien n'est demandé pour elle. Saisissez le nombre s'il fallait la demander.`,
      );
    }
    if (isCellError(brut))
      return this.ecarter("erreur-excel", ligne, this.lettre(colonne), messageErreurExcel(brut, quoi));
    const nombre = lireEntier(brut, quoi, "d'élèves ou de boursiers");
    if (typeof nombre !== "number") {
      return this.ecarter("supplementaires-illisible", ligne, this.lettre(colonne), nombre.message);
    }
    if (nombre === 0) {
      return this.ecarter(
        "demande-nulle",
        ligne,
        this.lettre(colonne),
        `Formation ${verdict.code} : 0 ${postBac ? "boursier" : "élève"} supplémentaire, rien n'est demandé pour elle.`,
      );
    }
    const premiere = this.parCode.get(verdict.code);
    if (this.estDoublon(row, ligne, 0, cleDoublon(verdict.id, nombre))) {
      // Identical rows have the same code: the earlier one is the formation's kept line.
      if (premiere) this.enDouble(premiere, ligne);
      return;
    }
    if (premiere) {
      const quoi = postBac ? "boursier" : "élève";
      this.ecarter(
        "demande-formation-en-double",
        ligne,
        lettreCode,
        `Formation ${verdict.code} déjà demandée ligne ${premiere.ligne} (${nombreDe(premiere.supplementaires, `${quoi} supplémentaire`, `${quoi}s supplémentaires`)}), ici ${formaterEntier(nombre)} : deux classes, ou un nombre corrigé ? Son enveloppe et le total de la demande ne sont pas calculés d'ici là. Gardez une seule ligne, avec le total des élèves supplémentaires de la formation.`,
      );
      return this.enDouble(premiere, ligne);
    }

    this.comptage.comptees++;
    if (this.colonneNom >= 0 && this.nom === null) {
      const nom = row[this.colonneNom];
      if (typeof nom === "string" && nom.trim() !== "") this.nom = nom.trim();
    }
    const intitule = cellule(row, this.intitule);
    const lue: LigneDemandeLue = {
      feuille: this.feuille,
      ligne,
      code: verdict.code,
      categorie: verdict.categorie,
      supplementaires: nombre,
      intitule: typeof intitule === "string" && intitule.trim() !== "" ? intitule.trim() : null,
    };
    this.lignesDemandees.push(lue);
    this.parCode.set(lue.code, lue);
    if (verdict.horsListe !== null) this.signaler("hors-liste", ligne, lettreCode, verdict.horsListe);
    if (postBac && this.titreEleves)
      this.signaler(
        "demande-eleves-post-bac",
        ligne,
        this.lettre(colonne),
        `Formation post-bac ${verdict.code} : « ${this.titreEleves} » lu comme boursiers supplémentaires (seuls comptés) : vérifiez-le.`,
      );
  }

  private enDouble(premiere: LigneDemandeLue, ligne: number): void {
    this.formationsEnDouble.push({
      ligne,
      premiere: premiere.ligne,
      code: premiere.code,
      categorie: premiere.categorie,
    });
  }
}
