/**
 * Webpack loader for decimal.js (webpack.config.js): the page's copy of the library without the
 * mathematics the add-in never does — logarithms, exponentials, powers, roots, trigonometry, base
 * conversions, fractions, random numbers.
 *
 * Why: they are about half of decimal.js, ~5,5 KB of the page's gzip budget (design.md §8), and the
 * add-in only adds, subtracts, multiplies, divides, compares and rounds (src/rules/montants.ts). Those
 * methods are untouched: the page computes every amount with the very code the command line and the
 * tests run (build/ and jest load the whole library).
 *
 * What must hold, and how it is made sure:
 *   - a method the add-in calls is never removed: test/production/decimal-allege.test.ts lists, with
 *     TypeScript's type checker, every member of Decimal that src/ uses and looks for it in this copy;
 *   - nothing kept calls a removed method: after the removal, the loader looks for any call left to a
 *     removed name and stops the build if it finds one;
 *   - a decimal.js whose source no longer has these methods in the expected form stops the build (a
 *     changed library must be looked at again), rather than the budget failing later without reason;
 *   - the one internal use, a hexadecimal string with a binary exponent beyond ±53 (« 0x1p100 »),
 *     which called Decimal.pow, is refused with decimal.js's own error: refused, never wrong. The
 *     add-in never gives decimal.js such a string (numbers typed in cells are read by
 *     src/rules/nombres.ts first).
 */
"use strict";

/** Prototype methods removed, by their long name (the short alias goes with it). */
const METHODES = [
  "cosine",
  "cubeRoot",
  "hyperbolicCosine",
  "hyperbolicSine",
  "hyperbolicTangent",
  "inverseCosine",
  "inverseHyperbolicCosine",
  "inverseHyperbolicSine",
  "inverseHyperbolicTangent",
  "inverseSine",
  "inverseTangent",
  "logarithm",
  "naturalExponential",
  "naturalLogarithm",
  "sine",
  "squareRoot",
  "tangent",
  "toPower",
  "toBinary",
  "toHexadecimal",
  "toOctal",
  "toFraction",
  "toNearest",
];

/** Functions of the constructor removed (`Decimal.sqrt(x)`…), with their definitions. */
const STATIQUES = [
  "acos",
  "acosh",
  "asin",
  "asinh",
  "atan",
  "atanh",
  "atan2",
  "cbrt",
  "cos",
  "cosh",
  "exp",
  "hypot",
  "ln",
  "log",
  "log10",
  "log2",
  "pow",
  "random",
  "sin",
  "sinh",
  "sqrt",
  "tan",
  "tanh",
];

/** The binary exponent of a hexadecimal, binary or octal string, the one use of Decimal.pow. */
const EXPOSANT_BINAIRE = ": Decimal.pow(2, p))";
const EXPOSANT_REFUSE = ": (function () { throw Error(precisionLimitExceeded); })())";

/** The constants π and ln 10, turned into Decimals at load: only the removed methods read them. */
const CONSTANTES = /^[ \t]*LN10 = new Decimal\(LN10\);\n[ \t]*PI = new Decimal\(PI\);\n/m;

function arret(message, resourcePath) {
  return new Error(
    `scripts/decimal-allege-loader.js : ${message} dans decimal.js (${resourcePath}) ; revoyez ce chargeur.`,
  );
}

/** Removes the block that starts at the line `debut` matches and ends at `}` or `};` at its indentation. */
function retirerBloc(source, debut, quoi, resourcePath) {
  const trouve = debut.exec(source);
  if (!trouve) throw arret(`${quoi} introuvable`, resourcePath);
  const indentation = trouve[1];
  const fin = new RegExp(`^${indentation}};?$`, "m");
  const reste = source.slice(trouve.index);
  const finTrouvee = fin.exec(reste);
  if (!finTrouvee) throw arret(`la fin de ${quoi} introuvable`, resourcePath);
  return source.slice(0, trouve.index) + reste.slice(finTrouvee.index + finTrouvee[0].length);
}

module.exports = function decimalAllege(original) {
  const resourcePath = this.resourcePath;
  let source = original.replace(/\r\n/g, "\n");
  const retires = [];
  for (const nom of METHODES) {
    const debut = new RegExp(`^([ \\t]*)P\\.${nom}(?: = P\\.(\\w+))? = function`, "m");
    const alias = debut.exec(source)?.[2];
    source = retirerBloc(source, debut, `la méthode ${nom}`, resourcePath);
    retires.push(nom);
    if (alias) retires.push(alias);
  }
  for (const nom of STATIQUES) {
    const affectation = new RegExp(`^[ \\t]*Decimal\\.${nom} = ${nom};.*\\n`, "m");
    if (!affectation.test(source)) throw arret(`Decimal.${nom} introuvable`, resourcePath);
    source = source.replace(affectation, "");
    source = retirerBloc(
      source,
      new RegExp(`^([ \\t]*)function ${nom}\\(`, "m"),
      `la fonction ${nom}`,
      resourcePath,
    );
    retires.push(nom);
  }
  if (!source.includes(EXPOSANT_BINAIRE)) throw arret("l'exposant binaire (Decimal.pow)", resourcePath);
  source = source.replace(EXPOSANT_BINAIRE, EXPOSANT_REFUSE);
  if (!CONSTANTES.test(source)) throw arret("la conversion de LN10 et PI", resourcePath);
  source = source.replace(CONSTANTES, "");

  // A call left to a removed name (`x.sqrt(`, `Decimal.pow(`, `this.atan(`) would fail only in the page.
  const appel = new RegExp(`(?<!Math)\\.(${retires.join("|")})\\(`);
  const reste = appel.exec(source.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, ""));
  if (reste) throw arret(`un appel à ${reste[1]} reste`, resourcePath);
  return source;
};
