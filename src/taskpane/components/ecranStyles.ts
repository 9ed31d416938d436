/**
 * The layout of the Demande and Bilan screens (loaded together, in one lazy chunk): the same column of
 * blocks, headings and compact amount tables as the Dotations screen.
 */
import { makeStyles, tokens } from "@fluentui/react-components";

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
  nombre: { whiteSpace: "nowrap" },
  gauche: { textAlign: "left", fontWeight: tokens.fontWeightRegular },
  fort: { fontWeight: tokens.fontWeightSemibold },
});
