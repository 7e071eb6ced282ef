// Issue 13: every address gives a drawn map or a clear message, and what a
// notice says is what the screen shows.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { openMap, startSuite } from "./helpers.mjs";

let suite;
before(async () => { suite = await startSuite(); });
after(async () => { await suite.close(); });

test("every series, panel and language view is drawn, with no console error", async () => {
  const blank = [];
  for (const series of ["magnets", "rare-earths", "re-products"]) {
    for (const panel of ["", "compare", "claims", "structure", "capacity", "facts"]) {
      for (const lang of ["en", "ko", "mn"]) {
        const query = `?series=${series}${panel && `&panel=${panel}`}&lang=${lang}`;
        const page = await suite.browser.newPage({ viewport: { width: 1024, height: 800 } });
        const errors = [];
        page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
        page.on("pageerror", (e) => errors.push(e.message));
        await page.goto(`${suite.server.url}${query}`);
        const drawn = await page.waitForSelector('[data-testid="flow-map"][data-state="ready"]', { timeout: 10000 }).then(() => true, () => false);
        const summary = drawn ? (await page.getByTestId("summary").innerText()).trim() : "";
        if (!drawn || summary.length < 20 || errors.length) blank.push([query, drawn, summary.slice(0, 40), errors]);
        await page.close();
      }
    }
  }
  assert.deepEqual(blank, []);
});

test("an unreadable pair opens EU vs US as its notice says; with another panel asked for, the notice says so", async () => {
  for (const query of ["?compare=USA@999", "?compare=,", "?compare=gold"]) {
    const { page, errors } = await openMap(suite, query);
    assert.match(await page.getByTestId("notice").innerText(), /showing EU vs US\./, query);
    await page.getByTestId("compare").waitFor();
    assert.equal(await page.getByTestId("preset-eu-us").getAttribute("aria-pressed"), "true", query);
    assert.equal(await page.getByTestId("compare-a").inputValue(), "EU27", query);
    assert.equal(await page.getByTestId("compare-b").inputValue(), "USA", query);
    assert.deepEqual(errors, []);
    await page.close();
  }
  const { page } = await openMap(suite, "?panel=claims&compare=USA@999");
  assert.match(await page.getByTestId("notice").innerText(), /no comparison is shown\./);
  await page.getByTestId("claims-check").waitFor();
  assert.equal(await page.getByTestId("compare").count(), 0);
  await page.close();
});

test("a pair the series names no side for is what the pickers show", async () => {
  // EU without Germany a year earlier, and Mongolia (no magnet figure at all).
  const { page } = await openMap(suite, "?compare=MNG,EU27-DEU@12");
  await page.getByTestId("compare").waitFor();
  assert.equal(await page.getByTestId("compare-a").inputValue(), "MNG");
  assert.equal(await page.getByTestId("compare-b").inputValue(), "EU27-DEU@12");
  assert.equal(await page.getByTestId("notice").count(), 0);
  await page.close();
});

test("a parameter thousands of characters long is echoed short and never widens the page", async () => {
  const long = "A".repeat(4000);
  for (const parameter of ["series", "month", "country", "compare", long.slice(0, 3000)]) {
    const { page } = await openMap(suite, `?${parameter}=${long}`, { viewport: { width: 390, height: 800 } });
    const notice = await page.getByTestId("notice").first().innerText();
    assert.ok(notice.length < 200, `${parameter.slice(0, 10)}: ${notice.length} characters`);
    assert.match(notice, /A{40}…/);
    const [scroll, inner] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
    assert.ok(scroll <= inner, `${parameter.slice(0, 10)}: page ${scroll} px wide in a ${inner} px window`);
    await page.close();
  }
});

test("a catalogue that does not arrive in time: the map is drawn in English at once, said in both languages, never mixed", async () => {
  const page = await suite.browser.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  // The Korean catalogue answers after 8 s, as a stalled host would.
  await page.route("**/i18n/ko.tsv", async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 8000));
    await route.continue().catch(() => {});
  });
  const start = Date.now();
  await page.goto(`${suite.server.url}?lang=ko&month=2025-08`);
  await page.waitForSelector('[data-testid="flow-map"][data-state="ready"]', { timeout: 7000 });
  assert.ok(Date.now() - start < 7000, "drawn before the catalogue arrives");
  const note = await page.getByTestId("lang-fallback").innerText();
  assert.match(note, /한국어 번역을 불러오지 못해/);
  assert.match(note, /showing English/);
  assert.equal(await page.evaluate(() => document.documentElement.lang), "en");
  // When the catalogue does arrive, nothing switches half-way.
  await page.waitForTimeout(8000 - (Date.now() - start) + 1000);
  assert.match(await page.getByTestId("summary").innerText(), /^In August 2025 China exported/);
  assert.equal(await page.evaluate(() => document.documentElement.lang), "en");
  assert.deepEqual(errors, []);
  await page.close();
  // In time, Korean and no such note.
  const { page: quick } = await openMap(suite, "?lang=ko&month=2025-08");
  assert.equal(await quick.getByTestId("lang-fallback").count(), 0);
  assert.equal(await quick.evaluate(() => document.documentElement.lang), "ko");
  await quick.close();
});

test("under a strict Content Security Policy the map is drawn with no violation", async (t) => {
  const { serveStatic } = await import("../tools/static-server.mjs");
  const { DIST } = await import("./helpers.mjs");
  // The header the README gives hosts (issue 12), word for word.
  const policy = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'self'";
  const strict = await serveStatic(DIST, { headers: { "content-security-policy": policy } });
  const page = await suite.browser.newPage({ viewport: { width: 1280, height: 900 } });
  t.after(() => strict.close());
  const problems = [];
  page.on("console", (m) => { if (m.type() === "error") problems.push(m.text()); });
  page.on("pageerror", (e) => problems.push(e.message));
  await page.addInitScript(() => {
    window.violations = [];
    document.addEventListener("securitypolicyviolation", (e) => window.violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`));
  });
  // A month with arcs, its tooltip (positioned by style), a table with bars
  // and a country panel with its chart.
  await page.goto(`${strict.url}?month=2025-08&panel=structure&country=KOR`);
  await page.waitForSelector('[data-testid="flow-map"][data-state="ready"]', { timeout: 15000 });
  await page.locator('[data-testid="flow"][data-to="USA"]').first().focus();
  await page.getByTestId("flow-tooltip").waitFor();
  const left = await page.getByTestId("flow-tooltip").evaluate((e) => e.style.left);
  assert.match(left, /%$/, "the tooltip is placed");
  const bar = await page.locator(".cell-bar").first().evaluate((e) => e.getBoundingClientRect().width);
  assert.ok(bar > 0, "table bars have their width");
  const scale = await page.locator('[data-testid="flow-map"] svg').first().evaluate((e) => e.style.getPropertyValue("--label"));
  assert.equal(Number(scale), 1, "the label scale of the whole map");
  const tallest = await page.getByTestId("history-bar").evaluateAll((bars) => Math.max(...bars.map((b) => b.querySelector(".bar-fill").getBoundingClientRect().height)));
  assert.ok(tallest > 20, "the country chart's bars have their heights");
  // The share dialog and its preview frame, and a PNG drawn through a blob.
  await page.getByTestId("share").click();
  await page.frameLocator('[data-testid="share-preview"] iframe').locator('[data-testid="flow-map"][data-state="ready"]').waitFor();
  await page.getByTestId("share-close").click();
  const download = page.waitForEvent("download");
  await page.getByTestId("download-png").click();
  await download;
  assert.deepEqual(await page.evaluate(() => window.violations), []);
  assert.deepEqual(problems, []);
  await page.close();
});

test("600 month steps with panels open grow wasm memory by less than 10%", async () => {
  // Before, each step added and removed arcs and traces in keyed lists, and
  // every removed row left a record behind: +16 to +20% over 600 steps.
  const page = await suite.browser.newPage();
  await page.addInitScript(() => addEventListener("TrunkApplicationStarted", (e) => { window.wasmMemory = e.detail.wasm.memory; }));
  await page.goto(`${suite.server.url}?month=2025-08&compare=eu-us&country=USA`);
  await page.waitForSelector('[data-testid="flow-map"][data-state="ready"]');
  const size = () => page.evaluate(() => window.wasmMemory.buffer.byteLength);
  await page.getByTestId("timeline").focus();
  const steps = async (n) => {
    for (let i = 0; i < n; i++) await page.keyboard.press(i % 2 ? "ArrowRight" : "ArrowLeft");
  };
  await steps(50);
  const before = await size();
  await steps(600);
  // Each step did change the month (August and July alternate).
  await page.waitForSelector('[data-testid="flow-map"][data-month="2025-08"]');
  const after = await size();
  assert.ok(after / before < 1.1, `${(before / 2 ** 20).toFixed(2)} → ${(after / 2 ** 20).toFixed(2)} MiB`);
  await page.close();
});
