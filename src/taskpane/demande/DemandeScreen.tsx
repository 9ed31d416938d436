/**
 * Demande: a request for a dotation complémentaire (R10). From the sheet of extra students (pré-bac,
 * 3ème prépa-métiers) or extra boursiers (post-bac) per formation — the active sheet by default — the
 * amount of each formation (extra × forfait of its category), per envelope with the totals; the rows
 * refused (non-eligible formation…) as findings that select their cell; then, on demand, the request
 * sheet « Demande compl. ARE <année> », ready to print and send.
 */
import { useState } from "react";
import { mergeClasses } from "@fluentui/react-components";
import { Field } from "../components/Field";
import { Button } from "../components/Button";
import { formaterForfait, libelleAnnee } from "../../rules";
import {
  ecrireDemande,
  nomFeuilleDemande,
  preparerDemandeComplementaire,
  type ResultatDemande,
} from "../../workflows";
import { useEcranStyles } from "../components/ecranStyles";
import { FeedbackNotice, useFeedback, type Feedback } from "../components/Feedback";
import {
  FEUILLE_ACTIVE,
  feuilleSource,
  feuillesProposees,
  sourceRetenue,
  useFeuilles,
} from "../components/feuilles";
import { FindingsSection } from "../components/FindingsList";
import { RunStatus } from "../components/RunStatus";
import { RefreshSheetsButton, SourceSheetField } from "../components/SheetFields";
import { useShowSheet } from "../components/useShowSheet";
import { Caption1, Subtitle2, ColumnHeads, Notice, TextInput } from "../components/ui";
import { UnresolvedYearNotice, YearSelect, useYear } from "../components/YearSelect";
import { count } from "../format";
import { resumeGravites } from "../../sheet/constats";
import { shownResult, useRun } from "../run";
import { useServices } from "../services";
import { resolveYear } from "../years";
import { tableauDemande } from "./tableau";

export function DemandeScreen() {
  const styles = useEcranStyles();
  const { action, store, listes } = useServices();
  const { feuilles, erreur, actualiser } = useFeuilles();
  const [source, setSource] = useState(FEUILLE_ACTIVE);
  const [uai, setUai] = useState("");
  const [nom, setNom] = useState("");
  const ecriture = useFeedback();
  const run = useRun<ResultatDemande>();
  const running = run.state.status === "running";
  const annee = useYear();
  const year = annee.year;
  const resolution = resolveYear(annee.parametres, year);
  const reconnues = feuilles?.suggestion.demandes ?? [];
  const proposees = feuilles ? feuillesProposees(feuilles) : null;
  const sourceLue = sourceRetenue(source, proposees);

  const compute = () =>
    run.start((progress) => {
      ecriture.clear();
      return action(async ({ workbook: classeur, navigator }) => {
        const feuille = await feuilleSource(
          sourceLue,
          classeur,
          navigator,
          "demande",
          "la feuille des élèves supplémentaires",
        );
        return preparerDemandeComplementaire(classeur, feuille, {
          annee: year,
          parametres: store.parametres(),
          catalogues: listes.catalogues(),
          uai: uai.trim() || null,
          nom: nom.trim() || null,
          progress,
        });
      });
    });

  const write = (resultat: ResultatDemande) =>
    ecriture.report(async () => {
      const noms = await action(({ workbook: classeur }) => ecrireDemande(classeur, resultat));
      return {
        sheet: noms.demande,
        text: `Feuille « ${noms.demande} » écrite : la demande à imprimer, signer et envoyer à la Région${noms.constats ? ` ; lignes non reprises dans « ${noms.constats} »` : ""}.`,
      };
    });

  const resultat = shownResult(run);
  return (
    <div className={styles.ecran}>
      <Subtitle2 as="h2" className={styles.titre}>
        Demander une dotation complémentaire
      </Subtitle2>
      <Caption1>
        Élèves supplémentaires (pré-bac, 3e prépa-métiers) ou boursiers supplémentaires (post-bac) par
        formation éligible × forfait de l&apos;année. La feuille lue n&apos;est jamais modifiée.
      </Caption1>
      {erreur && <Notice intent="error">{erreur}</Notice>}
      <SourceSheetField
        label="Feuille des élèves supplémentaires"
        hint={
          reconnues.length > 0
            ? `${reconnues.length > 1 ? "Reconnues" : "Reconnue"} : ${reconnues.map((n) => `« ${n} »`).join(", ")} (code formation, élèves ou boursiers supplémentaires).`
            : "Une ligne par formation : code formation diplôme, élèves ou boursiers supplémentaires."
        }
        value={sourceLue}
        sheets={proposees ?? []}
        reconnues={reconnues}
        marque="demande reconnue"
        disabled={running}
        onChange={setSource}
      />
      <YearSelect choice={annee} />
      {resolution.ok ? (
        <Caption1>
          Forfaits {libelleAnnee(year)} : {formaterForfait(resolution.forfaits.preBac.valeur)} par élève
          pré-bac et par boursier post-bac, {formaterForfait(resolution.forfaits.prepaMetiers.valeur)} par
          élève de 3e prépa-métiers ({resolution.forfaits.preBac.reference.court}).
        </Caption1>
      ) : (
        <UnresolvedYearNotice message={resolution.message} />
      )}
      <Field
        label="UAI de l'établissement (facultatif)"
        hint="Sinon celui de la colonne « UAI » de la feuille."
      >
        <TextInput value={uai} disabled={running} onChange={(_, data) => setUai(data.value)} />
      </Field>
      <Field label="Nom de l'établissement (facultatif)">
        <TextInput value={nom} disabled={running} onChange={(_, data) => setNom(data.value)} />
      </Field>
      <div className={styles.actions}>
        <Button appearance="primary" disabled={running || !resolution.ok} onClick={() => void compute()}>
          Calculer la demande
        </Button>
        <RefreshSheetsButton disabled={running} onClick={() => void actualiser()} />
      </div>
      <RunStatus run={run} label="Lecture de la demande…" />
      {resultat && (
        <DemandeResult
          resultat={resultat}
          running={running}
          written={ecriture.feedback}
          onWrite={() => void write(resultat)}
        />
      )}
    </div>
  );
}

function DemandeResult({
  resultat,
  running,
  written,
  onWrite,
}: {
  resultat: ResultatDemande;
  running: boolean;
  written: Feedback | null;
  onWrite: () => void;
}) {
  const styles = useEcranStyles();
  const affichage = useShowSheet();
  const { uai, nom } = resultat.etablissement;
  const { lignes } = resultat;
  const c = styles.cellule;
  return (
    <section aria-labelledby="titre-resultat-demande" className={styles.ecran}>
      <div>
        <Subtitle2 as="h3" id="titre-resultat-demande" className={styles.titre}>
          Demande {libelleAnnee(resultat.annee)} : {uai ?? "UAI non indiqué"}
          {nom ? ` — ${nom}` : ""}
        </Subtitle2>
        <Caption1>
          « {resultat.feuille} » : {count(lignes.nonVides, "ligne non vide", "lignes non vides")},{" "}
          {count(resultat.demandees.length, "demandée")},{" "}
          {count(lignes.ecartees, "non reprise", "non reprises")} — {resumeGravites(resultat.constats)}.
        </Caption1>
      </div>
      <table className={styles.table} aria-label="Montants demandés par formation">
        <ColumnHeads
          labels={["Formation", "En plus × forfait", "Montant (€)"]}
          first={mergeClasses(c, styles.gauche, styles.fort)}
          others={c}
        />
        <tbody>
          {tableauDemande(resultat).map((ligne, i) => {
            const fort = ligne.genre !== "formation" && styles.fort;
            return (
              <tr key={i}>
                <th scope="row" className={mergeClasses(c, styles.gauche, fort)}>
                  {ligne.libelle}
                </th>
                <td className={mergeClasses(c, styles.nombre, fort)}>{ligne.calcul}</td>
                <td className={mergeClasses(c, styles.nombre, fort)}>{ligne.montant}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <FindingsSection constats={resultat.constats} title="Lignes refusées et constats" />
      <div className={styles.actions}>
        <Button disabled={running} onClick={onWrite}>
          Écrire la demande « {nomFeuilleDemande(resultat.annee)} »
        </Button>
      </div>
      <FeedbackNotice feedback={written}>
        {" "}
        {written?.sheet && (
          <Button size="small" onClick={() => affichage.show(written.sheet!)}>
            Afficher la demande
          </Button>
        )}
      </FeedbackNotice>
      {affichage.error && <Notice intent="error">{affichage.error}</Notice>}
    </section>
  );
}
