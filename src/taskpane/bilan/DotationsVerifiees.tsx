/** Whether steps 2 and 3 compared the bilans' « Dotation reçue » with what was paid, and with which sheet. */
import { Caption1 } from "../components/ui";
import { DOTATION_NON_VERIFIEE } from "./dotationsVersees";

export function DotationsVerifiees({ feuille }: { feuille: string | null }) {
  return (
    <Caption1>
      {feuille ? `« Dotation reçue » comparée à la feuille « ${feuille} ».` : DOTATION_NON_VERIFIEE}
    </Caption1>
  );
}
