/**
 * The layout every screen shares: a column of blocks, headings without margins, a row of action
 * buttons, lists, groups of check boxes, and compact tables of amounts (a cell is right-aligned, on
 * one line with `nombre`, left-aligned with `gauche`, semibold with `fort`). Cells sit at the top of
 * their row, where a long libellé wraps; the tables of totals (Dotations, Paramètres) centre them
 * vertically with `milieu` and narrow their gutters with `serre`.
 *
 * The base looks of plain elements (`ecran` to `cellule`, each the first class of its element) are
 * reset styles, one class each on the page; the variants and `titre` (a class given to the text
 * presets, themselves reset styles) stay atomic and win over them.
 */
import { makeResetStyles, makeStyles } from "@fluentui/react-components";
import { tokens } from "../tokens";

const useEcran = makeResetStyles({ display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM });
const useActions = makeResetStyles({
  display: "flex",
  gap: tokens.spacingHorizontalS,
  flexWrap: "wrap",
  alignItems: "center",
});
const useGroupe = makeResetStyles({ border: "none", margin: 0, padding: 0 });
const useLegende = makeResetStyles({
  padding: 0,
  fontWeight: tokens.fontWeightSemibold,
  fontSize: tokens.fontSizeBase300,
});
const useListe = makeResetStyles({ margin: 0, paddingInlineStart: tokens.spacingHorizontalL });
const useTable = makeResetStyles({
  borderCollapse: "collapse",
  width: "100%",
  fontSize: tokens.fontSizeBase200,
});
const useCellule = makeResetStyles({
  padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
  borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  textAlign: "right",
  verticalAlign: "top",
});

const useVariantes = makeStyles({
  titre: { display: "block", margin: 0 },
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

export function useEcranStyles() {
  return {
    ...useVariantes(),
    ecran: useEcran(),
    actions: useActions(),
    groupe: useGroupe(),
    legende: useLegende(),
    liste: useListe(),
    table: useTable(),
    cellule: useCellule(),
  };
}
