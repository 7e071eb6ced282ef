// Visual regression (issue 10): a few fixed views, screenshotted and
// compared with references committed in tests/visual/, with a tolerance for
// anti-aliasing. The fonts are Debian's Noto faces that .ci/setup installs;
// the views are pinned by the address, and the data is the shipped file, so
// a difference is a change a reader would see. To accept an intended change:
// `UPDATE_VISUAL=1 node --test tests/e2e/visual.test.mjs`, look at the new
// PNGs, and commit them. On a failure the actual picture and a diff land in
// test-results/visual/.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { PNG } from "pngjs";
import pixelmatch from "pixelmatch";
import { startSuite } from "./helpers.mjs";

const REFERENCES = fileURLToPath(new URL("../visual/", import.meta.url));
const RESULTS = "test-results/visual";
// Per-pixel colour distance that counts as a difference (pixelmatch's
// scale, 0 to 1), and the share of pixels that may differ: text
// anti-aliasing moves a few edge pixels between runs, a moved label or a
// changed bar moves hundreds.
const THRESHOLD = 0.1;
const ALLOWED = 0.002;

const VIEWS = [
  { name: "default", query: "", viewport: { width: 1280, height: 900 } },
  { name: "aug-2025", query: "?month=2025-08", viewport: { width: 1280, height: 900 } },
  { name: "phone", query: "", viewport: { width: 390, height: 844 } },
  { name: "dark", query: "?theme=dark&month=2025-10", viewport: { width: 1280, height: 900 } },
  { name: "korean", query: "?lang=ko&month=2025-09", viewport: { width: 1280, height: 900 } },
];

let suite;
before(async () => { suite = await startSuite(); });
after(async () => { await suite.close(); });

for (const view of VIEWS) {
  test(`the ${view.name} view looks as its reference (${view.query || "/"} at ${view.viewport.width} px)`, async () => {
    const context = await suite.browser.newContext({ viewport: view.viewport, reducedMotion: "reduce", deviceScaleFactor: 1 });
    const page = await context.newPage();
    await page.goto(`${suite.server.url}${view.query}`);
    await page.waitForSelector('[data-testid="flow-map"][data-state="ready"]', { timeout: 15000 });
    await page.waitForLoadState("networkidle");
    await page.evaluate(async () => {
      await document.fonts.ready;
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    });
    const shot = await page.locator(".map-area").screenshot({ animations: "disabled", caret: "hide" });
    await context.close();
    const reference = `${REFERENCES}${view.name}.png`;
    if (process.env.UPDATE_VISUAL === "1") {
      writeFileSync(reference, shot);
      return;
    }
    assert.ok(existsSync(reference), `no reference for ${view.name}: run with UPDATE_VISUAL=1, look at it, commit it`);
    const want = PNG.sync.read(readFileSync(reference));
    const got = PNG.sync.read(shot);
    mkdirSync(RESULTS, { recursive: true });
    if (want.width !== got.width || want.height !== got.height) {
      writeFileSync(`${RESULTS}/${view.name}-actual.png`, shot);
      assert.fail(`${view.name} is ${got.width}×${got.height} px, its reference ${want.width}×${want.height} px`);
    }
    const diff = new PNG({ width: want.width, height: want.height });
    const differing = pixelmatch(want.data, got.data, diff.data, want.width, want.height, { threshold: THRESHOLD });
    const share = differing / (want.width * want.height);
    if (share > ALLOWED) {
      writeFileSync(`${RESULTS}/${view.name}-actual.png`, shot);
      writeFileSync(`${RESULTS}/${view.name}-diff.png`, PNG.sync.write(diff));
    }
    assert.ok(share <= ALLOWED, `${view.name}: ${differing} pixels (${(share * 100).toFixed(2)}%) differ from the reference`);
  });
}
