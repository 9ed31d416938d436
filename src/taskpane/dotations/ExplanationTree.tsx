/** The explanation of a figure as nested lists: each computed figure above the figures it comes from. */
import { makeStyles, mergeClasses } from "@fluentui/react-components";
import { tokens } from "../tokens";
import type { TraceNode } from "./summary";

const useStyles = makeStyles({
  liste: {
    margin: 0,
    paddingInlineStart: tokens.spacingHorizontalL,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
  racine: { paddingInlineStart: 0, listStyleType: "none" },
  element: { marginBlock: tokens.spacingVerticalXXS },
});

export function ExplanationTree({ nodes, root = true }: { nodes: readonly TraceNode[]; root?: boolean }) {
  const styles = useStyles();
  return (
    <ul
      className={root ? mergeClasses(styles.liste, styles.racine) : styles.liste}
      aria-label={root ? "Détail du calcul" : undefined}
    >
      {nodes.map((node, i) => (
        <li key={i} className={styles.element}>
          {node.text}
          {node.children.length > 0 && <ExplanationTree nodes={node.children} root={false} />}
        </li>
      ))}
    </ul>
  );
}
