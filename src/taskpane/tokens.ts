/**
 * Fluent's design tokens, as the pane's styles use them: each token is the CSS variable of the same
 * name, which ThemeRoot (components/ThemeRoot.tsx) defines from Fluent's light or dark theme (`tokens.colorNeutralStroke2`
 * is "var(--colorNeutralStroke2)").
 *
 * Décision (regles.md#technique.poids-volet; design.md §8): not Fluent's own `tokens` object. It lists all 467 tokens, and an object
 * read by property name cannot be tree-shaken: 3.4 KB of gzipped JavaScript on the page for the few
 * dozen used here (Fluent's components ship their styles precompiled and do not read it). Same names,
 * same values, made when read; test/taskpane/tokens.test.ts compares every one with Fluent's.
 * Read only by the styles, which are compiled at build time (webpack.config.js, STYLES_EXTRAITS): marked
 * pure, so the page's bundle drops the module and the imports of it rather than build an unused Proxy.
 */
import type { tokens as fluentTokens } from "@fluentui/react-components";

/** The z-index tokens carry a fallback (« var(--zIndexPopup, 2000) »): not offered here. */
export type Tokens = Omit<typeof fluentTokens, `zIndex${string}`>;

export const tokens: Tokens = /* @__PURE__ */ new Proxy({} as Tokens, {
  get: (_target, name) => `var(--${String(name)})`,
});
