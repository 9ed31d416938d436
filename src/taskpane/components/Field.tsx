/**
 * A labelled form field with the markup, look and accessibility of Fluent's Field (vertical, as the pane
 * uses it): a <label> for the control, then the control, the validation message (with its icon, and
 * role="alert" for an error or a warning) and the hint. The control inside (FitSelect, TextInput of
 * ui.tsx) takes from `useFieldControl` the field's id, its hint and message as aria-describedby,
 * aria-invalid for an error, `required` and the size, as Fluent's useFieldControlProps gives them.
 *
 * Décision (regles.md#technique.poids-volet, design.md §8): Fluent's Field brings its Label, its horizontal layout, its icons and its
 * contexts for 4 KB of gzipped JavaScript on a page over its 165 KB budget. Same styles here, from
 * Fluent's useFieldStyles and useLabelStyles (react-field, react-label 9.x).
 */
import { createContext, useContext, useId, type ReactNode } from "react";
import { makeResetStyles, makeStyles, mergeClasses } from "@fluentui/react-components";
import { tokens } from "../tokens";

export type ValidationState = "error" | "warning" | "none";

interface FieldContextValue {
  id: string;
  describedBy: string | undefined;
  validationState: ValidationState;
  required: boolean;
  size: "small" | "medium";
}

const FieldContext = createContext<FieldContextValue | undefined>(undefined);

/** What a control needs from the Field around it (nothing outside a Field). */
export interface FieldControlProps {
  id?: string;
  required?: boolean;
  size?: "small" | "medium";
  "aria-describedby"?: string;
  "aria-invalid"?: boolean | "true" | "false" | "grammar" | "spelling";
}

/** The control's props completed by its Field: what is set on the control itself wins, as in Fluent. */
export function useFieldControl<P extends FieldControlProps>(props: P): P {
  const field = useContext(FieldContext);
  if (!field) return props;
  const describedBy = [field.describedBy, props["aria-describedby"]].filter(Boolean).join(" ");
  return {
    ...props,
    id: props.id ?? field.id,
    required: props.required ?? (field.required || undefined),
    size: props.size ?? field.size,
    "aria-describedby": describedBy || undefined,
    "aria-invalid": props["aria-invalid"] ?? (field.validationState === "error" || undefined),
  };
}

// Base looks as reset classes, one class name each on the page (as in ui.tsx); variants atomic.
const useLabelClassName = makeResetStyles({
  maxWidth: "max-content",
  maxHeight: "max-content",
  paddingTop: tokens.spacingVerticalXXS,
  paddingBottom: tokens.spacingVerticalXXS,
  marginBottom: tokens.spacingVerticalXXS,
  fontFamily: tokens.fontFamilyBase,
  color: tokens.colorNeutralForeground1,
  fontSize: tokens.fontSizeBase300,
  lineHeight: tokens.lineHeightBase300,
});

// The validation message and the hint.
const useSecondaryClassName = makeResetStyles({
  marginTop: tokens.spacingVerticalXXS,
  color: tokens.colorNeutralForeground3,
  fontFamily: tokens.fontFamilyBase,
  fontSize: tokens.fontSizeBase200,
  fontWeight: tokens.fontWeightRegular,
  lineHeight: tokens.lineHeightBase200,
});

const useIconClassName = makeResetStyles({
  display: "inline-block",
  fontSize: "12px",
  marginLeft: `calc(-12px - ${tokens.spacingHorizontalXS})`,
  marginRight: tokens.spacingHorizontalXS,
  lineHeight: 0,
  verticalAlign: "-1px",
});

// Its rows at the top: a field stretched to the height of its neighbour in a row (« Montant (€) »
// beside « Année scolaire » and its hint) keeps its input under its label, not spread down the grid.
const useRootClassName = makeResetStyles({ display: "grid", alignContent: "start" });
const useRequiredClassName = makeResetStyles({
  color: tokens.colorPaletteRedForeground3,
  paddingLeft: tokens.spacingHorizontalXS,
});
const useSvgClassName = makeResetStyles({ display: "inline", lineHeight: 0 });

const useStyles = makeStyles({
  labelSmall: { fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  error: { color: tokens.colorPaletteRedForeground1 },
  withIcon: { paddingLeft: `calc(12px + ${tokens.spacingHorizontalXS})` },
  iconError: { color: tokens.colorPaletteRedForeground1 },
  iconWarning: { color: tokens.colorPaletteDarkOrangeForeground1 },
});

/** Fluent's DiamondDismiss12Filled and Warning12Filled icons (react-icons), the message's marks. */
const ICONS: Record<Exclude<ValidationState, "none">, string> = {
  error:
    "M4.59 1.09a2 2 0 0 1 2.82 0l3.5 3.5a2 2 0 0 1 0 2.82l-3.5 3.5a2 2 0 0 1-2.82 0l-3.5-3.5a2 2 0 0 1 0-2.83zm3.26 3.06a.5.5 0 0 0-.7 0L6 5.29 4.85 4.15a.5.5 0 0 0-.7.7L5.29 6 4.15 7.15a.5.5 0 0 0 .7.7L6 6.71l1.15 1.14a.5.5 0 1 0 .7-.7L6.71 6l1.14-1.15a.5.5 0 0 0 0-.7",
  warning:
    "M4.28 1.97a2 2 0 0 1 3.43 0l3 5A2 2 0 0 1 9 10H3A2 2 0 0 1 1.3 6.98zM6 6.75a.75.75 0 1 0 0 1.5.75.75 0 0 0 0-1.5M6 3.5a.5.5 0 0 0-.5.5v1.5a.5.5 0 0 0 1 0V4a.5.5 0 0 0-.5-.5",
};

export interface FieldProps {
  label?: ReactNode;
  hint?: ReactNode;
  validationMessage?: ReactNode;
  /** As Fluent's: "error" when a message is given without a state. */
  validationState?: ValidationState;
  required?: boolean;
  size?: "small" | "medium";
  className?: string;
  children?: ReactNode;
}

export function Field({
  label,
  hint,
  validationMessage,
  validationState = validationMessage ? "error" : "none",
  required = false,
  size = "medium",
  className,
  children,
}: FieldProps) {
  const styles = useStyles();
  const labelClassName = useLabelClassName();
  const secondary = useSecondaryClassName();
  const iconClassName = useIconClassName();
  const rootClassName = useRootClassName();
  const requiredClassName = useRequiredClassName();
  const svgClassName = useSvgClassName();
  const base = useId();
  const id = `${base}control`;
  const messageId = validationMessage ? `${base}message` : undefined;
  const hintId = hint ? `${base}hint` : undefined;
  const describedBy = [messageId, hintId].filter(Boolean).join(" ") || undefined;
  const icon = validationState === "none" ? undefined : ICONS[validationState];
  return (
    <FieldContext.Provider value={{ id, describedBy, validationState, required, size }}>
      <div className={mergeClasses("fui-Field", rootClassName, className)}>
        {label !== undefined && (
          <label
            htmlFor={id}
            id={`${base}label`}
            className={mergeClasses(
              "fui-Label fui-Field__label",
              labelClassName,
              size === "small" && styles.labelSmall,
            )}
          >
            {label}
            {required && (
              <span aria-hidden="true" className={requiredClassName}>
                *
              </span>
            )}
          </label>
        )}
        {children}
        {validationMessage && (
          <div
            id={messageId}
            role={validationState === "none" ? undefined : "alert"}
            className={mergeClasses(
              "fui-Field__validationMessage",
              secondary,
              validationState === "error" && styles.error,
              icon && styles.withIcon,
            )}
          >
            {icon && (
              <span
                className={mergeClasses(
                  iconClassName,
                  validationState === "error" ? styles.iconError : styles.iconWarning,
                )}
              >
                <svg
                  fill="currentColor"
                  aria-hidden="true"
                  width="12"
                  height="12"
                  viewBox="0 0 12 12"
                  className={svgClassName}
                >
                  <path d={icon} />
                </svg>
              </span>
            )}
            {validationMessage}
          </div>
        )}
        {hint && (
          <div id={hintId} className={mergeClasses("fui-Field__hint", secondary)}>
            {hint}
          </div>
        )}
      </div>
    </FieldContext.Provider>
  );
}
