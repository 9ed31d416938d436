/**
 * What the Bilan screen shows of its three results — the template prepared, a bilan checked, the
 * reliquats carried into next year — formatted from the workflows' exact decimals (R11: what is left
 * of dotation reçue + reliquat antérieur, per envelope, never negative; the envelopes are not
 * fungible). Pure.
 */
import {
  ENVELOPPES,
  NOMS_ENVELOPPES,
  TITRES_ENVELOPPES,
  formaterDecimal,
  formaterEntier,
  formaterEuros,
  nombreDe,
  type Decimal,
} from "../../rules";
import type { ResultatControleBilan, ResultatModeleBilan, ResultatReliquats } from "../../workflows";

/** Euros without the sign (the headers say « (€) »), or what replaces a figure that is not computed. */
const euros = (d: Decimal | null, sinon = "non calculé") => (d === null ? sinon : formaterDecimal(d, 2));

export interface LigneEnveloppe {
  readonly enveloppe: string;
  readonly disponible: string;
  readonly achats: string;
  readonly reliquat: string;
}

/** Per envelope of a checked bilan: available, purchases retained, new reliquat (or « non calculé »). */
export function tableauEnveloppes(resultat: ResultatControleBilan): LigneEnveloppe[] {
  return ENVELOPPES.map((nom) => {
    const e = resultat.enveloppes[nom];
    return {
      enveloppe: TITRES_ENVELOPPES[nom],
      disponible: euros(e.solde?.disponible.valeur ?? null, "—"),
      achats: formaterDecimal(e.depense, 2),
      reliquat: euros(e.solde?.nouveauReliquat.valeur ?? null),
    };
  });
}

/** What the template holds: its formations per envelope, and each amount found or left to type. */
export function resumeModele(resultat: ResultatModeleBilan): string[] {
  const parEnveloppe = ENVELOPPES.map(
    (nom) =>
      `${NOMS_ENVELOPPES[nom]} ${formaterEntier(resultat.formations.filter((f) => f.enveloppe === nom).length)}`,
  ).join(", ");
  const montant = (quoi: string, d: Decimal | null) =>
    `${quoi} : ${d === null ? "à saisir dans le modèle" : formaterEuros(d)}`;
  return [
    `${nombreDe(resultat.formations.length, "formation éligible", "formations éligibles")} (${parEnveloppe}) : élèves aidés, montant des achats et type d'équipement à remplir.`,
    ...ENVELOPPES.flatMap((nom) => [
      montant(`Dotation reçue ${NOMS_ENVELOPPES[nom]}`, resultat.dotations[nom]),
      montant(`Reliquat antérieur ${NOMS_ENVELOPPES[nom]}`, resultat.reliquats[nom]),
    ]),
  ];
}

export interface LigneReliquat {
  readonly uai: string;
  readonly etablissement: string;
  readonly preBac: string;
  readonly postBac: string;
}

/** The reliquats carried, one row per establishment with a bilan (at most `max`). */
export function tableauReliquats(resultat: ResultatReliquats, max: number): LigneReliquat[] {
  return resultat.reliquats.slice(0, max).map((r) => ({
    uai: r.uai,
    etablissement: r.nom ?? "",
    preBac: euros(r.reliquats.preBac),
    postBac: euros(r.reliquats.postBac),
  }));
}
