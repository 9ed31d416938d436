/**
 * scripts/decimal-allege-loader.js removes from the page's decimal.js the mathematics the add-in never
 * does (design.md §8, the gzip budget). What must hold: every member of Decimal that src/ uses is still
 * there; + − × ÷, comparisons and rounding give exactly what the whole library gives; what was removed
 * is refused, never wrong; the loader fails loudly on a decimal.js it no longer recognises; and the page
 * is really built with it.
 */
import * as fs from "fs";
import * as path from "path";
import * as vm from "vm";
import ts from "typescript";
import FullDecimal from "decimal.js";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const chargeur = require("../../scripts/decimal-allege-loader.js") as (
  this: { resourcePath: string },
  source: string,
) => string;

const racine = path.resolve(__dirname, "../..");
const umd = require.resolve("decimal.js/decimal.js");
const esm = require.resolve("decimal.js/decimal.mjs");

const alleger = (fichier: string, source = fs.readFileSync(fichier, "utf8")) =>
  chargeur.call({ resourcePath: fichier }, source);

/** decimal.js as the page's bundle has it: the library's own source through the loader. */
function decimalAllege(): typeof FullDecimal {
  const module = { exports: {} as { default?: typeof FullDecimal } };
  vm.runInThisContext(`(function (module, exports) { ${alleger(umd)}\n})`)(module, module.exports);
  return (module.exports.default ?? module.exports) as typeof FullDecimal;
}

/** Every member of Decimal (of its instances or of the constructor) that the add-in's code names. */
function membresUtilises(): Map<string, string> {
  const config = ts.getParsedCommandLineOfConfigFile(
    path.join(racine, "tsconfig.json"),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: () => undefined,
    },
  )!;
  const sources = config.fileNames.filter((f) => f.startsWith(path.join(racine, "src") + path.sep));
  const programme = ts.createProgram(sources, { ...config.options, noEmit: true });
  const verificateur = programme.getTypeChecker();
  const utilises = new Map<string, string>();
  for (const fichier of programme.getSourceFiles()) {
    if (!sources.includes(fichier.fileName)) continue;
    const visiter = (noeud: ts.Node): void => {
      if (ts.isPropertyAccessExpression(noeud)) {
        const declaration = verificateur.getSymbolAtLocation(noeud.name)?.declarations?.[0];
        if (declaration?.getSourceFile().fileName.includes(`${path.sep}decimal.js${path.sep}`))
          utilises.set(noeud.name.text, path.relative(racine, fichier.fileName));
      }
      ts.forEachChild(noeud, visiter);
    };
    visiter(fichier);
  }
  return utilises;
}

describe("decimal.js allégé dans la page (scripts/decimal-allege-loader.js)", () => {
  const Allege = decimalAllege();
  const D = Allege.clone({ precision: 40 });
  const Complet = FullDecimal.clone({ precision: 40 });

  test("chaque membre de Decimal que src/ appelle est gardé", () => {
    const utilises = membresUtilises();
    // The type checker really sees the add-in's calls (src/rules/montants.ts rounds half up).
    expect([...utilises.keys()]).toEqual(
      expect.arrayContaining(["plus", "minus", "times", "dividedBy", "toDecimalPlaces", "ROUND_HALF_UP"]),
    );
    const manquants = [...utilises]
      .filter(([membre]) => !(membre in Allege.prototype) && !(membre in Allege))
      .map(([membre, fichier]) => `${membre} (${fichier})`);
    expect(manquants).toEqual([]);
  });

  test("les montants : mêmes opérations, mêmes résultats (157 × 1,0368 = 162,7776 ; 5 644 − 5 550,44)", () => {
    expect(new D(157).times("1.0368").toString()).toBe("162.7776");
    expect(new D("5644").minus("5550.44").toFixed(2)).toBe("93.56");
    expect(new D(119.92).dividedBy(118.38).minus(1).toDecimalPlaces(4, D.ROUND_HALF_UP).toString()).toBe(
      "0.013",
    );
  });

  test("+ − × ÷, comparaisons et arrondis : les mêmes que la bibliothèque complète sur 2 000 paires", () => {
    let graine = 20241208;
    const hasard = () => (graine = (graine * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const nombre = () => {
      const entier = Math.floor(hasard() * 10 ** Math.floor(hasard() * 9));
      const texte = `${hasard() < 0.2 ? "-" : ""}${entier}.${String(Math.floor(hasard() * 10000)).padStart(4, "0")}`;
      return hasard() < 0.1 ? "0" : texte;
    };
    const decrire = (C: typeof FullDecimal, a: string, b: string) => {
      const x = new C(a);
      const y = new C(b);
      return [
        x.plus(y).toString(),
        x.minus(y).toString(),
        x.times(y).toFixed(2),
        y.isZero() ? "÷0" : x.dividedBy(y).toDecimalPlaces(4, C.ROUND_HALF_UP).toString(),
        x.toDecimalPlaces(2, C.ROUND_HALF_UP).toFixed(2),
        x.comparedTo(y),
        x.gt(y),
        x.lte(y),
        x.equals(y),
        x.abs().negated().toNumber(),
        x.decimalPlaces(),
        x.isInteger(),
        JSON.stringify(x),
      ].join(" ");
    };
    for (let i = 0; i < 2000; i++) {
      const a = nombre();
      const b = nombre();
      expect(decrire(D, a, b)).toBe(decrire(Complet, a, b));
    }
  });

  test("ce qui est retiré est absent, et l'exposant binaire au-delà de ±53 refusé, jamais faux", () => {
    expect("squareRoot" in D.prototype || "sqrt" in D.prototype || "ln" in D.prototype).toBe(false);
    expect("pow" in D || "random" in D || "hypot" in D).toBe(false);
    expect(new D("0x1p3").toString()).toBe("8");
    expect(() => new D("0x1p100")).toThrow(/Precision limit exceeded/);
    // The whole library is not exact there either: Decimal.pow works at the default 20 digits, even in
    // a clone at 40 (2^100 = 1 267 650 600 228 229 401 496 703 205 376).
    expect(new Complet("0x1p100").toString()).toBe("1.2676506002282294015e+30");
  });

  test("la version module (decimal.mjs) passe le chargeur aussi", () => {
    const source = alleger(esm);
    expect(source).not.toMatch(/^P\.naturalLogarithm|^P\.squareRoot|Decimal\.pow\(/m);
    expect(source).toMatch(/^export default Decimal;/m);
  });

  test("une source qui n'a plus la forme attendue : le chargeur arrête la construction, en français", () => {
    const source = fs.readFileSync(umd, "utf8");
    expect(() => alleger("decimal.mjs", "var LN10 = 2.3;")).toThrow(
      /la méthode cosine introuvable dans decimal.js \(decimal.mjs\) ; revoyez ce chargeur/,
    );
    // A kept method that calls a removed one would break only in the page.
    const appelRetire = source.replace("P.ceil = function () {", "P.ceil = function () {\n    this.sqrt();");
    expect(() => alleger(umd, appelRetire)).toThrow(/un appel à sqrt reste/);
  });

  test("la page construite porte le decimal.js allégé (functions.js)", () => {
    const functions = fs.readFileSync(path.join(racine, "dist", "functions.js"), "utf8");
    expect(functions).toMatch(/toDecimalPlaces/);
    expect(functions).not.toMatch(/hyperbolicCosine|naturalLogarithm|2\.302585092994/);
  });
});
