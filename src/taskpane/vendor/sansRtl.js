// Stands in for `rtl-css-js/core` in the build (webpack.config.js, resolve.alias). Griffel, Fluent UI's
// CSS-in-JS engine, computes a right-to-left twin of every style rule at run time; the pane is French
// and always left-to-right (taskpane.html sets dir="ltr"), so the twin is never used. Returning each
// property unchanged makes Griffel see nothing to flip and emit no RTL class, and keeps about 2 KB
// gzip of conversion tables out of the page. Décision (regles.md#technique.poids-volet).
export function convert(style) {
  return style;
}

export function convertProperty(key, value) {
  return { key, value };
}
