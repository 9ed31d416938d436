import { ErreurArgument, ErreurParametreManquant } from "../../src/rules";
import {
  failureMessage,
  progressRatio,
  runReducer,
  shownResult,
  type Run,
  type RunState,
} from "../../src/taskpane/run";
import { AbortedError } from "../../src/workbook/port";

const idle: RunState<string> = { status: "idle" };

describe("Déroulement d'une action longue (contrôle, calcul)", () => {
  test("démarrage, progression, annulation demandée puis AbortedError : l'état « annulé » rend le volet utilisable", () => {
    let s = runReducer(idle, { type: "start" });
    expect(s).toEqual({ status: "running", done: 0, total: 0, cancelling: false });
    expect(progressRatio(s)).toBeUndefined();
    s = runReducer(s, { type: "progress", done: 50_000, total: 200_000 });
    expect(progressRatio(s)).toBe(0.25);
    s = runReducer(s, { type: "cancel" });
    expect(s).toMatchObject({ status: "running", cancelling: true, done: 50_000 });
    s = runReducer(s, { type: "fail", error: new AbortedError() });
    expect(s).toEqual({ status: "cancelled" });
  });

  test("une réussite garde le résultat ; une progression tardive après la fin est ignorée", () => {
    const done = runReducer(runReducer(idle, { type: "start" }), { type: "succeed", result: "ok" });
    expect(done).toEqual({ status: "done", result: "ok" });
    expect(runReducer(done, { type: "progress", done: 1, total: 2 })).toBe(done);
    expect(runReducer(done, { type: "cancel" })).toBe(done);
  });

  test("un échec montre le message français du cœur, ou celui de l'adaptateur", () => {
    const manque = new ErreurParametreManquant(
      "ipc-manquant",
      "Forfaits 2025-2026 non calculables : il manque IPC décembre 2024 (base 2015).",
      "IPC décembre 2024",
    );
    expect(runReducer(idle, { type: "fail", error: manque })).toEqual({
      status: "failed",
      message: "Forfaits 2025-2026 non calculables : il manque IPC décembre 2024 (base 2015).",
    });
    expect(failureMessage(new ErreurArgument("x", "Valeur illisible."))).toBe("Valeur illisible.");
    expect(failureMessage(new Error("Feuille « X » introuvable."))).toBe("Feuille « X » introuvable.");
    expect(failureMessage("boum")).toBe("Erreur inattendue : boum");
  });
});

describe("Résultat montré pendant un nouveau calcul", () => {
  const run = (state: RunState<string>, last: string | null): Run<string> => ({
    state,
    last,
    start: async () => undefined,
    cancel: () => undefined,
    reset: () => undefined,
  });

  test("le résultat précédent reste affiché pendant que le suivant se calcule, pas après une annulation", () => {
    expect(shownResult(run({ status: "done", result: "nouveau" }, "nouveau"))).toBe("nouveau");
    expect(shownResult(run({ status: "running", done: 0, total: 0, cancelling: false }, "ancien"))).toBe(
      "ancien",
    );
    expect(shownResult(run({ status: "cancelled" }, "ancien"))).toBeNull();
    expect(shownResult(run({ status: "failed", message: "x" }, "ancien"))).toBeNull();
  });
});
