// Issue 10: the words on the map as a reader sees them. Every arc carries
// its tonnes, and no tonnes label covers a city's name or another arc's
// tonnes, measured on the rendered text with the fonts the setup installs.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { figuresInUse, landingMonthFromData, magnetFlowsFromData, openMap, startSuite } from "./helpers.mjs";

let suite;
before(async () => { suite = await startSuite(); });
after(async () => { await suite.close(); });

/** Every visible text of the map with its rendered box, in CSS px. */
function mapTexts(page) {
  return page.locator('[data-testid="flow-map"] svg text').evaluateAll((texts) =>
    texts
      .filter((t) => t.getClientRects().length > 0 && t.textContent.trim() !== "" && !t.closest("[hidden]"))
      .map((t) => {
        const r = t.getBoundingClientRect();
        const label = t.closest('[data-testid="flow-label"]');
        return {
          text: t.textContent.trim(),
          kind: label ? "tonnes" : "name",
          to: label ? label.dataset.to : null,
          box: { left: r.left, top: r.top, right: r.right, bottom: r.bottom },
        };
      }),
  );
}

// Overlap beyond half a pixel: glyph boxes that merely touch do not count.
const overlap = (a, b) =>
  Math.min(a.right, b.right) - Math.max(a.left, b.left) > 0.5 &&
  Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 0.5;

for (const width of [1440, 768]) {
  for (const month of [landingMonthFromData(), "2025-08", "2025-10", "2025-06"]) {
    test(`${month} at ${width} px: each arc's tonnes are written on the map, clear of every name and of each other`, async () => {
      const { page, errors } = await openMap(suite, `?month=${month}`, { viewport: { width, height: 900 } });
      const texts = await mapTexts(page);
      const tonnes = texts.filter((t) => t.kind === "tonnes");
      // The figures of the data file, not of the app.
      const expected = magnetFlowsFromData(month);
      assert.deepEqual(
        tonnes.map((t) => [t.to, Number(t.text.replace(/[^0-9.]/g, ""))]).sort(([a], [b]) => a.localeCompare(b)),
        expected,
      );
      for (const label of tonnes) {
        for (const other of texts) {
          if (other === label) continue;
          assert.ok(!overlap(label.box, other.box), `${label.text} (${label.to}) covers "${other.text}": ${JSON.stringify([label.box, other.box])}`);
        }
      }
      assert.deepEqual(errors, []);
      await page.close();
    });
  }
}

test("a dash means only 'no figure': Germany inside the EU is a lighter solid arc, keyed in the legend", async () => {
  // August 2025: the EU's 2,582 t include Germany's 1,346 t (facts.csv).
  const { page, errors } = await openMap(suite, "?month=2025-08");
  const dash = (to) => page.locator(`[data-testid="flow"][data-to="${to}"]`).evaluate((p) => getComputedStyle(p).strokeDasharray);
  assert.equal(await dash("DEU"), "none");
  assert.equal(await dash("EU27"), "none");
  const key = page.getByTestId("legend-part");
  assert.equal(await key.isVisible(), true);
  assert.match(await key.innerText(), /part of the EU's figure/);
  // The one dashed mark is a month's missing destination.
  const dashed = await page.locator('[data-testid="flow-map"] svg path').evaluateAll((paths) =>
    paths.filter((p) => !p.closest("[hidden]") && !p.hidden && getComputedStyle(p).strokeDasharray !== "none").map((p) => p.dataset.testid));
  assert.ok(dashed.every((id) => id === "flow-missing"), JSON.stringify(dashed));
  assert.deepEqual(errors, []);
  await page.close();
});

test("the headline above the map states the month's total and its change, as the data file gives them", async () => {
  const total = (month) => {
    const fact = figuresInUse().find((f) => f.metric === "magnet_exports" && f.subject === "CHN" && !f.partner && f.period === month);
    return fact && Number(fact.value);
  };
  const before = (month) => {
    const [y, m] = month.split("-").map(Number);
    return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, "0")}`;
  };
  const name = (month) => new Date(`${month}-15T00:00:00Z`).toLocaleString("en-GB", { month: "long", year: "numeric", timeZone: "UTC" });
  for (const month of [landingMonthFromData(), "2025-08"]) {
    const change = (total(month) / total(before(month)) - 1) * 100;
    const expected = `China's exports of rare-earth magnets ${change >= 0 ? "rose" : "fell"} ${Math.abs(change).toFixed(1)}% in ${name(month)}, to ${total(month).toLocaleString("en")} t`;
    const { page, errors } = await openMap(suite, `?month=${month}`);
    await page.waitForFunction((text) => document.querySelector('[data-testid="headline"]')?.textContent === text, expected, { timeout: 3000 })
      .catch(async () => assert.equal(await page.getByTestId("headline").innerText(), expected));
    const [headline, map] = [await page.getByTestId("headline").boundingBox(), await page.getByTestId("flow-map").boundingBox()];
    assert.ok(headline.y + headline.height <= map.y + 1, "the headline sits above the map");
    assert.deepEqual(errors, []);
    await page.close();
  }
});

test("the table beside the map reads by tonnes, Germany under the EU figure it is part of", async () => {
  for (const month of [landingMonthFromData(), "2025-08"]) {
    // Expected from the data file: largest first; Germany right after the EU
    // in a month whose EU figure includes it.
    const flows = magnetFlowsFromData(month);
    const eu = flows.some(([to]) => to === "EU27");
    const whole = flows.filter(([to]) => !(eu && to === "DEU")).sort((a, b) => b[1] - a[1]);
    const expected = whole.flatMap((row) => (row[0] === "EU27" ? [row, flows.find(([to]) => to === "DEU")].filter(Boolean) : [row])).map(([, t]) => t);
    const { page, errors } = await openMap(suite, `?month=${month}`);
    const table = page.getByTestId("data-table");
    await table.waitFor();
    const shown = () => table.locator("tbody tr:not(.rest)").evaluateAll((rows) =>
      rows.filter((r) => !r.hidden).map((r) => Number(r.querySelector("td").textContent.replace(/[^0-9.]/g, ""))));
    let rows = await shown();
    for (let i = 0; i < 20 && JSON.stringify(rows) !== JSON.stringify(expected); i++) {
      await page.waitForTimeout(50);
      rows = await shown();
    }
    assert.deepEqual(rows, expected, month);
    assert.deepEqual(errors, []);
    await page.close();
  }
});
