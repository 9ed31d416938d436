/**
 * Every example file the help texts (`are … --help`), the README and the docs tell a user to run is
 * there: a command copied from the help must not fail on a file name (the audit of 7 December 2026 found
 * « are bilan controle examples/bilans/bilan-2023-0751234B.xlsx », a UAI with the wrong check letter).
 */
import * as fs from "fs";
import * as path from "path";
import { ROOT } from "./examples";

const FICHIER_EXEMPLE = /examples\/[\w./-]+\.(?:xlsx|csv)/g;

function textes(): [string, string][] {
  const dossiers = ["src/cli", "docs", "examples", "examples/bilans"];
  const fichiers = ["README.md"];
  for (const dossier of dossiers) {
    for (const nom of fs.readdirSync(path.join(ROOT, dossier))) {
      if (/\.(ts|md)$/.test(nom)) fichiers.push(path.join(dossier, nom));
    }
  }
  return fichiers.map((f) => [f, fs.readFileSync(path.join(ROOT, f), "utf8")]);
}

test("chaque fichier d'exemple cité par l'aide, le README et la documentation existe", () => {
  const absents: string[] = [];
  let cites = 0;
  for (const [fichier, texte] of textes()) {
    for (const [chemin] of texte.matchAll(FICHIER_EXEMPLE)) {
      cites++;
      if (!fs.existsSync(path.join(ROOT, chemin))) absents.push(`${fichier} : ${chemin}`);
    }
  }
  expect(cites).toBeGreaterThan(10);
  expect(absents).toEqual([]);
});
