// End-to-end: what a newsroom takes away and puts back. Downloads, the share
// and embed dialog, updating the data file without a rebuild, and readers
// without JavaScript.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { DIST, drawnFlows, magnetFlowsFromData, openMap, parseCsv, pictureDiffersFromSvg, startSuite, landingMonthFromData } from "./helpers.mjs";
import { serveStatic } from "../tools/static-server.mjs";

// Computed from the shipped data file, not from the app.
const DEFAULT_MONTH = landingMonthFromData();
const monthBefore = (month) => {
  const [year, number] = month.split("-").map(Number);
  return number === 1 ? `${year - 1}-12` : `${year}-${String(number - 1).padStart(2, "0")}`;
};

let suite;
before(async () => { suite = await startSuite(); });
after(async () => { await suite.close(); });

const SHIPPED = readFileSync(`${DIST}data/facts.csv`, "utf8");

/** Clicks a download control (within `scope`, the page by default) and returns the file's name and bytes. */
async function download(page, testid, scope = page) {
  const [file] = await Promise.all([page.waitForEvent("download"), scope.getByTestId(testid).click()]);
  const chunks = [];
  for await (const chunk of await file.createReadStream()) chunks.push(chunk);
  return { name: file.suggestedFilename(), bytes: Buffer.concat(chunks) };
}

test("the view CSV has the map's rows, each sourced figure with its source", async () => {
  const { page, errors } = await openMap(suite, "?month=2025-08");
  const { name, bytes } = await download(page, "download-csv");
  assert.equal(name, "rare-earth-flows-magnets-2025-08.csv");
  const rows = parseCsv(bytes.toString("utf8"));
  const flows = rows.filter((r) => r.kind === "sourced" && r.to).map((r) => [r.to, Number(r.tonnes)]).sort(([a], [b]) => a.localeCompare(b));
  assert.deepEqual(flows, await drawnFlows(page), "one row per arc, same tonnes");
  assert.deepEqual(flows, magnetFlowsFromData("2025-08"));
  const byId = Object.fromEntries(parseCsv(SHIPPED).map((f) => [f.id, f]));
  for (const row of rows.filter((r) => r.kind === "sourced")) {
    const fact = byId[row.fact_id];
    assert.ok(fact, `${row.fact_id} is a fact of the data file`);
    assert.equal(row.source_url, fact.source_url);
    assert.equal(row.excerpt, fact.excerpt);
  }
  // The table beside the map lists the same destinations and the remainder.
  const tableRows = await page.getByTestId("data-table").locator("tbody tr:not([hidden]) th").allInnerTexts();
  const csvRows = rows.filter((r) => r.kind !== "missing" && r.destination !== "All destinations");
  // The same destinations in the same order: by tonnes, Germany under the EU.
  assert.deepEqual(csvRows.map((r) => r.destination), tableRows.map((t) => t.replace(" (within EU)", "")));
  assert.equal(csvRows.at(-1).kind, "computed", "the remainder is marked as computed");
  const usa = rows.find((r) => r.to === "USA");
  assert.equal(usa.change_on_month_pct, "-4.7", "computed from 590 t and 619 t");
  assert.equal(usa.change_on_year_pct, "", "no US figure for August 2024: empty, not 0");
  assert.deepEqual(errors, []);
  await page.close();
});

test("the full dataset downloads as the data file", async () => {
  const { page } = await openMap(suite);
  const { name, bytes } = await download(page, "download-data");
  assert.equal(name, "rare-earth-flows-facts.csv");
  assert.equal(bytes.toString("utf8"), SHIPPED);
  assert.equal(parseCsv(SHIPPED).length, 604, "SOURCES.md: 604 facts");
  await page.close();
});

test("the SVG download is a well-formed picture of the same arcs, with title, month, sources and data date", async () => {
  const { page, errors } = await openMap(suite, "?month=2025-08");
  const { name, bytes } = await download(page, "download-svg");
  assert.equal(name, "rare-earth-flows-magnets-2025-08.svg");
  const parsed = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, "image/svg+xml");
    return {
      broken: doc.getElementsByTagName("parsererror").length > 0,
      root: doc.documentElement.localName,
      arcs: [...doc.querySelectorAll('[data-testid="flow"]')].map((p) => [p.dataset.to, Number(p.dataset.tonnes)]),
      words: [...doc.querySelectorAll("text.cap")].map((t) => t.textContent).join(" | "),
    };
  }, bytes.toString("utf8"));
  assert.equal(parsed.broken, false);
  assert.equal(parsed.root, "svg");
  assert.deepEqual(parsed.arcs.sort(([a], [b]) => a.localeCompare(b)), await drawnFlows(page));
  assert.match(parsed.words, /China's exports: Rare-earth permanent magnets/);
  assert.match(parsed.words, /August 2025; total 6,146 t/);
  assert.match(parsed.words, /Sources: .*Reuters/);
  assert.match(parsed.words, /Arc width is proportional to tonnes/);
  assert.match(parsed.words, /Data as of 2026-04-20/);
  // Opened on its own, without the page's style sheet, no shape falls back
  // to SVG's default black fill: every class the map draws travels with it.
  const alone = await suite.browser.newPage();
  await alone.goto(`data:image/svg+xml;base64,${bytes.toString("base64")}`);
  const black = await alone.evaluate(() =>
    [...document.querySelectorAll("path, circle, rect")]
      .filter((shape) => {
        const style = getComputedStyle(shape);
        return style.display !== "none" && style.fill === "rgb(0, 0, 0)";
      })
      .map((shape) => shape.getAttribute("class") ?? shape.localName));
  assert.deepEqual([...new Set(black)], [], "shapes drawn in default black");
  await alone.close();
  assert.deepEqual(errors, []);
  await page.close();
});

test("an editor's own headline goes atop the picture, with the arcs' tonnes, the width key and the lighter Germany share explained", async () => {
  const { page, errors } = await openMap(suite, "?month=2025-08");
  const pageHeadline = await page.getByTestId("headline").innerText();
  const field = page.getByTestId("picture-headline");
  assert.equal(await field.getAttribute("placeholder"), pageHeadline, "the field offers the page's headline");
  await field.fill("Europe takes most of China's magnets");
  const { bytes } = await download(page, "download-svg");
  const parsed = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, "image/svg+xml");
    return {
      title: doc.querySelector("text.cap-title")?.textContent,
      words: [...doc.querySelectorAll("text.cap")].filter((t) => !t.closest('[data-testid="export-key"]')).map((t) => t.textContent),
      tonnes: [...doc.querySelectorAll('[data-testid="flow-label"] text')].map((t) => t.textContent),
      key: [...doc.querySelectorAll('[data-testid="export-key"] text')].map((t) => t.textContent),
    };
  }, bytes.toString("utf8"));
  assert.equal(parsed.title, "Europe takes most of China's magnets");
  assert.ok(!parsed.words.includes(pageHeadline), "the data's headline gives way to the editor's");
  assert.equal(await page.getByTestId("headline").innerText(), pageHeadline, "the page keeps the data's headline");
  // The file's tonnes are the data file's, one per arc.
  const expected = magnetFlowsFromData("2025-08").map(([, t]) => t).sort((a, b) => a - b);
  assert.deepEqual(parsed.tonnes.map((t) => Number(t.replace(/[^0-9.]/g, ""))).sort((a, b) => a - b), expected);
  assert.ok(parsed.key.length >= 2, `width key: ${parsed.key.join(", ")}`);
  // The legend wraps over lines: read it as one text.
  assert.match(parsed.words.join(" ").replace(/\s+/g, " "), /lighter band inside the EU arc is Germany's part of the EU figure/);
  // A draft belongs to its month.
  await page.getByTestId("step-forward").click();
  await page.waitForSelector('[data-testid="flow-map"][data-month="2025-09"]');
  assert.equal(await field.inputValue(), "");
  assert.deepEqual(errors, []);
  await page.close();
});

test("the PNG download is a real PNG at twice the picture's size", async () => {
  const { page, errors } = await openMap(suite, "?month=2025-08");
  const { name, bytes } = await download(page, "download-png");
  assert.equal(name, "rare-earth-flows-magnets-2025-08.png");
  assert.deepEqual([...bytes.subarray(0, 8)], [137, 80, 78, 71, 13, 10, 26, 10], "PNG signature");
  const width = bytes.readUInt32BE(16);
  const height = bytes.readUInt32BE(20);
  const box = await page.locator('[data-testid="flow-map"] > svg').getAttribute("viewBox");
  const mapWidth = Number(box.split(" ")[2]);
  assert.equal(width, Math.ceil(mapWidth * 2));
  assert.ok(height > width / 3, `${width}x${height}`);
  // Not a blank canvas: the picture has many distinct colours.
  const colours = await page.evaluate(async (base64) => {
    const image = new Image();
    image.src = `data:image/png;base64,${base64}`;
    await image.decode();
    const canvas = Object.assign(document.createElement("canvas"), { width: image.width, height: image.height });
    const context = canvas.getContext("2d");
    context.drawImage(image, 0, 0);
    const pixels = context.getImageData(0, 0, image.width, image.height).data;
    const seen = new Set();
    let black = 0;
    for (let i = 0; i < pixels.length; i += 4 * 97) {
      seen.add(`${pixels[i]},${pixels[i + 1]},${pixels[i + 2]}`);
      if (pixels[i] + pixels[i + 1] + pixels[i + 2] === 0) black++;
    }
    return { colours: seen.size, blackShare: black / (pixels.length / (4 * 97)) };
  }, bytes.toString("base64"));
  assert.ok(colours.colours > 10, `${colours.colours} colours`);
  // Every shape keeps its style: nothing falls back to SVG's default black.
  assert.ok(colours.blackShare < 0.002, `${(colours.blackShare * 100).toFixed(2)}% black`);
  assert.deepEqual(errors, []);
  await page.close();
});

test("the PNG of August 2025 is the SVG of August 2025, pixel for pixel within anti-aliasing", async () => {
  const { page, errors } = await openMap(suite, "?month=2025-08");
  const svg = (await download(page, "download-svg")).bytes.toString("utf8");
  const png = (await download(page, "download-png")).bytes.toString("base64");
  const compared = await pictureDiffersFromSvg(page, `data:image/png;base64,${png}`, svg);
  assert.equal(compared.width, Math.ceil(compared.svgWidth * 2), "the PNG is the SVG at twice its size");
  assert.ok(compared.share < 0.01, `${(compared.share * 100).toFixed(2)}% of the PNG's pixels differ from the SVG drawn at its size`);
  assert.deepEqual(errors, []);
  await page.close();
});

test("the share dialog copies a link and an embed snippet that reproduce the view on another origin", async () => {
  const context = await suite.browser.newContext({ permissions: ["clipboard-read", "clipboard-write"] });
  const page = await context.newPage();
  await page.goto(`${suite.server.url}?month=2025-09&series=magnets`);
  await page.waitForSelector('[data-testid="flow-map"][data-state="ready"]');
  const expected = await drawnFlows(page);
  await page.getByTestId("share").click();
  assert.ok(await page.getByTestId("share-dialog").isVisible());
  await page.getByTestId("copy-link").click();
  await page.getByTestId("copy-status").filter({ hasText: "Link copied" }).waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), `${suite.server.url}?month=2025-09`);
  await page.getByTestId("copy-snippet").click();
  await page.getByTestId("copy-status").filter({ hasText: "Embed code copied" }).waitFor();
  const snippet = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(snippet, await page.getByTestId("share-snippet").inputValue());
  assert.match(snippet, /month=2025-09&theme=light&embed=1/, "an embed is light unless asked");
  // The preview shows the embed at phone width.
  const preview = page.frameLocator('[data-testid="share-preview"] iframe');
  await preview.locator('[data-testid="flow-map"][data-state="ready"]').waitFor();
  assert.equal(await preview.locator("html").evaluate(() => innerWidth), 360);
  await page.getByTestId("preview-width").selectOption("desktop");
  await page.frameLocator('[data-testid="share-preview"] iframe').locator('[data-testid="flow-map"][data-state="ready"]').waitFor();
  assert.equal(await page.frameLocator('[data-testid="share-preview"] iframe').locator("html").evaluate(() => innerWidth), 960);

  // Pasted into an article on another origin, the snippet shows the same view and sizes its frame.
  const article = `<!DOCTYPE html><html lang="en"><head><title>Article</title></head><body>${snippet}</body></html>`;
  const parent = await serveStatic(DIST, { overrides: { "article.html": article } });
  const reader = await context.newPage();
  await reader.goto(`${parent.url}article.html`);
  const frame = reader.frameLocator("iframe");
  await frame.locator('[data-testid="flow-map"][data-state="ready"]').waitFor();
  assert.equal(await frame.getByTestId("flow-map").getAttribute("data-month"), "2025-09");
  const embedded = await frame.locator('[data-testid="flow"]').evaluateAll((paths) =>
    paths.map((p) => [p.dataset.to, Number(p.dataset.tonnes)]).sort(([a], [b]) => a.localeCompare(b)));
  assert.deepEqual(embedded, expected);
  await reader.waitForFunction(() => document.querySelector("iframe").style.height !== "");

  // Following the latest data leaves the month out of the embed.
  await page.getByTestId("embed-month").selectOption("latest");
  const following = await page.getByTestId("share-snippet").inputValue();
  assert.match(following, /src="[^"]*\?theme=light&embed=1"/);
  await page.keyboard.press("Escape");
  assert.equal(await page.getByTestId("share-dialog").isVisible(), false);
  await context.close();
  await parent.close();
});

/** Serves dist/ with a replaced (or absent, for null) data file. */
async function withDataFile(body, run) {
  const server = await serveStatic(DIST, { overrides: { "data/facts.csv": body } });
  const page = await suite.browser.newPage();
  const requests = [];
  page.on("requestfinished", async (request) => {
    if (!request.url().endsWith("data/facts.csv")) return;
    const response = await request.response();
    requests.push({ status: response.status(), size: (await response.body().catch(() => Buffer.alloc(0))).length });
  });
  try {
    await page.goto(server.url);
    await page.waitForSelector('[data-testid="flow-map"][data-state="ready"]');
    await run(page, requests);
  } finally {
    await page.close();
    await server.close();
  }
}

// Three destinations, so that a view following the latest month moves there.
const NEW_MONTH =
  'mag-chn-usa-2026-04,magnet_exports,CHN,USA,2026-04,512,t,Test desk report,Test desk,2026-05-20,https://example.org/april,"512 tons to the United States in April"\n' +
  'mag-chn-jpn-2026-04,magnet_exports,CHN,JPN,2026-04,301,t,Test desk report,Test desk,2026-05-20,https://example.org/april,"301 tons to Japan in April"\n' +
  'mag-chn-kor-2026-04,magnet_exports,CHN,KOR,2026-04,97,t,Test desk report,Test desk,2026-05-20,https://example.org/april,"97 tons to South Korea in April"\n';

test("a newer valid data file replaces the embedded data and the view follows it", async () => {
  await withDataFile(SHIPPED + NEW_MONTH, async (page) => {
    await page.waitForSelector('[data-testid="flow-map"][data-month="2026-04"]');
    assert.deepEqual(await drawnFlows(page), [["JPN", 301], ["KOR", 97], ["USA", 512]]);
    assert.match(await page.locator(".credits").innerText(), /data as of 2026-05-20/);
    assert.equal(await page.getByTestId("data-notice").count(), 0);
    const link = page.locator('[data-testid="flow"][data-to="USA"]');
    assert.equal(await link.getAttribute("data-tonnes"), "512");
  });
});

test("a newer file that arrives while the reader is busy updates in place: dialog, panel, dismissed notice and basemap stay", async () => {
  const server = await serveStatic(DIST, {
    overrides: { "data/facts.csv": SHIPPED + NEW_MONTH },
    delays: { "data/facts.csv": 1500 },
  });
  const page = await suite.browser.newPage();
  const basemapRequests = [];
  page.on("request", (request) => {
    if (request.url().endsWith("geo/countries.tsv")) basemapRequests.push(request.url());
  });
  try {
    // A pinned month, the compare panel, and a bad parameter with its notice.
    await page.goto(`${server.url}?month=2025-08&compare=eu-us&scale=3`);
    await page.waitForSelector('[data-testid="flow-map"][data-state="ready"]');
    const notice = page.getByTestId("notice");
    await notice.getByRole("button", { name: "Dismiss notice" }).click();
    assert.equal(await notice.count(), 0);
    const usArc = await page.locator('[data-testid="flow"][data-to="USA"]').elementHandle();
    await page.getByTestId("share").click();
    assert.equal(await page.getByTestId("share-dialog").evaluate((d) => d.open), true);
    // The page asks for the shapes at start-up (a preload and its fetch);
    // the second start-up request can be reported a little after the map is
    // ready, so count after a short settle, still well before the delayed
    // data file (1.5 s) arrives and while the dialog below is open.
    await page.waitForTimeout(300);
    assert.equal(await page.getByTestId("data-updated").count(), 0, "the update has not arrived yet");
    const shapesAtStart = basemapRequests.length;
    assert.ok(shapesAtStart >= 1 && shapesAtStart <= 2, `${shapesAtStart} basemap requests at start-up`);
    // The newer file arrives while the dialog is open.
    await page.getByTestId("data-updated").waitFor();
    assert.match(await page.getByTestId("data-updated").innerText(), /newer figures \(as of 2026-05-20\)/);
    assert.match(await page.locator(".credits").innerText(), /data as of 2026-05-20/);
    assert.equal(await page.getByTestId("share-dialog").evaluate((d) => d.open), true, "the dialog stays open");
    assert.equal(await page.getByTestId("compare").isVisible(), true, "the compare panel stays open");
    assert.equal(await notice.count(), 0, "a dismissed notice stays dismissed");
    assert.equal(await page.getByTestId("flow-map").getAttribute("data-month"), "2025-08", "a pinned month stays");
    assert.equal(await usArc.evaluate((el) => el.isConnected), true, "the arcs were updated, not re-created");
    assert.equal(basemapRequests.length, shapesAtStart, "the basemap is not requested again");
    // The compare panel now reaches the new month.
    assert.ok(await page.locator('[data-testid="bar"][data-month="2026-04"]').count() > 0);
  } finally {
    await page.close();
    await server.close();
  }
});

test("an unchanged data file costs one small range request", async () => {
  await withDataFile(SHIPPED, async (page, requests) => {
    await page.waitForTimeout(500);
    assert.equal(requests.length, 1, JSON.stringify(requests));
    assert.equal(requests[0].status, 206);
    assert.ok(requests[0].size <= 1024, `${requests[0].size} bytes`);
    assert.equal(await page.getByTestId("flow-map").getAttribute("data-month"), DEFAULT_MONTH);
  });
});

test("a valid but older data file is kept aside, silently", async () => {
  // The shipped file without anything published in 2026.
  const older = SHIPPED.split("\n").filter((line) => !/,2026-\d\d(-\d\d)?,http/.test(line)).join("\n");
  assert.ok(older.length < SHIPPED.length);
  await withDataFile(older, async (page, requests) => {
    await page.waitForTimeout(500);
    assert.equal(requests.at(-1).status, 200, "the whole file was read");
    assert.equal(await page.getByTestId("data-notice").count(), 0);
    assert.match(await page.locator(".credits").innerText(), /data as of 2026-04-20/);
    assert.equal(await page.getByTestId("flow-map").getAttribute("data-month"), DEFAULT_MONTH);
  });
});

test("a missing data file changes nothing and says nothing", async () => {
  await withDataFile(null, async (page) => {
    await page.waitForTimeout(500);
    assert.equal(await page.getByTestId("data-notice").count(), 0);
    assert.equal(await page.getByTestId("notice").count(), 0);
    assert.equal(await page.getByTestId("flow-map").getAttribute("data-month"), DEFAULT_MONTH);
    assert.deepEqual(await drawnFlows(page), magnetFlowsFromData(DEFAULT_MONTH));
  });
});

for (const [problem, row, words] of [
  ["a negative tonnage", "mag-bad,magnet_exports,CHN,USA,2026-04,-512,t,T,P,2026-05-20,https://example.org/a,q\n", /mag-bad.*negative/],
  ["an unknown country", "mag-bad,magnet_exports,CHN,ATLANTIS,2026-04,512,t,T,P,2026-05-20,https://example.org/a,q\n", /mag-bad.*ATLANTIS/],
  ["a duplicate id", "mag-chn-usa-2025-08,magnet_exports,CHN,USA,2026-04,512,t,T,P,2026-05-20,https://example.org/a,q\n", /mag-chn-usa-2025-08.*duplicate/],
  ["a bad period", "mag-bad,magnet_exports,CHN,USA,2026-13,512,t,T,P,2026-05-20,https://example.org/a,q\n", /mag-bad.*2026-13/],
  // The US row of August 2025 again, from the same page, with another figure.
  ["a second figure for a key from the same page", `${SHIPPED.split("\n").find((l) => l.startsWith("mag-chn-usa-2025-08,")).replace("mag-chn-usa-2025-08,", "mag-usa-again,").replace(",590,", ",595,")}\n`, /mag-usa-again.*same page as `mag-chn-usa-2025-08`/],
  ["a destination larger than the month's total", "mag-bad,magnet_exports,CHN,IND,2025-08,91000,t,T,P,2026-05-20,https://example.org/a,q\n", /mag-bad.*more than the month's total 6,146/],
  ["four decimals", "mag-bad,magnet_exports,CHN,IND,2026-04,51.2345,t,T,P,2026-05-20,https://example.org/a,q\n", /mag-bad.*three decimals/],
  ["a javascript: source", "mag-bad,magnet_exports,CHN,IND,2026-04,512,t,T,P,2026-05-20,javascript:alert(1),q\n", /mag-bad.*not a web address/],
  ["an impossible publication date", "mag-bad,magnet_exports,CHN,IND,2026-04,512,t,T,P,2026-02-30x,https://example.org/a,q\n", /mag-bad.*not a date/],
  // Issue 13: each of these was accepted.
  ["a destination code in lower case", "mag-bad,magnet_exports,CHN,kor,2026-04,512,t,T,P,2026-05-20,https://example.org/a,q\n", /mag-bad.*partner.*capitals \(`KOR`\)/],
  ["a customs month after its page", "mag-bad,magnet_exports,CHN,IND,2099-01,512,t,T,P,2026-05-20,https://example.org/a,q\n", /mag-bad.*2099-01.*after its source was published/],
  ["a row with a column missing", "mag-bad,magnet_exports,CHN,IND,2026-04,512,t,T,P,https://example.org/a,q\n", new RegExp(`record \`mag-bad\` \\(line ${SHIPPED.split("\n").length}\\).*12 columns`)],
  ["every date rewritten by a spreadsheet as DD/MM/YYYY", null, /record `[a-z0-9-]+` \(line \d+\), field `source_date`.*not a date/],
]) {
  test(`a data file with ${problem} is refused with a notice naming the record; the embedded data stays`, async () => {
    const file = row ? SHIPPED + row : SHIPPED.replace(/,(\d{4})-(\d{2})-(\d{2}),http/g, ",$3/$2/$1,http");
    await withDataFile(file, async (page) => {
      const notice = page.getByTestId("data-notice");
      await notice.waitFor();
      assert.match(await notice.innerText(), words);
      assert.match(await notice.innerText(), /data built into the app \(as of 2026-04-20\)/);
      assert.equal(await page.getByTestId("flow-map").getAttribute("data-month"), DEFAULT_MONTH);
      assert.deepEqual(await drawnFlows(page), magnetFlowsFromData(DEFAULT_MONTH));
      // Non-blocking: the map still works, and the notice can be dismissed.
      await page.getByTestId("step-back").click();
      await page.waitForSelector(`[data-testid="flow-map"][data-month="${monthBefore(DEFAULT_MONTH)}"]`);
      await notice.getByRole("button", { name: "Dismiss notice" }).click();
      assert.equal(await notice.count(), 0);
    });
  });
}

test("a host that answers the data file with its HTML page says nothing to readers", async () => {
  await withDataFile("<!doctype html><html><body>App</body></html>", async (page) => {
    await page.waitForTimeout(600);
    assert.equal(await page.getByTestId("data-notice").count(), 0);
    assert.deepEqual(await drawnFlows(page), magnetFlowsFromData(DEFAULT_MONTH));
  });
});

test("without JavaScript, the page shows the default month's summary and a link to the data", async () => {
  const context = await suite.browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(suite.server.url);
  const text = await page.locator("body").innerText();
  // facts.csv: December 2025, the latest month naming three or more destinations.
  assert.match(text, /In December 2025 China exported 5,952 t of rare-earth magnets/);
  assert.match(text, /United States 564 t/);
  assert.match(text, /Reuters via Goldsea/, "the original publisher first");
  // The same month in Korean and Mongolian, each section marked with its language.
  assert.match(await page.locator('main.noscript section[lang="ko"]').innerText(), /2025년 12월 중국의 희토류 자석 수출은 5,952톤/);
  assert.match(await page.locator('main.noscript section[lang="mn"]').innerText(), /2025 оны 12-р сард Хятад 5,952 тн/);
  for (const lang of ["en", "ko", "mn"]) {
    const data = page.locator(`main.noscript section[lang="${lang}"]`).getByRole("link", { name: "data/facts.csv" });
    assert.equal(await data.getAttribute("href"), "data/facts.csv");
  }
  const response = await page.request.get(`${suite.server.url}data/facts.csv`);
  assert.equal(await response.text(), SHIPPED);
  await context.close();
});

test("each analysis table downloads as CSV with its figures' sources", async () => {
  const { page, errors } = await openMap(suite, "?month=2025-08&compare=eu-us");
  const table = page.getByTestId("compare").locator(".table-wrap").first();
  const caption = await table.locator("caption").innerText();
  const { name, bytes } = await download(page, "table-csv", table);
  assert.match(name, /^rare-earth-flows-[a-z0-9-]+\.csv$/);
  const rows = parseCsv(bytes.toString("utf8"));
  const screenRows = await table.locator("tbody tr").count();
  assert.equal(rows.filter((r) => !Object.values(r)[0].startsWith("Note:")).length, screenRows, caption);
  const headers = await table.locator("thead th").allInnerTexts();
  assert.deepEqual(Object.keys(rows[0]), [...headers, "sources"]);
  const linked = rows.filter((r) => r.sources);
  assert.ok(linked.length > 0, "figures carry their sources");
  const urls = new Set(parseCsv(SHIPPED).map((f) => f.source_url));
  for (const row of linked) for (const url of row.sources.split(" ")) assert.ok(urls.has(url), url);
  assert.deepEqual(errors, []);
  await page.close();
});

test("where copying is not allowed, the dialog says so and the text stays selectable", async () => {
  const { page, errors } = await openMap(suite, "?month=2025-08");
  // As on a plain-http host: no Clipboard API at all.
  await page.evaluate(() => Object.defineProperty(Navigator.prototype, "clipboard", { get: () => undefined }));
  await page.getByTestId("share").click();
  await page.getByTestId("copy-snippet").click();
  await page.getByTestId("copy-status").filter({ hasText: "select the text and copy it yourself" }).waitFor();
  assert.match(await page.getByTestId("share-snippet").inputValue(), /month=2025-08&theme=light&embed=1/);
  assert.deepEqual(errors, []);
  await page.close();
});
