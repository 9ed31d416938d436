/**
 * The Excel requirement set the manifest asks for covers what the add-in calls (docs/excel-adapter.md):
 * the drop-down lists of the bilan template are data validation, ExcelApi 1.8.
 */
import fs from "fs";
import path from "path";
import { child, parseXml } from "./xmlTree";

const ROOT = path.resolve(__dirname, "../..");
const manifest = parseXml(fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8"));

describe("manifest.xml : ensembles d'API Excel", () => {
  test("ExcelApi 1.8, que demandent les listes déroulantes (validation de données) du modèle de bilan", () => {
    const sets = child(manifest, "Requirements", "Sets").children.map((s) => [
      s.attributes.Name,
      s.attributes.MinVersion,
    ]);
    expect(sets).toContainEqual(["ExcelApi", "1.8"]);
    // The adapter does use data validation for the lists (src/excel/writing.ts).
    const writing = fs.readFileSync(path.join(ROOT, "src/excel/writing.ts"), "utf8");
    expect(writing).toMatch(/dataValidation/);
  });
});
