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
    paddingBlock: tokens.spacingVerticalXS,
    minHeight: "auto",
  },
  lieu: { display: "block", fontWeight: tokens.fontWeightSemibold },
});
