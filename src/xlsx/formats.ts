/**
 * What a file given to `are` really is, told by its content rather than its name: a rectorat sends
 * « effectifs.zip », a web page saved as .xls, a Word document, a classeur of Excel 97-2003… Each
 * format that is not read gets its own French message saying what the file is and what to do
 * (issue 11 item 14); only .xlsx archives and text files (CSV) go on to the readers.
 */
import { nombreDe } from "../rules";
import { SpreadsheetFileError } from "./errors";
import { ZipArchive, type SourceZip } from "./zip";

export type Nature = "xlsx" | "texte";

const XLSX_EXTENSIONS = new Set([".xlsx", ".xlsm", ".xltx", ".xltm"]);

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return signature.every((byte, i) => bytes[i] === byte);
}
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const EMPTY_ZIP = [0x50, 0x4b, 0x05, 0x06];

/** Does a file starting with these bytes hold a ZIP archive (an .xlsx, or another one)? */
export function estArchiveZip(debut: Uint8Array): boolean {
  return startsWith(debut, ZIP) || startsWith(debut, EMPTY_ZIP);
}

/** Compound File Binary: Excel 97-2003 .xls, Word .doc, and also every password-protected .xlsx. */
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/**
 * The first bytes of a file, which say what it is (readSpreadsheetFile): an archive's or an Office
 * file's signature, and all natureDuFichier reads of any other file (markup, UTF-16 without a BOM,
 * binary), whatever its size.
 */
export const OCTETS_DE_TETE = 4096;

/** An Office file of the kind before .xlsx (.xls, an encrypted .xlsx): natureDuFichier reads it whole. */
export function estFichierOle(bytes: Uint8Array): boolean {
  return startsWith(bytes, OLE);
}

const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d];

const refus = (message: string) => new SpreadsheetFileError("format-non-pris-en-charge", message);

/** Whether a Compound File holds a stream of this name (names are stored in UTF-16LE). */
function hasStream(bytes: Buffer, name: string): boolean {
  return bytes.includes(Buffer.from(name, "utf16le"));
}

function compoundFile(bytes: Buffer, fichier: string): SpreadsheetFileError {
  if (hasStream(bytes, "EncryptedPackage") || hasStream(bytes, "EncryptionInfo")) {
    return refus(
      `« ${fichier} » est un classeur protégé par mot de passe : ouvrez-le dans Excel, retirez le mot de passe (Fichier › Informations › Protéger le classeur) et enregistrez-le au format .xlsx.`,
    );
  }
  if (hasStream(bytes, "WordDocument")) {
    return refus(
      `« ${fichier} » est un document Word 97-2003 (.doc), pas un classeur : copiez son tableau dans Excel et enregistrez-le au format .xlsx.`,
    );
  }
  return refus(
    `« ${fichier} » est un classeur Excel 97-2003 (.xls) : ouvrez-le dans Excel et enregistrez-le au format .xlsx (Fichier › Enregistrer sous › Classeur Excel) ou .csv.`,
  );
}

/**
 * What an archive is (from its bytes, or from its file: sourceFichier): « xlsx » — an .xlsx, or
 * damaged, which its reader then says — or a refusal naming what it is instead (an OpenDocument,
 * Word or PowerPoint file, a plain .zip of files).
 */
export function natureDeLArchive(archive: Buffer | SourceZip, fichier: string): Nature {
  let zip: ZipArchive;
  try {
    zip = new ZipArchive(archive);
  } catch {
    return "xlsx"; // damaged or too large: the .xlsx reader says so, with its own message.
  }
  const names = zip.names();
  if (names.includes("mimetype") || names.includes("content.xml")) {
    const kind = /opendocument\.(\w+)/.exec(zip.text("mimetype") ?? "")?.[1];
    const what =
      kind === "text"
        ? "un document texte OpenDocument (.odt), pas un classeur : copiez son tableau dans un classeur et enregistrez-le"
        : "un classeur OpenDocument (.ods, LibreOffice) : enregistrez-le (Fichier › Enregistrer sous)";
    throw refus(`« ${fichier} » est ${what} au format .xlsx ou .csv.`);
  }
  if (names.some((n) => n.startsWith("word/"))) {
    throw refus(
      `« ${fichier} » est un document Word (.docx), pas un classeur : copiez son tableau dans Excel et enregistrez-le au format .xlsx.`,
    );
  }
  if (names.some((n) => n.startsWith("ppt/"))) {
    throw refus(
      `« ${fichier} » est une présentation PowerPoint (.pptx), pas un classeur : copiez son tableau dans Excel et enregistrez-le au format .xlsx.`,
    );
  }
  // An Office package (its content types, or its relationships, or the usual workbook part): the
  // .xlsx reader decides, and says when it is damaged.
  if (["[Content_Types].xml", "_rels/.rels", "xl/workbook.xml"].some((n) => names.includes(n))) return "xlsx";
  const files = names.filter((n) => !n.endsWith("/"));
  const shown = files
    .slice(0, 5)
    .map((n) => `« ${n} »`)
    .join(", ");
  const content =
    files.length === 0
      ? "vide"
      : `contenant ${shown}${files.length > 5 ? ` et ${nombreDe(files.length - 5, "autre")}` : ""}`;
  throw new SpreadsheetFileError(
    "pas-un-tableur",
    `« ${fichier} » est une archive ZIP (${content}), pas un classeur : décompressez l'archive (clic droit › Extraire tout) puis donnez à are les fichiers .xlsx ou .csv qu'elle contient.`,
  );
}

/**
 * UTF-16 text without a byte order mark: every other byte is zero in ASCII text. Returns the byte
 * order, or null. (With a BOM, csv.ts reads it.)
 */
function utf16SansBom(bytes: Uint8Array): "LE" | "BE" | null {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return null;
  const end = Math.min(bytes.length, OCTETS_DE_TETE) & ~1;
  if (end < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < end; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = end / 2;
  if (oddZeros > pairs * 0.4 && evenZeros < pairs * 0.05) return "LE";
  if (evenZeros > pairs * 0.4 && oddZeros < pairs * 0.05) return "BE";
  return null;
}

function looksBinary(bytes: Uint8Array): boolean {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return false; // UTF-16 text with its BOM
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return false;
  const end = Math.min(bytes.length, OCTETS_DE_TETE);
  for (let i = 0; i < end; i++) if (bytes[i] === 0) return true;
  return false;
}

/**
 * Markup that Excel opens but is not a CSV: a web page saved as .xls (Excel's « Page web », or an
 * export of an académie's intranet) and the « Feuille de calcul XML 2003 » (SpreadsheetML).
 */
function markup(bytes: Buffer, fichier: string): SpreadsheetFileError | null {
  let head = bytes.subarray(0, 2048).toString("latin1");
  if (head.startsWith("\u00ef\u00bb\u00bf")) head = head.slice(3);
  head = head.trimStart().toLowerCase();
  if (!head.startsWith("<")) return null;
  if (
    head.includes("urn:schemas-microsoft-com:office:spreadsheet") ||
    head.includes('progid="excel.sheet"')
  ) {
    return refus(
      `« ${fichier} » est une feuille de calcul XML 2003 (SpreadsheetML), un format que are ne lit pas : ouvrez-le dans Excel et enregistrez-le au format .xlsx (Fichier › Enregistrer sous › Classeur Excel).`,
    );
  }
  if (/^<(!doctype html|html|head|body|table|meta)\b/.test(head) || head.includes("<html")) {
    return refus(
      `« ${fichier} » est une page web (HTML) enregistrée sous un nom de classeur, pas un vrai classeur : ouvrez-le dans Excel et enregistrez-le au format .xlsx (Fichier › Enregistrer sous › Classeur Excel).`,
    );
  }
  if (head.startsWith("<?xml")) {
    return refus(
      `« ${fichier} » est un fichier XML, pas un tableau : un classeur .xlsx ou un fichier .csv est attendu ; si Excel l'ouvre, enregistrez-le au format .xlsx.`,
    );
  }
  return null;
}

/**
 * What the file is: an .xlsx archive or text to read as CSV. Throws a SpreadsheetFileError naming
 * anything else and saying what to do.
 */
export function natureDuFichier(bytes: Buffer, fichier: string, extension: string): Nature {
  if (bytes.length === 0) {
    throw new SpreadsheetFileError(
      "vide",
      `« ${fichier} » est vide (0 octet) : l'export n'a sans doute pas abouti, refaites-le.`,
    );
  }
  if (estFichierOle(bytes)) throw compoundFile(bytes, fichier);
  if (estArchiveZip(bytes)) return natureDeLArchive(bytes, fichier);
  if (startsWith(bytes, PDF)) {
    throw refus(
      `« ${fichier} » est un document PDF, pas un tableau : demandez l'extraction au format .xlsx ou .csv.`,
    );
  }
  const balisage = markup(bytes, fichier);
  if (balisage) throw balisage;
  const utf16 = utf16SansBom(bytes);
  if (utf16) {
    throw new SpreadsheetFileError(
      "csv-invalide",
      `« ${fichier} » est du texte en UTF-16 (${utf16 === "LE" ? "petit" : "gros"}-boutiste) sans marque d'encodage (BOM), que are ne peut pas reconnaître sûrement : réenregistrez-le en UTF-8 (dans Excel : Enregistrer sous › « CSV UTF-8 (délimité par des virgules) »).`,
    );
  }
  if (XLSX_EXTENSIONS.has(extension) || looksBinary(bytes)) {
    throw new SpreadsheetFileError(
      "pas-un-tableur",
      `« ${fichier} » n'est pas un tableur lisible : un classeur .xlsx ou un fichier .csv est attendu.`,
    );
  }
  return "texte";
}
