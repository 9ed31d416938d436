/**
 * The Catalogue screen in headless Chromium (issue 12, item 12): a search answers « est-ce
 * éligible ? » — the known exclusions appear with a « Non éligible » badge and the core's motif, and a
 * code replaced since the 2023-2024 list is judged with the alerte naming the code it replaces. The
 * built dist/preview.html, as in volet.test.ts.
 */
import type http from "http";
import type { Browser, Page } from "playwright-core";
import {
  affiche,
  closeServer,
  launchChromium,
  requireBuild,
  screenshot,
  seriousViolations,
  serveDist,
} from "./harness";

jest.setTimeout(60_000);

let server: http.Server;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];
const pane = () => page.locator("#volet");

beforeAll(async () => {
  requireBuild("preview.html");
  let origin: string;
  ({ server, origin } = await serveDist());
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 360, height: 860 } });
  page.on("pageerror", (error) => pageErrors.push(error.message));
  await page.goto(`${origin}/preview.html`);
  await pane().getByRole("tab", { name: "Catalogue", exact: true }).click();
});

afterAll(async () => {
  await browser?.close();
  await closeServer(server);
});

describe("Catalogue : est-ce éligible ?", () => {
  const recherche = () => pane().getByRole("searchbox", { name: "Rechercher" });
  const table = () => pane().getByRole("table", { name: "Formations de la liste indicative" });

  test("« ST2S » montre d'abord le bac ST2S 43033104, badge « Non éligible » et motif, puis les formations « Santé (hors ST2S) »", async () => {
    await recherche().fill("ST2S");
    await pane()
      .getByRole("status")
      .filter({ hasText: "14 formations éligibles trouvées, 2 cas non éligibles" })
      .waitFor();
    const premiere = table().getByRole("row").nth(1);
    const texte = await premiere.innerText();
    expect(texte).toMatch(/^43033104\s/);
    expect(texte).toContain("Non éligible");
    expect(texte).toContain(affiche("exclu de la spécialité 331 « Santé (hors ST2S) »"));
    await expect(table().getByRole("row").count()).resolves.toBe(1 + 16);
    await screenshot(page, "catalogue-st2s", pane().getByRole("heading", { name: "Formations éligibles" }));
  });

  test("« 6ème » : la classe de 6e 67010012 (recherche écrite « 6ème »), non éligible, classe de collège", async () => {
    await recherche().fill("6ème");
    await pane()
      .getByRole("status")
      .filter({ hasText: "0 formation éligible trouvée, 1 cas non éligible" })
      .waitFor();
    const texte = await table().getByRole("row").nth(1).innerText();
    expect(texte).toMatch(/^67010012\s/);
    expect(texte).toContain(affiche("Non éligible : classe de collège (6e, code 67010012)"));
  });

  test("50022146, successeur de CUISINE (CAP) : éligible PRE BAC, avec l'alerte qui nomme le code remplacé", async () => {
    await recherche().fill("50022146");
    await pane().getByText("50022146 : hors liste, éligible PRE BAC").waitFor();
    await expect(
      pane().getByRole("status").filter({ hasText: "50022146 : hors liste" }).innerText(),
    ).resolves.toContain(affiche("successeur de 50022139 CUISINE (CAP), liste 2023-2024 : à vérifier"));
  });

  test("aucune erreur de page, aucune violation d'accessibilité grave", async () => {
    expect(pageErrors).toEqual([]);
    await expect(seriousViolations(page, "#volet")).resolves.toEqual([]);
  });
});
