/**
 * The help page as built (dist/aide.html), in headless Chromium at 360 pixels (issue 12, point 13):
 * no number, date or school year breakable or broken across a line, its formulas as written, and
 * axe-core clean.
 */
import type http from "http";
import type { Browser, Page } from "playwright-core";
import { closeServer, coupures, launchChromium, requireBuild, seriousViolations, serveDist } from "./harness";

jest.setTimeout(60_000);

let server: http.Server;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  requireBuild("aide.html");
  let origin: string;
  ({ server, origin } = await serveDist());
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 360, height: 800 } });
  await page.goto(`${origin}/aide.html`);
});

afterAll(async () => {
  await browser?.close();
  await closeServer(server);
});

test("l'aide à 360 px : aucun nombre, date ou année coupé ni sécable ; formules telles qu'écrites ; axe sans violation", async () => {
  await expect(coupures(page, "body")).resolves.toEqual([]);
  // A formula is copied into Excel: its spaces and hyphens stay the ones typed.
  const formules = await page.locator("code").allInnerTexts();
  expect(formules).toContain('=ARE.FORFAIT(2024;"3EME PREPA-METIERS")');
  expect(formules.join("")).not.toMatch(/[\u00a0\u202f\u2011]/);
  await expect(seriousViolations(page, "body")).resolves.toEqual([]);
});
