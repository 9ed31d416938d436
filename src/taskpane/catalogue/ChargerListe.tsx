/**
 * Catalogue › « Charger la liste d'une rentrée » (R4, regles.md#catalogue.liste-chargee): the user pastes
 * the Région's list of formations of a rentrée into a sheet (from its PDF or Excel file), picks the
 * sheet and the year, types the source (title, date, address); the list is checked — every row a
 * formation or a finding — and compared with the list in force before it; saved, it is kept in the
 * workbook and used from then on by the ARE.* functions and every screen for that rentrée. The sheet
 * read is never modified.
 */
import { useCallback, useEffect, useState, useSyncExternalStore } from "react";
import { Field } from "../components/Field";
import { Button } from "../components/Button";
import { changementsEcart, libelleAnnee, resumeVerification, type EcartListes } from "../../rules";
import { useEcranStyles } from "../components/ecranStyles";
import { FeedbackNotice, useFeedback } from "../components/Feedback";
import { FindingsSection } from "../components/FindingsList";
import { RunStatus } from "../components/RunStatus";
import { Body1, Caption1, FitSelect, Notice, Subtitle2, TextInput } from "../components/ui";
import { count } from "../format";
import { failureMessage, shownResult, useRun } from "../run";
import { useServices } from "../services";
import { verifierFeuilleListe, type ResultatListe } from "../../workflows";
import { anneesListe, messageEnregistree, referenceSaisie } from "./chargement";

/** Changes shown at once in each list of the difference; the rest on demand. */
const APERCU = 10;

function Changements({ titre, lignes }: { titre: string; lignes: readonly string[] }) {
  const styles = useEcranStyles();
  const [tout, setTout] = useState(false);
  if (lignes.length === 0) return null;
  const montrees = tout ? lignes : lignes.slice(0, APERCU);
  return (
    <div>
      <Body1>{titre}</Body1>
      <ul className={styles.liste}>
        {montrees.map((ligne) => (
          <li key={ligne}>
            <Caption1>{ligne}</Caption1>
          </li>
        ))}
      </ul>
      {lignes.length > APERCU && !tout && (
        <Button size="small" onClick={() => setTout(true)}>
          Afficher les {lignes.length} lignes
        </Button>
      )}
    </div>
  );
}

function Ecart({ ecart }: { ecart: EcartListes }) {
  const c = changementsEcart(ecart);
  return (
    <section aria-label={`Différences avec la ${ecart.avant.nom}`}>
      <Changements titre={`Ajoutées (${c.ajoutees.length})`} lignes={c.ajoutees} />
      <Changements titre={`Retirées (${c.retirees.length})`} lignes={c.retirees} />
      <Changements titre={`Renommées (${c.renommees.length})`} lignes={c.renommees} />
      <Changements titre={`Changées de catégorie (${c.reclassees.length})`} lignes={c.reclassees} />
    </section>
  );
}

/** The lists this workbook holds, each with its source and a button to stop using it. */
export function ListesChargees() {
  const styles = useEcranStyles();
  const { listes } = useServices();
  const { chargees } = useSyncExternalStore(listes.abonner, listes.etat);
  const retrait = useFeedback();
  if (chargees.length === 0 && !retrait.feedback) return null;
  return (
    <section aria-label="Listes chargées dans ce classeur">
      <Body1>Listes chargées dans ce classeur :</Body1>
      <ul className={styles.liste}>
        {chargees.map((liste) => (
          <li key={liste.annee}>
            <Caption1>
              {liste.nom} — {count(liste.formations.length, "formation")}, {liste.provenance}.
            </Caption1>{" "}
            <Button
              size="small"
              disabled={retrait.busy}
              onClick={() =>
                void retrait.report(async () => {
                  await listes.retirer(liste.annee);
                  return `Liste ${libelleAnnee(liste.annee)} retirée du classeur : la liste embarquée (ou la dernière liste antérieure) s'applique de nouveau.`;
                })
              }
            >
              Retirer la liste {libelleAnnee(liste.annee)}
            </Button>
          </li>
        ))}
      </ul>
      <FeedbackNotice feedback={retrait.feedback} />
    </section>
  );
}

/** « La feuille active » in the list of sheets. */
const FEUILLE_ACTIVE = "";

/**
 * The user's sheets (not the add-in's), read when the form opens and on « Actualiser ». A plain list:
 * the suggestions of the other screens (which sheet looks like effectifs) say nothing of a list.
 */
function useFeuillesUtilisateur(): {
  feuilles: string[] | null;
  erreur: string | null;
  actualiser: () => void;
} {
  const { action } = useServices();
  const [feuilles, setFeuilles] = useState<string[] | null>(null);
  const [erreur, setErreur] = useState<string | null>(null);
  const actualiser = useCallback(() => {
    action(({ workbook }) => workbook.listSheets()).then(
      (sheets) => {
        setErreur(null);
        setFeuilles(sheets.filter((f) => !f.owned).map((f) => f.name));
      },
      (error: unknown) => setErreur(failureMessage(error)),
    );
  }, [action]);
  useEffect(actualiser, [actualiser]);
  return { feuilles, erreur, actualiser };
}

export function ChargerListe() {
  const styles = useEcranStyles();
  const { action, listes, currentYear } = useServices();
  const { feuilles, erreur, actualiser } = useFeuillesUtilisateur();
  const [source, setSource] = useState(FEUILLE_ACTIVE);
  const [annee, setAnnee] = useState(currentYear);
  const [titre, setTitre] = useState("");
  const [date, setDate] = useState("");
  const [url, setUrl] = useState("");
  const run = useRun<ResultatListe>();
  const enregistrement = useFeedback();
  const running = run.state.status === "running";
  // A sheet chosen then deleted or renamed: back to the active sheet.
  const sourceLue = feuilles && !feuilles.includes(source) ? FEUILLE_ACTIVE : source;
  const reference = referenceSaisie(titre, date, url);

  const verifier = () => {
    if (!reference.ok) return;
    enregistrement.clear();
    void run.start((progress) =>
      action(async ({ workbook, navigator }) => {
        const feuille = sourceLue === FEUILLE_ACTIVE ? await navigator.activeSheetName() : sourceLue;
        return verifierFeuilleListe(workbook, feuille, {
          annee,
          reference: reference.reference,
          catalogues: listes.catalogues(),
          progress,
        });
      }),
    );
  };

  const resultat = shownResult(run);
  const verification = resultat?.verification ?? null;
  const enregistrer = () => {
    const catalogue = verification?.catalogue;
    if (!verification || !catalogue) return;
    void enregistrement.report(async () => {
      await listes.enregistrer(catalogue);
      return messageEnregistree(verification, listes.catalogues());
    });
  };
  const erreurs = verification ? verification.constats.filter((c) => c.gravite === "erreur").length : 0;

  return (
    <section aria-labelledby="titre-charger-liste" className={styles.ecran}>
      <Subtitle2 as="h2" id="titre-charger-liste" className={styles.titre}>
        Charger la liste d&apos;une rentrée
      </Subtitle2>
      <Caption1>
        Collez dans une feuille la liste des formations éligibles publiée par la Région (depuis son PDF ou son
        fichier Excel), avec sa ligne d&apos;en-tête : Niveau, Niveau regroupement, Spécialité, Code Diplôme,
        Type Diplôme, Libellé Diplôme. Elle est contrôlée, comparée à la liste en vigueur, puis enregistrée
        dans le classeur : les fonctions ARE et tous les écrans l&apos;utilisent pour cette rentrée et les
        suivantes sans liste propre. La feuille n&apos;est pas modifiée.
      </Caption1>
      {erreur && <Notice intent="error">{erreur}</Notice>}
      <Field label="Feuille de la liste">
        <FitSelect value={sourceLue} disabled={running} onChange={(_, data) => setSource(data.value)}>
          <option value={FEUILLE_ACTIVE}>La feuille active</option>
          {(feuilles ?? []).map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </FitSelect>
      </Field>
      <Field label="Rentrée de la liste">
        <FitSelect
          value={String(annee)}
          disabled={running}
          onChange={(_, data) => setAnnee(Number(data.value))}
        >
          {anneesListe(currentYear).map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </FitSelect>
      </Field>
      <Field
        label="Titre de la source"
        hint="Le document de la Région, tel qu'il s'intitule."
        required
        validationState={!reference.ok && titre !== "" ? "error" : "none"}
      >
        <TextInput value={titre} disabled={running} onChange={(_, data) => setTitre(data.value)} />
      </Field>
      <Field label="Date de la source" hint="Par exemple 2025-06-30.">
        <TextInput value={date} disabled={running} onChange={(_, data) => setDate(data.value)} />
      </Field>
      <Field label="Adresse de la source" hint="Le lien du document, s'il est en ligne.">
        <TextInput type="url" value={url} disabled={running} onChange={(_, data) => setUrl(data.value)} />
      </Field>
      {!reference.ok && <Caption1>{reference.message}</Caption1>}
      <div className={styles.actions}>
        <Button appearance="primary" disabled={running || !reference.ok} onClick={verifier}>
          Vérifier la liste
        </Button>
        <Button disabled={running} onClick={actualiser}>
          Actualiser la liste des feuilles
        </Button>
      </div>
      <RunStatus run={run} label="Lecture de la liste…" />
      {resultat && verification && (
        <section aria-labelledby="titre-liste-verifiee" className={styles.ecran}>
          <Subtitle2 as="h3" id="titre-liste-verifiee" className={styles.titre}>
            Liste {libelleAnnee(verification.annee)} lue dans « {resultat.feuille} »
          </Subtitle2>
          <ul className={styles.liste} aria-label="Résumé du contrôle de la liste">
            {resumeVerification(verification).map((ligne) => (
              <li key={ligne}>
                <Body1>{ligne}</Body1>
              </li>
            ))}
          </ul>
          {verification.ecart && <Ecart ecart={verification.ecart} />}
          <FindingsSection constats={resultat.constats} title="Constats de la liste" />
          {verification.catalogue ? (
            <div className={styles.actions}>
              <Button appearance="primary" disabled={enregistrement.busy} onClick={enregistrer}>
                Enregistrer la liste {libelleAnnee(verification.annee)} dans le classeur
              </Button>
            </div>
          ) : (
            <Notice intent="error">Aucune formation lue : cette liste ne peut pas être enregistrée.</Notice>
          )}
          {verification.catalogue && erreurs > 0 && (
            <Caption1>
              {count(erreurs, "ligne en erreur n'est pas reprise", "lignes en erreur ne sont pas reprises")} :
              corrigez la feuille puis vérifiez de nouveau, ou enregistrez sans elles.
            </Caption1>
          )}
          <FeedbackNotice feedback={enregistrement.feedback} />
        </section>
      )}
    </section>
  );
}
