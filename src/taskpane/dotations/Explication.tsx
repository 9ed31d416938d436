/**
 * The explanation of one establishment's dotation: a filter (UAI or name), the list, and the tree of
 * the chosen one's figures. The establishment chosen is the screen's (« À traiter » chooses it too);
 * when the filter leaves a single establishment, it is chosen and explained (issue 12, point 3).
 */
import { forwardRef, useEffect, useMemo, useState } from "react";
import { Field } from "../components/Field";
import { formaterEntier, netteTotaleConnue, nombreDe } from "../../rules";
import type { ResultatDotations } from "../../workflows/types";
import { useEcranStyles } from "../components/ecranStyles";
import { Body1, Caption1, FitSelect, Subtitle2, TextInput } from "../components/ui";
import { ExplanationTree } from "./ExplanationTree";
import {
  establishmentLabel,
  explanationTree,
  filterEstablishments,
  formatEurosOuNonCalculee,
} from "./summary";

/** How many establishments the picker lists at once (a generated sheet can have thousands). */
const MAX_LISTED = 300;

export const Explication = forwardRef<
  HTMLElement,
  { resultat: ResultatDotations; uai: string; onUai: (uai: string) => void }
>(function Explication({ resultat, uai, onUai }, ref) {
  const styles = useEcranStyles();
  const [filter, setFilter] = useState("");
  const listed = useMemo(
    () => filterEstablishments(resultat.etablissements, filter, MAX_LISTED),
    [resultat.etablissements, filter],
  );
  const seul = listed.length === 1 ? listed[0].uai : null;
  useEffect(() => {
    if (seul !== null) onUai(seul);
  }, [seul, onUai]);
  const chosen = resultat.etablissements.find((d) => d.uai === uai) ?? null;
  return (
    <section aria-labelledby="titre-explication" className={styles.ecran} ref={ref} tabIndex={-1}>
      <Subtitle2 as="h4" id="titre-explication" className={styles.titre}>
        Explication d&apos;une dotation
      </Subtitle2>
      {resultat.etablissements.length > 10 && (
        <Field label="Filtrer les établissements (UAI ou nom)">
          <TextInput value={filter} onChange={(_, data) => setFilter(data.value)} />
        </Field>
      )}
      <Field
        label="Établissement"
        hint={
          listed.length < resultat.etablissements.length
            ? `${nombreDe(listed.length, "affiché")} sur ${formaterEntier(resultat.etablissements.length)}`
            : undefined
        }
      >
        <FitSelect value={uai} onChange={(_, data) => onUai(data.value)}>
          {chosen && !listed.includes(chosen) && (
            <option value={chosen.uai}>{establishmentLabel(chosen)}</option>
          )}
          {listed.map((d) => (
            <option key={d.uai} value={d.uai}>
              {establishmentLabel(d)}
            </option>
          ))}
        </FitSelect>
      </Field>
      {chosen && (
        <div aria-live="polite">
          <Body1 as="p">
            <strong>Dotation nette : {formatEurosOuNonCalculee(netteTotaleConnue(chosen))}</strong>
          </Body1>
          {[...chosen.erreurs, ...chosen.motifs].length > 0 && (
            <ul className={styles.liste}>
              {[...chosen.erreurs, ...chosen.motifs].map((m, i) => (
                <li key={i}>
                  <Caption1>{m}</Caption1>
                </li>
              ))}
            </ul>
          )}
          <ExplanationTree nodes={explanationTree(chosen)} />
        </div>
      )}
    </section>
  );
});
