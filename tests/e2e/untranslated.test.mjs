// End-to-end: a Korean or Mongolian reader meets no English. Every panel,
// tooltip, notice and download is rendered in each language, and any run of
// three or more Latin-letter words fails the test, except in what is not
// ours to translate:
//   - the sources' own words: excerpts marked with their own `lang` (and,
//     in hover text, set in “quotes”), and titles of works, marked
//     `translate="no"` as a title is cited, not translated;
//   - addresses, codes and the data's machine-readable columns;
//   - proper names: the publications of the shipped sources.csv, and the
//     few company names below, which are written in Latin letters in Korean
//     and Mongolian press too.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { openMap, parseCsv, startSuite } from "./helpers.mjs";

let suite;
before(async () => { suite = await startSuite(); });
after(async () => { await suite.close(); });

const root = fileURLToPath(new URL("../../", import.meta.url));
const publications = parseCsv(readFileSync(`${root}public/data/sources.csv`, "utf8"))
  .flatMap((s) => [s.publisher, s.original, s.copy])
  .filter(Boolean);
const PROPER_NAMES = [
  ...publications,
  "Neo Performance Materials",
  "Lynas Rare Earths",
  "USA Rare Earth",
  "Less Common Metals",
  "Rare-Earth Flows",
  "Natural Earth",
  "Mineral Commodity Summaries",
].sort((a, b) => b.length - a.length);

// A word of Latin letters (with inner apostrophes, dots or hyphens); a run
// is three or more of them separated by spaces only.
const RUN = /[A-Za-z][A-Za-z'’.&-]*(?:[ \u00a0]+[A-Za-z][A-Za-z'’.&-]*){2,}/g;

/** The runs of English left in `text` once names and quotations are set aside. */
export function englishRuns(text) {
  // A quotation runs from its first opening mark to its last closing one,
  // since excerpts quote others in turn.
  let rest = text.replace(/“[\s\S]*”/g, " ").replace(/https?:\/\/\S+/g, " ");
  for (const name of PROPER_NAMES) rest = rest.split(name).join(" ");
  return rest.match(RUN) ?? [];
}

/** What a reader of the page meets: visible text and hover or spoken text, outside other-language parts. */
async function readerTexts(page) {
  return page.evaluate(() => {
    const lang = document.documentElement.lang;
    const ours = (el) => {
      const marked = el.closest("[lang]");
      return !marked || marked.getAttribute("lang") === lang;
    };
    const skip = (el) => !el || el.closest('script, style, noscript, [hidden], [translate="no"]') || !ours(el);
    const texts = [document.title];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const node = walker.currentNode;
      if (!skip(node.parentElement) && node.textContent.trim()) texts.push(node.textContent);
    }
    for (const el of document.body.querySelectorAll("[title], [aria-label], [alt], [placeholder], [aria-valuetext]")) {
      if (skip(el)) continue;
      for (const attribute of ["title", "aria-label", "alt", "placeholder", "aria-valuetext"]) {
        const value = el.getAttribute(attribute);
        if (value) texts.push(value);
      }
    }
    return texts;
  });
}

async function downloaded(page, testid, scope = page) {
  const [file] = await Promise.all([page.waitForEvent("download"), scope.getByTestId(testid).click()]);
  const chunks = [];
  for await (const chunk of await file.createReadStream()) chunks.push(chunk);
  return { name: file.suggestedFilename(), text: Buffer.concat(chunks).toString("utf8") };
}

// The views a reader opens first, every panel, the Korea view, and a
// notice for each kind of bad parameter.
// [screenshot name, address]: TRANSLATING.md points reviewers at the
// screenshots, written to target/screenshots/<lang>/.
const VIEWS = [
  ["map", "?month=2025-08"],
  ["country-kor", "?month=2025-08&country=KOR"],
  ["country-mng", "?month=2025-08&country=MNG"],
  ["country-chn", "?month=2025-08&country=CHN"],
  ["country-eu27", "?month=2025-08&country=EU27"],
  ["country-usa", "?month=2025-08&country=USA"],
  ["country-deu", "?month=2025-08&country=DEU"],
  ["country-jpn", "?month=2026-02&country=JPN"],
  ["panel-compare", "?month=2025-08&panel=compare"],
  ["compare-basis", "?month=2025-08&compare=JPN,powder-alloy:JPN"],
  ["panel-claims", "?month=2025-08&panel=claims"],
  ["panel-structure", "?month=2025-08&panel=structure&layer=ties"],
  ["panel-capacity", "?month=2025-08&panel=capacity"],
  ["panel-facts", "?panel=facts"],
  ["korea", "?reporter=KOR"],
  ["series-rare-earths", "?series=rare-earths"],
  ["series-products", "?series=rare-earth-products"],
  ["notices", "?month=1999-13&series=bogus&zoom=9&theme=neon&panel=nope&country=ZZZ&layer=x&compare=x&embed=7&period=x&reporter=x&extra=1"],
];

for (const lang of ["ko", "mn"]) {
  test(`lang=${lang}: no English in any panel, tooltip or notice`, async () => {
    const found = [];
    const shots = `${root}target/screenshots/${lang}`;
    mkdirSync(shots, { recursive: true });
    for (const [name, view] of VIEWS) {
      const { page, errors } = await openMap(suite, `${view}&lang=${lang}`);
      await page.screenshot({ path: `${shots}/${name}.png`, fullPage: true });
      // Tooltips: hover the first arc, then open the share dialog.
      const arc = page.locator('[data-testid="flow"]:not([hidden])').first();
      if (await arc.count()) await arc.focus();
      const texts = await readerTexts(page);
      await page.getByTestId("share").click();
      texts.push(...(await readerTexts(page)));
      if (name === "map") await page.screenshot({ path: `${shots}/share-dialog.png` });
      for (const text of texts) for (const run of englishRuns(text)) found.push(`${view}: “${run}” in “${text.slice(0, 160)}”`);
      assert.deepEqual(errors, [], view);
      await page.close();
    }
    assert.deepEqual([...new Set(found)], []);
  });

  test(`lang=${lang}: downloads read in the language, their file names say what they hold`, async () => {
    const found = [];
    const { page } = await openMap(suite, `?month=2025-08&lang=${lang}`);
    // The view CSV keeps its machine-readable header; its labels are the reader's.
    const view = await downloaded(page, "download-csv");
    assert.equal(view.name, "rare-earth-flows-magnets-2025-08.csv");
    for (const row of parseCsv(view.text)) {
      for (const [column, value] of Object.entries(row)) {
        if (["source_publisher", "source_url", "excerpt", "fact_id"].includes(column)) continue;
        for (const run of englishRuns(value)) found.push(`view CSV ${column}: “${run}”`);
      }
    }
    const svg = await downloaded(page, "download-svg");
    for (const [, text] of svg.text.matchAll(/<text[^>]*>([^<]*)<\/text>/g)) {
      for (const run of englishRuns(text)) found.push(`SVG: “${run}”`);
    }
    await page.close();
    const names = new Set();
    for (const panel of ["compare", "claims", "structure", "capacity", "facts"]) {
      const { page } = await openMap(suite, `?month=2025-08&panel=${panel}&lang=${lang}`);
      const tables = page.getByTestId(panel).locator(".table-wrap");
      for (let i = 0; i < (await tables.count()); i++) {
        const table = await downloaded(page, "table-csv", tables.nth(i));
        assert.match(table.name, /^rare-earth-flows-[a-z0-9-]+\.csv$/);
        assert.ok(!table.name.endsWith("-.csv"), `${panel}: ${table.name} names the table`);
        names.add(table.name);
        const rows = parseCsv(table.text);
        for (const header of Object.keys(rows[0] ?? {})) for (const run of englishRuns(header)) found.push(`${panel} CSV header: “${run}”`);
        for (const row of rows) {
          const cells = Object.entries(row).filter(([, v], index) => index < Object.keys(row).length - 1 && v);
          for (const [, value] of cells) for (const run of englishRuns(value)) found.push(`${panel} CSV: “${run}” in “${value.slice(0, 120)}”`);
        }
      }
      await page.close();
    }
    assert.ok(names.size >= 6, `every table has its own file name: ${[...names]}`);
    assert.deepEqual([...new Set(found)], []);
  });
}

test("the check finds English where there is some, and passes names and quotations", () => {
  assert.deepEqual(englishRuns("Rare metals sourced mainly from china: 16"), ["Rare metals sourced mainly from china"]);
  assert.deepEqual(englishRuns("2025년 8월 · undated source"), []);
  assert.deepEqual(englishRuns("수입 비중 — Import share gallium"), ["Import share gallium"]);
  assert.deepEqual(englishRuns("Kyodo News 경유 Gifu Shimbun: “China exported 352 tonnes”"), []);
  assert.deepEqual(englishRuns("Neo Performance Materials — Нарва"), []);
  assert.deepEqual(englishRuns("https://www.reuters.com/world/china/some-long-path"), []);
});
