/**
 * The Catalogue screen in headless Chromium (issue 12, item 12): a search answers « est-ce
 * éligible ? » — the known exclusions appear with a « Non éligible » badge and the core's motif, and a
 * code replaced since the 2023-2024 list is judged with the alerte naming the code it replaces; a list
 * of formations pasted for a rentrée is checked, compared and saved in the workbook (issue 14 §1). The
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
import { grilleListe2025 } from "../rules/liste2025";

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
    ).resolves.toMatch(
      /successeur de 50022139 CUISINE \(CAP\), liste 2023\u20112024 utilisée pour \d{4}\u2011\d{4}\s: à vérifier/,
    );
  });

  test("Charger la liste d'une rentrée : la liste 2025-2026 collée est contrôlée, comparée, enregistrée, puis utilisée", async () => {
    await page.evaluate((grille) => {
      const w = window as unknown as {
        apercu: { workbook: { addUserSheet(n: string, v: unknown): string } };
      };
      w.apercu.workbook.addUserSheet("Liste 2025-2026", grille);
    }, grilleListe2025());
    await pane().getByRole("button", { name: "Charger la liste d'une rentrée…" }).click();
    const formulaire = pane().getByRole("region", { name: "Charger la liste d'une rentrée" });
    await formulaire.getByLabel("Feuille de la liste").selectOption("Liste 2025-2026");
    await formulaire.getByLabel("Rentrée de la liste").selectOption("2025");
    await formulaire.getByLabel("Titre de la source").fill("Liste des formations éligibles 2025-2026 (test)");
    await formulaire.getByLabel("Date de la source").fill("2025-06-30");
    await formulaire.getByRole("button", { name: "Vérifier la liste" }).click();
    const resume = formulaire.getByRole("list", { name: "Résumé du contrôle de la liste" });
    await resume.waitFor();
    await expect(resume.innerText()).resolves.toContain(
      affiche("Liste 2025-2026 : 235 formations retenues (1 en 3e prépa-métiers, 145 pré-bac, 89 post-bac)."),
    );
    await expect(resume.innerText()).resolves.toContain(
      affiche(
        "Par rapport à la liste indicative 2023-2024 : 50 formations ajoutées (dont 50 successeurs d'un code retiré), 37 retirées",
      ),
    );
    await formulaire
      .getByRole("button", { name: affiche("Enregistrer la liste 2025-2026 dans le classeur") })
      .click();
    await formulaire
      .getByText(/^Liste 2025\u20112026 enregistrée dans le classeur\s: 235 formations\./)
      .waitFor();
    const reglage = await page.evaluate(() =>
      (
        window as unknown as { apercu: { workbook: { readSetting(k: string): Promise<string | null> } } }
      ).apercu.workbook.readSetting("ARE.listesFormations"),
    );
    expect(JSON.parse(reglage ?? "{}").listes[0].annee).toBe(2025);
    // The year in progress (2026-2027 or later) now uses the 2025-2026 list: 50022146 is in it.
    await recherche().fill("50022146");
    await pane().getByRole("status").filter({ hasText: "1 formation" }).waitFor();
    await expect(table().getByRole("row").nth(1).innerText()).resolves.toMatch(/^50022146\s+CUISINE \(CAP\)/);
    await expect(
      pane()
        .getByText(/^Liste indicative 2025\u20112026 utilisée pour \d{4}\u2011\d{4}\s: 235 formations/)
        .count(),
    ).resolves.toBe(1);
    await expect(pane().getByText("Listes chargées dans ce classeur :").count()).resolves.toBe(1);
  });

  test("aucune erreur de page, aucune violation d'accessibilité grave", async () => {
    expect(pageErrors).toEqual([]);
    await expect(seriousViolations(page, "#volet")).resolves.toEqual([]);
  });
});
