// End-to-end: the analysis panels, each opened from its documented deep
// link, with every number checked against values this test computes from
// the shipped data file itself.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { openMap, shippedFacts, figuresInUse, startSuite } from "./helpers.mjs";

let suite;
before(async () => { suite = await startSuite(); });
after(async () => { await suite.close(); });

const facts = figuresInUse();
/** China's monthly magnet exports to `partner` ("" for the total), by month. */
function magnets(partner) {
  return new Map(
    facts
      .filter((f) => f.metric === "magnet_exports" && f.subject === "CHN" && f.partner === partner && /^\d{4}-\d{2}$/.test(f.period))
      .map((f) => [f.period, Number(f.value)]),
  );
}
const monthBefore = (month, n) => {
  const [y, m] = month.split("-").map(Number);
  const d = new Date(Date.UTC(y, m - 1 - n, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, "0")}`;
};
const tonnes = (text) => Number(text.replace(/[^\d.−-]/g, "").replace("−", "-"));

async function compareRows(page) {
  return page.locator('[data-testid="compare-row"]').evaluateAll((rows) =>
    rows.map((r) => ({ month: r.dataset.key, cells: [...r.children].map((c) => c.textContent.trim()) })),
  );
}

const presets = {
  "eu-us": { a: (m) => magnets("EU27").get(m), b: (m) => magnets("USA").get(m) },
  "kor-jpn": { a: (m) => magnets("KOR").get(m), b: (m) => magnets("JPN").get(m) },
  "deu-rest-eu": {
    a: (m) => magnets("DEU").get(m),
    b: (m) => (magnets("EU27").has(m) && magnets("DEU").has(m) ? magnets("EU27").get(m) - magnets("DEU").get(m) : undefined),
  },
  "year-earlier": { a: (m) => magnets("").get(m), b: (m) => magnets("").get(monthBefore(m, 12)) },
};

for (const [preset, side] of Object.entries(presets)) {
  test(`the ${preset} preset shows differences and ratios computed from the data`, async () => {
    const { page, errors } = await openMap(suite, `?month=2025-08&compare=${preset}`);
    await page.getByTestId("compare").waitFor();
    assert.equal(await page.getByTestId(`preset-${preset}`).getAttribute("aria-pressed"), "true");
    const rows = await compareRows(page);
    const compared = rows.filter((r) => side.a(r.month) !== undefined && side.b(r.month) !== undefined);
    assert.ok(compared.length >= 2, `${preset}: at least two months with both sides`);
    for (const { month, cells } of rows) {
      const [a, b] = [side.a(month), side.b(month)];
      if (a === undefined || b === undefined) {
        assert.equal(cells[3], "—", `${preset} ${month}: no difference without both sides`);
        continue;
      }
      assert.equal(tonnes(cells[3]), Math.round((a - b) * 1000) / 1000, `${preset} ${month} difference`);
      assert.equal(cells[4], `${Number((a / b).toFixed(2))}×`, `${preset} ${month} ratio`);
    }
    assert.deepEqual(errors, []);
    await page.close();
  });
}

test("the chart leaves gaps where a side has no figure and never draws a zero bar", async () => {
  const { page } = await openMap(suite, "?month=2025-08&compare=eu-us");
  const eu = magnets("EU27");
  const bars = await page.getByTestId("bar").evaluateAll((els) => els.map((e) => ({ month: e.dataset.month, value: Number(e.dataset.value) })));
  const gaps = await page.getByTestId("gap").evaluateAll((els) => els.map((e) => e.dataset.month));
  assert.ok(bars.every((b) => b.value > 0));
  assert.ok(!eu.has("2025-09") && gaps.includes("2025-09"), "September 2025 has no EU figure: a gap");
  assert.equal(bars.filter((b) => b.month === "2025-08").length, 2);
  assert.equal(bars.length, [...eu.keys()].length + [...magnets("USA").keys()].length);
  await page.close();
});

test("clicking a month in the chart moves the map there", async () => {
  const { page } = await openMap(suite, "?month=2025-08&compare=eu-us");
  await page.locator('[data-testid="bar"][data-month="2025-06"]').first().click();
  await page.waitForSelector('[data-testid="flow-map"][data-month="2025-06"]');
  assert.match(new URL(page.url()).search, /month=2025-06/);
  await page.close();
});

test("a bar answers Enter, and a short bar's whole column answers a tap", async () => {
  const { page } = await openMap(suite, "?month=2025-08&compare=eu-us");
  await page.locator('[data-testid="bar"][data-month="2025-05"]').first().focus();
  await page.keyboard.press("Enter");
  await page.waitForSelector('[data-testid="flow-map"][data-month="2025-05"]');
  // The shortest bar: a click well above it, in its column, still counts.
  const shortest = await page.getByTestId("bar").evaluateAll((bars) => {
    const bar = bars.reduce((a, b) => (a.getBoundingClientRect().height <= b.getBoundingClientRect().height ? a : b));
    const box = bar.getBoundingClientRect();
    return { month: bar.dataset.month, x: box.x + box.width / 2, y: box.y - 40, height: box.height };
  });
  assert.ok(shortest.height < 24, `the shortest bar is ${shortest.height}px tall`);
  await page.mouse.click(shortest.x, shortest.y);
  await page.waitForSelector(`[data-testid="flow-map"][data-month="${shortest.month}"]`);
  await page.close();
});

test("the claims check shows the article's −4.8% against the data's −4.7%", async () => {
  const { page, errors } = await openMap(suite, "?panel=claims");
  const claims = page.getByTestId("claim");
  assert.equal(await claims.count(), 12);
  const us = page.locator('[data-testid="claim"][data-key="art-mag-chn-usa-mom-2025-08"]');
  assert.equal(await us.getAttribute("data-status"), "differs");
  const text = await us.innerText();
  const computed = ((590 / 619 - 1) * 100).toFixed(1).replace("-", "−");
  assert.equal(computed, "−4.7");
  assert.match(text, /−4\.8%/);
  assert.match(text, new RegExp(`${computed}%: 590 t in August 2025 against 619 t in July 2025`));
  const statuses = await claims.evaluateAll((rows) => rows.map((r) => r.dataset.status));
  assert.ok(statuses.every((s) => ["matches", "differs", "unchecked"].includes(s)));
  assert.deepEqual(errors, []);
  await page.close();
});

test("the summary sentence states the month's total, change and shares", async () => {
  const { page } = await openMap(suite, "?month=2025-08");
  const total = magnets("").get("2025-08");
  const change = ((total / magnets("").get("2025-07") - 1) * 100).toFixed(1);
  // Shares always carry one decimal (issue 10): "42.0%", never "42%".
  const euShare = ((magnets("EU27").get("2025-08") / total) * 100).toFixed(1);
  const summary = await page.getByTestId("summary").innerText();
  assert.match(summary, /In August 2025 China exported 6,146 t of rare-earth magnets/);
  assert.ok(summary.includes(`${change}% more than in July 2025`), summary);
  assert.ok(summary.includes(`European Union 2,582 t (${euShare}%`), summary);
  assert.equal(await page.getByTestId("summary").getAttribute("aria-live"), "polite");
  await page.close();
});

test("the structure panel switches a proportional-symbol layer on the map", async () => {
  const { page, errors } = await openMap(suite, "?panel=structure");
  assert.equal(await page.locator(".symbol").count(), 0);
  await page.locator('[data-testid="layer"][data-layer="production"]').click();
  await page.waitForSelector(".symbol");
  const producers = facts.filter((f) => f.metric === "mine_production" && f.id.endsWith("-mcs2025") && f.period === "2024" && Number(f.value) > 0 && !["WLD", "OTHER"].includes(f.subject));
  assert.equal(await page.locator(".symbol").count(), producers.length);
  assert.match(new URL(page.url()).search, /layer=production/);
  assert.deepEqual(errors, []);
  await page.close();
});

test("capacity rows keep operating and planned plants apart", async () => {
  const { page } = await openMap(suite, "?panel=capacity&month=2026-03");
  const narva = page.locator('[data-testid="plant"][data-key="cap-mag-neo-narva-ph1"]');
  assert.equal(await narva.getAttribute("data-status"), "operating");
  const eu = [...magnets("EU27").values()];
  const share = ((2000 / 12 / (eu.reduce((a, b) => a + b, 0) / eu.length)) * 100).toFixed(1);
  assert.match(await narva.innerText(), new RegExp(`${share.replace(".", "\\.")}% of China's average monthly exports to European Union \\(${eu.length} months with data`));
  assert.ok((await page.locator('[data-testid="plant"][data-status="planned"]').count()) > 0);
  await page.close();
});
