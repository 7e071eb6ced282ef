// End-to-end: the sources' own words arrive when a reader asks for them.
// The app is built without the 604 excerpts (23 KB of gzip); the first
// source a reader opens or points at reads them from the served data file.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { DIST, openMap, shippedFacts, startSuite } from "./helpers.mjs";
import { serveStatic } from "../tools/static-server.mjs";

let suite;
before(async () => { suite = await startSuite(); });
after(async () => { await suite.close(); });

// Read from the shipped file by the test, not from the app.
const US_AUGUST = shippedFacts().find((f) => f.id === "mag-chn-usa-2025-08");

/** Every request for the data file, with whether it asked for a range. */
function dataRequests(page) {
  const requests = [];
  page.on("request", (request) => {
    if (request.url().endsWith("data/facts.csv")) requests.push({ range: request.headers().range ?? null });
  });
  return requests;
}

test("a reader who only looks never downloads the excerpts; pointing at a source brings its words", async () => {
  const page = await suite.browser.newPage({ viewport: { width: 1280, height: 900 } });
  const requests = dataRequests(page);
  await page.goto(`${suite.server.url}?month=2025-08`);
  await page.waitForSelector('[data-testid="flow-map"][data-state="ready"]');
  await page.waitForLoadState("networkidle");
  // Stepping through months is looking, not opening a source.
  await page.getByTestId("timeline").focus();
  await page.keyboard.press("ArrowLeft");
  await page.keyboard.press("ArrowRight");
  await page.waitForTimeout(300);
  assert.deepEqual(requests.map((r) => r.range !== null), [true], "one range request: the data check");
  const link = page.locator(`[data-testid="data-table"] a.figure[data-fact="${US_AUGUST.id}"]`).first();
  const before = await link.getAttribute("title");
  assert.ok(!before.includes("“"), `no quote yet: ${before}`);
  assert.match(before, /Reuters/, "the citation is there from the start");
  await link.hover();
  await page.waitForFunction(
    (id) => document.querySelector(`[data-testid="data-table"] a.figure[data-fact="${id}"]`)?.title.includes("“"),
    US_AUGUST.id,
  );
  const after = await link.getAttribute("title");
  assert.ok(after.startsWith(before), "the citation stays first");
  assert.ok(after.includes(`“${US_AUGUST.excerpt}”`), after);
  assert.deepEqual(requests.map((r) => r.range !== null), [true, false], "then the whole file, once");
  // Other sources and a download use what was read.
  await page.locator('[data-testid="data-table"] a.figure:visible').nth(1).hover();
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download-csv").click()]);
  assert.ok(file.suggestedFilename().endsWith(".csv"));
  assert.deepEqual(requests.map((r) => r.range !== null), [true, false], "no second request");
  await page.close();
});

test("a flow's source says it is reading the words, then quotes them in their language", async () => {
  const page = await suite.browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors = [];
  page.on("pageerror", (error) => errors.push(error.message));
  // The whole file waits until the test lets it go.
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route("**/data/facts.csv", async (route) => {
    if (!route.request().headers().range) await held;
    await route.continue();
  });
  await page.goto(`${suite.server.url}?month=2025-08`);
  await page.waitForSelector('[data-testid="flow-map"][data-state="ready"]');
  await page.locator('[data-testid="flow"][data-to="USA"]').focus();
  const tooltip = page.getByTestId("flow-tooltip");
  const pending = tooltip.getByTestId("excerpt-pending");
  assert.match(await pending.innerText(), /Reading the source's words/);
  assert.equal(await pending.getAttribute("aria-busy"), "true");
  // The source link is there already: the words are a bonus, not a gate.
  assert.equal(await tooltip.getByTestId("source").getByRole("link").getAttribute("href"), US_AUGUST.source_url);
  release();
  const quote = tooltip.locator("blockquote.excerpt");
  assert.equal(await quote.innerText(), `“${US_AUGUST.excerpt}”`);
  assert.equal(await quote.getAttribute("lang"), "en");
  assert.equal(await pending.count(), 0);
  // The tooltip stayed open, on the same flow and month.
  assert.match(await tooltip.locator("h2").innerText(), /United States/);
  assert.equal(await page.getByTestId("flow-map").getAttribute("data-month"), "2025-08");
  assert.deepEqual(errors, []);
  await page.close();
});

test("a Korean page's words come in Korean, marked as Korean, in a country's facts", async () => {
  const { page } = await openMap(suite, "?country=KOR&lang=ko");
  const korean = page.getByTestId("country-panel").locator("blockquote.excerpt", { hasText: "희토류" }).first();
  assert.equal(await korean.getAttribute("lang"), "ko");
  const text = (await korean.textContent()).replace(/^“|”$/g, "");
  assert.ok(shippedFacts().some((f) => f.excerpt === text), "verbatim from the data file");
  await page.close();
});

test("where the served file is not the one the app was built from, the source says where its words are", async (t) => {
  // A newsroom's edit the data check refuses (older than the built-in data)
  // cannot lend its quotes to the built-in figures.
  const shipped = (await import("node:fs")).readFileSync(`${DIST}data/facts.csv`, "utf8");
  const older = shipped.split("\n").filter((line) => !/,2026-\d\d(-\d\d)?,http/.test(line)).join("\n");
  for (const body of [older, null]) {
    const server = await serveStatic(DIST, { overrides: { "data/facts.csv": body } });
    t.after(() => server.close());
    const page = await suite.browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await page.goto(`${server.url}?month=2025-08`);
    await page.waitForSelector('[data-testid="flow-map"][data-state="ready"]');
    await page.locator('[data-testid="flow"][data-to="USA"]').focus();
    const pending = page.getByTestId("flow-tooltip").getByTestId("excerpt-pending");
    await page.waitForFunction(() => document.querySelector('[data-testid="excerpt-pending"]')?.getAttribute("aria-busy") === "false");
    assert.match(await pending.innerText(), /could not be read here: the source link above opens the page/, body === null ? "absent" : "older");
    assert.equal(await page.getByTestId("flow-tooltip").locator("blockquote.excerpt").count(), 0, "no other file's words");
    assert.equal(await page.getByTestId("flow-tooltip").getByTestId("source").getByRole("link").getAttribute("href"), US_AUGUST.source_url);
    // The figures stay the built-in ones.
    assert.equal(await page.locator('[data-testid="flow"][data-to="USA"]').getAttribute("data-tonnes"), "590");
    assert.deepEqual(errors, []);
    await page.close();
  }
});

test("a newsroom's events file arriving after the words does not take them away", async (t) => {
  // The events file, one event shorter, is late: the reader has opened a
  // source and read its words before the timeline's events are replaced.
  const shipped = (await import("node:fs")).readFileSync(`${DIST}data/events.csv`, "utf8").trimEnd().split("\n");
  const fewer = shipped.slice(0, -1).join("\n") + "\n";
  const server = await serveStatic(DIST, { overrides: { "data/events.csv": fewer }, delays: { "data/events.csv": 2500 } });
  const page = await suite.browser.newPage({ viewport: { width: 1280, height: 900 } });
  // A failure must not leave the server holding the test run open.
  t.after(() => server.close());
  await page.goto(`${server.url}?month=2025-08`);
  await page.waitForSelector('[data-testid="flow-map"][data-state="ready"]');
  const before = await page.getByTestId("event").count();
  await page.locator('[data-testid="flow"][data-to="USA"]').focus();
  const quote = page.getByTestId("flow-tooltip").locator("blockquote.excerpt");
  assert.equal(await quote.innerText(), `“${US_AUGUST.excerpt}”`);
  assert.equal(await page.getByTestId("event").count(), before, "the words came first");
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid="event"]').length === n, before - 1);
  assert.equal(await quote.innerText(), `“${US_AUGUST.excerpt}”`, "the words stay");
  assert.equal(await page.getByTestId("excerpt-pending").count(), 0);
  await page.close();
});
