/**
 * R12 (regles.md#cpge.concours) — aide régionale aux frais de concours des élèves de CPGE: « [forfait] par concours dans la limite
 * de trois concours par élève en 2ème année de CPGE dont le quotient familial régional annuel est
 * inférieur ou égal à 10 140 € » (arrêté n° 2023-087, annexe I, point 3). The forfait, the limit and
 * the ceiling are parameters (donnees/forfait.cpge.json, cpge.concours_maximum.json,
 * cpge.plafond_quotient_familial.json), read with the one lookup.
 */
import { ErreurArgument } from "./erreurs";
import { citerValeur } from "./texte";
import { Decimal, ZERO, formaterEntier, formaterEuros, formaterForfait } from "./montants";
import type { Parametres } from "./parametres/parametres";
import { libelleAnnee, type AnneeScolaire } from "./anneeScolaire";
import type { ValeurTracee } from "./trace";

/** The limit as the arrêté writes it: « dans la limite de trois concours ». */
const EN_LETTRES: Readonly<Record<number, string>> = { 2: "deux", 3: "trois", 4: "quatre", 5: "cinq" };

/** More concours than this is another number typed in their place (a quotient familial, a date). */
const CONCOURS_INVRAISEMBLABLE = 100;

export function aideCpge(
  nombreConcours: number,
  quotientFamilial: Decimal.Value,
  annee: AnneeScolaire,
  parametres: Parametres,
): ValeurTracee {
  if (!Number.isInteger(nombreConcours) || nombreConcours < 0) {
    throw new ErreurArgument(
      "concours-invalide",
      `Nombre de concours ${citerValeur(nombreConcours)} invalide : un entier positif est attendu.`,
    );
  }
  // Décision (regles.md#cpge.concours-invraisemblable): =ARE.CPGE(12000;2) — the quotient typed first —
  // paid 3 concours to a family above the ceiling; nobody presents 100 concours.
  if (nombreConcours > CONCOURS_INVRAISEMBLABLE) {
    throw new ErreurArgument(
      "concours-invraisemblable",
      `Nombre de concours ${citerValeur(nombreConcours)} invraisemblable : le quotient familial a-t-il été saisi à sa place ?`,
    );
  }
  const quotient = new Decimal(quotientFamilial);
  if (!quotient.isFinite() || quotient.isNegative()) {
    throw new ErreurArgument(
      "quotient-invalide",
      "Le quotient familial doit être un montant positif ou nul.",
    );
  }
  const plafond = parametres.plafondQuotientFamilial(annee);
  const libelle = `Aide CPGE ${libelleAnnee(annee)}`;
  if (quotient.gt(plafond.valeur)) {
    return {
      valeur: ZERO,
      trace: {
        regle: "R12",
        libelle,
        calcul: `quotient familial ${formaterEuros(quotient)} supérieur au plafond de ${formaterForfait(plafond.valeur)}, non éligible`,
        resultat: formaterEuros(ZERO),
        reference: plafond.reference.court,
        details: [plafond.trace],
      },
    };
  }
  const forfait = parametres.forfait("CPGE", annee);
  const maximum = parametres.valeurEnVigueur("cpge.concours_maximum", annee).valeur.toNumber();
  const retenus = Math.min(nombreConcours, maximum);
  const valeur = forfait.valeur.times(retenus);
  const limite =
    nombreConcours > maximum
      ? ` (${nombreConcours} présentés, limite de ${EN_LETTRES[maximum] ?? formaterEntier(maximum)} concours)`
      : "";
  return {
    valeur,
    trace: {
      regle: "R12",
      libelle,
      calcul: `${formaterEntier(retenus)} concours${limite} × ${formaterForfait(forfait.valeur)}`,
      resultat: formaterEuros(valeur),
      reference: forfait.reference.court,
      details: [forfait.trace, plafond.trace],
    },
  };
}
