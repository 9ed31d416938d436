/**
 * An archive read from its file as its parts are inflated (src/xlsx/zip.ts sourceFichier), never
 * whole: the same parts and cells as from the bytes in memory, whatever the window its compressed
 * bytes are read by; a truncated or damaged part, or a file that gets shorter, is refused as before.
 * A .csv likewise (src/xlsx/csv.ts readCsvGrid): its encoding found and its text decoded block by
 * block, the same cells, encoding and separator as the whole text read at once, whatever the blocks.
 */
import * as fs from "fs";
import * as path from "path";
import * as zlib from "zlib";
import fc from "fast-check";
import type { CellValue } from "../../src/workbook/port";
import {
  csvCellValue,
  decodeCsvBytes,
  decodeWindows1252,
  detectSeparator,
  parseCsvRecords,
  readCsvGrid,
  readSpreadsheetFile,
  usedRange,
} from "../../src/xlsx";
import { readXlsxValues, readXlsxValuesStreamed } from "../../src/xlsx/fastXlsx";
import { ENTREE_OCTETS, ZipArchive, sourceFichier } from "../../src/xlsx/zip";
import { FEUILLE_XML, lignesXml, xlsxFaitMain, zipBrut } from "../corpus/fabrique";
import { removeDir, tempDir } from "./helpers";

let dir: string;
beforeAll(() => {
  dir = tempDir();
});
afterAll(() => removeDir(dir));

/** Writes the bytes to a file and runs `f` on it, opened. */
function avecFichierEcrit<T>(nom: string, bytes: Buffer, f: (fd: number, taille: number) => T): T {
  const chemin = path.join(dir, nom);
  fs.writeFileSync(chemin, bytes);
  const fd = fs.openSync(chemin, "r");
  try {
    return f(fd, bytes.length);
  } finally {
    fs.closeSync(fd);
  }
}

/** The chunks of a part, copied as they come. */
function partie(zip: ZipArchive, nom: string): Buffer {
  const lus: Buffer[] = [];
  zip.chunks(nom, (morceau) => lus.push(Buffer.from(morceau)));
  return Buffer.concat(lus);
}

describe("Archive lue dans son fichier, morceau par morceau", () => {
  const contenu = Buffer.from(Array.from({ length: 200_000 }, (_, k) => (k * 7919) % 251));
  const zip = zipBrut([
    { nom: "a.xml", donnees: zlib.deflateRawSync(contenu), tailleOriginale: contenu.length },
    { nom: "b.xml", donnees: zlib.deflateRawSync(Buffer.from("<b/>")), tailleOriginale: 4 },
  ]);

  test.each([1, 7, 4096, ENTREE_OCTETS, 10_000_000])(
    "fenêtre de %i octets : les parties, octet pour octet, comme en mémoire",
    (fenetre) => {
      avecFichierEcrit(`a-${fenetre}.zip`, zip, (fd, taille) => {
        const archive = new ZipArchive(sourceFichier(fd, taille, fenetre));
        expect(archive.names()).toEqual(["a.xml", "b.xml"]);
        expect(partie(archive, "a.xml").equals(contenu)).toBe(true);
        expect(archive.text("b.xml")).toBe("<b/>");
      });
    },
  );

  test("une partie tronquée ou abîmée est refusée, jamais lue à moitié", () => {
    const donnees = zlib.deflateRawSync(contenu);
    const tronquee = zipBrut([
      { nom: "a.xml", donnees: donnees.subarray(0, donnees.length >> 1), tailleOriginale: contenu.length },
    ]);
    avecFichierEcrit("tronquee.zip", tronquee, (fd, taille) => {
      expect(() => partie(new ZipArchive(sourceFichier(fd, taille, 4096)), "a.xml")).toThrow(
        /unexpected end of file/,
      );
    });
    const abime = Buffer.from(donnees);
    abime.fill(0xff, 0, 8);
    avecFichierEcrit(
      "abime.zip",
      zipBrut([{ nom: "a.xml", donnees: abime, tailleOriginale: contenu.length }]),
      (fd, taille) => {
        expect(() => partie(new ZipArchive(sourceFichier(fd, taille, 4096)), "a.xml")).toThrow();
      },
    );
  });

  test("un fichier plus court que sa taille annoncée (raccourci pendant la lecture) : erreur, pas de zéros lus", () => {
    avecFichierEcrit("court.zip", zip, (fd, taille) => {
      const source = sourceFichier(fd, taille + 100);
      expect(() => source.lire(taille - 10, 50)).toThrow(/raccourci/);
      expect(source.lire(0, 4).equals(zip.subarray(0, 4))).toBe(true);
    });
  });

  test("une feuille de plusieurs fenêtres : mêmes cellules lue du fichier et en mémoire", async () => {
    const lignes: CellValue[][] = [["UAI", "Nom", "Effectif"]];
    for (let k = 0; k < 20_000; k++)
      lignes.push([`0750${String(k).padStart(4, "0")}E`, `Lycée n° ${k} « Cœur »`, k]);
    const bytes = await xlsxFaitMain(FEUILLE_XML(lignesXml(lignes)));
    const enMemoire = readXlsxValues(bytes);
    for (const fenetre of [1000, ENTREE_OCTETS]) {
      avecFichierEcrit(`feuille-${fenetre}.xlsx`, bytes, (fd, taille) => {
        expect(readXlsxValuesStreamed(sourceFichier(fd, taille, fenetre))).toStrictEqual(enMemoire);
      });
    }
    // The whole path of the command line: the same cells.
    const chemin = path.join(dir, "feuille.xlsx");
    fs.writeFileSync(chemin, bytes);
    const lu = await readSpreadsheetFile(chemin);
    expect(lu.sheets[0].values).toHaveLength(lignes.length);
    expect(lu.sheets[0].values[20_000]).toEqual(["075019999E", "Lycée n° 19999 « Cœur »", 19_999]);
  });
});

/** Each character Windows-1252 has, to its byte (what it cannot write becomes « ? »). */
const WINDOWS_1252 = new Map(
  Array.from({ length: 256 }, (_, octet) => [decodeWindows1252(Uint8Array.of(octet)), octet] as const),
);

/** The bytes of a text in an encoding, with or without its byte order mark. */
function encoder(
  texte: string,
  encodage: "utf-8" | "utf-16le" | "utf-16be" | "windows-1252",
  bom: boolean,
): Buffer {
  if (encodage === "utf-16le")
    return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(texte, "utf16le")]);
  if (encodage === "utf-16be") {
    return Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(texte, "utf16le").swap16()]);
  }
  if (encodage === "windows-1252") return Buffer.from([...texte].map((c) => WINDOWS_1252.get(c) ?? 0x3f));
  return Buffer.concat([Buffer.from(bom ? [0xef, 0xbb, 0xbf] : []), Buffer.from(texte, "utf8")]);
}

/** The cells, encoding and separator of a CSV's bytes read whole at once: decoded, split, read. */
function luDUnSeulTenant(bytes: Buffer) {
  const { text, encoding } = decodeCsvBytes(bytes);
  const separator = detectSeparator(text);
  const values = parseCsvRecords(text, separator).map((r) => r.map((f) => csvCellValue(f, separator)));
  return { values: usedRange(values), encoding, separator };
}

/** readCsvGrid on the file, `bloc` bytes at a time. */
function luDuFichier(nom: string, bytes: Buffer, bloc: number) {
  return avecFichierEcrit(nom, bytes, (fd, taille) => {
    // Named as parseCsvRecords names a file it is not told about, for the messages to compare.
    const lu = readCsvGrid(sourceFichier(fd, taille), "le fichier", undefined, bloc);
    return { values: usedRange(lu.values), encoding: lu.encoding, separator: lu.separator };
  });
}

describe("CSV lu dans son fichier, bloc par bloc", () => {
  const texte =
    "UAI;Établissement;Code;Effectif\r\n" +
    Array.from(
      { length: 300 },
      (_, k) =>
        `075${String(k).padStart(4, "0")}E;"Lycée « Cœur » n° ${k} – 1ʳᵉ €";5002213${k % 10};${k}\r\n`,
    ).join("") +
    "0750655E;Collège 𝔸 (hors BMP);50022137;12\n";

  test.each([
    ["UTF-8 sans BOM", "utf-8", false],
    ["UTF-8 avec BOM", "utf-8", true],
    ["UTF-16 petit-boutiste", "utf-16le", true],
    ["UTF-16 gros-boutiste", "utf-16be", true],
    ["Windows-1252", "windows-1252", false],
  ] as const)(
    "%s : mêmes cellules, encodage et séparateur qu'en un seul tenant, blocs de 1 octet à 1 Mo",
    (_, encodage, bom) => {
      const bytes = encoder(texte, encodage, bom);
      const attendu = luDUnSeulTenant(bytes);
      expect(attendu.encoding).toBe(encodage);
      for (const bloc of [1, 2, 3, 4, 5, 7, 64, 4096, 1024 * 1024]) {
        expect([bloc, luDuFichier(`t-${encodage}-${bloc}.csv`, bytes, bloc)]).toEqual([bloc, attendu]);
      }
    },
  );

  test("UTF-8 mêlé d'un autre encodage : le même refus, avec la ligne de l'octet fautif, quels que soient les blocs", () => {
    const bytes = Buffer.concat([
      Buffer.from("UAI;Nom\r\n0750655E;Lycée\r\n0750656E;Lyc", "utf8"),
      Buffer.from([0xe9]),
      Buffer.from("e\r\n", "utf8"),
    ]);
    const message = (() => {
      try {
        decodeCsvBytes(bytes, "« m.csv »");
      } catch (erreur) {
        return (erreur as Error).message;
      }
      throw new Error("decodeCsvBytes aurait dû refuser le fichier");
    })();
    expect(message).toContain("ligne 3");
    for (const bloc of [1, 3, 16, 1024]) {
      avecFichierEcrit(`m-${bloc}.csv`, bytes, (fd, taille) => {
        expect(() => readCsvGrid(sourceFichier(fd, taille), "« m.csv »", undefined, bloc)).toThrow(message);
      });
    }
  });

  test("textes quelconques, encodages et blocs au hasard : toujours la lecture d'un seul tenant", () => {
    const caractere = fc.constantFrom(...'ab;,\t"\r\n 0123456789éÉ€’–«»', "𝔸", "\u00a0", "Ã©");
    fc.assert(
      fc.property(
        fc.array(caractere, { maxLength: 200 }),
        fc.constantFrom("utf-8", "utf-16le", "utf-16be", "windows-1252"),
        fc.boolean(),
        fc.integer({ min: 1, max: 40 }),
        (morceaux, encodage, bom, bloc) => {
          const bytes = encoder(morceaux.join(""), encodage, bom);
          if (bytes.length === 0) return;
          let attendu: ReturnType<typeof luDUnSeulTenant>;
          try {
            attendu = luDUnSeulTenant(bytes);
          } catch (erreur) {
            expect(() => luDuFichier("h.csv", bytes, bloc)).toThrow((erreur as Error).message);
            return;
          }
          expect(luDuFichier("h.csv", bytes, bloc)).toEqual(attendu);
        },
      ),
      { numRuns: 400 },
    );
  });

  test("un .csv plus court qu'à son ouverture (changé pendant la lecture) : message français, pas de zéros lus", async () => {
    const chemin = path.join(dir, "raccourci.csv");
    fs.writeFileSync(chemin, encoder(texte, "utf-8", false));
    // The size seen at opening, 100 bytes more than the file holds by the time it is read.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const fsReel = require("fs") as typeof fs;
    const fstat = fsReel.fstatSync;
    const taille = jest.spyOn(fsReel, "fstatSync").mockImplementation(((fd: number) => {
      const stat = fstat(fd);
      return Object.assign(stat, { size: stat.size + 100 });
    }) as typeof fs.fstatSync);
    try {
      await expect(readSpreadsheetFile(chemin)).rejects.toThrow(
        "« raccourci.csv » a raccourci pendant sa lecture",
      );
    } finally {
      taille.mockRestore();
    }
  });

  test("readSpreadsheetFile lit un .csv sans jamais le lire en entier", async () => {
    const chemin = path.join(dir, "entier.csv");
    fs.writeFileSync(chemin, encoder(texte, "windows-1252", false));
    // The module itself: `import * as` gives a copy whose functions cannot be replaced.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const lectureEntiere = jest.spyOn(require("fs") as typeof fs, "readFileSync");
    try {
      const lu = await readSpreadsheetFile(chemin);
      expect(lu.csv).toEqual({ encoding: "windows-1252", separator: ";" });
      expect(lu.sheets[0].values).toHaveLength(302);
      expect(lectureEntiere).not.toHaveBeenCalled();
    } finally {
      lectureEntiere.mockRestore();
    }
  });
});
