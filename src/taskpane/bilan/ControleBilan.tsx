/**
 * Step 2 of the Bilan screen: check a filled bilan — the active sheet by default, or a sheet recognised
 * as a bilan (the user's, or the add-in's template filled in) — per envelope the amount available, the
 * purchases retained and the new reliquat with its explanation (resumeEnveloppe), every anomaly as a
 * finding that selects its cell — the « Dotation reçue » compared with the workbook's dotations sheet
 * of the bilan's year among them (dotationsVersees.ts); the check sheet « Contrôle bilan <UAI> » on demand.
 */
import { useState } from "react";
import { mergeClasses } from "@fluentui/react-components";
import { Button } from "../components/Button";
import { ENVELOPPES, libelleAnnee } from "../../rules";
import {
  NOTE_ACHATS_EN_ERREUR,
  ecrireControleBilan,
  nomFeuilleControleBilan,
  resumeEnveloppe,
  type ResultatControleBilan,
} from "../../workflows";
import { useEcranStyles } from "../components/ecranStyles";
import { Body1, Caption1, Subtitle2, ColumnHeads } from "../components/ui";
import { constatsEcrits, FeedbackNotice, useFeedback } from "../components/Feedback";
import { FEUILLE_ACTIVE, feuilleSource, feuillesProposees, sourceRetenue } from "../components/feuilles";
import { FindingsSection } from "../components/FindingsList";
import { RunStatus } from "../components/RunStatus";
import { RefreshSheetsButton, SourceSheetField } from "../components/SheetFields";
import { YearSelect, useYear } from "../components/YearSelect";
import { count } from "../format";
import { resumeGravites } from "../../sheet/constats";
import { shownResult, useRun } from "../run";
import { useServices } from "../services";
import type { EtapeProps } from "./ModeleBilan";
import { controlerAvecDotations, type AvecDotations } from "./dotationsVersees";
import { DotationsVerifiees } from "./DotationsVerifiees";
import { tableauEnveloppes } from "./resume";

export function ControleBilan({ feuilles, actualiser }: EtapeProps) {
  const styles = useEcranStyles();
  const { action, listes } = useServices();
  const [source, setSource] = useState(FEUILLE_ACTIVE);
  const ecriture = useFeedback();
  const run = useRun<ResultatControleBilan & AvecDotations>();
  const running = run.state.status === "running";
  const annee = useYear();
  const year = annee.year;
  const bilans = feuilles?.suggestion.bilans ?? [];
  const proposees = feuilles ? feuillesProposees(feuilles, bilans) : null;
  const sourceLue = sourceRetenue(source, proposees);

  const controler = () =>
    run.start((progress) => {
      ecriture.clear();
      return action(async ({ workbook: classeur, navigator }) => {
        const feuille = await feuilleSource(sourceLue, classeur, navigator, "bilan", "le bilan à contrôler");
        return controlerAvecDotations(
          classeur,
          feuille,
          { annee: year, catalogues: listes.catalogues(), progress },
          feuilles,
        );
      });
    });

  const write = (resultat: ResultatControleBilan) =>
    ecriture.report(async () =>
      constatsEcrits(
        await action(({ workbook: classeur }) => ecrireControleBilan(classeur, resultat)),
        resultat.constats.length,
      ),
    );

  const resultat = shownResult(run);
  return (
    <div className={styles.ecran}>
      <SourceSheetField
        label="Bilan à contrôler"
        hint={
          bilans.length > 0
            ? `${bilans.length > 1 ? "Bilans reconnus" : "Bilan reconnu"} : ${bilans.map((n) => `« ${n} »`).join(", ")}.`
            : "Le modèle rempli, ou un bilan avec les mêmes libellés (UAI, dotation reçue, code formation, élèves aidés, montant des achats, type d'équipement)."
        }
        value={sourceLue}
        sheets={proposees ?? []}
        reconnues={bilans}
        marque="bilan reconnu"
        disabled={running}
        onChange={setSource}
      />
      <YearSelect choice={annee} hint="Retenue si le bilan n'indique pas la sienne (« Année scolaire »)." />
      <div className={styles.actions}>
        <Button appearance="primary" disabled={running} onClick={() => void controler()}>
          Contrôler le bilan
        </Button>
        <RefreshSheetsButton disabled={running} onClick={() => void actualiser()} />
      </div>
      <RunStatus run={run} label="Contrôle du bilan…" />
      {resultat && (
        <section aria-labelledby="titre-resultat-bilan" className={styles.ecran}>
          <div>
            <Subtitle2 as="h3" id="titre-resultat-bilan" className={styles.titre}>
              Bilan « {resultat.feuille} » : {resultat.uai ?? "UAI non indiqué"}
              {resultat.nom ? ` — ${resultat.nom}` : ""}
            </Subtitle2>
            <Caption1>
              Année {libelleAnnee(resultat.annee)} —{" "}
              {count(resultat.lignes.nonVides, "ligne non vide", "lignes non vides")} :{" "}
              {count(resultat.lignes.comptees, "retenue")}, {count(resultat.lignes.ecartees, "écartée")} —{" "}
              {resumeGravites(resultat.constats)}.
            </Caption1>
          </div>
          <table className={styles.table} aria-label="Enveloppes du bilan">
            <ColumnHeads
              labels={["Enveloppe", "Disponible (€)", "Achats retenus (€)", "Reliquat reporté (€)"]}
              first={mergeClasses(styles.cellule, styles.gauche)}
              others={styles.cellule}
            />
            <tbody>
              {tableauEnveloppes(resultat).map((e) => (
                <tr key={e.enveloppe}>
                  <th scope="row" className={mergeClasses(styles.cellule, styles.gauche, styles.fort)}>
                    {e.enveloppe}
                  </th>
                  <td className={mergeClasses(styles.cellule, styles.nombre)}>{e.disponible}</td>
                  <td className={mergeClasses(styles.cellule, styles.nombre)}>{e.achats}</td>
                  <td className={mergeClasses(styles.cellule, styles.nombre, styles.fort)}>{e.reliquat}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <ul className={styles.liste} aria-label="Explication des reliquats">
            {ENVELOPPES.map((nom) => (
              <li key={nom}>
                <Body1>{resumeEnveloppe(nom, resultat.enveloppes[nom])}</Body1>
              </li>
            ))}
          </ul>
          <DotationsVerifiees feuille={resultat.dotations} />
          <FindingsSection
            constats={resultat.constats}
            hint={`${NOTE_ACHATS_EN_ERREUR} Cliquez sur un constat pour sélectionner sa cellule.`}
          />
          <div className={styles.actions}>
            <Button disabled={running} onClick={() => void write(resultat)}>
              Écrire la feuille « {nomFeuilleControleBilan(resultat)} »
            </Button>
          </div>
          <FeedbackNotice feedback={ecriture.feedback} />
        </section>
      )}
    </div>
  );
}
