/**
 * The Office.js persistence of the user's values, on office-addin-mock (design.md §7): one Excel.run per
 * action, loads batched before a single sync, the setting written as JSON and a full recalculation.
 */
import { OfficeMockObject } from "office-addin-mock";
import { officeParametres } from "../../src/addin/officeParametres";
import { CLE_EMPREINTE_CALCUL, CLE_VALEURS_UTILISATEUR } from "../../src/addin/parametresStore";

interface Journal {
  runs: number;
  syncs: number;
  ecrits: [string, unknown][];
  recalculs: unknown[];
  lus: string[];
}

/**
 * A workbook whose document settings hold `valeur` under the ARE key and `empreinte` under the
 * fingerprint key, each absent when null.
 */
function classeur(valeur: string | null, empreinte: string | null = null): Journal {
  const journal: Journal = { runs: 0, syncs: 0, ecrits: [], recalculs: [], lus: [] };
  const excel = new OfficeMockObject({
    context: {
      workbook: {
        settings: {
          reglage: { value: valeur ?? "" },
          empreinte: { value: empreinte ?? "" },
          getItemOrNullObject(
            this: { reglage: Record<string, unknown>; empreinte: Record<string, unknown> },
            key: string,
          ) {
            journal.lus.push(key);
            return key === CLE_EMPREINTE_CALCUL ? this.empreinte : this.reglage;
          },
          add(key: string, value: unknown) {
            journal.ecrits.push([key, value]);
          },
        },
        application: {
          calculate(type: unknown) {
            journal.recalculs.push(type);
          },
        },
      },
    },
    async run(this: { context: unknown }, batch: (context: unknown) => Promise<unknown>) {
      journal.runs++;
      return batch(this.context);
    },
  });
  // Known without a load in Office.js once synced, so set outside the mock's load tracking.
  excel.context.workbook.settings.reglage.isNullObject = valeur === null;
  excel.context.workbook.settings.empreinte.isNullObject = empreinte === null;
  const sync = excel.context.sync.bind(excel.context);
  excel.context.sync = async () => {
    journal.syncs++;
    await sync();
  };
  excel.CalculationType = { full: "Full" };
  (globalThis as Record<string, unknown>).Excel = excel;
  return journal;
}

afterEach(() => {
  delete (globalThis as Record<string, unknown>).Excel;
});

describe("Valeurs de l'utilisateur dans les réglages du classeur", () => {
  test("la lecture fait un seul Excel.run et un seul sync, sous la clé ARE.valeursUtilisateur", async () => {
    const journal = classeur('{"ipc":[]}');
    await expect(officeParametres.lire()).resolves.toBe('{"ipc":[]}');
    expect(journal).toMatchObject({ runs: 1, syncs: 1 });
    expect(journal.lus).toContain(CLE_VALEURS_UTILISATEUR);
  });

  test("les valeurs et l'empreinte du dernier calcul sont lues ensemble, en un seul sync", async () => {
    const journal = classeur('{"ipc":[]}', "123-abcdef01");
    await expect(officeParametres.lireAvecEmpreinte!()).resolves.toEqual({
      valeurs: '{"ipc":[]}',
      empreinte: "123-abcdef01",
    });
    expect(journal).toMatchObject({
      runs: 1,
      syncs: 1,
      lus: [CLE_VALEURS_UTILISATEUR, CLE_EMPREINTE_CALCUL],
    });
  });

  test("un classeur sans empreinte donne une empreinte null", async () => {
    classeur('{"ipc":[]}');
    await expect(officeParametres.lireAvecEmpreinte!()).resolves.toEqual({
      valeurs: '{"ipc":[]}',
      empreinte: null,
    });
  });

  test("un classeur sans réglage ARE donne null", async () => {
    classeur(null);
    await expect(officeParametres.lire()).resolves.toBeNull();
  });

  test("l'enregistrement écrit le JSON et recalcule tout le classeur, en un seul sync", async () => {
    const journal = classeur(null);
    const valeurs = { ipc: [{ mois: "2024-12", base: 2015, valeur: "120.00" }] };
    await officeParametres.enregistrerEtRecalculer(valeurs);
    expect(journal.ecrits).toEqual([[CLE_VALEURS_UTILISATEUR, JSON.stringify(valeurs)]]);
    expect(journal.recalculs).toEqual(["Full"]);
    expect(journal).toMatchObject({ runs: 1, syncs: 1 });
  });

  test("le recalcul seul est un Excel.run et un sync", async () => {
    const journal = classeur(null);
    await officeParametres.recalculer();
    expect(journal).toMatchObject({ runs: 1, syncs: 1, recalculs: ["Full"], ecrits: [] });
  });

  test("l'empreinte des paramètres utilisés est écrite avec le recalcul, dans le même sync", async () => {
    const journal = classeur(null);
    const valeurs = { ipc: [{ mois: "2024-12", base: 2015, valeur: "120.00" }] };
    await officeParametres.enregistrerEtRecalculer(valeurs, "e1");
    await officeParametres.recalculer("e2");
    expect(journal.ecrits).toEqual([
      [CLE_VALEURS_UTILISATEUR, JSON.stringify(valeurs)],
      [CLE_EMPREINTE_CALCUL, "e1"],
      [CLE_EMPREINTE_CALCUL, "e2"],
    ]);
    expect(journal).toMatchObject({ runs: 2, syncs: 2, recalculs: ["Full", "Full"] });
  });
});
