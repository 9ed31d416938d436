import { lireCodeFormation } from "../../src/rules";

const ok = (raw: unknown) => {
  const reading = lireCodeFormation(raw);
  if (!reading.ok) throw new Error(reading.message);
  return reading.code;
};
const problem = (raw: unknown) => {
  const reading = lireCodeFormation(raw);
  if (reading.ok) throw new Error(`lu ${reading.code}`);
  return reading;
};

describe("Lecture des codes formation diplôme (R2)", () => {
  test.each([
    ["nombre", 50022137, "50022137"],
    ["texte", "50022137", "50022137"],
    ["espaces autour et dedans", "  500 221 37 ", "50022137"],
    ["espace insécable", "50022\u00a0137", "50022137"],
    ["apostrophe initiale", "'50022137", "50022137"],
    ["passé par un flottant", "50022137.0", "50022137"],
    ["virgule décimale", "50022137,0", "50022137"],
  ])("%s : %p → %s", (_name, raw, expected) => {
    expect(ok(raw)).toBe(expected);
  });

  test("un nombre de 7 chiffres retrouve son zéro initial supprimé par Excel, en le signalant", () => {
    const reading = lireCodeFormation(1022201);
    expect(reading).toEqual({ ok: true, code: "01022201", note: expect.stringContaining("zéro initial") });
  });

  test("un texte de 7 chiffres est mal formé", () => {
    expect(problem("5002213")).toMatchObject({
      probleme: "longueur",
      message: expect.stringContaining("7 chiffres au lieu de 8"),
    });
  });

  test("les codes réels de la BCN peuvent contenir des lettres majuscules : 8 chiffres ou lettres sont bien formés", () => {
    expect(ok("26Z13999")).toBe("26Z13999");
    expect(ok("2602230A")).toBe("2602230A");
    // Décision (regles.md#formations.minuscules) : une lettre tapée en minuscule est lue en majuscule (la BCN n'en a pas).
    expect(ok("2602230a")).toBe("2602230A");
    expect(ok(" '2602 230A ")).toBe("2602230A");
  });

  test("un code mal formé pour une autre raison garde un message précis (longueur, ponctuation), jamais « lettres »", () => {
    expect(problem("BOULANGER")).toMatchObject({
      probleme: "longueur",
      message: expect.stringContaining("il compte 9 caractères au lieu de 8"),
    });
    expect(problem("5002-2137")).toMatchObject({
      probleme: "caracteres",
      message: expect.stringContaining("autres que des chiffres et des lettres"),
    });
    expect(problem("A")).toMatchObject({
      message: expect.stringContaining("il compte 1 caractère au lieu de 8"),
    });
    for (const raw of ["abc", "5002213A9", "=RECHERCHEV(A2)"]) {
      expect(problem(raw).message).not.toMatch(/contient des lettres/);
    }
  });

  test("un code MEF de 11 caractères est reconnu comme tel", () => {
    expect(problem("24322137310")).toMatchObject({
      probleme: "mef",
      message: expect.stringContaining("code MEF"),
    });
  });

  test("cellule vide, booléen, nombre décimal", () => {
    expect(problem("")).toMatchObject({ probleme: "vide" });
    expect(problem(null)).toMatchObject({ probleme: "vide" });
    expect(problem(true)).toMatchObject({ probleme: "type" });
    expect(problem(50022137.5)).toMatchObject({ probleme: "caracteres" });
  });
});
