/**
 * Header row and column mapping (design.md §4): the header need not be on row 1, column names are
 * matched case-, accent- and punctuation-insensitively against French names and their synonyms, and the
 * user can always correct the mapping.
 */
import { normaliserLibelle } from "../rules";
import { columnLetter, isBlank, type CellValue, type SheetData } from "../grid";
import type {
  Champ,
  ColonneChoisie,
  ColonneReconnue,
  ColonnesRetirees,
  CorrectionColonnes,
  EnteteDetectee,
} from "./types";

/** The names users and rectorats give each column. The first one is the name shown in messages. */
export const SYNONYMES: Readonly<Record<Champ, readonly string[]>> = {
  uai: [
    "UAI",
    "RNE",
    "Code UAI",
    "N° UAI",
    "Numéro UAI",
    "UAI établissement",
    "UAI de l'établissement",
    "Code RNE",
    "N° RNE",
  ],
  nomEtablissement: [
    "Nom de l'établissement",
    "Nom établissement",
    "Établissement",
    "Nom",
    "Lycée",
    "Nom du lycée",
    "Dénomination",
    "Appellation officielle",
    "Libellé établissement",
  ],
  codeFormation: [
    "Code formation diplôme",
    "Code diplôme",
    "Code formation",
    "CFD",
    "Code CFD",
    "Code diplôme BCN",
    "Code formation diplôme BCN",
  ],
  libelleFormation: [
    "Libellé formation",
    "Libellé",
    "Libellé diplôme",
    "Libellé de la formation",
    "Intitulé",
    "Intitulé formation",
    "Intitulé de la formation",
    "Formation",
  ],
  effectif: [
    "Effectif",
    "Effectifs",
    "Effectif n-1",
    "Effectifs n-1",
    "Effectif 1ère année",
    "Effectifs 1ère année",
    // The spelling of the Imprimerie nationale, which our own sheets use (« 1re année »).
    "Effectif 1re année",
    "Effectifs 1re année",
    "Effectif première année",
    "Effectifs première année",
    "Nb élèves",
    "Nombre d'élèves",
    "Nombre élèves",
  ],
  statut: [
    "Statut",
    "Statut élève",
    "Statut de l'élève",
    "Statut apprenant",
    "Type de contrat",
    // Scolaire, apprentissage or formation continue: the words of national statistics.
    "Voie",
    "Voie de formation",
    // A column that asks the question, answered oui / non: its header reads as an apprentice's status
    // (LecteurEffectifs, estStatutApprenti).
    "Apprenti",
    "Apprentis",
    "Apprentie",
    "Apprentissage",
    "En apprentissage",
    "Contrat d'apprentissage",
    "Alternance",
    "En alternance",
    "Alternant",
    "Contrat de professionnalisation",
    // A count of the row's apprentices (lectureStatut): more than 0 mixes them with the pupils.
    "Dont apprentis",
    "Nb apprentis",
    "Nombre d'apprentis",
    "Effectif apprentis",
  ],
  anneeFormation: [
    "Année de formation",
    "Année formation",
    "Année d'études",
    "Année d'étude",
    "Année du cycle",
    "Année dans la formation",
    "Année de la formation",
    // Décision (regles.md#beneficiaires.premiere-annee): a plain « Année » is read too (lireAnneeFormation
    // refuses a school year, 2024 or « 2024-2025 », rather than take it for a year of formation).
    "Année",
  ],
  // The school year of the effectifs: an extraction of several years would add them up
  // (regles.md#lecture.annee-scolaire-effectifs).
  anneeScolaire: ["Année scolaire", "Rentrée", "Rentrée scolaire", "Année de rentrée", "Année de la rentrée"],
  entreeDirecte: [
    "Entrée directe",
    "Entrée directe en 1ère",
    "Entrée directe en première",
    "Changement de filière",
    "Entrée directe / changement de filière",
    "Entrée directe changement de filière",
  ],
  tauxBoursiers: [
    "Taux de boursiers",
    "Taux boursiers",
    "Taux boursier",
    "% boursiers",
    "Pourcentage de boursiers",
    "Part de boursiers",
  ],
  boursiers: [
    "Boursiers",
    "Nb boursiers",
    "Nombre de boursiers",
    "Effectif boursiers",
    "Effectifs boursiers",
    "Élèves boursiers",
  ],
  effectifTotal: [
    "Effectif total",
    "Effectifs totaux",
    "Effectif total établissement",
    "Effectif de l'établissement",
    "Effectifs n-1 de l'établissement",
    "Total élèves",
  ],
  reliquatPreBac: ["Reliquat pré-bac", "Reliquats pré-bac", "Reliquat ARE pré-bac", "Reliquats ARE pré-bac"],
  reliquatPostBac: [
    "Reliquat post-bac",
    "Reliquats post-bac",
    "Reliquat ARE post-bac",
    "Reliquats ARE post-bac",
  ],
  aRepondu: [
    "Réponse à l'enquête",
    "Réponse enquête",
    "Réponse aux enquêtes",
    "A répondu",
    "A répondu à l'enquête",
    "A répondu aux enquêtes",
    "A répondu aux enquêtes régionales",
    "Répondant",
    // The regulation's words (« n'ayant pas répondu aux enquêtes régionales ») and the short titles of
    // a Région table: unmapped, the answer « non » was silently lost and the establishment paid.
    "Réponse aux enquêtes régionales",
    "Réponse à l'enquête régionale",
    "Enquête",
    "Enquêtes",
    "Enquête régionale",
    "Enquêtes régionales",
    "Répondu",
  ],
  // R10 — « les effectifs supplémentaires par formation » (pré-bac) or « bénéficiaires boursiers » (post-bac).
  supplementaires: [
    "Élèves supplémentaires",
    "Effectifs supplémentaires",
    "Effectif supplémentaire",
    "Élève supplémentaire",
    "Nombre d'élèves supplémentaires",
    "Nb élèves supplémentaires",
    "Élèves ou boursiers supplémentaires",
    "Supplémentaires",
    "Élèves en plus",
    "Augmentation des effectifs",
  ],
  boursiersSupplementaires: [
    "Boursiers supplémentaires",
    "Boursier supplémentaire",
    "Nombre de boursiers supplémentaires",
    "Nb boursiers supplémentaires",
    "Bénéficiaires boursiers supplémentaires",
    "Augmentation des boursiers",
  ],
  // R11 — the bilan: « par formation, le nombre d'élèves aidés, le montant des achats et les types d'équipements ».
  enveloppe: ["Enveloppe", "Enveloppe imputée", "Enveloppe ARE", "Imputation", "Enveloppe d'imputation"],
  elevesAides: [
    "Élèves aidés",
    "Nombre d'élèves aidés",
    "Nb élèves aidés",
    "Élèves équipés",
    "Nombre d'élèves équipés",
    "Élèves bénéficiaires",
  ],
  montantAchats: [
    "Montant des achats",
    "Montant",
    "Achats",
    "Montant dépensé",
    "Dépense",
    "Dépenses",
    "Montant des dépenses",
    "Montant TTC",
  ],
  typeEquipement: [
    "Type d'équipement",
    "Types d'équipements",
    "Type d'équipements",
    "Types d'équipement",
    "Équipement",
    "Équipements",
    "Nature des équipements",
  ],
  // The `Dotations ARE <année>` sheet: what was paid, net of the reliquat (never the gross « Dotation pré-bac »).
  dotationPreBac: [
    "Dotation nette pré-bac",
    "Dotation reçue pré-bac",
    "Dotations reçues pré-bac",
    "Dotation versée pré-bac",
  ],
  dotationPostBac: [
    "Dotation nette post-bac",
    "Dotation reçue post-bac",
    "Dotations reçues post-bac",
    "Dotation versée post-bac",
  ],
};

/**
 * How a header is compared: case, accents, spaces and punctuation ignored, except « % », which is a
 * word here (« % boursiers » is a taux, « Boursiers » a count).
 */
function cleEntete(text: string): string {
  return normaliserLibelle(text.replace(/%/g, " POURCENT "));
}

/**
 * How a header the user chose in the task pane is found again (regles.md#lecture.correction-perimee):
 * case, accents and spaces ignored, punctuation kept — a new extraction's « EFFECTIF » is the
 * « Effectif » chosen, but « Effectif n+1 » is not the « Effectif n-1 » chosen (cleEntete, which
 * drops punctuation to recognise a field, would make them one and follow the wrong year).
 */
function titreVu(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f\s]/g, "")
    .toUpperCase();
}

const PAR_NOM: ReadonlyMap<string, Champ> = (() => {
  const map = new Map<string, Champ>();
  for (const [champ, noms] of Object.entries(SYNONYMES) as [Champ, readonly string[]][]) {
    for (const nom of noms) {
      const cle = cleEntete(nom);
      // A name given to two fields would silently belong to the last one.
      if (map.has(cle) && map.get(cle) !== champ) throw new Error(`Synonyme en double : ${nom}`);
      map.set(cle, champ);
    }
  }
  return map;
})();

/**
 * The field a header cell names, or null. « Code formation diplôme (CFD) » and « Effectif (n-1) » match
 * once their parenthesised part is dropped.
 */
export function champDeLEntete(value: CellValue | undefined): Champ | null {
  if (isBlank(value) || typeof value === "object") return null;
  const text = String(value);
  const exact = PAR_NOM.get(cleEntete(text));
  if (exact) return exact;
  const sansParentheses = text.replace(/\([^)]*\)/g, "");
  return sansParentheses === text ? null : (PAR_NOM.get(cleEntete(sansParentheses)) ?? null);
}

/** Rows scanned for the header: a paste often starts with a title, a date and the académie. */
export const LIGNES_RECHERCHE_ENTETE = 30;

/** Fewer recognised columns than this and a row is a title, not a header. */
const SCORE_MINIMUM = 2;

/** How many distinct fields a row names: the score of a header candidate. */
export function scoreEntete(row: readonly CellValue[]): number {
  const vus = new Set<Champ>();
  for (const cell of row) {
    const champ = champDeLEntete(cell);
    if (champ) vus.add(champ);
  }
  return vus.size;
}

export interface ResultatEntete {
  readonly entete: EnteteDetectee;
  /** Index in `sheet.values` of the header row. */
  readonly indexLigne: number;
  /** Fields mapped twice: the second column is ignored (left to right, the first wins). */
  readonly enDouble: readonly { champ: Champ; colonne: ColonneReconnue }[];
  /**
   * For a field of CHAMPS_SANS_DEVINER, a second column of it in the same table (of the same kind, for
   * the effectif), when the user did not say which to read (regles.md#lecture.deux-colonnes).
   */
  readonly ambigus: readonly { champ: Champ; colonne: ColonneReconnue }[];
  /**
   * Corrections whose header is no longer where the user chose it (ColonneChoisie): followed to the
   * column now under that header (`suivie`), or not (`suivie` null: the field is left unmapped and the
   * reader refuses the sheet). `colonne` is the column at the chosen index now, `memes` the columns now
   * titled as the chosen one.
   */
  readonly deplacees: readonly {
    champ: Champ;
    choisie: ColonneChoisie;
    colonne: ColonneReconnue;
    memes: readonly ColonneReconnue[];
    suivie: ColonneReconnue | null;
  }[];
  /** Fields removed in the task pane (ColonnesRetirees) now named by headers the user did not see. */
  readonly retraits: readonly { champ: Champ; nouvelles: readonly ColonneReconnue[] }[];
}

/**
 * Finds the header among the first rows: the row naming the most distinct fields (the earliest on a
 * tie, so that a header repeated further down a paste is not taken for the real one), then applies the
 * user's correction. Null when no row names at least two fields.
 */
export function detecterEntete(sheet: SheetData, correction?: CorrectionColonnes): ResultatEntete | null {
  const limite = Math.min(sheet.values.length, LIGNES_RECHERCHE_ENTETE);
  let meilleur = -1;
  let meilleurScore = SCORE_MINIMUM - 1;
  for (let i = 0; i < limite; i++) {
    const score = scoreEntete(sheet.values[i]);
    if (score > meilleurScore) {
      meilleur = i;
      meilleurScore = score;
    }
  }
  if (meilleur < 0) return null;

  const row = sheet.values[meilleur];
  const colonnes: Partial<Record<Champ, ColonneReconnue>> = {};
  const titrees: ColonneReconnue[] = [];
  const enDouble: { champ: Champ; colonne: ColonneReconnue }[] = [];
  for (let j = 0; j < row.length; j++) {
    if (isBlank(row[j])) continue;
    const colonne = reconnue(sheet, row, j + sheet.columnOffset);
    titrees.push(colonne);
    const champ = champDeLEntete(row[j]);
    const deja = champ ? colonnes[champ] : undefined;
    if (champ && !deja) colonnes[champ] = colonne;
    else if (champ && deja && plusPrecis(champ, row[j], deja.entete)) {
      enDouble.push({ champ, colonne: deja });
      colonnes[champ] = colonne;
    } else if (champ) enDouble.push({ champ, colonne });
  }
  // The fields whose column the user's correction gave (ambiguity below is then settled), even the one
  // read anyway: a ColonneChoisie followed to it is that very object.
  const choisis = new Set<Champ>();
  const deplacees: ResultatEntete["deplacees"][number][] = [];
  const retraits: ResultatEntete["retraits"][number][] = [];
  for (const [champ, choix] of Object.entries(correction ?? {}) as [Champ, CorrectionColonnes[Champ]][]) {
    if (choix && typeof choix === "object" && "aucune" in choix) {
      // Décision (regles.md#lecture.correction-perimee): « aucune colonne » holds for the headers seen.
      // Headers compared by titreVu: « STATUT » is the « Statut » seen.
      const vues = choix.aucune.map(titreVu);
      const nouvelles = titrees.filter(
        (c) => champDeLEntete(c.entete) === champ && !vues.includes(titreVu(c.entete)),
      );
      if (nouvelles[0]) retraits.push({ champ, nouvelles });
      delete colonnes[champ];
      continue;
    }
    const index = choix !== null && typeof choix === "object" ? choix.index : choix;
    // A correction that is not a column index (UI slip) is ignored rather than read as column « ».
    if (index !== null && !(Number.isInteger(index) && index! >= 0)) continue;
    let colonne = index === null ? null : reconnue(sheet, row, index!);
    if (colonne && typeof choix === "object") {
      // Décision (regles.md#lecture.correction-perimee): the column chosen is the one under the header
      // the user saw — the `rang`-th of the `sur` columns so titled, while there are still `sur` of them.
      // Titled alike by titreVu: « EFFECTIF », « Effectif  » are « Effectif ».
      const cle = titreVu(choix!.entete);
      const memes = titrees.filter((c) => titreVu(c.entete) === cle);
      const suivie = memes.length === choix!.sur ? (memes[choix!.rang] ?? null) : null;
      if (suivie?.index !== index) deplacees.push({ champ, choisie: choix!, colonne, memes, suivie });
      colonne = suivie;
    }
    if (colonne) {
      colonnes[champ] = colonne;
      choisis.add(champ);
    } else delete colonnes[champ];
  }
  // Ignored: every titled column no field reads, after the correction (the one a corrected field left too).
  const lues = Object.values(colonnes).map((c) => c!.index);
  const ignorees = titrees.filter((c) => !lues.includes(c.index));
  // Décision (regles.md#lecture.deux-colonnes): two columns of a field that counts pupils or money (« Effectif »
  // twice, one last year's; two reliquats, two taux) side by side: reading the leftmost would be a
  // guess. Unless the correction chose one, the reader refuses the sheet. A second table beyond an
  // untitled column is not a rival; nor is a plain « Effectif » beside an n-1 one (lecture.effectif-n-1).
  const ambigus: { champ: Champ; colonne: ColonneReconnue }[] = [];
  for (const { champ, colonne } of enDouble) {
    const lue = colonnes[champ];
    if (
      !lue ||
      !CHAMPS_SANS_DEVINER.has(champ) ||
      choisis.has(champ) ||
      ambigus.some((a) => a.champ === champ)
    )
      continue;
    if (champ === "effectif" && effectifPrecis(colonne.entete) !== effectifPrecis(lue.entete)) continue;
    const [de, a] = [lue.index, colonne.index].sort((x, y) => x - y);
    let jointes = true;
    for (let j = de; j < a && jointes; j++) jointes = !isBlank(row[j - sheet.columnOffset]);
    if (jointes) ambigus.push({ champ, colonne });
  }
  return {
    entete: { ligne: sheet.rowOffset + meilleur + 1, colonnes, ignorees },
    indexLigne: meilleur,
    // Only beside a column read for the field: one removed, or left unread by a stale correction, has
    // no column to be « en double » with (its message named the column « undefined »).
    enDouble: enDouble.filter(
      ({ champ, colonne }) => (colonnes[champ]?.index ?? colonne.index) !== colonne.index,
    ),
    ambigus,
    deplacees,
    retraits,
  };
}

/**
 * The columns of a detected header, read by a field or not, left to right, once each (two fields may
 * read one column): what the task pane offers and what a choice in it is checked against.
 */
export function colonnesDeLEntete(entete: EnteteDetectee): ColonneReconnue[] {
  const parIndex = new Map<number, ColonneReconnue>();
  for (const colonne of [...Object.values(entete.colonnes), ...entete.ignorees])
    if (colonne && !parIndex.has(colonne.index)) parIndex.set(colonne.index, colonne);
  return [...parIndex.values()].sort((a, b) => a.index - b.index);
}

/** « Aucune colonne » for `champ` in a detected header: the headers named like it (ColonnesRetirees). */
export function colonnesRetirees(entete: EnteteDetectee, champ: Champ): ColonnesRetirees {
  return {
    aucune: colonnesDeLEntete(entete)
      .filter((c) => champDeLEntete(c.entete) === champ)
      .map((c) => c.entete),
  };
}

/**
 * The column `index` of a detected header as the user chooses it in the task pane: with its header
 * text, and which of the columns so titled it is when there are several (regles.md#lecture.correction-perimee).
 */
export function colonneChoisie(entete: EnteteDetectee, index: number): ColonneChoisie {
  const colonnes = colonnesDeLEntete(entete);
  const choisie = colonnes.find((c) => c.index === index);
  if (!choisie) return { index, entete: "", rang: -1, sur: 0 };
  // Counted as a reading finds them (detecterEntete): by titreVu, « EFFECTIF » with « Effectif ».
  const cle = titreVu(choisie.entete);
  const memes = colonnes.filter((c) => titreVu(c.entete) === cle).map((c) => c.index);
  return { index, entete: choisie.entete, rang: memes.indexOf(index), sur: memes.length };
}

/** An establishment's values, read beside its UAI in an establishments sheet or an extraction. */
export const CHAMPS_ETABLISSEMENT: readonly Champ[] = [
  "tauxBoursiers",
  "boursiers",
  "effectifTotal",
  "reliquatPreBac",
  "reliquatPostBac",
  "aRepondu",
];

/**
 * The fields whose value makes an amount — pupils counted, a taux, a reliquat, a survey answer that
 * pays nothing, a bilan's purchases: two columns of one of them are never read by guessing
 * (regles.md#lecture.deux-colonnes).
 */
const CHAMPS_SANS_DEVINER: ReadonlySet<Champ> = new Set<Champ>([
  "effectif",
  ...CHAMPS_ETABLISSEMENT,
  "supplementaires",
  "boursiersSupplementaires",
  "montantAchats",
]);

/** What an effectif header says when it names the n-1 or first-year effectif (cleEntete form). */
const EFFECTIF_PRECIS = /N1|1E?RE?ANNEE|PREMIEREANNEE/;

/**
 * Does an effectif header say which effectif it is — « Effectif n-1 », « Effectifs 1ère année »,
 * « Effectif (n-1) » — rather than a plain « Effectif », « Nb élèves »?
 * Décision (regles.md#lecture.effectif-n-1): the regulation counts « les élèves de première année
 * (effectifs n-1) »; an extraction that gives both a plain effectif (every year of the formation, or
 * this rentrée's) and the n-1 / first-year one is read from the latter, whatever their order.
 */
/**
 * Whether a second column of a field says it more precisely than the one already read, and is read
 * instead: « Effectif n-1 » beside a plain « Effectif » (regles.md#lecture.effectif-n-1); « Année de
 * formation » beside a plain « Année », often the school year (regles.md#beneficiaires.premiere-annee).
 */
function plusPrecis(champ: Champ, titre: CellValue | undefined, titreLu: string): boolean {
  if (champ === "effectif") return effectifPrecis(titre) && !effectifPrecis(titreLu);
  return champ === "anneeFormation" && anneeSeule(titreLu) && !anneeSeule(String(titre));
}

/**
 * A plain « Année »: read as the year of formation, but it often holds the school year, which the
 * reader then skips and a precise title overrides (regles.md#beneficiaires.premiere-annee).
 */
export function anneeSeule(titre: string | undefined): boolean {
  return titre !== undefined && cleEntete(titre) === "ANNEE";
}

function effectifPrecis(value: CellValue | undefined): boolean {
  return typeof value === "string" && EFFECTIF_PRECIS.test(cleEntete(value));
}

function reconnue(sheet: SheetData, row: readonly CellValue[], index: number): ColonneReconnue {
  const cell = row[index - sheet.columnOffset];
  return {
    index,
    lettre: columnLetter(index),
    entete: isBlank(cell) || typeof cell === "object" ? "" : String(cell).trim(),
  };
}

/** The column's index within the used range's rows, or -1 when the field is not mapped. */
export function indexRelatif(entete: EnteteDetectee, champ: Champ, columnOffset: number): number {
  const colonne = entete.colonnes[champ];
  return colonne ? colonne.index - columnOffset : -1;
}

/** « UAI », « Code formation diplôme »…: how messages name a field. */
export function nomDuChamp(champ: Champ): string {
  return SYNONYMES[champ][0];
}
