import { Parametres } from "../../src/rules";
import { forfaitsEnVigueur } from "../../src/taskpane/forfaitsEnVigueur";

describe("Forfaits en vigueur affichés par le volet", () => {
  test("en 2026-2027 : 2023-2024 à 2026-2027, montants publiés avec leur texte, années non résolues expliquées", () => {
    const lignes = forfaitsEnVigueur(Parametres.embarques(), 2026);
    expect(lignes.map((l) => l.libelle)).toEqual(["2023-2024", "2024-2025", "2025-2026", "2026-2027"]);
    expect(lignes[3].enCours).toBe(true);

    expect(lignes[0].cases.PRE_BAC).toEqual({
      connu: true,
      montant: "151\u00a0€",
      reference: "arrêté n° 2023-087",
      indexe: false,
    });
    expect(lignes[0].cases.PREPA_METIERS).toMatchObject({ montant: "54\u00a0€" });
    expect(lignes[0].cases.CPGE).toMatchObject({ montant: "308\u00a0€" });
    expect(lignes[1].cases.POST_BAC).toMatchObject({
      montant: "157\u00a0€",
      reference: "Région Île-de-France, page « Dotation budgétaire »",
    });
    expect(lignes[1].cases.PREPA_METIERS).toMatchObject({ montant: "56\u00a0€" });
    expect(lignes[2].cases.CPGE).toMatchObject({ montant: "323\u00a0€" });

    const preBac2025 = lignes[2].cases.PRE_BAC;
    expect(preBac2025.connu).toBe(false);
    if (!preBac2025.connu) expect(preBac2025.raison).toMatch(/il manque IPC décembre 2024/);
  });

  test("un forfait indexé par l'IPC saisi est marqué comme tel", () => {
    const parametres = Parametres.avec({ ipc: [{ mois: "2024-12", base: 2015, valeur: "120.00" }] });
    const [, , annee2025] = forfaitsEnVigueur(parametres, 2025);
    // 120,00 / 118,38 − 1 → 1,37 % ; 157 × 1,0137 = 159,15 → 159 €.
    expect(annee2025.cases.PRE_BAC).toMatchObject({ connu: true, montant: "159\u00a0€", indexe: true });
    expect(annee2025.cases.CPGE).toMatchObject({ montant: "323\u00a0€", indexe: false });
  });

  test("une partie des forfaits saisis : la note nomme ceux qui manquent, comme l'écran Dotations", () => {
    const saisis = (annee: number, ...categories: string[]) =>
      categories.map((categorie) => ({ annee, categorie, valeur: 160, source: "arrêté" }));
    const parametres = Parametres.avec({
      forfaits: [
        ...saisis(2025, "PRE BAC", "POST BAC"),
        ...saisis(2026, "PRE BAC", "POST BAC", "3EME PREPA-METIERS"),
      ],
    });
    const [, , annee2025, annee2026] = forfaitsEnVigueur(parametres, 2026);
    // Before: « Forfaits 2025-2026 non calculables … les forfaits publiés », the two amounts entered
    // shown in the table above it.
    expect(annee2025.manque).toBe(
      "Forfait 3e prépa-métiers 2025-2026 non calculable : il manque IPC décembre 2024 (base 2015). " +
        "Saisissez cette valeur (série INSEE 001763862) ou le forfait publié pour 2025-2026 dans Paramètres.",
    );
    // The dotation's three known, the CPGE column alone unknown: the CPGE forfait named, indexed from
    // its 323 € of 2025-2026 (regles.md#parametres.reconduction: never carried over), which needs both
    // Decembers. Before: « Forfaits 2026-2027 non calculables … ou les forfaits publiés », as if the
    // three amounts entered were ignored.
    expect(annee2026.cases.CPGE.connu).toBe(false);
    expect(annee2026.manque).toBe(
      "Forfait CPGE (par concours) 2026-2027 non calculable : il manque IPC décembre 2024 (base 2015) et IPC décembre 2025 (base 2015). " +
        "Saisissez ces valeurs (série INSEE 001763862) ou le forfait publié pour 2026-2027 dans Paramètres.",
    );
    // Nothing entered: all three missing, « Forfaits … » as before.
    expect(forfaitsEnVigueur(Parametres.embarques(), 2025)[2].manque).toMatch(
      /^Forfaits 2025-2026 non calculables : il manque IPC décembre 2024 \(base 2015\)\. .* les forfaits publiés /,
    );
  });
});
