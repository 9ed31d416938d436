/**
 * regles.md#lecture.correction-perimee, in the pane on the browser preview: the effectif column corrected
 * in Contrôle, then a column inserted before it in the sheet, then the dotations computed — the column
 * the user chose is read where its header went, never the column now at its place; then the sheet
 * renamed — Dotations says its correction is lost, once; a corrected sheet deleted — nothing to say.
 *
 * Forfait pré-bac 2024-2025 : 157 € ; 0750655E, 28 élèves de 1re année de CAP : 28 × 157 = 4 396,00 €
 * (avant : l'« Année de formation » insérée, 1, lue pour l'effectif : 1 × 157 = 157,00 €).
 */
import type http from "http";
import type { Browser, Page } from "playwright-core";
import { affiche, closeServer, launchChromium, requireBuild, serveDist, volet, type Apercu } from "./harness";

jest.setTimeout(60_000);

let server: http.Server;
let origin: string;
let browser: Browser;
let page: Page;

const { pane, screenTab, runFinished, dotationsDeLaSeule } = volet(() => page);

/** The header cell of the preview's « Rectorat » at `index`, set to `titre`. */
const titrer = (index: number, titre: string) =>
  page.evaluate(
    ([i, t]) => {
      (window as unknown as { apercu: Apercu }).apercu.workbook.sheet("Rectorat").values[0][i as number] = t;
    },
    [index, titre],
  );

/** « Calculer les dotations » again, until the result shows `attendu` (the previous one did not). */
const calculer = async (attendu: string) => {
  await pane().getByRole("button", { name: "Calculer les dotations" }).click();
  await pane().getByText(affiche(attendu), { exact: false }).first().waitFor();
  await runFinished();
  return pane()
    .getByRole("region", { name: /^Dotations 2024\u20112025\s: / })
    .innerText();
};
const rien = "Constats de la lecture : 0 erreur, 0 alerte, 0 information";
const utilisee = affiche("Correspondance des colonnes corrigée dans Contrôle utilisée pour « Rectorat ».");

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

  // « Rectorat » alone.
  await dotationsDeLaSeule(/^Rectorat/);
  await expect(
    pane()
      .getByRole("checkbox", { name: /^Rectorat/ })
      .isChecked(),
  ).resolves.toBe(true);
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
  // Computed again: the correction was kept where its header went, the info is not repeated (before,
  // « 1 information » at every run, the correction still at E).
  expect(await calculer(rien)).toContain(affiche("4 396,00 €"));
});

test("le titre choisi remplacé par un autre : feuille refusée, la correction dite non utilisée", async () => {
  await titrer(5, "Élèves 2A");
  await calculer("Dotations 2024\u20112025 : 0 établissement");
  const volet = await pane().innerText();
  // Avant : « … dans Contrôle utilisée pour « Rectorat ». » au-dessus d'une feuille refusée à cause d'elle.
  expect(volet).not.toContain(utilisee);
  expect(volet).toContain(
    affiche("Correspondance des colonnes corrigée dans Contrôle non utilisée pour « Rectorat »."),
  );
});

test("le titre choisi réécrit en majuscules avec un espace : lu, 4 396,00 €, pas refusé", async () => {
  await titrer(5, "ÉLÈVES 1A ");
  // Avant : feuille refusée (correction à refaire), 0 établissement.
  expect(await calculer(rien)).toContain(affiche("4 396,00 €"));
  await expect(pane().innerText()).resolves.toContain(utilisee);
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
  // Said once: at the next change of the workbook's sheets, the warning is gone (before: for the session).
  await page.evaluate(() =>
    (window as unknown as { apercu: Apercu }).apercu.workbook.addUserSheet("Notes", [["À faire"]]),
  );
  await pane()
    .getByRole("checkbox", { name: /^Notes/ })
    .waitFor();
  await expect(pane().innerText()).resolves.not.toContain(perdue);
});

test("une feuille corrigée supprimée : aucun avertissement, sa correction oubliée", async () => {
  await page.evaluate(() =>
    (window as unknown as { apercu: Apercu }).apercu.workbook.addUserSheet("Académie test", [
      ["UAI", "Code diplôme", "Élèves 1A"],
      ["0780004F", "50022137", 12],
    ]),
  );
  await screenTab("Contrôle").click();
  await pane().getByRole("button", { name: "Contrôler", exact: true }).click();
  const resultat = pane().getByRole("region", { name: "Résultat : « Académie test »" });
  await resultat.waitFor();
  await resultat
    .getByRole("combobox", { name: "Effectif (obligatoire)" })
    .selectOption({ label: "C — Élèves 1A" });
  await runFinished();
  await resultat.getByText("Correspondance corrigée par vous", { exact: false }).waitFor();
  await screenTab("Dotations").click();
  await pane()
    .getByRole("checkbox", { name: /^Académie test/ })
    .waitFor();
  await page.evaluate(() => {
    const { workbook } = (window as unknown as { apercu: Apercu }).apercu;
    workbook.sheets.splice(
      workbook.sheets.findIndex((f) => f.name === "Académie test"),
      1,
    );
    workbook.sheetsChanged();
  });
  await pane()
    .getByRole("checkbox", { name: /^Académie test/ })
    .waitFor({ state: "detached" });
  // Avant : « … perdue pour « Académie test » : feuille renommée ? Refaites-la. », jusqu'à la fin de la session.
  await expect(pane().innerText()).resolves.not.toContain(affiche("perdue pour"));
});
