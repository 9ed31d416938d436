/**
 * The Dotations screen's totals table (issue 12): per envelope, dotation calculée − reliquats déduits −
 * non-répondants − enveloppes non calculées = dotation nette, each amount with its count of
 * establishments, then the écrêtement (reliquats above the dotation, not deducted). Every line sums
 * exactly (src/rules/dotation.ts, partsEnveloppe).
 *
 * Each line is a group of two rows: its name across the table, then its three amounts. Three columns
 * of amounts share the whole width of a 320-pixel pane — a region's totals run to « 10 420 000,00 » —
 * where a fourth column of names left them too little (issue 12, point 16). The name heads its group
 * (`scope="rowgroup"`, and names it), so that a screen reader still reads « Reliquats déduits, Pré-bac,
 * 81 100,28 ».
 */
import { useId } from "react";
import { makeStyles, mergeClasses } from "@fluentui/react-components";
import { formaterEntier } from "../../rules";
import { avisNonCalculees } from "../../workflows/rapprochement";
import type { TotauxDotations } from "../../workflows/types";
import { useEcranStyles } from "../components/ecranStyles";
import { Caption1, ColumnHeads, Notice } from "../components/ui";
import { tokens } from "../tokens";
import { reconciliationRows, type TotalCell } from "./summary";

const useStyles = makeStyles({
  // A line's name sits on its amounts: no rule between them, the rule under the amounts parts the lines.
  nom: { borderBottomStyle: "none", paddingTop: tokens.spacingVerticalS },
  colonne: { width: "33.3%" },
});

export function TotalsTable({ totaux }: { totaux: TotauxDotations }) {
  const styles = useEcranStyles();
  const local = useStyles();
  const base = useId();
  const cellule = mergeClasses(styles.cellule, styles.serre);
  const montant = mergeClasses(cellule, styles.nombre);
  const rows = reconciliationRows(totaux);
  const avis = avisNonCalculees(totaux);
  const amount = (cell: TotalCell, strong: boolean) => (
    <td className={mergeClasses(montant, strong && styles.fort)}>
      {cell.montant}
      <br />
      <Caption1>({formaterEntier(cell.nombre)})</Caption1>
    </td>
  );
  return (
    <div>
      {avis && <Notice intent="warning">{avis}.</Notice>}
      <table className={styles.table} aria-label="Totaux par enveloppe">
        <ColumnHeads labels={["Pré-bac", "Post-bac", "Total"]} first={mergeClasses(cellule, local.colonne)} />
        {rows.map((row, i) => {
          const strong = row.signe === "=";
          const id = `${base}ligne${i}`;
          return (
            <tbody key={row.libelle} aria-labelledby={id}>
              <tr>
                <th
                  id={id}
                  scope="rowgroup"
                  colSpan={3}
                  className={mergeClasses(cellule, styles.gauche, local.nom, strong && styles.fort)}
                >
                  {row.signe && `${row.signe}\u00a0`}
                  {row.libelle}
                </th>
              </tr>
              <tr>
                {amount(row.preBac, strong)}
                {amount(row.postBac, strong)}
                <td className={mergeClasses(montant, strong && styles.fort)}>{row.total}</td>
              </tr>
            </tbody>
          );
        })}
      </table>
      <Caption1>
        Montants en euros ; entre parenthèses, le nombre d&apos;établissements concernés. Pré-bac : 3e
        prépa-métiers comprise. L&apos;écrêtement est la part d&apos;un reliquat au-delà de la dotation : non
        déduite, elle ne s&apos;ajoute à aucune ligne.
      </Caption1>
    </div>
  );
}
