/**
 * The root of the pane: Fluent's theme (light or dark, reduced to the tokens the pane uses: themes.ts)
 * as the CSS variables its tokens name
 * (`--colorNeutralForeground1`…), defined for this element in a <style> of the page, and the base text
 * style of Fluent's FluentProvider (font, size, colours, left-to-right).
 *
 * Décision (regles.md#technique.poids-volet, design.md §8): not Fluent's FluentProvider. The pane uses no Fluent component any more
 * (Button, Field and the others are native elements styled with the tokens, ui.tsx, Button.tsx,
 * Field.tsx); FluentProvider's contexts for them, its keyboard-focus tracker (keyborg) and its list of
 * HTML attributes cost about 4 KB of gzipped JavaScript. Same rule as Fluent's (one `insertRule` into a
 * <style> element of the page's head, so the page's CSP treats it the same way), same variables, same
 * text style. Keyboard focus is shown with :focus-visible.
 */
import { useId, useInsertionEffect, type CSSProperties, type ReactNode } from "react";
import { makeResetStyles, mergeClasses } from "@fluentui/react-components";
import type { ThemeVolet } from "../themes";
import { tokens } from "../tokens";

// One reset class: the only Griffel class of the root (the theme's and the caller's are plain ones).
const useRootClassName = makeResetStyles({
  color: tokens.colorNeutralForeground1,
  backgroundColor: tokens.colorNeutralBackground1,
  textAlign: "left",
  fontFamily: tokens.fontFamilyBase,
  fontSize: tokens.fontSizeBase300,
  fontWeight: tokens.fontWeightRegular,
  lineHeight: tokens.lineHeightBase300,
});

/** The rule that defines every token of `theme` for the elements of class `className`. */
export function themeRule(className: string, theme: ThemeVolet): string {
  const variables = Object.entries(theme)
    .map(([name, value]) => `--${name}: ${String(value)};`)
    .join(" ");
  return `.${className} { ${variables} }`;
}

export function ThemeRoot({
  theme,
  className,
  style,
  children,
}: {
  theme: ThemeVolet;
  className?: string;
  style?: CSSProperties;
  children: ReactNode;
}) {
  const rootClassName = useRootClassName();
  // React's ids (":r0:") are not class names.
  const themeClass = `are-theme-${useId().replace(/[^a-zA-Z0-9-]/g, "")}`;
  useInsertionEffect(() => {
    const tag = document.createElement("style");
    document.head.appendChild(tag);
    tag.sheet?.insertRule(themeRule(themeClass, theme), 0);
    return () => tag.remove();
  }, [themeClass, theme]);
  return (
    <div
      dir="ltr"
      className={mergeClasses("fui-FluentProvider", themeClass, rootClassName, className)}
      style={style}
    >
      {children}
    </div>
  );
}
