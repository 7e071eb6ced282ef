// The build-time first paint (issue 12, item 1): index.html carries the
// default view as the app draws it, a reader without JavaScript sees that
// real map, and the app takes it over without a jump or a flash of another
// view.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { DIST, landingMonthFromData, magnetFlowsFromData } from "./helpers.mjs";
import { serveStatic } from "../tools/static-server.mjs";
import { launch } from "../tools/browser.mjs";

let server;
let slowServer;
let browser;
before(async () => {
  server = await serveStatic(DIST);
  // The shapes come late, so the copy is on screen long enough to look at.
  slowServer = await serveStatic(DIST, { delays: { "geo/countries.tsv": 1500 } });
  browser = await launch();
});
after(async () => {
  await browser.close();
  await server.close();
  await slowServer.close();
});

/** What a reader reads off the view inside `scope`: arcs, headline, summary, totals. */
function readView(scope) {
  const root = document.querySelector(scope);
  const shown = (el) => el && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== "hidden";
  const text = (selector) => root.querySelector(selector)?.textContent.trim() ?? null;
  return {
    flows: [...root.querySelectorAll('[data-testid="flow"]')]
      .filter(shown)
      .map((p) => [p.dataset.to, Number(p.dataset.tonnes)])
      .sort(([a], [b]) => a.localeCompare(b)),
    labels: [...root.querySelectorAll('[data-testid="flow-map"] text')].filter(shown).map((t) => t.textContent.trim()).sort(),
    headline: shown(root.querySelector('[data-testid="headline"]')) ? text('[data-testid="headline"]') : null,
    summary: text('[data-testid="summary"]'),
    totals: [...root.querySelectorAll(".side table tr")].filter(shown).map((row) => row.textContent.trim()),
    dataLink: !!root.querySelector('a[href="data/facts.csv"]'),
  };
}

const monthLabel = (month) =>
  new Date(`${month}-01T00:00:00Z`).toLocaleString("en-GB", { month: "long", year: "numeric", timeZone: "UTC" });

test("index.html, read without JavaScript, shows the default view the app draws after start", async () => {
  const landing = landingMonthFromData();
  const expectedFlows = magnetFlowsFromData(landing);
  const noScript = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
  const still = await noScript.newPage();
  await still.goto(server.url);
  const copy = await still.evaluate(readView, "#first-paint");
  // The real map, with the data file's figures for the landing month.
  assert.deepEqual(copy.flows, expectedFlows, "the copy's arcs are the data file's destinations and tonnes");
  assert.ok(copy.headline.includes(monthLabel(landing)), `headline names ${monthLabel(landing)}: ${copy.headline}`);
  assert.ok(copy.dataLink, "the copy links the data file");
  for (const [to] of expectedFlows) {
    const box = await still.locator(`#first-paint [data-testid="flow"][data-to="${to}"]`).boundingBox();
    assert.ok(box && box.width > 2 && box.height > 2, `the ${to} arc is drawn without JavaScript`);
  }
  await noScript.close();

  const live = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await live.goto(server.url);
  await live.waitForSelector('[data-testid="flow-map"][data-state="ready"]');
  assert.equal(await live.locator("#first-paint").count(), 0, "the app has taken the copy over");
  const drawn = await live.evaluate(readView, "#app");
  assert.deepEqual(copy, drawn, "the copy reads exactly as the app draws the same view");
  await live.close();
});

test("the app takes the copy over in place: the copy paints first, nothing moves", async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.addInitScript(() => {
    window.__shifts = 0;
    window.__lcp = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__shifts += entry.value;
    }).observe({ type: "layout-shift", buffered: true });
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__lcp.push(entry.startTime);
    }).observe({ type: "largest-contentful-paint", buffered: true });
    new MutationObserver((_, observer) => {
      if (document.querySelector('[data-testid="flow-map"][data-state="ready"]')) {
        window.__readyAt = performance.now();
        observer.disconnect();
      }
    }).observe(document, { subtree: true, childList: true, attributes: true });
  });
  await page.goto(slowServer.url);
  // The wasm has started and laid the app out, unseen; the shapes are late.
  await page.waitForSelector("#app.taking-over .app", { state: "attached" });
  const copyBox = await page.locator('#first-paint [data-testid="headline"]').boundingBox();
  const copyMap = await page.locator('#first-paint [data-testid="flow-map"] > svg').boundingBox();
  assert.ok(await page.locator('#first-paint [data-testid="headline"]').isVisible(), "the copy is on screen while the app waits");
  assert.equal(await page.locator("#app").evaluate((el) => getComputedStyle(el).visibility), "hidden");
  await page.waitForSelector('[data-testid="flow-map"][data-state="ready"]');
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  const appBox = await page.locator('#app [data-testid="headline"]').boundingBox();
  const appMap = await page.locator('#app [data-testid="flow-map"] > svg').boundingBox();
  assert.deepEqual(appBox, copyBox, "the headline stays where the copy put it");
  assert.deepEqual(appMap, copyMap, "the map stays where the copy put it");
  const { shifts, lcp, readyAt } = await page.evaluate(() => ({ shifts: window.__shifts, lcp: window.__lcp, readyAt: window.__readyAt }));
  assert.equal(shifts, 0, "no layout shift");
  // The wasm does not share the link with the page before the copy is painted.
  const { fcp, late } = await page.evaluate(() => ({
    // When the frame was painted on the main thread (`paintTime`), not when
    // the compositor presented it (`startTime`), which can come later.
    fcp: (({ paintTime, startTime }) => paintTime ?? startTime)(performance.getEntriesByName("first-contentful-paint")[0]),
    late: performance.getEntriesByType("resource")
      .filter((r) => /_bg\.wasm$/.test(r.name))
      .map((r) => [r.name.split("/").pop(), r.startTime]),
  }));
  assert.equal(late.length, 1, `the wasm was fetched once: ${JSON.stringify(late)}`);
  for (const [name, start] of late) assert.ok(start >= fcp, `${name} requested at ${start} ms, after the first paint at ${fcp} ms`);
  assert.ok(lcp.length > 0, "a largest contentful paint was recorded");
  assert.ok(lcp.every((t) => t < readyAt), `the largest paint is the copy's, before the app was ready at ${readyAt} ms: ${lcp}`);
  await page.close();
});

test("behind the copy the app is built a part a task, and shown only whole", async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.addInitScript(() => {
    // Mutations of one task reach the observer in one call: a call is a task.
    const parts = {
      pickers: '[data-testid="series"]',
      totals: ".side table",
      timeline: '[data-testid="timeline"]',
      share: '[data-testid="share"]',
      credits: 'footer a[href="data/facts.csv"]',
      map: '[data-testid="flow-map"]',
    };
    window.__builtIn = {};
    let call = 0;
    new MutationObserver((_, observer) => {
      call += 1;
      const app = document.getElementById("app");
      if (!app) return;
      for (const [name, selector] of Object.entries(parts)) {
        if (!(name in window.__builtIn) && app.querySelector(selector)) window.__builtIn[name] = call;
      }
      if (!document.getElementById("first-paint") && !window.__atHandOver) {
        window.__atHandOver = Object.fromEntries(Object.entries(parts).map(([name, selector]) => [name, !!app.querySelector(selector)]));
        observer.disconnect();
      }
    }).observe(document, { subtree: true, childList: true });
  });
  await page.goto(slowServer.url);
  await page.waitForSelector('[data-testid="flow-map"][data-state="ready"]');
  const { builtIn, atHandOver } = await page.evaluate(() => ({ builtIn: window.__builtIn, atHandOver: window.__atHandOver }));
  // The reader never sees a part arrive late: the copy goes when all are there.
  for (const [name, present] of Object.entries(atHandOver)) assert.ok(present, `${name} is in the app when the copy goes`);
  // No single task builds the whole app (Lighthouse's blocking time).
  const tasks = new Set(Object.values(builtIn));
  assert.ok(tasks.size >= 4, `the parts were built in ${tasks.size} tasks: ${JSON.stringify(builtIn)}`);
  // The map last, so a map marked ready means a whole app.
  assert.equal(Math.max(...tasks), builtIn.map, `the map is built last: ${JSON.stringify(builtIn)}`);
  await page.close();
});

test("a reader who gets another view never sees the copy", async () => {
  const views = [
    { name: "another month", query: "?month=2025-08", locale: "en-US" },
    { name: "a Korean browser", query: "", locale: "ko-KR" },
    { name: "an embed", query: "?embed=1&theme=light", locale: "en-US" },
  ];
  for (const view of views) {
    const context = await browser.newContext({ locale: view.locale, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    // Every frame, from the first: was the copy on screen?
    await page.addInitScript(() => {
      window.__copySeen = false;
      const look = () => {
        const copy = document.getElementById("first-paint");
        if (copy && copy.getClientRects().length > 0) window.__copySeen = true;
        requestAnimationFrame(look);
      };
      requestAnimationFrame(look);
    });
    await page.goto(`${slowServer.url}${view.query}`);
    await page.waitForSelector('[data-testid="flow-map"][data-state="ready"]');
    assert.equal(await page.evaluate(() => window.__copySeen), false, `${view.name}: the copy of the default view was never drawn`);
    await context.close();
  }
});

test("the copy follows a dark system before the app arrives", async () => {
  const context = await browser.newContext({ colorScheme: "dark", viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(slowServer.url);
  await page.waitForSelector("#first-paint");
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  await page.waitForSelector('[data-testid="flow-map"][data-state="ready"]');
  assert.equal(await page.evaluate(() => getComputedStyle(document.body).backgroundColor), background, "the same background before and after the take-over");
  const [r, g, b] = background.match(/\d+/g).map(Number);
  assert.ok(r + g + b < 200, `a dark background: ${background}`);
  await context.close();
});

test("on a phone the copy has the bar list the app draws there", async () => {
  const landing = landingMonthFromData();
  const noScript = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
  const still = await noScript.newPage();
  await still.goto(server.url);
  const bars = await still.locator('#first-paint [data-testid="flow-bar"]').evaluateAll((rows) =>
    rows.filter((r) => r.getClientRects().length > 0).map((r) => r.dataset.to).sort());
  assert.deepEqual(bars, magnetFlowsFromData(landing).map(([to]) => to).sort(), "a bar per destination of the landing month");
  await noScript.close();
  const wide = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
  const desk = await wide.newPage();
  await desk.goto(server.url);
  assert.equal(await desk.locator('#first-paint [data-testid="flow-bars"]').isVisible(), false, "no bar list on a wide screen");
  await wide.close();
});

test("the copy's styles are in the style sheet, not inline", () => {
  const html = readFileSync(join(DIST, "index.html"), "utf8");
  const copy = html.slice(html.indexOf('<div id="first-paint">'));
  assert.ok(copy.length > 1000, "index.html holds the copy");
  assert.doesNotMatch(copy, /\sstyle="/, "no inline style attribute for a strict CSP to refuse");
  assert.doesNotMatch(copy, /<script/i, "no script in the copy");
});

test("without its shapes the app still takes over: at once when they fail, after a wait when they never come", async () => {
  const failing = await serveStatic(DIST, { overrides: { "geo/countries.tsv": null } });
  const hanging = await serveStatic(DIST, { delays: { "geo/countries.tsv": 60000 } });
  for (const [name, site, within] of [["failed", failing, 5000], ["never answered", hanging, 20000]]) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(site.url);
    await page.waitForSelector("#app .app", { state: "attached" });
    if (site === hanging) assert.equal(await page.locator("#first-paint").count(), 1, "the copy waits for the shapes a while");
    await page.waitForFunction(() => !document.getElementById("first-paint"), null, { timeout: within });
    assert.equal(await page.locator("#app").evaluate((el) => getComputedStyle(el).visibility), "visible", `${name}: the app is shown`);
    assert.ok(await page.locator('#app [data-testid="headline"]').isVisible(), `${name}: the app's headline is on screen`);
    await page.close();
  }
  await failing.close();
  await hanging.close();
});
