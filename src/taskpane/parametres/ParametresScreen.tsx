/**
 * Paramètres: the forfaits of each school year with the text that set them, the December IPC values
 * (embedded and entered), and forms to add an IPC value or a published forfait. Values go through the
 * shared parameters store: validated by the core (its French message for an invalid or conflicting
 * value), saved in the workbook, read by the ARE.* functions, the workbook recalculated.
 */
import { useId, useState, useSyncExternalStore, type ReactNode } from "react";
import { Button, Field, makeStyles, mergeClasses } from "@fluentui/react-components";
import { tokens } from "../tokens";
import {
  FORFAIT_KIND_NAMES,
  describeIpcMonth,
  schoolYearLabel,
  type ForfaitKind,
  type ValeursUtilisateur,
} from "../../rules";
import { useEcranStyles } from "../components/ecranStyles";
import { FeedbackNotice, useFeedback, type Feedback, type FeedbackState } from "../components/Feedback";
import { Body1, Caption1, Subtitle2, ColumnHeads, FitSelect, TextInput } from "../components/ui";
import { COLONNES, NOMS_COLONNES, forfaitsEnVigueur, type LigneForfaits } from "../forfaitsEnVigueur";
import { useServices } from "../services";
import {
  forfaitName,
  ipcRows,
  nextDecember,
  withForfait,
  withIpc,
  withoutForfait,
  withoutIpc,
  type ForfaitForm,
  type IpcForm,
} from "./entries";

/** What only this screen has; the rest is the screens' shared layout (useEcranStyles). */
const useStyles = makeStyles({
  ecran: { gap: tokens.spacingVerticalL },
  /** A section, and each form in it: a column of fields closer together than the screen's blocks. */
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  enCours: { backgroundColor: tokens.colorNeutralBackground2 },
  notes: { color: tokens.colorNeutralForeground3 },
  ligne: {
    display: "flex",
    gap: tokens.spacingHorizontalS,
    "& > *": { flexGrow: 1, flexBasis: 0, minWidth: 0 },
  },
  liste: { margin: 0, paddingInlineStart: 0, listStyleType: "none" },
  saisie: {
    display: "flex",
    alignItems: "center",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalS,
  },
});

/** « arrêté n° 2023-087 » — the texts that set the year's known amounts. */
function sources(ligne: LigneForfaits): string {
  const textes = new Set<string>();
  for (const kind of COLONNES) {
    const cell = ligne.cases[kind];
    if (cell.connu) textes.add(cell.reference);
  }
  return [...textes].join(" ; ");
}

function manque(ligne: LigneForfaits): string | null {
  for (const kind of COLONNES) {
    const cell = ligne.cases[kind];
    if (!cell.connu) return cell.raison;
  }
  return null;
}

/** A part of the screen under its heading (h3), which names it. */
function Section({ title, titleId, children }: { title: string; titleId?: string; children: ReactNode }) {
  const styles = useEcranStyles();
  const local = useStyles();
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

/** A form that adds a value: its fields, its button, then what saving it said. */
function AddForm({
  title,
  intro,
  submitLabel,
  busy,
  feedback,
  onSubmit,
  children,
}: {
  title: string;
  intro?: string;
  submitLabel: string;
  busy: boolean;
  feedback: Feedback | null;
  onSubmit: () => void;
  children: ReactNode;
}) {
  const local = useStyles();
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
      >
        {children}
        <div>
          <Button type="submit" appearance="primary" disabled={busy}>
            {submitLabel}
          </Button>
        </div>
      </form>
      <FeedbackNotice feedback={feedback} />
    </Section>
  );
}

/** A value the user saved in the workbook, with the button that removes it. */
function SavedValue({
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
  const local = useStyles();
  return (
    <li className={local.saisie}>
      <Body1>{children}</Body1>
      <Button size="small" disabled={busy} aria-label={removeLabel} onClick={onRemove}>
        Retirer
      </Button>
    </li>
  );
}

export function ParametresScreen() {
  const styles = useEcranStyles();
  const local = useStyles();
  // Tables of amounts: cells centred vertically, amounts on one line, headers left-aligned and semibold.
  const cellule = mergeClasses(styles.cellule, styles.milieu);
  const entete = mergeClasses(cellule, styles.gauche, styles.fort);
  const montant = mergeClasses(cellule, styles.nombre);
  const { store, currentYear } = useServices();
  const etat = useSyncExternalStore(store.abonner, store.etat);
  const lignes = forfaitsEnVigueur(etat.parametres, currentYear);
  const suggestion = nextDecember(etat.parametres, currentYear);

  const [ipc, setIpc] = useState<IpcForm>({ mois: "", base: "", valeur: "", serie: "", source: "" });
  const [forfait, setForfait] = useState<ForfaitForm>({
    annee: "",
    categorie: "PRE_BAC",
    valeur: "",
    source: "",
  });
  // One message per place a value is changed: under each form, and under the list of saved values.
  const ipcFeedback = useFeedback();
  const forfaitFeedback = useFeedback();
  const listFeedback = useFeedback();
  const busy = ipcFeedback.busy || forfaitFeedback.busy || listFeedback.busy;

  const ipcMois = ipc.mois || suggestion.mois;
  const ipcBase = ipc.base || String(suggestion.base);

  /** Replaces the user's values; the store validates them first and changes nothing on error. */
  const save = (next: () => ValeursUtilisateur, done: string, feedback: FeedbackState) =>
    feedback.report(async () => {
      await store.remplacer(next());
      return `${done} Enregistré dans le classeur ; les formules ARE.* sont recalculées.`;
    });

  const addIpc = async () => {
    const form = { ...ipc, mois: ipcMois, base: ipcBase };
    const label = /^\d{4}-\d{2}$/.test(form.mois.trim())
      ? describeIpcMonth(form.mois.trim(), Number(form.base) === 2025 ? 2025 : 2015)
      : form.mois;
    if (
      await save(
        () => withIpc(etat.valeurs, form),
        `IPC ${label} : ${form.valeur.trim()} ajouté.`,
        ipcFeedback,
      )
    ) {
      setIpc({ mois: "", base: "", valeur: "", serie: "", source: "" });
    }
  };

  const addForfait = async () => {
    if (
      await save(
        () => withForfait(etat.valeurs, forfait),
        `Forfait ${FORFAIT_KIND_NAMES[forfait.categorie as ForfaitKind]} ${forfait.annee.trim()} : ${forfait.valeur.trim()} € ajouté.`,
        forfaitFeedback,
      )
    ) {
      setForfait({ annee: "", categorie: forfait.categorie, valeur: "", source: "" });
    }
  };

  const userIpc = etat.valeurs.ipc ?? [];
  const userForfaits = etat.valeurs.forfaits ?? [];

  return (
    <div className={mergeClasses(styles.ecran, local.ecran)}>
      <Subtitle2 as="h2" className={styles.titre}>
        Paramètres
      </Subtitle2>

      <Section title="Forfaits par année">
        <table className={styles.table}>
          <thead>
            <tr>
              <th scope="col" className={entete}>
                Année
              </th>
              {COLONNES.map((kind) => (
                <th scope="col" key={kind} title={NOMS_COLONNES[kind].complet} className={entete}>
                  {NOMS_COLONNES[kind].court}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {lignes.map((ligne) => (
              <tr key={ligne.annee} className={ligne.enCours ? local.enCours : undefined}>
                <th scope="row" className={entete}>
                  {ligne.libelle}
                  {ligne.enCours ? " (en cours)" : ""}
                </th>
                {COLONNES.map((kind) => {
                  const cell = ligne.cases[kind];
                  return (
                    <td key={kind} className={montant} title={cell.connu ? cell.reference : cell.raison}>
                      {cell.connu ? cell.montant + (cell.indexe ? " *" : "") : "—"}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
        <Caption1>
          Par élève ; post-bac : par élève boursier ; CPGE : par concours. * Montant indexé sur l&apos;IPC de
          décembre n-1 (série INSEE 001763862), taux arrondi à 0,01 %, montant arrondi à l&apos;euro. — : non
          calculable.
        </Caption1>
        <ul className={mergeClasses(styles.liste, local.notes)}>
          {lignes.map((ligne) => {
            const raison = manque(ligne);
            return (
              <li key={ligne.annee}>
                <Caption1>
                  {ligne.libelle} : {sources(ligne) || "aucun montant connu"}
                  {raison ? `. ${raison}` : "."}
                </Caption1>
              </li>
            );
          })}
        </ul>
      </Section>

      <Section title="Indices des prix de décembre">
        <Caption1>
          IPC ensemble des ménages, hors loyers et hors tabac : série INSEE 001763862 (base 2015) pour les
          forfaits jusqu&apos;à 2026-2027 ; à partir de 2027-2028, les décembres en base 2025 (décembre 2025
          compris), avec l&apos;identifiant de la série.
        </Caption1>
        <table className={styles.table}>
          <ColumnHeads labels={["Mois", "Indice", "Source"]} first={entete} />
          <tbody>
            {ipcRows(etat.parametres).map((row) => (
              <tr key={row.key}>
                <th scope="row" className={entete}>
                  {row.mois}
                </th>
                <td className={montant}>{row.valeur}</td>
                <td className={mergeClasses(cellule, styles.gauche)}>
                  {row.saisi ? row.source : `${row.source} (embarqué)`}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </Section>

      <AddForm
        title="Ajouter un indice de décembre"
        submitLabel="Ajouter l'indice"
        busy={busy}
        feedback={ipcFeedback.feedback}
        onSubmit={() => void addIpc()}
      >
        <div className={local.ligne}>
          <Field label="Mois (AAAA-MM)">
            <TextInput value={ipcMois} onChange={(_, d) => setIpc({ ...ipc, mois: d.value })} />
          </Field>
          <Field label="Base">
            <FitSelect value={ipcBase} onChange={(_, d) => setIpc({ ...ipc, base: d.value })}>
              <option value="2015">2015</option>
              <option value="2025">2025</option>
            </FitSelect>
          </Field>
        </div>
        <Field label="Indice" hint="Par exemple 119,92">
          <TextInput
            value={ipc.valeur}
            inputMode="decimal"
            onChange={(_, d) => setIpc({ ...ipc, valeur: d.value })}
          />
        </Field>
        {ipcBase === "2025" && (
          <Field label="Identifiant INSEE de la série base 2025" required>
            <TextInput value={ipc.serie} onChange={(_, d) => setIpc({ ...ipc, serie: d.value })} />
          </Field>
        )}
        <Field label="Source (facultative)" hint="Publication INSEE, date de consultation…">
          <TextInput value={ipc.source} onChange={(_, d) => setIpc({ ...ipc, source: d.value })} />
        </Field>
      </AddForm>

      <AddForm
        title="Ajouter un forfait publié"
        intro="Un montant publié par la Région prime sur l'indexation pour son année."
        submitLabel="Ajouter le forfait"
        busy={busy}
        feedback={forfaitFeedback.feedback}
        onSubmit={() => void addForfait()}
      >
        <div className={local.ligne}>
          <Field label="Année scolaire" hint="2025 ou 2025-2026">
            <TextInput
              value={forfait.annee}
              onChange={(_, d) => setForfait({ ...forfait, annee: d.value })}
            />
          </Field>
          <Field label="Montant (€)">
            <TextInput
              value={forfait.valeur}
              inputMode="decimal"
              onChange={(_, d) => setForfait({ ...forfait, valeur: d.value })}
            />
          </Field>
        </div>
        <Field label="Catégorie">
          <FitSelect
            value={forfait.categorie}
            onChange={(_, d) => setForfait({ ...forfait, categorie: d.value })}
          >
            {COLONNES.map((kind) => (
              <option key={kind} value={kind}>
                {FORFAIT_KIND_NAMES[kind]}
              </option>
            ))}
          </FitSelect>
        </Field>
        <Field label="Source (facultative)" hint="Arrêté, délibération, page de la Région…">
          <TextInput
            value={forfait.source}
            onChange={(_, d) => setForfait({ ...forfait, source: d.value })}
          />
        </Field>
      </AddForm>

      <Section title="Vos valeurs enregistrées dans le classeur">
        {userIpc.length + userForfaits.length === 0 ? (
          <Caption1>Aucune : les fonctions utilisent les valeurs embarquées.</Caption1>
        ) : (
          <ul className={local.liste}>
            {userIpc.map((v, i) => (
              <SavedValue
                key={`ipc-${i}`}
                removeLabel={`Retirer l'IPC ${v.mois} (base ${v.base})`}
                busy={busy}
                onRemove={() =>
                  void save(() => withoutIpc(etat.valeurs, i), `IPC ${v.mois} retiré.`, listFeedback)
                }
              >
                IPC {v.mois} (base {v.base}) : {String(v.valeur)}
              </SavedValue>
            ))}
            {userForfaits.map((v, i) => (
              <SavedValue
                key={`forfait-${i}`}
                removeLabel={`Retirer le forfait ${forfaitName(v.categorie)} ${schoolYearLabel(v.annee)}`}
                busy={busy}
                onRemove={() =>
                  void save(
                    () => withoutForfait(etat.valeurs, i),
                    `Forfait ${schoolYearLabel(v.annee)} retiré.`,
                    listFeedback,
                  )
                }
              >
                Forfait {forfaitName(v.categorie)} {schoolYearLabel(v.annee)} : {String(v.valeur)} €
              </SavedValue>
            ))}
          </ul>
        )}
        <FeedbackNotice feedback={listFeedback.feedback} />
      </Section>
    </div>
  );
}
