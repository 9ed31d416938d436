/**
 * The establishments sheet (design.md §4): one row per UAI with the taux de boursiers (or the number of
 * boursiers and the effectif total), the reliquats pré-bac and post-bac of the previous year and the
 * answer to the regional surveys. A row counts when its UAI reads; its values go to the establishment
 * (see etablissements.ts for conflicts and unreadable values).
 */
import type { Row, SheetData } from "../grid";
import { cellule } from "./cells";
import type { ColonnesEtablissement } from "./etablissements";
import { CHAMPS_ETABLISSEMENT } from "./columns";
import { LecteurBase, ressembleAUnUai } from "./lecteur";
import type { SessionLecture } from "./session";
import type { CorrectionColonnes } from "./types";

export class LecteurEtablissements extends LecteurBase {
  private readonly uai: number;
  private readonly lettreUai: string | null;
  private readonly colonnes: ColonnesEtablissement;
  private readonly cles: readonly number[];

  /**
   * Above an establishments header, a data row has a UAI and a value beside it (a taux, a reliquat);
   * a form line « UAI | 0750655E » has only its UAI.
   */
  protected override ligneDeDonneesAuDessus(row: Row): boolean {
    return row.some(ressembleAUnUai) && row.some((cell) => typeof cell === "number" && Number.isFinite(cell));
  }

  constructor(sheet: SheetData, session: SessionLecture, correction?: CorrectionColonnes) {
    super(
      sheet,
      session,
      correction,
      ["uai"],
      CHAMPS_ETABLISSEMENT,
      "les données des établissements (UAI, taux de boursiers, reliquats, réponse à l'enquête)",
    );
    this.uai = this.indice("uai");
    this.lettreUai = this.lettre(this.uai);
    this.colonnes = this.colonnesEtablissement();
    const c = this.colonnes;
    this.cles = [c.taux, c.boursiers, c.effectifTotal, c.reliquatPreBac, c.reliquatPostBac, c.aRepondu];
  }

  /**
   * A line cut into more values than columns (a reliquat « 802,50 » unquoted in a comma-separated file),
   * or a row under a repeated header in another order: set aside whole, as its taux, reliquats and
   * answer may sit under the wrong titles. Its UAI, when it reads (left of the cut, or in a column the
   * headers agree on), keeps the establishment from being taken as absent from this sheet —
   * « réputé avoir répondu, sans reliquat » would pay it without deducting the reliquat the line gives:
   * its values are unknown instead, and what depends on them is not computed (valeursNonLues).
   */
  protected override valeursHorsColonnes(row: Row, ligne: number, pourquoi: string): void {
    const uai = this.session.verdictUai(cellule(row, this.uai));
    if (!uai.ok) return;
    const etablissement = this.session.registre.obtenir(uai.uai, this.feuille, ligne, this.lettreUai);
    etablissement.dansFeuilleEtablissements = true;
    const ou = `feuille « ${this.feuille} », ligne ${ligne} ${pourquoi}`;
    this.session.registre.valeursNonLues(etablissement, ou, this.colonnes);
  }

  /**
   * A row set aside as a total that keeps a readable UAI: a subtotal under the establishment's own row,
   * or its only row, whose name says « total » (« Lycée Bréguet, reliquat total reporté »). Which one is
   * known once the whole sheet is read (RegistreEtablissements.marquerLigneTotalSeule).
   */
  private noterLigneTotal(row: Row, ligne: number): void {
    const uai = this.session.verdictUai(cellule(row, this.uai));
    if (!uai.ok) return;
    const ou = `feuille « ${this.feuille} », ligne ${ligne} écartée comme ligne de total`;
    this.session.registre.noterLigneTotal(uai.uai, ou, this.colonnes);
  }

  /**
   * Only the columns the header maps say « total » (see colonnesLues).
   * Décision (regles.md#lecture.lignes-total): the establishments sheet is the Région's own table, where a column
   * « Commentaire » or « Observations » is the officer's note (« reliquat total reporté ») and says
   * nothing of the row: its UAI, taux, reliquats and answer still count. A real total row has no UAI and
   * is still set aside (structureDeLaLigne), as is « Total » in a mapped column (name, UAI).
   */
  protected override colonnesDesTotaux(): readonly number[] {
    return this.colonnesLues();
  }

  protected lireLigne(row: Row, ligne: number): void {
    // Before the UAI is read: a « Total » row must not register an establishment.
    if (this.ecarterSiTotal(row, ligne)) return this.noterLigneTotal(row, ligne);
    const uai = this.session.verdictUai(cellule(row, this.uai));
    if (!uai.ok) {
      const structure = this.structureDeLaLigne(row, this.cles, "UAI et valeurs de l'établissement", ligne);
      if (structure) return this.ecarter(structure.code, ligne, null, structure.message);
      return this.ecarter(uai.probleme, ligne, this.lettreUai, uai.message);
    }
    const etablissement = this.session.registre.obtenir(uai.uai, this.feuille, ligne, this.lettreUai);
    if (this.estDoublon(row, ligne, etablissement.id, 0)) return;
    this.comptage.comptees++;
    etablissement.dansFeuilleEtablissements = true;
    this.signalerUai(uai, ligne, this.lettreUai);
    this.session.registre.lireValeurs(etablissement, row, this.feuille, ligne, this.colonnes);
  }
}
