import { readCodeFormation } from "../../src/rules";

const ok = (raw: unknown) => {
  const reading = readCodeFormation(raw);
  if (!reading.ok) throw new Error(reading.message);
  return reading.code;
};
const problem = (raw: unknown) => {
  const reading = readCodeFormation(raw);
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
    const reading = readCodeFormation(1022201);
    expect(reading).toEqual({ ok: true, code: "01022201", note: expect.stringContaining("zéro initial") });
  });

  test("un texte de 7 chiffres est mal formé", () => {
    expect(problem("5002213")).toMatchObject({
      probleme: "longueur",
      message: expect.stringContaining("7 chiffres au lieu de 8"),
    });
  });

  test("des lettres rendent le code mal formé", () => {
    expect(problem("5002213A")).toMatchObject({ probleme: "caracteres" });
    expect(problem("BOULANGER")).toMatchObject({ probleme: "caracteres" });
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
