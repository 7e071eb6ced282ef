// Social cards and oEmbed (issue 12, items 2 and 3): what a messenger, a
// social site or a CMS reads off index.html, checked against what the app
// shows and against the data file.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { createServer } from "node:http";
import { PNG } from "pngjs";
import { DIST, landingMonthFromData, magnetFlowsFromData } from "./helpers.mjs";
import { serveStatic } from "../tools/static-server.mjs";
import { launch } from "../tools/browser.mjs";

const html = readFileSync(join(DIST, "index.html"), "utf8");
const meta = Object.fromEntries(
  [...html.matchAll(/<meta (?:property|name)="([^"]+)" content="([^"]*)">/g)].map(([, key, value]) => [
    key,
    value.replace(/&quot;/g, '"').replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&"),
  ]),
);

let server;
let browser;
before(async () => {
  server = await serveStatic(DIST);
  browser = await launch();
});
after(async () => {
  await browser.close();
  await server.close();
});

test("the card's words are the headline and the summary the app shows", async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(server.url);
  await page.waitForSelector('[data-testid="flow-map"][data-state="ready"]');
  const headline = (await page.locator('[data-testid="headline"]').textContent()).trim();
  const summary = (await page.locator('[data-testid="summary"]').textContent()).trim();
  const mapTitle = (await page.locator('[data-testid="flow-map"] > svg > title').textContent()).trim();
  await page.close();
  assert.equal(meta["og:title"], headline);
  assert.equal(meta["twitter:title"], headline);
  assert.equal(meta["og:description"], summary);
  assert.equal(meta["twitter:description"], summary);
  assert.equal(meta["twitter:card"], "summary_large_image");
  assert.equal(meta["og:image:alt"], `${mapTitle}. ${summary}`, "the alt text says what the picture shows");
  assert.equal(meta["twitter:image:alt"], meta["og:image:alt"]);
  assert.equal(meta["twitter:image"], meta["og:image"]);
});

test("the card is a 1200x630 picture of the landing month's map", () => {
  const file = new URL(meta["og:image"], "http://site.invalid/").pathname.split("/").pop();
  const png = PNG.sync.read(readFileSync(join(DIST, file)));
  assert.deepEqual([png.width, png.height], [1200, 630]);
  assert.deepEqual([meta["og:image:width"], meta["og:image:height"]], ["1200", "630"]);
  // Its arcs: the picture's orange (#d95f0e family), a visible amount of it.
  let orange = 0;
  let ink = 0;
  for (let i = 0; i < png.data.length; i += 4) {
    const [r, g, b] = png.data.subarray(i, i + 3);
    if (r > 180 && g > 60 && g < 140 && b < 60) orange++;
    if (Math.min(r, g, b) < 240) ink++;
  }
  const pixels = png.width * png.height;
  assert.ok(orange / pixels > 0.002, `arcs drawn: ${((100 * orange) / pixels).toFixed(2)}% orange pixels`);
  assert.ok(ink / pixels > 0.3, `a map, not a blank card: ${((100 * ink) / pixels).toFixed(1)}% of pixels not white`);
  // The landing month is what the card's words name.
  const month = new Date(`${landingMonthFromData()}-01T00:00:00Z`).toLocaleString("en-GB", { month: "long", year: "numeric", timeZone: "UTC" });
  assert.ok(meta["og:title"].includes(month), `${meta["og:title"]} names ${month}`);
});

// The oEmbed file needs the site's address; .ci/test builds with SITE_URL.
const site = process.env.SITE_URL;
test("oEmbed: the linked file's embed code reproduces the pinned view on another site", { skip: !site && "dist/ was built without SITE_URL" }, async () => {
  assert.ok(existsSync(join(DIST, "oembed.json")), "a build with SITE_URL writes oembed.json");
  const port = Number(new URL(site).port);
  const at = await serveStatic(DIST, { port });
  const link = /<link rel="alternate" type="application\/json\+oembed" href="([^"]+)"/.exec(html);
  assert.ok(link, "index.html links its oEmbed file");
  const oembed = await (await fetch(link[1])).json();
  assert.equal(oembed.version, "1.0");
  assert.equal(oembed.type, "rich");
  assert.equal(oembed.title, meta["og:title"]);
  const thumbnail = await fetch(oembed.thumbnail_url);
  assert.equal(thumbnail.status, 200, "the thumbnail is served at its absolute address");
  assert.equal(thumbnail.headers.get("content-type"), "image/png");
  assert.equal(meta["og:url"], site);

  // A CMS pastes `html` into an article on another origin.
  const article = createServer((_, response) => {
    response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    response.end(`<!doctype html><title>Article</title><p>Before the embed.</p>${oembed.html}<p>After.</p>`);
  });
  await new Promise((done) => article.listen(0, "127.0.0.1", done));
  const page = await browser.newPage({ viewport: { width: 900, height: 800 } });
  await page.goto(`http://127.0.0.1:${article.address().port}/`);
  const frame = page.frameLocator("iframe");
  await frame.locator('[data-testid="flow-map"][data-state="ready"]').waitFor({ timeout: 20000 });
  const landing = landingMonthFromData();
  assert.equal(await frame.locator('[data-testid="flow-map"]').getAttribute("data-month"), landing, "the pinned month");
  const flows = await frame.locator('[data-testid="flow"]').evaluateAll((paths) =>
    paths.map((p) => [p.dataset.to, Number(p.dataset.tonnes)]).sort(([a], [b]) => a.localeCompare(b)));
  assert.deepEqual(flows, magnetFlowsFromData(landing), "the data file's destinations and tonnes");
  await page.waitForFunction(() => document.querySelector("iframe").style.height !== "", null, { timeout: 10000 });
  const height = await page.locator("iframe").evaluate((f) => f.getBoundingClientRect().height);
  const content = await frame.locator("html").evaluate((root) => root.scrollHeight);
  assert.ok(Math.abs(height - content) <= 2, `the frame is sized to its content (${height} px for ${content} px)`);
  await page.close();
  await new Promise((done) => article.close(done));
  await at.close();
});
