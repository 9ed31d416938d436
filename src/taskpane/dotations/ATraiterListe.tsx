/**
 * « À traiter » (issue 12, point 2): the establishments needing an action (aTraiter.ts), each a button
 * that selects its row in the « Dotations ARE » sheet and shows its explanation; an amber notice when
 * an envelope of an establishment falls to 0 €, and when the establishments sheet misses
 * establishments of the effectif sheets (point 6).
 */
import { useId, useState } from "react";
import { Button } from "../components/Button";
import { count } from "../format";
import { failureMessage } from "../run";
import { useServices } from "../services";
import { Caption1, Notice, Subtitle2 } from "../components/ui";
import { useListeCliquableStyles } from "../components/listeCliquable";
import { establishmentLabel } from "./summary";
import type { ATraiter } from "./aTraiter";

/** Shown at once; the rest on demand (a generated sheet can have thousands). */
const PAGE = 50;

export function ATraiterListe({
  liste,
  feuille,
  couverture,
  feuilleEtablissements,
  onChoisir,
}: {
  liste: readonly ATraiter[];
  /** The « Dotations ARE » sheet as written, or null when it was not written. */
  feuille: string | null;
  couverture: { readonly absents: number; readonly total: number } | null;
  feuilleEtablissements: string | null;
  onChoisir: (uai: string) => void;
}) {
  const styles = useListeCliquableStyles();
  const { navigator } = useServices();
  const [shown, setShown] = useState(PAGE);
  const [error, setError] = useState<string | null>(null);
  const titre = useId();
  const aZero = liste.filter((a) => a.enveloppeAZero).length;
  const choisir = (a: ATraiter) => {
    onChoisir(a.dotation.uai);
    setError(null);
    if (feuille)
      navigator.selectCell(feuille, a.ligne, "A").catch((e: unknown) => setError(failureMessage(e)));
  };
  return (
    <>
      {couverture && feuilleEtablissements && (
        <Notice intent="warning" title="Feuille des établissements incomplète">
          « {feuilleEtablissements} » ne couvre pas {count(couverture.absents, "établissement")} des{" "}
          {count(couverture.total, "établissement")} des feuilles d&apos;effectifs : ils sont comptés comme
          ayant répondu, sans reliquat ni taux de boursiers (post-bac non calculé). Vérifiez la feuille
          choisie.
        </Notice>
      )}
      {aZero > 0 && (
        <Notice intent="warning">
          {aZero === 1
            ? "1 établissement a une enveloppe ramenée à 0 € : voir « À traiter »."
            : `${count(aZero, "établissement")} ont une enveloppe ramenée à 0 € : voir « À traiter ».`}
        </Notice>
      )}
      {error && <Notice intent="error">{error}</Notice>}
      {liste.length > 0 && (
        <section aria-labelledby={titre}>
          <Subtitle2 as="h4" id={titre} className={styles.titre}>
            À traiter ({count(liste.length, "établissement")})
          </Subtitle2>
          <Caption1>
            {feuille
              ? `Cliquer sur un établissement sélectionne sa ligne dans « ${feuille} » et l'explique ci-dessous.`
              : "Cliquer sur un établissement l'explique ci-dessous."}
          </Caption1>
          <ul className={styles.liste}>
            {liste.slice(0, shown).map((a) => (
              <li key={a.dotation.uai} className={styles.element}>
                <Button appearance="transparent" className={styles.bouton} onClick={() => choisir(a)}>
                  <span className={styles.lieu}>
                    {establishmentLabel(a.dotation)}
                    {feuille ? `, ligne ${a.ligne}` : ""}
                  </span>
                  {a.raisons.join(" ; ")}
                </Button>
              </li>
            ))}
          </ul>
          {liste.length > shown && (
            <Button size="small" onClick={() => setShown((n) => n + PAGE)}>
              Afficher {count(Math.min(PAGE, liste.length - shown), "établissement")} de plus
            </Button>
          )}
        </section>
      )}
    </>
  );
}
