/**
 * The Demande and Bilan screens in the preview (issue 6), driven as a gestionnaire would, in the page
 * and browser of volet.test.ts (one Chromium for the whole file). What they show and write is checked
 * against the same workflows run in Node on the preview's own workbook (dist/exemples-apercu.json) and
 * against figures computed by hand (157 € and 56 € in 2024-2025; the cycle of examples/bilans/README.md).
 */
import fs from "fs";
import path from "path";
import type { Locator, Page } from "playwright-core";
import { Decimal, ENVELOPPES, TYPES_EQUIPEMENT, formaterDecimal, Parametres } from "../../src/rules";
import type { Constat } from "../../src/sheet/constats";
import { MemoryWorkbook } from "../../src/workbook/memory";
import type { CellValue, OutputSheet } from "../../src/workbook/port";
import {
  calculerDotations,
  controlerBilan,
  ecrireDotations,
  feuilleModeleBilan,
  preparerDemandeComplementaire,
  preparerModeleBilan,
  reporterReliquats,
  resumeEnveloppe,
  type ResultatControleBilan,
  type ResultatDemande,
} from "../../src/workflows";
import type { DotationsJson } from "../../src/cli/json";
import { DIST, affiche, screenshot, seriousViolations } from "./harness";

/** What volet.test.ts shares with these tests: its page and the way it reads the pane. */
export interface Volet {
  page(): Page;
  pane(): Locator;
  sheetTab(name: string): Locator;
  screenTab(name: string): Locator;
  /** `are dotations … --annee 2024 --json` on the three rectorats and the establishments. */
  cliJson(): DotationsJson;
  shownCounts(scope: Locator): Promise<{ erreur: number; alerte: number; info: number }>;
}

type OutputLu = Pick<OutputSheet, "heading" | "fields" | "columns" | "rows" | "totals">;

/** A sheet of the preview's workbook as written (its OutputSheet), read in the page. */
function ecrite(page: Page, name: string): Promise<OutputLu | null> {
  return page.evaluate(
    (n) =>
      (
        window as unknown as { apercu: { workbook: { sheet(n: string): { output?: OutputLu } | undefined } } }
      ).apercu.workbook.sheet(n)?.output ?? null,
    name,
  );
}

function countsOf(constats: readonly Constat[]) {
  const n = { erreur: 0, alerte: 0, info: 0 };
  for (const c of constats) n[c.gravite]++;
  return n;
}

/** « 1 093,56 », as the pane shows amounts (its headers say « (€) »). */
const euros = (n: number | string | Decimal) => formaterDecimal(new Decimal(n), 2);

/** Hand computation on exact decimals: a + b − c. */
const reste = (a: string, b: string, c: string) => new Decimal(a).plus(b).minus(c);

/** Waits until a select shows `value` (a screen may set it after a render). */
export async function attendreValeur(select: Locator, value: string): Promise<void> {
  for (let i = 0; i < 50 && (await select.inputValue()) !== value; i++)
    await select.page().waitForTimeout(50);
  expect(await select.inputValue()).toBe(value);
}

export function decrireDemandeEtBilan(v: Volet): void {
  /** The preview's workbook in Node, where the Dotations screen's sheet is written as the pane did. */
  let classeur: MemoryWorkbook;
  let demande: ResultatDemande;
  let bilanACorriger: ResultatControleBilan;

  beforeAll(async () => {
    const json = JSON.parse(fs.readFileSync(path.join(DIST, "exemples-apercu.json"), "utf8")) as {
      sheets: { name: string; values: CellValue[][] }[];
    };
    classeur = new MemoryWorkbook(Object.fromEntries(json.sheets.map((s) => [s.name, s.values])));
    const parametres = Parametres.embarques();
    await ecrireDotations(
      classeur,
      await calculerDotations(classeur, {
        feuillesEffectifs: ["Paris", "Créteil", "Versailles"],
        feuilleEtablissements: "Établissements",
        annee: 2024,
        parametres,
      }),
    );
    demande = await preparerDemandeComplementaire(classeur, "Demande complémentaire", {
      annee: 2024,
      parametres,
    });
    bilanACorriger = await controlerBilan(classeur, "Bilan 0781234T à corriger", { annee: 2024 });
  });

  test("Demande 2024-2025 sur la feuille active : 4 × 157 + 3 × 56 = 796,00 € pré-bac, 2 × 157 = 314,00 € post-bac, 1 110,00 € — comme preparerDemandeComplementaire en Node", async () => {
    const page = v.page();
    await v.screenTab("Demande").click();
    await v.pane().getByRole("heading", { name: "Demander une dotation complémentaire" }).waitFor();
    await expect(
      v.pane().getByRole("combobox", { name: "Feuille des élèves supplémentaires" }).inputValue(),
    ).resolves.toBe("");
    await v.sheetTab("Demande complémentaire").click();
    await v.pane().getByRole("combobox", { name: "Année scolaire" }).selectOption("2024");
    await v.pane().getByRole("button", { name: "Calculer la demande" }).click();
    const resultat = v.pane().getByRole("region", { name: /^Demande 2024\u20112025\s: 0751234J/ });
    await resultat.waitFor();

    const table = resultat.getByRole("table", { name: "Montants demandés par formation" });
    const ligne = (debut: string) => table.getByRole("row", { name: new RegExp(`^${debut}`) }).innerText();
    // By hand (forfaits 2024-2025: 157 € pré-bac and post-bac, 56 € 3ème prépa-métiers).
    const preBac = 4 * 157 + 3 * 56;
    const postBac = 2 * 157;
    await expect(ligne("50022137 BOULANGER")).resolves.toMatch(new RegExp(`4 × 157\\s€\\s+${euros(628)}$`));
    await expect(ligne("Sous-total pré-bac")).resolves.toMatch(new RegExp(`7 élèves\\s+${euros(preBac)}$`));
    await expect(ligne("Sous-total post-bac")).resolves.toMatch(
      new RegExp(`2 boursiers\\s+${euros(postBac)}$`),
    );
    await expect(ligne("Total demandé")).resolves.toContain(euros(preBac + postBac));
    // The same figures as the workflow in Node.
    await expect(ligne("Total demandé")).resolves.toContain(euros(demande.totaux.total!));
    await expect(ligne("Sous-total pré-bac")).resolves.toContain(euros(demande.totaux.preBac!));
    await expect(
      v.shownCounts(v.pane().getByRole("region", { name: "Lignes refusées et constats" })),
    ).resolves.toEqual(countsOf(demande.constats));

    // The ST2S row is refused with its motif; clicking the finding selects its cell.
    const refus = demande.constats.find((c) => c.code === "demande-non-eligible")!;
    await v
      .pane()
      .getByRole("button", {
        name: new RegExp(`^Demande complémentaire, ligne ${refus.ligne}, colonne ${refus.colonne}`),
      })
      .click();
    await expect(page.locator("td[data-selectionnee]").getAttribute("data-cellule")).resolves.toBe(
      `${refus.colonne}${refus.ligne}`,
    );
    await expect(resultat.innerText()).resolves.toContain("ST2S");

    await resultat
      .getByRole("button", { name: affiche("Écrire la demande « Demande compl. ARE 2024-2025 »") })
      .click();
    await resultat.getByText(affiche("Feuille « Demande compl. ARE 2024-2025 » écrite")).waitFor();
    const ecriteDemande = await ecrite(page, "Demande compl. ARE 2024-2025");
    expect(ecriteDemande!.totals![7]).toBe(preBac + postBac);
    expect(ecriteDemande!.rows.length).toBe(3 + 2); // three formations, two subtotals
    await expect(v.sheetTab("Constats demande 2024-2025").count()).resolves.toBe(1);
    await expect(seriousViolations(page, "#volet")).resolves.toEqual([]);
    await screenshot(page, "demande", resultat);
  });

  test("Bilan, étape 1 : le modèle d'un établissement de Paris, choisi dans la liste, reprend ses dotations 2024-2025 (feuille suggérée) — la feuille écrite est celle de preparerModeleBilan en Node", async () => {
    const page = v.page();
    const pane = v.pane();
    await v.screenTab("Bilan").click();
    await pane.getByRole("heading", { name: "Bilan de fin d'année" }).waitFor();
    await pane.getByRole("checkbox", { name: "Paris (effectifs reconnus)" }).waitFor();
    for (const name of ["Paris", "Créteil", "Versailles"])
      await expect(pane.getByRole("checkbox", { name: new RegExp(`^${name}`) }).isChecked()).resolves.toBe(
        true,
      );
    // Bilans and the request are not effectif sheets (their code and effectif columns notwithstanding).
    for (const name of ["Bilan 0751234J", "Demande complémentaire"])
      await expect(pane.getByRole("checkbox", { name }).isChecked()).resolves.toBe(false);
    await pane.getByRole("combobox", { name: "Année scolaire" }).selectOption("2024");
    await expect(
      pane.getByRole("combobox", { name: "Feuille des dotations (facultative)" }).inputValue(),
    ).resolves.toBe("Dotations ARE 2024-2025");

    // An establishment with reliquats deducted and both envelopes (from the CLI's JSON).
    const e = v
      .cliJson()
      .etablissements.find(
        (x) => Number(x.reliquats.preBac) > 0 && Number(x.dotationNette.postBac) > 0 && x.motifs.length === 0,
      )!;
    await pane.getByRole("button", { name: "Lister les établissements de ces feuilles" }).click();
    const liste = pane.getByRole("combobox", { name: "Établissement des feuilles d'effectifs" });
    await liste.waitFor();
    await liste.selectOption(e.uai);
    await expect(pane.getByRole("textbox", { name: "UAI de l'établissement" }).inputValue()).resolves.toBe(
      e.uai,
    );
    await expect(
      pane.getByRole("textbox", { name: "Nom de l'établissement (facultatif)" }).inputValue(),
    ).resolves.toBe(e.nom);
    await pane.getByRole("button", { name: "Préparer le modèle de bilan" }).click();
    const resultat = pane.getByRole("region", {
      name: affiche(`Modèle de bilan 2024-2025 : ${e.uai} — ${e.nom}`),
    });
    await resultat.waitFor();
    const nom = `Bilan ARE ${e.uai} 2024-2025`;
    await resultat.getByText(affiche(`Feuille « ${nom} » écrite`)).waitFor();
    await expect(v.sheetTab(nom).getAttribute("aria-pressed")).resolves.toBe("true");

    const attendu = feuilleModeleBilan(
      await preparerModeleBilan(classeur, {
        uai: e.uai,
        annee: 2024,
        feuillesEffectifs: ["Paris", "Créteil", "Versailles"],
        feuilleDotations: "Dotations ARE 2024-2025",
        nom: e.nom,
      }),
    );
    const modele = (await ecrite(page, nom))!;
    expect(JSON.parse(JSON.stringify(modele))).toEqual(JSON.parse(JSON.stringify(attendu)));
    // The amounts received are the dotations nettes of the CLI, the reliquats those it deducted.
    const champ = (debut: string) => modele.fields!.find((f) => f.label.startsWith(debut))!.value;
    expect(champ("Dotation reçue pré-bac")).toBe(Number(e.dotationNette.preBac));
    expect(champ("Dotation reçue post-bac")).toBe(Number(e.dotationNette.postBac));
    expect(champ("Reliquat antérieur pré-bac")).toBe(Number(e.reliquats.preBac));
    expect(modele.rows.length).toBeGreaterThan(0);
    expect(modele.columns.find((c) => c.header === "Type d'équipement")!.choices).toEqual([
      ...TYPES_EQUIPEMENT,
    ]);
    await expect(resultat.innerText()).resolves.toContain(
      affiche(`Dotation reçue pré-bac : ${euros(Number(e.dotationNette.preBac))} €`),
    );
  });

  test("Bilan, étape 2 : le bilan à corriger (feuille active) — constats par gravité et reliquats égaux à controlerBilan en Node ; aucune ligne retenue, et tant que ses achats en erreur ne sont pas corrigés, aucun reliquat calculé (issue 11 : pas 2 467,60 + 250,40 = 2 718,00 €)", async () => {
    const page = v.page();
    const pane = v.pane();
    await etape(pane, "Contrôle");
    await v.sheetTab("Bilan 0781234T à corriger").click();
    await pane.getByRole("button", { name: "Contrôler le bilan" }).click();
    const resultat = pane.getByRole("region", { name: /^Bilan «\sBilan 0781234T à corriger\s»\s: 0781234T/ });
    await resultat.waitFor();

    await expect(v.shownCounts(pane.getByRole("region", { name: "Constats" }))).resolves.toEqual(
      countsOf(bilanACorriger.constats),
    );
    const enveloppes = resultat.getByRole("table", { name: "Enveloppes du bilan" });
    const preBac = await enveloppes.getByRole("row", { name: /^Pré-bac/ }).innerText();
    const postBac = await enveloppes.getByRole("row", { name: /^Post-bac/ }).innerText();
    // Every purchase is in erreur (the BTSA charged to pré-bac concerns both envelopes): nothing
    // retained, and neither reliquat is computed — the pane shows no figure, as controlerBilan.
    expect(bilanACorriger.enveloppes.preBac.solde).toBeNull();
    expect(bilanACorriger.enveloppes.postBac.solde).toBeNull();
    expect(preBac).toMatch(new RegExp(`—\\s+${euros(0)}\\s+non calculé$`));
    expect(postBac).toMatch(new RegExp(`—\\s+${euros(0)}\\s+non calculé$`));
    const explication = resultat.getByRole("list", { name: "Explication des reliquats" });
    for (const nom of ENVELOPPES)
      await expect(explication.innerText()).resolves.toContain(
        affiche(resumeEnveloppe(nom, bilanACorriger.enveloppes[nom])),
      );

    // A finding selects its cell: the amount typed as text.
    const texte = bilanACorriger.constats.find((c) => c.code === "montant-illisible")!;
    await resultat
      .getByRole("button", {
        name: new RegExp(`^Bilan 0781234T à corriger, ligne ${texte.ligne}, colonne ${texte.colonne}`),
      })
      .click();
    await expect(page.locator("td[data-selectionnee]").getAttribute("data-cellule")).resolves.toBe(
      `${texte.colonne}${texte.ligne}`,
    );
    await resultat.getByRole("button", { name: "Écrire la feuille « Contrôle bilan 0781234T »" }).click();
    await resultat.getByText("Feuille « Contrôle bilan 0781234T » écrite").waitFor();
    expect((await ecrite(page, "Contrôle bilan 0781234T"))!.rows.length).toBe(bilanACorriger.constats.length);
    await expect(seriousViolations(page, "#volet")).resolves.toEqual([]);
  });

  test("Bilan, étape 2 : un bilan bien rempli choisi dans la liste — reliquats 10 776,00 − 10 050,00 = 726,00 € et 1 359,00 − 1 200,00 = 159,00 €", async () => {
    const pane = v.pane();
    await pane.getByRole("combobox", { name: "Bilan à contrôler" }).selectOption("Bilan 0751234J");
    await pane.getByRole("button", { name: "Contrôler le bilan" }).click();
    const resultat = pane.getByRole("region", { name: /^Bilan «\sBilan 0751234J\s»\s: 0751234J/ });
    await resultat.waitFor();
    const enveloppes = resultat.getByRole("table", { name: "Enveloppes du bilan" });
    await expect(enveloppes.getByRole("row", { name: /^Pré-bac/ }).innerText()).resolves.toMatch(
      new RegExp(`${euros(10776)}\\s+${euros(10050)}\\s+${euros(10776 - 10050)}$`),
    );
    await expect(enveloppes.getByRole("row", { name: /^Post-bac/ }).innerText()).resolves.toMatch(
      new RegExp(`${euros(1359)}\\s+${euros(1200)}\\s+${euros(1359 - 1200)}$`),
    );
    const node = await controlerBilan(classeur, "Bilan 0751234J", { annee: 2024 });
    await expect(v.shownCounts(pane.getByRole("region", { name: "Constats" }))).resolves.toEqual(
      countsOf(node.constats),
    );
    // No « Dotations ARE 2023-2024 » in the workbook (only 2024-2025's): said once, with how to check it.
    await expect(resultat.innerText()).resolves.toContain(
      affiche("« Dotation reçue » non vérifiée : pour la comparer à ce qui a été versé"),
    );
    await screenshot(v.page(), "bilan", resultat);
  });

  test("Bilan, étape 3 : les reliquats des trois bilans complètent « Établissements 2023-2024 » (suggérée) dans « Établissements ARE 2024-2025 », que l'écran Dotations suggère ensuite pour 2024-2025", async () => {
    const page = v.page();
    const pane = v.pane();
    await etape(pane, "Reliquats");
    const bilans = pane.getByRole("group", { name: "Bilans remplis (un par établissement)" });
    // Every bilan is ticked, the template of step 1 (the add-in's, 2024-2025) included: keep the three of 2023-2024.
    await expect(bilans.getByRole("checkbox").count()).resolves.toBe(5);
    await bilans.getByRole("checkbox", { name: "Bilan 0781234T à corriger" }).uncheck();
    await bilans.getByRole("checkbox", { name: /^Bilan ARE / }).uncheck();
    const annee = pane.getByRole("combobox", { name: "Année scolaire" });
    await attendreValeur(annee, "2023");
    await expect(
      pane
        .getByRole("combobox", { name: "Feuille des établissements à compléter (facultative)" })
        .inputValue(),
    ).resolves.toBe("Établissements 2023-2024");
    await pane.getByRole("button", { name: "Reporter les reliquats" }).click();
    const resultat = pane.getByRole("region", {
      name: affiche("Reliquats 2023-2024 reportés sur 2024-2025"),
    });
    await resultat.waitFor();
    await resultat
      .getByText(affiche("Feuille « Établissements ARE 2024-2025 » écrite : 3 établissements repris"))
      .waitFor();

    const node = await reporterReliquats(classeur, {
      feuillesBilans: ["Bilan 0751234J", "Bilan 0931234L", "Bilan 0781234T"],
      feuilleEtablissements: "Établissements 2023-2024",
      annee: 2023,
    });
    const feuille = (await ecrite(page, "Établissements ARE 2024-2025"))!;
    expect(JSON.parse(JSON.stringify(feuille.rows))).toEqual(JSON.parse(JSON.stringify(node.sortie.rows)));
    // By hand (examples/bilans/README.md): reliquat = dotation reçue + reliquat antérieur − achats.
    const colonne = (titre: string) => feuille.columns.findIndex((c) => c.header === titre);
    const reliquats = Object.fromEntries(
      feuille.rows.map((r) => [r[0], [r[colonne("Reliquat pré-bac")], r[colonne("Reliquat post-bac")]]]),
    );
    const nombres = (...d: Decimal[]) => d.map((x) => x.toNumber());
    expect(reliquats).toEqual({
      "0751234J": nombres(reste("10776", "0", "10050"), reste("1359", "0", "1200")),
      "0931234L": nombres(reste("5644", "1000", "5550.44"), reste("1812", "0", "1700.10")),
      "0781234T": nombres(reste("2467.60", "250.40", "100"), reste("806", "100", "906")),
    });
    const table = resultat.getByRole("table", { name: "Reliquats reportés" });
    await expect(table.getByRole("row", { name: /^0931234L/ }).innerText()).resolves.toMatch(
      new RegExp(`${euros("1093.56")}\\s+${euros("111.90")}$`),
    );
    await expect(seriousViolations(page, "#volet")).resolves.toEqual([]);

    // The next dotation (issue 12, point 6): the 3-row sheet just written is offered with its size and
    // year, but the establishments sheet covering them all is suggested for 2024-2025.
    await resultat.getByRole("button", { name: "Ouvrir Dotations" }).click();
    await expect(v.screenTab("Dotations").getAttribute("aria-selected")).resolves.toBe("true");
    await pane.getByRole("button", { name: "Actualiser la liste des feuilles" }).click();
    await pane.getByRole("combobox", { name: "Année scolaire" }).selectOption("2024");
    const etablissements = pane.getByRole("combobox", { name: "Feuille des établissements (facultative)" });
    await attendreValeur(etablissements, "Établissements");
    // The sheets' sizes are read after the list is shown: wait for them (a faster page reads the options
    // before they are labelled), then the list no longer changes under the choice made below.
    await etablissements
      .locator("option", { hasText: affiche("Établissements ARE 2024-2025 — 3 établissements, 2024-2025") })
      .waitFor({ state: "attached" });
    const options = await etablissements.locator("option").allInnerTexts();
    expect(options).toContain(affiche("Établissements ARE 2024-2025 — 3 établissements, 2024-2025"));
    expect(options.find((o) => o.startsWith("Établissements —"))).toMatch(
      /^Établissements — \d{2} établissements$/,
    );
    // Chosen anyway, the dotation says it covers few of the effectif sheets' establishments.
    await etablissements.selectOption("Établissements ARE 2024-2025");
    const ecrire = pane.getByRole("checkbox", { name: /^Écrire les feuilles/ });
    await ecrire.uncheck();
    await pane.getByRole("button", { name: "Calculer les dotations" }).click();
    const incomplete = pane.getByRole("status").filter({ hasText: "Feuille des établissements incomplète" });
    await incomplete.waitFor();
    await expect(incomplete.innerText()).resolves.toMatch(
      /«\sÉtablissements ARE 2024\u20112025\s» ne couvre pas \d+ établissements des \d+ établissements des feuilles d'effectifs/,
    );
    await ecrire.check();
    // « Actualiser » suggests anew: the sheet follows the year again.
    await pane.getByRole("button", { name: "Actualiser la liste des feuilles" }).click();
    await attendreValeur(etablissements, "Établissements");
    await pane.getByRole("combobox", { name: "Année scolaire" }).selectOption("2023");
    await attendreValeur(etablissements, "Établissements 2023-2024");
    for (const name of ["Bilan 0751234J", "Demande complémentaire", "Établissements 2023-2024"])
      await expect(pane.getByRole("checkbox", { name: affiche(name) }).isChecked()).resolves.toBe(false);
  });

  test("Bilan, étape 2 : « Dotations ARE 2023-2024 » collée donne 1 077,60 € versés à la Bièvre, dont le bilan dit 10 776,00 € — alerte, écart de 10 776 − 1 077,60 = 9 698,40 €", async () => {
    const page = v.page();
    const pane = v.pane();
    await page.evaluate(() =>
      (
        window as unknown as {
          apercu: { workbook: { addUserSheet(name: string, values: unknown[][]): string } };
        }
      ).apercu.workbook.addUserSheet("Dotations ARE 2023-2024", [
        ["UAI", "Établissement", "Dotation nette pré-bac", "Dotation nette post-bac"],
        ["0751234J", "Lycée des métiers de la Bièvre", 1077.6, 1359],
        // The two others as their bilans say (examples/bilans/README.md): no alerte for them at step 3.
        ["0931234L", "Lycée Simone-Veil", 5644, 1812],
        ["0781234T", "Lycée agricole du Vexin", 2467.6, 806],
      ]),
    );
    await v.screenTab("Bilan").click();
    await etape(pane, "Contrôle");
    const source = pane.getByRole("combobox", { name: "Bilan à contrôler" });
    // The pane's list of sheets follows the workbook: the new sheet is offered once it is read.
    await source
      .locator("option", { hasText: affiche("Dotations ARE 2023-2024") })
      .waitFor({ state: "attached" });
    await source.selectOption("Bilan 0751234J");
    await pane.getByRole("button", { name: "Contrôler le bilan" }).click();
    const resultat = pane.getByRole("region", { name: /^Bilan «\sBilan 0751234J\s»\s: 0751234J/ });
    await resultat
      .getByText(affiche("« Dotation reçue » comparée à la feuille « Dotations ARE 2023-2024 »."))
      .waitFor();
    const alerte = resultat.getByRole("button", { name: /^Bilan 0751234J, ligne 10, colonne B/ });
    await expect(alerte.innerText()).resolves.toContain(
      affiche(
        "Dotation reçue pré-bac du bilan : 10 776,00 €, alors que « Dotations ARE 2023-2024 » (ligne 2) donne 1 077,60 € versés à 0751234J : écart de 9 698,40 €.",
      ),
    );
    await expect(v.shownCounts(pane.getByRole("region", { name: "Constats" }))).resolves.toEqual({
      erreur: 0,
      alerte: 1,
      info: 0,
    });
    await alerte.click();
    await expect(page.locator("td[data-selectionnee]").getAttribute("data-cellule")).resolves.toBe("B10");
  });

  test("Bilan, étape 3 : les reliquats 2023-2024 avec « Dotations ARE 2023-2024 » — la même alerte pour la Bièvre (écart de 9 698,40 €), dans les constats et l'origine de ses reliquats, pris tels qu'écrits (726,00 €)", async () => {
    const page = v.page();
    const pane = v.pane();
    await etape(pane, "Reliquats");
    const bilans = pane.getByRole("group", { name: "Bilans remplis (un par établissement)" });
    await bilans.getByRole("checkbox", { name: "Bilan 0781234T à corriger" }).uncheck();
    await bilans.getByRole("checkbox", { name: /^Bilan ARE / }).uncheck();
    await attendreValeur(pane.getByRole("combobox", { name: "Année scolaire" }), "2023");
    await pane.getByRole("button", { name: "Reporter les reliquats" }).click();
    const resultat = pane.getByRole("region", {
      name: affiche("Reliquats 2023-2024 reportés sur 2024-2025"),
    });
    await resultat
      .getByText(affiche("« Dotation reçue » comparée à la feuille « Dotations ARE 2023-2024 »."))
      .waitFor();
    const ecart = affiche("versés à 0751234J : écart de 9 698,40 €.");
    await expect(
      resultat.getByRole("button", { name: /^Bilan 0751234J, ligne 10, colonne B/ }).innerText(),
    ).resolves.toContain(ecart);
    // Simone-Veil and the Vexin as paid: no other alerte about the dotation reçue.
    await expect(resultat.innerText()).resolves.not.toContain("0931234L : écart");
    await expect(resultat.innerText()).resolves.not.toContain("ne figure pas dans");
    const feuille = (await ecrite(page, "Établissements ARE 2024-2025"))!;
    const bievre = feuille.rows.find((r) => r[0] === "0751234J")!;
    const texte = (cellule: unknown) => String(cellule).replace(/[\u00a0\u202f]/g, " ");
    expect(
      bievre.some((cellule) => texte(cellule).includes("versés à 0751234J : écart de 9 698,40 €.")),
    ).toBe(true);
    // 10 776,00 − 10 050,00 = 726,00 €: the bilan taken as written, the alerte says to check it.
    expect(bievre[feuille.columns.findIndex((c) => c.header === "Reliquat pré-bac")]).toBe(726);
  });
}

/** Goes to a step of the Bilan screen with its stepper (issue 12, point 16), and checks it is marked as current. */
async function etape(pane: Locator, nom: string): Promise<void> {
  const bouton = pane
    .getByRole("navigation", { name: "Étapes du bilan" })
    .getByRole("button", { name: nom, exact: true });
  await bouton.click();
  await expect(bouton.getAttribute("aria-current")).resolves.toBe("step");
}
