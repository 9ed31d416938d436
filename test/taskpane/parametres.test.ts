import { createParametresStore } from "../../src/addin/parametresStore";
import { Parametres, type ValeursUtilisateur } from "../../src/rules";
import {
  apercuIpc,
  champsVidesForfait,
  champsVidesIpc,
  confirmationForfait,
  confirmationIpc,
  forfaitARemplacer,
  forfaitName,
  ipcARemplacer,
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
      store.remplacer(withIpc(avant.valeurs, { ...ipcDecembre2024, mois: "2023-12", valeur: "120" })),
    ).rejects.toThrow(
      "L'IPC de décembre 2023 (base 2015) est déjà connu (118,38, INSEE, série 001763862) : la valeur saisie 120 est ignorée.",
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
        source: "page « Dotation budgétaire »",
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

describe("Paramètres : garde-fous (issue 12 points 8 à 11)", () => {
  const ipc = (valeur: string, mois = "2024-12") => ({ mois, base: "2015", valeur, serie: "", source: "" });
  const embarques = Parametres.embarques();

  test("un IPC à plus de 10 % de décembre précédent demande confirmation : 131,5 / 118,38 → +11,1 %", () => {
    expect(confirmationIpc(embarques, ipc("131,5"))).toBe(
      "Confirmer 131,5 ? (décembre 2023 : 118,38 ; +11,1\u00a0%)",
    );
    expect(confirmationIpc(embarques, ipc("106"))).toBe(
      "Confirmer 106 ? (décembre 2023 : 118,38 ; \u221210,5\u00a0%)",
    );
  });

  test("un IPC plausible (119,92 : +1,3 %) ou illisible ne demande rien", () => {
    expect(confirmationIpc(embarques, ipc("119,92"))).toBeNull();
    expect(confirmationIpc(embarques, ipc("130,2"))).toBeNull(); // +9,98 %
    expect(confirmationIpc(embarques, ipc("cent vingt"))).toBeNull();
    expect(confirmationIpc(embarques, ipc("1199,2"))).toBeNull(); // refusé à l'enregistrement (hors 50-500)
  });

  test("un forfait à plus de 15 % de celui de l'année précédente demande confirmation : 200 / 157 → +27,4 %", () => {
    const form = { annee: "2025", categorie: "PRE_BAC", valeur: "200", source: "arrêté" };
    expect(confirmationForfait(embarques, form)).toBe(
      "Confirmer 200\u00a0€ ? (2024-2025 : 157\u00a0€ ; +27,4\u00a0%)",
    );
    expect(confirmationForfait(embarques, { ...form, valeur: "180" })).toBeNull(); // +14,6 %
    expect(confirmationForfait(embarques, { ...form, annee: "2023" })).toBeNull(); // pas d'année précédente
  });

  test("avant → après : l'IPC de décembre 2024 (119,92) donne 1,30 % et les forfaits 2025-2026 — 159 €, 159 €, 57 €", () => {
    expect(apercuIpc({}, ipc("119,92"))).toEqual({
      annee: "2025-2026",
      taux: "1,30\u00a0%",
      forfaits: [
        { kind: "PRE_BAC", avant: "—", apres: "159\u00a0€" },
        { kind: "POST_BAC", avant: "—", apres: "159\u00a0€" },
        { kind: "PREPA_METIERS", avant: "—", apres: "57\u00a0€" },
        { kind: "CPGE", avant: "323\u00a0€", apres: "323\u00a0€" },
      ],
    });
    expect(apercuIpc({}, ipc("cent vingt"))).toBeNull();
    expect(apercuIpc({}, ipc("119,92", "2024-11"))).toBeNull();
  });

  test("les nombres à la française sont acceptés : « 119,92 », « 1 600,00 »", () => {
    const valeurs = withForfait(withIpc({}, ipc("119,92")), {
      annee: "2025",
      categorie: "PRE_BAC",
      valeur: "1 600,00",
      source: "arrêté n° 2025-001",
    });
    const p = Parametres.avec(valeurs);
    expect(p.ipcDecembre(2024, 2015)!.valeur).toBe("119.92");
    expect(p.forfait("PRE_BAC", 2025).valeur.toString()).toBe("1600");
  });

  test("copiés depuis le volet (issue 12, point 13) : « 2024‑12 », « 2025‑2026 », « 1 600,00 » à espaces insécables", () => {
    const valeurs = withForfait(withIpc({}, { ...ipc("119,92"), mois: "2024\u201112" }), {
      annee: "2025\u20112026",
      categorie: "PRE_BAC",
      valeur: "1\u202f600,00\u00a0€",
      source: "arrêté n° 2025-001",
    });
    expect(valeurs.ipc).toEqual([{ mois: "2024-12", base: 2015, valeur: "119,92" }]);
    const p = Parametres.avec(valeurs);
    expect(p.ipcDecembre(2024, 2015)!.valeur).toBe("119.92");
    expect(p.forfait("PRE_BAC", 2025).valeur.toString()).toBe("1600");
    expect(ipcARemplacer(valeurs, { ...ipcDecembre2024, mois: "2024\u201112" })).toBe(0);
  });

  test("la source d'un forfait est obligatoire ; un IPC sans source est « source non précisée »", () => {
    expect(() =>
      withForfait({}, { annee: "2025", categorie: "PRE_BAC", valeur: "160", source: " " }),
    ).toThrow(
      "Source manquante : indiquez le texte qui publie ce forfait (arrêté, délibération, page de la Région).",
    );
    const rows = ipcRows(Parametres.avec(withIpc({}, ipc("119,92"))));
    expect(rows.at(-1)!.source).toBe("saisie utilisateur (source non précisée)");
  });

  test("« Remplacer » : une valeur saisie pour le même mois ou la même année est remplacée, pas ajoutée", () => {
    const une = withIpc({}, ipc("119,92"));
    expect(ipcARemplacer(une, ipc("120"))).toBe(0);
    expect(ipcARemplacer(une, ipc("120", "2025-12"))).toBe(-1);
    expect(withIpc(une, ipc("120")).ipc).toEqual([{ mois: "2024-12", base: 2015, valeur: "120" }]);
    const forfait = { annee: "2025", categorie: "PRE_BAC", valeur: "160", source: "arrêté" };
    const f = withForfait({}, forfait);
    expect(forfaitARemplacer(f, { ...forfait, annee: "2025-2026" })).toBe(0);
    expect(withForfait(f, { ...forfait, valeur: "161" }).forfaits).toEqual([
      { annee: 2025, categorie: "PRE_BAC", valeur: "161", source: "arrêté" },
    ]);
  });
});

describe("Champs obligatoires vides, dits sur leur champ (issue 12 item 15)", () => {
  test("forfait : année, montant et source ; IPC : indice, et la série en base 2025", () => {
    expect(champsVidesForfait({ annee: " ", categorie: "PRE_BAC", valeur: "", source: "" })).toEqual({
      annee: "Indiquez l'année scolaire, par exemple 2025-2026.",
      valeur: "Indiquez le montant publié, par exemple 160 ou 1 600,00.",
      source: "Indiquez le texte qui publie ce forfait (arrêté, délibération, page de la Région).",
    });
    expect(
      champsVidesForfait({ annee: "2025", categorie: "PRE_BAC", valeur: "160", source: "arrêté" }),
    ).toEqual({});
    const ipcVide = { mois: "2024-12", base: "2025", valeur: "", serie: "", source: "" };
    expect(Object.keys(champsVidesIpc(ipcVide))).toEqual(["valeur", "serie"]);
    expect(champsVidesIpc({ ...ipcVide, base: "2015", valeur: "119,92" })).toEqual({});
  });
});
