/**
 * What became of an action the user asked for — write a sheet, insert the catalogue, save a value:
 * its message (« Feuille « Contrôle ARE » écrite : 12 constats. »), or the failure's French message,
 * shown under its button until the next attempt.
 */
import { useCallback, useState, type ReactNode } from "react";
import { count } from "../format";
import { failureMessage } from "../run";
import { Notice } from "./ui";

export interface Feedback {
  readonly ok: boolean;
  readonly text: string;
  /** The sheet the action wrote, when the screen offers to show it. */
  readonly sheet?: string;
}

/** What a successful action says: its message, with the sheet it wrote when there is one to show. */
export type Success = string | { readonly text: string; readonly sheet: string };

export interface FeedbackState {
  readonly feedback: Feedback | null;
  /** True while an action runs (its button is disabled). */
  readonly busy: boolean;
  clear(): void;
  /** Runs the action and keeps what it said, or its failure's message; true when it succeeded. */
  report(action: () => Promise<Success>): Promise<boolean>;
}

export function useFeedback(): FeedbackState {
  const [feedback, setFeedback] = useState<Feedback | null>(null);
  const [busy, setBusy] = useState(false);
  const clear = useCallback(() => setFeedback(null), []);
  const report = useCallback(async (action: () => Promise<Success>) => {
    setFeedback(null);
    setBusy(true);
    try {
      const success = await action();
      setFeedback(typeof success === "string" ? { ok: true, text: success } : { ok: true, ...success });
      return true;
    } catch (error) {
      setFeedback({ ok: false, text: failureMessage(error) });
      return false;
    } finally {
      setBusy(false);
    }
  }, []);
  return { feedback, busy, clear, report };
}

/** The message of the last action, if any; `children` follow it (a button to show the sheet written). */
export function FeedbackNotice({ feedback, children }: { feedback: Feedback | null; children?: ReactNode }) {
  if (!feedback) return null;
  return (
    <Notice intent={feedback.ok ? "success" : "error"}>
      {feedback.text}
      {children}
    </Notice>
  );
}

/** What writing the findings of a check says: « Feuille « Contrôle ARE » écrite : 12 constats. » */
export function constatsEcrits(sheet: string, constats: number): string {
  return `Feuille « ${sheet} » écrite : ${count(constats, "constat")}.`;
}
