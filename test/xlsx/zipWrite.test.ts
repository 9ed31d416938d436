/**
 * The ZIP writer of the .xlsx files (src/xlsx/zipWrite.ts): CRC-32 against its published check
 * value and against Node's own, archives read back by the project's reader (zip.ts) and by JSZip
 * checking every CRC, and the records of the format where the readers do not look.
 */
import * as zlib from "zlib";
import { ZipArchive } from "../../src/xlsx/zip";
import { PartDeflater, crc32, crc32Table, zipArchive } from "../../src/xlsx/zipWrite";
import { PartText } from "../../src/xlsx/xmlParts";

// ExcelJS depends on JSZip: an independent reader.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const JSZip = require("jszip");

/** Bytes of a fixed pseudo-random sequence (a linear congruential generator): the same at every run. */
function octets(n: number, graine: number): Buffer {
  const bytes = Buffer.alloc(n);
  let x = graine;
  for (let i = 0; i < n; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    bytes[i] = x >>> 24;
  }
  return bytes;
}

/** A part deflated as PartText does it: every piece but the last added, the last one finishing it. */
function enMorceaux(morceaux: readonly Buffer[]) {
  const deflater = new PartDeflater();
  for (const morceau of morceaux.slice(0, -1)) deflater.add(morceau);
  return deflater.finish(morceaux[morceaux.length - 1] ?? Buffer.alloc(0));
}

/** CRC-32 computed bit by bit, without a table (the definition, ISO 3309 reflected). */
function crc32BitABit(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return (crc ^ 0xffffffff) >>> 0;
}

const ENTREES = [
  { name: "[Content_Types].xml", data: '<?xml version="1.0"?><Types/>' },
  { name: "xl/worksheets/sheet1.xml", data: "<row>élève « 157 € » — 😀</row>".repeat(5000) },
  { name: "xl/vide.xml", data: "" },
  { name: "xl/media/aleatoire.bin", data: octets(70_000, 7) },
];

describe("CRC-32 du ZIP", () => {
  test("valeur de contrôle publiée : « 123456789 » → CBF43926 ; vide → 0", () => {
    expect(crc32Table(Buffer.from("123456789"))).toBe(0xcbf43926);
    expect(crc32Table(Buffer.alloc(0))).toBe(0);
    expect(crc32(Buffer.from("123456789"))).toBe(0xcbf43926);
  });

  test("la table donne le CRC du calcul bit à bit et celui de zlib (quand Node l'a) sur des octets quelconques", () => {
    const nodeCrc32 = (zlib as { crc32?: (data: Uint8Array) => number }).crc32;
    for (const [n, graine] of [
      [1, 1],
      [255, 2],
      [4096, 3],
      [100_001, 4],
    ]) {
      const bytes = octets(n, graine);
      expect(crc32Table(bytes)).toBe(crc32BitABit(bytes));
      if (nodeCrc32) expect(crc32Table(bytes)).toBe(nodeCrc32(bytes) >>> 0);
      expect(crc32(bytes)).toBe(crc32Table(bytes));
    }
  });

  test("aucun octet laisse le CRC tel quel, même un tampon vide déjà passé à zlib (Node 20 y donnait 0)", () => {
    const vide = Buffer.alloc(0);
    zlib.deflateRawSync(vide);
    expect(crc32(vide, 0xcbf43926)).toBe(0xcbf43926);
    expect(crc32Table(vide, 0xcbf43926)).toBe(0xcbf43926);
  });

  test("continué morceau après morceau : le CRC des octets mis bout à bout", () => {
    const bytes = octets(10_000, 5);
    for (const coupes of [[0], [1], [4096], [1, 2, 3, 9_999], [5_000, 5_000, 10_000]]) {
      let table = 0;
      let natif = 0;
      let debut = 0;
      for (const fin of [...coupes, bytes.length]) {
        table = crc32Table(bytes.subarray(debut, fin), table);
        natif = crc32(bytes.subarray(debut, fin), natif);
        debut = Math.max(debut, fin);
      }
      expect([coupes, table, natif]).toEqual([coupes, crc32BitABit(bytes), crc32BitABit(bytes)]);
    }
  });
});

describe("Archive ZIP écrite", () => {
  test("relue par le lecteur du projet et par JSZip avec contrôle des CRC : mêmes parties, même contenu", async () => {
    const archive = zipArchive(ENTREES);
    const lecteur = new ZipArchive(archive);
    const zip = await JSZip.loadAsync(archive, { checkCRC32: true });
    expect(Object.keys(zip.files)).toEqual(ENTREES.map((e) => e.name));
    for (const entree of ENTREES) {
      const attendu = typeof entree.data === "string" ? Buffer.from(entree.data, "utf8") : entree.data;
      expect(Buffer.from(await zip.file(entree.name).async("uint8array")).equals(attendu)).toBe(true);
      if (typeof entree.data === "string") expect(lecteur.text(entree.name)).toBe(entree.data);
    }
  });

  test("un CRC faux est refusé à la relecture : le contrôle porte bien sur les CRC écrits", async () => {
    const archive = zipArchive([{ name: "a.xml", data: "<a>".repeat(1000) + "fin" }]);
    await expect(JSZip.loadAsync(archive, { checkCRC32: true })).resolves.toBeDefined();
    const faux = Buffer.from(archive);
    const central = faux.readUInt32LE(faux.length - 22 + 16);
    // The CRC of the only part, in its local header (offset 14) and in the central directory (16).
    faux.writeUInt32LE((faux.readUInt32LE(14) ^ 1) >>> 0, 14);
    faux.writeUInt32LE((faux.readUInt32LE(central + 16) ^ 1) >>> 0, central + 16);
    await expect(JSZip.loadAsync(faux, { checkCRC32: true })).rejects.toThrow(/crc32/i);
  });

  test("en-têtes locaux et répertoire central concordent ; dates MS-DOS du 1er janvier 1980 ; fin d'archive exacte", () => {
    const archive = zipArchive(ENTREES);
    const fin = archive.length - 22;
    expect(archive.readUInt32LE(fin)).toBe(0x06054b50);
    expect(archive.readUInt16LE(fin + 8)).toBe(ENTREES.length);
    expect(archive.readUInt16LE(fin + 10)).toBe(ENTREES.length);
    const tailleRepertoire = archive.readUInt32LE(fin + 12);
    let central = archive.readUInt32LE(fin + 16);
    expect(central + tailleRepertoire).toBe(fin);
    for (const entree of ENTREES) {
      expect(archive.readUInt32LE(central)).toBe(0x02014b50);
      const local = archive.readUInt32LE(central + 42);
      expect(archive.readUInt32LE(local)).toBe(0x04034b50);
      // Method, time, date, CRC, sizes: the same in both records.
      expect(
        archive.subarray(local + 8, local + 26).equals(archive.subarray(central + 10, central + 28)),
      ).toBe(true);
      expect(archive.readUInt16LE(local + 8)).toBe(8);
      expect(archive.readUInt16LE(local + 10)).toBe(0);
      expect(archive.readUInt16LE(local + 12)).toBe((0 << 9) | (1 << 5) | 1);
      const nom = archive.toString("utf8", central + 46, central + 46 + archive.readUInt16LE(central + 28));
      expect(nom).toBe(entree.name);
      const donnees = typeof entree.data === "string" ? Buffer.from(entree.data, "utf8") : entree.data;
      expect(archive.readUInt32LE(central + 16)).toBe(crc32Table(donnees));
      expect(archive.readUInt32LE(central + 24)).toBe(donnees.length);
      const debut = local + 30 + nom.length;
      const compresse = archive.subarray(debut, debut + archive.readUInt32LE(central + 20));
      expect(zlib.inflateRawSync(compresse).equals(donnees)).toBe(true);
      central += 46 + nom.length;
    }
  });

  test("une partie compressée morceau par morceau (PartDeflater) : un seul flux deflate, relu comme les morceaux mis bout à bout", async () => {
    const texte = Buffer.from("<row>élève « 157 € » — 😀</row>".repeat(20_000), "utf8");
    const decoupages: Buffer[][] = [
      [],
      [Buffer.alloc(0)],
      [texte],
      // The last piece empty: the stream finished by an empty final block.
      [texte, Buffer.alloc(0)],
      [texte.subarray(0, 1), texte.subarray(1)],
      // Pieces as PartText makes them (~64 K), an empty one, and one byte.
      [texte.subarray(0, 65_536), Buffer.alloc(0), texte.subarray(65_536, 65_537), texte.subarray(65_537)],
      Array.from({ length: 40 }, (_, k) => octets(3_000 + k, k)),
    ];
    const entrees = decoupages.map((morceaux, i) => ({ name: `xl/part${i}.xml`, morceaux }));
    const archive = zipArchive(entrees.map(({ name, morceaux }) => ({ name, data: enMorceaux(morceaux) })));
    const lecteur = new ZipArchive(archive);
    const zip = await JSZip.loadAsync(archive, { checkCRC32: true });
    for (const { name, morceaux } of entrees) {
      const attendu = Buffer.concat(morceaux);
      expect(Buffer.from(await zip.file(name).async("uint8array")).equals(attendu)).toBe(true);
      expect(lecteur.text(name)).toBe(attendu.toString("utf8"));
    }
    // In one piece, the part is written as before: the same bytes as given whole.
    expect(
      zipArchive([{ name: "a.xml", data: enMorceaux([texte]) }]).equals(
        zipArchive([{ name: "a.xml", data: texte }]),
      ),
    ).toBe(true);
    // Pieces of ~64 Ko of sheet XML deflate within a few per cent of the whole (+1,4 % on the
    // constats of the bench's 100 000 rows).
    const feuille = Buffer.from(
      Array.from(
        { length: 30_000 },
        (_, k) =>
          `<row r="${k + 2}"><c r="A${k + 2}" t="s"><v>${k % 500}</v></c><c r="B${k + 2}"><v>${(k * 7919) % 100_000}</v></c></row>`,
      ).join(""),
    );
    const entier = zipArchive([{ name: "a.xml", data: feuille }]).length;
    const morceaux: Buffer[] = [];
    for (let debut = 0; debut < feuille.length; debut += 65_536)
      morceaux.push(feuille.subarray(debut, debut + 65_536));
    expect(zipArchive([{ name: "a.xml", data: enMorceaux(morceaux) }]).length).toBeLessThan(entier * 1.05);
  });

  test("un texte de partie encodé à mesure (PartText) : relu à l'identique, aucun caractère coupé entre deux morceaux", async () => {
    // Texts of every width in UTF-8 (1 to 4 bytes), a lone surrogate (3 bytes once encoded), empty
    // texts, and texts longer than a whole piece: whatever the order, a piece never cuts one.
    const textes: string[] = [];
    for (let k = 0; k < 30_000; k++) {
      textes.push(["<c>", "élève", "« 157 € »", "😀", "\ud800", "", "a".repeat(k % 97)][k % 7]);
      if (k % 10_000 === 5) textes.push("€".repeat(70_000), "x".repeat(200_000));
    }
    const entrees = [textes, [], [""], ["€".repeat(65_536)], ["z".repeat(65_536 * 3), "é"]].map(
      (morceaux, i) => {
        const part = new PartText();
        for (const texte of morceaux) part.add(texte);
        return {
          name: `xl/texte${i}.xml`,
          attendu: Buffer.from(morceaux.join(""), "utf8"),
          data: part.deflated(),
        };
      },
    );
    const archive = zipArchive(entrees.map(({ name, data }) => ({ name, data })));
    const zip = await JSZip.loadAsync(archive, { checkCRC32: true });
    for (const { name, attendu, data } of entrees) {
      expect(data.size).toBe(attendu.length);
      expect(Buffer.from(await zip.file(name).async("uint8array")).equals(attendu)).toBe(true);
    }
  });

  test("une archive sans partie n'est que sa fin d'archive", async () => {
    const archive = zipArchive([]);
    expect(archive).toHaveLength(22);
    expect(Object.keys((await JSZip.loadAsync(archive)).files)).toEqual([]);
  });
});
