/**
 * The look of a list whose items are buttons that take the user somewhere (a finding to its cell, an
 * establishment « À traiter » to its row): heading, bare list, a rule between items, a left-aligned
 * transparent button whose first line (`lieu`) is bold. One place for Contrôle's findings and
 * Dotations' « À traiter ».
 */
import { makeStyles } from "@fluentui/react-components";
import { tokens } from "../tokens";

export const useListeCliquableStyles = makeStyles({
  titre: { display: "block", margin: 0 },
  liste: { listStyleType: "none", margin: 0, padding: 0 },
  element: { borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  bouton: {
    display: "block",
    width: "100%",
    textAlign: "left",
    justifyContent: "flex-start",
    fontWeight: tokens.fontWeightRegular,
    // Longhands, not `paddingBlock`: Griffel ranks every shorthand (Button's `padding`, `paddingBlock`)
    // alike, so between two of them the stylesheet's order decides, and the build's griffel.css orders
    // the rules of different modules its own way (not as the pane used to insert them, nor always the
    // same way from one build to the next); a longhand always comes after, and wins over, a shorthand.
    paddingTop: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalXS,
    minHeight: "auto",
  },
  lieu: { display: "block", fontWeight: tokens.fontWeightSemibold },
});
