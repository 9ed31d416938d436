/**
 * Explanations. Every computed figure carries a trace — which rule, what was multiplied or deducted,
 * the result and the legal reference — that renders as one line of French a finance officer can check
 * by hand: « Pré-bac : 230 élèves × 151 € = 34 730,00 € (arrêté n° 2023-087) ».
 */
import type { Decimal } from "./montants";

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
export interface ValeurTracee {
  readonly valeur: Decimal;
  readonly trace: Trace;
}

/*
 * Décision (regles.md#technique.performance; performance, issue 7): the two helpers below copy a trace key by key. `{ ...trace, resultat }`
 * gives the same object, but on Node 20 (V8 11) adding a key to a spread copy leaves V8's fast path and
 * costs 1 to 2 µs, where these take under 0.1 µs; a dotation builds about fifteen traces (npm run bench:
 * about 100 µs per establishment before). Keys come out in the order the spread gave — the order of
 * the trace's own keys, then the new one — and a key is copied only when the trace has it.
 */

/** The trace with its formatted result: `{ ...trace, resultat }`. */
export function avecResultat(trace: Omit<Trace, "resultat">, resultat: string): Trace {
  const copie: { -readonly [K in keyof Trace]?: Trace[K] } = {
    regle: trace.regle,
    libelle: trace.libelle,
    calcul: trace.calcul,
  };
  if ("reference" in trace) copie.reference = trace.reference;
  if ("details" in trace) copie.details = trace.details;
  copie.resultat = resultat;
  return copie as Trace;
}

/**
 * The trace with other details: `{ ...trace, details }` for a trace built by avecResultat (keys regle,
 * libelle, calcul, reference?, details?, resultat).
 */
export function avecDetails(trace: Trace, details: readonly Trace[]): Trace {
  const copie: { -readonly [K in keyof Trace]?: Trace[K] } = {
    regle: trace.regle,
    libelle: trace.libelle,
    calcul: trace.calcul,
  };
  if ("reference" in trace) copie.reference = trace.reference;
  const avait = "details" in trace;
  if (avait) copie.details = details;
  copie.resultat = trace.resultat;
  if (!avait) copie.details = details;
  return copie as Trace;
}

/** One line: « Pré-bac : 230 élèves × 151 € = 34 730,00 € (arrêté n° 2023-087) ». */
export function formaterTrace(trace: Trace): string {
  const body = trace.calcul ? `${trace.calcul} = ${trace.resultat}` : trace.resultat;
  const reference = trace.reference ? ` (${trace.reference})` : "";
  return `${trace.libelle} : ${body}${reference}`;
}

/** The trace and its details, indented, one line each, details first-level only by default. */
export function lignesDeTrace(trace: Trace, depth = Infinity, indent = ""): string[] {
  const lines = [indent + formaterTrace(trace)];
  if (depth > 0 && trace.details) {
    for (const detail of trace.details) lines.push(...lignesDeTrace(detail, depth - 1, indent + "  "));
  }
  return lines;
}
