/**
 * The sheet pickers of the Dotations, Demande and Bilan screens: sheets to tick (effectif sheets,
 * bilans), the sheet to read (« La feuille active » first), an optional sheet among the workbook's
 * (« (aucune) » first), and the button that reads the list of sheets again.
 */
import type { ReactNode } from "react";
import { Field } from "./Field";
import { Button } from "./Button";
import type { SuggestionFeuilles } from "../../workflows/suggestions";
import { useEcranStyles } from "./ecranStyles";
import { FEUILLE_ACTIVE } from "./feuilles";
import { CheckboxLine, FitSelect } from "./ui";

/**
 * Sheets to tick, in the workbook's order, under their legend; `children` (what to say when there is
 * none) come first.
 */
export function SheetCheckboxes({
  legend,
  sheets,
  checked,
  label = (name) => name,
  disabled,
  onChange,
  children,
}: {
  legend: string;
  sheets: readonly string[];
  checked: readonly string[];
  label?: (name: string) => string;
  disabled: boolean;
  onChange: (name: string, checked: boolean) => void;
  children?: ReactNode;
}) {
  const styles = useEcranStyles();
  return (
    <fieldset className={styles.groupe} disabled={disabled}>
      <legend className={styles.legende}>{legend}</legend>
      {children}
      {sheets.map((name) => (
        <CheckboxLine
          key={name}
          label={label(name)}
          checked={checked.includes(name)}
          disabled={disabled}
          onChange={(value) => onChange(name, value)}
        />
      ))}
    </fieldset>
  );
}

/** An effectif sheet's label: « Paris (effectifs reconnus) » when its first rows look like effectifs. */
export function effectifsLabel(suggestion: SuggestionFeuilles | undefined): (name: string) => string {
  return (name) => (suggestion?.natures[name] === "effectifs" ? `${name} (effectifs reconnus)` : name);
}

/** Reads the workbook's sheets again (a sheet added, renamed, or written by another screen). */
export function RefreshSheetsButton({ disabled, onClick }: { disabled: boolean; onClick: () => void }) {
  return (
    <Button disabled={disabled} onClick={onClick}>
      Actualiser la liste des feuilles
    </Button>
  );
}

/**
 * The sheet to read: « La feuille active » by default (the one the user has just filled in; resolved
 * by feuilleSource), or one of `sheets`, those in `reconnues` marked with `marque` (« bilan reconnu »).
 */
export function SourceSheetField({
  label,
  hint,
  value,
  sheets,
  reconnues,
  marque,
  disabled,
  onChange,
}: {
  label: string;
  hint: string;
  value: string;
  sheets: readonly string[];
  reconnues: readonly string[];
  marque: string;
  disabled: boolean;
  onChange: (value: string) => void;
}) {
  return (
    <Field label={label} hint={hint}>
      <FitSelect value={value} disabled={disabled} onChange={(_, data) => onChange(data.value)}>
        <option value={FEUILLE_ACTIVE}>La feuille active</option>
        {sheets.map((name) => (
          <option key={name} value={name}>
            {reconnues.includes(name) ? `${name} (${marque})` : name}
          </option>
        ))}
      </FitSelect>
    </Field>
  );
}

/** The value of « (aucune) » in an optional sheet list. */
export const AUCUNE = "";

/** An optional sheet: `value` null or AUCUNE shows « (aucune) »; `onChange` receives AUCUNE for it. */
export function OptionalSheetField({
  label,
  hint,
  value,
  sheets,
  sheetLabel = (name) => name,
  disabled,
  onChange,
}: {
  label: string;
  hint: string;
  value: string | null;
  sheets: readonly string[];
  /** What the list shows of a sheet (its name by default). */
  sheetLabel?: (name: string) => string;
  disabled: boolean;
  onChange: (value: string) => void;
}) {
  return (
    <Field label={label} hint={hint}>
      <FitSelect disabled={disabled} value={value ?? AUCUNE} onChange={(_, data) => onChange(data.value)}>
        <option value={AUCUNE}>(aucune)</option>
        {sheets.map((name) => (
          <option key={name} value={name}>
            {sheetLabel(name)}
          </option>
        ))}
      </FitSelect>
    </Field>
  );
}
