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
  // The places named are Korea and its origins, not China's destinations.
  const labels = await page.locator(".flow-map .place text").evaluateAll((els) =>
    els.filter((e) => e.getBoundingClientRect().width > 0).map((e) => e.textContent).sort());
  assert.deepEqual(labels, ["China", "France", "Japan", "South Korea"]);
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

test("every fact of the file is a row of the facts table, linked to its page, and a figure not used names the one that is", async () => {
  const { page, errors } = await openMap(suite, "?panel=facts");
  await page.waitForSelector('[data-testid="facts"] [data-testid="fact-row"]');
  const rows = await page.locator('[data-testid="fact-row"]').evaluateAll((els) =>
    els.map((tr) => ({ id: tr.dataset.key, status: tr.dataset.status, href: tr.querySelector("td:nth-of-type(3) a.figure")?.href, standing: tr.querySelector("td:nth-of-type(4)").innerText })));
  const facts = shippedFacts();
  assert.equal(rows.length, facts.length);
  assert.deepEqual(rows.map((r) => r.id).sort(), facts.map((f) => f.id).sort());
  const byId = new Map(facts.map((f) => [f.id, f]));
  for (const row of rows) assert.equal(row.href, new URL(byId.get(row.id).source_url).href, row.id);
  const inUse = new Set(figuresInUse().map((f) => f.id));
  const notUsed = rows.filter((r) => r.status === "alternative");
  assert.deepEqual(notUsed.map((r) => r.id).sort(), facts.filter((f) => !inUse.has(f.id)).map((f) => f.id).sort());
  // Trading Economics' 353 t for the US in June 2025 names Kyodo's 352 t.
  const te = notUsed.find((r) => r.id === "mag-chn-usa-2025-06");
  assert.match(te.standing, /^Not used; the figure used is 352 t \(Kyodo/);
  assert.deepEqual(errors, []);
  await page.close();
});

test("a comparison across unit bases is refused with its reason; capacity that is not magnets is listed, not compared", async () => {
  const { page, errors } = await openMap(suite, "?compare=JPN,powder-alloy:JPN");
  const refusal = page.getByTestId("basis-refusal");
  await refusal.waitFor();
  assert.match(await refusal.innerText(), /^Not compared: tonnes of magnets against tonnes of magnets with NdFeB powders and alloys\. .*wider customs scope/);
  assert.equal(await page.locator('[data-testid="compare"] [data-testid="bar"]:visible').count(), 0, "no bar is drawn for a refused pair");
  // Back to a valid pair from the picker: the refusal goes, the bars come.
  await page.getByTestId("compare-b").selectOption("USA");
  await page.waitForURL(/compare=JPN%2CUSA|compare=JPN,USA/);
  await page.locator('[data-testid="compare"] [data-testid="bar"]').first().waitFor();
  assert.equal(await refusal.count(), 0);
  // The eu-us table sums June 2025, whose US figure is contested.
  await page.getByTestId("preset-eu-us").click();
  await page.waitForSelector('[data-testid="compare"] .table-note');
  assert.match(await page.locator('[data-testid="compare"] .table-note').first().innerText(), /Computed from contested figures/);
  await page.getByTestId("open-capacity").click();
  const silmet = page.locator('[data-testid="plant"][data-key="cap-sep-neo-silmet"]');
  await silmet.waitFor();
  assert.match(await silmet.innerText(), /Not compared: tonnes of rare-earth oxide \(REO\) against tonnes of magnets/);
  assert.doesNotMatch(await silmet.innerText(), /% of China's/);
  const narva = page.locator('[data-testid="plant"][data-key="cap-mag-neo-narva-ph1"]');
  assert.match(await narva.innerText(), /% of China's average monthly exports to/);
  assert.deepEqual(errors, []);
  await page.close();
});
