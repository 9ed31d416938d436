/**
 * A native <button> with the look of Fluent's Button, in the four appearances and two sizes the pane
 * uses (default, primary, subtle, transparent; medium, small), without icons or shapes.
 *
 * Décision (regles.md#technique.poids-volet, design.md §8): Fluent's Button ships the styles of every appearance, size, shape and icon
 * position, and reads Fluent's whole `tokens` object for one of them: 5 KB of gzipped JavaScript on a
 * page over its 165 KB budget. Same rules here, from Fluent's useButtonStyles (react-button 9.x): same
 * colours, borders, hover and pressed states, focus indicator (shown on keyboard focus: :focus-visible
 * where Fluent reads the attribute its FluentProvider sets), disabled state and high-contrast colours.
 * A native button keeps the keyboard (Enter, Space) and the screen readers' « bouton » as they were; `type="button"`
 * by default, as Fluent's, so that no button submits a form.
 */
import { forwardRef, type ButtonHTMLAttributes } from "react";
import { makeResetStyles, makeStyles, mergeClasses } from "@fluentui/react-components";
import { tokens } from "../tokens";
import { borderColor } from "./ui";

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  appearance?: "secondary" | "primary" | "subtle" | "transparent";
  size?: "small" | "medium";
}

const HOVER = ":hover";
const PRESSED = ":hover:active,:active:focus-visible";
const FOCUS = ":focus-visible";
const HIGH_CONTRAST = "@media (forced-colors: active)";

/** The same look hovered and pressed (as Fluent's styles write it twice). */
function survoleEtPresse<T extends object>(look: T) {
  return { [HOVER]: look, [PRESSED]: look };
}

/** A look that hovering and pressing do not change: a disabled button. */
function fige<T extends object>(look: T) {
  return { ...look, ...survoleEtPresse(look) };
}

const useRootClassName = makeResetStyles({
  alignItems: "center",
  boxSizing: "border-box",
  display: "inline-flex",
  justifyContent: "center",
  textDecorationLine: "none",
  verticalAlign: "middle",
  margin: 0,
  overflow: "hidden",
  backgroundColor: tokens.colorNeutralBackground1,
  color: tokens.colorNeutralForeground1,
  border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
  fontFamily: tokens.fontFamilyBase,
  outlineStyle: "none",
  padding: `5px ${tokens.spacingHorizontalM}`,
  minWidth: "96px",
  borderRadius: tokens.borderRadiusMedium,
  fontSize: tokens.fontSizeBase300,
  fontWeight: tokens.fontWeightSemibold,
  lineHeight: tokens.lineHeightBase300,
  transitionDuration: tokens.durationFaster,
  transitionProperty: "background, border, color",
  transitionTimingFunction: tokens.curveEasyEase,
  [HOVER]: {
    backgroundColor: tokens.colorNeutralBackground1Hover,
    ...borderColor(tokens.colorNeutralStroke1Hover),
    color: tokens.colorNeutralForeground1Hover,
    cursor: "pointer",
  },
  [PRESSED]: {
    backgroundColor: tokens.colorNeutralBackground1Pressed,
    ...borderColor(tokens.colorNeutralStroke1Pressed),
    color: tokens.colorNeutralForeground1Pressed,
    outlineStyle: "none",
  },
  [FOCUS]: {
    ...borderColor(tokens.colorStrokeFocus2),
    borderRadius: tokens.borderRadiusMedium,
    borderTopWidth: "1px",
    borderRightWidth: "1px",
    borderBottomWidth: "1px",
    borderLeftWidth: "1px",
    outlineWidth: tokens.strokeWidthThick,
    outlineStyle: "solid",
    outlineColor: tokens.colorTransparentStroke,
    boxShadow: `0 0 0 ${tokens.strokeWidthThin} ${tokens.colorStrokeFocus2} inset`,
    zIndex: 1,
  },
  "@media screen and (prefers-reduced-motion: reduce)": { transitionDuration: "0.01ms" },
  [HIGH_CONTRAST]: {
    ":focus": { ...borderColor("ButtonText") },
    ...survoleEtPresse({
      backgroundColor: "HighlightText",
      ...borderColor("Highlight"),
      color: "Highlight",
      forcedColorAdjust: "none" as const,
    }),
  },
});

const useStyles = makeStyles({
  primary: {
    backgroundColor: tokens.colorBrandBackground,
    ...borderColor("transparent"),
    color: tokens.colorNeutralForegroundOnBrand,
    [HOVER]: {
      backgroundColor: tokens.colorBrandBackgroundHover,
      ...borderColor("transparent"),
      color: tokens.colorNeutralForegroundOnBrand,
    },
    [PRESSED]: {
      backgroundColor: tokens.colorBrandBackgroundPressed,
      ...borderColor("transparent"),
      color: tokens.colorNeutralForegroundOnBrand,
    },
    [FOCUS]: {
      ...borderColor(tokens.colorStrokeFocus2),
      boxShadow: `${tokens.shadow2}, 0 0 0 ${tokens.strokeWidthThin} ${tokens.colorStrokeFocus2} inset, 0 0 0 ${tokens.strokeWidthThick} ${tokens.colorNeutralForegroundOnBrand} inset`,
      ":hover": {
        boxShadow: `${tokens.shadow2}, 0 0 0 ${tokens.strokeWidthThin} ${tokens.colorStrokeFocus2} inset`,
        ...borderColor(tokens.colorStrokeFocus2),
      },
    },
    [HIGH_CONTRAST]: {
      backgroundColor: "Highlight",
      ...borderColor("HighlightText"),
      color: "HighlightText",
      forcedColorAdjust: "none",
      ...survoleEtPresse({
        backgroundColor: "HighlightText",
        ...borderColor("Highlight"),
        color: "Highlight",
      }),
    },
  },
  subtle: {
    backgroundColor: tokens.colorSubtleBackground,
    ...borderColor("transparent"),
    color: tokens.colorNeutralForeground2,
    [HOVER]: {
      backgroundColor: tokens.colorSubtleBackgroundHover,
      ...borderColor("transparent"),
      color: tokens.colorNeutralForeground2Hover,
    },
    [PRESSED]: {
      backgroundColor: tokens.colorSubtleBackgroundPressed,
      ...borderColor("transparent"),
      color: tokens.colorNeutralForeground2Pressed,
    },
    [HIGH_CONTRAST]: survoleEtPresse({ color: "Highlight" }),
  },
  transparent: {
    backgroundColor: tokens.colorTransparentBackground,
    ...borderColor("transparent"),
    color: tokens.colorNeutralForeground2,
    [HOVER]: {
      backgroundColor: tokens.colorTransparentBackgroundHover,
      ...borderColor("transparent"),
      color: tokens.colorNeutralForeground2BrandHover,
    },
    [PRESSED]: {
      backgroundColor: tokens.colorTransparentBackgroundPressed,
      ...borderColor("transparent"),
      color: tokens.colorNeutralForeground2BrandPressed,
    },
    [HIGH_CONTRAST]: survoleEtPresse({
      backgroundColor: tokens.colorTransparentBackground,
      color: "Highlight",
    }),
  },
  small: {
    minWidth: "64px",
    padding: `3px ${tokens.spacingHorizontalS}`,
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightRegular,
    lineHeight: tokens.lineHeightBase200,
    [FOCUS]: { borderRadius: tokens.borderRadiusSmall },
  },
  disabled: {
    ...fige({
      backgroundColor: tokens.colorNeutralBackgroundDisabled,
      ...borderColor(tokens.colorNeutralStrokeDisabled),
      color: tokens.colorNeutralForegroundDisabled,
      cursor: "not-allowed",
    }),
    [HIGH_CONTRAST]: {
      backgroundColor: "ButtonFace",
      ...borderColor("GrayText"),
      color: "GrayText",
      ":focus": borderColor("GrayText"),
      ...survoleEtPresse({ backgroundColor: "ButtonFace", ...borderColor("GrayText"), color: "GrayText" }),
    },
  },
  // Disabled primary, subtle and transparent buttons keep no border, the last two no background.
  disabledPrimary: fige(borderColor("transparent")),
  disabledSansFond: fige({
    backgroundColor: tokens.colorTransparentBackground,
    ...borderColor("transparent"),
  }),
});

export const Button = forwardRef<HTMLButtonElement, ButtonProps>(function Button(
  { appearance = "secondary", size = "medium", type = "button", disabled, className, ...props },
  ref,
) {
  const styles = useStyles();
  const rootClassName = useRootClassName();
  return (
    <button
      {...props}
      ref={ref}
      type={type}
      disabled={disabled}
      className={mergeClasses(
        "fui-Button",
        rootClassName,
        appearance === "primary" && styles.primary,
        appearance === "subtle" && styles.subtle,
        appearance === "transparent" && styles.transparent,
        size === "small" && styles.small,
        disabled && styles.disabled,
        disabled && appearance === "primary" && styles.disabledPrimary,
        disabled && (appearance === "subtle" || appearance === "transparent") && styles.disabledSansFond,
        className,
      )}
    />
  );
});
