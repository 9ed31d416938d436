/**
 * Bilan: the end of the school year (R11), in three steps — prepare an establishment's bilan template,
 * check a filled bilan (new reliquat of each envelope with its explanation), carry the reliquats of the
 * bilans into next year's establishments sheet, which the Dotations screen then reads. One list of the
 * workbook's sheets for the three (suggestions.ts); each step keeps its result while another is shown.
 */
import { useState } from "react";
import { useEcranStyles } from "../components/ecranStyles";
import { useFeuilles } from "../components/feuilles";
import { Caption1, Subtitle2, Notice } from "../components/ui";
import { ControleBilan } from "./ControleBilan";
import { Etapes } from "./Etapes";
import { ModeleBilan } from "./ModeleBilan";
import { ReliquatsBilan } from "./ReliquatsBilan";

const ETAPES = [
  {
    id: "modele",
    court: "Modèle",
    label: "1. Préparer le modèle de bilan d'un établissement",
    Etape: ModeleBilan,
  },
  { id: "controle", court: "Contrôle", label: "2. Contrôler un bilan rempli", Etape: ControleBilan },
  {
    id: "reliquats",
    court: "Reliquats",
    label: "3. Reporter les reliquats sur l'année suivante",
    Etape: ReliquatsBilan,
  },
] as const;

export function BilanScreen() {
  const styles = useEcranStyles();
  const { feuilles, erreur, actualiser } = useFeuilles();
  const [etape, setEtape] = useState<string>(ETAPES[0].id);
  return (
    <div className={styles.ecran}>
      <Subtitle2 as="h2" className={styles.titre}>
        Bilan de fin d&apos;année
      </Subtitle2>
      <Caption1>
        Dotations reçues, reliquats antérieurs et achats par formation (élèves aidés, montant, type
        d&apos;équipement) ; ce qui reste de chaque enveloppe est déduit de la dotation suivante. Les feuilles
        lues ne sont jamais modifiées.
      </Caption1>
      {erreur && <Notice intent="error">{erreur}</Notice>}
      <Etapes etapes={ETAPES} courante={etape} onChoisir={setEtape} />
      <Subtitle2 as="h3" className={styles.titre}>
        {ETAPES.find((e) => e.id === etape)?.label}
      </Subtitle2>
      {ETAPES.map(({ id, Etape }) => (
        <div key={id} hidden={id !== etape}>
          <Etape feuilles={feuilles} actualiser={actualiser} />
        </div>
      ))}
    </div>
  );
}
