/**
 * Explanations. Every computed figure carries a trace — which rule, what was multiplied or deducted,
 * the result and the legal reference — that renders as one line of French a finance officer can check
 * by hand: « Pré-bac : 230 élèves × 151 € = 34 730,00 € (arrêté n° 2023-087) ».
 */
import type { Decimal } from "./money";

export interface Trace {
  /** The rule applied, as numbered in design.md (R6 … R12), or a named step ("plancher"). */
  readonly regle: string;
  /** What the figure is: « Pré-bac », « Enveloppe post-bac nette ». */
  readonly libelle: string;
  /** The computation with its inputs, already formatted: « 230 élèves × 151 € ». Empty for a given value. */
  readonly calcul: string;
  /** The formatted result: « 34 730,00 € ». */
  readonly resultat: string;
  /** Short legal reference: « arrêté n° 2023-087 ». */
  readonly reference?: string;
  /** The figures this one was computed from, when they are worth showing too. */
  readonly details?: readonly Trace[];
}

/** A value with its explanation. */
export interface Figure {
  readonly valeur: Decimal;
  readonly trace: Trace;
}

/** One line: « Pré-bac : 230 élèves × 151 € = 34 730,00 € (arrêté n° 2023-087) ». */
export function renderTrace(trace: Trace): string {
  const body = trace.calcul ? `${trace.calcul} = ${trace.resultat}` : trace.resultat;
  const reference = trace.reference ? ` (${trace.reference})` : "";
  return `${trace.libelle} : ${body}${reference}`;
}

/** The trace and its details, indented, one line each, details first-level only by default. */
export function renderTraceTree(trace: Trace, depth = Infinity, indent = ""): string[] {
  const lines = [indent + renderTrace(trace)];
  if (depth > 0 && trace.details) {
    for (const detail of trace.details) lines.push(...renderTraceTree(detail, depth - 1, indent + "  "));
  }
  return lines;
}
