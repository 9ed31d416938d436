/**
 * Reading sheets in slices: progress every few thousand rows, cancellation between slices. The reading
 * itself stays synchronous and fast; when the caller can cancel (a `signal`), the loop also yields to
 * the event loop now and then so that a task pane stays responsive and its « Annuler » button is heard.
 */
import type { LecteurFeuille } from "../sheet";
import { AbortedError, type Progress } from "../workbook/port";

/** Rows per slice: progress is reported, and cancellation checked, this often. */
export const LIGNES_PAR_TRANCHE = 5000;

/** Slices between two yields to the event loop (only when a signal is given). */
const TRANCHES_AVANT_PAUSE = 10;

function pause(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export function verifierAnnulation(progress: Progress | undefined): void {
  if (progress?.signal?.aborted) throw new AbortedError();
}

export async function lireParTranches(
  lecteurs: readonly LecteurFeuille[],
  progress: Progress | undefined,
): Promise<void> {
  const total = lecteurs.reduce((sum, lecteur) => sum + lecteur.total, 0);
  let faites = 0;
  let tranches = 0;
  progress?.onProgress?.(0, total);
  for (const lecteur of lecteurs) {
    while (!lecteur.fini) {
      verifierAnnulation(progress);
      faites += lecteur.lireTranche(LIGNES_PAR_TRANCHE);
      progress?.onProgress?.(faites, total);
      if (progress?.signal && ++tranches % TRANCHES_AVANT_PAUSE === 0) await pause();
    }
  }
  verifierAnnulation(progress);
}
