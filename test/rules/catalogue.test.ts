import { CATALOGUES, catalogueDeLAnnee, jugerFormation, nsfDe, type Formation } from "../../src/rules";

const annexe = CATALOGUES[0];

describe("Catalogue : l'annexe 2023-2024 des formations éligibles", () => {
  test("compte 222 formations aux codes uniques", () => {
    expect(annexe.formations).toHaveLength(222);
    expect(new Set(annexe.formations.map((f) => f.code)).size).toBe(222);
  });

  test("chaque code compte 8 chiffres", () => {
    for (const f of annexe.formations) expect(f.code).toMatch(/^\d{8}$/);
  });

  test("les caractères 4 à 6 du code égalent la colonne Spécialité (NSF) sur les 222 lignes", () => {
    const mismatches = annexe.formations.filter((f) => nsfDe(f.code) !== f.nsf);
    expect(mismatches).toEqual([]);
  });

  test("répartition publiée : 1 Infra V., 145 PRE BAC, 76 POST BAC", () => {
    const count = (niveau: string) => annexe.formations.filter((f) => f.niveau === niveau).length;
    expect(count("Infra V.")).toBe(1);
    expect(count("PRE BAC")).toBe(145);
    expect(count("POST BAC")).toBe(76);
  });

  test("chaque formation de l'annexe est éligible avec la catégorie de l'annexe", () => {
    const expected: Record<string, Formation["categorie"]> = {
      "Infra V.": "PREPA_METIERS",
      "PRE BAC": "PRE_BAC",
      "POST BAC": "POST_BAC",
    };
    for (const f of annexe.formations) {
      const result = jugerFormation(f.code, annexe);
      expect({
        code: f.code,
        eligible: result.eligible,
        categorie: result.categorie,
        source: result.source,
      }).toEqual({
        code: f.code,
        eligible: true,
        categorie: expected[f.niveau],
        source: "catalogue",
      });
    }
  });

  test("les artefacts de conversion du PDF sont nettoyés (VÊTEMENT, DIPLÔME) et rien d'autre", () => {
    const all = annexe.formations.map((f) => `${f.typeDiplome} ${f.libelle}`).join("\n");
    expect(all).not.toMatch(/<sub>|<\/sub>/);
    expect(annexe.get("50024240")?.libelle).toBe("METIERS DE LA MODE-VÊTEMENT FLOU (CAP)");
    expect(annexe.get("46033104")?.libelle).toBe("AIDE-SOIGNANT (DIPLÔME D'ETAT)");
  });

  test("l'incohérence publiée est conservée : 40123412 EBENISTE (BMA) typé baccalauréat professionnel", () => {
    expect(annexe.get("40123412")).toMatchObject({
      libelle: "EBENISTE (BMA)",
      typeDiplome: "BACCALAUREAT PROFESSIONNEL",
      categorie: "PRE_BAC",
    });
  });

  test("BOULANGER (CAP) 50022137 : niveau, regroupement, NSF, type et libellé tels que publiés", () => {
    expect(annexe.get("50022137")).toEqual({
      code: "50022137",
      niveau: "PRE BAC",
      niveauRegroupement: 5,
      nsf: 221,
      typeDiplome: "CERTIFICAT D'APTITUDE PROFESSIONNELLE",
      libelle: "BOULANGER (CAP)",
      categorie: "PRE_BAC",
    });
  });

  test("une année sans liste propre utilise la dernière liste antérieure, et son nom le dit", () => {
    expect(catalogueDeLAnnee(2023)).toMatchObject({
      annee: 2023,
      nom: "liste indicative 2023-2024",
      report: null,
    });
    expect(catalogueDeLAnnee(2023).formations).toBe(annexe.formations);
    expect(catalogueDeLAnnee(2027)).toMatchObject({
      annee: 2023,
      pourAnnee: 2027,
      nom: "liste indicative 2023-2024 utilisée pour 2027-2028",
      report: "liste indicative 2023-2024 utilisée pour 2027-2028",
    });
    expect(catalogueDeLAnnee(2027).get("50022137")).toBe(annexe.get("50022137"));
    // One view per year: the functions judge a whole range against the same object.
    expect(catalogueDeLAnnee(2027)).toBe(catalogueDeLAnnee(2027));
  });

  test("une année antérieure à 2023-2024 n'a pas de liste", () => {
    expect(() => catalogueDeLAnnee(2022)).toThrow(/2022-2023 précède les règles encodées/);
  });
});
