/**
 * The detected header row and its column mapping, one dropdown per field. Changing a dropdown runs
 * the check again with the correction (the workflow's `colonnes`).
 */
import { useState } from "react";
import { makeResetStyles, makeStyles } from "@fluentui/react-components";
import { Field } from "../components/Field";
import { Button } from "../components/Button";
import { tokens } from "../tokens";
import { nombreDe } from "../../rules";
import { nomDuChamp } from "../../sheet";
import type { Champ, CorrectionColonnes, EnteteDetectee } from "../../workflows/types";
import { columnOptions, fieldRows, type ColumnOption, type FieldRow } from "./mapping";
import { Body1, Caption1, Subtitle2, FitSelect } from "../components/ui";

// Reset styles, the only class of their element; the summary's heading (given to the text preset, a
// reset style itself) stays atomic.
const useBloc = makeResetStyles({ display: "block" });
const useChamps = makeResetStyles({
  display: "flex",
  flexDirection: "column",
  gap: tokens.spacingVerticalXS,
  marginBlock: tokens.spacingVerticalS,
});
const useResume = makeResetStyles({ cursor: "pointer", marginBlock: tokens.spacingVerticalXS });

const useStyles = makeStyles({
  // Inline, as every text preset is.
  titreResume: { margin: 0 },
});

const AUCUNE = "";

function FieldSelect({
  row,
  options,
  disabled,
  onChoose,
}: {
  row: FieldRow;
  options: readonly ColumnOption[];
  disabled: boolean;
  onChoose: (champ: Champ, index: number | null) => void;
}) {
  const warning =
    row.partageAvec.length > 0
      ? `Même colonne que ${row.partageAvec.map((c) => `« ${nomDuChamp(c)} »`).join(", ")}.`
      : undefined;
  return (
    <Field
      label={row.requis ? `${row.nom} (obligatoire)` : row.nom}
      size="small"
      validationState={warning ? "warning" : row.requis && row.index === null ? "error" : "none"}
      validationMessage={
        warning ?? (row.requis && row.index === null ? "Aucune colonne : choisissez-en une." : undefined)
      }
    >
      <FitSelect
        size="small"
        disabled={disabled}
        value={row.index === null ? AUCUNE : String(row.index)}
        onChange={(_, data) => onChoose(row.champ, data.value === AUCUNE ? null : Number(data.value))}
      >
        <option value={AUCUNE}>(aucune colonne)</option>
        {options.map((option) => (
          <option key={option.index} value={option.index}>
            {option.label}
          </option>
        ))}
      </FitSelect>
    </Field>
  );
}

export function MappingEditor({
  entete,
  correction,
  disabled,
  onChoose,
  onReset,
}: {
  entete: EnteteDetectee;
  correction: CorrectionColonnes;
  disabled: boolean;
  onChoose: (champ: Champ, index: number | null) => void;
  onReset: () => void;
}) {
  const styles = useStyles();
  const bloc = useBloc();
  const resume = useResume();
  const champs = useChamps();
  const options = columnOptions(entete);
  const { main, others } = fieldRows(entete);
  const corrected = Object.keys(correction).length > 0;
  const missing = main.some((row) => row.requis && row.index === null);
  const recognised = main.filter((row) => row.index !== null).length;
  // Folded when all is well; opened when a required field has no column; then as the user leaves it.
  const [open, setOpen] = useState(missing);
  // Opened again, during this render, when a required field loses its column (React's « adjusting
  // state when a prop changes », rather than an effect and a second render).
  const [missingBefore, setMissingBefore] = useState(missing);
  if (missing !== missingBefore) {
    setMissingBefore(missing);
    if (missing) setOpen(true);
  }
  return (
    <details
      open={open}
      onToggle={(event) => setOpen((event.currentTarget as HTMLDetailsElement).open)}
      className={bloc}
    >
      <summary className={resume}>
        <Subtitle2 as="h3" className={styles.titreResume}>
          Colonnes : en-tête ligne {entete.ligne}, {nombreDe(recognised, "champ reconnu", "champs reconnus")}
        </Subtitle2>
      </summary>
      <Caption1>
        {corrected
          ? "Correspondance corrigée par vous ; le contrôle a été relancé avec elle."
          : "Correspondance détectée d'après les noms de colonnes ; corrigez-la si besoin, le contrôle est relancé."}
      </Caption1>
      <div className={champs}>
        {main.map((row) => (
          <FieldSelect key={row.champ} row={row} options={options} disabled={disabled} onChoose={onChoose} />
        ))}
      </div>
      {others.length > 0 && (
        <details>
          <summary className={resume}>
            <Body1>Autres champs ({others.length})</Body1>
          </summary>
          <div className={champs}>
            {others.map((row) => (
              <FieldSelect
                key={row.champ}
                row={row}
                options={options}
                disabled={disabled}
                onChoose={onChoose}
              />
            ))}
          </div>
        </details>
      )}
      {corrected && (
        <Button size="small" disabled={disabled} onClick={onReset}>
          Revenir à la détection automatique
        </Button>
      )}
    </details>
  );
}
