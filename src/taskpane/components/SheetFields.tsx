/**
 * The sheet pickers of the Dotations, Demande and Bilan screens: an optional sheet among the
 * workbook's (« (aucune) » first), and the button that reads the list of sheets again.
 */
import { Field } from "@fluentui/react-components";
import { FitSelect } from "./ui";

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
