/**
 * scripts/decimal-constantes-loader.js shortens decimal.js's LN10 and PI in the page's bundle (design.md
 * §8, the gzip budget). What must hold: + − × ÷ and rounding unchanged; a logarithm exact up to the
 * digits kept and refused above — never wrong; the loader failing loudly on a decimal.js it no longer
 * recognises; and the page really built with it.
 */
import * as fs from "fs";
import * as path from "path";
import * as vm from "vm";
import FullDecimal from "decimal.js";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const chargeur = require("../../scripts/decimal-constantes-loader.js") as (
  this: { resourcePath: string },
  source: string,
) => string;

const racine = path.resolve(__dirname, "../..");
const fichier = require.resolve("decimal.js/decimal.js");

/** decimal.js as the page's bundle has it: the library's own source through the loader. */
function decimalRaccourci(): typeof FullDecimal {
  const source = chargeur.call({ resourcePath: fichier }, fs.readFileSync(fichier, "utf8"));
  const module = { exports: {} as { default?: typeof FullDecimal } };
  vm.runInThisContext(`(function (module, exports) { ${source}\n})`)(module, module.exports);
  return (module.exports.default ?? module.exports) as typeof FullDecimal;
}

describe("decimal.js raccourci dans la page (scripts/decimal-constantes-loader.js)", () => {
  const D = decimalRaccourci().clone({ precision: 40 });
  const Complet = FullDecimal.clone({ precision: 40 });

  test("les montants : mêmes opérations, mêmes résultats (157 × 1,0368 = 162,7776 ; 5 644 − 5 550,44)", () => {
    expect(new D(157).times("1.0368").toString()).toBe("162.7776");
    expect(new D("5644").minus("5550.44").toFixed(2)).toBe("93.56");
    expect(new D(119.92).dividedBy(118.38).minus(1).toDecimalPlaces(4, D.ROUND_HALF_UP).toString()).toBe(
      "0.013",
    );
  });

  test("un logarithme à 40 chiffres : le même que la bibliothèque complète", () => {
    expect(new D(2).ln().toString()).toBe(new Complet(2).ln().toString());
    expect(D.acos(0).toString()).toBe(Complet.acos(0).toString());
  });

  test("au-delà des chiffres gardés : refusé, jamais faux", () => {
    const Large = decimalRaccourci().clone({ precision: 500 });
    expect(() => new Large(2).ln()).toThrow(/Precision limit exceeded/);
    expect(new (FullDecimal.clone({ precision: 500 }))(2).ln().toString()).toHaveLength(502);
  });

  test("une source sans ces constantes : le chargeur arrête la construction, en français", () => {
    expect(() => chargeur.call({ resourcePath: "decimal.mjs" }, "var LN10 = 2.3;")).toThrow(
      /la constante LN10 de decimal.js \(decimal.mjs\) n'a plus la forme attendue/,
    );
  });

  test("la page construite porte les constantes raccourcies (functions.js)", () => {
    const functions = fs.readFileSync(path.join(racine, "dist", "functions.js"), "utf8");
    const ln10 = /"(2\.302585092994\d*)"|'(2\.302585092994\d*)'/.exec(functions);
    expect(ln10).not.toBeNull();
    // « 2. » and 119 decimals: 120 significant digits, decimal.js's LN10_PRECISION.
    expect((ln10![1] ?? ln10![2]).length).toBe(121);
  });
});
