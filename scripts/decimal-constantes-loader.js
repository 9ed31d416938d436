/**
 * Webpack loader for decimal.js (webpack.config.js): shortens its two constants LN10 and PI, 1 025
 * digits each, to DECIMALES digits in the page's bundle.
 *
 * Why: they are ~700 bytes of the page's gzip budget (design.md §8; digits do not compress) and the
 * add-in uses neither — no logarithm, exponential or trigonometry, only + − × ÷ and rounding at a
 * precision of 40 (src/rules/montants.ts). decimal.js reads each constant's precision from its length
 * (LN10_PRECISION, PI_PRECISION) and throws « [DecimalError] Precision limit exceeded » beyond it:
 * shortened, a logarithm or π stays exact up to DECIMALES significant digits and is refused above,
 * never wrong. Money never goes through them. The command line (build/, tsc) keeps the full constants.
 *
 * A decimal.js whose source no longer has these two lines fails the build (a changed library must be
 * looked at again), rather than leaving the budget to fail later without a reason.
 */
"use strict";

/** Significant digits kept: far above the precision of 40 plus decimal.js's guard digits. */
const DECIMALES = 120;

const CONSTANTES = ["LN10", "PI"];

module.exports = function decimalConstantes(source) {
  let resultat = source;
  for (const nom of CONSTANTES) {
    const motif = new RegExp(`(\\b${nom} = ')(\\d\\.\\d+)'`);
    const trouve = motif.exec(resultat);
    if (!trouve || trouve[2].length < DECIMALES + 2) {
      throw new Error(
        `scripts/decimal-constantes-loader.js : la constante ${nom} de decimal.js (${this.resourcePath}) n'a plus la forme attendue ; revoyez ce chargeur.`,
      );
    }
    resultat = resultat.replace(motif, `$1${trouve[2].slice(0, DECIMALES + 1)}'`);
  }
  return resultat;
};
