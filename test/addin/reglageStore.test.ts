/**
 * The core both stores of a document setting share (src/addin/reglageStore.ts): parametresStore.ts
 * and listesStore.ts keep their own tests (test/addin), this one states the load protocol once, on a
 * setting holding a number.
 */
import { createReglageStore, lireJsonReglage, raisonIllisible } from "../../src/addin/reglageStore";

interface Etat {
  readonly n: number;
  readonly avertissement: string | null;
}

/** A workbook whose setting holds `valeur`; `lire` resolves when `liberer` is called. */
function classeur(valeur: unknown) {
  const journal = { lectures: 0, apres: [] as boolean[] };
  let liberer: () => void = () => undefined;
  const persistence = {
    lire: () =>
      new Promise<{ valeur: unknown }>((resolve) => {
        journal.lectures++;
        liberer = () => resolve({ valeur });
      }),
  };
  return { persistence, journal, liberer: () => liberer() };
}

function store(persistence: { lire(): Promise<{ valeur: unknown }> } | null, journal?: { apres: boolean[] }) {
  return createReglageStore<Etat, typeof persistence & object, { valeur: unknown }>({
    initial: { n: 0, avertissement: null },
    persistence,
    lire: (p) => p.lire(),
    interpreter: (lecture) => {
      const n = lireJsonReglage(lecture.valeur);
      if (typeof n !== "number") throw new TypeError("un nombre est attendu");
      return { n, avertissement: null };
    },
    avertir: (etat, error) => ({ ...etat, avertissement: raisonIllisible(error) }),
    apresChargement: async (_p, _etat, _lecture, luAvant) => void journal?.apres.push(luAvant),
  });
}

describe("Un réglage du classeur : chargement, abonnés, réglage illisible", () => {
  test("le JSON du réglage est lu ; les abonnés voient l'état chargé ; une lecture avant la fin est notée", async () => {
    const { persistence, journal, liberer } = classeur("42");
    const s = store(persistence, journal);
    const vus: number[] = [];
    s.abonner((etat) => vus.push(etat.n));
    const chargement = s.charger();
    expect(s.lire().n).toBe(0); // a function answers before the load ends
    liberer();
    await chargement;
    expect([s.etat().n, vus, journal.apres]).toEqual([42, [42], [true]]);
  });

  test("un changement de l'utilisateur pendant la lecture n'est pas défait par elle", async () => {
    const { persistence, journal, liberer } = classeur("42");
    const s = store(persistence, journal);
    const chargement = s.charger();
    s.modifier({ n: 7, avertissement: null });
    liberer();
    await chargement;
    expect(s.etat().n).toBe(7);
    expect(journal.apres).toEqual([]);
  });

  test("un réglage vide laisse l'état ; un réglage illisible est signalé avec sa raison, l'état gardé", async () => {
    const apresChargement = async (valeur: unknown) => {
      const { persistence, liberer } = classeur(valeur);
      const s = store(persistence);
      const chargement = s.charger();
      liberer();
      await chargement;
      return s.etat();
    };
    for (const vide of [null, ""])
      await expect(apresChargement(vide)).resolves.toEqual({ n: 0, avertissement: null });
    await expect(apresChargement("{")).resolves.toEqual({
      n: 0,
      avertissement: "le contenu n'est pas du JSON valide.",
    });
    await expect(apresChargement('"texte"')).resolves.toEqual({
      n: 0,
      avertissement: "un nombre est attendu.",
    });
  });

  test("sans classeur, rien n'est lu ; brancher le classeur le charge", async () => {
    const s = store(null);
    await s.charger();
    expect(s.persistence()).toBeNull();
    const { persistence, journal, liberer } = classeur("5");
    const branchement = s.brancher(persistence);
    liberer();
    await branchement;
    expect([journal.lectures, s.etat().n]).toEqual([1, 5]);
  });
});
