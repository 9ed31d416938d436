/**
 * `npm run preview` serves the built add-in with scripts/preview.js (the browser tests use the same
 * server): the preview page at /, the task pane, nothing outside dist/, GET and HEAD only.
 */
import { spawn, type ChildProcess } from "child_process";
import * as path from "path";

const SCRIPT = path.resolve(__dirname, "../../scripts/preview.js");

let serveur: ChildProcess;
let origine: string;

beforeAll(async () => {
  serveur = spawn(process.execPath, [SCRIPT, "0"], { stdio: ["ignore", "pipe", "pipe"] });
  origine = await new Promise<string>((resolve, reject) => {
    let sortie = "";
    serveur.stdout!.on("data", (morceau: Buffer) => {
      sortie += morceau.toString();
      const adresse = /http:\/\/127\.0\.0\.1:\d+/.exec(sortie);
      if (adresse) resolve(adresse[0]);
    });
    serveur.on("exit", (code) => reject(new Error(`preview.js arrêté (${code}) : ${sortie}`)));
  });
});

afterAll(() => {
  serveur.kill();
});

describe("npm run preview (scripts/preview.js)", () => {
  test("/ donne l'aperçu, /taskpane.html le volet, avec leur type", async () => {
    const accueil = await fetch(`${origine}/`);
    expect(accueil.status).toBe(200);
    expect(accueil.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(await accueil.text()).toContain("preview");
    const volet = await fetch(`${origine}/taskpane.html`);
    expect(volet.status).toBe(200);
    expect(await volet.text()).toContain("Content-Security-Policy");
  });

  test("rien hors de dist/, pas de liste de dossier, ni POST", async () => {
    expect((await fetch(`${origine}/..%2Fpackage.json`)).status).toBe(404);
    expect((await fetch(`${origine}/assets`)).status).toBe(404);
    expect((await fetch(`${origine}/taskpane.html`, { method: "POST" })).status).toBe(405);
    expect((await fetch(`${origine}/%E0%A4%A`)).status).toBe(400);
  });
});
