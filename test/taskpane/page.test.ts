/**
 * The built task-pane page in headless Chromium (design.md §7): served from dist/ on 127.0.0.1, Office.js
 * answered by a stand-in whose workbook settings hold a user's IPC value. Checks the shared runtime for
 * real: the functions bundle and the task pane bundle see the same parameters store.
 */
import fs from "fs";
import http from "http";
import path from "path";
import type { AddressInfo } from "net";
import { chromium, type Browser, type Page } from "playwright-core";

const DIST = path.resolve(__dirname, "../../dist");
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".png": "image/png",
};

/** Office.js stand-in: CustomFunctions records associations, the workbook settings hold one IPC value. */
const OFFICE_STAND_IN = `
  window.associations = {};
  window.recalculs = 0;
  window.CustomFunctions = {
    associate: (id, f) => { window.associations[id] = f; },
    Error: class { constructor(code, message) { this.code = code; this.message = message; } },
    ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A" },
  };
  window.Office = {
    HostType: { Excel: "Excel" },
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
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  if (!fs.existsSync(path.join(DIST, "taskpane.html"))) {
    throw new Error(
      "dist/taskpane.html introuvable : lancez « npm run build » (npm test construit avant jest).",
    );
  }
  server = http.createServer((request, response) => {
    const file = path.join(DIST, decodeURIComponent((request.url ?? "/").split("?")[0]));
    if (!file.startsWith(DIST) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" });
    response.end(fs.readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  page = await browser.newPage({ viewport: { width: 350, height: 900 } });
  page.on("pageerror", (error) => pageErrors.push(error.message));
  await page.route("https://appsforoffice.microsoft.com/**", (route) =>
    route.fulfill({ contentType: "text/javascript", body: OFFICE_STAND_IN }),
  );
  const { port } = server.address() as AddressInfo;
  await page.goto(`http://127.0.0.1:${port}/taskpane.html`);
  await page.getByRole("heading", { name: "Forfaits en vigueur" }).waitFor();
}, 30_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

describe("Volet ARE dans Chromium", () => {
  test("le volet montre le produit, les forfaits publiés avec leur texte et le lien vers l'aide", async () => {
    await expect(page.getByRole("heading", { level: 1 }).innerText()).resolves.toMatch(
      /Aide régionale à l'équipement des élèves/,
    );
    const ligne2023 = page.getByRole("row", { name: /^2023-2024/ });
    await expect(ligne2023.innerText()).resolves.toMatch(/151 €\s+151 €\s+54 €\s+308 €/);
    const ligne2024 = page.getByRole("row", { name: /^2024-2025/ });
    await expect(ligne2024.innerText()).resolves.toMatch(/157 €\s+157 €\s+56 €\s+319 €/);
    await expect(page.locator("main").innerText()).resolves.toContain("2023-2024 : arrêté n° 2023-087.");
    await expect(
      page.getByRole("link", { name: /Aide : les douze fonctions/ }).getAttribute("href"),
    ).resolves.toBe("aide.html");
    expect(pageErrors).toEqual([]);
  });

  test("runtime partagé : la valeur enregistrée dans le classeur sert au volet et aux fonctions, puis tout est recalculé", async () => {
    // IPC décembre 2024 saisi 120,00 : 120,00 / 118,38 − 1 → 1,37 % ; 157 × 1,0137 = 159,15 → 159 €.
    const ligne2025 = page.getByRole("row", { name: /^2025-2026/ });
    await expect(ligne2025.innerText()).resolves.toMatch(/159 € \*/);
    await expect(
      page.evaluate(() => Object.keys((window as never as { associations: object }).associations).length),
    ).resolves.toBe(12);
    await expect(
      page.evaluate(() =>
        (window as never as { associations: Record<string, (a: number) => number> }).associations.FORFAIT(
          2025,
        ),
      ),
    ).resolves.toBe(159);
    await expect(page.evaluate(() => (window as never as { recalculs: number }).recalculs)).resolves.toBe(1);
  });

  test("aucune violation d'accessibilité détectée par axe-core", async () => {
    await page.addScriptTag({ path: require.resolve("axe-core/axe.min.js") });
    const violations = await page.evaluate(async () => {
      const axe = (
        window as never as { axe: { run(): Promise<{ violations: { id: string; help: string }[] }> } }
      ).axe;
      const result = await axe.run();
      return result.violations.map((v) => `${v.id} : ${v.help}`);
    });
    expect(violations).toEqual([]);
  });
});
