/**
 * R11 (regles.md#bilan.types-equipement) — « Compte rendu d'utilisation des dotations » : « L'établissement fournit à la Région le bilan
 * des dépenses acquittées à l'issue de l'année scolaire. Ce bilan devra faire apparaître le total des
 * dotations reçues au titre de l'année scolaire, le cas échéant, les reliquats sur l'année scolaire
 * antérieure, le montant dépensé au titre de l'année scolaire en précisant par formation, le nombre
 * d'élèves aidés, le montant des achats et les types d'équipements. »
 * « Les dispositifs ARE pré-bac et ARE post-bac ne sont pas fongibles budgétairement. »
 *
 * What is left in an envelope at the end of the year is the next year's reliquat, deducted from the next
 * dotation (R9).
 */
import { LIBELLES_CATEGORIES, enveloppeDe, lireTypeForfait, type Categorie } from "./categories";
import type { Enveloppe } from "./dotation";
import { ErreurArgument } from "./erreurs";
import { Decimal, ZERO, formaterEuros } from "./montants";
import { normaliserLibelle } from "./texte";
import type { ValeurTracee } from "./trace";

/** « Les types d'équipements » of the seed, in its order. */
export const TYPES_EQUIPEMENT = [
  "Vêtement de représentation",
  "Vêtements et équipements de protection individuelle",
  "Matériel, outillage et instruments",
  "Consommables informatiques et documents techniques",
] as const;
export type TypeEquipement = (typeof TYPES_EQUIPEMENT)[number];

const TYPE_SPELLINGS = new Map<string, TypeEquipement>();
function spellType(type: TypeEquipement, ...names: string[]): void {
  for (const name of [type, ...names]) TYPE_SPELLINGS.set(normaliserLibelle(name), type);
}
spellType(TYPES_EQUIPEMENT[0], "Vêtements de représentation", "représentation", "tenue de représentation");
spellType(
  TYPES_EQUIPEMENT[1],
  "Vêtement et équipement de protection individuelle",
  "EPI",
  "équipements de protection individuelle",
  "protection individuelle",
);
spellType(TYPES_EQUIPEMENT[2], "Matériel outillage instruments", "matériel", "outillage", "instruments");
spellType(
  TYPES_EQUIPEMENT[3],
  "Consommables informatiques",
  "documents techniques",
  "consommables informatiques et document technique",
);

/** The equipment type a user typed or picked, or null when it is none of the four. */
export function lireTypeEquipement(text: string): TypeEquipement | null {
  return TYPE_SPELLINGS.get(normaliserLibelle(text)) ?? null;
}

/**
 * The equipment types of one cell. A formation may have bought several types (« les types
 * d'équipements »): besides one type, a cell may list several separated by « ; », « + », « / » or a
 * line break (not by commas, which the types' own names contain). `inconnus` are the parts that are
 * none of the four; `types` has no duplicates, in the seed's order. Examples in parentheses are left
 * out, so that each type as the seed writes it is read: « Vêtement de représentation (costume,
 * tailleur, chaussures...) » (regles.md#bilan.types-equipement).
 */
export function lireTypesEquipement(text: string): {
  readonly types: readonly TypeEquipement[];
  readonly inconnus: readonly string[];
} {
  const sans = text.replace(/\([^)]*\)/g, "");
  const whole = lireTypeEquipement(sans);
  if (whole) return { types: [whole], inconnus: [] };
  const found = new Set<TypeEquipement>();
  const inconnus: string[] = [];
  for (const part of sans.split(/[;+/\n]/)) {
    if (part.trim() === "") continue;
    const type = lireTypeEquipement(part);
    if (type) found.add(type);
    else inconnus.push(part.trim());
  }
  return { types: TYPES_EQUIPEMENT.filter((t) => found.has(t)), inconnus };
}

/**
 * The envelope a purchase is charged to, as a user writes it: « pré-bac », « PRE BAC », « post-bac »,
 * « BTS »…, with or without the word « enveloppe »; « 3ème prépa-métiers » is the pré-bac envelope
 * (décision R9). Null when unreadable.
 */
export function lireEnveloppe(text: string): Enveloppe | null {
  const cleaned = text.replace(/^\s*enveloppe\s*/i, "");
  try {
    const kind = lireTypeForfait(cleaned);
    return kind === "CPGE" ? null : enveloppeDe(kind);
  } catch {
    return null;
  }
}

export const NOMS_ENVELOPPES: Readonly<Record<Enveloppe, string>> = {
  preBac: "pré-bac",
  postBac: "post-bac",
};

/** The same names at the start of a line or a heading. */
export const TITRES_ENVELOPPES: Readonly<Record<Enveloppe, string>> = {
  preBac: "Pré-bac",
  postBac: "Post-bac",
};

/** The two envelopes, in the order they are shown. */
export const ENVELOPPES: readonly Enveloppe[] = ["preBac", "postBac"];

export interface EnveloppeBilan {
  /** Dotations received for the school year in this envelope (initial and complémentaire). */
  readonly dotationRecue: Decimal;
  /** Reliquat of the previous school year in this envelope. */
  readonly reliquatAnterieur: Decimal;
  /** Sum of the purchases charged to this envelope. */
  readonly depense: Decimal;
}

export interface SoldeEnveloppe {
  readonly disponible: ValeurTracee;
  readonly depense: Decimal;
  /** The next year's reliquat: what is left, never negative. */
  readonly nouveauReliquat: ValeurTracee;
  /** Spending above what was available (0 when within), an anomaly of the bilan. */
  readonly depassement: Decimal;
}

/**
 * One envelope's balance: disponible = dotation reçue + reliquat antérieur; nouveau reliquat =
 * disponible − dépensé. Spending above the available amount is reported (no fungibility: the other
 * envelope never covers it) and the new reliquat is then zero.
 */
export function soldeEnveloppe(enveloppe: Enveloppe, bilan: EnveloppeBilan): SoldeEnveloppe {
  const name = NOMS_ENVELOPPES[enveloppe];
  const montants: [string, Decimal][] = [
    ["dotation reçue", bilan.dotationRecue],
    ["reliquat antérieur", bilan.reliquatAnterieur],
    ["dépense", bilan.depense],
  ];
  for (const [what, value] of montants) {
    if (!value.isFinite() || value.isNegative()) {
      throw new ErreurArgument(
        "montant-negatif",
        `Enveloppe ${name} : ${what} ${formaterEuros(value)} invalide, un montant positif ou nul est attendu.`,
      );
    }
  }
  const disponibleValue = bilan.dotationRecue.plus(bilan.reliquatAnterieur);
  const disponible: ValeurTracee = {
    valeur: disponibleValue,
    trace: {
      regle: "R11",
      libelle: `Disponible ${name}`,
      calcul: `dotation reçue ${formaterEuros(bilan.dotationRecue)} + reliquat antérieur ${formaterEuros(bilan.reliquatAnterieur)}`,
      resultat: formaterEuros(disponibleValue),
    },
  };
  const reste = disponibleValue.minus(bilan.depense);
  const depassement = reste.isNegative() ? reste.negated() : ZERO;
  const nouveau = reste.isNegative() ? ZERO : reste;
  return {
    disponible,
    depense: bilan.depense,
    depassement,
    nouveauReliquat: {
      valeur: nouveau,
      trace: {
        regle: "R11",
        libelle: `Reliquat ${name} reporté`,
        calcul: reste.isNegative()
          ? `${formaterEuros(disponibleValue)} − dépensé ${formaterEuros(bilan.depense)} < 0 : dépassement de ${formaterEuros(depassement)}, aucun reliquat`
          : `${formaterEuros(disponibleValue)} − dépensé ${formaterEuros(bilan.depense)}`,
        resultat: formaterEuros(nouveau),
        reference: "reliquat déduit de la dotation suivante",
      },
    },
  };
}

/** The message for a purchase charged to the wrong envelope (no fungibility). */
export function messageEnveloppeCroisee(code: string, categorie: Categorie, chargee: Enveloppe): string {
  return `La formation ${code} relève de la catégorie ${LIBELLES_CATEGORIES[categorie]} (enveloppe ${NOMS_ENVELOPPES[enveloppeDe(categorie)]}) : ses achats ne peuvent pas être imputés sur l'enveloppe ${NOMS_ENVELOPPES[chargee]} (enveloppes non fongibles).`;
}
