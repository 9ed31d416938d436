/**
 * The command line says a missing value from its structure (issue 14 §2): the core's constat, then the
 * options that supply each missing index — no regular expression over another module's sentence.
 */
import { Parametres, type ErreurParametreManquant, type ValeurManquante } from "../../src/rules";
import { messageValeurManquante } from "../../src/cli/options";
import { run } from "./run";

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

  test("une année lointaine (2100) : la première et la dernière option, et leur nombre, jamais 77 options", async () => {
    const r = await run(["forfait", "2100"]);
    // Decembers 2024 and 2025 in base 2015, 2025 to 2099 in base 2025: 2 + 75 = 77.
    expect(r.stdout).toContain(
      "il manque 77 indices, de l'IPC décembre 2024 (base 2015) à l'IPC décembre 2099 (base 2025)",
    );
    const d = await run(["dotations", "--annee", "2100", "x.xlsx"]);
    expect(d.code).toBe(2);
    expect(d.stderr).toContain(
      "En ligne de commande : --ipc 2024-12=<valeur> … --ipc 2099-12@2025=<valeur> (une option par indice, 77 en tout) --serie-ipc <identifiant INSEE> (indices INSEE de décembre)",
    );
    // Before: 77 options, one per December.
    expect(d.stderr.length).toBeLessThan(700);
  });
});
