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

/**
 * The facts that count, by the README's rule, implemented here from its
 * words: where two pages give one key (metric, subject, partner, period)
 * different figures, the higher grade wins (A before D, an ungraded page
 * last), then the publisher's own or a wire agency's text over a re-report,
 * then the earlier publication (an undated page last), then file order.
 */
export function figuresInUse() {
  const sources = new Map(parseCsv(readFileSync(`${DIST}data/sources.csv`, "utf8")).map((s) => [s.publisher, s]));
  const wires = ["Reuters", "Bloomberg", "South China Morning Post", "Kyodo News", "AFP", "TASS", "Central News Agency (CNA)", "Reuters / Nikkei"];
  const rank = (f, index) => {
    const s = sources.get(f.source_publisher);
    const grade = s ? "ABCD".indexOf(s.grade) : 4;
    const secondary = s && s.copy !== "" && !wires.includes(s.original) ? 1 : 0;
    return [grade, secondary, f.source_date === "" ? 1 : 0, f.source_date, index];
  };
  const compare = (a, b) => {
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
    return 0;
  };
  const best = new Map();
  shippedFacts().forEach((f, index) => {
    const key = [f.metric, f.subject, f.partner, f.period].join("|");
    const held = best.get(key);
    if (!held || compare(rank(f, index), held.rank) < 0) best.set(key, { fact: f, rank: rank(f, index) });
  });
  return [...best.values()].map((b) => b.fact);
}

/**
 * The month the map opens on, read from the shipped file as a reader would
 * pick it: the latest month whose magnet exports name three or more
 * destinations (issue 10: a month with one arc is a barren first view).
 */
export function landingMonthFromData() {
  const facts = figuresInUse();
  const destinations = new Map();
  for (const f of facts) {
    if (f.metric !== "magnet_exports" || f.subject !== "CHN" || !f.partner || !/^\d{4}-\d{2}$/.test(f.period)) continue;
    destinations.set(f.period, new Set([...(destinations.get(f.period) || []), f.partner]));
  }
  return [...destinations].filter(([, partners]) => partners.size >= 3).map(([month]) => month).sort().at(-1);
}

/** China's monthly magnet exports by destination, straight from the data file. */
export function magnetFlowsFromData(month) {
  return figuresInUse()
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

/**
 * In `page`: the share of the pixels of the picture at `pictureSrc` that
 * differ from `svgText` drawn at the picture's size on white (a summed RGB
 * difference over 96 counts; anti-aliased edges stay under it), and both sizes.
 */
export function pictureDiffersFromSvg(page, pictureSrc, svgText) {
  return page.evaluate(async ([src, svg]) => {
    const decode = async (source) => { const image = new Image(); image.src = source; await image.decode(); return image; };
    const picture = await decode(src);
    const drawing = await decode(URL.createObjectURL(new Blob([svg], { type: "image/svg+xml" })));
    const pixels = (image) => {
      const canvas = Object.assign(document.createElement("canvas"), { width: picture.width, height: picture.height });
      const context = canvas.getContext("2d");
      context.fillStyle = "#fff";
      context.fillRect(0, 0, canvas.width, canvas.height);
      context.drawImage(image, 0, 0, canvas.width, canvas.height);
      return context.getImageData(0, 0, canvas.width, canvas.height).data;
    };
    const [a, b] = [pixels(picture), pixels(drawing)];
    let differing = 0;
    for (let i = 0; i < a.length; i += 4) {
      if (Math.abs(a[i] - b[i]) + Math.abs(a[i + 1] - b[i + 1]) + Math.abs(a[i + 2] - b[i + 2]) > 96) differing++;
    }
    return { share: differing / (a.length / 4), width: picture.width, svgWidth: drawing.width };
  }, [pictureSrc, svgText]);
}
