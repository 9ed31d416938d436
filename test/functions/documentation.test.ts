/**
 * The user documentation keeps up with the functions: the README, docs/fonctions.md and the help page
 * each give every function generated in functions.json, with French-Excel examples.
 */
import fs from "fs";
import path from "path";
import { readMetadata } from "./bundle";
import { anneeScolaireAu, eligibiliteDe, lireAnneeScolaire } from "../../src/rules";

const ROOT = path.resolve(__dirname, "../..");
const doc = fs.readFileSync(path.join(ROOT, "docs", "fonctions.md"), "utf8");
const aide = fs.readFileSync(path.join(ROOT, "src", "help", "aide.html"), "utf8");
const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");

/** `=ARE.FORFAIT(2024;"3EME PREPA-METIERS")` → its arguments, as written. */
function exemples(texte: string, id: string): string[] {
  return [...texte.matchAll(new RegExp(`=ARE\\.${id}\\(([^)]*(?:\\([^)]*\\))?[^)]*)\\)`, "g"))].map(
    (m) => m[1],
  );
}

describe("Documentation des fonctions", () => {
  test.each(readMetadata().map((f) => [f.id, f.parameters.length] as const))(
    "ARE.%s a des exemples en Excel français dans le README, docs/fonctions.md et l'aide",
    (id, nombreParametres) => {
      for (const texte of [readme, doc, aide]) {
        expect(texte).toContain(`ARE.${id}(`);
        const args = exemples(texte, id);
        expect(args.length).toBeGreaterThan(0);
        // French Excel: « ; » between arguments, never « , » (a comma is the decimal separator).
        for (const a of args) expect(a).not.toMatch(/\d,\s*"/);
        if (nombreParametres > 1) expect(args.some((a) => a.includes(";"))).toBe(true);
      }
    },
  );

  test("docs/fonctions.md explique comment charger le complément", () => {
    for (const commande of ["npm start", "npm run start:web", "npm stop", "npm run build", "manifest.xml"]) {
      expect(doc).toContain(commande);
    }
  });
});

describe("Exemples de ARE.MOTIF", () => {
  /** `=ARE.MOTIF(50022137;2024)` and the result written next to it, in a Markdown table or the help page. */
  const EXEMPLE = /=ARE\.MOTIF\(([^):]*)\)(?:`\s*\||<\/code><\/td>\s*<td>)\s*([^|<]+?)\s*(?:\||<\/td>)/g;
  const cas = Object.entries({ "README.md": readme, "docs/fonctions.md": doc, "aide.html": aide }).flatMap(
    ([fichier, texte]) =>
      [...texte.matchAll(EXEMPLE)].map((m) => [fichier, m[1], m[2].replace(/\s+/g, " ")] as const),
  );

  test("chaque document en donne", () => {
    expect(new Set(cas.map(([fichier]) => fichier)).size).toBe(3);
  });

  test.each(cas)("%s : =ARE.MOTIF(%s) donne le motif écrit", (_fichier, args, ecrit) => {
    const [code, annee] = args.split(";").map((a) => a.replace(/^"|"$/g, ""));
    const an = annee === undefined ? anneeScolaireAu(new Date()) : lireAnneeScolaire(annee);
    expect(eligibiliteDe(code, an).motif).toBe(ecrit);
  });
});
