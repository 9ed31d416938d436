/**
 * After « Calculer » or « Contrôler » (issue 12, point 4): the new result is scrolled into view and
 * focused (its region has tabIndex -1), so that keyboard and screen-reader users land on it; the
 * screen's live region (Annonce, ui.tsx) says what it is.
 */
import { useEffect, useRef } from "react";

/** `fresh`: the result just produced, or null while none is new (idle, running, shown again). */
export function useReveal<T extends HTMLElement>(fresh: unknown) {
  const ref = useRef<T>(null);
  useEffect(() => {
    const element = ref.current;
    if (fresh === null || fresh === undefined || !element) return;
    element.scrollIntoView({ block: "start" });
    element.focus({ preventScroll: true });
  }, [fresh]);
  return ref;
}
