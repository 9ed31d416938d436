/**
 * The built task-pane page itself (dist/taskpane.html, the page Excel loads) in headless Chromium
 * (design.md §7): served from dist/ on 127.0.0.1, Office.js answered by a stand-in whose workbook
 * settings hold a user's IPC value. Checks the shared runtime for real — the functions bundle and the
 * task pane see the same parameters store — the Office theme, the page's Content-Security-Policy and
 * that it asks for nothing but its own files and Office.js. The screens themselves are driven on the
 * preview (test/browser/volet.test.ts).
 */
import fs from "fs";
import type http from "http";
import path from "path";
import type { Browser, Page } from "playwright-core";
import {
  DIST,
  closeServer,
  cspViolations,
  launchChromium,
  recordRequests,
  requireBuild,
  seriousViolations,
  serveDist,
  watchCsp,
} from "../browser/harness";

// As the other browser tests: a page load and an axe run take more than jest's 5 s on a loaded machine.
jest.setTimeout(60_000);

const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

/** Office.js stand-in: CustomFunctions records associations, the workbook settings hold one IPC value. */
const officeStandIn = (theme: object | null) => `
  window.associations = {};
  window.recalculs = 0;
  window.CustomFunctions = {
    associate: (id, f) => { window.associations[id] = f; },
    Error: class { constructor(code, message) { this.code = code; this.message = message; } },
    ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A" },
  };
  window.Office = {
    HostType: { Excel: "Excel" },
    context: { officeTheme: ${JSON.stringify(theme)} },
    onReady: (callback) => Promise.resolve(callback({ host: "Excel", platform: "OfficeOnline" })),
  };
  window.Excel = {
    CalculationType: { full: "Full" },
    run: async (batch) => batch({
      workbook: {
        settings: {
          getItemOrNullObject: () => ({
            load() {},
            isNullObject: false,
            value: JSON.stringify({ ipc: [{ mois: "2024-12", base: 2015, valeur: "120.00" }] }),
          }),
          add() {},
        },
        application: { calculate() { window.recalculs++; } },
      },
      sync: async () => undefined,
    }),
  };
`;

let server: http.Server;
let origin: string;
let browser: Browser;
let page: Page;
let requests: string[];
const pageErrors: string[] = [];

async function open(theme: object | null): Promise<Page> {
  const opened = await browser.newPage({ viewport: { width: 350, height: 900 } });
  await opened.route(OFFICE_JS, (route) =>
    route.fulfill({ contentType: "text/javascript", body: officeStandIn(theme) }),
  );
  await watchCsp(opened);
  return opened;
}

beforeAll(async () => {
  requireBuild("taskpane.html");
  ({ server, origin } = await serveDist());
  browser = await launchChromium();
  page = await open(null);
  page.on("pageerror", (error) => pageErrors.push(error.message));
  requests = recordRequests(page);
  await page.goto(`${origin}/taskpane.html`);
  await page.getByRole("heading", { name: "Contrôler une feuille d'effectifs" }).waitFor();
}, 30_000);

afterAll(async () => {
  await browser?.close();
  await closeServer(server);
});

describe("Volet ARE dans Chromium (taskpane.html, Office.js remplacé)", () => {
  test("le volet s'ouvre sur Contrôle, avec un onglet par écran et le lien vers l'aide", async () => {
    // A short title, on one line at 320 px (issue 12, point 16); the full name in its tooltip.
    const titre = page.getByRole("heading", { level: 1 });
    await expect(titre.innerText()).resolves.toBe("ARE — Aide à l'équipement des élèves");
    await expect(titre.getAttribute("title")).resolves.toMatch(
      /^ARE — Aide régionale à l'équipement des élèves/,
    );
    await expect(page.getByRole("tab").allInnerTexts()).resolves.toEqual([
      "Contrôle",
      "Dotations",
      "Demande",
      "Bilan",
      "Catalogue",
      "Paramètres",
    ]);
    await expect(page.getByRole("tab", { name: "Contrôle" }).getAttribute("aria-selected")).resolves.toBe(
      "true",
    );
    await expect(
      page.getByRole("link", { name: /Aide : les 14 fonctions ARE/ }).getAttribute("href"), // test/production/versions.test.ts: = functions.json
    ).resolves.toBe("aide.html");
    await expect(seriousViolations(page, "body")).resolves.toEqual([]);
  });

  test("les onglets se parcourent au clavier : → sélectionne l'écran suivant et y met le focus", async () => {
    await page.getByRole("tab", { name: "Contrôle" }).focus();
    await page.keyboard.press("ArrowRight");
    await expect(page.getByRole("tab", { name: "Dotations" }).getAttribute("aria-selected")).resolves.toBe(
      "true",
    );
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe("Dotations");
    await page.keyboard.press("End");
    await expect(page.getByRole("tab", { name: "Paramètres" }).getAttribute("aria-selected")).resolves.toBe(
      "true",
    );
    await page.getByRole("heading", { name: "Forfaits par année" }).waitFor();
  });

  test("Paramètres montre les forfaits publiés avec leur texte", async () => {
    // As the pane shows them (issue 12, point 13): « 2023‑2024 », « 151 € », « n° 2023‑087 ».
    const ligne2023 = page.getByRole("row", { name: /^2023\u20112024/ });
    await expect(ligne2023.innerText()).resolves.toMatch(/151\u00a0€\s+151\u00a0€\s+54\u00a0€\s+308\u00a0€/);
    const ligne2024 = page.getByRole("row", { name: /^2024\u20112025/ });
    await expect(ligne2024.innerText()).resolves.toMatch(/157\u00a0€\s+157\u00a0€\s+56\u00a0€\s+319\u00a0€/);
    await expect(page.locator("main").innerText()).resolves.toContain(
      "2023\u20112024\u00a0: arrêté n°\u00a02023\u2011087.",
    );
    await expect(seriousViolations(page, "body")).resolves.toEqual([]);
  });

  test("runtime partagé : la valeur enregistrée dans le classeur sert au volet et aux fonctions, puis tout est recalculé", async () => {
    // IPC décembre 2024 saisi 120,00 : 120,00 / 118,38 − 1 → 1,37 % ; 157 × 1,0137 = 159,15 → 159 €.
    const ligne2025 = page.getByRole("row", { name: /^2025\u20112026/ });
    await expect(ligne2025.innerText()).resolves.toMatch(/159\u00a0€ \*/);
    const declared = JSON.parse(fs.readFileSync(path.join(DIST, "functions.json"), "utf8")) as {
      functions: { id: string }[];
    };
    await expect(
      page.evaluate(() => Object.keys((window as never as { associations: object }).associations).sort()),
    ).resolves.toEqual(declared.functions.map((f) => f.id).sort());
    await expect(
      page.evaluate(() =>
        (window as never as { associations: Record<string, (a: number) => number> }).associations.FORFAIT(
          2025,
        ),
      ),
    ).resolves.toBe(159);
    await expect(page.evaluate(() => (window as never as { recalculs: number }).recalculs)).resolves.toBe(1);
  });

  test("la page ne demande que ses propres fichiers et Office.js, sans violer sa politique de sécurité", async () => {
    const ailleurs = requests.filter((url) => !url.startsWith(`${origin}/`));
    expect(ailleurs).toEqual([OFFICE_JS]);
    // Lazily loaded screens come from the page's own origin.
    expect(requests.some((url) => /ecrans\.js$/.test(url))).toBe(true);
    await expect(cspViolations(page)).resolves.toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  test("thème sombre d'Office : le volet passe au thème sombre de Fluent", async () => {
    const sombre = await open({ isDarkTheme: true, bodyBackgroundColor: "#262626" });
    await sombre.goto(`${origin}/taskpane.html`);
    const titre = sombre.getByRole("heading", { level: 1 });
    await titre.waitFor();
    const couleur = await titre.evaluate((element) => getComputedStyle(element).color);
    // Fluent's dark theme writes in white (#ffffff) on dark grey.
    expect(couleur).toBe("rgb(255, 255, 255)");
    await expect(seriousViolations(sombre, "body")).resolves.toEqual([]);
    await sombre.close();
  });
});
