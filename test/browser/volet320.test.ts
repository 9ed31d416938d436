/**
 * Issue 12, point 16: the pane at 320 and 360 pixels, in the dark theme (the light one is driven by
 * volet.test.ts): tabs on one row, the title on one line, Bilan's steps as a visible stepper, tables
 * within the pane and no header cut at a hyphen, each list's full choice in its tooltip; axe-core
 * clean on each screen shown.
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
  volet,
} from "./harness";

jest.setTimeout(90_000);

let server: http.Server;
let browser: Browser;
let page: Page;

const { pane, screenTab, runFinished } = volet(() => page);

/**
 * Waits for the run started by the button `nom` to end. The page is kept from one width to the next:
 * the result of the previous width is already shown when the button is pressed again, so waiting for it
 * returned at once, and axe measured the buttons while the run re-enabled them — the colours at the start
 * of their transition, a contrast violation on a loaded machine only. The button is disabled from the
 * click (React renders a click's update before the event returns) until the run ends.
 */
async function finDuCalcul(nom: string): Promise<void> {
  await pane().getByRole("button", { name: nom, exact: true }).and(page.locator(":enabled")).waitFor();
  await runFinished();
}

/** The preview's pane column set to `width` pixels (the host of an Excel task pane decides its width). */
async function paneWidth(width: number): Promise<void> {
  await page.evaluate((w) => {
    (document.querySelector(".apercu") as HTMLElement).style.gridTemplateColumns = `minmax(0, 1fr) ${w}px`;
  }, width);
}

/** What does not fit the pane, described; empty when everything fits. */
function overflows(): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const shown = document.querySelector("#volet [role=tabpanel]:not([hidden])")!;
    // Within the screen's own width (the pane's padding apart).
    const ecran = shown.getBoundingClientRect();
    for (const table of Array.from(shown.querySelectorAll("table"))) {
      const r = table.getBoundingClientRect();
      if (r.width > 0 && r.right > ecran.right + 0.5)
        problems.push(`table ${table.getAttribute("aria-label") ?? table.querySelector("th")?.textContent}`);
    }
    for (const th of Array.from(shown.querySelectorAll("thead th"))) {
      if ((th.textContent ?? "").includes("-")) problems.push(`en-tête sécable « ${th.textContent} »`);
    }
    for (const select of Array.from(shown.querySelectorAll("select"))) {
      const choice = select.selectedOptions[0]?.text ?? "";
      if (select.getBoundingClientRect().width > 0 && select.title !== choice)
        problems.push(`liste sans info-bulle « ${choice} »`);
    }
    return problems;
  });
}

async function mesureTexte(selector: string): Promise<{ height: number; lineHeight: number; cut: boolean }> {
  return page.evaluate((s) => {
    const element = document.querySelector(s) as HTMLElement;
    return {
      height: element.getBoundingClientRect().height,
      lineHeight: parseFloat(getComputedStyle(element).lineHeight),
      cut: element.scrollWidth > element.clientWidth,
    };
  }, selector);
}

beforeAll(async () => {
  requireBuild("preview.html");
  let origin: string;
  ({ server, origin } = await serveDist());
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 900, height: 800 } });
  await page.goto(`${origin}/preview.html?theme=sombre`);
  await pane().getByRole("heading", { name: "Contrôler une feuille d'effectifs" }).waitFor();
});

afterAll(async () => {
  await browser?.close();
  await closeServer(server);
});

describe.each([320, 360])("Volet à %i px, thème sombre", (width) => {
  beforeAll(() => paneWidth(width));

  test("les onglets tiennent sur une ligne, l'onglet choisi toujours visible ; le titre jamais coupé", async () => {
    const tablist = pane().getByRole("tablist");
    const rangee = await tablist.boundingBox();
    const onglet = await screenTab("Contrôle").boundingBox();
    // One row (and room for a thin scroll bar), not two.
    expect(rangee!.height).toBeLessThan(onglet!.height * 1.6);
    for (const name of ["Paramètres", "Contrôle"]) {
      await screenTab(name).click();
      await expect(screenTab(name).getAttribute("aria-selected")).resolves.toBe("true");
      const tab = (await screenTab(name).boundingBox())!;
      const liste = (await tablist.boundingBox())!;
      expect(tab.x).toBeGreaterThanOrEqual(liste.x - 0.5);
      expect(tab.x + tab.width).toBeLessThanOrEqual(liste.x + liste.width + 0.5);
    }
    // One line in Segoe UI; with a wider font (DejaVu Sans, the only one of a bare Linux) two at most,
    // never cut.
    const titre = await mesureTexte("#volet h1");
    expect(titre.height).toBeLessThan(titre.lineHeight * 2.5);
    expect(titre.cut).toBe(false);
  });

  test("Contrôle puis Dotations : tableaux dans le volet, en-têtes entiers, listes avec info-bulle ; axe sans violation", async () => {
    await page
      .getByRole("group", { name: "Feuilles du classeur" })
      .getByRole("button", { name: "Paris", exact: true })
      .click();
    await pane().getByRole("button", { name: "Contrôler", exact: true }).click();
    await pane().getByRole("region", { name: "Résultat : « Paris »" }).waitFor();
    await finDuCalcul("Contrôler");
    await expect(overflows()).resolves.toEqual([]);
    await expect(coupures(page, "#volet")).resolves.toEqual([]);
    await expect(seriousViolations(page, "#volet")).resolves.toEqual([]);

    await screenTab("Dotations").click();
    await pane().getByRole("checkbox", { name: "Paris (effectifs reconnus)" }).waitFor();
    await pane().getByRole("combobox", { name: "Année scolaire" }).selectOption("2024");
    await pane().getByRole("button", { name: "Calculer les dotations" }).click();
    const resultat = pane().getByRole("region", { name: /^Dotations 2024\u20112025\s: / });
    await resultat.waitFor();
    await finDuCalcul("Calculer les dotations");
    await resultat.getByRole("region", { name: /^À traiter/ }).waitFor();
    await expect(overflows()).resolves.toEqual([]);
    await expect(coupures(page, "#volet")).resolves.toEqual([]);
    await expect(seriousViolations(page, "#volet")).resolves.toEqual([]);
    await screenshot(page, `dotations-${width}-sombre`, resultat);
  });

  test("Paramètres : tableau des forfaits dans le volet, « Montant (€) » aligné sur « Année scolaire » ; axe sans violation", async () => {
    await screenTab("Paramètres").click();
    const forfaits = pane().getByRole("form", { name: "Ajouter un forfait publié" });
    await forfaits.waitFor();
    // Issue 12, point 16: the two fields of a row start at the same height, their inputs too, whatever
    // the hint under the first one.
    const haut = async (name: string | RegExp) => {
      const champ = forfaits.getByRole("textbox", { name });
      const label = page.locator(`label[for="${await champ.getAttribute("id")}"]`);
      return { label: (await label.boundingBox())!.y, champ: (await champ.boundingBox())!.y };
    };
    const annee = await haut(/^Année scolaire/);
    const montant = await haut("Montant (€)");
    expect(Math.abs(montant.label - annee.label)).toBeLessThan(1);
    expect(Math.abs(montant.champ - annee.champ)).toBeLessThan(1);
    await expect(overflows()).resolves.toEqual([]);
    await expect(coupures(page, "#volet")).resolves.toEqual([]);
    await expect(seriousViolations(page, "#volet")).resolves.toEqual([]);
    await screenshot(
      page,
      `parametres-${width}-sombre`,
      pane().getByRole("heading", { name: "Paramètres", exact: true }),
    );
  });

  test("Bilan : les trois étapes visibles en étapier, l'étape courante marquée ; axe sans violation", async () => {
    await screenTab("Bilan").click();
    const etapier = pane().getByRole("navigation", { name: "Étapes du bilan" });
    await etapier.waitFor();
    const boutons = etapier.getByRole("button");
    const textes = await boutons.allInnerTexts();
    expect(textes.map((t) => t.replace(/\s+/g, " ").trim())).toEqual([
      "1 Modèle",
      "2 Contrôle",
      "3 Reliquats",
    ]);
    const volet = (await pane().boundingBox())!;
    for (let i = 0; i < 3; i++) {
      const b = (await boutons.nth(i).boundingBox())!;
      expect(b.x + b.width).toBeLessThanOrEqual(volet.x + volet.width);
    }
    await boutons.nth(2).click();
    await expect(boutons.nth(2).getAttribute("aria-current")).resolves.toBe("step");
    await expect(boutons.nth(0).getAttribute("aria-current")).resolves.toBeNull();
    await expect(boutons.nth(2).getAttribute("title")).resolves.toBe(
      "3. Reporter les reliquats sur l'année suivante",
    );
    await pane().getByRole("heading", { name: "3. Reporter les reliquats sur l'année suivante" }).waitFor();
    await expect(overflows()).resolves.toEqual([]);
    await expect(coupures(page, "#volet")).resolves.toEqual([]);
    await expect(seriousViolations(page, "#volet")).resolves.toEqual([]);
    await boutons.nth(0).click();
  });
});
