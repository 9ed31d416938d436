/**
 * The sheets of the workbook as the Dotations, Demande and Bilan screens offer them: every sheet's
 * name, whether the add-in wrote it, and what its first rows look like (src/workflows/suggestions.ts),
 * read in one go for all sheets (the navigator reads the top rows of every sheet in three syncs) — the
 * add-in's sheets too: its « Établissements ARE <année> » (reliquats of the bilans) feeds a dotation.
 * Plus the small pure choices those screens make from them, tested in test/taskpane/demande-bilan.test.ts
 * and feuilles-choix.test.ts.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import { lireUai } from "../../rules";
import { detecterEntete, indexRelatif } from "../../sheet";
import type { SheetData, SheetInfo, Workbook } from "../../workbook/port";
import {
  LIGNES_APERCU,
  natureFeuille,
  suggererFeuilles,
  type NatureFeuille,
  type SuggestionFeuilles,
} from "../../workflows/suggestions";
import type { Navigator } from "../navigator";
import { failureMessage } from "../run";
import { useServices } from "../services";

export interface Feuilles {
  readonly sheets: readonly SheetInfo[];
  readonly suggestion: SuggestionFeuilles;
  /**
   * For the screens that ask (Dotations): the establishments (rows with a valid UAI) of each sheet that
   * looks like an establishments sheet, read whole — such sheets are small, one row per establishment.
   */
  readonly etablissements?: Readonly<Record<string, number>>;
}

/** The rows with a valid UAI under the detected header: how many establishments a sheet covers. */
export function compterEtablissements(sheet: SheetData): number {
  const detection = detecterEntete(sheet);
  if (!detection) return 0;
  const iUai = indexRelatif(detection.entete, "uai", sheet.columnOffset);
  if (iUai < 0) return 0;
  const uais = new Set<string>();
  for (let i = detection.indexLigne + 1; i < sheet.values.length; i++) {
    const lu = lireUai(sheet.values[i][iUai] ?? null);
    if (lu.ok) uais.add(lu.uai);
  }
  return uais.size;
}

/** How long the list waits after a change in the workbook's sheets, so that a burst reads it once. */
const ATTENTE_CHANGEMENTS_MS = 300;

/**
 * The sheets and their suggestion, read when the screen opens, on « Actualiser », and after sheets are
 * added, deleted or renamed in the workbook (navigator.onSheetsChanged). `onLoad` gets each new list
 * in the same update, and whether it follows a change in the workbook (`suivi`) or starts the screen's
 * choices anew (opening, « Actualiser »), so a screen can preselect its sheets from it (Dotations).
 */
export function useFeuilles(
  onLoad?: (feuilles: Feuilles, suivi: boolean) => void,
  compter = false,
): {
  feuilles: Feuilles | null;
  erreur: string | null;
  actualiser: () => Promise<void>;
  /** A read of the sheets is under way: a choice made now would be replaced by its answer. */
  enLecture: boolean;
} {
  const { navigator, action } = useServices();
  const [feuilles, setFeuilles] = useState<Feuilles | null>(null);
  const [erreur, setErreur] = useState<string | null>(null);
  const [enLecture, setEnLecture] = useState(false);
  // The screen's latest callback, without reading the sheets again each time it renders.
  const onLoadRef = useRef(onLoad);
  useEffect(() => {
    onLoadRef.current = onLoad;
  });
  // Reads may overlap (events, « Actualiser », a write): only the latest one's answer is kept — an
  // older list, or the error of a read overtaken by a deletion, never replaces a newer one.
  const derniere = useRef(0);
  const lire = useCallback(
    async (suivre: boolean) => {
      const numero = ++derniere.current;
      setErreur(null);
      setEnLecture(true);
      try {
        const loaded = await action(async (hote) => {
          const sheets = await hote.workbook.listSheets();
          const heads = await hote.navigator.sheetHeads(
            sheets.map((f) => f.name),
            LIGNES_APERCU,
          );
          const suggestion = suggererFeuilles(sheets, heads);
          if (!compter) return { sheets, suggestion };
          const etablissements: Record<string, number> = {};
          for (const name of suggestion.etablissementsPossibles)
            etablissements[name] = compterEtablissements(await hote.workbook.readSheet(name));
          return { sheets, suggestion, etablissements };
        });
        if (numero !== derniere.current) return;
        setFeuilles(loaded);
        onLoadRef.current?.(loaded, suivre);
      } catch (error) {
        if (numero === derniere.current) setErreur(failureMessage(error));
      } finally {
        if (numero === derniere.current) setEnLecture(false);
      }
    },
    [action, compter],
  );
  const actualiser = useCallback(() => lire(false), [lire]);
  useEffect(() => {
    void actualiser();
  }, [actualiser]);
  useEffect(() => {
    let attente: ReturnType<typeof setTimeout> | undefined;
    const arreter = navigator.onSheetsChanged(() => {
      clearTimeout(attente);
      attente = setTimeout(() => void lire(true), ATTENTE_CHANGEMENTS_MS);
    });
    return () => {
      clearTimeout(attente);
      arreter();
    };
  }, [navigator, lire]);
  return { feuilles, erreur, actualiser, enLecture };
}

/**
 * The active sheet, to read as `attendue`. A sheet the add-in wrote is refused — its results are not
 * an input — unless its first rows look like `attendue` (a bilan template the user filled in).
 */
export async function feuilleActive(
  workbook: Workbook,
  navigator: Navigator,
  attendue: NatureFeuille,
  quoi: string,
): Promise<string> {
  const name = await navigator.activeSheetName();
  const sheet = (await workbook.listSheets()).find((f) => f.name === name);
  if (sheet?.owned) {
    const heads = await navigator.sheetHeads([name], LIGNES_APERCU);
    if (natureFeuille(heads[name] ?? []) !== attendue) {
      throw new Error(
        `La feuille active « ${name} » est une feuille de résultats écrite par le complément : activez ${quoi}, ou choisissez-la dans la liste.`,
      );
    }
  }
  return name;
}

/** The value of « La feuille active » in a list of sheets to read (SourceSheetField). */
export const FEUILLE_ACTIVE = "";

/** The sheet chosen in such a list: the active one, checked as feuilleActive does, or the one named. */
export async function feuilleSource(
  source: string,
  workbook: Workbook,
  navigator: Navigator,
  attendue: NatureFeuille,
  quoi: string,
): Promise<string> {
  return source === FEUILLE_ACTIVE ? feuilleActive(workbook, navigator, attendue, quoi) : source;
}

/**
 * The sheet to read as the list shows it: a sheet chosen then deleted or renamed (no longer among
 * `possibles`) gives back « La feuille active », which the list then shows. `possibles` null: the
 * sheets are not read yet, the choice stands.
 */
export function sourceRetenue(source: string, possibles: readonly string[] | null): string {
  if (source === FEUILLE_ACTIVE || possibles === null || possibles.includes(source)) return source;
  return FEUILLE_ACTIVE;
}

/** Ticks or unticks a sheet, keeping the workbook's order. */
export function basculer(
  choisies: readonly string[],
  feuille: string,
  cochee: boolean,
  ordre: readonly string[],
): string[] {
  const voulues = new Set(choisies);
  if (cochee) voulues.add(feuille);
  else voulues.delete(feuille);
  return ordre.filter((n) => voulues.has(n));
}

/** The user's sheets, then the add-in's among `aussi` (its templates, its dotations…), without repeats. */
export function feuillesProposees(feuilles: Feuilles, aussi: readonly string[] = []): string[] {
  const utilisateur = feuilles.sheets.filter((f) => !f.owned).map((f) => f.name);
  return [...utilisateur, ...aussi.filter((n) => !utilisateur.includes(n))];
}

/**
 * The optional sheet a step reads (the dotations of the year, the establishments to complete): the
 * user's choice, kept as `null` while they have chosen nothing (the suggested sheet is read — it
 * follows the year) and `""` once they chose « (aucune) ». A sheet chosen then deleted or renamed is
 * no longer offered: the suggestion is read again.
 */
export function feuilleRetenue(
  choisie: string | null,
  possibles: readonly string[],
  suggeree: string | null,
): string | null {
  if (choisie === null || (choisie !== "" && !possibles.includes(choisie))) return suggeree;
  return choisie || null;
}

export interface EtablissementListe {
  readonly uai: string;
  readonly nom: string | null;
}

/**
 * The establishments of effectif sheets (their well-formed UAIs, with the first name given), sorted by
 * UAI: what the bilan template can be prepared for. A sheet without a recognised UAI column gives none.
 */
export function etablissementsDesFeuilles(sheets: readonly SheetData[]): EtablissementListe[] {
  const parUai = new Map<string, string | null>();
  for (const sheet of sheets) {
    const detection = detecterEntete(sheet);
    if (!detection) continue;
    const iUai = indexRelatif(detection.entete, "uai", sheet.columnOffset);
    const iNom = indexRelatif(detection.entete, "nomEtablissement", sheet.columnOffset);
    if (iUai < 0) continue;
    for (let i = detection.indexLigne + 1; i < sheet.values.length; i++) {
      const row = sheet.values[i];
      const lu = lireUai(row[iUai] ?? null);
      if (!lu.ok) continue;
      const nom = iNom >= 0 ? row[iNom] : null;
      const texte = typeof nom === "string" && nom.trim() !== "" ? nom.trim() : null;
      if (!parUai.has(lu.uai) || (parUai.get(lu.uai) === null && texte !== null)) parUai.set(lu.uai, texte);
    }
  }
  return [...parUai.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([uai, nom]) => ({ uai, nom }));
}
