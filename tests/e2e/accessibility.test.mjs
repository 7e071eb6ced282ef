// End-to-end accessibility: axe-core on every view in both themes, a
// keyboard-only path, and layouts without horizontal scrolling.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { openMap, startSuite } from "./helpers.mjs";

const AXE = readFileSync(fileURLToPath(new URL("../../node_modules/axe-core/axe.min.js", import.meta.url)), "utf8");
const RULES = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];

let suite;
before(async () => { suite = await startSuite(); });
after(async () => { await suite.close(); });

async function violations(page) {
  await page.addScriptTag({ content: AXE });
  const result = await page.evaluate((rules) => window.axe.run(document, { runOnly: rules }), RULES);
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(" | ")}`);
}

const views = {
  "main view": "?month=2025-08",
  "country panel": "?month=2025-08&country=KOR",
  "compare panel": "?month=2025-08&compare=eu-us",
  "claims check": "?panel=claims",
  "supply chain with layer": "?panel=structure&layer=reserves",
  capacity: "?panel=capacity",
  "month without data": "?month=2025-03",
  "embed mode": "?month=2025-08&embed=1",
  "zoomed on Korea": "?month=2025-09&country=KOR&zoom=4",
  "in Korean, with the compare panel": "?month=2025-08&compare=kor-jpn&lang=ko",
  "in Mongolian, with a country panel": "?month=2025-08&country=MNG&lang=mn",
};

for (const theme of ["light", "dark"]) {
  for (const [name, query] of Object.entries(views)) {
    test(`axe finds no violations: ${name}, ${theme} theme`, async () => {
      const { page } = await openMap(suite, `${query}&theme=${theme}`);
      assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), theme);
      const focused = page.locator('[data-testid="flow"]').first();
      if (await focused.count()) await focused.focus();
      assert.deepEqual(await violations(page), []);
      await page.close();
    });
  }
}

for (const theme of ["light", "dark"]) {
  test(`axe finds no violations: share dialog open, ${theme} theme`, async () => {
    const { page } = await openMap(suite, `?month=2025-08&theme=${theme}`);
    await page.getByTestId("share").click();
    await page.frameLocator('[data-testid="share-preview"] iframe').locator('[data-testid="flow-map"][data-state="ready"]').waitFor();
    assert.deepEqual(await violations(page), []);
    // The dialog is modal: focus starts inside it and Escape closes it.
    assert.ok(await page.evaluate(() => document.activeElement.closest("dialog") !== null));
    await page.keyboard.press("Escape");
    assert.equal(await page.getByTestId("share-dialog").isVisible(), false);
    await page.close();
  });
}

test("the dark theme follows the system until the reader chooses", async () => {
  const context = await suite.browser.newContext({ colorScheme: "dark" });
  const page = await context.newPage();
  await page.goto(`${suite.server.url}?month=2025-08`);
  await page.waitForSelector('[data-testid="flow-map"][data-state="ready"]');
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), "dark");
  await page.getByTestId("theme").click();
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), "light");
  assert.match(new URL(page.url()).search, /theme=light/);
  await context.close();
});

test("a keyboard alone reaches a flow, hears it announced, moves along flows and selects a country", async () => {
  const { page, errors } = await openMap(suite, "?month=2025-09");
  let reached = null;
  for (let i = 0; i < 30 && !reached; i++) {
    await page.keyboard.press("Tab");
    reached = await page.evaluate(() => document.activeElement?.dataset?.testid === "flow" ? document.activeElement.dataset.to : null);
  }
  assert.ok(reached, "a flow is reachable with Tab");
  const visible = await page.evaluate(() => getComputedStyle(document.activeElement).stroke);
  assert.notEqual(visible, "none", "focus is visible");
  const announcer = page.getByTestId("announcer");
  assert.match(await announcer.innerText(), /^China to .+, September 2025: [\d,.]+ tonnes, /);
  await page.keyboard.press("ArrowRight");
  const next = await page.evaluate(() => document.activeElement.dataset.to);
  assert.notEqual(next, reached, "the arrow key moves to the next flow");
  assert.match(await announcer.innerText(), /^China to /);
  const name = (await announcer.innerText()).match(/^China to (.+), September/)[1];
  await page.keyboard.press("Enter");
  const panel = page.getByTestId("country-panel");
  await panel.waitFor();
  assert.match(await panel.innerText(), new RegExp(name));
  await page.keyboard.press("Escape");
  await panel.waitFor({ state: "detached" });
  assert.deepEqual(errors, []);
  await page.close();
});

for (const width of [320, 768, 1440]) {
  test(`no horizontal scrolling at ${width} px, with the map drawn`, async () => {
    const { page } = await openMap(suite, "?month=2025-09&compare=kor-jpn", { viewport: { width, height: 900 } });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.equal(overflow, 0);
    const map = await page.getByTestId("flow-map").boundingBox();
    assert.ok(map.width > width * 0.6, `the map uses most of the width: ${map.width}`);
    await page.screenshot({ path: `test-results/layout-${width}.png`, fullPage: true });
    // The share dialog fits too.
    await page.getByTestId("share").click();
    const dialog = await page.getByTestId("share-dialog").evaluate((d) => d.scrollWidth - d.clientWidth);
    assert.equal(dialog, 0, "the share dialog scrolls sideways");
    await page.close();
  });
}

for (const lang of ["ko", "mn"]) {
  test(`no horizontal scrolling at 320 px in ${lang}, where names run longer`, async () => {
    const { page } = await openMap(suite, `?month=2025-09&compare=kor-jpn&lang=${lang}`, { viewport: { width: 320, height: 900 } });
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), 0);
    await page.screenshot({ path: `test-results/layout-320-${lang}.png`, fullPage: true });
    await page.close();
  });
}

test("with reduced motion nothing animates and nothing plays by itself", async () => {
  const context = await suite.browser.newContext({ reducedMotion: "reduce" });
  const page = await context.newPage();
  await page.goto(`${suite.server.url}?month=2025-08`);
  await page.waitForSelector('[data-testid="flow-map"][data-state="ready"]');
  const flow = page.locator('[data-testid="flow"]').first();
  await flow.focus();
  await page.getByTestId("flow-tooltip").waitFor();
  assert.equal(await flow.evaluate((p) => getComputedStyle(p).transitionDuration), "0s");
  assert.equal(await page.evaluate(() => document.getAnimations().length), 0);
  await page.waitForTimeout(2500);
  assert.equal(await page.getByTestId("flow-map").getAttribute("data-month"), "2025-08", "the timeline stays put");
  assert.equal(new URL(page.url()).search, "?month=2025-08");
  await context.close();
  // The same flow does animate for readers who have not asked otherwise.
  const { page: moving } = await openMap(suite, "?month=2025-08");
  assert.equal(await moving.locator('[data-testid="flow"]').first().evaluate((p) => getComputedStyle(p).transitionDuration), "0.15s");
  await moving.close();
});

test("printing gives the map, the summary and each figure's source address", async () => {
  const { page } = await openMap(suite, "?month=2025-08");
  await page.emulateMedia({ media: "print" });
  for (const id of ["flow-map", "summary", "data-table"]) {
    assert.ok(await page.getByTestId(id).isVisible(), `${id} is printed`);
  }
  for (const id of ["share", "download-csv", "zoom-in", "series"]) {
    assert.equal(await page.getByTestId(id).isVisible(), false, `${id} is not printed`);
  }
  const printedSource = await page.locator("a.figure").first().evaluate((a) => getComputedStyle(a, "::after").content);
  assert.match(printedSource, /\(.*https?:\/\//, "the source address follows the figure");
  const pdf = await page.pdf({ format: "A4" });
  assert.ok(pdf.length > 20_000, `a real PDF of ${pdf.length} bytes`);
  await page.close();
});

test("excerpts quoted in Korean or Japanese are marked with their language", async () => {
  const { page } = await openMap(suite, "?month=2025-08&country=KOR");
  const korean = page.getByTestId("country-panel").locator("blockquote.excerpt", { hasText: "희토류" }).first();
  assert.equal(await korean.getAttribute("lang"), "ko");
  const english = page.getByTestId("country-panel").locator("blockquote.excerpt", { hasText: /tons|tonnes|per cent|%/, hasNotText: /[\u3131-\uD79D]/ }).first();
  assert.equal(await english.getAttribute("lang"), "en");
  await page.close();
  const { page: mongolia } = await openMap(suite, "?country=MNG");
  const japanese = mongolia.getByTestId("country-panel").locator("blockquote.excerpt", { hasText: "トン" }).first();
  assert.equal(await japanese.getAttribute("lang"), "ja");
  await mongolia.close();
});
