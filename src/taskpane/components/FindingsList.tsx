/**
 * Findings grouped by severity with their counts. Each finding is a button: activating it (click,
 * Enter or Space) selects its cell in the workbook, so the user sees the value in question.
 */
import { useId, useMemo, useState, type ReactNode } from "react";
import { makeResetStyles, makeStyles } from "@fluentui/react-components";
import { Button } from "./Button";
import { tokens } from "../tokens";
import type { Constat, Gravite } from "../../sheet/constats";
import { PAGE_FINDINGS, groupFindings, type FindingGroup } from "../check/findings";
import { GRAVITE_AIDE, GRAVITE_TITRES, count, findingPlace } from "../format";
import { formaterEntier } from "../../rules";
import { failureMessage } from "../run";
import { useServices } from "../services";
import { Caption1, Subtitle2, Notice } from "./ui";
import { useListeCliquableStyles } from "./listeCliquable";

// A group: a reset style, the only class of its section.
const useGroupe = makeResetStyles({ marginBlock: tokens.spacingVerticalS });

const useStyles = makeStyles({
  erreur: { color: tokens.colorPaletteRedForeground1 },
  alerte: { color: tokens.colorPaletteDarkOrangeForeground1 },
  info: { color: tokens.colorNeutralForeground2 },
});

function Group({
  group,
  headingLevel,
  onSelect,
}: {
  group: FindingGroup;
  headingLevel: "h3" | "h4";
  onSelect: (c: Constat) => void;
}) {
  const styles = { ...useListeCliquableStyles(), ...useStyles() };
  const groupe = useGroupe();
  const [shown, setShown] = useState(PAGE_FINDINGS);
  const titleId = `constats-${group.gravite}-${useId()}`;
  const colour: Record<Gravite, string> = { erreur: styles.erreur, alerte: styles.alerte, info: styles.info };
  return (
    <section className={groupe} aria-labelledby={titleId}>
      <Subtitle2 as={headingLevel} id={titleId} className={styles.titre}>
        <span className={colour[group.gravite]}>{GRAVITE_TITRES[group.gravite]}</span> (
        {formaterEntier(group.total)})
      </Subtitle2>
      <Caption1>{GRAVITE_AIDE[group.gravite]}</Caption1>
      <ul className={styles.liste}>
        {group.findings.slice(0, shown).map((c, i) => (
          <li key={i} className={styles.element}>
            <Button appearance="transparent" className={styles.bouton} onClick={() => onSelect(c)}>
              <span className={styles.lieu}>{findingPlace(c)}</span>
              {c.message}
            </Button>
          </li>
        ))}
      </ul>
      {group.total > shown && (
        <Button size="small" onClick={() => setShown((n) => n + PAGE_FINDINGS)}>
          Afficher {count(Math.min(PAGE_FINDINGS, group.total - shown), "constat")} de plus (
          {count(group.total - shown, "restant")})
        </Button>
      )}
    </section>
  );
}

export function FindingsList({
  constats,
  headingLevel = "h3",
}: {
  constats: readonly Constat[];
  headingLevel?: "h3" | "h4";
}) {
  const { navigator } = useServices();
  const groups = useMemo(() => groupFindings(constats), [constats]);
  const [error, setError] = useState<string | null>(null);
  const select = (c: Constat) => {
    setError(null);
    navigator.selectCell(c.feuille, c.ligne, c.colonne).catch((e: unknown) => setError(failureMessage(e)));
  };
  return (
    <div>
      {error && <Notice intent="error">{error}</Notice>}
      {groups.length === 0 && <Caption1>Aucun constat.</Caption1>}
      {groups.map((group) => (
        <Group key={group.gravite} group={group} headingLevel={headingLevel} onSelect={select} />
      ))}
    </div>
  );
}

/** A result's findings under their own heading (h3), with what clicking one does. */
export function FindingsSection({
  constats,
  title = "Constats",
  hint = "Cliquez sur un constat pour sélectionner sa cellule.",
}: {
  constats: readonly Constat[];
  title?: string;
  hint?: ReactNode;
}) {
  const { titre } = useListeCliquableStyles();
  const titleId = `titre-constats-${useId()}`;
  return (
    <section aria-labelledby={titleId}>
      <Subtitle2 as="h3" id={titleId} className={titre}>
        {title}
      </Subtitle2>
      <Caption1>{hint}</Caption1>
      <FindingsList constats={constats} headingLevel="h4" />
    </section>
  );
}
