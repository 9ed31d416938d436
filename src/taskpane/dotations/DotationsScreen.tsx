/**
 * Dotations: from the rectorats' effectif sheets and the establishments sheet (suggested from their
 * headers), each establishment's dotation for the school year, written to « Dotations ARE <année> »
 * with its « Constats ARE <année> » sheet; totals per envelope; the explanation of any establishment.
 */
import { useCallback, useMemo, useRef, useState } from "react";
import { Button } from "../components/Button";
import { formaterEuros, formaterForfait, formaterTrace, libelleAnnee, phraseListe } from "../../rules";
import { calculerDotations, ecrireDotations, nomFeuilleDotations } from "../../workflows";
import { verifierAnnulation } from "../../workflows/progression";
import type { CorrectionColonnes, ResultatDotations } from "../../workflows/types";
import type { Workbook } from "../../workbook/port";
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
import { useReveal } from "../components/useReveal";
import { useShowSheet } from "../components/useShowSheet";
import { Annonce, Body1, Caption1, Subtitle2, CheckboxLine, Notice } from "../components/ui";
import { UnresolvedYearNotice, YearSelect, useYear } from "../components/YearSelect";
import { count } from "../format";
import { decompteLignes, resumeGravites } from "../../sheet/constats";
import { failureMessage, shownResult, useRun } from "../run";
import { correctionsDe, useCorrections, useServices } from "../services";
import { DESIGNER } from "../check/check";
import { resolveYear } from "../years";
import {
  choiceProblem,
  etablissementsLabel,
  etablissementsSuggeres,
  initialChoice,
  suivreClasseur,
  toggleEffectifs,
  type SheetChoice,
} from "./choice";
import { couvertureEtablissements, etablissementsATraiter } from "./aTraiter";
import { ATraiterListe } from "./ATraiterListe";
import { Explication } from "./Explication";
import { raisonsDeConfirmer, resumerFeuilleDotations, resumerResultat } from "./remplacement";
import { effectifsLine } from "./summary";
import { TotalsTable } from "./TotalsTable";

type Feuilles = { dotations: string; constats: string };

type Outcome = {
  resultat: ResultatDotations;
  feuilles: Feuilles | null;
  /** The establishments sheet read, for the coverage warning. */
  etablissements: string | null;
  /** Why the « Dotations ARE » sheet in place was not replaced yet: the user must confirm (remplacement.ts). */
  attente: readonly string[];
  /** By sheet, the correction the reading refused as stale (`correction-perimee`): it was not used. */
  refusees: Record<string, CorrectionColonnes>;
};

/** Why writing `resultat` over the add-in's « Dotations ARE <année> » sheet in place needs a confirmation. */
async function raisonsPourRemplacer(classeur: Workbook, resultat: ResultatDotations): Promise<string[]> {
  const nom = nomFeuilleDotations(resultat.annee);
  const enPlace = (await classeur.listSheets()).find((f) => f.owned && f.name === nom);
  if (!enPlace) return [];
  return raisonsDeConfirmer(
    resumerFeuilleDotations(await classeur.readSheet(nom)),
    resumerResultat(resultat),
  );
}

/** « Dotations 2024-2025 calculées : 62 établissements, dotation nette totale 1 234,00 € », for the live region. */
function annonce(outcome: Outcome): string {
  const { resultat } = outcome;
  return `Dotations ${libelleAnnee(resultat.annee)} calculées : ${count(resultat.etablissements.length, "établissement")}, dotation nette totale ${formaterEuros(resultat.totaux.nette.total)}.${outcome.attente.length > 0 ? " Feuille non remplacée : confirmation demandée." : ""}`;
}

/** « Correspondance des colonnes corrigée dans Contrôle utilisée pour « Paris », « Créteil » ». */
const corrigee = (quoi: string, noms: readonly string[]) =>
  `Correspondance des colonnes corrigée dans Contrôle ${quoi} pour ${noms.map((n) => `« ${n} »`).join(", ")}`;

export function DotationsScreen() {
  const styles = useEcranStyles();
  const { action, store, listes } = useServices();
  const corrections = useCorrections();
  /** Corrected sheets found gone at the last read of the sheets, their corrections dropped then. */
  const [perdues, setPerdues] = useState<string[]>([]);
  const [choice, setChoice] = useState<SheetChoice>({ effectifs: [], etablissements: null });
  /** The user chose the establishments sheet: it is no longer suggested anew when the year changes. */
  const [etablissementsChoisis, setEtablissementsChoisis] = useState(false);
  // On opening and on « Actualiser », the suggested sheets are preselected anew; when sheets are added,
  // deleted or renamed meanwhile, the user's choice is kept (new sheets are listed, not ticked).
  const { feuilles, erreur, actualiser, enLecture } = useFeuilles((loaded, suivi) => {
    // A corrected sheet gone is said once, its correction dropped: never read again, it would warn
    // forever. A deleted sheet (the workbook has fewer) is no news to the user who deleted it: silent.
    const parties = Object.keys(corrections.bySheet).filter((n) => !loaded.sheets.some((f) => f.name === n));
    for (const n of parties) corrections.set(n, {});
    setPerdues(loaded.sheets.length < (feuilles?.sheets.length ?? 0) ? [] : parties);
    if (suivi) {
      const suivi = suivreClasseur(choice, loaded.sheets);
      setChoice(suivi);
      if (suivi.etablissements !== choice.etablissements) setEtablissementsChoisis(false);
      return;
    }
    setChoice(initialChoice(loaded.sheets, loaded.suggestion));
    setEtablissementsChoisis(false);
  }, true);
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
  const couverts = feuilles?.etablissements ?? {};
  const suggeree = feuilles
    ? etablissementsSuggeres(feuilles.suggestion, feuilles.sheets, year, couverts)
    : null;

  // The establishments sheet follows the year until the user chooses one (that of 2024-2025 for
  // 2024-2025): adjusted during this render, not by an effect and a second render.
  if (!etablissementsChoisis && choice.etablissements !== suggeree) {
    setChoice((c) => ({ ...c, etablissements: suggeree }));
  }
  const problem = choiceProblem(choice);

  const compute = () =>
    run.start(async (progress) => {
      const colonnes = correctionsDe(corrections, [...choice.effectifs, choice.etablissements]);
      // Read, compute and write: one Excel.run (design.md §8).
      return action(async ({ workbook: classeur }) => {
        const resultat = await calculerDotations(classeur, {
          feuillesEffectifs: choice.effectifs,
          feuilleEtablissements: choice.etablissements,
          annee: year,
          parametres: store.parametres(),
          catalogues: listes.catalogues(),
          colonnes,
          progress,
          // Unread status or year columns: alertes, as with `are dotations` (regles.md#lecture.colonne-non-lue).
          designer: DESIGNER,
        });
        // « Annuler » pressed during the last slice: nothing is written.
        verifierAnnulation(progress);
        // Columns followed to their header's new place are kept there: the info is said once.
        for (const [n, c] of Object.entries(resultat.correctionsSuivies)) corrections.set(n, c);
        const refusees: Outcome["refusees"] = {};
        for (const c of resultat.constats)
          if (c.code === "correction-perimee") refusees[c.feuille] = colonnes[c.feuille];
        const lu = { resultat, feuilles: null, etablissements: choice.etablissements, refusees };
        if (!write) return { ...lu, attente: [] };
        const attente = await raisonsPourRemplacer(classeur, resultat);
        if (attente.length > 0) return { ...lu, attente };
        return { ...lu, feuilles: await ecrireDotations(classeur, resultat), attente };
      });
    });

  // A correction the last run refused, still the one kept: not used, whatever the choice says.
  const refusees = shownResult(run)?.refusees ?? {};
  const aRefaire = choice.effectifs.filter(
    (n) => corrections.bySheet[n] && refusees[n] === corrections.bySheet[n],
  );
  const corrected = choice.effectifs.filter((n) => corrections.bySheet[n] && !aRefaire.includes(n));

  return (
    <div className={styles.ecran}>
      <Subtitle2 as="h2" className={styles.titre}>
        Calculer les dotations
      </Subtitle2>
      <Caption1>
        Effectifs n-1 de 1re année des rectorats × forfaits de l&apos;année, reliquats déduits par enveloppe
        (modalités 2023-2024). Les feuilles d&apos;origine ne sont jamais modifiées.
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
      {corrected.length > 0 && <Caption1>{corrigee("utilisée", corrected)}.</Caption1>}
      {aRefaire.length > 0 && <Caption1>{corrigee("non utilisée", aRefaire)}.</Caption1>}
      {perdues.length > 0 && (
        <Notice intent="warning">{corrigee("perdue", perdues)} : feuille renommée ? Refaites-la.</Notice>
      )}

      <OptionalSheetField
        label="Feuille des établissements (facultative)"
        hint={
          suggeree
            ? `Suggérée : « ${suggeree} », celle de l'année qui couvre le plus d'établissements (UAI, taux de boursiers, reliquats, réponse à l'enquête).`
            : "Taux de boursiers, reliquats et réponse à l'enquête par UAI, s'ils ne sont pas dans les feuilles d'effectifs."
        }
        value={choice.etablissements}
        sheets={etablissementsPossibles}
        sheetLabel={(name) => etablissementsLabel(name, couverts)}
        // While « Actualiser » (or a change in the workbook) reads the sheets, its answer suggests the
        // sheet anew: a choice made meanwhile would be silently replaced.
        disabled={running || enLecture}
        onChange={(value) => {
          setEtablissementsChoisis(true);
          setChoice((c) => ({ ...c, etablissements: value === AUCUNE ? null : value }));
        }}
      />

      <YearSelect choice={annee} />
      {resolution.ok ? (
        <Caption1>
          Forfaits {libelleAnnee(year)} : pré-bac {formaterForfait(resolution.forfaits.preBac.valeur)},
          post-bac {formaterForfait(resolution.forfaits.postBac.valeur)} par boursier, 3e prépa-métiers{" "}
          {formaterForfait(resolution.forfaits.prepaMetiers.valeur)} (
          {resolution.forfaits.preBac.reference.court}).
        </Caption1>
      ) : (
        <UnresolvedYearNotice message={resolution.message} />
      )}

      <CheckboxLine
        disabled={running}
        checked={write}
        onChange={setWrite}
        label={`Écrire les feuilles « Dotations ARE ${libelleAnnee(year)} » et « Constats ARE ${libelleAnnee(year)} »`}
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
      <Annonce text={run.state.status === "done" ? annonce(run.state.result) : ""} />
      {shownResult(run) && (
        <DotationsResult
          outcome={shownResult(run)!}
          fresh={run.state.status === "done" ? run.state.result : null}
        />
      )}
    </div>
  );
}

/**
 * The sheets written for an outcome, and « Remplacer la feuille » when writing waits for the user's
 * confirmation (a worse result than the sheet in place, remplacement.ts).
 */
function useEcriture(outcome: Outcome) {
  const { action } = useServices();
  const [ecrites, setEcrites] = useState<{ pour: Outcome; feuilles: Feuilles | null; refus: boolean }>({
    pour: outcome,
    feuilles: outcome.feuilles,
    refus: false,
  });
  const [erreur, setErreur] = useState<string | null>(null);
  const courant =
    ecrites.pour === outcome ? ecrites : { pour: outcome, feuilles: outcome.feuilles, refus: false };
  const remplacer = () => {
    setErreur(null);
    action(({ workbook }) => ecrireDotations(workbook, outcome.resultat)).then(
      (feuilles) => setEcrites({ pour: outcome, feuilles, refus: false }),
      (e: unknown) => setErreur(failureMessage(e)),
    );
  };
  const garder = () => setEcrites({ pour: outcome, feuilles: null, refus: true });
  return {
    feuilles: courant.feuilles,
    enAttente: outcome.attente.length > 0 && courant.feuilles === null && !courant.refus,
    refus: courant.refus,
    erreur,
    remplacer,
    garder,
  };
}

function DotationsResult({ outcome, fresh }: { outcome: Outcome; fresh: Outcome | null }) {
  const styles = useEcranStyles();
  const { resultat } = outcome;
  const ecriture = useEcriture(outcome);
  const feuilles = ecriture.feuilles;
  const affichage = useShowSheet();
  const section = useReveal<HTMLElement>(fresh);
  const premier = resultat.etablissements[0]?.uai ?? "";
  const [uai, setUai] = useState<string>(premier);
  // A new result explains its first establishment: adjusted during this render, not by an effect.
  const [resultatMontre, setResultatMontre] = useState(resultat);
  if (resultatMontre !== resultat) {
    setResultatMontre(resultat);
    setUai(premier);
  }
  const aTraiter = useMemo(
    () =>
      etablissementsATraiter(resultat, feuilles?.constats ?? `Constats ARE ${libelleAnnee(resultat.annee)}`),
    [resultat, feuilles],
  );
  const explication = useRef<HTMLElement>(null);
  const choisir = useCallback((choisi: string) => setUai(choisi), []);
  const montrer = (choisi: string) => {
    setUai(choisi);
    explication.current?.scrollIntoView({ block: "start" });
  };
  const lignes = resultat.lignes;
  return (
    <section aria-labelledby="titre-resultat-dotations" className={styles.ecran} ref={section} tabIndex={-1}>
      <Subtitle2 as="h3" id="titre-resultat-dotations" className={styles.titre}>
        Dotations {libelleAnnee(resultat.annee)} : {count(resultat.etablissements.length, "établissement")}
      </Subtitle2>
      <Caption1>{phraseListe(resultat.liste)}</Caption1>
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
      {ecriture.enAttente && (
        <Notice intent="warning" title={`« ${nomFeuilleDotations(resultat.annee)} » n'a pas été remplacée`}>
          Ce résultat semble moins complet que la feuille en place : {outcome.attente.join(" ; ")}.{" "}
          <Button size="small" appearance="primary" onClick={ecriture.remplacer}>
            Remplacer la feuille
          </Button>{" "}
          <Button size="small" onClick={ecriture.garder}>
            Garder la feuille actuelle
          </Button>
        </Notice>
      )}
      {ecriture.refus && (
        <Notice intent="info">
          La feuille « {nomFeuilleDotations(resultat.annee)} » en place est gardée ; ce résultat n&apos;est
          pas écrit.
        </Notice>
      )}
      {ecriture.erreur && <Notice intent="error">{ecriture.erreur}</Notice>}
      {affichage.error && <Notice intent="error">{affichage.error}</Notice>}
      <ATraiterListe
        liste={aTraiter}
        feuille={feuilles?.dotations ?? null}
        couverture={couvertureEtablissements(resultat)}
        feuilleEtablissements={outcome.etablissements}
        onChoisir={montrer}
      />
      <TotalsTable totaux={resultat.totaux} />
      <ul className={styles.liste}>
        <li>
          <Body1>{effectifsLine(resultat.totaux)}</Body1>
        </li>
        <li>
          <Body1>Lignes lues : {decompteLignes(lignes, "comptées")}.</Body1>
        </li>
        {[resultat.forfaits.preBac, resultat.forfaits.postBac, resultat.forfaits.prepaMetiers].map((f) => (
          <li key={f.trace.libelle}>
            <Body1>{formaterTrace(f.trace)}</Body1>
          </li>
        ))}
      </ul>
      <Explication resultat={resultat} uai={uai} onUai={choisir} ref={explication} />
      <details>
        <summary>
          <Body1>Constats de la lecture : {resumeGravites(resultat.constats)}</Body1>
        </summary>
        <FindingsList constats={resultat.constats} headingLevel="h4" />
      </details>
    </section>
  );
}
