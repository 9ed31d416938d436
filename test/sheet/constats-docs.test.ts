import { readFileSync } from "fs";
import { join } from "path";
import { CODES_CONSTATS_LISTE } from "../../src/rules";
import { CONSTATS, libelleMotif } from "../../src/sheet";

const doc = readFileSync(join(__dirname, "../../docs/constats.md"), "utf8");

/** The rows of the documentation's tables: | `code` | gravité | … |. */
const documentes = new Map(
  [...doc.matchAll(/^\|\s*`([a-z0-9-]+)`\s*\|\s*(erreur|alerte|info)\s*\|/gm)].map(
    (m) => [m[1], m[2]] as const,
  ),
);

/** The findings of the sheets, and those of a list of formations (src/rules/catalogue/verification.ts). */
const TOUS: Readonly<Record<string, string>> = {
  ...Object.fromEntries(Object.entries(CONSTATS).map(([code, [gravite]]) => [code, gravite])),
  ...CODES_CONSTATS_LISTE,
};

describe("docs/constats.md documente chaque constat", () => {
  test("chaque code produit est documenté, avec sa gravité", () => {
    for (const [code, gravite] of Object.entries(TOUS))
      expect([code, documentes.get(code)]).toEqual([code, gravite]);
  });

  test("la documentation ne décrit aucun code qui n'existe pas", () => {
    for (const code of documentes.keys()) expect(Object.keys(TOUS)).toContain(code);
  });
});

describe("Chaque code de constat se dit en mots", () => {
  test("un libellé français par code, sans tiret de code ; un motif inconnu reste tel quel", () => {
    for (const [code, [, libelle]] of Object.entries(CONSTATS)) {
      expect(libelle).not.toBe(code);
      expect(libelle).not.toMatch(/^[a-z]+(-[a-z]+)+$/);
    }
    expect(libelleMotif("formation-non-eligible")).toBe("formation non éligible");
    expect(libelleMotif("autre")).toBe("autre");
  });
});
