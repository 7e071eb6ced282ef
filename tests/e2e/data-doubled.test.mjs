// Issue 11: the whole file, conflicts shown, Korea's record and the
// Mongolia–Korea ties drawn from the data. Values are read from the shipped
// files by this test's own parser, never from the app.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { figuresInUse, openMap, shippedFacts, startSuite } from "./helpers.mjs";

let suite;
before(async () => { suite = await startSuite(); });
after(async () => { await suite.close(); });

test("the Korea view draws Korea-reported arcs into Seoul with the data's tonnes and shares", async () => {
  const { page, errors } = await openMap(suite, "?reporter=KOR&period=2012");
  await page.waitForSelector('[data-testid="flow"][data-reporter="KOR"]');
  const arcs = await page.locator('[data-testid="flow"][data-reporter="KOR"]').evaluateAll((els) =>
    els.filter((e) => e.getBoundingClientRect().width > 0).map((e) => [e.dataset.from, e.dataset.to, e.dataset.kind, Number(e.dataset.value)]));
  const facts = figuresInUse().filter((f) => f.subject === "KOR" && f.period === "2012");
  const tonnes = facts.filter((f) => f.metric === "re_imports" && f.partner && f.unit === "t");
  const shares = facts.filter((f) => f.metric === "import_share" && f.partner && !tonnes.some((t) => t.partner === f.partner));
  const expected = [
    ...tonnes.map((f) => [f.partner, "KOR", "tonnes", Number(f.value)]),
    ...shares.map((f) => [f.partner, "KOR", "share", Number(f.value)]),
  ].sort();
  assert.ok(expected.length >= 3, "China in tonnes, Japan and France as shares");
  assert.deepEqual(arcs.sort(), expected);
  // China's arcs are not drawn over Korea's record.
  assert.equal(await page.locator('[data-testid="flow"][data-reporter="CHN"]:visible').count(), 0);
  assert.equal(await page.getByTestId("flow-map").getAttribute("data-reporter"), "KOR");
  assert.match(await page.getByTestId("summary").innerText(), /as Korea Customs Service reports them/);
  // Another period from the panel, written to the address.
  await page.locator('[data-testid="korea-period"][data-period="2011"] button').click();
  await page.waitForURL(/period=2011/);
  assert.deepEqual(errors, []);
  await page.close();
});

test("a Korea period without data falls back with a notice and a drawn map", async () => {
  const { page } = await openMap(suite, "?reporter=KOR&period=1999");
  await page.waitForSelector('[data-testid="flow"][data-reporter="KOR"]');
  assert.match(await page.getByTestId("notice").innerText(), /Korea reports no rare-earth imports for “1999”/);
  await page.close();
});

test("the partnership layer draws one tie per Mongolia–Korea fact, each linked to its source", async () => {
  const { page, errors } = await openMap(suite, "?layer=ties");
  await page.waitForSelector('[data-testid="tie"]');
  const links = new Map(await page.locator('[data-testid="ties-list"] li').evaluateAll((items) =>
    items.map((li) => [li.dataset.fact, li.querySelector("a").href])));
  const ties = await page.getByTestId("tie").evaluateAll((els) =>
    els.map((e) => [e.dataset.fact, e.dataset.from, e.dataset.to]));
  for (const tie of ties) tie.push(links.get(tie[0]));
  const byId = new Map(shippedFacts().map((f) => [f.id, f]));
  for (const id of ["event-kor-mng-raremetals-centre-open", "mou-mng-erdenes-komir-2025", "mou-mng-erdenes-samsungcnt-2025", "deal-mng-kor-samsung-silver"]) {
    const tie = ties.find(([fact]) => fact === id);
    assert.ok(tie, `${id} is drawn`);
    assert.deepEqual(tie.slice(1, 3).sort(), ["KOR", "MNG"]);
    assert.equal(tie[3], new URL(byId.get(id).source_url).href);
  }
  for (const [fact] of ties) assert.notEqual(byId.get(fact).unit, "t", `${fact} is not tonnage`);
  assert.deepEqual(errors, []);
  await page.close();
});

test("a contested figure shows the other source's figure beside it and the rule that chose", async () => {
  // June 2025's total: Kyodo 3,187 t (grade B) over Trading Economics 3,188 t (grade C).
  const { page } = await openMap(suite, "?month=2025-06");
  const facts = shippedFacts().filter((f) => f.metric === "magnet_exports" && f.subject === "CHN" && !f.partner && f.period === "2025-06");
  assert.equal(facts.length, 2);
  const used = figuresInUse().find((f) => f.metric === "magnet_exports" && f.subject === "CHN" && !f.partner && f.period === "2025-06");
  const other = facts.find((f) => f.id !== used.id);
  const total = page.locator('[data-testid="total"] a.figure[data-conflict="true"]').first();
  assert.equal(await total.getAttribute("data-fact"), used.id);
  const also = page.locator('[data-testid="total"] [data-testid="also-reported"]').first();
  assert.match(await also.innerText(), new RegExp(`also reported: ${Number(other.value).toLocaleString("en-US")} t`));
  // Reads as one parenthesis: "(also reported: …; used: …)", no stray separator.
  assert.match(await also.innerText(), /^\s*\(also reported: [^;]+; used: the higher-graded source\)$/);
  await page.close();
});

test("the Korea and Mongolia panels lead with the partnership, and Mongolia's disputed reserves are a range", async () => {
  const { page } = await openMap(suite, "?country=MNG");
  const lead = page.getByTestId("partnership-lead");
  await lead.waitFor();
  assert.ok((await lead.locator('[data-testid="ties-list"] li').count()) >= 4);
  const range = page.getByTestId("reserve-range");
  const low = Number(await range.getAttribute("data-low"));
  const high = Number(await range.getAttribute("data-high"));
  const facts = figuresInUse().filter((f) => f.subject === "MNG" && f.unit === "t");
  assert.equal(low, Math.min(...facts.filter((f) => f.metric === "reserves").map((f) => Number(f.value))));
  assert.equal(high, Math.max(...facts.filter((f) => f.metric === "reserves_claimed").map((f) => Number(f.value))));
  await page.goto(`${suite.server.url}?country=KOR`);
  await page.getByTestId("reporter-korea").click();
  await page.waitForURL(/reporter=KOR/);
  await page.close();
});
