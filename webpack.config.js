/**
 * Build of the Excel add-in (design.md §3, §8), laid out like Microsoft's Office templates:
 *   npm run build       production build into dist/, offline, no certificate needed; needs ARE_URL_PROD,
 *                       the https address where dist/ will be published (docs/deploiement.md);
 *   npm run build:test  the same production build for the checks made on this machine (npm test, the
 *                       preview, the bench), at the address https://are.test.invalid/ — never to publish;
 *   npm run build:dev   development build (source maps, localhost URLs);
 *   npm run dev-server  https://localhost:3000/ with office-addin-dev-certs' certificate.
 *
 * Two entries share one page in the shared runtime: `functions` (the ARE.* functions, self-contained so
 * Excel's Script element and the contract test can load it alone) and `taskpane` (React), which
 * depends on it: modules both use — the rules core, the parameters store — are bundled once, in
 * functions.js, and are the same instances on the page.
 *
 * URLs: manifest.xml and the functions' help URLs name the development server. A production build
 * replaces every occurrence of it with ARE_URL_PROD (or `--env url=…`), in the manifest, functions.json
 * and the help page. Without an address it refuses to run: a build that silently named a placeholder
 * address could be published and would load nothing (issue 13).
 */
const path = require("path");
const webpack = require("webpack");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const MiniCssExtractPlugin = require("mini-css-extract-plugin");
const { GriffelCSSExtractionPlugin } = require("@griffel/webpack-extraction-plugin");

const { convertirExemples, FILE_NAME: EXEMPLES_APERCU } = require("./scripts/preview-examples");

const URL_DEV = "https://localhost:3000/";
/** The address of the production build checked on this machine (npm run build:test); .invalid never resolves. */
const URL_TEST = "https://are.test.invalid/";
const PORT_DEV = 3000;

const SANS_URL = [
  "npm run build construit le complément pour la production : il faut l'adresse https où sera publié dist/.",
  "Donnez-la dans la variable ARE_URL_PROD, par exemple :",
  "  ARE_URL_PROD=https://are.exemple.fr/ npm run build           (Linux, macOS)",
  '  set "ARE_URL_PROD=https://are.exemple.fr/" && npm run build  (Windows, cmd)',
  "ou construisez directement le paquet à déposer : npm run package -- --url https://are.exemple.fr/",
  "(voir docs/deploiement.md). Pour essayer sur ce poste : npm run build:dev (localhost) ou npm run build:test.",
].join("\n");

/** The production base URL: `--env url=…`, else ARE_URL_PROD; https, ending with a slash. */
function urlProduction(env) {
  const url = ((env && env.url) || process.env.ARE_URL_PROD || "").trim();
  if (!url) throw new Error(SANS_URL);
  if (!/^https:\/\/[^\s/]+/.test(url) || url.startsWith(URL_DEV)) {
    throw new Error(`ARE_URL_PROD doit être une adresse https publique (reçu : « ${url} »).\n${SANS_URL}`);
  }
  return url.endsWith("/") ? url : url + "/";
}

/**
 * How many functions the metadata declares: the `@customfunction` tags of the file the metadata plugin
 * reads (functions.json is generated from them during the build, too late for DefinePlugin). The task
 * pane's footer shows it (issue 13); test/production/versions.test.ts checks it against functions.json.
 */
function nombreDeFonctions() {
  const source = require("fs").readFileSync(path.join(__dirname, "src/functions/functions.ts"), "utf8");
  return (source.match(/^\s*\*\s*@customfunction\b/gm) || []).length;
}

/** Replaces every occurrence of the development URL (the same text everywhere, so a plain split/join). */
function versProduction(texte, url) {
  return texte.split(URL_DEV).join(url);
}

/** Rewrites the development URL in the emitted text assets (manifest, functions.json, help page). */
class UrlsDeProduction {
  constructor(url) {
    this.url = url;
  }
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("UrlsDeProduction", (compilation) => {
      compilation.hooks.processAssets.tap(
        // After every other plugin has emitted its files (functions.json comes from the metadata plugin).
        { name: "UrlsDeProduction", stage: webpack.Compilation.PROCESS_ASSETS_STAGE_REPORT },
        (assets) => {
          for (const name of Object.keys(assets)) {
            if (!/\.(xml|json|html)$/.test(name)) continue;
            const source = assets[name].source().toString();
            if (source.includes(URL_DEV)) {
              compilation.updateAsset(name, new webpack.sources.RawSource(versProduction(source, this.url)));
            }
          }
        },
      );
    });
  }
}

/**
 * The browser preview's workbook: the files of examples/ read in Node (src/xlsx, via build/) and
 * emitted as one JSON file, so the preview never bundles ExcelJS (scripts/preview-examples.js).
 */
class ExemplesApercu {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("ExemplesApercu", (compilation) => {
      compilation.hooks.processAssets.tapPromise(
        { name: "ExemplesApercu", stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        async () => {
          const exemples = await convertirExemples();
          compilation.emitAsset(EXEMPLES_APERCU, new webpack.sources.RawSource(JSON.stringify(exemples)));
          compilation.contextDependencies.add(path.resolve(__dirname, "examples"));
        },
      );
    });
  }
}

/**
 * The help page as users read it: its texts typographed by the core's one module (issue 12, point 13;
 * src/rules/typographie.ts, compiled to build/ like the preview's reader), its formulas as they are.
 */
function typographierAide(contenu) {
  const built = path.join(__dirname, "build", "rules", "typographie.js");
  if (!require("fs").existsSync(built)) {
    throw new Error(
      "build/rules introuvable : lancez « npm run build:core » (fait par npm ci / npm install).",
    );
  }
  return require(built).typographierHtml(contenu.toString("utf8"));
}

/**
 * The pane's styles (makeStyles of src/taskpane) compiled at build time into one stylesheet, griffel.css,
 * which HtmlWebpackPlugin links from taskpane.html and preview.html (design.md §8). Without it, Griffel's
 * style compiler (@griffel/core's and stylis, about 16 KB of gzipped JavaScript) ran in the page to turn
 * the same objects into the same rules at every start. Now each makeStyles call becomes a table of class
 * names (Griffel's `__css`, same hashes, so mergeClasses works as before) and its rules go to the file.
 *   - @griffel/webpack-loader evaluates the styles in Node: it reads the modules they import (tokens.ts)
 *     itself, hence Babel's TypeScript preset;
 *   - the extraction plugin's loader replaces the rules by an import of a virtual .griffel.css module,
 *     which css-loader and mini-css-extract-plugin gather in one chunk, `griffel`, sorted as Griffel's
 *     runtime would have inserted them;
 *   - mini-css-extract-plugin without its runtime: the file is linked by the HTML pages before any
 *     script runs, so the lazily loaded screens (ecrans.js) find their rules already there, and no code
 *     to load stylesheets is added to the page's JavaScript.
 * Only our sources: Fluent's own components would ship precompiled styles, but the pane uses none.
 */
const STYLES_EXTRAITS = {
  rules: [
    {
      test: /\.tsx?$/,
      include: path.resolve(__dirname, "src"),
      use: { loader: GriffelCSSExtractionPlugin.loader },
    },
    {
      test: /\.tsx?$/,
      include: path.resolve(__dirname, "src"),
      use: {
        loader: "@griffel/webpack-loader",
        options: { babelOptions: { presets: ["@babel/preset-typescript"] } },
      },
    },
    {
      test: /\.css$/,
      use: [MiniCssExtractPlugin.loader, "css-loader"],
    },
  ],
  plugins: () => [
    // ignoreOrder: Griffel sorts its rules itself (the plugin's processAssets step).
    new MiniCssExtractPlugin({ filename: "[name].css", runtime: false, ignoreOrder: true }),
    new GriffelCSSExtractionPlugin(),
  ],
};

module.exports = async (env, argv) => {
  const dev = argv.mode === "development";
  const serve = Boolean(env && env.WEBPACK_SERVE);
  // Checked first, before any compilation: the refusal is the only thing printed (no stack trace).
  let urlProd;
  try {
    urlProd = dev ? undefined : urlProduction(env);
  } catch (erreur) {
    console.error(`\n${erreur.message}\n`);
    process.exit(1);
  }

  const config = {
    mode: dev ? "development" : "production",
    devtool: dev ? "source-map" : false,
    target: ["web", "es2020"],
    entry: {
      functions: "./src/functions/functions.ts",
      taskpane: { import: "./src/taskpane/index.tsx", dependOn: "functions" },
      // The browser preview (npm run preview): the task pane over an in-memory workbook, without
      // Office.js. Not part of the add-in's page, nor of its budget (scripts/bundle-size.js).
      preview: "./src/preview/index.tsx",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      // Screens loaded lazily are fetched next to the page that asks for them. A fixed (relative)
      // path rather than "auto": webpack's runtime lives in functions.js (the entry the task pane
      // depends on), which must also load where there is no document (the contract test's VM).
      publicPath: "",
      // The global through which taskpane.js and ecrans.js hand their modules to the runtime in
      // functions.js, named three times in each file: shorter than the default built from the package
      // name (webpackChunkare_excel_addin).
      chunkLoadingGlobal: "webpackChunkARE",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js"],
    },
    module: {
      // Loaders run last to first: ts-loader, then Griffel's two (see STYLES_EXTRAITS).
      rules: [
        ...STYLES_EXTRAITS.rules,
        // decimal.js without the mathematics the add-in never does (scripts/decimal-allege-loader.js).
        {
          test: /[\\/]node_modules[\\/]decimal\.js[\\/]decimal\.m?js$/,
          use: path.resolve(__dirname, "scripts/decimal-allege-loader.js"),
        },
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: {
              // Type checking is `npm run typecheck`; the build only transpiles, to ES2020 modules so
              // webpack can tree-shake (no IE11, no core-js: the shared runtime never runs there).
              transpileOnly: true,
              compilerOptions: { target: "ES2020", module: "ESNext", sourceMap: dev },
            },
          },
        },
      ],
    },
    // In production, the shortest names for modules, chunks and the exports webpack renames (design.md
    // §8: the page's gzip budget) rather than names derived from hashes: no file name carries a hash
    // and the page's files are always built and published together, so stable ids would buy nothing.
    // The development build keeps its readable names.
    optimization: dev ? {} : { moduleIds: "size", chunkIds: "size", mangleExports: "size" },
    performance: {
      // design.md §8: the budgets are gzipped sizes, checked by scripts/bundle-size.js.
      hints: false,
    },
    plugins: [
      new webpack.DefinePlugin({
        "process.env.ARE_NOMBRE_FONCTIONS": JSON.stringify(String(nombreDeFonctions())),
      }),
      new CustomFunctionsMetadataPlugin({ input: "./src/functions/functions.ts", output: "functions.json" }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        // The shared runtime: this page hosts the functions too, loaded before the task pane.
        chunks: ["functions", "taskpane"],
        chunksSortMode: "manual",
      }),
      new HtmlWebpackPlugin({
        filename: "preview.html",
        template: "./src/preview/preview.html",
        chunks: ["preview"],
      }),
      ...STYLES_EXTRAITS.plugins(),
      new ExemplesApercu(),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "manifest.xml", to: "manifest.xml" },
          { from: "src/help/aide.html", to: "aide.html", transform: typographierAide },
        ],
      }),
    ],
  };

  if (urlProd) config.plugins.push(new UrlsDeProduction(urlProd));

  if (serve) {
    // Certificates only when serving: the build itself must work on a machine without them.
    const devCerts = require("office-addin-dev-certs");
    config.devServer = {
      port: PORT_DEV,
      headers: { "Access-Control-Allow-Origin": "*" },
      server: { type: "https", options: await devCerts.getHttpsServerOptions() },
      static: { directory: path.resolve(__dirname, "dist") },
    };
  }

  return config;
};

module.exports.URL_DEV = URL_DEV;
module.exports.URL_TEST = URL_TEST;
module.exports.nombreDeFonctions = nombreDeFonctions;
module.exports.versProduction = versProduction;
