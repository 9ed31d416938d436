import {
  CLE_VALEURS_UTILISATEUR,
  createParametresStore,
  empreinteParametres,
  type EtatParametres,
  type ParametresPersistence,
} from "../../src/addin/parametresStore";
import { Parametres, type ValeursUtilisateur } from "../../src/rules";

/** An in-memory workbook setting, recording what the store asks of it. */
function persistenceEnMemoire(contenu: unknown = null) {
  const journal = { enregistrements: [] as ValeursUtilisateur[], recalculs: 0 };
  const persistence: ParametresPersistence = {
    lire: async () => contenu,
    enregistrerEtRecalculer: async (valeurs) => {
      journal.enregistrements.push(valeurs);
      contenu = JSON.stringify(valeurs);
    },
    recalculer: async () => {
      journal.recalculs++;
    },
  };
  return { persistence, journal, lu: () => contenu };
}

const IPC_DECEMBRE_2024 = { ipc: [{ mois: "2024-12", base: 2015, valeur: "120.00" }] };

describe("Chargement des valeurs enregistrées dans le classeur", () => {
  test("sans valeur enregistrée, les paramètres embarqués s'appliquent et rien n'est recalculé", async () => {
    const { persistence, journal } = persistenceEnMemoire(null);
    const store = createParametresStore(persistence);
    await store.charger();
    expect(store.etat().avertissement).toBeNull();
    expect(store.parametres().forfait("PRE_BAC", 2024).valeur.toString()).toBe("157");
    expect(journal.recalculs).toBe(0);
  });

  test("les valeurs enregistrées (JSON) sont lues, puis le classeur est recalculé une fois", async () => {
    const { persistence, journal } = persistenceEnMemoire(JSON.stringify(IPC_DECEMBRE_2024));
    const store = createParametresStore(persistence);
    await store.charger();
    // 120,00 / 118,38 − 1 → 1,37 % ; 157 × 1,0137 = 159,15 → 159 €.
    expect(store.parametres().forfait("PRE_BAC", 2025).valeur.toString()).toBe("159");
    expect(journal.recalculs).toBe(1);
    expect(journal.enregistrements).toEqual([]);
  });

  test.each([
    ["{ pas du JSON", /n'ont pas pu être utilisées : le contenu n'est pas du JSON valide\./],
    [JSON.stringify([1, 2]), /un objet \{ ipc, forfaits \} est attendu/],
    [JSON.stringify({ ipc: "120" }), /doivent être des listes/],
    [JSON.stringify({ ipc: [{ mois: "2024-12", base: 2015, valeur: "-3" }] }), /strictement positif/],
  ])("des valeurs illisibles (%s) sont signalées, jamais effacées", async (contenu, raison) => {
    const { persistence, journal, lu } = persistenceEnMemoire(contenu);
    const store = createParametresStore(persistence);
    await store.charger();
    expect(store.etat().avertissement).toMatch(raison);
    expect(store.etat().avertissement).toContain(CLE_VALEURS_UTILISATEUR);
    expect(store.parametres().forfait("PRE_BAC", 2024).valeur.toString()).toBe("157");
    expect(lu()).toBe(contenu);
    expect(journal.enregistrements).toEqual([]);
  });

  test("une lecture impossible est signalée et laisse les valeurs embarquées", async () => {
    const store = createParametresStore({
      lire: async () => {
        throw new Error("classeur en lecture seule");
      },
      enregistrerEtRecalculer: async () => undefined,
      recalculer: async () => undefined,
    });
    await store.charger();
    expect(store.etat().avertissement).toMatch(/classeur en lecture seule\. Les fonctions ARE utilisent/);
  });
});

describe("Remplacement des valeurs par le volet", () => {
  test("les abonnés sont prévenus, la valeur est enregistrée en JSON et le classeur recalculé", async () => {
    const { persistence, journal, lu } = persistenceEnMemoire();
    const store = createParametresStore(persistence);
    const vus: EtatParametres[] = [];
    const desabonner = store.abonner((etat) => vus.push(etat));
    await store.remplacer(IPC_DECEMBRE_2024);
    expect(vus).toHaveLength(1);
    expect(vus[0].parametres.forfait("PRE_BAC", 2025).valeur.toString()).toBe("159");
    expect(journal.enregistrements).toEqual([IPC_DECEMBRE_2024]);
    expect(JSON.parse(lu() as string)).toEqual(IPC_DECEMBRE_2024);

    desabonner();
    await store.remplacer({});
    expect(vus).toHaveLength(1);
  });

  test("des valeurs en conflit avec une valeur publiée sont refusées et ne changent rien", async () => {
    const { persistence, journal } = persistenceEnMemoire();
    const store = createParametresStore(persistence);
    const avant = store.etat();
    await expect(
      store.remplacer({ forfaits: [{ annee: 2024, categorie: "PRE BAC", valeur: 158 }] }),
    ).rejects.toThrow(/déjà publié \(157 €/);
    expect(store.etat()).toBe(avant);
    expect(journal.enregistrements).toEqual([]);
  });

  test("le classeur branché une fois Office prêt est lu, puis reçoit les valeurs suivantes", async () => {
    const store = createParametresStore(null);
    const { persistence, journal } = persistenceEnMemoire(JSON.stringify(IPC_DECEMBRE_2024));
    await store.brancher(persistence);
    expect(store.parametres().forfait("PRE_BAC", 2025).valeur.toString()).toBe("159");
    expect(journal.recalculs).toBe(1);
    await store.remplacer({});
    expect(journal.enregistrements).toEqual([{}]);
  });

  test("des valeurs saisies pendant la lecture du classeur ne sont pas écrasées par elle", async () => {
    let livrer: (contenu: unknown) => void = () => undefined;
    const { persistence, journal } = persistenceEnMemoire();
    persistence.lire = () => new Promise((resolve) => (livrer = resolve));
    const store = createParametresStore(persistence);
    const chargement = store.charger();
    await store.remplacer({ forfaits: [{ annee: 2025, categorie: "PRE BAC", valeur: 160 }] });
    livrer(JSON.stringify(IPC_DECEMBRE_2024));
    await chargement;
    expect(store.parametres().forfait("PRE_BAC", 2025).valeur.toString()).toBe("160");
    expect(journal.enregistrements).toHaveLength(1);
  });

  test("hors d'Office (sans persistance), les valeurs s'appliquent en mémoire", async () => {
    const store = createParametresStore(null);
    await store.charger();
    await store.remplacer({ forfaits: [{ annee: 2025, categorie: "3PM", valeur: "57" }] });
    expect(store.parametres().forfait("PREPA_METIERS", 2025).valeur.toString()).toBe("57");
  });
});

/**
 * A workbook's settings that keep the fingerprint of the last recalculation, as Excel's do
 * (officeParametres.ts); shared by successive « sessions » (stores) to model reopening the file.
 */
function classeurAvecEmpreinte(contenu: unknown = null, empreinte: string | null = null) {
  const journal = { recalculs: [] as (string | undefined)[] };
  const persistence: ParametresPersistence = {
    lire: async () => contenu,
    lireAvecEmpreinte: async () => ({ valeurs: contenu, empreinte }),
    enregistrerEtRecalculer: async (valeurs, nouvelle) => {
      contenu = JSON.stringify(valeurs);
      empreinte = nouvelle ?? null;
      journal.recalculs.push(nouvelle);
    },
    recalculer: async (nouvelle) => {
      empreinte = nouvelle ?? null;
      journal.recalculs.push(nouvelle);
    },
  };
  return { persistence, journal, empreinte: () => empreinte };
}

describe("Pas de recalcul complet à chaque ouverture (issue 13 §5)", () => {
  test("l'empreinte dépend des valeurs en vigueur, pas de l'objet qui les porte", () => {
    expect(empreinteParametres(Parametres.embarques())).toBe(empreinteParametres(Parametres.avec({})));
    expect(empreinteParametres(Parametres.avec(IPC_DECEMBRE_2024))).toBe(
      empreinteParametres(Parametres.avec({ ipc: [{ mois: "2024-12", base: 2015, valeur: "120,00" }] })),
    );
    expect(empreinteParametres(Parametres.avec(IPC_DECEMBRE_2024))).not.toBe(
      empreinteParametres(Parametres.embarques()),
    );
    expect(
      empreinteParametres(
        Parametres.avec({ forfaits: [{ annee: 2025, categorie: "PRE BAC", valeur: 160 }] }),
      ),
    ).not.toBe(
      empreinteParametres(
        Parametres.avec({ forfaits: [{ annee: 2025, categorie: "PRE BAC", valeur: 161 }] }),
      ),
    );
  });

  test("valeurs enregistrées puis classeur rouvert avec les mêmes valeurs : aucun recalcul à l'ouverture", async () => {
    const classeur = classeurAvecEmpreinte();
    await createParametresStore(classeur.persistence).remplacer(IPC_DECEMBRE_2024);
    expect(classeur.journal.recalculs).toEqual([empreinteParametres(Parametres.avec(IPC_DECEMBRE_2024))]);

    // A new session: the functions' runtime starts with the embedded values, then loads the workbook's.
    const session = createParametresStore(null);
    await session.brancher(classeur.persistence);
    expect(session.parametres().forfait("PRE_BAC", 2025).valeur.toString()).toBe("159");
    expect(classeur.journal.recalculs).toHaveLength(1);
  });

  test("des valeurs changées depuis le dernier calcul (empreinte différente) : un recalcul, puis plus aucun", async () => {
    const classeur = classeurAvecEmpreinte(JSON.stringify(IPC_DECEMBRE_2024), "0-00000000");
    await createParametresStore(null).brancher(classeur.persistence);
    const attendue = empreinteParametres(Parametres.avec(IPC_DECEMBRE_2024));
    expect(classeur.journal.recalculs).toEqual([attendue]);
    expect(classeur.empreinte()).toBe(attendue);

    await createParametresStore(null).brancher(classeur.persistence);
    expect(classeur.journal.recalculs).toHaveLength(1);
  });

  test("un classeur enregistré avant les empreintes, avec des valeurs, est recalculé une fois", async () => {
    const classeur = classeurAvecEmpreinte(JSON.stringify(IPC_DECEMBRE_2024), null);
    await createParametresStore(null).brancher(classeur.persistence);
    expect(classeur.journal.recalculs).toHaveLength(1);
    await createParametresStore(null).brancher(classeur.persistence);
    expect(classeur.journal.recalculs).toHaveLength(1);
  });

  test("un classeur aux valeurs vides, sans empreinte, n'est ni recalculé ni modifié", async () => {
    const classeur = classeurAvecEmpreinte(JSON.stringify({ ipc: [], forfaits: [] }), null);
    await createParametresStore(null).brancher(classeur.persistence);
    expect(classeur.journal.recalculs).toEqual([]);
    expect(classeur.empreinte()).toBeNull();
  });

  test("une fonction calculée avec les valeurs embarquées avant la fin du chargement : recalcul malgré l'empreinte", async () => {
    const valeurs = JSON.stringify(IPC_DECEMBRE_2024);
    const classeur = classeurAvecEmpreinte(valeurs, empreinteParametres(Parametres.avec(IPC_DECEMBRE_2024)));
    const session = createParametresStore(null);
    // Excel evaluated an ARE formula while Office was starting: it saw the embedded values.
    expect(() => session.parametres().forfait("PRE_BAC", 2025)).toThrow(/IPC décembre 2024/);
    await session.brancher(classeur.persistence);
    expect(classeur.journal.recalculs).toHaveLength(1);
  });

  test("une lecture des paramètres embarqués ne compte pas quand le classeur n'a que ces valeurs", async () => {
    const classeur = classeurAvecEmpreinte(
      JSON.stringify({ ipc: [] }),
      empreinteParametres(Parametres.embarques()),
    );
    const session = createParametresStore(null);
    session.parametres();
    await session.brancher(classeur.persistence);
    expect(classeur.journal.recalculs).toEqual([]);
  });

  test("une nouvelle version aux valeurs embarquées différentes recalcule une fois", async () => {
    // The fingerprint saved by an add-in whose embedded forfaits differed (here: one value more).
    const ancienne = empreinteParametres(
      Parametres.avec({
        ...IPC_DECEMBRE_2024,
        forfaits: [{ annee: 2026, categorie: "PRE BAC", valeur: 162 }],
      }),
    );
    const classeur = classeurAvecEmpreinte(JSON.stringify(IPC_DECEMBRE_2024), ancienne);
    await createParametresStore(null).brancher(classeur.persistence);
    expect(classeur.journal.recalculs).toHaveLength(1);
  });
});
