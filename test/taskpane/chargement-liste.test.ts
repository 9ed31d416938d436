/**
 * Catalogue › « Charger la liste d'une rentrée »: the screen's logic, and the workflow it runs over a
 * sheet pasted at any place.
 */
import { CATALOGUES, Catalogues } from "../../src/rules";
import type { SheetData, Workbook } from "../../src/workbook/port";
import { verifierFeuilleListe } from "../../src/workflows";
import { anneesListe, messageEnregistree, referenceSaisie } from "../../src/taskpane/catalogue/chargement";
import { ENTETE_LISTE, grilleListe2025 } from "../rules/liste2025";

/** A workbook holding one sheet, read with its offsets. */
const classeur = (sheet: SheetData) => ({ readSheet: async () => sheet }) as unknown as Workbook;

const REFERENCE = { titre: "Liste 2025-2026", date: "2025-06-30", url: "" };

describe("Charger la liste d'une rentrée", () => {
  test("les rentrées proposées vont de 2023-2024 à celle qui suit l'année en cours", () => {
    expect(anneesListe(2025).map((o) => o.label)).toEqual([
      "2023-2024",
      "2024-2025",
      "2025-2026",
      "2026-2027",
    ]);
  });

  test("le titre de la source est obligatoire ; la date et l'adresse sont gardées telles que saisies", () => {
    expect(referenceSaisie("  ", "", "")).toMatchObject({ ok: false });
    expect(referenceSaisie(" Liste 2025 ", " 30/06/2025 ", "")).toEqual({
      ok: true,
      reference: { titre: "Liste 2025", date: "30/06/2025", url: "" },
    });
  });

  test("une liste collée en C5 : numéros de ligne et lettres de colonne de la feuille, écart avec 2023-2024", async () => {
    const sheet: SheetData = {
      name: "Liste 2025",
      values: [
        ENTETE_LISTE,
        ["PRE BAC", 5, 223, "50022137", "CAP", "BOULANGER (CAP)"],
        ...grilleListe2025().slice(3),
      ],
      rowOffset: 4,
      columnOffset: 2,
    };
    const { verification: v, constats } = await verifierFeuilleListe(classeur(sheet), sheet.name, {
      annee: 2025,
      reference: REFERENCE,
    });
    expect(v.ecart?.avant).toBe(CATALOGUES[0]);
    expect(constats[0]).toEqual({
      gravite: "erreur",
      code: "liste-specialite-differente",
      feuille: "Liste 2025",
      ligne: 6,
      colonne: "E",
      message: expect.stringContaining("Spécialité « 223 »"),
    });
    // The row in error is set aside; the same code further down is then the list's.
    expect(v.formations).toHaveLength(235);
    expect(messageEnregistree(v, Catalogues.embarques().avec(v.catalogue!))).toBe(
      "Liste 2025-2026 enregistrée dans le classeur : 235 formations. Les fonctions ARE, Contrôle, Dotations, Demande et Bilan l'utilisent pour 2025-2026 et les rentrées suivantes sans liste propre.",
    );
  });

  test("une liste rechargée pour la même rentrée est comparée à celle qu'elle remplace", async () => {
    const sheet: SheetData = { name: "L", values: grilleListe2025(), rowOffset: 0, columnOffset: 0 };
    const lire = async (annee: number, catalogues: Catalogues) =>
      (await verifierFeuilleListe(classeur(sheet), "L", { annee, reference: REFERENCE, catalogues }))
        .verification;
    const premiere = await lire(2025, Catalogues.embarques());
    const avec = Catalogues.embarques().avec(premiere.catalogue!);
    const seconde = await lire(2025, avec);
    expect(seconde.ecart?.avant).toBe(premiere.catalogue);
    expect(seconde.ecart?.ajoutees).toEqual([]);
    expect(messageEnregistree(await lire(2024, avec), avec)).toMatch(
      /l'utilisent pour 2024-2025 et jusqu'à la liste 2025-2026\.$/,
    );
  });
});
