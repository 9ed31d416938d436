/**
 * The pane's Contrôle gives the alertes of `are controle`, and its Dotations the `colonne-non-lue` of
 * `are dotations`, on the browser preview (the page's own code, built). Seed, 2024-2025: forfait
 * pré-bac 157 €.
 *
 * - regles.md#controle.post-bac-sans-taux: Arago, 24 CAP and 40 BTS, no taux. Before: « 0 erreur,
 *   0 alerte, 0 information » alone; now one alerte counting the 40 pupils and « Aucune erreur dans la
 *   feuille. Attention : 40 élèves post-bac ne seront payés qu'avec le taux de boursiers… ».
 * - regles.md#lecture.colonne-non-lue: « Niveau » and « Type de contrat élève », titles not recognised:
 *   20 CAP of 1re année, scolaires, and 18 CAP of 2e année, apprentis. Dotations pays 38 × 157 =
 *   5 966,00 € (nothing is guessed), now with two alertes that say how to have them read (before: no
 *   alerte); « Niveau » chosen as the year of formation in Contrôle: 20 × 157 = 3 140,00 €, the status
 *   column alone still named.
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

/** Adds a sheet (it becomes the active one) and checks it in Contrôle: the text of its result. */
async function controler(nom: string, values: unknown[][]): Promise<string> {
  await page.evaluate(
    ([n, v]) => (window as unknown as { apercu: Apercu }).apercu.workbook.addUserSheet(n, v),
    [nom, values] as const,
  );
  await screenTab("Contrôle").click();
  await pane().getByRole("button", { name: "Contrôler", exact: true }).click();
  const resultat = pane().getByRole("region", { name: `Résultat : « ${nom} »` });
  await resultat.waitFor();
  await runFinished();
  return resultat.innerText();
}

const nonLue = (titre: string) =>
  affiche(
    `La colonne « ${titre} » n'est pas lue : son titre n'est pas reconnu. Si elle dit l'année dans la formation ou le statut des élèves (apprentis, formation continue), renommez-la (« Année de formation », « Statut ») ou désignez-la dans la correspondance des colonnes de l'écran Contrôle, puis relancez`,
  );

/** « Calculer les dotations » of the sheet « Niveaux » alone, without establishments: the result's text. */
async function dotationsDeNiveaux(): Promise<string> {
  await dotationsDeLaSeule(/^Niveaux/);
  await pane().getByRole("button", { name: "Calculer les dotations" }).click();
  await runFinished();
  const dotations = pane().getByRole("region", { name: /^Dotations 2024\u20112025\s: / });
  await dotations.waitFor();
  // Opened, whatever the previous result left (the details stay open from one result to the next).
  await dotations.locator("details", { hasText: "Constats de la lecture" }).evaluate((d) => {
    (d as HTMLDetailsElement).open = true;
  });
  return dotations.innerText();
}

beforeAll(async () => {
  requireBuild("preview.html");
  ({ server, origin } = await serveDist());
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
  await page.goto(`${origin}/preview.html?latence=0`);
  await pane().getByRole("heading", { name: "Contrôler une feuille d'effectifs" }).waitFor();
  await pane().getByRole("combobox", { name: "Année scolaire" }).selectOption("2024");
});

afterAll(async () => {
  await browser?.close();
  await closeServer(server);
});

test("Contrôle : 24 CAP et 40 BTS sans taux de boursiers, une alerte qui compte les 40 élèves et « Attention » sous le résultat", async () => {
  const texte = await controler("Arago", [
    ["UAI", "Établissement", "Code formation", "Libellé formation", "Effectif"],
    ["0750655E", "Lycée Arago", "50022137", "BOULANGER (CAP)", 24],
    ["0750655E", "Lycée Arago", "32025520", "ELECTROTECHNIQUE (BTS)", 40],
  ]);
  // Avant : « 0 erreur, 0 alerte, 0 information » et rien d'autre.
  expect(texte).toContain(affiche("0 erreur, 1 alerte, 0 information"));
  // Pupils, not boursiers: as `are controle` says it (before, « post-bac 40, » alone).
  expect(texte).toContain(affiche("pré-bac 24, post-bac 40 (avant taux de boursiers), 3e prépa-métiers 0."));
  expect(texte).toContain(
    affiche(
      "Aucune erreur dans la feuille. Attention : 40 élèves post-bac ne seront payés qu'avec le taux de boursiers de leur établissement : donnez-le dans la feuille des établissements de l'écran Dotations ou dans une colonne « Taux de boursiers » de cette feuille.",
    ),
  );
  expect(texte).toContain(
    affiche("Établissement 0750655E : 40 élèves post-bac de 1re année : sans le taux de boursiers"),
  );
});

test("Contrôle puis Dotations : « Niveau » et « Type de contrat élève » non lues, deux alertes ; « Niveau » choisie, 3 140,00 €", async () => {
  const texte = await controler("Niveaux", [
    ["UAI", "Code formation", "Libellé", "Niveau", "Type de contrat élève", "Effectif"],
    ["0750655E", "50022139", "CUISINE (CAP)", 1, "Scolaire", 20],
    ["0750655E", "50022137", "BOULANGER (CAP)", 2, "Apprenti", 18],
  ]);
  // Avant : « 0 erreur, 0 alerte, 0 information ».
  expect(texte).toContain(affiche("0 erreur, 2 alertes, 0 information"));
  expect(texte).toContain(nonLue("Niveau"));
  expect(texte).toContain(nonLue("Type de contrat élève"));
  expect(texte).not.toContain(affiche("Attention :"));

  // Dotations: still 38 × 157 = 5 966,00 € (nothing is guessed), but said by the same two alertes.
  const avant = await dotationsDeNiveaux();
  expect(avant).toContain(affiche("5 966,00 €"));
  expect(avant).toContain(affiche("Constats de la lecture : 0 erreur, 2 alertes, 0 information"));
  expect(avant).toContain(nonLue("Niveau"));
  expect(avant).toContain(nonLue("Type de contrat élève"));

  // « Niveau » chosen in Contrôle as the year of formation: its alerte goes, the status one stays.
  await screenTab("Contrôle").click();
  const resultat = pane().getByRole("region", { name: "Résultat : « Niveaux »" });
  await resultat.getByText("Colonnes : en-tête").click();
  await resultat.getByText("Autres champs", { exact: false }).click();
  await resultat.getByRole("combobox", { name: "Année de formation" }).selectOption({ label: "D — Niveau" });
  await runFinished();
  await resultat.getByText("Correspondance corrigée par vous", { exact: false }).waitFor();
  const corrige = await resultat.innerText();
  expect(corrige).toContain(affiche("0 erreur, 1 alerte, 1 information"));
  expect(corrige).not.toContain(nonLue("Niveau"));
  expect(corrige).toContain(nonLue("Type de contrat élève"));

  // The 18 BOULANGER of 2e année are no longer paid: 20 × 157 = 3 140,00 €.
  const apres = await dotationsDeNiveaux();
  expect(apres).toContain(affiche("3 140,00 €"));
  expect(apres).not.toContain(affiche("5 966,00 €"));
  expect(apres).not.toContain(nonLue("Niveau"));
  expect(apres).toContain(nonLue("Type de contrat élève"));
});

// Bilan, step 1, on « Niveaux » with the correction above: before, the template read the sheet without
// Contrôle's mapping and listed BOULANGER (18 apprentis of 2e année) beside CUISINE, with no alerte;
// now « Niveau » is read as there, BOULANGER is set aside, and the unread status column is named.
test("Bilan, étape 1 : le modèle lit « Niveaux » avec la correspondance de Contrôle — 1 formation (CUISINE), l'alerte du statut", async () => {
  await screenTab("Bilan").click();
  await pane().getByRole("heading", { name: "Bilan de fin d'année" }).waitFor();
  const feuilles = pane().getByRole("group", {
    name: "Feuilles d'effectifs (formations de l'établissement)",
  });
  await feuilles.getByRole("checkbox", { name: /^Niveaux/ }).waitFor();
  for (const feuille of await feuilles.getByRole("checkbox").all()) await feuille.uncheck();
  await feuilles.getByRole("checkbox", { name: /^Niveaux/ }).check();
  await pane().getByRole("textbox", { name: "UAI de l'établissement" }).fill("0750655E");
  await pane().getByRole("combobox", { name: "Année scolaire" }).selectOption("2024");
  await pane()
    .getByRole("combobox", { name: "Feuille des dotations (facultative)" })
    .selectOption({ label: "(aucune)" });
  await pane().getByRole("button", { name: "Préparer le modèle de bilan" }).click();
  await runFinished();
  const resultat = pane().getByRole("region", { name: /^Modèle de bilan 2024\u20112025\s: 0750655E/ });
  await resultat.waitFor();
  const texte = await resultat.innerText();
  expect(texte).toContain(affiche("1 formation éligible (pré-bac 1, post-bac 0)"));
  expect(texte).toContain(nonLue("Type de contrat élève"));
  expect(texte).not.toContain(nonLue("Niveau"));
});
