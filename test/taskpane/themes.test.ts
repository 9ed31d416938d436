/**
 * The pane ships Fluent's light and dark themes reduced to the tokens its styles use
 * (src/taskpane/themes.ts, written by scripts/themes-volet.js): same values as Fluent's, and no token
 * used without a value (its CSS variable would be undefined: text or border gone).
 */
import * as fs from "fs";
import { webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { themeClair, themeSombre } from "../../src/taskpane/themes";
import { themeRule } from "../../src/taskpane/components/ThemeRoot";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { contenu, jetonsUtilises, MODULE } = require("../../scripts/themes-volet.js");

describe("Thèmes du volet : ceux de Fluent, réduits aux jetons utilisés", () => {
  test("le module est exactement celui que le script écrit d'après les sources du volet", () => {
    expect(fs.readFileSync(MODULE, "utf8")).toBe(contenu());
  });

  test("chaque jeton utilisé a sa valeur de Fluent, en clair comme en sombre", () => {
    const noms: string[] = jetonsUtilises();
    expect(noms.length).toBeGreaterThan(50);
    expect(noms).toContain("colorNeutralForeground1");
    for (const nom of noms) {
      expect([nom, themeClair[nom]]).toEqual([nom, String(webLightTheme[nom as keyof typeof webLightTheme])]);
      expect([nom, themeSombre[nom]]).toEqual([nom, String(webDarkTheme[nom as keyof typeof webDarkTheme])]);
    }
    expect(Object.keys(themeClair).sort()).toEqual(noms);
  });

  test("la règle du thème définit chaque variable CSS", () => {
    expect(themeRule("t", themeSombre)).toContain(
      `--colorNeutralBackground1: ${webDarkTheme.colorNeutralBackground1};`,
    );
  });
});
