/**
 * `are reliquats <bilan…> --out <fichier.xlsx>` — the reliquats of the filled bilans carried into the
 * establishments sheet of the next year's dotation (read by `are dotations --etablissements`). The
 * file is written even when a bilan has erreurs (its uncomputable reliquats say « non calculé »), and the
 * exit code is then 1.
 */
import * as path from "path";
import {
  ENVELOPPES,
  NOMS_ENVELOPPES,
  formaterEntier,
  formaterEuros,
  libelleAnnee,
  lireUai,
  ZERO,
  type Decimal,
} from "../rules";
import { isBlank, type Row } from "../grid";
import { ecrireReliquats, reporterReliquats, type ResultatReliquats } from "../workflows";
import { reliquatsJson } from "./jsonBilan";
import { FileWorkbook } from "../xlsx";
import { UsageError, flag, optionValue, parseArgs } from "./args";
import { ouvrirBilans } from "./classeurs";
import { checkOutputPath, openInput, withUnread } from "./files";
import type { CliIo } from "./io";
import { LISTE_OPTIONS, cataloguesOf, fichiersLus } from "./liste";
import { ANNEE_OPTION, anneeOf } from "./options";
import { renderConstats } from "./report";
import { constat, resumeGravites, type Constat } from "../sheet/constats";
import { detecterEntete, indexRelatif, lireMontant } from "../sheet";

import { renderTable } from "./table";
import { printJson } from "./jsonOutput";

export const RELIQUATS_OPTIONS = {
  ...ANNEE_OPTION,
  ...LISTE_OPTIONS,
  etablissements: { value: true },
  out: { value: true },
  json: {},
  help: { alias: "-h" },
} as const;

const montant = (d: Decimal | null) => (d === null ? "non calculé" : formaterEuros(d));

function renderReliquats(r: ResultatReliquats, written: string): string {
  const lines = [
    `Reliquats des bilans ${libelleAnnee(r.anneeBilans)}, à déduire des dotations ${libelleAnnee(r.anneeDotations)}`,
    `Bilans lus : ${formaterEntier(r.bilans.length)} ; établissements repris : ${formaterEntier(r.reliquats.length)}`,
    "",
    ...renderTable(
      [
        { header: "UAI" },
        { header: "Établissement", maxWidth: 36 },
        { header: "Reliquat pré-bac", align: "right" },
        { header: "Reliquat post-bac", align: "right" },
        { header: "Bilan", maxWidth: 40 },
      ],
      r.reliquats.map((x) => [
        x.uai,
        x.nom ?? "",
        montant(x.reliquats.preBac),
        montant(x.reliquats.postBac),
        x.bilan ?? "",
      ]),
    ),
    "",
    `Constats : ${resumeGravites(r.constats)}.`,
    ...renderConstats(
      r.constats.filter((c) => c.gravite !== "info"),
      true,
    ),
    "",
    `Classeur écrit : ${written}`,
    "À donner au calcul des dotations : are dotations <effectifs…> --etablissements <ce fichier>.",
  ];
  return lines.join("\n") + "\n";
}

const CHAMP_RELIQUAT = { preBac: "reliquatPreBac", postBac: "reliquatPostBac" } as const;

/**
 * Décision (regles.md#reliquats.anterieur-divergent): the reliquat antérieur a bilan writes is the one
 * the establishments sheet of its year deducted from its dotation. `are reliquats --etablissements`
 * replaces the sheet's value with the bilan's new reliquat: before it does, a bilan whose reliquat
 * antérieur differs (0 instead of the 1 000,00 € deducted) is an alerte — the reliquat carried, and so
 * the next dotation, depends on it. A blank cell of the sheet is 0, as the dotation reads it.
 */
async function reliquatsAnterieursDivergents(
  workbook: FileWorkbook,
  feuille: string,
  resultat: ResultatReliquats,
): Promise<Constat[]> {
  const base = await workbook.readSheet(feuille);
  const detection = detecterEntete(base);
  if (!detection?.entete.colonnes.uai) return [];
  const colonne = (champ: "uai" | "reliquatPreBac" | "reliquatPostBac") =>
    indexRelatif(detection.entete, champ, base.columnOffset);
  const lignes = new Map<string, { row: Row; ligne: number }>();
  for (let i = detection.indexLigne + 1; i < base.values.length; i++) {
    const lu = lireUai(base.values[i][colonne("uai")] ?? null);
    if (lu.ok && !lignes.has(lu.uai))
      lignes.set(lu.uai, { row: base.values[i], ligne: base.rowOffset + i + 1 });
  }
  const constats: Constat[] = [];
  for (const reporte of resultat.reliquats) {
    const bilan = resultat.bilans.find((b) => b.feuille === reporte.bilan);
    const ligne = lignes.get(reporte.uai);
    if (!bilan || !ligne) continue;
    for (const e of ENVELOPPES) {
      const j = colonne(CHAMP_RELIQUAT[e]);
      const duBilan = bilan.formulaire.reliquats[e];
      if (j < 0 || duBilan === null) continue;
      const brut = ligne.row[j];
      const lu = isBlank(brut) ? { ok: true as const, valeur: ZERO } : lireMontant(brut, "Reliquat");
      // An unreadable reliquat is the dotation's erreur to report (reliquat-illisible), not this one.
      if (!lu.ok || lu.valeur.eq(duBilan)) continue;
      const attendu = lu.valeur;
      const origine = bilan.formulaire.origines[e === "preBac" ? "reliquatPreBac" : "reliquatPostBac"];
      constats.push(
        constat(
          "valeur-divergente",
          bilan.feuille,
          origine?.ligne ?? null,
          origine?.colonne ?? null,
          `Reliquat antérieur ${NOMS_ENVELOPPES[e]} du bilan : ${formaterEuros(duBilan)}, alors que « ${feuille} » donne ${formaterEuros(attendu)} pour ${reporte.uai} (ligne ${ligne.ligne}), le reliquat déduit de sa dotation ${libelleAnnee(resultat.anneeBilans)}. Le reliquat reporté en dépend (${formaterEuros(attendu.minus(duBilan).abs())} d'écart) : vérifiez le bilan.`,
        ),
      );
    }
  }
  return constats;
}

export async function reliquatsCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, RELIQUATS_OPTIONS, "reliquats");
  if (args.positionals.length === 0) {
    throw new UsageError(
      "Indiquez au moins un bilan rempli, par exemple « are reliquats bilan-0750655E.xlsx --out etablissements.xlsx » : voir « are reliquats --help ».",
    );
  }
  const out = optionValue(args, "out");
  if (out === undefined) {
    throw new UsageError(
      "Indiquez le classeur à écrire avec --out <fichier.xlsx> : voir « are reliquats --help ».",
    );
  }
  const etablissementsPath = optionValue(args, "etablissements");
  await checkOutputPath(
    out,
    fichiersLus(args, [...args.positionals, ...(etablissementsPath ? [etablissementsPath] : [])]),
  );
  const annee = anneeOf(args, io);

  const workbook = new FileWorkbook();
  const bilans: string[] = [];
  const unread: Constat[] = [];
  const vus = new Set<string>();
  for (const filePath of args.positionals) {
    if (vus.has(path.resolve(filePath))) {
      throw new UsageError(`« ${filePath} » est donné deux fois : donnez chaque bilan une seule fois.`);
    }
    vus.add(path.resolve(filePath));
    const lus = await ouvrirBilans(
      workbook,
      filePath,
      undefined,
      io,
      "Pour la reporter, affichez-la dans Excel (ou copiez-la dans un fichier à part).",
    );
    bilans.push(...lus.bilans.map((b) => b.nom));
    unread.push(...lus.unread);
  }
  const etablissements = etablissementsPath
    ? (await openInput(workbook, etablissementsPath, { nature: "etablissements" }, io, false)).feuille
    : null;
  // A hidden bilan skipped when opening the files is a constat of the run (ouvrirBilans): in --json,
  // the summary and the count in the written sheet's heading.
  let resultat = withUnread(
    await reporterReliquats(workbook, {
      feuillesBilans: bilans,
      feuilleEtablissements: etablissements,
      annee,
      catalogues: await cataloguesOf(args, io, annee),
    }),
    unread,
  );
  if (etablissements) {
    const divergents = await reliquatsAnterieursDivergents(workbook, etablissements, resultat);
    resultat = { ...resultat, constats: [...resultat.constats, ...divergents] };
  }
  const feuille = await ecrireReliquats(workbook, resultat);
  await workbook.save(out, io.now());
  const written = `${out} (feuille « ${feuille} »)`;
  if (flag(args, "json")) {
    await printJson(io, reliquatsJson(resultat));
    io.stderr(`Classeur écrit : ${written}\n`);
  } else {
    io.stdout(renderReliquats(resultat, written));
  }
  return resultat.constats.some((c) => c.gravite === "erreur") ? 1 : 0;
}
