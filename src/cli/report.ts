/**
 * Pieces of text the contrôle and dotations reports share: findings grouped by severity, the rows set
 * aside by reason, and which findings make a sheet unusable.
 */
import { formaterEntier, nombreDe } from "../rules";
import { decompteLignes, libelleMotif, type Constat, type Gravite } from "../sheet/constats";
import type { BilanLignes, Champ } from "../workflows/types";

/**
 * Décision (regles.md#lecture.feuille-illisible) : a sheet that is empty, has no recognisable header or lacks a required column is not
 * read at all; the command then fails like a bad file (exit 2, nothing written) rather than give
 * dotations computed without one rectorat's rows.
 */
export const CONSTATS_BLOQUANTS: ReadonlySet<string> = new Set([
  "feuille-vide",
  "entete-introuvable",
  "colonne-manquante",
  "deux-colonnes",
]);

export function constatsBloquants(constats: readonly Constat[]): Constat[] {
  return constats
    .filter((c) => c.gravite === "erreur" && CONSTATS_BLOQUANTS.has(c.code))
    .map((c) =>
      // The shared message says « correspondance des colonnes »; here it is an option, for this sheet
      // only (another file may hold that field elsewhere), the field named as the message names it
      // (« Deux colonnes « Taux de boursiers », … »), which --colonne accepts.
      c.code === "deux-colonnes"
        ? {
            ...c,
            message: `${c.message} En ligne de commande : --colonne "${c.feuille}:${champDuMessage(c.message)}=<lettre de la colonne>".`,
          }
        : c,
    );
}

function champDuMessage(message: string): string {
  return /^Deux colonnes « ([^»]+) »/.exec(message)?.[1] ?? "champ";
}

/** How the fields of a sheet are named to the user. */
export const CHAMP_LABELS: Readonly<Record<Champ, string>> = {
  uai: "UAI",
  nomEtablissement: "nom de l'établissement",
  codeFormation: "code formation",
  libelleFormation: "libellé",
  effectif: "effectif",
  statut: "statut",
  anneeFormation: "année de formation",
  anneeScolaire: "année scolaire",
  entreeDirecte: "entrée directe",
  tauxBoursiers: "taux de boursiers",
  boursiers: "boursiers",
  effectifTotal: "effectif total",
  reliquatPreBac: "reliquat pré-bac",
  reliquatPostBac: "reliquat post-bac",
  aRepondu: "réponse à l'enquête",
  supplementaires: "élèves supplémentaires",
  boursiersSupplementaires: "boursiers supplémentaires",
  enveloppe: "enveloppe",
  elevesAides: "élèves aidés",
  montantAchats: "montant des achats",
  typeEquipement: "type d'équipement",
  dotationPreBac: "dotation reçue pré-bac",
  dotationPostBac: "dotation reçue post-bac",
};

const GROUPS: readonly { gravite: Gravite; titre: string }[] = [
  { gravite: "erreur", titre: "Erreurs — ces lignes ou valeurs ne comptent pas" },
  { gravite: "alerte", titre: "Alertes — comptées, à vérifier" },
  { gravite: "info", titre: "Informations" },
];

/** Where a finding is: « effectifs.csv, ligne 12, colonne C ». */
export function position(constat: Constat, withSheet: boolean): string {
  const parts: string[] = [];
  if (withSheet) parts.push(constat.feuille);
  if (constat.ligne !== null) parts.push(`ligne ${constat.ligne}`);
  if (constat.colonne !== null) parts.push(`colonne ${constat.colonne}`);
  return parts.length > 0 ? parts.join(", ") : "feuille";
}

/**
 * The findings by severity, at most `limit` lines per severity (the rest is counted, and is in the
 * --json output and the written workbook).
 */
export function renderConstats(constats: readonly Constat[], withSheet: boolean, limit = 40): string[] {
  // One pass, keeping only the lines shown: a full sheet gives ~150 000 findings.
  const nombres: Record<Gravite, number> = { erreur: 0, alerte: 0, info: 0 };
  const montres: Record<Gravite, Constat[]> = { erreur: [], alerte: [], info: [] };
  for (const c of constats) if (nombres[c.gravite]++ < limit) montres[c.gravite].push(c);
  const lines: string[] = [];
  for (const { gravite, titre } of GROUPS) {
    const n = nombres[gravite];
    if (n === 0) continue;
    lines.push("", `${titre} (${formaterEntier(n)}) :`);
    for (const c of montres[gravite]) lines.push(`  ${position(c, withSheet)} : ${c.message}`);
    if (n > limit) lines.push(`  … et ${nombreDe(n - limit, "autre")} (détail avec --json ou --out).`);
  }
  return lines;
}

/**
 * « 312 lignes non vides : 290 comptées, 22 écartées » and one line per reason; `comptees` says what a
 * kept row is for the sheet read (« retenues » for a bilan's purchases, « demandées » for a request).
 */
export function renderBilan(lignes: BilanLignes, comptees = "comptées"): string[] {
  const out = [`Lignes lues : ${decompteLignes(lignes, comptees, " — ")}`];
  const motifs = Object.entries(lignes.ecarteesParMotif)
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  if (motifs.length > 0) {
    const libelles = motifs.map(([code, n]) => [libelleMotif(code), n] as const);
    const width = Math.max(...libelles.map(([libelle]) => libelle.length));
    out.push("Lignes écartées par raison :");
    for (const [libelle, n] of libelles)
      out.push(`  ${libelle.padEnd(width)}  ${formaterEntier(n).padStart(6)}`);
  }
  return out;
}
