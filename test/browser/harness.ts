/**
 * What the browser tests share: the built dist/ served on 127.0.0.1, one headless Chromium
 * (design.md §7: playwright-core, no download; which browser: ./navigateur.ts), axe-core, screenshots
 * and the record of every request a page makes.
 */
import fs from "fs";
import http from "http";
import path from "path";
import type { AddressInfo } from "net";
import type { Browser, Locator, Page } from "playwright-core";
import { lancerNavigateur } from "./navigateur";

// The preview's static server, the one `npm run preview` runs (plain CommonJS, no types).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { createStaticServer } = require("../../scripts/preview") as {
  createStaticServer(root: string): http.Server;
};

/**
 * A text as the pane shows it (issue 12, point 13; regles.md#technique.typographie): the no-break
 * spaces and hyphens where a line must not break. The rule is tested on hand-written texts in
 * test/rules/typographie.test.ts; here it turns a test's plain expectation into the pane's text.
 */
export { typographier as affiche } from "../../src/rules/typographie";

export const DIST = path.resolve(__dirname, "../../dist");
export const SCREENSHOTS = path.resolve(__dirname, "../../test-results/screenshots");

/** The preview's workbook, as the page exposes it to the tests (window.apercu). */
export interface Apercu {
  workbook: {
    addUserSheet(name: string, values: unknown[][]): string;
    sheet(name: string): { name: string; values: unknown[][] };
    sheets: { name: string }[];
    sheetsChanged(): void;
  };
}

/**
 * The pane of the preview page `page()` (a getter: the page is opened in beforeAll), a screen's tab,
 * and the end of the run in progress (its progress bar gone).
 */
export function volet(page: () => Page) {
  const pane = () => page().locator("#volet");
  const screenTab = (name: string) => pane().getByRole("tab", { name, exact: true });
  return {
    pane,
    screenTab,
    runFinished: () => pane().getByRole("progressbar").waitFor({ state: "detached" }),
    /** Dotations, ready to compute the effectif sheet `feuille` alone, 2024-2025, without establishments nor writing. */
    async dotationsDeLaSeule(feuille: RegExp): Promise<void> {
      await screenTab("Dotations").click();
      const choisie = pane().getByRole("checkbox", { name: feuille });
      await choisie.waitFor();
      for (const autre of await pane()
        .getByRole("group", { name: "Feuilles d'effectifs" })
        .getByRole("checkbox")
        .all())
        await autre.uncheck();
      await choisie.check();
      await pane()
        .getByRole("combobox", { name: "Feuille des établissements (facultative)" })
        .selectOption({ label: "(aucune)" });
      await pane().getByRole("combobox", { name: "Année scolaire" }).selectOption("2024");
      await pane()
        .getByRole("checkbox", { name: /^Écrire les feuilles/ })
        .uncheck();
    },
  };
}

export function requireBuild(file: string): void {
  if (!fs.existsSync(path.join(DIST, file))) {
    throw new Error(`dist/${file} introuvable : lancez « npm run build » (npm test construit avant jest).`);
  }
}

/** A static server over dist/, on a free port of 127.0.0.1; returns it with its origin. */
/** dist/ served by `npm run preview`'s own server (scripts/preview.js), on a free port. */
export async function serveDist(): Promise<{ server: http.Server; origin: string }> {
  const server = createStaticServer(DIST);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { server, origin: `http://127.0.0.1:${port}` };
}

/** The first browser found (./navigateur.ts); none is a French error saying how to provide one. */
export function launchChromium(): Promise<Browser> {
  return lancerNavigateur();
}

export function closeServer(server: http.Server | undefined): Promise<void> {
  return new Promise((resolve) => (server ? server.close(() => resolve()) : resolve()));
}

/** Every URL the page asks for, from now on. */
export function recordRequests(page: Page): string[] {
  const urls: string[] = [];
  page.on("request", (request) => urls.push(request.url()));
  return urls;
}

/** Content-Security-Policy violations, collected in the page from its first script on. */
export async function watchCsp(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { cspViolations: string[] };
    w.cspViolations = [];
    document.addEventListener("securitypolicyviolation", (e) =>
      w.cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
}

export function cspViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
}

/**
 * axe-core on a part of the page: the violations whose impact is serious or critical, as
 * « rule : help (targets) ».
 */
export async function seriousViolations(page: Page, selector: string): Promise<string[]> {
  const loaded = await page.evaluate(() => "axe" in window);
  if (!loaded) {
    // Served from the page's own origin: its Content-Security-Policy refuses inline scripts.
    const url = new URL("/__axe.min.js", page.url()).href;
    await page.route(url, (route) =>
      route.fulfill({ contentType: "text/javascript", path: require.resolve("axe-core/axe.min.js") }),
    );
    await page.addScriptTag({ url });
  }
  // Colours are measured once Fluent's transitions (a button's hover after a click) have ended: a scan
  // mid-transition reads a colour between two states, and the run fails on a loaded machine only.
  // (An endless animation, a spinner, is not waited for.) Two frames first: a transition that the last
  // render asked for starts at the next style update, and is not listed by getAnimations() before it.
  // And with the user's « reduce motion » setting, which Fluent honours (transitions of 0,01 ms): a
  // transition the check below missed (load average 7, Dotations at 360 px, 7 December) cannot be
  // half-way either. The colours measured are those of the end state, the same either way.
  await page.emulateMedia({ reducedMotion: "reduce" });
  await page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
  );
  await page.waitForFunction(() =>
    document
      .getAnimations()
      .every((a) => a.playState !== "running" || a.effect?.getTiming().iterations === Infinity),
  );
  return page.evaluate(async (include) => {
    type Result = {
      violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[];
    };
    const axe = (window as unknown as { axe: { run(context: unknown): Promise<Result> } }).axe;
    const result = await axe.run({ include: [include] });
    return result.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => `${v.id} : ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
  }, selector);
}

/** A screenshot of the page, the pane scrolled so that `top` (when given) is at its top. */
export async function screenshot(page: Page, name: string, top?: Locator): Promise<void> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await top?.evaluate((element) => element.scrollIntoView({ block: "start" }));
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
}

/**
 * Issue 12, point 13: where a line of the pane (under `selector`) could break, or does break, inside a
 * number, an amount, a date or a school year — empty when none. Two checks on every text shown (code
 * and fields apart, as the pane leaves them):
 * - no breakable character where the typography wants a no-break one: a plain space inside a grouped
 *   number or before « : ; ! ? € % », after « or n°, between « ligne » / « colonne » and its number or
 *   letter, inside a date; a plain hyphen between two digits;
 * - each number (with its unit) and each date is laid out on one line: its range has a single line box.
 */
export function coupures(page: Page, selector: string): Promise<string[]> {
  return page.evaluate((racine) => {
    const mois = "janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre";
    const secables: [string, RegExp][] = [
      ["nombre", /\d \d{3}(?!\d)/],
      ["trait d'union entre chiffres", /\d-\d/],
      ["espace avant ponctuation", / [:;!?€%»]/],
      ["espace après «", /« /],
      ["n°, ligne, colonne", /\b(n°|lignes?|colonnes?) (\d|[A-Z]{1,3}\b)/],
      ["date", new RegExp(`\\d (${mois})\\b|\\b(${mois}) \\d{4}`)],
    ];
    const insecables = new RegExp(
      `\\d{1,2}\\u00a0(?:${mois})(?:\\u00a0\\d{4})?|\\b(?:${mois})\\u00a0\\d{4}|\\d[\\d\\u202f,.\\u2011/]*\\d(?:\\u00a0[€%])?`,
      "g",
    );
    const problemes: string[] = [];
    const parcours = document.createTreeWalker(document.querySelector(racine)!, NodeFilter.SHOW_TEXT);
    for (let n = parcours.nextNode() as Text | null; n; n = parcours.nextNode() as Text | null) {
      if (n.parentElement?.closest("code, pre, textarea, input, [hidden]")) continue;
      for (const [quoi, motif] of secables) {
        const trouve = motif.exec(n.data);
        if (trouve) problemes.push(`${quoi} sécable « ${trouve[0]} » dans « ${n.data.trim().slice(0, 80)} »`);
      }
      for (const m of n.data.matchAll(insecables)) {
        const range = document.createRange();
        range.setStart(n, m.index!);
        range.setEnd(n, m.index! + m[0].length);
        const lignes = new Set(
          Array.from(range.getClientRects())
            .filter((r) => r.width > 0)
            .map((r) => Math.round(r.bottom)),
        );
        if (lignes.size > 1) problemes.push(`« ${m[0]} » coupé sur ${lignes.size} lignes`);
      }
    }
    return problemes;
  }, selector);
}
