/**
 * The sheets the add-in writes (design.md §5): `Dotations ARE <année>` (one row per establishment, its
 * lines, envelopes, reliquats, nets, motifs and explanation, a totals row), `Constats ARE <année>` and
 * `Contrôle ARE`. They are new sheets the add-in owns: the port never overwrites a user's sheet (it picks
 * « … (2) ») and replaces only its own.
 *
 * Columns whose content comes from the pasted data (names, UAI, messages) are written as text, so that
 * a pasted « =HYPERLINK(…) » stays inert. Amounts are numbers rounded to the cent; the totals row is
 * summed in decimal (dotations.ts), never by the spreadsheet.
 */
import {
  arrondirDemiHaut,
  formaterTrace,
  lignesDeTrace,
  phraseListe,
  libelleAnnee,
  formaterEntier,
  netteTotaleConnue,
  type Decimal,
  type DotationEtablissement,
} from "../rules";
import { avisNonCalculees, avisTotalIncomplet, nombreDe, texteRapprochement } from "./rapprochement";
import { COLONNES_CONSTATS, lignesConstats, phraseConstats, resumeLignes } from "./sortiesCommunes";
import { nomDuChamp, type Champ } from "../sheet";
import type { Row } from "../grid";
import type { OutputColumn, OutputSheet, Workbook } from "../workbook/port";
import type { ResultatControle, ResultatDotations } from "./types";

/** An amount as written in a cell: a number rounded half-up to the cent. */
export function montant(value: Decimal): number {
  return arrondirDemiHaut(value, 2).toNumber();
}

export function nomFeuilleDotations(annee: number): string {
  return `Dotations ARE ${libelleAnnee(annee)}`;
}

export function nomFeuilleConstats(annee: number): string {
  return `Constats ARE ${libelleAnnee(annee)}`;
}

export const NOM_FEUILLE_CONTROLE = "Contrôle ARE";

const COLONNES_DOTATIONS: readonly OutputColumn[] = [
  { header: "UAI", format: "text", width: 11 },
  { header: "Établissement", format: "text", width: 32 },
  { header: "A répondu à l'enquête", format: "text", width: 10 },
  { header: "Effectif 3e prépa-métiers", format: "integer", width: 12 },
  { header: "Effectif pré-bac", format: "integer", width: 12 },
  { header: "Effectif post-bac", format: "integer", width: 12 },
  { header: "Taux de boursiers", format: "percent", width: 10 },
  { header: "Taux de boursiers (saisi)", format: "text", width: 24 },
  { header: "Boursiers retenus", format: "integer", width: 11 },
  { header: "Dotation 3e prépa-métiers", format: "euros", width: 14 },
  { header: "Dotation pré-bac", format: "euros", width: 14 },
  { header: "Dotation post-bac", format: "euros", width: 14 },
  { header: "Reliquat pré-bac", format: "euros", width: 14 },
  { header: "Reliquat post-bac", format: "euros", width: 14 },
  { header: "Dotation nette pré-bac", format: "euros", width: 14 },
  { header: "Dotation nette post-bac", format: "euros", width: 14 },
  { header: "Dotation nette totale", format: "euros", width: 14 },
  { header: "Motifs", format: "text", width: 50 },
  { header: "Explication", format: "text", width: 90 },
];

function ligneDotation(d: DotationEtablissement): Row {
  return [
    d.uai,
    d.nom,
    d.aRepondu ? "oui" : "non",
    d.effectifs.prepaMetiers,
    d.effectifs.preBac,
    d.effectifs.postBac,
    // The ratio whole, never rounded: =ARE.BOURSIERS over this row must give the row's boursiers, and
    // 21 × 5/6 = 17,5 → 18 where 21 × 0,833333 → 17.
    d.tauxBoursiers ? d.tauxBoursiers.ratio.toNumber() : null,
    d.tauxBoursiers ? d.tauxBoursiers.description : null,
    d.boursiersRetenus ? d.boursiersRetenus.nombre : null,
    montant(d.brute.prepaMetiers.valeur),
    montant(d.brute.preBac.valeur),
    d.brute.postBac ? montant(d.brute.postBac.valeur) : null,
    montant(d.reliquats.preBac),
    montant(d.reliquats.postBac),
    // An envelope « non calculée » is an empty cell, its reason in the motifs: never 0,00 €.
    ...[d.parts.preBac.nette, d.parts.postBac.nette, netteTotaleConnue(d)].map((v) =>
      v === null ? null : montant(v),
    ),
    [...d.erreurs, ...d.motifs].join("\n") || null,
    lignesDeTrace(d.nette.total.trace).join("\n"),
  ];
}

export function feuilleDotations(resultat: ResultatDotations, feuilleConstats: string): OutputSheet {
  const annee = libelleAnnee(resultat.annee);
  const { forfaits, totaux } = resultat;
  return {
    name: nomFeuilleDotations(resultat.annee),
    heading: [
      `Dotations ARE ${annee} — aide régionale à l'équipement des élèves, Région Île-de-France`,
      ...[forfaits.prepaMetiers, forfaits.preBac, forfaits.postBac].map((f) => formaterTrace(f.trace)),
      `Feuilles lues : ${resultat.sources.map((f) => `« ${f} »`).join(", ") || "aucune"}`,
      phraseListe(resultat.liste),
      `${resumeLignes(resultat.lignes, "comptées")} ; détail dans la feuille « ${feuilleConstats} ».`,
      ...texteRapprochement(totaux),
      "Montants en euros, arrondis au centime ; la colonne Explication détaille chaque calcul.",
    ],
    columns: COLONNES_DOTATIONS,
    rows: resultat.etablissements.map(ligneDotation),
    totals: [
      "Total",
      [nombreDe(resultat.etablissements.length, "établissement", "établissements"), avisNonCalculees(totaux)]
        .filter((texte) => texte !== null)
        .join(" ; "),
      null,
      totaux.effectifs.prepaMetiers,
      totaux.effectifs.preBac,
      totaux.effectifs.postBac,
      null,
      null,
      totaux.boursiersRetenus,
      montant(totaux.brute.prepaMetiers),
      montant(totaux.brute.preBac),
      montant(totaux.brute.postBac),
      montant(totaux.reliquats.preBac),
      montant(totaux.reliquats.postBac),
      montant(totaux.nette.preBac),
      montant(totaux.nette.postBac),
      montant(totaux.nette.total),
      null,
      avisTotalIncomplet(totaux),
    ],
  };
}

export function feuilleConstats(resultat: ResultatDotations): OutputSheet {
  return {
    name: nomFeuilleConstats(resultat.annee),
    heading: [
      `Constats de la lecture — dotations ARE ${libelleAnnee(resultat.annee)}`,
      `Feuilles lues : ${resultat.sources.map((f) => `« ${f} »`).join(", ") || "aucune"}`,
      phraseListe(resultat.liste),
      resumeLignes(resultat.lignes, "comptées"),
      phraseConstats(resultat.constats),
      "erreur : la ligne (ou la valeur) ne compte pas, à corriger ; alerte : comptée, à vérifier ; info : exclusion attendue ou structure de la feuille.",
    ],
    columns: COLONNES_CONSTATS,
    rows: lignesConstats(resultat.constats),
    totals: null,
  };
}

export function feuilleControle(resultat: ResultatControle): OutputSheet {
  const { entete, effectifs } = resultat;
  const colonnes = entete
    ? (Object.entries(entete.colonnes) as [Champ, { lettre: string; entete: string }][])
        .map(([champ, c]) => `${nomDuChamp(champ)} → ${c.lettre} (« ${c.entete} »)`)
        .join(" ; ")
    : "";
  return {
    name: NOM_FEUILLE_CONTROLE,
    heading: [
      `Contrôle de la feuille « ${resultat.feuille} » — ARE ${libelleAnnee(resultat.annee)}`,
      entete ? `En-tête ligne ${entete.ligne} : ${colonnes}` : "Aucune ligne d'en-tête reconnue.",
      phraseListe(resultat.liste),
      resumeLignes(resultat.lignes, "comptées"),
      `Effectifs éligibles de 1re année comptés : 3e prépa-métiers ${formaterEntier(effectifs.prepaMetiers)}, pré-bac ${formaterEntier(effectifs.preBac)}, post-bac ${formaterEntier(effectifs.postBac)}`,
      phraseConstats(resultat.constats),
    ],
    columns: COLONNES_CONSTATS,
    rows: lignesConstats(resultat.constats),
    totals: null,
  };
}

/**
 * Writes `Constats ARE <année>` then `Dotations ARE <année>` (whose heading names the constats sheet as
 * actually written). Returns the names used.
 */
export async function ecrireDotations(
  workbook: Workbook,
  resultat: ResultatDotations,
): Promise<{ dotations: string; constats: string }> {
  const constats = await workbook.writeSheet(feuilleConstats(resultat));
  const dotations = await workbook.writeSheet(feuilleDotations(resultat, constats));
  return { dotations, constats };
}

export async function ecrireControle(workbook: Workbook, resultat: ResultatControle): Promise<string> {
  return workbook.writeSheet(feuilleControle(resultat));
}
