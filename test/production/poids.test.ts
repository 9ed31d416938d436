/**
 * design.md §8: the task-pane page ≤ 165 KB gzip, functions.js ≤ 60 KB gzip, weighed on the production
 * build that `npm test` makes before jest (scripts/bundle-size.js prints the figures; `npm run bench`
 * records them). A size is not a timing: it is the same on any machine, so it is checked here.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";

const racine = path.resolve(__dirname, "../..");

describe("Poids de production (dist/)", () => {
  test("la page du volet et functions.js tiennent dans leurs budgets gzip", () => {
    expect(fs.existsSync(path.join(racine, "dist", "taskpane.html"))).toBe(true);
    const pesee = spawnSync(process.execPath, [path.join(racine, "scripts", "bundle-size.js")], {
      encoding: "utf8",
    });
    expect(pesee.stderr).toBe("");
    expect(pesee.status).toBe(0);
    expect(pesee.stdout).toMatch(/page du volet .* gzip {2}\(budget 165\.0 Ko\)/);
    expect(pesee.stdout).toMatch(/functions\.js .* gzip {2}\(budget 60\.0 Ko\)/);
  });
});
