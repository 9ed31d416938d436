/**
 * One establishment's line of a `Dotations ARE <année>` sheet (written by the dotations workflow, or
 * the same columns typed by hand): what it received per envelope — the net dotation, reliquat already
 * deducted — and the reliquats that were deducted. The bilan template starts from them.
 */
import {
  estErreurAre,
  libelleAnnee,
  lireAnneeScolaire,
  lireUai,
  type AnneeScolaire,
  type Decimal,
  type Enveloppe,
} from "../rules";
import { isBlank, type CellValue, type SheetData } from "../grid";
import { lireMontantBilan } from "./bilanFormulaire";
import { cellule } from "./cells";
import { detecterEntete, indexRelatif, nomDuChamp } from "./columns";
import { constat, type Constat } from "./constats";
import { signalerLigneCoupee } from "./structure";
import type { Champ } from "./types";

export interface DotationsLues {
  /** The sheet has a row for the establishment. */
  readonly trouve: boolean;
  readonly ligne: number | null;
  readonly nom: string | null;
  /** Net dotation per envelope (what was paid); null when absent or unreadable. */
  readonly dotations: Readonly<Record<Enveloppe, Decimal | null>>;
  /** The previous year's reliquats deducted from it; null when absent or unreadable. */
  readonly reliquats: Readonly<Record<Enveloppe, Decimal | null>>;
}

const VIDE: DotationsLues = {
  trouve: false,
  ligne: null,
  nom: null,
  dotations: { preBac: null, postBac: null },
  reliquats: { preBac: null, postBac: null },
};

/** « Dotations ARE 2024-2025 », in a sheet's name or title (any dash, spaces between). */
const ANNEE_DOTATIONS = /dotations\s+are\s+(\d{4}\s*[-‐‑‒–—/]\s*\d{4})/i;

/**
 * The school year a dotations sheet says it is for: its name « Dotations ARE 2024-2025 », else the
 * title written above its header by `are dotations` (« Dotations ARE 2024-2025 — aide régionale… »);
 * null when it says none (a sheet typed by hand), or an incoherent one.
 */
export function anneeDeLaFeuilleDotations(sheet: SheetData): AnneeScolaire | null {
  const indexEntete = detecterEntete(sheet)?.indexLigne ?? 0;
  const textes = [sheet.name];
  for (let i = 0; i < indexEntete; i++)
    for (const cell of sheet.values[i]) if (typeof cell === "string") textes.push(cell);
  for (const texte of textes) {
    const trouve = ANNEE_DOTATIONS.exec(texte);
    if (!trouve) continue;
    try {
      return lireAnneeScolaire(trouve[1].replace(/[‐‑‒–—]/g, "-"));
    } catch (error) {
      if (!estErreurAre(error)) throw error;
    }
  }
  return null;
}

/** Each UAI's first row, built once per sheet read: `are reliquats` checks hundreds of bilans against one sheet. */
const INDEX = new WeakMap<SheetData, Map<string, number>>();

function indexParUai(sheet: SheetData, entete: number, iUai: number): Map<string, number> {
  let parUai = INDEX.get(sheet);
  if (parUai) return parUai;
  parUai = new Map();
  for (let i = entete + 1; i < sheet.values.length; i++) {
    const lu = lireUai(cellule(sheet.values[i], iUai));
    if (lu.ok && !parUai.has(lu.uai)) parUai.set(lu.uai, i);
  }
  INDEX.set(sheet, parUai);
  return parUai;
}

/**
 * Finds `uai` in a dotations sheet; unreadable amounts and a missing row are constats.
 *
 * Décision (regles.md#feuilles.dotations-annee): a sheet that says it is another school year's than
 * `annee` (anneeDeLaFeuilleDotations) is not read (issue 15 item 2): the 2024-2025 dotations typed as received in the 2023-2024 bilan would make every
 * reliquat wrong, and nothing in the template would show it. An erreur says so, and the bilan's
 * dotations are left to type. A sheet that names no year is read as given.
 */
export function lireDotationsEtablissement(
  sheet: SheetData,
  uai: string,
  constats: Constat[],
  annee?: AnneeScolaire,
): DotationsLues {
  const anneeFeuille = anneeDeLaFeuilleDotations(sheet);
  if (annee !== undefined && anneeFeuille !== null && anneeFeuille !== annee) {
    constats.push(
      constat(
        "dotations-autre-annee",
        sheet.name,
        null,
        null,
        `La feuille « ${sheet.name} » donne les dotations ${libelleAnnee(anneeFeuille)}, et le bilan est celui de ${libelleAnnee(annee)} : ses dotations ne sont pas reprises. Donnez la feuille « Dotations ARE ${libelleAnnee(annee)} » (calculée pour ${libelleAnnee(annee)}), ou préparez le bilan de ${libelleAnnee(anneeFeuille)}.`,
      ),
    );
    return VIDE;
  }
  const detection = detecterEntete(sheet);
  const colonnes = detection?.entete.colonnes;
  if (!detection || !colonnes?.uai || (!colonnes.dotationPreBac && !colonnes.dotationPostBac)) {
    constats.push(
      constat(
        "colonne-manquante",
        sheet.name,
        detection?.entete.ligne ?? null,
        null,
        `La feuille « ${sheet.name} » n'a pas les colonnes d'une feuille de dotations (« UAI » et « ${nomDuChamp("dotationPreBac")} » ou « ${nomDuChamp("dotationPostBac")} ») : les dotations reçues ne sont pas reprises, saisissez-les dans le bilan.`,
      ),
    );
    return VIDE;
  }
  const index = (champ: Champ) => indexRelatif(detection.entete, champ, sheet.columnOffset);
  const lettre = (champ: Champ) => detection.entete.colonnes[champ]?.lettre ?? null;
  const i = indexParUai(sheet, detection.indexLigne, index("uai")).get(uai);
  if (i !== undefined) {
    const row = sheet.values[i];
    const ligne = sheet.rowOffset + i + 1;
    // A line of a .csv cut into more values than columns (« 7949,50 » unquoted in a comma file): its
    // amounts sit under the wrong titles, so none is taken (regles.md#lecture.csv-valeurs-en-trop).
    const message = "Ses montants ne sont pas repris : saisissez-les dans le bilan.";
    if (signalerLigneCoupee(sheet, detection, row, ligne, constats, message))
      return { ...VIDE, trouve: true, ligne };
    const montant = (champ: Champ): Decimal | null => {
      const raw: CellValue = cellule(row, index(champ));
      if (isBlank(raw)) {
        // An envelope « non calculée » is a blank cell of the written sheet: never taken as 0 received.
        if (lettre(champ) !== null && (champ === "dotationPreBac" || champ === "dotationPostBac")) {
          constats.push(
            constat(
              "dotation-vide",
              sheet.name,
              ligne,
              lettre(champ),
              `${nomDuChamp(champ)} de ${uai} vide dans « ${sheet.name} » (enveloppe non calculée, ou non saisie) : elle n'est pas reprise comme 0. Saisissez la dotation reçue dans le bilan.`,
            ),
          );
        }
        return null;
      }
      const m = lireMontantBilan(raw, nomDuChamp(champ));
      if (m.ok) return m.valeur;
      constats.push(
        constat(m.code, sheet.name, ligne, lettre(champ), `${m.message} Saisissez-la dans le bilan.`),
      );
      return null;
    };
    const nom = cellule(row, index("nomEtablissement"));
    return {
      trouve: true,
      ligne,
      nom: typeof nom === "string" && nom.trim() !== "" ? nom.trim() : null,
      dotations: { preBac: montant("dotationPreBac"), postBac: montant("dotationPostBac") },
      reliquats: { preBac: montant("reliquatPreBac"), postBac: montant("reliquatPostBac") },
    };
  }
  constats.push(
    constat(
      "dotations-introuvables",
      sheet.name,
      null,
      null,
      `L'établissement ${uai} ne figure pas dans la feuille « ${sheet.name} » : les dotations reçues et les reliquats antérieurs du bilan sont à saisir.`,
    ),
  );
  return VIDE;
}
