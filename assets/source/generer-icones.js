#!/usr/bin/env node
// Draws the add-in's PNG icons (16, 32, 64, 80 and 128 px) from icone.svg with the system Chromium,
// through playwright-core (already a dev dependency). Run it after changing the SVG:
//   node assets/source/generer-icones.js
// The PNGs are committed: the build only copies them, so it never needs a browser.
const fs = require("fs");
const path = require("path");
const { chromium } = require("playwright-core");

const SIZES = [16, 32, 64, 80, 128];
const here = __dirname;
const svg = fs.readFileSync(path.join(here, "icone.svg"), "utf8");

async function main() {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  try {
    const page = await browser.newPage();
    for (const size of SIZES) {
      await page.setViewportSize({ width: size, height: size });
      const sized = svg.replace("<svg ", `<svg width="${size}" height="${size}" `);
      await page.setContent(`<html><body style="margin:0;background:transparent">${sized}</body></html>`);
      const file = path.join(here, "..", `icon-${size}.png`);
      await page.screenshot({
        path: file,
        omitBackground: true,
        clip: { x: 0, y: 0, width: size, height: size },
      });
      console.log(`${path.relative(process.cwd(), file)} : ${size} × ${size}`);
    }
  } finally {
    await browser.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
