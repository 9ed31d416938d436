/**
 * R10 — dotation complémentaire: « en cas d'insuffisance de crédits liée à une augmentation des
 * effectifs concernés pour les élèves pré-bac, ou une augmentation des bénéficiaires boursiers pour les
 * élèves post-bac, une dotation complémentaire peut être attribuée […] sur demande écrite de
 * l'établissement précisant les effectifs supplémentaires par formation éligible au dispositif (code
 * nomenclature NSF du diplôme et intitulé de la formation) ».
 *
 * Décision (regles.md#complementaire.forfait): an extra 3ème prépa-métiers student is requested at the 3ème prépa-métiers forfait, in the
 * pré-bac envelope (as in R9).
 */
import { enveloppeDe, type Categorie } from "./categories";
import { jugerFormation, type Eligibilite } from "./eligibilite";
import type { Catalogue } from "./catalogue/catalogue";
import { catalogueDeLAnnee } from "./catalogue/registre";
import { lireCodeFormation } from "./codes";
import { ErreurArgument } from "./erreurs";
import { Decimal, ZERO, formaterEuros, formaterForfait, nombreDe } from "./montants";
import type { Parametres } from "./parametres/parametres";
import type { AnneeScolaire } from "./anneeScolaire";
import type { Enveloppe } from "./dotation";
import type { ValeurTracee } from "./trace";

export interface DemandeLigne {
  /** The code formation diplôme as typed. */
  readonly code: unknown;
  /** Extra first-year students (pré-bac, 3ème prépa-métiers) or extra boursiers (post-bac). */
  readonly supplementaires: number;
  /** The formation's title, as the establishment writes it; the catalogue's one when absent. */
  readonly intitule?: string;
}

export interface LigneComplementaire {
  readonly code: string;
  readonly nsf: number;
  readonly intitule: string;
  readonly categorie: Categorie;
  readonly enveloppe: Enveloppe;
  readonly supplementaires: number;
  readonly forfait: Decimal;
  readonly montant: ValeurTracee;
  readonly eligibilite: Eligibilite;
}

export interface RefusComplementaire {
  readonly index: number;
  readonly code: string;
  readonly motif: string;
}

export interface DemandeComplementaire {
  readonly lignes: readonly LigneComplementaire[];
  readonly refus: readonly RefusComplementaire[];
  readonly totaux: Readonly<Record<Enveloppe | "total", Decimal>>;
}

/** Why an extra count cannot be requested, or null when it is a whole number ≥ 0. */
function supplementairesInvalides(supplementaires: number): string | null {
  return Number.isInteger(supplementaires) && supplementaires >= 0
    ? null
    : `Nombre d'élèves supplémentaires « ${String(supplementaires).replace(".", ",")} » invalide : un nombre entier d'élèves (ou de boursiers) est attendu.`;
}

/** extra × forfait of an eligible formation, explained (R10). */
function ligne(
  code: string,
  eligibilite: Eligibilite & { categorie: Categorie },
  supplementaires: number,
  intituleSaisi: string | undefined,
  annee: AnneeScolaire,
  parametres: Parametres,
): LigneComplementaire {
  const categorie = eligibilite.categorie;
  const forfait = parametres.forfait(categorie, annee);
  const enveloppe = enveloppeDe(categorie);
  const unite = categorie === "POST_BAC" ? "boursier" : "élève";
  const valeur = forfait.valeur.times(supplementaires);
  const intitule = intituleSaisi?.trim() || eligibilite.formation?.libelle || "";
  return {
    code,
    nsf: eligibilite.nsf,
    intitule,
    categorie,
    enveloppe,
    supplementaires,
    forfait: forfait.valeur,
    eligibilite,
    montant: {
      valeur,
      trace: {
        regle: "R10",
        libelle: `Complément ${code}${intitule ? " " + intitule : ""}`,
        calcul: `${nombreDe(supplementaires, unite + " supplémentaire", unite + "s supplémentaires")} × ${formaterForfait(forfait.valeur)}`,
        resultat: formaterEuros(valeur),
        reference: forfait.reference.court,
        details: forfait.origine === "indexe" ? [forfait.trace] : undefined,
      },
    },
  };
}

/**
 * One formation's complement, as ARE.COMPLEMENT computes it: extra × forfait of the code's category.
 * A malformed code, a non-eligible formation or a count that is not a whole number ≥ 0 is an
 * ErreurArgument whose message is the motif (0 extra students is 0 €, not an error).
 */
export function complementFormation(
  supplementaires: number,
  code: unknown,
  annee: AnneeScolaire,
  parametres: Parametres,
  catalogue: Catalogue = catalogueDeLAnnee(annee),
): LigneComplementaire {
  const reading = lireCodeFormation(code);
  if (!reading.ok) throw new ErreurArgument(`code-${reading.probleme}`, reading.message);
  const invalide = supplementairesInvalides(supplementaires);
  if (invalide) throw new ErreurArgument("supplementaires-invalide", invalide);
  const eligibilite = jugerFormation(reading.code, catalogue);
  if (!eligibilite.eligible || eligibilite.categorie === null) {
    throw new ErreurArgument(
      "formation-non-eligible",
      `Pas de dotation complémentaire pour ${reading.code} : ${eligibilite.motif}`,
    );
  }
  return ligne(
    reading.code,
    eligibilite as Eligibilite & { categorie: Categorie },
    supplementaires,
    undefined,
    annee,
    parametres,
  );
}

export function demandeComplementaire(
  demandes: readonly DemandeLigne[],
  annee: AnneeScolaire,
  parametres: Parametres,
  catalogue: Catalogue = catalogueDeLAnnee(annee),
): DemandeComplementaire {
  const lignes: LigneComplementaire[] = [];
  const refus: RefusComplementaire[] = [];
  const totaux = { preBac: ZERO, postBac: ZERO, total: ZERO };
  demandes.forEach((demande, index) => {
    const reading = lireCodeFormation(demande.code);
    if (!reading.ok) {
      refus.push({ index, code: String(demande.code ?? ""), motif: reading.message });
      return;
    }
    if (supplementairesInvalides(demande.supplementaires) !== null || demande.supplementaires === 0) {
      refus.push({
        index,
        code: reading.code,
        motif: `Nombre d'élèves supplémentaires « ${demande.supplementaires} » invalide : un entier positif est attendu.`,
      });
      return;
    }
    const eligibilite = jugerFormation(reading.code, catalogue);
    if (!eligibilite.eligible || eligibilite.categorie === null) {
      refus.push({ index, code: reading.code, motif: eligibilite.motif });
      return;
    }
    const l = ligne(
      reading.code,
      eligibilite as Eligibilite & { categorie: Categorie },
      demande.supplementaires,
      demande.intitule,
      annee,
      parametres,
    );
    lignes.push(l);
    totaux[l.enveloppe] = totaux[l.enveloppe].plus(l.montant.valeur);
    totaux.total = totaux.total.plus(l.montant.valeur);
  });
  return { lignes, refus, totaux };
}
