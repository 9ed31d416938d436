/**
 * The pane's design tokens (src/taskpane/tokens.ts) are Fluent's, without Fluent's 467-entry object
 * on the page: the same CSS variable for every token, so the styles and both themes are unchanged.
 */
import { tokens as fluentTokens } from "@fluentui/react-components";
import { tokens, type Tokens } from "../../src/taskpane/tokens";

describe("Jetons de thème du volet", () => {
  test("chaque jeton de Fluent (hors z-index) a la même valeur : la variable CSS de son nom", () => {
    const names = Object.keys(fluentTokens).filter((name) => !name.startsWith("zIndex")) as (keyof Tokens)[];
    expect(names.length).toBeGreaterThan(400);
    for (const name of names) expect([name, tokens[name]]).toEqual([name, fluentTokens[name]]);
    expect(tokens.colorNeutralStroke2).toBe("var(--colorNeutralStroke2)");
  });
});
