/**
 * The school year a screen works on, its list, and what the screen says when that year's forfaits
 * cannot be resolved (years.ts: never last year's amount in silence).
 */
import { useState, useSyncExternalStore } from "react";
import { Field } from "./Field";
import { Button } from "./Button";
import { libelleAnnee, type AnneeScolaire, type Parametres } from "../../rules";
import { useGoTo, useServices } from "../services";
import { defaultYear, yearOptions, yearToOffer, type YearOption } from "../years";
import { FitSelect, Notice } from "./ui";

export interface YearChoice {
  readonly year: AnneeScolaire;
  /** The years offered (yearOptions). */
  readonly options: readonly YearOption[];
  readonly choose: (year: AnneeScolaire) => void;
  /** The parameters the year is resolved with: the shared store's, values entered in Paramètres included. */
  readonly parametres: Parametres;
  /** A year the screen would propose now (values entered in Paramètres meanwhile), offered, never imposed. */
  readonly offer: AnneeScolaire | null;
}

/**
 * The school year of a screen: the user's choice, else `proposee` (the year the bilans state), else
 * the latest year whose forfaits resolved when the screen opened (defaultYear). That last one is kept
 * while the screen is open: a value saved in Paramètres offers the new year (yearToOffer), chosen
 * year or not, until the user chooses a year; it never moves the screen to it.
 */
export function useYear(proposee?: AnneeScolaire): YearChoice {
  const { store, currentYear } = useServices();
  const { parametres } = useSyncExternalStore(store.abonner, store.etat);
  const [chosen, setChosen] = useState<AnneeScolaire | null>(null);
  // The year proposed when the screen opened, or when the user last chose: what an offer is new against.
  const [reference, setReference] = useState(() => defaultYear(parametres, currentYear));
  const year = chosen ?? proposee ?? reference;
  return {
    year,
    options: yearOptions(parametres, currentYear),
    choose: (choisie) => {
      setChosen(choisie);
      setReference(defaultYear(parametres, currentYear));
    },
    parametres,
    // The bilans' year (proposee) is the data's, not the parameters': nothing to offer there.
    offer: proposee === undefined ? yearToOffer(year, reference, parametres, currentYear) : null,
  };
}

export function YearSelect({ choice, hint }: { choice: YearChoice; hint?: string }) {
  return (
    <>
      <Field label="Année scolaire" hint={hint}>
        <FitSelect value={String(choice.year)} onChange={(_, data) => choice.choose(Number(data.value))}>
          {choice.options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </FitSelect>
      </Field>
      {choice.offer !== null && <YearOffer choice={choice} offer={choice.offer} />}
    </>
  );
}

/** « Les forfaits 2025-2026 sont calculables… Passer à 2025-2026 »: the new year, for the user to take. */
function YearOffer({ choice, offer }: { choice: YearChoice; offer: AnneeScolaire }) {
  const shown = libelleAnnee(choice.year);
  const label = libelleAnnee(offer);
  return (
    <Notice intent="info">
      {offer > choice.year
        ? `Les forfaits ${label} sont maintenant calculables (valeurs de Paramètres). Cet écran reste en ${shown} tant que vous ne changez pas d'année. `
        : `L'année proposée est maintenant ${label}. Cet écran reste en ${shown} tant que vous ne changez pas d'année. `}
      <Button size="small" onClick={() => choice.choose(offer)}>
        Passer à {label}
      </Button>
    </Notice>
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
