/**
 * R9 — the totals that reconcile (issue 12): per envelope, dotation calculée − reliquats déduits −
 * non-répondants − non calculées = dotation nette, each line with its count of establishments, and the
 * écrêtement (reliquats above the dotation, not deducted). The same lines for the « Dotations ARE »
 * sheet's heading, the CLI summary (as text) and the task pane's table (as rows): the identities are
 * those of partsEnveloppe (src/rules/dotation.ts), exact in decimal.
 */
import {
  formaterEntier,
  formaterEuros,
  nombreDe,
  TITRES_ENVELOPPES,
  type Decimal,
  type Enveloppe,
  type LigneTotal,
  type TotauxEnveloppe,
} from "../rules";
import type { TotauxDotations } from "./types";

export { nombreDe };

export interface LigneRapprochement {
  /** « − » for a part taken from the dotation calculée, « = » for the net, "" otherwise. */
  readonly signe: "" | "−" | "=";
  readonly libelle: string;
  /** Which of TotauxEnveloppe's lines. */
  readonly cle: keyof TotauxEnveloppe;
  readonly parEnveloppe: Readonly<Record<Enveloppe, LigneTotal>>;
  /** Pré-bac + post-bac (the envelopes are not fungible: a sum for the Région's budget only). */
  readonly total: Decimal;
  /** A line outside the identity (the écrêtement): shown after the net. */
  readonly horsCalcul: boolean;
}

const LIGNES: readonly {
  cle: keyof TotauxEnveloppe;
  signe: LigneRapprochement["signe"];
  libelle: string;
}[] = [
  { cle: "calculee", signe: "", libelle: "Dotation calculée" },
  { cle: "reliquatsDeduits", signe: "−", libelle: "Reliquats déduits" },
  { cle: "nonRepondants", signe: "−", libelle: "Non-répondants à l'enquête" },
  { cle: "nonCalculees", signe: "−", libelle: "Enveloppes non calculées" },
  { cle: "nette", signe: "=", libelle: "Dotation nette" },
  { cle: "ecretement", signe: "", libelle: "Écrêtement (reliquat supérieur à la dotation, non déduit)" },
];

/** The reconciliation's lines, in order: the identity, then the écrêtement. */
export function lignesRapprochement(totaux: TotauxDotations): LigneRapprochement[] {
  return LIGNES.map(({ cle, signe, libelle }) => {
    const preBac = totaux.enveloppes.preBac[cle];
    const postBac = totaux.enveloppes.postBac[cle];
    return {
      signe,
      libelle,
      cle,
      parEnveloppe: { preBac, postBac },
      total: preBac.montant.plus(postBac.montant),
      horsCalcul: cle === "ecretement",
    };
  });
}

/** Envelopes « non calculée » of a run, both envelopes together. */
export function enveloppesNonCalculees(totaux: TotauxDotations): number {
  return (
    totaux.enveloppes.preBac.nonCalculees.etablissements +
    totaux.enveloppes.postBac.nonCalculees.etablissements
  );
}

/** « 2 enveloppes non calculées, absentes des totaux », or null when every envelope is computed. */
export function avisNonCalculees(totaux: TotauxDotations): string | null {
  const n = enveloppesNonCalculees(totaux);
  if (n === 0) return null;
  return n > 1
    ? `${formaterEntier(n)} enveloppes non calculées, absentes des dotations nettes (à compléter puis relancer)`
    : "1 enveloppe non calculée, absente des dotations nettes (à compléter puis relancer)";
}

/**
 * Why the totals row's « Dotation nette totale » is not the sum of its column, or null when it is:
 * an establishment with one envelope « non calculée » has no total (its cell stays empty, never a
 * partial figure to be paid as the whole), but its computed envelope is in the pré-bac or post-bac
 * net, and so in the total of the two. Said next to the figure, so that the officer who sums the
 * column in Excel finds the difference explained.
 */
export function avisTotalIncomplet(totaux: TotauxDotations): string | null {
  const { etablissements, montant } = totaux.totauxIncomplets;
  if (etablissements === 0 || montant.isZero()) return null;
  const [qui, ligne] =
    etablissements > 1
      ? [
          `des ${formaterEntier(etablissements)} établissements dont le total n'est pas calculé`,
          "leurs lignes",
        ]
      : ["de l'établissement dont le total n'est pas calculé", "sa ligne"];
  return `Dotation nette totale ${formaterEuros(totaux.nette.total)} = nette pré-bac ${formaterEuros(totaux.nette.preBac)} + nette post-bac ${formaterEuros(totaux.nette.postBac)} : elle compte les enveloppes calculées ${qui} (${formaterEuros(montant)}), ${ligne} laissant le total vide ; la somme des totaux par établissement est ${formaterEuros(totaux.nette.total.minus(montant))}.`;
}

/**
 * The reconciliation as text, one line per envelope and one for its reliquats, e.g.
 * « Pré-bac : dotation calculée 855 147,00 € (62 établissements) − reliquats déduits … = dotation
 * nette 762 081,72 € (62 établissements) ».
 */
export function texteRapprochement(totaux: TotauxDotations): string[] {
  const lignes: string[] = [];
  for (const enveloppe of ["preBac", "postBac"] as const) {
    const t = totaux.enveloppes[enveloppe];
    const part = (ligne: LigneTotal, libelle: string, unite: [string, string]) =>
      `${libelle} ${formaterEuros(ligne.montant)} (${nombreDe(ligne.etablissements, ...unite)})`;
    const etab: [string, string] = ["établissement", "établissements"];
    lignes.push(
      `${TITRES_ENVELOPPES[enveloppe]} : ${part(t.calculee, "dotation calculée", etab)} − ${part(t.reliquatsDeduits, "reliquats déduits", etab)} − ${part(t.nonRepondants, "non-répondants", etab)} − ${part(t.nonCalculees, "non calculées", ["enveloppe", "enveloppes"])} = ${part(t.nette, "dotation nette", etab)}`,
      `  reliquats déclarés ${formaterEuros(t.reliquatsDeclares.montant)} : déduits ${formaterEuros(t.reliquatsDeduits.montant)}, ${part(t.ecretement, "écrêtement (au-delà de la dotation, non déduit)", etab)}, non pris en compte (non-répondants, enveloppes non calculées) ${formaterEuros(t.reliquatsNonPrisEnCompte.montant)}`,
    );
  }
  return lignes;
}
