/**
 * Catalogue › « Charger la liste d'une rentrée »: the screen's logic, pure (tested in
 * test/taskpane/chargement-liste.test.ts). The sheet is read and checked by the workflow
 * (verifierFeuilleListe); the source the user typed becomes the list's reference.
 */
import {
  PREMIERE_ANNEE_SCOLAIRE,
  libelleAnnee,
  nombreDe,
  type AnneeScolaire,
  type Catalogues,
  type ReferenceListe,
  type VerificationListe,
} from "../../rules";
import type { YearOption } from "../years";

/** The rentrées a list can be loaded for: from 2023-2024 to the year after the one in progress. */
export function anneesListe(currentYear: AnneeScolaire): YearOption[] {
  const options: YearOption[] = [];
  for (let year = PREMIERE_ANNEE_SCOLAIRE; year <= Math.max(currentYear + 1, PREMIERE_ANNEE_SCOLAIRE); year++)
    options.push({ value: year, label: libelleAnnee(year) });
  return options;
}

/** What the user typed about the source, trimmed; the title is required, the date and address are not. */
export function referenceSaisie(
  titre: string,
  date: string,
  url: string,
): { ok: true; reference: ReferenceListe } | { ok: false; message: string } {
  if (titre.trim() === "")
    return {
      ok: false,
      message:
        "Indiquez le titre de la source (par exemple « Liste des formations éligibles 2025-2026, Région Île-de-France ») : il accompagnera la liste dans chaque résultat.",
    };
  return { ok: true, reference: { titre: titre.trim(), date: date.trim(), url: url.trim() } };
}

/** What saving says: which years the list now serves. */
export function messageEnregistree(verification: VerificationListe, catalogues: Catalogues): string {
  const annee = libelleAnnee(verification.annee);
  const suivante = catalogues.listes.find((l) => l.annee > verification.annee);
  const portee = suivante
    ? `pour ${annee} et jusqu'à la liste ${libelleAnnee(suivante.annee)}`
    : `pour ${annee} et les rentrées suivantes sans liste propre`;
  return `Liste ${annee} enregistrée dans le classeur : ${nombreDe(verification.formations.length, "formation")}. Les fonctions ARE, Contrôle, Dotations, Demande et Bilan l'utilisent ${portee}.`;
}
