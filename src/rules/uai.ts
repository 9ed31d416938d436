/**
 * R1 (regles.md#etablissements.uai) — establishments are identified by their UAI: 7 digits and a check letter, the remainder of the
 * 7-digit number divided by 23 taken as a 0-based rank in the alphabet without I, O and Q
 * (0750655 mod 23 = 4 → « E », lycée Louis-le-Grand). Île-de-France UAIs start with 075, 077, 078, 091,
 * 092, 093, 094 or 095. A wrong letter or another department is an alerte, never a reason to drop data.
 */
import { citation, sansEspaces } from "./texte";

const CHECK_LETTERS = "ABCDEFGHJKLMNPRSTUVWXYZ";
const ILE_DE_FRANCE = new Set(["075", "077", "078", "091", "092", "093", "094", "095"]);

export function lettreCleUai(sevenDigits: string): string {
  return CHECK_LETTERS[Number(sevenDigits) % 23];
}

export type UaiLu =
  | { readonly ok: true; readonly uai: string; readonly alertes: readonly string[] }
  | { readonly ok: false; readonly message: string };

/** Normalises (spaces, case) and checks a UAI; a bad letter or department gives alertes, not an error. */
export function lireUai(raw: unknown): UaiLu {
  if (raw === null || raw === undefined || (typeof raw === "string" && raw.trim() === "")) {
    return {
      ok: false,
      message: "UAI manquant : chaque ligne doit indiquer l'établissement (UAI, ex. 0750655E).",
    };
  }
  const text = sansEspaces(String(raw)).replace(/^'/, "").toUpperCase();
  const match = /^(\d{7})([A-Z])$/.exec(text);
  if (!match) {
    return {
      ok: false,
      message: `UAI « ${citation(String(raw).trim())} » invalide : 7 chiffres suivis d'une lettre sont attendus (ex. 0750655E).`,
    };
  }
  const alertes: string[] = [];
  const expected = lettreCleUai(match[1]);
  if (match[2] !== expected) {
    alertes.push(
      `UAI ${text} : la lettre de contrôle attendue est « ${expected} » (${match[1]}${expected}) ; vérifiez le numéro.`,
    );
  }
  if (!ILE_DE_FRANCE.has(text.slice(0, 3))) {
    alertes.push(`UAI ${text} : le département ${text.slice(0, 3)} n'est pas en Île-de-France.`);
  }
  return { ok: true, uai: text, alertes };
}
