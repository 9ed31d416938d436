/**
 * The `--json` documents written in pieces (src/cli/jsonOutput.ts): the text is exactly
 * `JSON.stringify(document, null, 2) + "\n"` — the contract scripts read (docs/cli.md) — whatever the
 * document's shape, and no piece holds the whole of a large document.
 */
import Decimal from "decimal.js";
import type { CliIo } from "../../src/cli/io";
import { ELEMENTS_PER_CALL, PIECE_CHARACTERS, jsonPieces, printJson } from "../../src/cli/jsonOutput";

const pieces = (document: unknown): string[] => [...jsonPieces(document)];

const attendu = (document: unknown) => JSON.stringify(document, null, 2) + "\n";

describe("Documents --json écrits par morceaux", () => {
  test.each<[string, unknown]>([
    ["un nombre", 42],
    ["un texte", 'Lycée « Jean-Jaurès » – 1ʳᵉ\nligne\t"guillemets" \\ \u2028'],
    ["null", null],
    ["un booléen", false],
    ["une liste vide", []],
    ["un objet vide", {}],
    ["des listes et objets vides imbriqués", { a: [], b: {}, c: [[], {}], d: { e: [], f: {} } }],
    [
      "une liste de listes",
      [
        [1, [2, [3, [4]]]],
        ["x", { y: [null, true] }],
      ],
    ],
    [
      "des valeurs que JSON.stringify omet ou écrit null",
      { a: undefined, b: () => 1, c: Symbol("s"), d: [undefined, () => 1, Symbol("t"), 1], e: 2 },
    ],
    ["un objet dont toutes les valeurs sont omises", { a: undefined, b: { c: undefined } }],
    [
      "des montants Decimal (toJSON) et des dates, à tous les niveaux",
      {
        montant: new Decimal("36110.5"),
        liste: [new Decimal("0.10"), { date: new Date(Date.UTC(2024, 8, 2)) }],
        date: new Date(Date.UTC(2025, 0, 31)),
      },
    ],
    [
      "un toJSON qui rend un objet",
      { a: { toJSON: (cle: string) => ({ cle, liste: [1, { b: 2 }] }) }, l: [{ toJSON: () => undefined }] },
    ],
    [
      "la forme du document de are dotations",
      {
        annee: "2024-2025",
        forfaits: { preBac: "157.00", postBac: "157.00" },
        etablissements: [
          { uai: "0750655E", effectifs: { preBac: 12 }, motifs: ["a", "b"], vide: [] },
          { uai: "0751007M", effectifs: {}, motifs: [] },
        ],
        constats: [{ gravite: "alerte", ligne: 11, colonne: null, message: "Éligible ; à vérifier." }],
      },
    ],
    ["des nombres non finis et négatifs", { a: NaN, b: -Infinity, c: -0, d: 1e21, e: 0.1 + 0.2 }],
    [
      "de longues listes, écrites par appels de ELEMENTS_PER_CALL éléments (valeurs omises : null)",
      {
        vide: [],
        juste: Array.from({ length: ELEMENTS_PER_CALL }, (_, i) => ({ i })),
        uneDePlus: Array.from({ length: ELEMENTS_PER_CALL + 1 }, (_, i) => [i, { j: [i] }]),
        omises: Array.from({ length: 3 * ELEMENTS_PER_CALL + 7 }, (_, i) =>
          i % 3 === 0 ? undefined : i % 3 === 1 ? () => i : `t${i}`,
        ),
        scalaire: 1,
      },
    ],
    [
      "une longue liste dont les éléments ont un toJSON qui lit leur indice",
      {
        l: Array.from({ length: 2 * ELEMENTS_PER_CALL + 3 }, () => ({
          toJSON: (indice: string) => `n° ${indice}`,
        })),
      },
    ],
    [
      "un document qui est une longue liste, avec et sans toJSON",
      Array.from({ length: 2 * ELEMENTS_PER_CALL + 1 }, (_, i) =>
        i === 5 ? { toJSON: (indice: string) => indice } : { i, texte: "« é »" },
      ),
    ],
    ["un document qui est une longue liste simple", Array.from({ length: 1000 }, (_, i) => ({ i }))],
    ["un membre « __proto__ » propre (lu d'un JSON)", JSON.parse('{"__proto__": [1, {"a": 2}], "b": {}}')],
  ])("%s : le texte de JSON.stringify, à l'octet près", (_, document) => {
    expect(pieces(document).join("")).toBe(attendu(document));
  });

  test("un grand document est écrit en plusieurs morceaux bornés, dont la suite est le texte entier", () => {
    const constats = Array.from({ length: 20_000 }, (_, i) => ({
      gravite: i % 3 === 0 ? "erreur" : "alerte",
      code: "hors-liste",
      ligne: i + 2,
      colonne: "C",
      message: `Ligne ${i + 2} : éligible par la règle (NSF 252 – « Mécanique ») ; hors liste : à vérifier.`,
    }));
    const document = { annee: "2024-2025", etablissements: [{ uai: "0750655E" }], constats };
    const morceaux = pieces(document);
    expect(morceaux.join("")).toBe(attendu(document));
    expect(morceaux.length).toBeGreaterThan(10);
    // A piece is written once it reaches PIECE_CHARACTERS: it exceeds it by one call's constats at most.
    const unAppel = JSON.stringify(constats.slice(0, ELEMENTS_PER_CALL), null, 4).length;
    for (const morceau of morceaux) expect(morceau.length).toBeLessThan(PIECE_CHARACTERS + unAppel);
  });

  test("aucun document (undefined) : une erreur, jamais « undefined » écrit", () => {
    expect(() => pieces(undefined)).toThrow("Aucun document JSON");
  });

  test("printJson attend que stdout ait tout remis au système avant d'écrire le morceau suivant", async () => {
    const ecrits: string[] = [];
    const attentes: (() => void)[] = [];
    const io: CliIo = {
      stdout: (text) => void ecrits.push(text),
      stdoutDrained: () => new Promise<void>((resolve) => attentes.push(resolve)),
      stderr: () => undefined,
      stderrIsTTY: false,
      now: () => new Date(Date.UTC(2024, 9, 15)),
    };
    const document = {
      constats: Array.from({ length: 3_000 }, (_, i) => ({ ligne: i, message: "x".repeat(60) })),
    };
    const fini = printJson(io, document);
    const attendus = pieces(document);
    expect(attendus.length).toBeGreaterThan(2);
    for (let i = 0; i < attendus.length; i++) {
      await new Promise((resolve) => setImmediate(resolve));
      // One piece written, then nothing more until stdout has drained.
      expect(ecrits).toEqual(attendus.slice(0, i + 1));
      attentes.shift()!();
    }
    await fini;
    expect(ecrits.join("")).toBe(attendu(document));
  });
});
