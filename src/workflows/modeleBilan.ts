/**
 * « Préparer le bilan » (R11): the template an establishment fills in at the end of the school year —
 * its UAI, name and year, the dotations received and the reliquats of the previous year per envelope
 * (from the `Dotations ARE <année>` sheet, or given), then one row per eligible formation of the
 * establishment (from its effectif rows, the effectif kept as a reference) with the cells to fill:
 * students helped, amount of purchases, type of equipment (a drop-down of the seed's four types).
 *
 * The template is a sheet the add-in owns, which the user then fills in. Décision (regles.md#feuilles.modele-bilan) : writing the
 * template again never replaces a template already filled in (students, amounts or types entered):
 * it goes to a new sheet « … (2) » instead, so that no entry is lost.
 */
import {
  Decimal,
  ENVELOPPES,
  NOMS_ENVELOPPES,
  TYPES_EQUIPEMENT,
  ErreurArgument,
  enveloppeDe,
  lireUai,
  libelleAnnee,
  type Categorie,
  type Enveloppe,
  type AnneeScolaire,
  type Catalogues,
} from "../rules";
import {
  LecteurEffectifs,
  SessionLecture,
  additionnerBilans,
  constat,
  detecterEntete,
  effectifsNonLus,
  indexRelatif,
  lireDotationsEtablissement,
  type BilanLignes,
  type Constat,
  type CorrectionColonnes,
  type DotationsLues,
} from "../sheet";
import { isBlank, type SheetData } from "../grid";
import type { OutputSheet, Progress, Workbook } from "../workbook/port";
import { montant } from "./outputs";
import { lireParTranches, verifierAnnulation } from "./progression";

export interface OptionsModeleBilan {
  readonly uai: string;
  readonly annee: AnneeScolaire;
  /** The lists of formations by rentrée, those the user loaded included; the embedded ones by default. */
  readonly catalogues?: Catalogues;
  /** Effectif sheets where the establishment's formations are (a rectorat's, or its own). */
  readonly feuillesEffectifs: readonly string[];
  /** A `Dotations ARE <année>` sheet giving the dotations received and reliquats deducted. */
  readonly feuilleDotations?: string | null;
  readonly nom?: string | null;
  /** Given amounts prevail over the dotations sheet. */
  readonly dotations?: Partial<Record<Enveloppe, Decimal>>;
  readonly reliquats?: Partial<Record<Enveloppe, Decimal>>;
  readonly colonnes?: Readonly<Record<string, CorrectionColonnes>>;
  readonly progress?: Progress;
  /**
   * Given, an effectif sheet's columns whose title speaks of the pupils' status or a year but is not
   * recognised are alertes put first, as in calculerDotations (OptionsDotations.designer): the template
   * would list the formations of apprentices or second-year pupils. The task pane gives it; the
   * command line finds them when it opens a file.
   */
  readonly designer?: string;
}

/** One row of the template: an eligible formation of the establishment. */
export interface FormationBilan {
  readonly code: string;
  readonly libelle: string;
  readonly categorie: Categorie;
  readonly enveloppe: Enveloppe;
  /** First-year effectif n-1 counted for the establishment (all its rows of that code). */
  readonly effectif: number;
}

export interface ResultatModeleBilan {
  readonly uai: string;
  readonly nom: string | null;
  readonly annee: AnneeScolaire;
  /** Pré-bac first, then post-bac; by code within an envelope. */
  readonly formations: readonly FormationBilan[];
  /** Null when neither given nor found: the user types it. */
  readonly dotations: Readonly<Record<Enveloppe, Decimal | null>>;
  readonly reliquats: Readonly<Record<Enveloppe, Decimal | null>>;
  /** Rows of the establishment's effectif sheets (all establishments), for the record. */
  readonly lignes: BilanLignes;
  /** Constats about the establishment's rows (others are left out) and about its dotations. */
  readonly constats: readonly Constat[];
  readonly sources: readonly string[];
}

/** Reads the establishment's formations and dotations; a malformed UAI is an ErreurArgument. */
export async function preparerModeleBilan(
  workbook: Workbook,
  options: OptionsModeleBilan,
): Promise<ResultatModeleBilan> {
  const lu = lireUai(options.uai);
  if (!lu.ok) throw new ErreurArgument("uai-invalide", lu.message);
  const uai = lu.uai;
  const { progress } = options;
  const session = new SessionLecture(options.annee, options.catalogues);
  const catalogue = session.catalogue;
  const sources: string[] = [];
  const parCode = new Map<string, { categorie: Categorie; effectif: number; libelle: string | null }>();
  const feuilles: { sheet: SheetData; lecteur: LecteurEffectifs }[] = [];

  for (const nom of options.feuillesEffectifs) {
    verifierAnnulation(progress);
    const sheet = await workbook.readSheet(nom, progress);
    sources.push(sheet.name);
    const libelleDe = libelleLu(sheet, options.colonnes?.[nom]);
    const lecteur = new LecteurEffectifs(sheet, session, {
      correction: options.colonnes?.[nom],
      onLigneComptee: (ligne) => {
        if (ligne.uai !== uai) return;
        const deja = parCode.get(ligne.code);
        if (deja) deja.effectif += ligne.effectif;
        else
          parCode.set(ligne.code, {
            categorie: ligne.categorie,
            effectif: ligne.effectif,
            libelle: libelleDe(ligne.ligne),
          });
      },
    });
    feuilles.push({ sheet, lecteur });
  }
  await lireParTranches(
    feuilles.map((f) => f.lecteur),
    progress,
  );

  const { designer } = options;
  const constats = [
    ...(designer
      ? effectifsNonLus(
          feuilles.map((f) => f.lecteur),
          designer,
        )
      : []),
    ...session.constats.filter(concerne(uai, feuilles)),
  ];
  let dotationsLues: DotationsLues | null = null;
  if (options.feuilleDotations) {
    verifierAnnulation(progress);
    const sheet = await workbook.readSheet(options.feuilleDotations, progress);
    sources.push(sheet.name);
    dotationsLues = lireDotationsEtablissement(sheet, uai, constats, options.annee);
  }
  if (parCode.size === 0) {
    constats.push(
      constat(
        "etablissement-introuvable",
        sources[0] ?? "",
        null,
        null,
        `Aucune formation éligible comptée pour l'établissement ${uai} dans ${sources.map((f) => `« ${f} »`).join(", ") || "les feuilles données"} : vérifiez l'UAI et les feuilles d'effectifs. Le bilan est préparé sans ligne de formation (ajoutez-les à la main).`,
      ),
    );
  }

  const formations: FormationBilan[] = [...parCode.entries()]
    .map(([code, f]) => ({
      code,
      libelle: catalogue.get(code)?.libelle ?? f.libelle ?? "",
      categorie: f.categorie,
      enveloppe: enveloppeDe(f.categorie),
      effectif: f.effectif,
    }))
    .sort((a, b) =>
      a.enveloppe !== b.enveloppe ? (a.enveloppe === "preBac" ? -1 : 1) : a.code < b.code ? -1 : 1,
    );
  const choisir = (donne: Decimal | undefined, lue: Decimal | null | undefined) => donne ?? lue ?? null;
  return {
    uai,
    nom: options.nom?.trim() || session.registre.get(uai)?.nom || dotationsLues?.nom || null,
    annee: options.annee,
    formations,
    dotations: {
      preBac: choisir(options.dotations?.preBac, dotationsLues?.dotations.preBac),
      postBac: choisir(options.dotations?.postBac, dotationsLues?.dotations.postBac),
    },
    reliquats: {
      preBac: choisir(options.reliquats?.preBac, dotationsLues?.reliquats.preBac),
      postBac: choisir(options.reliquats?.postBac, dotationsLues?.reliquats.postBac),
    },
    lignes: additionnerBilans(feuilles.map((f) => f.lecteur.bilan())),
    constats,
    sources,
  };
}

/** The libellé cell of a counted row of an effectif sheet (by its 1-based row), when the sheet has one. */
function libelleLu(sheet: SheetData, correction?: CorrectionColonnes): (ligne: number) => string | null {
  const detection = detecterEntete(sheet, correction);
  const index = detection ? indexRelatif(detection.entete, "libelleFormation", sheet.columnOffset) : -1;
  return (ligne) => {
    if (index < 0) return null;
    const cell = sheet.values[ligne - sheet.rowOffset - 1]?.[index];
    return typeof cell === "string" && cell.trim() !== "" ? cell.trim() : null;
  };
}

/** Keeps the constats about a whole sheet, or about a row of this establishment. */
function concerne(
  uai: string,
  feuilles: readonly { sheet: SheetData; lecteur: LecteurEffectifs }[],
): (c: Constat) => boolean {
  const colonneUai = new Map(
    feuilles.map(({ sheet, lecteur }) => [
      sheet.name,
      {
        sheet,
        index: lecteur.entete ? indexRelatif(lecteur.entete, "uai", sheet.columnOffset) : -1,
        // A refusal of the whole sheet (deux-colonnes, colonne-manquante) is at its header row.
        entete: lecteur.entete?.ligne ?? 0,
      },
    ]),
  );
  return (c) => {
    const feuille = colonneUai.get(c.feuille);
    if (c.ligne === null || !feuille || feuille.index < 0 || c.ligne <= feuille.entete) return true;
    const lu = lireUai(feuille.sheet.values[c.ligne - feuille.sheet.rowOffset - 1]?.[feuille.index] ?? null);
    return lu.ok && lu.uai === uai;
  };
}

export function nomFeuilleBilan(uai: string, annee: AnneeScolaire): string {
  return `Bilan ARE ${uai} ${libelleAnnee(annee)}`;
}

/** The labels the check reads back (sheet/bilanFormulaire.ts, LIBELLES_FORMULAIRE). */
export const LIBELLE_DOTATION: Readonly<Record<Enveloppe, string>> = {
  preBac: "Dotation reçue pré-bac (initiale et complémentaire)",
  postBac: "Dotation reçue post-bac (initiale et complémentaire)",
};
export const LIBELLE_RELIQUAT: Readonly<Record<Enveloppe, string>> = {
  preBac: "Reliquat antérieur pré-bac",
  postBac: "Reliquat antérieur post-bac",
};

export const COLONNES_BILAN = {
  libelle: "Libellé de la formation",
  code: "Code formation diplôme",
  enveloppe: "Enveloppe",
  effectif: "Effectif n-1 (référence)",
  eleves: "Élèves aidés",
  montant: "Montant des achats",
  type: "Type d'équipement",
} as const;

/** The template: heading, the establishment and envelopes to check or complete, one row per formation. */
export function feuilleModeleBilan(resultat: ResultatModeleBilan): OutputSheet {
  const annee = libelleAnnee(resultat.annee);
  const valeur = (d: Decimal | null) => (d === null ? null : montant(d));
  return {
    name: nomFeuilleBilan(resultat.uai, resultat.annee),
    heading: [
      `Bilan ARE ${annee} — compte rendu d'utilisation des dotations (aide régionale à l'équipement des élèves, Région Île-de-France)`,
      "À remplir à l'issue de l'année scolaire : pour chaque formation, le nombre d'élèves aidés, le montant des achats (en euros) et le type d'équipement (liste).",
      "Dotation reçue : total de l'année (dotation initiale et, le cas échéant, dotation complémentaire). Reliquat antérieur : reliquat de l'année précédente (0 si aucun).",
      "Pré-bac et post-bac ne sont pas fongibles : chaque achat est imputé sur l'enveloppe de sa formation. Plusieurs types d'équipements pour une formation : une ligne par type (dupliquez la ligne).",
      resultat.sources.length > 0
        ? `Préparé à partir de : ${resultat.sources.map((f) => `« ${f} »`).join(", ")}.`
        : "Préparé sans feuille source : complétez les formations.",
    ],
    fields: [
      { label: "UAI", value: resultat.uai, format: "text" },
      { label: "Établissement", value: resultat.nom, format: "text" },
      { label: "Année scolaire", value: annee, format: "text" },
      ...ENVELOPPES.flatMap((e) => [
        { label: LIBELLE_DOTATION[e], value: valeur(resultat.dotations[e]), format: "euros" as const },
        { label: LIBELLE_RELIQUAT[e], value: valeur(resultat.reliquats[e]), format: "euros" as const },
      ]),
    ],
    columns: [
      { header: COLONNES_BILAN.libelle, format: "text", width: 52 },
      { header: COLONNES_BILAN.code, format: "text", width: 12 },
      {
        header: COLONNES_BILAN.enveloppe,
        format: "text",
        width: 10,
        choices: ENVELOPPES.map((e) => NOMS_ENVELOPPES[e]),
      },
      { header: COLONNES_BILAN.effectif, format: "integer", width: 11 },
      { header: COLONNES_BILAN.eleves, format: "integer", width: 10 },
      { header: COLONNES_BILAN.montant, format: "euros", width: 14 },
      { header: COLONNES_BILAN.type, format: "text", width: 48, choices: TYPES_EQUIPEMENT },
    ],
    rows: resultat.formations.map((f) => [
      f.libelle,
      f.code,
      NOMS_ENVELOPPES[f.enveloppe],
      f.effectif,
      null,
      null,
      null,
    ]),
    totals: null,
  };
}

/** Has the user entered something in the cells of a template (students, amounts, types)? */
function estRempli(sheet: SheetData): boolean {
  const detection = detecterEntete(sheet);
  if (!detection) return sheet.values.some((row) => row.some((cell) => !isBlank(cell)));
  const colonnes = (["elevesAides", "montantAchats", "typeEquipement"] as const)
    .map((champ) => indexRelatif(detection.entete, champ, sheet.columnOffset))
    .filter((index) => index >= 0);
  for (let i = detection.indexLigne + 1; i < sheet.values.length; i++) {
    for (const index of colonnes) if (!isBlank(sheet.values[i][index])) return true;
  }
  return false;
}

/**
 * Writes the template; an add-in sheet of that name already filled in is kept, the template going to
 * « … (2) », « … (3) »… Returns the name used.
 */
export async function ecrireModeleBilan(workbook: Workbook, resultat: ResultatModeleBilan): Promise<string> {
  const sortie = feuilleModeleBilan(resultat);
  const existantes = await workbook.listSheets();
  const base = sortie.name.slice(0, 31);
  for (let n = 1; ; n++) {
    const suffixe = n === 1 ? "" : ` (${n})`;
    const candidat = base.slice(0, 31 - suffixe.length) + suffixe;
    const existante = existantes.find((f) => f.name.toLowerCase() === candidat.toLowerCase());
    if (!existante) return workbook.writeSheet({ ...sortie, name: candidat });
    if (existante.owned && !estRempli(await workbook.readSheet(existante.name))) {
      return workbook.writeSheet({ ...sortie, name: candidat });
    }
  }
}
