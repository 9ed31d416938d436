#!/usr/bin/env node
// Serves the built add-in (dist/) on 127.0.0.1 and prints the address of the browser preview: the task
// pane beside an in-memory workbook holding the examples, usable without Excel. No dependency: a tiny
// static server from Node's http module.
//   npm run preview            (builds, then serves on a free port)
//   node scripts/preview.js [port]
const fs = require("fs");
const http = require("http");
const path = require("path");
const { URL } = require("url");

const DIST = path.join(__dirname, "..", "dist");
const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  // The pane's stylesheet (griffel.css): sent with nosniff, Chromium applies it only as text/css.
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".xml": "application/xml; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
};

/** A static server over `root`: GET and HEAD only, nothing outside `root`, no directory listing. */
function createStaticServer(root = DIST) {
  return http.createServer((request, response) => {
    if (request.method !== "GET" && request.method !== "HEAD") {
      response.writeHead(405, { allow: "GET, HEAD" }).end();
      return;
    }
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(request.url ?? "/", "http://127.0.0.1").pathname);
    } catch {
      response.writeHead(400).end();
      return;
    }
    if (pathname === "/") pathname = "/preview.html";
    const file = path.join(root, pathname);
    if (!file.startsWith(root + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      response.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("Introuvable.");
      return;
    }
    response.writeHead(200, {
      "content-type": TYPES[path.extname(file)] ?? "application/octet-stream",
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    });
    if (request.method === "HEAD") response.end();
    else fs.createReadStream(file).pipe(response);
  });
}

module.exports = { createStaticServer, DIST };

if (require.main === module) {
  if (!fs.existsSync(path.join(DIST, "preview.html"))) {
    console.error(
      "dist/preview.html introuvable : lancez d'abord « npm run build » (npm run preview le fait).",
    );
    process.exit(1);
  }
  const port = Number(process.argv[2] ?? process.env.PORT ?? 0);
  const server = createStaticServer();
  server.listen(port, "127.0.0.1", () => {
    const { port: actual } = server.address();
    console.log(`Aperçu du complément ARE : http://127.0.0.1:${actual}/preview.html`);
    console.log("(le volet réel, sur un classeur d'exemple en mémoire ; Ctrl+C pour arrêter)");
  });
}
