/** The explanation of a figure as nested lists: each computed figure above the figures it comes from. */
import { makeResetStyles, makeStyles, mergeClasses } from "@fluentui/react-components";
import { tokens } from "../tokens";
import type { TraceNode } from "./summary";

// A list and an item: reset styles; the root list's own look stays atomic and wins.
const useListe = makeResetStyles({
  margin: 0,
  paddingInlineStart: tokens.spacingHorizontalL,
  fontSize: tokens.fontSizeBase200,
  lineHeight: tokens.lineHeightBase200,
});
const useElement = makeResetStyles({ marginBlock: tokens.spacingVerticalXXS });

const useStyles = makeStyles({
  racine: { paddingInlineStart: 0, listStyleType: "none" },
});

export function ExplanationTree({ nodes, root = true }: { nodes: readonly TraceNode[]; root?: boolean }) {
  const styles = useStyles();
  const liste = useListe();
  const element = useElement();
  return (
    <ul
      className={root ? mergeClasses(liste, styles.racine) : liste}
      aria-label={root ? "Détail du calcul" : undefined}
    >
      {nodes.map((node, i) => (
        <li key={i} className={element}>
          {node.text}
          {node.children.length > 0 && <ExplanationTree nodes={node.children} root={false} />}
        </li>
      ))}
    </ul>
  );
}
