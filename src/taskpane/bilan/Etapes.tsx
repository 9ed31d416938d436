/**
 * The three steps of the Bilan screen as a visible stepper (issue 12, point 16): numbered, the current
 * one marked (aria-current="step"), each a button; the full name of each step is its tooltip and the
 * heading under the stepper. Replaces a list whose closed state showed one step and hid the others.
 */
import { makeResetStyles, makeStyles, mergeClasses } from "@fluentui/react-components";
import { Button } from "../components/Button";
import { borderColor } from "../components/ui";
import { tokens } from "../tokens";

// The list, its items, a step's number and text: reset styles, the base class of their element; the
// button's look (given to the Button, itself a reset style) and the current step's stay atomic.
const useListe = makeResetStyles({
  display: "flex",
  gap: tokens.spacingHorizontalXS,
  listStyleType: "none",
  margin: 0,
  padding: 0,
});
const useElement = makeResetStyles({ flex: "1 1 0", minWidth: 0 });
const useNumero = makeResetStyles({
  display: "inline-flex",
  alignItems: "center",
  justifyContent: "center",
  flexShrink: 0,
  width: "20px",
  height: "20px",
  marginRight: tokens.spacingHorizontalXS,
  borderRadius: tokens.borderRadiusCircular,
  border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
  fontSize: tokens.fontSizeBase200,
});
const useTexte = makeResetStyles({ overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" });

const useStyles = makeStyles({
  bouton: {
    width: "100%",
    minWidth: 0,
    paddingInline: tokens.spacingHorizontalXS,
    justifyContent: "flex-start",
    borderBottom: `${tokens.strokeWidthThicker} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: 0,
  },
  actif: {
    fontWeight: tokens.fontWeightSemibold,
    borderBottomColor: tokens.colorCompoundBrandStroke,
    color: tokens.colorNeutralForeground1,
  },
  numeroActif: {
    backgroundColor: tokens.colorCompoundBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
    // The number's border keeps its width and style: only its colour changes.
    ...borderColor(tokens.colorCompoundBrandBackground),
  },
});

export interface Etape {
  readonly id: string;
  /** Short, for the stepper (« Modèle »). */
  readonly court: string;
  /** Whole, for the tooltip and the step's heading. */
  readonly label: string;
}

export function Etapes({
  etapes,
  courante,
  onChoisir,
}: {
  etapes: readonly Etape[];
  courante: string;
  onChoisir: (id: string) => void;
}) {
  const styles = useStyles();
  const liste = useListe();
  const element = useElement();
  const numero = useNumero();
  const texte = useTexte();
  return (
    <nav aria-label="Étapes du bilan">
      <ol className={liste}>
        {etapes.map((e, i) => {
          const active = e.id === courante;
          return (
            <li key={e.id} className={element}>
              <Button
                appearance="subtle"
                size="small"
                title={e.label}
                aria-current={active ? "step" : undefined}
                className={mergeClasses(styles.bouton, active && styles.actif)}
                onClick={() => onChoisir(e.id)}
              >
                <span aria-hidden className={mergeClasses(numero, active && styles.numeroActif)}>
                  {i + 1}
                </span>
                <span className={texte}>{e.court}</span>
              </Button>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
