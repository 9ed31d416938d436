/**
 * Step 3 of the Bilan screen: the reliquats of the filled bilans (all those recognised, ticked by
 * default) into the establishments sheet of next year's dotation — « Établissements ARE <année
 * suivante> », completing the establishments sheet of the bilans' year when one is given (suggested
 * from its name) — which the Dotations screen then suggests for that year. Each bilan's « Dotation
 * reçue » is checked against the dotations sheet of that year, and nothing is written for bilans of
 * another year than the one chosen (dotationsVersees.ts).
 */
import { useState } from "react";
import { mergeClasses } from "@fluentui/react-components";
import { Button } from "../components/Button";
import { formaterEntier, libelleAnnee } from "../../rules";
import type { ResultatReliquats } from "../../workflows";
import { feuilleEtablissementsPour } from "../../workflows/suggestions";
import { useEcranStyles } from "../components/ecranStyles";
import { basculer, feuilleRetenue, feuillesProposees } from "../components/feuilles";
import { FindingsSection } from "../components/FindingsList";
import { RunStatus } from "../components/RunStatus";
import { OptionalSheetField, RefreshSheetsButton, SheetCheckboxes } from "../components/SheetFields";
import { useShowSheet } from "../components/useShowSheet";
import { Caption1, Subtitle2, ColumnHeads, Notice } from "../components/ui";
import { YearSelect, useYear } from "../components/YearSelect";
import { count } from "../format";
import { shownResult, useRun } from "../run";
import { useGoTo, useServices } from "../services";
import type { EtapeProps } from "./ModeleBilan";
import { reporterAvecDotations, type AvecDotations } from "./dotationsVersees";
import { DotationsVerifiees } from "./DotationsVerifiees";
import { tableauReliquats } from "./resume";

/** Establishments listed in the pane; the sheet written has them all. */
const MAX_LIGNES = 100;

export function ReliquatsBilan({ feuilles, actualiser }: EtapeProps) {
  const styles = useEcranStyles();
  const { action, listes } = useServices();
  const goTo = useGoTo();
  const [bilansChoisis, setBilansChoisis] = useState<string[] | null>(null);
  /** null: the suggested establishments sheet; "": none. */
  const [etablissementsChoisie, setEtablissementsChoisie] = useState<string | null>(null);
  const affichage = useShowSheet();
  const run = useRun<{ resultat: ResultatReliquats & AvecDotations; feuille: string }>();
  const running = run.state.status === "running";

  const tous = feuilles?.suggestion.bilans ?? [];
  const bilans = (bilansChoisis ?? tous).filter((n) => tous.includes(n));
  const anneeLue = bilans.map((n) => feuilles?.suggestion.anneesBilans[n]).find((a) => a !== undefined);
  const annee = useYear(anneeLue);
  const year = annee.year;
  const possibles = feuilles ? feuillesProposees(feuilles, feuilles.suggestion.etablissementsPossibles) : [];
  const suggeree = feuilles ? feuilleEtablissementsPour(feuilles.suggestion, feuilles.sheets, year) : null;
  const etablissements = feuilleRetenue(etablissementsChoisie, possibles, suggeree);

  const reporter = () =>
    run.start(async (progress) => {
      affichage.clear();
      const fait = await action(({ workbook: classeur }) =>
        reporterAvecDotations(
          classeur,
          {
            feuillesBilans: bilans,
            feuilleEtablissements: etablissements,
            annee: year,
            catalogues: listes.catalogues(),
            progress,
          },
          feuilles,
        ),
      );
      void actualiser();
      return fait;
    });

  const fait = shownResult(run);
  const lignes = fait ? tableauReliquats(fait.resultat, MAX_LIGNES) : [];
  const suivante = fait ? libelleAnnee(fait.resultat.anneeDotations) : "";
  return (
    <div className={styles.ecran}>
      <SheetCheckboxes
        legend="Bilans remplis (un par établissement)"
        sheets={tous}
        checked={bilans}
        disabled={running}
        onChange={(name, checked) => setBilansChoisis(basculer(bilans, name, checked, tous))}
      >
        {feuilles && tous.length === 0 && (
          <Caption1>
            Aucune feuille ne ressemble à un bilan : préparez les modèles (étape 1) ou actualisez la liste.
          </Caption1>
        )}
      </SheetCheckboxes>
      <YearSelect
        choice={annee}
        hint={`Année des bilans (lue dans le premier bilan coché) : les reliquats sont déduits des dotations ${libelleAnnee(year + 1)}.`}
      />
      <OptionalSheetField
        label="Feuille des établissements à compléter (facultative)"
        hint={
          suggeree
            ? `Suggérée : « ${suggeree} » ; ses autres colonnes (taux de boursiers, réponse à l'enquête…) sont reprises.`
            : "Sans elle, la feuille écrite n'a que l'UAI, le nom et les reliquats des établissements des bilans."
        }
        value={etablissements}
        sheets={possibles}
        disabled={running}
        onChange={setEtablissementsChoisie}
      />
      <div className={styles.actions}>
        <Button
          appearance="primary"
          disabled={running || bilans.length === 0}
          onClick={() => void reporter()}
        >
          Reporter les reliquats
        </Button>
        <RefreshSheetsButton disabled={running} onClick={() => void actualiser()} />
      </div>
      <RunStatus run={run} label="Lecture des bilans…" />
      {fait && (
        <section aria-labelledby="titre-resultat-reliquats" className={styles.ecran}>
          <Subtitle2 as="h3" id="titre-resultat-reliquats" className={styles.titre}>
            Reliquats {libelleAnnee(fait.resultat.anneeBilans)} reportés sur {suivante}
          </Subtitle2>
          <Notice intent="success">
            Feuille « {fait.feuille} » écrite : {count(fait.resultat.reliquats.length, "établissement")}{" "}
            repris sur {count(fait.resultat.bilans.length, "bilan lu", "bilans lus")}. Le calcul des dotations{" "}
            {suivante} la lit comme feuille des établissements.{" "}
            <Button size="small" onClick={() => affichage.show(fait.feuille)}>
              Afficher la feuille
            </Button>{" "}
            <Button size="small" onClick={() => goTo("dotations")}>
              Ouvrir Dotations
            </Button>
          </Notice>
          {affichage.error && <Notice intent="error">{affichage.error}</Notice>}
          <table className={styles.table} aria-label="Reliquats reportés">
            <ColumnHeads
              labels={["Établissement", "Pré-bac (€)", "Post-bac (€)"]}
              first={mergeClasses(styles.cellule, styles.gauche)}
              others={styles.cellule}
            />
            <tbody>
              {lignes.map((l) => (
                <tr key={l.uai}>
                  <th scope="row" className={mergeClasses(styles.cellule, styles.gauche)}>
                    {l.uai} {l.etablissement}
                  </th>
                  <td className={mergeClasses(styles.cellule, styles.nombre)}>{l.preBac}</td>
                  <td className={mergeClasses(styles.cellule, styles.nombre)}>{l.postBac}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {fait.resultat.reliquats.length > lignes.length && (
            <Caption1>
              {formaterEntier(lignes.length)} premiers établissements affichés : la feuille les a tous.
            </Caption1>
          )}
          <DotationsVerifiees feuille={fait.resultat.dotations} />
          <FindingsSection constats={fait.resultat.constats} />
        </section>
      )}
    </div>
  );
}
