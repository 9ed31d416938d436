/**
 * Sécurité de ce que le complément charge et demande (issue 7, docs/security.md) : aucun code n'est
 * évalué à l'exécution, ni dans les sources ni dans les paquets construits que charge Excel ; aucun
 * HTML n'est injecté tel quel ; le manifeste demande la permission la plus faible qui suffise.
 */
import * as fs from "fs";
import * as path from "path";

const RACINE = path.join(__dirname, "..", "..");

function fichiers(dossier: string, extensions: RegExp): string[] {
  return fs.readdirSync(dossier, { withFileTypes: true }).flatMap((entree) => {
    const chemin = path.join(dossier, entree.name);
    if (entree.isDirectory()) return fichiers(chemin, extensions);
    return extensions.test(entree.name) ? [chemin] : [];
  });
}

describe("Ce que le complément charge et demande", () => {
  test("aucune source n'évalue de code ni n'injecte de HTML (eval, new Function, setTimeout de texte, dangerouslySetInnerHTML, innerHTML)", () => {
    const interdits = [
      /\beval\s*\(/,
      /\bnew\s+Function\s*\(/,
      /\bset(?:Timeout|Interval)\s*\(\s*["'`]/,
      /dangerouslySetInnerHTML/,
      /\.(?:inner|outer)HTML\s*=/,
      /insertAdjacentHTML|document\.write\s*\(/,
    ];
    const trouves = fichiers(path.join(RACINE, "src"), /\.(ts|tsx|html)$/).flatMap((fichier) => {
      const texte = fs.readFileSync(fichier, "utf8");
      return interdits
        .filter((motif) => motif.test(texte))
        .map((motif) => `${path.relative(RACINE, fichier)} : ${motif}`);
    });
    expect(trouves).toEqual([]);
  });

  test("les paquets construits que charge Excel (dist/*.js) n'évaluent pas de code", () => {
    const dist = path.join(RACINE, "dist");
    if (!fs.existsSync(path.join(dist, "functions.js"))) {
      throw new Error(
        "dist/ introuvable : lancez « npm run build » (npm test construit avant de lancer jest).",
      );
    }
    const trouves = fichiers(dist, /\.js$/).filter((fichier) =>
      /\beval\s*\(|\bnew\s+Function\s*\(/.test(fs.readFileSync(fichier, "utf8")),
    );
    expect(trouves.map((f) => path.relative(RACINE, f))).toEqual([]);
  });

  test("le manifeste demande ReadWriteDocument : lire les feuilles collées, écrire les feuilles du complément et ses réglages, rien de plus", () => {
    const manifeste = fs.readFileSync(path.join(RACINE, "manifest.xml"), "utf8");
    const permissions = [...manifeste.matchAll(/<Permissions>\s*([^<]*?)\s*<\/Permissions>/g)].map(
      (m) => m[1],
    );
    expect(permissions).toEqual(["ReadWriteDocument"]);
  });
});
