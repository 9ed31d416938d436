/**
 * The pane follows Office's theme: Fluent's dark theme when Office is dark, the light one otherwise.
 * `isDarkTheme` is recent (not every host sets it), so the body background's luminance decides when
 * it is absent.
 */
export type ThemeName = "clair" | "sombre";

/** What the pane reads of `Office.context.officeTheme` (any of it may be missing). */
export interface OfficeThemeLike {
  readonly isDarkTheme?: boolean;
  readonly bodyBackgroundColor?: string;
}

/** Relative luminance (WCAG) of a "#rrggbb" or "#rgb" colour, or null if unreadable. */
export function luminance(colour: string): number | null {
  const hex = colour.trim().replace(/^#/, "");
  const full = /^[0-9a-f]{3}$/i.test(hex) ? [...hex].map((c) => c + c).join("") : hex;
  if (!/^[0-9a-f]{6}$/i.test(full)) return null;
  const channel = (i: number) => {
    const c = parseInt(full.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4);
}

export function themeFromOffice(theme: OfficeThemeLike | null | undefined): ThemeName {
  if (!theme) return "clair";
  if (typeof theme.isDarkTheme === "boolean") return theme.isDarkTheme ? "sombre" : "clair";
  const l = theme.bodyBackgroundColor ? luminance(theme.bodyBackgroundColor) : null;
  return l !== null && l < 0.2 ? "sombre" : "clair";
}
