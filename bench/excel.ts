/**
 * The Excel adapter (src/excel) on the counting fake of its tests (test/excel/fakeExcel.ts): how many
 * `context.sync()` calls and how many bytes per request to read a pasted sheet and to write the
 * dotations and constats sheets, for 1 000, 10 000 and 100 000 rows. Design.md §5: a constant number of
 * syncs plus one per chunk of at most 5 000 rows, and no request above 5 MB (Excel on the web's cap);
 * a written chunk is also cut at an estimated 2.5 MB (src/excel/chunks.ts). The fake's own speed says
 * nothing about Excel's: only counts are reported.
 *
 *   node build/bench/bench/excel.js
 */
import "./stubs";
import { ExcelWorkbook } from "../src/excel";
import { Parametres } from "../src/rules";
import { MemoryWorkbook } from "../src/workbook/memory";
import type { OutputSheet, Row } from "../src/workbook/port";
import { calculerDotations, feuilleConstats, feuilleDotations } from "../src/workflows";
import { FakeExcel, PAYLOAD_LIMIT, type Seed } from "../test/excel/fakeExcel";
import { feuillesBench } from "./generate";
import { publier } from "./mesure";

const TAILLES = [1_000, 10_000, 100_000];

/** The two sheets of a real run: Dotations (one row per establishment, 19 columns with the explanation) and Constats. */
async function modeles(): Promise<{ dotations: OutputSheet; constats: OutputSheet }> {
  const feuilles = feuillesBench(10_000);
  const classeur = new MemoryWorkbook({
    Effectifs: feuilles.effectifs,
    Établissements: feuilles.etablissements,
  });
  const resultat = await calculerDotations(classeur, {
    feuillesEffectifs: ["Effectifs"],
    feuilleEtablissements: "Établissements",
    annee: 2024,
    parametres: Parametres.embarques(),
  });
  return {
    dotations: feuilleDotations(resultat, "Constats ARE 2024-2025"),
    constats: feuilleConstats(resultat),
  };
}

/** The sheet with its rows repeated up to `lignes`. */
function agrandie(modele: OutputSheet, lignes: number): OutputSheet {
  const rows: Row[] = Array.from({ length: lignes }, (_, i) => modele.rows[i % modele.rows.length]);
  return { ...modele, rows };
}

async function principal(): Promise<void> {
  const { dotations, constats } = await modeles();
  const lectures = [];
  const ecritures = [];
  for (const lignes of TAILLES) {
    const excel = new FakeExcel();
    const grille = feuillesBench(lignes).effectifs.slice(0, lignes + 1) as Seed[][];
    excel.addUserSheet("Effectifs", grille, "B3");
    const lu = await new ExcelWorkbook(excel.run).readSheet("Effectifs");
    lectures.push({
      lignes,
      lignesLues: lu.values.length,
      cellules: lu.values.length * (lu.values[0]?.length ?? 0),
      syncs: excel.syncs,
      requeteMaxOctets: Math.max(...excel.batchBytes),
      totalOctets: excel.batchBytes.reduce((a, b) => a + b, 0),
    });

    for (const [nom, modele] of [
      ["Dotations", dotations],
      ["Constats", constats],
    ] as const) {
      const sortie = new FakeExcel();
      const feuille = agrandie(modele, lignes);
      await new ExcelWorkbook(sortie.run).writeSheet(feuille);
      ecritures.push({
        feuille: nom,
        lignes,
        colonnes: feuille.columns.length,
        syncs: sortie.syncs,
        requeteMaxOctets: Math.max(...sortie.batchBytes),
        totalOctets: sortie.batchBytes.reduce((a, b) => a + b, 0),
      });
    }
  }
  publier({ plafondOctets: PAYLOAD_LIMIT, lectures, ecritures });
}

principal().catch((error) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
