/**
 * Step 1 of the Bilan screen: the bilan template of one establishment — its UAI typed, or picked among
 * the establishments of the effectif sheets — with its eligible formations (from the effectif sheets)
 * and the dotations received and reliquats deducted (from the `Dotations ARE <année>` sheet of the
 * year, suggested), written to « Bilan ARE <UAI> <année> » for the establishment to fill in.
 */
import { useState } from "react";
import { Field } from "../components/Field";
import { Button } from "../components/Button";
import { libelleAnnee, nombreDe } from "../../rules";
import { ecrireModeleBilan, preparerModeleBilan, type ResultatModeleBilan } from "../../workflows";
import { verifierAnnulation } from "../../workflows/progression";
import { feuilleDotationsPour } from "../../workflows/suggestions";
import { useEcranStyles } from "../components/ecranStyles";
import {
  basculer,
  etablissementsDesFeuilles,
  feuilleRetenue,
  feuillesProposees,
  type EtablissementListe,
  type Feuilles,
} from "../components/feuilles";
import { FindingsSection } from "../components/FindingsList";
import { RunStatus } from "../components/RunStatus";
import {
  OptionalSheetField,
  RefreshSheetsButton,
  SheetCheckboxes,
  effectifsLabel,
} from "../components/SheetFields";
import { useShowSheet } from "../components/useShowSheet";
import { Body1, Subtitle2, FitSelect, Notice, TextInput } from "../components/ui";
import { YearSelect, useYear } from "../components/YearSelect";
import { shownResult, useRun } from "../run";
import { DESIGNER } from "../check/check";
import { correctionsDe, useCorrections, useServices } from "../services";
import { resumeModele } from "./resume";

export interface EtapeProps {
  readonly feuilles: Feuilles | null;
  readonly actualiser: () => Promise<void>;
}

export function ModeleBilan({ feuilles, actualiser }: EtapeProps) {
  const styles = useEcranStyles();
  const { action, listes } = useServices();
  const corrections = useCorrections();
  const [effectifsChoisis, setEffectifsChoisis] = useState<string[] | null>(null);
  /** null: the suggested dotations sheet; "": none. */
  const [dotationsChoisie, setDotationsChoisie] = useState<string | null>(null);
  const [uai, setUai] = useState("");
  const [nom, setNom] = useState("");
  const affichage = useShowSheet();
  const liste = useRun<EtablissementListe[]>();
  const run = useRun<{ resultat: ResultatModeleBilan; feuille: string }>();
  const running = run.state.status === "running" || liste.state.status === "running";

  const annee = useYear();
  const year = annee.year;
  const proposees = feuilles ? feuillesProposees(feuilles) : [];
  const effectifs = (effectifsChoisis ?? feuilles?.suggestion.effectifs ?? []).filter((n) =>
    proposees.includes(n),
  );
  const dotationsPossibles = feuilles ? feuillesProposees(feuilles, feuilles.suggestion.dotations) : [];
  const dotationsSuggeree = feuilles
    ? feuilleDotationsPour(feuilles.suggestion, feuilles.sheets, year)
    : null;
  const dotations = feuilleRetenue(dotationsChoisie, dotationsPossibles, dotationsSuggeree);
  const etablissements = shownResult(liste);

  const lister = () =>
    liste.start(async (progress) => {
      const sheets = await action(async ({ workbook: classeur }) => {
        const lues = [];
        for (const name of effectifs) lues.push(await classeur.readSheet(name, progress));
        return lues;
      });
      return etablissementsDesFeuilles(sheets);
    });

  const preparer = () =>
    run.start(async (progress) => {
      affichage.clear();
      const fait = await action(async ({ workbook: classeur }) => {
        const resultat = await preparerModeleBilan(classeur, {
          uai: uai.trim(),
          annee: year,
          catalogues: listes.catalogues(),
          feuillesEffectifs: effectifs,
          feuilleDotations: dotations,
          nom: nom.trim() || null,
          // Read as Contrôle's mapping says, as Dotations reads them; unread status or year columns said.
          colonnes: correctionsDe(corrections, effectifs),
          designer: DESIGNER,
          progress,
        });
        verifierAnnulation(progress);
        return { resultat, feuille: await ecrireModeleBilan(classeur, resultat) };
      });
      void actualiser();
      return fait;
    });

  const fait = shownResult(run);
  return (
    <div className={styles.ecran}>
      <SheetCheckboxes
        legend="Feuilles d'effectifs (formations de l'établissement)"
        sheets={proposees}
        checked={effectifs}
        label={effectifsLabel(feuilles?.suggestion)}
        disabled={running}
        onChange={(name, checked) => setEffectifsChoisis(basculer(effectifs, name, checked, proposees))}
      />
      <div className={styles.actions}>
        <Button disabled={running || effectifs.length === 0} onClick={() => void lister()}>
          Lister les établissements de ces feuilles
        </Button>
      </div>
      <RunStatus run={liste} label="Lecture des feuilles d'effectifs…" />
      {etablissements && (
        <Field
          label="Établissement des feuilles d'effectifs"
          hint={`${nombreDe(etablissements.length, "établissement")} : le choisir remplit l'UAI et le nom.`}
        >
          <FitSelect
            disabled={running}
            value={etablissements.some((e) => e.uai === uai.trim()) ? uai.trim() : ""}
            onChange={(_, data) => {
              const choisi = etablissements.find((e) => e.uai === data.value);
              setUai(data.value);
              setNom(choisi?.nom ?? "");
            }}
          >
            <option value="">(choisir)</option>
            {etablissements.map((e) => (
              <option key={e.uai} value={e.uai}>
                {e.nom ? `${e.uai} — ${e.nom}` : e.uai}
              </option>
            ))}
          </FitSelect>
        </Field>
      )}
      <Field label="UAI de l'établissement" required>
        <TextInput value={uai} disabled={running} onChange={(_, data) => setUai(data.value)} />
      </Field>
      <Field label="Nom de l'établissement (facultatif)" hint="Sinon celui des feuilles lues.">
        <TextInput value={nom} disabled={running} onChange={(_, data) => setNom(data.value)} />
      </Field>
      <YearSelect choice={annee} hint="L'année du bilan : celle des dotations reçues." />
      <OptionalSheetField
        label="Feuille des dotations (facultative)"
        hint={
          dotationsSuggeree
            ? `Suggérée : « ${dotationsSuggeree} » (dotations reçues et reliquats déduits de l'année).`
            : "Sans elle, les dotations reçues et les reliquats antérieurs sont à saisir dans le modèle."
        }
        value={dotations}
        sheets={dotationsPossibles}
        disabled={running}
        onChange={setDotationsChoisie}
      />
      <div className={styles.actions}>
        <Button appearance="primary" disabled={running || uai.trim() === ""} onClick={() => void preparer()}>
          Préparer le modèle de bilan
        </Button>
        <RefreshSheetsButton disabled={running} onClick={() => void actualiser()} />
      </div>
      <RunStatus run={run} label="Préparation du modèle…" />
      {fait && (
        <section aria-labelledby="titre-resultat-modele" className={styles.ecran}>
          <Subtitle2 as="h3" id="titre-resultat-modele" className={styles.titre}>
            Modèle de bilan {libelleAnnee(fait.resultat.annee)} : {fait.resultat.uai}
            {fait.resultat.nom ? ` — ${fait.resultat.nom}` : ""}
          </Subtitle2>
          <Notice intent="success">
            Feuille « {fait.feuille} » écrite, à remplir par l&apos;établissement puis à contrôler (étape 2).{" "}
            <Button size="small" onClick={() => affichage.show(fait.feuille)}>
              Afficher le modèle
            </Button>
          </Notice>
          {affichage.error && <Notice intent="error">{affichage.error}</Notice>}
          <ul className={styles.liste} aria-label="Contenu du modèle">
            {resumeModele(fait.resultat).map((ligne) => (
              <li key={ligne}>
                <Body1>{ligne}</Body1>
              </li>
            ))}
          </ul>
          {fait.resultat.constats.length > 0 && <FindingsSection constats={fait.resultat.constats} />}
        </section>
      )}
    </div>
  );
}
