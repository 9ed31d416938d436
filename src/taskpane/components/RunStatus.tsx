/**
 * The progress of a long action with its « Annuler » button, then how it ended when it did not
 * succeed (cancelled, or failed with the core's or the adapter's French message).
 */
import { makeResetStyles } from "@fluentui/react-components";
import { Button } from "./Button";
import { tokens } from "../tokens";
import { progressText } from "../format";
import { progressRatio, type Run } from "../run";
import { Notice, Progress } from "./ui";

const useEnCours = makeResetStyles({
  display: "flex",
  flexDirection: "column",
  gap: tokens.spacingVerticalS,
  alignItems: "flex-start",
});

export function RunStatus({ run, label }: { run: Run<unknown>; label: string }) {
  const enCours = useEnCours();
  const { state } = run;
  if (state.status === "running") {
    return (
      <div className={enCours}>
        <Progress
          label={state.cancelling ? "Annulation…" : label}
          value={progressRatio(state)}
          hint={progressText(state.done, state.total)}
        />
        <Button onClick={run.cancel} disabled={state.cancelling}>
          Annuler
        </Button>
      </div>
    );
  }
  if (state.status === "cancelled") {
    return <Notice intent="info">Opération annulée : aucune feuille n&apos;a été écrite.</Notice>;
  }
  if (state.status === "failed") return <Notice intent="error">{state.message}</Notice>;
  return null;
}
