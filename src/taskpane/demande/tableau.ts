/**
 * What the Demande screen shows of a request for a dotation complémentaire (R10): one row per
 * formation — extra students (or boursiers) × the forfait of its category = amount — grouped by
 * envelope with a subtotal (pré-bac and post-bac are not fungible; Décision R9 (regles.md#enveloppes.prepa-metiers-pre-bac): 3ème prépa-métiers in
 * the pré-bac envelope), then the total (élèves and boursiers together: bénéficiaires). Amounts are the workflow's exact decimals, formatted. Pure.
 */
import {
  type Decimal,
  ENVELOPPES,
  NOMS_ENVELOPPES,
  formaterDecimal,
  formaterEntier,
  formaterForfait,
  nombreDe,
} from "../../rules";
import type { ResultatDemande } from "../../workflows";

export interface LigneTableau {
  readonly genre: "formation" | "sous-total" | "total";
  /** « 50022137 BOULANGER (CAP) », « Sous-total pré-bac », « Total demandé ». */
  readonly libelle: string;
  /** « 4 × 157 € », « 7 élèves », « 2 boursiers ». */
  readonly calcul: string;
  /** « 628,00 » (the header says « (€) »). */
  readonly montant: string;
}

/** « 1 élève », « 7 élèves », « 2 boursiers »: French uses the singular for 0 and 1. */
const nombre = (n: number, quoi: string) => nombreDe(n, quoi);

/**
 * An amount not computed (a formation on two lines, regles.md#complementaire.ligne-en-double) shows
 * « non calculé » and no count of students: never the first line's alone. The finding says why.
 */
const montantOu = (d: Decimal | null) => (d === null ? "non calculé" : formaterDecimal(d, 2));

export function tableauDemande(resultat: ResultatDemande): LigneTableau[] {
  const lignes: LigneTableau[] = [];
  const { totaux } = resultat;
  let total = 0;
  for (const enveloppe of ENVELOPPES) {
    const groupe = resultat.demandees.filter((l) => l.enveloppe === enveloppe);
    if (groupe.length === 0) continue;
    let n = 0;
    for (const l of groupe) {
      n += l.supplementaires;
      lignes.push({
        genre: "formation",
        libelle: `${l.code} ${l.intitule}`,
        calcul: `${formaterEntier(l.supplementaires)} × ${formaterForfait(l.forfait)}`,
        montant: formaterDecimal(l.montant.valeur, 2),
      });
    }
    total += n;
    lignes.push({
      genre: "sous-total",
      libelle: `Sous-total ${NOMS_ENVELOPPES[enveloppe]}`,
      calcul: totaux[enveloppe] === null ? "—" : nombre(n, enveloppe === "postBac" ? "boursier" : "élève"),
      montant: montantOu(totaux[enveloppe]),
    });
  }
  lignes.push({
    genre: "total",
    libelle: "Total demandé",
    calcul: totaux.total === null ? "—" : nombre(total, "bénéficiaire"),
    montant: montantOu(totaux.total),
  });
  return lignes;
}
