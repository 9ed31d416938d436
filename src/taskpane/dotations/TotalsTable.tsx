/**
 * The Dotations screen's totals table (issue 12): per envelope, dotation calculée − reliquats déduits −
 * non-répondants − enveloppes non calculées = dotation nette, each amount with its count of
 * establishments, then the écrêtement (reliquats above the dotation, not deducted). Every line sums
 * exactly (src/rules/dotation.ts, partsEnveloppe).
 */
import { mergeClasses } from "@fluentui/react-components";
import { formatInteger } from "../../rules";
import { avisNonCalculees } from "../../workflows/rapprochement";
import type { TotauxDotations } from "../../workflows/types";
import { useEcranStyles } from "../components/ecranStyles";
import { Caption1, ColumnHeads, Notice } from "../components/ui";
import { reconciliationRows, type TotalCell } from "./summary";

export function TotalsTable({ totaux }: { totaux: TotauxDotations }) {
  const styles = useEcranStyles();
  // A table of totals: its cells centred vertically, the amounts on one line.
  const cellule = mergeClasses(styles.cellule, styles.milieu);
  const libelle = mergeClasses(cellule, styles.gauche);
  const montant = mergeClasses(cellule, styles.nombre);
  const rows = reconciliationRows(totaux);
  const avis = avisNonCalculees(totaux);
  const amount = (cell: TotalCell, strong: boolean) => (
    <td className={mergeClasses(montant, strong && styles.fort)}>
      {cell.montant}
      <br />
      <Caption1>({formatInteger(cell.nombre)})</Caption1>
    </td>
  );
  return (
    <div>
      {avis && <Notice intent="warning">{avis}.</Notice>}
      <table className={styles.table} aria-label="Totaux par enveloppe">
        <ColumnHeads
          labels={["Ligne", "Pré-bac (€)", "Post-bac (€)", "Total (€)"]}
          first={libelle}
          others={cellule}
        />
        <tbody>
          {rows.map((row) => {
            const strong = row.signe === "=";
            return (
              <tr key={row.libelle}>
                <th scope="row" className={mergeClasses(libelle, strong && styles.fort)}>
                  {row.signe && `${row.signe}\u00a0`}
                  {row.libelle}
                </th>
                {amount(row.preBac, strong)}
                {amount(row.postBac, strong)}
                <td className={mergeClasses(montant, strong && styles.fort)}>{row.total}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <Caption1>
        Entre parenthèses, le nombre d&apos;établissements concernés. Pré-bac : 3e prépa-métiers comprise.
        L&apos;écrêtement est la part d&apos;un reliquat au-delà de la dotation : non déduite, elle ne
        s&apos;ajoute à aucune ligne.
      </Caption1>
    </div>
  );
}
