/**
 * The functions judge by the list the user loaded for a rentrée (issue 14 §1): they read the shared
 * runtime's lists store, the very instance the task pane saves into. Runs the TypeScript source.
 */
import { installCustomFunctionsGlobal } from "./customFunctionsStandIn";
import { listesStore } from "../../src/addin/runtime";
import { categorie, libelle, motif } from "../../src/functions/functions";
import { CATALOGUES, verifierListe } from "../../src/rules";
import { grilleListe2025 } from "../rules/liste2025";

installCustomFunctionsGlobal();

const liste2025 = verifierListe(grilleListe2025(), {
  annee: 2025,
  reference: { titre: "Liste 2025-2026 (test)", url: "", date: "2025-06-30" },
  precedente: CATALOGUES[0],
}).catalogue!;

afterEach(() => listesStore.retirer(2025));

describe("Liste chargée pour une rentrée", () => {
  test("sans liste chargée, 2025-2026 est jugé par la liste 2023-2024, et le motif le dit", () => {
    expect(motif([["50022137"]], 2025)).toEqual([
      ["Éligible PRE BAC : BOULANGER (CAP), liste indicative 2023-2024 utilisée pour 2025-2026."],
    ]);
  });

  test("la liste 2025-2026 chargée sert en 2025-2026 ; 2023-2024 garde la sienne", async () => {
    await listesStore.enregistrer(liste2025);
    expect(motif([["50022146"], ["50022139"]], 2025)).toEqual([
      ["Éligible PRE BAC : CUISINE (CAP), liste indicative 2025-2026."],
      [expect.stringMatching(/; hors liste indicative 2025-2026 : à vérifier\.$/)],
    ]);
    expect(motif([["50022146"]], 2023)).toEqual([
      [
        "Éligible PRE BAC : CUISINE (CAP), successeur de 50022139 CUISINE (CAP), liste 2023-2024 : à vérifier.",
      ],
    ]);
    // A DN MADE mention the NSF rule alone would exclude is in the 2025-2026 list: POST BAC.
    expect(categorie([["24132601"]], 2025)).toEqual([["POST BAC"]]);
    expect(libelle("50022146")).toBe("CUISINE (CAP)");
  });
});
