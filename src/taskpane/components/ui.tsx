/**
 * Light stand-ins for a few Fluent components, built on native elements styled with Fluent's tokens
 * (so they follow the light and dark themes). The pane's budget (design.md §8: 165 KB of JavaScript
 * gzipped, everything included) cannot afford every Fluent control: Fluent's MessageBar, Checkbox,
 * ProgressBar, RadioGroup and Spinner cost about 13 KB together, while a native checkbox or
 * <progress> is accessible as it is. Fluent's Select and Input, about 8 KB together, are styled native
 * <select> and <input> too: the Demande and Bilan screens, and the bilan workflows they bring (about
 * 10 KB), fit in the budget only without them (pane at 170 KB with them).
 *
 * Fluent's text presets (Body1, Caption1, Subtitle2) are here too, with the same styles: Fluent's
 * Text brings its variants (sizes, fonts, truncation…) for 1 KB gzip where three classes do.
 *
 * Also the header row of the screens' tables (ColumnHeads): here, in the page's first script, the lazy
 * screens share it instead of each carrying a copy.
 */
import {
  useEffect,
  useId,
  useRef,
  type ChangeEvent,
  type HTMLAttributes,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
} from "react";
import { makeResetStyles, makeStyles, mergeClasses } from "@fluentui/react-components";
import { sansCoupure, typographier } from "../../rules/typographie";
import { useFieldControl } from "./Field";
import { tokens } from "../tokens";

/**
 * The four border colours, as Griffel's `shorthands.borderColor` writes them: that object of helpers,
 * used for nothing else, weighs 1.3 KB gzip on the page (design.md §8). Shared with Button.tsx.
 */
export function borderColor(colour: string) {
  return {
    borderTopColor: colour,
    borderRightColor: colour,
    borderBottomColor: colour,
    borderLeftColor: colour,
  };
}

// The base look of each element is one reset class (makeResetStyles), its variants atomic classes
// (makeStyles) that Griffel orders after every reset rule: a reset class costs the page one class name
// where atomic classes cost one per property (design.md §8, the page is at its budget). Pseudo-classes
// are declared in the order Griffel gives atomic rules (:disabled, :focus-visible, :hover), so that the
// one that wins is the same as when they were atomic.
const useNoticeClassName = makeResetStyles({
  display: "block",
  padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
  borderRadius: tokens.borderRadiusMedium,
  borderLeftWidth: tokens.strokeWidthThickest,
  borderLeftStyle: "solid",
  fontSize: tokens.fontSizeBase300,
  lineHeight: tokens.lineHeightBase300,
  color: tokens.colorNeutralForeground1,
  overflowWrap: "anywhere",
});

const useCheckClassName = makeResetStyles({
  display: "flex",
  alignItems: "flex-start",
  gap: tokens.spacingHorizontalS,
  paddingBlock: tokens.spacingVerticalXS,
  fontSize: tokens.fontSizeBase300,
  color: tokens.colorNeutralForeground1,
  cursor: "pointer",
});

const useCheckInputClassName = makeResetStyles({
  width: "16px",
  height: "16px",
  margin: "2px 0 0 0",
  flexShrink: 0,
  accentColor: tokens.colorCompoundBrandBackground,
  cursor: "pointer",
});

// Sizes, border and focus as Fluent's Select and Input (outline look). A <select> is as wide as its
// longest option: in a 320-pixel pane, long sheet or establishment names would push it out of the pane.
const useChampClassName = makeResetStyles({
  boxSizing: "border-box",
  width: "100%",
  minWidth: 0,
  height: "32px",
  paddingInline: tokens.spacingHorizontalS,
  border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
  borderBottomColor: tokens.colorNeutralStrokeAccessible,
  borderRadius: tokens.borderRadiusMedium,
  backgroundColor: tokens.colorNeutralBackground1,
  color: tokens.colorNeutralForeground1,
  fontFamily: tokens.fontFamilyBase,
  fontSize: tokens.fontSizeBase300,
  textOverflow: "ellipsis",
  ":disabled": {
    cursor: "default",
    color: tokens.colorNeutralForegroundDisabled,
    ...borderColor(tokens.colorNeutralStrokeDisabled),
    backgroundColor: tokens.colorTransparentBackground,
  },
  ":focus-visible": {
    outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
    outlineOffset: "1px",
  },
  ":hover": borderColor(tokens.colorNeutralStroke1Hover),
});

// Read by screen readers, not shown (as Fluent's visually hidden style).
const useCacheClassName = makeResetStyles({
  position: "absolute",
  width: "1px",
  height: "1px",
  margin: "-1px",
  padding: 0,
  overflow: "hidden",
  clip: "rect(0px, 0px, 0px, 0px)",
  whiteSpace: "nowrap",
  border: 0,
});

// The progress bar and the block around it, which takes the whole width of the screen whatever the
// column around it aligns its items to.
const useProgressClassName = makeResetStyles({
  display: "flex",
  flexDirection: "column",
  gap: tokens.spacingVerticalXXS,
  alignSelf: "stretch",
  width: "100%",
});
const useProgressBarClassName = makeResetStyles({
  width: "100%",
  height: "8px",
  accentColor: tokens.colorCompoundBrandBackground,
});
const useProgressLabelClassName = makeResetStyles({
  fontSize: tokens.fontSizeBase300,
  fontWeight: tokens.fontWeightSemibold,
});
const useProgressHintClassName = makeResetStyles({
  fontSize: tokens.fontSizeBase200,
  color: tokens.colorNeutralForeground3,
});
const useNoticeTitleClassName = makeResetStyles({ display: "block", fontWeight: tokens.fontWeightSemibold });

const useStyles = makeStyles({
  error: {
    backgroundColor: tokens.colorPaletteRedBackground1,
    borderLeftColor: tokens.colorPaletteRedBorder2,
  },
  warning: {
    backgroundColor: tokens.colorPaletteYellowBackground1,
    borderLeftColor: tokens.colorPaletteDarkOrangeBorder2,
  },
  success: {
    backgroundColor: tokens.colorPaletteGreenBackground1,
    borderLeftColor: tokens.colorPaletteGreenBorder2,
  },
  info: { backgroundColor: tokens.colorNeutralBackground3, borderLeftColor: tokens.colorNeutralStroke1 },
  disabled: { color: tokens.colorNeutralForegroundDisabled, cursor: "default" },
  liste: { cursor: "pointer" },
  small: { height: "24px", fontSize: tokens.fontSizeBase200, paddingInline: tokens.spacingHorizontalXS },
});

// As Fluent's Text and its presets (typographyStyles): same font, size, line height and weight.
const useTextClassName = makeResetStyles({
  fontFamily: tokens.fontFamilyBase,
  fontSize: tokens.fontSizeBase300,
  lineHeight: tokens.lineHeightBase300,
  fontWeight: tokens.fontWeightRegular,
  textAlign: "start",
  display: "inline",
  whiteSpace: "normal",
  overflow: "visible",
  textOverflow: "clip",
});

const useTextStyles = makeStyles({
  body1: {},
  caption1: { fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  subtitle2: {
    fontSize: tokens.fontSizeBase400,
    lineHeight: tokens.lineHeightBase400,
    fontWeight: tokens.fontWeightSemibold,
  },
});

export interface TextProps extends HTMLAttributes<HTMLElement> {
  /** The element: a span by default, a paragraph or a heading. */
  as?: "span" | "p" | "h1" | "h2" | "h3" | "h4";
}

function textPreset(variant: "body1" | "caption1" | "subtitle2") {
  return function Text({ as: Element = "span", className, ...props }: TextProps) {
    const styles = useTextStyles();
    return <Element {...props} className={mergeClasses(useTextClassName(), styles[variant], className)} />;
  };
}

/** Body text (Fluent's Body1). */
export const Body1 = textPreset("body1");
/** Small text: hints, notes (Fluent's Caption1). */
export const Caption1 = textPreset("caption1");
/** Headings of the screens and their parts (Fluent's Subtitle2). */
export const Subtitle2 = textPreset("subtitle2");

export interface FitSelectProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, "onChange" | "size"> {
  /** As Fluent's Select: the value chosen in `data`. */
  onChange?: (event: ChangeEvent<HTMLSelectElement>, data: { value: string }) => void;
  size?: "small" | "medium";
}

/**
 * A native <select> styled like Fluent's Select and kept within the pane's width whatever its options.
 * Inside a Field (Field.tsx) it takes the field's id, label, hint and validation (useFieldControl).
 * Its tooltip (title) is the choice shown, whole: in a 320-pixel pane a long sheet or establishment
 * name is cut by the ellipsis.
 */
export function FitSelect({ onChange, className, ...props }: FitSelectProps) {
  const styles = useStyles();
  const champ = useChampClassName();
  const ref = useRef<HTMLSelectElement>(null);
  const { size, ...control } = useFieldControl(props);
  useEffect(() => {
    const select = ref.current;
    // As the choice reads once typographed (typographie.ts), whether or not its text already is.
    if (select) select.title = typographier(select.selectedOptions[0]?.text ?? "");
  });
  return (
    <select
      ref={ref}
      {...control}
      className={mergeClasses(champ, styles.liste, size === "small" && styles.small, className)}
      onChange={(event) => onChange?.(event, { value: event.target.value })}
    />
  );
}

export interface TextInputProps extends Omit<InputHTMLAttributes<HTMLInputElement>, "onChange" | "size"> {
  /** As Fluent's Input: the text typed in `data`. */
  onChange?: (event: ChangeEvent<HTMLInputElement>, data: { value: string }) => void;
}

/** A native text <input> styled like Fluent's Input; inside a Field (Field.tsx), labelled by it. */
export function TextInput({ onChange, className, type = "text", ...props }: TextInputProps) {
  const champ = useChampClassName();
  const { size: _size, ...control } = useFieldControl<TextInputProps & { size?: "small" | "medium" }>(props);
  return (
    <input
      type={type}
      {...control}
      className={mergeClasses(champ, className)}
      onChange={(event) => onChange?.(event, { value: event.target.value })}
    />
  );
}

export type Intent = "error" | "warning" | "success" | "info";

/**
 * A message in the flow of the screen. Errors are announced at once (role « alert »), the others
 * politely (role « status »).
 */
export function Notice({
  intent,
  title,
  children,
}: {
  intent: Intent;
  title?: ReactNode;
  children: ReactNode;
}) {
  const styles = useStyles();
  const notice = useNoticeClassName();
  const noticeTitle = useNoticeTitleClassName();
  return (
    <div role={intent === "error" ? "alert" : "status"} className={mergeClasses(notice, styles[intent])}>
      {title && <span className={noticeTitle}>{title}</span>}
      {children}
    </div>
  );
}

export function CheckboxLine({
  label,
  checked,
  disabled,
  onChange,
}: {
  label: ReactNode;
  checked: boolean;
  disabled?: boolean;
  onChange: (checked: boolean) => void;
}) {
  const styles = useStyles();
  const checkInput = useCheckInputClassName();
  return (
    <label className={mergeClasses(useCheckClassName(), disabled && styles.disabled)}>
      <input
        type="checkbox"
        className={checkInput}
        checked={checked}
        disabled={disabled}
        onChange={(event) => onChange(event.target.checked)}
      />
      <span>{label}</span>
    </label>
  );
}

/** A labelled progress bar; indeterminate while `value` is undefined. */
export function Progress({ label, value, hint }: { label: string; value: number | undefined; hint: string }) {
  const id = useId();
  return (
    <div className={useProgressClassName()}>
      <label htmlFor={id} className={useProgressLabelClassName()}>
        {label}
      </label>
      <progress
        id={id}
        className={useProgressBarClassName()}
        value={value}
        max={1}
        aria-describedby={`${id}-aide`}
      />
      <span id={`${id}-aide`} className={useProgressHintClassName()}>
        {hint}
      </span>
    </div>
  );
}

/**
 * A live region, always in the page so that a change of its text is announced (a region added with its
 * text is not, by every screen reader): « Dotations 2024-2025 calculées : … » after a run.
 */
export function Annonce({ text }: { text: string }) {
  return (
    <div role="status" aria-live="polite" className={useCacheClassName()}>
      {text}
    </div>
  );
}

/**
 * The header row of a screen's table: the first column (what each row is) styled apart from the rest.
 * A header wraps at its spaces, never at a hyphen (« Pré-bac » broken as « Pré- / bac » in a 320-pixel
 * pane).
 */
export function ColumnHeads({
  labels,
  first,
  others = first,
}: {
  labels: readonly string[];
  /** The class of the first header cell. */
  first: string;
  /** The class of the others (amounts, usually right-aligned); the first's by default. */
  others?: string;
}) {
  return (
    <thead>
      <tr>
        {labels.map((label, i) => (
          <th key={label} scope="col" className={i === 0 ? first : others}>
            {sansCoupure(label)}
          </th>
        ))}
      </tr>
    </thead>
  );
}
