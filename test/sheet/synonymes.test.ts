import { normaliserLibelle } from "../../src/rules";
import { SYNONYMES, champDeLEntete } from "../../src/sheet";

describe("Noms de colonnes", () => {
  test("aucun nom n'est donné à deux champs (le second l'emporterait en silence)", () => {
    const vus = new Map<string, string>();
    for (const [champ, noms] of Object.entries(SYNONYMES)) {
      for (const nom of noms) {
        const cle = normaliserLibelle(nom.replace(/%/g, " POURCENT "));
        expect([nom, vus.get(cle) ?? champ]).toEqual([nom, champ]);
        vus.set(cle, champ);
      }
    }
  });
  test("« % boursiers » est un taux, « Boursiers » un nombre", () => {
    expect(champDeLEntete("% boursiers")).toBe("tauxBoursiers");
    expect(champDeLEntete("Boursiers")).toBe("boursiers");
  });
  test("colonnes du bilan, de la demande et de la feuille des dotations", () => {
    expect(champDeLEntete("Effectif n-1 (référence)")).toBe("effectif");
    expect(champDeLEntete("Élèves aidés")).toBe("elevesAides");
    expect(champDeLEntete("Montant des achats")).toBe("montantAchats");
    expect(champDeLEntete("Type d'équipement")).toBe("typeEquipement");
    expect(champDeLEntete("Boursiers supplémentaires")).toBe("boursiersSupplementaires");
    expect(champDeLEntete("Élèves supplémentaires")).toBe("supplementaires");
    expect(champDeLEntete("Dotation nette pré-bac")).toBe("dotationPreBac");
    // The gross line of the dotations sheet is not what was received.
    expect(champDeLEntete("Dotation pré-bac")).toBeNull();
  });
});
