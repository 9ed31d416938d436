/**
 * The building blocks of the Paramètres screen (ParametresScreen.tsx keeps the state and the actions):
 * a titled section, the add-a-value form, the before → after preview of an IPC, a saved value with its
 * « Retirer » button, and the screen's own styles.
 */
import { useId, useState, type ReactNode } from "react";
import { makeResetStyles, makeStyles, mergeClasses } from "@fluentui/react-components";
import { Button } from "../components/Button";
import { tokens } from "../tokens";
import { useEcranStyles } from "../components/ecranStyles";
import { FeedbackNotice, type Feedback } from "../components/Feedback";
import { Body1, Caption1, Subtitle2, ColumnHeads, Notice } from "../components/ui";
import { NOMS_COLONNES, type LigneForfaits } from "../forfaitsEnVigueur";
import type { ApercuIpc } from "./entries";

/** A section, and each form in it: a column of fields closer together than the screen's blocks. */
const useSection = makeResetStyles({
  display: "flex",
  flexDirection: "column",
  gap: tokens.spacingVerticalS,
});
const useEnCours = makeResetStyles({ backgroundColor: tokens.colorNeutralBackground2 });
const useLigne = makeResetStyles({
  display: "flex",
  gap: tokens.spacingHorizontalS,
  "& > *": { flexGrow: 1, flexBasis: 0, minWidth: 0 },
});
const useListe = makeResetStyles({ margin: 0, paddingInlineStart: 0, listStyleType: "none" });
const useActions = makeResetStyles({
  display: "flex",
  gap: tokens.spacingHorizontalS,
  flexWrap: "wrap",
  marginTop: tokens.spacingVerticalXS,
});
const useSaisie = makeResetStyles({
  display: "flex",
  alignItems: "center",
  justifyContent: "space-between",
  gap: tokens.spacingHorizontalS,
});

// Given after a class of the screens' shared layout (a reset style), so atomic, to win over it.
const useAtomes = makeStyles({
  ecran: { gap: tokens.spacingVerticalL },
  notes: { color: tokens.colorNeutralForeground3 },
});

/**
 * What only this screen has; the rest is the screens' shared layout (useEcranStyles). Each class but
 * `ecran` and `notes` is the only one of its element: a reset style, one class name on the page.
 */
export function useParametresStyles() {
  return {
    ...useAtomes(),
    section: useSection(),
    enCours: useEnCours(),
    ligne: useLigne(),
    liste: useListe(),
    actions: useActions(),
    saisie: useSaisie(),
  };
}

/** « arrêté n° 2023-087 » — the texts that set the year's known amounts. */
export function sources(ligne: LigneForfaits): string {
  return ligne.sources.map((source) => source.court).join(" ; ");
}

/** A part of the screen under its heading (h3), which names it. */
export function Section({
  title,
  titleId,
  children,
}: {
  title: string;
  titleId?: string;
  children: ReactNode;
}) {
  const styles = useEcranStyles();
  const local = useParametresStyles();
  const generatedId = useId();
  const id = titleId ?? generatedId;
  return (
    <section aria-labelledby={id} className={local.section}>
      <Subtitle2 as="h3" id={id} className={styles.titre}>
        {title}
      </Subtitle2>
      {children}
    </section>
  );
}

/**
 * A form that adds a value: its fields, its button, then — when the value looks like a typing slip —
 * the question to confirm it (issue 12 item 8), and what saving it said.
 */
export function AddForm({
  title,
  intro,
  submitLabel,
  busy,
  feedback,
  confirmation,
  onSubmit,
  onConfirm,
  onCancelConfirm,
  children,
}: {
  title: string;
  intro?: string;
  submitLabel: string;
  busy: boolean;
  feedback: Feedback | null;
  confirmation: string | null;
  onSubmit: () => void;
  onConfirm: () => void;
  onCancelConfirm: () => void;
  children: ReactNode;
}) {
  const local = useParametresStyles();
  const titleId = useId();
  return (
    <Section title={title} titleId={titleId}>
      {intro && <Caption1>{intro}</Caption1>}
      <form
        className={local.section}
        onSubmit={(event) => {
          event.preventDefault();
          onSubmit();
        }}
        aria-labelledby={titleId}
        noValidate
      >
        {children}
        <div>
          <Button type="submit" appearance="primary" disabled={busy || confirmation !== null}>
            {submitLabel}
          </Button>
        </div>
      </form>
      {confirmation !== null && (
        <Notice intent="warning" title="Valeur inhabituelle">
          {confirmation}
          <div className={local.actions}>
            <Button size="small" appearance="primary" disabled={busy} onClick={onConfirm}>
              Confirmer
            </Button>
            <Button size="small" disabled={busy} onClick={onCancelConfirm}>
              Corriger
            </Button>
          </div>
        </Notice>
      )}
      <FeedbackNotice feedback={feedback} />
    </Section>
  );
}

/** Before → after (issue 12 item 9): the rate and next year's forfaits as they are and as they would be. */
export function Apercu({ apercu }: { apercu: ApercuIpc }) {
  const styles = useEcranStyles();
  const cellule = mergeClasses(styles.cellule, styles.milieu);
  const entete = mergeClasses(cellule, styles.gauche, styles.fort);
  const montant = mergeClasses(cellule, styles.nombre);
  return (
    <div aria-live="polite">
      <Caption1>
        Taux d&apos;indexation {apercu.annee} : {apercu.taux}. Forfaits {apercu.annee} avant et après
        l&apos;enregistrement :
      </Caption1>
      <table className={styles.table} aria-label={`Forfaits ${apercu.annee} avant et après`}>
        <ColumnHeads labels={["Forfait", "Actuel", "Après"]} first={entete} />
        <tbody>
          {apercu.forfaits.map((f) => (
            <tr key={f.kind}>
              <th scope="row" className={entete}>
                {NOMS_COLONNES[f.kind].court}
              </th>
              <td className={montant}>{f.avant}</td>
              <td className={montant}>{f.apres}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * A value the user saved in the workbook, with the button that removes it — after a confirmation
 * (issue 12 item 11).
 */
export function SavedValue({
  removeLabel,
  busy,
  onRemove,
  children,
}: {
  removeLabel: string;
  busy: boolean;
  onRemove: () => void;
  children: ReactNode;
}) {
  const local = useParametresStyles();
  const [confirmer, setConfirmer] = useState(false);
  return (
    <li className={local.saisie}>
      <Body1>{children}</Body1>
      {confirmer ? (
        <span className={local.actions}>
          <Button
            size="small"
            appearance="primary"
            disabled={busy}
            aria-label={`Confirmer : ${removeLabel}`}
            onClick={() => {
              setConfirmer(false);
              onRemove();
            }}
          >
            Confirmer le retrait
          </Button>
          <Button size="small" disabled={busy} onClick={() => setConfirmer(false)}>
            Garder
          </Button>
        </span>
      ) : (
        <Button size="small" disabled={busy} aria-label={removeLabel} onClick={() => setConfirmer(true)}>
          Retirer
        </Button>
      )}
    </li>
  );
}
