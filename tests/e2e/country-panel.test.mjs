// Issue 10, item 8: a country's panel answers "how much, when, and what
// else do we know", and never ends on "no figure" without a way on.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startSuite, openMap, figuresInUse } from "./helpers.mjs";

let suite;
before(async () => { suite = await startSuite(); });
after(async () => { await suite.close(); });

/** China's monthly magnet exports to `code`, month → tonnes, from the data file. */
function monthlyTo(code) {
  return new Map(figuresInUse()
    .filter((f) => f.metric === "magnet_exports" && f.subject === "CHN" && f.partner === code && /^\d{4}-\d{2}$/.test(f.period))
    .map((f) => [f.period, Number(f.value)]));
}

test("Korea's panel in a month without its figure offers the nearest months and moves the map there", async () => {
  const korea = monthlyTo("KOR");
  const months = [...korea.keys()].sort();
  // A month after Korea's last figure that the map can show.
  const { page, errors } = await openMap(suite, "?country=KOR&month=2026-03");
  const panel = page.getByTestId("country-panel");
  assert.match(await panel.getByTestId("no-flow").innerText(), /No figure for South Korea in March 2026/);
  const offers = await panel.getByTestId("nearest-month").evaluateAll((buttons) => buttons.map((b) => [b.dataset.month, b.innerText]));
  const before = months.filter((m) => m < "2026-03").at(-1);
  assert.equal(offers[0][0], before, "the latest month before with a figure");
  assert.match(offers[0][1], new RegExp(`${korea.get(before).toLocaleString("en-US")} t`));
  await panel.getByTestId("nearest-month").first().click();
  await page.waitForSelector(`[data-testid="flow-map"][data-month="${before}"]`);
  assert.equal(new URL(page.url()).searchParams.get("month"), before);
  // The month it moved to has Korea's arc, with the file's tonnes.
  assert.equal(Number(await page.locator('[data-testid="flow"][data-to="KOR"]').getAttribute("data-tonnes")), korea.get(before));
  assert.equal(await panel.getByTestId("nearest-months").count(), 0, "a month with a figure needs no offer");
  assert.deepEqual(errors, []);
  await page.close();
});

test("a country's chart has a bar for every bar of the timeline, hollow where the file has no figure", async () => {
  const { page, errors } = await openMap(suite, "?country=KOR&month=2025-10");
  const korea = monthlyTo("KOR");
  const timeline = await page.getByTestId("timeline-bar").evaluateAll((bars) => bars.map((b) => b.dataset.month));
  const bars = await page.getByTestId("history-bar").evaluateAll((bars) =>
    bars.map((b) => ({ month: b.dataset.month, state: b.dataset.state, shown: b.classList.contains("shown"), height: b.querySelector(".bar-fill").getBoundingClientRect().height })));
  assert.deepEqual(bars.map((b) => b.month), timeline);
  for (const bar of bars) {
    assert.equal(bar.state, korea.has(bar.month) ? "figure" : "missing", bar.month);
  }
  assert.deepEqual(bars.filter((b) => b.shown).map((b) => b.month), ["2025-10"]);
  // Heights follow the tonnes: the largest month is the tallest bar.
  const drawn = bars.filter((b) => b.state === "figure");
  const largest = [...korea].sort(([, a], [, b]) => b - a)[0][0];
  assert.equal(drawn.sort((a, b) => b.height - a.height)[0].month, largest);
  // The latest figure, as the file has it, and a link that shows it.
  const latest = [...korea.keys()].sort().at(-1);
  const line = page.getByTestId("country-latest");
  assert.match(await line.innerText(), new RegExp(`${korea.get(latest).toLocaleString("en-US")} t`));
  await line.getByTestId("show-latest").click();
  await page.waitForSelector(`[data-testid="flow-map"][data-month="${latest}"]`);
  assert.equal(await line.getByTestId("show-latest").isVisible(), false, "the month shown needs no link to itself");
  assert.deepEqual(errors, []);
  await page.close();
});

test("a panel leads with three to five facts in words, the rest one click away, none shown twice", async () => {
  for (const code of ["KOR", "MNG", "USA", "CHN"]) {
    const { page, errors } = await openMap(suite, `?country=${code}`);
    const panel = page.getByTestId("country-panel");
    const lead = panel.getByTestId("key-facts").locator(":scope > li.fact");
    const count = await lead.count();
    assert.ok(count >= 3 && count <= 5, `${code}: ${count} leading facts`);
    const texts = await lead.evaluateAll((items) => items.map((li) => li.querySelector(".metric").innerText));
    assert.ok(texts.every((t) => !/_/.test(t)), `${code}: metric names in words: ${texts}`);
    const all = panel.getByTestId("all-facts");
    assert.equal(await all.evaluate((d) => d.open), false, "the rest is behind a click");
    const more = await all.locator("li.fact").count();
    assert.match(await all.locator(":scope > summary").innerText(), new RegExp(String(more)));
    const ids = await panel.locator("li.fact").evaluateAll((items) => items.map((li) => li.dataset.fact));
    assert.equal(new Set(ids).size, ids.length, `${code}: a fact appears once`);
    await all.locator(":scope > summary").click();
    assert.ok(await all.locator("li.fact").first().isVisible());
    assert.deepEqual(errors, []);
    await page.close();
  }
});

test("a country the series never names says so instead of drawing an empty chart", async () => {
  const { page } = await openMap(suite, "?country=FRA");
  const panel = page.getByTestId("country-panel");
  assert.equal(await panel.getByTestId("history-bar").count(), 0);
  assert.match(await panel.getByTestId("no-history").innerText(), /No month of this series has a figure for France/);
  await page.close();
});
