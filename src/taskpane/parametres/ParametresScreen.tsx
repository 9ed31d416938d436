/**
 * Paramètres: the forfaits of each school year with the text that set them, the December IPC values
 * (embedded and entered), and forms to add an IPC value or a published forfait. Values go through the
 * shared parameters store: validated by the core (its French message for an invalid or conflicting
 * value), saved in the workbook, read by the ARE.* functions, the workbook recalculated.
 */
import { useEffect, useState, useSyncExternalStore } from "react";
import { mergeClasses } from "@fluentui/react-components";
import { Field } from "../components/Field";
import { Button } from "../components/Button";
import {
  NOMS_FORFAITS,
  libelleAnnee,
  libelleMoisIpc,
  type TypeForfait,
  type ValeursUtilisateur,
} from "../../rules";
import { useEcranStyles } from "../components/ecranStyles";
import { FeedbackNotice, useFeedback } from "../components/Feedback";
import { Caption1, Subtitle2, ColumnHeads, FitSelect, TextInput } from "../components/ui";
import { COLONNES, NOMS_COLONNES, forfaitsEnVigueur } from "../forfaitsEnVigueur";
import { useServices } from "../services";
import {
  apercuIpc,
  confirmationForfait,
  confirmationIpc,
  forfaitARemplacer,
  forfaitName,
  ipcARemplacer,
  ipcRows,
  nextDecember,
  withForfait,
  withIpc,
  withoutForfait,
  withoutIpc,
  champsVidesForfait,
  champsVidesIpc,
  type ChampsVides,
  type ForfaitForm,
  type IpcForm,
} from "./entries";

import { AddForm, Apercu, SavedValue, Section, sources, useParametresStyles } from "./elements";

/** How long « Annuler » stays offered after a value is removed (issue 12 item 11). */
export const DELAI_ANNULER_MS = 8000;

/** Where the screen's one message is shown: under the form or the list the action came from. */
type Lieu = "ipc" | "forfait" | "liste";

export function ParametresScreen() {
  const styles = useEcranStyles();
  const local = useParametresStyles();
  // Tables of amounts: cells centred vertically, amounts on one line, headers left-aligned and semibold.
  const cellule = mergeClasses(styles.cellule, styles.milieu, styles.serre);
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
  // One message for the screen (issue 12 item 11): each action clears the previous one, and it is shown
  // where the action came from.
  const feedback = useFeedback();
  const [lieu, setLieu] = useState<Lieu>("ipc");
  const busy = feedback.busy;
  const [confirmation, setConfirmation] = useState<{ lieu: Lieu; question: string } | null>(null);
  // Empty required fields, said on each field in French: the forms are noValidate, so the browser's
  // own English bubble (« Please fill out this field ») never shows (issue 12 item 15).
  const [videsIpc, setVidesIpc] = useState<ChampsVides<IpcForm>>({});
  const [videsForfait, setVidesForfait] = useState<ChampsVides<ForfaitForm>>({});
  /** The values before the last removal, while « Annuler » is offered. */
  const [annulable, setAnnulable] = useState<ValeursUtilisateur | null>(null);
  useEffect(() => {
    if (annulable === null) return;
    const timer = setTimeout(() => setAnnulable(null), DELAI_ANNULER_MS);
    return () => clearTimeout(timer);
  }, [annulable]);

  const ipcMois = ipc.mois || suggestion.mois;
  const ipcBase = ipc.base || String(suggestion.base);
  const ipcForm: IpcForm = { ...ipc, mois: ipcMois, base: ipcBase };
  const apercu = apercuIpc(etat.valeurs, ipcForm);
  const remplaceIpc = ipcARemplacer(etat.valeurs, ipcForm) >= 0;
  const remplaceForfait = forfaitARemplacer(etat.valeurs, forfait) >= 0;

  /** Replaces the user's values; the store validates them first and changes nothing on error. */
  const save = (next: () => ValeursUtilisateur, done: string, ou: Lieu) => {
    setLieu(ou);
    setConfirmation(null);
    setAnnulable(null);
    return feedback.report(async () => {
      await store.remplacer(next());
      return `${done} Enregistré dans le classeur ; les formules ARE.* sont recalculées.`;
    });
  };

  const addIpc = async (confirme: boolean) => {
    const vides = champsVidesIpc(ipcForm);
    setVidesIpc(vides);
    if (Object.keys(vides).length > 0) {
      feedback.clear();
      setConfirmation(null);
      return;
    }
    const question = confirme ? null : confirmationIpc(etat.parametres, ipcForm);
    if (question !== null) {
      feedback.clear();
      setConfirmation({ lieu: "ipc", question });
      return;
    }
    const form = ipcForm;
    const label = /^\d{4}-\d{2}$/.test(form.mois.trim())
      ? libelleMoisIpc(form.mois.trim(), Number(form.base) === 2025 ? 2025 : 2015)
      : form.mois;
    const verbe = remplaceIpc ? "remplacé" : "ajouté";
    if (
      await save(() => withIpc(etat.valeurs, form), `IPC ${label} : ${form.valeur.trim()} ${verbe}.`, "ipc")
    ) {
      setIpc({ mois: "", base: "", valeur: "", serie: "", source: "" });
    }
  };

  const addForfait = async (confirme: boolean) => {
    const vides = champsVidesForfait(forfait);
    setVidesForfait(vides);
    if (Object.keys(vides).length > 0) {
      feedback.clear();
      setConfirmation(null);
      return;
    }
    const question = confirme ? null : confirmationForfait(etat.parametres, forfait);
    if (question !== null) {
      feedback.clear();
      setConfirmation({ lieu: "forfait", question });
      return;
    }
    const verbe = remplaceForfait ? "remplacé" : "ajouté";
    if (
      await save(
        () => withForfait(etat.valeurs, forfait),
        `Forfait ${NOMS_FORFAITS[forfait.categorie as TypeForfait]} ${forfait.annee.trim()} : ${forfait.valeur.trim()} € ${verbe}.`,
        "forfait",
      )
    ) {
      setForfait({ annee: "", categorie: forfait.categorie, valeur: "", source: "" });
    }
  };

  const remove = async (next: ValeursUtilisateur, done: string) => {
    const avant = etat.valeurs;
    if (await save(() => next, done, "liste")) setAnnulable(avant);
  };

  const undo = async () => {
    const avant = annulable;
    if (avant === null) return;
    await save(() => avant, "Retrait annulé.", "liste");
  };

  const messageOf = (ou: Lieu) => (lieu === ou ? feedback.feedback : null);
  const questionOf = (ou: Lieu) => (confirmation?.lieu === ou ? confirmation.question : null);

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
            const raison = ligne.manque;
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
        submitLabel={remplaceIpc ? "Remplacer l'indice" : "Ajouter l'indice"}
        busy={busy}
        feedback={messageOf("ipc")}
        confirmation={questionOf("ipc")}
        onSubmit={() => void addIpc(false)}
        onConfirm={() => void addIpc(true)}
        onCancelConfirm={() => setConfirmation(null)}
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
        <Field label="Indice" hint="Par exemple 119,92" required validationMessage={videsIpc.valeur}>
          <TextInput
            value={ipc.valeur}
            inputMode="decimal"
            onChange={(_, d) => {
              setConfirmation(null);
              setIpc({ ...ipc, valeur: d.value });
            }}
          />
        </Field>
        {apercu && <Apercu apercu={apercu} />}
        {ipcBase === "2025" && (
          <Field label="Identifiant INSEE de la série base 2025" required validationMessage={videsIpc.serie}>
            <TextInput value={ipc.serie} onChange={(_, d) => setIpc({ ...ipc, serie: d.value })} />
          </Field>
        )}
        <Field
          label="Source (facultative)"
          hint="Publication INSEE, date de consultation… Sans source, la valeur est notée « saisie utilisateur (source non précisée) »."
        >
          <TextInput value={ipc.source} onChange={(_, d) => setIpc({ ...ipc, source: d.value })} />
        </Field>
      </AddForm>

      <AddForm
        title="Ajouter un forfait publié"
        intro="Un montant publié par la Région prime sur l'indexation pour son année."
        submitLabel={remplaceForfait ? "Remplacer le forfait" : "Ajouter le forfait"}
        busy={busy}
        feedback={messageOf("forfait")}
        confirmation={questionOf("forfait")}
        onSubmit={() => void addForfait(false)}
        onConfirm={() => void addForfait(true)}
        onCancelConfirm={() => setConfirmation(null)}
      >
        <div className={local.ligne}>
          <Field
            label="Année scolaire"
            hint="2025 ou 2025-2026"
            required
            validationMessage={videsForfait.annee}
          >
            <TextInput
              value={forfait.annee}
              onChange={(_, d) => setForfait({ ...forfait, annee: d.value })}
            />
          </Field>
          <Field label="Montant (€)" required validationMessage={videsForfait.valeur}>
            <TextInput
              value={forfait.valeur}
              inputMode="decimal"
              onChange={(_, d) => {
                setConfirmation(null);
                setForfait({ ...forfait, valeur: d.value });
              }}
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
                {NOMS_FORFAITS[kind]}
              </option>
            ))}
          </FitSelect>
        </Field>
        <Field
          label="Source"
          required
          hint="Arrêté, délibération, page de la Région…"
          validationMessage={videsForfait.source}
        >
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
                onRemove={() => void remove(withoutIpc(etat.valeurs, i), `IPC ${v.mois} retiré.`)}
              >
                IPC {v.mois} (base {v.base}) : {String(v.valeur)}
              </SavedValue>
            ))}
            {userForfaits.map((v, i) => (
              <SavedValue
                key={`forfait-${i}`}
                removeLabel={`Retirer le forfait ${forfaitName(v.categorie)} ${libelleAnnee(v.annee)}`}
                busy={busy}
                onRemove={() =>
                  void remove(
                    withoutForfait(etat.valeurs, i),
                    `Forfait ${forfaitName(v.categorie)} ${libelleAnnee(v.annee)} retiré.`,
                  )
                }
              >
                Forfait {forfaitName(v.categorie)} {libelleAnnee(v.annee)} : {String(v.valeur)} €
              </SavedValue>
            ))}
          </ul>
        )}
        <FeedbackNotice feedback={messageOf("liste")}>
          {annulable !== null && (
            <div className={local.actions}>
              <Button size="small" disabled={busy} onClick={() => void undo()}>
                Annuler
              </Button>
            </div>
          )}
        </FeedbackNotice>
      </Section>
    </div>
  );
}
