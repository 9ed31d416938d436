import { Parametres } from "../../src/rules";
import { MemoryWorkbook } from "../../src/workbook/memory";
import type { CellValue } from "../../src/workbook/port";
import { calculerDotations, ecrireDotations } from "../../src/workflows";
import { CRETEIL, ETABLISSEMENTS, PARIS, copie } from "./classeur";

const parametres = Parametres.embarques();

async function run(classeur: MemoryWorkbook) {
  const resultat = await calculerDotations(classeur, {
    feuillesEffectifs: ["Paris", "Créteil"],
    feuilleEtablissements: "Établissements",
    annee: 2024,
    parametres,
  });
  return { resultat, noms: await ecrireDotations(classeur, resultat) };
}

const utilisateur = () => ({
  Paris: copie(PARIS),
  Créteil: copie(CRETEIL),
  Établissements: copie(ETABLISSEMENTS),
});

describe("Feuilles écrites : « Dotations ARE 2024-2025 » et « Constats ARE 2024-2025 »", () => {
  test("une ligne par établissement, montants arrondis au centime, ligne de totaux calculée à la main", async () => {
    const classeur = new MemoryWorkbook(utilisateur());
    const { noms } = await run(classeur);
    expect(noms).toEqual({ dotations: "Dotations ARE 2024-2025", constats: "Constats ARE 2024-2025" });
    const sortie = classeur.sheet(noms.dotations)!.output!;
    const colonne = (nom: string) => sortie.columns.findIndex((c) => c.header === nom);
    expect(sortie.rows.map((r) => r[0])).toEqual([
      "0750654D",
      "0750655E",
      "0771234Y",
      "0930122C",
      "0941234F",
    ]);

    const arago = sortie.rows[1];
    expect(arago[colonne("Établissement")]).toBe("Lycée Arago");
    expect(arago[colonne("A répondu à l'enquête")]).toBe("oui");
    expect(arago[colonne("Taux de boursiers")]).toBe(0.35);
    expect(arago[colonne("Boursiers retenus")]).toBe(14);
    expect(arago[colonne("Dotation pré-bac")]).toBe(8478);
    expect(arago[colonne("Reliquat pré-bac")]).toBe(1200.5);
    expect(arago[colonne("Dotation nette pré-bac")]).toBe(7949.5);
    expect(arago[colonne("Dotation nette totale")]).toBe(10147.5);
    expect(String(arago[colonne("Explication")])).toContain(
      "Pré-bac : 54 élèves × 157\u00a0€ = 8\u202f478,00\u00a0€",
    );

    const melun = sortie.rows[2];
    expect(melun[colonne("Dotation post-bac")]).toBeNull();
    expect(String(melun[colonne("Motifs")])).toContain("Taux de boursiers manquant");

    const totaux = sortie.totals!;
    expect(totaux[0]).toBe("Total");
    expect(totaux[colonne("Effectif pré-bac")]).toBe(54 + 28 + 18 + 15);
    expect(totaux[colonne("Dotation nette pré-bac")]).toBe(10304.5);
    expect(totaux[colonne("Dotation nette post-bac")]).toBe(3353.5);
    expect(totaux[colonne("Dotation nette totale")]).toBe(13658);
    expect(totaux[colonne("Reliquat pré-bac")]).toBe(21700.5);
  });

  test("les colonnes venues des données collées sont au format texte, les montants en euros", async () => {
    const classeur = new MemoryWorkbook(utilisateur());
    const { noms } = await run(classeur);
    const formats = Object.fromEntries(
      classeur.sheet(noms.dotations)!.output!.columns.map((c) => [c.header, c.format]),
    );
    expect(formats).toMatchObject({
      UAI: "text",
      Établissement: "text",
      Motifs: "text",
      Explication: "text",
      "Dotation nette totale": "euros",
      "Effectif pré-bac": "integer",
      "Taux de boursiers": "percent",
    });
    const constats = classeur.sheet(noms.constats)!.output!;
    expect(constats.columns.filter((c) => c.header !== "Ligne").every((c) => c.format === "text")).toBe(true);
  });

  test("en-tête de la feuille : l'année, les forfaits avec leur référence, les feuilles lues, la feuille des constats", async () => {
    const classeur = new MemoryWorkbook(utilisateur());
    const { noms } = await run(classeur);
    const heading = classeur.sheet(noms.dotations)!.output!.heading;
    expect(heading[0]).toContain("Dotations ARE 2024-2025");
    expect(heading).toContain(
      "Forfait Pré-bac 2024-2025 : 157\u00a0€ (Région Île-de-France, page « Dotation budgétaire »)",
    );
    expect(heading).toContain(
      "Forfait 3e prépa-métiers 2024-2025 : 56\u00a0€ (Région Île-de-France, page « Dotation budgétaire »)",
    );
    expect(heading).toContain("Feuilles lues : « Établissements », « Paris », « Créteil »");
    expect(heading.join("\n")).toContain("« Constats ARE 2024-2025 »");
  });

  test("les constats sont triés erreurs, alertes puis infos, avec ligne et colonne", async () => {
    const classeur = new MemoryWorkbook(utilisateur());
    const { noms, resultat } = await run(classeur);
    const rows = classeur.sheet(noms.constats)!.output!.rows;
    expect(rows).toHaveLength(resultat.constats.length);
    const gravites = rows.map((r) => r[0]);
    expect(gravites).toEqual(
      [...gravites].sort(
        (a, b) =>
          ["erreur", "alerte", "info"].indexOf(String(a)) - ["erreur", "alerte", "info"].indexOf(String(b)),
      ),
    );
    expect(rows).toContainEqual([
      "erreur",
      "code-mef",
      "Créteil",
      6,
      "C",
      expect.stringContaining("code MEF"),
    ]);
  });

  test("relancer remplace les feuilles du complément, jamais une feuille de l'utilisateur du même nom", async () => {
    const sienne: CellValue[][] = [["Mes notes"], ["ne pas toucher"]];
    const classeur = new MemoryWorkbook({ ...utilisateur(), "Dotations ARE 2024-2025": copie(sienne) });
    const avant = copie(classeur.sheets.map((s) => ({ name: s.name, values: s.values })));
    const premier = await run(classeur);
    expect(premier.noms.dotations).toBe("Dotations ARE 2024-2025 (2)");
    const nombre = classeur.sheets.length;
    const second = await run(classeur);
    expect(second.noms).toEqual(premier.noms);
    expect(classeur.sheets).toHaveLength(nombre);
    // The user's sheets, including the one bearing the output's name, are unchanged.
    const apres = classeur.sheets.filter((s) => !s.owned).map((s) => ({ name: s.name, values: s.values }));
    expect(apres).toEqual(avant);
  });
});
