import { createParametresStore } from "../../src/addin/parametresStore";
import { Parametres, type ValeursUtilisateur } from "../../src/rules";
import {
  forfaitName,
  ipcRows,
  nextDecember,
  withForfait,
  withIpc,
  withoutForfait,
  withoutIpc,
} from "../../src/taskpane/parametres/entries";

const ipcDecembre2024 = { mois: "2024-12", base: "2015", valeur: "119,92", serie: "", source: "" };

describe("Paramètres : valeurs ajoutées par l'utilisateur", () => {
  test("l'IPC de décembre 2024 saisi (119,92) résout 2025-2026 : 1,30 %, 157 € × 1,013 = 159 €", async () => {
    const saved: ValeursUtilisateur[] = [];
    const store = createParametresStore(null);
    await store.brancher({
      lire: async () => null,
      enregistrerEtRecalculer: async (v) => {
        saved.push(v);
      },
      recalculer: async () => undefined,
    });
    await store.remplacer(withIpc(store.etat().valeurs, ipcDecembre2024));
    expect(saved).toEqual([{ ipc: [{ mois: "2024-12", base: 2015, valeur: "119,92" }] }]);
    const forfait = store.parametres().forfait("PRE_BAC", 2025);
    expect(forfait.valeur.toString()).toBe("159");
    expect(forfait.origine).toBe("indexe");
    expect(store.parametres().tauxIndexation(2025).taux.toString()).toBe("0.013");
  });

  test("une valeur en conflit est refusée avec le message du cœur, et rien ne change", async () => {
    const store = createParametresStore(null);
    await store.remplacer(withIpc({}, ipcDecembre2024));
    const avant = store.etat();
    await expect(
      store.remplacer(withIpc(avant.valeurs, { ...ipcDecembre2024, valeur: "120" })),
    ).rejects.toThrow(
      "L'IPC de décembre 2024 (base 2015) est déjà connu (119,92, saisie utilisateur (source non précisée)) : la valeur saisie 120 est ignorée.",
    );
    await expect(
      store.remplacer(withIpc(avant.valeurs, { ...ipcDecembre2024, mois: "décembre" })),
    ).rejects.toThrow("Mois « décembre » invalide : attendu AAAA-MM, par exemple 2024-12.");
    expect(store.etat()).toBe(avant);
  });

  test("un forfait publié pour 2025-2026 : l'année s'écrit 2025 ou 2025-2026 ; une année incohérente est refusée", () => {
    const form = { annee: "2025-2026", categorie: "PRE_BAC", valeur: "160", source: "arrêté n° 2025-001" };
    const valeurs = withForfait({}, form);
    expect(valeurs.forfaits).toEqual([
      { annee: 2025, categorie: "PRE_BAC", valeur: "160", source: "arrêté n° 2025-001" },
    ]);
    expect(Parametres.avec(valeurs).forfait("PRE_BAC", 2025).valeur.toString()).toBe("160");
    expect(withForfait({}, { ...form, annee: "2025" }).forfaits?.[0].annee).toBe(2025);
    expect(() => withForfait({}, { ...form, annee: "2025-2027" })).toThrow(/incohérente/);
    expect(forfaitName("PRE_BAC")).toBe("Pré-bac");
    expect(forfaitName("n'importe quoi")).toBe("n'importe quoi");
  });

  test("retirer une valeur saisie la retire seule", () => {
    const valeurs = withForfait(
      withIpc(withIpc({}, ipcDecembre2024), { ...ipcDecembre2024, mois: "2025-12" }),
      {
        annee: "2025",
        categorie: "CPGE",
        valeur: "323",
        source: "",
      },
    );
    expect(withoutIpc(valeurs, 0).ipc?.map((v) => v.mois)).toEqual(["2025-12"]);
    expect(withoutForfait(valeurs, 0).forfaits).toEqual([]);
  });

  test("le mois proposé est le premier décembre manquant : 2024-12, puis 2025-12 une fois 2024-12 saisi", () => {
    expect(nextDecember(Parametres.embarques(), 2026)).toEqual({ mois: "2024-12", base: 2015 });
    const avec2024 = Parametres.avec({ ipc: [{ mois: "2024-12", base: 2015, valeur: "119.92" }] });
    expect(nextDecember(avec2024, 2026)).toEqual({ mois: "2025-12", base: 2015 });
  });

  test("les indices connus, embarqués puis saisis, avec leur source", () => {
    const rows = ipcRows(Parametres.avec({ ipc: [{ mois: "2024-12", base: 2015, valeur: "119.92" }] }));
    expect(rows.map((r) => [r.mois, r.valeur, r.saisi])).toEqual([
      ["décembre 2019 (base 2015)", "104,62", false],
      ["décembre 2020 (base 2015)", "104,29", false],
      ["décembre 2021 (base 2015)", "107,40", false],
      ["décembre 2022 (base 2015)", "114,18", false],
      ["décembre 2023 (base 2015)", "118,38", false],
      ["décembre 2024 (base 2015)", "119,92", true],
    ]);
    expect(rows[3].source).toBe("arrêté n° 2023-087");
  });
});
