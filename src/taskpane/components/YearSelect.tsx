/**
 * The school year a screen works on, and what it says when that year's forfaits cannot be resolved
 * (years.ts: never last year's amount in silence).
 */
import { Button, Field } from "@fluentui/react-components";
import type { SchoolYear } from "../../rules";
import { useGoTo } from "../services";
import type { YearOption } from "../years";
import { FitSelect, Notice } from "./ui";

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

/** The core's message naming what is missing (« il manque IPC décembre 2024 »), and the way to enter it. */
export function UnresolvedYearNotice({ message }: { message: string }) {
  const goTo = useGoTo();
  return (
    <Notice intent="warning">
      {message}{" "}
      <Button size="small" appearance="primary" onClick={() => goTo("parametres")}>
        Ouvrir Paramètres
      </Button>
    </Notice>
  );
}
