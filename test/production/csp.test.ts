/**
 * The Content-Security-Policy of the built pages (issue 7, docs/security.md): scripts only from the
 * add-in's origin and Office.js's CDN, never eval nor inline script, no plugin, no other origin to
 * connect to. The browser tests check that nothing violates it; this checks what it allows.
 */
import * as fs from "fs";
import * as path from "path";

const DIST = path.resolve(__dirname, "../../dist");
const OFFICE_CDN = "https://appsforoffice.microsoft.com";

/** The policy of a page's <meta http-equiv>, as directive → sources. */
function politique(page: string): Map<string, string[]> {
  const html = fs.readFileSync(path.join(DIST, page), "utf8");
  const meta = /<meta\s+http-equiv="?Content-Security-Policy"?\s+content="([^"]*)"/i.exec(html);
  expect(meta).not.toBeNull();
  return new Map(
    meta![1]
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0] !== "")
      .map(([nom, ...sources]) => [nom, sources]),
  );
}

describe("Politique de sécurité du contenu des pages construites", () => {
  test("taskpane.html : scripts du complément et d'Office.js seulement, ni eval ni script en ligne", () => {
    const csp = politique("taskpane.html");
    expect(csp.get("default-src")).toEqual(["'self'"]);
    expect(csp.get("script-src")).toEqual(["'self'", OFFICE_CDN]);
    expect(csp.get("object-src")).toEqual(["'none'"]);
    expect(csp.get("base-uri")).toEqual(["'self'"]);
    for (const directive of ["connect-src", "frame-src"])
      expect(csp.get(directive)).toEqual(["'self'", OFFICE_CDN]);
    const toutes = [...csp.values()].flat();
    expect(toutes).not.toContain("'unsafe-eval'");
    expect(toutes).not.toContain("*");
    // The pane's stylesheet is same-origin; the theme's rule needs inline styles (taskpane.html says
    // why); scripts never.
    expect(csp.get("style-src")).toContain("'self'");
    expect(csp.get("script-src")).not.toContain("'unsafe-inline'");
  });

  test("taskpane.html ne charge aucun script en ligne ni d'une autre origine", () => {
    const html = fs.readFileSync(path.join(DIST, "taskpane.html"), "utf8");
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    expect(scripts.length).toBeGreaterThan(1);
    for (const [, attributs, contenu] of scripts) {
      expect(contenu.trim()).toBe("");
      const src = /\ssrc="?([^"\s>]+)/.exec(attributs)?.[1] ?? "";
      expect(src.startsWith(`${OFFICE_CDN}/`) || !/^[a-z]+:/i.test(src)).toBe(true);
    }
  });
});
