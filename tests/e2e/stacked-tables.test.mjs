// Issue 10, item 5: the analysis tables on a phone. Below 600 px each row
// is a card of "label: value" lines, the label the column's own header, so
// no column is squeezed into a tall, narrow strip (a capacity row was 656 px
// tall at 390 px) and no last column hides off-screen. Measured in the page.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { openMap, startSuite } from "./helpers.mjs";

let suite;
before(async () => { suite = await startSuite(); });
after(async () => { await suite.close(); });

// A cell of sentences (a claim's evidence with a second source's figure)
// may take a few lines; "about 120 px" in the issue, 150 px measured here.
const CELL_LIMIT = 150;

function tables(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll(".doc-table")].filter((t) => t.getClientRects().length).map((table) => {
      const heads = [...table.querySelectorAll("thead th")].map((th) => th.textContent.trim());
      const cells = [...table.querySelectorAll("tbody tr")].flatMap((tr) =>
        [...tr.children].filter((c) => c.getClientRects().length).map((cell) => ({
          column: [...tr.children].indexOf(cell),
          label: getComputedStyle(cell, "::before").content.replace(/^"|"$/g, ""),
          height: cell.getBoundingClientRect().height,
          text: cell.textContent.trim().slice(0, 50),
        })),
      );
      const wrap = table.closest(".table-wrap");
      return {
        caption: table.caption?.textContent.trim(),
        heads,
        headVisible: table.querySelector("thead").getBoundingClientRect().height > 1,
        cells,
        overflow: wrap.scrollWidth - wrap.clientWidth,
      };
    }),
  );
}

for (const panel of ["compare", "claims", "capacity", "structure"]) {
  test(`?panel=${panel} at 390 px: each row a card whose lines name their column, none scrolling sideways`, async () => {
    const { page, errors } = await openMap(suite, `?panel=${panel}`, { viewport: { width: 390, height: 900 } });
    await page.locator(".doc-table").first().waitFor();
    const shown = await tables(page);
    assert.ok(shown.length > 0);
    for (const table of shown) {
      assert.equal(table.headVisible, false, `${table.caption}: the header row gives way to labels`);
      assert.ok(table.cells.length > 0);
      for (const cell of table.cells) {
        assert.equal(cell.label, table.heads[cell.column], `${table.caption}: "${cell.text}" is labelled by its column`);
        assert.ok(cell.height <= CELL_LIMIT, `${table.caption}: "${cell.text}" (${cell.label}) is ${cell.height.toFixed(0)} px tall`);
      }
      assert.ok(table.overflow <= 1, `${table.caption} scrolls sideways by ${table.overflow} px`);
    }
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth - innerWidth), 0, "no horizontal page scroll");
    assert.deepEqual(errors, []);
    await page.close();
  });
}

test("at 800 px the analysis tables stay tables, their header row shown", async () => {
  const { page, errors } = await openMap(suite, "?panel=capacity", { viewport: { width: 800, height: 900 } });
  await page.locator(".doc-table").first().waitFor();
  const [first] = await tables(page);
  assert.equal(first.headVisible, true);
  assert.ok(first.cells.every((c) => c.label === "none" || c.label === ""), "no card labels");
  assert.deepEqual(errors, []);
  await page.close();
});
