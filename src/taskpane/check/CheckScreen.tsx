/**
 * Contrôle: check the active sheet (or the selection) as the dotation would read it — detected header
 * and column mapping (editable), every non-blank row counted or reported, findings grouped by
 * severity; a finding selects its cell; the « Contrôle ARE » sheet on demand.
 */
import { useState } from "react";
import { Field } from "../components/Field";
import { Button } from "../components/Button";
import { formaterEntier, libelleAnnee, phraseListe } from "../../rules";
import type { Progress, SheetData, Workbook } from "../../workbook/port";
import { attentionPostBacSansTaux, ecrireControle, NOM_FEUILLE_CONTROLE } from "../../workflows";
import type { Champ, CorrectionColonnes } from "../../workflows/types";
import { useEcranStyles } from "../components/ecranStyles";
import { constatsEcrits, FeedbackNotice, useFeedback, type Feedback } from "../components/Feedback";
import { FindingsSection } from "../components/FindingsList";
import { RunStatus } from "../components/RunStatus";
import { Annonce, Body1, Caption1, Subtitle2, Notice, FitSelect } from "../components/ui";
import { useReveal } from "../components/useReveal";
import { YearSelect, useYear } from "../components/YearSelect";
import { count } from "../format";
import { resumeGravites } from "../../sheet/constats";
import { SelectionWorkbook } from "../navigator";
import { shownResult, useRun } from "../run";
import { useCorrections, useServices } from "../services";
import { checkSheet, type Checked } from "./check";
import { MappingEditor } from "./MappingEditor";
import { chooseColumn } from "./mapping";

/** What was checked last: a sheet by name, or the cells of a selection as read then. */
type Target = { kind: "sheet"; name: string } | { kind: "selection"; data: SheetData };

function targetSheet(target: Target): string {
  return target.kind === "sheet" ? target.name : target.data.name;
}

export function CheckScreen() {
  const styles = useEcranStyles();
  const { action, listes } = useServices();
  const corrections = useCorrections();
  const [source, setSource] = useState<"sheet" | "selection">("sheet");
  const annee = useYear();
  const year = annee.year;
  const [target, setTarget] = useState<Target | null>(null);
  const [correction, setCorrection] = useState<CorrectionColonnes>({});
  const ecriture = useFeedback();
  const run = useRun<Checked>();
  const running = run.state.status === "running";

  /** Runs the workflow on a target with a mapping correction (kept for Dotations when it is a sheet). */
  const checkTarget = async (
    classeur: Workbook,
    checked: Target,
    colonnes: CorrectionColonnes,
    progress: Progress,
  ) => {
    setTarget(checked);
    ecriture.clear();
    const options = { annee: year, colonnes, progress, catalogues: listes.catalogues() };
    const resultat = await (checked.kind === "sheet"
      ? checkSheet(classeur, checked.name, options)
      : checkSheet(new SelectionWorkbook(classeur, checked.data), checked.data.name, options));
    // Kept for the screen and for Dotations once read: a column followed to its header's new place is
    // kept there, so the info is said once, not at every run.
    const gardee = resultat.correctionSuivie ?? colonnes;
    setCorrection(gardee);
    if (checked.kind === "sheet") corrections.set(checked.name, gardee);
    return resultat;
  };

  /**
   * The run whose result is revealed (scrolled to, focused): « Contrôler », not a column corrected in
   * the result, where the focus stays on the list the user just changed.
   */
  const [reveler, setReveler] = useState(false);

  /** « Contrôler »: reads where the user is now; keeps their mapping when it is the same sheet. */
  const checkWhereUserIs = () => {
    setReveler(true);
    return run.start((progress) =>
      action(async ({ workbook: classeur, navigator }) => {
        const name = await navigator.activeSheetName();
        const sheets = await classeur.listSheets();
        if (sheets.some((f) => f.owned && f.name === name)) {
          throw new Error(
            `La feuille active « ${name} » est une feuille de résultats écrite par le complément : activez la feuille d'effectifs à contrôler.`,
          );
        }
        const next: Target =
          source === "sheet"
            ? { kind: "sheet", name }
            : { kind: "selection", data: await navigator.readSelection(progress) };
        const colonnes =
          target && targetSheet(target) === targetSheet(next)
            ? correction
            : (corrections.bySheet[name] ?? {});
        return checkTarget(classeur, next, colonnes, progress);
      }),
    );
  };

  const resultat = shownResult(run);

  const onChoose = (champ: Champ, index: number | null) => {
    setReveler(false);
    // The header the user sees: that of the result shown (the dropdowns are disabled while a check runs).
    const entete = resultat?.entete;
    if (target && entete)
      void run.start((progress) =>
        action(({ workbook: classeur }) =>
          checkTarget(classeur, target, chooseColumn(correction, champ, index, entete), progress),
        ),
      );
  };

  const write = (resultat: Checked) =>
    ecriture.report(async () =>
      constatsEcrits(
        await action(({ workbook: classeur }) => ecrireControle(classeur, resultat)),
        resultat.constats.length,
      ),
    );

  const fresh = run.state.status === "done" && reveler ? run.state.result : null;

  return (
    <div className={styles.ecran}>
      <Subtitle2 as="h2" className={styles.titre}>
        Contrôler une feuille d&apos;effectifs
      </Subtitle2>
      <Caption1>
        Lit la feuille comme le calcul des dotations : chaque ligne non vide est comptée ou signalée avec sa
        raison. Aucune cellule de la feuille n&apos;est modifiée.
      </Caption1>
      <Field label="Que contrôler ?">
        <FitSelect
          value={source}
          disabled={running}
          onChange={(_, data) => setSource(data.value === "selection" ? "selection" : "sheet")}
        >
          <option value="sheet">La feuille active</option>
          <option value="selection">La sélection (une plage, en-tête compris)</option>
        </FitSelect>
      </Field>
      <YearSelect choice={annee} hint="Pour la liste indicative des formations utilisée." />
      <div className={styles.actions}>
        <Button appearance="primary" disabled={running} onClick={() => void checkWhereUserIs()}>
          Contrôler
        </Button>
      </div>
      <RunStatus run={run} label="Contrôle en cours…" />
      <Annonce
        text={
          run.state.status === "done"
            ? `Contrôle de « ${run.state.result.feuille} » terminé : ${resumeGravites(run.state.result.constats)}.`
            : ""
        }
      />
      {resultat && (
        <CheckResult
          fresh={fresh}
          resultat={resultat}
          selection={target?.kind === "selection" ? target.data : null}
          correction={correction}
          running={running}
          onChoose={onChoose}
          onReset={() => {
            setReveler(false);
            if (target)
              void run.start((progress) =>
                action(({ workbook: classeur }) => checkTarget(classeur, target, {}, progress)),
              );
          }}
          onWrite={() => void write(resultat)}
          written={ecriture.feedback}
        />
      )}
    </div>
  );
}

function selectionLabel(data: SheetData): string {
  const rows = data.values.length;
  return `sélection de ${count(rows, "ligne")} à partir de la ligne ${formaterEntier(data.rowOffset + 1)}`;
}

function CheckResult({
  fresh,
  resultat,
  selection,
  correction,
  running,
  onChoose,
  onReset,
  onWrite,
  written,
}: {
  fresh: Checked | null;
  resultat: Checked;
  selection: SheetData | null;
  correction: CorrectionColonnes;
  running: boolean;
  onChoose: (champ: Champ, index: number | null) => void;
  onReset: () => void;
  onWrite: () => void;
  written: Feedback | null;
}) {
  const styles = useEcranStyles();
  const { lignes, effectifs, postBacSansTaux } = resultat;
  const section = useReveal<HTMLElement>(fresh);
  return (
    <section aria-labelledby="titre-resultat-controle" className={styles.ecran} ref={section} tabIndex={-1}>
      <div>
        <Subtitle2 as="h3" id="titre-resultat-controle" className={styles.titre}>
          Résultat : « {resultat.feuille} »{selection ? ` (${selectionLabel(selection)})` : ""}
        </Subtitle2>
        <Caption1>
          Année {libelleAnnee(resultat.annee)} — {resumeGravites(resultat.constats)}.{" "}
          {phraseListe(resultat.liste)}
        </Caption1>
      </div>
      <ul className={styles.liste} aria-label="Bilan des lignes">
        <li>
          <Body1>
            {count(lignes.nonVides, "ligne non vide", "lignes non vides")} :{" "}
            {count(lignes.comptees, "comptée")}, {count(lignes.ecartees, "écartée")}.
          </Body1>
        </li>
        <li>
          <Body1>
            Effectifs éligibles comptés : pré-bac {formaterEntier(effectifs.preBac)}, post-bac{" "}
            {formaterEntier(effectifs.postBac)} (avant taux de boursiers), 3e prépa-métiers{" "}
            {formaterEntier(effectifs.prepaMetiers)}.
          </Body1>
        </li>
      </ul>
      {postBacSansTaux > 0 && (
        // « Aucune erreur » alone would read as « all will be paid » (regles.md#controle.post-bac-sans-taux).
        <Notice intent="warning">
          {resultat.constats.some((c) => c.gravite === "erreur") ? "" : "Aucune erreur dans la feuille. "}
          {attentionPostBacSansTaux(
            postBacSansTaux,
            "dans la feuille des établissements de l'écran Dotations",
          )}
        </Notice>
      )}
      {resultat.entete ? (
        <MappingEditor
          entete={resultat.entete}
          correction={correction}
          disabled={running}
          onChoose={onChoose}
          onReset={onReset}
        />
      ) : (
        <Notice intent="error">
          Aucune ligne d&apos;en-tête reconnue dans les 30 premières lignes : la correspondance des colonnes
          ne peut pas être corrigée ici. Vérifiez que la feuille contient bien les noms de colonnes (UAI, code
          formation, effectif…).
        </Notice>
      )}
      <FindingsSection constats={resultat.constats} />
      <div className={styles.actions}>
        <Button disabled={running} onClick={onWrite}>
          Écrire la feuille « {NOM_FEUILLE_CONTROLE} »
        </Button>
      </div>
      <FeedbackNotice feedback={written} />
    </section>
  );
}
