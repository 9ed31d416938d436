/**
 * regles.md#lecture.correction-perimee, in the pane on the browser preview: the effectif column corrected
 * in Contrôle, then a column inserted before it in the sheet, then the dotations computed — the column
 * the user chose is read where its header went, never the column now at its place; then the sheet
 * renamed — Dotations says its correction is lost.
 *
 * Forfait pré-bac 2024-2025 : 157 € ; 0750655E, 28 élèves de 1re année de CAP : 28 × 157 = 4 396,00 €
 * (avant : l'« Année de formation » insérée, 1, lue pour l'effectif : 1 × 157 = 157,00 €).
 */
import type http from "http";
import type { Browser, Page } from "playwright-core";
import { affiche, closeServer, launchChromium, requireBuild, serveDist } from "./harness";

jest.setTimeout(60_000);

let server: http.Server;
let origin: string;
let browser: Browser;
let page: Page;

const pane = () => page.locator("#volet");
const screenTab = (name: string) => pane().getByRole("tab", { name, exact: true });
const runFinished = () => pane().getByRole("progressbar").waitFor({ state: "detached" });

/** The preview's workbook, as the page exposes it to the tests. */
interface Apercu {
  workbook: {
    addUserSheet(name: string, values: unknown[][]): string;
    sheet(name: string): { name: string; values: unknown[][] };
    sheetsChanged(): void;
  };
}

beforeAll(async () => {
  requireBuild("preview.html");
  ({ server, origin } = await serveDist());
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
  await page.goto(`${origin}/preview.html?latence=0`);
  await pane().getByRole("heading", { name: "Contrôler une feuille d'effectifs" }).waitFor();
  // « Élèves 1A »: a title the reader does not know, corrected by the user.
  await page.evaluate(() =>
    (window as unknown as { apercu: Apercu }).apercu.workbook.addUserSheet("Rectorat", [
      ["UAI", "Code diplôme", "Libellé", "Nom de l'établissement", "Élèves 1A"],
      ["0750655E", "50022137", "BOULANGER (CAP)", "Lycée Arago", 28],
    ]),
  );
});

afterAll(async () => {
  await browser?.close();
  await closeServer(server);
});

test("effectif corrigé en E dans Contrôle, une colonne insérée avant E, puis Dotations : la colonne choisie suivie en F, 4 396,00 €", async () => {
  await pane().getByRole("button", { name: "Contrôler", exact: true }).click();
  const resultat = pane().getByRole("region", { name: "Résultat : « Rectorat »" });
  await resultat.waitFor();
  // The mapping is shown open: the effectif, required, has no column.
  await expect(resultat.getByText("Aucune colonne : choisissez-en une.").count()).resolves.toBe(1);
  await resultat
    .getByRole("combobox", { name: "Effectif (obligatoire)" })
    .selectOption({ label: "E — Élèves 1A" });
  await runFinished();
  await resultat.getByText("Correspondance corrigée par vous", { exact: false }).waitFor();

  // The user inserts « Année de formation » before E: « Élèves 1A » goes to F.
  await page.evaluate(() => {
    const { values } = (window as unknown as { apercu: Apercu }).apercu.workbook.sheet("Rectorat");
    values[0].splice(4, 0, "Année de formation");
    values[1].splice(4, 0, 1);
  });

  await screenTab("Dotations").click();
  const rectorat = pane().getByRole("checkbox", { name: /^Rectorat/ });
  await rectorat.waitFor();
  // « Rectorat » alone.
  for (const feuille of await pane()
    .getByRole("group", { name: "Feuilles d'effectifs" })
    .getByRole("checkbox")
    .all())
    await feuille.uncheck();
  await rectorat.check();
  await expect(
    pane()
      .getByRole("checkbox", { name: /^Rectorat/ })
      .isChecked(),
  ).resolves.toBe(true);
  await pane()
    .getByRole("combobox", { name: "Feuille des établissements (facultative)" })
    .selectOption({ label: "(aucune)" });
  await pane().getByRole("combobox", { name: "Année scolaire" }).selectOption("2024");
  await pane()
    .getByRole("checkbox", { name: /^Écrire les feuilles/ })
    .uncheck();
  await expect(pane().innerText()).resolves.toContain(
    affiche("Correspondance des colonnes corrigée dans Contrôle utilisée pour « Rectorat »."),
  );
  await pane().getByRole("button", { name: "Calculer les dotations" }).click();
  const dotations = pane().getByRole("region", { name: /^Dotations 2024\u20112025\s: / });
  await dotations.waitFor();
  const texte = await dotations.innerText();
  // Avant : 157,00 € (1 × 157), l'année de formation lue pour l'effectif.
  expect(texte).toContain(affiche("4 396,00 €"));
  expect(texte).not.toContain(affiche("157,00 €"));
  expect(texte).toContain(affiche("Constats de la lecture : 0 erreur, 0 alerte, 1 information"));
  await dotations.getByText("Constats de la lecture", { exact: false }).click();
  await dotations
    .getByText(
      affiche(
        "« Effectif » corrigé en colonne E (« Élèves 1A ») : ce titre est maintenant en F, colonne lue.",
      ),
      { exact: false },
    )
    .waitFor();
});

test("la feuille renommée : Dotations dit que sa correction est perdue", async () => {
  const perdue = affiche("Correspondance des colonnes corrigée dans Contrôle perdue pour « Rectorat »");
  await expect(pane().innerText()).resolves.not.toContain(perdue);
  await page.evaluate(() => {
    const { workbook } = (window as unknown as { apercu: Apercu }).apercu;
    workbook.sheet("Rectorat").name = "Rectorat 2025";
    workbook.sheetsChanged();
  });
  await pane().getByText(perdue, { exact: false }).waitFor();
});
