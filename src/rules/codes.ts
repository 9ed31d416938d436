/**
 * Formation codes (R2, regles.md#formations.code). A formation is identified by its 8-character « code formation diplôme » of the
 * BCN: characters 1-3 give the level and kind of diploma, 4-6 the NSF specialty group, 7-8 a sequence
 * number. Codes arrive from pasted sheets as numbers or text, with spaces, a leading apostrophe or a
 * stray ".0"; they are normalised before any lookup.
 *
 * Real BCN codes contain capital letters (26Z13999, 2602230A: design.md R2): any 8 characters among
 * digits and capital letters make a well-formed code, judged by the rules like any other (a kind or an
 * NSF group with a letter matches none of the scheme's, so such a code is not eligible).
 */
import { ErreurArgument } from "./erreurs";
import { citation, citerValeur, sansEspaces } from "./texte";

export type CodeLu =
  | { readonly ok: true; readonly code: string; readonly note: string | null }
  | { readonly ok: false; readonly probleme: ProblemeCode; readonly message: string };

export type ProblemeCode = "vide" | "mef" | "longueur" | "caracteres" | "type";

/** Characters 4-6: the NSF group; NaN when they contain a letter (no NSF group does). */
export function nsfDe(code: string): number {
  const nsf = code.slice(3, 6);
  return /^\d{3}$/.test(nsf) ? Number(nsf) : NaN;
}

/** The NSF group of a code, for ARE.NSF: an error, not NaN, when characters 4-6 hold a letter. */
export function groupeNsf(code: string): number {
  const nsf = nsfDe(code);
  if (Number.isNaN(nsf)) {
    throw new ErreurArgument(
      "code-nsf",
      `Code formation ${code} : ses caractères 4 à 6 (« ${code.slice(3, 6)} ») ne sont pas un groupe de spécialités NSF, qui compte 3 chiffres.`,
    );
  }
  return nsf;
}

/** Characters 1-3: the level and kind of diploma. */
export function prefixeDe(code: string): string {
  return code.slice(0, 3);
}

/** The BCN's alphabet: digits and capital letters (lower case is upper-cased first, see readCodeText). */
const WELL_FORMED = /^[0-9A-Z]{8}$/;

function malformed(raw: string, probleme: ProblemeCode, detail: string): CodeLu {
  return {
    ok: false,
    probleme,
    message: `Code formation « ${citation(raw)} » invalide : ${detail} Un code formation diplôme (BCN) compte 8 caractères, chiffres ou lettres majuscules, par exemple 50022137 ou 2602230A.`,
  };
}

/**
 * Reads a code formation diplôme from a cell value.
 *
 * Décision (regles.md#formations.zero-initial; Excel drops leading zeros): a *number* of 7 digits is read with its leading zero restored
 * (1022201 → 01022201) and the reading says so; typed as text, 7 characters are malformed.
 */
export function lireCodeFormation(raw: unknown): CodeLu {
  if (raw === null || raw === undefined)
    return { ok: false, probleme: "vide", message: "Code formation vide." };
  if (typeof raw === "number") {
    if (raw < 0) {
      // -50022137 is a whole number: « pas un nombre entier » would send the user looking for decimals.
      return malformed(citerValeur(raw), "caracteres", "c'est un nombre négatif, un code n'a pas de signe.");
    }
    if (!Number.isFinite(raw) || !Number.isInteger(raw)) {
      return malformed(citerValeur(raw), "caracteres", "ce n'est pas un nombre entier.");
    }
    const digits = String(raw);
    if (digits.length === 7) {
      return {
        ok: true,
        code: "0" + digits,
        note: `Code lu comme 0${digits} : Excel avait supprimé le zéro initial.`,
      };
    }
    return readCodeText(digits, digits);
  }
  if (typeof raw === "string") return readCodeText(raw, raw.trim());
  return malformed(citerValeur(raw), "type", "la cellule ne contient ni nombre ni texte.");
}

/**
 * Décision (regles.md#formations.minuscules; design.md R2, lower case): letters typed in lower case are read as the BCN's capitals
 * (« 2602230a » is 2602230A): the BCN has no lower-case code, so no two codes are confused, and a code
 * retyped by hand is not refused for its case.
 */
function readCodeText(original: string, text: string): CodeLu {
  // Invisible characters a copy from a PDF or a web page leaves in a code (soft hyphen, zero-width space
  // and joiners): the cell shows 50022133, and a refusal for « caractères autres que des chiffres » could
  // not be understood.
  let cleaned = sansEspaces(text).replace(/[\u00ad\u200b-\u200d\u2060]/g, "");
  if (cleaned.startsWith("'")) cleaned = cleaned.slice(1);
  // A code that went through a float somewhere: "50022137.0" or "50022137,0".
  cleaned = cleaned.replace(/^(\d+)[.,]0+$/, "$1").toUpperCase();
  if (cleaned === "") return { ok: false, probleme: "vide", message: "Code formation vide." };
  if (WELL_FORMED.test(cleaned)) return { ok: true, code: cleaned, note: null };
  const shown = original.trim();
  if (/^[0-9A-Z]{11}$/.test(cleaned)) {
    return malformed(
      shown,
      "mef",
      "c'est un code MEF (11 caractères), pas un code formation diplôme : reprenez la colonne « code diplôme » de l'extraction.",
    );
  }
  if (!/^[0-9A-Z]+$/.test(cleaned))
    return malformed(
      shown,
      "caracteres",
      "il contient des caractères autres que des chiffres et des lettres (ponctuation, signe, formule).",
    );
  const unit = /^\d+$/.test(cleaned) ? "chiffre" : "caractère";
  const n = cleaned.length;
  return malformed(shown, "longueur", `il compte ${n} ${unit}${n > 1 ? "s" : ""} au lieu de 8.`);
}
