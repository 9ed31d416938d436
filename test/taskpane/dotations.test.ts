import { Parametres } from "../../src/rules";
import { MemoryWorkbook } from "../../src/workbook/memory";
import { calculerDotations } from "../../src/workflows";
import { suggererFeuilles } from "../../src/workflows/suggestions";
import {
  choiceProblem,
  initialChoice,
  suivreClasseur,
  toggleEffectifs,
  type SheetChoice,
} from "../../src/taskpane/dotations/choice";
import {
  effectifsLine,
  reconciliationRows,
  establishmentLabel,
  explanationTree,
  filterEstablishments,
  type TraceNode,
} from "../../src/taskpane/dotations/summary";

const EFFECTIFS = [
  ["UAI", "Nom de l'établissement", "Code formation diplôme", "Effectif"],
  ["0750655E", "Lycée Louis-le-Grand", "50022137", 20], // BOULANGER (CAP), pré-bac
  ["0750655E", "Lycée Louis-le-Grand", "67010031", 10], // 3ème prépa-métiers
  ["0750655E", "Lycée Louis-le-Grand", "32020009", 40], // BTS, post-bac
];
const ETABLISSEMENTS = [
  ["UAI", "Taux de boursiers", "Reliquat pré-bac", "Reliquat post-bac"],
  ["0750655E", "35 %", 1000, 100],
];

async function resultat() {
  const classeur = new MemoryWorkbook({ Effectifs: EFFECTIFS, Établissements: ETABLISSEMENTS });
  return calculerDotations(classeur, {
    feuillesEffectifs: ["Effectifs"],
    feuilleEtablissements: "Établissements",
    annee: 2024,
    parametres: Parametres.embarques(),
  });
}

function texts(nodes: readonly TraceNode[], depth = 0): string[] {
  return nodes.flatMap((n) => [`${depth}:${n.text.split(" :")[0]}`, ...texts(n.children, depth + 1)]);
}

describe("Écran Dotations : totaux et explication", () => {
  test("totaux par enveloppe, la 3ème prépa-métiers dans l'enveloppe pré-bac (décision R9), reliquats déduits", async () => {
    // 2024-2025 : pré-bac 20 × 157 € = 3 140 € ; 3ème prépa-métiers 10 × 56 € = 560 € ; enveloppe 3 700 €,
    // reliquat 1 000 € → 2 700 €. Post-bac : 40 × 35 % = 14 boursiers × 157 € = 2 198 €, reliquat 100 € →
    // 2 098 €. Total net 4 798 €.
    const r = await resultat();
    const cell = (montant: string, nombre: number) => ({ montant, nombre });
    expect(reconciliationRows(r.totaux)).toEqual([
      {
        signe: "",
        libelle: "Dotation calculée",
        preBac: cell("3\u202f700,00", 1),
        postBac: cell("2\u202f198,00", 1),
        total: "5\u202f898,00",
        horsCalcul: false,
      },
      {
        signe: "−",
        libelle: "Reliquats déduits",
        preBac: cell("1\u202f000,00", 1),
        postBac: cell("100,00", 1),
        total: "1\u202f100,00",
        horsCalcul: false,
      },
      {
        signe: "−",
        libelle: "Non-répondants à l'enquête",
        preBac: cell("0,00", 0),
        postBac: cell("0,00", 0),
        total: "0,00",
        horsCalcul: false,
      },
      {
        signe: "−",
        libelle: "Enveloppes non calculées",
        preBac: cell("0,00", 0),
        postBac: cell("0,00", 0),
        total: "0,00",
        horsCalcul: false,
      },
      {
        signe: "=",
        libelle: "Dotation nette",
        preBac: cell("2\u202f700,00", 1),
        postBac: cell("2\u202f098,00", 1),
        total: "4\u202f798,00",
        horsCalcul: false,
      },
      {
        signe: "",
        libelle: "Écrêtement (reliquat supérieur à la dotation, non déduit)",
        preBac: cell("0,00", 0),
        postBac: cell("0,00", 0),
        total: "0,00",
        horsCalcul: true,
      },
    ]);
    expect(effectifsLine(r.totaux)).toBe(
      "Élèves comptés : pré-bac 20, 3e prépa-métiers 10, post-bac 40 dont 14 boursiers retenus.",
    );
    expect(effectifsLine({ ...r.totaux, boursiersRetenus: 1 })).toMatch(/ dont 1 boursier retenu\.$/);
  });

  test("l'explication d'un établissement est un arbre : le total, ses enveloppes nettes, leurs lignes", async () => {
    const [d] = (await resultat()).etablissements;
    const tree = explanationTree(d);
    expect(tree).toHaveLength(1);
    expect(tree[0].text).toMatch(
      /^Dotation nette totale : 2\u202f700,00\u00a0€ \(pré-bac\) \+ 2\u202f098,00\u00a0€ \(post-bac\) = 4\u202f798,00\u00a0€/,
    );
    expect(texts(tree)).toEqual([
      "0:Dotation nette totale",
      "1:Pré-bac net",
      "2:Enveloppe pré-bac",
      "3:3e prépa-métiers",
      "3:Pré-bac",
      "1:Post-bac net",
      "2:Enveloppe post-bac",
      "3:Boursiers retenus",
    ]);
    expect(tree[0].children[1].children[0].children[0].text).toBe(
      "Boursiers retenus : 40 élèves post-bac × 35\u00a0%, arrondi à l'élève (au plus proche) = 14 boursiers (décision : un arrondi par établissement)",
    );
  });

  test("choix d'un établissement : filtre sur l'UAI ou le nom, accents et casse ignorés, liste plafonnée", () => {
    const list = [
      { uai: "0750655E", nom: "Lycée Louis-le-Grand" },
      { uai: "0750654D", nom: "Lycée Henri-IV" },
      { uai: "0941234F", nom: null },
    ];
    expect(filterEstablishments(list, "lycee henri", 10).map((d) => d.uai)).toEqual(["0750654D"]);
    expect(filterEstablishments(list, "0941", 10).map(establishmentLabel)).toEqual(["0941234F"]);
    expect(filterEstablishments(list, "", 2)).toHaveLength(2);
  });
});

describe("Choix des feuilles d'une dotation", () => {
  const feuilles = [
    { name: "Paris", owned: false },
    { name: "Notes", owned: false },
    { name: "Établissements", owned: false },
    { name: "Versailles", owned: false },
    { name: "Dotations ARE 2024-2025", owned: true },
  ];
  const apercus = {
    Paris: EFFECTIFS,
    Notes: [["À faire", "pour lundi"]],
    Établissements: ETABLISSEMENTS,
    Versailles: [["Académie de Versailles"], [], ["RNE", "CFD", "Nb élèves", "Statut"]],
    "Dotations ARE 2024-2025": EFFECTIFS,
  };

  test("les feuilles suggérées sont cochées ; les feuilles du complément ne sont jamais proposées", () => {
    const suggestion = suggererFeuilles(feuilles, apercus);
    expect(initialChoice(feuilles, suggestion)).toEqual({
      effectifs: ["Paris", "Versailles"],
      etablissements: "Établissements",
    });
  });

  test("feuilles ajoutées, supprimées ou renommées pendant que l'écran est ouvert : les coches de l'utilisateur restent, une feuille nouvelle n'est jamais cochée d'office", () => {
    // The user unticked Versailles… then copied Paris as a backup (« Paris (2) »), pasted Créteil in a
    // new tab, renamed nothing, and deleted Établissements.
    const choix: SheetChoice = { effectifs: ["Paris"], etablissements: "Établissements" };
    const apres = [
      { name: "Paris", owned: false },
      { name: "Paris (2)", owned: false },
      { name: "Créteil", owned: false },
      { name: "Notes", owned: false },
      { name: "Versailles", owned: false },
      { name: "Dotations ARE 2024-2025", owned: true },
    ];
    expect(suivreClasseur(choix, apres)).toEqual({ effectifs: ["Paris"], etablissements: null });
    // A ticked sheet deleted (or renamed): no longer ticked.
    expect(
      suivreClasseur({ effectifs: ["Paris", "Versailles"], etablissements: null }, apres.slice(1)),
    ).toEqual({
      effectifs: ["Versailles"],
      etablissements: null,
    });
    // The establishments sheet kept while it exists, the add-in's own included.
    expect(
      suivreClasseur({ effectifs: [], etablissements: "Établissements ARE 2024-2025" }, [
        ...feuilles,
        { name: "Établissements ARE 2024-2025", owned: true },
      ]),
    ).toEqual({ effectifs: [], etablissements: "Établissements ARE 2024-2025" });
  });

  test("cocher et décocher garde l'ordre du classeur ; sans feuille d'effectifs, le calcul ne peut pas partir", () => {
    const order = ["Paris", "Notes", "Établissements", "Versailles"];
    let choice: SheetChoice = { effectifs: ["Versailles"], etablissements: null };
    choice = toggleEffectifs(choice, "Paris", true, order);
    expect(choice.effectifs).toEqual(["Paris", "Versailles"]);
    expect(choiceProblem(choice)).toBeNull();
    choice = toggleEffectifs(toggleEffectifs(choice, "Paris", false, order), "Versailles", false, order);
    expect(choiceProblem(choice)).toBe("Cochez au moins une feuille d'effectifs.");
  });
});
