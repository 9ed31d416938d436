import { Field } from "@fluentui/react-components";
import type { SchoolYear } from "../../rules";
import type { YearOption } from "../years";
import { FitSelect } from "./ui";

export function YearSelect({
  value,
  options,
  onChange,
  hint,
}: {
  value: SchoolYear;
  options: readonly YearOption[];
  onChange: (year: SchoolYear) => void;
  hint?: string;
}) {
  return (
    <Field label="Année scolaire" hint={hint}>
      <FitSelect value={String(value)} onChange={(_, data) => onChange(Number(data.value))}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </FitSelect>
    </Field>
  );
}
