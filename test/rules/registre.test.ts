/**
 * The register of rules and decisions (docs/regles.md, issue 14 §3) stays in step with the code: each
 * entry names files that exist and is cited by the code it describes, and every « Décision » comment of
 * src/ points to an entry of the register.
 */
import * as fs from "node:fs";
import * as path from "node:path";

const RACINE = path.resolve(__dirname, "../..");
const REGISTRE = fs.readFileSync(path.join(RACINE, "docs/regles.md"), "utf8");

interface Entree {
  id: string;
  texte: string;
  fichiersCode: string[];
  fichiersTests: string[];
}

const FICHIER = /(?:src|test)\/[\w./-]+\.tsx?/g;

/** Each « ### id — titre » section up to the next heading. */
function entrees(): Entree[] {
  const sections = REGISTRE.split(/^(?=#{2,3} )/m).filter((s) => s.startsWith("### "));
  return sections.map((texte) => {
    const id = /^### (\S+) — /.exec(texte)?.[1] ?? `(titre mal formé : ${texte.split("\n")[0]})`;
    const [, code = "", tests = ""] = /^Code : ([\s\S]*?)\s*·\s*Tests :\s([\s\S]*)$/m.exec(texte) ?? [];
    return { id, texte, fichiersCode: code.match(FICHIER) ?? [], fichiersTests: tests.match(FICHIER) ?? [] };
  });
}

function fichiers(dossier: string): string[] {
  return fs
    .readdirSync(path.join(RACINE, dossier), { recursive: true, encoding: "utf8" })
    .filter((f) => /\.tsx?$/.test(f))
    .map((f) => `${dossier}/${f.split(path.sep).join("/")}`);
}

const SOURCES = new Map(fichiers("src").map((f) => [f, fs.readFileSync(path.join(RACINE, f), "utf8")]));
const TESTS = new Map(
  fichiers("test")
    .filter((f) => f !== "test/rules/registre.test.ts")
    .map((f) => [f, fs.readFileSync(path.join(RACINE, f), "utf8")]),
);
const ENTREES = entrees();
const IDS = new Set(ENTREES.map((e) => e.id));

/** The ids a text cites as « regles.md#id ». */
function citations(texte: string): string[] {
  return [...texte.matchAll(/regles\.md#([a-z0-9]+(?:[.-][a-z0-9]+)*)/g)].map((m) => m[1]);
}

describe("registre des règles et des décisions (docs/regles.md)", () => {
  test("le registre a des entrées, chacune avec un identifiant unique et son ancre", () => {
    expect(ENTREES.length).toBeGreaterThan(40);
    expect(IDS.size).toBe(ENTREES.length);
    for (const { id } of ENTREES) {
      expect(id).toMatch(/^[a-z0-9]+(?:[.-][a-z0-9]+)*$/);
      expect(REGISTRE).toContain(`<a id="${id}"></a>`);
    }
  });

  test.each(ENTREES.map((e) => [e.id, e] as const))(
    "%s : texte cité, règle ou décision, code et tests qui existent",
    (_id, entree) => {
      if (!entree.id.startsWith("technique.")) expect(entree.texte).toMatch(/^Texte : /m);
      expect(entree.texte).toMatch(/^(Règle|Décision) : /m);
      expect(entree.fichiersCode.length).toBeGreaterThan(0);
      expect(entree.fichiersTests.length).toBeGreaterThan(0);
      const absents = [...entree.fichiersCode, ...entree.fichiersTests].filter(
        (f) => !fs.existsSync(path.join(RACINE, f)),
      );
      expect(absents).toEqual([]);
    },
  );

  test.each(ENTREES.map((e) => [e.id, e] as const))(
    "%s est cité par un des fichiers de code qu'il nomme",
    (id, e) => {
      const citants = e.fichiersCode.filter((f) => citations(SOURCES.get(f) ?? "").includes(id));
      expect(citants).not.toEqual([]);
    },
  );

  test("chaque identifiant du registre est cité dans src/ ou test/", () => {
    const cites = new Set([...SOURCES.values(), ...TESTS.values()].flatMap(citations));
    expect([...IDS].filter((id) => !cites.has(id))).toEqual([]);
  });

  test("chaque commentaire « Décision » de src/ cite un identifiant du registre", () => {
    const fautifs: string[] = [];
    for (const [fichier, texte] of SOURCES) {
      texte.split("\n").forEach((ligne, i) => {
        if (!ligne.includes("Décision")) return;
        const ids = citations(ligne);
        if (ids.length === 0 || ids.some((id) => !IDS.has(id)))
          fautifs.push(`${fichier}:${i + 1}: ${ligne.trim()}`);
      });
    }
    expect(fautifs).toEqual([]);
  });

  test("aucune citation regles.md# de src/ ou test/ ne vise une entrée absente du registre", () => {
    const orphelines = [...SOURCES, ...TESTS].flatMap(([fichier, texte]) =>
      citations(texte)
        .filter((id) => !IDS.has(id))
        .map((id) => `${fichier}: ${id}`),
    );
    expect(orphelines).toEqual([]);
  });
});
