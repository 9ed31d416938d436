/**
 * The look of a list whose items are buttons that take the user somewhere (a finding to its cell, an
 * establishment « À traiter » to its row): heading, bare list, a rule between items, a left-aligned
 * transparent button whose first line (`lieu`) is bold. One place for Contrôle's findings and
 * Dotations' « À traiter ».
 */
import { makeResetStyles, makeStyles } from "@fluentui/react-components";
import { tokens } from "../tokens";

// The list, its items and a button's first line: reset styles, each the only class of its element. The
// heading and the button (given to the text preset and the Button, reset styles themselves) stay atomic.
const useListe = makeResetStyles({ listStyleType: "none", margin: 0, padding: 0 });
const useElement = makeResetStyles({
  borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
});
const useLieu = makeResetStyles({ display: "block", fontWeight: tokens.fontWeightSemibold });

const useAtomes = makeStyles({
  titre: { display: "block", margin: 0 },
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
  },
});

export function useListeCliquableStyles() {
  return { ...useAtomes(), liste: useListe(), element: useElement(), lieu: useLieu() };
}
