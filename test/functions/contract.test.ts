/**
 * Contract test on the built add-in (design.md §7): dist/functions.js loaded in a VM with a stand-in
 * CustomFunctions, every function called as Excel would call it per dist/functions.json. Expected
 * figures come from the seed (arrêté n° 2023-087, annex) and the Région's published amounts.
 */
import fs from "fs";
import { StandInError } from "./customFunctionsStandIn";
import { distFile, loadFunctions, readMetadata, type LoadedFunctions } from "./bundle";

const ARE_FUNCTIONS = [
  "FORFAIT",
  "ELIGIBLE",
  "MOTIF",
  "CATEGORIE",
  "LIBELLE",
  "NSF",
  "DOTATION",
  "NETTE",
  "BOURSIERS",
  "TAUX_IPC",
  "INDEXER",
  "CPGE",
  "COMPLEMENT",
  "RELIQUAT",
];

/** The functions over a range of codes, and the amount functions whose every argument may be a range. */
const PAR_CODE = ["ELIGIBLE", "MOTIF", "CATEGORIE"];
const PAR_PLAGES = ["DOTATION", "NETTE", "BOURSIERS"];

/** A range form called on single values answers a 1 × 1 matrix, which Excel shows as one value. */
function valeurSeule(id: string, result: unknown): unknown {
  if (!PAR_PLAGES.includes(id) || !Array.isArray(result)) return result;
  expect(result).toHaveLength(1);
  expect(result[0]).toHaveLength(1);
  return (result[0] as unknown[])[0];
}

/** An error value as Excel would show it: its code and a pattern its message must match. */
interface Erreur {
  readonly erreur: "#VALUE!" | "#N/A";
  readonly message: RegExp;
}
const valeur = (message: RegExp): Erreur => ({ erreur: "#VALUE!", message });
const na = (message: RegExp): Erreur => ({ erreur: "#N/A", message });

function expectResult(actual: unknown, expected: unknown): void {
  if (expected && typeof expected === "object" && "erreur" in expected) {
    const { erreur, message } = expected as Erreur;
    expect(actual).toBeInstanceOf(StandInError);
    expect((actual as StandInError).code).toBe(erreur);
    expect((actual as StandInError).message).toMatch(message);
    return;
  }
  expect(actual).toEqual(expected);
}

// Loaded in October 2024: the school year in progress is 2024-2025.
let excel: LoadedFunctions;
beforeAll(() => {
  excel = loadFunctions(new Date(2024, 9, 15));
});

describe("Association des fonctions et métadonnées générées", () => {
  test("chaque id de functions.json est associé dans functions.js, et réciproquement", () => {
    const declared = readMetadata()
      .map((f) => f.id)
      .sort();
    expect([...excel.associations.keys()].sort()).toEqual(declared);
    expect(declared).toEqual([...ARE_FUNCTIONS].sort());
  });

  test("les métadonnées sont en français, avec une aide par fonction et des types admis par Excel", () => {
    const aide = fs.readFileSync(distFile("aide.html"), "utf8");
    for (const f of readMetadata()) {
      expect(f.name).toBe(f.id);
      expect(f.id).toMatch(/^[A-Z_]+$/);
      expect(f.description.length).toBeGreaterThan(20);
      const anchor = /^https:\/\/[^/]+\/aide\.html#([a-z_]+)$/.exec(f.helpUrl);
      expect(anchor).not.toBeNull();
      expect(aide).toMatch(new RegExp(`id="?${anchor![1]}"?[ >]`));
      for (const p of f.parameters) {
        expect(p.description?.length ?? 0).toBeGreaterThan(10);
        expect(["number", "string", "boolean", "any"]).toContain(p.type ?? "any");
      }
    }
  });

  test("ELIGIBLE, MOTIF et CATEGORIE prennent une plage de codes, DOTATION, NETTE et BOURSIERS des plages pour chaque argument", () => {
    const matrices = readMetadata()
      .filter((f) => f.parameters.some((p) => p.dimensionality === "matrix"))
      .map((f) => f.id);
    expect(matrices.sort()).toEqual([...PAR_CODE, ...PAR_PLAGES].sort());
    for (const id of PAR_CODE) {
      const f = excel.metadata.get(id)!;
      expect(f.parameters[0]).toMatchObject({ name: "code", dimensionality: "matrix" });
      expect(f.result.dimensionality).toBe("matrix");
    }
    for (const id of PAR_PLAGES) {
      const f = excel.metadata.get(id)!;
      expect(f.parameters.every((p) => p.dimensionality === "matrix")).toBe(true);
      expect(f.result.dimensionality).toBe("matrix");
    }
  });
});

describe("Fonctions appelées comme Excel, valeurs attendues de l'arrêté et de l'annexe", () => {
  test.each<[string, string, unknown[], unknown]>([
    // R6 — forfaits publiés
    ["=ARE.FORFAIT(2023)", "FORFAIT", [2023], 151],
    ["=ARE.FORFAIT(2024)", "FORFAIT", [2024], 157],
    ['=ARE.FORFAIT(2023;"3EME PREPA-METIERS")', "FORFAIT", [2023, "3EME PREPA-METIERS"], 54],
    ['=ARE.FORFAIT(2024;"3e prépa-métiers")', "FORFAIT", [2024, "3e prépa-métiers"], 56],
    ['=ARE.FORFAIT("2024-2025";"post bac")', "FORFAIT", ["2024-2025", "post bac"], 157],
    ['=ARE.FORFAIT(2023;"CPGE")', "FORFAIT", [2023, "CPGE"], 308],
    ['=ARE.FORFAIT(2024;"CPGE")', "FORFAIT", [2024, "CPGE"], 319],
    ['=ARE.FORFAIT(2025;"CPGE")', "FORFAIT", [2025, "CPGE"], 323],
    ['=ARE.FORFAIT("2025-2026";"CPGE")', "FORFAIT", ["2025-2026", "CPGE"], 323],
    // R7 — an unresolved year names what is missing, never reuses last year's amount
    ["=ARE.FORFAIT(2025)", "FORFAIT", [2025], na(/il manque IPC décembre 2024/)],
    [
      "=ARE.FORFAIT(2027)",
      "FORFAIT",
      [2027],
      na(/décembre 2024.*décembre 2025|décembre 2025.*décembre 2024/),
    ],
    ["=ARE.FORFAIT(2022)", "FORFAIT", [2022], na(/première année couverte est 2023-2024/)],
    [
      '=ARE.FORFAIT(2024;"BAC GENERAL")',
      "FORFAIT",
      [2024, "BAC GENERAL"],
      valeur(/Catégorie « BAC GENERAL » inconnue/),
    ],
    ['=ARE.FORFAIT("2024-2026")', "FORFAIT", ["2024-2026"], valeur(/incohérente/)],

    // R2-R4 — eligibility
    ['=ARE.ELIGIBLE("43033104")', "ELIGIBLE", ["43033104"], [[false]]],
    ["=ARE.ELIGIBLE(50022137)", "ELIGIBLE", [50022137], [[true]]],
    ["=ARE.ELIGIBLE(1022201) (zéro initial perdu)", "ELIGIBLE", [1022201], [[false]]],
    ["=ARE.ELIGIBLE(50022137;2022)", "ELIGIBLE", [50022137, 2022], na(/2023-2024/)],
    [
      '=ARE.MOTIF("43033104")',
      "MOTIF",
      ["43033104"],
      [["Non éligible : bac technologique ST2S, exclu de la spécialité 331 « Santé (hors ST2S) »."]],
    ],
    [
      "=ARE.MOTIF(50022137;2024)",
      "MOTIF",
      [50022137, 2024],
      // 2024-2025 has no list of its own: the motif names the one carried over.
      [["Éligible PRE BAC : BOULANGER (CAP), liste indicative 2023-2024 utilisée pour 2024-2025."]],
    ],
    [
      "=ARE.MOTIF(50022137;2023)",
      "MOTIF",
      [50022137, 2023],
      [["Éligible PRE BAC : BOULANGER (CAP), liste indicative 2023-2024."]],
    ],
    ["=ARE.CATEGORIE(32020009)", "CATEGORIE", [32020009], [["POST BAC"]]],
    ["=ARE.CATEGORIE(67010031)", "CATEGORIE", [67010031], [["3EME PREPA-METIERS"]]],
    ['=ARE.CATEGORIE(67010031;"2024-2025")', "CATEGORIE", [67010031, "2024-2025"], [["3EME PREPA-METIERS"]]],
    ['=ARE.CATEGORIE("43033104")', "CATEGORIE", ["43033104"], [[""]]],
    // Real nomenclature (issue 11, items 9-11; issue 14, successors).
    ["=ARE.ELIGIBLE(67010012) (6ème, classe de collège)", "ELIGIBLE", [67010012], [[false]]],
    ['=ARE.CATEGORIE("32123401") (DMA)', "CATEGORIE", ["32123401"], [["POST BAC"]]],
    ['=ARE.CATEGORIE("2602230A") (code à lettre)', "CATEGORIE", ["2602230A"], [["POST BAC"]]],
    [
      "=ARE.MOTIF(50022146) (successeur de 50022139)",
      "MOTIF",
      [50022146],
      [
        [
          "Éligible PRE BAC : CUISINE (CAP), successeur de 50022139 CUISINE (CAP), liste 2023-2024 utilisée pour 2024-2025 : à vérifier.",
        ],
      ],
    ],
    ["=ARE.LIBELLE(50022137)", "LIBELLE", [50022137], "BOULANGER (CAP)"],
    ['=ARE.LIBELLE("\'50022137")', "LIBELLE", ["'50022137"], "BOULANGER (CAP)"],
    [
      '=ARE.LIBELLE("43033104")',
      "LIBELLE",
      ["43033104"],
      na(/ne figure pas dans la liste indicative 2023-2024/),
    ],
    ["=ARE.NSF(50022137)", "NSF", [50022137], 221],
    ['=ARE.NSF("43033104")', "NSF", ["43033104"], 331],
    ['=ARE.NSF("5002213")', "NSF", ["5002213"], valeur(/il compte 7 chiffres au lieu de 8/)],
    ['=ARE.NSF("2602230A")', "NSF", ["2602230A"], 223],
    [
      '=ARE.NSF("5002A137")',
      "NSF",
      ["5002A137"],
      valeur(/« 2A1 »\) ne sont pas un groupe de spécialités NSF/),
    ],
    ['=ARE.NSF("500221370000")', "NSF", ["500221370000"], valeur(/Code formation « 500221370000 » invalide/)],

    // R8 — dotation lines
    // An empty catégorie (ARE.CATEGORIE of a non-eligible code) is no forfait, never the pré-bac one.
    ['=ARE.FORFAIT(2024;"")', "FORFAIT", [2024, ""], valeur(/Catégorie vide .* non éligible/)],
    ['=ARE.DOTATION(230;"PRE BAC";2023)', "DOTATION", [230, "PRE BAC", 2023], 34730],
    ['=ARE.DOTATION(230;"PRE BAC";2024)', "DOTATION", [230, "PRE BAC", 2024], 36110],
    ['=ARE.DOTATION(12;"3EME PREPA-METIERS";2023)', "DOTATION", [12, "3EME PREPA-METIERS", 2023], 648],
    ['=ARE.DOTATION(12;"3PM";2024)', "DOTATION", [12, "3PM", 2024], 672],
    ['=ARE.DOTATION(48;"POST BAC";2023;0,35)', "DOTATION", [48, "POST BAC", 2023, 0.35], 2567],
    ['=ARE.DOTATION(48;"POST BAC";2023;"35 %")', "DOTATION", [48, "POST BAC", 2023, "35 %"], 2567],
    ['=ARE.DOTATION("";"PRE BAC";2023)', "DOTATION", ["", "PRE BAC", 2023], 0],
    ['=ARE.DOTATION(48;"POST BAC";2023)', "DOTATION", [48, "POST BAC", 2023], valeur(/taux de boursiers/)],
    // No post-bac student: 0 €, the taux not asked for (regles.md#dotation.sans-taux).
    ['=ARE.DOTATION(0;"POST BAC";2024)', "DOTATION", [0, "POST BAC", 2024], 0],
    ['=ARE.DOTATION("";"POST BAC";2024)', "DOTATION", ["", "POST BAC", 2024], 0],
    ['=ARE.DOTATION(2;"CPGE";2023)', "DOTATION", [2, "CPGE", 2023], valeur(/utilisez ARE\.CPGE/)],
    [
      '=ARE.DOTATION(-3;"PRE BAC";2023)',
      "DOTATION",
      [-3, "PRE BAC", 2023],
      valeur(/ne peut pas être négatif/),
    ],
    ['=ARE.DOTATION(12,5;"PRE BAC";2023)', "DOTATION", [12.5, "PRE BAC", 2023], valeur(/non entier/)],
    // Issue 11 item 18: the sheet reader's bounds, never Infinity, at most 60 characters quoted.
    [
      '=ARE.DOTATION(1E+308;"PRE BAC";2024)',
      "DOTATION",
      [1e308, "PRE BAC", 2024],
      valeur(/invraisemblable \(plus de 10 000 élèves\)/),
    ],
    [
      '=ARE.DOTATION(10001;"PRE BAC";2024)',
      "DOTATION",
      [10001, "PRE BAC", 2024],
      valeur(/Effectif « 10001 » invraisemblable/),
    ],
    [
      '=ARE.DOTATION(DATE(2024;1;1);"PRE BAC";2024) (une date)',
      "DOTATION",
      [45292, "PRE BAC", 2024],
      valeur(/une date/),
    ],
    ['=ARE.DOTATION(10000;"PRE BAC";2024)', "DOTATION", [10000, "PRE BAC", 2024], 1570000],
    ['=ARE.DOTATION("1 234";"PRE BAC";2024)', "DOTATION", ["1 234", "PRE BAC", 2024], 193738],
    ['=ARE.DOTATION("12,5";"PRE BAC";2024)', "DOTATION", ["12,5", "PRE BAC", 2024], valeur(/non entier/)],
    ['=ARE.DOTATION("1.234";"PRE BAC";2024)', "DOTATION", ["1.234", "PRE BAC", 2024], valeur(/ambigu/)],
    ['=ARE.DOTATION(20;"POST BAC";2024;1)', "DOTATION", [20, "POST BAC", 2024, 1], 3140],
    ['=ARE.DOTATION(20;"POST BAC";2024;"1 %")', "DOTATION", [20, "POST BAC", 2024, "1 %"], 0],
    ['=ARE.DOTATION(20;"POST BAC";2024;"35,0 %")', "DOTATION", [20, "POST BAC", 2024, "35,0 %"], 1099],
    [
      '=ARE.DOTATION(<5 000 caractères>;"PRE BAC";2024)',
      "DOTATION",
      ["x".repeat(5000), "PRE BAC", 2024],
      valeur(/^Effectif « x{60}… \(5\u202f000 caractères\) » illisible/),
    ],
    ["=ARE.NETTE(1E+308;0)", "NETTE", [1e308, 0], valeur(/plus d'un milliard d'euros/)],
    ['=ARE.NETTE("1.200,50 €";0)', "NETTE", ["1.200,50 €", 0], 1200.5],
    ["=ARE.INDEXER(1E+308;0,5)", "INDEXER", [1e308, 0.5], valeur(/plus d'un milliard d'euros/)],
    ['=ARE.DOTATION(230;"PRE BAC";2025)', "DOTATION", [230, "PRE BAC", 2025], na(/IPC décembre 2024/)],
    ["=ARE.DOTATION(230;;2023)", "DOTATION", [230, null, 2023], valeur(/Catégorie manquante/)],

    // R9 — net envelope
    ["=ARE.NETTE(2567;3000)", "NETTE", [2567, 3000], 0],
    ["=ARE.NETTE(35378;1200,5)", "NETTE", [35378, 1200.5], 34177.5],
    ["=ARE.NETTE(2567;0;FAUX)", "NETTE", [2567, 0, false], 0],
    ['=ARE.NETTE(2567;"";"oui")', "NETTE", [2567, "", "oui"], 2567],
    // « a répondu » read as the sheets' « Réponse à l'enquête » column: NR and « non répondu » are non.
    ['=ARE.NETTE(2567;0;"NR")', "NETTE", [2567, 0, "NR"], 0],
    ['=ARE.NETTE(2567;0;"Non répondu")', "NETTE", [2567, 0, "Non répondu"], 0],
    ['=ARE.NETTE(35378;1200,5;"Répondu")', "NETTE", [35378, 1200.5, "Répondu"], 34177.5],
    [
      '=ARE.NETTE(2567;0;"peut-être")',
      "NETTE",
      [2567, 0, "peut-être"],
      valeur(/illisible : indiquez VRAI ou FAUX/),
    ],
    ["=ARE.NETTE(1000,005;0) arrondi au centime", "NETTE", [1000.005, 0], 1000.01],
    ["=ARE.NETTE(2567;-1)", "NETTE", [2567, -1], valeur(/reliquat ne peut pas être négatif/)],
    ['=ARE.NETTE(2567;0;"peut-être")', "NETTE", [2567, 0, "peut-être"], valeur(/indiquez VRAI ou FAUX/)],

    // R8 — boursiers retenus, rounded half-up once
    ["=ARE.BOURSIERS(25;0,3)", "BOURSIERS", [25, 0.3], 8],
    ["=ARE.BOURSIERS(23;0,35)", "BOURSIERS", [23, 0.35], 8],
    ['=ARE.BOURSIERS(48;"35 %")', "BOURSIERS", [48, "35 %"], 17],
    ["=ARE.BOURSIERS(48;1,5)", "BOURSIERS", [48, 1.5], 1],
    ["=ARE.BOURSIERS(48;150)", "BOURSIERS", [48, 150], valeur(/entre 0 % et 100 %/)],
    ["=ARE.BOURSIERS(48;)", "BOURSIERS", [48, null], valeur(/Taux de boursiers manquant/)],
    // No post-bac pupils need no taux (as ARE.DOTATION and the Dotations sheet); a bad taux stays an error.
    ["=ARE.BOURSIERS(0;)", "BOURSIERS", [0, null], 0],
    ["=ARE.BOURSIERS(;)", "BOURSIERS", [null, null], 0],
    ["=ARE.BOURSIERS(0;150)", "BOURSIERS", [0, 150], valeur(/entre 0 % et 100 %/)],

    // R7 — indexation
    ["=ARE.TAUX_IPC(114,18;107,4)", "TAUX_IPC", [114.18, 107.4], 0.0631],
    ['=ARE.TAUX_IPC("118,38";"114,18")', "TAUX_IPC", ["118,38", "114,18"], 0.0368],
    ["=ARE.TAUX_IPC(0;107,4)", "TAUX_IPC", [0, 107.4], valeur(/invraisemblable/)],
    ["=ARE.TAUX_IPC(1E+308;1E-308)", "TAUX_IPC", [1e308, 1e-308], valeur(/entre 50 et 500/)],
    ["=ARE.TAUX_IPC(;107,4)", "TAUX_IPC", [null, 107.4], valeur(/Indice de décembre n-1 manquant/)],
    ["=ARE.INDEXER(151;0,0368)", "INDEXER", [151, 0.0368], 157],
    ["=ARE.INDEXER(54;0,0368)", "INDEXER", [54, 0.0368], 56],
    ["=ARE.INDEXER(308;0,0368)", "INDEXER", [308, 0.0368], 319],
    ['=ARE.INDEXER(151;"6,31 %")', "INDEXER", [151, "6,31 %"], 161],
    // R7 rounds the taux to 0,01 % first: 0,334 % → 0,33 %, 150 × 1,0033 = 150,495 → 150 (151 unrounded).
    ["=ARE.INDEXER(150;100,334/100-1)", "INDEXER", [150, 100.334 / 100 - 1], 150],
    ["=ARE.INDEXER(151;-0,01)", "INDEXER", [151, -0.01], 151],
    ["=ARE.INDEXER(54;-0,01)", "INDEXER", [54, -0.01], 54],
    ["=ARE.INDEXER(151;3,68)", "INDEXER", [151, 3.68], valeur(/saisissez un taux \(0,0368\)/)],

    // R12 — CPGE
    ["=ARE.CPGE(5;9000;2024)", "CPGE", [5, 9000, 2024], 957],
    ["=ARE.CPGE(2;9000;2023)", "CPGE", [2, 9000, 2023], 616],
    ["=ARE.CPGE(2;10140;2023)", "CPGE", [2, 10140, 2023], 616],
    ["=ARE.CPGE(2;12000;2024)", "CPGE", [2, 12000, 2024], 0],
    ["=ARE.CPGE(2;10140,01;2023)", "CPGE", [2, 10140.01, 2023], 0],
    ["=ARE.CPGE(1;9000;2025)", "CPGE", [1, 9000, 2025], 323],
    ["=ARE.CPGE(2;;2024)", "CPGE", [2, null, 2024], valeur(/Quotient familial manquant/)],
    ["=ARE.CPGE(2,5;9000;2024)", "CPGE", [2.5, 9000, 2024], valeur(/Nombre de concours 2,5 invalide/)],

    // R10 — dotation complémentaire d'une formation
    ["=ARE.COMPLEMENT(4;50022137;2024)", "COMPLEMENT", [4, 50022137, 2024], 628],
    ["=ARE.COMPLEMENT(2;32025520;2024)", "COMPLEMENT", [2, 32025520, 2024], 314],
    ["=ARE.COMPLEMENT(3;67010031;2023)", "COMPLEMENT", [3, 67010031, 2023], 162],
    ['=ARE.COMPLEMENT(4;"50022137")', "COMPLEMENT", [4, "50022137"], 628],
    ["=ARE.COMPLEMENT(;50022137;2024)", "COMPLEMENT", [null, 50022137, 2024], 0],
    ['=ARE.COMPLEMENT(2;"43033104";2024)', "COMPLEMENT", [2, "43033104", 2024], valeur(/ST2S/)],
    [
      '=ARE.COMPLEMENT(2;"5002213";2024)',
      "COMPLEMENT",
      [2, "5002213", 2024],
      valeur(/7 chiffres au lieu de 8/),
    ],
    ["=ARE.COMPLEMENT(-1;50022137;2024)", "COMPLEMENT", [-1, 50022137, 2024], valeur(/négatif/)],
    ["=ARE.COMPLEMENT(4;50022137;2025)", "COMPLEMENT", [4, 50022137, 2025], na(/IPC décembre 2024/)],

    // R11 — reliquat reporté, jamais négatif
    ["=ARE.RELIQUAT(5644;1000;5550,44)", "RELIQUAT", [5644, 1000, 5550.44], 1093.56],
    ["=ARE.RELIQUAT(1812;0;1700,1)", "RELIQUAT", [1812, 0, 1700.1], 111.9],
    ["=ARE.RELIQUAT(2198;0;2500)", "RELIQUAT", [2198, 0, 2500], 0],
    ['=ARE.RELIQUAT("7 949,50";"1200,5";)', "RELIQUAT", ["7 949,50", "1200,5", null], 9150],
    ["=ARE.RELIQUAT(100;0;-5)", "RELIQUAT", [100, 0, -5], valeur(/Dépense négative/)],
    [
      '=ARE.RELIQUAT("beaucoup";0;0)',
      "RELIQUAT",
      ["beaucoup", 0, 0],
      valeur(/Dotation reçue « beaucoup » illisible/),
    ],
  ])("%s", (_formule, id, args, expected) => {
    expectResult(valeurSeule(id, excel.call(id, ...args)), expected);
  });

  test("aucun mot anglais dans les messages d'erreur (issue 11 point 18)", () => {
    const erreurs = [
      excel.call("DOTATION", 1e308, "PRE BAC", 2024),
      excel.call("DOTATION", "abc", "PRE BAC", 2024),
      excel.call("NETTE", { code: "#VALUE!" }, 0),
      excel.call("TAUX_IPC", 1e308, 1e-308),
      excel.call("BOURSIERS", 20, "beaucoup"),
      excel.call("FORFAIT", "x".repeat(5000)),
    ].flat(2);
    for (const e of erreurs) {
      const message = (e as StandInError).message;
      expect(message).not.toMatch(/\b(the|invalid|error|value|number|missing|unexpected|not|is)\b|#VALUE!/i);
      expect(message).not.toMatch(/x{61}/);
    }
  });

  test("toute erreur est #VALUE! ou #N/A avec un message en français", () => {
    const erreurs = [
      excel.call("FORFAIT", "deux mille"),
      excel.call("FORFAIT", 2030),
      excel.call("ELIGIBLE", [["12"]]),
      excel.call("NETTE", "beaucoup", 0),
    ].flat(2);
    for (const e of erreurs) {
      expect(e).toBeInstanceOf(StandInError);
      expect(["#VALUE!", "#N/A"]).toContain((e as StandInError).code);
      expect((e as StandInError).message).toMatch(/[a-zé].* /);
    }
  });
});

describe("Plages, cellules vides et erreurs cellule par cellule", () => {
  test("une plage donne un résultat de même forme ; vide → vide ; une cellule mal formée → #VALUE! à sa place seulement", () => {
    const codes = [["50022137"], [""], [null], ["43033104"], ["abc"], [" 500 221 37 "], ["#N/A"]];
    const result = excel.call("ELIGIBLE", codes, 2023) as unknown[][];
    expect(result).toHaveLength(7);
    expect(result.slice(0, 4)).toEqual([[true], [""], [""], [false]]);
    expectResult(
      result[4][0],
      valeur(/Code formation « abc » invalide : il compte 3 caractères au lieu de 8/),
    );
    expect(result[5]).toEqual([true]);
    expectResult(result[6][0], na(/La cellule contient l'erreur #N\/A/));
  });

  test("une plage de plusieurs colonnes garde ses colonnes", () => {
    const result = excel.call("CATEGORIE", [
      [50022137, 32020009],
      [67010031, ""],
    ]);
    expect(result).toEqual([
      ["PRE BAC", "POST BAC"],
      ["3EME PREPA-METIERS", ""],
    ]);
  });

  test("ARE.ELIGIBLE sur 10 000 lignes répond en un seul appel par 10 000 lignes", () => {
    const codes = Array.from({ length: 10_000 }, (_, i) => [
      i % 4 === 0 ? "50022137" : i % 4 === 1 ? 43033104 : i % 4 === 2 ? "" : "32020009",
    ]);
    const result = excel.call("ELIGIBLE", codes) as unknown[][];
    expect(result).toHaveLength(10_000);
    expect(result.every((row) => row.length === 1)).toBe(true);
    expect(result[0]).toEqual([true]);
    expect(result[1]).toEqual([false]);
    expect(result[2]).toEqual([""]);
    expect(result[9_999]).toEqual([true]);
    expect(result.filter((row) => row[0] === true)).toHaveLength(5_000);
  });
});

describe("Formes plage de DOTATION, NETTE et BOURSIERS (issue 13 §5)", () => {
  const colonne = (...valeurs: unknown[]) => valeurs.map((v) => [v]);

  test('=ARE.DOTATION(B2:B6;"PRE BAC";2024) : vides, erreurs et valeurs à leur place', () => {
    const result = excel.call(
      "DOTATION",
      colonne(230, "", null, "#N/A", "douze", 12),
      "PRE BAC",
      2024,
    ) as unknown[][];
    // 230 × 157 = 36 110 ; 12 × 157 = 1 884.
    expect(result.slice(0, 3)).toEqual([[36110], [""], [""]]);
    expectResult(result[3][0], na(/La cellule contient l'erreur #N\/A/));
    expectResult(result[4][0], valeur(/Effectif « douze » illisible/));
    expect(result[5]).toEqual([1884]);
  });

  test("=ARE.BOURSIERS(B2:B4;C2:C4) apparie les cellules, =ARE.NETTE(D2:D3;E2:E3;FAUX) donne 0", () => {
    // 25 × 0,3 = 7,5 → 8 ; 23 × 0,35 = 8,05 → 8 ; 48 × 35 % = 16,8 → 17.
    expect(excel.call("BOURSIERS", colonne(25, 23, 48), colonne(0.3, 0.35, "35 %"))).toEqual([
      [8],
      [8],
      [17],
    ]);
    // 35 378 − 1 200,5 = 34 177,5 ; 2 567 − 3 000 → 0.
    expect(excel.call("NETTE", colonne(35378, 2567), colonne(1200.5, 3000))).toEqual([[34177.5], [0]]);
    expect(excel.call("NETTE", colonne(35378, 2567), 0, false)).toEqual([[0], [0]]);
  });

  test("des plages de tailles différentes : une #VALUE! qui nomme les deux formes", () => {
    expectResult(
      excel.call("BOURSIERS", colonne(25, 23, 48), colonne(0.3, 0.35)),
      valeur(/Plages de tailles différentes : Effectif 3 lignes × 1 colonne, Taux 2 lignes × 1 colonne/),
    );
    expectResult(
      excel.call("DOTATION", colonne(1, 2), "POST BAC", 2024, [[0.3, 0.3]]),
      valeur(/Effectif 2 lignes × 1 colonne, Taux de boursiers 1 ligne × 2 colonnes/),
    );
  });

  test("100 000 cellules de chaque forme plage : chaque valeur à sa place", () => {
    const effectifs = colonne(...Array.from({ length: 100_000 }, (_, i) => [230, 12, "", "x"][i % 4]));
    const dotations = excel.call("DOTATION", effectifs, "PRE BAC", 2024) as unknown[][];
    const retenus = excel.call("BOURSIERS", effectifs, 0.35) as unknown[][];
    const nettes = excel.call("NETTE", dotations, 110) as unknown[][];
    for (const result of [dotations, retenus, nettes]) {
      expect(result).toHaveLength(100_000);
      expect(result.filter((r) => r[0] === "")).toHaveLength(25_000);
      expect(result.filter((r) => r[0] instanceof StandInError)).toHaveLength(25_000);
    }
    // 230 × 157 = 36 110 and 12 × 157 = 1 884, 25 000 times each: 949 850 000.
    const somme = (m: unknown[][]) => m.reduce((s, r) => s + (typeof r[0] === "number" ? r[0] : 0), 0);
    expect(somme(dotations)).toBe(949_850_000);
    // 230 × 0,35 = 80,5 → 81 ; 12 × 0,35 = 4,2 → 4 : 25 000 × 85.
    expect(somme(retenus)).toBe(2_125_000);
    // (36 110 − 110) + (1 884 − 110) = 37 774, 25 000 times.
    expect(somme(nettes)).toBe(944_350_000);
    expect([dotations[99_996], retenus[99_997], nettes[99_997]]).toEqual([[36110], [4], [1774]]);
  });
});

describe("Arguments optionnels", () => {
  test("l'année omise est l'année scolaire en cours (octobre 2024 → 2024-2025)", () => {
    expect(excel.call("DOTATION", 230, "PRE BAC")).toEqual([[36110]]);
    expect(excel.call("CPGE", 1, 9000)).toBe(319);
    expect(excel.call("FORFAIT", null)).toBe(157);
  });

  test("en octobre 2023, l'année omise est 2023-2024", () => {
    const excel2023 = loadFunctions(new Date(2023, 9, 15));
    expect(excel2023.call("DOTATION", 230, "PRE BAC")).toEqual([[34730]]);
    expect(excel2023.call("FORFAIT", null, "3PM")).toBe(54);
  });

  test("un objet d'invocation reçu d'anciennes métadonnées en cache compte comme un argument omis", () => {
    const invocation = { address: "Feuil1!C2", functionName: "ARE.FORFAIT", parameterAddresses: [] };
    expect(excel.associations.get("FORFAIT")!(2024, invocation)).toBe(157);
    expect(excel.associations.get("ELIGIBLE")!([["50022137"]], invocation)).toEqual([[true]]);
    expect(excel.associations.get("NETTE")!([[2567]], [[0]], invocation)).toEqual([[2567]]);
    expect(excel.associations.get("DOTATION")!([[230]], [["PRE BAC"]], [[2023]], invocation)).toEqual([
      [34730],
    ]);
  });
});
