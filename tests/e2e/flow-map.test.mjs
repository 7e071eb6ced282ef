// End-to-end: the release build in Chromium, as a visitor uses it.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { DIST, drawnFlows, figuresInUse, magnetFlowsFromData, openMap, parseCsv, pointOnFlow, shippedFacts, startSuite, landingMonthFromData } from "./helpers.mjs";

// Computed from the shipped data file, not from the app.
const DEFAULT_MONTH = landingMonthFromData();

let suite;
before(async () => { suite = await startSuite(); });
after(async () => { await suite.close(); });

test("the page loads and draws August 2025's arcs with the tonnes of the data file", async () => {
  const { page, errors } = await openMap(suite, "?month=2025-08");
  const map = page.getByTestId("flow-map");
  assert.equal(await map.getAttribute("data-month"), "2025-08");
  assert.deepEqual(await drawnFlows(page), magnetFlowsFromData("2025-08"));
  assert.deepEqual(await drawnFlows(page), [["DEU", 1346], ["EU27", 2582], ["USA", 590]]);
  assert.equal(await page.locator(".land").count() > 150, true, "the basemap is drawn");
  assert.deepEqual(errors, []);
  await page.close();
});

test("the slider changes the month from the keyboard without adding history entries", async () => {
  const { page, errors } = await openMap(suite, "?month=2025-08");
  const before = await page.evaluate(() => history.length);
  await page.getByTestId("timeline").focus();
  await page.keyboard.press("ArrowRight");
  await page.waitForSelector('[data-testid="flow-map"][data-month="2025-09"]');
  assert.deepEqual(await drawnFlows(page), magnetFlowsFromData("2025-09"));
  await page.keyboard.press("ArrowRight");
  await page.waitForSelector('[data-testid="flow-map"][data-month="2025-10"]');
  assert.equal(new URL(page.url()).search, "?month=2025-10");
  assert.equal(await page.evaluate(() => history.length), before, "scrubbing replaces the entry");
  assert.deepEqual(errors, []);
  await page.close();
});

test("hovering an arc shows from, to, tonnes, both changes and the source link", async () => {
  const { page, errors } = await openMap(suite, "?month=2025-08");
  const { x, y } = await pointOnFlow(page, "USA");
  await page.mouse.move(x, y);
  const tooltip = page.getByTestId("flow-tooltip");
  await tooltip.waitFor();
  const text = await tooltip.innerText();
  assert.match(text, /China → United States/);
  assert.match(text, /August 2025/);
  assert.match(text, /590 t/);
  assert.match(text, /−4\.7%/, "computed from 590 / 619");
  assert.match(text, /−4\.8%.*differs/s, "the article's figure is shown as differing");
  assert.match(text, /Reuters/);
  const href = await tooltip.locator('[data-testid="source"] a').getAttribute("href");
  assert.match(href, /^https:\/\/.*newszop/);
  assert.deepEqual(errors, []);
  await page.close();
});

test("a deep link reproduces month, series and country panel", async () => {
  const { page, errors } = await openMap(suite, "?series=rare-earths&month=2025-06&country=MNG");
  assert.equal(await page.getByTestId("flow-map").getAttribute("data-month"), "2025-06");
  assert.equal(await page.getByTestId("series").inputValue(), "rare-earths");
  assert.match(await page.getByTestId("total").innerText(), /7,742\.2 t/);
  assert.match(await page.getByTestId("country-panel").innerText(), /Mongolia/);
  assert.equal(await page.getByTestId("country-select").inputValue(), "MNG");
  assert.deepEqual(errors, []);
  await page.close();
});

for (const [slug, metric] of [["rare-earths", "re_exports"], ["re-products", "re_products_exports"]]) {
  test(`?series=${slug} alone draws its latest total, though no source gives destinations`, async () => {
    // Before, this view stayed "loading" for good: the series has totals only.
    const { page, errors } = await openMap(suite, `?series=${slug}`);
    const totals = figuresInUse().filter((f) => f.metric === metric && f.subject === "CHN" && !f.partner && /^\d{4}-\d{2}$/.test(f.period));
    const latest = totals.reduce((a, b) => (a.period > b.period ? a : b));
    assert.equal(await page.getByTestId("flow-map").getAttribute("data-month"), latest.period);
    assert.match(await page.getByTestId("total").innerText(), new RegExp(Number(latest.value).toLocaleString("en-US").replace(".", "\\.") + " t"));
    assert.ok((await page.getByTestId("summary").innerText()).length > 40);
    assert.equal(await page.locator('[data-testid="flow"][data-reporter="CHN"]').count(), 0, "no destination is invented");
    assert.match(await page.getByTestId("totals-only").innerText(), /No source names this series' destinations/);
    assert.deepEqual(errors, []);
    await page.close();
  });
}

test("every series picked in the Series picker opens drawn: its month, headline, summary and chart", async () => {
  const { page, errors } = await openMap(suite, "");
  const options = await page.getByTestId("series").locator("option").evaluateAll((os) => os.map((o) => o.value));
  assert.equal(options.length, 3);
  for (const slug of [...options.slice(1), options[0]]) {
    await page.getByTestId("series").selectOption(slug);
    await page.waitForURL((url) => slug === "magnets" ? !url.search.includes("series=") : url.search.includes(`series=${slug}`));
    const map = page.locator('[data-testid="flow-map"][data-state="ready"]');
    await map.waitFor({ timeout: 5000 });
    const month = await map.getAttribute("data-month");
    assert.match(month, /^\d{4}-\d{2}$/, `${slug}: a month is shown`);
    assert.ok((await page.getByTestId("headline").innerText()).length > 20, `${slug}: a headline`);
    assert.ok((await page.getByTestId("summary").innerText()).length > 20, `${slug}: a summary`);
    const bars = await page.getByTestId("timeline-bar").evaluateAll((bs) => bs.filter((b) => b.dataset.state === "figure").length);
    assert.ok(bars > 0, `${slug}: the chart draws its monthly totals`);
  }
  assert.deepEqual(errors, []);
  await page.close();
});

test("Back and Forward step through the visitor's selections", async () => {
  const { page, errors } = await openMap(suite, "?month=2025-08");
  await page.getByTestId("step-forward").click();
  await page.waitForSelector('[data-month="2025-09"]');
  await page.getByTestId("country-select").selectOption("KOR");
  await page.getByTestId("country-panel").waitFor();
  await page.goBack();
  await page.getByTestId("country-panel").waitFor({ state: "detached" });
  assert.equal(await page.getByTestId("flow-map").getAttribute("data-month"), "2025-09");
  await page.goBack();
  await page.waitForSelector('[data-month="2025-08"]');
  await page.goForward();
  await page.waitForSelector('[data-month="2025-09"]');
  await page.goForward();
  await page.getByTestId("country-panel").waitFor();
  assert.equal(new URL(page.url()).search, "?month=2025-09&country=KOR");
  assert.deepEqual(errors, []);
  await page.close();
});

test("a bad parameter falls back to the default with a visible notice", async () => {
  const { page, errors } = await openMap(suite, "?month=2025-13&series=gold");
  const notices = await page.getByTestId("notice").allInnerTexts();
  assert.equal(notices.length, 2, notices.join(" | "));
  assert.ok(notices.some((n) => n.includes("2025-13")));
  assert.ok(notices.some((n) => n.includes("gold")));
  assert.equal(await page.getByTestId("flow-map").getAttribute("data-month"), DEFAULT_MONTH, "the latest month with three or more destinations");
  assert.deepEqual(await drawnFlows(page), magnetFlowsFromData(DEFAULT_MONTH));
  assert.deepEqual(errors, []);
  await page.close();
});

test("the default view says why it opens before the last month of totals, and a chosen month does not", async () => {
  const lastTotal = figuresInUse()
    .filter((f) => f.metric === "magnet_exports" && f.subject === "CHN" && !f.partner && /^\d{4}-\d{2}$/.test(f.period))
    .map((f) => f.period).sort().at(-1);
  assert.ok(lastTotal > DEFAULT_MONTH, "the data's totals run past the default month");
  const name = new Date(`${lastTotal}-01T00:00:00Z`).toLocaleString("en-US", { month: "long", year: "numeric", timeZone: "UTC" });
  const { page, errors } = await openMap(suite, "");
  assert.equal(await page.getByTestId("landing-note").innerText(),
    `The latest month with figures by destination; the totals run to ${name}.`);
  await page.getByTestId("step-back").click();
  await page.waitForSelector('[data-testid="flow-map"]:not([data-month="' + DEFAULT_MONTH + '"])');
  assert.equal(await page.getByTestId("landing-note").count(), 0, "the reader's own month needs no reason");
  assert.deepEqual(errors, []);
  await page.close();
});

test("a month with no data shows missing flows as dashed traces, never as zero", async () => {
  // June 2024: no magnet figure of any kind (SOURCES.md §7.6).
  const { page, errors } = await openMap(suite, "?month=2024-06");
  assert.equal(await page.getByTestId("flow").count(), 0);
  assert.ok((await page.getByTestId("flow-missing").count()) > 0);
  assert.match(await page.getByTestId("empty-month").innerText(), /No data for June 2024/);
  assert.deepEqual(errors, []);
  await page.close();
});

test("every event of the events file is on the timeline, linked to its fact's source", async () => {
  const { page } = await openMap(suite);
  const file = parseCsv(readFileSync(`${DIST}data/events.csv`, "utf8"));
  const urls = new Map(shippedFacts().map((f) => [f.id, f.source_url]));
  const shown = await page.getByTestId("event").evaluateAll((items) =>
    items.map((li) => [li.dataset.fact, li.querySelector("a").href, li.textContent]));
  assert.equal(shown.length, file.length);
  for (const event of file) {
    const item = shown.find(([fact]) => fact === event.fact);
    assert.ok(item, `${event.fact} is on the timeline`);
    assert.equal(item[1], new URL(urls.get(event.fact)).href, `${event.fact} links to its source`);
    assert.ok(item[2].includes(event.title_en), `${event.fact}: ${item[2]}`);
  }
  await page.close();
});

for (const lang of ["en", "ko", "mn"]) {
  test(`a first visit in ${lang} stays under the gzip budget, data check and catalogue included`, async () => {
    // Everything a first visit downloads, measured on the wire: the HTML, its
    // wasm, JS and CSS, the basemap, the data file check (a 1 KB range
    // request when the file is unchanged) and, in Korean or Mongolian, the
    // catalogue. Bodies are gzipped as a static host would serve them.
    const { gzipSync } = await import("node:zlib");
    const { BUDGET } = await import("../tools/budget.mjs");
    const page = await suite.browser.newPage();
    const bodies = [];
    page.on("requestfinished", (request) => bodies.push(request.response().then((r) => r.body()).catch(() => Buffer.alloc(0))));
    await page.goto(`${suite.server.url}?lang=${lang}`);
    await page.waitForSelector('[data-testid="flow-map"][data-state="ready"]');
    await page.waitForLoadState("networkidle");
    const sizes = (await Promise.all(bodies)).map((body) => gzipSync(body, { level: 9 }).length);
    const bytes = sizes.reduce((sum, size) => sum + size, 0);
    assert.ok(sizes.length >= 6, `${sizes.length} requests`);
    assert.ok(bytes < BUDGET, `a first visit in ${lang} is ${bytes} B gzip, over the ${BUDGET} B budget`);
    await page.close();
  });
}
