/**
 * An archive read from its file as its parts are inflated (src/xlsx/zip.ts sourceFichier), never
 * whole: the same parts and cells as from the bytes in memory, whatever the window its compressed
 * bytes are read by; a truncated or damaged part, or a file that gets shorter, is refused as before.
 */
import * as fs from "fs";
import * as path from "path";
import * as zlib from "zlib";
import type { CellValue } from "../../src/workbook/port";
import { readSpreadsheetFile } from "../../src/xlsx";
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
