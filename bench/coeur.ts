/**
 * The core (design.md §8): read a pasted effectif sheet, judge every row, compute every
 * establishment's dotation — the `calculerDotations` workflow on a MemoryWorkbook — for one size
 * given on the command line, in a process of its own (so that its peak memory is its own).
 *
 * Measured in the same run, on the same grid:
 * - a bare Map lookup-and-sum loop (the limit to approach: no validation, no finding, no trace);
 * - a naive implementation: the catalogue searched row by row, a Decimal product and sum per row.
 *
 *   node --expose-gc --single-threaded-gc build/bench/bench/coeur.js 100000
 */
import { CATALOGUES, Decimal, Parametres, ZERO, type Categorie } from "../src/rules";
import { MemoryWorkbook } from "../src/workbook/memory";
import type { CellValue } from "../src/workbook/port";
import { calculerDotations, type ResultatDotations } from "../src/workflows";
import { feuillesBench } from "./generate";
import { MO, publier, ramasserMiettes, rssMaximal, serie, tasUtilise, type Serie } from "./mesure";

const COLONNE_UAI = 0;
const COLONNE_CODE = 2;
const COLONNE_EFFECTIF = 5;

const INDICE_CATEGORIE: Readonly<Record<Categorie, number>> = { PREPA_METIERS: 0, PRE_BAC: 1, POST_BAC: 2 };

/** The catalogue's codes as they appear in the grid (text and number), to their category's index. */
function categoriesParCode(): Map<CellValue, number> {
  const map = new Map<CellValue, number>();
  for (const f of CATALOGUES[0].formations) {
    map.set(f.code, INDICE_CATEGORIE[f.categorie]);
    map.set(Number(f.code), INDICE_CATEGORIE[f.categorie]);
  }
  return map;
}

/** The limit: one Map lookup for the code, one for the establishment, an integer sum. */
function boucleMap(grille: readonly (readonly CellValue[])[], categories: Map<CellValue, number>): number {
  const sommes = new Map<CellValue, number[]>();
  for (let i = 1; i < grille.length; i++) {
    const row = grille[i];
    const categorie = categories.get(row[COLONNE_CODE]);
    const effectif = row[COLONNE_EFFECTIF];
    if (categorie === undefined || typeof effectif !== "number") continue;
    let somme = sommes.get(row[COLONNE_UAI]);
    if (somme === undefined) {
      somme = [0, 0, 0];
      sommes.set(row[COLONNE_UAI], somme);
    }
    somme[categorie] += effectif;
  }
  return sommes.size;
}

/** The naive way: a linear search of the catalogue and a Decimal product and sum per row. */
function naif(grille: readonly (readonly CellValue[])[], forfait: Decimal): number {
  const formations = CATALOGUES[0].formations;
  const montants = new Map<string, Decimal>();
  for (let i = 1; i < grille.length; i++) {
    const row = grille[i];
    const code = String(row[COLONNE_CODE]);
    const formation = formations.find((f) => f.code === code);
    const effectif = row[COLONNE_EFFECTIF];
    if (formation === undefined || typeof effectif !== "number") continue;
    const uai = String(row[COLONNE_UAI]);
    montants.set(uai, (montants.get(uai) ?? ZERO).plus(new Decimal(effectif).times(forfait)));
  }
  return montants.size;
}

function resume(s: Serie) {
  return {
    essais: s.mesures.length,
    murMedianMs: s.murMedianMs,
    cpuMedianMs: s.cpuMedianMs,
    murMinMs: s.murMinMs,
    cpuMinMs: s.cpuMinMs,
  };
}

async function principal(): Promise<void> {
  const lignes = Number(process.argv[2] ?? 100_000);
  if (!Number.isInteger(lignes) || lignes <= 0) throw new Error(`taille ${process.argv[2]} illisible`);

  ramasserMiettes();
  const tasAvant = tasUtilise();
  const feuilles = feuillesBench(lignes);
  ramasserMiettes();
  const grilleMo = (tasUtilise() - tasAvant) / MO;

  const classeur = new MemoryWorkbook({
    Effectifs: feuilles.effectifs,
    Établissements: feuilles.etablissements,
  });
  const parametres = Parametres.embarques();
  let tasPic = 0;
  let dernier: ResultatDotations | null = null;
  const calcul = async () => {
    dernier = await calculerDotations(classeur, {
      feuillesEffectifs: ["Effectifs"],
      feuilleEtablissements: "Établissements",
      annee: 2024,
      parametres,
      // Called every 5 000 rows: the heap is sampled there.
      progress: { onProgress: () => void (tasPic = Math.max(tasPic, tasUtilise())) },
    });
  };
  // Memory of one run, from a collected heap: the peak sampled while reading, less the heap before.
  ramasserMiettes();
  const tasDebut = tasUtilise();
  tasPic = tasDebut;
  await calcul();
  const travailMo = (tasPic - tasDebut) / MO;
  ramasserMiettes();
  const resultatMo = (tasUtilise() - tasDebut) / MO;

  const nous = await serie(calcul, { minimum: lignes >= 1_000_000 ? 5 : 7 });
  const resultat = dernier as unknown as ResultatDotations;

  const categories = categoriesParCode();
  let controleMap = 0;
  const map = await serie(() => void (controleMap = boucleMap(feuilles.effectifs, categories)), {
    minimum: 7,
  });
  const forfait = new Decimal(157);
  let controleNaif = 0;
  const lent = await serie(() => void (controleNaif = naif(feuilles.effectifs, forfait)), {
    minimum: 3,
    dureeMs: 500,
  });

  publier({
    lignes,
    etablissements: resultat.etablissements.length,
    lignesComptees: resultat.lignes.comptees,
    lignesEcartees: resultat.lignes.ecartees,
    constats: resultat.constats.length,
    grilleMo,
    travailMo,
    resultatMo,
    rssMaxMo: rssMaximal() / MO,
    nous: resume(nous),
    map: { ...resume(map), etablissements: controleMap },
    naif: { ...resume(lent), etablissements: controleNaif },
  });
}

principal().catch((error) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
