/**
 * The duplicate table (src/sheet/doublons.ts): fully identical rows of one establishment, in one sheet
 * or across the effectif sheets of a run, found by reference to their sheet and index — whatever the
 * size of the file (a .csv has no row limit).
 */
import { TableDoublons } from "../../src/sheet/doublons";
import type { CellValue, SheetData } from "../../src/workbook/port";

const ligne = (effectif: number): CellValue[] => ["0750655E", "Lycée Arago", "50022137", effectif];

function feuille(name: string, lignes: Record<number, CellValue[]>): SheetData {
  const values: CellValue[][] = [];
  for (const [i, row] of Object.entries(lignes)) values[Number(i)] = row;
  return { name, values, rowOffset: 0, columnOffset: 0 };
}

describe("Table des doublons", () => {
  test("au-delà de 2 097 152 lignes (un .csv), une ligne est comparée à la bonne ligne de la bonne feuille", () => {
    const grand = 2 ** 21;
    const a = feuille("a.csv", { 5: ligne(24), [grand + 5]: ligne(24), [grand + 6]: ligne(24) });
    const b = feuille("b.csv", { 3: ligne(24) });
    const table = new TableDoublons();
    const na = table.ajouterFeuille(a);
    const nb = table.ajouterFeuille(b);
    expect(table.dejaVue(na, 5, a.values[5], 0, 1)).toBeNull();
    expect(table.dejaVue(na, grand + 5, a.values[grand + 5], 0, 1)).toEqual({ sheet: a, index: 5 });
    expect(table.dejaVue(na, grand + 6, a.values[grand + 6], 0, 1)).toEqual({ sheet: a, index: 5 });
    expect(table.dejaVue(nb, 3, b.values[3], 0, 1)).toEqual({ sheet: a, index: 5 });
  });

  test("même clé, cellules différentes : deux lignes distinctes, chacune comptée ; d'un établissement à l'autre, jamais doublon", () => {
    const a = feuille("a", { 1: ligne(24), 2: [...ligne(24).slice(0, 3), 24, "Scolaire"], 3: ligne(24) });
    const table = new TableDoublons();
    const n = table.ajouterFeuille(a);
    expect(table.dejaVue(n, 1, a.values[1], 0, 7)).toBeNull();
    expect(table.dejaVue(n, 2, a.values[2], 0, 7)).toBeNull();
    expect(table.dejaVue(n, 3, a.values[3], 1, 7)).toBeNull(); // another establishment
    expect(table.dejaVue(n, 3, a.values[3], 0, 7)).toEqual({ sheet: a, index: 1 });
  });
});

describe("Table des doublons : clés et références sur 32 bits", () => {
  test("une clé au-delà de 32 bits ou non entière n'est jamais confondue avec une autre : mêmes cellules, clés différentes, aucun doublon", () => {
    // Identical cells: only the keys tell these rows apart (the effectif reader's signature leaves
    // code and effectif to the key). A table that cut keys to 32 bits would find false duplicates.
    const cles = [5, 2 ** 32 + 5, 2 ** 33 + 5, 5.5, 2 ** 52 + 5, 4096 * 0x100000 + 24];
    const a = feuille("a", Object.fromEntries(cles.map((_, i) => [i, ligne(24)])));
    const table = new TableDoublons();
    const n = table.ajouterFeuille(a);
    cles.forEach((cle, i) => expect(table.dejaVue(n, i, a.values[i], 0, cle)).toBeNull());
    // Met again: each key finds its own first row, a group forms under a large key too.
    const b = feuille("b", Object.fromEntries(cles.map((_, i) => [i, ligne(24)])));
    const nb = table.ajouterFeuille(b);
    cles.forEach((cle, i) =>
      expect(table.dejaVue(nb, i, b.values[i], 0, cle)).toEqual({ sheet: a, index: i }),
    );
    const autre = feuille("c", { 0: ligne(30), 1: ligne(30), 2: ligne(24) });
    const nc = table.ajouterFeuille(autre);
    expect(table.dejaVue(nc, 0, autre.values[0], 0, 2 ** 33 + 5)).toBeNull();
    expect(table.dejaVue(nc, 1, autre.values[1], 0, 2 ** 33 + 5)).toEqual({ sheet: autre, index: 0 });
    expect(table.dejaVue(nc, 2, autre.values[2], 0, 2 ** 33 + 5)).toEqual({ sheet: a, index: 2 });
  });

  test("des feuilles nombreuses, vides ou non, mises bout à bout : chaque ligne retrouvée dans sa feuille, à son rang", () => {
    const tailles = [0, 3, 0, 0, 70_000, 1, 0, 12];
    const feuilles = tailles.map((taille, f) => {
      const lignes: Record<number, CellValue[]> = {};
      if (taille > 0) lignes[taille - 1] = ligne(100 + f);
      return feuille(`f${f}`, lignes);
    });
    const table = new TableDoublons();
    const numeros = feuilles.map((f) => table.ajouterFeuille(f));
    const pleines = tailles.flatMap((taille, f) => (taille > 0 ? [f] : []));
    // Each sheet's last row once, then again from a last sheet: each found where it was.
    for (const f of pleines) {
      const i = tailles[f] - 1;
      expect(table.dejaVue(numeros[f], i, feuilles[f].values[i], 0, f)).toBeNull();
    }
    const fin = feuille("fin", Object.fromEntries(pleines.map((f) => [f, ligne(100 + f)])));
    const nFin = table.ajouterFeuille(fin);
    for (const f of pleines)
      expect(table.dejaVue(nFin, f, fin.values[f], 0, f)).toEqual({
        sheet: feuilles[f],
        index: tailles[f] - 1,
      });
  });

  test("plus de lignes en une fois que les références ne peuvent en compter : refusé, jamais confondu", () => {
    const table = new TableDoublons();
    const immense: SheetData = {
      name: "immense",
      values: new Array(2 ** 32 - 2),
      rowOffset: 0,
      columnOffset: 0,
    };
    expect(table.ajouterFeuille(immense)).toBe(0);
    expect(() => table.ajouterFeuille(feuille("une de plus", { 0: ligne(1) }))).toThrow(RangeError);
  });
});

describe("Table des doublons : tailles des tables par établissement", () => {
  test("établissements de tailles très différentes, lignes entrelacées : chaque clé déjà vue est retrouvée, aucune autre", () => {
    // Tables are sized like the previous establishment's and grow past it (doublons.ts): a large
    // establishment after small ones, small ones after a large one, and an establishment met again later.
    const tailles = [3, 5000, 2, 1, 800, 4000, 7];
    const plan: [number, number][] = [];
    tailles.forEach((taille, e) => {
      for (let k = 0; k < taille; k++) plan.push([e, k * 7919]);
    });
    // Met again later: keys already seen (establishment 1) and new ones (establishment 4).
    for (let k = 0; k < 300; k++) plan.push([1, k * 7919], [4, (k + 1000) * 7919]);
    const values = plan.map(([e, cle]) => [`E${e}`, cle]);
    const sheet: SheetData = { name: "a", values, rowOffset: 0, columnOffset: 0 };
    const table = new TableDoublons();
    const n = table.ajouterFeuille(sheet);
    const vues = new Map<string, number>();
    const attendus = plan.map(([e, cle], index) => {
      const premiere = vues.get(`${e}:${cle}`);
      if (premiere === undefined) vues.set(`${e}:${cle}`, index);
      return premiere ?? null;
    });
    const trouves = plan.map(
      ([e, cle], index) => table.dejaVue(n, index, values[index], e, cle)?.index ?? null,
    );
    expect(trouves).toEqual(attendus);
    expect(attendus.filter((i) => i !== null)).toHaveLength(300);
  });
});
