/**
 * Plain-text tables of the command line (src/cli/table.ts): columns as wide as their widest cell
 * counted in characters as a terminal shows them, whatever the UTF-16 units behind them.
 */
import { renderTable, width } from "../../src/cli/table";

describe("Tableaux en texte de la ligne de commande", () => {
  test("largeur : un caractère par lettre accentuée, €, « … », et par paire de substitution (emoji)", () => {
    expect(width("")).toBe(0);
    expect(width("Lycée")).toBe(5);
    expect(width("1 234,56 €")).toBe(10);
    expect(width("Pré-bac…")).toBe(8);
    // U+1F4B6 (one character, two UTF-16 units).
    expect(width("a\u{1F4B6}b")).toBe(3);
    // A lone half of a pair counts as one character, as the terminal shows a replacement.
    expect(width("a\uD83Db")).toBe(3);
    expect(width("a\uDCB6")).toBe(2);
    expect(width("\uD83D")).toBe(1);
  });

  test("colonnes alignées sur la plus large, nombres à droite, cellules trop longues coupées", () => {
    const lignes = renderTable(
      [{ header: "UAI" }, { header: "Nom", maxWidth: 8 }, { header: "Dotation", align: "right" }],
      [
        ["0750655E", "Lycée Étienne-Dolet", "1 234,00 €"],
        ["0771234A", "École", "56,00 €"],
      ],
      [["Total", "", "1 290,00 €"]],
    );
    expect(lignes).toEqual([
      "UAI       Nom         Dotation",
      "────────  ────────  ──────────",
      "0750655E  Lycée É…  1 234,00 €",
      "0771234A  École        56,00 €",
      "────────  ────────  ──────────",
      "Total               1 290,00 €",
    ]);
  });
});
