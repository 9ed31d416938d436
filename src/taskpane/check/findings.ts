/**
 * Findings grouped by severity for the screens: erreurs, then alertes, then infos, each in reading
 * order, with its count. Large sheets can have tens of thousands of findings: the screen shows a page
 * of each group and a button for the next one (the full list goes to the « Contrôle ARE » sheet).
 */
import { GRAVITE_ORDER, type Constat, type Gravite } from "../../sheet/constats";

export interface FindingGroup {
  readonly gravite: Gravite;
  readonly total: number;
  readonly findings: readonly Constat[];
}

const GRAVITES = (Object.keys(GRAVITE_ORDER) as Gravite[]).sort(
  (a, b) => GRAVITE_ORDER[a] - GRAVITE_ORDER[b],
);

/**
 * One group per severity that has findings, in one pass. Empty groups are left out (issue 12 item 15):
 * « Alertes (0) » is noise, and the summary line already says « 0 alerte ».
 */
export function groupFindings(constats: readonly Constat[]): FindingGroup[] {
  const byGravite: Record<Gravite, Constat[]> = { erreur: [], alerte: [], info: [] };
  for (const c of constats) byGravite[c.gravite].push(c);
  return GRAVITES.filter((gravite) => byGravite[gravite].length > 0).map((gravite) => ({
    gravite,
    total: byGravite[gravite].length,
    findings: byGravite[gravite],
  }));
}

/** How many findings a group shows at first, and how many more each « Afficher plus » adds. */
export const PAGE_FINDINGS = 50;
