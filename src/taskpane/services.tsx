/**
 * What every screen receives from the host: the navigator, actions over the Workbook port, the parameters store
 * shared with the ARE.* functions, the school year in progress, and the way to open another screen.
 * Excel (index.tsx) and the preview (src/preview) provide different implementations; the screens
 * never know which.
 */
import { createContext, useContext, useSyncExternalStore } from "react";
import type { ListesStore } from "../addin/listesStore";
import type { ParametresStore } from "../addin/parametresStore";
import type { AnneeScolaire, Catalogues } from "../rules";
import type { Workbook } from "../workbook/port";
import type { CorrectionColonnes } from "../workflows/types";
import type { Navigator } from "./navigator";

/** What an action works on: the workbook and where the user is. */
export interface Hote {
  readonly workbook: Workbook;
  readonly navigator: Navigator;
}

export interface Services {
  /** Where the user is, and the workbook's sheet events; reads and writes go through `action`. */
  readonly navigator: Navigator;
  /**
   * Runs one user action — where the user is, what it reads, what it writes — as one unit: in Excel,
   * one Excel.run whose context the workbook and navigator handed to `action` share (design.md §8).
   */
  readonly action: <T>(action: (hote: Hote) => Promise<T>) => Promise<T>;
  readonly store: ParametresStore;
  /** The lists of formations loaded in the workbook, shared with the ARE.* functions likewise. */
  readonly listes: ListesStore;
  /** The school year in progress, from today's date (the core never reads the clock). */
  readonly currentYear: AnneeScolaire;
}

export const ServicesContext = createContext<Services | null>(null);

export function useServices(): Services {
  const services = useContext(ServicesContext);
  if (!services) throw new Error("Volet ARE : services absents (ServicesContext non fourni).");
  return services;
}

/** The lists of formations in force (embedded and loaded), following the store's changes. */
export function useCatalogues(): Catalogues {
  const { listes } = useServices();
  return useSyncExternalStore(listes.abonner, listes.etat).catalogues;
}

/** Opens another screen of the pane (e.g. Paramètres from a year that cannot be resolved). */
export const GoToContext = createContext<(screen: string) => void>(() => undefined);

export function useGoTo(): (screen: string) => void {
  return useContext(GoToContext);
}

/**
 * Column mappings the user corrected in Contrôle, by sheet name, so that Dotations reads those sheets
 * the same way (passed to the workflow as `colonnes`). Kept for the session of the pane.
 */
export interface Corrections {
  readonly bySheet: Readonly<Record<string, CorrectionColonnes>>;
  set(sheet: string, correction: CorrectionColonnes): void;
}

export const CorrectionsContext = createContext<Corrections>({ bySheet: {}, set: () => undefined });

export function useCorrections(): Corrections {
  return useContext(CorrectionsContext);
}

/** The corrections of Contrôle's mapping for the sheets a screen reads, as the workflows take them. */
export function correctionsDe(
  corrections: Corrections,
  noms: readonly (string | null)[],
): Record<string, CorrectionColonnes> {
  const colonnes: Record<string, CorrectionColonnes> = {};
  for (const nom of noms) if (nom && corrections.bySheet[nom]) colonnes[nom] = corrections.bySheet[nom];
  return colonnes;
}
