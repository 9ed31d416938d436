/**
 * The sheet pickers of the Dotations, Demande and Bilan screens: the sheet to read (« La feuille
 * active » first), an optional sheet among the workbook's (« (aucune) » first), and the button that
 * reads the list of sheets again.
 */
import { Field } from "@fluentui/react-components";
import { FEUILLE_ACTIVE } from "./feuilles";
import { FitSelect } from "./ui";

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
  disabled,
  onChange,
}: {
  label: string;
  hint: string;
  value: string | null;
  sheets: readonly string[];
  disabled: boolean;
  onChange: (value: string) => void;
}) {
  return (
    <Field label={label} hint={hint}>
      <FitSelect disabled={disabled} value={value ?? AUCUNE} onChange={(_, data) => onChange(data.value)}>
        <option value={AUCUNE}>(aucune)</option>
        {sheets.map((name) => (
          <option key={name} value={name}>
            {name}
          </option>
        ))}
      </FitSelect>
    </Field>
  );
}
