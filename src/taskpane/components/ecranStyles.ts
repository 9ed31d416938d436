/**
 * The layout every screen shares: a column of blocks, headings without margins, a row of action
 * buttons, lists, groups of check boxes, and compact tables of amounts (a cell is right-aligned, on
 * one line with `nombre`, left-aligned with `gauche`, semibold with `fort`). Cells sit at the top of
 * their row, where a long libellé wraps; the tables of totals (Dotations, Paramètres) centre them
 * vertically with `milieu` and narrow their gutters with `serre`.
 */
import { makeStyles } from "@fluentui/react-components";
import { tokens } from "../tokens";

export const useEcranStyles = makeStyles({
  ecran: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  titre: { display: "block", margin: 0 },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap", alignItems: "center" },
  groupe: { border: "none", margin: 0, padding: 0 },
  legende: { padding: 0, fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase300 },
  liste: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  table: { borderCollapse: "collapse", width: "100%", fontSize: tokens.fontSizeBase200 },
  cellule: {
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    textAlign: "right",
    verticalAlign: "top",
  },
  milieu: { verticalAlign: "middle" },
  // Narrow gutters, wider on the left (right-aligned amounts are parted by it): the tables of totals
  // (four or five columns of amounts) fit a 320-pixel pane.
  serre: {
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXXS} ${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
  },
  nombre: { whiteSpace: "nowrap" },
  gauche: { textAlign: "left", fontWeight: tokens.fontWeightRegular },
  fort: { fontWeight: tokens.fontWeightSemibold },
});
