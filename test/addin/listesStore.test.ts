/**
 * The lists of formations loaded in a workbook: kept compact in one document setting, read back exactly,
 * never deleted when unreadable, shared with the functions (issue 14 §1).
 */
import {
  CLE_LISTES,
  TAILLE_MAXIMALE_LISTES,
  createListesStore,
  lireListes,
  texteListes,
  type ListesPersistence,
} from "../../src/addin/listesStore";
import { CATALOGUES, creerCatalogue, verifierListe, type Catalogue } from "../../src/rules";
import { grilleListe2025 } from "../rules/liste2025";

const REFERENCE = {
  titre: "Liste 2025-2026 (test)",
  url: "https://example.invalid/l.pdf",
  date: "2025-06-30",
};
const liste2025: Catalogue = verifierListe(grilleListe2025(), {
  annee: 2025,
  reference: REFERENCE,
  precedente: CATALOGUES[0],
}).catalogue!;

function persistenceEnMemoire(contenu: unknown = null) {
  const journal = { enregistrements: 0, recalculs: 0 };
  const persistence: ListesPersistence = {
    lire: async () => contenu,
    enregistrerEtRecalculer: async (valeur) => {
      journal.enregistrements++;
      journal.recalculs++;
      contenu = valeur;
    },
    recalculer: async () => {
      journal.recalculs++;
    },
  };
  return { persistence, journal, lu: () => contenu };
}

describe("Forme enregistrée d'une liste", () => {
  test("relue à l'identique : formations, référence, catégories ; environ 26 Ko pour 235 formations", () => {
    const texte = texteListes([liste2025]);
    const [relue] = lireListes(texte);
    expect(relue.annee).toBe(2025);
    expect(relue.reference).toEqual(REFERENCE);
    expect(relue.formations).toEqual(liste2025.formations);
    // The 6 columns as tab-separated text: no key repeated per formation.
    expect(texte.length).toBeLessThan(27_000);
    expect(texte.length).toBeLessThan(TAILLE_MAXIMALE_LISTES / 35);
  });

  test("une tabulation ou un saut de ligne dans une cellule collée ne casse pas la forme enregistrée", () => {
    const [f] = CATALOGUES[0].formations;
    const liste = creerCatalogue(2026, REFERENCE, [{ ...f, libelle: "3EME\tPREPA\nMETIERS" }]);
    expect(lireListes(texteListes([liste]))[0].formations[0].libelle).toBe("3EME PREPA METIERS");
  });

  test.each([
    ["{ pas du JSON", /le contenu n'est pas du JSON valide/],
    [JSON.stringify({ listes: [] }), /\{ version: 1, listes \} est attendu/],
    [
      JSON.stringify({ version: 1, listes: [{ annee: 2025 }] }),
      /n'a pas son année, sa source ou ses formations/,
    ],
    [
      JSON.stringify({
        version: 1,
        listes: [{ annee: 2025, reference: REFERENCE, formations: "PRE BAC\t5" }],
      }),
      /6 colonnes attendues, 2 lues/,
    ],
    [
      JSON.stringify({
        version: 1,
        listes: [{ annee: 2025, reference: REFERENCE, formations: "PRE BAC\t5\t221\t5002213\tCAP\tX" }],
      }),
      /liste 2025-2026 : code « 5002213 » illisible/,
    ],
    [
      JSON.stringify({
        version: 1,
        listes: [{ annee: 2025, reference: REFERENCE, formations: "LYCEE\t5\t221\t50022137\tCAP\tX" }],
      }),
      /Niveau d'annexe inconnu/,
    ],
  ])("un contenu illisible (%s) est refusé avec sa raison", (contenu, raison) => {
    expect(() => lireListes(contenu)).toThrow(raison);
  });
});

describe("Listes chargées dans le classeur", () => {
  test("sans liste enregistrée, les listes embarquées s'appliquent et rien n'est recalculé", async () => {
    const { persistence, journal } = persistenceEnMemoire(null);
    const store = createListesStore(persistence);
    await store.charger();
    expect(store.catalogues().pour(2025).nom).toBe("liste indicative 2023-2024 utilisée pour 2025-2026");
    expect(journal.recalculs).toBe(0);
  });

  test("enregistrer une liste l'applique, l'écrit dans le réglage et recalcule ; la retirer revient à la liste embarquée", async () => {
    const { persistence, journal, lu } = persistenceEnMemoire(null);
    const store = createListesStore(persistence);
    const vus: string[] = [];
    store.abonner((etat) => vus.push(etat.catalogues.pour(2025).nom));
    await store.enregistrer(liste2025);
    expect(store.catalogues().pour(2025).nom).toBe("liste indicative 2025-2026");
    expect(store.catalogues().pour(2024).nom).toBe("liste indicative 2023-2024 utilisée pour 2024-2025");
    expect(lireListes(lu())[0].formations).toHaveLength(235);
    expect(journal).toEqual({ enregistrements: 1, recalculs: 1 });
    await store.retirer(2025);
    expect(store.catalogues().pour(2025).nom).toBe("liste indicative 2023-2024 utilisée pour 2025-2026");
    expect(lireListes(lu())).toEqual([]);
    expect(vus).toEqual(["liste indicative 2025-2026", "liste indicative 2023-2024 utilisée pour 2025-2026"]);
  });

  test("le classeur rouvert relit sa liste ; il recalcule seulement si une fonction a déjà répondu avec la liste embarquée", async () => {
    const contenu = texteListes([liste2025]);
    const calme = persistenceEnMemoire(contenu);
    const store = createListesStore(calme.persistence);
    await store.charger();
    expect(store.catalogues().pour(2025).get("50022146")?.libelle).toBe("CUISINE (CAP)");
    expect(calme.journal.recalculs).toBe(0);

    const presse = persistenceEnMemoire(contenu);
    const avantChargement = createListesStore(presse.persistence);
    expect(avantChargement.catalogues().pour(2025).report).not.toBeNull();
    await avantChargement.charger();
    expect(presse.journal.recalculs).toBe(1);
  });

  test("un réglage illisible est signalé, jamais effacé, et les listes embarquées s'appliquent", async () => {
    const { persistence, journal, lu } = persistenceEnMemoire("{ abîmé");
    const store = createListesStore(persistence);
    await store.charger();
    expect(store.etat().avertissement).toContain(CLE_LISTES);
    expect(store.etat().avertissement).toMatch(/Les listes embarquées s'appliquent/);
    expect(store.catalogues().listes).toHaveLength(1);
    expect(lu()).toBe("{ abîmé");
    expect(journal.enregistrements).toBe(0);
  });

  test("des listes trop volumineuses sont refusées et ne changent rien", async () => {
    const { persistence, journal } = persistenceEnMemoire(null);
    const store = createListesStore(persistence);
    const [f] = CATALOGUES[0].formations;
    const enorme = creerCatalogue(2025, REFERENCE, [{ ...f, libelle: "X".repeat(TAILLE_MAXIMALE_LISTES) }]);
    await expect(store.enregistrer(enorme)).rejects.toThrow(/trop volumineuses/);
    expect(store.etat().chargees).toEqual([]);
    expect(journal.enregistrements).toBe(0);
  });
});
