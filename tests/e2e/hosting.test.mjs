// End-to-end: hosting under a sub-path, embed mode, and the README's
// publisher snippet sizing an iframe across origins.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { DIST, openMap, startSuite } from "./helpers.mjs";
import { serveStatic } from "../tools/static-server.mjs";

let suite;
before(async () => { suite = await startSuite(); });
after(async () => { await suite.close(); });

test("dist/ works unchanged under a sub-path of a static host", async () => {
  const server = await serveStatic(DIST, { prefix: "/any/sub/path/" });
  const page = await suite.browser.newPage();
  const failures = [];
  page.on("response", (r) => { if (r.status() >= 400) failures.push(`${r.status()} ${r.url()}`); });
  await page.goto(`${server.url}?month=2025-08`);
  await page.waitForSelector('[data-testid="flow-map"][data-state="ready"]');
  assert.equal(await page.getByTestId("flow").count(), 3);
  assert.ok((await page.locator(".land").count()) > 150, "the basemap loaded from the sub-path");
  assert.deepEqual(failures, []);
  await page.close();
  await server.close();
});

for (const width of [300, 600, 1200]) {
  test(`embed mode at ${width} px: map, timeline and credit, no chrome, no horizontal scroll`, async () => {
    const { page, errors } = await openMap(suite, "?month=2025-08&embed=1", { viewport: { width, height: 800 } });
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), 0);
    assert.ok(await page.getByTestId("timeline").isVisible());
    assert.ok(!(await page.getByTestId("series").isVisible()), "pickers are hidden");
    assert.ok(!(await page.getByTestId("total").isVisible()), "side panels are hidden");
    const full = await page.getByTestId("full-explorer").getAttribute("href");
    assert.equal(full, "?month=2025-08", "the full explorer keeps the view, without embed");
    assert.match(await page.locator(".credits").innerText(), /data as of 2026-04-20/);
    assert.deepEqual(errors, []);
    await page.close();
  });
}

test("the README snippet sizes an iframe on another origin from the height messages", async () => {
  const readme = readFileSync(fileURLToPath(new URL("../../README.md", import.meta.url)), "utf8");
  const snippet = readme.split("<!-- embed-snippet -->")[1].split("<!-- /embed-snippet -->")[0].replace(/```\w*/g, "");
  const app = `${suite.server.url}?month=2025-08&embed=1`;
  const html = `<!DOCTYPE html><html lang="en"><head><title>Article</title></head><body style="margin:0">
    <p>An article about rare earths.</p>
    ${snippet.replace(/https:\/\/example\.org\/rare-earth-flows\/\?month=2025-08&embed=1/, app)}
    <p>The article goes on.</p>
    <script>addEventListener("message", (e) => { if (e.data?.type === "rare-earth-flows:height") (window.heights ??= []).push(e.data.height); });</script>
    </body></html>`;
  const parent = await serveStatic(DIST, { overrides: { "article.html": html } });
  assert.notEqual(new URL(parent.url).port, new URL(suite.server.url).port, "two origins");
  const page = await suite.browser.newPage({ viewport: { width: 1000, height: 700 } });
  await page.goto(`${parent.url}article.html`);
  const frame = page.frameLocator("iframe");
  await frame.locator('[data-testid="flow-map"][data-state="ready"]').waitFor();
  const fits = async () => {
    const inner = await frame.locator("html").evaluate((root) => Math.ceil(root.getBoundingClientRect().height));
    const outer = await page.locator("iframe").evaluate((f) => f.getBoundingClientRect().height);
    return { inner, outer };
  };
  // The frame matches its page exactly once the page's message has arrived.
  const settled = async () => {
    for (let i = 0; i < 100; i++) {
      const { inner, outer } = await fits();
      if (inner === outer) return outer;
      await new Promise((r) => setTimeout(r, 100));
    }
    const { inner, outer } = await fits();
    assert.fail(`frame ${outer}px for a page of ${inner}px`);
  };
  const wide = await settled();
  assert.notEqual(wide, 640, "the snippet replaced the default height");
  // A narrower parent reflows the embed into a taller page: a new message
  // arrives and the frame follows it to the pixel.
  const before = await page.evaluate(() => window.heights.length);
  await page.setViewportSize({ width: 320, height: 700 });
  await page.waitForFunction((n) => window.heights.length > n, before);
  const narrow = await settled();
  assert.ok(narrow > wide, `narrow ${narrow}px, wide ${wide}px`);
  assert.equal(await page.evaluate(() => window.heights.at(-1)), narrow);
  await page.close();
  await parent.close();
});
