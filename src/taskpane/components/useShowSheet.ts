/**
 * The « Afficher la feuille » buttons under a result: select a sheet the pane wrote, so the user sees
 * it. A failure (the sheet deleted meanwhile…) is kept, to be shown under the result.
 */
import { useCallback, useState } from "react";
import { failureMessage } from "../run";
import { useServices } from "../services";

export function useShowSheet(): { show: (sheet: string) => void; error: string | null; clear: () => void } {
  const { navigator } = useServices();
  const [error, setError] = useState<string | null>(null);
  const show = useCallback(
    (sheet: string) =>
      void navigator.selectCell(sheet, null, null).catch((e: unknown) => setError(failureMessage(e))),
    [navigator],
  );
  const clear = useCallback(() => setError(null), []);
  return { show, error, clear };
}
