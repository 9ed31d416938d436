/**
 * What the Dotations screen shows of a result: the totals per envelope, reconciled from the dotation
 * calculée to the net (R9: pré-bac and post-bac are not fungible; Décision R9 (regles.md#enveloppes.prepa-metiers-pre-bac): the 3ème prépa-métiers
 * line belongs to the pré-bac envelope), formatted in euros from the workflow's exact decimal totals,
 * and the explanation of one establishment as a tree.
 */
import {
  formaterDecimal,
  formaterEntier,
  formaterEuros,
  lignesDeTrace,
  nombreDe,
  type Decimal,
  type DotationEtablissement,
} from "../../rules";
import { lignesRapprochement } from "../../workflows/rapprochement";
import type { TotauxDotations } from "../../workflows/types";

/** One amount of the totals table and how many establishments (or envelopes) it concerns. */
export interface TotalCell {
  readonly montant: string;
  readonly nombre: number;
}

/**
 * One line of the totals table (R9, Décision (regles.md#enveloppes.rapprochement) in src/rules/dotation.ts): « Dotation calculée »,
 * « − Reliquats déduits », « − Non-répondants à l'enquête », « − Enveloppes non calculées »,
 * « = Dotation nette », then the écrêtement, outside the identity.
 */
export interface ReconciliationRow {
  readonly signe: "" | "−" | "=";
  readonly libelle: string;
  readonly preBac: TotalCell;
  readonly postBac: TotalCell;
  /** Pré-bac + post-bac (not fungible: a sum for the Région's budget). */
  readonly total: string;
  readonly horsCalcul: boolean;
}

/** Euros with two decimals, without the sign: the table's headers say « (€) », a narrow pane needs the room. */
const euros = (value: Decimal) => formaterDecimal(value, 2);

/** The totals table: the reconciliation of each envelope, every line exact and counted. */
export function reconciliationRows(totaux: TotauxDotations): ReconciliationRow[] {
  return lignesRapprochement(totaux).map((l) => ({
    signe: l.signe,
    libelle: l.libelle,
    preBac: { montant: euros(l.parEnveloppe.preBac.montant), nombre: l.parEnveloppe.preBac.etablissements },
    postBac: {
      montant: euros(l.parEnveloppe.postBac.montant),
      nombre: l.parEnveloppe.postBac.etablissements,
    },
    total: euros(l.total),
    horsCalcul: l.horsCalcul,
  }));
}

/** An establishment's net as shown: « non calculée » when one of its envelopes could not be computed, never 0,00 €. */
export function formatEurosOuNonCalculee(value: Decimal | null): string {
  return value === null ? "non calculée" : formaterEuros(value);
}

/** « 3e prépa-métiers 120 · pré-bac 4 210 · post-bac 830 élèves, 291 boursiers retenus ». */
export function effectifsLine(totaux: TotauxDotations): string {
  const e = totaux.effectifs;
  return `Élèves comptés : pré-bac ${formaterEntier(e.preBac)}, 3e prépa-métiers ${formaterEntier(e.prepaMetiers)}, post-bac ${formaterEntier(e.postBac)} dont ${nombreDe(totaux.boursiersRetenus, "boursier retenu", "boursiers retenus")}.`;
}

export interface TraceNode {
  readonly text: string;
  readonly children: readonly TraceNode[];
}

/**
 * The explanation of an establishment's net dotation as a tree: lignesDeTrace's lines, whose
 * indentation (two spaces per level) gives the nesting.
 */
export function explanationTree(dotation: DotationEtablissement): TraceNode[] {
  const roots: { text: string; children: TraceNode[] }[] = [];
  const stack: { depth: number; node: { text: string; children: TraceNode[] } }[] = [];
  for (const line of lignesDeTrace(dotation.nette.total.trace)) {
    const depth = (line.length - line.trimStart().length) / 2;
    const node = { text: line.trim(), children: [] as TraceNode[] };
    while (stack.length > 0 && stack[stack.length - 1].depth >= depth) stack.pop();
    (stack.length > 0 ? stack[stack.length - 1].node.children : roots).push(node);
    stack.push({ depth, node });
  }
  return roots;
}

/** « 0750039K — Lycée technologique Frédéric-Mistral ». */
export function establishmentLabel(d: Pick<DotationEtablissement, "uai" | "nom">): string {
  return d.nom ? `${d.uai} — ${d.nom}` : d.uai;
}

/** The establishments whose UAI or name contains the filter (case and accents ignored), at most `limit`. */
export function filterEstablishments<T extends Pick<DotationEtablissement, "uai" | "nom">>(
  list: readonly T[],
  filter: string,
  limit: number,
): T[] {
  const wanted = fold(filter.trim());
  const found: T[] = [];
  for (const d of list) {
    if (found.length >= limit) break;
    if (wanted === "" || fold(establishmentLabel(d)).includes(wanted)) found.push(d);
  }
  return found;
}

function fold(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase();
}
