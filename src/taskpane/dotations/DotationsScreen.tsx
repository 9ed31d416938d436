/**
 * Dotations: from the rectorats' effectif sheets and the establishments sheet (suggested from their
 * headers), each establishment's dotation for the school year, written to « Dotations ARE <année> »
 * with its « Constats ARE <année> » sheet; totals per envelope; the explanation of any establishment.
 */
import { useEffect, useMemo, useState } from "react";
import { Button, Field } from "@fluentui/react-components";
import { formatForfait, formatInteger, netteTotaleConnue, renderTrace, schoolYearLabel } from "../../rules";
import { calculerDotations, ecrireDotations } from "../../workflows";
import { verifierAnnulation } from "../../workflows/progression";
import { feuilleEtablissementsPour } from "../../workflows/suggestions";
import type { CorrectionColonnes, ResultatDotations } from "../../workflows/types";
import { useEcranStyles } from "../components/ecranStyles";
import { feuillesProposees, useFeuilles } from "../components/feuilles";
import { FindingsList } from "../components/FindingsList";
import { RunStatus } from "../components/RunStatus";
import {
  AUCUNE,
  OptionalSheetField,
  RefreshSheetsButton,
  SheetCheckboxes,
  effectifsLabel,
} from "../components/SheetFields";
import { useShowSheet } from "../components/useShowSheet";
import { Body1, Caption1, Subtitle2, CheckboxLine, Notice, FitSelect, TextInput } from "../components/ui";
import { UnresolvedYearNotice, YearSelect, useYear } from "../components/YearSelect";
import { count, severitySummary } from "../format";
import { shownResult, useRun } from "../run";
import { useCorrections, useServices } from "../services";
import { resolveYear } from "../years";
import { choiceProblem, initialChoice, suivreClasseur, toggleEffectifs, type SheetChoice } from "./choice";
import { ExplanationTree } from "./ExplanationTree";
import { TotalsTable } from "./TotalsTable";
import {
  effectifsLine,
  establishmentLabel,
  formatEurosOuNonCalculee,
  explanationTree,
  filterEstablishments,
} from "./summary";

/** How many establishments the picker lists at once (a generated sheet can have thousands). */
const MAX_LISTED = 300;

type Outcome = { resultat: ResultatDotations; feuilles: { dotations: string; constats: string } | null };

export function DotationsScreen() {
  const styles = useEcranStyles();
  const { action, store } = useServices();
  const corrections = useCorrections();
  const [choice, setChoice] = useState<SheetChoice>({ effectifs: [], etablissements: null });
  /** The user chose the establishments sheet: it is no longer suggested anew when the year changes. */
  const [etablissementsChoisis, setEtablissementsChoisis] = useState(false);
  // On opening and on « Actualiser », the suggested sheets are preselected anew; when sheets are added,
  // deleted or renamed meanwhile, the user's choice is kept (new sheets are listed, not ticked).
  const { feuilles, erreur, actualiser } = useFeuilles((loaded, suivi) => {
    if (suivi) {
      const suivi = suivreClasseur(choice, loaded.sheets);
      setChoice(suivi);
      if (suivi.etablissements !== choice.etablissements) setEtablissementsChoisis(false);
      return;
    }
    setChoice(initialChoice(loaded.sheets, loaded.suggestion));
    setEtablissementsChoisis(false);
  });
  const [write, setWrite] = useState(true);
  const run = useRun<Outcome>();
  const running = run.state.status === "running";

  const annee = useYear();
  const year = annee.year;
  const resolution = resolveYear(annee.parametres, year);

  const userSheets = feuilles ? feuillesProposees(feuilles) : [];
  const etablissementsPossibles = feuilles
    ? feuillesProposees(feuilles, feuilles.suggestion.etablissementsPossibles)
    : [];
  const etablissementsSuggeres = feuilles
    ? feuilleEtablissementsPour(feuilles.suggestion, feuilles.sheets, year)
    : null;

  // The establishments sheet follows the year until the user chooses one (that of 2024-2025 for 2024-2025).
  useEffect(() => {
    if (!etablissementsChoisis) setChoice((c) => ({ ...c, etablissements: etablissementsSuggeres }));
  }, [feuilles, etablissementsSuggeres, etablissementsChoisis]);
  const problem = choiceProblem(choice);

  const compute = () =>
    run.start(async (progress) => {
      const colonnes: Record<string, CorrectionColonnes> = {};
      for (const name of [...choice.effectifs, choice.etablissements]) {
        if (name && corrections.bySheet[name]) colonnes[name] = corrections.bySheet[name];
      }
      // Read, compute and write: one Excel.run (design.md §8).
      return action(async ({ workbook: classeur }) => {
        const resultat = await calculerDotations(classeur, {
          feuillesEffectifs: choice.effectifs,
          feuilleEtablissements: choice.etablissements,
          annee: year,
          parametres: store.parametres(),
          colonnes,
          progress,
        });
        // « Annuler » pressed during the last slice: nothing is written.
        verifierAnnulation(progress);
        return { resultat, feuilles: write ? await ecrireDotations(classeur, resultat) : null };
      });
    });

  const corrected = choice.effectifs.filter((n) => corrections.bySheet[n]);

  return (
    <div className={styles.ecran}>
      <Subtitle2 as="h2" className={styles.titre}>
        Calculer les dotations
      </Subtitle2>
      <Caption1>
        Effectifs n-1 de 1ère année des rectorats × forfaits de l&apos;année, reliquats déduits par enveloppe
        (modalités 2023-2024, R8-R9). Les feuilles d&apos;origine ne sont jamais modifiées.
      </Caption1>

      {erreur && <Notice intent="error">{erreur}</Notice>}

      <SheetCheckboxes
        legend="Feuilles d'effectifs"
        sheets={userSheets}
        checked={choice.effectifs}
        label={effectifsLabel(feuilles?.suggestion)}
        disabled={running}
        onChange={(name, checked) => setChoice((c) => toggleEffectifs(c, name, checked, userSheets))}
      >
        {feuilles === null && !erreur && <Caption1>Lecture des feuilles du classeur…</Caption1>}
        {feuilles !== null && userSheets.length === 0 && (
          <Caption1>Le classeur n&apos;a aucune feuille à lire.</Caption1>
        )}
      </SheetCheckboxes>
      {corrected.length > 0 && (
        <Caption1>
          Correspondance des colonnes corrigée dans Contrôle utilisée pour{" "}
          {corrected.map((n) => `« ${n} »`).join(", ")}.
        </Caption1>
      )}

      <OptionalSheetField
        label="Feuille des établissements (facultative)"
        hint={
          etablissementsSuggeres
            ? `Suggérée : « ${etablissementsSuggeres} » (UAI, taux de boursiers, reliquats, réponse à l'enquête).`
            : "Taux de boursiers, reliquats et réponse à l'enquête par UAI, s'ils ne sont pas dans les feuilles d'effectifs."
        }
        value={choice.etablissements}
        sheets={etablissementsPossibles}
        disabled={running}
        onChange={(value) => {
          setEtablissementsChoisis(true);
          setChoice((c) => ({ ...c, etablissements: value === AUCUNE ? null : value }));
        }}
      />

      <YearSelect choice={annee} />
      {resolution.ok ? (
        <Caption1>
          Forfaits {schoolYearLabel(year)} : pré-bac {formatForfait(resolution.forfaits.preBac.valeur)},
          post-bac {formatForfait(resolution.forfaits.postBac.valeur)} par boursier, 3ème prépa-métiers{" "}
          {formatForfait(resolution.forfaits.prepaMetiers.valeur)} (
          {resolution.forfaits.preBac.reference.court}).
        </Caption1>
      ) : (
        <UnresolvedYearNotice message={resolution.message} />
      )}

      <CheckboxLine
        disabled={running}
        checked={write}
        onChange={setWrite}
        label={`Écrire les feuilles « Dotations ARE ${schoolYearLabel(year)} » et « Constats ARE ${schoolYearLabel(year)} »`}
      />
      <div className={styles.actions}>
        <Button
          appearance="primary"
          disabled={running || !resolution.ok || problem !== null || feuilles === null}
          onClick={() => void compute()}
        >
          Calculer les dotations
        </Button>
        <RefreshSheetsButton disabled={running} onClick={() => void actualiser()} />
      </div>
      {problem && feuilles !== null && <Caption1>{problem}</Caption1>}
      <RunStatus run={run} label="Calcul des dotations en cours…" />
      {shownResult(run) && <DotationsResult outcome={shownResult(run)!} />}
    </div>
  );
}

function DotationsResult({ outcome }: { outcome: Outcome }) {
  const styles = useEcranStyles();
  const { resultat, feuilles } = outcome;
  const affichage = useShowSheet();
  const lignes = resultat.lignes;
  return (
    <section aria-labelledby="titre-resultat-dotations" className={styles.ecran}>
      <Subtitle2 as="h3" id="titre-resultat-dotations" className={styles.titre}>
        Dotations {schoolYearLabel(resultat.annee)} : {count(resultat.etablissements.length, "établissement")}
      </Subtitle2>
      {feuilles && (
        <Notice intent="success">
          Feuilles écrites : « {feuilles.dotations} » et « {feuilles.constats} ».{" "}
          <Button size="small" onClick={() => affichage.show(feuilles.dotations)}>
            Afficher les dotations
          </Button>{" "}
          <Button size="small" onClick={() => affichage.show(feuilles.constats)}>
            Afficher les constats
          </Button>
        </Notice>
      )}
      {affichage.error && <Notice intent="error">{affichage.error}</Notice>}
      <TotalsTable totaux={resultat.totaux} />
      <ul className={styles.liste}>
        <li>
          <Body1>{effectifsLine(resultat.totaux)}</Body1>
        </li>
        <li>
          <Body1>
            Lignes lues : {formatInteger(lignes.nonVides)} non vides, {formatInteger(lignes.comptees)}{" "}
            comptées, {formatInteger(lignes.ecartees)} écartées.
          </Body1>
        </li>
        {[resultat.forfaits.preBac, resultat.forfaits.postBac, resultat.forfaits.prepaMetiers].map((f) => (
          <li key={f.trace.libelle}>
            <Body1>{renderTrace(f.trace)}</Body1>
          </li>
        ))}
      </ul>
      <Explanation resultat={resultat} />
      <details>
        <summary>
          <Body1>Constats de la lecture : {severitySummary(resultat.constats)}</Body1>
        </summary>
        <FindingsList constats={resultat.constats} headingLevel="h4" />
      </details>
    </section>
  );
}

function Explanation({ resultat }: { resultat: ResultatDotations }) {
  const styles = useEcranStyles();
  const [filter, setFilter] = useState("");
  const [uai, setUai] = useState<string>(resultat.etablissements[0]?.uai ?? "");
  const listed = useMemo(
    () => filterEstablishments(resultat.etablissements, filter, MAX_LISTED),
    [resultat.etablissements, filter],
  );
  const chosen = resultat.etablissements.find((d) => d.uai === uai) ?? null;
  return (
    <section aria-labelledby="titre-explication" className={styles.ecran}>
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
            ? `${formatInteger(listed.length)} affichés sur ${formatInteger(resultat.etablissements.length)}`
            : undefined
        }
      >
        <FitSelect value={uai} onChange={(_, data) => setUai(data.value)}>
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
}
