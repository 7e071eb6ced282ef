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
