// Issue 12, item 3: the embed speaks the dialects newsroom pages already
// listen for. Each parent page sits on another loopback port (another
// origin) and is written to its dialect's published message format.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { DIST, pictureDiffersFromSvg, startSuite } from "./helpers.mjs";
import { serveStatic } from "../tools/static-server.mjs";

let suite;
before(async () => { suite = await startSuite(); });
after(async () => { await suite.close(); });

/** Serves `html` as parent.html on its own origin and opens it. */
async function openParent(html) {
  const parent = await serveStatic(DIST, { overrides: { "parent.html": `<!DOCTYPE html><html lang="en"><head><title>Article</title></head><body>${html}</body></html>` } });
  assert.notEqual(new URL(parent.url).origin, new URL(suite.server.url).origin);
  const page = await suite.browser.newPage({ viewport: { width: 900, height: 700 } });
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(`${parent.url}parent.html`);
  return { parent, page, errors };
}

/** The frame's height as the parent set it, and its content's own height. */
async function heights(page, frameSelector) {
  const frame = page.frameLocator(frameSelector);
  await frame.locator('[data-testid="flow-map"][data-state="ready"]').waitFor();
  await page.waitForFunction((s) => document.querySelector(s).style.height !== "", frameSelector);
  // The page settles (fonts, the deferred side texts): wait until the
  // frame's height matches its content's.
  const inner = () => frame.locator("html").evaluate((html) => Math.ceil(html.getBoundingClientRect().height));
  let set = 0;
  let content = 0;
  for (let i = 0; i < 20; i++) {
    set = await page.locator(frameSelector).evaluate((f) => parseFloat(f.style.height));
    content = await inner();
    if (Math.abs(set - content) <= 1) break;
    await page.waitForTimeout(100);
  }
  return { set, content };
}

test("an AMP-style parent resizes the frame from its embed-size requests", async () => {
  const src = `${suite.server.url}?month=2025-08&embed=1`;
  const { parent, page, errors } = await openParent(`
    <iframe id="amp" src="${src}" style="width: 100%; border: 0" height="300"></iframe>
    <script>
      // amp-iframe's contract: {sentinel: "amp", type: "embed-size", height} from its own frame.
      addEventListener("message", (event) => {
        const frame = document.getElementById("amp");
        if (event.source !== frame.contentWindow || event.data?.sentinel !== "amp" || event.data.type !== "embed-size") return;
        frame.style.height = event.data.height + "px";
      });
    </script>`);
  const { set, content } = await heights(page, "#amp");
  assert.ok(Math.abs(set - content) <= 1, `frame ${set}px, content ${content}px`);
  assert.ok(set > 300, "grown from its first height");
  assert.deepEqual(errors, []);
  await page.close();
  await parent.close();
});

test("a pym.js parent resizes its child from pym's height messages, and pym's parameters raise no notice", async () => {
  // What pym.Parent builds: the child's address plus its own parameters.
  const src = `${suite.server.url}?month=2025-08&embed=1&initialWidth=900&childId=flows&parentTitle=Article&parentUrl=${encodeURIComponent("https://news.example/story")}`;
  const { parent, page, errors } = await openParent(`
    <div id="flows"><iframe src="${src}" width="100%" scrolling="no" marginheight="0" frameborder="0" height="300"></iframe></div>
    <script>
      // pym.Parent's handler: "pymxPYMx" + id + "xPYMx" + type + "xPYMx" + value.
      addEventListener("message", (event) => {
        const frame = document.querySelector("#flows iframe");
        if (event.source !== frame.contentWindow || typeof event.data !== "string") return;
        const [pym, id, type, value] = event.data.split("xPYMx");
        if (pym === "pym" && id === "flows" && type === "height") frame.style.height = parseInt(value, 10) + "px";
      });
    </script>`);
  const { set, content } = await heights(page, "#flows iframe");
  assert.ok(Math.abs(set - content) <= 1, `frame ${set}px, content ${content}px`);
  const frame = page.frameLocator("#flows iframe");
  assert.equal(await frame.getByTestId("notice").count(), 0, "no notice about childId or initialWidth");
  assert.equal(await frame.getByTestId("flow-map").getAttribute("data-month"), "2025-08");
  assert.deepEqual(errors, []);
  await page.close();
  await parent.close();
});

test("the one-line script embed creates a named, lazy frame of the view, sizes it, and ignores forged heights", async () => {
  const { parent, page, errors } = await openParent(`
    <h1>An article</h1>
    <div data-rare-earth-flows="?month=2025-09&country=KOR"></div>
    <script src="${suite.server.url}embed.js" async></script>`);
  const frame = page.locator("[data-rare-earth-flows] > iframe");
  await frame.waitFor({ state: "attached" });
  const attributes = await frame.evaluate((f) => ({ src: f.src, title: f.title, loading: f.loading, allow: f.allow }));
  const src = new URL(attributes.src);
  assert.equal(src.origin, new URL(suite.server.url).origin);
  assert.equal(src.searchParams.get("month"), "2025-09");
  assert.equal(src.searchParams.get("country"), "KOR");
  assert.equal(src.searchParams.get("embed"), "1");
  assert.equal(attributes.loading, "lazy");
  assert.equal(attributes.allow, "clipboard-write");
  assert.match(attributes.title, /Rare-Earth Flows/);
  const { set, content } = await heights(page, "[data-rare-earth-flows] > iframe");
  assert.ok(Math.abs(set - content) <= 1, `frame ${set}px, content ${content}px`);
  assert.equal(await page.frameLocator("[data-rare-earth-flows] > iframe").getByTestId("country-panel").count(), 1);
  // The article's own page (another origin) cannot resize the frame.
  await page.evaluate(() => window.postMessage({ type: "rare-earth-flows:height", height: 5 }, "*"));
  await page.waitForTimeout(200);
  assert.equal(await frame.evaluate((f) => parseFloat(f.style.height)), set);
  assert.deepEqual(errors, []);
  await page.close();
  await parent.close();
});

test("Copy alt text copies the view's summary in the reader's language", async () => {
  const context = await suite.browser.newContext({ permissions: ["clipboard-read", "clipboard-write"] });
  const page = await context.newPage();
  await page.goto(`${suite.server.url}?month=2025-08&lang=ko`);
  await page.waitForSelector('[data-testid="flow-map"][data-state="ready"]');
  const summary = (await page.getByTestId("summary").innerText()).trim();
  await page.getByTestId("share").click();
  await page.getByTestId("copy-alt-text").click();
  await page.getByTestId("copy-status").filter({ hasText: "대체 텍스트" }).waitFor();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(copied, summary);
  assert.match(copied, /2025년 8월/, "in Korean, for the month shown");
  assert.match(copied, /6,146톤/);
  await context.close();
});

test("the dialog's embed options reach the snippet and the preview: colours, language, headline and timeline", async () => {
  const { page, errors } = await openMapAt("?month=2025-08&theme=dark");
  await page.getByTestId("share").click();
  const snippet = () => page.getByTestId("share-snippet").inputValue();
  const preview = () => page.frameLocator('[data-testid="share-preview"] iframe');
  // Light by default, though the editor's own page is dark.
  assert.match(await snippet(), /theme=light/);
  await preview().locator('[data-testid="flow-map"][data-state="ready"]').waitFor();
  assert.equal(await preview().locator("html").getAttribute("data-theme"), "light");
  await page.getByTestId("embed-theme").selectOption("reader");
  assert.doesNotMatch(await snippet(), /theme=/, "the reader's setting: no theme in the address");
  await page.getByTestId("embed-theme").selectOption("dark");
  await page.getByTestId("embed-lang").selectOption("mn");
  await page.getByTestId("embed-headline").uncheck();
  await page.getByTestId("embed-timeline").uncheck();
  const chosen = await snippet();
  assert.match(chosen, /\?month=2025-08&theme=dark&lang=mn&embed=1&hide=headline,timeline"/);
  // The preview shows the choice.
  const frame = preview();
  await frame.locator('html[lang="mn"] [data-testid="flow-map"][data-state="ready"]').waitFor();
  assert.equal(await frame.locator("html").getAttribute("data-theme"), "dark");
  assert.equal(await frame.getByTestId("headline").isVisible(), false);
  assert.equal(await frame.getByTestId("timeline").isVisible(), false);
  assert.ok(await frame.getByTestId("summary").isVisible(), "the map's summary stays");
  assert.equal(await frame.getByTestId("notice").count(), 0);
  assert.deepEqual(errors, []);
  await page.close();
});

async function openMapAt(query) {
  const page = await suite.browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(`${suite.server.url}${query}`);
  await page.waitForSelector('[data-testid="flow-map"][data-state="ready"]');
  return { page, errors };
}

/** The dialog's script embed code for the view at `query`, and the view's summary. */
async function scriptEmbedCode(query) {
  const { page, errors } = await openMapAt(query);
  const summary = (await page.getByTestId("summary").innerText()).trim();
  await page.getByTestId("share").click();
  await page.getByTestId("embed-code").selectOption("script");
  const snippet = await page.getByTestId("share-snippet").inputValue();
  return { page, errors, summary, snippet };
}

const unescapeAttribute = (text) => text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&amp;/g, "&");

test("the script embed code shows a reader without JavaScript the month's picture, and a reader with it the live frame", async () => {
  // A dark editor's page: the embed and its picture are light all the same.
  const { page: editor, errors, summary, snippet } = await scriptEmbedCode("?month=2025-08&theme=dark");
  const picture = /<noscript><img src="([^"]+)" alt="([^"]*)"/.exec(snippet);
  assert.ok(picture, snippet);
  assert.equal(new URL(picture[1]).origin, new URL(suite.server.url).origin, "the picture is on the explorer's site");
  assert.equal(unescapeAttribute(picture[2]), summary, "its words are the summary under the map");
  assert.match(summary, /August 2025/);
  await editor.getByTestId("share-close").click();

  // The picture is August 2025 as the app draws it, not a neighbouring month.
  const [file] = await Promise.all([editor.waitForEvent("download"), editor.getByTestId("download-svg").click()]);
  const august = readFileSync(await file.path(), "utf8");
  const september = picture[1].replace("2025-08", "2025-09");
  const same = await pictureDiffersFromSvg(editor, picture[1], august);
  const sameMonth = same.share;
  const nextMonth = (await pictureDiffersFromSvg(editor, september, august)).share;
  assert.equal(same.width, Math.ceil(same.svgWidth), "the picture is the map at its own width");
  assert.ok(sameMonth < 0.01, `${(sameMonth * 100).toFixed(2)}% of the picture's pixels differ from August's map`);
  assert.ok(nextMonth > 0.02, `September's picture differs from August's map in only ${(nextMonth * 100).toFixed(2)}% of its pixels`);
  assert.deepEqual(errors, []);
  await editor.close();

  const parent = await serveStatic(DIST, { overrides: { "parent.html": `<!DOCTYPE html><html lang="en"><head><title>Article</title></head><body style="width: 640px"><h1>An article</h1>${snippet}</body></html>` } });
  // No script in the reader's browser: the picture, at the column's width.
  const noScript = await suite.browser.newContext({ javaScriptEnabled: false, viewport: { width: 900, height: 700 } });
  const still = await noScript.newPage();
  await still.goto(`${parent.url}parent.html`);
  const image = still.locator("[data-rare-earth-flows] img");
  await image.waitFor();
  await still.waitForLoadState("load");
  const shown = await image.evaluate((img) => ({ complete: img.complete, natural: img.naturalWidth, width: img.getBoundingClientRect().width }));
  assert.ok(shown.complete && shown.natural >= 600, `the picture loads: ${JSON.stringify(shown)}`);
  assert.equal(Math.round(shown.width), 640, "it fills the article's column");
  assert.equal(await still.locator("iframe").count(), 0);
  await noScript.close();

  // With script: the live frame of the same view, and no picture.
  const live = await suite.browser.newPage({ viewport: { width: 900, height: 700 } });
  await live.goto(`${parent.url}parent.html`);
  const frame = live.locator("[data-rare-earth-flows] > iframe");
  await frame.waitFor({ state: "attached" });
  const src = new URL(await frame.getAttribute("src"));
  assert.equal(src.searchParams.get("month"), "2025-08");
  assert.equal(src.searchParams.get("theme"), "light");
  assert.equal(await live.locator("[data-rare-earth-flows] img").count(), 0);
  await live.frameLocator("[data-rare-earth-flows] > iframe").locator('[data-testid="flow-map"][data-state="ready"]').waitFor();
  await live.close();
  await parent.close();
});

test("a Korean editor's script embed carries the Korean picture and words; a 'latest' embed the latest picture", async () => {
  const { page, errors, summary, snippet } = await scriptEmbedCode("?month=2025-08&lang=ko");
  assert.match(snippet, /views\/magnets-2025-08-ko\.png"/);
  assert.equal(unescapeAttribute(/ alt="([^"]*)"/.exec(snippet)[1]), summary);
  assert.match(summary, /2025년 8월/);
  await page.getByTestId("embed-month").selectOption("latest");
  const latest = await page.getByTestId("share-snippet").inputValue();
  assert.match(latest, /views\/magnets-latest-ko\.png"/);
  assert.doesNotMatch(latest, /month=/);
  // August is pinned in the editor's view, so its summary would describe the wrong month.
  assert.doesNotMatch(latest, /2025년 8월/);
  assert.deepEqual(errors, []);
  await page.close();
});

test("every month on each series' timeline has its picture in each language, a PNG the width of the map", async () => {
  const { page } = await openMapAt("");
  const missing = [];
  let count = 0;
  for (const series of ["magnets", "rare-earths", "re-products"]) {
    await page.goto(`${suite.server.url}?series=${series}`);
    await page.waitForSelector('[data-testid="flow-map"][data-state="ready"]');
    const months = await page.$$eval('[data-testid="timeline-bar"]', (bars) => bars.map((bar) => bar.dataset.month));
    assert.ok(months.length >= 6, `${series}: ${months.length} months`);
    for (const lang of ["en", "ko", "mn"]) {
      for (const month of [...months, "latest"]) {
        const response = await fetch(`${suite.server.url}views/${series}-${month}-${lang}.png`, { headers: { range: "bytes=0-23" } });
        const head = Buffer.from(await response.arrayBuffer());
        // PNG signature, then the IHDR chunk's width.
        if (!response.ok || head.toString("latin1", 1, 4) !== "PNG" || head.readUInt32BE(16) < 600) missing.push(`${series}-${month}-${lang}`);
        count++;
      }
    }
  }
  assert.deepEqual(missing, []);
  assert.ok(count > 150, `${count} pictures`);
  await page.close();
});
