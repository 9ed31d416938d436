/**
 * The life of a long action (check a sheet, compute dotations): idle → running (with progress) →
 * done, failed or cancelled. A pure reducer, tested without a browser, and a hook that hands the
 * action a `Progress` whose `signal` the « Annuler » button sets.
 */
import { useCallback, useEffect, useReducer, useRef, useState } from "react";
import { estErreurAre } from "../rules";
import { AbortedError, type Progress } from "../workbook/port";

export type RunState<R> =
  | { readonly status: "idle" }
  | {
      readonly status: "running";
      readonly done: number;
      readonly total: number;
      /** « Annuler » was pressed; the action stops at its next check. */
      readonly cancelling: boolean;
    }
  | { readonly status: "done"; readonly result: R }
  | { readonly status: "failed"; readonly message: string }
  | { readonly status: "cancelled" };

export type RunAction<R> =
  | { readonly type: "start" }
  | { readonly type: "progress"; readonly done: number; readonly total: number }
  | { readonly type: "cancel" }
  | { readonly type: "succeed"; readonly result: R }
  | { readonly type: "fail"; readonly error: unknown }
  | { readonly type: "reset" };

/** The French message shown for a failure: the core's own message, or the adapter's. */
export function failureMessage(error: unknown): string {
  if (estErreurAre(error)) return error.message;
  if (error instanceof Error && error.message) return error.message;
  return `Erreur inattendue : ${String(error)}`;
}

export function runReducer<R>(state: RunState<R>, action: RunAction<R>): RunState<R> {
  switch (action.type) {
    case "start":
      return { status: "running", done: 0, total: 0, cancelling: false };
    case "progress":
      return state.status === "running" ? { ...state, done: action.done, total: action.total } : state;
    case "cancel":
      return state.status === "running" ? { ...state, cancelling: true } : state;
    case "succeed":
      return { status: "done", result: action.result };
    case "fail":
      return action.error instanceof AbortedError
        ? { status: "cancelled" }
        : { status: "failed", message: failureMessage(action.error) };
    case "reset":
      return { status: "idle" };
  }
}

/** Share of the work done, between 0 and 1; undefined while the total is unknown (indeterminate bar). */
export function progressRatio(state: RunState<unknown>): number | undefined {
  if (state.status !== "running" || state.total <= 0) return undefined;
  return Math.min(1, state.done / state.total);
}

export interface Run<R> {
  readonly state: RunState<R>;
  /** The result of the last run that succeeded: screens keep showing it while the next one runs. */
  readonly last: R | null;
  /** Starts the action unless one is running; resolves when it ends, whatever the outcome. */
  start(action: (progress: Progress) => Promise<R>): Promise<void>;
  cancel(): void;
  reset(): void;
}

export function useRun<R>(): Run<R> {
  const [state, dispatch] = useReducer(runReducer<R>, { status: "idle" } as RunState<R>);
  const [last, setLast] = useState<R | null>(null);
  const signal = useRef<{ aborted: boolean } | null>(null);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
      // Leaving the screen stops the work between two chunks.
      if (signal.current) signal.current.aborted = true;
    };
  }, []);

  const start = useCallback(async (action: (progress: Progress) => Promise<R>) => {
    if (signal.current) return;
    const current = { aborted: false };
    signal.current = current;
    dispatch({ type: "start" });
    const progress: Progress = {
      signal: current,
      onProgress: (done, total) => {
        if (mounted.current) dispatch({ type: "progress", done, total });
      },
    };
    try {
      const result = await action(progress);
      if (mounted.current) {
        setLast(result);
        dispatch({ type: "succeed", result });
      }
    } catch (error) {
      if (mounted.current) dispatch({ type: "fail", error });
    } finally {
      signal.current = null;
    }
  }, []);

  const cancel = useCallback(() => {
    if (!signal.current) return;
    signal.current.aborted = true;
    dispatch({ type: "cancel" });
  }, []);

  const reset = useCallback(() => {
    setLast(null);
    dispatch({ type: "reset" });
  }, []);

  return { state, last, start, cancel, reset };
}

/** What a screen shows: the result when done, the previous one while a new run is under way. */
export function shownResult<R>(run: Run<R>): R | null {
  if (run.state.status === "done") return run.state.result;
  return run.state.status === "running" ? run.last : null;
}
