/**
 * The command line says a missing value from its structure (issue 14 §2): the core's constat, then the
 * options that supply each missing index — no regular expression over another module's sentence.
 */
import { Parametres, type ErreurParametreManquant, type ValeurManquante } from "../../src/rules";
import { messageValeurManquante } from "../../src/cli/options";

describe("Valeur manquante en ligne de commande", () => {
  test("décembre 2024 et 2025 (base 2015) : les deux options --ipc, dans l'ordre des mois", () => {
    const manque: ValeurManquante = {
      parametre: "forfait.pre_bac",
      annee: 2026,
      manque: [
        { serie: "001763862", mois: "2025-12", base: 2015 },
        { serie: "001763862", mois: "2024-12", base: 2015 },
      ],
    };
    expect(messageValeurManquante(manque)).toBe(
      "Forfaits 2026-2027 non calculables : il manque IPC décembre 2024 (base 2015) et IPC décembre 2025 (base 2015).\n" +
        'En ligne de commande : --ipc 2024-12=<valeur> --ipc 2025-12=<valeur> (indices INSEE de décembre), ou les montants publiés avec --forfait "AAAA:PRE BAC=<montant>" (de même POST BAC et 3EME PREPA-METIERS).',
    );
  });

  test("base 2025 : l'option avec sa base et l'identifiant de la série à donner", () => {
    const p = Parametres.avec({
      ipc: [
        { mois: "2024-12", base: 2015, valeur: "119.92" },
        { mois: "2025-12", base: 2015, valeur: "121.00" },
      ],
    });
    expect.assertions(1);
    try {
      p.forfait("PRE_BAC", 2027);
    } catch (error) {
      expect(messageValeurManquante((error as ErreurParametreManquant).valeurManquante!)).toContain(
        "--ipc 2025-12@2025=<valeur> --ipc 2026-12@2025=<valeur> --serie-ipc <identifiant INSEE>",
      );
    }
  });
});
