/**
 * The yearly cycle of the seed on the in-memory workbook: dotation 2023-2024 (151 €, 54 €) → bilans
 * filled in by the establishments → reliquats → dotation 2024-2025 (157 €, 56 €) with the reliquats
 * deducted. Every expected figure is computed by hand below.
 */
import { Decimal, Parametres, texteDecimal } from "../../src/rules";
import { MemoryWorkbook } from "../../src/workbook/memory";
import {
  calculerDotations,
  ecrireDotations,
  ecrireModeleBilan,
  ecrireReliquats,
  preparerModeleBilan,
  reporterReliquats,
  type ResultatDotations,
} from "../../src/workflows";
import { copie } from "./classeur";
import { ACHATS_2023, EFFECTIFS_2023, EFFECTIFS_2024, ETABLISSEMENTS_2023 } from "./cycle";

const parametres = Parametres.embarques();
const euros = (d: Decimal) => texteDecimal(d);
const parUai = (r: ResultatDotations, uai: string) => r.etablissements.find((d) => d.uai === uai)!;

async function cycle() {
  const classeur = new MemoryWorkbook({
    "Effectifs 2023": copie(EFFECTIFS_2023),
    "Effectifs 2024": copie(EFFECTIFS_2024),
    "Établissements 2023": copie(ETABLISSEMENTS_2023),
  });
  const avant = copie(classeur.sheets.map((s) => s.values));

  // 1. Dotation 2023-2024.
  const dotations2023 = await calculerDotations(classeur, {
    feuillesEffectifs: ["Effectifs 2023"],
    feuilleEtablissements: "Établissements 2023",
    annee: 2023,
    parametres,
  });
  const { dotations: feuilleDotations } = await ecrireDotations(classeur, dotations2023);

  // 2. Each establishment's bilan, prepared then filled in.
  const bilans: string[] = [];
  for (const [uai, achats] of Object.entries(ACHATS_2023)) {
    const modele = await preparerModeleBilan(classeur, {
      uai,
      annee: 2023,
      feuillesEffectifs: ["Effectifs 2023"],
      feuilleDotations,
    });
    const feuille = await ecrireModeleBilan(classeur, modele);
    for (const row of classeur.sheet(feuille)!.values) {
      const saisie = achats[String(row[1])];
      if (saisie) [row[4], row[5], row[6]] = saisie;
    }
    bilans.push(feuille);
  }

  // 3. Reliquats into the establishments sheet of 2024-2025.
  const reliquats = await reporterReliquats(classeur, {
    feuillesBilans: bilans,
    feuilleEtablissements: "Établissements 2023",
    annee: 2023,
  });
  const feuilleEtablissements2024 = await ecrireReliquats(classeur, reliquats);

  // 4. Dotation 2024-2025 with those reliquats.
  const dotations2024 = await calculerDotations(classeur, {
    feuillesEffectifs: ["Effectifs 2024"],
    feuilleEtablissements: feuilleEtablissements2024,
    annee: 2024,
    parametres,
  });
  return { classeur, avant, dotations2023, bilans, reliquats, feuilleEtablissements2024, dotations2024 };
}

describe("Cycle de deux années scolaires : 2023-2024 puis 2024-2025", () => {
  test("dotation 2023-2024 : Arago 30 × 151 + 10 × 54 = 5 070,00 € pré-bac, 30 × 40 % = 12 boursiers × 151 = 1 812,00 € ; Bréguet 25 × 151 = 3 775,00 €", async () => {
    const { dotations2023 } = await cycle();
    const arago = parUai(dotations2023, "0750655E");
    expect(euros(arago.nette.preBac.valeur)).toBe("5070.00");
    expect(euros(arago.nette.postBac.valeur)).toBe("1812.00");
    expect(euros(parUai(dotations2023, "0750654D").nette.preBac.valeur)).toBe("3775.00");
  });

  test("bilans 2023-2024 : reliquats Arago 5 070 − 1 000 = 4 070,00 € et 1 812 − 1 500,25 = 311,75 € ; Bréguet 3 775 − 100 = 3 675,00 €", async () => {
    const { reliquats } = await cycle();
    expect(reliquats.anneeBilans).toBe(2023);
    expect(reliquats.anneeDotations).toBe(2024);
    // Only the reminder that the sheet's taux and survey answers are 2023-2024's (reliquats.valeurs-reprises).
    expect(reliquats.constats.map((c) => c.code)).toEqual(["valeurs-reprises"]);
    expect(
      reliquats.reliquats.map((r) => [r.uai, euros(r.reliquats.preBac!), euros(r.reliquats.postBac!)]),
    ).toEqual([
      ["0750654D", "3675.00", "0.00"],
      ["0750655E", "4070.00", "311.75"],
    ]);
  });

  test("la feuille des établissements 2024-2025 garde le taux et la réponse, remplace les reliquats", async () => {
    const { classeur, feuilleEtablissements2024 } = await cycle();
    expect(feuilleEtablissements2024).toBe("Établissements ARE 2024-2025");
    const sortie = classeur.sheet(feuilleEtablissements2024)!.output!;
    expect(sortie.columns.map((c) => c.header)).toEqual([
      "UAI",
      "Nom de l'établissement",
      "Taux de boursiers",
      "Reliquat pré-bac",
      "Reliquat post-bac",
      "Réponse à l'enquête",
      "Origine des reliquats",
    ]);
    expect(sortie.rows.map((row) => row.slice(0, 6))).toEqual([
      ["0750655E", "Lycée Arago", "40 %", 4070, 311.75, "oui"],
      ["0750654D", "Lycée Bréguet", null, 3675, 0, "oui"],
    ]);
    expect(String(sortie.rows[0][6])).toContain(
      "Reliquat post-bac reporté : 1\u202f812,00\u00a0€ − dépensé 1\u202f500,25\u00a0€ = 311,75\u00a0€",
    );
  });

  test("dotation 2024-2025 : Arago 5 270 − 4 070 = 1 200,00 € et 1 884 − 311,75 = 1 572,25 € ; Bréguet 3 140 < 3 675 → 0", async () => {
    const { dotations2024 } = await cycle();
    const arago = parUai(dotations2024, "0750655E");
    expect(euros(arago.enveloppes.preBac.valeur)).toBe("5270.00"); // 30 × 157 + 10 × 56
    expect(euros(arago.reliquats.preBac)).toBe("4070.00");
    expect(euros(arago.nette.preBac.valeur)).toBe("1200.00");
    expect(euros(arago.enveloppes.postBac.valeur)).toBe("1884.00"); // 12 × 157
    expect(euros(arago.nette.postBac.valeur)).toBe("1572.25");
    expect(euros(arago.nette.total.valeur)).toBe("2772.25");
    const breguet = parUai(dotations2024, "0750654D");
    expect(euros(breguet.enveloppes.preBac.valeur)).toBe("3140.00"); // 20 × 157
    expect(euros(breguet.nette.preBac.valeur)).toBe("0.00");
    expect(breguet.motifs.join(" ")).toContain("supérieur à la dotation calculée");
    expect(dotations2024.constats.filter((c) => c.gravite !== "info")).toEqual([]);
  });

  test("les feuilles de l'utilisateur ne sont jamais modifiées", async () => {
    const { classeur, avant } = await cycle();
    expect(classeur.sheets.slice(0, 3).map((s) => s.values)).toEqual(avant);
    expect(classeur.sheets.slice(0, 3).every((s) => !s.owned)).toBe(true);
  });
});
