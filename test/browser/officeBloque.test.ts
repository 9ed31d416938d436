/**
 * Issue 12, point 18: the task-pane page (dist/taskpane.html) when Office.js cannot load — a proxy
 * refuses Microsoft's CDN, the computer is offline. The pane says, in French, what is missing and how
 * to fix it, instead of a blank page; light theme, axe-clean.
 */
import type http from "http";
import type { Browser, Page } from "playwright-core";
import {
  closeServer,
  coupures,
  launchChromium,
  requireBuild,
  screenshot,
  seriousViolations,
  serveDist,
} from "./harness";

jest.setTimeout(60_000);

const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

let server: http.Server;
let origin: string;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  requireBuild("taskpane.html");
  ({ server, origin } = await serveDist());
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 320, height: 700 } });
  // The proxy refuses the CDN.
  await page.route(OFFICE_JS, (route) => route.abort("blockedbyclient"));
});

afterAll(async () => {
  await browser?.close();
  await closeServer(server);
});

test("Office.js bloqué : le volet dit ce qui manque et comment corriger, au lieu d'une page blanche", async () => {
  await page.goto(`${origin}/taskpane.html`);
  const alerte = page.getByRole("alert");
  await alerte.waitFor({ timeout: 15_000 });
  await expect(alerte.innerText()).resolves.toContain(
    "Office.js ou les scripts du complément n'ont pas pu être chargés",
  );
  await expect(alerte.innerText()).resolves.toContain(OFFICE_JS);
  const texte = await page.locator("#racine").innerText();
  expect(texte).toContain("autoriser appsforoffice.microsoft.com et le site du complément dans le proxy");
  expect(texte).toContain("rouvrez le volet");
  // The page's own text, typographed as the pane is (issue 12, point 13).
  await expect(coupures(page, "#racine")).resolves.toEqual([]);
  // No English, no stack trace.
  expect(texte).not.toMatch(/undefined|Error|failed/i);
  // The pane's stylesheet, built from its makeStyles calls, is linked by the very page Office loads:
  // same origin, relative address, loaded even when Office.js is not.
  const feuilles = await page.evaluate(() => Array.from(document.styleSheets).map((s) => s.href ?? ""));
  expect(feuilles).toContain(`${origin}/griffel.css`);
  await expect(seriousViolations(page, "#racine")).resolves.toEqual([]);
  await screenshot(page, "office-bloque");
});
