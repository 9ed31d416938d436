/**
 * French typography of everything the pane shows (issue 12, point 13; regles.md#technique.typographie):
 * every text node under the pane's root goes through the core's `typographier` as React writes it, so
 * that no line of a 320-pixel pane breaks inside a number, a date or a school year, nor before « : » or
 * « € ». Done where the text meets the page rather than at each of the hundreds of places a screen,
 * a workflow or a rule writes a text: a new message cannot forget it. React never reads the text back
 * (it compares its own props), so rewriting a node's spaces does not disturb its updates.
 *
 * Left as they are: what a user copies or types — formulas and code (<code>), fields — and any element
 * marked `data-tel-quel`.
 */
import { useLayoutEffect, type RefObject } from "react";
import { typographier } from "../../rules/typographie";

const TELS_QUELS = "code, pre, textarea, input, [data-tel-quel]";

function corriger(noeud: Text): void {
  const texte = noeud.data;
  const corrige = typographier(texte);
  // Compared first: most texts have nothing to change, and a node rewritten is a mutation observed again.
  if (corrige !== texte && !noeud.parentElement?.closest(TELS_QUELS)) noeud.data = corrige;
}

/** Every text under an element. */
function corrigerSousArbre(racine: Node): void {
  const parcours = document.createTreeWalker(racine, NodeFilter.SHOW_TEXT);
  for (let n = parcours.nextNode(); n !== null; n = parcours.nextNode()) corriger(n as Text);
}

/**
 * Keeps the texts under `racine` typographed: once when mounted, then at each change React makes, in
 * the element it changed (a MutationObserver's callback runs before the page is painted again: the
 * plain text is never seen).
 */
export function useTypographie(racine: RefObject<HTMLElement>): void {
  useLayoutEffect(() => {
    const element = racine.current;
    if (!element) return;
    corrigerSousArbre(element);
    const observateur = new MutationObserver((mutations) => {
      // The element whose children changed; the element of a text that changed.
      for (const m of mutations) corrigerSousArbre(m.type === "childList" ? m.target : m.target.parentNode!);
    });
    observateur.observe(element, { subtree: true, childList: true, characterData: true });
    return () => observateur.disconnect();
  }, [racine]);
}
