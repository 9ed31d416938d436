/**
 * Local validation of manifest.xml (design.md §7): `office-addin-manifest validate` needs a Microsoft web
 * service, so `npm run validate` stays the online check and this test checks what can be checked here.
 */
import fs from "fs";
import path from "path";
import { allElements, child, childrenNamed, parseXml, type XmlElement } from "./xmlTree";

const ROOT = path.resolve(__dirname, "../..");
const DIST = path.join(ROOT, "dist");
const URL_DEV = "https://localhost:3000/";
const NS_OFFICEAPP = "http://schemas.microsoft.com/office/appforoffice/1.1";
const NS_OVERRIDES = "http://schemas.microsoft.com/office/taskpaneappversionoverrides";

const source = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
const manifest = parseXml(source);
const elements = allElements(manifest);

/** Resources: id → value, over bt:Images, bt:Urls, bt:ShortStrings and bt:LongStrings. */
function resources(root: XmlElement): Map<string, { kind: string; value: string }> {
  const found = new Map<string, { kind: string; value: string }>();
  const node = child(root, "VersionOverrides", "Resources");
  for (const group of node.children) {
    for (const item of group.children) {
      const id = item.attributes.id;
      if (found.has(id)) throw new Error(`ressource ${id} définie deux fois`);
      found.set(id, { kind: group.name, value: item.attributes.DefaultValue });
    }
  }
  return found;
}

/** Width and height read from a PNG's IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const bytes = fs.readFileSync(file);
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(bytes.toString("latin1", 12, 16)).toBe("IHDR");
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** Every URL the manifest declares: DefaultValue attributes holding one, and AppDomain texts. */
function urls(root: XmlElement): string[] {
  return allElements(root)
    .map((e) => e.attributes.DefaultValue ?? (e.name === "AppDomain" ? e.text : undefined))
    .filter((v): v is string => v !== undefined && /^[a-z]+:\/\//i.test(v));
}

const res = resources(manifest);
const resid = (id: string) => {
  const found = res.get(id);
  if (!found) throw new Error(`resid ${id} non défini`);
  return found.value;
};

describe("manifest.xml : structure", () => {
  test("XML bien formé : une application de volet Office pour le classeur Excel", () => {
    expect(manifest.name).toBe("OfficeApp");
    expect(manifest.uri).toBe(NS_OFFICEAPP);
    expect(manifest.attributes["xsi:type"]).toBe("TaskPaneApp");
    expect(child(manifest, "Id").text).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
    );
    expect(child(manifest, "Version").text).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(childrenNamed(child(manifest, "Hosts"), "Host").map((h) => h.attributes.Name)).toEqual([
      "Workbook",
    ]);
    expect(child(manifest, "Permissions").text).toBe("ReadWriteDocument");
    expect(() => parseXml(source.replace("</Hosts>", "</Host>"))).toThrow();
  });

  test("nom et description en français, dans les longueurs admises", () => {
    expect(child(manifest, "DefaultLocale").text).toBe("fr-FR");
    const nom = child(manifest, "DisplayName").attributes.DefaultValue;
    const description = child(manifest, "Description").attributes.DefaultValue;
    expect(nom).toMatch(/élèves/);
    expect(nom.length).toBeLessThanOrEqual(125);
    expect(description).toMatch(/Région Île-de-France/);
    expect(description.length).toBeLessThanOrEqual(250);
    for (const [id, { kind, value }] of res) {
      if (kind === "ShortStrings") expect([id, value.length <= 125]).toEqual([id, true]);
      if (kind === "LongStrings") expect([id, value.length <= 250]).toEqual([id, true]);
    }
  });

  test("exigences : SharedRuntime 1.1 et CustomFunctionsRuntime", () => {
    const sets = child(manifest, "Requirements", "Sets").children.map((s) => [
      s.attributes.Name,
      s.attributes.MinVersion,
    ]);
    expect(sets).toContainEqual(["SharedRuntime", "1.1"]);
    expect(sets.map(([name]) => name)).toContain("CustomFunctionsRuntime");
  });

  test("chaque resid référencé est défini, et chaque ressource sert", () => {
    const referenced = new Set(elements.map((e) => e.attributes.resid).filter((r): r is string => !!r));
    for (const id of referenced) expect([id, res.has(id)]).toEqual([id, true]);
    for (const id of res.keys()) expect([id, referenced.has(id)]).toEqual([id, true]);
  });
});

describe("manifest.xml : runtime partagé et fonctions personnalisées", () => {
  const overrides = child(manifest, "VersionOverrides");
  const host = child(overrides, "Hosts", "Host");
  const customFunctions = elements.find(
    (e) => e.name === "ExtensionPoint" && e.attributes["xsi:type"] === "CustomFunctions",
  )!;

  test("VersionOverrides 1.0 du volet, pour l'hôte Workbook", () => {
    expect(overrides.uri).toBe(NS_OVERRIDES);
    expect(overrides.attributes["xsi:type"]).toBe("VersionOverridesV1_0");
    expect(host.attributes["xsi:type"]).toBe("Workbook");
  });

  test("le runtime, la page des fonctions, le fichier de fonctions et le volet partagent Taskpane.Url", () => {
    const runtime = child(host, "Runtimes", "Runtime");
    expect(runtime.attributes).toMatchObject({ resid: "Taskpane.Url", lifetime: "long" });
    expect(child(customFunctions, "Page", "SourceLocation").attributes.resid).toBe("Taskpane.Url");
    expect(child(host, "DesktopFormFactor", "FunctionFile").attributes.resid).toBe("Taskpane.Url");
    const showTaskpane = elements.find(
      (e) => e.name === "Action" && e.attributes["xsi:type"] === "ShowTaskpane",
    )!;
    expect(child(showTaskpane, "SourceLocation").attributes.resid).toBe("Taskpane.Url");
    expect(resid("Taskpane.Url")).toBe(
      child(manifest, "DefaultSettings", "SourceLocation").attributes.DefaultValue,
    );
    expect(resid("Taskpane.Url")).toMatch(/\/taskpane\.html$/);
  });

  test("les fonctions : script functions.js, métadonnées functions.json, espace de noms ARE", () => {
    expect(resid(child(customFunctions, "Script", "SourceLocation").attributes.resid)).toMatch(
      /\/functions\.js$/,
    );
    expect(resid(child(customFunctions, "Metadata", "SourceLocation").attributes.resid)).toMatch(
      /\/functions\.json$/,
    );
    expect(resid(child(customFunctions, "Namespace").attributes.resid)).toBe("ARE");
  });

  test("un bouton de l'onglet Accueil ouvre le volet", () => {
    const surface = elements.find(
      (e) => e.name === "ExtensionPoint" && e.attributes["xsi:type"] === "PrimaryCommandSurface",
    )!;
    const tab = child(surface, "OfficeTab");
    expect(tab.attributes.id).toBe("TabHome");
    const button = child(tab, "Group", "Control");
    expect(button.attributes["xsi:type"]).toBe("Button");
    expect(child(button, "Action").attributes["xsi:type"]).toBe("ShowTaskpane");
  });
});

describe("manifest.xml : adresses et icônes", () => {
  test("toutes les adresses sont en https, sur le serveur de développement dans la source", () => {
    const all = urls(manifest);
    expect(all.length).toBeGreaterThan(8);
    for (const url of all) expect(url.startsWith(URL_DEV)).toBe(true);
  });

  test("les icônes existent dans assets/ aux tailles annoncées (16, 32, 64, 80, 128 px)", () => {
    for (const size of [16, 32, 64, 80, 128]) {
      expect(pngSize(path.join(ROOT, "assets", `icon-${size}.png`))).toEqual({ width: size, height: size });
    }
    const declared: [string, number][] = [
      [child(manifest, "IconUrl").attributes.DefaultValue, 32],
      [child(manifest, "HighResolutionIconUrl").attributes.DefaultValue, 64],
    ];
    for (const e of elements.filter((e) => e.name === "Image" && e.attributes.size)) {
      declared.push([resid(e.attributes.resid), Number(e.attributes.size)]);
    }
    for (const [url, size] of declared) {
      const file = path.join(ROOT, url.slice(URL_DEV.length));
      expect(pngSize(file)).toEqual({ width: size, height: size });
    }
  });
});

describe("manifest.xml de production (dist/, npm run build)", () => {
  const built = path.join(DIST, "manifest.xml");

  function productionManifest(): string {
    if (!fs.existsSync(built)) {
      throw new Error(
        "dist/manifest.xml introuvable : lancez « npm run build » (npm test construit avant jest).",
      );
    }
    const text = fs.readFileSync(built, "utf8");
    if (text.includes("localhost")) {
      throw new Error(
        "dist/manifest.xml contient encore « localhost » : dist/ vient d'un build de développement ou le remplacement a échoué ; lancez « npm run build ».",
      );
    }
    return text;
  }

  test("aucune adresse localhost ne reste ; toutes en https sur une seule adresse de production", () => {
    const production = parseXml(productionManifest());
    const all = urls(production);
    expect(all).toHaveLength(urls(manifest).length);
    const bases = new Set(all.map((url) => /^https:\/\/[^/]+\/(?:[^/]+\/)*?/.exec(url)?.[0]));
    expect(bases.size).toBe(1);
    expect([...bases][0]).toMatch(/^https:\/\//);
  });

  test("le manifeste de production ne diffère de la source que par l'adresse", () => {
    const text = productionManifest();
    const base = /<IconUrl DefaultValue="(https:\/\/.+?\/)assets\/icon-32\.png"/.exec(text)![1];
    expect(text).toBe(source.split(URL_DEV).join(base));
  });

  test("chaque fichier nommé par le manifeste est produit par le build, et l'aide des fonctions aussi", () => {
    productionManifest();
    for (const url of urls(manifest)) {
      const relative = url.slice(URL_DEV.length).replace(/#.*$/, "");
      expect([relative, fs.existsSync(path.join(DIST, relative))]).toEqual([relative, true]);
    }
    expect(fs.readFileSync(path.join(DIST, "functions.json"), "utf8")).not.toContain("localhost");
  });

  test("la page du volet charge Office.js, puis functions.js, puis taskpane.js (runtime partagé)", () => {
    const html = fs.readFileSync(path.join(DIST, "taskpane.html"), "utf8");
    const scripts = [...html.matchAll(/<script[^>]*\ssrc=["']?([^"'\s>]+)/g)].map((m) => m[1]);
    expect(scripts).toEqual([
      "https://appsforoffice.microsoft.com/lib/1/hosted/office.js",
      "functions.js",
      "taskpane.js",
    ]);
    // The task pane reuses the functions' modules (webpack dependOn) instead of bundling the rules again.
    expect(fs.readFileSync(path.join(DIST, "functions.js"), "utf8")).toContain("BOULANGER (CAP)");
    expect(fs.readFileSync(path.join(DIST, "taskpane.js"), "utf8")).not.toContain("BOULANGER (CAP)");
  });
});
