/**
 * The school year a screen works on, its list, and what the screen says when that year's forfaits
 * cannot be resolved (years.ts: never last year's amount in silence).
 */
import { useState, useSyncExternalStore } from "react";
import { Button, Field } from "@fluentui/react-components";
import type { Parametres, SchoolYear } from "../../rules";
import { useGoTo, useServices } from "../services";
import { defaultYear, yearOptions, type YearOption } from "../years";
import { FitSelect, Notice } from "./ui";

export interface YearChoice {
  readonly year: SchoolYear;
  /** The years offered (yearOptions). */
  readonly options: readonly YearOption[];
  readonly choose: (year: SchoolYear) => void;
  /** The parameters the year is resolved with: the shared store's, values entered in Paramètres included. */
  readonly parametres: Parametres;
}

/**
 * The school year of a screen: the user's choice, else `proposee` (the year the bilans state), else
 * the latest year whose forfaits resolve (defaultYear).
 */
export function useYear(proposee?: SchoolYear): YearChoice {
  const { store, currentYear } = useServices();
  const { parametres } = useSyncExternalStore(store.abonner, store.etat);
  const [chosen, choose] = useState<SchoolYear | null>(null);
  return {
    year: chosen ?? proposee ?? defaultYear(parametres, currentYear),
    options: yearOptions(parametres, currentYear),
    choose,
    parametres,
  };
}

export function YearSelect({ choice, hint }: { choice: YearChoice; hint?: string }) {
  return (
    <Field label="Année scolaire" hint={hint}>
      <FitSelect value={String(choice.year)} onChange={(_, data) => choice.choose(Number(data.value))}>
        {choice.options.map((option) => (
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
