// Shared set-up for the end-to-end tests: dist/ on a loopback port, one
// Chromium, and a page that records every console error.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { serveStatic } from "../tools/static-server.mjs";
import { launch } from "../tools/browser.mjs";

export const DIST = fileURLToPath(new URL("../../dist/", import.meta.url));

export async function startSuite() {
  const server = await serveStatic(DIST);
  const browser = await launch();
  return {
    server,
    browser,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/** Opens `query` and waits until the map says it is drawn. */
export async function openMap(suite, query = "", { viewport = { width: 1280, height: 900 } } = {}) {
  const page = await suite.browser.newPage({ viewport });
  const errors = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(error.message));
  await page.goto(`${suite.server.url}${query}`);
  await page.waitForSelector('[data-testid="flow-map"][data-state="ready"]', { timeout: 15000 });
  return { page, errors };
}

export async function drawnFlows(page) {
  const flows = await page.locator('[data-testid="flow"]').evaluateAll((paths) =>
    paths.map((p) => [p.dataset.to, Number(p.dataset.tonnes)]),
  );
  return flows.sort(([a], [b]) => a.localeCompare(b));
}

/** RFC 4180 CSV, enough for the dataset (quoted fields with commas and quotes). */
export function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") { row.push(field); field = ""; }
    else if (c === "\n") { row.push(field); rows.push(row); row = []; field = ""; }
    else if (c !== "\r") field += c;
  }
  if (field || row.length) { row.push(field); rows.push(row); }
  const [header, ...body] = rows;
  return body.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
}

/** The dataset as shipped in dist/, read by the test itself. */
export function shippedFacts() {
  return parseCsv(readFileSync(`${DIST}data/facts.csv`, "utf8"));
}

/** China's monthly magnet exports by destination, straight from the data file. */
export function magnetFlowsFromData(month) {
  return shippedFacts()
    .filter((f) => f.metric === "magnet_exports" && f.subject === "CHN" && f.partner && f.period === month)
    .map((f) => [f.partner, Number(f.value)])
    .sort(([a], [b]) => a.localeCompare(b));
}

/** A point on the rendered arc, in page pixels, for a real mouse hover. */
export async function pointOnFlow(page, to) {
  return page.locator(`[data-testid="flow"][data-to="${to}"]`).evaluate((path) => {
    // The ribbon's outline goes out along one edge and back along the
    // other; a quarter of the way round lies on the arc's body.
    const svg = path.ownerSVGElement;
    const a = path.getPointAtLength(path.getTotalLength() * 0.1);
    const b = path.getPointAtLength(path.getTotalLength() * 0.9);
    const point = svg.createSVGPoint();
    point.x = (a.x + b.x) / 2;
    point.y = (a.y + b.y) / 2;
    const screen = point.matrixTransform(path.getScreenCTM());
    return { x: screen.x, y: screen.y };
  });
}
