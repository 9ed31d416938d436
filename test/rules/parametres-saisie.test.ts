/**
 * Valeurs saisies dans Paramètres ou en ligne de commande (issue 11 point 8, issue 12 point 10) : lues
 * par le lecteur unique des nombres, un forfait en euros entiers ou au centime, des bornes de
 * vraisemblance, et une source jamais inventée.
 */
import { ErreurArgument, Parametres, lireForfaitSaisi, lireIpcSaisi } from "../../src/rules";

const forfait2027 = (valeur: string | number, source?: string) =>
  Parametres.avec({
    forfaits: [{ annee: 2027, categorie: "PRE BAC", valeur, ...(source ? { source } : {}) }],
  });

describe("Forfait saisi : euros entiers ou centimes, exactement le montant affiché", () => {
  test.each([
    ["« 160 » → 160 €", "160", "160"],
    ["« 157,50 » → 157,50 €", "157,50", "157.5"],
    ["« 1 600,00 » → 1 600 €", "1 600,00", "1600"],
    ["« 1\u202f600,00 € » → 1 600 €", "1\u202f600,00 €", "1600"],
    ["« 157.5 » → 157,50 €", "157.5", "157.5"],
    ["le nombre 160 → 160 €", 160, "160"],
  ])("%s", (_nom, valeur, attendu) => {
    expect(forfait2027(valeur).forfait("PRE_BAC", 2027).valeur.toString()).toBe(attendu);
  });

  test("« 157,005 » (demi-centime ou 157 005 ?) est refusé : euros entiers ou centimes", () => {
    expect(() => forfait2027("157,005")).toThrow(/euros ou un montant au centime/);
    expect(() => forfait2027("157,005")).toThrow(ErreurArgument);
  });

  test("« 157,0050 » (fractions de centime) est refusé : euros entiers ou centimes", () => {
    expect(() => lireForfaitSaisi("157,0050", "Forfait")).toThrow(
      "Forfait « 157,0050 » refusé : fractions de centime. Un forfait est un nombre entier d'euros ou un montant au centime (ex. 157 ou 157,50), et les calculs utilisent exactement le montant affiché.",
    );
    expect(() => lireForfaitSaisi(157.005, "Forfait")).toThrow(/fractions de centime/);
  });

  test("un forfait au-delà de 10 000 € est invraisemblable, 10 000 € est accepté", () => {
    expect(() => lireForfaitSaisi("10 000,01", "Forfait")).toThrow(/invraisemblable/);
    expect(lireForfaitSaisi("10 000", "Forfait").toString()).toBe("10000");
  });

  test("un forfait négatif, nul, en pourcentage ou illisible est refusé", () => {
    expect(() => lireForfaitSaisi("-157", "Forfait")).toThrow(/strictement positif/);
    expect(() => lireForfaitSaisi("0", "Forfait")).toThrow(/strictement positif/);
    expect(() => lireForfaitSaisi("157 %", "Forfait")).toThrow(/illisible/);
    expect(() => lireForfaitSaisi("cent cinquante", "Forfait")).toThrow(/illisible/);
  });
});

describe("Indice de décembre saisi : entre 50 et 500", () => {
  test("« 119,92 », « 119.92 » et 119.92 valent 119,92", () => {
    for (const v of ["119,92", "119.92", 119.92]) expect(lireIpcSaisi(v, "IPC").toString()).toBe("119.92");
  });
  test("« 1199,2 » (virgule décalée) et « 11,992 » sont invraisemblables", () => {
    expect(() => lireIpcSaisi("1199,2", "IPC")).toThrow(
      /invraisemblable : un indice des prix est compris entre 50 et 500/,
    );
    expect(() => lireIpcSaisi("49,99", "IPC")).toThrow(/invraisemblable/);
    expect(lireIpcSaisi("50", "IPC").toString()).toBe("50");
    expect(lireIpcSaisi("500", "IPC").toString()).toBe("500");
  });
  test("« 119 920 » est invraisemblable, « 1.234 » ambigu", () => {
    expect(() => lireIpcSaisi("119 920", "IPC")).toThrow(/invraisemblable/);
    expect(() => lireIpcSaisi("118.380", "IPC")).toThrow(/ambigu/);
  });
});

describe("Source d'une valeur saisie", () => {
  test("un IPC saisi sans source est « saisie utilisateur (source non précisée) », jamais l'INSEE", () => {
    const p = Parametres.avec({ ipc: [{ mois: "2024-12", base: 2015, valeur: "119,92" }] });
    const v = p.ipcDecembre(2024, 2015)!;
    expect(v.reference.court).toBe("saisie utilisateur (source non précisée)");
    expect(v.reference.titre).not.toMatch(/INSEE/);
  });
  test("un IPC saisi avec sa source la cite", () => {
    const p = Parametres.avec({
      ipc: [{ mois: "2024-12", base: 2015, valeur: "119,92", source: "INSEE, 15 janvier 2025" }],
    });
    expect(p.ipcDecembre(2024, 2015)!.reference.court).toBe("saisie utilisateur : INSEE, 15 janvier 2025");
  });
});
